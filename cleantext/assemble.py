"""Putting the kept paragraphs back together in the input's own layout.

Each kept paragraph is followed by the separator that followed it in the input (one newline,
or a blank line), so a fix touches only the lines it removes. Runs of several blank lines
become one blank line; blank lines at the start and end go.
"""
from __future__ import annotations

from .paragraphs import NOISE, Paragraph
from .result import NormalizationStep


def assemble(
    paragraphs: list[Paragraph], line_count: int, ends_with_newline: bool, collapse_blank_runs: bool = True
) -> tuple[str, list[NormalizationStep]]:
    kept = [p for p in paragraphs if p.final != NOISE]
    parts: list[str] = []
    collapsed, first_collapsed = 0, 0
    steps = []
    if paragraphs:
        edges = paragraphs[0].line + (line_count - 1 - paragraphs[-1].line)
        if edges:
            steps.append(NormalizationStep("blank-edges", edges, "blank lines at the start and end of the text removed", 1 if paragraphs[0].line else paragraphs[-1].line + 2))
    # The gap after paragraph i in the input is the gap_before of paragraph i + 1.
    gap_after = {p.index: paragraphs[p.index + 1].gap_before for p in paragraphs[:-1]}
    for n, p in enumerate(kept):
        if n:
            blank = gap_after[kept[n - 1].index]
            if blank > 1 and collapse_blank_runs:
                collapsed += 1
                first_collapsed = first_collapsed or p.line + 1
                blank = 1
            parts.append("\n" * (blank + 1))
        parts.append(p.as_written)
    text = "".join(parts)
    if text and ends_with_newline:
        text += "\n"
    if collapsed:
        steps.append(NormalizationStep("blank-lines", collapsed, "runs of blank lines between paragraphs collapsed to one", first_collapsed))
    return text, steps
