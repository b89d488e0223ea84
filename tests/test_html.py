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
    marked = {r.rule_id for r in result.html_removals}
    assert {"html.embed.tweet", "html.related.container"} <= marked
    tweet = next(r for r in result.html_removals if r.rule_id == "html.embed.tweet")
    assert tweet.line == 11 and "Great news for the Douro" in tweet.text
    # what the extractor kept of the tweet is removed from its text, with the markup as evidence
    for r in result.removals:
        if "Great news for the Douro" in r.text:
            assert r.rule_id == "html.embed.tweet" and "line 11 of the page" in r.evidence[0]


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


@pytest.mark.parametrize("head, expected", [
    ('<html lang="pt-BR"><head><meta http-equiv="content-language" content="de"></head>', "pt"),
    ('<html><head><meta http-equiv="content-language" content="de_AT"></head>', "de"),
    ('<html lang=""><head><meta http-equiv="content-language" content="de"></head>', None),
    ("<html><head><meta charset='utf-8'></head>", None),
])
def test_page_language_is_the_first_lang_attribute_or_content_language(head, expected):
    from trafilatura import load_html

    from cleantext.html import _page_lang

    assert _page_lang(load_html(head + "<body><p>Texto do artigo.</p></body></html>")) == expected


# ------------------------------------------------------------------ command line

import json  # noqa: E402
import shutil  # noqa: E402

from conftest import cli  # noqa: E402


def test_cli_cleans_pages_into_text_files(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(HTML / "pt_article_tweet_related.html", pages / "a.html")
    (pages / "b.html.gz").write_bytes(gzip.compress((HTML / "el_iso-8859-7.html").read_bytes()))
    proc = cli("clean", pages, "-o", tmp_path / "out", "-q")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "b.txt"]
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == cleantext.clean_html((HTML / "pt_article_tweet_related.html").read_bytes())
    assert "εξήντα χιλιάδες" in (tmp_path / "out" / "b.txt").read_text(encoding="utf-8")


def test_cli_jsonl_records_with_an_html_field(tmp_path):
    page = (HTML / "pt_article_tweet_related.html").read_text(encoding="utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": 1, "html": page}) + "\n", encoding="utf-8")
    proc = cli("clean", path, "-o", tmp_path / "out", "--html-field", "html", "-q")
    assert proc.returncode == 0, proc.stderr
    record = json.loads((tmp_path / "out" / "pages.jsonl").read_text(encoding="utf-8"))
    assert record["html"] == page and record["text"] == cleantext.clean_html(page)


def test_check_and_fix_leave_pages_to_clean(tmp_path):
    shutil.copy(HTML / "pt_article_tweet_related.html", tmp_path / "a.html")
    proc = cli("check", tmp_path / "a.html")
    assert proc.returncode == 2 and "use `cleantext clean`" in proc.stderr
    proc = cli("check", tmp_path)
    assert proc.returncode == 0


def test_a_page_kept_whole_by_the_guard_says_so():
    body = "<p>O governo aprovou hoje o orçamento para o próximo ano, depois de um longo debate no parlamento.</p>"
    noise = "".join(f"<p>{x}</p>" for x in ["Junte-se a nós no Telegram", "Siga-nos no Instagram e no Facebook",
                                            "Assine a nossa newsletter", "Partilhe este artigo", "Publicidade"])
    page = f"<html lang='pt'><body><article>{body}{noise}</article></body></html>"
    result = cleantext.clean_html_and_explain(page)
    assert result.kept_whole.startswith("body-loss guard") and not result.removals
    assert result.text == result.extracted
    assert cleantext.clean_html(page, strict=True).startswith("O governo aprovou") and "Telegram" not in cleantext.clean_html(page, strict=True)


def test_related_box_listing_the_article_itself_leaves_its_headline():
    """WordPress widgets list recent posts, this one among them: the headline the extractor
    took from the article's header is not a line of the box."""
    page = (HTML / "pt_article_tweet_related.html").read_text(encoding="utf-8")
    title = "Governo aprova plano para reabrir a linha ferroviária do Douro"
    page = page.replace("<li><a href=\"/a\">", f"<li><a href=\"/self\">{title}</a></li><li><a href=\"/a\">")
    result = cleantext.clean_html_and_explain(page)
    assert title in result.extracted and title in result.text
    assert "Seca obriga a racionar" not in result.text


def test_a_photo_caption_the_extractor_kept_is_removed_but_a_gallery_keeps_its_captions():
    from cleantext.html import CAPTION, _marked_blocks, _marks, _parse

    caption = "A estação do Pocinho, onde a linha termina desde 1988. (Maria Silva)"
    body = ["O Conselho de Ministros aprovou esta quinta-feira o plano de reabertura do troço entre o Pocinho e Barca d'Alva.",
            "Segundo o ministro das Infraestruturas, a obra custará cerca de 150 milhões de euros e estará pronta em 2029."]
    page = f"<html><body><article><p>{body[0]}</p><figure><img src='p.jpg'><figcaption>{caption}</figcaption></figure><p>{body[1]}</p></article></body></html>"
    blocks = _marked_blocks(_parse(page))
    assert [(b.rule_id, b.text) for b in blocks] == [(CAPTION, caption)]
    # Some pages' captions reach the extractor's text (trafilatura keeps them from some layouts).
    marks = _marks("\n".join([body[0], caption, body[1]]), blocks)
    assert list(marks) == [1] and marks[1][0] == CAPTION
    result = cleantext.Cleaner().clean_and_explain("\n".join([body[0], caption, body[1]]) + "\n", lang="pt", marks=marks)
    assert result.text == body[0] + "\n" + body[1] + "\n"
    assert [r.rule_id for r in result.removals] == [CAPTION]
    # A gallery: the captions are most of its text, and stay.
    captions = [f"Fotografia {i}: a estação do Pocinho vista do rio, ao fim da tarde, com o comboio parado." for i in range(4)]
    page = "<html><body>" + "".join(f"<figure><img src='{i}.jpg'><figcaption>{c}</figcaption></figure>" for i, c in enumerate(captions)) + "</body></html>"
    assert _marks("\n".join(["Galeria do Douro"] + captions), _marked_blocks(_parse(page))) == {}


