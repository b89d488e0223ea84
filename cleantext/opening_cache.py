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

MAGIC = "cleantext-openings-1"
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


def _read_raw(path: Path, count: int) -> dict[str, list]:
    """The entry's openings as stored, for a set of `count` rules; {} when there is no entry or
    it is of another set. (read() checks the positions, once per distinct list of them.)"""
    try:
        data = json.loads(path.read_bytes())
        if data.get("magic") != MAGIC or data.get("rules") != count or not isinstance(data["openings"], dict):
            return {}
        return data["openings"]
    except Exception:
        return {}


def read(path: Path | None, rules: tuple) -> dict[str, Entry]:
    """The kept table, as RuleSet._by_prefix holds it (rule tuples shared between openings)."""
    if path is None or not path.exists():
        return {}
    shared: dict[tuple, tuple] = {}
    count = len(rules)

    def as_rules(positions) -> tuple:
        positions = tuple(positions)
        found = shared.get(positions)
        if found is None:  # a list of positions not met before in the entry: checked here
            if not all(type(i) is int and 0 <= i < count for i in positions):
                raise ValueError("not a position of the set's rules")
            found = shared[positions] = tuple(rules[i] for i in positions)
        return found

    table = {}
    try:
        for key, (found, without, longest, longest_without) in _read_raw(path, count).items():
            if not (isinstance(key, str) and type(longest) is int and type(longest_without) is int):
                return {}
            rules_found = as_rules(found)
            table[key] = (rules_found, rules_found if without is None else as_rules(without), longest, longest_without)
    except Exception:  # a damaged entry: the rules answer again
        return {}
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
        stored[key] = [[position[id(r)] for r in found],
                       None if without is found else [position[id(r)] for r in without], longest, longest_without]
    data = json.dumps({"magic": MAGIC, "rules": len(rules), "openings": stored}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True).encode("utf-8")
    try:
        write_whole(path, lambda fh: fh.write(data))
    except Exception:
        pass
