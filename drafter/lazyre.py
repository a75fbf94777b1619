"""Regular expressions compiled on first use.

Compiling a pattern costs about as much as rendering a paragraph, and a class
of Chinese characters ([\u4e00-\u9fff]) ten times that: Python's compiler walks
every code point of the range. A module's table of patterns used by one path
(lint, mining) should not be paid for by every other path (render), so such
tables hold LazyPattern, which compiles the pattern when it is first used and
then behaves as the compiled pattern (search, match, sub, finditer, pattern …).
"""
from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A re.Pattern that is compiled at its first use."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
