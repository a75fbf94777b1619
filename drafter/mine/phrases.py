"""Phrase bank mining: formulaic sentences and headings, by role, with provenance.

Pure functions over mined `Document`s (drafter.corpus.pipeline.mine_paths).
Variable parts become named slots ({单位}, {年份}, {数字}, {会议}, {领导},
{地名}); sentences
with holes left by corpus noise are rejected; near-duplicates are merged;
duplicate documents count once but still add their source lines.

jieba (keywords) is imported only inside `add_keywords`, never at module load.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..corpus.model import Document
from ..gongwen.sentences import clauses
from ..phrasebank import PhraseEntry

SLOT_RE = re.compile(r"\{[^{}]+\}")

# --- slots -------------------------------------------------------------------
_MEETING = re.compile(
    r"(?:(?:第)?[一二三四五六七八九十_＿]+届)?"
    r"(?:人大)?(?:第)?[一二三四五六七八九十_＿]+次(?:会议|全体会议)"
)
_YEAR = re.compile(r"(?:(?:19|20)\d{2}|20_+|_+)年")
_NUM = re.compile(r"\d+(?:[.．]\d+)?")
_UNIT = re.compile(r"(?:_{2,}|＿{2,}|[Xx×]{2,}|某)(?=[镇乡县区市州村])")
_BLANK = re.compile(r"_{2,}|＿{2,}")


# 县委、县政府和镇党委 — the leadership chain, which every unit names differently
_LEADERS = re.compile(r"[省市县区州]委、[省市县区州](?:人民)?政府和[镇乡](?:党)?委")
# The town's own organs, which each level and each fact sheet names its own way (镇委 / 乡党委 /
# 街道党工委; 镇人民政府 / 街道办事处; 镇人大): slots the formula filler fills from the sheet.
_ORGANS = [
    (re.compile(r"(?<![乡城集村县区市省州])[镇乡](?:党)?委(?![员会托屈书])"), "{党委}"),
    (re.compile(r"(?<![乡城集村])[镇乡](?:人民)?政府"), "{政府}"),
    (re.compile(r"(?<![乡城集村])[镇乡]人大(?!主席团|代表|常委|工作|主席|工委|会议)"), "{人大}"),
]


@lru_cache(maxsize=1)
def _places() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(own-town names, higher-level names) of the corpus as alternations (drafter/data/corpus_places.yaml)."""
    import yaml

    from ..resources import data_file

    data = yaml.safe_load(data_file("corpus_places.yaml").read_text(encoding="utf-8")) or {}

    def alt(names: list[str]) -> re.Pattern | None:
        names = sorted(names or [], key=len, reverse=True)
        return re.compile("|".join(map(re.escape, names))) if names else None

    return alt(data.get("unit")), alt(data.get("upper"))


def slot(text: str) -> str:
    """Replace the variable parts of a sentence with named slots."""
    t = text
    t = _LEADERS.sub("{领导}", t)
    for pattern, name in _ORGANS:
        t = pattern.sub(name, t)
    unit, upper = _places()
    if unit is not None:
        t = unit.sub("{单位}", t)
    if upper is not None:
        t = upper.sub("{地名}", t)
    t = _MEETING.sub("{会议}", t)
    t = _YEAR.sub("{年份}", t)
    t = _UNIT.sub("{单位}", t)
    t = _BLANK.sub("{单位}", t)
    t = _NUM.sub("{数字}", t)
    t = re.sub(r"(\{数字\})+", "{数字}", t)
    return t


# --- holes from corpus noise ---------------------------------------------------
_HOLES = re.compile(
    r"共有个|月日|年月|增长。|增长，|增长、|达到。|\ufffd|□|\?\?|？？|"
    r"[，、]{2}|（）|\(\)|“”|为万|为亿|约万|达万|达亿|元，增长|个，增长|[^\d}一二三四五六七八九十两几多]%|"
    r"[^\x00-\u9fff\u3000-\u303f\uff00-\uffef{}“”‘’—…·]|"
    r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]"  # a pinyin gloss left from 現(xiàn) noise
)


def has_hole(text: str, raw: str | None = None) -> bool:
    """True when the text has a hole left by corpus noise, or the raw text had a blank of unknown content ({数字}, {名称})."""
    return bool(_HOLES.search(text)) or (raw is not None and ("{数字}" in raw or "{名称}" in raw))


