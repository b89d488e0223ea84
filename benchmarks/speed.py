"""Speed benchmark: cleantext against ftfy, jusText and trafilatura, side by side, in one run.

All methods see the same input in the same process, one core each, taking turns a block of
documents at a time over three rounds (each one's best round counts), so the ratios hold on any
machine. The text corpus is the bundled fixtures plus, when ../shared/bench (or --bench) is
present, every gold text in it; the HTML corpus is the benchmark's pages.

  text    cleantext.clean           the whole pipeline: normalization, language, rules, heuristics
                                    (first pass of a process; documents it has not seen, in a
                                    warm process; the steady rate, the corpus cleaned again)
          ftfy.fix_text             encoding repair alone, default settings
          jusText                   the same paragraphs as <p> elements, with the language's stoplist
  html    cleantext.clean_html      trafilatura extraction, then cleaning
          trafilatura.extract       include_comments=False, the extraction clean_html runs
  batch   cleantext clean --jobs 1 and --jobs 2 on a folder of the corpus's texts, three times
          over, and two --jobs 1 processes at once, one on each half of it (wall time, start-up
          included; five runs of the three: the best of each, and the medians of the speed-ups)
  memory  peak RSS of `cleantext clean FILE.jsonl -o DIR --jobs 1` on JSONL of two sizes
  langs   cleantext.clean per language, on documents built from each rule pack's sample article
          and its remove and keep examples, in characters per second, against English

    python benchmarks/speed.py [--bench ../shared/bench] [--repeat 3] [--max-pages 400]
                               [--batch-runs 5] [--memory-mb 10 100] [--skip batch memory]
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def text_corpus(bench: Path) -> list[tuple[str, str | None]]:
    """(text, language or None) per document."""
    from constructed_eval import SETS, documents

    docs = [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "fixtures").rglob("*.txt"))
            if not any(folder in p.parents for folder in SETS.values())]  # annotated: their texts come without labels
    docs += [(doc.text, doc.lang) for doc in documents()]
    if bench.is_dir():
        for gold in sorted(bench.glob("*/gold.jsonl")):
            for line in gold.open(encoding="utf-8"):
                rec = json.loads(line)
                if rec.get("text"):
                    docs.append((rec["text"], rec.get("lang")))
    return docs


def html_corpus(bench: Path, max_pages: int) -> list[bytes]:
    pages = sorted(bench.glob("*/pages/*.html.gz")) if bench.is_dir() else []
    step = max(1, len(pages) // max_pages) if max_pages else 1
    return [gzip.decompress(p.read_bytes()) for p in pages[::step][:max_pages or None]]


def take_turns(methods, repeat: int, block: int) -> dict[str, float]:
    """Best round of each (name, fn, items), for `repeat` rounds; the methods' items are the
    same documents in the same order. The documents go in blocks of `block` to every method in
    turn (the order rotating from one block to the next), so a drift in this machine's speed,
    which moves by a third within minutes, falls on all the methods alike. Taking turns by whole
    passes left the ratios to the drift: on the same code, clean_html measured 0.78x
    trafilatura's time in one run and 0.98x in the next; in blocks, 1.06x and 1.14x. A block is
    a fraction of a second of work, long enough for each method to have its own data in the
    processor's caches again, as it would running alone: document by document, each would find
    the other's there (cleantext.clean then measured 1.33x ftfy's speed, against 1.5x)."""
    if len({len(items) for _, _, items in methods}) > 1:
        raise ValueError("the methods must be given the same documents")
    names = [name for name, _, _ in methods]
    best = dict.fromkeys(names, float("inf"))
    size = len(methods[0][2])
    for _ in range(repeat):
        spent = dict.fromkeys(names, 0.0)
        for n, first in enumerate(range(0, size, block)):
            for k in range(len(methods)):
                name, fn, items = methods[(n + k) % len(methods)]
                spent[name] += timed(fn, items[first:first + block], 1)
        for name, seconds in spent.items():
            best[name] = min(best[name], seconds)
    return best


# Documents per turn: a fraction of a second of work each (see take_turns).
TEXT_BLOCK = 64
HTML_BLOCK = 8


def timed(fn, items, repeat: int) -> float:
    """Best of `repeat` passes over the items, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - start)
    return best


