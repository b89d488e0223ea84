"""The public API: names, options, errors, and the result's account of every change."""
import pytest

import cleantext
from cleantext import Cleaner, CleanerConfig

ARTICLE = (
    "Junte-se a nós no Telegram\n"
    "O governo aprovou hoje o orçamento para o próximo ano, depois de um longo debate no parlamento.\n"
    "Os deputados da oposição votaram contra e anunciaram que vão recorrer ao Tribunal Constitucional.\n"
)


def test_clean_returns_the_body():
    assert cleantext.clean(ARTICLE) == ARTICLE.split("\n", 1)[1]


def test_clean_and_explain_reports_language_removals_and_spans():
    result = cleantext.clean_and_explain(ARTICLE)
    assert result.lang == "pt" and result.lang_detected
    (r,) = result.removals
    assert (r.rule_id, r.category, r.line) == ("pt.promo.join-us", "promo", 1)
    assert ARTICLE[slice(*r.span)] == "Junte-se a nós no Telegram"
    assert "pt.promo.join-us" in result.explain()
    assert result.removed_by_category() == {"promo": 1}


def test_cleaner_is_reusable_and_agrees_with_clean():
    cleaner = Cleaner(CleanerConfig(lang="pt"))
    assert cleaner.clean(ARTICLE) == cleantext.clean(ARTICLE) == cleaner.clean(ARTICLE)
    result = cleaner.clean_and_explain(ARTICLE)
    assert result.lang == "pt" and not result.lang_detected


def test_options_are_the_config_fields():
    assert cleantext.clean(ARTICLE, disabled_rules={"pt.promo.join-us"}) == ARTICLE
    assert Cleaner(lang="pt").config == CleanerConfig(lang="pt")


def test_unknown_option_is_refused_with_the_valid_ones():
    with pytest.raises(cleantext.ConfigError, match="unknown option.*valid options are"):
        cleantext.clean(ARTICLE, remove_everything=True)


def test_bytes_are_refused_with_what_to_do():
    with pytest.raises(cleantext.InputTypeError, match=r"decode the text first"):
        cleantext.clean(ARTICLE.encode())
    with pytest.raises(TypeError):
        cleantext.clean(None)


@pytest.mark.parametrize("code", ["xx", "portuguese", "zz-ZZ"])
def test_unknown_language_is_refused_with_what_to_do(code):
    with pytest.raises(cleantext.UnknownLanguageError, match="ISO 639-1") as info:
        cleantext.clean(ARTICLE, lang=code)
    assert "pt" in str(info.value)


def test_regional_language_codes_are_accepted():
    assert cleantext.clean_and_explain(ARTICLE, lang="pt-BR").lang == "pt"
    assert cleantext.clean_and_explain(ARTICLE, lang="PT").lang == "pt"


def test_a_language_without_a_rule_pack_uses_the_common_rules():
    text = "Hii ni habari kuhusu bunge lililopitisha bajeti mpya leo baada ya mjadala mrefu.\n#Bajeti #Bunge\n"
    result = cleantext.clean_and_explain(text, lang="sw")
    assert result.text == "Hii ni habari kuhusu bunge lililopitisha bajeti mpya leo baada ya mjadala mrefu.\n"


@pytest.mark.parametrize("text", ["", "\n", "   \n\n", "\u200b"])
def test_empty_and_blank_text_gives_empty_text(text):
    assert cleantext.clean(text) == ""


def test_config_rejects_bad_values():
    with pytest.raises(cleantext.ConfigError):
        CleanerConfig(unicode_form="NFD")
    with pytest.raises(cleantext.ConfigError):
        CleanerConfig(min_guarded_words=0)


def test_all_errors_share_one_base_class():
    for exc in (cleantext.ConfigError, cleantext.InputTypeError, cleantext.RuleFileError, cleantext.UnknownLanguageError):
        assert issubclass(exc, cleantext.CleantextError)


def test_text_with_too_few_letters_is_not_identified():
    """Fewer than MIN_LETTERS letters in the first 400 characters say too little to ask."""
    from cleantext import language

    enough = "Die Regierung hat heute entschieden"  # 31 letters
    assert language.identify(enough)[0] == "de"
    few = "Die 12 Tage – 3 / 4 — ok"  # 12 letters among digits and dashes
    assert language.identify(few) == (None, 0.0)
    assert language.identify("1234 " * 100 + enough) == (None, 0.0)  # its letters beyond the first 400
    assert language.identify("a" * (language.MIN_LETTERS - 1) + " 1") == (None, 0.0)
    assert language.identify("ab" * language.MIN_LETTERS)[0] is not None


def test_a_line_of_one_word_over_and_over_does_not_decide_the_language():
    """A page's hidden font test ("word word word ...", the longest line of the page) would be
    the language sample on its own, and "word" is Dutch: it is passed over for the text."""
    filler = " ".join(["word"] * 400)
    text = ("The council opened the flood gates on Monday morning after a week of heavy rain, and the families "
            "on the quay were told to move their cars to higher ground before the evening.\n" + filler + "\n")
    assert cleantext.clean_and_explain(text).lang == "en"
