"""The fast paths give exactly what the slow paths they skip would: rule candidates by prefix,
the mojibake gate, document-level fixer gates, the LF-only line split, the sentence-end test."""
import functools

import regex
from ftfy.badness import is_bad
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleantext import Cleaner
from cleantext.normalize import _NEWLINE, apply_fixers, encoding_fixers, looks_bad, split_lines
from cleantext.paragraphs import (_CONTENT_WORD, Topic, _stem, build_paragraphs, count_words, ends_like_sentence, has_cjk,
                                  measure_lines)
from cleantext.rules import Rule, RuleBook, RuleSet, is_anchored, relaxed

BOOK = RuleBook.load()
LINES = sorted({x for r in BOOK.all_rules() for x in r.remove + r.keep} | {x for f in BOOK.files for x in f.sample})
ENCODINGS = ["cp1252", "latin-1", "cp1251", "cp1253", "mac_roman", "cp1250", "iso-8859-2", "cp437"]
# Texts a language's rules are checked on: its own rules' examples and its sample, whole; of
# every other language's lines, one in OTHERS_STRIDE (another script's or wording's openings,
# which a rule rarely matches: all of them, for each of 37 rule sets, took half an hour).
OTHERS_STRIDE = 7
EXTRA = ["x — Jane Doe (@jane) July 4, 2025", "Copyright 2025 Example Ltd. All rights reserved.",
         "Straße Straße Straße — jsmith SAYS:", "ß" * 40 + " x", "jsmith says:", "Newsletter", "BİZİ TAKİP EDİN"]


@functools.cache
def full_scan(lang: str | None) -> tuple[RuleSet, list[str], list[list[Rule]]]:
    """The language's rule set, the texts to check it on, and, for each, the rules that match
    it by trying every rule: the answer every fast path must give."""
    rules = RuleSet(BOOK.rules_for(lang))
    own = [x for r in rules.rules for x in r.remove + r.keep] + [x for f in BOOK.files if f.code in (lang, "common") for x in f.sample]
    own_set = set(own)
    texts = own + [x.upper() for x in own] + [" " + x for x in own] + [x for x in LINES[::OTHERS_STRIDE] if x not in own_set] + EXTRA
    return rules, texts, [[r for r in rules.rules if r.matches(t, count_words(t))] for t in texts]


def test_rule_candidates_by_prefix_find_every_rule_a_full_scan_finds():
    for lang in sorted(BOOK.languages) + [None]:
        rules, texts, expected = full_scan(lang)
        for text, matched in zip(texts, expected):
            assert list(rules.matching(text, count_words(text))) == matched, text


def test_candidates_leave_out_rules_that_cannot_match():
    """A body sentence's opening leaves out most rules; of those it leaves in, the ones that may
    open any paragraph name the words they need, and a paragraph holding none of them (most
    body sentences) is tried against the few that do not."""
    rules = RuleSet(BOOK.rules_for("en"))
    body = "The city council approved the budget on Tuesday after a long debate."
    assert len(rules.candidates(body)) < len(rules.rules) / 3
    assert len(rules.candidates(body, has_needed=False)) < len(rules.rules) / 10
    assert rules.candidates("Read also:") and rules.candidates("Read") == rules.candidates("Read more")


