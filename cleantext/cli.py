"""The command line: clean, check, fix, rules, explain.

Follows the conventions of formatters and pre-commit hooks: main(argv) -> int; `check` writes
nothing and exits 1 when a file would change; `fix` rewrites changed files and exits 1 when it
changed one; 2 is a usage, configuration or I/O error. Errors are one line on stderr naming the
file, never a traceback; the other files are still processed. Writes are atomic and inputs are
never modified unless asked (--in-place, fix).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import report
from .batch import (Runner, Stats, TextOutcome, clean_html_file, clean_jsonl_chunk, clean_text, clean_text_file, jsonl_tasks,
                    output_needed)
from .config import CleanerConfig
from .discover import Input, discover
from .errors import CleantextError
from .repeats import count_repeats, text_group
from .fileio import AtomicWriter, FileError, decode, read_text, write_atomic
from .rules import RuleBook
from .settings import load_settings

CLEAN, CHECK, FIX = "clean", "check", "fix"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description="Remove boilerplate and noise (embeds, promos, teasers, share rows, bylines, footers) from article text.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rule_opts = argparse.ArgumentParser(add_help=False)
    rule_opts.add_argument("--lang", help="force the language (ISO 639-1, e.g. pt); default: detect per document")
    rule_opts.add_argument("--rules", action="append", default=[], type=Path, metavar="FILE", help="extra rule file (repeatable)")
    rule_opts.add_argument("--disable", action="append", default=[], metavar="RULE_ID", help="rule id or prefix to switch off (repeatable)")
    rule_opts.add_argument("--page-dump", action="store_true", help="inputs are whole pages as simple scrapers dump them (menus, teasers, footers included): keep only the article")
    rule_opts.add_argument("--config", type=Path, metavar="FILE", help="settings file (default: nearest .cleantext.toml or pyproject.toml [tool.cleantext])")

    batch = argparse.ArgumentParser(add_help=False, parents=[rule_opts])
    batch.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (walked recursively), globs, or - for stdin")
    batch.add_argument("--include", action="append", metavar="GLOB", help="file patterns a folder run picks up (default: *.txt *.text *.md *.jsonl)")
    batch.add_argument("--exclude", action="append", metavar="GLOB", help="file patterns to leave out")
    batch.add_argument("--jsonl", action="store_true", help="treat every input as JSONL (files ending .jsonl always are)")
    batch.add_argument("--text-field", metavar="NAME", help="the field of JSONL records to clean (default: text)")
    batch.add_argument("--html-field", metavar="NAME", help="JSONL records carry HTML in this field: extract and clean it into --text-field")
    batch.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores); output is the same for any N")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster (e.g. tcp://host:8786) instead of local processes; needs the [dask] extra")
    batch.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors (and findings, for check)")
    batch.add_argument("--learn-repeats", action="store_true", help="first count lines shared by many documents of a folder (or, in JSONL, a site) and remove them as boilerplate")
    batch.add_argument("--repeat-min-docs", type=int, metavar="N", help="with --learn-repeats: a line must occur in at least N documents (and 10%% of its group) (default 5)")
    batch.add_argument("--strict", action="store_true", help="remove what the rules say even past the body-loss guard's share")
    batch.add_argument("--max-removed-share", type=float, metavar="SHARE", help="keep a document whole when cleaning would remove more than this share (default 0.5)")

    clean = sub.add_parser(CLEAN, parents=[batch], help="clean files into an output folder, in place, or stdin to stdout")
    where = clean.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="OUT_DIR", help="write cleaned files here, keeping relative paths")
    where.add_argument("--in-place", action="store_true", help="rewrite the inputs that change")
    clean.add_argument("--explain", action="store_true", help="say why each line was removed (JSONL: add a 'cleantext' field)")

    check = sub.add_parser(CHECK, parents=[batch], help="report what would change; write nothing; exit 1 if anything would")
    check.add_argument("--diff", action="store_true", help="print a unified diff of each change")

    sub.add_parser(FIX, parents=[batch], help="rewrite files that change, in place; exit 1 if any did")

    rules = sub.add_parser("rules", parents=[rule_opts], help="list the rules (id, category, scope, message)")
    rules.set_defaults(paths=[])

    explain = sub.add_parser("explain", parents=[rule_opts], help="show a file with each removed line marked and its reason")
    explain.add_argument("file", type=Path, metavar="FILE")
    return parser


@dataclass
class Run:
    args: argparse.Namespace
    mode: str
    config: CleanerConfig
    text_field: str
    stats: Stats = field(default_factory=Stats)
    changed_files: int = 0
    errors: int = 0
    repeats: dict = field(default_factory=dict)  # group -> repeats.Repeated, with --learn-repeats

    def error(self, message: str) -> None:
        self.errors += 1
        print(f"cleantext: {message}", file=sys.stderr)


def make_config(args) -> tuple[CleanerConfig, object]:
    settings = load_settings(args.config)
    safety: dict = {}  # options that keep their defaults unless a flag or the settings ask
    if getattr(args, "strict", False):
        safety["strict"] = True
    if getattr(args, "max_removed_share", None) is not None:
        safety["max_removed_share"] = args.max_removed_share
    if getattr(args, "page_dump", False) or settings.page_dump:
        safety["page_dump"] = True
    config = CleanerConfig(
        lang=args.lang or settings.lang,
        rule_files=tuple(settings.rules) + tuple(args.rules),
        disabled_rules=frozenset(settings.disable) | frozenset(args.disable),
        **safety,
    )
    return config, settings


# --------------------------------------------------------------------------- batch commands


def run_batch(args, mode: str) -> int:
    if mode == CLEAN and not (args.output or args.in_place) and args.paths != ["-"]:
        print("cleantext: clean needs -o OUT_DIR or --in-place (or - to read stdin and write stdout)", file=sys.stderr)
        return 2
    config, settings = make_config(args)
    run = Run(args, mode, config, args.text_field or settings.text_field)
    learn = args.learn_repeats or settings.learn_repeats
    min_docs = args.repeat_min_docs if args.repeat_min_docs is not None else settings.repeat_min_docs
    if learn and min_docs < 2:
        run.error("--repeat-min-docs must be at least 2")
        return 2
    runner = make_runner(config, args)  # builds a Cleaner: bad rule files or languages fail here
    if any(os.path.isdir(p) or p.lower().endswith(".jsonl") for p in args.paths) or len(args.paths) > FILES_PER_TASK:
        runner.start()  # a corpus: the workers get ready while its files are listed
    inputs, missing = discover(args.paths, args.include or settings.include, args.exclude or settings.exclude, args.jsonl)
    for message in missing:
        run.error(message)
    if mode != CLEAN:
        # check and fix keep text files clean; a page is cleaned into text with `clean`.
        named = {str(Path(p)) for p in args.paths}
        for inp in inputs:
            if inp.html and inp.name in named:
                run.error(f"{inp.name}: {mode} works on text files; use `cleantext clean` to extract a page's text")
        inputs = [inp for inp in inputs if not inp.html]
    if mode == CLEAN and args.output and not _unique_targets(run, inputs):
        runner.terminate()
        return 2
    if len(inputs) <= FILES_PER_TASK and not any(inp.jsonl or inp.path is None for inp in inputs):
        runner.run_here()  # one task's worth of files (a pre-commit hook's): no worker to wait for
    if learn:
        run.repeats = count_repeats(inputs, run.text_field).repeated(min_docs)
    progress = report.Progress(len(inputs), not args.quiet)
    start = time.perf_counter()
    try:
        i = 0
        while i < len(inputs):
            # Consecutive text files go to the workers together; JSONL files stream on their own.
            if inputs[i].jsonl or inputs[i].path is None:
                handle_stream(run, runner, inputs[i], progress)
                i += 1
                continue
            j = i
            while j < len(inputs) and not inputs[j].jsonl and inputs[j].path is not None:
                j += 1
            batch = inputs[i:j]
            detail = mode != CLEAN or args.explain
            # A plain clean has the workers write the outputs (unless they may not share our disk).
            writes = mode == CLEAN and not detail and not runner.ships_data
            tasks = _chunks((file_task(x, runner.ships_data, run.repeats, detail, target_of(run, x) if writes else None)
                             for x in batch), FILES_PER_TASK)
            outcomes = (outcome for chunk in runner.map(_call_each, tasks) for outcome in chunk)
            for inp, outcome in zip(batch, outcomes):
                handle_text(run, inp, outcome)
                progress.advance(run_bytes(outcome))
            i = j
        runner.close()
    except BaseException:
        runner.terminate()
        raise
    finally:
        progress.finish()

    seconds = time.perf_counter() - start
    if not args.quiet:
        if mode == CLEAN:
            print(report.summary(run.stats, seconds, len(inputs)), file=sys.stderr)
        elif mode == CHECK:
            print(f"cleantext: {run.changed_files} of {len(inputs)} file(s) would be cleaned", file=sys.stderr)
        else:
            print(f"cleantext: {run.changed_files} of {len(inputs)} file(s) fixed", file=sys.stderr)
    if run.errors:
        return 2
    return 1 if mode in (CHECK, FIX) and run.changed_files else 0


def make_runner(config: CleanerConfig, args):
    if not args.scheduler:
        return Runner(config, args.jobs)
    try:
        from .dask import DaskRunner
        import distributed  # noqa: F401
    except ImportError:
        raise CleantextError("--scheduler needs Dask: pip install 'cleantext-articles[dask]'") from None
    return DaskRunner(config, args.scheduler)


def target_of(run: Run, inp: Input) -> Path:
    """Where `clean` writes an input's text."""
    return inp.path if run.args.in_place else run.args.output / inp.out_rel


