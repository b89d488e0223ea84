"""The cache of derived data (cleantext/cache.py): it saves time and never changes a result."""
import json

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from cleantext import cache, langid_model, rules
from cleantext.rules import RuleBook, builtin_rule_paths, load_rule_file

# A sentence or two in each of a spread of scripts and languages, from the rule packs' samples.
TEXTS = [t for f in RuleBook.load(builtin=True).files for t in f.sample[:2]]


@pytest.fixture(scope="module")
def reference():
    """py3langid's own identifier, loaded its own way."""
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return [ident.classify(t) for t in TEXTS]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_mapped_model_classifies_as_py3langid_does(cache_dir, reference):
    assert len(TEXTS) > 60
    first = langid_model.load_identifier()  # writes the entry
    entries = list(cache_dir.glob("langid-*"))
    assert len(entries) == 1
    second = langid_model.load_identifier()  # maps it
    assert isinstance(second.tk_nextmove, memoryview)
    assert [first.classify(t) for t in TEXTS] == reference
    assert [second.classify(t) for t in TEXTS] == reference


@pytest.mark.parametrize("damage", [b"", b"not a model", None])
def test_a_damaged_model_entry_falls_back_to_py3langid(cache_dir, reference, damage):
    langid_model.load_identifier()
    (entry,) = cache_dir.glob("langid-*")
    if damage is None:  # cut short, as a full disk would leave a file written without renames
        entry.write_bytes(entry.read_bytes()[:1000])
    else:
        entry.write_bytes(damage)
    ident = langid_model.load_identifier()
    assert [ident.classify(t) for t in TEXTS] == reference


def test_no_cache_when_the_folder_cannot_be_made(tmp_path, monkeypatch, reference):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(blocker / "cache"))
    ident = langid_model.load_identifier()
    assert [ident.classify(t) for t in TEXTS] == reference
    assert RuleBook.load().files == _parsed()
    import cleantext  # and the patterns compile as usual

    text = "Das Parlament hat am Donnerstag den Haushalt beschlossen.\n\nLesen Sie auch: Die Reaktionen\n"
    assert cleantext.Cleaner().clean(text, lang="de") == text.split("\n")[0] + "\n"


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", "")
    assert cache.cache_dir() is None
    assert cache.cache_path("rules", "x") is None
    monkeypatch.chdir(tmp_path)
    assert RuleBook.load().files == _parsed()
    assert list(tmp_path.iterdir()) == []


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("CLEANTEXT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "cleantext"


def _parsed():
    return [load_rule_file(p, check_patterns=False) for p in builtin_rule_paths()]


def test_rules_read_back_from_the_cache_equal_the_parsed_files(cache_dir):
    first = RuleBook.load().files
    (entry,) = cache_dir.glob("rules-*")
    second = RuleBook.load().files
    assert first == second == _parsed()
    assert all(isinstance(r.remove, tuple) and isinstance(r.needs, tuple) for f in second for r in f.rules)
    # what was read back is the entry: a marked entry shows through
    data = json.loads(entry.read_bytes())
    data[0]["name"] = "read from the cache"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert RuleBook.load().files[0].name == "read from the cache"


def test_a_changed_rule_file_is_another_entry(cache_dir):
    sources = ["rules.py source", "rules/en.toml", "text"]
    assert cache.cache_path("rules", *sources) == cache.cache_path("rules", *sources)
    assert cache.cache_path("rules", *sources) != cache.cache_path("rules", *sources[:2], "text changed")
    # the pieces are length-prefixed: moving text from one piece to the next is a change too
    assert cache.cache_path("rules", "ab", "c") != cache.cache_path("rules", "a", "bc")


def test_a_damaged_rules_entry_falls_back_to_parsing(cache_dir):
    RuleBook.load()
    (entry,) = cache_dir.glob("rules-*")
    entry.write_text('[{"unexpected": 1}]', encoding="utf-8")
    assert RuleBook.load().files == _parsed()
    entry.write_bytes(b"\xff\xfe not json")
    assert RuleBook.load().files == _parsed()


def test_rules_cache_is_keyed_to_the_parser(cache_dir, monkeypatch):
    """A change to rules.py (how files are parsed) must not read entries the old code wrote."""
    RuleBook.load()
    assert len(list(cache_dir.glob("rules-*"))) == 1
    real = rules.Path.read_bytes

    def edited(self):
        data = real(self)
        return data + b"\n# edited" if self.name == "rules.py" else data

    monkeypatch.setattr(rules.Path, "read_bytes", edited)
    RuleBook.load()
    assert len(list(cache_dir.glob("rules-*"))) == 2


def test_old_entries_of_a_kind_are_pruned(cache_dir):
    import os

    for n in range(cache.KEEP_PER_KIND + 2):
        path = cache.cache_path("demo", str(n))
        cache.write_whole(path, lambda fh: fh.write(b"x"))
        os.utime(path, ns=(n * 10**9, n * 10**9))  # written one after another
    cache.write_whole(cache.cache_path("other", "0"), lambda fh: fh.write(b"y"))
    kept = sorted(cache_dir.glob("demo-*"), key=lambda p: p.stat().st_mtime_ns)
    assert len(kept) == cache.KEEP_PER_KIND
    assert kept[-1] == cache.cache_path("demo", str(cache.KEEP_PER_KIND + 1))
    assert len(list(cache_dir.glob("other-*"))) == 1


def test_no_home_folder_means_no_cache(monkeypatch):
    monkeypatch.delenv("CLEANTEXT_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache.Path, "home", staticmethod(no_home))
    assert cache.cache_dir() is None
    assert RuleBook.load().files == _parsed()


def test_the_windowed_walk_scores_bit_for_bit_as_py3langid_walks(cache_dir):
    """The mapped model walks its automaton by windows of `depth` bytes (langid_model): every
    score must equal py3langid's, on text and on arbitrary bytes."""
    import random

    import numpy as np

    ident = langid_model.load_identifier()
    own = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert ident.walks.depth >= 4
    rnd = random.Random(5)
    noise = [bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 120))) for _ in range(300)]
    for text in TEXTS + [t[:n] for t in TEXTS[:20] for n in (1, 3, 7)] + noise + ["", "\u00e9", "\u4e2d\u6587"]:
        assert np.array_equal(ident._decide(text), own._decide(text)), text


