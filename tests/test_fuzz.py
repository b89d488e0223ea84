"""Fuzzing the entry points with hypothesis: plain text, HTML, and the rule-file loader.

Bounded in the test suite; for a long run (documented in README.md):
    CLEANTEXT_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py
"""
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import RuleFileError
from cleantext.rules import parse_rule_file

EXAMPLES = int(os.environ.get("CLEANTEXT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Every code point, lone surrogates and controls included.
ANY_CHAR = st.characters(codec=None, categories=None)
LINES = st.lists(st.text(ANY_CHAR, max_size=120), max_size=12).map("\n".join)
NEWLINES = st.lists(st.sampled_from(["word", "Leia também", "— X (@x) July 1, 2025", "\r\n", "\n", "\u2028", " -os", "Ã©", "&amp;", "\x00", "\u200b", "#tag"]), max_size=40).map("".join)


@FUZZ
@given(st.one_of(LINES, NEWLINES))
def test_clean_never_raises_and_is_idempotent(text):
    result = cleantext.clean_and_explain(text)
    assert isinstance(result.text, str)
    assert cleantext.clean(result.text) == result.text or result.kept_whole


TAGS = st.sampled_from(["<p>", "</p>", "<div class='related-posts'>", "</div>", "<blockquote class='twitter-tweet'>",
                        "</blockquote>", "<script>", "</script>", "<html lang='pt'>", "<body>", "<!--", "-->", "<meta charset='latin-1'>",
                        "<br>", "&nbsp;", "<article>", "</article>", "<", ">", "&#0;"])
HTML = st.lists(st.one_of(TAGS, st.text(ANY_CHAR, max_size=40)), max_size=40).map("".join)


@FUZZ
@given(st.one_of(HTML, HTML.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=300)))
def test_clean_html_never_raises(page):
    assert isinstance(cleantext.clean_html(page), str)


VALID = """[language]
code = "pt"
name = "Portuguese"
[[rules]]
id = "pt.promo.fuzz"
category = "promo"
scope = "line"
message = "Fuzz rule"
pattern = '^assine\\b'
remove = ["Assine já"]
keep = ["Ele assina"]
"""


@FUZZ
@given(st.data())
def test_rule_file_loader_raises_only_rule_file_errors(data):
    text = VALID
    for _ in range(data.draw(st.integers(0, 4))):
        pos = data.draw(st.integers(0, len(text)))
        edit = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        piece = data.draw(st.text(st.sampled_from('[]"\'=\n (?#\\*+.abcpt0'), min_size=1, max_size=4))
        if edit == "delete":
            text = text[:pos] + text[pos + len(piece):]
        elif edit == "insert":
            text = text[:pos] + piece + text[pos:]
        else:
            text = text[:pos] + piece + text[pos + len(piece):]
    try:
        parse_rule_file(text, "fuzzed.toml")
    except RuleFileError as exc:
        assert str(exc).startswith("fuzzed.toml")
