"""Normalization: small named fixers applied line by line, each reporting what it changed.

Every fixer keeps the number of lines, so line N of the normalized text is always line N of
the input; that is what lets a removal name its span in the input. Blank-line runs are a
matter of the gaps between lines, handled when the output is assembled (see assemble.py).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable

import regex

from .config import CleanerConfig
from .result import NormalizationStep

# Line breaks: LF, CRLF, CR and the Unicode line and paragraph separators. Not NEL (U+0085):
# in extracted text it is far more often a Windows-1252 "…" gone wrong, which ftfy repairs.
_NEWLINE = regex.compile(r"\r\n|[\n\r\u2028\u2029]")


class Lines:
    """The text as lines, each with its span in the original input. Fixers change the lines in
    place; the spans stay those of the input. For LF-only text they are worked out from the
    input's line lengths when first asked for: only removals need them."""

    def __init__(self, lines: list[str], spans: list[tuple[int, int]] | None, ends_with_newline: bool,
                 lengths: list[int] | None = None):
        self.lines, self.ends_with_newline = lines, ends_with_newline
        self._spans, self._lengths = spans, lengths

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            starts = accumulate((n + 1 for n in self._lengths), initial=0)
            self._spans = [(start, start + n) for start, n in zip(starts, self._lengths)]
        return self._spans


def split_lines(text: str) -> tuple[Lines, NormalizationStep | None]:
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return _split_lf(text), None
    lines, spans, odd = [], [], 0
    start = 0
    for m in _NEWLINE.finditer(text):
        lines.append(text[start : m.start()])
        spans.append((start, m.start()))
        odd += m.group() != "\n"
        start = m.end()
    ends_with_newline = start == len(text) and bool(lines)
    if not ends_with_newline:
        lines.append(text[start:])
        spans.append((start, len(text)))
    step = NormalizationStep("line-endings", odd, "CRLF, CR and Unicode line separators turned into LF", 1) if odd else None
    return Lines(lines, spans, ends_with_newline), step


def _split_lf(text: str) -> Lines:
    """The common case, LF only: str.split, with the spans from the running length."""
    lines = text.split("\n")
    ends_with_newline = len(lines) > 1 and lines[-1] == ""
    if ends_with_newline:
        lines.pop()
    return Lines(lines, None, ends_with_newline, list(map(len, lines)))


# --------------------------------------------------------------------------- fixers
# Each fixer takes one line and returns it fixed; it must never add or remove a line break.


def _ftfy_config():
    from ftfy import TextFixerConfig

    # Corpus-safe: quotes, guillemets, „ ”, full-width forms and ligatures stay as written;
    # line breaks and the normalization form are handled by our own steps.
    return TextFixerConfig(
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization=None,
        explain=True,
    )


_FTFY_CONFIG = None
# The gates use the standard library's `re`: on a plain scan for a literal or a class it is
# several times faster than `regex`.
_ENTITY = re.compile(r"&#?\w+;")
_SURROGATES = "\ud800-\udfff"
_GATE = None


def _gate():
    """What every match of ftfy's badness regex contains, read from ftfy's own categories so
    that it follows ftfy: one of its rarer characters, or an opening or closing quote right
    next to a non-ASCII character (ftfy's patterns with quotes pair them so, on either side:
    "®ß" as much as "ß®"). Accented lower-case letters, Greek and Cyrillic are ordinary text,
    and so are quotes between ASCII characters: left out. Lone surrogates are in the same
    class: one scan in C finds all three kinds (three scans cost three times as much)."""
    global _GATE
    if _GATE is None:
        from ftfy.badness import MOJIBAKE_CATEGORIES as cat

        rare = "".join(cat[k] for k in ("c1", "bad", "upper_accented", "box", "currency", "numeric", "law"))
        quotes = cat["start_punctuation"] + cat["end_punctuation"]
        _GATE = re.compile(f"[{rare}\u0153\u00b0\u00d9\u0402\u201a{quotes}{_SURROGATES}]"), frozenset(quotes)
    return _GATE


