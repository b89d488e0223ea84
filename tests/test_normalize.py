"""Normalization: each fixer alone, and as reported by clean_and_explain."""
import pytest

import cleantext
from cleantext.normalize import fix_encoding, rejoin_detached_hyphens, remove_invisible, split_lines


def steps(text, **kw):
    result = cleantext.clean_and_explain(text, **kw)
    return result.text, {s.name: s for s in result.normalizations}


@pytest.mark.parametrize(
    "before, after",
    [
        ("O líder norte -coreano chegou.", "O líder norte-coreano chegou."),
        ("abraçando -os e cumprimentando -os.", "abraçando-os e cumprimentando-os."),
        ("Junte -se a nós.", "Junte-se a nós."),
        ("Os soldados norte -coreanos “heróicos”.", "Os soldados norte-coreanos “heróicos”."),
    ],
)
def test_detached_hyphens_rejoined(before, after):
    assert rejoin_detached_hyphens(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "Ο ρώσος υπουργός Εξωτερικών -στη θέση από το 2004- συναντήθηκε επίσης με την ομόλογό του.",
        "O ministro -no cargo desde 2004- disse que sim.",  # a dash pair used as brackets
        "A temperatura desceu para -5 graus.",  # a minus sign
        "Lisboa -Porto em duas horas.",  # upper case after the dash: not a clitic or compound
        "Uma lista: - primeiro ponto",
    ],
)
def test_text_that_only_looks_like_a_detached_hyphen_is_left_alone(text):
    assert rejoin_detached_hyphens(text) == text


def test_hyphen_repair_is_language_aware():
    pt, pt_steps = steps("O líder norte -coreano chegou a Moscovo para conversações com o presidente.", lang="pt")
    en, en_steps = steps("The well -known leader arrived in Moscow for talks with the president.", lang="en")
    assert "norte-coreano" in pt and "rejoin-hyphens" in pt_steps
    assert "well -known" in en and "rejoin-hyphens" not in en_steps


def test_hyphen_repair_can_be_switched_off():
    text = "O líder norte -coreano chegou a Moscovo para conversações com o presidente."
    assert cleantext.clean(text, lang="pt", rejoin_hyphens=False) == text


def test_mojibake_is_repaired_and_reported():
    text, found = steps("O ministro disse que a negociaÃ§Ã£o continua amanhÃ£ em Lisboa com os parceiros.", lang="pt")
    assert "negociação" in text and "amanhã" in text
    assert found["fix-encoding"].count == 1


def test_quotes_guillemets_and_low_quotes_are_kept():
    text = "Ele disse “sim”, «talvez» e „nunca” — e foi embora sem mais palavras naquele dia."
    assert cleantext.clean(text) == text


def test_width_and_ligatures_are_not_folded():
    text = "Ｔｏｋｙｏ ﬁnal: the ﬂight left at noon, the officials said in a statement today."
    assert fix_encoding(text) == text


def test_html_entities_are_unescaped():
    assert fix_encoding("AT&amp;T said &quot;no&quot;.") == 'AT&T said "no".'


def test_invisible_characters_removed_but_joiners_kept():
    assert remove_invisible("zero\u200bwidth\ufeff soft\u00adhyphen") == "zerowidth softhyphen"
    assert remove_invisible("می\u200cخواهم 👩\u200d💻") == "می\u200cخواهم 👩\u200d💻"
    assert remove_invisible("bell\x07 and form\x0cfeed") == "bell and form feed"


def test_line_endings_are_reported_and_spans_point_into_the_input():
    lines, step = split_lines("one\r\ntwo\rthree\u2028four\n")
    assert lines.lines == ["one", "two", "three", "four"]
    assert lines.ends_with_newline and step.count == 3
    text = "one\r\ntwo\rthree\u2028four\n"
    assert [text[a:b] for a, b in lines.spans] == lines.lines


def test_crlf_text_is_cleaned_with_spans_in_the_original():
    text = "Junte-se a nós no Telegram\r\nO texto do artigo continua aqui com uma frase completa e longa.\r\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert result.text == "O texto do artigo continua aqui com uma frase completa e longa.\n"
    (removal,) = result.removals
    assert text[slice(*removal.span)] == "Junte-se a nós no Telegram"
    assert "line-endings" in {s.name for s in result.normalizations}


def test_whitespace_is_tidied_and_reported():
    text, found = steps("  Two  spaces\there and   there, in a sentence long enough to be body text.  \n", lang="en")
    assert text == "Two spaces here and there, in a sentence long enough to be body text.\n"
    assert found["whitespace"].count == 1


def test_blank_line_runs_collapse_to_one():
    text, found = steps("First paragraph is a long sentence of body text.\n\n\n\nSecond paragraph is also a long sentence.\n", lang="en")
    assert text == "First paragraph is a long sentence of body text.\n\nSecond paragraph is also a long sentence.\n"
    assert found["blank-lines"].count == 1


def test_nfc_is_applied_and_reported():
    decomposed = "Cafe\u0301 com a equipa, disse o treinador, antes do jogo de domingo em Lisboa."
    text, found = steps(decomposed, lang="pt")
    assert "Café" in text and found["unicode-form"].count == 1


def test_paragraph_separator_style_is_kept():
    single = "First paragraph is a long sentence of body text.\nSecond paragraph is also a long sentence.\n"
    double = single.replace("\n", "\n\n", 1)
    assert cleantext.clean(single, lang="en") == single
    assert cleantext.clean(double, lang="en") == double
