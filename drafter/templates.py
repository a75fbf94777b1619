"""Find templates, load their schema and meta, and render a fact sheet to report markup.

A template is a folder: template.md.j2 (Jinja2 → markup), schema.yaml (JSON
Schema as YAML; `$ref` to a file under templates/_shared/ is inlined), meta.yaml
(name, description, sources, output_name) and example.yaml (example values for
`drafter new`). Genres are data: a new folder is a new template.
"""
from __future__ import annotations

import functools
import re
import threading
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError, Undefined, UndefinedError
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from . import filters, yamlio
from .errors import DrafterError, TemplateError, UsageError
from .markup import escape
from .resources import templates_dir, user_templates_dirs
from .template_meta import validate_meta
from .lazyre import lazy
from .record import record

SHARED = "_shared"
MAX_TEMPLATE_FILE = 1024 * 1024        # a template, schema or meta file: a few KB in practice
RENDER_SECONDS = 10.0                  # a template run's time budget (a normal one takes milliseconds)
RENDER_CHARS = 4 * 1024 * 1024         # a template run's output budget, in characters
MAX_ARGUMENT = 1_000_000               # an integer argument larger than this (a width, a count) is refused


@record(frozen=True)
class Template:
    """A template folder and its validated meta.yaml; the Jinja source is read only when rendering."""

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
        return load_schema(self.folder / "schema.yaml", self.folder.parent)

    def example(self) -> dict:
        return _read_yaml(self.folder / "example.yaml")


def _load(path: Path) -> yamlio.Loaded:
    """A template file through the one loader: every problem a located TemplateError."""
    return yamlio.load_file(path, error=TemplateError, what="模板文件", limit=MAX_TEMPLATE_FILE)


def _read_yaml(path: Path) -> Any:
    return _load(path).data


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _inline_refs(node: Any, base: Path, root: Path, loaded: yamlio.Loaded, at: tuple = (),
                 seen: tuple[Path, ...] = (), read: list[Path] | None = None) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            target = (base / ref).resolve()
            if not _inside(target, root):
                raise yamlio.template_error(loaded, at + ("$ref",), f"$ref 只能引用模板文件夹 {root} 之内的文件，不能引用 {ref}")
            if target in seen:
                raise yamlio.template_error(loaded, at + ("$ref",), f"schema 片段循环引用：{ref}")
            inner = _load(target)
            if read is not None:
                read.append(target)
            loaded_node = _inline_refs(inner.data, target.parent, root, inner, (), seen + (target,), read)
            if not isinstance(loaded_node, dict):
                raise yamlio.template_error(inner, (), "schema 片段的顶层应为映射")
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return {**loaded_node, **{k: _inline_refs(v, base, root, loaded, at + (k,), seen, read)
                                      for k, v in extra.items()}}
        return {k: _inline_refs(v, base, root, loaded, at + (k,), seen, read) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_refs(v, base, root, loaded, at + (i,), seen, read) for i, v in enumerate(node)]
    return node


def load_schema(path: Path, root: Path | None = None) -> dict:
    """A template's schema with shared fragments inlined: self-contained, checked JSON Schema.

    `$ref` to a file must stay inside `root` (the folder holding the template
    folders); the result must be a valid JSON Schema (draft 2020-12).
    """
    from . import cache

    path = Path(path)
    root = (root or path.parent.parent).resolve()
    # kept between runs while the schema and every fragment it inlines keep their bytes (drafter.cache)
    return cache.derived_from_files("schema", f"{path.resolve()}\0{root}", lambda: _build_schema(path, root))


def _build_schema(path: Path, root: Path) -> tuple[dict, list[Path]]:
    loaded = _load(path)
    if not isinstance(loaded.data, dict):
        raise yamlio.template_error(loaded, (), f"schema 的顶层应为映射，现在是{yamlio.kind_zh(loaded.data)}")
    read = [path]
    schema = _inline_refs(loaded.data, path.parent, root, loaded, read=read)
    from .schema_fast import schema_is_valid

    if schema_is_valid(schema):
        return schema, read
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = tuple(exc.path)
        raise yamlio.template_error(loaded, where, f"schema 不是有效的 JSON Schema：“{yamlio.format_path(where) or '顶层'}”处的写法不合规范") from None
    return schema, read