# --- function cues per role -----------------------------------------------------
# (role, function, pattern): first match wins within a role.
CUES: dict[str, list[tuple[str, re.Pattern]]] = {}


def _cue(role: str, function: str, pattern: str) -> None:
    CUES.setdefault(role, []).append((function, re.compile(pattern)))


_cue("opening", "开头", r"向大会.{0,6}报告|请予?审议|提出.{0,8}意见|如下[:：。]?$|汇报如下|报告如下|总结如下|下面.{0,20}(意见|问题)")
_cue("achievements", "数据引述", r"(\{数字\}.{0,3}(亿元|万元|%|个百分点|人|户|家|个|公里|亩)).*(\{数字\}.{0,3}(亿元|万元|%|个百分点|人|户|家|个|公里|亩))")
_cue("achievements", "过渡", r"(做了|开展了|抓了|做到了|做好了).{0,6}以下.{0,8}(工作|几点|方面)[:：。]?$|主要做了|做了大量工作[:：]$")
_cue("achievements", "总结", r"^(一年来|一年以来|过去的?一年|过去的?五年|几年来|三年来|五年来|今年以来|去年以来|{年份}.{0,4}是).{6,}|(圆满|较好地?|全面)完成了?.{0,20}(目标任务|任务目标|各项任务)")
_cue("thanks", "致谢", r"感谢|敬意|问候")
_cue("thanks", "总结", r"成绩的取得|正确领导的结果|共同努力的结果|分不开|离不开|得益于")
_cue("shortcomings", "过渡", r"肯定成绩的同时|清醒地?(认识|看)|存在.{0,16}(问题|不足|差距|困难)|主要表现在|差距")
_cue("shortcomings", "表态", r"加以解决|认真解决|针对这些问题|正视.{0,6}问题|改进工作|切实解决")
_cue("plan_overview", "总体要求", r"指导思想|总体要求|总体思路|工作思路|总的要求")
_cue("plan_overview", "形势", r"关键之?年|开局之年|之年|机遇|挑战|展望")
_cue("targets", "数据引述", r"(预期目标|主要指标|任务目标|目标是|指标为)")
_cue("tasks", "过渡", r"以下.{0,10}(工作|方面|实事|几点|措施|问题)[:：。]?$|做出努力[:：]|实事[、，]?好事[:：]?$|主要从.{0,6}方面")
_cue("tasks", "表态", r"^(力争|确保)")
_cue("closing", "号召", r"努力奋斗|让我们|谢谢大家|贡献[!！]|新台阶")
_cue("closing", "表态", r"批评指正|不妥之处|以上(汇报|报告)|我将|我们将|我们要|一定能|更大的?贡献|新的贡献|今后的?工作中")

# Parallel heading patterns (CORPUS-NOTES §4.1), tried on short lines and run-in heads.
HEADING_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("以X为Y", re.compile(r"^以.{1,6}为[先基上重要本主纲]")),
    ("坚持X，推进Y", re.compile(r"^坚持.{2,8}[，,].{2,}")),
    ("抓好X这个Y", re.compile(r"^抓好.{1,8}这[个一].{2,8}")),
    ("加大X力度", re.compile(r"^加大.{2,12}力度")),
    ("强化X", re.compile(r"^强化.{2,12}")),
    ("狠抓X", re.compile(r"^狠抓.{2,12}")),
    ("抓好X工作", re.compile(r"^(突出|着力|切实)?抓好.{2,12}工作")),
    ("扎实X", re.compile(r"^扎实.{2,12}")),
    ("加快X", re.compile(r"^加快.{2,12}")),
    ("加强X", re.compile(r"^加强.{2,12}")),
    ("X有新举措", re.compile(r"有新(举措|突破|面貌|提高|发展|进展|成效)")),
    ("X大建设", re.compile(r"^.{2,6}大(建设|发展|提升|改善|变化|繁荣)")),
    ("X得到加强", re.compile(r"得到(加强|改善|提升|巩固)$")),
    ("X明显增强", re.compile(r"(明显|有效|不断|持续|全面|逐步)(增强|提升|优化|改善|巩固|加强)$")),
    ("X要有新Y", re.compile(r"要有[大新].{1,4}$")),
    ("要确保X到位", re.compile(r"^要?确保.{2,8}到位")),
    ("VO，VO", re.compile(r"^[\u4e00-\u9fff]{4}[，,][\u4e00-\u9fff]{4,10}$")),
]

