"""Cleaning many documents: files and JSONL records, in one process or a pool of workers.

Work is cut into tasks (a text file, or a chunk of JSONL records); workers clean them and send
back outcomes; the parent consumes them in input order, so the output of --jobs N is the same
as that of --jobs 1, byte for byte. Stats are counted per task and merged, as in datatrove.
"""
from __future__ import annotations

import json
import multiprocessing
import multiprocessing.util
import os
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path

from .cleaner import Cleaner
from .config import CleanerConfig
from .errors import CleantextError
from .fileio import FileError, decode, in_style, read_text, write_atomic
from .repeats import record_group
from .result import CleanResult

JSONL_CHUNK = 64  # records per task: large enough to pay for the trip to a worker
IN_FLIGHT_PER_WORKER = 4


@dataclass
class Stats:
    """What a batch did; merge() adds another's counts (one per worker task)."""

    documents: int = 0
    bytes: int = 0
    changed: int = 0
    lines_removed: Counter = field(default_factory=Counter)  # per category
    normalized: Counter = field(default_factory=Counter)  # per normalization step
    guarded: int = 0
    kept_whole: int = 0
    errors: int = 0

    def count(self, text: str, result: CleanResult, changed: bool) -> None:
        self.documents += 1
        self.bytes += len(text.encode("utf-8"))
        self.changed += changed
        for r in result.removals:
            self.lines_removed[r.category] += 1
        for step in result.normalizations:
            self.normalized[step.name] += step.count
        self.guarded += len(result.guarded)
        self.kept_whole += result.kept_whole is not None

    def merge(self, other: "Stats") -> "Stats":
        self.documents += other.documents
        self.bytes += other.bytes
        self.changed += other.changed
        self.lines_removed.update(other.lines_removed)
        self.normalized.update(other.normalized)
        self.guarded += other.guarded
        self.kept_whole += other.kept_whole
        self.errors += other.errors
        return self


@dataclass
class TextOutcome:
    """A cleaned text file (or stdin): its text as read, as cleaned (in its own line endings)."""

    original: str | None
    cleaned: str | None
    result: CleanResult | None
    stats: Stats
    error: str | None = None
    changed: bool = False
    written: bool = False  # the worker wrote the output itself

    def slim(self) -> "TextOutcome":
        """Without the text as read and the explanation: all a plain `clean` run needs back from
        a worker is the text to write (what crosses between processes is what costs)."""
        return TextOutcome(None, self.cleaned, None, self.stats, self.error, self.changed)


@dataclass
class RecordOutcome:
    """One JSONL line: the line to write, the result of cleaning its text field, or an error."""

    line_no: int
    line: str
    result: CleanResult | None = None
    changed: bool = False
    error: str | None = None


# --------------------------------------------------------------------------- workers

_CLEANER: Cleaner | None = None


def _init_worker(config: CleanerConfig) -> None:
    global _CLEANER
    _CLEANER = Cleaner(config)


def ensure_worker(config: CleanerConfig) -> None:
    """Build the Cleaner unless this process already has one for this config: a forked pool
    worker inherits its parent's, a Dask worker builds one on first use."""
    if _CLEANER is None or _CLEANER.config != config:
        _init_worker(config)


def _start_worker(config: CleanerConfig) -> None:
    from . import language

    ensure_worker(config)
    language.detector_languages()  # the model, before the first task
    # As the pool closes, the worker keeps what it learnt of paragraph openings (the pool's
    # finalizers run then; atexit handlers do not, in a pool's worker).
    multiprocessing.util.Finalize(None, _save_caches, exitpriority=10)


def _save_caches() -> None:
    if _CLEANER is not None:
        _CLEANER.save_caches()


def _cleaner() -> Cleaner:
    if _CLEANER is None:
        raise RuntimeError("worker used before _init_worker")
    return _CLEANER


def clean_text(original: str, name: str, repeated=None) -> TextOutcome:
    """`repeated` (a repeats.Repeated) names the lines this document's group shares widely."""
    stats = Stats()
    try:
        result = _cleaner().clean_and_explain(original, marks=repeated.marks(original) if repeated else None)
    except CleantextError as exc:
        stats.errors += 1
        return TextOutcome(original, None, None, stats, f"{name}: {exc}")
    cleaned = in_style(result.text, original)
    stats.count(original, result, cleaned != original)
    return TextOutcome(original, cleaned, result, stats, changed=cleaned != original)


def clean_text_file(path: str, data: bytes | None = None, repeated=None, detail: bool = True,
                    target: str | None = None) -> TextOutcome:
    """A text file, read here or (`data`) by the process that handed out the task; `detail`
    False sends back only what writing the output needs. With a `target`, the output is written
    here (in the worker, beside the reading and the cleaning) and only the counts go back."""
    try:
        original = read_text(Path(path)) if data is None else decode(data, path)
    except FileError as exc:
        return TextOutcome(None, None, None, Stats(errors=1), str(exc))
    outcome = clean_text(original, path, repeated)
    if target is not None and outcome.error is None:
        return _write_output(outcome, Path(path), Path(target))
    return outcome if detail else outcome.slim()


def output_needed(changed: bool, source: Path, target: Path) -> bool:
    """An output is written unless it would be the input itself, unchanged. (Two stats tell;
    resolving both paths would stat every folder on the way, for every file of a batch.)"""
    if changed:
        return True
    try:
        return not os.path.samestat(os.stat(target), os.stat(source))
    except OSError:  # no such target yet (or none we can see: writing it says why)
        return True


