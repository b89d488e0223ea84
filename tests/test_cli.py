"""The command line: every command and exit code, stdin/stdout, JSONL, jobs, settings, errors."""
import json
import os
import shutil
import sys

import pytest

from cleantext.cli import main

from conftest import FIXTURES, cli

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
EXPECTED = FIXTURES / "expected"
NOISY = FIXTURES / "seeds" / "001_6bd77feb658f357a.txt"
CLEAN = FIXTURES / "clean" / "en_clean_article.txt"


@pytest.fixture
def corpus(tmp_path):
    """A small corpus folder: the seeds in a subfolder, a clean file, a JSONL file, a stray file."""
    root = tmp_path / "corpus"
    (root / "news" / "pt").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, root / "news" / seed.name)
    shutil.copy(CLEAN, root / "news" / "pt" / "clean.txt")
    records = [{"id": i, "text": seed.read_text(encoding="utf-8"), "url": f"https://example.org/{i}"} for i, seed in enumerate(SEEDS)]
    (root / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return root


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ clean


def test_clean_files_into_a_folder(tmp_path):
    proc = cli("clean", *SEEDS, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    for seed in SEEDS:
        assert (tmp_path / "out" / seed.name).read_bytes() == (EXPECTED / seed.name).read_bytes()
    summary = proc.stderr.strip().splitlines()[-1]
    assert "5 document(s)" in summary and "MB/s" in summary and "related 8" in summary and "footer 2" in summary


def test_clean_a_folder_keeps_relative_paths_and_leaves_the_input_alone(corpus, tmp_path):
    before = snapshot(corpus)
    proc = cli("clean", corpus, "-o", tmp_path / "out", "-q")
    assert proc.returncode == 0 and proc.stderr == ""
    out = snapshot(tmp_path / "out")
    assert set(out) == {f"news/{s.name}" for s in SEEDS} | {"news/pt/clean.txt", "records.jsonl"}
    assert out["news/pt/clean.txt"] == CLEAN.read_bytes()
    assert snapshot(corpus) == before


def test_include_and_exclude(corpus, tmp_path):
    assert cli("clean", corpus, "-o", tmp_path / "a", "--include", "*.jsonl", "-q").returncode == 0
    assert set(snapshot(tmp_path / "a")) == {"records.jsonl"}
    assert cli("clean", corpus, "-o", tmp_path / "b", "--exclude", "news/*", "-q").returncode == 0
    assert set(snapshot(tmp_path / "b")) == {"records.jsonl"}


def test_clean_output_again_changes_nothing(tmp_path):
    assert main(["clean", *map(str, SEEDS), "-o", str(tmp_path), "-q"]) == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert main(["clean", str(tmp_path), "-o", str(tmp_path), "-q"]) == 0
    assert before == {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}


def test_clean_in_place_rewrites_only_what_changes(tmp_path):
    noisy, clean = tmp_path / "noisy.txt", tmp_path / "clean.txt"
    shutil.copy(NOISY, noisy)
    shutil.copy(CLEAN, clean)
    clean_mtime = clean.stat().st_mtime_ns
    assert main(["clean", str(tmp_path), "--in-place", "-q"]) == 0
    assert noisy.read_bytes() == (EXPECTED / NOISY.name).read_bytes()
    assert clean.stat().st_mtime_ns == clean_mtime


def test_stdin_to_stdout():
    proc = cli("clean", "-", stdin=NOISY.read_text(encoding="utf-8"))
    assert proc.returncode == 0
    assert proc.stdout == (EXPECTED / NOISY.name).read_text(encoding="utf-8")


def test_clean_without_a_destination_is_a_usage_error(tmp_path):
    proc = cli("clean", NOISY)
    assert proc.returncode == 2 and "needs -o OUT_DIR or --in-place" in proc.stderr


def test_explain_prints_every_removal(tmp_path, capsys):
    seed = FIXTURES / "seeds" / "003_dcf73578d37184a6.txt"
    assert main(["clean", str(seed), "-o", str(tmp_path), "--explain", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.count("removed line") == 13 and "el.promo.follow-us" in out  # 12 noise lines and the optional credit


# ------------------------------------------------------------------ JSONL


def test_jsonl_round_trip_keeps_fields_and_order(corpus, tmp_path):
    assert main(["clean", str(corpus / "records.jsonl"), "-o", str(tmp_path), "-q"]) == 0
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == list(range(5))
    for r, seed in zip(records, SEEDS):
        assert list(r) == ["id", "text", "url"] and r["url"] == f"https://example.org/{r['id']}"
        assert r["text"] == (EXPECTED / seed.name).read_text(encoding="utf-8")


def test_jsonl_explain_adds_the_removals(corpus, tmp_path):
    assert main(["clean", str(corpus / "records.jsonl"), "-o", str(tmp_path), "--explain", "-q"]) == 0
    record = json.loads((tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()[1])
    removals = record["cleantext"]["removals"]
    assert record["cleantext"]["lang"] == "pt"
    assert [r["rule_id"] for r in removals][:2] == ["pt.promo.join-us", "pt.promo.follow-us"]
    assert all({"rule_id", "category", "reason", "span", "line"} <= set(r) for r in removals)


def test_jsonl_other_text_field_and_stdin():
    line = json.dumps({"body": NOISY.read_text(encoding="utf-8"), "text": "left alone"}, ensure_ascii=False)
    proc = cli("clean", "-", "--jsonl", "--text-field", "body", stdin=line + "\n")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["body"] == (EXPECTED / NOISY.name).read_text(encoding="utf-8") and record["text"] == "left alone"


def test_malformed_jsonl_line_is_reported_with_its_number_and_kept(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": NOISY.read_text(encoding="utf-8")}, ensure_ascii=False)
    path.write_text(good + "\n{not json\n" + good + "\n", encoding="utf-8")
    proc = cli("clean", path, "-o", tmp_path / "out")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{path}:2: not valid JSON" in proc.stderr
    lines = (tmp_path / "out" / "bad.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[1] == "{not json"


# ------------------------------------------------------------------ jobs


def test_jobs_2_output_is_byte_identical_to_jobs_1(corpus, tmp_path):
    big = corpus / "big.jsonl"
    lines = (corpus / "records.jsonl").read_text(encoding="utf-8").splitlines() * 40  # 200 records: several chunks
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = cli("clean", corpus, "-o", tmp_path / "one", "--jobs", "1", "-q")
    two = cli("clean", corpus, "-o", tmp_path / "two", "--jobs", "2", "-q")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    check_one = cli("check", corpus, "--jobs", "1")
    check_two = cli("check", corpus, "--jobs", "2")
    assert check_one.stdout == check_two.stdout and check_one.returncode == check_two.returncode == 1


def test_a_folder_of_many_text_files_is_shared_by_the_workers_byte_identically(tmp_path):
    from cleantext.cli import FILES_PER_TASK

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(FILES_PER_TASK + 9):  # more than one task's worth: the workers share them
        (folder / f"{i:03d}.txt").write_text(SEEDS[i % len(SEEDS)].read_text(encoding="utf-8"), encoding="utf-8")
    one = cli("clean", folder, "-o", tmp_path / "one", "--jobs", "1", "-q")
    two = cli("clean", folder, "-o", tmp_path / "two", "--jobs", "2", "-q")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert len(snapshot(tmp_path / "two")) == FILES_PER_TASK + 9


def test_a_few_files_are_cleaned_without_starting_workers(tmp_path, monkeypatch):
    """A pre-commit hook passes a handful of files: forking workers would only add start-up."""
    import multiprocessing

    from cleantext import batch

    pools = []
    context = multiprocessing.get_context()

    class Counting:
        def Pool(self, *args, **kwargs):  # noqa: N802 - multiprocessing's name
            pools.append(args)
            return context.Pool(*args, **kwargs)

    monkeypatch.setattr(batch.multiprocessing, "get_context", Counting)
    assert main(["check", *map(str, SEEDS), "--jobs", "2", "-q"]) == 1
    assert main(["clean", *map(str, SEEDS), "-o", str(tmp_path / "out"), "--jobs", "2", "-q"]) == 0
    assert pools == []
    assert len(list((tmp_path / "out").iterdir())) == len(SEEDS)
    # A folder may hold any number: its workers start while it is listed.
    assert main(["clean", str(tmp_path / "out"), "-o", str(tmp_path / "again"), "--jobs", "2", "-q"]) == 0
    assert len(pools) == 1


# ------------------------------------------------------------------ check and fix


def test_check_names_each_noisy_seed_and_exits_1(tmp_path):
    proc = cli("check", *SEEDS)
    assert proc.returncode == 1
    for seed in SEEDS:
        assert f"{seed}:" in proc.stdout
    assert f"{NOISY}:3: pt.promo.join-us " in proc.stdout
    assert "5 of 5 file(s) would be cleaned" in proc.stderr


def test_check_on_clean_files_exits_0_and_writes_nothing(tmp_path):
    assert main(["clean", *map(str, SEEDS), "-o", str(tmp_path), "-q"]) == 0
    before = snapshot(tmp_path)
    proc = cli("check", tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""
    assert snapshot(tmp_path) == before


def test_check_diff(tmp_path):
    proc = cli("check", NOISY, "--diff", "-q")
    assert proc.returncode == 1
    assert f"--- a/{NOISY}" in proc.stdout and "-Junte -se a nós no Telegram" in proc.stdout


def test_check_jsonl_names_the_record_line(corpus):
    proc = cli("check", corpus / "records.jsonl", "-q")
    assert proc.returncode == 1
    assert f"{corpus / 'records.jsonl'}:2: text line 3: pt.promo.join-us" in proc.stdout


def test_fix_rewrites_in_place_keeps_mode_and_crlf_and_exits_1(tmp_path):
    noisy, clean = tmp_path / "noisy.txt", tmp_path / "clean.txt"
    noisy.write_bytes(NOISY.read_bytes().replace(b"\n", b"\r\n"))
    os.chmod(noisy, 0o640)
    shutil.copy(CLEAN, clean)
    clean_mtime = clean.stat().st_mtime_ns
    proc = cli("fix", noisy, clean)
    assert proc.returncode == 1 and proc.stdout == f"fixed {noisy}\n"
    assert noisy.read_bytes() == (EXPECTED / NOISY.name).read_bytes().replace(b"\n", b"\r\n")
    assert noisy.stat().st_mode & 0o777 == 0o640
    assert clean.stat().st_mtime_ns == clean_mtime
    again = cli("fix", noisy, clean)
    assert again.returncode == 0 and again.stdout == ""


def test_fix_jsonl(corpus):
    path = corpus / "records.jsonl"
    assert cli("fix", path).returncode == 1
    assert cli("check", path).returncode == 0
    assert cli("fix", path).returncode == 0


# ------------------------------------------------------------------ errors


def test_bad_inputs_get_one_line_errors_and_the_rest_is_still_cleaned(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Olá mundo".encode("latin-1"))
    proc = cli("clean", tmp_path / "missing.txt", bad, NOISY, "-o", tmp_path / "out", "-q")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "missing.txt: no such file or folder" in errors[0] and "latin1.txt: not valid UTF-8" in errors[1]
    assert (tmp_path / "out" / NOISY.name).is_file() and not (tmp_path / "out" / "latin1.txt").exists()


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    os.chmod(path, 0)
    proc = cli("check", path)
    assert proc.returncode == 2 and "permission denied" in proc.stderr


def test_unknown_language_and_bad_rule_file_are_errors(tmp_path):
    proc = cli("clean", NOISY, "-o", tmp_path, "--lang", "xx")
    assert proc.returncode == 2 and "unknown language code 'xx'" in proc.stderr and "Traceback" not in proc.stderr
    rules = tmp_path / "bad.toml"
    rules.write_text("[[rules]\n", encoding="utf-8")
    proc = cli("check", NOISY, "--rules", rules)
    assert proc.returncode == 2 and "bad.toml" in proc.stderr and "Traceback" not in proc.stderr


def test_two_inputs_for_one_output_name_is_an_error(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in "ab":
        shutil.copy(NOISY, tmp_path / d / "x.txt")
    proc = cli("clean", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "-o", tmp_path / "out")
    assert proc.returncode == 2 and "would both be written" in proc.stderr


def test_usage_errors_exit_2():
    assert main(["clean"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["--help"]) == 0


# ------------------------------------------------------------------ settings


def test_settings_from_pyproject_and_flags_override(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\ndisable = ["pt.promo."]\nexclude = ["skip/*"]\n', encoding="utf-8")
    (tmp_path / "skip").mkdir()
    shutil.copy(NOISY, tmp_path / "a.txt")
    shutil.copy(NOISY, tmp_path / "skip" / "b.txt")
    proc = cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert "pt.promo" not in proc.stdout and "pt.related.box-header" in proc.stdout and "b.txt" not in proc.stdout
    proc = cli("check", ".", "--exclude", "nothing", cwd=tmp_path)
    assert "b.txt" in proc.stdout


def test_settings_from_dotfile_with_rules_and_lang(tmp_path):
    rules = tmp_path / "site.toml"
    rules.write_text(
        '[language]\ncode = "pt"\nname = "Portuguese"\n[[rules]]\nid = "pt.promo.clube"\ncategory = "promo"\nscope = "line"\n'
        "message = \"Our readers' club\"\npattern = '^clube de leitores da vila\\b'\n"
        'remove = ["Clube de leitores da Vila"]\nkeep = ["O clube de leitores reuniu-se."]\n',
        encoding="utf-8",
    )
    (tmp_path / ".cleantext.toml").write_text('rules = ["site.toml"]\nlang = "pt"\n', encoding="utf-8")
    text = "Clube de leitores da Vila\nO governo aprovou hoje o orçamento depois de um longo debate no parlamento.\n"
    proc = cli("check", "-", stdin=text, cwd=tmp_path)
    assert proc.returncode == 1 and "pt.promo.clube" in proc.stdout


def test_bad_settings_are_a_one_line_error(tmp_path):
    (tmp_path / ".cleantext.toml").write_text('colour = "blue"\n', encoding="utf-8")
    proc = cli("check", "-", stdin="x", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown setting(s) colour" in proc.stderr and "Traceback" not in proc.stderr


# ------------------------------------------------------------------ rules and explain


def test_rules_lists_ids_categories_and_messages():
    proc = cli("rules", "--lang", "pt")
    assert proc.returncode == 0
    assert "pt.promo.join-us" in proc.stdout and "common.embed.tweet-signature" in proc.stdout
    assert "el." not in proc.stdout
    assert "promo" in proc.stdout.split("pt.promo.join-us", 1)[1].splitlines()[0]
    everything = cli("rules")
    assert "el.related.box-header" in everything.stdout and "ro." in everything.stdout


def test_explain_marks_each_removed_line():
    proc = cli("explain", NOISY)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert any(line.startswith("-  3 | Junte -se a nós no Telegram") for line in lines)
    assert any("^ pt.promo.join-us (promo)" in line for line in lines)
    assert any(line.startswith("   1 | O ministro") for line in lines)


# ------------------------------------------------------------------ progress


class _Stream:
    def __init__(self, tty):
        self.tty, self.written = tty, ""

    def isatty(self):
        return self.tty

    def write(self, text):
        self.written += text

    def flush(self):
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_progress_shows_only_on_a_terminal(monkeypatch, tty):
    from cleantext.report import Progress

    stream = _Stream(tty)
    monkeypatch.setattr(sys, "stderr", stream)
    progress = Progress(total=2, enabled=True)
    progress.advance(1_000_000)
    progress.advance(1_000_000)
    progress.finish()
    assert ("2/2 files, 2.0 MB" in stream.written) is tty
    assert stream.written == "" if not tty else stream.written.endswith("\r\033[K")


def test_progress_is_silent_when_quiet(monkeypatch):
    from cleantext.report import Progress

    stream = _Stream(True)
    monkeypatch.setattr(sys, "stderr", stream)
    progress = Progress(total=1, enabled=False)
    progress.advance(10)
    progress.finish()
    assert stream.written == ""
