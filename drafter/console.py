"""Plain consoles: results on stdout, messages on stderr — no rich on the everyday path.

Printing never crashes on the console's encoding: on a GBK or ASCII console
(or Windows redirected output) a character the encoding lacks is written as
a \\uXXXX escape instead of raising UnicodeEncodeError. rich is imported only
where a progress bar is drawn (`rich_stderr`), which keeps start-up cheap.
"""
from __future__ import annotations

import sys


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


class Console:
    """print() to a standard stream, looked up at call time (tests and pipes may replace it).

    Accepts rich's keyword arguments (markup, emoji, soft_wrap, highlight) and ignores
    them: text is always printed literally, never as markup.
    """

    def __init__(self, stream: str):
        self._stream = stream

    @property
    def file(self):
        return getattr(sys, self._stream)

    def print(self, *objects, sep: str = " ", end: str = "\n", **_ignored) -> None:
        stream = self.file
        stream.write(sep.join(str(o) for o in objects) + end)
        if self._stream == "stderr":
            stream.flush()


def rich_stderr():
    """A rich console on stderr, for progress bars only."""
    from rich.console import Console as RichConsole

    return RichConsole(stderr=True, highlight=False, soft_wrap=True)


make_streams_safe()

out = Console("stdout")
err = Console("stderr")
