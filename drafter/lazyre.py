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


# PyYAML's pure-Python reader compiles, when yaml is imported, a class spanning most of
# Unicode — two thirds of PyYAML's import cost (57 M instructions, ~4 ms; yaml/pyyaml#124 and
# #301, open upstream). drafter never runs that reader: it parses with libyaml and refuses
# bad characters itself (yamlio._FORBIDDEN). The same set written as its complement
# compiles ten times faster and matches exactly the same characters (tests/test_lazyre.py checks
# every code point), so it is placed in re's compile cache before yaml is imported.
PYYAML_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
PYYAML_PRINTABLE_COMPLEMENT = "[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]"


def spare_pyyaml_reader_pattern() -> None:
    """Before the first `import yaml`: let its reader's pattern come compiled from the cheap complement."""
    import sys

    cache = getattr(re, "_cache", None)
    if "yaml" in sys.modules or not isinstance(cache, dict):
        return  # too late, or a Python whose re keeps no such cache: yaml compiles its own, as before
    cache.setdefault((str, PYYAML_NON_PRINTABLE, 0), re.compile(PYYAML_PRINTABLE_COMPLEMENT))
