"""The five seed documents: cleaned output against their line-labelled gold, and against the
reviewed expected outputs in fixtures/expected/."""
import json
import subprocess
import sys
import unicodedata

import pytest

import cleantext

from conftest import FIXTURES, SHARED

SEEDS = sorted((FIXTURES / "seeds").glob("*.gold.json"))


def key(text):
    """Letters and digits, case-folded, NFKC: how the gold matches lines."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def load(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = (gold_path.parent / gold["source"]).read_text(encoding="utf-8")
    return gold, source


@pytest.fixture(scope="module", params=SEEDS, ids=[p.name.split(".")[0] for p in SEEDS])
def seed(request):
    gold, source = load(request.param)
    result = cleantext.clean_and_explain(source)
    return gold, source, result


def test_there_are_five_seeds():
    assert len(SEEDS) == 5


def test_output_matches_the_reviewed_expected_file(seed):
    gold, _, result = seed
    assert result.text == (FIXTURES / "expected" / gold["source"]).read_text(encoding="utf-8")


def test_language_is_detected(seed):
    gold, _, result = seed
    assert result.lang == gold["language"] and result.lang_detected


def test_no_body_line_is_lost(seed):
    gold, source, result = seed
    lines = source.split("\n")
    out = key(result.text)
    for n in gold["lines"]["body"]:
        assert key(lines[n - 1]) in out, f"body line {n} lost: {lines[n - 1][:80]!r}"


def test_title_is_kept_exactly_once(seed):
    gold, source, result = seed
    lines = source.split("\n")
    out_lines = [key(line) for line in result.text.split("\n")]
    for n in gold["lines"]["title"]:
        assert out_lines.count(key(lines[n - 1])) == 1, f"title line {n} not kept exactly once"


def test_every_noise_line_is_removed(seed):
    """A noise line that repeats the title verbatim is removed when the title stands once
    (checked above); every other noise line must be gone."""
    gold, source, result = seed
    lines = source.split("\n")
    titles = {key(lines[n - 1]) for n in gold["lines"]["title"]}
    out_lines = {key(line) for line in result.text.split("\n")}
    for n in gold["lines"]["noise"]:
        k = key(lines[n - 1])
        if k in titles:
            continue
        assert k not in out_lines and k not in key(result.text), f"noise line {n} left: {lines[n - 1][:80]!r}"


def test_must_and_must_not_contain(seed):
    gold, _, result = seed
    for s in gold.get("must_contain", []):
        assert s in result.text
    for s in gold.get("must_not_contain", []):
        assert s not in result.text


def test_every_removed_line_is_explained(seed):
    """The removals account exactly for the lines missing from the output."""
    _, source, result = seed
    lines = source.split("\n")
    removed = {r.line for r in result.removals}
    kept = {key(line) for line in result.text.split("\n") if key(line)}
    for n, line in enumerate(lines, 1):
        if key(line) and n not in removed:
            assert key(line) in kept, f"line {n} missing without an explanation"
    for r in result.removals:
        assert r.rule_id and r.category and r.reason and r.evidence
        start, end = r.span
        assert source[start:end] == lines[r.line - 1]


def test_cleaning_twice_equals_cleaning_once(seed):
    _, _, result = seed
    again = cleantext.clean_and_explain(result.text)
    assert again.text == result.text
    assert not again.removals and not again.normalizations


def test_detached_hyphens_are_rejoined_and_reported():
    gold, source = load(FIXTURES / "seeds" / "000_75e404e8a071ba8d.gold.json")
    result = cleantext.clean_and_explain(source)
    assert not result.removals
    steps = {s.name: s for s in result.normalizations}
    assert steps["rejoin-hyphens"].count == 6  # lines changed: 1, 7, 10, 18, 21 and 22
    assert "norte-coreana" in result.text and " -os" not in result.text


def test_greek_paired_dashes_stay_as_written():
    _, source = load(FIXTURES / "seeds" / "003_dcf73578d37184a6.gold.json")
    assert "Εξωτερικών -στη θέση από το 2004- συναντήθηκε" in cleantext.clean(source)
    assert "Εξωτερικών -στη θέση από το 2004- συναντήθηκε" in cleantext.clean(source, lang="pt")


@pytest.mark.skipif(not (SHARED / "seeds" / "score.py").is_file(), reason="../shared/seeds is not present")
def test_the_shared_scorer_finds_nothing_but_title_repeats(tmp_path):
    """score.py counts a noise line that is a verbatim copy of the title as left over whenever
    the title is kept, so its only complaints may be those lines."""
    for gold_path in SEEDS:
        gold, source = load(gold_path)
        (tmp_path / gold["source"]).write_text(cleantext.clean(source), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SHARED / "seeds" / "score.py"), str(SHARED / "seeds"), str(tmp_path), "--json"],
        capture_output=True, text=True, check=False,
    )
    report = json.loads(run.stdout)
    assert report["body_line_recall"] == 1.0
    for doc in report["docs"]:
        gold, source = load(FIXTURES / "seeds" / doc["source"].replace(".txt", ".gold.json"))
        lines = source.split("\n")
        titles = {key(lines[n - 1]) for n in gold["lines"]["title"]}
        flaws = {k: v for k, v in doc.items() if isinstance(v, list) and v}
        assert set(flaws) <= {"noise_left"}, doc
        assert all(key(lines[n - 1]) in titles for n in flaws.get("noise_left", [])), doc
