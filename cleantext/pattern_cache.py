"""A language's rule patterns, compiled once and then read back from the user's cache.

`regex` parses a pattern in Python: a language's rules take 0.05 to 0.25 s to compile, paid by
every process that meets the language (each `--jobs` worker, each pre-commit run), which on a
multilingual corpus is most of what a worker's first documents cost. What the parser produces
is plain data (the pattern, its flags, a list of opcodes and a few counts) that `regex` then
hands to its C core in one call. That call's arguments are recorded the first time, kept as
JSON in the cache (cache.py), and later processes make the patterns from them with that one
call: about 50 times faster.

The entry is keyed to the `regex` version and to every pattern and flag of the rule set, so
another version or another rule means another entry. The recording looks inside `regex` (the
module behind regex.compile); if anything there is not as expected, or the entry is damaged,
the patterns are compiled the ordinary way: the cache only ever saves time.
"""
from __future__ import annotations

import json
import threading

import regex

from .cache import cache_path, write_whole

MAGIC = "cleantext-patterns-1"
_LOCK = threading.Lock()


def compile_all(kind: str, items: list[tuple[str, int]]) -> list[regex.Pattern]:
    """regex.compile(pattern, flags) for each item, from the cache entry when there is one."""
    try:
        path = cache_path(f"patterns.{kind}", MAGIC, regex.__version__, *(f"{int(flags)}:{pattern}" for pattern, flags in items))
    except Exception:
        path = None
    if path is None:  # no cache
        return [regex.compile(pattern, flags) for pattern, flags in items]
    try:
        if path.exists():
            return _build(json.loads(path.read_bytes()), items)
    except Exception:  # damaged or from another layout: compiled anew, and written again
        pass
    with _LOCK:
        patterns, recorded = _compile_recording(items)
    if recorded is not None:
        try:
            data = json.dumps(recorded, separators=(",", ":")).encode()
            write_whole(path, lambda fh: fh.write(data))
        except Exception:
            pass
    return patterns


def _compile_recording(items) -> tuple[list[regex.Pattern], list | None]:
    """The patterns, compiled, and the arguments each gave regex's C core (None if they could
    not be recorded)."""
    try:
        import regex._main as main

        core = main._regex
    except Exception:
        return [regex.compile(p, f) for p, f in items], None
    calls: list[tuple] = []

    class Recorder:
        def __getattr__(self, name):
            return getattr(core, name)

        def compile(self, *args):
            calls.append(args)
            return core.compile(*args)

    patterns, recorded, unexpected = [], [], False
    main._regex = Recorder()
    try:
        for pattern, flags in items:
            calls.clear()
            # Bypassing regex's own cache, so that the pattern really goes through the parser.
            compiled = regex.compile(pattern, flags, cache_pattern=False)
            patterns.append(compiled)
            ours = [args for args in calls if args and args[0] == pattern]
            if recorded is not None and len(ours) == 1 and _recordable(ours[0]):
                recorded.append(_as_json(ours[0], compiled))
            else:
                recorded = None
    except regex.error:
        raise  # the pattern's own fault: as regex.compile would say
    except Exception:  # a regex unlike the one this was written for
        unexpected = True
    finally:
        main._regex = core
    if unexpected:  # the ordinary way
        return [regex.compile(p, f) for p, f in items], None
    return patterns, recorded


def _recordable(args) -> bool:
    # The layout of regex's call, as of 2020-2026: (pattern, flags, code, group_index,
    # index_group, named_lists, named_list_indexes, req_offset, req_chars, req_flags,
    # group_count). Named lists are not kept (no rule uses them).
    return (len(args) == 11 and isinstance(args[0], str) and isinstance(args[2], list)
            and not args[5] and not args[6] and isinstance(args[8], tuple))


def _as_json(args, compiled: regex.Pattern) -> list:
    (pattern, flags, code, group_index, index_group, _, _, req_offset, req_chars, req_flags, group_count) = args
    return [pattern, int(flags), code, group_index, {str(k): v for k, v in index_group.items()},
            req_offset, list(req_chars), int(req_flags), group_count, int(compiled.flags)]


def _build(entries: list, items: list[tuple[str, int]]) -> list[regex.Pattern]:
    import regex._main as main

    if len(entries) != len(items):
        raise ValueError("entry does not fit the rules")
    core = main._regex
    patterns = []
    for entry, (pattern, _) in zip(entries, items):
        (source, flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count, final_flags) = entry
        if source != pattern:
            raise ValueError("entry does not fit the rules")
        compiled = core.compile(source, flags, code, group_index, {int(k): v for k, v in index_group.items()},
                                {}, [], req_offset, tuple(req_chars), req_flags, group_count)
        if compiled.flags != final_flags:
            raise ValueError("entry does not fit the rules")
        patterns.append(compiled)
    return patterns
