"""Extraction benchmark: cleantext against trafilatura and jusText, side by side, in one run.

Reads a benchmark folder in the format of ../shared/bench (any folder laid out the same way:
<dataset>/gold.jsonl with id, url, lang, text, with, without per page, and
<dataset>/pages/<id>.html.gz) and prints, per dataset and per language:
  - token precision / recall / F1 (macro over pages with gold text; lowercase \\w+ tokens,
    one token per CJK character),
  - `with` snippet recall, `without` snippet leak and snippet F1 (summed over pages),
  - documents per second of each method's own time.

Methods:
  cleantext        cleantext.clean_html(html_bytes, url=url)   (trafilatura inside, then cleaning)
  cleantext-jt     cleantext.clean_html(..., backend="justext")
  traf             trafilatura.extract(html) with its defaults
  traf_nocomm      trafilatura.extract(html, include_comments=False)
  traf+clean       cleantext.clean(trafilatura's include_comments=False output): the plain-text path
  justext          jusText with the stoplist of the page's language (English when unknown)

    python benchmarks/html_eval.py [--bench ../shared/bench] [--datasets ...] [--methods ...]
                                   [--max-docs N] [--by-lang] [--json out.json]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile("[" + _CJK + "]|[^\\W" + _CJK + "]+")


# --------------------------------------------------------------------------- data and scores


def datasets(bench: Path) -> list[str]:
    return sorted(p.name for p in bench.iterdir() if (p / "gold.jsonl").is_file())


def load(bench: Path, dataset: str, max_docs: int | None):
    with open(bench / dataset / "gold.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if max_docs is not None and i >= max_docs:
                return
            rec = json.loads(line)
            rec["html_bytes"] = gzip.decompress((bench / dataset / "pages" / f"{rec['id']}.html.gz").read_bytes())
            yield rec


def tokens(text: str) -> list[str]:
    return _TOKEN.findall((text or "").lower())


def bow_prf(pred: str, gold: str | None):
    if not gold:
        return None
    g = Counter(tokens(gold))
    if not g:
        return None
    p = Counter(tokens(pred))
    if not p:
        return 0.0, 0.0, 0.0
    hit = sum((p & g).values())
    P, R = hit / sum(p.values()), hit / sum(g.values())
    return P, R, (2 * P * R / (P + R) if hit else 0.0)


def _ws(s: str) -> str:
    return " ".join((s or "").split())


def snippets(pred: str, withs, withouts) -> tuple[int, int, int, int]:
    out = _ws(pred)
    w = [s for s in map(_ws, withs or []) if s]
    wo = [s for s in map(_ws, withouts or []) if s]
    found = sum(s in out for s in w)
    leaked = sum(s in out for s in wo)
    return found, len(w), leaked, len(wo)


class Score:
    def __init__(self):
        self.prf: list[tuple[float, float, float]] = []
        self.found = self.withs = self.leaked = self.withouts = 0
        self.seconds = 0.0
        self.docs = 0

    def add(self, pred: str, rec: dict, seconds: float) -> None:
        self.docs += 1
        self.seconds += seconds
        prf = bow_prf(pred, rec.get("text"))
        if prf is not None:
            self.prf.append(prf)
        f, w, l, wo = snippets(pred, rec.get("with"), rec.get("without"))
        self.found += f
        self.withs += w
        self.leaked += l
        self.withouts += wo

    def row(self) -> dict:
        n = len(self.prf)
        out = {"docs": self.docs, "docs_per_s": self.docs / self.seconds if self.seconds else 0.0}
        if n:
            out.update(P=sum(x[0] for x in self.prf) / n, R=sum(x[1] for x in self.prf) / n, F1=sum(x[2] for x in self.prf) / n)
        if self.withs or self.withouts:
            recall = self.found / self.withs if self.withs else 0.0
            precision = self.found / (self.found + self.leaked) if self.found + self.leaked else 0.0
            out.update(
                with_recall=recall,
                without_leak=self.leaked / self.withouts if self.withouts else 0.0,
                snippet_F1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            )
        return out


# --------------------------------------------------------------------------- methods


def make_methods(names: list[str]):
    import trafilatura

    import cleantext

    cleaner = cleantext.Cleaner()

    def traf_default(rec):
        return trafilatura.extract(rec["html_bytes"], url=rec.get("url")) or ""

    def traf_nocomm(rec):
        return trafilatura.extract(rec["html_bytes"], url=rec.get("url"), include_comments=False) or ""

    def ct(rec):
        from cleantext.html import clean_html_with

        return clean_html_with(cleaner, rec["html_bytes"], url=rec.get("url")).text

    def ct_justext(rec):
        from cleantext.html import clean_html_with

        return clean_html_with(cleaner, rec["html_bytes"], url=rec.get("url"), backend="justext").text

    def traf_clean(rec):
        return cleaner.clean(traf_nocomm(rec))

    def jt(rec):
        import justext

        from cleantext.stopwords import JUSTEXT_NAMES

        name = JUSTEXT_NAMES.get(rec.get("lang") or "en", "English")
        if name in justext.get_stoplists():
            paras = justext.justext(rec["html_bytes"], justext.get_stoplist(name))
        else:
            paras = justext.justext(rec["html_bytes"], frozenset(), length_low=20, length_high=60, stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    table = {
        "cleantext": ct, "cleantext-jt": ct_justext, "traf": traf_default, "traf_nocomm": traf_nocomm,
        "traf+clean": traf_clean, "justext": jt,
    }
    unknown = sorted(set(names) - set(table))
    if unknown:
        raise SystemExit(f"unknown method(s) {unknown}; known: {sorted(table)}")
    return {name: table[name] for name in names}


# --------------------------------------------------------------------------- report


def fmt(value, digits=3):
    return "" if value is None else f"{value:.{digits}f}"


def print_table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    print(f"{'method':14} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'with-R':>7} {'w/o-leak':>8} {'snip-F1':>7} {'docs/s':>7}")
    for method, r in rows.items():
        print(
            f"{method:14} {r['docs']:>5} {fmt(r.get('P')):>6} {fmt(r.get('R')):>6} {fmt(r.get('F1')):>6} "
            f"{fmt(r.get('with_recall')):>7} {fmt(r.get('without_leak')):>8} {fmt(r.get('snippet_F1')):>7} {r['docs_per_s']:>7.1f}"
        )


def run_methods(methods: dict, records) -> tuple[dict, dict]:
    """Every method on every record, timed: (rows per method, {lang: rows per method})."""
    scores = {m: Score() for m in methods}
    by_lang: dict = defaultdict(lambda: {m: Score() for m in methods})
    for rec in records:
        for name, fn in methods.items():
            t0 = time.perf_counter()
            pred = fn(rec)
            dt = time.perf_counter() - t0
            scores[name].add(pred, rec, dt)
            by_lang[rec.get("lang") or "?"][name].add(pred, rec, dt)
    return ({m: s.row() for m, s in scores.items()},
            {lang: {m: s.row() for m, s in d.items()} for lang, d in by_lang.items()})


def print_scores(title: str, rows: dict, by_lang: dict) -> None:
    print_table(f"== {title}", rows)
    for lang, d in sorted(by_lang.items(), key=lambda kv: -next(iter(kv[1].values()))["docs"]):
        print_table(f"-- {title} [{lang}]", d)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--datasets", nargs="+")
    ap.add_argument("--methods", nargs="+", default=["cleantext", "traf", "traf_nocomm", "traf+clean", "justext"])
    ap.add_argument("--max-docs", type=int)
    ap.add_argument("--by-lang", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        print(f"no benchmark folder at {args.bench}", file=sys.stderr)
        return 2
    methods = make_methods(args.methods)
    results: dict = {}
    for ds in args.datasets or datasets(args.bench):
        rows, by_lang = run_methods(methods, load(args.bench, ds, args.max_docs))
        results[ds] = {"all": rows, "by_lang": by_lang}
        print_scores(ds, rows, by_lang if args.by_lang else {})
        if "cleantext" in rows and "traf_nocomm" in rows:
            ratio = rows["traf_nocomm"]["docs_per_s"] / rows["cleantext"]["docs_per_s"] if rows["cleantext"]["docs_per_s"] else 0
            print(f"time of clean_html / time of trafilatura (include_comments=False): {ratio:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