def _scan(text: str, surrogate_is_bad: bool) -> bool:
    """ftfy's is_bad(text) (or a lone surrogate, if asked), at the cost of one character-class
    scan for most text: its badness regex only runs in a few characters' window around each
    gate (no ftfy pattern is longer than 7 characters or has more than 3 before its gate)."""
    gate, quotes = _gate()
    return _bad_at(text, (m.start() for m in gate.finditer(text)), surrogate_is_bad, quotes)


def _bad_at(text: str, gates, surrogate_is_bad: bool, quotes) -> bool:
    from ftfy.badness import BADNESS_RE

    for g in gates:
        ch = text[g]
        if "\ud800" <= ch <= "\udfff":
            if surrogate_is_bad:
                return True
            continue
        if ch in quotes and (text[max(0, g - 1): g] + text[g + 1: g + 2]).isascii():
            continue
        if BADNESS_RE.search(text, max(0, g - 4), g + 8):
            return True
    return False


def looks_bad(text: str) -> bool:
    """ftfy's is_bad(text), fast."""
    return _scan(text, False)


def needs_encoding_fix(text: str) -> bool:
    """HTML entities, terminal escapes and lone surrogates always go to ftfy; other text only
    when ftfy's own badness measure says it looks like mojibake."""
    if "\x1b" in text or ("&" in text and _ENTITY.search(text)):
        return True
    if text.isascii():
        return False
    return _scan(text, True)


# --------------------------------------------------------------------------- document gates
#
# The fixers' gates look at the whole text before any line is touched. Three of them look for
# characters of a class (other white space, invisible characters, mojibake's gate characters):
# one vectorized pass classes every character for all three at once (three regex scans cost
# twice as much). The classes are read from the very regexes the line-by-line fixers use.

_SPACE_BIT, _INVISIBLE_BIT, _RARE_BIT, _QUOTE_BIT = 1, 2, 4, 8
_FLAGS = None
_LAST_PROFILE: tuple = (None, None)


@dataclass(frozen=True)
class _Profile:
    other_space: bool
    invisible: bool
    gates: list  # where mojibake could be: rare characters, surrogates, quotes beside non-ASCII


def _char_flags():
    global _FLAGS
    if _FLAGS is None:
        import numpy as np

        gate, quotes = _gate()
        every = "".join(map(chr, range(0x10000)))
        flags = np.zeros(0x10000, np.uint8)
        classes = ((_SPACE_BIT, _OTHER_SPACE), (_INVISIBLE_BIT, _ANY_INVISIBLE), (_RARE_BIT, gate))
        for bit, pattern in classes:
            for m in pattern.finditer(every):
                flags[m.start()] |= bit
        for q in quotes:  # a quote is a gate only beside a non-ASCII character
            flags[ord(q)] = (int(flags[ord(q)]) & ~_RARE_BIT) | _QUOTE_BIT
        _FLAGS = flags
    return _FLAGS


def _profile(text: str) -> _Profile:
    """The text's character classes, once per text: the gates of one round share them."""
    global _LAST_PROFILE
    last_text, last = _LAST_PROFILE  # one read: another thread may replace it meanwhile
    if last_text is text:
        return last
    if text.isascii():
        # No gate character is ASCII (text_needs_encoding_fix stops before them): two scans in
        # C cost less here than the table's fixed costs, on short texts most.
        profile = _Profile(_OTHER_SPACE.search(text) is not None, _ANY_INVISIBLE.search(text) is not None, [])
        _LAST_PROFILE = (text, profile)
        return profile
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    flags = _char_flags()[np.minimum(points, 0xFFFF)]
    if len(points) and points.max() > 0xFFFF:
        flags[points > 0xFFFF] = 0  # no class holds a character beyond the BMP
    if not flags.any():
        profile = _Profile(False, False, [])
    else:
        beside = np.zeros(len(points), bool)
        wide = points > 127
        beside[1:] |= wide[:-1]
        beside[:-1] |= wide[1:]
        gates = np.flatnonzero(((flags & _RARE_BIT) > 0) | (((flags & _QUOTE_BIT) > 0) & beside)).tolist()
        profile = _Profile(bool((flags & _SPACE_BIT).any()), bool((flags & _INVISIBLE_BIT).any()), gates)
    _LAST_PROFILE = (text, profile)
    return profile


