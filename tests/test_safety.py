"""The body-loss guard on whole documents, strict mode, and the per-document time limit."""
import time

import pytest

import cleantext
from cleantext import Cleaner, CleanerConfig
from cleantext.cli import main

BODY = "O governo aprovou hoje o orçamento para o próximo ano, depois de um longo debate no parlamento."
NOISE = ["Junte-se a nós no Telegram", "Siga-nos no Instagram e no Facebook", "Assine a nossa newsletter",
         "Leia também: Seca obriga a racionar água no Alentejo", "Partilhe este artigo", "Publicidade"]


def test_a_document_that_would_lose_more_than_half_is_kept_whole_and_flagged():
    text = "\n".join([BODY] + NOISE) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert result.text == text and not result.removals
    assert result.kept_whole.startswith("body-loss guard: cleaning would remove")
    assert "kept whole: body-loss guard" in result.explain()


def test_strict_mode_removes_anyway_and_the_share_is_configurable():
    text = "\n".join([BODY] + NOISE) + "\n"
    assert cleantext.clean(text, lang="pt", strict=True) == BODY + "\n"
    assert cleantext.clean(text, lang="pt", max_removed_share=0.9) == BODY + "\n"


def test_guarded_documents_are_counted_in_the_batch_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("\n".join([BODY] + NOISE) + "\n", encoding="utf-8")
    assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert "1 document(s) kept whole" in capsys.readouterr().err
    assert main(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "strict"), "--strict", "-q"]) == 0
    assert (tmp_path / "strict" / "a.txt").read_text(encoding="utf-8") == BODY + "\n"


def test_time_limit_returns_the_normalized_input_and_says_so(monkeypatch):
    import cleantext.heuristics as heuristics

    def slow_rules(doc, rules):
        time.sleep(0.3)
        doc.deadline.check()

    monkeypatch.setattr(heuristics, "apply_rules", slow_rules)
    text = "Junte -se a nós no Telegram\n\n\n" + BODY + "  \n"
    result = Cleaner(CleanerConfig(time_limit=0.1)).clean_and_explain(text, lang="pt")
    assert result.kept_whole and "time limit of 0.1 s" in result.kept_whole
    assert result.text == "Junte-se a nós no Telegram\n\n" + BODY + "\n"  # normalized, nothing removed
    assert not result.removals


def test_a_slow_rule_pattern_is_stopped_by_the_time_limit(tmp_path):
    rules = tmp_path / "slow.toml"
    rules.write_text(
        '[language]\ncode = "pt"\nname = "Portuguese"\n[[rules]]\nid = "pt.promo.backtracking"\ncategory = "promo"\n'
        "scope = \"line\"\nmessage = \"A pattern with catastrophic backtracking\"\npattern = '^(a|aa)+$'\nmax_words = 100\n"
        'remove = ["aaaa"]\nkeep = ["b"]\n',
        encoding="utf-8",
    )
    cleaner = Cleaner(CleanerConfig(rule_files=(rules,), time_limit=0.5, builtin_rules=False))
    start = time.monotonic()
    result = cleaner.clean_and_explain("a" * 40 + "!\n", lang="pt")
    assert time.monotonic() - start < 5
    assert result.kept_whole and "time limit" in result.kept_whole and result.text == "a" * 40 + "!\n"


def test_bad_safety_settings_are_refused():
    with pytest.raises(cleantext.ConfigError):
        CleanerConfig(max_removed_share=0)
    with pytest.raises(cleantext.ConfigError):
        CleanerConfig(time_limit=-1)
