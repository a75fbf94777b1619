"""Use cases of the phrase bank: search it, suggest formulas for a field, insert one into a sheet."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UsageError
from .results import Phrase, Suggestion
from .workspace import Workspace


def _phrase(entry: dict, score: float = 0.0) -> Phrase:
    return Phrase(entry["text"], entry.get("role"), entry.get("function"), tuple(entry.get("genres") or ()),
                  tuple(entry.get("sources") or ()), int(entry.get("count", 0) or 0), entry.get("pinyin", "") or "",
                  score, tuple(entry.get("keywords") or ()))


def check_filters(ws: Workspace, role: str | None, genre: str | None) -> None:
    """Unknown role or genre → UsageError listing the valid ones (genres include the unit's templates)."""
    from ..phrasebank import ROLES

    if role is not None and role not in ROLES:
        raise UsageError(f"未知的角色：{role}（可用：{'、'.join(ROLES)}）")
    genres = ws.genres()
    if genre is not None and genre not in genres:
        raise UsageError(f"未知的文种：{genre}（可用：{'、'.join(genres)}）")


def search_phrases(ws: Workspace, query: str, *, role: str | None = None, genre: str | None = None,
                   limit: int = 20) -> list[Phrase]:
    """Ranked matches by text, keywords, pinyin initials and fuzzy similarity."""
    from ..phrasebank import Index, search

    check_filters(ws, role, genre)
    hits = search(_index(ws.phrasebank), query, role=role, genre=genre, limit=limit)
    return [_phrase(e, s) for s, e in hits]


_INDEXES: dict[Path, object] = {}


def _index(folder: Path):
    """One search index per bank folder per process (the web page searches as the clerk types)."""
    from ..phrasebank import Index, load_bank

    if folder not in _INDEXES:
        _INDEXES[folder] = Index.build(load_bank(folder))
    return _INDEXES[folder]


def _sheet(ws: Workspace, text: str, source: str) -> tuple[dict, dict]:
    """A sheet's data (even half-filled) and its template's meta: enough to fill formula slots."""
    from ..factsheet import parse_factsheet

    sheet, problems = parse_factsheet(Path(source), text)
    if sheet is None:
        raise InputError(f"{source}: 无法读取事实表", problems)
    if sheet.template_id is None:
        raise InputError(f"{source}: 事实表缺少模板名（template）")
    return sheet.data, ws.template(sheet.template_id).meta


def suggest(ws: Workspace, text: str, source: str, field: str, *, limit: int = 20) -> list[Suggestion]:
    """Candidates for a formula field, filled in for this sheet and numbered as --variant takes them."""
    from ..formulas import candidates, template_slots
    from ..phrasebank import FORMULA_FIELDS, suggest as generic

    data, meta = _sheet(ws, text, source)
    slots = template_slots(meta)
    genre = meta.get("genre")
    if field in slots:
        found = candidates(slots[field], data, ws.bank())
        return [Suggestion(k, c.text, c.entry["text"], c.entry.get("role"), c.entry.get("function"),
                           tuple(c.entry.get("sources") or ()), int(c.entry.get("count", 0) or 0),
                           genre in (c.entry.get("genres") or ()), tuple(c.entry.get("genres") or ()))
                for k, c in enumerate(found)][:limit]
    if field in FORMULA_FIELDS:
        return [Suggestion(None, e["text"], e["text"], e.get("role"), e.get("function"),
                           tuple(e.get("sources") or ()), int(e.get("count", 0) or 0),
                           genre in (e.get("genres") or ()), tuple(e.get("genres") or ()))
                for e in generic(ws.bank(), field, genre=genre, limit=limit)]
    valid = list(slots) + [f for f in FORMULA_FIELDS if f not in slots]
    raise UsageError(f"不是可套用常用语的字段：{field}（可用：{'、'.join(valid)}）")


def is_formula_field_filled(ws: Workspace, text: str, source: str, field: str) -> bool:
    """True when the clerk wrote the field, so render uses it and not the bank."""
    from ..formulas import get_path

    data, _meta = _sheet(ws, text, source)
    return get_path(data, field) not in (None, "")


def insert_phrase(ws: Workspace, text: str, source: str, field: str, phrase: str) -> str:
    """The sheet's text with a phrase appended to a list field; comments and layout untouched."""
    from ..factsheet_edit import FieldError, append_to_list

    try:
        return append_to_list(text, field, phrase)
    except FieldError as exc:
        raise InputError(f"{source}: 字段 {field} 无法追加：{exc}") from exc


def check_insert_target(ws: Workspace, text: str, source: str, field: str) -> None:
    """Refuse a field before the clerk picks anything."""
    insert_phrase(ws, text, source, field, "")