def file_task(inp: Input, ships_data: bool, repeats: dict, detail: bool = True, target: Path | None = None) -> tuple:
    """(worker function, path, contents or None[, repeated lines of its group, detail, where
    the worker writes the output]): contents go along when workers may not share our disk."""
    data = None
    if ships_data:
        try:
            data = inp.path.read_bytes()
        except OSError:
            pass  # the worker's own attempt reports the error
    if inp.html:
        return clean_html_file, str(inp.path), data
    return (clean_text_file, str(inp.path), data, repeats.get(text_group(inp.path)), detail,
            None if target is None else str(target))


# Small files go to the workers in dozens: one round trip per file would cost more than cleaning
# a short article, and the parent's share of the work (handing out tasks, taking back counts)
# competes with the workers for the cores (8 a task: 1.0 s of the parent's time on 4,605 files;
# 32: 0.6 s).
FILES_PER_TASK = 32


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _call_each(tasks: list) -> list:
    return [fn(*args) for fn, *args in tasks]


def run_bytes(outcome: TextOutcome) -> int:
    return outcome.stats.bytes


def _unique_targets(run: Run, inputs: list[Input]) -> bool:
    seen: dict = {}
    out_dir = str(run.args.output.resolve())  # once: resolving every target would stat each of its folders
    for inp in inputs:
        if inp.path is None:
            continue
        target = os.path.normpath(os.path.join(out_dir, str(inp.out_rel)))
        if target in seen:
            run.error(f"{inp.name} and {seen[target]} would both be written to {target}; clean them into separate folders")
            return False
        seen[target] = inp.name
    return True


