"""drafter serve refuses what does not come from this machine's page: token, Host, Origin, paths, sizes."""
from __future__ import annotations

import os

import pytest

from tests.web_helpers import BASE, PORT, TOKEN, app_layer, client, make_folder


@pytest.fixture()
def folder(tmp_path):
    return make_folder(tmp_path)


def _bare(folder):
    from starlette.testclient import TestClient

    from drafter.web.server import create_app

    return TestClient(create_app(folder, api=app_layer(), token=TOKEN, port=PORT), base_url=BASE,
                      follow_redirects=False)


def test_every_request_needs_the_token(folder):
    c = _bare(folder)
    for url in ("/", "/api/sheets", "/api/sheet?name=gov_work_report.yaml", "/static/js/main.js"):
        r = c.get(url)
        assert r.status_code == 403, url
        assert "口令" in r.json()["error"]
    assert c.post("/api/save", json={}).status_code == 403
    assert c.get("/?token=wrong").status_code == 403
    assert c.get("/api/sheets", headers={"x-drafter-token": "wrong"}).status_code == 403


def test_token_url_sets_a_cookie_and_drops_the_token_from_the_address(folder):
    c = _bare(folder)
    r = c.get(f"/?token={TOKEN}")
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert f"drafter_token_{PORT}={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = c.get("/")
    assert page.status_code == 200 and "drafter" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_foreign_host_is_refused_even_with_the_token(folder):
    c = client(folder)
    assert c.get("/api/sheets").status_code == 200
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1:1", f"192.168.1.5:{PORT}"):
        r = c.get("/api/sheets", headers={"host": host})
        assert r.status_code == 403, host
        assert "主机" in r.json()["error"]
    assert c.get("/api/sheets", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_foreign_origin_is_refused(folder):
    c = client(folder)
    for origin in ("http://evil.example", f"http://evil.example:{PORT}", "null", f"https://127.0.0.1:{PORT}"):
        r = c.post("/api/preview", json={"name": "a.yaml", "text": "x: 1\n"}, headers={"origin": origin})
        assert r.status_code == 403, origin
    r = c.post("/api/preview", json={"name": "a.yaml", "text": "x: 1\n"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    ok = c.post("/api/preview", json={"name": "a.yaml", "text": "x: 1\n"}, headers={"origin": BASE})
    assert ok.status_code == 200


@pytest.mark.parametrize("name", ["../gov_work_report.yaml", "/etc/passwd", "sub/x.yaml", "..", ".gov.yaml",
                                  "a\\b.yaml", "notes.txt", "c:x.yaml", ""])
def test_no_name_reaches_outside_the_folder(folder, name):
    c = client(folder)
    r = c.get("/api/sheet", params={"name": name})
    assert r.status_code == 400, name
    r = c.post("/api/new", json={"template": "gov_work_report", "name": name})
    assert r.status_code == 400, name
    assert sorted(p.name for p in folder.parent.iterdir()) == ["sheets"]


def test_symlink_out_of_the_folder_is_neither_listed_nor_read_nor_written(folder, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("template: gov_work_report\nunit: {name: 秘密}\n", encoding="utf-8")
    os.symlink(secret, folder / "link.yaml")
    c = client(folder)
    assert [s["name"] for s in c.get("/api/sheets").json()] == ["gov_work_report.yaml"]
    assert c.get("/api/sheet", params={"name": "link.yaml"}).status_code == 400
    r = c.post("/api/save", json={"name": "link.yaml", "text": "x: 1\n", "version": "0"})
    assert r.status_code == 400
    assert secret.read_text(encoding="utf-8").endswith("秘密}\n")


def test_bodies_are_size_limited(folder):
    c = client(folder, max_body=64 * 1024)
    big = "a" * (70 * 1024)
    r = c.post("/api/preview", json={"name": "gov_work_report.yaml", "text": big})
    assert r.status_code == 413 and "过大" in r.json()["error"]


def test_sheet_text_is_size_limited(folder):
    from drafter.yamlio import MAX_BYTES

    c = client(folder)
    text = "# " + "注" * (MAX_BYTES // 3 + 10) + "\n"  # the CLI's limit, in UTF-8 bytes
    r = c.post("/api/preview", json={"name": "gov_work_report.yaml", "text": text})
    assert r.status_code == 400 and "过大" in r.json()["error"]


def test_bad_json_is_a_clear_refusal(folder):
    c = client(folder)
    r = c.post("/api/preview", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["error"]
    r = c.post("/api/preview", json=[1, 2])
    assert r.status_code == 400
    r = c.post("/api/preview", json={"name": "gov_work_report.yaml", "text": "x: 1\n", "variant": -1})
    assert r.status_code == 400


def test_deeply_nested_form_values_are_refused(folder):
    c = client(folder)
    deep: dict = {}
    node = deep
    for _ in range(200):
        node["a"] = {}
        node = node["a"]
    text = (folder / "gov_work_report.yaml").read_text(encoding="utf-8")
    r = c.post("/api/preview", json={"name": "gov_work_report.yaml", "text": text, "data": {"template": "gov_work_report", "x": deep}})
    assert r.status_code == 400 and "过深" in r.json()["error"]
    raw = b'{"name": "a.yaml", "text": "x: 1", "data": ' + b"[" * 100000 + b"]" * 100000 + b"}"
    r = c.post("/api/preview", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 400


def test_an_alias_bomb_is_refused_without_expanding_it(folder):
    import time

    bomb = "template: gov_work_report\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += f"{'abcdefghij'[i]}: &{'abcdefghij'[i]} [*{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}, *{'abcdefghij'[i - 1]}]\n"
    (folder / "bomb.yaml").write_text(bomb, encoding="utf-8")
    c = client(folder)
    t0 = time.monotonic()
    s = c.get("/api/sheet", params={"name": "bomb.yaml"})
    assert s.status_code == 200 and s.json()["data"] is None
    r = c.post("/api/preview", json={"name": "bomb.yaml", "text": bomb, "data": {"template": "gov_work_report"}})
    assert r.status_code in (200, 400, 422)
    assert time.monotonic() - t0 < 30
