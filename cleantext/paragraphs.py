"""Paragraphs and what can be measured on one alone (the first, context-free verdict).

As in jusText, every paragraph is first judged alone (`initial`), then revised by the
heuristics that look at its neighbours (`final`); both verdicts, and every piece of evidence
behind the final one, stay on the paragraph so the explanation can show them.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import regex

from .rules import Rule

# Verdicts
BODY = "body"      # reads like article prose
SHORT = "short"    # headline, label, intertitle: kept unless context says otherwise
NOISE = "noise"    # removed
TITLE = "title"    # the headline, kept once

# Scripts written without spaces count one word per two characters.
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_WORD = regex.compile(rf"[{_CJK}]{{1,2}}|[^\W{_CJK}_]+(?:['’-][^\W{_CJK}_]+)*")
_SENTENCE_ENDS = ".!?…。！？؟।"
# What may close a sentence after its stop: quotes of every convention (German „…“ and ‚…‘,
# Slovene and Danish »…«, French «…», CJK 「…」 and 『…』), brackets, full-width ones included.
_CLOSERS = "\"'”’“‘»«›‹)]」』》〉）］】"
# A content word: four letters or more; in Korean, whose syllable blocks say more each, two.
_CONTENT_WORD = regex.compile(r"[\uac00-\ud7af]{2,}|[^\W\d_]{4,}")

# A paragraph of at least this many words that ends like a sentence reads as body; so does
# any paragraph this long, ended or not. Below, it is a headline, a label or a fragment.
BODY_MIN_WORDS = 8
BODY_ANY_WORDS = 25


class Paragraph:
    """One non-blank line. Built for every line of every document, so only what is measured
    alone is set here; the verdict's details keep their class-level defaults until a rule or
    heuristic decides (a dataclass with eighteen fields cost a fifth of the cleaning time)."""

    index: int           # position among the paragraphs
    line: int            # 0-based line number in the text
    text: str
    words: int
    sentence_end: bool
    gap_before: int      # blank lines between this paragraph and the previous one
    initial: str         # the verdict on the paragraph alone
    final: str           # the verdict in context
    rule: Rule | None = None          # the rule whose match decided a removal
    decided_by: str = ""              # rule or heuristic id of the final verdict
    category: str = ""
    reason: str = ""
    evidence: list[str] | tuple = ()
    candidates: tuple[Rule, ...] = ()  # head/tail/block rules, judged in context
    lang: str | None = None           # filled lazily, only where a heuristic asks
    written: str | None = None        # the line as written, where `text` differs from it (see reading_view)
    cjk: bool                          # holds a Chinese or Japanese character (see has_cjk)

    def __init__(self, index: int, line: int, text: str, words: int, sentence_end: bool, gap_before: int,
                 initial: str = SHORT, cjk: bool | None = None):
        self.index, self.line, self.text, self.words = index, line, text, words
        self.sentence_end, self.gap_before = sentence_end, gap_before
        self.initial = self.final = initial
        self.cjk = has_cjk(text) if cjk is None else cjk

    def __repr__(self) -> str:
        return f"Paragraph({self.index}, line={self.line}, {self.final}, {self.text[:40]!r})"

    @property
    def removed(self) -> bool:
        return self.final == NOISE

    @property
    def as_written(self) -> str:
        """The line as the input has it: what is output, or reported as removed."""
        return self.written if self.written is not None else self.text


# Directional formatting characters: the marks LRM, RLM and ALM, and the embeddings, overrides
# and isolates. Hebrew, Arabic and Persian sites put them at the edges of lines that mix
# scripts ("\u200f11:42 · 17 June", "name\u200f @handle"), where they stand between the rules and
# what they anchor to. They are kept in the output, since they decide how a line is displayed.
_DIRECTIONAL = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def has_directional_marks(text: str) -> bool:
    return not text.isascii() and _DIRECTIONAL.search(text) is not None


def reading_view(line: str) -> str:
    """The line as the rules and heuristics read it: without directional formatting characters."""
    return _DIRECTIONAL.sub("", line)


# Arabic joins the article and some prepositions and conjunctions to the word ("بالانقطاع",
# "والمياه"): a light stemmer's prefixes, longest first, taken off where a stem of three letters
# or more is left.
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Accent-free, case-folded 5-letter prefix: a crude stemmer that lets "Ucrânia" meet
    "ucraniana" in any inflecting language, at no cost (Arabic words first lose the prefixes
    joined to them)."""
    if word.isascii():  # nothing to take off: most words of most texts
        return word[:5]
    if "\u0620" <= word[0] <= "\u064a":
        word = next((word[len(x):] for x in _ARABIC_PREFIXES if word.startswith(x) and len(word) - len(x) >= 3), word)
    folded = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))[:5]


