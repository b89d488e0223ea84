"""The rule files ship inside the wheel, and an installed wheel finds them; an editable
install (this test run) finds them at the top of the repository."""
import subprocess
import sys
import zipfile

import pytest

from cleantext.rules import builtin_rule_paths, builtin_rules_dir

from conftest import FIXTURES, ROOT


def test_editable_install_reads_the_repository_rules():
    assert builtin_rules_dir() == ROOT / "rules"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (path,) = out.glob("cleantext_articles-*.whl")
    return path


def test_wheel_contains_every_rule_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in builtin_rule_paths():
        assert f"cleantext/rules/{path.name}" in names
    assert "cleantext/cli.py" in names


def test_installed_wheel_cleans_with_its_own_rules(wheel, tmp_path):
    target = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    seed = FIXTURES / "seeds" / "001_6bd77feb658f357a.txt"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import cleantext, cleantext.rules as r;"
        "print(r.builtin_rules_dir()); sys.stdout.write(cleantext.clean(open(sys.argv[2], encoding='utf-8').read()))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(target), str(seed)], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    rules_dir, cleaned = proc.stdout.split("\n", 1)
    assert rules_dir == str(target / "cleantext" / "rules")
    assert cleaned == (FIXTURES / "expected" / seed.name).read_text(encoding="utf-8")
