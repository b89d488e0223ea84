"""What the command line shows: findings, diffs, explanations, progress and the summary."""
from __future__ import annotations

import difflib
import sys
import time

from .batch import Stats
from .result import CleanResult


def findings(name: str, result: CleanResult, record: int | None = None) -> list[str]:
    """One line per change, `path:line: rule-id message`, in line order; for a JSONL record,
    `path:record-line: text line N: rule-id message`."""
    where = f"{name}:{record}: text line " if record is not None else f"{name}:"
    rows = [(r.line, f"{where}{r.line}: {r.rule_id} {r.reason}") for r in result.removals]
    for step in result.normalizations:
        rows.append((step.line, f"{where}{step.line}: normalize.{step.name} {step.detail} ({step.count} line(s))"))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def check_report(name: str, original: str, cleaned: str, result: CleanResult, diff: bool) -> str:
    """What `check` prints for a text that would change: its findings, and a diff if asked."""
    out = "".join(row + "\n" for row in findings(name, result))
    return out + (unified_diff(name, original, cleaned) if diff else "")


def unified_diff(name: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    )


def explain_file(text: str, result: CleanResult) -> str:
    """The input with every line marked: kept, or removed with its rule and reason."""
    removed = {r.line: r for r in result.removals}
    width = len(str(text.count("\n") + 1))
    out = [f"# language: {result.lang or 'unknown'} ({'detected' if result.lang_detected else 'given'})"]
    if result.kept_whole:
        out.append(f"# kept whole: {result.kept_whole}")
    for step in result.normalizations:
        out.append(f"# normalized: {step.name} x{step.count}: {step.detail}")
    for n, line in enumerate(text.splitlines(), 1):
        r = removed.get(n)
        if r is None:
            out.append(f"  {n:>{width}} | {line}")
        else:
            out.append(f"- {n:>{width}} | {line}")
            out.append(f"  {'':>{width}} ^ {r.rule_id} ({r.category}): {r.reason}")
    for g in result.guarded:
        out.append(f"# kept line {g.line} by the body-loss guard ({g.proposed_by} proposed removal): {g.why_kept}")
    return "\n".join(out) + "\n"


class Progress:
    """A one-line progress display on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and sys.stderr.isatty()
        self.done = 0
        self.bytes = 0
        self.start = time.perf_counter()
        self._last = 0.0

    def advance(self, nbytes: int) -> None:
        self.done += 1
        self.bytes += nbytes
        now = time.perf_counter()
        if self.enabled and (now - self._last > 0.2 or self.done == self.total):
            self._last = now
            rate = self.bytes / 1e6 / max(now - self.start, 1e-9)
            sys.stderr.write(f"\rcleantext: {self.done}/{self.total} files, {self.bytes / 1e6:.1f} MB, {rate:.1f} MB/s ")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def summary(stats: Stats, seconds: float, files: int) -> str:
    mb = stats.bytes / 1e6
    removed = sum(stats.lines_removed.values())
    per = ", ".join(f"{c} {n}" for c, n in sorted(stats.lines_removed.items())) or "none"
    parts = [
        f"cleantext: {files} file(s), {stats.documents} document(s), {mb:.2f} MB in {seconds:.2f} s ({mb / max(seconds, 1e-9):.2f} MB/s)",
        f"{stats.changed} changed",
        f"{removed} line(s) removed ({per})",
    ]
    if stats.guarded:
        parts.append(f"{stats.guarded} paragraph(s) kept by the body-loss guard")
    if stats.kept_whole:
        parts.append(f"{stats.kept_whole} document(s) kept whole (body-loss guard or time limit; see --explain)")
    if stats.errors:
        parts.append(f"{stats.errors} error(s)")
    return "; ".join(parts)