_HAS_CJK = regex.compile(rf"[{_CJK}]")
_CJK_RUN = regex.compile(rf"[{_CJK}]+")
# A token of punctuation alone, in the text padded with a space at each end (re: faster here
# than regex, and a leading \s lets it skip ahead to the next space).
_PUNCT_TOKEN = re.compile(r"\s[^\w\s]+(?=\s)")


def has_cjk(text: str) -> bool:
    """Does the text hold Chinese or Japanese script (Han, Hiragana, Katakana)?"""
    return not text.isascii() and _HAS_CJK.search(text) is not None


def final_mark(text: str) -> str:
    """The text's last character, closing quotes, brackets and white space aside ("" if none).
    Stripped from the end: a regex anchored with $ would scan the whole line."""
    while True:
        stripped = text.rstrip().rstrip(_CLOSERS)
        if stripped == text:
            return text[-1:]
        text = stripped


def ends_like_sentence(text: str) -> bool:
    """Ends with . ! ? … (or their CJK, Arabic and Devanagari forms), closing quotes and
    brackets aside."""
    mark = final_mark(text)
    return bool(mark) and mark in _SENTENCE_ENDS


def count_words(text: str) -> int:
    """Words of a paragraph: in CJK, one per two characters; elsewhere whitespace-separated
    tokens, less those made of punctuation alone ("—", "|"). (build_paragraphs counts a whole
    text's lines at once, by measure_lines.)"""
    if not text.isascii() and _HAS_CJK.search(text):
        return len(_WORD.findall(text))
    return len(text.split()) - len(_PUNCT_TOKEN.findall(f" {text} "))


_CHAR_KINDS = None  # per BMP code point: see _kind


def _char_kinds():
    global _CHAR_KINDS
    if _CHAR_KINDS is None:
        import numpy as np

        kinds = np.array([_kind(chr(c)) for c in range(0x10000)], np.uint8)
        for m in _CJK_RUN.finditer("".join(map(chr, range(0x10000)))):
            kinds[m.start(): m.end()] |= CJK_BIT
        _CHAR_KINDS = kinds
    return _CHAR_KINDS


# A character's kind: 0 white space (str.isspace), 1 word (\w), 2 other; plus CJK_BIT when
# it is Han, Hiragana or Katakana (_CJK).
CJK_BIT = 4


def _kind(ch: str) -> int:
    return 0 if ch.isspace() else 1 if ch.isalnum() or ch == "_" else 2


def measure_lines(lines: list[str]) -> tuple[list[int], list[bool]]:
    """Per line, its whitespace-separated tokens that hold a word character (so not "—" or
    "|"), as count_words counts them outside CJK, and whether it holds a CJK character: one
    vectorized pass over the whole text (a split and two regexes per line cost a seventh of
    the cleaning time)."""
    text = "\n".join(lines)
    if len(text) < VECTOR_MIN_CHARS:
        return _measure_each(lines)
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    cjk = [False] * len(lines)
    breaks = np.flatnonzero(points == 10)
    if text.isascii():  # most text: no character beyond the table, no CJK
        kinds = _char_kinds()[points]
    else:
        kinds = _char_kinds()[np.minimum(points, 0xFFFF)]
        for at in np.flatnonzero(points > 0xFFFF).tolist():  # emoji, rare CJK: one by one
            ch = text[at]
            kinds[at] = _kind(ch) | (CJK_BIT if _HAS_CJK.match(ch) else 0)
        in_cjk = np.flatnonzero(kinds & CJK_BIT)
        if len(in_cjk):
            for n in np.unique(np.searchsorted(breaks, in_cjk)).tolist():
                cjk[n] = True
            kinds &= CJK_BIT - 1
    space = kinds == 0
    token_starts = np.flatnonzero(~space & np.concatenate(([True], space[:-1])))
    if not len(token_starts):
        return [0] * len(lines), cjk
    has_word = np.maximum.reduceat(kinds == 1, token_starts)
    line_of = np.searchsorted(breaks, token_starts[has_word])
    return np.bincount(line_of, minlength=len(lines)).tolist(), cjk