# --------------------------------------------------------------------------- compiled patterns


def _rule_sets():
    from cleantext.rules import RuleSet

    book = RuleBook.load()
    return {lang: book.rules_for(lang) for lang in sorted(book.languages)}, RuleSet


def _behaviour(patterns, rules):
    """What each pattern does with its rule's examples: search spans, and partial matches of
    their openings (what picks the rules by a paragraph's first characters)."""
    out = []
    for p, r in zip(patterns, rules):
        for text in r.remove + r.keep:
            m = p.search(text)
            out.append((r.id, text, m.span() if m else None, p.match(text[:3], partial=True) is not None))
    return out


def test_patterns_read_back_from_the_cache_behave_as_compiled_ones(cache_dir, monkeypatch):
    import regex

    from cleantext import pattern_cache

    per_lang, _ = _rule_sets()
    for lang in ("de", "el", "ja"):
        rules_ = per_lang[lang]
        items = [(r.pattern, r.flags) for r in rules_]
        written = pattern_cache.compile_all(lang, items)
        (entry,) = cache_dir.glob(f"patterns.{lang}-*")
        # Read back with regex's parser out of action: the entry alone makes the patterns.
        monkeypatch.setattr(regex._regex_core, "_parse_pattern", _no_parser)
        read = pattern_cache.compile_all(lang, items)
        monkeypatch.undo()
        monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(cache_dir))
        ordinary = [regex.compile(p, f) for p, f in items]
        assert [(p.pattern, p.flags) for p in read] == [(p.pattern, p.flags) for p in ordinary]
        assert _behaviour(read, rules_) == _behaviour(written, rules_) == _behaviour(ordinary, rules_)
        assert len(_behaviour(read, rules_)) > 100, lang


def _no_parser(*args, **kwargs):
    raise AssertionError("the parser ran")


@pytest.mark.parametrize("damage", [b"", b"[]", b'[["other pattern"]]', b"\xff not json"])
def test_a_damaged_pattern_entry_compiles_anew_and_is_written_again(cache_dir, damage):
    import regex

    from cleantext import pattern_cache

    items = [(r"^read (?:also|more)\b", regex.IGNORECASE), (r"(?i)\bsubscribe\b", 0)]
    pattern_cache.compile_all("demo", items)
    (entry,) = cache_dir.glob("patterns.demo-*")
    entry.write_bytes(damage)
    again = pattern_cache.compile_all("demo", items)
    assert [bool(p.search("Read also: the rest")) for p in again] == [True, False]
    assert [bool(p.search("Please SUBSCRIBE now")) for p in again] == [False, True]
    assert json.loads(entry.read_bytes())[0][0] == items[0][0]  # a whole entry again


def test_a_cleaner_reads_its_languages_patterns_from_the_cache(cache_dir, monkeypatch):
    import regex

    import cleantext

    text = "Das Parlament hat am Donnerstag den Haushalt beschlossen.\n\nLesen Sie auch: Die Reaktionen\n"
    expected = cleantext.Cleaner().clean(text, lang="de")
    assert expected == "Das Parlament hat am Donnerstag den Haushalt beschlossen.\n"
    assert list(cache_dir.glob("patterns.common+de-*")) and list(cache_dir.glob("patterns.common+de.wide-*"))
    # A new process, as it were: rules read anew, regex's own cache empty, its parser out of action.
    cleaner = cleantext.Cleaner()
    assert "compiled" not in cleaner.rulebook.files[0].rules[0].__dict__
    regex.purge()
    monkeypatch.setattr(regex._regex_core, "_parse_pattern", _no_parser)
    assert cleaner.clean(text, lang="de") == expected