_HEAD_PREFIX = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[一二三四五六七八九十]是|——)\s*"
)


@dataclass
class Entry:
    """One phrase-bank entry (serialised to YAML by `to_dict`)."""

    text: str
    role: str
    function: str
    genres: set[str] = field(default_factory=set)
    count: int = 0
    sources: set[tuple[str, int]] = field(default_factory=set)
    keywords: list[str] = field(default_factory=list)
    pattern: str = ""
    pinyin: str = ""

    def to_dict(self) -> "PhraseEntry":
        """The entry as the bank stores it: drafter.phrasebank.PhraseEntry, the readers' type."""
        d: PhraseEntry = {
            "text": self.text,
            "role": self.role,
            "function": self.function,
        }
        if self.pattern:
            d["pattern"] = self.pattern
        d["genres"] = sorted(self.genres)
        d["count"] = self.count
        d["sources"] = [f"{s}:{n}" for s, n in sorted(self.sources)]
        d["keywords"] = list(self.keywords)
        d["pinyin"] = self.pinyin
        return d


def split_sentences(text: str) -> list[str]:
    """Formula units: sentences cut at ；and after ：(gongwen.sentences.clauses)."""
    return clauses(text)


def _strip_head(text: str) -> str:
    return _HEAD_PREFIX.sub("", text).strip()


def classify_sentence(role: str, text: str) -> str | None:
    """The function of a slotted sentence in a role, or None if not formulaic."""
    for function, pat in CUES.get(role, ()):
        if pat.search(text):
            return function
    return None


def classify_heading(text: str) -> str | None:
    """The §4.1 heading pattern a short heading follows, or None."""
    for name, pat in HEADING_PATTERNS:
        if pat.search(text):
            return name
    return None


def _candidates(doc: Document) -> Iterable[tuple[str, str, str, str, int]]:
    """(role, function, pattern, slotted text, raw line) candidates of one document."""
    for line in doc.lines:
        if "mojibake" in line.flags:
            continue
        roles = [r for r in line.roles if r not in ("title", "salutation", "other")]
        if not roles:
            continue
        text = line.text.strip()
        # headings: whole short line, or the run-in head before the first 。
        head = _strip_head(text.split("。", 1)[0])
        if 4 <= len(head) <= 24 and head != text.rstrip("。") or (4 <= len(head) <= 24 and len(text) <= 26):
            head_s = slot(head.rstrip("。：:"))
            pname = classify_heading(head_s)
            if pname and roles[0] in ("achievements", "tasks", "shortcomings", "review_heading", "plan_heading"):
                if not has_hole(head_s, head):
                    yield roles[0], "标题", pname, head_s, line.raw_no
        if roles[0] in ("review_heading", "plan_heading") and len(text) <= 30:
            raw = _strip_head(text).rstrip("：:")
            t = slot(raw)
            if len(t) >= 4 and not has_hole(t, raw):
                yield roles[0], "标题", "", t, line.raw_no
            continue
        for k, sent in enumerate(split_sentences(text)):
            sent = _strip_head(sent)
            if not (8 <= len(sent) <= 160):
                continue
            s = slot(sent)
            if has_hole(s, sent):
                continue
            # a two-role line: later sentences belong to the later role first
            for role in (roles if k == 0 else roles[::-1]):
                fn = classify_sentence(role, s)
                if fn:
                    yield role, fn, "", s, line.raw_no
                    break


def _shingles(doc: Document) -> set[int]:
    import zlib

    t = re.sub(r"[^\u4e00-\u9fff]", "", doc.text)
    return {zlib.crc32(t[i : i + 8].encode("utf-8")) for i in range(max(len(t) - 7, 0))}