def handle_text(run: Run, inp: Input, outcome: TextOutcome) -> None:
    run.stats.merge(outcome.stats)
    if outcome.error:
        run.error(outcome.error)
        return
    args = run.args
    if outcome.changed:
        run.changed_files += 1
    if outcome.written:
        return
    try:
        if run.mode == CHECK:
            if outcome.changed:
                sys.stdout.write(report.check_report(inp.name, outcome.original, outcome.cleaned, outcome.result, args.diff))
        elif run.mode == FIX or args.in_place:
            if inp.html:
                run.error(f"{inp.name}: --in-place would replace a page with its text; use -o OUT_DIR")
            elif outcome.changed:
                write_atomic(inp.path, outcome.cleaned, mode_from=inp.path)
                if run.mode == FIX:
                    print(f"fixed {inp.name}")
        else:
            target = target_of(run, inp)
            if output_needed(outcome.changed, inp.path, target):
                write_atomic(target, outcome.cleaned, mode_from=None if inp.html else inp.path)
        if run.mode == CLEAN and args.explain:
            print(f"== {inp.name}\n{outcome.result.explain()}")
    except FileError as exc:
        run.error(str(exc))


def handle_stream(run: Run, runner: Runner, inp: Input, progress) -> None:
    """A JSONL file (or stdin, text or JSONL): streamed line by line, written atomically."""
    args = run.args
    try:
        if inp.path is None:
            if not inp.jsonl:
                return handle_stdin_text(run, inp)
            lines = (line for line in sys.stdin)
        else:
            lines = open(inp.path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        return run.error(f"{inp.name}: cannot read ({exc.strerror or exc})")

    writer = None
    if run.mode == CLEAN and inp.path is not None:
        target = inp.path if args.in_place else args.output / inp.rel
        writer = AtomicWriter(target, mode_from=inp.path)
    elif run.mode == FIX and inp.path is not None:
        writer = AtomicWriter(inp.path, mode_from=inp.path)
    out = writer.write if writer else sys.stdout.write
    if run.mode == CHECK:
        out = None

    endings: dict[int, str] = {}
    file_changed = False
    nbytes = 0
    try:
        def records():
            nonlocal nbytes
            for n, raw in enumerate(lines, 1):
                nbytes += len(raw)
                body = raw.rstrip("\r\n")
                endings[n] = raw[len(body):]
                yield body

        tasks = jsonl_tasks(inp.name, records(), run.text_field, run.mode == CLEAN and args.explain, args.html_field,
                            run.repeats or None)
        for outcomes, stats in runner.map(clean_jsonl_chunk, tasks):
            run.stats.merge(stats)
            for rec in outcomes:
                if rec.error:
                    run.error(rec.error)
                if rec.changed:
                    file_changed = True
                    if run.mode == CHECK:
                        for row in report.findings(inp.name, rec.result, record=rec.line_no):
                            print(row)
                if out is not None:
                    out(rec.line + endings.pop(rec.line_no, "\n"))
    except UnicodeDecodeError as exc:
        if writer:
            writer.abort()
        return run.error(f"{inp.name}: not valid UTF-8 (bad byte at offset {exc.start} of a line); nothing written")
    except BaseException:
        if writer:
            writer.abort()
        raise
    finally:
        if inp.path is not None:
            lines.close()
    progress.advance(nbytes)
    if file_changed:
        run.changed_files += 1
    if writer is None:
        return
    if run.mode == FIX or args.in_place:
        if file_changed:
            writer.commit()
            if run.mode == FIX:
                print(f"fixed {inp.name}")
        else:
            writer.abort()  # unchanged: leave the file (and its timestamp) alone
    else:
        writer.commit()


def handle_stdin_text(run: Run, inp: Input) -> None:
    try:
        original = decode(sys.stdin.buffer.read(), "<stdin>")
    except FileError as exc:
        return run.error(str(exc))
    outcome = clean_text(original, "<stdin>")
    run.stats.merge(outcome.stats)
    if outcome.error:
        return run.error(outcome.error)
    if outcome.changed:
        run.changed_files += 1
    if run.mode == CHECK:
        if outcome.changed:
            sys.stdout.write(report.check_report(inp.name, outcome.original, outcome.cleaned, outcome.result, run.args.diff))
        return
    sys.stdout.write(outcome.cleaned)
    if run.mode == CLEAN and run.args.explain:
        print(outcome.result.explain(), file=sys.stderr)


# --------------------------------------------------------------------------- rules, explain


def run_rules(args) -> int:
    config, _ = make_config(args)
    book = RuleBook.load(config.builtin_rules, config.rule_files)
    lang = None
    if args.lang:
        from .cleaner import Cleaner

        lang = Cleaner(config).resolve_lang(args.lang)
    rules = [r for r in book.all_rules() if lang is None or r.lang in (lang, "common")]
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        off = " (disabled)" if config.is_disabled(r.id) else ""
        print(f"{r.id:<{width}}  {r.category:<8} {r.scope:<5}  {r.message}{off}")
    per_lang: dict[str, int] = {}
    for r in rules:
        per_lang[r.lang] = per_lang.get(r.lang, 0) + 1
    print(f"{len(rules)} rules: " + ", ".join(f"{k} {v}" for k, v in sorted(per_lang.items())), file=sys.stderr)
    return 0


def run_explain(args) -> int:
    from .cleaner import Cleaner

    config, _ = make_config(args)
    text = read_text(args.file)
    result = Cleaner(config).clean_and_explain(text)
    sys.stdout.write(report.explain_file(text, result))
    return 0


# --------------------------------------------------------------------------- entry


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its usage error (or the help)
        return 2 if exc.code else 0
    try:
        if args.command in (CLEAN, CHECK, FIX):
            return run_batch(args, args.command)
        if args.command == "rules":
            return run_rules(args)
        return run_explain(args)
    except CleantextError as exc:
        print(f"cleantext: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cleantext: interrupted; files already written are complete, the others untouched", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    sys.exit(main())
