"""Mine once, in parallel, at scale (issue 12 item 4; issue 10 item 1).

The corpus is read and segmented once per run whatever outputs are asked for;
a process pool and a Dask cluster give output byte-identical to one job; the
reduce's tallies merge associatively.
"""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mine_all(out: Path, **options):
    from drafter.app.mine import mine

    return mine([CORPUS], output=out / "docs", phrasebank=out / "bank", templates=out / "drafts", **options)


@pytest.fixture(scope="module")
def one_job(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("one")
    mine_all(out)
    return files(out)


def test_one_job_writes_every_output(one_job):
    names = set(one_job)
    assert "docs/index.json" in names and "docs/清洗报告.md" in names
    index = json.loads(one_job["docs/index.json"])
    assert sum(n.startswith("docs/") and n.endswith(".txt") for n in names) == len(index["documents"]) > 25
    assert "bank/closing.yaml" in names and "drafts/gov_work_report/template.md.j2" in names
    assert not any("/." in n for n in names)  # no staging or temp files left


def test_corpus_is_read_and_segmented_once(tmp_path, monkeypatch):
    import drafter.corpus.pipeline as pipeline
    import drafter.mine.mapreduce as mapreduce

    calls: list[str] = []
    real = mapreduce.mine_bytes

    def counting(data, source, *a, **k):
        calls.append(source)
        return real(data, source, *a, **k)

    monkeypatch.setattr(mapreduce, "mine_bytes", counting)
    monkeypatch.setattr(pipeline, "mine_bytes", counting)
    mine_all(tmp_path)
    assert sorted(calls) == sorted(p.name for p in CORPUS.glob("*.txt"))  # 5 files, 5 calls


def test_two_processes_give_the_same_bytes(one_job, tmp_path):
    r = subprocess.run([sys.executable, "-m", "drafter", "mine", str(CORPUS), "-o", str(tmp_path / "docs"),
                        "--phrasebank", str(tmp_path / "bank"), "--templates", str(tmp_path / "drafts"), "--jobs", "2"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert files(tmp_path) == one_job


def _distributed():
    """dask.distributed (the `test` extra installs it; CI never skips these tests)."""
    if os.environ.get("CI"):
        import distributed

        return distributed
    return pytest.importorskip("distributed")


def test_a_local_dask_cluster_gives_the_same_bytes(one_job, tmp_path):
    distributed = _distributed()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = mine_all(tmp_path, dask=cluster.scheduler_address)
    assert result.documents == len(json.loads(one_job["docs/index.json"])["documents"])
    assert files(tmp_path) == one_job


def test_the_map_is_pure_and_picklable():
    from drafter.mine.mapreduce import FileTask, map_file

    data = (CORPUS / "000_441add6261705b5f.txt").read_bytes()
    task = FileTask("000.txt", data, phrases=True, skeletons=True)
    a, b = map_file(task), map_file(pickle.loads(pickle.dumps(task)))
    assert pickle.dumps(a) == pickle.dumps(b)
    assert [d.entry["source"] for d in a.docs] == ["000.txt"] * len(a.docs) and a.report.documents == len(a.docs)


def _halves():
    from drafter.corpus.pipeline import mine_paths

    docs = list(mine_paths([CORPUS]))
    return docs[:13], docs[13:]


def test_phrase_tally_merge_is_associative():
    from drafter.mine.phrases import _candidates
    from drafter.mine.tally import PhraseTally

    first, second = _halves()

    def tally(docs):
        t = PhraseTally()
        for d in docs:
            t.add(d.source, d.genre, _candidates(d), bool(d.flags.get("duplicate_of")))
        return t

    whole = [e.to_dict() for e in tally(first + second).finish()]
    merged = [e.to_dict() for e in tally(first).merge(tally(second)).finish()]
    a, b, c = tally(first[:5]), tally(first[5:]), tally(second)
    left = [e.to_dict() for e in tally(first[:5]).merge(tally(first[5:])).merge(tally(second)).finish()]
    right = [e.to_dict() for e in a.merge(b.merge(c)).finish()]
    assert whole == merged == left == right and len(whole) > 100


def test_skeleton_tally_merge_is_associative():
    from drafter.mine.skeleton import SkeletonTally, doc_stats

    first, second = _halves()

    def tally(docs):
        t = SkeletonTally()
        for d in docs:
            t.add(d.genre, d.source, doc_stats(d), (), bool(d.flags.get("duplicate_of")))
        return t

    whole, _counts, _skipped = tally(first + second).drafts()
    merged, _counts2, _skipped2 = tally(first).merge(tally(second)).drafts()
    assert whole == merged and "gov_work_report" in whole


def test_streamed_index_is_the_same_json(tmp_path):
    from drafter.corpus.index import DocumentFolder, document_entry, dumps
    from drafter.corpus.pipeline import mine_paths

    docs = list(mine_paths([CORPUS / "003_034e0a6bc330b1c9.txt"]))
    folder = DocumentFolder(tmp_path / "out")
    for d in docs:
        folder.add(document_entry(d), d.text)
    folder.publish({})
    assert (tmp_path / "out" / "index.json").read_text(encoding="utf-8") == dumps({"documents": [document_entry(d) for d in docs]})
    empty = DocumentFolder(tmp_path / "empty")
    empty.publish({})
    assert json.loads((tmp_path / "empty" / "index.json").read_text(encoding="utf-8")) == {"documents": []}


def test_bad_jobs_and_unreachable_dask_are_usage_errors(tmp_path):
    r = subprocess.run([sys.executable, "-m", "drafter", "mine", str(CORPUS / "001_81379d43b9c3f319.txt"), "--jobs", "0"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "--jobs" in r.stderr and "Traceback" not in r.stderr
    _distributed()
    r = subprocess.run([sys.executable, "-m", "drafter", "mine", str(CORPUS / "001_81379d43b9c3f319.txt"),
                        "--dask", "tcp://127.0.0.1:9", "-o", str(tmp_path / "out")],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 2 and "Dask" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_provenance_is_bounded_and_order_free():
    from drafter.mine.tally import MAX_SOURCES, PhraseTally

    cand = [("closing", "号召", "", "让我们团结一心，再创辉煌！", 9)]
    forward, backward = PhraseTally(), PhraseTally()
    for k in range(3 * MAX_SOURCES):
        forward.add(f"r{k:03d}.txt", "gov_work_report", cand, duplicate=k > 0)
    for k in reversed(range(3 * MAX_SOURCES)):
        backward.add(f"r{k:03d}.txt", "gov_work_report", cand, duplicate=k < 3 * MAX_SOURCES - 1)
    (a,), (b,) = forward.finish(), backward.finish()
    assert a.to_dict() == b.to_dict()
    assert a.to_dict()["sources"] == [f"r{k:03d}.txt:9" for k in range(MAX_SOURCES)] and a.count == 1