def test_openings_rule_out_no_rule_where_partial_matching_errs():
    """The regex module's partial matching fails a word boundary, or a negative lookahead for
    the end, read at the end of a text ("ab " against "ab[^,]{0,5}?\\bcd"), though the text
    could go on to match: the opening must not leave such a rule out."""
    assert regex.match(r"^ab[^,]{0,5}?\bcd", "ab ", partial=True) is None  # the engine's answer
    assert regex.match(r"^abc(?!$)", "abc", partial=True) is None

    def rule(n, pattern):
        return Rule(f"xx.promo.t{n}", "xx", "promo", "line", "m", pattern, regex.I, (), (), 30, None, "t")

    rules = RuleSet((rule(1, r"^ab[^,]{0,5}?\bcd"), rule(2, r"^abc(?!$)"), rule(3, r"^a\b.{0,9}?\bzz"), rule(4, r"^xyz")))
    for text in ["ab cd", "ab x cd", "abcd", "a b zz", "a, zz", "abc"]:
        words = count_words(text)
        assert rules.matching(text, words) == [r for r in rules.rules if r.matches(text, words)], text
    assert [r.id for r in rules.candidates("ab cd")] == ["xx.promo.t1"]
    assert [r.id for r in rules.candidates("abcd")] == ["xx.promo.t1", "xx.promo.t2"]
    # A user's pattern that does not compile relaxed (a group it refers to was in a negative
    # lookahead) is asked as one that matches anything: its rule stays a candidate.
    odd = RuleSet((rule(5, r"^(?!(?P<g>q))ab (?P=g)?"),))
    assert odd.candidates("abc") == odd.rules and odd.matching("abc", 1) == []
    assert odd.matching("ab d", 2) == [odd.rules[0]]


def test_relaxed_patterns_match_wherever_the_rules_do():
    assert relaxed(r"^a\bb(?!b(?:c|d)\b)x(?!$)[\b(?!]z(?!\))q\\b") == r"^a(?:)b(?:)x(?:)[\b(?!]z(?:)q\\b"
    # A quantifier after a boundary stays on the empty group left in its place.
    assert regex.match(relaxed(r"^a\b{2}c"), "ac")
    for r in BOOK.all_rules():
        pattern = regex.compile(relaxed(r.pattern), r.compiled.flags)
        assert "(?!" not in pattern.pattern or "[" in pattern.pattern, r.id
        for text in r.remove:
            assert pattern.search(text), (r.id, text)


def test_needs_spares_the_regex_where_none_of_its_words_occurs():
    rule = next(r for r in BOOK.all_rules() if r.id == "en.comments.author-says")
    assert rule.needs and rule.matches("jsmith says:", 2)
    assert not rule.matches("jsmith replies:", 2)


def test_needs_do_not_skip_a_line_whose_words_a_no_break_space_joins():
    """A pattern's \\s takes a no-break space, which the whitespace fixer keeps: a needed word
    must still be found (needs are single words, never phrases)."""
    body = "The council approved the budget on Thursday after a long debate about the hospital."
    for line in ("Want our weekly briefing? Sign\u00a0up here", "We may earn a share\u00a0of revenue from sales through links on this page."):
        assert Cleaner().clean(f"{body}\n\n{line}\n", lang="en") == body + "\n", line


def test_anchoring_is_read_from_top_level_alternatives():
    assert is_anchored(r"^a|^(?:b|c)$")
    assert not is_anchored(r"^a|b")
    assert is_anchored(r"^[|(]x|^\|")
    assert not is_anchored(r"\ball rights reserved\b")


def _mojibake():
    for text in LINES:
        for enc in ENCODINGS:
            yield text.encode("utf-8").decode(enc, errors="replace")


def test_mojibake_gate_agrees_with_ftfy_on_clean_and_broken_text():
    texts = LINES + list(_mojibake())
    assert sum(map(is_bad, texts)) > len(LINES)  # the broken ones are there
    assert [looks_bad(t) for t in texts] == [is_bad(t) for t in texts]


def test_mojibake_gate_agrees_with_ftfy_on_every_pair_of_its_characters():
    """Every two-character string over ftfy's mojibake categories and a few ASCII characters,
    alone and between ASCII letters: the gates must not assume which side a quote pairs on."""
    from ftfy.badness import MOJIBAKE_CATEGORIES

    chars = sorted(set("".join(MOJIBAKE_CATEGORIES.values())) | set("aZ ,.\n"))
    for a in chars:
        for b in chars:
            for text in (a + b, f"x{a}{b}y"):
                assert looks_bad(text) == is_bad(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=40))