def _write_output(outcome: TextOutcome, path: Path, target: Path) -> TextOutcome:
    """Write the cleaned text to `target` (unless it is the input itself, unchanged)."""
    written = TextOutcome(None, None, None, outcome.stats, changed=outcome.changed, written=True)
    try:
        if output_needed(outcome.changed, path, target):
            write_atomic(target, outcome.cleaned, mode_from=path)
    except FileError as exc:
        written.error = str(exc)
    return written


def clean_html_file(path: str, data: bytes | None = None) -> TextOutcome:
    """A page: extracted and cleaned. `original` stays None: the output is text, not the page."""
    import gzip

    from .html import clean_html_with

    stats = Stats()
    try:
        if data is None:
            data = Path(path).read_bytes()
        if path.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        stats.errors += 1
        return TextOutcome(None, None, None, stats, f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
    try:
        result = clean_html_with(_cleaner(), data)
    except CleantextError as exc:
        stats.errors += 1
        return TextOutcome(None, None, None, stats, f"{path}: {exc}")
    stats.count(result.extracted, result, True)
    return TextOutcome(None, result.text, result, stats, changed=True)


def clean_jsonl_chunk(task: tuple) -> tuple[list[RecordOutcome], Stats]:
    name, text_field, explain, lines, html_field, repeats = task
    stats = Stats()
    out = []
    for line_no, raw in lines:
        outcome = clean_record(name, line_no, raw, text_field, explain, stats, html_field, repeats)
        out.append(outcome)
    return out, stats


def clean_record(name: str, line_no: int, raw: str, text_field: str, explain: bool, stats: Stats,
                 html_field: str | None = None, repeats: dict | None = None) -> RecordOutcome:
    if not raw.strip():
        return RecordOutcome(line_no, raw)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        stats.errors += 1
        return RecordOutcome(line_no, raw, error=f"{name}:{line_no}: not valid JSON ({exc.msg} at column {exc.colno}); line kept as it was")
    if not isinstance(record, dict):
        stats.errors += 1
        return RecordOutcome(line_no, raw, error=f"{name}:{line_no}: a JSONL record must be an object; line kept as it was")
    source_field = html_field or text_field
    text = record.get(source_field)
    if text is None:
        return RecordOutcome(line_no, raw)  # a record without text: nothing to clean
    if not isinstance(text, str):
        stats.errors += 1
        return RecordOutcome(line_no, raw, error=f"{name}:{line_no}: field '{source_field}' is not a string; line kept as it was")
    try:
        if html_field:
            from .html import clean_html_with

            result = clean_html_with(_cleaner(), text, url=record.get("url") if isinstance(record.get("url"), str) else None)
        else:
            repeated = repeats.get(record_group(name, record)) if repeats else None
            result = _cleaner().clean_and_explain(text, marks=repeated.marks(text) if repeated else None)
    except CleantextError as exc:
        stats.errors += 1
        return RecordOutcome(line_no, raw, error=f"{name}:{line_no}: {exc}; line kept as it was")
    changed = result.text != record.get(text_field)
    stats.count(text, result, changed)
    if not changed and not explain:
        return RecordOutcome(line_no, raw, result)  # unchanged records are written back byte for byte
    record[text_field] = result.text
    if explain:
        record["cleantext"] = explanation_record(result)
    compact = '":' in raw and '": ' not in raw
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":") if compact else None)
    return RecordOutcome(line_no, line, result, changed)


def explanation_record(result: CleanResult) -> dict:
    return {
        "lang": result.lang,
        "kept_whole": result.kept_whole,
        "removals": [
            {"rule_id": r.rule_id, "category": r.category, "reason": r.reason, "line": r.line, "span": list(r.span)}
            for r in result.removals
        ],
        "normalizations": [{"step": s.name, "count": s.count, "detail": s.detail} for s in result.normalizations],
    }


# --------------------------------------------------------------------------- running


class Runner:
    """Runs tasks in this process (jobs=1) or in a pool, always yielding results in order."""

    ships_data = False  # workers read files themselves (cleantext.dask.DaskRunner ships them)

    def __init__(self, config: CleanerConfig, jobs: int | None):
        self.config = config
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self._pool = None
        _init_worker(config)  # the parent cleans too: for stdin, and when jobs == 1

    def start(self) -> None:
        """Start the workers now (they load the language model while this process lists the
        files) rather than on the first task."""
        if self.jobs > 1 and self._pool is None:
            # Forked workers inherit this process's Cleaner (ensure_worker keeps it).
            self._pool = multiprocessing.get_context().Pool(self.jobs, initializer=_start_worker, initargs=(self.config,))

    def run_here(self) -> None:
        """Do the work in this process: for a run too small to share."""
        self.close()
        self.jobs = 1

    def map(self, fn, tasks):
        """fn over tasks, in order. At most a few tasks per worker are in flight, so a corpus
        of any size streams through in bounded memory (Pool.imap would read all tasks ahead)."""
        if self.jobs == 1:
            yield from map(fn, tasks)
            return
        self.start()
        pending: deque = deque()
        for task in tasks:
            pending.append(self._pool.apply_async(fn, (task,)))
            if len(pending) >= IN_FLIGHT_PER_WORKER * self.jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        _save_caches()

    def terminate(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


def jsonl_tasks(name: str, lines, text_field: str, explain: bool, html_field: str | None = None,
                repeats: dict | None = None):
    """Cut an iterable of JSONL lines (without their newlines) into chunk tasks."""
    chunk: list[tuple[int, str]] = []
    for line_no, raw in enumerate(lines, 1):
        chunk.append((line_no, raw))
        if len(chunk) == JSONL_CHUNK:
            yield (name, text_field, explain, chunk, html_field, repeats)
            chunk = []
    if chunk:
        yield (name, text_field, explain, chunk, html_field, repeats)
