"""Language identification, per document and per paragraph.

py3langid was chosen by measurement (benchmarks/langid_choice.py): on short paragraphs it was
the most accurate of the detectors that ship their model inside the package (py3langid,
pycld2, lingua) and fast enough to ask about every paragraph (about 20,000 a second here).
"""
from __future__ import annotations

import threading
from itertools import islice

from .errors import UnknownLanguageError

_LOCK = threading.Lock()
_IDENTIFIER = None

# Text shorter than this (in letters) says too little about its language to be worth asking.
MIN_LETTERS = 20
# A document sample of this many characters is enough; longer ones only cost time (the
# identifier's cost grows with the sample's bytes: a quarter of the cleaning time at 400 when
# measured, before its walk was vectorized, see langid_model).
# On the 1,518 labelled bench texts, 300 characters agree with 400 on all but three listing
# pages that neither gets right. The identifier reads UTF-8 bytes, so scripts of two or three
# bytes a character (Greek, Cyrillic, CJK, Devanagari) are also capped in bytes: their letters
# say more each, and cost more each.
SAMPLE_CHARS = 300
SAMPLE_BYTES = 450


# Languages the identifier tells apart that are one written language to a reader of the
# other (a Croatian sentence in a text identified as Bosnian is no quote from abroad), as the
# rule packs' `also` lists have them: tests/test_rule_files.py holds the two together.
VARIANTS = (
    frozenset({"bs", "hr", "sr", "sh", "me"}),
    frozenset({"no", "nb", "nn"}),
    frozenset({"id", "ms"}),
    frozenset({"zh", "wuu", "yue"}),
)


def same_language(a: str, b: str) -> bool:
    """Are a and b one language, or variants of one (VARIANTS)?"""
    return a == b or any(a in group and b in group for group in VARIANTS)


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                from .langid_model import load_identifier

                _IDENTIFIER = load_identifier()
    return _IDENTIFIER


def detector_languages() -> frozenset[str]:
    return frozenset(_identifier().labels)


def identify(text: str) -> tuple[str | None, float]:
    """(language, probability) of a piece of text; (None, 0.0) when there is too little to go on."""
    # Enough letters? Counted only until there are (filter and islice run in C).
    if next(islice(filter(str.isalpha, text[:400]), MIN_LETTERS - 1, None), None) is None:
        return None, 0.0
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


def document_sample(paragraphs: list[str]) -> str:
    """The longest paragraphs, up to SAMPLE_CHARS characters and about SAMPLE_BYTES bytes:
    body text outweighs menus, tweets and labels."""
    if not paragraphs:
        return ""
    longest = max(map(len, paragraphs))
    if longest >= SAMPLE_CHARS:  # most documents: one paragraph is sample enough
        first = min(t for t in paragraphs if len(t) == longest)[:SAMPLE_CHARS]
        if (first.isascii() or len(first.encode("utf-8")) <= SAMPLE_BYTES) and _varied(first):  # _fill keeps it whole
            return first
    return sample_by_sorting(paragraphs)


# A paragraph that says one word over and over (a page's hidden font test, "word word word ...",
# keyword stuffing) tells nothing of the language, yet as the longest it would be the sample
# ("word" is Dutch and Afrikaans). A sample's paragraph has a distinct word in every
# VARIED_SHARE of its words at least.
VARIED_SHARE = 10
VARIED_MIN_WORDS = 20


def _varied(text: str) -> bool:
    words = text.split()
    return len(words) < VARIED_MIN_WORDS or len(set(words)) * VARIED_SHARE >= len(words)


# The longest few paragraphs nearly always fill the sample; all are sorted only when not.
FEW_LONGEST = 8


def _longest_first(text: str) -> tuple[int, str]:
    return -len(text), text


def sample_by_sorting(paragraphs: list[str]) -> str:
    """document_sample the long way: paragraphs in order of length, then of text."""
    # The FEW_LONGEST longest are among those at least as long as the FEW_LONGEST-th length:
    # lengths sort in C, and only those few are sorted with their texts.
    lengths = sorted(map(len, paragraphs), reverse=True)
    cut = lengths[min(FEW_LONGEST, len(lengths)) - 1] if lengths else 0
    sample = _fill(sorted((t for t in paragraphs if len(t) >= cut), key=_longest_first)[:FEW_LONGEST])
    if sample is None:
        sample = _fill(sorted(paragraphs, key=_longest_first), whole=True)
    return sample


def _fill(ordered: list[str], whole: bool = False) -> str | None:
    """The sample from paragraphs in order; None if they run out before it is full (unless
    they are all the document has)."""
    chosen, size = [], 0
    for text in ordered:
        if size >= SAMPLE_CHARS:
            break
        if not _varied(text[:SAMPLE_CHARS]):
            continue
        piece = text[: SAMPLE_CHARS - size]
        if not piece.isascii():
            width = len(piece.encode("utf-8")) / len(piece)
            piece = piece[: max(1, int(SAMPLE_BYTES / width) - size)]
        chosen.append(piece)
        size += len(piece)
    else:
        if not whole and size < SAMPLE_CHARS:
            return None
    return "\n".join(chosen)


def normalize_code(code: str, known: frozenset[str], packs: frozenset[str]) -> str:
    """'pt-BR' -> 'pt'; raise a helpful error for codes nobody knows."""
    if not isinstance(code, str):
        raise UnknownLanguageError(f"lang must be a language code such as 'pt' or None to detect it, not {type(code).__name__}")
    c = code.strip().lower().replace("_", "-")
    if c in known:
        return c
    base = c.split("-")[0]
    if base in known:
        return base
    raise UnknownLanguageError(
        f"unknown language code {code!r}: use an ISO 639-1 code such as 'pt', 'el', 'ro' or 'en', "
        f"or leave lang unset to detect it (codes with rule packs: {', '.join(sorted(packs))})"
    )
