"""The literal text an anchored pattern's every match begins with, read from the pattern.

A paragraph's first three characters already rule out most rules (rules.RuleSet), but a common
opening ("The", "Thi", "Not") leaves those whose alternatives begin "the technical storage",
"this post contains", "not consenting" to a regex search each. The words are there in the
pattern: `literal_prefixes` reads them, and a paragraph whose opening (`opening`) begins with
none of them is spared the search, for the price of one `str.startswith`.

Both sides are compared case-folded (rules.fold, and ı as i) and with every run of white
space read as one space, so that the test can only say "may match" where the regex would:
`\\s+` becomes one space, a letter its folded form, an optional part or a class of plain
characters ("[(\\[]") each of its ways, and a beginning ends at the first thing that is not
plain text (a class like \\d, a `.`, a back-reference) or after the first of a repeat.
"""
from __future__ import annotations

import re

from . import rules as _rules

# The prefixes are cut to this many characters, and a paragraph's opening is read from this
# many of its own: enough to tell "the technical" from "the company".
PREFIX_CHARS = 12
_SCAN_CHARS = 64
# Beginnings read at most: past this, they are cut shorter until they fit (see _fitted).
_MAX_PREFIXES = 256

_WHITE = "\\s"
# White space read so far, before runs of it are made one space.
_RUN = "\x00"
_RUNS = re.compile(_RUN + "+")
_ZERO_WIDTH_ESCAPES = set("bBAG")
_SPECIAL = set("\\[](){}.$^|?*+")
# Escapes standing for one character class or a back-reference: not plain text.
_CLASS_ESCAPES = set("dDwWSpPNXhHvVRkgK0123456789zZmMLeaftnrux")


def opening(text: str) -> str:
    """The paragraph's first characters as literal_prefixes' prefixes are compared with: folded,
    each run of white space one space, none at the start; "" when its first characters were
    mostly white space and it goes on past them (too little to compare with: every rule stays)."""
    op = " ".join(_fold(text[:_SCAN_CHARS]).split())
    return op if len(op) >= PREFIX_CHARS or len(text) <= _SCAN_CHARS else ""


def _fold(text: str) -> str:
    """rules.fold, and the dotless ı read as i: the regex module matches "I" to "ı" when it
    ignores case, which folding alone does not tell."""
    folded = _rules.fold(text)
    return folded.replace("ı", "i") if "ı" in folded else folded


def _collapse(text: str) -> str:
    """White space as the opening reads it: one space per run, none at the start."""
    return _RUNS.sub(" ", text).lstrip(" ")


class _Stop(Exception):
    """The pattern opens in a way this reader does not follow."""


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """The folded texts (at most PREFIX_CHARS characters each) one of which the opening of
    every text the anchored `pattern` matches begins with; None when the pattern does not say
    (an alternative opens with a class, or too little plain text to be of use)."""
    try:
        ends, i = _anchored_alternatives(pattern)
    except (_Stop, IndexError, ValueError, RecursionError):  # a pattern too odd or too deep: no prefixes
        return None
    if i != len(pattern):
        return None
    prefixes = sorted({_fold(_collapse(text))[:PREFIX_CHARS] for text, _ in ends})
    if not prefixes or not prefixes[0]:
        return None  # an alternative that may open with anything
    # "manage " already lets "manage cookie" through: only the shortest of such are kept.
    kept = [prefixes[0]]
    for p in prefixes[1:]:
        if not p.startswith(kept[-1]):
            kept.append(p)
    return tuple(kept)


# A sequence is read into its possible beginnings: (text, open), `open` while the text read so
# far is all the sequence matched (what follows it may still be added).

def _alternatives(p: str, i: int) -> tuple[list[tuple[str, bool]], int]:
    """Alternatives separated by "|", up to the ")" closing their group."""
    ends: list[tuple[str, bool]] = []
    while True:
        part, i = _sequence(p, i)
        ends = _fitted(_shortened(ends + part))
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return ends, i