def justext_runner():
    import justext

    stoplists = {}

    def run(doc):
        text, lang = doc
        from cleantext.stopwords import JUSTEXT_NAMES

        name = JUSTEXT_NAMES.get(lang or "en", "English")
        if name not in stoplists:
            stoplists[name] = justext.get_stoplist(name) if name in justext.get_stoplists() else frozenset()
        html = "<html><body>" + "".join(f"<p>{_escape(p)}</p>" for p in text.split("\n") if p.strip()) + "</body></html>"
        return justext.justext(html.encode("utf-8"), stoplists[name])

    return run


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run_text(docs, repeat: int) -> list[tuple[str, float, float]]:
    import ftfy

    import cleantext

    cleaner = cleantext.Cleaner()
    size = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
    texts = [t for t, _ in docs]
    # The first pass pays once per process for loading the language model, compiling each
    # language's rules on first use and filling the per-opening rule cache; a corpus of
    # millions of documents runs at the steady rate of the passes after it.
    first = timed(cleaner.clean, texts, 1)
    rows = [("cleantext.clean, first pass", size / first, len(docs) / first)]
    unseen = min(timed_unseen(texts) for _ in range(repeat))
    rows.append(("cleantext.clean, unseen documents, warm process", size / unseen, len(docs) / unseen))
    best = take_turns((
        ("cleantext.clean", cleaner.clean, texts),
        ("ftfy.fix_text", ftfy.fix_text, texts),
        ("jusText (same paragraphs)", justext_runner(), docs),
    ), repeat, TEXT_BLOCK)
    rows += [(name, size / seconds, len(docs) / seconds) for name, seconds in best.items()]
    return rows


def timed_unseen(texts: list[str], package=None) -> float:
    """Seconds to clean every text once in a process warmed up on other texts: a Cleaner
    warmed on every other text cleans the rest, and one warmed on the rest cleans those. The
    steady rate (the corpus cleaned again) also finds each paragraph's opening in the caches,
    which a corpus of new documents does only for the openings they share; this is what a long
    run over new documents sees. The openings kept in the user's cache (opening_cache) are left
    out here: earlier runs of this benchmark put every text's openings there. `package`: the
    cleantext package to time (against_commit passes a commit's), this one by default."""
    if package is None:
        import cleantext as package
    opening_cache = importlib.import_module(f"{package.__name__}.opening_cache")

    seconds = 0.0
    kept = opening_cache.entry_path
    opening_cache.entry_path = lambda *args: None
    try:
        for warm, measured in ((texts[0::2], texts[1::2]), (texts[1::2], texts[0::2])):
            cleaner = package.Cleaner()
            for text in warm:
                cleaner.clean(text)
            seconds += timed(cleaner.clean, measured, 1)
    finally:
        opening_cache.entry_path = kept
    return seconds


def run_html(pages, repeat: int) -> list[tuple[str, float, float]]:
    import trafilatura

    import cleantext

    cleaner = cleantext.Cleaner()
    from cleantext.html import clean_html_with

    for page in pages[:10]:
        clean_html_with(cleaner, page)
    best = take_turns((
        ("cleantext.clean_html", lambda page: clean_html_with(cleaner, page), pages),
        ("trafilatura.extract", lambda page: trafilatura.extract(page, include_comments=False), pages),
    ), repeat, HTML_BLOCK)
    return [(name, seconds, len(pages) / seconds) for name, seconds in best.items()]


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "cleantext", *map(str, args)]


