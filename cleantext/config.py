"""One typed configuration object for a Cleaner (the model is ftfy's TextFixerConfig)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class CleanerConfig:
    """Everything a Cleaner can be told. Immutable, so one config can serve many workers.

    Language
      lang: force the document language (ISO 639-1, e.g. "pt"); None detects it.
    Rules
      rule_files: extra rule files (TOML, same schema as rules/*.toml) loaded after the built-in ones.
      disabled_rules: rule ids to switch off; an id ending in "." or "*" switches off a prefix
        ("pt.promo." or "pt.promo.*" disables all Portuguese promo rules).
      builtin_rules: load the rule sets shipped with cleantext.
    Normalization (each step is reported in the explanation)
      fix_encoding: repair mojibake with ftfy (curly quotes, guillemets, widths and ligatures are kept).
      unicode_form: "NFC" (default), "NFKC", or None to leave the normalization form alone.
      remove_invisible: drop zero-width spaces, BOMs, soft hyphens and control characters
        (ZWJ and ZWNJ, which some scripts need, are kept).
      fix_whitespace: trim lines, collapse runs of spaces, collapse runs of blank lines.
      rejoin_hyphens: repair hyphens detached by machine translation ("norte -coreana"),
        in languages whose rule file enables it.
    Heuristics
      remove_embeds, remove_related, remove_edge_clutter, remove_duplicates: switch the
        multi-line heuristics on or off; phrase rules always run.
      min_guarded_words: a paragraph at least this long that fits the article's topic is never
        removed on positional or neighbourhood evidence alone.
      page_dump: the input is a whole page as a simple scraper dumps it (every heading,
        paragraph and list item, menus, related lists and footers included): the article is
        found as the main block of body-like paragraphs, and the body-loss guard, meant for
        extracted text, does not apply.
    Safety
      max_removed_share: when cleaning would remove more than this share of a document's
        characters, the document is kept whole (normalized) and flagged instead; a clean text
        that loses half of itself more likely tripped the rules than held that much noise.
      strict: remove whatever the rules and heuristics say, even past max_removed_share.
      time_limit: seconds one document may take (None: no limit); past it the document comes
        back normalized but otherwise unchanged, and the result says so.
    """

    lang: str | None = None
    rule_files: tuple[Path, ...] = ()
    disabled_rules: frozenset[str] = frozenset()
    builtin_rules: bool = True
    fix_encoding: bool = True
    unicode_form: str | None = "NFC"
    remove_invisible: bool = True
    fix_whitespace: bool = True
    rejoin_hyphens: bool = True
    remove_embeds: bool = True
    remove_related: bool = True
    remove_edge_clutter: bool = True
    remove_duplicates: bool = True
    min_guarded_words: int = 40
    page_dump: bool = False
    max_removed_share: float = 0.5
    strict: bool = False
    time_limit: float | None = 10.0

    def __post_init__(self) -> None:
        if self.unicode_form not in (None, "NFC", "NFKC"):
            raise ConfigError(f"unicode_form must be 'NFC', 'NFKC' or None, not {self.unicode_form!r}")
        # Accept lists and strings where tuples and sets are stored, so callers need not care.
        if isinstance(self.rule_files, (str, Path)):
            object.__setattr__(self, "rule_files", (self.rule_files,))
        object.__setattr__(self, "rule_files", tuple(Path(p) for p in self.rule_files))
        if isinstance(self.disabled_rules, str):
            object.__setattr__(self, "disabled_rules", frozenset([self.disabled_rules]))
        object.__setattr__(self, "disabled_rules", frozenset(self.disabled_rules))
        if self.min_guarded_words < 1:
            raise ConfigError("min_guarded_words must be a positive whole number")
        if not 0 < self.max_removed_share <= 1:
            raise ConfigError("max_removed_share must be a share between 0 (exclusive) and 1")
        if self.time_limit is not None and self.time_limit <= 0:
            raise ConfigError("time_limit must be a positive number of seconds, or None")

    @classmethod
    def from_options(cls, base: "CleanerConfig | None" = None, **options) -> "CleanerConfig":
        """A config from keyword options, refusing names that do not exist."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise ConfigError(
                f"unknown option(s) {', '.join(unknown)}; valid options are: {', '.join(sorted(names))}"
            )
        return dataclasses.replace(base or cls(), **options)

    def is_disabled(self, rule_id: str) -> bool:
        if rule_id in self.disabled_rules:
            return True
        return any(
            rule_id.startswith(d.rstrip("*")) for d in self.disabled_rules if d.endswith((".", "*"))
        )