def test_a_regex_unlike_the_expected_one_compiles_the_ordinary_way(cache_dir, monkeypatch):
    """If regex's compile no longer takes what the recording passes, patterns still come."""
    import regex

    from cleantext import pattern_cache

    real = regex.compile

    def strict(pattern, flags=0, **kwargs):
        if kwargs:
            raise TypeError("unexpected keyword argument")
        return real(pattern, flags)

    monkeypatch.setattr(regex, "compile", strict)
    (p,) = pattern_cache.compile_all("demo", [(r"^read also\b", regex.IGNORECASE)])
    assert p.search("Read also: more")
    assert not list(cache_dir.glob("patterns.demo-*"))  # nothing recorded, nothing written


# --------------------------------------------------------------------------- paragraph openings


def _opening_texts():
    """Paragraphs with many openings: the rule packs' own examples."""
    book = RuleBook.load(builtin=True)
    return {lang: [t for r in book.rules_for(lang) for t in r.remove + r.keep] for lang in ("de", "el", "ja", "ar")}


def _answers(table):
    return {key: ([r.id for r in found], [r.id for r in without], longest, longest_without)
            for key, (found, without, longest, longest_without) in table.items()}


def test_openings_read_back_are_the_rules_own_answers(cache_dir, monkeypatch):
    """A table kept by one process (opening_cache) is what a rule set without any cache works
    out for the same openings, and cleaning from it gives the same text."""
    from cleantext import Cleaner

    texts = _opening_texts()
    first = Cleaner()
    written = {lang: [first.clean_and_explain(t, lang=lang) for t in batch] for lang, batch in texts.items()}
    first.save_caches()
    assert len(list(cache_dir.glob("openings.*"))) == len(texts)

    second = Cleaner()
    for lang, batch in texts.items():
        loaded = dict(second.rules_for(lang)._by_prefix)
        assert len(loaded) > 100, lang  # read back, not worked out: nothing is cleaned yet
        monkeypatch.setenv("CLEANTEXT_CACHE_DIR", "")
        fresh = Cleaner().rules_for(lang)
        monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(cache_dir))
        assert _answers(loaded) == _answers({key: fresh._by_start(key) for key in loaded}), lang
        again = [second.clean_and_explain(t, lang=lang) for t in batch]
        assert [(r.text, r.removals) for r in again] == [(r.text, r.removals) for r in written[lang]]


@pytest.mark.parametrize("damage", ["not json", "wrong-count", "out-of-range", "no-such-list", "wrong-type"])
def test_a_damaged_openings_entry_is_ignored(cache_dir, damage):
    from cleantext import Cleaner

    texts = _opening_texts()["de"]
    first = Cleaner()
    expected = [first.clean(t, lang="de") for t in texts]
    first.save_caches()
    (entry,) = cache_dir.glob("openings.*")
    data = json.loads(entry.read_bytes())
    key = next(k for k, v in data["openings"].items() if data["lists"][v[0]])
    if damage == "not json":
        entry.write_bytes(b"\x00{ half a file")
    else:
        if damage == "wrong-count":
            data["rules"] += 1
        elif damage == "out-of-range":
            data["lists"][data["openings"][key][0]] = [10**6]
        elif damage == "no-such-list":
            data["openings"][key][0] = len(data["lists"])
        else:
            data["openings"][key][2] = "many"
        entry.write_text(json.dumps(data), encoding="utf-8")
    second = Cleaner()
    assert second.rules_for("de")._by_prefix == {}
    assert [second.clean(t, lang="de") for t in texts] == expected


def test_pool_workers_keep_their_openings_as_the_pool_closes(cache_dir):
    from cleantext import batch
    from cleantext.cli import _call_each
    from cleantext.config import CleanerConfig

    runner = batch.Runner(CleanerConfig.from_options(lang="de"), jobs=2)
    texts = _opening_texts()["de"]
    try:
        tasks = [[(batch.clean_text, t, f"t{i}")] for i, t in enumerate(texts)]
        outcomes = [o for chunk in runner.map(_call_each, tasks) for o in chunk]
    finally:
        runner.close()
    assert len(outcomes) == len(texts) and not any(o.error for o in outcomes)
    (entry,) = cache_dir.glob("openings.common+de-*")  # the parent cleaned nothing: the workers wrote it
    assert len(json.loads(entry.read_bytes())["openings"]) > 100
