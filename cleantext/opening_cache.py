"""Which rules each paragraph opening leaves, kept between processes.

A rule set works out, per opening of a paragraph (its first PREFIX_CHARS characters), which of
its rules could match there (RuleSet._by_start: a partial match of every rule the shorter
opening left). That is about 50 microseconds per opening not met before, and a process meets
some ten thousand of them in its first thousand or so documents: the largest part of what a
worker's first documents cost beyond the steady rate, paid again by every `--jobs` worker,
every Dask worker and every pre-commit run.

So the table is kept in the user's cache (cache.py), as rule positions, one entry per rule set,
keyed to every rule's pattern, flags, needs and word limit and to the `regex` version: another
rule means another entry. A rule set reads its entry when it is built and writes it back, with
what the entry held by then, every SAVE_EVERY new openings and when a run ends (Cleaner.
save_caches). Processes that write at once each write a whole file; an opening one of them
loses is worked out again. Like every cache here it only saves time: a damaged or unreadable
entry is ignored, and the answers are the ones the rules give (tests/test_cache.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import regex

from .cache import cache_path, write_whole

MAGIC = "cleantext-openings-2"
SAVE_EVERY = 2000
# At most this many openings are kept (RuleSet's own table is cleared beyond twice as many).
KEEP = 50_000

# One entry: (the rules that could open a text so, those of them without `needs`, the most words
# either may match); kept as the rules' positions in the set.
Entry = tuple[tuple, tuple, int, int]


def entry_path(kind: str, rules, prefix_chars: int) -> Path | None:
    """Where the table of this rule set (`kind`: its packs, as the pattern cache names them) is
    kept (None: no cache)."""
    try:
        return cache_path(
            f"openings.{kind}", MAGIC, regex.__version__, str(prefix_chars),
            *(repr((r.id, r.pattern, r.relaxed_pattern, int(r.compiled.flags), tuple(r.needs), r.max_words, r.trusted))
              for r in rules),
        )
    except Exception:
        return None


def _read_raw(path: Path, count: int) -> dict[str, tuple]:
    """The entry's openings as stored, for a set of `count` rules: opening -> (positions of the
    rules it leaves, those without `needs` or None when the same, the two word limits); {} when
    there is no entry or it is of another set. The positions are checked here, each distinct
    list once (an entry holds some twenty thousand openings but a tenth as many lists: it keeps
    each list once and the openings name them by number, which also reads back faster)."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("magic") != MAGIC or data.get("rules") != count:
            return {}
        lists = [tuple(p) for p in data["lists"]]
        if not all(type(i) is int and 0 <= i < count for p in lists for i in p):
            return {}

        def listed(n):
            if type(n) is not int or not 0 <= n < len(lists):
                raise ValueError("not a list of the entry")
            return lists[n]

        table = {}
        for key, (found, without, longest, longest_without) in data["openings"].items():
            if not (isinstance(key, str) and type(longest) is int and type(longest_without) is int):
                return {}
            table[key] = (listed(found), None if without is None else listed(without), longest, longest_without)
        return table
    except Exception:  # a damaged entry: the rules answer again
        return {}


def read(path: Path | None, rules: tuple) -> dict[str, Entry]:
    """The kept table, as RuleSet._by_prefix holds it (rule tuples shared between openings)."""
    if path is None or not path.exists():
        return {}
    shared: dict[tuple, tuple] = {}

    def as_rules(positions: tuple) -> tuple:
        found = shared.get(positions)
        if found is None:
            found = shared[positions] = tuple(rules[i] for i in positions)
        return found

    table = {}
    for key, (found, without, longest, longest_without) in _read_raw(path, len(rules)).items():
        rules_found = as_rules(found)
        table[key] = (rules_found, rules_found if without is None else as_rules(without), longest, longest_without)
    return table


def write(path: Path | None, rules: tuple, table: dict[str, Entry]) -> None:
    """Keep the table, with whatever the stored entry holds that it does not."""
    if path is None:
        return
    position = {id(r): i for i, r in enumerate(rules)}
    stored = _read_raw(path, len(rules)) if path.exists() else {}
    for key, (found, without, longest, longest_without) in table.items():
        if len(stored) >= KEEP and key not in stored:
            break
        stored[key] = (tuple(position[id(r)] for r in found),
                       None if without is found else tuple(position[id(r)] for r in without), longest, longest_without)
    number: dict[tuple, int] = {}

    def listed(positions):
        return None if positions is None else number.setdefault(positions, len(number))

    openings = {key: [listed(found), listed(without), longest, longest_without]
                for key, (found, without, longest, longest_without) in sorted(stored.items())}
    data = json.dumps({"magic": MAGIC, "rules": len(rules), "lists": [list(p) for p in number], "openings": openings},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        write_whole(path, lambda fh: fh.write(data))
    except Exception:
        pass
