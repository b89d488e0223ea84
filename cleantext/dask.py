"""Cleaning on a Dask cluster: bags of texts, dataframe columns, and the CLI's batch runner.

Install with ``pip install 'cleantext-articles[dask]'``. Every worker process builds its
Cleaner once per set of options (rules compile once, not once per document) and cleans whole
partitions; results keep the input's order, so a cluster's output is the single process's.

    import dask.bag as db
    from cleantext.dask import clean_bag, clean_column

    cleaned = clean_bag(db.from_sequence(texts, npartitions=8)).compute()
    frame = clean_column(frame, "text", output="clean_text")      # a dask.dataframe
"""
from __future__ import annotations

from collections import deque

from .batch import IN_FLIGHT_PER_WORKER, ensure_worker, explanation_record
from .cleaner import _cached
from .config import CleanerConfig
from .errors import ConfigError

# Dask itself is imported by the caller, who hands us its bags and frames; only the CLI's
# runner imports `distributed`, when asked for a scheduler.


def _clean_one(config: CleanerConfig, text, html: bool, explain: bool):
    if text is None:
        return None
    cleaner = _cached(config)
    if html:
        from .html import clean_html_with

        result = clean_html_with(cleaner, text)
    else:
        result = cleaner.clean_and_explain(text)
    if explain:
        return {"text": result.text, "cleantext": explanation_record(result)}
    return result.text


def _clean_partition(texts, config: CleanerConfig, html: bool, explain: bool) -> list:
    return [_clean_one(config, t, html, explain) for t in texts]


def clean_bag(bag, *, html: bool = False, explain: bool = False, **options):
    """A bag of cleaned texts, in the input's order (None stays None).

    `html=True` takes pages instead of text; `explain=True` gives one dict per text,
    ``{"text": cleaned, "cleantext": {lang, removals, normalizations, ...}}``, the record the
    CLI writes with --explain. Other keyword options are CleanerConfig's (lang, disabled_rules, ...)."""
    config = CleanerConfig.from_options(**options)
    return bag.map_partitions(_clean_partition, config, html, explain)


def _clean_series_partition(series, config: CleanerConfig, html: bool):
    return series.map(lambda t: _clean_one(config, t, html, False), na_action="ignore")


def clean_series(series, *, html: bool = False, **options):
    """A dask.dataframe Series of texts (or pages, with html=True), cleaned; index kept."""
    config = CleanerConfig.from_options(**options)
    return series.map_partitions(_clean_series_partition, config, html, meta=(series.name, "object"))


def clean_column(frame, column: str, *, output: str | None = None, html: bool = False, **options):
    """The dataframe with `column` cleaned, in place or into a new column `output`."""
    if column not in frame.columns:
        raise ConfigError(f"no column {column!r} in the dataframe (columns: {', '.join(map(str, frame.columns))})")
    return frame.assign(**{output or column: clean_series(frame[column], html=html, **options)})


# --------------------------------------------------------------------------- the CLI's runner


def _run_task(config: CleanerConfig, fn, task):
    ensure_worker(config)
    return fn(task)


class DaskRunner:
    """batch.Runner's interface on a Dask cluster (`cleantext clean --scheduler ADDRESS`).

    Tasks are submitted a few per worker thread at a time and consumed in input order, so
    memory stays bounded and the output is byte for byte that of --jobs 1. File contents are
    read here and shipped with the task: workers need not see this machine's disk."""

    ships_data = True

    def __init__(self, config: CleanerConfig, address: str):
        from distributed import Client

        ensure_worker(config)  # rule files and languages are checked here, before the cluster
        self.config = config
        try:
            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.window = IN_FLIGHT_PER_WORKER * max(1, sum(self.client.nthreads().values()))

    def map(self, fn, tasks):
        pending: deque = deque()
        for task in tasks:
            pending.append(self.client.submit(_run_task, self.config, fn, task, pure=False))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def start(self) -> None:
        """Nothing to start: the cluster's workers are up (Runner's interface)."""

    def run_here(self) -> None:
        """A small run still goes to the cluster the user named (Runner's interface)."""

    def close(self) -> None:
        self.client.close()

    terminate = close