def _search_dirs() -> list[Path]:
    return user_templates_dirs() + [templates_dir()]


def default_dirs() -> tuple[Path, ...]:
    """Template folders searched first to last: a unit's own (DRAFTER_TEMPLATES), then the shipped ones."""
    return tuple(_search_dirs())


def available(dirs: tuple[Path, ...] | None = None) -> dict[str, Template]:
    """All usable templates by id; an earlier folder (a unit's own) wins over a later one (the shipped)."""
    return _scan(tuple(dirs) if dirs is not None else default_dirs())[0]


def broken(dirs: tuple[Path, ...] | None = None) -> dict[str, TemplateError]:
    """Templates that could not be loaded (a unit's broken meta.yaml), by id, with the located error."""
    return _scan(tuple(dirs) if dirs is not None else default_dirs())[1]


@functools.lru_cache(maxsize=8)
def _scan(dirs: tuple[Path, ...]) -> tuple[dict[str, Template], dict[str, TemplateError]]:
    found: dict[str, Template] = {}
    bad: dict[str, TemplateError] = {}
    for root in reversed(dirs):
        try:
            if not root.is_dir():
                continue
            folders = sorted(root.iterdir())
        except OSError as exc:
            from .fileio import os_message

            bad[str(root)] = TemplateError(os_message(exc, root, "无法读取模板文件夹"))
            continue
        for folder in folders:
            try:
                if folder.name.startswith(("_", ".")) or not (folder / "template.md.j2").is_file():
                    continue
                loaded = _load(folder / "meta.yaml") if (folder / "meta.yaml").exists() else None
                meta = validate_meta(loaded) if loaded is not None else {}
            except OSError as exc:
                from .fileio import os_message

                bad[folder.name] = TemplateError(os_message(exc, folder, "无法读取模板"))
                found.pop(folder.name, None)
                continue
            except TemplateError as exc:
                bad[folder.name] = exc
                found.pop(folder.name, None)  # a unit's broken override is reported, never silently replaced
                continue
            bad.pop(folder.name, None)
            found[folder.name] = Template(folder.name, folder, meta)
    return dict(sorted(found.items())), bad


@functools.lru_cache(maxsize=32)
def _named(template_id: str, dirs: tuple[Path, ...]) -> Template | None:
    """The template of that id from the first folder that has it, reading only its own meta.yaml.

    The same rule as the full scan (an earlier folder wins; its broken meta is an error, never
    replaced by a later folder's), without reading every other template on each render.
    """
    if not template_id or template_id.startswith(("_", ".")) or "/" in template_id or "\\" in template_id:
        return None
    for root in dirs:
        folder = Path(root) / template_id
        if not (folder / "template.md.j2").is_file():
            continue
        try:
            meta_file = folder / "meta.yaml"
            meta = yamlio.load_derived(meta_file, "meta", validate_meta, error=TemplateError, what="模板文件",
                                       limit=MAX_TEMPLATE_FILE) if meta_file.exists() else {}
        except OSError as exc:
            from .fileio import os_message

            raise TemplateError(os_message(exc, folder, "无法读取模板")) from None
        return Template(folder.name, folder, meta)
    return None


def get(template_id: str, dirs: tuple[Path, ...] | None = None) -> Template:
    dirs = tuple(dirs) if dirs is not None else default_dirs()
    named = _named(template_id, dirs)
    if named is not None:
        return named
    templates = available(dirs)
    if template_id not in templates:
        problems = broken(dirs)
        if template_id in problems:
            raise problems[template_id]
        import difflib

        near = difflib.get_close_matches(template_id, list(templates), n=1)
        hint = f"，是不是“{near[0]}”？" if near else ""
        raise UsageError(f"没有名为“{template_id}”的模板{hint}可用模板：{'、'.join(templates)}（drafter templates 可查看）")
    return templates[template_id]


# --- the budget of one template run -----------------------------------------------

class _BudgetExceeded(Exception):
    pass


class _Budget(threading.local):
    deadline: float | None = None
    chars: int = 0


_BUDGET = _Budget()


