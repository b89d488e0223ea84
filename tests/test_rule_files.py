"""The rule files: schema, unique ids, compiling patterns; user rule files and disabling."""
import textwrap

import pytest

import cleantext
from cleantext import Cleaner, CleanerConfig, RuleFileError
from cleantext.rules import CATEGORIES, SCOPES, RuleBook, builtin_rule_paths, load_rule_file

GOOD_RULE = """
[[rules]]
id = "pt.promo.test-rule"
category = "promo"
scope = "line"
message = "A test rule"
pattern = '^clube de leitores do jornal da vila\\b'
remove = ["Clube de leitores do Jornal da Vila: inscrições abertas"]
keep = ["O clube de leitores reuniu-se ontem."]
"""


def write(tmp_path, body, header='[language]\ncode = "pt"\nname = "Portuguese"\n', name="extra.toml"):
    path = tmp_path / name
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


def test_every_builtin_file_loads_and_ids_are_unique():
    book = RuleBook.load()
    ids = [r.id for r in book.all_rules()]
    assert len(ids) == len(set(ids))
    assert {p.stem for p in builtin_rule_paths()} >= {"common", "pt", "el", "ro", "en"}
    for rule in book.all_rules():
        assert rule.category in CATEGORIES and rule.scope in SCOPES
        assert rule.id.split(".")[0] == rule.lang and rule.id.split(".")[1] == rule.category
        assert rule.message and rule.remove and rule.keep


def test_every_builtin_file_names_its_language():
    for path in builtin_rule_paths():
        assert load_rule_file(path).code == path.stem


@pytest.mark.parametrize(
    "change, message",
    [
        (("pattern = '^clube", "pattern = '^(clube"), "does not compile"),
        (('scope = "line"', 'scope = "everywhere"'), "scope must be one of"),
        (('category = "promo"', 'category = "spam"'), "names category 'promo'"),
        (('id = "pt.promo.test-rule"', 'id = "en.promo.test-rule"'), "must start with this file's language code"),
        (('keep = ["O clube de leitores reuniu-se ontem."]', "keep = []"), "at least one example"),
        (('message = "A test rule"', 'message = "A test rule"\nwhatever = 1'), "unknown key"),
        (('message = "A test rule"\n', ""), "missing required key 'message'"),
        (('message = "A test rule"', 'message = "A test rule"\nneeds = ["Clube"]'), "needs must be a list of lower-case"),
        (('message = "A test rule"', 'message = "A test rule"\nneeds = ["o clube"]'), "needs must be single words"),
    ],
)
def test_schema_errors_name_the_file_line_and_rule(tmp_path, change, message):
    old, new = change
    assert old in GOOD_RULE
    path = write(tmp_path, GOOD_RULE.replace(old, new))
    with pytest.raises(RuleFileError, match=message) as info:
        load_rule_file(path)
    assert str(path) in str(info.value)
    if "en.promo" not in new:
        assert "pt.promo.test-rule" in str(info.value) and f"{path}:6:" in str(info.value)


def test_duplicate_ids_are_refused_within_and_across_files(tmp_path):
    with pytest.raises(RuleFileError, match="duplicate rule id"):
        load_rule_file(write(tmp_path, GOOD_RULE + GOOD_RULE))
    clash = GOOD_RULE.replace("test-rule", "join-us")
    with pytest.raises(RuleFileError, match="duplicate rule id .also in"):
        Cleaner(rule_files=[write(tmp_path, clash)])


def test_bad_toml_and_missing_language_are_reported(tmp_path):
    with pytest.raises(RuleFileError, match="not valid TOML"):
        load_rule_file(write(tmp_path, "[[rules]\n"))
    with pytest.raises(RuleFileError, match=r"\[language\]"):
        load_rule_file(write(tmp_path, GOOD_RULE, header=""))
    with pytest.raises(RuleFileError, match="cannot read"):
        load_rule_file(tmp_path / "missing.toml")


def test_user_rule_file_adds_rules(tmp_path):
    path = write(tmp_path, GOOD_RULE)
    text = "Clube de leitores do Jornal da Vila: inscrições abertas\nO governo aprovou hoje o orçamento depois de um longo debate no parlamento.\n"
    assert cleantext.clean(text, lang="pt") == text
    result = Cleaner(rule_files=[path]).clean_and_explain(text, lang="pt")
    assert result.text == text.split("\n", 1)[1]
    assert result.removals[0].rule_id == "pt.promo.test-rule"


def test_rules_can_be_disabled_by_id_and_by_prefix():
    text = "Junte-se a nós no Telegram\nSiga-nos no Instagram e no Facebook\nO governo aprovou hoje o orçamento depois de um longo debate no parlamento.\n"
    assert cleantext.clean(text, lang="pt").startswith("O governo")
    only_follow = cleantext.clean(text, lang="pt", disabled_rules={"pt.promo.join-us"})
    assert only_follow.startswith("Junte-se") and "Siga-nos" not in only_follow
    for prefix in ("pt.promo.", "pt.promo.*"):
        assert cleantext.clean(text, lang="pt", disabled_rules={prefix}, remove_edge_clutter=False) == text


def test_without_builtin_rules_only_user_rules_run(tmp_path):
    cleaner = Cleaner(CleanerConfig(builtin_rules=False, rule_files=(write(tmp_path, GOOD_RULE),)))
    assert [r.id for r in cleaner.rulebook.all_rules()] == ["pt.promo.test-rule"]


def test_a_pack_serves_the_close_languages_it_names(tmp_path):
    book = RuleBook.load()
    # Bosnian text gets both neighbours' packs (Croatian is often detected as Bosnian).
    assert {r.id for r in book.rules_for("bs")} == {r.id for r in book.rules_for("sr")} | {r.id for r in book.rules_for("hr")}
    assert {r.id for r in book.rules_for("nn")} == {r.id for r in book.rules_for("no")}
    bad = tmp_path / "xx.toml"
    bad.write_text('[language]\ncode = "xx"\nalso = ["Bosnian"]\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="also must be a list of language codes"):
        RuleBook.load(builtin=False, extra=(bad,))


def test_every_language_pack_covers_every_category():
    packs = [f for f in RuleBook.load().files if f.code != "common"]
    assert len(packs) >= 30
    for f in packs:
        assert {r.category for r in f.rules} == set(CATEGORIES), f"{f.path} lacks {set(CATEGORIES) - {r.category for r in f.rules}}"


def test_every_builtin_pattern_compiles():
    for path in builtin_rule_paths():
        load_rule_file(path)  # checks every pattern, as for a user's file


def test_the_languages_a_pack_also_serves_are_variants_of_its_own():
    from cleantext.language import same_language

    for path in builtin_rule_paths():
        pack = load_rule_file(path)
        for code in pack.also:
            assert same_language(code, pack.code), f"{path.name}: {code} is not listed with {pack.code} in language.VARIANTS"
