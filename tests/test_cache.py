"""The cache of derived data: kept by the bytes it was built from, never trusted blindly, never needed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from drafter import cache, phrasebank

from .conftest import ROOT


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(cache.DISABLE, raising=False)
    cache.folder.cache_clear()
    yield tmp_path / "cache" / "drafter" / "data"
    cache.folder.cache_clear()


def _counting():
    calls = []

    def build():
        calls.append(1)
        return {"entries": [{"text": "现在，我代表{政府}", "count": 3}], "n": len(calls)}

    return calls, build


def test_built_once_then_read_back_by_its_bytes(home):
    calls, build = _counting()
    first = cache.derived("bank", "a.yaml", b"one", build)
    again = cache.derived("bank", "a.yaml", b"one", build)
    assert first == again == {"entries": [{"text": "现在，我代表{政府}", "count": 3}], "n": 1}
    assert len(calls) == 1 and len(list(home.iterdir())) == 1
    # an edited file is built afresh, and replaces the old entry (the folder does not grow)
    edited = cache.derived("bank", "a.yaml", b"two", build)
    assert edited["n"] == 2 and len(list(home.iterdir())) == 1
    # another name of the same kind has its own entry
    cache.derived("bank", "b.yaml", b"one", build)
    assert len(calls) == 3 and len(list(home.iterdir())) == 2


def test_a_damaged_entry_is_rebuilt(home):
    calls, build = _counting()
    cache.derived("eras", "x", b"src", build)
    (entry,) = home.iterdir()
    entry.write_bytes(b"\x00garbage")
    assert cache.derived("eras", "x", b"src", build)["n"] == 2


def test_values_that_are_not_plain_data_are_never_kept(home):
    value = cache.derived("odd", "x", b"src", lambda: {"when": object()})
    assert "when" in value
    assert not home.exists() or not list(home.iterdir())


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_is_not_trusted(home):
    home.mkdir(parents=True)
    home.chmod(0o777)
    calls, build = _counting()
    cache.derived("bank", "a", b"s", build)
    cache.derived("bank", "a", b"s", build)
    assert len(calls) == 2 and list(home.iterdir()) == []


def test_can_be_switched_off(home, monkeypatch):
    monkeypatch.setenv(cache.DISABLE, "1")
    cache.folder.cache_clear()
    calls, build = _counting()
    cache.derived("bank", "a", b"s", build)
    cache.derived("bank", "a", b"s", build)
    assert len(calls) == 2 and not home.exists()


def test_an_edited_bank_file_is_read_afresh(home, tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "phrasebank", bank)
    before = phrasebank.load_bank(bank, ("closing",))
    path = bank / "closing.yaml"
    text = path.read_text(encoding="utf-8")
    old = before[0]["text"]
    path.write_text(text.replace(old, "今后工作中，我们将再接再厉。", 1), encoding="utf-8")
    after = phrasebank.load_bank(bank, ("closing",))
    assert after[0]["text"] == "今后工作中，我们将再接再厉。" and len(after) == len(before)
    # a broken file is reported with its position every time, never served from the cache
    path.write_text(text + "- text: [未闭合\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(Exception) as info:
            phrasebank.load_bank(bank, ("closing",))
        assert "closing.yaml" in str(info.value)


def test_a_render_with_and_without_the_cache_is_the_same_document(tmp_path):
    """The cached styled base document and bank give byte-for-byte the same parts as a cold build."""
    import zipfile

    outputs = {}
    for label, extra in (("cold", {cache.DISABLE: "1"}), ("fill", {}), ("warm", {})):
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "c"), **extra}
        if not extra:
            env.pop(cache.DISABLE, None)
        out = tmp_path / f"{label}.docx"
        r = subprocess.run([sys.executable, "-m", "drafter", "render", str(ROOT / "examples" / "gov_work_report.yaml"),
                            "-o", str(out)], env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        with zipfile.ZipFile(out) as z:
            outputs[label] = {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}
    assert list((tmp_path / "c" / "drafter" / "data").iterdir())  # the warm run had something to read
    assert outputs["cold"] == outputs["fill"] == outputs["warm"]


def test_the_fit_verdicts_key_changes_when_a_rule_file_changes():
    from pathlib import Path

    from drafter import formulas

    rule = next(p for p in sorted(Path(formulas.__file__).parent.joinpath("lint").rglob("*.py")))
    info = rule.stat()
    formulas._rules_digest.cache_clear()
    before = formulas._rules_digest()
    try:
        os.utime(rule, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        formulas._rules_digest.cache_clear()
        assert formulas._rules_digest() != before  # an edited (or reinstalled) rule is judged afresh
    finally:
        os.utime(rule, ns=(info.st_atime_ns, info.st_mtime_ns))
        formulas._rules_digest.cache_clear()
    assert formulas._rules_digest() == before
