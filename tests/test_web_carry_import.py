"""从去年的事实表开始 and 导入旧报告 on the home page: the web glue around app.carry_forward / app.import_report.

The application layer's own behaviour is tested with it; here a thin wrapper over drafter.app
records what the page passes and returns a scaffold, so these tests check the server's part:
which file is read, which name is written (never over an existing one), what is refused.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from drafter import app
from tests.web_helpers import BASE, PORT, TOKEN, make_folder

NAME = "gov_work_report.yaml"


class WithCarryAndImport:
    """drafter.app plus recording stand-ins for the two use cases of issue 16."""

    def __init__(self):
        self.calls: list = []

    def __getattr__(self, name):
        return getattr(app, name)

    def carry_forward(self, ws, template_id, last_text, last_source, *, new_term=False):
        self.calls.append(("carry", template_id, last_text, last_source, new_term))
        return app.scaffold(ws, template_id)

    def import_report(self, ws, data, name, template_id):
        self.calls.append(("import", data, name, template_id))
        return SimpleNamespace(text=app.scaffold(ws, template_id), unplaced=[(3, "无法归入字段的一行")])


@pytest.fixture()
def setup(tmp_path):
    from starlette.testclient import TestClient

    from drafter.web.server import create_app

    folder = make_folder(tmp_path)
    api = WithCarryAndImport()
    c = TestClient(create_app(folder, api=api, token=TOKEN, port=PORT), base_url=BASE, follow_redirects=False)
    c.get(f"/?token={TOKEN}")
    return c, folder, api


def test_info_offers_them_only_when_the_application_layer_does(tmp_path, setup):
    from tests.web_helpers import client

    c, _, _ = setup
    assert c.get("/api/info").json()["carry"] is True and c.get("/api/info").json()["import"] is True
    (tmp_path / "plain").mkdir()
    plain = client(make_folder(tmp_path / "plain")).get("/api/info").json()
    assert plain["carry"] == hasattr(app, "carry_forward") and plain["import"] == hasattr(app, "import_report")


def test_carry_reads_last_years_sheet_of_the_folder_and_writes_a_new_one(setup):
    c, folder, api = setup
    r = c.post("/api/carry", json={"template": "gov_work_report", "name": "2026年", "from": NAME, "new_term": True})
    assert r.status_code == 200 and r.json()["name"] == "2026年.yaml"
    assert api.calls == [("carry", "gov_work_report", (folder / NAME).read_text(encoding="utf-8"), NAME, True)]
    assert (folder / "2026年.yaml").read_text(encoding="utf-8") == app.scaffold(app.Workspace.default(), "gov_work_report")
    again = c.post("/api/carry", json={"template": "gov_work_report", "name": "2026年.yaml", "from": NAME})
    assert again.status_code == 409
    for bad in ("../x.yaml", "/etc/passwd", "missing.yaml", ""):
        r = c.post("/api/carry", json={"template": "gov_work_report", "name": "b.yaml", "from": bad})
        assert r.status_code in (400, 422), bad
    assert not (folder / "b.yaml").exists()


def test_import_takes_the_uploaded_report_and_refuses_what_is_not_one(setup):
    c, folder, api = setup
    body = "各位代表：\n现在，我代表镇人民政府……\n".encode("utf-8")
    r = c.post("/api/import?template=gov_work_report&name=导入&filename=2024年政府工作报告.txt", content=body,
               headers={"content-type": "application/octet-stream"})
    assert r.status_code == 200 and r.json() == {"name": "导入.yaml", "unplaced": 1}
    assert api.calls == [("import", body, "2024年政府工作报告.txt", "gov_work_report")]
    assert (folder / "导入.yaml").is_file()
    r = c.post("/api/import?template=gov_work_report&name=导入&filename=a.txt", content=body)
    assert r.status_code == 409
    r = c.post("/api/import?template=gov_work_report&name=x&filename=a.exe", content=body)
    assert r.status_code == 400 and not (folder / "x.yaml").exists()
    r = c.post("/api/import?template=nope&name=y&filename=a.txt", content=body)
    assert r.status_code == 400


def test_carry_and_import_through_the_real_application_layer(tmp_path):
    """With drafter.app's own carry_forward and import_report: the files the page creates are
    the ones `drafter new --from` and `drafter import` write."""
    import subprocess
    import sys

    from tests.web_helpers import client

    folder = make_folder(tmp_path)
    c = client(folder)
    assert c.get("/api/info").json()["carry"] and c.get("/api/info").json()["import"]
    r = c.post("/api/carry", json={"template": "gov_work_report", "name": "2026年", "from": NAME})
    assert r.status_code == 200, r.text
    cli = tmp_path / "cli_carry.yaml"
    subprocess.run([sys.executable, "-m", "drafter", "new", "gov_work_report", "--from", NAME, "-o", str(cli)],
                   cwd=folder, check=True, capture_output=True)
    assert (folder / "2026年.yaml").read_text(encoding="utf-8") == cli.read_text(encoding="utf-8")
    assert "待填" in cli.read_text(encoding="utf-8")
    report = tmp_path / "青溪镇2025年政府工作报告.docx"
    subprocess.run([sys.executable, "-m", "drafter", "render", NAME, "-o", str(report)], cwd=folder, check=True,
                   capture_output=True)
    r = c.post(f"/api/import?template=gov_work_report&name=导入&filename={report.name}", content=report.read_bytes(),
               headers={"content-type": "application/octet-stream"})
    assert r.status_code == 200, r.text
    cli = tmp_path / "cli_import.yaml"
    subprocess.run([sys.executable, "-m", "drafter", "import", str(report), "-t", "gov_work_report", "-o", str(cli)],
                   check=True, capture_output=True)
    assert (folder / "导入.yaml").read_text(encoding="utf-8") == cli.read_text(encoding="utf-8")
    opened = c.get("/api/sheet", params={"name": "导入.yaml"}).json()
    assert opened["data"]["unit"]["name"] == "青溪镇"
