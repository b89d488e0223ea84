"""Rule sets as data: loading, validating and compiling the TOML files of rules/.

A rule file holds one language (or "common", for rules that hold in every language):

    [language]
    code = "pt"                 # ISO 639-1, or "common"
    name = "Portuguese"
    rejoin_hyphens = true       # optional: repair "norte -coreana" in this language
    also = []                   # optional: detected languages it serves too, e.g. ["bs"] in sr
    sample = ["...", "..."]     # optional: body paragraphs the tests set each example in

    [[rules]]
    id = "pt.promo.join-telegram"           # <code>.<category>.<name>
    category = "promo"
    scope = "line"                          # line | head | tail | block
    message = "Invitation to join the site's Telegram channel"
    pattern = '^junte-se a nós no telegram'  # searched in the paragraph, case-insensitive
    remove = ["Junte-se a nós no Telegram"]  # paragraphs the rule must remove
    keep = ["O ministério publicou no Telegram um vídeo."]   # paragraphs it must not touch
    max_words = 15                          # optional (default 30): longer paragraphs never match
    needs = ["telegram"]                    # optional: one of these (lower case) must occur

Scopes: a "line" rule removes its paragraph wherever it stands; a "head" rule only before the
first body paragraph, a "tail" rule only after the last one; a "block" rule marks a paragraph
that belongs to a larger block: with block = "teasers-after" it heads a "read also" box and
takes the teaser headlines and summaries after it, with block = "embed-before" it closes a
social-media embed and takes the embed's text before it, with block = "post-before" it is the
views-and-time footer of a channel's post and takes the post's text and the channel's name
before it, with block = "post-after" it is an embedded post's header (when it was posted, from
which app) and takes the post's text under it and its author's name above it
(heuristics.posts_under_headers), with block = "share-column" it names one share button alone on its line, which
goes only with a column of them (heuristics.share_columns), with block = "contact-after" it
heads a press office's contact box and takes the contact lines after it (heuristics.
contact_boxes), and with block = "widget-after" it heads a data widget (market prices, the
weather, a poll) and takes its rows after it (heuristics.data_widgets).

`needs` is for patterns that could start and end any paragraph ("<anything>. We may earn a
commission ... links"): the literal words one of which every match contains let most
paragraphs skip the regex. The example tests hold it to the pattern: every remove example must
still be removed.
"""
from __future__ import annotations

import dataclasses
import json
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path

import ahocorasick_rs
import regex

from . import opening_cache
from .cache import cache_path, write_whole
from .errors import RuleFileError
from .literal_prefix import literal_prefixes, opening as literal_opening

CATEGORIES = ("embed", "promo", "related", "share", "footer", "meta", "ad", "comments", "consent")
SCOPES = ("line", "head", "tail", "block")
BLOCK_KINDS = ("teasers-after", "embed-before", "post-before", "post-after", "share-column", "contact-after", "widget-after")
DEFAULT_MAX_WORDS = 30