@example("®ß")
def test_mojibake_gate_agrees_with_ftfy_on_any_text(text):
    assert looks_bad(text) == is_bad(text)


def _document_gates_agree_with_the_line_regexes(text):
    import re

    from cleantext import normalize

    assert normalize.text_needs_encoding_fix(text) == normalize.needs_encoding_fix(text), text
    assert normalize.has_invisible(text) == bool(normalize._ANY_INVISIBLE.search(text)), text
    odd = ("  " in text or "\n " in text or " \n" in text or text[:1] == " " or text[-1:] == " "
           or re.search(normalize._OTHER_SPACE, text) is not None)
    assert normalize.has_odd_whitespace(text) == odd, text


def test_document_gates_from_one_vectorized_scan_agree_with_the_regexes():
    """The fixers' document gates class every character in one NumPy pass; they must say what
    the regexes the fixers use line by line say, on clean text, mojibake and odd characters."""
    texts = LINES + list(_mojibake()) + ["a\u00a0b", "x\u200by", "\ud800 lone", "\U0001f600 “x”", "«\U0001d400»", "tab\there"]
    for text in texts + ["\n".join(texts[i: i + 7]) for i in range(0, len(texts), 7)]:
        _document_gates_agree_with_the_line_regexes(text)
    # A quote is a gate only beside a non-ASCII character, on either side.
    from ftfy.badness import MOJIBAKE_CATEGORIES

    chars = sorted(set("".join(MOJIBAKE_CATEGORIES.values())) | set("aZ ,.\n"))
    for q in MOJIBAKE_CATEGORIES["start_punctuation"] + MOJIBAKE_CATEGORIES["end_punctuation"]:
        for c in chars:
            for text in (q + c, c + q, f"x{q}{c}y", f"x{c}{q}y"):
                _document_gates_agree_with_the_line_regexes(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF) | st.sampled_from("\U0001f600\ud800\x1b&;#"), max_size=40))
def test_document_gates_agree_with_the_regexes_on_any_text(text):
    _document_gates_agree_with_the_line_regexes(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_document_gates_of_ascii_text_agree_with_the_regexes(text):
    """ASCII text skips the table (no gate character is ASCII)."""
    _document_gates_agree_with_the_line_regexes(text)


def _fix_line_by_line(lines, fixers):
    out = list(lines)
    for _ in range(3):
        before = list(out)
        for f in fixers:
            out = [f.fix(x) for x in out]
        if out == before:
            break
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["  a  b", "\tx", "café", "cafe\u0301", "a\u200bb", "Ã©tÃ©", "&amp; x", "plain", " ", "", "x\u00a0"]), max_size=6))
def test_fixer_gates_change_nothing_a_line_by_line_run_would_change(lines):
    fixers = encoding_fixers(Cleaner().config)
    got = list(lines)
    apply_fixers(got, fixers)
    assert got == _fix_line_by_line(lines, fixers)


@given(st.text(alphabet="ab\n\r\u2028 ", max_size=12))
def test_lf_split_matches_the_general_split(text):
    lines, _ = split_lines(text)
    expected, spans, start = [], [], 0
    for m in _NEWLINE.finditer(text):
        expected.append(text[start:m.start()])
        spans.append((start, m.start()))
        start = m.end()
    ends = start == len(text) and bool(expected)
    if not ends:
        expected.append(text[start:])
        spans.append((start, len(text)))
    assert (lines.lines, lines.spans, lines.ends_with_newline) == (expected, spans, ends)


SENTENCE_END = regex.compile(r"[.!?…。！？؟।](?:[\"'”’“‘»«›‹)\]」』》〉）］】]|\s)*$")


@given(st.text(alphabet="ab .!?»«)”“'\" 。」）\t", max_size=12))
def test_sentence_end_matches_the_regex_it_replaces(text):
    assert ends_like_sentence(text) == bool(SENTENCE_END.search(text))


def test_a_sentence_ends_inside_the_quotes_of_every_convention():
    for text in ["So lange können wir nicht warten.“", "»Hvala vsem gasilcem.«", "Il a dit : « C’est fini. »",
                 "「終わりです。」", "（以上。）", "„Das reicht nicht‘."]:
        assert ends_like_sentence(text), text
    assert not ends_like_sentence("„Bis die Studierenden fertig sind“")


def test_document_wide_search_lands_in_every_paragraph_its_rule_matches():
    for lang in sorted(BOOK.languages):
        rules, texts, expected = full_scan(lang)
        # The search runs over the paragraphs joined: one with a line break inside it comes last.
        split = "All rights\nreserved"
        texts, expected = texts + [split], expected + [[r for r in rules.rules if r.matches(split, count_words(split))]]
        hits = rules.document_wide(texts)
        for i, (text, matched) in enumerate(zip(texts, expected)):
            assert rules.matching(text, count_words(text), wide=hits.get(i, [])) == matched, (lang, text)


# Spaces of every kind (no-break, line separator, the information separators str.split takes),
# word characters from the astral planes (mathematical letters) and not (emoji), a lone surrogate.
_TRICKY = "ab _7 —|-.,\t\u4e2d\u00e9\u00a0\u2028\x1c\U0001d400\U0001f600\ud800\u30a2\u2f00\U00020000"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_TRICKY, max_size=12), max_size=8))
def test_paragraph_word_counts_from_one_scan_equal_count_words(lines):
    """build_paragraphs counts every line's words in one vectorized pass (measure_lines), or,
    for a short text, line by line: both give count_words's answers."""
    from cleantext import paragraphs

    expected_counts = [sum(1 for w in t.split() if any(c.isalnum() or c == "_" for c in w)) for t in lines]
    expected_cjk = [bool(regex.search(r"[\p{Han}\p{Hiragana}\p{Katakana}]", t)) for t in lines]
    default = paragraphs.VECTOR_MIN_CHARS
    try:
        for threshold in (0, 10**9):  # every text vectorized; every text line by line
            paragraphs.VECTOR_MIN_CHARS = threshold
            for p in build_paragraphs(lines):
                assert p.words == count_words(p.text), p.text
                assert p.cjk == has_cjk(p.text), p.text
            assert measure_lines(lines) == (expected_counts, expected_cjk)
    finally:
        paragraphs.VECTOR_MIN_CHARS = default


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeTHAYKS 1_-'.,", min_size=1, max_size=80))
@example("The WORLD's leaders said that they'd meet THAT day")
def test_stems_of_an_ascii_text_are_those_the_general_way_gives(text):
    """Topic.stems lower-cases an ASCII text and cuts its words, without _stem: the same
    stems as case-folding, stopwords and _stem word by word (every example is ASCII, so every
    one takes that way; stopwords in capitals must still be left out)."""
    stopwords = frozenset({"that", "they", "said", "über"})
    (p,) = build_paragraphs([text.replace("\n", " ") + "x"])
    general = {_stem(w) for w in (w.casefold() for w in _CONTENT_WORD.findall(p.text)) if w not in stopwords}
    assert Topic([], stopwords).stems(p) == general


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab é", min_size=1, max_size=400), max_size=6))
def test_language_sample_shortcut_gives_what_sorting_gives(paragraphs):
    from cleantext.language import document_sample, sample_by_sorting

    assert document_sample(paragraphs) == sample_by_sorting(paragraphs)


def _sample_sorting_all(paragraphs):
    from cleantext.language import SAMPLE_BYTES, SAMPLE_CHARS, _varied

    chosen, size = [], 0
    for text in sorted(paragraphs, key=lambda t: (-len(t), t)):
        if size >= SAMPLE_CHARS:
            break
        if not _varied(text[:SAMPLE_CHARS]):
            continue  # one word over and over says nothing of the language
        piece = text[: SAMPLE_CHARS - size]
        if not piece.isascii():
            piece = piece[: max(1, int(SAMPLE_BYTES / (len(piece.encode("utf-8")) / len(piece))) - size)]
        chosen.append(piece)
        size += len(piece)
    return "\n".join(chosen)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab é中", min_size=1, max_size=120), max_size=30))
def test_language_sample_from_the_longest_few_gives_what_sorting_all_gives(paragraphs):
    """sample_by_sorting looks at the few longest paragraphs first, and sorts all of them only
    when those do not fill the sample (many short paragraphs)."""
    from cleantext.language import sample_by_sorting

    assert sample_by_sorting(paragraphs) == _sample_sorting_all(paragraphs)


def test_paragraphs_with_needed_words_are_found_by_one_search_of_the_document():
    """A rule with `needs` is tried only on the paragraphs one search finds its words in; the
    search runs on the case-folded document, whose lengths may differ from the original's
    ("STRASSE" for "Straße"), and must still land in the right paragraph."""
    from cleantext.rules import fold

    # Turkish capital İ folds to "i" and a combining dot, which fold() drops: "takip" is found.
    assert "takip" in fold("BİZİ TAKİP EDİN") and "takip" not in "BİZİ TAKİP EDİN".casefold()
    # ...and so the rule that needs it matches the line in capitals, as its pattern does.
    follow = next(r for r in BOOK.rules_for("tr") if r.id == "tr.promo.follow-us")
    assert follow.compiled.search("BİZİ INSTAGRAM'DA TAKİP EDİN") and follow.matches("BİZİ INSTAGRAM'DA TAKİP EDİN", 4)
    checked = 0
    for lang in sorted(BOOK.languages):
        rules, texts, expected = full_scan(lang)
        needed = {n for r in rules.rules if is_anchored(r.pattern) for n in r.needs}  # tried paragraph by paragraph
        with_needed = rules.paragraphs_with_needed(texts)
        if not needed:
            assert with_needed is None
            continue
        hits = rules.document_wide(texts)
        for i, (text, matched) in enumerate(zip(texts, expected)):
            assert (i in with_needed) == any(n in fold(text) for n in needed), (lang, text)
            assert with_needed.get(i, set()) == {n for n in needed if n in fold(text)}, (lang, text)
            words = count_words(text)
            assert rules.matching(text, words, wide=hits.get(i, []), has_needed=i in with_needed) == matched, (lang, text)
            # as the cleaner asks: with the words the paragraph holds
            assert rules.matching(text, words, wide=hits.get(i, []), has_needed=with_needed.get(i, False)) == matched, (lang, text)
            checked += 1
    assert checked > 1000


# ------------------------------------------------------------------ literal openings

def _variants(text: str) -> list[str]:
    """The text as sites vary it: in capitals, indented, with no-break and doubled spaces."""
    return [text, text.upper(), text.lower(), "  " + text, text.replace(" ", "\u00a0"), text.replace(" ", "  \t"),
            text.replace("I", "ı").replace("i", "İ")]


def test_a_rule_matches_only_paragraphs_opening_with_one_of_its_literal_openings():
    from cleantext.literal_prefix import opening

    with_openings = [r for r in BOOK.all_rules() if r.openings is not None]
    assert len(with_openings) > 600  # most of the packs' rules open with words
    for r in with_openings:
        assert r.openings == r.literal_openings  # kept when the file was parsed
        for example in r.remove + r.keep:
            for text in _variants(example):
                if r.compiled.search(text):
                    op = opening(text)
                    assert not op or op.startswith(r.openings), (r.id, text, r.openings)
                    _assert_beginnings_may_open(r, text)


def _assert_beginnings_may_open(rule, text):
    """A new paragraph opening is tried only against the rules that may open with it (RuleSet.
    _by_start): every beginning of a text the rule matches must leave the rule in."""
    from cleantext.literal_prefix import opening

    for k in range(1, 13):
        assert rule.may_open_with(opening(text[:k])), (rule.id, text[:k], rule.openings)


_RE_COMPATIBLE = []
for _r in BOOK.all_rules():
    try:
        if _r.openings is not None and "\\p" not in _r.pattern:
            _RE_COMPATIBLE.append((_r, __import__("re").compile(_r.pattern, _r.flags & regex.I)))
    except Exception:  # syntax only the regex module reads
        pass


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_texts_generated_from_a_pattern_open_with_its_literal_openings(data):
    """Whatever a pattern matches (texts drawn from the pattern itself), its opening begins with
    one of the pattern's literal openings."""
    from cleantext.literal_prefix import opening

    rule, compiled = data.draw(st.sampled_from(_RE_COMPATIBLE))
    text = data.draw(st.from_regex(compiled, fullmatch=False))
    if "\n" not in text and rule.compiled.search(text):
        op = opening(text)
        assert not op or op.startswith(rule.openings), (rule.id, text, rule.openings)
        _assert_beginnings_may_open(rule, text)


def test_literal_openings_read_groups_options_classes_and_white_space():
    from cleantext.literal_prefix import literal_prefixes, opening

    assert literal_prefixes(r"^(?:communiqué(?:\s+de\s+presse)?|cp)\s*n°") == ("communiqué d", "communiqué n", "communiquén°", "cp n°", "cpn°")
    assert literal_prefixes(r"^[(\[]?\s*read\s+also") == ("( read also", "(read also", "[ read also", "[read also", "read also")
    assert literal_prefixes(r"^(?i:see)\s+also|^more\s+on\s+this") == ("more on this", "see also")
    assert literal_prefixes(r"^colou?r") == ("color", "colour")
    assert literal_prefixes(r"^ab+c") == ("ab",)  # past a repeat, what follows is not known
    assert literal_prefixes(r"^[|\s]*menu") == ("menu", "|")
    assert literal_prefixes(r"^\s*(?=\w)(?!x)ab\bc") == ("abc",)  # look-arounds and boundaries take no room
    for unread in (r"^\d+ comments", r"^(?:ab|\w+)c", r"^[a-z]bc", r"^.{0,9}menu", r"menu$", r"^(?:x)?\1"):
        assert literal_prefixes(unread) is None, unread
    # The dotless ı matches "I" when case is ignored: both are read as "i".
    assert regex.match("ıstanbul", "ISTANBUL", regex.I)
    assert opening("ISTANBUL haberleri").startswith(literal_prefixes("^ıstanbul"))
    # White space at the start and in runs is one space; an opening mostly white space tells nothing.
    assert opening("\u00a0 Read \t also:") == "read also:"
    assert opening(" " * 70 + "Read also") == ""


def test_every_character_the_patterns_read_as_white_space_or_as_one_letter_the_opening_reads_so():
    """The opening folds case (rules.fold, with ı as i) and splits at str.isspace: every pair of
    characters the regex module matches to each other ignoring case must fold alike, and its \\s
    must be white space to str.split, or an opening could miss a match."""
    from cleantext.literal_prefix import _fold

    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    assert all(ch.isspace() for ch in chars if regex.match(r"\s", ch))
    by_case: dict[str, set[str]] = {}
    for ch in chars:
        for k in {ch.lower(), ch.upper(), ch.casefold(), ch.title()}:
            by_case.setdefault(k, set()).add(ch)
    for ch in chars:
        related = set().union(*(by_case[k] | ({k} if len(k) == 1 else set()) for k in {ch.lower(), ch.upper(), ch.casefold(), ch.title()}))
        for other in related - {ch}:
            if regex.fullmatch(regex.escape(ch), other, regex.I):
                assert _fold(ch) == _fold(other), (hex(ord(ch)), hex(ord(other)))
