"""Every rule's examples, run two ways: the pattern alone, and the whole cleaner with the
example set inside its language's sample article at the place the rule's scope names."""
import pytest

from cleantext import Cleaner
from cleantext.paragraphs import count_words
from cleantext.rules import RuleBook

BOOK = RuleBook.load()
FILES = {f.code: f for f in BOOK.files}
RULES = BOOK.all_rules()
CLEANER = Cleaner()


def _lang(rule):
    return "en" if rule.lang == "common" else rule.lang


def _document(rule, example):
    sample = list(FILES[rule.lang].sample)
    if rule.scope == "head":
        paras = [example] + sample
    elif rule.scope == "tail":
        paras = sample + [example]
    elif rule.block == "share-column":  # a name goes only with its column: the rule's own names
        paras = sample[:1] + [example] + [e for e in rule.remove if e != example][:3] + sample[1:]
    else:
        paras = sample[:1] + [example] + sample[1:]
    return "\n\n".join(paras) + "\n", sample


def _removed_lines(text, lang):
    result = CLEANER.clean_and_explain(text, lang=lang)
    return result, {r.text for r in result.removals}


def test_every_language_file_has_a_sample_article():
    for f in BOOK.files:
        assert len(f.sample) >= 3, f"{f.path} needs a sample of at least three paragraphs"


def test_there_are_rules_for_the_seed_languages():
    langs = {r.lang for r in RULES}
    assert {"common", "pt", "el", "ro", "en"} <= langs


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_pattern_matches_every_remove_example(rule):
    for example in rule.remove:
        assert rule.matches(example, count_words(example)), f"{rule.id} should match {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_pattern_spares_every_keep_example(rule):
    for example in rule.keep:
        assert not rule.matches(example, count_words(example)), f"{rule.id} should not match {example!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_cleaner_removes_every_remove_example_in_context(rule):
    for example in rule.remove:
        text, sample = _document(rule, example)
        result, removed = _removed_lines(text, _lang(rule))
        assert example.strip() in removed, f"{rule.id}: {example!r} not removed\n{result.explain()}"
        # Another rule may get there first (a copyright line is also an all-rights line); that
        # this rule matches is the pattern test's job. Here: removed, explained, body intact.
        removal = next(r for r in result.removals if r.text == example.strip())
        assert removal.rule_id and removal.category and removal.reason
        for para in sample:
            assert para in result.text, f"{rule.id}: body paragraph lost next to {example!r}\n{result.explain()}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_cleaner_keeps_every_keep_example_in_context(rule):
    for example in rule.keep:
        text, sample = _document(rule, example)
        result = CLEANER.clean_and_explain(text, lang=_lang(rule))
        assert example in result.text, f"{rule.id}: keep example {example!r} removed\n{result.explain()}"
        for para in sample:
            assert para in result.text


ADVERSARIAL = ["a" * 5000, " " * 5000, "— " * 2000 + "(@x)", "(@" * 2000, "#" * 5000 + "x", "aa " * 3000 + "!",
               "Leia também " * 500, "—" * 3000, "1" * 5000, ".-" * 3000]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_pattern_finishes_on_adversarial_repetitions(rule):
    """Built-in rules run without a regex timeout, so none may backtrack without end: each
    must finish on long repetitions of its own examples and on generic adversarial strings
    (the timeout here is only a tripwire)."""
    for text in ADVERSARIAL + [" ".join([e] * 200) for e in rule.remove + rule.keep]:
        rule.compiled.search(text, timeout=5.0)
