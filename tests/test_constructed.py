"""The constructed multilingual sets (fixtures/constructed, fixtures/heldout): per document, no
body line lost, the headline kept once, and cleaning twice equal to cleaning once; over each
set, a floor under the share of noise removed."""
import sys

import pytest

import cleantext

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from constructed_eval import LABELS, SETS, documents, read_annotated, score  # noqa: E402

DOCS = documents()
# Under what each set measured when the floor was set (README, "Constructed multilingual sets"):
# floors only ever go up.
NOISE_REMOVED_FLOOR = {"constructed": 0.98, "heldout": 0.93}


@pytest.fixture(scope="module")
def outcomes():
    return {(doc.folder, doc.name): score(doc, cleantext.clean(doc.text)) for doc in DOCS}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_language_of_the_rule_packs_has_a_document(name):
    from cleantext.rules import RuleBook

    assert {doc.lang for doc in documents(name)} >= set(RuleBook.load().languages) - {"common"}


@pytest.mark.parametrize("doc", DOCS, ids=[f"{d.folder}/{d.name}" for d in DOCS])
def test_no_body_line_is_lost_and_the_headline_stands_once(doc, outcomes):
    s = outcomes[(doc.folder, doc.name)]
    source = doc.text.split("\n")
    assert not s["lost"], [source[n - 1][:80] for n in s["lost"]]
    assert not s["title"], [source[n - 1][:80] for n in s["title"]]


@pytest.mark.parametrize("doc", DOCS, ids=[f"{d.folder}/{d.name}" for d in DOCS])
def test_cleaning_twice_equals_cleaning_once(doc):
    once = cleantext.clean(doc.text)
    assert cleantext.clean(once) == once


@pytest.mark.parametrize("name", sorted(SETS))
def test_most_noise_is_removed(name, outcomes):
    scores = [outcomes[(doc.folder, doc.name)] for doc in documents(name)]
    noise = sum(s["noise"] for s in scores)
    left = sum(len(s["left"]) for s in scores)
    assert (noise - left) / noise >= NOISE_REMOVED_FLOOR[name]


def test_the_reader_takes_labels_and_blank_lines_and_refuses_others(tmp_path):
    f = tmp_path / "xx-sample.txt"
    f.write_text("# lang: xx\n# note: n\nN| Menu\n\nT| Headline\nB| Body.\n", encoding="utf-8")
    doc = read_annotated(f)
    assert (doc.lang, doc.text) == ("xx", "Menu\n\nHeadline\nBody.\n")
    assert doc.labels == {1: LABELS["N"], 3: LABELS["T"], 4: LABELS["B"]}
    f.write_text("# lang: xx\n# note: n\nX| what\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        read_annotated(f)
    s = score(doc, "Headline\nBody.\n")
    assert s["perfect"] and (s["body"], s["noise"]) == (1, 1)
    assert score(doc, "Menu\nBody.\n")["left"] == [1] and score(doc, "Menu\nBody.\n")["title"] == [3]
