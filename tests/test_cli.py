"""The minimal command line: clean files into a folder, one-line errors, no tracebacks."""
import os
import subprocess
import sys
from pathlib import Path

from cleantext.cli import main

from conftest import FIXTURES

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def run(*args, cwd=None):
    exe = Path(sys.executable).with_name("cleantext")
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False)


def test_clean_writes_one_file_per_input_under_its_name(tmp_path):
    out = tmp_path / "out"
    proc = run("clean", *SEEDS, "-o", out)
    assert proc.returncode == 0, proc.stderr
    for seed in SEEDS:
        assert (out / seed.name).read_text(encoding="utf-8") == (FIXTURES / "expected" / seed.name).read_text(encoding="utf-8")
    assert "cleaned 5 file(s)" in proc.stderr


def test_cleaning_the_output_again_changes_no_file(tmp_path):
    out = tmp_path / "out"
    assert main(["clean", *map(str, SEEDS), "-o", str(out), "-q"]) == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert main(["clean", *map(str, out.iterdir()), "-o", str(out), "-q"]) == 0
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert before == after


def test_inputs_are_never_touched(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes((FIXTURES / "seeds" / SEEDS[1].name).read_bytes())
    before = src.read_bytes()
    assert main(["clean", str(src), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert src.read_bytes() == before


def test_explain_lists_every_removal(tmp_path, capsys):
    seed = FIXTURES / "seeds" / "003_dcf73578d37184a6.txt"
    assert main(["clean", str(seed), "-o", str(tmp_path), "--explain", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.count("removed line") == 13 and "el.promo.follow-us" in out  # 12 noise lines and the optional credit


def test_bad_inputs_get_one_line_errors_and_the_rest_is_still_cleaned(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Ol\xe1 mundo".encode("latin-1"))
    proc = run("clean", tmp_path / "missing.txt", bad, SEEDS[0], "-o", tmp_path / "out")
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("cleantext:")]
    assert len(errors) == 2 and "Traceback" not in proc.stderr
    assert "missing.txt" in errors[0] and "not valid UTF-8" in errors[1]
    assert (tmp_path / "out" / SEEDS[0].name).is_file()


def test_unknown_language_and_bad_rule_file_are_usage_errors(tmp_path):
    proc = run("clean", SEEDS[0], "-o", tmp_path, "--lang", "xx")
    assert proc.returncode == 2 and "unknown language code 'xx'" in proc.stderr and "Traceback" not in proc.stderr
    rules = tmp_path / "bad.toml"
    rules.write_text("[[rules]\n", encoding="utf-8")
    proc = run("clean", SEEDS[0], "-o", tmp_path, "--rules", rules)
    assert proc.returncode == 2 and "bad.toml" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_error_exits_2():
    assert main(["clean"]) == 2
    assert main(["frobnicate"]) == 2


def test_written_files_get_default_permissions(tmp_path):
    assert main(["clean", str(SEEDS[0]), "-o", str(tmp_path), "-q"]) == 0
    mode = (tmp_path / SEEDS[0].name).stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask
