"""Lint inside the drafting path: `check` lints a fact sheet's values, `render --lint` the result."""
from drafter.lint import lint_lines
from tests.conftest import run_cli


def test_completion_rates_and_repeated_terms_are_not_problems():
    lines = [(1, "全年完成投资15.2亿元，占年度计划的108%，完成全年目标任务的112%。"),
             (2, "规模以上工业增加值"), (3, "规模以上工业增加值")]
    assert [f.rule for f in lint_lines(lines, "x.txt", year=2024)] == []
    # a real share above 100 % still is
    assert [f.rule for f in lint_lines([(1, "城乡居民养老保险参保率达到105%。")], "x.txt", year=2024)] == ["figure-contradiction"]


def test_bundled_example_is_lint_clean(example_path, tmp_path):
    r = run_cli("lint", example_path)
    assert r.returncode == 0 and r.stdout.strip() == "", r.stdout
    out = tmp_path / "r.docx"
    assert run_cli("render", example_path, "-o", out).returncode == 0
    r = run_cli("lint", out)
    assert r.returncode == 0 and r.stdout.strip() == "", r.stdout


def _planted(example_path, tmp_path):
    text = example_path.read_text(encoding="utf-8")
    text = text.replace("坚持稳中求进工作总基调，统筹抓好", "深入开展“两学一做”学习教育，统筹抓好", 1)
    text = text.replace("占年度计划的108%", "增长-3%", 1)
    path = tmp_path / "planted.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_runs_the_lint_rules_on_values(example_path, tmp_path):
    path = _planted(example_path, tmp_path)
    r = run_cli("check", path)
    assert r.returncode == 1
    stale = [ln for ln in r.stdout.splitlines() if "stale-formula" in ln]
    assert stale and stale[0].startswith(f"{path}:")
    line_no = int(stale[0].split(":")[1].split()[0])
    assert "两学一做" in path.read_text(encoding="utf-8").splitlines()[line_no - 1]
    assert any("figure-contradiction" in ln for ln in r.stdout.splitlines())


def test_render_lint_refuses_to_write_a_draft_with_errors(example_path, tmp_path):
    path = _planted(example_path, tmp_path)
    out = tmp_path / "r.docx"
    # the schema is satisfied, so plain render writes it …
    assert run_cli("render", path, "-o", out).returncode == 0
    out.unlink()
    # … but --lint reads the result first and stops on error-level findings
    r = run_cli("render", path, "-o", out, "--lint")
    assert r.returncode == 1
    assert "figure-contradiction" in r.stdout and "r.docx" in r.stdout
    assert not out.exists()
    r = run_cli("render", example_path, "-o", out, "--lint")
    assert r.returncode == 0 and out.exists()
