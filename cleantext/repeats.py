"""Learning boilerplate from the corpus: lines that many documents of one group (a folder, or
a site in JSONL) share are the site's furniture, whatever language or phrasing they use.

A first pass counts, per group, in how many documents each short line occurs, normalized
(case folded, digits and punctuation dropped, white space collapsed), so "© 2024 Example" and
"© 2025 Example" are one line. Counts are sums over whole documents (a copy of a document
counts once), so the result does not depend on the order of the files. The second pass removes those lines, each explained
with the count behind it; the body guard still restores a long paragraph that fits its
article (syndicated copies of one story repeat body lines too).

Only lines of at most MAX_WORDS words are counted: boilerplate is short, and leaving out long
paragraphs keeps the tables small, whatever the corpus size.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .fileio import FileError, read_text

MAX_WORDS = 25
MIN_LETTERS = 3
RULE_ID = "corpus.repeated-line"
CATEGORY = "repeated"

_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def line_key(line: str) -> bytes | None:
    """The normalized line's digest, or None for lines too short or too long to count."""
    if len(line.split()) > MAX_WORDS:
        return None
    text = _NOT_WORD.sub(" ", _DIGITS.sub("0", unicodedata.normalize("NFKC", line).casefold())).strip()
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


def document_keys(text: str) -> set[bytes]:
    """The distinct keys of a document's lines (a line counts once per document)."""
    return {k for k in map(line_key, text.splitlines()) if k is not None}


def site_of(record: dict) -> str | None:
    url = record.get("url")
    if isinstance(url, str) and "://" in url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


@dataclass
class RepeatCounts:
    """Per group: documents seen, and in how many of them each line key occurs."""

    documents: Counter = field(default_factory=Counter)
    lines: dict[str, Counter] = field(default_factory=dict)
    # Copies of one document count once: their shared lines are its body, not a site's furniture.
    seen: set = field(default_factory=set)

    def add(self, group: str, text: str) -> None:
        keys = document_keys(text)
        digest = (group, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest())
        if digest in self.seen:
            return
        self.seen.add(digest)
        self.documents[group] += 1
        self.lines.setdefault(group, Counter()).update(keys)

    def repeated(self, min_docs: int = 5, min_share: float = 0.1) -> dict[str, "Repeated"]:
        """Per group, the lines found in at least `min_docs` documents and in at least
        `min_share` of the group's documents."""
        out = {}
        for group, counts in self.lines.items():
            need = max(min_docs, min_share * self.documents[group])
            found = {k: n for k, n in counts.items() if n >= need}
            if found:
                out[group] = Repeated(group, self.documents[group], found)
        return out


@dataclass(frozen=True)
class Repeated:
    """What the second pass needs to know about one group."""

    group: str
    documents: int
    keys: dict  # line key -> number of documents it occurs in

    def marks(self, text: str) -> dict[int, tuple[str, str, str, str]]:
        """Cleaner marks (0-based line -> rule id, category, reason, evidence) for the text."""
        out = {}
        for i, line in enumerate(text.splitlines()):
            key = line_key(line)
            n = self.keys.get(key) if key is not None else None
            if n:
                out[i] = (RULE_ID, CATEGORY, f"repeated in {n} of {self.documents} documents of {self.group}",
                          f"the same line, up to case, digits and punctuation, in {n} documents of {self.group}")
        return out


# --------------------------------------------------------------------------- the first pass


def record_group(name: str, record: dict) -> str:
    """A JSONL record's group: its site when it has a URL, else its file."""
    return site_of(record) or name


def text_group(path: Path) -> str:
    """A text file's group: its folder."""
    return str(path.parent)


def count_repeats(inputs, text_field: str) -> RepeatCounts:
    """The first pass over a batch's text files and JSONL (pages and stdin are left out: their
    text is only known after extraction). Streams; keeps only per-group line counts. What
    cannot be read is skipped here and reported by the cleaning pass."""
    counts = RepeatCounts()
    for inp in inputs:
        if inp.path is None or inp.html:
            continue
        try:
            if not inp.jsonl:
                counts.add(text_group(inp.path), read_text(inp.path))
                continue
            with open(inp.path, encoding="utf-8-sig") as fh:
                for raw in fh:
                    try:
                        record = json.loads(raw)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(record, dict) and isinstance(record.get(text_field), str):
                        counts.add(record_group(str(inp.path), record), record[text_field])
        except (FileError, OSError, UnicodeDecodeError):
            continue
    return counts
