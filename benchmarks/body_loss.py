"""How much clean text does cleantext remove? Feed it gold article bodies, which should come
back whole, and count the paragraphs it removes, per rule.

The gold bodies are those of a benchmark folder laid out like ../shared/bench (gold.jsonl
with a "text" field per page). Every removal here is a candidate false positive: some are
arguable (the gold of a few sets keeps "See also" lists, bare links or dates), none should be
body prose.

    python benchmarks/body_loss.py [--bench ../shared/bench] [--datasets scrapinghub wcxb-dev] [--show 3]
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import cleantext

ROOT = Path(__file__).resolve().parents[1]


def gold_texts(bench: Path, datasets: list[str]):
    for ds in datasets:
        path = bench / ds / "gold.jsonl"
        if not path.is_file():
            continue
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("text"):
                yield ds, rec


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--datasets", nargs="+", default=["scrapinghub", "wcxb-dev"])
    ap.add_argument("--show", type=int, default=3, help="examples to print per rule")
    args = ap.parse_args()
    cleaner = cleantext.Cleaner()
    docs = paragraphs = removed = chars = removed_chars = 0
    per_rule: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    t0 = time.perf_counter()
    for _, rec in gold_texts(args.bench, args.datasets):
        result = cleaner.clean_and_explain(rec["text"])
        docs += 1
        paragraphs += sum(1 for line in rec["text"].split("\n") if line.strip())
        chars += len(rec["text"])
        removed += len(result.removals)
        for r in result.removals:
            removed_chars += len(r.text)
            per_rule[r.rule_id] += 1
            if len(examples[r.rule_id]) < args.show:
                examples[r.rule_id].append(r.text[:90])
    dt = time.perf_counter() - t0
    if not docs:
        raise SystemExit(f"no gold texts under {args.bench}")
    print(f"{docs} gold bodies, {paragraphs} paragraphs: {removed} removed "
          f"({removed / paragraphs:.2%} of paragraphs, {removed_chars / chars:.2%} of characters), "
          f"{chars / dt / 1e6:.2f} MB/s")
    for rule_id, n in per_rule.most_common():
        print(f"{n:6}  {rule_id:42} {examples[rule_id]}")


if __name__ == "__main__":
    main()