def text_needs_encoding_fix(text: str) -> bool:
    """needs_encoding_fix, for a whole text (the fixer's gate)."""
    if "\x1b" in text or ("&" in text and _ENTITY.search(text)):
        return True
    if text.isascii():
        return False
    return _bad_at(text, _profile(text).gates, True, _gate()[1])


def fix_encoding(line: str) -> str:
    global _FTFY_CONFIG
    if not needs_encoding_fix(line):
        return line
    import ftfy

    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = _ftfy_config()
    fixed = ftfy.fix_and_explain(line, _FTFY_CONFIG).text
    return fixed if not _NEWLINE.search(fixed) else line


# Zero-width space, BOM / zero-width no-break space, word joiner, Mongolian vowel separator,
# soft hyphen, object replacement character. ZWJ and ZWNJ are kept: Persian, Hindi and emoji need them.
_INVISIBLE = regex.compile(r"[\u200b\ufeff\u2060\u180e\u00ad\ufffc]+")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


_ANY_INVISIBLE = re.compile(r"[\u200b\ufeff\u2060\u180e\u00ad\ufffc\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_invisible(text: str) -> bool:
    return _profile(text).invisible


def remove_invisible(line: str) -> str:
    if not _ANY_INVISIBLE.search(line):
        return line
    line = _INVISIBLE.sub("", line)
    # Vertical tabs, form feeds and the unit separator stood between words: keep a space.
    return _CONTROL.sub(lambda m: " " if regex.search(r"[\x0b\x0c\x1f]", m.group()) else "", line)


def make_unicode_form(form: str) -> tuple[Callable[[str], str], Callable[[str], bool]]:
    def is_normal(text: str) -> bool:
        return text.isascii() or unicodedata.is_normalized(form, text)

    def unicode_form(line: str) -> str:
        return line if is_normal(line) else unicodedata.normalize(form, line)

    # A line break starts nothing in composition, so a normalized text has normalized lines.
    return unicode_form, lambda text: not is_normal(text)


_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")


# White space other than the space and the line break, spelled out: a positive class scans
# several times faster than the equivalent [^\S \n].
_OTHER_SPACE = re.compile("[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def has_odd_whitespace(text: str) -> bool:
    """Could a line hold a space run, a tab, or white space at either end? (Substring tests
    for the plain space; any other white space character sends the text line by line.)"""
    return ("  " in text or "\n " in text or " \n" in text or text[:1] == " " or text[-1:] == " "
            or _profile(text).other_space)


def fix_whitespace(line: str) -> str:
    if "  " not in line and "\t" not in line:
        return line.strip()
    return _SPACE_RUN.sub(" ", line).strip()


# A hyphen detached from the word before it by machine translation: "norte -coreana",
# "abraçando -os". The part after it is lower-case letters joined to nothing else.
_DETACHED = regex.compile(r"(?<=\p{L}) -(?=\p{Ll}+(?![\p{L}\p{N}-]))")
# A dash closing a parenthesis of the form "word -aside words- word" ("... 2004- συναντήθηκε").
_CLOSING = regex.compile(r"(?<=[\p{L}\p{N}])-(?=\s|$)")


def rejoin_detached_hyphens(line: str) -> str:
    if " -" not in line:
        return line
    openings = [m.start() for m in _DETACHED.finditer(line)]
    if not openings:
        return line
    closings = [m.start() for m in _CLOSING.finditer(line)]
    keep = set()
    # An opening with a closing dash after it, before the next opening, is a dash pair
    # used as parentheses; it must stay exactly as written.
    for i, pos in enumerate(openings):
        nxt = openings[i + 1] if i + 1 < len(openings) else len(line)
        if any(pos < c < nxt for c in closings):
            keep.add(pos)
    out, last = [], 0
    for pos in openings:
        if pos in keep:
            continue
        out.append(line[last:pos])
        last = pos + 1  # drop the space before the hyphen
    out.append(line[last:])
    return "".join(out)


# --------------------------------------------------------------------------- driver


@dataclass(frozen=True)
class Fixer:
    name: str
    fix: Callable[[str], str]
    detail: str
    # Document-level gate, one pass in C over the whole text: False means no line would change,
    # so the fixer is not called line by line. Most text needs no repair; this is its fast path.
    needed: Callable[[str], bool] = lambda text: True


def encoding_fixers(config: CleanerConfig) -> list[Fixer]:
    """The language-independent fixers, in the order they run."""
    fixers = []
    if config.fix_encoding:
        fixers.append(Fixer("fix-encoding", fix_encoding, "mojibake, HTML entities and terminal escapes repaired (ftfy)", text_needs_encoding_fix))
    if config.remove_invisible:
        fixers.append(Fixer("remove-invisible", remove_invisible, "zero-width, soft-hyphen and control characters removed", has_invisible))
    if config.unicode_form:
        fix, needed = make_unicode_form(config.unicode_form)
        fixers.append(Fixer("unicode-form", fix, f"text put in Unicode {config.unicode_form}", needed))
    if config.fix_whitespace:
        fixers.append(Fixer("whitespace", fix_whitespace, "lines trimmed, runs of spaces and tabs collapsed", has_odd_whitespace))
    return fixers


HYPHEN_FIXER = Fixer("rejoin-hyphens", rejoin_detached_hyphens, "hyphens detached by machine translation rejoined",
                     lambda text: " -" in text)


# Fixers can feed each other (removing a control character can leave a sequence that ftfy
# then reads as mojibake), so changed lines go round again, until nothing changes.
MAX_FIXER_ROUNDS = 3


def apply_fixers(lines: list[str], fixers: list[Fixer], deadline=None) -> list[NormalizationStep]:
    """Run the fixers over every line in place; return one step per fixer that changed something."""
    changed_lines: dict[str, set[int]] = {f.name: set() for f in fixers}
    examples: dict[str, str] = {}
    todo = range(len(lines))
    for round_no in range(MAX_FIXER_ROUNDS):
        changed: set[int] = set()
        text = None
        for fixer in fixers:
            if round_no == 0:
                if text is None:
                    text = "\n".join(lines)
                if not fixer.needed(text):
                    continue
            fix = fixer.fix
            repaired = False
            for i in todo:
                if deadline is not None and not i & 255:
                    deadline.check()
                line = lines[i]
                fixed = fix(line)
                if fixed != line:
                    if fixer.name not in examples:  # the first change is the example shown
                        examples[fixer.name] = _example(line, fixed)
                    lines[i] = fixed
                    changed_lines[fixer.name].add(i)
                    changed.add(i)
                    repaired = True
            if repaired:
                text = None  # the next fixer's gate must see this one's repairs
        if not changed:
            break
        todo = sorted(changed)
    return [
        NormalizationStep(f.name, len(changed_lines[f.name]), f"{f.detail}; e.g. {examples[f.name]}", min(changed_lines[f.name]) + 1)
        for f in fixers
        if changed_lines[f.name]
    ]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by binary search over slice comparisons (done in C), so a
    20 MB line costs milliseconds, not a Python loop over every character."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _example(before: str, after: str) -> str:
    """The first stretch that differs, with a little context."""
    i = _common_prefix(before, after)
    j = _common_suffix(before, after, min(len(before), len(after)) - i)
    lo = max(0, i - 12)
    return f"{before[lo:min(len(before) - j + 12, lo + 60)]!r} -> {after[lo:min(len(after) - j + 12, lo + 60)]!r}"
