"""Thin typer app: parse arguments, call one module function, print the result.

Each command group lives in its own cli_*.py module with a `register(app)`
function; heavy imports happen inside the command bodies so that start-up
stays fast and `import jieba` never happens on the render/check/new path.
"""
from __future__ import annotations

import gc
import sys

# A command is a short process whose garbage holds few cycles, while the cyclic collector's
# passes over the objects of every module it imports (some ninety in one render at Python's
# threshold of 700 new objects) cost ~6 % of a render's time. Collect after 100,000 new
# objects instead, as mypy does; long commands (mine, serve) still collect.
gc.set_threshold(100_000, 10, 10)

import typer  # noqa: E402  (after the threshold: the collections happen while importing)

from .errors import DrafterError

app = typer.Typer(
    name="drafter",
    help="drafter：乡镇公文起草助手——按事实表（YAML）生成符合 GB/T 9704 的 Word 报告。",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


# The module that registers each command. A run keeps only the command it names (typer
# turns every registered command's signature into click options on each run, which cost
# more than a whole render); help, --version and anything unknown get all.
# tests/test_cli.py checks this table against what the modules register.
MODULES = ("cli_draft", "cli_carry", "cli_mine", "cli_phrases", "cli_lint", "cli_serve")
COMMANDS = {
    "templates": "cli_draft", "new": "cli_draft", "schema": "cli_draft", "check": "cli_draft",
    "render": "cli_draft", "formats": "cli_draft", "fonts": "cli_draft",
    "import": "cli_carry", "mine": "cli_mine", "phrases": "cli_phrases", "suggest": "cli_phrases",
    "lint": "cli_lint", "serve": "cli_serve",
}


def register(argv: list[str] | None = None) -> None:
    """Add the commands a run needs to the app: the named command's module, or every module."""
    import importlib

    name = next((a for a in argv or () if not a.startswith("-")), None)
    wanted = (COMMANDS[name],) if name in COMMANDS else MODULES
    for module in wanted:
        importlib.import_module(f".{module}", __package__).register(app)
    if name in COMMANDS:  # the module's other commands would only be converted and never run
        app.registered_commands = [c for c in app.registered_commands if c.name == name]
        app.registered_groups = [g for g in app.registered_groups if g.name == name]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("drafter")
        except PackageNotFoundError:
            from . import __version__ as v
        print(f"drafter {v}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="显示版本号并退出。"),
) -> None:
    """drafter：乡镇公文起草助手——按事实表（YAML）生成符合 GB/T 9704 的 Word 报告。"""


def _chinese_help() -> None:
    from .cli_help import install

    install(typer.Context.__mro__[1])


_chinese_help()


def main() -> None:
    """Console entry point: DrafterError → Chinese message on stderr + exit code; never a traceback."""
    import os
    import signal

    from .console import err, make_streams_safe

    make_streams_safe()
    try:  # SIGTERM unwinds like Ctrl-C, so files being written are cleaned up
        signal.signal(signal.SIGTERM, _terminated)
    except (ValueError, OSError):  # pragma: no cover - not the main thread
        pass
    errors = _click_errors()
    register(sys.argv[1:])
    try:
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except errors["UsageError"] as exc:
        err.print(usage_message(exc), markup=False)
        sys.exit(2)
    except typer.Abort:
        err.print("已中断。", markup=False)
        sys.exit(130)
    except DrafterError as exc:
        from .console import out

        for finding in exc.findings:
            out.print(str(finding), markup=False)
        for line in exc.lines():
            err.print(line, markup=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("已中断。", markup=False)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except (OSError, RecursionError, MemoryError, Exception) as exc:  # the last wall: Chinese, no traceback
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        err.print(_unexpected_message(exc), markup=False)
        sys.exit(1)


def _terminated(signum, frame) -> None:
    sys.exit(143)


def _unexpected_message(exc: BaseException) -> str:
    """What the user sees for an error drafter did not foresee: Chinese, naming the file when the OS names one."""
    if isinstance(exc, OSError):
        from .fileio import os_message

        return os_message(exc, exc.filename, "无法读写")
    if isinstance(exc, RecursionError):
        return "输入嵌套过深，无法处理（请检查事实表、模板或样式文件的层次）"
    if isinstance(exc, MemoryError):
        return "内存不足：输入过大，无法处理"
    return f"内部错误（{type(exc).__name__}），请把所用的命令和文件报告给维护者；设置环境变量 DRAFTER_DEBUG=1 可查看详细信息"


def _click_errors() -> dict[str, type]:
    """click's exception classes as typer ships them (typer vendors click, so ask typer where they live)."""
    module = sys.modules[typer.BadParameter.__module__]
    names = ("UsageError", "NoSuchOption", "MissingParameter", "BadParameter", "NoArgsIsHelpError")
    return {n: getattr(module, n, type(f"_Absent{n}", (Exception,), {})) for n in names}


# click/typer's reasons for a bad value, in Chinese (others are shown as they come).
_BAD_VALUE_ZH = (
    ("valid integer", "应为整数"),
    ("valid number", "应为数字"),
    ("is not one of", "不在可选值中"),
    ("does not exist", "文件或文件夹不存在"),
    ("greater than or equal to", "数值太小"),
    ("less than or equal to", "数值太大"),
)


def _param_hint(param, ctx) -> str:
    """--option / ARGUMENT as the user typed it (click's and typer's signatures differ)."""
    if param is None:
        return ""
    try:
        hint = param.get_error_hint(ctx)
    except TypeError:
        hint = param.get_error_hint()
    return str(hint).replace("'", "").replace('"', "")


def usage_message(exc) -> str:
    """click's usage errors (unknown option, missing argument, bad value) in Chinese, with where to get help."""
    errors = _click_errors()
    ctx = getattr(exc, "ctx", None)
    where = f"运行 {ctx.command_path} -h 查看用法。" if ctx is not None else "运行 drafter -h 查看用法。"
    hint = _param_hint(getattr(exc, "param", None), ctx)
    if isinstance(exc, errors["NoArgsIsHelpError"]):
        return ctx.get_help() if ctx is not None else str(exc)
    if isinstance(exc, errors["NoSuchOption"]):
        near = f"（是不是 {'、'.join(exc.possibilities)}？）" if getattr(exc, "possibilities", None) else ""
        text = f"没有这个选项：{exc.option_name}{near}"
    elif isinstance(exc, errors["MissingParameter"]):
        text = f"缺少参数：{hint or getattr(exc, 'param_hint', '')}"
    elif isinstance(exc, errors["BadParameter"]):
        why = next((zh for en, zh in _BAD_VALUE_ZH if en in exc.message), exc.message)
        text = f"参数 {hint} 的值无效：{why}"
    else:
        text = f"用法有误：{exc.message}"
    return f"{text}\n{where}"


if __name__ == "__main__":
    main()
