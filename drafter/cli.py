"""Thin typer app: parse arguments, call one module function, print the result.

Each command group lives in its own cli_*.py module with a `register(app)`
function; heavy imports happen inside the command bodies so that start-up
stays fast and `import jieba` never happens on the render/check/new path.
"""
from __future__ import annotations

import sys

import typer

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


def _register_all() -> None:
    from . import cli_draft, cli_lint, cli_mine, cli_phrases

    for module in (cli_draft, cli_mine, cli_phrases, cli_lint):
        module.register(app)


_register_all()


def main() -> None:
    """Console entry point: DrafterError → Chinese message on stderr + exit code."""
    from .console import err

    try:
        app()
    except DrafterError as exc:
        for line in exc.lines():
            err.print(line, markup=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("已中断。", markup=False)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
