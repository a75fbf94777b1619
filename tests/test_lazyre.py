"""Patterns compiled on first use, and PyYAML's reader pattern taken from its cheap complement."""
from __future__ import annotations

import re
import subprocess
import sys

from drafter.lazyre import PYYAML_NON_PRINTABLE, PYYAML_PRINTABLE_COMPLEMENT, lazy


def test_the_complement_matches_exactly_the_characters_pyyaml_refuses():
    # re.UNICODE is the default for str patterns: same meaning, but a different cache key,
    # so this compiles PyYAML's own pattern even where drafter has seeded the cache
    theirs = re.compile(PYYAML_NON_PRINTABLE, re.UNICODE)
    ours = re.compile(PYYAML_PRINTABLE_COMPLEMENT)
    every_code_point = "".join(map(chr, range(0x110000)))
    found = [m.start() for m in ours.finditer(every_code_point)]
    assert found == [m.start() for m in theirs.finditer(every_code_point)]
    assert 0x0B in found and 0xD800 in found and 0xFFFF in found and 0x85 not in found and 0x10FFFF not in found


def test_pyyaml_pattern_is_the_one_its_reader_compiles():
    import ast

    import yaml.reader

    tree = ast.parse(open(yaml.reader.__file__, encoding="utf-8").read())
    literal = next(node.value.args[0].value for node in ast.walk(tree)
                   if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "NON_PRINTABLE")
    assert literal == PYYAML_NON_PRINTABLE, "PyYAML changed its reader's pattern: update drafter.lazyre"


def test_importing_drafter_then_yaml_gives_the_reader_the_cheap_pattern():
    code = ("import drafter, yaml.reader, sys; "
            "print(yaml.reader.Reader.NON_PRINTABLE.pattern == drafter.lazyre.PYYAML_PRINTABLE_COMPLEMENT)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "True"


def test_yaml_still_refuses_a_control_character_through_its_reader():
    import yaml

    r = subprocess.run([sys.executable, "-c", "import drafter, yaml; yaml.load('a: \\x07', Loader=yaml.SafeLoader)"],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "special characters are not allowed" in r.stderr
    assert yaml.safe_load("a: 镇") == {"a": "镇"}


def test_lazy_pattern_compiles_on_first_use_only():
    p = lazy(r"[镇乡]党委")
    assert p._compiled is None
    assert p.search("全镇党委").group() == "镇党委"
    assert p._compiled is not None and p.pattern == r"[镇乡]党委"
