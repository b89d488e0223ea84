"""The Cleaner: rules compiled once, then normalization, language, heuristics, assembly."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from . import language
from .assemble import assemble
from .config import CleanerConfig
from .deadline import Deadline
from .errors import CleantextError, InputTypeError, TimeLimitExceeded
from .heuristics import DUPLICATE, OTHER_ARTICLE, Document, revise
from .normalize import HYPHEN_FIXER, apply_fixers, encoding_fixers, split_lines
from .paragraphs import NOISE, build_paragraphs, has_directional_marks
from .result import CleanResult, Removal
from .rules import RuleBook, RuleSet


# How many times the language may be re-asked after cleaning (see clean_and_explain).
MAX_LANGUAGE_ROUNDS = 3
# A page dump's article, cleaned again as a dump, must come back as it is. Looked for again
# without the menus, comments and footers around it, it can prove narrower (a stretch that
# joined a page of scattered prose stands alone), so a dump is cleaned until nothing more goes:
# a second round for about one dump in ten, a third or more for a few in a thousand.
MAX_DUMP_ROUNDS = 8


class Cleaner:
    """Reusable and thread-safe: build one per configuration and call it on many documents.

    >>> cleaner = Cleaner(CleanerConfig(disabled_rules={"pt.meta.relative-time"}))
    >>> cleaner.clean("Junte-se a nós no Telegram\\nO texto do artigo continua aqui com uma frase completa.", lang="pt")
    'O texto do artigo continua aqui com uma frase completa.'
    """

    def __init__(self, config: CleanerConfig | None = None, **options):
        self.config = CleanerConfig.from_options(config, **options) if options else (config or CleanerConfig())
        self.rulebook = RuleBook.load(self.config.builtin_rules, self.config.rule_files)
        self._fixers = encoding_fixers(self.config)
        self._rules: dict[str | None, RuleSet] = {}
        self._known: frozenset[str] | None = None
        self.default_lang = self.resolve_lang(self.config.lang) if self.config.lang else None

    # ------------------------------------------------------------------ languages
    @property
    def pack_languages(self) -> frozenset[str]:
        return frozenset(self.rulebook.languages)

    def resolve_lang(self, code: str) -> str:
        if self._known is None:
            self._known = language.detector_languages() | self.pack_languages
        return language.normalize_code(code, self._known, self.pack_languages)

    def rules_for(self, lang: str | None) -> RuleSet:
        if lang not in self._rules:
            rules = RuleSet(self.rulebook.rules_for(lang, self.config.is_disabled))
            rules.compile_patterns()
            rules.load_openings()
            self._rules[lang] = rules
        return self._rules[lang]

    def save_caches(self) -> None:
        """Keep what this Cleaner has learnt of paragraph openings for the next process (see
        opening_cache): a batch run calls it as it ends, in each worker too."""
        for rules in self._rules.values():
            rules.save_openings()

    # ------------------------------------------------------------------ cleaning
    def clean(self, text: str, lang: str | None = None) -> str:
        return self.clean_and_explain(text, lang).text

    def clean_and_explain(self, text: str, lang: str | None = None, *, lang_hint: str | None = None,
                          marks: dict | None = None) -> CleanResult:
        """Clean one text. `lang` forces the language; `lang_hint` (say, a page's lang
        attribute) is used only where the text itself is too short to tell; `marks` names lines
        (0-based) known to be noise from elsewhere, e.g. the page's markup:
        {line: (rule_id, category, reason, evidence)}."""
        if not isinstance(text, str):
            if isinstance(text, (bytes, bytearray)):
                raise InputTypeError(
                    "clean() takes str, not bytes: decode the text first (e.g. data.decode('utf-8')), "
                    "or pass HTML bytes to clean_html()"
                )
            raise InputTypeError(f"clean() takes str, not {type(text).__name__}")
        forced = self.resolve_lang(lang) if lang else self.default_lang
        deadline = Deadline(self.config.time_limit)
        if forced:
            result, _, kept = self._clean(text, forced, False, deadline, marks=marks)
            return self._settled(result, kept, deadline)
        # The language is that of the article, which is known for sure only once the noise is
        # gone (a page with long tweets or a foreign footer can fool a first guess). Clean, ask
        # again on what is left, and clean again if the answer changed: the output is then in
        # the language it was cleaned as, so cleaning it again changes nothing.
        tried: list[str | None] = []
        doc_lang = None
        result = None
        for _ in range(MAX_LANGUAGE_ROUNDS):
            result, sample, kept = self._clean(text, doc_lang, True, deadline, detect=not tried, hint=self._known_or_none(lang_hint), marks=marks)
            tried.append(result.lang)
            if not result.removals or result.kept_whole:
                break
            after = language.document_sample([p for p in result.text.split("\n") if p.strip()])
            if after == sample:
                break  # the longest paragraphs all stayed: the same sample gives the same answer
            again = language.identify(after)[0]
            if again is None or again == result.lang or again in tried:
                break
            doc_lang = again
        return self._settled(result, kept, deadline)

    def _settled(self, result: CleanResult, kept: list[tuple[int, tuple[int, int]]], deadline: Deadline) -> CleanResult:
        """A page dump cleaned until cleaning it again changes nothing; what each further round
        removes is reported at its line in the input, as the first round's removals are."""
        if not self.config.page_dump:
            return result
        for _ in range(MAX_DUMP_ROUNDS - 1):
            if not result.removals or result.kept_whole:
                return result
            again, _, kept_again = self._clean(result.text, result.lang, result.lang_detected, deadline)
            if again.text == result.text or again.kept_whole:
                return result
            # The rounds' lines: the n-th non-empty line of a round's output is its n-th kept line.
            numbers = [n for n, line in enumerate(result.text.split("\n"), 1) if line.strip()]
            if len(numbers) != len(kept):
                return result
            at = dict(zip(numbers, kept))

            def moved(line: int) -> int:
                return at[line][0] if line in at else line

            result = CleanResult(
                again.text, result.lang, result.lang_detected,
                sorted(result.removals + [replace(r, line=at[r.line][0], span=at[r.line][1]) for r in again.removals],
                       key=lambda r: r.line),
                result.normalizations + [replace(n, line=moved(n.line)) for n in again.normalizations],
                result.guarded + [replace(g, line=moved(g.line)) for g in again.guarded],
            )
            kept = [at[number] for number, _ in kept_again]
        return result

    def _known_or_none(self, code: str | None) -> str | None:
        try:
            return self.resolve_lang(code) if code else None
        except CleantextError:
            return None

    def _clean(self, text: str, lang: str | None, detected: bool, deadline: Deadline, detect: bool = False,
               hint: str | None = None, marks: dict | None = None) -> tuple[CleanResult, str | None, list]:
        """The result, the sample the language was detected on (None when not detected), and
        the kept lines: (1-based line, character span) of each, in order."""
        lines, step = split_lines(text)
        steps = [step] if step else []
        try:
            steps += apply_fixers(lines.lines, self._fixers, deadline)
        except TimeLimitExceeded as exc:
            return CleanResult(text, lang, detected, kept_whole=f"{exc} while normalizing; the text comes back as it was"), None, []
        sample = None
        paragraphs = []
        directional = has_directional_marks(text)  # rules read such lines without the marks
        try:
            if detect:
                sample = language.document_sample([line for line in lines.lines if line.strip()])
                lang = language.identify(sample)[0] or hint
            if self.config.rejoin_hyphens and self.rulebook.rejoins_hyphens(lang):
                steps += apply_fixers(lines.lines, [HYPHEN_FIXER], deadline)
            # Paragraphs are measured on the text as it will be output, after every fixer.
            paragraphs = build_paragraphs(lines.lines, directional)
            doc = Document(paragraphs, lang, self.config, marks=marks or {}, deadline=deadline)
            revise(doc, self.rules_for(lang))
            kept_whole = None if self.config.strict or self.config.page_dump else self._too_much(paragraphs)
        except TimeLimitExceeded as exc:
            doc, kept_whole = None, f"{exc}; the text comes back normalized but otherwise unchanged"
        if kept_whole:
            paragraphs = build_paragraphs(lines.lines, directional)  # every paragraph kept

        out, assembly_steps = assemble(paragraphs, len(lines.lines), lines.ends_with_newline, self.config.fix_whitespace)
        steps += assembly_steps
        removals = [
            Removal(p.decided_by, p.category, p.reason, p.line + 1, lines.spans[p.line], p.as_written, tuple(p.evidence))
            for p in paragraphs
            if p.final == NOISE
        ]
        guarded = doc.guarded if doc is not None and not kept_whole else []
        # Only a page dump is cleaned again (_settled), and needs its kept lines.
        kept = [(p.line + 1, lines.spans[p.line]) for p in paragraphs if p.final != NOISE] if self.config.page_dump else []
        return CleanResult(out, lang, detected, removals, steps, guarded, kept_whole), sample, kept

    def _too_much(self, paragraphs) -> str | None:
        """Why the document must be kept whole, when cleaning would take too much of it."""
        # A copy of a kept paragraph costs the article nothing, nor does another article of the
        # same page (its markup says so): they count on neither side.
        counted = [p for p in paragraphs if p.category != DUPLICATE and p.decided_by != OTHER_ARTICLE]
        total = sum(len(p.text) for p in counted)
        removed = [p for p in counted if p.final == NOISE]
        gone = sum(len(p.text) for p in removed)
        if not total or gone / total <= self.config.max_removed_share:
            return None
        per = {}
        for p in removed:
            per[p.category] = per.get(p.category, 0) + 1
        what = ", ".join(f"{c} {n}" for c, n in sorted(per.items()))
        return (
            f"body-loss guard: cleaning would remove {gone / total:.0%} of the text ({len(removed)} of "
            f"{len(paragraphs)} lines: {what}), more than max_removed_share {self.config.max_removed_share:g}; "
            "kept whole (strict=True removes anyway)"
        )


@lru_cache(maxsize=32)
def _cached(config: CleanerConfig) -> Cleaner:
    return Cleaner(config)


def default_cleaner(**options) -> Cleaner:
    """A shared Cleaner per distinct set of options, so one-off calls do not recompile rules."""
    return _cached(CleanerConfig.from_options(**options))


def clean(text: str, lang: str | None = None, **options) -> str:
    """Clean one article text; see CleanerConfig for the options."""
    return default_cleaner(**options).clean_and_explain(text, lang).text


def clean_and_explain(text: str, lang: str | None = None, **options) -> CleanResult:
    """Clean one article text and say why: the language, every removal with its rule id,
    category, reason and span, and every normalization step."""
    return default_cleaner(**options).clean_and_explain(text, lang)
