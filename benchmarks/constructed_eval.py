"""Constructed multilingual sets: cleantext on fixtures/constructed and fixtures/heldout, line by line.

Each file there is an annotated page extraction (see fixtures/constructed/README.md): the
lines of the text a scraper gave, each labelled T (headline), B (body), N (noise) or O
(optional), one document per language of the rule packs, written for this purpose by people
who had not read the rules. The misses on `constructed` were then studied and the rules and
heuristics improved; `heldout` was written afterwards and is only measured, so its figures say
how the rules meet phrasing they were not written from. Scored as the seeds are: lines are
compared on their letters and digits (case-folded, NFKC); a body line must be kept, the
headline kept once, a noise line gone (a verbatim repeat of the headline counts as gone when
the headline stands once, as tests/test_seeds.py has it for the seeds).

    python benchmarks/constructed_eval.py [--set constructed|heldout] [--dir DIR] [--show]   (--show: every miss)

--dir scores the annotated files of another folder instead (a new round before it joins a set,
or your own documents in the same format).
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"constructed": ROOT / "fixtures" / "constructed", "heldout": ROOT / "fixtures" / "heldout"}
LABELS = {"T": "title", "B": "body", "N": "noise", "O": "optional"}
# Keys shorter than this must match a whole output line (as the seeds' score.py has it).
SHORT = 25


@dataclass
class Annotated:
    name: str
    lang: str
    note: str
    text: str                 # the page extraction, as a scraper gave it
    labels: dict[int, str]    # 1-based line number -> title | body | noise | optional
    folder: str = ""          # the set it belongs to


def read_annotated(path: Path) -> Annotated:
    lines = path.read_text(encoding="utf-8").split("\n")
    if len(lines) < 3 or not lines[0].startswith("# lang: ") or not lines[1].startswith("# note: "):
        raise ValueError(f"{path.name}: the first two lines must be '# lang: ' and '# note: '")
    text, labels = [], {}
    for n, line in enumerate(lines[2:], 1):
        if not line:
            text.append("")
            continue
        label, sep = line[:1], line[1:3]
        if label not in LABELS or sep != "| ":
            raise ValueError(f"{path.name}: line {n + 2} does not start with T| , B| , N| or O| ")
        text.append(line[3:])
        labels[n] = LABELS[label]
    while text and not text[-1]:
        text.pop()
    return Annotated(path.stem, lines[0][8:].strip(), lines[1][8:].strip(), "\n".join(text) + "\n", labels, path.parent.name)


def documents(name: str | None = None) -> list[Annotated]:
    """The documents of one set, or of every set."""
    folders = [SETS[name]] if name else list(SETS.values())
    return [read_annotated(p) for folder in folders for p in sorted(folder.glob("*.txt"))]


def key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def score(doc: Annotated, output: str) -> dict:
    """Lines lost, left and repeated, as the seeds are scored."""
    source = doc.text.split("\n")
    whole = key(output)
    out_lines = [k for k in map(key, output.split("\n")) if k]

    def count(n: int) -> int:
        k = key(source[n - 1])
        if not k:
            return 0
        return out_lines.count(k) if len(k) < SHORT else whole.count(k)

    by = {kind: [n for n, label in doc.labels.items() if label == kind] for kind in LABELS.values()}
    lost = [n for n in by["body"] if count(n) == 0]
    # A noise line repeating the headline verbatim is gone when the headline stands once (its
    # letters are the headline's, so they are in the output): "title" below says if it is not.
    titles = {key(source[n - 1]) for n in by["title"]}
    left = [n for n in by["noise"] if count(n) > 0 and key(source[n - 1]) not in titles]
    # The headline's letters inside a kept body paragraph ("… muzejā atklāta izstāde “Papīra
    # ceļi…”" under "Muzejā atklāta izstāde “Papīra ceļi…”") are the body's words, not a copy.
    kept_body = [key(source[n - 1]) for n in by["body"] if n not in lost]

    def copies(n: int) -> int:
        k = key(source[n - 1])
        inside_body = sum(b.count(k) for b in kept_body) if len(k) >= SHORT else 0
        return count(n) - inside_body

    title = [n for n in by["title"] if copies(n) != 1]
    return {"body": len(by["body"]), "noise": len(by["noise"]), "lost": lost, "left": left, "title": title,
            "perfect": not (lost or left or title)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS), help="one set (default: each in turn)")
    ap.add_argument("--dir", type=Path, help="score the annotated files of this folder instead")
    ap.add_argument("--show", action="store_true", help="print every line lost or left")
    args = ap.parse_args(argv)
    sets = {args.dir.name: args.dir} if args.dir else SETS
    sys.path.insert(0, str(ROOT))
    import cleantext

    for name in [args.set] if args.set and not args.dir else list(sets):
        docs = [read_annotated(p) for p in sorted(sets[name].glob("*.txt"))]
        if not docs:
            print(f"no documents in {sets[name]}", file=sys.stderr)
            continue
        rows = [(doc, result, score(doc, result.text)) for doc in docs for result in [cleantext.clean_and_explain(doc.text)]]
        print(f"\n== {name}\n| document | lang (detected) | body kept | noise removed | headline once |")
        print("|---|---|---:|---:|---|")
        body = noise = lost = left = perfect = 0
        for doc, result, s in rows:
            kept = (s["body"] - len(s["lost"])) / s["body"] if s["body"] else 1.0
            gone = (s["noise"] - len(s["left"])) / s["noise"] if s["noise"] else 1.0
            print(f"| {doc.name} | {doc.lang} ({result.lang}) | {kept:.3f} | {gone:.3f} | {'yes' if not s['title'] else 'no'} |")
            body, noise, lost, left = body + s["body"], noise + s["noise"], lost + len(s["lost"]), left + len(s["left"])
            perfect += s["perfect"]
        print(f"\n{name}: {len(rows)} documents, {perfect} perfect; body lines kept {(body - lost) / body:.4f} "
              f"({lost} of {body} lost); noise lines removed {(noise - left) / noise:.4f} ({left} of {noise} left)")
        if args.show:
            for doc, _, s in rows:
                source = doc.text.split("\n")
                for kind in ("lost", "left", "title"):
                    for n in s[kind]:
                        print(f"{doc.name}:{n}: {kind}: {source[n - 1][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
