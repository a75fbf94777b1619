"""Mining is reproducible: the same corpus gives the same index whatever the process's hash seed."""
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_index_does_not_depend_on_hash_seed():
    outputs = set()
    for seed in ("1", "2", "3"):
        r = subprocess.run([sys.executable, "-m", "drafter", "mine", str(ROOT / "corpus"), "--json"],
                           capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert r.returncode == 0, r.stderr
        outputs.add(r.stdout)
    assert len(outputs) == 1
    assert '"duplicate_of"' in outputs.pop()
