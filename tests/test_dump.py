"""Page dumps: every block of a page, menus to footer, turned into the article (page_dump)."""
import sys

import pytest

import cleantext
from conftest import FIXTURES, ROOT, SHARED, cli

PAGE = (FIXTURES / "dumps" / "en_council_page.txt").read_text(encoding="utf-8")
ARTICLE = (FIXTURES / "dumps" / "en_council_page.article.txt").read_text(encoding="utf-8")


def test_a_page_dump_comes_back_as_its_article_every_removal_explained():
    result = cleantext.clean_and_explain(PAGE, page_dump=True)
    assert result.text == ARTICLE
    assert result.kept_whole is None  # the body-loss guard is for extracted text, not dumps
    assert len(result.removals) == PAGE.count("\n") - ARTICLE.count("\n")
    for r in result.removals:
        assert r.rule_id and r.category and r.reason and r.evidence
    by_rule = {r.text: r.rule_id for r in result.removals}
    assert by_rule["Sign in"] == "heuristic.dump.outside-article"
    assert by_rule["harbourgirl says:"] == "en.comments.author-says"


def test_without_page_dump_prose_outside_the_article_stays():
    """The settings for extracted text trust that the text is the article: a reader's comment,
    prose in a sentence, is kept there; only the dump settings look for the main block."""
    comment = "About time. That site has been an eyesore for years and people need somewhere to live."
    assert comment in cleantext.clean(PAGE)
    assert comment not in cleantext.clean(PAGE, page_dump=True)


def test_cleaning_a_dump_twice_equals_once():
    once = cleantext.clean(PAGE, page_dump=True)
    assert cleantext.clean(once, page_dump=True) == once


def test_cli_page_dump_flag(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    proc = cli("clean", src, "-o", tmp_path / "out", "--page-dump")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.skipif(not (SHARED / "bench" / "scrapinghub").is_dir(), reason="../shared/bench is not present")
def test_on_real_page_dumps_it_beats_justext_on_the_same_paragraphs():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from dump_eval import make_methods, page_dump
    from html_eval import bow_prf, load

    methods = make_methods(["cleantext", "justext"])
    scores = {name: [] for name in methods}
    for rec in load(SHARED / "bench", "scrapinghub", 60):
        rec["dump"] = page_dump(rec["html_bytes"])
        for name, fn in methods.items():
            scores[name].append(bow_prf(fn(rec), rec["text"])[2])
    ours, theirs = (sum(scores[n]) / len(scores[n]) for n in ("cleantext", "justext"))
    assert ours > theirs + 0.05, (ours, theirs)


def test_a_corpus_of_dumps_can_say_so_in_its_settings(tmp_path):
    (tmp_path / ".cleantext.toml").write_text("page_dump = true\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    proc = cli("clean", "page.txt", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == ARTICLE
    (tmp_path / ".cleantext.toml").write_text('page_dump = "yes"\n', encoding="utf-8")
    proc = cli("clean", "page.txt", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 2 and "'page_dump' must be a true or false" in proc.stderr