def _tick() -> None:
    import time

    if _BUDGET.deadline is not None and time.monotonic() > _BUDGET.deadline:
        raise _BudgetExceeded(f"模板运行超过 {RENDER_SECONDS:g} 秒（可能有过大的循环），已停止")


def _check_args(args: tuple, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
            raise _BudgetExceeded(f"模板中的数值参数过大（{value}），已停止")


_BIG_WIDTH = lazy(r"\d{7,}")
_SIZED_FILTERS = {"center", "indent", "wordwrap", "batch", "slice", "truncate", "format", "join", "random", "sum"}


def _check_format(text: Any) -> None:
    """A format string asking for a million-character width is a runaway, not a report."""
    if isinstance(text, str) and _BIG_WIDTH.search(text):
        raise _BudgetExceeded("模板中的格式宽度过大，已停止")


def _guard_filter(name: str, func):
    """A filter that checks the budget; Jinja's sizing filters also refuse absurd widths and counts."""
    pass_arg = getattr(func, "jinja_pass_arg", None)
    skip = 2 if pass_arg is not None else 1

    def guarded(*args, **kwargs):
        _tick()
        if name in _SIZED_FILTERS:
            _check_args(args[skip:], kwargs)
            if name == "format" and len(args) >= skip:
                _check_format(args[skip - 1])
        return func(*args, **kwargs)

    # what Jinja reads off a filter (how to call it); functools.wraps would copy five more
    # attributes for each of ~150 filters and tests, on every start
    if pass_arg is not None:
        guarded.jinja_pass_arg = pass_arg
    guarded.__name__ = guarded.__qualname__ = getattr(func, "__name__", name)
    guarded.__wrapped__ = func
    return guarded


class _ConfinedLoader(BaseLoader):
    """Template sources from the template's folder, then the shared macros: regular files, size-limited, no escape."""

    def __init__(self, folders: list[Path]):
        self.folders = [Path(f) for f in folders]

    def get_source(self, environment, template):
        from .fileio import is_regular_file, read_regular
        from .errors import InputError

        pieces = split_template_path(template)  # refuses ".." (TemplateNotFound)
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if not path.exists() and not path.is_symlink():
                continue
            real = path.resolve()
            if not any(_inside(real, f.resolve()) for f in self.folders):
                raise TemplateError(f"{path}: 模板引用的文件不在模板文件夹之内，已拒绝")
            if not is_regular_file(real):
                raise TemplateError(f"{path}: 模板引用的不是普通文件，已拒绝")
            try:
                raw = read_regular(real, MAX_TEMPLATE_FILE, "模板文件")
                source = raw.decode("utf-8-sig")
            except InputError as exc:
                raise TemplateError(exc.message) from None
            except UnicodeDecodeError:
                raise TemplateError(f"{path}: 模板文件不是 UTF-8 编码") from None
            stamp = _stamp(real)
            return source, str(path), lambda: _stamp(real) == stamp
        raise TemplateNotFound(template)


def _stamp(path: Path) -> tuple[int, int] | None:
    """(mtime, size) of a template file: an edited file is read afresh by a long-lived environment."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _finalize(value: Any) -> Any:
    """Every value printed by `{{ }}` is a fact: escape it so the markup cannot misread it."""
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TemplateError("模板输出了空值（None）：可选字段请先用 {% if %} 判断")
    return Markup(escape(str(value)))


class _FactEnvironment(SandboxedEnvironment):
    """Sandbox where a mapping's keys are its only attributes, and every run has a time and size budget.

    Fact sheets have fields named `items`, `keys`, `values`…; plain Jinja would
    hand the template dict methods for them (`section.items` is dict.items).
    Here a missing key is simply undefined (an error under StrictUndefined).
    Calls, attribute lookups and arithmetic check the budget, so `range(10**9)`,
    `"x" * 10**9` or nested loops stop with a TemplateError instead of running away.
    """

    intercepted_binops = frozenset(["*", "**", "/", "//", "%"])
    intercepted_unops = frozenset()

    def getattr(self, obj, attribute):
        _tick()
        if isinstance(obj, dict):
            return obj[attribute] if attribute in obj else self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        _tick()
        if isinstance(obj, dict):
            return obj[argument] if argument in obj else self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        _tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, list, tuple, dict)) or type(__obj).__name__ == "builtin_function_or_method":
            _check_args(args, kwargs)  # str.center(10**9), "".join(...) widths; macros get fact-sheet numbers freely
            if isinstance(owner, str):
                _check_format(owner)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator, left, right):
        _tick()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > RENDER_CHARS:
                    raise _BudgetExceeded("模板中的重复（*）结果过大，已停止")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64 \
                and isinstance(left, (int, float)) and abs(left) > 1:
            raise _BudgetExceeded("模板中的乘方（**）结果过大，已停止")
        if operator == "%" and isinstance(left, str):
            _check_format(left)
        if operator in ("/", "//", "%") and isinstance(right, (int, float)) and right == 0 and not isinstance(left, str):
            raise _BudgetExceeded("模板中出现了除以零")
        return super().call_binop(context, operator, left, right)


@functools.lru_cache(maxsize=None)
def _bytecode_cache():
    """Compiled templates kept between runs (compiling the report template costs more than rendering it).

    In drafter's private cache folder (drafter.cache.folder: not used when untrusted or
    switched off). Jinja keys each entry by the template's source checksum, so an edited
    template is compiled afresh.
    """
    from jinja2 import FileSystemBytecodeCache, __version__ as jinja_version

    from . import cache

    folder = cache.folder(f"jinja-{jinja_version}")
    return FileSystemBytecodeCache(str(folder)) if folder is not None else None


@functools.lru_cache(maxsize=32)
def _environment(folder: Path, shared: Path) -> SandboxedEnvironment:
    """One environment per template folder, kept for the process (the web page renders many drafts):
    Jinja keeps the compiled template and checks the files' stamps on each use (auto_reload)."""
    env = _FactEnvironment(
        loader=_ConfinedLoader([folder, shared]),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(filters.FILTERS)
    env.filters.update({name: _guard_filter(name, f) for name, f in env.filters.items()})
    env.tests["filled"] = is_filled
    return env


def is_filled(value: Any) -> bool:
    """`x is filled`: present and not empty — how templates test optional fields under StrictUndefined."""
    return not isinstance(value, Undefined) and value not in (None, "", [], {})


class _PlainEnvironment(_FactEnvironment):
    """The same budgeted sandbox for meta's output_name pattern (no escaping, no finalize)."""


class _PatternLoader(BaseLoader):
    """Serves a meta pattern by its own text, so Jinja's bytecode cache keeps it compiled between runs."""

    def get_source(self, environment, template):
        return template, None, lambda: True


def _plain_environment() -> SandboxedEnvironment:
    env = _PlainEnvironment(undefined=StrictUndefined, autoescape=False, loader=_PatternLoader(),
                            bytecode_cache=_bytecode_cache(), auto_reload=False)
    env.filters.update(filters.FILTERS)
    env.filters.update({name: _guard_filter(name, f) for name, f in env.filters.items()})
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
    """Fact-sheet data → markup text. Missing values are errors, never empty strings.

    The run has a budget (RENDER_SECONDS, RENDER_CHARS): a template that loops
    or grows without end stops with a TemplateError naming its line.
    """
    env = _environment(template.folder, _shared_dir(template))
    try:
        tpl = env.get_template("template.md.j2")
        with _budget():
            parts: list[str] = []
            size = 0
            for chunk in tpl.generate(**data, **(extra or {})):
                size += len(chunk)
                if size > RENDER_CHARS:
                    raise _BudgetExceeded(f"模板输出超过 {RENDER_CHARS // (1024 * 1024)} MB 字符，已停止")
                parts.append(chunk)
            return "".join(parts)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or template.id}:{exc.lineno}: 模板语法错误：{_syntax_zh(exc.message or '')}")
    except TemplateNotFound as exc:
        where = _template_line(exc)
        raise TemplateError(f"{where or template.id}: 模板引用的文件“{exc.name}”不存在（只能引用本模板文件夹或 _shared 中的文件）")
    except UndefinedError as exc:
        where = _template_line(exc)
        name = re.sub(r"^'(.*)' is undefined$", r"\1", str(exc))
        name = re.sub(r"^.* has no attribute '(.*)'$", r"\1", name)
        raise TemplateError(f"{where or template.id}: 事实表缺少模板需要的值“{name}”")
    except SecurityError as exc:
        raise TemplateError(f"{_template_line(exc) or template.id}: 模板执行了不安全的操作（{exc}）")
    except TemplateError as exc:
        where = _template_line(exc)
        raise TemplateError(f"{where}: {exc.message}" if where and not exc.message.startswith(where) else exc.message)
    except _BudgetExceeded as exc:
        raise TemplateError(f"{_template_line(exc) or template.id}: {exc}")
    except RecursionError as exc:
        raise TemplateError(f"{_template_line(exc) or template.id}: 模板递归过深（宏或 include 调用了自身），已停止")
    except ZeroDivisionError as exc:
        raise TemplateError(f"{_template_line(exc) or template.id}: 模板中出现了除以零")
    except OverflowError as exc:
        why = "range 最多 100000 项" if "range" in str(exc).lower() else "数值超出可计算的范围"
        raise TemplateError(f"{_template_line(exc) or template.id}: 模板中的数值或范围过大（{why}）")
    except MemoryError as exc:
        raise TemplateError(f"{_template_line(exc) or template.id}: 模板运行占用内存过多，已停止")
    except DrafterError:
        raise
    except Exception as exc:  # any other failure inside a (possibly user-written) template
        where = _template_line(exc)
        raise TemplateError(f"{where or template.id}: 渲染失败（{type(exc).__name__}：{exc}）")