def run_batch(docs, tmp: Path, copies: int, runs: int) -> tuple[list[tuple[str, float]], float, float]:
    """Wall time of the command over a folder holding the corpus `copies` times (start-up
    costs the same however big the batch: a larger one shows the throughput): --jobs 1, --jobs
    2, and, for what two cores of the machine give on this work, two --jobs 1 processes at once,
    each on half the folder (the files dealt out 32 at a time, as the pool deals its tasks).
    The three take turns, `runs` times, each run's order rotating; the best of each, and the
    medians of each run's speed-ups over --jobs 1 (of --jobs 2, of the halves). The runs of one turn
    follow each other and share the machine's speed of the moment: the best of each alone may
    come from different moments (in two runs of three pairs each, 1.95x and 1.59x)."""
    from cleantext.cli import FILES_PER_TASK  # as `cleantext clean` deals files to its workers

    folder, halves = tmp / "corpus", (tmp / "half0", tmp / "half1")
    for f in (folder, *halves):
        f.mkdir()
    dealt = 0
    for c in range(copies):
        for i, (text, _) in enumerate(docs):
            path = folder / f"{c}-{i:06d}.txt"
            path.write_text(text, encoding="utf-8")
            os.link(path, halves[(dealt // FILES_PER_TASK) % 2] / path.name)
            dealt += 1
    commands = {
        "cleantext clean --jobs 1": lambda out: [cli("clean", folder, "-o", out, "--jobs", 1, "-q")],
        "cleantext clean --jobs 2": lambda out: [cli("clean", folder, "-o", out, "--jobs", 2, "-q")],
        "two cleantext clean --jobs 1 at once, one on each half": lambda out: [
            cli("clean", half, "-o", out, "--jobs", 1, "-q") for half in halves],
    }
    names = list(commands)
    best = dict.fromkeys(names, float("inf"))
    speedups, ceilings = [], []
    for run in range(runs):
        seconds = {}
        for name in names[run % 3:] + names[:run % 3]:
            # The disk first takes in what was written so far (the corpus, earlier outputs):
            # its write-back would otherwise land, at random, in one run's time.
            os.sync()
            start = time.perf_counter()
            procs = [subprocess.Popen(c) for c in commands[name](tmp / f"out{names.index(name)}-{run}")]
            if any([p.wait() for p in procs]):  # a list: every process is waited for
                raise SystemExit(f"{name} failed")
            seconds[name] = time.perf_counter() - start
            best[name] = min(best[name], seconds[name])
        one, two, both = (seconds[n] for n in names)
        speedups.append(one / two)
        ceilings.append(one / both)
    return list(best.items()), statistics.median(speedups), statistics.median(ceilings)


_PEAK = (
    "import resource, runpy, sys\n"
    "sys.argv = ['cleantext'] + sys.argv[1:]\n"
    "try:\n    runpy.run_module('cleantext', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def run_memory(docs, tmp: Path, sizes_mb: list[int]) -> list[tuple[str, float, float]]:
    """Peak resident memory of a --jobs 1 run over JSONL files of the given sizes (the corpus's
    records, repeated): streaming must keep it flat as the input grows."""
    rows = []
    records = [json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, (t, _) in enumerate(docs)]
    for mb in sizes_mb:
        path = tmp / f"corpus-{mb}mb.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            written, i = 0, 0
            while written < mb * 1_000_000:
                written += fh.write(records[i % len(records)])
                i += 1
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _PEAK, "clean", path, "-o", tmp / f"mem{mb}", "--jobs", "1", "-q"],
                              capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - start
        peak_mb = int(proc.stderr.strip().splitlines()[-1]) / 1024
        rows.append((f"{mb} MB JSONL", peak_mb, path.stat().st_size / 1e6 / seconds))
        path.unlink()
    return rows


# Each language's documents hold about this many bytes: a document's fixed costs (its language
# sample, its set-up) would otherwise weigh on the languages whose examples are short.
LANGUAGE_DOC_BYTES = 2500
LANGUAGE_ROUNDS = 7


def language_documents(copies: int = 20) -> dict[str, list[str]]:
    """Per rule-pack language, documents of its sample article with its rules' examples set
    between the paragraphs, each example in turn, up to LANGUAGE_DOC_BYTES: the same shape and
    size in every language."""
    from cleantext.rules import RuleBook

    docs = {}
    for f in RuleBook.load().files:
        if f.code == "common":
            continue
        examples = [x for r in f.rules for x in r.remove + r.keep]
        out = []
        for k in range(copies):
            chunk, size = [], sum(len(p.encode("utf-8")) + 2 for p in f.sample)
            for i in range(k, k + copies * len(examples), copies):
                if size >= LANGUAGE_DOC_BYTES:
                    break
                chunk.append(examples[i % len(examples)])
                size += len(chunk[-1].encode("utf-8")) + 2
            paras = list(f.sample[:1]) + chunk[: len(chunk) // 2] + list(f.sample[1:]) + chunk[len(chunk) // 2:]
            out.append("\n\n".join(paras) + "\n")
        docs[f.code] = out
    return docs


def run_langs(repeat: int) -> list[tuple[str, float, float]]:
    """(language, characters per second, UTF-8 bytes per second)."""
    import cleantext

    cleaner = cleantext.Cleaner()
    docs_by_lang = sorted(language_documents().items())
    for _, docs in docs_by_lang:
        for d in docs[:3]:
            cleaner.clean(d)
    # The languages take turns, round after round, each one's best pass counting (a pass is a
    # few hundredths of a second): a burst of load on the machine then slows one pass of every
    # language, not every pass of one.
    best = take_turns([(lang, cleaner.clean, docs) for lang, docs in docs_by_lang], max(repeat, LANGUAGE_ROUNDS),
                      len(docs_by_lang[0][1]))
    return [(lang, sum(map(len, docs)) / best[lang], sum(len(d.encode("utf-8")) for d in docs) / best[lang])
            for lang, docs in docs_by_lang]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--repeat", type=int, default=3, help="rounds in which the text and HTML methods take turns, a block of documents at a time; each one's best round counts")
    ap.add_argument("--max-pages", type=int, default=400, help="HTML pages to time (spread over the datasets)")
    ap.add_argument("--batch-copies", type=int, default=3, help="copies of the corpus in the batch folder")
    ap.add_argument("--batch-runs", type=int, default=5, help="runs of --jobs 1, --jobs 2 and two processes on halves; the best of each, and the medians of the speed-ups")
    ap.add_argument("--memory-mb", type=int, nargs="+", default=[10, 100], help="JSONL sizes for the memory test")
    ap.add_argument("--skip", nargs="*", default=[], choices=["text", "html", "batch", "memory", "langs"])
    args = ap.parse_args(argv)

    docs = text_corpus(args.bench)
    size = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
    print(f"text corpus: {len(docs)} documents, {size:.1f} MB; Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")

    if "text" not in args.skip:
        rows = run_text(docs, args.repeat)
        base = rows[2][1]  # the steady rate; the first pass and unseen documents shown for what they cost
        print("| plain text, one core | MB/s | docs/s | cleantext (steady) is |\n|---|---:|---:|---:|")
        for name, mbs, dps in rows:
            print(f"| {name} | {mbs:.2f} | {dps:.0f} | {base / mbs:.2f}x as fast |")
        print()
    if "html" not in args.skip:
        pages = html_corpus(args.bench, args.max_pages)
        if pages:
            rows = run_html(pages, args.repeat)
            print(f"| HTML, {len(pages)} pages, one core | seconds | pages/s |\n|---|---:|---:|")
            for name, seconds, pps in rows:
                print(f"| {name} | {seconds:.2f} | {pps:.1f} |")
            print(f"\nclean_html takes {rows[0][1] / rows[1][1]:.2f}x trafilatura's time\n")
    if "langs" not in args.skip:
        rows = run_langs(args.repeat)
        en = next(r for r in rows if r[0] == "en")
        print("| language | k chars/s | MB/s | English's time / this one's, per character | per byte |\n|---|---:|---:|---:|---:|")
        for lang, cps, bps in rows:
            print(f"| {lang} | {cps / 1000:.0f} | {bps / 1e6:.2f} | {cps / en[1]:.2f} | {bps / en[2]:.2f} |")
        for unit, k in (("character", 1), ("byte", 2)):
            slowest = min(rows, key=lambda r: r[k])
            print(f"slowest per {unit}: {slowest[0]}, {en[k] / slowest[k]:.2f}x English's time")
        print()
    with tempfile.TemporaryDirectory() as tmp:
        if "batch" not in args.skip:
            rows, paired, ceiling = run_batch(docs, Path(tmp), args.batch_copies, args.batch_runs)
            print(f"| batch, {len(docs) * args.batch_copies} files, {size * args.batch_copies:.0f} MB | wall seconds |\n|---|---:|")
            for name, seconds in rows:
                print(f"| {name} | {seconds:.2f} |")
            print(f"\n--jobs 2 is {rows[0][1] / rows[1][1]:.2f}x as fast as --jobs 1 (best against best); "
                  f"{paired:.2f}x in the median of the {args.batch_runs} runs. Two processes at once, one on "
                  f"each half, are {rows[0][1] / rows[2][1]:.2f}x as fast (best against best), "
                  f"{ceiling:.2f}x in the median: what two cores give on this machine\n")
        if "memory" not in args.skip:
            rows = run_memory(docs, Path(tmp), args.memory_mb)
            print("| memory, --jobs 1 | peak RSS MB | MB/s |\n|---|---:|---:|")
            for name, peak, mbs in rows:
                print(f"| {name} | {peak:.0f} | {mbs:.2f} |")
            print(f"\npeak memory grows {rows[-1][1] / rows[0][1]:.2f}x from the smallest to the largest input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
