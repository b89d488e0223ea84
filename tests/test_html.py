"""HTML in, clean body out, with real trafilatura and jusText."""
import gzip

import pytest

import cleantext

from conftest import FIXTURES

HTML = FIXTURES / "html"


@pytest.mark.parametrize("backend", ["trafilatura", "justext"])
def test_article_with_embedded_tweet_and_related_box(backend):
    result = cleantext.clean_html_and_explain((HTML / "pt_article_tweet_related.html").read_bytes(), backend=backend)
    text = result.text
    assert result.lang == "pt" and result.backend == backend
    for body in ("O Conselho de Ministros aprovou", "Segundo o ministro das Infraestruturas", "Os autarcas da região",
                 "A reabertura foi incluída no Plano Ferroviário Nacional"):
        assert body in text
    for noise in ("Great news for the Douro", "@railfan", "Seca obriga a racionar", "Leia também", "Junte-se a nós", "Todos os direitos"):
        assert noise not in text
    pruned = {r.rule_id for r in result.html_removals}
    assert {"html.embed.tweet", "html.related.container"} <= pruned
    tweet = next(r for r in result.html_removals if r.rule_id == "html.embed.tweet")
    assert tweet.line == 11 and "Great news for the Douro" in tweet.text


def test_removals_refer_to_the_extracted_text():
    result = cleantext.clean_html_and_explain((HTML / "pt_article_tweet_related.html").read_bytes())
    (promo,) = [r for r in result.removals if r.rule_id == "pt.promo.join-us"]
    assert result.extracted[slice(*promo.span)] == "Junte-se a nós no Telegram"


def test_non_utf8_charset_from_the_meta_tag():
    data = (HTML / "el_iso-8859-7.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = cleantext.clean_html(data)
    assert text.startswith("Νέα γραμμή του μετρό στη Θεσσαλονίκη")
    assert "εξήντα χιλιάδες επιβάτες" in text and "Google News" not in text


def test_str_input_is_accepted_too():
    html = (HTML / "pt_article_tweet_related.html").read_text(encoding="utf-8")
    assert cleantext.clean_html(html) == cleantext.clean_html(html.encode("utf-8"))


@pytest.mark.parametrize("content", [b"", b"   ", (HTML / "empty.html").read_bytes(), b"<html></html>", b"<?xml version='1.0' encoding='utf-8'?>"])
def test_empty_pages_give_empty_text(content):
    assert cleantext.clean_html(content) == ""


def test_page_without_an_article_gives_empty_text_and_says_why():
    result = cleantext.clean_html_and_explain((HTML / "no_article.html").read_bytes())
    assert result.text == ""
    assert result.removals and all(r.rule_id == "heuristic.meta.no-article" for r in result.removals)


def test_gzipped_page_and_bad_arguments():
    with pytest.raises(cleantext.InputTypeError):
        cleantext.clean_html(12)
    with pytest.raises(cleantext.ConfigError, match="unknown HTML backend"):
        cleantext.clean_html("<p>x</p>", backend="readability")
    assert gzip.decompress(gzip.compress(b"<p>x</p>")) == b"<p>x</p>"


def test_lang_attribute_is_a_hint_for_short_text():
    html = '<html lang="pt"><body><article><p>Há 5 horas</p><p>Governo cai.</p></article></body></html>'
    result = cleantext.clean_html_and_explain(html)
    assert result.lang == "pt"
