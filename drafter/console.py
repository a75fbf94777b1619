"""Shared rich consoles: results on stdout, messages and progress on stderr.

Printing never crashes on the console's encoding: on a GBK or ASCII console
(or Windows redirected output) a character the encoding lacks is written as
a \\uXXXX escape instead of raising UnicodeEncodeError.
"""
from __future__ import annotations

import sys

from rich.console import Console


def make_streams_safe(*streams) -> None:
    """Let stdout/stderr escape what their encoding cannot write (idempotent, for any text stream)."""
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", "strict") not in ("strict", None):
            continue
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a detached or closed stream: nothing to protect
            pass


make_streams_safe()

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
