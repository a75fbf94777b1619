"""Report model → PDF: the .docx writer's output converted by LibreOffice (headless).

The PDF shows exactly the .docx a clerk would get, laid out by LibreOffice:
a private profile folder (a clerk's open LibreOffice window is never touched,
and parallel renders do not fight over one profile) and a time limit.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DrafterError
from ..report import Report
from . import WriteOptions

TIMEOUT_S = 180


def soffice() -> str | None:
    """The LibreOffice program on PATH (Debian: soffice; some installs name it libreoffice)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, timeout: float = TIMEOUT_S) -> bytes:
    """Convert .docx bytes with a one-off headless LibreOffice; DrafterError on failure."""
    program = soffice()
    if program is None:
        from . import get

        raise DrafterError(get("pdf").missing() or "未找到 LibreOffice")
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        folder = Path(tmp)
        src = folder / "report.docx"
        src.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        env = {**os.environ, "HOME": str(folder)}  # LibreOffice writes caches under HOME too
        try:
            res = subprocess.run(
                [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                 "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(folder), str(src)],
                capture_output=True, text=True, timeout=timeout, env=env,
            )
        except subprocess.TimeoutExpired:
            raise DrafterError(f"LibreOffice 转换 PDF 超时（{int(timeout)} 秒），请稍后重试或先输出 Word 文档") from None
        pdf = folder / "report.pdf"
        if res.returncode != 0 or not pdf.is_file():
            detail = (res.stderr or res.stdout).strip().splitlines()
            raise DrafterError("LibreOffice 未能生成 PDF" + (f"：{detail[-1]}" if detail else ""))
        return pdf.read_bytes()


def write(report: Report, options: WriteOptions) -> bytes:
    from .docx import write as write_docx

    return docx_to_pdf(write_docx(report, options))