_SYNTAX_ZH = (
    ("Expected an expression", "此处缺少表达式"),
    ("Encountered unknown tag", "未知的标签（{% %} 中的写法不对，或缺少 endfor/endif）"),
    ("Unexpected end of template", "模板意外结束（缺少 endfor、endif 或 endmacro）"),
    ("unexpected end of template", "模板意外结束（缺少 endfor、endif 或 endmacro）"),
    ("unexpected char", "有不能出现在此处的字符"),
    ("unexpected '", "有不能出现在此处的符号"),
    ("expected token", "缺少应有的符号"),
    ("tag name expected", "{% 后缺少标签名"),
    ("Block '", "块名称重复或不匹配"),
)


def _syntax_zh(message: str) -> str:
    """Jinja's syntax messages in Chinese; the original detail stays in brackets for the template author."""
    for en, zh in _SYNTAX_ZH:
        if en in message:
            return f"{zh}（{message}）"
    return f"写法不对（{message}）"


class _budget:
    """Arms the run's deadline; in the main thread a SIGALRM timer also stops loops that call nothing."""

    def __enter__(self):
        import signal
        import time

        _BUDGET.deadline = time.monotonic() + RENDER_SECONDS
        self._alarm = None
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            try:
                if signal.getitimer(signal.ITIMER_REAL)[0] == 0:
                    self._alarm = signal.signal(signal.SIGALRM, self._expired)
                    signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS + 0.5)
            except (ValueError, OSError):
                self._alarm = None
        return self

    @staticmethod
    def _expired(signum, frame):
        raise _BudgetExceeded(f"模板运行超过 {RENDER_SECONDS:g} 秒（可能有过大的循环），已停止")

    def __exit__(self, *exc):
        import signal

        _BUDGET.deadline = None
        if self._alarm is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._alarm)
        return False


_BAD_NAME = lazy(r'[\\/:*?"<>|\x00-\x1f]')


def output_stem(template: Template, data: dict, fallback: str) -> str:
    """The default output file name (no extension): the fact sheet's `output`, else meta's pattern."""
    if isinstance(data.get("output"), str) and data["output"].strip():
        stem = data["output"].strip()
    elif template.meta.get("output_name"):
        try:
            with _budget():
                stem = _plain_environment().get_template(template.meta["output_name"]).render(**data)
        except Exception:  # a name pattern must never stop a render
            stem = fallback
    else:
        stem = fallback
    stem = _BAD_NAME.sub("_", stem).strip(" .") or fallback
    for ext in (".docx", ".md", ".txt"):
        if stem.lower().endswith(ext):
            stem = stem[: -len(ext)]
    return stem
