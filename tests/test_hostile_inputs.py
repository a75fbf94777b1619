"""Hostile drafts, corpora, styles and sheets to edit (issue 15, classes 3, 11, 12, 13)."""
from __future__ import annotations

import io
import math
import os
import stat
import struct
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import zipguard
from drafter.errors import InputError
from drafter.factsheet_edit import append_to_file, check_target
from tests.conftest import EXAMPLES
from tests.hostile import assert_refused, is_chinese_message, run_bounded, snapshot

SHEET = "template: work_plan\nshortcomings:\n  items:\n    - 甲\n"


# --- class 3: phrases --into respects the file ---------------------------------------------

def test_read_only_sheet_is_refused_and_untouched(tmp_path):
    p = tmp_path / "表.yaml"
    p.write_text(SHEET, encoding="utf-8")
    os.chmod(p, 0o444)
    for call in (lambda: check_target(p, "shortcomings.items"), lambda: append_to_file(p, "shortcomings.items", "乙")):
        with pytest.raises(InputError) as ei:
            call()
        assert "只读" in ei.value.message and str(p) in ei.value.message
    assert p.read_text(encoding="utf-8") == SHEET and stat.S_IMODE(p.stat().st_mode) == 0o444


def test_cli_refuses_a_read_only_sheet_before_anything_else(tmp_path):
    p = tmp_path / "表.yaml"
    p.write_text(SHEET, encoding="utf-8")
    os.chmod(p, 0o444)
    assert_refused(run_bounded("phrases", "--into", f"{p}:shortcomings.items"), 1, "只读")
    assert p.read_text(encoding="utf-8") == SHEET


def test_symlinked_sheet_is_written_through(tmp_path):
    real = tmp_path / "真" / "表.yaml"
    real.parent.mkdir()
    real.write_text(SHEET, encoding="utf-8")
    link = tmp_path / "链接.yaml"
    link.symlink_to(real)
    append_to_file(link, "shortcomings.items", "乙")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == SHEET + '    - "乙"\n'


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600, 0o640])
def test_mode_is_kept(tmp_path, mode):
    p = tmp_path / "表.yaml"
    p.write_text(SHEET, encoding="utf-8")
    os.chmod(p, mode)
    append_to_file(p, "shortcomings.items", "乙")
    assert stat.S_IMODE(p.stat().st_mode) == mode
    assert [q.name for q in tmp_path.iterdir()] == ["表.yaml"]


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
@pytest.mark.parametrize("field", ["shortcomings.items", "shortcomings.new_list"])
def test_line_endings_and_bom_are_kept(tmp_path, newline, field):
    p = tmp_path / "表.yaml"
    original = ("\ufeff" + SHEET + "# 尾注\n").replace("\n", newline).encode("utf-8")
    p.write_bytes(original)
    append_to_file(p, field, "乙")
    new = p.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf")
    text = new.decode("utf-8-sig")
    body = text.replace(newline, "")
    assert "\r" not in body and "\n" not in body, repr(text)
    assert '"乙"' in text and len(new) > len(original)
    from drafter import yamlio

    data = yamlio.load_yaml(new, "x").data
    assert data["shortcomings"][field.split(".")[1]][-1] == "乙"


