"""The era table (drafter/data/eras.yaml): which formulas belong to which years."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DrafterError
from ..resources import data_file


@dataclass(frozen=True)
class Span:
    """A named thing valid from `start` to `end` (years; month kept for messages)."""

    name: str
    patterns: tuple[str, ...]
    start: int
    end: int | None
    grace: int = 0
    start_text: str = ""
    end_text: str = ""
    first: int | None = None  # first put forward (guiding theories: before they are adopted)
    first_text: str = ""


@dataclass(frozen=True)
class Congress:
    name: str
    number: int
    year: int
    date: str
    plenums: dict[int, str]


@dataclass(frozen=True)
class Eras:
    congresses: tuple[Congress, ...]
    plans: tuple[Span, ...]
    campaigns: tuple[Span, ...]
    leaders: tuple[Span, ...]
    theories: tuple[Span, ...]
    anniversaries: tuple[tuple[str, tuple[str, ...], int], ...]
    formulas: tuple[Span, ...] = ()  # slogans of one period (又好又快, 新常态 …)

    def congress(self, number: int) -> Congress | None:
        return next((c for c in self.congresses if c.number == number), None)

    def successor_year(self, number: int) -> int | None:
        nxt = self.congress(number + 1)
        return nxt.year if nxt else None

    def plan_starting(self, year: int) -> str:
        """The five-year plan whose first year this is (十五五 for 2026), or "": 开局之年 wording."""
        return next((p.name for p in self.plans if p.start == year), "")


def _year(value) -> int:
    return int(str(value)[:4])


def _month_text(value) -> str:
    text = str(value)
    return f"{text[:4]}年{int(text[5:7])}月" if len(text) >= 7 else f"{text[:4]}年"


def _span(entry: dict, key: str = "name") -> Span:
    start = entry.get("start", entry.get("adopted"))
    end = entry.get("end")
    first = entry.get("proposed", start)
    return Span(
        name=str(entry[key]),
        patterns=tuple(entry.get("patterns") or [entry[key]]),
        start=_year(start),
        end=_year(end) if end is not None else None,
        grace=int(entry.get("grace", 0)),
        start_text=_month_text(start),
        end_text=_month_text(end) if end is not None else "",
        first=_year(first),
        first_text=_month_text(first),
    )


def parse(data: dict) -> Eras:
    """Build the table from the loaded YAML (every entry must name its sources)."""
    for section, entries in data.items():
        for entry in entries:
            if not entry.get("sources"):
                raise DrafterError(f"eras.yaml: {section} 中的条目缺少 sources：{entry}")
    return Eras(
        congresses=tuple(
            Congress(c["name"], int(c["number"]), _year(c["date"]), str(c["date"]),
                     {int(k): str(v) for k, v in (c.get("plenums") or {}).items()})
            for c in data["congresses"]
        ),
        plans=tuple(_span(p) for p in data["five_year_plans"]),
        campaigns=tuple(_span(c) for c in data["campaigns"]),
        leaders=tuple(_span(le, "text") for le in data["leadership_formulas"]),
        theories=tuple(_span(t) for t in data["guiding_theories"]),
        anniversaries=tuple((a["name"], tuple(a["patterns"]), int(a["base"])) for a in data["anniversaries"]),
        formulas=tuple(_span(f) for f in data.get("formulas") or ()),
    )


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> Eras:
    """Load and cache the shipped table (or another file with the same shape)."""
    from .. import cache

    path = path or data_file("eras.yaml")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DrafterError(f"{path}: 无法读取年代对照表（{exc.strerror or exc}）") from exc

    def read() -> dict:
        import yaml

        try:
            return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (UnicodeDecodeError, yaml.YAMLError) as exc:
            raise DrafterError(f"{path}: 无法读取年代对照表（{exc}）") from exc

    return parse(cache.derived("eras", str(path.resolve()), raw, read))
