"""Compare language identifiers on short paragraphs: accuracy and speed, side by side.

Short text is what cleantext asks about: a tweet inside an article, a teaser, a headline.
The labelled sample is the non-English paragraphs (20-200 characters) of the gold texts in
a benchmark folder laid out like ../shared/bench (label: the page's language), plus the
project's own seed fixtures (label: the document's language from its gold file).

    python benchmarks/langid_choice.py [--bench ../shared/bench] [--per-lang 150]

Candidates that are not installed are skipped.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sample(bench: Path, per_lang: int) -> list[tuple[str, str]]:
    by_lang: dict[str, list[str]] = defaultdict(list)
    for gold in sorted((ROOT / "fixtures" / "seeds").glob("*.gold.json")):
        meta = json.loads(gold.read_text(encoding="utf-8"))
        text = (gold.parent / meta["source"]).read_text(encoding="utf-8").split("\n")
        for n in meta["lines"].get("body", []):
            line = text[n - 1].strip()
            if 20 <= len(line) <= 200:
                by_lang[meta["language"]].append(line)
    if bench.is_dir():
        for ds in sorted(p for p in bench.iterdir() if (p / "gold.jsonl").is_file()):
            for raw in (ds / "gold.jsonl").open(encoding="utf-8"):
                rec = json.loads(raw)
                if not rec.get("lang") or rec["lang"] == "en":
                    continue
                for para in (rec.get("text") or "\n".join(rec.get("with") or [])).split("\n"):
                    para = para.strip()
                    if 20 <= len(para) <= 200:
                        by_lang[rec["lang"]].append(para)
    rng = random.Random(0)
    out = []
    for lang, paras in sorted(by_lang.items()):
        rng.shuffle(paras)
        out += [(lang, p) for p in paras[:per_lang]]
    return out


def candidates():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE)
        yield "py3langid", lambda t: ident.classify(t)[0]
    except ImportError:
        pass
    try:
        import pycld2

        def cld2(t):
            ok, _, details = pycld2.detect(t)
            return details[0][1] if ok else "un"

        yield "pycld2", cld2
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        for name, builder in (
            ("lingua (low accuracy)", LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()),
            ("lingua", LanguageDetectorBuilder.from_all_languages()),
        ):
            det = builder.build()

            def run(t, det=det):
                lang = det.detect_language_of(t)
                return lang.iso_code_639_1.name.lower() if lang else "un"

            yield name, run
    except ImportError:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--per-lang", type=int, default=150)
    args = ap.parse_args()
    data = sample(args.bench, args.per_lang)
    langs = Counter(lang for lang, _ in data)
    print(f"{len(data)} paragraphs, {len(langs)} languages: {dict(sorted(langs.items()))}")
    print(f"{'detector':24} {'accuracy':>8} {'macro acc':>9} {'paras/s':>9} {'first call s':>12}")
    for name, detect in candidates():
        t0 = time.perf_counter()
        detect("warm up the model")
        first = time.perf_counter() - t0
        hits: Counter = Counter()
        t0 = time.perf_counter()
        for lang, text in data:
            hits[lang] += detect(text) == lang
        dt = time.perf_counter() - t0
        acc = sum(hits.values()) / len(data)
        macro = sum(hits[lang] / n for lang, n in langs.items()) / len(langs)
        print(f"{name:24} {acc:8.3f} {macro:9.3f} {len(data) / dt:9.0f} {first:12.2f}")


if __name__ == "__main__":
    main()