def _sequence(p: str, i: int) -> tuple[list[tuple[str, bool]], int]:
    ends, reading = [("", True)], True
    while i < len(p) and p[i] not in "|)":
        atom, i = _atom(p, i) if reading or p[i] != "(" else (None, _group_end(p, i))
        absent, many, i = _quantifier(p, i)
        if reading:  # once every beginning is closed, the rest is only read past
            ends = _extend(ends, atom, absent, many)
            reading = any(open_ for _, open_ in ends)
    return ends, i


def _anchored_alternatives(p: str) -> tuple[list[tuple[str, bool]], int]:
    """The pattern's top-level alternatives, each of which must open with ^ (or \\A)."""
    ends: list[tuple[str, bool]] = []
    i = 0
    while True:
        while i < len(p) and p[i].isspace():
            i += 1
        if p.startswith("^", i):
            i += 1
        elif p.startswith("\\A", i):
            i += 2
        else:
            raise _Stop  # not anchored
        part, i = _sequence(p, i)
        ends += part
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return ends, i


# Atoms: a list of (text, open) beginnings (plain text, a group), _Chars (a class of plain
# characters), _WHITE for \s (or a literal space), None for anything that is not plain text,
# () for a zero-width assertion.

def _atom(p: str, i: int):
    c = p[i]
    if c == "\\":
        e = p[i + 1]
        if e == "s" or e.isspace():
            return _WHITE, i + 2
        if e in _ZERO_WIDTH_ESCAPES:
            return (), i + 2
        if e in ("p", "P", "N") and p.startswith("{", i + 2):
            return None, p.index("}", i) + 1
        if e == "g" and p.startswith("<", i + 2):
            return None, p.index(">", i) + 1
        if e in _CLASS_ESCAPES or e.isalnum():
            return None, i + 2
        return [(e, True)], i + 2  # an escaped punctuation mark: itself
    if c == "[":
        return _class(p, i)
    if c == "(":
        return _group(p, i)
    if c in ".$^":
        return None, i + 1
    if c.isspace():  # a literal space (or no-break space): white space, as the opening reads it
        return _WHITE, i + 1
    # A run of plain characters is one atom, but for its last when a quantifier follows (it
    # applies to that character alone).
    j = i + 1
    while j < len(p) and p[j] not in _SPECIAL and not p[j].isspace():
        j += 1
    if j - i > 1 and j < len(p) and p[j] in "?*+{":
        j -= 1
    return [(p[i:j], True)], j


class _Chars(tuple):
    """A class of plain characters ("[(\\[]", "[|\\s]"): the characters, _RUN for white space."""


def _class(p: str, i: int):
    """The class starting at p[i] as _Chars, or None when it holds a range, a negation or an
    escape for a class of its own; and where the pattern goes on."""
    end = _class_end(p, i)
    body, chars, j = p[i + 1: end - 1], [], 0
    if body.startswith("^"):
        return None, end
    while j < len(body):
        ch = body[j]
        if ch == "\\":
            e = body[j + 1]
            if e == "s" or e.isspace():
                chars.append(_RUN)
            elif e.isalnum():
                return None, end
            else:
                chars.append(e)
            j += 2
            continue
        if ch == "-" and 0 < j < len(body) - 1 or ch == "[":
            return None, end  # a range, or a set operation
        chars.append(_RUN if ch.isspace() else ch)
        j += 1
    return _Chars(dict.fromkeys(chars)), end


def _class_end(p: str, i: int) -> int:
    j = i + 1
    if p.startswith("^", j):
        j += 1
    if p.startswith("]", j):
        j += 1
    while p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


def _group(p: str, i: int):
    if p.startswith("(?", i):
        rest = p[i + 2:]
        if rest.startswith(("=", "!", "<=", "<!")):  # lookaround: zero width, only restricts
            return (), _group_end(p, i)
        if rest.startswith("#"):
            return (), p.index(")", i) + 1
        if rest.startswith("P<"):
            start = p.index(">", i) + 1
        elif rest.startswith(("P=", "(")):  # a back-reference or a conditional
            raise _Stop
        else:  # (?:, (?i:, (?-i:, (?>
            colon = p.index(":", i) if not rest.startswith(">") else i + 2
            flags = p[i + 2: colon]
            if not all(ch in "imsxuaLV01-" for ch in flags) or ")" in flags:
                raise _Stop  # an inline flag for the whole pattern, or what is not read here
            start = colon + 1
    else:
        start = i + 1
    ends, j = _alternatives(p, start)
    if p[j] != ")":
        raise _Stop
    return ends, j + 1