OWN = ("Governo aprova plano para reabrir a linha do Douro", [
    "O Conselho de Ministros aprovou esta quinta-feira o plano de reabertura do troço entre o Pocinho e Barca d'Alva, "
    "encerrado desde 1988, numa decisão há muito esperada pelos autarcas da região, que há anos reclamam a ligação ferroviária.",
    "Segundo o ministro das Infraestruturas, a obra custará cerca de 150 milhões de euros e deverá estar concluída em 2029, "
    "com financiamento europeu e do Orçamento do Estado, e o concurso para a primeira fase será lançado antes do final do ano.",
])
NEXT = ("Seca obriga a racionar água no Alentejo", [
    "As barragens do sul estão abaixo de vinte por cento da sua capacidade e os agricultores pedem apoio urgente ao Governo "
    "para enfrentar a seca prolongada deste verão, que já é a mais grave das últimas três décadas segundo os meteorologistas.",
    "O ministro da Agricultura anunciou que vai reunir com as associações do setor na próxima semana para discutir medidas "
    "de emergência e linhas de crédito, e admitiu que o racionamento pode chegar também aos concelhos do litoral.",
])


def _scroll_page(title, *articles, wrap="article"):
    body = "".join(f"<{wrap}><h1>{h}</h1>" + "".join(f"<p>{p}</p>" for p in ps) + f"</{wrap}>" for h, ps in articles)
    return f"<html lang='pt'><head><title>{title} | Jornal Exemplo</title></head><body><main><article>{body}</article></main></body></html>"


def test_a_page_holding_the_next_stories_in_full_keeps_the_one_its_title_names():
    # An infinite-scroll page: each story in its own <article> with its own <h1>, all inside
    # one wrapping <article>; jusText keeps them all, and the markup says which is the page's.
    result = cleantext.clean_html_and_explain(_scroll_page(OWN[0], OWN, NEXT), backend="justext")
    assert result.text.rstrip("\n") == "\n".join([OWN[0], *OWN[1]])
    gone = {r.text: r for r in result.removals}
    assert set(gone) == {NEXT[0], *NEXT[1]}
    assert {r.rule_id for r in gone.values()} == {"html.related.other-article"}
    assert result.kept_whole is None  # another story costs this one nothing in the body-loss guard


def test_sections_headed_by_h1_in_one_article_or_a_title_naming_none_lose_nothing():
    # Sections of one story under <h1>s share its <article>; a title that names neither story
    # leaves the page as the extractor gave it.
    one_article = _scroll_page(OWN[0], OWN, NEXT, wrap="section")
    neither = _scroll_page("Jornal Exemplo: as notícias de hoje", OWN, NEXT)
    for page in (one_article, neither):
        result = cleantext.clean_html_and_explain(page, backend="justext")
        assert "html.related.other-article" not in {r.rule_id for r in result.removals}
        assert NEXT[1][0] in result.text and OWN[1][0] in result.text


BOX_LINES = ("Réseau des bibliothèques", "Bibliothèque centrale, Médiathèque du Port", "Archives municipales, Conservatoire")


@pytest.mark.parametrize("box_class", [
    "savoir_plus_block", "paragraph--type--en-savoir-plus", "lire-aussi", "voir_aussi", "lee-tambien-caja",
    "saiba-mais saiba-mais-theme3", "leia-tambem", "leggi-anche", "mehr-zum-thema", "lees-ook", "ramka-polecane", "czytaj-takze",
    # in capitals as themes write them too: the quick test of class names ignores case as well
    "Lire-Aussi", "MEHR-ZUM-THEMA",
])
def test_a_box_named_read_also_or_learn_more_in_the_sites_language_goes(box_class):
    """Themes name the box in the site's language; the extractor keeps it as the article's end."""
    page = (HTML / "fr_article_learn_more_box.html").read_text(encoding="utf-8")
    page = page.replace('<div class="savoir_plus_block">', f'<div class="{box_class}">')
    page = page.replace('<div class="paragraph paragraph--type--en-savoir-plus">', "<div>")
    result = cleantext.clean_html_and_explain(page)
    assert all(line in result.extracted for line in BOX_LINES)  # the extractor took the box...
    assert not any(line in result.text for line in BOX_LINES)  # ...and the markup takes it out
    assert "ouverture le dimanche après-midi." in result.text
    assert {r.rule_id for r in result.removals} == {"html.related.container"}


@pytest.mark.parametrize("box_class", ["encadre", "surplus", "notebook", "mais-info", "plus-infos", "thematique"])
def test_a_box_whose_class_names_no_read_also_stays(box_class):
    page = (HTML / "fr_article_learn_more_box.html").read_text(encoding="utf-8")
    page = page.replace('<div class="savoir_plus_block">', f'<div class="{box_class}">')
    page = page.replace('<div class="paragraph paragraph--type--en-savoir-plus">', "<div>")
    result = cleantext.clean_html_and_explain(page)
    assert all(line in result.text for line in BOX_LINES)
