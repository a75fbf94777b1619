"""Shared set-up of the web tests: a folder with a fact sheet and a client holding the token."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gov_work_report.yaml"
TOKEN = "test-token-0123456789"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"


def app_layer():
    """The application layer the page calls (the same one the CLI calls)."""
    from drafter import app

    return app


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sheets"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "gov_work_report.yaml")
    return folder


def client(folder: Path, **kwargs):
    from starlette.testclient import TestClient

    from drafter.web.server import create_app

    asgi = create_app(folder, api=app_layer(), token=TOKEN, port=PORT, **kwargs)
    c = TestClient(asgi, base_url=BASE, follow_redirects=False)
    r = c.get(f"/?token={TOKEN}")
    assert r.status_code == 303 and r.headers["location"] == "/"
    return c


_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def docx_parts(data: bytes) -> dict[str, bytes]:
    """A .docx's members, with what differs from one second to the next left out: the zip's own
    timestamps and the created/modified times of docProps/core.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: _STAMP.sub(rb"\1\2", z.read(n)) for n in z.namelist()}
