"""Find templates, load their schema and meta, and render a fact sheet to report markup.

A template is a folder: template.md.j2 (Jinja2 → markup), schema.yaml (JSON
Schema as YAML; `$ref` to a file under templates/_shared/ is inlined), meta.yaml
(name, description, sources, output_name) and example.yaml (example values for
`drafter new`). Genres are data: a new folder is a new template.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import FileSystemLoader, StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from . import filters
from .errors import TemplateError, UsageError
from .markup import escape
from .resources import templates_dir, user_templates_dirs

SHARED = "_shared"


@dataclass(frozen=True)
class Template:
    id: str
    folder: Path
    meta: dict

    @property
    def name(self) -> str:
        return self.meta.get("name", self.id)

    @property
    def description(self) -> str:
        return self.meta.get("description", "")

    @functools.cached_property
    def schema(self) -> dict:
        return load_schema(self.folder / "schema.yaml")

    def example(self) -> dict:
        return _read_yaml(self.folder / "example.yaml")


_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(f"{path}: 模板文件无法读取或格式有误（{exc}）")


def _inline_refs(node: Any, base: Path, seen: tuple[Path, ...] = ()) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            target = (base / ref).resolve()
            if target in seen:
                raise TemplateError(f"{target}: schema 片段循环引用")
            loaded = _inline_refs(_read_yaml(target), target.parent, seen + (target,))
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return {**loaded, **{k: _inline_refs(v, base, seen) for k, v in extra.items()}}
        return {k: _inline_refs(v, base, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_refs(v, base, seen) for v in node]
    return node


def load_schema(path: Path) -> dict:
    """A template's schema with shared fragments inlined: self-contained JSON Schema."""
    return _inline_refs(_read_yaml(path), path.parent)


def _search_dirs() -> list[Path]:
    return user_templates_dirs() + [templates_dir()]


def default_dirs() -> tuple[Path, ...]:
    """Template folders searched first to last: a unit's own (DRAFTER_TEMPLATES), then the shipped ones."""
    return tuple(_search_dirs())


def available(dirs: tuple[Path, ...] | None = None) -> dict[str, Template]:
    """All templates by id; an earlier folder (a unit's own) wins over a later one (the shipped)."""
    return _scan(tuple(dirs) if dirs is not None else default_dirs())


@functools.lru_cache(maxsize=8)
def _scan(dirs: tuple[Path, ...]) -> dict[str, Template]:
    found: dict[str, Template] = {}
    for root in reversed(dirs):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if folder.name.startswith(("_", ".")) or not (folder / "template.md.j2").is_file():
                continue
            meta = _read_yaml(folder / "meta.yaml") or {}
            found[folder.name] = Template(folder.name, folder, meta)
    return dict(sorted(found.items()))


def get(template_id: str, dirs: tuple[Path, ...] | None = None) -> Template:
    templates = available(dirs)
    if template_id not in templates:
        import difflib

        near = difflib.get_close_matches(template_id, list(templates), n=1)
        hint = f"，是不是“{near[0]}”？" if near else ""
        raise UsageError(f"没有名为“{template_id}”的模板{hint}可用模板：{'、'.join(templates)}（drafter templates 可查看）")
    return templates[template_id]


def _finalize(value: Any) -> Any:
    """Every value printed by `{{ }}` is a fact: escape it so the markup cannot misread it."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TemplateError("模板输出了空值（None）：可选字段请先用 {% if %} 判断")
    return Markup(escape(str(value)))


class _FactEnvironment(SandboxedEnvironment):
    """Sandbox where a mapping's keys are its only attributes.

    Fact sheets have fields named `items`, `keys`, `values`…; plain Jinja would
    hand the template dict methods for them (`section.items` is dict.items).
    Here a missing key is simply undefined (an error under StrictUndefined).
    """

    def getattr(self, obj, attribute):
        if isinstance(obj, dict):
            return obj[attribute] if attribute in obj else self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        if isinstance(obj, dict):
            return obj[argument] if argument in obj else self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)


@functools.lru_cache(maxsize=None)
def _environment(folder: Path, shared: Path) -> SandboxedEnvironment:
    env = _FactEnvironment(
        loader=FileSystemLoader([str(folder), str(shared)]),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters.FILTERS)
    env.tests["filled"] = is_filled
    return env


def is_filled(value: Any) -> bool:
    """`x is filled`: present and not empty — how templates test optional fields under StrictUndefined."""
    return not isinstance(value, Undefined) and value not in (None, "", [], {})


def _plain_environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters.update(filters.FILTERS)
    return env


def _template_line(exc: BaseException) -> str:
    """'template.md.j2 第 N 行' from the Jinja-rewritten traceback, when it is there."""
    tb = exc.__traceback__
    where = ""
    while tb is not None:
        fname = tb.tb_frame.f_code.co_filename
        if fname.endswith(".j2"):
            where = f"{Path(fname).parent.name}/{Path(fname).name} 第 {tb.tb_lineno} 行"
        tb = tb.tb_next
    return where


def _shared_dir(template: Template) -> Path:
    """The _shared macros beside the template, else the shipped ones (a unit's templates may reuse them)."""
    beside = template.folder.parent / SHARED
    return beside if beside.is_dir() else templates_dir() / SHARED


def render_markup(template: Template, data: dict, extra: dict | None = None) -> str:
    """Fact-sheet data → markup text. Missing values are errors, never empty strings."""
    env = _environment(template.folder, _shared_dir(template))
    try:
        tpl = env.get_template("template.md.j2")
        return tpl.render(**data, **(extra or {}))
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or template.id}:{exc.lineno}: 模板语法错误：{exc.message}")
    except UndefinedError as exc:
        where = _template_line(exc)
        name = re.sub(r"^'(.*)' is undefined$", r"\1", str(exc))
        name = re.sub(r"^.* has no attribute '(.*)'$", r"\1", name)
        raise TemplateError(f"{where or template.id}: 事实表缺少模板需要的值“{name}”")
    except SecurityError as exc:
        raise TemplateError(f"{_template_line(exc) or template.id}: 模板执行了不安全的操作（{exc}）")
    except TemplateError as exc:
        where = _template_line(exc)
        raise TemplateError(f"{where}: {exc.message}" if where else exc.message)
    except (ValueError, TypeError, KeyError) as exc:
        where = _template_line(exc)
        raise TemplateError(f"{where or template.id}: 渲染失败：{exc}")


_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def output_stem(template: Template, data: dict, fallback: str) -> str:
    """The default output file name (no extension): the fact sheet's `output`, else meta's pattern."""
    if isinstance(data.get("output"), str) and data["output"].strip():
        stem = data["output"].strip()
    elif template.meta.get("output_name"):
        try:
            stem = _plain_environment().from_string(template.meta["output_name"]).render(**data)
        except Exception:  # a name pattern must never stop a render
            stem = fallback
    else:
        stem = fallback
    stem = _BAD_NAME.sub("_", stem).strip(" .") or fallback
    for ext in (".docx", ".md", ".txt"):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
    return stem