_REQUIRED = {"id": str, "category": str, "scope": str, "message": str, "pattern": str, "remove": list, "keep": list}
_OPTIONAL = {"max_words": int, "block": str, "case_sensitive": bool, "needs": list}
_LANGUAGE_KEYS = {"code": str, "name": str, "rejoin_hyphens": bool, "sample": list, "also": list}
_CODE = regex.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")
_ID = regex.compile(r"^([a-z]{2,3}(?:-[a-z]{2,4})?|common)\.([a-z]+)\.([a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass(frozen=True)
class Rule:
    id: str
    lang: str
    category: str
    scope: str
    message: str
    pattern: str
    flags: int
    remove: tuple[str, ...]
    keep: tuple[str, ...]
    max_words: int
    block: str | None
    source: str
    # Built-in rules are vetted by the tests (examples, fuzzing, huge inputs); a user's rule may
    # backtrack without end, so only those run under a regex timeout, which costs time per call.
    trusted: bool = True
    needs: tuple[str, ...] = ()
    # The pattern without its word boundaries and negative lookaheads (see relaxed()), worked
    # out when the file is parsed, and so kept in the rules cache ("": not worked out).
    relaxed_pattern: str = ""
    # What every match begins with (see literal_prefix), and whether every alternative opens
    # with ^ (see is_anchored): worked out for the rules cache's entry and kept there (a
    # process reading it back spares both), else on first use. () and None: not worked out;
    # for literal_openings, None once worked out is "the pattern does not say". Derived from
    # the pattern, they take no part in comparing rules.
    literal_openings: tuple[str, ...] | None = field(default=(), compare=False)
    anchored: bool | None = field(default=None, compare=False)

    @cached_property
    def compiled(self) -> regex.Pattern:
        # Compiled on first use: a run over one language compiles that language's rules only.
        return regex.compile(self.pattern, self.flags)

    @cached_property
    def openings(self) -> tuple[str, ...] | None:
        """What every match begins with, folded (see literal_prefix); None when the pattern
        does not say."""
        return literal_prefixes(self.pattern) if self.literal_openings == () else self.literal_openings

    @cached_property
    def _opening_heads(self) -> frozenset[str]:
        """Every beginning of every literal opening."""
        return frozenset(p[:k] for p in self.openings or () for k in range(1, len(p) + 1))

    def may_open_with(self, begins: str) -> bool:
        """Could a text whose literal opening (literal_prefix.opening) begins with `begins`
        match, as far as the rule's literal openings tell? (They and `begins` must be
        beginnings of one text: one of them begins with the other.)"""
        starts = self.openings
        return starts is None or not begins or begins.startswith(starts) or begins in self._opening_heads

    def matches(self, text: str, words: int, timeout: float | None = None, folded: str | None = None) -> bool:
        """`folded`: the text as fold() gives it, when the caller has it (several rules ask)."""
        if words > self.max_words:
            return False
        if self.needs:
            if folded is None:
                folded = fold(text)
            if not any(n in folded for n in self.needs):
                return False
        if self.trusted or timeout is None:
            return self.compiled.search(text) is not None
        try:
            return self.compiled.search(text, timeout=timeout) is not None
        except TimeoutError:
            from .errors import TimeLimitExceeded

            raise TimeLimitExceeded(f"rule {self.id} ran over the time limit") from None


@dataclass(frozen=True)
class RuleFile:
    path: str
    code: str
    name: str
    rejoin_hyphens: bool
    rules: tuple[Rule, ...]
    sample: tuple[str, ...] = ()
    # Close languages a detector tells apart from this one but whose sites phrase boilerplate
    # the same way (Bosnian for Serbian, Nynorsk for Norwegian).
    also: tuple[str, ...] = ()

    def serves(self, lang: str | None) -> bool:
        return self.code == lang or lang in self.also


def builtin_rules_dir() -> Path:
    """rules/ beside the package in a wheel; at the repository top in a checkout or editable install."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    raise RuleFileError(here / "rules", "the built-in rule files are missing; reinstall cleantext")


def builtin_rule_paths() -> tuple[Path, ...]:
    return tuple(sorted(builtin_rules_dir().glob("*.toml")))


def _line_of(text: str, rule_id: str | None) -> int | None:
    if not rule_id:
        return None
    m = regex.search(r'(?m)^\s*id\s*=\s*["\']' + regex.escape(rule_id) + r'["\']', text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _read_rule_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read the rule file ({exc.__class__.__name__}: {exc})") from None


def load_rule_file(path: str | Path, check_patterns: bool = True) -> RuleFile:
    """A rule file, validated. Patterns are compiled here only to check them (a user's file);
    the built-in files, whose patterns the tests compile, skip that: each compiles on first use."""
    path = Path(path)
    return parse_rule_file(_read_rule_text(path), str(path), check_patterns)


def load_builtin_rule_files() -> list[RuleFile]:
    """The built-in rule files, parsed: from the user's cache when an entry exists for these
    very files and this very parser, rules.py and literal_prefix.py (parsing the TOML and
    reading every pattern's openings takes about three seconds, a twentieth of that reading
    the entry back)."""
    sources = [(str(p), _read_rule_text(p)) for p in builtin_rule_paths()]
    parser = Path(__file__).read_bytes() + Path(__file__).with_name("literal_prefix.py").read_bytes()
    entry = cache_path("rules", parser, *(s for pair in sources for s in pair))
    try:
        if entry is not None and entry.exists():
            return [_rule_file_from_dict(d) for d in json.loads(entry.read_bytes())]
    except Exception:  # the cache saves time; whatever fails with it, parsing serves
        pass
    files = [parse_rule_file(text, path, check_patterns=False) for path, text in sources]
    if entry is not None:
        # What every rule's pattern opens with, and whether it is anchored, go into the entry:
        # working them out for all the packs takes two seconds, which a process without the
        # cache pays only for the rules it uses (Rule.openings, RuleSet._anchored).
        files = [dataclasses.replace(f, rules=tuple(
            dataclasses.replace(r, literal_openings=literal_prefixes(r.pattern), anchored=is_anchored(r.pattern))
            for r in f.rules)) for f in files]
        data = json.dumps([dataclasses.asdict(f) for f in files], ensure_ascii=False).encode()
        try:
            write_whole(entry, lambda fh: fh.write(data))
        except OSError:
            pass
    return files


def _rule_file_from_dict(d: dict) -> RuleFile:
    def tuples(fields: dict) -> dict:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}

    rules = tuple(Rule(**tuples(r)) for r in d.pop("rules"))
    return RuleFile(**tuples(d), rules=rules)


@lru_cache(maxsize=256)
def parse_rule_file(text: str, path: str, check_patterns: bool = True) -> RuleFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(path, f"not valid TOML: {exc}") from None

    def fail(message: str, rule_id: str | None = None):
        raise RuleFileError(path, message, rule_id, _line_of(text, rule_id))

    unknown = set(data) - {"language", "rules"}
    if unknown:
        fail(f"unknown top-level key(s) {sorted(unknown)}; a rule file has [language] and [[rules]]")
    lang = data.get("language")
    if not isinstance(lang, dict):
        fail("missing the [language] table with code and name")
    for key, typ in _LANGUAGE_KEYS.items():
        if key in lang and not isinstance(lang[key], typ):
            fail(f"[language] {key} must be a {typ.__name__}")
    if set(lang) - set(_LANGUAGE_KEYS):
        fail(f"unknown [language] key(s) {sorted(set(lang) - set(_LANGUAGE_KEYS))}")
    code = lang.get("code")
    if not code or not regex.fullmatch(r"[a-z]{2,3}(-[a-z]{2,4})?|common", code):
        fail("[language] code must be an ISO 639-1 code such as 'pt', or 'common'")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        fail("rules must be an array of tables ([[rules]])")

    rules, seen = [], set()
    for raw in raw_rules:
        rid = raw.get("id") if isinstance(raw.get("id"), str) else None
        for key, typ in _REQUIRED.items():
            if key not in raw:
                fail(f"missing required key '{key}'", rid)
            if not isinstance(raw[key], typ):
                fail(f"'{key}' must be a {typ.__name__}", rid)
        for key, typ in _OPTIONAL.items():
            if key in raw and not isinstance(raw[key], typ):
                fail(f"'{key}' must be a {typ.__name__}", rid)
        extra = set(raw) - set(_REQUIRED) - set(_OPTIONAL)
        if extra:
            fail(f"unknown key(s) {sorted(extra)}", rid)
        m = _ID.match(rid)
        if not m:
            fail("the id must read <language>.<category>.<name>, e.g. 'pt.promo.join-telegram'", rid)
        if m.group(1) != code:
            fail(f"the id must start with this file's language code '{code}.'", rid)
        if m.group(2) != raw["category"]:
            fail(f"the id names category '{m.group(2)}' but category is '{raw['category']}'", rid)
        if raw["category"] not in CATEGORIES:
            fail(f"category must be one of {', '.join(CATEGORIES)}", rid)
        if raw["scope"] not in SCOPES:
            fail(f"scope must be one of {', '.join(SCOPES)}", rid)
        block = raw.get("block")
        if raw["scope"] == "block" and block not in BLOCK_KINDS:
            fail(f"a block rule needs block = one of {', '.join(BLOCK_KINDS)}", rid)
        if raw["scope"] != "block" and block is not None:
            fail("'block' is only for rules with scope = \"block\"", rid)
        if rid in seen:
            fail("duplicate rule id", rid)
        seen.add(rid)
        if not raw["remove"] or not raw["keep"]:
            fail("every rule needs at least one example to remove and one to keep", rid)
        if not all(isinstance(e, str) and e.strip() for e in raw["remove"] + raw["keep"]):
            fail("examples must be non-empty strings", rid)
        if not raw["message"].strip():
            fail("the message must say what the rule removes", rid)
        flags = regex.UNICODE | (0 if raw.get("case_sensitive") else regex.IGNORECASE)
        if check_patterns:
            try:
                regex.compile(raw["pattern"], flags)
            except regex.error as exc:
                fail(f"the pattern does not compile: {exc}", rid)
        needs = tuple(raw.get("needs", ()))
        if not all(isinstance(n, str) and n and n == n.casefold() for n in needs):
            fail("needs must be a list of lower-case words", rid)
        # A pattern's \s takes any white space (a no-break space too), a needed phrase only the
        # space it was written with: it would skip lines the pattern matches.
        if any(not n.strip() or any(ch.isspace() for ch in n) for n in needs):
            fail("needs must be single words (the pattern's white space may be any white space)", rid)
        max_words = raw.get("max_words", DEFAULT_MAX_WORDS)
        if max_words < 1:
            fail("max_words must be at least 1", rid)
        rules.append(
            Rule(
                id=rid, lang=code, category=raw["category"], scope=raw["scope"], message=raw["message"].strip(),
                pattern=raw["pattern"], flags=flags, remove=tuple(raw["remove"]), keep=tuple(raw["keep"]),
                max_words=max_words, block=block, source=path, needs=needs,
                relaxed_pattern=relaxed(raw["pattern"]),
            )
        )
    sample = lang.get("sample", [])
    if not all(isinstance(x, str) and x.strip() for x in sample):
        fail("[language] sample must be a list of paragraphs (non-empty strings)")
    also = lang.get("also", [])
    if not all(isinstance(x, str) and _CODE.match(x) for x in also):
        fail("[language] also must be a list of language codes such as 'bs'")
    return RuleFile(path, code, lang.get("name", code), bool(lang.get("rejoin_hyphens", False)), tuple(rules),
                    tuple(sample), tuple(also))


class RuleBook:
    """All loaded rule files, checked together for duplicate ids, with per-language views."""

    def __init__(self, files: list[RuleFile]):
        self.files = files
        owner: dict[str, str] = {}
        for f in files:
            for r in f.rules:
                if r.id in owner:
                    raise RuleFileError(f.path, f"duplicate rule id (also in {owner[r.id]})", r.id)
                owner[r.id] = f.path
        self.languages = {f.code: f for f in files if f.code != "common"}

    @classmethod
    def load(cls, builtin: bool = True, extra: tuple[Path, ...] = ()) -> "RuleBook":
        files = load_builtin_rule_files() if builtin else []
        for path in extra:
            f = load_rule_file(path)
            files.append(dataclasses.replace(f, rules=tuple(dataclasses.replace(r, trusted=False) for r in f.rules)))
        return cls(files)

    def rules_for(self, lang: str | None, disabled=lambda rule_id: False) -> tuple[Rule, ...]:
        """Common rules first, then the language's own, without the disabled ones."""
        return tuple(
            r for f in self.files if f.code == "common" or f.serves(lang) for r in f.rules if not disabled(r.id)
        )

    def rejoins_hyphens(self, lang: str | None) -> bool:
        return lang in self._rejoining

    @cached_property
    def _rejoining(self) -> frozenset[str]:
        return frozenset(c for f in self.files if f.rejoin_hyphens for c in (f.code, *f.also))

    def all_rules(self) -> list[Rule]:
        return [r for f in self.files for r in f.rules]


def fold(text: str) -> str:
    """The text case-folded, as `needs` are matched (for ASCII, lower() is the same, and faster).
    Turkish and Azerbaijani capital İ folds to "i" and a combining dot; the dot goes, so that a
    needed word with an "i" is found in capitals too ("TAKİP" holds "takip"), as the rules'
    case-insensitive patterns match it."""
    if text.isascii():
        return text.lower()
    folded = text.casefold()
    return folded.replace("i\u0307", "i") if "\u0307" in folded else folded


def _caseless(word: str) -> bool:
    """A needed "word" without letters of case ("(@"): looked for in the text as it is."""
    return word == word.casefold() == word.upper()


# A paragraph's first characters pick the rules that could match it: see RuleSet.
PREFIX_CHARS = 3
_PREFIX_CACHE_LIMIT = 100_000
# Characters of a document searched for needed words at a time (see paragraphs_with_needed).
_NEEDS_WINDOW = 1 << 18


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at its top-level "|" (outside groups, classes and escapes)."""
    alts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1):
                i += 1
            elif pattern.startswith("^]", i + 1):
                i += 2
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alts.append(pattern[start:i])
            start = i + 1
        i += 1
    alts.append(pattern[start:])
    return alts


_NON_WORD = regex.compile(r"\W")


def relaxed(pattern: str) -> str:
    """The pattern without its word boundaries (\\b) and negative lookaheads ("(?!...)"): it
    matches wherever the pattern does, and more (escapes and character classes are skipped
    over: in a class, \\b is a backspace).

    What it is for: the regex module's partial matching reads an assertion at the end of the
    text as if the text ended there. "ab " does not partially match "ab[^,]{0,5}?\\bcd" (after
    the space, the boundary fails and the repeat is not taken to need more text), though
    "ab cd" matches; nor "ab" "ab(?!$)", though "abc" does. A paragraph's opening that ends in
    a non-word character, or that a pattern with a negative lookahead fails, is therefore
    asked of the relaxed pattern too before the rule is left out for it."""
    out, start, depth, i, in_class = [], 0, 0, 0, False
    lookahead = None  # depth of the outermost negative lookahead open, and where it began
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if not in_class and lookahead is None and pattern[i + 1: i + 2] == "b":
                out.append(pattern[start: i] + "(?:)")  # an empty group: a quantifier after it stays its own
                start = i + 2
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1: i + 2] == "]":
                i += 1  # "[]...]": a leading "]" is a member
        elif c == "(":
            if lookahead is None and pattern.startswith("(?!", i):
                lookahead = (depth, i)
            depth += 1
        elif c == ")":
            depth -= 1
            if lookahead is not None and lookahead[0] == depth:
                out.append(pattern[start: lookahead[1]] + "(?:)")
                start, lookahead = i + 1, None
        i += 1
    return "".join(out) + pattern[start:]


def _compiled_or_anything(pattern: str, flags: int) -> regex.Pattern:
    """The pattern compiled, or, if it does not compile, one that matches anything."""
    try:
        return regex.compile(pattern, flags)
    except regex.error:
        return regex.compile("")


@lru_cache(maxsize=4096)  # every language's set holds the common rules again
def is_anchored(pattern: str) -> bool:
    """Can the pattern only match at the start of the text (every alternative opens with ^)?"""
    return all(alt.lstrip().startswith(("^", "\\A")) for alt in _top_level_alternatives(pattern))


@dataclass(frozen=True)
class RuleSet:
    """The rules that apply to one language, in the order they are tried: common first.

    Nearly every pattern is anchored at the start of the paragraph, so a paragraph's first
    few characters already rule most of them out. The regex module says which: a rule whose
    pattern cannot even partially match those characters (`partial=True`) cannot match the
    paragraph. The answer is cached per prefix, so a body paragraph costs one dictionary look-up
    instead of a regex per rule. (One alternation of all patterns was measured slower: the
    regex engine tries each alternative in turn.) A pattern that could open any paragraph
    ("^\\S+ says:$") names in `needs` the words every match holds, and is tried only on the
    paragraphs that one search of the whole document finds them in. Unanchored rules ("all
    rights reserved" anywhere in a line) search the whole document once instead, and are tried
    only on the paragraphs that search lands in."""

    rules: tuple[Rule, ...]
    _by_prefix: dict = field(default_factory=dict, compare=False, repr=False)
    _relaxed_patterns: dict = field(default_factory=dict, compare=False, repr=False)
    _by_suffix: dict = field(default_factory=dict, compare=False, repr=False)
    # (opening, the needed words a paragraph holds) -> the opening's rules left for it (matching).
    _by_held: dict = field(default_factory=dict, compare=False, repr=False)
    # Where _by_prefix is kept between processes, and how many openings it has gained since it
    # was read or written (see opening_cache); empty until load_openings.
    _openings: dict = field(default_factory=dict, compare=False, repr=False)

    def with_id_ending(self, suffix: str) -> tuple[Rule, ...]:
        """The rules whose id ends with `suffix` (".related.more-link"): asked per document,
        worked out once."""
        found = self._by_suffix.get(suffix)
        if found is None:
            found = self._by_suffix[suffix] = tuple(r for r in self.rules if r.id.endswith(suffix))
        return found

    @cached_property
    def _anchored(self) -> tuple[bool, ...]:
        return tuple(is_anchored(r.pattern) if r.anchored is None else r.anchored for r in self.rules)

    @cached_property
    def _position(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self.rules)}

    def _order(self, rule: Rule) -> int:
        return self._position[rule.id]

    @cached_property
    def _document_wide(self) -> tuple[tuple[Rule, regex.Pattern], ...]:
        # MULTILINE, so ^ and $ hold at every line as they do in a paragraph. (A user's rule
        # runs under a timeout, paragraph by paragraph, so it stays out of this.)
        return tuple(
            (r, regex.compile(r.pattern, r.compiled.flags | regex.MULTILINE))
            for r, anchored in zip(self.rules, self._anchored) if not anchored and r.trusted
        )

    def compile_patterns(self) -> None:
        """Compile every pattern of the set now, from the pattern cache when it holds them (see
        pattern_cache; otherwise each compiles on first use)."""
        from .pattern_cache import compile_all

        kind = self._cache_kind
        for rule, compiled in zip(self.rules, compile_all(kind, [(r.pattern, r.flags) for r in self.rules])):
            rule.__dict__.setdefault("compiled", compiled)  # Rule.compiled's cached_property slot
        wide = [r for r, anchored in zip(self.rules, self._anchored) if not anchored and r.trusted]
        patterns = compile_all(f"{kind}.wide", [(r.pattern, r.compiled.flags | regex.MULTILINE) for r in wide])
        self.__dict__["_document_wide"] = tuple(zip(wide, patterns))

    def load_openings(self) -> None:
        """Fill the per-opening table from the user's cache, and keep it there from now on."""
        path = opening_cache.entry_path(self._cache_kind, self.rules, PREFIX_CHARS)
        self._by_prefix.update(opening_cache.read(path, self.rules))
        self._openings.update(path=path, new=0)

    def save_openings(self) -> None:
        """Keep the per-opening table in the user's cache, if it gained openings (and
        load_openings said where)."""
        if self._openings.get("new"):
            opening_cache.write(self._openings["path"], self.rules, self._by_prefix)
            self._openings["new"] = 0

    def candidates(self, text: str, words: int = 0, has_needed: bool = True) -> tuple[Rule, ...]:
        """The rules, other than document-wide ones, that could match a paragraph beginning
        like `text` (of `words` words), in order. When the paragraph holds none of the words
        any rule `needs` (`has_needed` False, see paragraphs_with_needed), those rules are left
        out at once; none is left when the paragraph is longer than any of the others takes."""
        found, without_needs, longest, longest_without = self._by_start(text[:PREFIX_CHARS])
        if not has_needed:
            found, longest = without_needs, longest_without
        return () if words > longest else found

    def longest_each(self, texts: list[str], with_needed: dict[int, set[str]] | None) -> list[int]:
        """Per paragraph, the most words it may have and still match a rule its opening allows
        (-1: no rule can open it); only rules without `needs` count for a paragraph outside
        `with_needed` (as paragraphs_with_needed gives it). It runs for every paragraph of
        every document: list comprehensions, and the cache asked once per paragraph."""
        get = self._by_prefix.get
        entries = [get(t[:PREFIX_CHARS]) for t in texts]
        if None in entries:  # an opening not met before (rare once a process is warm)
            entries = [e or self._by_start(t[:PREFIX_CHARS]) for e, t in zip(entries, texts)]
        if with_needed is None:
            return [e[2] for e in entries]
        return [e[2] if i in with_needed else e[3] for i, e in enumerate(entries)]

    def paragraphs_with_needed(self, texts: list[str], whole: str | None = None,
                               folded: str | None = None) -> dict[int, set[str]] | None:
        """The paragraphs (indexes into `texts`) holding a word some rule `needs`, with the words
        each holds, found by one search of the whole document: most paragraphs hold none, and
        are then spared the rules that need one; the others are tried only against the rules
        whose words they hold (see matching). None when no rule has `needs` (every paragraph may
        then be tried as is). `whole` and `folded` as in document_wide."""
        if not self._needed_words:
            return None
        # Case folding keeps line breaks (and may change lengths, ß -> ss): paragraphs are
        # located in the folded text itself.
        if folded is None:
            folded = fold("\n".join(texts) if whole is None else whole)
        found: dict[int, set[str]] = {}
        words, starts = self._needed_words, None
        # Window by window, each reaching a word's length into the next, so that a document
        # repeating a needed word (a 20 MB line of "news news ...") never holds more than one
        # window's matches at once; a word found twice is only added to its set again.
        overlap = max(map(len, words)) - 1
        for begin in range(0, len(folded), _NEEDS_WINDOW):
            hits = self._needed_automaton.find_matches_as_indexes(folded[begin: begin + _NEEDS_WINDOW + overlap], overlapping=True)
            if hits and starts is None:
                starts = list(accumulate((len(t) + 1 for t in folded.split("\n")[:-1]), initial=0))
            for word, at, _ in hits:
                found.setdefault(bisect_right(starts, begin + at) - 1, set()).add(words[word])
        return found

    @cached_property
    def _needed_automaton(self) -> ahocorasick_rs.AhoCorasick:
        """One automaton for all the needed words: a single pass over the document finds every
        occurrence of each (overlapping, so "newsletter" does not hide "news"). It measured three
        times faster than a substring search per word, which reads the document once per word."""
        return ahocorasick_rs.AhoCorasick(list(self._needed_words), matchkind=ahocorasick_rs.MatchKind.Standard)

    @cached_property
    def _needed_words(self) -> tuple[str, ...]:
        """The words needed by the rules tried paragraph by paragraph."""
        return tuple(sorted({n for r, anchored in zip(self.rules, self._anchored) if anchored or not r.trusted for n in r.needs}))

    @cached_property
    def _needs_tracked(self) -> frozenset[str]:
        """Ids of the rules whose `needs` paragraphs_with_needed looks for (those tried paragraph
        by paragraph: a document-wide rule's are asked of the document)."""
        return frozenset(r.id for r, anchored in zip(self.rules, self._anchored) if (anchored or not r.trusted) and r.needs)

    @cached_property
    def folds(self) -> bool:
        """Does a document need case-folding for these rules' `needs`?"""
        return bool(self._needed_words) or any(not _caseless(n) for r, _ in self._document_wide for n in r.needs)

    def _by_start(self, key: str) -> tuple[tuple[Rule, ...], tuple[Rule, ...], int, int]:
        """(the rules that could open a text beginning with `key`, those of them without
        `needs`, the most words either may match)."""
        found = self._by_prefix.get(key)
        if found is None:
            if len(self._by_prefix) >= _PREFIX_CACHE_LIMIT:
                self._by_prefix.clear()
            # A rule that cannot open a text with "Th" cannot open one with "The" either: each
            # prefix only tries the rules its own prefix left, so the cache fills fast (every
            # process fills its own: it is what a batch worker's first documents cost).
            if key:
                # A partial match that fails at the end of the key may be wrong (see relaxed):
                # the rules it could be wrong about are asked again, relaxed.
                doubtful = self._relaxable if _NON_WORD.match(key, len(key) - 1) else self._with_negative_lookahead
                # A rule whose literal openings (see literal_prefix) neither begin with the key's
                # nor are begun by it cannot open the text either: one set look-up spares the
                # partial match, most of what a new opening costs.
                begins = literal_opening(key)
                rules = tuple(
                    r for r in self._by_start(key[:-1])[0]
                    if r.id in self._unanchored or (
                        r.may_open_with(begins)
                        and (r.compiled.match(key, partial=True) is not None
                             or (r.id in doubtful and self._relaxed(r).match(key, partial=True) is not None)))
                )
            else:
                rules = tuple(r for r, anchored in zip(self.rules, self._anchored) if anchored or not r.trusted)
            without = tuple(r for r in rules if not r.needs)
            found = (rules, without if len(without) < len(rules) else rules,
                     max((r.max_words for r in rules), default=-1), max((r.max_words for r in without), default=-1))
            self._by_prefix[key] = found
            if self._openings:
                self._openings["new"] += 1
                if self._openings["new"] >= opening_cache.SAVE_EVERY:
                    self.save_openings()
        return found

    @cached_property
    def _cache_kind(self) -> str:
        """The pattern cache's name for the set: its packs (languages a pack serves share it)."""
        return "+".join(sorted({r.lang for r in self.rules})) or "none"

    @cached_property
    def _relaxable(self) -> dict[str, str]:
        """Rule id -> relaxed pattern, for the rules it differs for (those with a word boundary
        or a negative lookahead; a Rule made in code has its relaxed pattern worked out here)."""
        out = {}
        for r in self.rules:
            pattern = r.relaxed_pattern or relaxed(r.pattern)
            if pattern != r.pattern:
                out[r.id] = pattern
        return out

    @cached_property
    def _with_negative_lookahead(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules if r.id in self._relaxable and "(?!" in r.pattern)

    def _relaxed(self, rule: Rule) -> regex.Pattern:
        """The rule's relaxed pattern (see relaxed), compiled: those of all the set's rules at
        once, from the pattern cache, when the first is asked for."""
        if not self._relaxed_patterns:
            from .pattern_cache import compile_all

            rules = [r for r in self.rules if r.id in self._relaxable]
            items = [(self._relaxable[r.id], r.compiled.flags) for r in rules]
            try:
                patterns = compile_all(f"{self._cache_kind}.relaxed", items)
            except regex.error:  # a user's pattern that does not compile relaxed: one by one
                patterns = [_compiled_or_anything(p, flags) for p, flags in items]
            self._relaxed_patterns.update(zip((r.id for r in rules), patterns))
        return self._relaxed_patterns[rule.id]

    @cached_property
    def _unanchored(self) -> frozenset[str]:
        """Ids of the unanchored rules that are tried on every paragraph (a user's: see
        _document_wide)."""
        return frozenset(r.id for r, anchored in zip(self.rules, self._anchored) if not anchored and not r.trusted)

    def document_wide(self, texts: list[str], whole: str | None = None, folded: str | None = None) -> dict[int, list[Rule]]:
        """Per paragraph (index into `texts`), the unanchored rules whose search over the whole
        document lands in it. A match inside a paragraph is a match in the joined text, and a
        match that runs over a line break marks every paragraph it touches, so no paragraph that
        a rule matches is missed. A rule with `needs` searches only a document that holds one of
        its words. `whole` and `folded`, when the caller has them, are the texts joined by line
        breaks, and that case-folded (see fold)."""
        hits: dict[int, list[Rule]] = {}
        if not self._document_wide:
            return hits
        if whole is None:
            whole = "\n".join(texts)
        starts = None  # where each paragraph starts in `whole`: worked out at the first match
        for rule, pattern in self._document_wide:
            if rule.needs:
                if folded is None and not all(map(_caseless, rule.needs)):
                    folded = fold(whole)
                if not any(n in (whole if _caseless(n) else folded) for n in rule.needs):
                    continue
            for m in pattern.finditer(whole):
                if starts is None:
                    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
                first, last = bisect_right(starts, m.start()) - 1, bisect_right(starts, max(m.start(), m.end() - 1)) - 1
                for i in range(first, last + 1):
                    if rule not in hits.setdefault(i, []):
                        hits[i].append(rule)
        return hits

    def matching(self, text: str, words: int, deadline=None, wide: list[Rule] | None = None,
                 has_needed: bool | set[str] = True) -> list[Rule]:
        """The rules that match the paragraph, in order; `wide` are the document-wide rules that
        landed in it (a list: most paragraphs have no candidate at all, and return here after one
        dictionary look-up). `has_needed`: False when the paragraph holds no word a rule needs,
        the words it holds when paragraphs_with_needed has said (a rule needing none of them is
        passed over without reading the text again), True when unknown. It runs for every
        paragraph short enough for a rule its opening allows, and almost always finds none, so
        candidates() and Rule.matches are done inline here (tests/test_fast_paths.py holds the
        answers to those of every rule's matches)."""
        key = text[:PREFIX_CHARS]
        entry = self._by_prefix.get(key) or self._by_start(key)
        candidates = entry[0] if has_needed else entry[1]
        if words > (entry[2] if has_needed else entry[3]):
            candidates = ()
        if wide:
            candidates = sorted((*candidates, *wide), key=self._order)
        elif wide is None and self._document_wide:
            candidates = sorted((*candidates, *(r for r, _ in self._document_wide)), key=self._order)
        if not candidates:
            return []
        timeout = None
        if deadline is not None:
            deadline.check()
            if not self.all_trusted:
                timeout = deadline.remaining()
        if timeout is not None:
            folded = fold(text) if has_needed and any(r.needs for r in candidates) else None
            return [r for r in candidates if r.matches(text, words, timeout, folded)]
        found, folded, opening = [], None, None
        held = has_needed if isinstance(has_needed, set) else None
        tracked = self._needs_tracked
        if held is not None and wide is not None and not wide:
            # Most of an opening's rules need words this paragraph does not hold: they are left
            # out once per opening and set of words held (few sets recur), not rule by rule.
            pair = (key, frozenset(held))
            narrowed = self._by_held.get(pair)
            if narrowed is None:
                if len(self._by_held) >= _PREFIX_CACHE_LIMIT:
                    self._by_held.clear()
                narrowed = self._by_held[pair] = tuple(
                    r for r in candidates if not r.needs or r.id not in tracked or not held.isdisjoint(r.needs))
            candidates = narrowed
        for r in candidates:
            if words > r.max_words:
                continue
            if r.needs:
                if held is not None and r.id in tracked:
                    if held.isdisjoint(r.needs):
                        continue
                else:
                    if folded is None:
                        folded = fold(text)
                    if not any(n in folded for n in r.needs):
                        continue
            starts = r.openings
            if starts is not None:
                if opening is None:
                    opening = literal_opening(text)
                if opening and not opening.startswith(starts):
                    continue  # the paragraph opens with none of the words every match opens with
            if r.compiled.search(text) is not None:
                found.append(r)
        return found

    @cached_property
    def all_trusted(self) -> bool:
        return all(r.trusted for r in self.rules)
