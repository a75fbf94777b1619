"""Bytes → text: encoding detection with counts, never a crash.

Handles UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), GB18030/GBK
and Big5.  Undecodable bytes are replaced by U+FFFD and counted.  Empty and
binary inputs are reported through `ReadResult.status` and carry no text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Very frequent characters in Chinese reports, Simplified and Traditional forms:
# used to choose between the legacy encodings when several decode.
_COMMON = set(
    "的一是在了和有大这中人上为国不以个我们工作发展年建设要会地进行出等镇乡代表政府"
    "議這個們為發會進國說時來對於經過還應設爲將關實現鄉鎮縣區點總結報告"
    "领导领導经济經濟加强加強开展開展全面推进推進代表大会大會主席团團"
)


@dataclass
class ReadResult:
    """Decoded text and what reading it took.

    status      "ok", "empty" or "binary" (the latter two carry no text)
    encoding    name of the codec used ("utf-8", "utf-8-sig", "utf-16", "gb18030", "big5")
    replaced    number of undecodable bytes replaced by U+FFFD
    """

    text: str
    encoding: str
    status: str = "ok"
    replaced: int = 0
    bom: bool = False
    stats: dict = field(default_factory=dict)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    # ASCII-heavy UTF-16 shows NULs on one side; CJK UTF-16 shows none, so also
    # accept a clean strict decode with mostly CJK characters.
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    if len(data) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
            if cjk > 0.6 * len(text) and _score(text) > 0.05:
                return codec
    return None


def _count_replaced(data: bytes, encoding: str) -> tuple[str, int]:
    text = data.decode(encoding, errors="replace")
    return text, text.count("\ufffd")


def _score(text: str) -> float:
    if not text:
        return 0.0
    common = sum(1 for ch in text if ch in _COMMON)
    bad = text.count("\ufffd") + sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
    return (common - 5 * bad) / len(text)


def decode_bytes(data: bytes) -> ReadResult:
    """Decode raw bytes; choose the encoding from BOMs, strict decodes and a score."""
    if not data or not data.strip():
        return ReadResult("", "", status="empty")
    if data.startswith(b"\xef\xbb\xbf"):
        text, bad = _count_replaced(data[3:], "utf-8")
        return ReadResult(text, "utf-8-sig", replaced=bad, bom=True)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        text, bad = _count_replaced(data[2:], codec)
        return ReadResult(text, "utf-16", replaced=bad, bom=True)
    guess16 = _utf16_without_bom(data)
    if guess16:
        text, bad = _count_replaced(data, guess16)
        return ReadResult(text, "utf-16", replaced=bad)
    if _looks_binary(data):
        return ReadResult("", "", status="binary")
    try:
        return ReadResult(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text8, bad8 = _count_replaced(data, "utf-8")
    if bad8 <= max(2, len(data) // 200):
        return ReadResult(text8, "utf-8", replaced=bad8)
    candidates = []
    for codec in ("gb18030", "big5", "utf-8"):
        text, bad = _count_replaced(data, codec)
        candidates.append((_score(text) - bad / max(len(text), 1), codec, text, bad))
    candidates.sort(key=lambda c: c[0], reverse=True)
    _, codec, text, bad = candidates[0]
    if bad > 0.2 * max(len(text), 1):
        return ReadResult("", "", status="binary", replaced=bad)
    return ReadResult(text, codec, replaced=bad)


MAX_FILE_BYTES = 64 * 1024 * 1024  # one corpus file; a year of a county's reports is a few MB


def read_path(path: Path, limit: int = MAX_FILE_BYTES) -> ReadResult:
    """Read one file: regular files only (a FIFO or /dev/zero never hangs), at most `limit` bytes.

    Unreadable, special or oversized files raise InputError naming the file, in Chinese.
    """
    from ..fileio import read_regular

    return decode_bytes(read_regular(path, limit, "语料文件"))


def split_lines(text: str) -> list[str]:
    """Split on any newline convention; raw line i is element i-1."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
