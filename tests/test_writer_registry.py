"""The writer registry: one shape for every output format, lazy imports, no block ever skipped."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from drafter import render
from drafter.errors import DrafterError, UsageError
from drafter.report import BLOCK_TYPES, Heading, Paragraph, Report
from drafter.writers import WRITERS, BlockWriter, WriteOptions, get, names
from tests.conftest import EXAMPLES


def test_registry_lists_every_format_with_suffix_and_label():
    assert names() == ("docx", "pdf", "html", "md", "txt")
    for name, w in WRITERS.items():
        assert w.name == name and w.suffix == "." + name and w.label


def test_unknown_format_is_a_chinese_usage_error_listing_the_formats():
    with pytest.raises(UsageError) as exc:
        get("odt")
    assert "odt" in exc.value.message and "docx、pdf、html、md、txt" in exc.value.message


def test_importing_the_registry_does_not_import_python_docx():
    code = "import sys, drafter.writers, drafter.render; print(any(m == 'docx' or m.startswith('docx.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


@dataclass(frozen=True)
class Table:
    """A block type the writers do not know."""

    rows: tuple


@pytest.mark.parametrize("name", ["docx", "html", "md", "txt"])
def test_an_unknown_block_is_an_error_never_skipped(name):
    report = Report(title=["标题"], blocks=[Paragraph("正文"), Table(())])
    with pytest.raises(TypeError, match="Table"):
        get(name).write(report, WriteOptions())


def test_a_writer_missing_a_block_method_fails_when_defined():
    with pytest.raises(TypeError, match="block_signature"):
        class Partial(BlockWriter):  # noqa: F841 - the definition itself must fail
            def block_heading(self, b): ...
            def block_paragraph(self, b): ...
            def block_list_block(self, b): ...
            def block_salutation(self, b): ...
    assert len(BLOCK_TYPES) == 5


def test_render_to_bytes_goes_through_the_registry():
    report = render.build_report(render.load(EXAMPLES / "work_plan.yaml"))
    assert render.to_bytes(report, "md") == get("md").write(report, WriteOptions())
    assert render.to_bytes(report, "txt") == get("txt").write(report, WriteOptions())
    assert render.to_bytes(report, "docx")[:2] == b"PK"
    with pytest.raises(UsageError):
        render.to_bytes(report, "rtf")


def test_pdf_without_libreoffice_names_the_package_to_install(tmp_path):
    env_path = os.environ["PATH"]
    os.environ["PATH"] = str(tmp_path)
    try:
        reason = get("pdf").missing()
        assert reason and "libreoffice-writer-nogui" in reason and "LibreOffice" in reason
        with pytest.raises(DrafterError) as exc:
            get("pdf").write(Report(title=["标题"], blocks=[Heading(1, "一、")]), WriteOptions())
        assert "libreoffice-writer-nogui" in exc.value.message
    finally:
        os.environ["PATH"] = env_path
    for name in ("docx", "html", "md", "txt"):
        assert get(name).missing() is None


def test_markdown_round_trips_signature_forms_and_title_breaks():
    from drafter.markup import parse_markup
    from drafter.report import Signature

    report = Report(title=["青溪镇关于|加强管理的通知"], byline=["——2025年1月10日"],
                    blocks=[Paragraph("正文。"), Signature(("林志远", "2025年1月10日"), sealed=True, personal=True)])
    md = get("md").write(report, WriteOptions()).decode()
    assert parse_markup(md) == report