def _group_end(p: str, i: int) -> int:
    depth, j = 0, i
    while True:
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


def _quantifier(p: str, i: int) -> tuple[bool, bool, int]:
    """(may the atom be absent, may it occur more than once, where the pattern goes on)."""
    if i >= len(p):
        return False, False, i
    c = p[i]
    if c in "?*+":
        absent, many, i = c != "+", c != "?", i + 1
    elif c == "{" and (close := p.find("}", i)) > 0 and all(ch.isdigit() or ch == "," for ch in p[i + 1: close]):
        least, _, most = p[i + 1: close].partition(",")
        absent = not least or int(least) == 0
        many = "," in p[i + 1: close] and (not most or int(most) > 1) or (not _ and int(least or 0) > 1)
        i = close + 1
    else:
        return False, False, i
    if i < len(p) and p[i] in "?+":  # lazy or possessive: the same texts
        i += 1
    return absent, many, i


def _extend(ends: list[tuple[str, bool]], atom, absent: bool, many: bool) -> list[tuple[str, bool]]:
    """The beginnings after one more atom, which may be `absent` and may occur `many` times."""
    if atom == ():
        return ends
    out = []
    for text, open_ in ends:
        if not open_:
            out.append((text, False))
        elif atom == _WHITE:
            # A mark for now: runs of marks become one space in the end (see _collapse).
            if absent:
                out.append((text, True))
            out.append((text + _RUN, True))
        elif atom is None:
            out.append((text, False))
        elif isinstance(atom, _Chars):
            out += _after_class(text, atom, absent, many)
        else:
            if absent:
                out.append((text, True))
            out += [(text + more, more_open and not many) for more, more_open in atom]
    return _fitted(_shortened(out))


def _after_class(text: str, chars: _Chars, absent: bool, many: bool) -> list[tuple[str, bool]]:
    """The beginnings after a class of plain characters. White space the opening does not
    show (at its start, or after white space) is as if the class had matched nothing; past
    the first character of a repeat, what follows is not known."""
    white = _RUN in chars
    unseen = not text or text.endswith(_RUN)
    out = [(text, True)] if absent or (white and unseen) else []
    out += [(text + ch, not many) for ch in chars if ch != _RUN]
    if white and not unseen:
        out.append((text + _RUN, not many))
    return out


def _fitted(ends: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """At most _MAX_PREFIXES beginnings: past that, each is cut to as many characters as keep
    them under it, and closed if cut (a text that opens with a beginning opens with any part
    of it); a shorter one stays open."""
    if len(ends) <= _MAX_PREFIXES:
        return ends
    # One mark per run of white space, a group's leading run kept (it is a space once joined).
    marked = [(_RUNS.sub(_RUN, text), open_) for text, open_ in ends]

    def cut(chars: int) -> list[tuple[str, bool]]:
        return list(dict.fromkeys(
            (text[:n], open_ and len(text) <= n) for text, open_ in marked for n in [chars + (text[:1] == _RUN)]
        ))

    # The longest cut that fits. Cutting shorter never makes more beginnings (each one cut
    # shorter is a function of the one cut longer), so the lengths that fit are those up to
    # some length: a binary search finds it in four cuts instead of up to eleven.
    lo, hi, best = 1, PREFIX_CHARS - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        found = cut(mid)
        if len(found) <= _MAX_PREFIXES:
            lo, best = mid + 1, found
        else:
            hi = mid - 1
    if best is None:
        raise _Stop
    return best


def _shortened(ends: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The beginnings without repeats, each closed once it is as long as a prefix is kept
    (folding never shortens a text, so what follows could not change the prefix)."""
    return list(dict.fromkeys(
        (text, open_ and (len(text) < PREFIX_CHARS or len(_collapse(text)) < PREFIX_CHARS)) for text, open_ in ends
    ))