def test_hostile_sheet_to_edit_is_refused(tmp_path):
    p = tmp_path / "炸弹.yaml"
    p.write_text("a: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    r = run_bounded("phrases", "--into", f"{p}:a", mem_mb=768, timeout=30)
    assert_refused(r, 1, "嵌套")
    fifo = tmp_path / "管道.yaml"
    os.mkfifo(fifo)
    assert_refused(run_bounded("phrases", "--into", f"{fifo}:a", timeout=30), 1, "不是普通文件")


# --- class 11: drafts and corpora that never end ------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "dev_urandom"])
def test_lint_and_mine_refuse_endless_files(tmp_path, kind):
    corpus = tmp_path / "语料"
    corpus.mkdir()
    path = corpus / "稿.txt"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero" if kind == "dev_zero" else "/dev/urandom")
    assert_refused(run_bounded("lint", path, mem_mb=768, timeout=30), 1, "稿.txt")
    (tmp_path / "out").mkdir()
    r = run_bounded("mine", path, "-o", tmp_path / "out", mem_mb=768, timeout=60)
    text = r.stdout + r.stderr
    assert "Traceback" not in text and r.returncode in (0, 1) and "稿.txt" in text, text


def test_an_oversized_draft_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "大.txt"
    with open(big, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: no disk used
    assert_refused(run_bounded("lint", big, mem_mb=512, timeout=30), 1, "太大")


# --- class 12: zip bombs --------------------------------------------------------------------

def _docx_with(tmp_path, name: str, parts: dict[str, bytes]):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for part, data in parts.items():
            zf.writestr(part, data)
    return path


def test_a_zip_bomb_docx_is_refused_within_memory(tmp_path):
    bomb = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (8 * 1024 * 1024)
            for _ in range(48):  # 384 MB inflated, ~0.4 MB on disk
                fh.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    text = assert_refused(run_bounded("lint", bomb, mem_mb=768, timeout=60), 1, "炸弹.docx", "压缩炸弹")
    assert "document.xml" in text


def test_a_high_ratio_part_is_refused(tmp_path):
    path = _docx_with(tmp_path, "比.docx", {"word/document.xml": b"<w:t>" + b"a" * (20 * 1024 * 1024)})
    assert_refused(run_bounded("lint", path, mem_mb=768), 1, "压缩比")


def test_a_zip_that_lies_about_its_sizes_cannot_inflate_past_them(tmp_path):
    """zipfile stops at the declared size; the lie surfaces as a damaged file, memory stays bounded."""
    path = _docx_with(tmp_path, "谎.docx", {"word/document.xml": b"\0" * (64 * 1024 * 1024 - 1)})
    raw = bytearray(path.read_bytes())
    small = struct.pack("<I", 1000)
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24: cd + 28] = small  # central directory: uncompressed size
    raw[22 + raw.find(b"PK\x03\x04"): 26 + raw.find(b"PK\x03\x04")] = small  # local header
    path.write_bytes(bytes(raw))
    assert_refused(run_bounded("lint", path, mem_mb=512), 1, "谎.docx")


_part = st.tuples(st.sampled_from(["word/document.xml", "word/styles.xml", "docProps/app.xml", "x/y.bin"]),
                  st.integers(min_value=0, max_value=400_000), st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(_part, min_size=1, max_size=6))
def test_zip_guard_property(tmp_path_factory, monkeypatch, parts):
    """Whatever the package, either refused in Chinese, or every declared size within the bounds."""
    monkeypatch.setattr(zipguard, "MAX_PART", 300_000)
    monkeypatch.setattr(zipguard, "MAX_TOTAL", 700_000)
    monkeypatch.setattr(zipguard, "RATIO_FLOOR", 50_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, size, compressible) in enumerate(parts):
            data = b"\0" * size if compressible else os.urandom(size)
            zf.writestr(f"{i}/{name}", data)
    path = tmp_path_factory.mktemp("z") / "p.docx"
    path.write_bytes(buf.getvalue())
    try:
        zipguard.check_zip(path)
    except InputError as exc:
        assert is_chinese_message(exc.message) and str(path) in exc.message
        return
    infos = zipfile.ZipFile(path).infolist()
    assert all(i.file_size <= 300_000 for i in infos) and sum(i.file_size for i in infos) <= 700_000
    assert all(i.file_size <= 50_000 or i.file_size <= 200 * i.compress_size for i in infos)


# --- class 13: styles --------------------------------------------------------------------

@pytest.mark.parametrize("style, words", [
    ("page:\n  left: -10\n", "page.left: 取值 -10 超出范围"),
    ("page:\n  width: .nan\n", "不是有限的数字"),
    ("page:\n  height: .inf\n", "不是有限的数字"),
    ("page:\n  width: 0\n", "page.width: 取值 0 超出范围"),
    ("sizes:\n  body: 0\n", "sizes.body: 取值 0 超出范围"),
    ("sizes:\n  body: 1000\n", "超出范围"),
    ("page:\n  left: 100\n  right: 100\n", "版心宽度不足"),
    ("page:\n  footer: 40\n", "页脚距离"),
    ("fonts:\n  body: ''\n", "字体名称不能为空"),
    ("fonts:\n  body: 12\n", "应为字体名称"),
    ("bold:\n  heading1: 是\n", "应为 true 或 false"),
    ("page: 5\n", "应为键值映射"),
    ("pages:\n  width: 210\n", "未知的样式分组"),
    ("page:\n  widht: 210\n", "未知的样式项"),
])
def test_bad_styles_are_refused_and_nothing_is_written(tmp_path, style, words):
    path = tmp_path / "样式.yaml"
    path.write_text(style, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    text = assert_refused(run_bounded("render", EXAMPLES / "work_plan.yaml", "--style", path, "-o", out / "r.docx"), 1, words)
    assert "样式.yaml" in text
    assert snapshot(out) == {}


_values = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.text(max_size=5), st.lists(st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["page", "sizes", "fonts", "bold", "margins"]),
                       st.dictionaries(st.sampled_from(["width", "height", "top", "bottom", "left", "right", "footer",
                                                        "line_pitch", "body", "title", "page_number", "heading1"]),
                                       _values, max_size=5), max_size=4))
def test_style_property(tmp_path_factory, style):
    """Any style file: refused with located Chinese problems, or a style whose every number is finite and sane."""
    import yaml

    from drafter.style import load_style

    path = tmp_path_factory.mktemp("s") / "style.yaml"
    path.write_text(yaml.safe_dump(style, allow_unicode=True), encoding="utf-8")
    try:
        s = load_style(path)
    except InputError as exc:
        assert all(is_chinese_message(p.message) for p in exc.problems) or is_chinese_message(exc.message)
        return
    for value in list(s.page.values()) + list(s.sizes.values()):
        assert isinstance(value, (int, float)) and math.isfinite(value) and value >= 0
    assert s.page["width"] - s.page["left"] - s.page["right"] >= 50
    assert s.page["height"] - s.page["top"] - s.page["bottom"] >= 50
    assert 5 <= s.sizes["body"] <= 72 and all(isinstance(f, str) and f for f in s.fonts.values())
