"""Clean text comes back unchanged: the negative fixtures exactly, real gold bodies nearly."""
import json

import pytest

import cleantext

from conftest import FIXTURES, SHARED

CLEAN = sorted((FIXTURES / "clean").glob("*.txt"))
BENCH = SHARED / "bench"


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_fixture_comes_back_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    result = cleantext.clean_and_explain(text)
    assert result.text == text, result.explain()
    assert not result.removals and not result.normalizations


def test_expected_seed_outputs_are_fixed_points():
    for path in sorted((FIXTURES / "expected").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert cleantext.clean(text) == text, path.name


@pytest.mark.skipif(not (BENCH / "scrapinghub" / "gold.jsonl").is_file(), reason="../shared/bench is not present")
def test_gold_article_bodies_lose_almost_nothing():
    """181 hand-made article bodies (scrapinghub): the cleaner removes under 0.5% of their
    characters, and never a paragraph of 40 words or more."""
    cleaner = cleantext.Cleaner()
    chars = removed = 0
    for line in (BENCH / "scrapinghub" / "gold.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        result = cleaner.clean_and_explain(rec["text"])
        chars += len(rec["text"])
        for r in result.removals:
            removed += len(r.text)
            assert len(r.text.split()) < 40, (rec["id"], r)
    assert removed / chars < 0.005
