"""Cleaning: named, separately testable repair steps over a list of `Line`.

Each step is a pure function `step(lines) -> (lines, count)`: it returns new
`Line` objects (the input is not modified) and how many repairs it made.  The
steps run in the order CORPUS-NOTES gives (`STEPS`); `clean_lines` applies them
all and returns the per-step counts.  Every output line keeps the raw line
number(s) it came from.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable

from .model import Line
from .tables import common_chars, tables
from ..gongwen.placeholders import SLOT_RE as _SLOT_RE, type_blanks

CJK = "\u4e00-\u9fff"
_CJK_RE = re.compile(f"[{CJK}]")
PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
RUBY_RE = re.compile(f"(?<=[{CJK}\u3400-\u4dbf])\\(([{PINYIN}]{{1,7}})\\)")
LIST_START = re.compile(
    r"^\s*([一二三四五六七八九十]+[、是要]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[,，、]|——|-{2}|[①-⑳])"
)
MARKER_RE = re.compile(r"^\s*[【\[]?(篇[一二三四五六七八九十]+|篇\s*\d{1,2}[】\]]|第[一二三四五六七八九十]+篇)|范文\s*\d+\s*$|感悟[一二三四五六七八九十]+\s*$|篇\s*\d{1,2}\s*$")
TERMINAL = "。！？：；…”’」）)!?:;"

Step = Callable[[list[Line]], tuple[list[Line], int]]


def _new(line: Line, text: str) -> Line:
    return replace(line, text=text, roles=list(line.roles), flags=list(line.flags))


def _map_text(lines: list[Line], fn: Callable[[str], tuple[str, int]]) -> tuple[list[Line], int]:
    out, total = [], 0
    for line in lines:
        text, n = fn(line.text)
        total += n
        out.append(_new(line, text) if n else line)
    return out, total


def drop_blank(lines: list[Line]) -> tuple[list[Line], int]:
    """Remove empty/whitespace-only lines (counted)."""
    kept = [ln for ln in lines if ln.text.strip()]
    return kept, len(lines) - len(kept)


@lru_cache(maxsize=1)
def _chrome_res() -> list[re.Pattern]:
    return [re.compile(p) for p in tables()["chrome_line"]]


def is_chrome(text: str) -> bool:
    """True for page chrome / advertising lines (N1)."""
    s = RUBY_RE.sub("", text.strip())
    if not s:
        return False
    return any(p.search(s) for p in _chrome_res()) and (len(s) < 160 or "欢迎来到" in s or "心得体会" in s)


def drop_chrome(lines: list[Line]) -> tuple[list[Line], int]:
    """N1: drop page chrome and ad lines (breadcrumbs, publish time, download, pagination)."""
    kept = [ln for ln in lines if not is_chrome(ln.text)]
    return kept, len(lines) - len(kept)


@lru_cache(maxsize=1)
def _notice_res() -> list[re.Pattern]:
    return [re.compile(p) for p in tables().get("trailing_notice", [])]


def drop_trailing_notice(lines: list[Line]) -> tuple[list[Line], int]:
    """Drop the notice block that closes a page (licence, repost notice) and everything after it.

    Only a notice in the last third of the file counts, so a report quoting such
    a sentence in its body keeps it.
    """
    if not lines:
        return lines, 0
    last_raw = lines[-1].raw_end
    for k, line in enumerate(lines):
        if line.raw_no * 3 < last_raw * 2 and last_raw - line.raw_no > 40:
            continue
        if any(p.search(line.text) for p in _notice_res()):
            return lines[:k], len(lines) - k
    return lines, 0


_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^<>]{0,200}?/?\s*>")
_BLOCK_TAGS = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "section", "article"}
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
PARA = "\u2029"  # paragraph break inside one raw line, cut by split_run_on_lines


def strip_markup_text(text: str) -> tuple[str, int]:
    """HTML tags and markdown images out; a block tag (<p>, <br />) leaves a paragraph break."""
    n = 0

    def tag(m: re.Match) -> str:
        nonlocal n
        n += 1
        return PARA if m.group(2).lower() in _BLOCK_TAGS else ""

    text = _TAG.sub(tag, text)
    text, k = _MD_IMAGE.subn("", text)
    text = re.sub(f"{PARA}[\\s{PARA}]*", PARA, text).strip(PARA + " ")
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return text, n + k


def strip_markup(lines: list[Line]) -> tuple[list[Line], int]:
    """HTML paragraphs and tags left in scraped text: tags out, paragraph breaks kept (inside the raw line)."""
    out, total = [], 0
    for line in lines:
        if "<" not in line.text and "![" not in line.text:
            out.append(line)
            continue
        text, n = strip_markup_text(line.text)
        total += n
        if n and not text.strip(PARA + " "):
            continue  # a line of markup only
        out.append(_new(line, text) if n else line)
    return out, total


_CHUNK = re.compile(r"^\s*(\d{1,3})、")


def join_page_chunks(lines: list[Line]) -> tuple[list[Line], int]:
    """Undo a page store's chunking: `1、…` `2、…` `3、…` pieces cut mid-sentence become one line again.

    A run qualifies when the numbers count up from 1 with no other line between,
    the pieces are long, and most of them are cut mid-sentence (a real `1、`
    list ends its items with punctuation).
    """
    out: list[Line] = []
    count = 0
    i = 0
    while i < len(lines):
        m = _CHUNK.match(lines[i].text)
        if not m or m.group(1) != "1":
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines):
            mj = _CHUNK.match(lines[j].text)
            if not mj or int(mj.group(1)) != j - i + 1:
                break
            j += 1
        run = lines[i:j]
        heads = [ln.text.strip() for ln in run[:-1]]
        cut = sum(1 for t in heads if t[-1:] not in TERMINAL)
        if len(run) >= 2 and all(len(t) >= 120 for t in heads) and cut * 2 >= len(heads):
            text = "".join(_CHUNK.sub("", ln.text, count=1).strip() for ln in run)
            out.append(replace(run[0], text=text, raw_end=run[-1].raw_end, roles=[], flags=list(run[0].flags) + ["chunks"]))
            count += len(run)
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out, count


_GAP_BREAK = re.compile(r"[ \t\u3000\u00a0]{2,}|(?<=[。！？；!?;])[ \t\u3000]+|[ \t\u3000]+(?=[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]|——)")


_HEADING_GAP = re.compile(r"(?:^|(?<=[。！？；：!?;:\u2029]))([^，,。！？；：:\u2029 ]{2,24})[ \u3000]+(?=[\u4e00-\u9fff“（(\d])")


def mark_paragraph_gaps_text(text: str) -> tuple[str, int]:
    """In a long line, the gaps a page store left between paragraphs become paragraph breaks:
    double spaces, a space after a full stop or before a list number, and the space after a
    short unpunctuated heading (`…意见。 过去一年工作回顾 一年来，…`)."""
    if len(text) < 200:
        return text, 0
    new, n = _GAP_BREAK.subn(PARA, text.strip())
    if n < 2:
        return text, 0
    k = 0
    for _ in range(6):  # a title block of several short pieces: one more piece each round
        new, more = _HEADING_GAP.subn(lambda m: m.group(1) + PARA, new)
        if not more:
            break
        k += more
    return new, n + k


def mark_paragraph_gaps(lines: list[Line]) -> tuple[list[Line], int]:
    """Whole reports on one line: double spaces and spaces after a full stop mark the lost line breaks."""
    return _map_text(lines, mark_paragraph_gaps_text)


_SALUTE_IN = re.compile(r"(各位代表|各位委员|各位领导[、，]?同志们|各位领导|同志们|尊敬的[^，。：:！]{1,24})[：:]")
_OPENING_END = re.compile(
    r"(请予审议|请予审查|提出意见|提出宝贵意见|批评指正|如下|以下)[^。：:]{0,24}[。：:]"
)
_HEAD_IN = re.compile(r"(?<=[。！？；：])(?=[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）])")
_GLUED_TITLE = re.compile(r"^([^是，。：；]{4,40}?(?:报告|总结|要点|讲话|发言|决议|方案|汇报))(?=[\u4e00-\u9fff])")


def _cut_run_on(text: str) -> list[str]:
    """Cut one long paragraph at the seams of a report: title | salutation | opening | numbered parts."""
    cuts: set[int] = set()
    sal = _SALUTE_IN.search(text[:300])
    if sal:
        cuts.update((sal.start(), sal.end()))
        head = text[: sal.start()]
        tail_from = sal.end()
    else:
        head, tail_from = "", 0
    if not sal or sal.start() == 0:
        g = _GLUED_TITLE.match(text)
        if g and len(text) - g.end() > 100 and not re.search(r"[，。：；]", g.group(1)):
            cuts.add(g.end())
    elif head:
        g = _GLUED_TITLE.match(head)
        if g and g.end() < len(head):
            cuts.add(g.end())
    op = _OPENING_END.search(text, tail_from, tail_from + 400)
    if op and op.start() - tail_from < 300:
        cuts.add(op.end())
    for m in _HEAD_IN.finditer(text):
        cuts.add(m.start())
    cuts = sorted(c for c in cuts if 0 < c < len(text))
    pieces, last = [], 0
    for c in cuts:
        pieces.append(text[last:c])
        last = c
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


_REPEATED_TITLE = re.compile(r"^(.{4,30}?)\1+")


def split_run_on_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """A raw line holding several paragraphs (a whole report on one line) becomes several lines.

    The pieces keep the raw line number(s) of their line.  Cuts: paragraph
    breaks left by earlier steps, then in long paragraphs the seams of a report.
    A title repeated back to back (`XX报告XX报告XX报告`) is kept once.
    """
    out: list[Line] = []
    count = 0
    for line in lines:
        text = line.text
        if PARA not in text and len(text) < 200:
            out.append(line)
            continue
        pieces: list[str] = []
        for para in text.split(PARA):
            para = _REPEATED_TITLE.sub(r"\1", para.strip())
            pieces.extend(_cut_run_on(para))
        if len(pieces) <= 1:
            out.append(_new(line, pieces[0]) if pieces and pieces[0] != text else line)
            continue
        count += len(pieces) - 1
        out.extend(replace(line, text=p, roles=[], flags=list(line.flags)) for p in pieces)
    return out, count


@lru_cache(maxsize=1)
def _span_res() -> list[re.Pattern]:
    return [re.compile(p) for p in tables()["injected_span"]]


def cut_injected_spans(lines: list[Line]) -> tuple[list[Line], int]:
    """N2: cut ad spans injected inside running text; a line left empty is dropped."""
    out, total = [], 0
    for line in lines:
        text, n = line.text, 0
        for pat in _span_res():
            text, k = pat.subn("", text)
            n += k
        if n:
            total += n
            if not text.strip(" ,，。"):
                continue
            line = _new(line, text)
            if "gap" not in line.flags:
                line.flags.append("gap")
        out.append(line)
    return out, total


# --- N6: GBK mojibake -------------------------------------------------------

_ASCII_BACK = {",": "，", ";": "；", ":": "：", "!": "！", "(": "（", ")": "）", "?": "？"}
_MOJI_Q = re.compile(f"(?<=[{CJK}，。、；)])\\?(?=[,;:Fl\\u4e00-\\u9fff])")
_PUA = re.compile("[\ue000-\uf8ff]")


def _char_score(text: str) -> float:
    common = common_chars()
    if not text:
        return -1.0
    good = sum(1 for ch in text if ch in common)
    bad = sum(1 for ch in text if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    return (good - 3 * bad) / len(text)


def _shift_decode(segment: str, prev: str = "", bigrams: dict | None = None) -> tuple[str, float] | None:
    """Undo a one-byte shift: encode the garbled run as GB18030 and try every lost lead byte.

    `prev` is the character before the run; `bigrams` (counts of character pairs
    in the same file) rewards a first character that usually follows it.
    """
    src = "".join(_ASCII_BACK.get(ch, ch) for ch in segment)
    try:
        data = src.encode("gb18030")
    except UnicodeEncodeError:
        return None
    best = None
    for lead in range(0x81, 0xFF):
        cand = (bytes([lead]) + data).decode("gb18030", errors="replace")
        score = _char_score(cand)
        if bigrams and prev and cand:
            score += min(bigrams.get(prev + cand[0], 0), 20) / 100
        if best is None or score > best[1]:
            best = (cand, score)
    return best


def _resync_end(text: str, start: int, limit: int = 40) -> int:
    """A shifted decode realigns after the first single-byte char in 0x40-0x7E."""
    for i in range(start, min(len(text), start + limit)):
        ch = text[i]
        if "@" <= ch <= "~" and ch not in "()[]":
            return i + 1
        if ch == "(":
            return i
    return min(len(text), start + limit)


def _prev_char(text: str, pos: int) -> str:
    before = RUBY_RE.sub("", text[:pos])
    return before[-1:] if before else ""


def repair_mojibake_text(text: str, bigrams: dict | None = None) -> tuple[str, int, int]:
    """Repair GBK byte-shift mojibake in one line: returns (text, repaired, flagged)."""
    repaired = flagged = 0
    pos = 0
    while True:
        m = _MOJI_Q.search(text, pos)
        if not m:
            break
        start = m.end()
        end = _resync_end(text, start)
        seg = text[start:end]
        result = _shift_decode(seg, _prev_char(text, m.start()), bigrams) if seg else None
        if result and result[1] >= 0.9 and "\ufffd" not in result[0]:
            fixed = result[0]
            text = text[: m.start()] + fixed + text[end:]
            repaired += 1
            pos = m.start() + len(fixed)
        else:
            flagged += 1
            pos = m.end()
    # runs with private-use characters: find the start that gives the best decode
    guard = 0
    while _PUA.search(text) and guard < 5:
        guard += 1
        first = _PUA.search(text).start()
        best = None
        for start in range(max(0, first - 40), first + 1):
            end = _resync_end(text, start, limit=200)
            seg = text[start:end]
            if not seg:
                continue
            result = _shift_decode(seg)
            if result and (best is None or result[1] > best[2]):
                best = (start, end, result[1], result[0])
        if best and best[2] > 0.85:
            start, end, _, fixed = best
            # keep only the well-decoded prefix up to the last full stop/comma
            text = text[:start] + fixed + text[end:]
            repaired += 1
        else:
            flagged += 1
            break
    return text, repaired, flagged


def repair_mojibake(lines: list[Line]) -> tuple[list[Line], int]:
    """N6: repair GBK mojibake (`?,F(xiàn)將` → `。現(xiàn)將`) where the bytes allow; flag the rest."""
    out, total = [], 0
    bigrams: dict[str, int] | None = None
    for line in lines:
        if "?" not in line.text and not _PUA.search(line.text):
            out.append(line)
            continue
        if bigrams is None:
            bigrams = {}
            for other in lines:
                t = RUBY_RE.sub("", other.text)
                for a, b in zip(t, t[1:]):
                    bigrams[a + b] = bigrams.get(a + b, 0) + 1
        text, fixed, flagged = repair_mojibake_text(line.text, bigrams)
        if fixed or flagged:
            line = _new(line, text)
            if flagged and "mojibake" not in line.flags:
                line.flags.append("mojibake")
        total += fixed
        out.append(line)
    return out, total


def strip_ruby(lines: list[Line]) -> tuple[list[Line], int]:
    """N5: remove pinyin ruby annotations: `鎮(zhèn)` → `鎮`."""
    return _map_text(lines, lambda t: RUBY_RE.subn("", t))


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_simplified(lines: list[Line]) -> tuple[list[Line], int]:
    """N5: Traditional → Simplified with OpenCC t2s; counts changed characters."""
    conv = _t2s()

    def fn(text: str) -> tuple[str, int]:
        # OpenCC takes UTF-8: a lone surrogate (a broken decode upstream) becomes U+FFFD first
        new = conv.convert(_LONE_SURROGATE.sub("\ufffd", text))
        if new == text:
            return text, 0
        return new, sum(1 for a, b in zip(text, new) if a != b) or 1

    return _map_text(lines, fn)


# --- N8: Arabic digits standing for Chinese numerals ------------------------

_CN = "〇一二三四五六七八九"
_NUMERAL_RULES: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (re.compile(r"(^|[。；;，,：:、\s])\s*([1-9])\s*是(?=[\u4e00-\u9fff])"), lambda m: m.group(1) + _CN[int(m.group(2))] + "是"),
    (re.compile(r"进\s*1\s*步"), lambda m: "进一步"),
    (re.compile(r"(?<![\d.])1\s*(些|种|系列|次业务|定|道|起|直|致|切|般|线|方面)"), lambda m: "一" + m.group(1)),
    (re.compile(r"这\s*1\s*(?=[\u4e00-\u9fff])"), lambda m: "这一"),
    (re.compile(r"第\s*1\s*(?=代表|次|个)"), lambda m: "第一"),
    (re.compile(r"(?<![\d.])(\d)0(\d)\s*届"), lambda m: "十" + _CN[int(m.group(2))] + "届" if m.group(1) == "1" else m.group(0)),
    (re.compile(r"第\s*10(\d)\s*条"), lambda m: "第十" + _CN[int(m.group(1))] + "条"),
    (re.compile(r"1\s*⑵\s*次"), lambda m: "一两次"),
    (re.compile(r"(?<![\d.])([2-9])\s*次会议"), lambda m: _CN[int(m.group(1))] + "次会议"),
    (re.compile(r"(?<![\d.])2\s*级"), lambda m: "两级"),
]


def restore_numerals_text(text: str) -> tuple[str, int]:
    total = 0
    for pat, rep in _NUMERAL_RULES:
        text, n = pat.subn(rep, text)
        total += n
    return text, total


def restore_numerals(lines: list[Line]) -> tuple[list[Line], int]:
    """N8: Chinese numerals where digits replaced them (`1 是` → 一是, `进 1 步` → 进一步)."""
    return _map_text(lines, restore_numerals_text)


def despin_text(text: str) -> tuple[str, int]:
    total = 0
    for spun, good in tables()["spin_pairs"]:
        if spun in text:
            total += text.count(spun)
            text = text.replace(spun, good)
    return text, total


def despin(lines: list[Line]) -> tuple[list[Line], int]:
    """N7: restore spun synonyms inside collocations (展开活动 → 开展活动, 苏醒地认识 → 清醒地认识)."""
    return _map_text(lines, despin_text)


# --- N9/N10/N20: spaces, punctuation, acronyms ---------------------------

_SPACE_CJK = re.compile(f"(?<=[{CJK}，。、；：！？“”《》（）])[ \t\u3000\u00a0]+(?=[{CJK}，。、；：！？“”《》（）])")
_SPACE_DIGIT = re.compile(f"(?<=[{CJK}，。、；：])[ \t\u3000]+(?=[\\d_])|(?<=[\\d%_])[ \t\u3000]+(?=[{CJK}，。、；：])")
_SPACE_PUNCT = re.compile(r"[ \t\u3000]+(?=[,.;:!?，。；：！？、])|(?<=[，。；：！？、])[ \t\u3000]+")
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def fix_spaces_text(text: str) -> tuple[str, int]:
    total = 0
    stripped = text.strip()
    if stripped != text:
        total += 1
        text = stripped
    for pat in (_SPACE_CJK, _SPACE_DIGIT, _SPACE_PUNCT, _DIGIT_GROUP):
        text, n = pat.subn("", text)
        total += n
    return text, total


def fix_spaces(lines: list[Line]) -> tuple[list[Line], int]:
    """N9: remove stray spaces inside Chinese text and around digits; strip indentation."""
    return _map_text(lines, fix_spaces_text)


_HALF = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_PUNCT_RE = re.compile(r"[,:;!?()]")
_CJKISH = re.compile(f"[{CJK}\u3000-\u303f\uff00-\uffef“”‘’《》—_0-9%]")


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def fullwidth_text(text: str) -> tuple[str, int]:
    if any("０" <= ch <= "９" for ch in text):
        wide = sum(1 for ch in text if "０" <= ch <= "９")
        text = text.translate(_FULL_DIGITS)
    else:
        wide = 0
    text, n = _fullwidth_punct_text(text)
    return text, n + wide


def _fullwidth_punct_text(text: str) -> tuple[str, int]:
    chars = list(text)
    n = 0
    for i, ch in enumerate(chars):
        if ch not in _HALF:
            continue
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch in ",:;" and prev.isdigit() and nxt.isdigit() and ch != ",":
            continue  # ratios 4:84.7, times 12:46
        if ch == "(" and not (_CJKISH.match(nxt or "x") or _CJKISH.match(prev or "x")):
            continue
        if ch == ")" and not (_CJKISH.match(prev or "x") or _CJKISH.match(nxt or "x")):
            continue
        if ch in ",:;!?" and not (_CJKISH.match(prev or "x") or (not nxt or _CJKISH.match(nxt))):
            continue
        chars[i] = _HALF[ch]
        n += 1
    text = "".join(chars)
    text, k = re.subn(r"(?<=\d)。(?=\d)", ".", text)
    n += k
    text, k = re.subn(r"(（[一二三四五六七八九十]+）)、", r"\1", text)
    n += k
    for acro in tables()["acronyms"]:
        low = acro.lower()
        if low in text:
            text, k = re.subn(rf"(?<![A-Za-z]){re.escape(low)}(?![A-Za-z])", acro, text)
            n += k
    text, k = re.subn(r"(?<=\d)a级", "A级", text)
    return text, n + k


def fullwidth_punct(lines: list[Line]) -> tuple[list[Line], int]:
    """N10: ASCII punctuation between Chinese characters → full-width; `98。9%` → 98.9%."""
    return _map_text(lines, fullwidth_text)


def _is_heading_like(text: str) -> bool:
    s = text.strip()
    if MARKER_RE.search(s):
        return True
    if LIST_START.match(s) and len(s) < 60:
        return True
    if "，" not in s and "," not in s and "。" not in s[:-1] and len(s) < 50:
        return True
    return False


def join_broken_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """N15/N16: join a line broken mid-sentence with the next line; rebuild `其中 / 一、 / 二、三产业`."""
    out: list[Line] = []
    count = 0
    i = 0
    while i < len(lines):
        cur = lines[i]
        while i + 1 < len(lines):
            nxt = lines[i + 1]
            a, b = cur.text.rstrip(), nxt.text.lstrip()
            bare_number = re.fullmatch(r"[一二三四五六七八九十]+、", b)
            false_heading = bare_number and re.search(r"(其中|和|、|及)$", a)
            if re.search(r"[一二三四五六七八九十]、$", a) and re.match(r"[二三四五六七八九十]、[二三四五六七八九十]产业|[二三]产业", b):
                false_heading = True
            if false_heading:
                cur = replace(cur, text=a + b, raw_end=nxt.raw_end, roles=list(cur.roles), flags=list(cur.flags))
                count += 1
                i += 1
                continue
            ends = a[-1:] if a else ""
            # a short piece cut after a function word (…发展的 / 主要目标 / 是：…) is no heading
            dangling = not LIST_START.match(a) and (ends in "的和与及或" or re.match(r"^(是|为)[：:]", b) is not None)
            titled = len(a) <= 60 and (re.search(r"(报告|总结|讲话|要点|方案|汇报|发言|决议)\s*[-—]{2}", a)
                                       or (re.search(r"(报告|总结|讲话|要点|方案|汇报|发言|决议)$", a) and "是" not in a))
            joinable = (
                a
                and not titled
                and ends not in TERMINAL
                and (dangling or not _is_heading_like(a))
                and not LIST_START.match(b)
                and not MARKER_RE.search(b)
                and not re.match(r"^(各位代表|同志们|尊敬的)", b)
                and not re.search(r"\d{3,5}字$", a)
            )
            if not joinable:
                break
            cur = replace(cur, text=a + b, raw_end=nxt.raw_end, roles=list(cur.roles), flags=list(cur.flags))
            count += 1
            i += 1
        out.append(cur)
        i += 1
    return out, count


@lru_cache(maxsize=1)
def _deletion_res() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), r) for p, r in tables()["deletions"]]


def restore_deletions(lines: list[Line]) -> tuple[list[Line], int]:
    """N12: restore known word-filter deletions (民利 → 民主权利, 县人大会 → 县人大常委会)."""

    def fn(text: str) -> tuple[str, int]:
        n = 0
        for pat, rep in _deletion_res():
            text, k = pat.subn(rep, text)
            n += k
        return text, n

    return _map_text(lines, fn)


# --- N11: placeholders -------------------------------------------------------

SLOT_RE = _SLOT_RE


def normalize_placeholders_text(text: str) -> tuple[str, int]:
    return type_blanks(text)


def normalize_placeholders(lines: list[Line]) -> tuple[list[Line], int]:
    """N11: template blanks (`__`, `XX`, `20xx`, `×××`) → typed slots {年份} {数字} {单位} {名称} (gongwen.placeholders)."""
    return _map_text(lines, normalize_placeholders_text)


STEPS: list[tuple[str, Step]] = [
    ("drop_blank", drop_blank),
    ("drop_trailing_notice", drop_trailing_notice),
    ("drop_chrome", drop_chrome),
    ("repair_mojibake", repair_mojibake),
    ("strip_ruby", strip_ruby),
    ("to_simplified", to_simplified),
    ("strip_markup", strip_markup),
    ("cut_injected_spans", cut_injected_spans),
    ("join_page_chunks", join_page_chunks),
    ("mark_paragraph_gaps", mark_paragraph_gaps),
    ("restore_numerals", restore_numerals),
    ("despin", despin),
    ("fix_spaces", fix_spaces),
    ("fullwidth_punct", fullwidth_punct),
    ("split_run_on_lines", split_run_on_lines),
    ("join_broken_lines", join_broken_lines),
    ("restore_deletions", restore_deletions),
    ("normalize_placeholders", normalize_placeholders),
]

STEP_LABELS = {
    "drop_blank": "空行",
    "drop_trailing_notice": "页尾声明",
    "drop_chrome": "网页杂项/广告行",
    "strip_markup": "网页标记",
    "join_page_chunks": "分块编号合并",
    "mark_paragraph_gaps": "段落间隔",
    "split_run_on_lines": "整篇一行拆分",
    "cut_injected_spans": "正文中插入的广告",
    "repair_mojibake": "乱码修复",
    "strip_ruby": "拼音注音",
    "to_simplified": "繁体转简体（字）",
    "restore_numerals": "数字还原为汉字",
    "despin": "伪原创同义词还原",
    "fix_spaces": "多余空格",
    "fullwidth_punct": "半角标点转全角",
    "join_broken_lines": "断行合并",
    "restore_deletions": "已知删字还原",
    "normalize_placeholders": "占位符归一",
}


def make_lines(raw_lines: Iterable[str]) -> list[Line]:
    """Wrap raw text lines as `Line` objects numbered from 1."""
    return [Line(i, t) for i, t in enumerate(raw_lines, 1)]


def clean_lines(lines: list[Line], steps: list[tuple[str, Step]] | None = None) -> tuple[list[Line], dict[str, int]]:
    """Apply every cleaning step in order; returns cleaned lines and counts per step."""
    counts: dict[str, int] = {}
    for name, step in steps or STEPS:
        lines, n = step(lines)
        counts[name] = n
    flagged = sum(1 for ln in lines if "mojibake" in ln.flags)
    counts["mojibake_flagged"] = flagged
    return lines, counts


def clean_text(text: str) -> tuple[list[Line], dict[str, int]]:
    """Convenience: raw text → cleaned lines and counts."""
    from .read import split_lines

    return clean_lines(make_lines(split_lines(text)))


__all__ = [name for name, _ in STEPS] + ["clean_lines", "clean_text", "make_lines", "STEPS", "STEP_LABELS", "is_chrome"]