def _is_duplicate(doc: Document, seen: list[set[int]], containment: float = 0.6) -> bool:
    """Deterministic near-duplicate test against earlier documents (stable hashes).

    The pipeline's own duplicate_of flag samples Python's salted hash(), so it can
    differ between runs; the bank must be byte-stable, hence this exact check.
    """
    sig = _shingles(doc)
    dup = bool(sig) and any(len(sig & s) >= containment * min(len(sig), len(s)) for s in seen if s)
    seen.append(sig)
    return dup


def mine_phrases(docs: Iterable[Document], threshold: float = 90.0, dup_flags: bool = False) -> list[Entry]:
    """Mine phrase entries from documents; duplicates count once, sources kept.

    dup_flags=True trusts the pipeline's duplicate_of flags instead of the
    deterministic check (used by tests on hand-built documents).
    """
    from .tally import PhraseTally

    tally = PhraseTally()
    seen_docs: list[set[int]] = []
    for doc in docs:
        dup = bool(doc.flags.get("duplicate_of")) if dup_flags else _is_duplicate(doc, seen_docs)
        tally.add(doc.source, doc.genre, _candidates(doc), dup)
    return tally.finish(threshold)


def merge_near_duplicates(entries: list[Entry], threshold: float = 90.0) -> list[Entry]:
    """Merge entries of one role whose texts are near-identical (rapidfuzz ratio)."""
    from rapidfuzz import fuzz

    by_role: dict[str, list[Entry]] = {}
    for e in sorted(entries, key=lambda e: (-e.count, -len(e.sources), e.text)):
        by_role.setdefault(e.role, []).append(e)
    out: list[Entry] = []
    for role, items in by_role.items():
        kept: list[Entry] = []
        for e in items:
            for k in kept:
                if abs(len(k.text) - len(e.text)) <= max(len(k.text), len(e.text)) * 0.2 and \
                        fuzz.ratio(k.text, e.text, score_cutoff=threshold):
                    k.count += e.count
                    k.sources |= e.sources
                    k.genres |= e.genres
                    break
            else:
                kept.append(e)
        out.extend(kept)
    return out


def sort_entries(entries: list[Entry]) -> list[Entry]:
    """Deterministic order: role, then most frequent first, then text."""
    return sorted(entries, key=lambda e: (e.role, -e.count, e.function, e.text))


_USERDICT_LOADED = False


def _jieba():
    global _USERDICT_LOADED
    import jieba  # mining only
    import jieba.analyse

    if not _USERDICT_LOADED:
        from importlib.resources import files

        path = files("drafter.data").joinpath("phrase_userdict.txt")
        jieba.setLogLevel(60)
        jieba.load_userdict(str(path))
        _USERDICT_LOADED = True
    return jieba.analyse


def add_keywords(entries: list[Entry], top: int = 5) -> None:
    """Fill keywords (jieba TF-IDF with the 公文 user dictionary) and pinyin initials."""
    analyse = _jieba()
    from pypinyin import Style, lazy_pinyin

    for e in entries:
        plain = SLOT_RE.sub("", e.text)
        kws = analyse.extract_tags(plain, topK=top)
        e.keywords = [k for k in kws if not k.isdigit()]
        e.pinyin = pinyin_initials(plain, lazy_pinyin, Style)


def pinyin_initials(text: str, lazy_pinyin=None, Style=None) -> str:
    """Initial letters of the Chinese characters of a text (others dropped)."""
    if lazy_pinyin is None:
        from pypinyin import Style, lazy_pinyin
    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    return "".join(p[:1] for p in lazy_pinyin(han, style=Style.FIRST_LETTER))


def build_bank(docs: Iterable[Document]) -> dict[str, list[dict]]:
    """Documents → {role: [entry dict, …]} ready to be written as YAML."""
    return bank_from_entries(mine_phrases(docs))


def bank_from_entries(entries: list[Entry]) -> dict[str, list[dict]]:
    """Finished entries (from mine_phrases or a PhraseTally) → {role: [entry dict, …]}."""
    add_keywords(entries)
    bank: dict[str, list[dict]] = {}
    for e in entries:
        bank.setdefault(e.role, []).append(e.to_dict())
    return bank


def dump_role(entries: list[dict]) -> str:
    """YAML text of one role file (byte-stable)."""
    import yaml

    header = "# 由 drafter mine --phrasebank 生成，请勿手工编辑。\n"
    return header + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000)
