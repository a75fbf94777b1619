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


def _sheet_and_schema(ws: Workspace, text: str, source: str) -> tuple[dict, dict, dict]:
    data, meta = _sheet(ws, text, source)
    return data, meta, ws.template(data["template"]).schema


def fitting(ws: Workspace, text: str, source: str, field: str) -> list:
    """The bank entries that fit a field of this sheet, filled in (formulas.Fit: .text, .mode, .candidate)."""
    from ..formulas import fitting_phrases

    data, meta, schema = _sheet_and_schema(ws, text, source)
    return fitting_phrases(meta, data, field, ws.bank(), schema=schema)


def _suggestion(variant, c, genre) -> Suggestion:
    e = c.entry
    return Suggestion(variant, c.text, e["text"], e.get("role"), e.get("function"), tuple(e.get("sources") or ()),
                      int(e.get("count", 0) or 0), genre in (e.get("genres") or ()), tuple(e.get("genres") or ()))


def suggest(ws: Workspace, text: str, source: str, field: str, *, limit: int = 20) -> list[Suggestion]:
    """Candidates for a field, filled in for this sheet; a formula field's are numbered as --variant takes them.

    Any other text field gets the same fit rules (role, slots filled from the sheet, level,
    era, register); numbers, dates and lists of objects take no phrases (InputError).
    """
    from ..formulas import candidates, template_slots

    data, meta = _sheet(ws, text, source)
    slots = template_slots(meta)
    genre = meta.get("genre")
    if field in slots:
        found = candidates(slots[field], data, ws.bank())
        return [_suggestion(k, c, genre) for k, c in enumerate(found)][:limit]
    try:
        fits = fitting(ws, text, source, field)
    except InputError as exc:  # not a field of this genre, or not a text field: the command line asked wrongly
        raise UsageError(f"不是可套用常用语的字段：{field}（{exc.message}）；套话字段：{'、'.join(slots)}") from None
    return [_suggestion(None, fit.candidate, genre) for fit in fits][:limit]


def is_formula_field_filled(ws: Workspace, text: str, source: str, field: str) -> bool:
    """True when the clerk wrote the field, so render uses it and not the bank."""
    from ..formulas import get_path

    data, _meta = _sheet(ws, text, source)
    return get_path(data, field) not in (None, "")


class NeedsConfirmation(InputError):
    """The phrase would replace the sentence a field already holds: the front end asks first."""


def insert_phrase(ws: Workspace, text: str, source: str, field: str, phrase: str, *, replace: bool = False) -> str:
    """The sheet's text with a fitting phrase put into a field; comments and layout untouched.

    Only a phrase that fits the field (suggest's rules) goes in, filled in for this sheet: a
    list of sentences gets it as a new item; a one-sentence field is replaced, which needs
    `replace=True` when it already holds something (NeedsConfirmation otherwise).
    """
    from ..factsheet_edit import FieldError, append_to_list, replace_scalar
    from ..formulas import get_path

    fits = fitting(ws, text, source, field)
    fit = next((f for f in fits if phrase in (f.text, f.candidate.entry["text"])), None)
    if fit is None:
        raise InputError(f"{source}: 这条常用语不适合字段 {field}（角色、句式、槽位或年代不符），未写入；"
                         f"drafter suggest {source} {field} 可查看适合的表述")
    try:
        if fit.mode == "append":
            return append_to_list(text, field, fit.text)
        data, _meta = _sheet(ws, text, source)
        if get_path(data, field) not in (None, "") and not replace:
            raise NeedsConfirmation(f"{source}: 字段 {field} 已有内容，替换前请确认")
        return replace_scalar(text, field, fit.text)
    except FieldError as exc:
        raise InputError(f"{source}: 字段 {field} 无法写入：{exc}") from exc


def check_insert_target(ws: Workspace, text: str, source: str, field: str) -> list:
    """Refuse a field before the clerk picks anything; the fits to offer otherwise."""
    fits = fitting(ws, text, source, field)
    if not fits:
        raise InputError(f"{source}: 常用语库中没有适合字段 {field} 的表述")
    return fits
