"""Noisy dumps: a page as a simple scraper gives it (every heading, paragraph, list item and
table cell in order, menus, related lists and footers included), one block per line. How much
of the article body do the methods recover from it?

  cleantext        cleantext.clean(dump, page_dump=True)
  cleantext-plain  cleantext.clean(dump): the settings for extracted text, for comparison
  justext          jusText on the same blocks (each line a <p>), with the language's stoplist
  trafilatura      trafilatura.extract on the HTML (include_comments=False): the reference,
                   which sees the markup the dump has lost
  dump             the dump itself (what a scraper hands over)

Scores as in html_eval.py: token P/R/F1 per page with gold text, snippet with-recall and
without-leak, per dataset and (with --by-lang) per language.

    python benchmarks/dump_eval.py [--bench ../shared/bench] [--datasets ...] [--max-docs N]
                                   [--by-lang] [--write-dumps DIR]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_eval import DEFAULT_BENCH, datasets, load, print_scores, run_methods  # noqa: E402

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "blockquote", "pre", "figcaption",
          "caption", "div", "section", "article", "header", "footer", "nav", "aside", "main", "ul", "ol", "table",
          "tr", "form", "figure", "address", "br", "hr", "body"}
# <noscript> stays: a scraper's get_text keeps its text, and forum software (Discourse) serves a
# thread's posts there, to readers without JavaScript.
SKIP = {"script", "style", "template", "svg", "head", "iframe", "select", "option", "button", "title"}


def page_dump(html: bytes) -> str:
    """All the page's text in document order, a line break at every block boundary and <br>,
    white space collapsed, empty lines dropped: what a simple scraper (get_text with block
    separators) hands over, menus, related lists and footers included. Bytes are decoded as a
    scraper would (the page's charset, else a guess), by trafilatura's decoder."""
    import lxml.etree
    import lxml.html
    from trafilatura.utils import decode_file

    try:
        root = lxml.html.fromstring(decode_file(html))
    except Exception:  # noqa: BLE001 - an unparsable page dumps to nothing
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush():
        text = " ".join(" ".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    skipping = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP or skipping:
                skipping += 1
                continue
            if tag in BLOCKS:
                flush()
            if el.text:
                current.append(el.text)
        else:
            if skipping:
                skipping -= 1
                if skipping:
                    continue
            elif tag in BLOCKS:
                flush()
            if el.tail:
                current.append(el.tail)
    flush()
    return "\n".join(lines) + ("\n" if lines else "")


def with_dumps(records, dataset: str, write_to: Path | None):
    for rec in records:
        rec["dump"] = page_dump(rec["html_bytes"])
        if write_to:
            out = write_to / dataset / f"{rec['id']}.txt"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(rec["dump"], encoding="utf-8")
        yield rec


def make_methods(names: list[str]):
    import justext
    import trafilatura

    import cleantext
    from cleantext.stopwords import JUSTEXT_NAMES

    dump_cleaner = cleantext.Cleaner(page_dump=True)
    plain = cleantext.Cleaner()

    def jt(rec):
        name = JUSTEXT_NAMES.get(rec.get("lang") or "en", "English")
        stoplist = justext.get_stoplist(name) if name in justext.get_stoplists() else frozenset()
        blocks = "".join(f"<p>{_escape(line)}</p>" for line in rec["dump"].split("\n") if line)
        paras = justext.justext(f"<html><body>{blocks}</body></html>".encode("utf-8"), stoplist)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    table = {
        "cleantext": lambda rec: dump_cleaner.clean(rec["dump"]),
        "cleantext-plain": lambda rec: plain.clean(rec["dump"]),
        "justext": jt,
        "trafilatura": lambda rec: trafilatura.extract(rec["html_bytes"], url=rec.get("url"), include_comments=False) or "",
        "dump": lambda rec: rec["dump"],
    }
    return {n: table[n] for n in names}


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--datasets", nargs="+")
    ap.add_argument("--methods", nargs="+", default=["cleantext", "justext", "trafilatura", "dump"])
    ap.add_argument("--max-docs", type=int)
    ap.add_argument("--by-lang", action="store_true")
    ap.add_argument("--write-dumps", type=Path, metavar="DIR", help="also write each page's dump as DIR/<dataset>/<id>.txt")
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        print(f"no benchmark folder at {args.bench}", file=sys.stderr)
        return 2
    methods = make_methods(args.methods)
    summary = {}
    for ds in args.datasets or datasets(args.bench):
        rows, by_lang = run_methods(methods, with_dumps(load(args.bench, ds, args.max_docs), ds, args.write_dumps))
        summary[ds] = rows
        print_scores(f"{ds} (dumps)", rows, by_lang if args.by_lang else {})
    if "cleantext" in methods and "justext" in methods:
        for ds, rows in summary.items():
            a, b = rows["cleantext"], rows["justext"]
            key = "F1" if "F1" in a else "snippet_F1"
            print(f"{ds}: cleantext {key} {a[key]:.4f} vs jusText {b[key]:.4f} ({a[key] - b[key]:+.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
