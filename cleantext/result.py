"""What cleaning returns: the text, and an account of every change made to it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removal:
    """One removed paragraph (a non-empty line of the input).

    rule_id   the rule or heuristic that decided, e.g. "pt.promo.join-telegram"
              or "heuristic.embed.walk-back"
    category  embed, promo, related, share, footer, meta, ad, title (a repeated headline)
    reason    a sentence a person can read
    line      1-based line number in the input
    span      (start, end) character offsets of the line in the input text
    text      the line as it read after normalization
    evidence  every signal that fired, strongest first (e.g. "rule pt.related.other-topics",
              "follows a teaser headline", "shares 2 of 14 content words with the article")
    """

    rule_id: str
    category: str
    reason: str
    line: int
    span: tuple[int, int]
    text: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class NormalizationStep:
    """One normalization step that changed the text: its name, how many lines it changed
    (or gaps, for the blank-line steps), an example of the change, and the first line it
    changed (1-based; 0 when the step concerns the text as a whole)."""

    name: str
    count: int
    detail: str
    line: int = 0


@dataclass(frozen=True)
class GuardedParagraph:
    """A paragraph some heuristic wanted to remove, kept by the body-loss guard."""

    line: int
    text: str
    proposed_by: str
    why_kept: str


@dataclass
class CleanResult:
    text: str
    lang: str | None
    lang_detected: bool
    removals: list[Removal] = field(default_factory=list)
    normalizations: list[NormalizationStep] = field(default_factory=list)
    guarded: list[GuardedParagraph] = field(default_factory=list)
    kept_whole: str | None = None  # why the document was kept whole (body-loss guard, time limit)

    @property
    def changed(self) -> bool:
        return bool(self.removals or self.normalizations)

    def removed_by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.removals:
            counts[r.category] = counts.get(r.category, 0) + 1
        return dict(sorted(counts.items()))

    def explain(self) -> str:
        """A human-readable report: language, normalization steps, removals with reasons."""
        how = "detected" if self.lang_detected else "given"
        out = [f"language: {self.lang or 'unknown'} ({how})"]
        if self.kept_whole:
            out.append(f"kept whole: {self.kept_whole}")
        for step in self.normalizations:
            out.append(f"normalized: {step.name} x{step.count}: {step.detail}")
        for r in self.removals:
            snippet = r.text if len(r.text) <= 70 else r.text[:67] + "..."
            out.append(f"removed line {r.line} [{r.rule_id}] ({r.category}) {r.reason}: {snippet!r}")
            if r.evidence:
                out.append("    evidence: " + "; ".join(r.evidence))
        for g in self.guarded:
            out.append(f"kept line {g.line} by the body-loss guard ({g.proposed_by} proposed removal): {g.why_kept}")
        if len(out) == 1:
            out.append("nothing to change")
        return "\n".join(out)