# Shorter texts are measured line by line: NumPy's fixed costs outweigh its speed below about
# 800 characters (a tweet, a comment, a short record of a JSONL corpus).
VECTOR_MIN_CHARS = 600


def _measure_each(lines: list[str]) -> tuple[list[int], list[bool]]:
    """measure_lines, one line at a time: count_words without its CJK case, and the CJK test."""
    counts = [len(line.split()) - len(_PUNCT_TOKEN.findall(f" {line} ")) for line in lines]
    return counts, [has_cjk(line) for line in lines]


def build_paragraphs(lines: list[str], directional: bool = False) -> list[Paragraph]:
    """The paragraphs of the text's lines, each measured alone; words as count_words counts them.
    With `directional` (the text holds directional marks), each paragraph's text is its
    reading_view and the line as written is kept beside it."""
    paragraphs, blank = [], 0
    counts, cjk = measure_lines(lines)
    for i, line in enumerate(lines):
        if not counts[i] and not line.strip():  # a line with a word is not blank: no strip
            blank += 1
            continue
        written = None
        if directional:
            view = reading_view(line)
            if view != line and view.strip():  # a line of marks alone is read as it is
                written, line = line, view
        # count_words and ends_like_sentence, with their common cases inline (this loop runs
        # for every line of every document)
        words = len(_WORD.findall(line)) if cjk[i] else counts[i]
        last = line[-1]
        ends = True if last in _SENTENCE_ENDS else False if last.isalnum() else ends_like_sentence(line)
        verdict = BODY if (ends and words >= BODY_MIN_WORDS) or words >= BODY_ANY_WORDS else SHORT
        paragraph = Paragraph(len(paragraphs), i, line, words, ends, blank if paragraphs else 0, verdict, cjk[i])
        if written is not None:
            paragraph.written = written
        paragraphs.append(paragraph)
        blank = 0
    return paragraphs


class Topic:
    """The article's vocabulary (content-word stems of its body paragraphs), to tell how far a
    paragraph is about the same story: teasers and embeds are about another one."""

    def __init__(self, paragraphs: list[Paragraph], stopwords: frozenset[str]):
        self.stopwords = stopwords
        self._stems: dict[int, frozenset] = {}
        self.body = [p for p in paragraphs if p.initial == BODY]
        self._body_ids = {p.index for p in self.body}
        self.counts: Counter = Counter()
        for p in self.body:
            self.counts.update(self.stems(p))
        shares = sorted(c for c in (self.coherence(p) for p in self.body) if c is not None)
        self.median = shares[len(shares) // 2] if shares else 0.0

    def stems(self, p: Paragraph) -> frozenset:
        if p.index not in self._stems:
            text = p.text
            if text.isascii():  # lower case is the case folding, and a stem the first letters
                found = {w[:5] for w in _CONTENT_WORD.findall(text.lower()) if w not in self.stopwords}
            else:
                words = (w.casefold() for w in _CONTENT_WORD.findall(text))
                if not p.cjk:
                    found = {_stem(w) for w in words if w not in self.stopwords}
                else:
                    # Chinese and Japanese part no words with spaces: each two characters of a
                    # run stand for one (a run is a whole clause, which no other paragraph repeats).
                    found = {_stem(w) for w in words if w not in self.stopwords and not _HAS_CJK.match(w)}
                    for run in _CJK_RUN.findall(text):
                        found.update(run[i: i + 2] for i in range(len(run) - 1))
            self._stems[p.index] = frozenset(found)
        return self._stems[p.index]

    def coherence(self, p: Paragraph) -> float | None:
        """Share of the paragraph's content words found in other body paragraphs;
        None when the paragraph has too few content words to judge."""
        words = self.stems(p)
        if len(words) < 3:
            return None
        own = 1 if p.index in self._body_ids else 0
        return sum(1 for w in words if self.counts[w] - own > 0) / len(words)

    def echoes(self, p: Paragraph, headline: Paragraph) -> frozenset:
        """Content words of a headline that come back in the paragraph (a teaser's summary
        restates its own headline)."""
        return self.stems(p) & self.stems(headline)
