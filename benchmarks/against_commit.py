"""The working tree's cleaning against a commit's, on the speed corpus, in one process.

First every text is cleaned by both, and any difference in the output, the language or the
removals (rule, line, reason, evidence) is counted: a change made for speed must show none.
Then the two, and ftfy as a yardstick, take turns a block of texts at a time, as speed.py's
methods do (take_turns), for a few rounds: this machine's speed moves by a third within
minutes, and only turns this short hold a ratio against it. With --unseen, each round times
instead what speed.py's unseen row does (timed_unseen: fresh Cleaners cleaning each half of
the corpus after warming on the other), the two taking turns, the first to go alternating.

    python benchmarks/against_commit.py HEAD~1 [--rounds 3] [--unseen] [--bench ../shared/bench]
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import DEFAULT_BENCH, TEXT_BLOCK, take_turns, text_corpus, timed_unseen  # noqa: E402

OLD_PACKAGE = "cleantext_at_commit"


def import_commit(rev: str, into: Path):
    """The commit's package, importable beside the working tree's under another name (its
    imports are relative; its rules are found beside it, as in a checkout)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "cleantext", "rules"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "cleantext").rename(into / OLD_PACKAGE)
    sys.path.insert(0, str(into))
    return __import__(OLD_PACKAGE)


def explained(result) -> tuple:
    return result.text, result.lang, [(r.rule_id, r.line, r.reason, r.evidence) for r in result.removals]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", help="the commit to compare with (HEAD~1, a tag, a hash)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--unseen", action="store_true", help="time documents each Cleaner has not seen (speed.timed_unseen)")
    args = ap.parse_args(argv)

    import ftfy

    import cleantext

    texts = [t for t, _ in text_corpus(args.bench)]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        old_package = import_commit(args.rev, Path(tmp))
        old, new = old_package.Cleaner(), cleantext.Cleaner()
        differ = sum(explained(new.clean_and_explain(t)) != explained(old.clean_and_explain(t)) for t in texts)
        print(f"{len(texts)} texts, {size:.1f} MB: {differ} cleaned differently by the working tree and {args.rev}")
        if args.unseen:
            unseen_rounds(texts, size, args.rev, old_package, args.rounds)
            return 0 if not differ else 1
        methods = [("working tree", new.clean, texts), (args.rev, old.clean, texts), ("ftfy.fix_text", ftfy.fix_text, texts)]
        best = {}
        for r in range(args.rounds):  # a round at a time, to show each round's ratio
            spent = take_turns(methods, 1, TEXT_BLOCK)
            best = {n: min(best.get(n, s), s) for n, s in spent.items()}
            print(f"round {r + 1}: " + ", ".join(f"{n} {size / s:.2f} MB/s" for n, s in spent.items())
                  + f"; working tree {spent[args.rev] / spent['working tree']:.3f}x as fast as {args.rev}")
        print(f"best rounds: working tree {best[args.rev] / best['working tree']:.3f}x as fast as {args.rev}, "
              f"{best['ftfy.fix_text'] / best['working tree']:.2f}x as fast as ftfy.fix_text")
    return 0 if not differ else 1


def unseen_rounds(texts: list[str], size: float, rev: str, old_package, rounds: int) -> None:
    import cleantext

    packages = [("working tree", cleantext), (rev, old_package)]
    best: dict[str, float] = {}
    for r in range(rounds):
        spent = {name: timed_unseen(texts, package) for name, package in (packages if r % 2 == 0 else packages[::-1])}
        best = {n: min(best.get(n, s), s) for n, s in spent.items()}
        print(f"round {r + 1}, unseen documents: " + ", ".join(f"{n} {size / spent[n]:.2f} MB/s" for n, _ in packages)
              + f"; working tree {spent[rev] / spent['working tree']:.3f}x as fast as {rev}")
    print(f"best rounds, unseen documents: working tree {best[rev] / best['working tree']:.3f}x as fast as {rev}")


if __name__ == "__main__":
    sys.exit(main())
