"""The multi-paragraph heuristics, each on a small document made for it."""
import json

import pytest

import cleantext

BODY_PT = [
    "O governo aprovou hoje o orçamento para o próximo ano, depois de um longo debate no parlamento sobre a saúde.",
    "Os deputados da oposição votaram contra e anunciaram que vão recorrer ao Tribunal Constitucional nos próximos dias.",
    "O ministro das Finanças defendeu que o orçamento protege os salários e reduz a dívida pública do país.",
    "A votação final do orçamento no parlamento está marcada para o fim do mês, depois do debate na especialidade.",
]


def explain(paras, lang="pt", **options):
    return cleantext.clean_and_explain("\n\n".join(paras) + "\n", lang=lang, **options)


def removed(result):
    return {r.text: r for r in result.removals}


def test_teaser_box_takes_headline_and_summary_and_stops_where_the_article_resumes():
    paras = BODY_PT[:2] + [
        "Leia também",
        "Seca obriga a racionar água no Alentejo",
        "As barragens do sul estão abaixo de vinte por cento e os agricultores pedem apoio urgente para a seca.",
    ] + BODY_PT[2:]
    result = explain(paras)
    gone = removed(result)
    assert set(gone) == set(paras[2:5])
    assert gone[paras[4]].rule_id == "heuristic.related.teaser"
    assert any("restates the teaser headline" in e or "content words" in e for e in gone[paras[4]].evidence)
    for p in BODY_PT:
        assert p in result.text


def test_teaser_box_with_a_headline_only_leaves_the_next_body_paragraph():
    paras = BODY_PT[:2] + ["Leia também:", "Seca obriga a racionar água no Alentejo"] + BODY_PT[2:]
    result = explain(paras)
    assert set(removed(result)) == {"Leia também:", "Seca obriga a racionar água no Alentejo"}


def test_embed_walk_back_takes_the_tweet_text_in_another_language():
    tweet = "Breaking: the budget has passed after a long night in parliament, reports say."
    signature = "pic.twitter.com/AbCdEf — Some Reporter (@reporter) July 12, 2025"
    paras = BODY_PT[:2] + [tweet, signature] + BODY_PT[2:]
    result = explain(paras)
    gone = removed(result)
    assert set(gone) == {tweet, signature}
    assert gone[tweet].rule_id == "heuristic.embed.walk-back"
    assert any("written in 'en'" in e for e in gone[tweet].evidence)


def test_embed_walk_back_stops_at_the_articles_own_language():
    signature = "— Some Reporter (@reporter) July 12, 2025"
    result = explain(BODY_PT[:2] + [signature] + BODY_PT[2:])
    assert set(removed(result)) == {signature}


def test_head_label_and_tail_clutter():
    paras = ["Política", "Orçamento aprovado com os votos do governo", "Por Ana Sousa"] + BODY_PT + [
        "Siga-nos no Instagram e no Facebook",
        "Mais lidas",
        "Seca obriga a racionar água no Alentejo",
        "Benfica vence em Braga",
        "Termos de uso Privacidade Contactos",
    ]
    result = explain(paras)
    assert result.text.startswith("Orçamento aprovado com os votos do governo\n\n" + BODY_PT[0])
    assert result.text.endswith(BODY_PT[-1] + "\n")


def test_repeated_headline_is_kept_once():
    title = "Orçamento aprovado com os votos do governo"
    result = explain([title, "há 5 horas", title] + BODY_PT)
    assert result.text.count(title) == 1
    assert removed(result)[title].rule_id == "heuristic.meta.repeated-headline"


def test_headline_repeated_in_capitals_and_other_punctuation_goes_and_a_line_opening_like_it_stays():
    """The copy is told by its letters and digits alone; a line that only opens like the
    headline is another line."""
    title = "Orçamento aprovado com os votos do governo"
    copy = "ORÇAMENTO — aprovado, com os votos do governo!"
    longer = "Orçamento aprovado com os votos do governo e da oposição"
    result = explain([title, copy] + BODY_PT + [longer])
    assert removed(result)[copy].rule_id == "heuristic.meta.repeated-headline"
    assert longer in result.text and title in result.text


def test_clean_articles_are_left_whole_in_every_seed_language():
    for lang, text in {
        "pt": BODY_PT,
        "en": ["The council approved the budget on Tuesday after a long debate about schools and roads.",
               "Opposition members voted against it and said they would take the matter to court next week."],
    }.items():
        doc = "\n\n".join(text) + "\n"
        assert cleantext.clean(doc, lang=lang) == doc


def test_guard_vetoes_a_weak_removal_of_a_long_on_topic_paragraph():
    from cleantext.config import CleanerConfig
    from cleantext.heuristics import Document, guard_body, remove
    from cleantext.paragraphs import build_paragraphs

    long_para = (
        "O ministro das Finanças explicou ainda que o orçamento para o próximo ano prevê um aumento dos salários "
        "da função pública, uma redução da dívida pública e um reforço do investimento na saúde, e que o governo "
        "espera que o parlamento aprove o orçamento na votação final marcada para o fim do mês, depois do debate."
    )
    paras = build_paragraphs(BODY_PT + [long_para, "Benfica vence em Braga"])
    doc = Document(paras, "pt", CleanerConfig())
    remove(paras[4], "heuristic.related.teaser", "related", "teaser summary", ["weak evidence"])
    remove(paras[5], "heuristic.related.teaser", "related", "teaser headline", ["weak evidence"])
    guard_body(doc)
    assert not paras[4].removed and paras[5].removed
    (guarded,) = doc.guarded
    assert guarded.line == 5 and guarded.proposed_by == "heuristic.related.teaser"
    assert "content words" in guarded.why_kept


def test_heuristics_can_be_switched_off():
    paras = BODY_PT[:2] + ["Leia também", "Seca obriga a racionar água no Alentejo"] + BODY_PT[2:]
    result = explain(paras, remove_related=False)
    assert set(removed(result)) == {"Leia também"}


def test_box_header_above_the_article_does_not_take_the_articles_headline():
    title = "Orçamento aprovado: governo defende aumento dos salários na votação do parlamento"
    result = explain(["Leia também", title] + BODY_PT)
    assert title in result.text and "Leia também" not in result.text


def test_intertitle_between_two_ad_markers_is_kept():
    paras = BODY_PT[:2] + ["Publicidade", "Votação final", "Publicidade"] + BODY_PT[2:]
    result = explain(paras)
    assert "Votação final" in result.text and "Publicidade" not in result.text


def test_body_paragraph_after_a_teaser_that_shares_one_word_with_it_is_kept():
    teaser = "Seca obriga a racionar água no Alentejo e no Algarve durante o verão"
    resume = "No Alentejo, os deputados pediram ao ministro que as obras comecem ainda este ano, antes das eleições."
    paras = BODY_PT[:2] + ["Leia também", teaser, resume] + BODY_PT[2:]
    result = explain(paras)
    assert resume in result.text and teaser not in result.text


def test_the_headline_copied_with_a_link_under_the_article_is_the_sites_post_sharing_it():
    title = "Parlamento aprova o orçamento do Estado para o próximo ano"
    post = title + " https://t.co/q3Lm8RvWa2"
    result = explain([title] + BODY_PT + ["Jornal Diário @jornaldiario", post])
    assert removed(result)[post].rule_id == "heuristic.meta.repeated-headline"
    assert result.text.count(title) == 1 and all(p in result.text for p in BODY_PT)

def test_article_given_twice_is_kept_once_and_does_not_trip_the_body_loss_guard():
    """A page that holds its article twice (main view and an AMP or noscript copy): the copy
    goes, and since nothing of the text is lost with it, the guard does not keep all."""
    title = "Orçamento aprovado com os votos do governo"
    paras = [title] + BODY_PT + ["2019-11-19T08:57:40+01:00"] + BODY_PT
    result = explain(paras)
    assert result.kept_whole is None
    assert result.text == "\n\n".join([title] + BODY_PT) + "\n"
    copies = [r for r in result.removals if r.category == "duplicate"]
    assert [r.text for r in copies] == BODY_PT
    assert all(r.rule_id == "heuristic.duplicate.article-copy" for r in copies)
    assert "repeats line 3" in copies[0].reason and "100% of the article" in copies[0].evidence[0]
    assert cleantext.clean(result.text, lang="pt") == result.text


def test_paragraphs_repeated_on_purpose_are_kept():
    """Recipes, plans and forum quotes repeat a few paragraphs: not the article given again."""
    extra = [
        "Os sindicatos dos professores marcaram uma greve para a próxima semana, contra o novo regime de carreiras.",
        "O primeiro-ministro disse aos jornalistas que o diálogo com os parceiros sociais vai continuar em setembro.",
    ]
    paras = BODY_PT + extra + BODY_PT[:3]
    result = explain(paras)
    assert not result.removals
    assert result.text.count(BODY_PT[0]) == 2


def test_a_box_of_dated_teasers_is_taken_whole_even_on_the_articles_topic():
    """Related stories share the article's topic, which stops the walk; but a box whose first
    item is a headline with a date under it lists every item so, and the walk goes on over
    the items of that shape."""
    items = [
        "Orçamento: oposição pede debate sobre a dívida pública",
        "12 de março de 2024",
        "Os deputados da oposição querem ouvir o ministro das Finanças sobre a dívida pública do país.",
        "Parlamento marca votação final do orçamento do governo",
        "3 de março de 2024",
        "O parlamento marcou a votação final do orçamento para o fim do mês, depois do debate na especialidade.",
        "Ministro das Finanças defende orçamento no parlamento",
        "28.02.2024",
        "O ministro das Finanças defendeu no parlamento que o orçamento protege os salários do país.",
    ]
    paras = BODY_PT + ["Leia também"] + items
    result = explain(paras, strict=True)  # more box than article here: past the body-loss guard
    gone = removed(result)
    assert set(gone) == {"Leia também", *items}
    assert any("shaped as the box's first" in e for e in gone[items[3]].evidence)
    for p in BODY_PT:
        assert p in result.text


def test_dated_lines_after_a_box_do_not_take_the_article_that_resumes():
    """Only items of the first one's shape go: the article's next paragraph, longer than a
    headline and without a date under it, stops the walk."""
    items = ["Orçamento: oposição pede debate sobre a dívida pública", "12 de março de 2024"]
    paras = BODY_PT[:2] + ["Leia também"] + items + BODY_PT[2:] + ["Lisboa, 2024"]
    result = explain(paras)
    assert set(removed(result)) <= {"Leia também", *items, "Lisboa, 2024"}
    for p in BODY_PT:
        assert p in result.text


def test_the_headline_with_the_page_titles_additions_goes_and_the_bare_headline_stays():
    headline = "Orçamento aprovado com os votos do governo"
    for first, second in ((f"{headline} | Política | Jornal Exemplo | 23.05.2024", headline),
                          (headline, f"{headline} - Jornal Exemplo")):
        result = explain([first, second] + BODY_PT)
        gone = removed(result)
        echo = first if first != headline else second
        assert set(gone) == {echo}
        assert gone[echo].rule_id == "heuristic.meta.title-echo"
        assert result.text.startswith(headline + "\n")
        assert cleantext.clean(result.text, lang="pt") == result.text  # the bare headline stays on a second pass


def test_a_subtitle_after_the_headline_is_not_a_title_echo():
    headline = "Orçamento aprovado com os votos do governo"
    subtitle = f"{headline} - oposição promete recorrer ao Tribunal Constitucional nos próximos dias"
    result = explain([subtitle, headline] + BODY_PT)
    assert "heuristic.meta.title-echo" not in {r.rule_id for r in result.removals}


BODY_PL = [
    "Rząd przyjął w czwartek projekt budżetu na przyszły rok po długiej debacie w Sejmie o zdrowiu.",
    "Posłowie opozycji głosowali przeciw i zapowiedzieli skargę do Trybunału Konstytucyjnego w przyszłym tygodniu.",
    "Minister finansów przekonywał, że budżet chroni płace i zmniejsza dług publiczny kraju w kolejnych latach.",
    "Ostateczne głosowanie nad budżetem zaplanowano na koniec miesiąca, po debacie w komisjach sejmowych.",
]


def test_a_paragraph_ending_with_the_read_more_link_is_a_teaser():
    teaser = "Protestujący rolnicy zablokowali drogi w trzech województwach, żądając zmian w przepisach. [czytaj więcej]"
    body_end = "Chcesz wiedzieć, co dalej z budżetem? Dowiedz się więcej o swoim zdrowiu"
    result = explain(BODY_PL[:2] + [teaser] + BODY_PL[2:] + [body_end], lang="pl")
    gone = removed(result)
    assert set(gone) == {teaser}
    assert gone[teaser].rule_id == "heuristic.related.more-link-tail"
    assert any("pl.related.more-link" in e for e in gone[teaser].evidence)


def test_off_topic_paragraphs_above_read_more_links_are_teasers_and_a_lede_above_one_link_stays():
    teasers = ["Słodkie i soczyste owoce, które mogą być składnikiem deserów i szybkich sałatek na lato.",
               "Francuskie, filo czy kruche ciasto na słono może mieć wiele postaci, także tarty i quiche."]
    box = [teasers[0], "Czytaj więcej", teasers[1], "Czytaj więcej"]
    result = explain(BODY_PL + box, lang="pl")
    gone = removed(result)
    assert set(gone) == set(box)
    assert {gone[t].rule_id for t in teasers} == {"heuristic.related.more-link-above"}
    # One link: the page may give only the start of its article, its lede above "Czytaj więcej".
    for paras in (BODY_PL + box[:2], BODY_PL[:1] + box[:2]):
        assert set(removed(explain(paras, lang="pl"))) == {"Czytaj więcej"}


def test_an_abbreviation_on_the_last_line_signs_the_article_off_and_stays_elsewhere():
    for signature in ("RIRM", "(RIRM)", "mk/RIRM"):
        result = explain(BODY_PL + [signature], lang="pl")
        gone = removed(result)
        assert set(gone) == {signature}, signature
        assert gone[signature].rule_id == "heuristic.meta.closing-signature"
        assert cleantext.clean(result.text, lang="pl") == result.text
    # Not the last line, or after a list rather than the article's last paragraph: a heading or an item.
    for paras in (BODY_PL[:2] + ["NATO"] + BODY_PL[2:], BODY_PL + ["Członkowie:", "- Polska", "- Niemcy", "NATO"]):
        assert "heuristic.meta.closing-signature" not in {r.rule_id for r in explain(paras, lang="pl").removals}


def test_a_bulleted_list_of_other_stories_closing_the_text_goes_with_its_label():
    stories = ["- Incêndio destrói armazém de móveis na zona industrial de Setúbal",
               "- A história da mulher de 77 anos que acaba de se licenciar em Coimbra",
               "- Festival de jazz regressa ao Porto com cartaz de músicos africanos"]
    result = explain(BODY_PT + ["LISBOA"] + stories)
    gone = removed(result)
    assert set(gone) == {"LISBOA", *stories}
    assert {r.rule_id for r in gone.values()} == {"heuristic.related.tail-list"}
    assert cleantext.clean(result.text, lang="pt") == result.text
    # The article's own list (its points restate the article), a list of two, or a list that
    # the article goes on after: all stay.
    own = ["- O orçamento protege os salários dos funcionários públicos",
           "- O orçamento reduz a dívida pública do país",
           "- A oposição vai recorrer ao Tribunal Constitucional"]
    for paras in (BODY_PT + ["Em resumo:"] + own, BODY_PT + stories[:2], BODY_PT[:2] + stories + BODY_PT[2:]):
        assert not removed(explain(paras)), paras


def test_a_tight_box_then_a_blank_line_ends_the_box_where_the_article_resumes():
    """Header and teasers set without blank lines between them, then a blank line: what
    follows is the article again, an intertitle as much as a paragraph, though it shares no
    word with what came before."""
    box = "Leia também:\nSeca obriga a racionar água no Alentejo"
    intertitle = "Mais hospitais no interior"
    text = "\n\n".join(BODY_PT[:2] + [box, intertitle] + BODY_PT[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert set(removed(result)) == {"Leia também:", "Seca obriga a racionar água no Alentejo"}
    assert intertitle in result.text


def test_a_box_closing_the_page_goes_on_past_its_blank_lines():
    """At the end of the page, with no more of the article to come, a blank line inside the
    box does not end it."""
    box = "Leia também:\nSeca obriga a racionar água no Alentejo"
    more = "Notícias do fórum\nLinks interessantes"
    text = "\n\n".join(BODY_PT + [box, more]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert {"Notícias do fórum", "Links interessantes"} <= set(removed(result))


def test_embed_walk_back_reads_the_usual_gap_from_the_body_paragraphs():
    """Paragraphs parted by blank lines, a list set tight: the blank line before the tweet is
    the body's usual gap, and the paragraphs above it stay."""
    items = "Lisboa,\nPorto,\nFaro,\nBraga,\nCoimbra,\nÉvora,\nViseu,\nLeiria."
    before = "O presidente da câmara escreveu na rede X que a cidade vai pagar as obras das escolas."
    tweet = "Huge queues at the polling stations in Lisbon this morning, turnout looks high"
    signature = "pic.twitter.com/AbCdEf — Some Reporter (@reporter) July 12, 2025"
    text = "\n\n".join(BODY_PT[:2] + [items, before, tweet + "\n" + signature] + BODY_PT[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert set(removed(result)) == {tweet, signature}
    assert before in result.text


def test_a_chinese_paragraph_after_a_teaser_box_shares_its_words_by_character_pairs():
    body = [
        "研究团队历时八年，从上千份野生稻资源中筛选耐盐基因，培育出新的耐盐碱水稻品系。",
        "测产结果显示，新品系在含盐量较高的土壤中出苗率保持在百分之八十五以上，耐盐碱水稻亩产明显提高。",
        "专家认为，耐盐碱水稻的推广需要配套的灌溉排盐技术，也需要更多试验田的数据。",
    ]
    box = "相关阅读\n我国科学家揭示玉米耐高温新机制"
    resumed = "项目负责人在微博上表示，这种新品系让大片盐碱地变成良田，推广耐盐碱水稻前景广阔。"
    text = "\n\n".join(body[:2] + [box, resumed, body[2]]) + "\n"
    result = cleantext.clean_and_explain(text, lang="zh")
    assert "我国科学家揭示玉米耐高温新机制" not in result.text
    assert resumed in result.text


def test_the_head_runs_past_a_standfirst_set_above_the_byline_and_share_row():
    """Headline, standfirst, then the byline and the share buttons, then the article: the
    byline between the standfirst and the share row is the head's, as it would be above it."""
    headline = "Orçamento aprovado com os votos do governo"
    furniture = ["Ana Sousa", "Partilhar no Facebook", "Partilhar no WhatsApp"]
    result = explain([headline, BODY_PT[0]] + furniture + BODY_PT[1:])
    gone = removed(result)
    assert set(gone) == set(furniture)
    assert gone["Ana Sousa"].rule_id == "heuristic.meta.head-label"
    assert any("after the standfirst" in e for e in gone["Ana Sousa"].evidence)
    assert headline in result.text and all(p in result.text for p in BODY_PT)


def test_a_byline_between_the_subtitle_and_the_date_is_the_heads():
    """Headline, a subtitle with no full stop (so not body), the author's bare name, the date a
    rule removes, then the article: the name sits in the head's furniture. Right under the
    subtitle with the article after it and nothing found around it, the same line stays."""
    headline = "Orçamento aprovado com os votos do governo"
    subtitle = "Oposição promete recorrer ao Tribunal Constitucional e fala de um documento feito à pressa"
    result = explain([headline, subtitle, "Ana Sousa", "12 de março de 2024, 10:15"] + BODY_PT)
    gone = removed(result)
    assert gone["Ana Sousa"].rule_id == "heuristic.meta.head-label"
    assert headline in result.text and subtitle in result.text and all(p in result.text for p in BODY_PT)
    kept = explain([headline, subtitle, "Ana Sousa"] + BODY_PT)
    assert "Ana Sousa" in kept.text.split("\n")


def test_a_byline_closed_by_a_full_stop_is_the_heads_and_a_short_sentence_is_not():
    """Some sites close the author's name with a full stop ("Ana Sousa."): under the standfirst,
    between the desk's name and the date a rule removes, it goes as the bare name does. A short
    sentence or a slogan in the same place ("Tudo mudou.", "Mmmmm. Power.") is no name.
    (The agency's name goes by its rule.)"""
    headline = "Orçamento aprovado com os votos do governo"
    for byline in ["Ana Sousa.", "A. M. Sousa."]:
        result = explain([headline, BODY_PT[0], "Agência Lusa", byline, "12 de março de 2024, 10:15"] + BODY_PT[1:])
        gone = removed(result)
        assert gone[byline].rule_id == "heuristic.meta.head-label" and "Agência Lusa" in gone, byline
        assert headline in result.text and all(p in result.text for p in BODY_PT)
    for line in ["Tudo mudou.", "Mmmmm. Power."]:
        result = explain([headline, BODY_PT[0], "Agência Lusa", line, "12 de março de 2024, 10:15"] + BODY_PT[1:])
        assert line in result.text.split("\n"), line


def test_a_name_with_its_particles_counts_as_a_label():
    """"Paulo de Sousa e Silva" is five words and three names: a byline all the same. A line of as
    many words that is not a name ("Dados de 2024 em análise") is not a label."""
    headline = "Orçamento aprovado com os votos do governo"
    for line, goes in [("Paulo de Sousa e Silva", True), ("Dados de 2024 em análise", False)]:
        result = explain([headline, BODY_PT[0], line, "Partilhar no Facebook", "Partilhar no WhatsApp"] + BODY_PT[1:])
        assert (line not in result.text) == goes, line
        assert headline in result.text and all(p in result.text for p in BODY_PT)


def test_a_byline_alone_between_two_paragraphs_is_not_taken_for_the_head():
    """Without boilerplate around it, a line under the first paragraph may be the article's
    own (an intertitle, a name that starts a quote): the head ends at the first paragraph."""
    for line in ["Ana Sousa", "Por Ana Sousa"]:
        result = explain(["Orçamento aprovado com os votos do governo", BODY_PT[0], line] + BODY_PT[1:])
        assert line in result.text.split("\n"), line


def test_a_box_set_tight_takes_its_items_even_on_the_articles_topic():
    """Related stories share the article's words; set tight under the header, where the body's
    paragraphs stand apart, they are the box's all the same."""
    box = "Leia também:\nSeca obriga a racionar água no Alentejo\nOrçamento da saúde sobe para o próximo ano no parlamento"
    text = "\n\n".join(BODY_PT[:2] + [box] + BODY_PT[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    gone = removed(result)
    assert set(gone) == set(box.split("\n"))
    assert any("set tight under it" in e for e in gone[box.split("\n")[2]].evidence)


def test_a_kicker_over_a_teaser_headline_in_a_box_set_tight_is_the_boxs():
    """"Alentejo:" over its headline, set tight in the box, is the teaser's kicker. A line ending
    in a colon over a sentence introduces it (the article's list, a quote): the box ends there."""
    items = ["Alentejo:", "Seca obriga a racionar água nas aldeias", "Parlamento:", "Orçamento da saúde sobe para o próximo ano"]
    text = "\n\n".join(BODY_PT[:2] + ["Leia também\n" + "\n".join(items)] + BODY_PT[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    gone = removed(result)
    assert set(gone) == {"Leia também"} | set(items)
    assert any("set tight over the headline" in e for e in gone["Alentejo:"].evidence)
    assert all(p in result.text for p in BODY_PT)
    lead_in = "Os deputados explicaram:"
    sentence = "A votação foi adiada porque faltavam os pareceres das comissões."
    text = "\n\n".join(BODY_PT[:2] + ["Leia também\n" + "\n".join(items[:2] + [lead_in, sentence])] + BODY_PT[2:]) + "\n"
    kept = cleantext.clean_and_explain(text, lang="pt")
    assert lead_in in kept.text and sentence in kept.text


def test_in_a_text_without_blank_lines_a_box_may_open_with_a_question():
    """Right under the header, in a text without blank lines, a question with another headline
    under it is the box's first item, on the article's topic or not; the walk goes on to the next."""
    asks = "Quem vai pagar o orçamento que o governo aprovou no parlamento?"
    headline = "Seca obriga a racionar água nas aldeias do Alentejo"
    result = cleantext.clean_and_explain("\n".join(BODY_PT[:2] + ["Leia também", asks, headline] + BODY_PT[2:]) + "\n", lang="pt")
    assert set(removed(result)) == {"Leia também", asks, headline}
    assert all(p in result.text for p in BODY_PT)


def test_a_teaser_headline_may_ask_but_a_call_to_action_after_a_box_stays():
    asks = "Quem vai pagar a nova ponte sobre o rio Tejo em Lisboa?"
    paras = BODY_PT[:2] + ["Leia também:", asks, "Seca obriga a racionar água no Alentejo"] + BODY_PT[2:]
    assert set(removed(explain(paras))) == set(paras[2:5])
    cta = "Quer saber mais?"
    paras = BODY_PT[:2] + ["Leia também:", "Seca obriga a racionar água no Alentejo", cta] + BODY_PT[2:]
    assert cta in explain(paras).text


def test_embed_walk_back_takes_a_post_in_the_articles_language_by_its_link_or_emoji():
    post = "Orçamento sem ambição. O governo corta onde dói e gasta onde não devia. pic.twitter.com/Hk3LmP9sQe"
    cheer = "Que noite 🤯"
    signature = "— Deputado Silva (@dep_silva) September 30, 2025"
    result = explain(BODY_PT[:2] + [cheer + "\n" + post + "\n" + signature] + BODY_PT[2:])
    gone = removed(result)
    assert set(gone) == {cheer, post, signature}
    # The line closed by the picture's link is a post's in any language (a common rule); the
    # walk-back takes the post's line above it by its emoji.
    assert gone[post].rule_id == "common.embed.tweet-text"
    assert gone[cheer].rule_id == "heuristic.embed.walk-back"
    assert any("🤯" in e for e in gone[cheer].evidence)
    assert all(p in result.text for p in BODY_PT)


def test_embed_walk_back_over_a_post_line_a_rule_took_stops_at_the_article_set_tight_above():
    """The post's last line went by its rule; the signature under it still stands right under
    the post's text, and the article's line set tight above the post introduces it: kept."""
    intro = "O líder da oposição reagiu de imediato na rede social X, com uma frase curta e dura:"
    post = "Orçamento sem ambição. O governo corta onde dói e gasta onde não devia. pic.twitter.com/Hk3LmP9sQe"
    signature = "— Deputado Silva (@dep_silva) September 30, 2025"
    result = explain(BODY_PT[:2] + [intro + "\n" + post + "\n" + signature] + BODY_PT[2:])
    assert set(removed(result)) == {post, signature}
    assert intro in result.text


def test_after_a_teaser_with_its_summary_a_short_line_too_short_to_judge_is_the_article():
    """A box of headline and summary, then the article's next intertitle, set without blank
    lines: the intertitle has too few words to judge, and the box has shown its shape."""
    box = ["Leia também", "Seca obriga a racionar água no Alentejo",
           "As barragens do sul estão abaixo de vinte por cento e os agricultores pedem apoio urgente."]
    text = "\n".join(BODY_PT[:2] + box + ["Os próximos passos"] + BODY_PT[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert set(removed(result)) == set(box)
    assert "Os próximos passos" in result.text


def test_a_tight_box_ends_at_a_blank_line_before_a_body_paragraph_even_off_the_topic():
    box = "Leia também:\nSeca obriga a racionar água no Alentejo\nCheias no Douro cortam estradas"
    closing = "A decisão final sobre o calendário de obras será tomada no outono pela comissão técnica."
    text = "\n\n".join(BODY_PT + [box, closing]) + "\n"
    result = cleantext.clean_and_explain(text, lang="pt")
    assert closing in result.text
    assert "Cheias no Douro cortam estradas" not in result.text


def test_a_japanese_site_name_above_the_headline_is_a_label_not_the_headline():
    headline = "クマの出没、秋田県内で過去最多ペース　住宅地での目撃相次ぐ"
    body = [
        "秋田県によると、今年４月から９月末までに寄せられたクマの目撃件数は１２００件を超え、過去最多だった昨年の同じ時期を上回った。",
        "県は住民に対し、早朝や夕方の外出を控え、生ごみを屋外に放置しないよう呼びかけている。",
        "専門家は、山の木の実が不作だったことが出没の増加につながっているとみている。",
    ]
    text = "\n\n".join(["社会・地域", "2025年10月12日 18時30分", "北日本ニュース", headline] + body + [headline]) + "\n"
    result = cleantext.clean_and_explain(text, lang="ja")
    assert result.text.split("\n").count(headline) == 1
    assert "北日本ニュース" not in result.text


BODY_EN = [
    "The council approved the budget today after a long debate about the future of the city's libraries and parks.",
    "Opposition members voted against it and said they would take the matter to the regional court next week.",
    "The finance director said the budget protects wages and reduces the city's debt over the next five years.",
    "A final vote on the spending plan is set for the end of the month, after the committee hearings.",
]


def test_a_share_column_goes_with_its_header_and_a_list_of_apps_stays():
    column = ["Share", "Facebook", "X", "WhatsApp", "Email"]
    listed = ["The apps the ministry banned on official phones were:", "Telegram", "WhatsApp", "Viber"]
    result = explain(BODY_EN[:1] + column + BODY_EN[1:] + listed, lang="en")
    gone = removed(result)
    assert set(gone) == set(column)
    assert gone["X"].rule_id == "common.share.column-item"
    assert any("in a column with the share line" in e for e in gone["X"].evidence)
    for line in BODY_EN + listed:  # head rules (a lone network name) do not fire after the article
        assert line in result.text.split("\n")


def test_a_column_of_three_names_goes_alone_but_one_name_stays():
    column = ["Facebook", "X", "Email"]
    result = explain(BODY_EN[:2] + column + BODY_EN[2:], lang="en")
    assert set(removed(result)) == set(column)
    result = explain(BODY_EN[:2] + ["X"] + BODY_EN[2:], lang="en")
    assert not result.removals


def test_the_author_box_takes_its_bio_when_it_closes_the_article():
    bio = "Jane Doe covers city hall and transport for the paper and has worked there since 2015."
    result = explain(BODY_EN + ["About the author", bio], lang="en")
    gone = removed(result)
    assert set(gone) == {"About the author", bio}
    assert gone[bio].rule_id == "heuristic.meta.author-bio"
    # above the article, the box's next paragraph is the article's: it stays
    result = explain(["About the author", BODY_EN[0]] + BODY_EN[1:], lang="en")
    assert set(removed(result)) == {"About the author"}


def test_a_cjk_author_box_header_counted_in_character_pairs_takes_its_bio_too():
    body = ["松本市の老舗銭湯が今月末で営業を終えることになった。燃料費の高騰と後継者不足が理由だという。",
            "最終日には多くの常連客が訪れる見込みで、店主は長年の利用に感謝の言葉を述べた。",
            "市内の銭湯はこの十年で半分に減っており、市は支援策の検討を始めている。"]
    result = explain(body + ["この記事を書いた人", "北村浩平"], lang="ja")
    gone = removed(result)
    assert set(gone) == {"この記事を書いた人", "北村浩平"}
    assert gone["北村浩平"].rule_id == "heuristic.meta.author-bio"
    assert all(p in result.text for p in body)


def test_a_question_right_under_a_read_also_header_in_the_article_is_its_first_teaser():
    teaser = "Quem paga o orçamento do próximo ano aprovado hoje no parlamento?"  # on the article's topic
    text = "\n".join(BODY_PT[:2] + ["Leia também:", teaser] + BODY_PT[2:]) + "\n"
    gone = removed(cleantext.clean_and_explain(text, lang="pt"))
    assert set(gone) == {"Leia também:", teaser}
    assert gone[teaser].rule_id == "heuristic.related.teaser"


def test_a_question_as_long_as_a_headline_set_tight_in_its_box_is_a_teaser():
    # Vietnamese spaces its syllables: a headline that asks counts more words than most.
    teasers = ["Thi lớp 10 ở Hà Nội năm 2025: môn thứ tư là gì?",
               "Học sinh lớp 9 TP.HCM ôn thi thế nào khi đề có nhiều câu hỏi thực tế?"]
    body = ["Sở Giáo dục và Đào tạo TP.HCM vừa công bố lịch thi tuyển sinh lớp 10 năm học 2025 - 2026 cho các trường công lập.",
            "Theo kế hoạch, thí sinh sẽ thi ba môn bắt buộc là ngữ văn, toán và ngoại ngữ trong hai ngày đầu tháng sáu.",
            "Kết quả thi dự kiến được công bố vào cuối tháng sáu, sau đó các trường sẽ xét tuyển theo nguyện vọng của thí sinh.",
            "Thí sinh có nguyện vọng vào lớp 10 chuyên sẽ thi thêm môn chuyên vào buổi chiều của ngày thi thứ hai."]
    result = explain(body[:2] + ["\n".join(["Tin liên quan", *teasers])] + body[2:], lang="vi")
    gone = removed(result)
    assert set(gone) == {"Tin liên quan", *teasers}
    assert all(p in result.text for p in body)


def test_posted_comments_go_between_the_sections_lines_and_the_article_stays():
    section = ["Comments (2)", "jane_doe · 2 hours ago", "Typical council, always the same story with these budgets.",
               "Reply · Report", "mark77 · 3 hours ago", "Finally some good news for the parks.", "Reply · Report"]
    result = explain(BODY_EN + section, lang="en")
    gone = removed(result)
    assert set(gone) == set(section)
    assert gone["Finally some good news for the parks."].rule_id == "heuristic.comments.posted"
    assert result.text == "\n\n".join(BODY_EN) + "\n"
    # more than a comment's lines between two of the section's: the article's, and they stay
    result = explain(["Comments (2)"] + BODY_EN + ["Reply · Report"], lang="en")
    assert set(removed(result)) == {"Comments (2)", "Reply · Report"}


def test_the_authors_name_alone_after_the_article_signs_it_off():
    result = explain(BODY_EN + ["Jane Doe", "Tags: budget, council, parks"], lang="en")
    gone = removed(result)
    assert set(gone) == {"Jane Doe", "Tags: budget, council, parks"}
    assert gone["Jane Doe"].rule_id == "heuristic.meta.closing-signature"
    # two names after the article are a list of its own (the jury, the cast): they stay
    result = explain(BODY_EN + ["Jane Doe", "Mark Lee"], lang="en")
    assert not result.removals


def test_a_bare_running_time_goes_with_the_listen_line_above_it_but_not_in_a_live_blog():
    result = explain(BODY_EN[:2] + ["Listen to this article", "06:51"] + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(gone) == {"Listen to this article", "06:51"}
    assert gone["06:51"].rule_id == "heuristic.embed.player-time"
    # a live blog heads its entries with bare times: one after a listen line is one of them ...
    blog = ["14:05", BODY_EN[0], "Listen to this article", "06:51", BODY_EN[1], "13:40", BODY_EN[2]]
    assert set(removed(explain(blog, lang="en"))) == {"Listen to this article"}
    # ... unless the line above is a play button
    blog[2] = "▶ Watch the video"
    assert set(removed(explain(blog, lang="en"))) == {"▶ Watch the video", "06:51"}


def test_a_bare_counter_goes_after_a_photo_line_and_a_rating_stays():
    result = explain(BODY_EN[:2] + ["Photo: Reuters", "1 / 9"] + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(gone) == {"Photo: Reuters", "1 / 9"}
    assert gone["1 / 9"].rule_id == "heuristic.meta.gallery-counter"
    assert not explain(BODY_EN[:2] + ["Our verdict", "5/5"] + BODY_EN[2:], lang="en").removals
    assert set(removed(explain(BODY_EN[:2] + ["Photo: Reuters", "9 / 1"] + BODY_EN[2:], lang="en"))) == {"Photo: Reuters"}


def test_a_newsletter_box_takes_its_pitch_but_the_articles_sentence_stays():
    box = ["Sign up to the Morning Briefing", "Everything you need to start the day, delivered before breakfast.",
           "Enter your email address", "Sign up"]
    result = explain(BODY_EN + box, lang="en")
    gone = removed(result)
    assert set(gone) == set(box)
    assert gone[box[1]].rule_id == "heuristic.promo.pitch"
    assert result.text == "\n\n".join(BODY_EN) + "\n"
    on_topic = "The council's budget vote on the libraries and parks was the longest debate of the year."
    result = explain(BODY_EN + [box[0], on_topic, box[2]], lang="en")
    assert on_topic in result.text


def test_a_channel_post_goes_with_its_views_line_and_the_channels_name():
    post = ["City Transport", "⚠️ Bus line 4 is diverted today because of roadworks on Main Street.", "👁 14,3K · 15:41"]
    result = explain(BODY_EN[:2] + post + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(gone) == set(post)
    assert gone["City Transport"].rule_id == "heuristic.embed.channel-name"
    assert gone[post[1]].rule_id == "heuristic.embed.walk-back"
    assert result.text == "\n\n".join(BODY_EN) + "\n"


def test_a_boxs_only_item_asking_a_question_goes_when_nothing_of_the_article_follows():
    question = "What is a climate shelter and where can you find one?"
    gone = removed(explain(BODY_EN + ["You may also like", question], lang="en"))
    assert gone[question].rule_id == "heuristic.related.teaser"
    assert "the last line kept" in gone[question].evidence[-1]


def test_the_lede_stays_above_a_continue_reading_link_even_when_the_article_has_two():
    lede = "Słodkie i soczyste owoce, które mogą być składnikiem deserów i szybkich sałatek na lato."
    paras = [lede, "Czytaj więcej"] + BODY_PL[:2] + ["Czytaj więcej"] + BODY_PL[2:]
    assert set(removed(explain(paras, lang="pl"))) == {"Czytaj więcej"}


def test_a_word_after_a_boxs_teasers_is_the_articles_intertitle():
    box = ["Related", "Mayor opens a new bridge over the river after three years of works",
           "Storm warning issued for the coast as winds reach ninety kilometres an hour"]
    scorers = ["Goals", "23' Smith (City)", "61' Jones (United)"]
    result = explain(BODY_EN[:2] + box + scorers + BODY_EN[2:], lang="en")
    assert set(removed(result)) == set(box)
    assert all(line in result.text.split("\n") for line in scorers)


def test_variants_of_one_language_count_as_one():
    from cleantext.language import same_language

    assert same_language("hr", "bs") and same_language("sr", "hr") and same_language("nb", "no")
    assert not same_language("hr", "sl") and not same_language("en", "de")


def pt_rule_file(tmp_path, rule_id, scope, pattern, remove, keep, block=None):
    """A user rule file holding one Portuguese rule, for a heuristic that a rule sets off."""
    lines = ["[language]", 'code = "pt"', 'name = "Portuguese"', "", "[[rules]]", f'id = "{rule_id}"',
             f'category = "{rule_id.split(".")[1]}"', f'scope = "{scope}"', *([f'block = "{block}"'] if block else []),
             'message = "A test rule"', f"pattern = '{pattern}'",
             f"remove = {json.dumps(remove, ensure_ascii=False)}", f"keep = {json.dumps(keep, ensure_ascii=False)}"]
    path = tmp_path / f"{rule_id}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_press_contact_box_takes_its_contact_lines_but_not_the_articles_service_line(tmp_path):
    rules = pt_rule_file(tmp_path, "pt.footer.test-press-contact", "block", r"^contacto\s+(?:de\s+)?imprensa\s*:?$",
                         ["Contacto de imprensa:"], ["O contacto de imprensa do ministério não respondeu."], block="contact-after")
    service = "Informações: tel. 213 456 789, das 9h às 17h."
    box = ["Contacto de imprensa:", "Ana Lopes, assessora de imprensa", "tel. +351 213 000 123", "e-mail: imprensa@exemplo.pt"]
    paras = BODY_PT[:2] + [service] + BODY_PT[2:] + box
    result = cleantext.Cleaner(rule_files=[rules]).clean_and_explain("\n".join(paras) + "\n", lang="pt")
    gone = removed(result)
    assert set(gone) == set(box)
    assert gone["tel. +351 213 000 123"].rule_id == "heuristic.footer.contact-box"
    assert gone["Ana Lopes, assessora de imprensa"].category == "footer"
    # Without a phone or an e-mail under it, the header takes nothing after it.
    paras = BODY_PT + ["Contacto de imprensa:", "Ana Lopes, assessora de imprensa", BODY_PT[0].replace("hoje", "ontem")]
    result = cleantext.Cleaner(rule_files=[rules]).clean_and_explain("\n".join(paras) + "\n", lang="pt")
    assert set(removed(result)) == {"Contacto de imprensa:"}


def test_a_label_above_a_list_heads_the_articles_key_points(tmp_path):
    rules = pt_rule_file(tmp_path, "pt.meta.test-label", "head", "^destaques$", ["Destaques"],
                         ["Destaques da semana no parlamento foram muitos."])
    title = "Parlamento aprova o orçamento do Estado para o próximo ano"
    cleaner = cleantext.Cleaner(rule_files=[rules])
    listed = [title, "Destaques", "- o défice desce para dois por cento;", "- os salários sobem três por cento;"] + BODY_PT
    assert cleaner.clean("\n".join(listed) + "\n", lang="pt").split("\n")[1] == "Destaques"
    labelled = [title, "Destaques"] + BODY_PT
    assert "Destaques" not in cleaner.clean("\n".join(labelled) + "\n", lang="pt")


def test_a_label_with_its_figures_after_the_standfirst_is_the_articles_data():
    title = "Benfica vence o Sporting e sobe ao primeiro lugar"
    paras = [title, BODY_PT[0], "Parciais: 25-20, 18-25", "O capitão festeja o ponto decisivo. Foto: Lusa"] + BODY_PT[1:]
    result = explain(paras)
    assert "Parciais: 25-20, 18-25" in result.text
    assert "O capitão festeja o ponto decisivo. Foto: Lusa" in removed(result)


def test_a_byline_set_over_two_lines_goes_but_a_products_data_lines_stay():
    title = "Parlamento aprova o orçamento do Estado para o próximo ano"
    date = "12 de março de 2025, 10:42"
    result = explain([title, "Ana Sousa", "Jornalista", date] + BODY_PT)
    gone = removed(result)
    assert set(gone) == {"Ana Sousa", "Jornalista", date}
    assert gone["Jornalista"].rule_id == gone["Ana Sousa"].rule_id == "heuristic.meta.head-label"
    data = [title, "Marca: Acme", "Cor: branco", date] + BODY_PT
    assert set(removed(explain(data))) == {date}


def test_tags_under_the_article_go_when_boilerplate_follows_or_a_tags_header_heads_them():
    tags = ["Lisboa", "Orçamento do Estado", "parlamento"]
    gone = removed(explain(BODY_PT + tags + ["Comentários (12)"]))
    assert set(tags) <= set(gone) and gone["Lisboa"].rule_id == "heuristic.meta.tail-tags"
    gone = removed(explain(BODY_PT + ["Tópicos"] + tags[:2]))  # under a header, however few
    assert set(tags[:2]) <= set(gone) and "tags header" in gone["Lisboa"].evidence[-1]
    # With nothing after them they may be the article's own last lines; introduced ("Precisa
    # de:"), figures or code are a list, a table, a program: they stay.
    assert not removed(explain(BODY_PT + tags))
    for own in (["Precisa de:", "Farinha", "Ovos", "Açúcar"], ["Vitória", "Empate 2", "Derrota 3"],
                ["return x;", "}", "}"]):
        kept = explain(BODY_PT + own + ["Comentários (12)"]).text.split("\n")
        assert all(line in kept for line in own[1:]), own


def test_a_menu_over_the_headline_goes_whole_under_boilerplate_or_at_the_start_of_a_text():
    menu = ["Lisboa", "Porto", "Coimbra", "Braga", "Faro"]
    title = "Parlamento aprova o orçamento do Estado para o próximo ano"
    for head in (["Menu"] + menu, menu):
        gone = removed(explain(head + [title] + BODY_PT))
        assert set(menu) <= set(gone) and title not in gone, head
    # A menu's items may end in a short function word ("Lig" is in the Turkish stoplist).
    menu_tr = ["Futbol", "Süper Lig", "Basketbol", "Voleybol", "Canlı Skor"]
    body_tr = ["Göztepe, sahasında Konyaspor'u son dakikada attığı golle 2-1 yendi ve ligde üst sıralara tırmandı.",
               "Teknik direktör maçtan sonra yaptığı açıklamada oyuncularının mücadelesinden çok memnun olduğunu söyledi."]
    gone = removed(cleantext.clean_and_explain("\n\n".join(menu_tr + ["Göztepe son dakikada güldü"] + body_tr) + "\n", lang="tr"))
    assert set(menu_tr) == set(gone)
    # A text that opens with such lines over a sentence, with no headline, opens with its own
    # list: the lines are judged one by one.
    assert not set(menu) & set(removed(explain(menu + BODY_PT)))


def test_a_name_in_the_stoplist_does_not_break_a_run_of_head_labels():
    """Stoplists hold a language's most frequent words, names among them ("Porto"): only a
    short function word at a line's end makes the next line its continuation."""
    from cleantext.stopwords import stopwords

    assert "porto" in stopwords("pt")
    title = "Parlamento aprova o orçamento do Estado para o próximo ano"
    gone = removed(explain([title, "Ana Sousa, Porto", "Jornalista", "12 de março de 2025, 10:42"] + BODY_PT))
    assert {"Ana Sousa, Porto", "Jornalista"} <= set(gone)


def test_a_posts_text_set_tight_against_its_signature_goes_where_the_articles_paragraphs_stand_apart():
    post = "O orçamento protege os salários e reduz a dívida. Um bom dia para o país."
    signature = "— Ministério das Finanças (@financas_pt) March 12, 2025"
    tight = "\n\n".join(BODY_PT[:2] + [post + "\n" + signature] + BODY_PT[2:]) + "\n"
    gone = removed(cleantext.clean_and_explain(tight, lang="pt"))
    assert set(gone) == {post, signature} and "set tight" in gone[post].evidence[0]
    # Apart from the signature, as the article's paragraphs stand, it may be the article's own.
    assert post in explain(BODY_PT[:2] + [post, signature] + BODY_PT[2:]).text


def test_the_authors_name_and_address_under_the_article_sign_it_off():
    lines = ["Ana Sousa", "ana.sousa@jornal.pt"]
    gone = removed(explain(BODY_PT + lines + ["Comentários (3)"]))
    assert set(lines) <= set(gone) and gone["Ana Sousa"].rule_id == "heuristic.meta.closing-signature"
    # An address under a line that is no name, or with more kept lines about, is the article's.
    for own in (["Escreva-nos para", "leitores@jornal.pt"], ["Ana Sousa", "ana.sousa@jornal.pt", "Rui Lopes"]):
        assert all(line in explain(BODY_PT + own).text.split("\n") for line in own), own


def test_a_paragraph_past_the_footer_about_something_else_is_the_pages():
    """A publisher's line reads like body, but stands past the footer the rules found and
    shares few words with the article: it goes, the article ended before the footer, and the
    short lines after it go with the footer. A paragraph on the article's subject in the same
    place stays, and so does what follows it."""
    body = ["The council voted on Tuesday to close the Cobden Street library at the end of the year, after a long debate.",
            "Campaigners said the library had served the town for ninety years and promised to keep fighting the decision.",
            "The council leader said the budget left no choice and that a mobile library would visit the area twice a week."]
    publisher = "The Cobden Courier is published by Northern Titles Ltd, registered in England and Wales under number 0456789."
    result = explain(["Library to close after ninety years"] + body + ["© 2025 Cobden Courier", publisher, "Courier Group", "Jobs board"], lang="en")
    gone = removed(result)
    assert gone[publisher].rule_id == "heuristic.footer.past-article"
    assert any("last paragraph is line 7" in e for e in gone[publisher].evidence)
    assert gone["Courier Group"].rule_id == "heuristic.footer.tail-clutter"
    assert all(p in result.text for p in body)
    on_topic = "Campaigners said the library will hold a last reading day for children before it closes for good."
    kept = explain(["Library to close after ninety years"] + body + ["© 2025 Cobden Courier", on_topic, "Courier Group", "Jobs board"], lang="en")
    assert on_topic in kept.text and "Courier Group" in kept.text.split("\n")
    assert cleantext.clean(result.text, lang="en") == result.text


def test_a_numbered_box_takes_every_item_that_goes_on_with_its_numbers():
    """"Most read" with its items numbered: the walk stops at an item that asks a question, but
    the numbers say it is the box's, and so are the two after it."""
    box = ["Most read", "1 Man rescued from river after three hours in the water",
           "2 Quiz of the week: how much do you remember?", "3 Restaurant owner hits back at one-star review",
           "4 Forecasters promise sunshine for the holiday weekend"]
    result = explain(["Budget approved"] + BODY_EN + box, lang="en")
    gone = removed(result)
    assert set(box) <= set(gone)
    assert "goes on with the numbers of the box's items" in gone[box[2]].evidence
    assert all(p in result.text for p in BODY_EN)


def test_a_posts_text_between_its_header_and_its_signature_is_the_posts():
    """An embedded post set like the article's paragraphs (same language, same spacing, no
    emoji): its text stands between two of the post's own lines, which the rules found."""
    body = ["Kaupunginvaltuusto hyväksyi tiistaina ensi vuoden talousarvion pitkän keskustelun jälkeen.",
            "Oppositio äänesti esitystä vastaan ja aikoo viedä asian hallinto-oikeuteen ensi viikolla.",
            "Rahoitusjohtajan mukaan talousarvio turvaa palkat ja pienentää kaupungin velkaa viidessä vuodessa.",
            "Lopullinen äänestys on määrä pitää kuun lopussa valiokuntakäsittelyn jälkeen."]
    post = ["Laura Vesterinen @lauravesterinen", "Kirjastot pysyvät auki koko kesän, tulkaa lainaamaan kirjoja lasten kanssa",
            "8.42 ap. · 14.1.2025"]
    result = explain(["Talousarvio hyväksyttiin"] + body[:2] + post + body[2:], lang="fi")
    gone = removed(result)
    assert set(post) == set(gone)
    assert gone[post[1]].rule_id == "heuristic.embed.walk-back"
    assert any("framed by the post's other lines" in e for e in gone[post[1]].evidence)
    assert all(p in result.text for p in body)


def test_a_box_header_above_the_article_does_not_take_the_headline_set_tight_under_it():
    """A box's header right above the article, its label and the article's headline set tight
    under it: the label is the box's, the headline, on the article's topic, stays."""
    headline = "Council approves budget after long debate on the city libraries and parks"
    result = explain(["Most read\nPolitics\n" + headline] + BODY_EN, lang="en")
    gone = removed(result)
    assert set(gone) == {"Most read", "Politics"}
    assert result.text.startswith(headline)


def test_a_players_two_times_go_with_it():
    """"Listen to this article", then where the player stands and how long it runs."""
    result = explain(["Budget approved", "Listen to this article\n00:00\n03:47"] + BODY_EN, lang="en")
    gone = removed(result)
    assert gone["00:00"].rule_id == gone["03:47"].rule_id == "heuristic.embed.player-time"
    assert all(p in result.text for p in BODY_EN)


def test_a_bare_running_time_under_the_videos_title_goes_with_its_player():
    video = ["▶ Watch", "Residents dig out their cars after the storm", "1:24 min"]
    result = explain(BODY_EN[:2] + video + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert gone["1:24 min"].rule_id == "heuristic.embed.player-time"
    assert "Residents dig out their cars after the storm" in result.text  # the video's title: either is fine
    assert all(p in result.text for p in BODY_EN)
    # a live blog's entry time under the player's own time stays
    blog = ["14:05", BODY_EN[0], "▶ Watch", "00:47", "13:40", BODY_EN[1], "13:20", BODY_EN[2]]
    assert {"14:05", "13:40", "13:20"} <= set(explain(blog, lang="en").text.split("\n"))


def test_posted_comments_with_their_time_and_like_count_go():
    """A comment between the section's lines: its poster, the time, the text and the likes (a
    count does not make the comment longer)."""
    comments = ["Comments (24)", "Tranminh", "Every year the same story, and the parks are the first to go.", "58", "Reply",
                "5h", "Hoang Phuc", "Cutting the libraries will not fix the debt.", "41", "Reply"]
    result = explain(["Budget approved"] + BODY_EN + comments, lang="en")
    gone = removed(result)
    assert set(gone) == set(comments)
    assert gone["5h"].rule_id == gone["Hoang Phuc"].rule_id == "heuristic.comments.posted"
    assert all(p in result.text for p in BODY_EN)


def test_a_facebook_post_goes_from_its_authors_name_to_its_reactions():
    """An embedded Facebook post as extracted: the page's name, the time it was posted (closed
    by Facebook's middle dot), the text, the reactions row."""
    post = ["Springfield Public Library", "October 12 at 8:14 PM ·",
            "Update on the summer hours: all branches stay open on Saturdays through August.",
            "👍 212 · 87 comments · 403 shares"]
    result = explain(["Budget approved"] + BODY_EN[:2] + post + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(post) == set(gone)
    assert gone[post[0]].rule_id == "heuristic.embed.poster-name"
    assert gone[post[1]].rule_id == "common.embed.post-time"
    assert gone[post[2]].rule_id == "heuristic.embed.post-text"
    assert gone[post[3]].rule_id == "common.embed.post-reactions"
    assert all(p in result.text for p in BODY_EN)


def test_a_post_under_its_authors_handle_goes_with_the_embeds_line_under_it():
    """No signature, but a header: the author's handle over the text, then "View this post on
    Instagram". The name above the handle goes when the handle spells it."""
    post = ["Riverside Allotments", "riverside_allotments",
            "Thank you to everyone who came on Saturday 💚 #gardens", "View this post on Instagram"]
    result = explain(["Budget approved"] + BODY_EN[:2] + post + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(post) == set(gone)
    assert gone[post[0]].rule_id == "heuristic.embed.poster-name"
    assert "a user's handle, as a post's header names its author" in gone[post[1]].evidence
    assert all(p in result.text for p in BODY_EN)


def test_a_paragraph_quoting_a_post_stays_above_an_embeds_lines_that_hold_no_text():
    """An Instagram embed printed as its "View" line and its signature, with no caption between
    them, and a video line: the article's paragraphs around them stay, emoji and all."""
    quoting = "“We never stopped believing 💪” the captain wrote after the match, thanking the fans."
    result = explain(["Budget approved"] + BODY_EN[:2] + [
        quoting, "View this post on Instagram", "A post shared by City FC (@cityfc)",
        BODY_EN[2], "Watch the video"] + BODY_EN[3:], lang="en")
    assert quoting in result.text
    assert all(p in result.text for p in BODY_EN)
    # In a text set tight, a paragraph set apart above "View this post on Instagram" (the
    # embed's top line: its signature, with the handle, is still below) stays too, though the
    # pack reads the view line as closing a post (Facebook's closes one).
    body = ["Dok se obala prazni, Gorski kotar tek tada pokazuje svoje najbolje lice. Bukve mijenjaju boju već sredinom listopada, a jutra su maglovita.",
            "Fotografije ne mogu dočarati tišinu koja ujutro vlada oko Bajera. Do devet sati sretnete tek pokojeg ribiča i šetače pasa.",
            "Cijene smještaja izvan sezone su razumne: dvokrevetna soba u obiteljskom pansionu u Fužinama stoji od 60 do 80 eura."]
    posted = "Planinarsko društvo iz Delnica redovito na Instagramu objavljuje stanje staza i upozorenja o blatu ili srušenim stablima."
    text = ("\n".join(["Vikend u Gorskom kotaru"] + body[:2]) + "\n\n" + posted + "\n\n"
            + "Pogledajte ovu objavu na Instagramu\nObjava koju dijeli PD Delnice (@pddelnice)\n\n" + body[2] + "\n")
    result = cleantext.clean_and_explain(text, lang="hr")
    assert removed(result)["Pogledajte ovu objavu na Instagramu"].rule_id == "hr.embed.view-on-post"
    assert posted in result.text and all(p in result.text for p in body)


def test_the_walk_back_from_a_posts_counts_stops_at_its_authors_handle():
    """In a text set tight, a post set apart by a blank line: its handle, its text, its time and
    its counts. The walk back from the counts takes the text and the handle, and stops there:
    the article's paragraph above the post's header, set apart by the same blank line, stays."""
    above = "The gamble paid off. The visitors scored twice in four minutes and never looked back after the break."
    post = ["Harbour City FC @HarbourCityFC", "WHAT A NIGHT 🏆 Thank you to every fan who travelled #HCFC",
            "10:41 PM · Mar 9, 2025", "1.2K Reposts · 9K Likes"]
    text = "\n".join(["Budget approved"] + BODY_EN[:2] + [above]) + "\n\n" + "\n".join(post + BODY_EN[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    gone = removed(result)
    assert set(post) == set(gone)
    assert gone[post[0]].rule_id == "heuristic.embed.walk-back"
    assert above in result.text and all(p in result.text for p in BODY_EN)


def test_a_breadcrumb_trail_ending_in_the_headline_goes_and_the_headline_stays_once():
    """"Home › News › <headline>" over the headline: the trail goes (kept, it would hold a second
    copy of the headline), on either side of the headline; a line that only ends with the
    headline's words after a colon is no trail."""
    headline = "Council approves the budget after a long night of debate"
    for trail in (f"Home › City news › {headline}", f"Start / Politics / {headline}"):
        for order in ([trail, headline], [headline, trail]):
            result = cleantext.clean_and_explain("\n".join(order + BODY_EN) + "\n", lang="en")
            gone = removed(result)
            assert set(gone) == {trail}
            assert gone[trail].rule_id == "heuristic.meta.headline-trail"
            assert result.text.count(headline) == 1 and all(p in result.text for p in BODY_EN)
    quoted = f"The mayor's first words this morning: {headline}"
    result = cleantext.clean_and_explain("\n".join([headline, quoted] + BODY_EN) + "\n", lang="en")
    assert quoted in result.text


def test_a_line_above_a_bare_handle_is_the_authors_name_only_when_the_handle_spells_it():
    """Above a post's handle, the article's intertitle stays: the handle does not name it."""
    intertitle = "Reactions online"
    post = ["@springfieldlib", "Saturdays are back 📚 see you at the branches!", "View this post on Instagram"]
    result = explain(["Budget approved"] + BODY_EN[:2] + [intertitle] + post + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(post) == set(gone)
    assert intertitle in result.text


def test_in_a_text_without_blank_lines_a_boxs_headlines_on_the_topic_go_up_to_the_articles_intertitle():
    """No blank line tells where the box ends: under its first headline, the next headlines
    (each longer than an intertitle, no prose right after it) are its items, though they share
    the article's words; the short intertitle and the prose after it are the article's."""
    box = ["Related coverage", "City libraries face a costly reckoning as their old buildings age",
           "Council approves plan to keep the city libraries open on Sundays",
           "Parks department asks the council for a larger budget next year"]
    intertitle = "Wages protected"
    text = "\n".join(["Budget approved"] + BODY_EN[:2] + box + [intertitle] + BODY_EN[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    gone = removed(result)
    assert set(box) == set(gone)
    assert any("no prose follows it" in e for e in gone[box[2]].evidence)
    assert intertitle in result.text and all(p in result.text for p in BODY_EN)


def test_a_short_line_after_a_boxs_long_headlines_heads_the_articles_next_part():
    """In a text without blank lines, a line of half the words of the box's headline above it
    is not the box's next headline: a box's headlines are of a length, and a short line after
    them is the article's intertitle; the article's timeline under it stays too."""
    box = ["Related coverage", "City libraries face a costly reckoning as their old buildings age across the region",
           "Council approves plan to keep the city libraries open on Sundays from next spring"]
    part = ["How the vote unfolded", "Monday 9:00 – the committee opens the hearing on the budget",
            "Tuesday 14:30 – the opposition tables forty amendments to the plan",
            "Wednesday 18:10 – the council approves the budget by two votes"]
    text = "\n".join(["Budget approved"] + BODY_EN[:2] + box + part + BODY_EN[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    assert set(box) == set(removed(result))
    assert all(line in result.text for line in part + BODY_EN)

def test_an_arabic_intertitle_after_a_teaser_box_stays_when_the_article_resumes_in_its_words():
    """Arabic joins the article and prepositions to its words ("بانقطاع", "المياه"): without
    them taken off, the sentence after the intertitle shared no word with the article, and the
    intertitle went as one more teaser."""
    body = ["أعلنت شركة مياه الشرب والصرف الصحى بالدقهلية، عن انقطاع المياه عن عدد من المناطق بمدينة المنصورة لمدة 12 ساعة يوم الخميس المقبل، وذلك لتنفيذ أعمال ربط خط مياه رئيسى جديد قطر 800 مم بشارع الجيش، ضمن مشروع تدعيم شبكات المياه بالمدينة.",
            "وقال المهندس أحمد عبد الرحمن، رئيس مجلس إدارة الشركة، إن الانقطاع سيبدأ فى تمام العاشرة من صباح الخميس وينتهى فى العاشرة مساءً، مشيراً إلى أن الأعمال كان مقرراً تنفيذها الشهر الماضى.",
            "وأوضح أن الخط القديم يعمل منذ أكثر من 40 عاماً، وتكررت به الكسور خلال السنوات الأخيرة، ما تسبب فى ضعف المياه بالأدوار العليا فى عدد من المناطق، خاصة خلال فصل الصيف."]
    box = ["اقرأ أيضا..", "محافظ الدقهلية يتفقد أعمال رصف طريق المنصورة - جمصة", "ضبط 3 أطنان دقيق مدعم قبل بيعها فى السوق السوداء بطلخا"]
    rest = ["المناطق المتأثرة بالانقطاع", "وحددت الشركة المناطق التى ستتأثر بانقطاع المياه، وهى:",
            "- شارع الجيش وامتداده حتى ميدان المحطة.", "- منطقة حى الجامعة وشارع جيهان.",
            "بينما تشهد مناطق مدينة طلخا ووسط المنصورة ضعفاً فى ضغط المياه خلال فترة تنفيذ الأعمال، دون انقطاع كامل."]
    result = cleantext.clean_and_explain("\n".join(body + box + rest) + "\n", lang="ar")
    assert set(removed(result)) == set(box)
    assert all(p in result.text for p in body + rest)


def test_a_caption_above_an_embeds_view_line_and_signature_goes_under_its_authors_handle():
    """Instagram's embed as extracted: the handle, the caption, "View this post on Instagram",
    then the signature. The walk back from the signature passes over the view line."""
    post = ["riverside_allotments", "Thank you to everyone who came on Saturday 💚 #gardens",
            "View this post on Instagram", "A post shared by Riverside Allotments (@riverside_allotments)"]
    result = explain(["Budget approved"] + BODY_EN[:2] + post + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(post) == set(gone)
    assert gone[post[1]].rule_id == "heuristic.embed.walk-back"
    assert all(p in result.text for p in BODY_EN)


def test_tags_under_a_tags_header_go_though_the_pages_sentences_after_them_pass_for_body():
    """A reader's comment or a teaser's question under the tags may pass for the article's last
    paragraph: the tags under their header go all the same."""
    tags = ["Lisboa", "Orçamento do Estado", "parlamento"]
    comment = "Mais uma vez os mesmos de sempre a pagar a conta, e ninguém no governo se importa com isso."
    result = explain(BODY_PT + ["Tópicos:"] + tags + [comment])
    gone = removed(result)
    assert set(tags) <= set(gone) and "tags header" in gone["Lisboa"].evidence[-1]
    assert all(p in result.text for p in BODY_PT)

def test_under_a_tags_header_a_tag_may_hold_a_figure():
    """"District 8" under "Tags": the run of tags does not stop at the figure."""
    tags = ["Tags", "City budget", "District 8", "Libraries"]
    result = explain(["Budget approved"] + BODY_EN + tags + ["© 2025 Springfield Daily"], lang="en")
    gone = removed(result)
    assert set(tags) <= set(gone)
    assert gone["District 8"].rule_id == "heuristic.meta.tail-tags"
    assert all(p in result.text for p in BODY_EN)


def test_the_last_comment_goes_where_the_pages_next_box_begins_and_a_poll_inside_the_article_stays():
    """After the comment section's header and a poster's line ("user_71 · 1 h ago"), the last
    comment's text ends where the most-read box begins. A poll inside the article has two of the
    section's lines too, but its button names no time: the paragraph after it stays."""
    comments = ["Comments (2)", "Log in to comment.", "parkfan_71 · 1 h ago", "Finally, the parks get their money."]
    result = explain(["Budget approved"] + BODY_EN + comments + ["Most read", "Man rescued from river after three hours in the water"], lang="en")
    gone = removed(result)
    assert set(comments) <= set(gone)
    assert gone[comments[-1]].rule_id == "heuristic.comments.posted"
    assert all(p in result.text for p in BODY_EN)
    body = ["A pár 2019 őszén ismerkedett meg egy zenés tévéműsor forgatásán, eljegyzésüket tavaly decemberben jelentették be a közösségi oldalaikon.",
            "Olvasóink is lelkesek: oldalunk szavazásán vasárnap délig több mint tizenkétezren voksoltak, és nagy többségük szerint Lili az év legszebb menyasszonya."]
    poll = ["SZAVAZÁS: Tetszik Szendrei Lili menyasszonyi ruhája?", "Igen, gyönyörű! – 78%", "Nem az én stílusom – 22%", "Szavazok"]
    last = "Nászútra csak augusztusban indulnak, addig Lilit a nyári koncerteken láthatja a közönség: júliusban például Siófokon lép fel."
    result = explain(["Szendrei Lili férjhez ment"] + body + poll + [last, "Címkék: Szendrei Lili, esküvő", "Kövess minket a Facebookon is!"], lang="hu")
    gone = removed(result)
    assert {poll[0], poll[-1]} <= set(gone)  # the poll is the comments' kind of line
    assert last in result.text and all(p in result.text for p in body)


def test_the_sites_domain_above_the_article_is_its_masthead_and_a_dotted_name_in_the_body_stays():
    """"hvg.hu" alone over the headline is the site's masthead; "Node.js" alone between the
    article's paragraphs is its intertitle."""
    result = explain(["springfield-daily.com", "Budget approved"] + BODY_EN[:2] + ["Node.js"] + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(gone) == {"springfield-daily.com"}
    assert gone["springfield-daily.com"].rule_id == "heuristic.meta.site-domain"
    assert "Node.js" in result.text and result.text.startswith("Budget approved")


def test_the_sites_name_given_twice_in_the_head_is_its_masthead_not_the_headline():
    """The site's name in capitals on the first line and again under the byline: the longer
    line below is the headline, and the name goes both times, with the menu after it. A heading
    of as many capitalised words given once is no site's name: it stays."""
    site, headline = "The Riverside Evening Herald", "City council approves the budget after a long debate over libraries"
    menu = ["Local", "Politics", "Sports", "Log In"]
    result = explain([site] + menu + [headline, BODY_EN[0], "By Megan Hale", site, "October 14, 2025 at 6:05PM"]
                     + BODY_EN[1:], lang="en")
    gone = removed(result)
    assert result.text.split("\n")[0] == headline
    assert site not in result.text and all(m in gone for m in menu)
    assert gone[site].rule_id == "heuristic.meta.head-label"
    assert all(p in result.text for p in BODY_EN)
    assert any("given twice" in e for e in gone[site].evidence)
    once = explain(["Frequently Asked Questions Answered", headline] + BODY_EN, lang="en")
    assert once.text.split("\n\n")[:2] == ["Frequently Asked Questions Answered", headline]


def test_section_cards_in_the_article_go_when_the_page_gives_their_names_as_furniture():
    """The menu above the headline names the sections; inside the article, two cards set tight,
    each a section's name over a teaser's headline, are the page's. One card alone stays (an
    intertitle over a line), and so do two whose names the page gives nowhere else."""
    menu = ["Economia", "Desporto", "Cultura"]
    cards = ["Economia", "Preço da gasolina volta a subir na próxima semana",
             "Desporto", "Benfica vence em Braga e isola-se no primeiro lugar"]
    head = menu + ["Orçamento aprovado com os votos do governo"]
    result = explain(head + BODY_PT[:2] + ["\n".join(cards)] + BODY_PT[2:])
    gone = removed(result)
    assert all(c in gone for c in cards) and gone[cards[1]].rule_id == "heuristic.related.section-card"
    assert any("furniture on line 1" in e for e in gone[cards[0]].evidence)
    assert all(p in result.text for p in BODY_PT)
    alone = explain(head + BODY_PT[:2] + ["\n".join(cards[:2])] + BODY_PT[2:])
    assert cards[1] in alone.text
    unnamed = explain(head[1:] + BODY_PT[:2] + ["\n".join(["Lisboa", cards[1], "Porto", cards[3]])] + BODY_PT[2:])
    assert cards[1] in unnamed.text and cards[3] in unnamed.text


def test_a_box_of_dated_headlines_ends_where_prose_follows_a_later_items_date():
    # The first item (a headline, its date) has no summary: prose under a later item's date is
    # the article resuming, however few of its words it shares with the rest.
    resumed = "A câmara abriu as inscrições na sua página de Facebook e dá prioridade a quem já tinha licença de venda ambulante."
    paras = BODY_PT[:2] + [
        "Leia também",
        "Seca obriga a racionar água no Alentejo",
        "10 de março de 2024",
        "Greve dos comboios marcada para sexta-feira",
        "5 de março de 2024",
        resumed,
    ] + BODY_PT[2:]
    result = cleantext.clean_and_explain("\n".join(paras) + "\n", lang="pt")  # set tight, as extractors give it
    gone = removed(result)
    assert set(gone) == set(paras[2:7])
    assert "teaser date" in gone["5 de março de 2024"].reason
    assert resumed in result.text


def test_a_post_framed_by_its_authors_handle_and_its_date_goes_and_a_handle_introducing_a_quote_stays():
    post = ["Rui Mota (@ruimota_meteo)", "Sismo de magnitude 4,9 sentido em todo o distrito. Seguimos a sequência de réplicas.",
            "— 14 de março de 2025"]
    result = explain(BODY_PT[:2] + post + BODY_PT[2:])
    gone = removed(result)
    assert set(gone) == set(post)
    assert {gone[p].rule_id for p in post} == {"heuristic.embed.framed-post"}
    assert all(p in result.text for p in BODY_PT)
    quoted = ["A autarquia (@camaradeleiria) escreveu:", "As aulas estão suspensas amanhã em todas as escolas do concelho."]
    kept = explain(BODY_PT[:2] + quoted + BODY_PT[2:])
    assert all(p in kept.text for p in quoted)


MENU_BODY_EN = [
    "A weekend outage left the country's e-filing system offline for nineteen hours after a certificate expired.",
    "The ministry said on Monday that no data had been lost and that all deadlines falling on the weekend would be extended by three days.",
    "Engineers restored the service early on Monday morning after replacing the expired certificate on the load balancers.",
]
MENU_TITLE_EN = "E-filing system down for 19 hours over an expired certificate"


def test_a_menu_whose_items_the_rules_partly_know_goes_whole_and_the_tagline_over_it_is_not_the_headline():
    """The site's tagline over its sections, some of which the rules know ("News", "Log in"):
    the tagline is not the headline (a menu stands under it), and the short lines go with the
    items the rules found among them."""
    head = ["Skip to content", "Tech, science and the internet", "News", "Reviews", "Phones", "Laptops",
            "Search", "Log in", "Gaming", "Podcasts", "Science"]
    text = "\n".join(head + [MENU_TITLE_EN]) + "\n\n" + "\n\n".join(MENU_BODY_EN) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    gone = removed(result)
    assert set(gone) == set(head)
    assert gone["Tech, science and the internet"].rule_id == "heuristic.meta.head-menu"
    assert gone["Phones"].rule_id == "heuristic.meta.head-menu"
    assert result.text.startswith(MENU_TITLE_EN + "\n")


def test_short_lines_above_the_headline_with_boilerplate_only_above_them_are_judged_one_by_one():
    """A disclosure and a date above a comparison's entries: the rules found nothing among the
    short lines themselves, so they are the page's own, not a menu."""
    head = ["We may receive a commission from our partners if you click on a link and purchase a product.",
            "Featured provider", "Hostinger", "4.2", "Starting from $12.99", "Great for AI", "Wix", "4.8"]
    text = "\n".join(head + [MENU_TITLE_EN]) + "\n\n" + "\n\n".join(MENU_BODY_EN) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    assert not any(r.rule_id == "heuristic.meta.head-menu" for r in result.removals)
    for line in ("Hostinger", "Starting from $12.99", "Wix"):
        assert line in result.text.split("\n")


ECHO_BODY_EN = [
    "A video shared thousands of times this week claims to show a giant snake swimming in the lake near the old harbour.",
    "A reverse image search shows that the clip was first posted four years ago and was filmed at a river in another country.",
    "Local fishermen and the regional water authority told us that no such animal has ever been recorded in the lake.",
]
ECHO_TITLE_EN = "No, this video does not show a giant snake in the lake"


def test_menu_items_given_above_and_below_the_article_go_on_both_edges():
    menu = ["Analyses", "Newsroom", "Media Literacy"]
    text = "\n".join(menu + [ECHO_TITLE_EN]) + "\n\n" + "\n\n".join(ECHO_BODY_EN) + "\n\n" + "\n".join(menu) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    assert result.text.split("\n")[0] == ECHO_TITLE_EN
    assert not any(line in result.text.split("\n") for line in menu)
    assert sum(r.rule_id == "heuristic.meta.both-edges" for r in result.removals) >= len(menu)
    assert all(p in result.text for p in ECHO_BODY_EN)


def test_one_heading_given_above_and_below_the_article_is_no_menu():
    text = (ECHO_TITLE_EN + "\n\n" + "Summary\n\n" + "\n\n".join(ECHO_BODY_EN) + "\n\nSummary\n\n"
            + "The authority will publish its yearly survey of the lake's fish and reptiles in the spring.\n")
    result = cleantext.clean_and_explain(text, lang="en")
    assert not any(r.rule_id == "heuristic.meta.both-edges" for r in result.removals)


def test_a_paragraph_under_the_footer_column_that_repeats_the_menu_is_the_pages():
    """The footer's column of links gives the menu again; the sentence under it, about the site
    and not the story, is the page's: kept, it would pass for the article's last paragraph."""
    menu = ["Analyses", "Newsroom", "Media Literacy", "Podcast"]
    about = "Lakewatch is an independent verification platform that follows the principles of an international network of checkers."
    text = ("\n".join(menu + [ECHO_TITLE_EN]) + "\n\n" + "\n\n".join(ECHO_BODY_EN) + "\n\n"
            + "\n".join(menu + ["Corrections Policy", "Funding"]) + "\n\n" + about + "\n")
    result = cleantext.clean_and_explain(text, lang="en")
    gone = removed(result)
    assert gone[about].rule_id == "heuristic.footer.past-article"
    assert all(p in result.text for p in ECHO_BODY_EN)


def test_a_closing_paragraph_under_a_list_the_menu_does_not_give_stays():
    items = ["Harbour Road", "Mill Lane", "Church Street", "Station Square"]
    closing = "Residents who live elsewhere can collect sandbags from the fire station on Saturday morning."
    text = (ECHO_TITLE_EN + "\n\n" + "\n\n".join(ECHO_BODY_EN) + "\n\n" + "\n".join(items) + "\n\n" + closing + "\n")
    result = cleantext.clean_and_explain(text, lang="en")
    assert closing in result.text


def test_a_date_under_a_byline_is_no_list_the_byline_heads():
    """ "14. Mai 2025" opens with a number and a full stop, as a numbered list's first item does:
    the byline over it is still a byline, and the date goes with it."""
    body = [
        "In sozialen Netzwerken heißt es, wer im Garten Regenwasser sammle, müsse ab dem kommenden Jahr eine Gebühr zahlen.",
        "Eine solche Regelung gibt es weder im Bund noch in den Ländern, wie die zuständigen Ministerien auf Anfrage bestätigten.",
        "Die Gemeinden erheben zwar Gebühren für Niederschlagswasser, aber nur für versiegelte Flächen und nicht für Regentonnen.",
    ]
    text = ("Nein, Gartenbesitzer müssen keine Gebühr für Regentonnen zahlen\n" + body[0] + "\nvon Lena Hartwig\n14. Mai 2025.\nTeilen\n"
            + "\n".join(body[1:]) + "\n")
    result = cleantext.clean_and_explain(text, lang="de")
    assert {"von Lena Hartwig", "14. Mai 2025."} <= set(removed(result))
    assert all(p in result.text for p in body)


@pytest.mark.parametrize("times, timed_by", [
    # as readers see them; and in the page's machine form, which a rule of its own takes: the
    # posters and texts around them still read as a thread
    (["13 March 2025 11:32", "13 March 2025 12:10", "2025.03.13. 14:02"], "heuristic.comments.posted"),
    (["2025-03-13 11:32:07", "2025-03-13 12:10:44", "2025-03-13 14:02:19"], "common.meta.timestamp-line"),
])
def test_a_thread_of_comments_each_under_its_poster_and_time_goes_however_long(times, timed_by):
    thread = ["Gert Hoogendoorn", "Farmer, Zeeland", times[0],
              "Nice idea. We tried the same ten years ago but it fell apart over who could deliver first.",
              "A. de Vos", times[1], "I wonder what the rate per tonne per month will be. Is that written anywhere?",
              "kisvakond77", times[2], "Same here, the price is what matters in the end."]
    text = ("The e-filing system was down for nineteen hours\n\n" + "\n\n".join(MENU_BODY_EN) + "\n\n4 comments\n\n"
            + "\n".join(thread) + "\n\n© 2025 The Ledger. All rights reserved.\n")
    result = cleantext.clean_and_explain(text, lang="en")
    gone = removed(result)
    assert set(thread) <= set(gone)
    assert gone["A. de Vos"].rule_id == "heuristic.comments.posted"
    assert gone[times[1]].rule_id == timed_by
    assert all(p in result.text for p in MENU_BODY_EN)


def test_dated_lines_of_the_article_under_a_comment_count_are_no_thread():
    """A comment count under the byline, then the article with a timeline of its own: the
    article's prose stands first under the count, so no thread opens there."""
    timeline = ["Phase one", "March 2024", "The council approved the plan and its budget.",
                "Phase two", "June 2024", "The first contracts were signed with two local firms."]
    text = ("The e-filing system was down for nineteen hours\n\n12 comments\n\n" + "\n\n".join(MENU_BODY_EN) + "\n\n"
            + "\n".join(timeline) + "\n")
    result = cleantext.clean_and_explain(text, lang="en")
    assert not any(r.rule_id == "heuristic.comments.posted" for r in result.removals)
    assert all(line in result.text for line in MENU_BODY_EN + timeline)


def test_a_menu_with_a_longer_item_among_its_sections_still_goes_whole():
    """An accessibility link or the site's tagline among the menu's items runs to a few more
    words than a label; the menu still goes, around the items the rules know."""
    head = ["Skip to content", "Kyiv City Official Portal", "Version for people with impaired vision", "News", "Government",
            "Services", "Budget", "Search", "Log in", "Tourism", "Contacts"]
    text = "\n".join(head + [MENU_TITLE_EN]) + "\n\n" + "\n\n".join(MENU_BODY_EN) + "\n"
    result = cleantext.clean_and_explain(text, lang="en")
    assert set(removed(result)) == set(head)
    assert result.text.startswith(MENU_TITLE_EN + "\n")


WIDGET_BODY_EN = [
    "The farm switched its whole herd to once-a-day milking in March after two years of trials on a smaller group of cows.",
    "Yields fell by about a fifth, but feed, labour and vet costs fell faster, and the margin per litre rose, the farmer said.",
    "Cow health has been the biggest surprise, with lameness scores in the herd at their lowest since records began.",
]


def test_a_data_widget_takes_its_rows_under_its_header_and_the_articles_table_stays():
    """A prices widget between the article's paragraphs goes with its rows, up to its closing
    link; a poll goes up to its button; the article's own table, under its own intertitle,
    stays."""
    table = ["Hollins Farm at a glance", "Herd: 320 cows", "Area: 190ha", "Yield before the switch: 6,400 litres/cow/year"]
    widget = ["Latest prices", "Feed wheat (Nov 25) £178.50/t", "Milk (AMPE) 44.1p/litre", "Lamb SQQ 812.0p/kg", "See all prices"]
    poll = ["Poll", "Would you consider once-a-day milking on your farm?", "Yes – we already do it", "No", "Vote"]
    text = ("Dairy farm cuts costs with once-a-day milking\n\n" + WIDGET_BODY_EN[0] + "\n\n" + "\n".join(table) + "\n\n"
            + "\n".join(widget) + "\n\n" + WIDGET_BODY_EN[1] + "\n\n" + "\n".join(poll) + "\n\n" + WIDGET_BODY_EN[2] + "\n")
    result = cleantext.clean_and_explain(text, lang="en")
    gone = removed(result)
    assert set(gone) == set(widget + poll)
    assert gone["Milk (AMPE) 44.1p/litre"].rule_id == "heuristic.meta.data-widget"
    assert gone["Yes – we already do it"].rule_id == "heuristic.meta.data-widget"
    assert all(line in result.text for line in table + WIDGET_BODY_EN)


def test_a_widget_header_without_figures_or_a_closing_line_under_it_takes_nothing():
    """Under a widget's header, lines with no figure and no closing line the rules found are not
    shown to be its rows: they stay."""
    text = ("Dairy farm cuts costs with once-a-day milking\n\n" + WIDGET_BODY_EN[0] + "\n\nPoll\nThe herd\nThe grass\n\n"
            + "\n\n".join(WIDGET_BODY_EN[1:]) + "\n")
    result = cleantext.clean_and_explain(text, lang="en")
    assert {"The herd", "The grass"} <= set(result.text.split("\n"))


def test_a_one_word_widget_header_takes_rows_only_up_to_the_widgets_own_closing_line():
    """A one-word header ("Poll", in other languages "Weather") may be an article's own
    intertitle over its figures (a travel guide's climate): without a closing line the rules
    found, the figures stay."""
    climate = ["Summer: 24 °C by day", "Winter: 6 °C by day"]
    text = ("Dairy farm cuts costs with once-a-day milking\n\n" + WIDGET_BODY_EN[0] + "\n\nPoll\n" + "\n".join(climate) + "\n\n"
            + "\n\n".join(WIDGET_BODY_EN[1:]) + "\n")
    result = cleantext.clean_and_explain(text, lang="en")
    assert all(line in result.text.split("\n") for line in climate)


def test_directional_marks_do_not_hide_a_line_from_the_rules_and_stay_in_the_output():
    """Hebrew, Arabic and Persian pages put right-to-left marks at the edges of lines that mix
    scripts. The rules read the line without them (an anchored time or count line is still
    found), while the output and the removals keep every line as written."""
    from cleantext.rules import RuleBook

    sample = list(next(f for f in RuleBook.load().files if f.code == "he").sample)
    rlm = "\u200f"
    post = [f"נעמה גולדין{rlm} @naama_goldin", "עוד לילה בלי הקלה בבקעה. 🌡️",
            f"{rlm}11:42 לפנה״צ · 17 ביוני 2025", f"{rlm}412 לייקים · 38 תגובות"]
    mixed = f"{rlm}{sample[1]}{rlm}"  # a body paragraph with marks of its own
    text = "\n\n".join(sample[:1] + [mixed] + post + sample[2:]) + "\n"
    result = cleantext.clean_and_explain(text, lang="he")
    assert set(removed(result)) == set(post)
    assert mixed in result.text.split("\n") and all(p in result.text for p in sample)
    assert cleantext.clean(result.text, lang="he") == result.text


def test_a_rules_post_header_takes_the_posts_text_under_it_and_its_authors_name_above_it():
    """A Weibo post as a Chinese page embeds it: its author's name, its header (when and from
    which app: a rule with block = "post-after"), its text and its counts. All four go, and the
    article's paragraphs around them stay."""
    from cleantext.rules import RuleBook

    sample = list(next(f for f in RuleBook.load().files if f.code == "zh").sample)
    post = ["青禾技术 V", "3月18日 09:45 来自 微博网页版", "订单库迁移完成 🎉 完整复盘在这里 👉 网页链接", "转发 126 ｜ 评论 58 ｜ 赞 903"]
    result = explain(sample[:2] + post + sample[2:], lang="zh")
    gone = removed(result)
    assert set(gone) == set(post)
    assert gone[post[1]].rule_id == "zh.embed.weibo-header"
    assert gone[post[0]].rule_id == "heuristic.embed.poster-name"
    assert gone[post[2]].rule_id == "heuristic.embed.post-text"
    assert all(p in result.text for p in sample)


def test_a_company_name_closed_by_its_legal_form_heads_a_menu_not_the_article():
    """Over the headline, the operator's name ending in "Ltd." and its menu: the full stop of
    the legal form does not make the name a sentence, so the lines above the headline are the
    site's menu, and go; the headline stays."""
    headline = "Ferry timetable changes from April as the harbour pier is rebuilt"
    menu = ["Skip to main content", "Harbour Ferries Ltd.", "Timetables", "Fares and tickets", "Service changes",
            "News", "About us", "Careers", "Contact", "Sign in"]
    result = cleantext.clean_and_explain("\n".join(menu + [headline] + BODY_EN) + "\n", lang="en")
    assert set(removed(result)) == set(menu)
    assert result.text.startswith(headline + "\n") and all(p in result.text for p in BODY_EN)


def test_the_article_resuming_after_a_korean_teaser_box_is_read_on_its_topic():
    """jusText's Korean stoplist holds content words in their inflected forms ("앨범은", the
    album; "타이틀곡", the title track): the article's topic is read without only the most
    frequent words. (Read without all 13,222, the sentence resuming a K-pop article after a box
    of teasers shared none of the article's words, and went as a teaser's summary.) In a text
    set tight, the box's teasers go and the sentence that resumes the article stays."""
    from cleantext.stopwords import stopwords, topic_stopwords

    assert "앨범은" in stopwords("ko") and "앨범은" not in topic_stopwords("ko")
    assert {"그리고", "그러나", "함께"} <= topic_stopwords("ko")
    body = [
        "그룹 하늘빛이 다음 달 새 앨범으로 돌아온다. 소속사는 12일 하늘빛이 오는 28일 오후 6시 미니 2집을 발매한다고 밝혔다.",
        "이번 앨범은 여름밤의 산책을 주제로 한다. 멤버들은 타이틀곡 녹음을 마치고 뮤직비디오 촬영에 들어갔다.",
        "타이틀곡 '밤산책'은 경쾌한 기타 연주가 돋보이는 곡으로, 멤버 전원이 작사에 참여했다.",
    ]
    box = ["관련기사", "하늘빛 서연, 첫 단독 화보 공개…\"봄을 닮은 얼굴\"", "[포토] 하늘빛, 출국길도 청량 그 자체"]
    resumed = "앨범에는 타이틀곡을 포함해 총 5곡이 실린다. 수록곡은 다음과 같다."
    tracks = ["1. 밤산책", "2. 여름 편지", "3. 가로등", "4. 열대야", "5. 다시 밤산책"]
    closing = "하늘빛은 발매 당일 오후 8시 온라인 쇼케이스를 열고 팬들과 만날 예정이다. 활동은 다음 달까지 이어진다."
    text = "\n".join(["하늘빛, 여름밤 산책 담은 미니 2집으로 컴백"] + body + box + [resumed] + tracks + [closing]) + "\n"
    result = cleantext.clean_and_explain(text, lang="ko")
    assert set(box) <= set(removed(result))
    assert resumed in result.text and all(p in result.text for p in body + tracks + [closing])


def test_a_row_of_controls_goes_when_each_item_is_a_rules_line():
    """"Enter your email | Subscribe": each item alone is a line a rule removes, so the row
    goes, explained item by item; a row with an item no rule knows stays."""
    row, kept = "Enter your email | Subscribe", "Subscribe | 12.99 a month, cancel at any time"
    result = explain(BODY_EN[:2] + [row, kept] + BODY_EN[2:], lang="en")
    gone = removed(result)
    assert set(gone) == {row}
    assert gone[row].rule_id == "heuristic.meta.rule-row"
    assert any("en.promo.newsletter" in e for e in gone[row].evidence)
    assert kept in result.text and all(p in result.text for p in BODY_EN)


def test_a_box_of_facts_under_the_standfirst_is_the_articles_not_its_head():
    """Under the standfirst, a caption the rules remove, then an intertitle over a box of facts
    (label, ideographic space, value): the caption does not make the box the article's head,
    so neither the intertitle nor the box's date line goes as a label or a date line."""
    headline = "住宅火災、モバイルバッテリーが原因か　市消防局が発表"
    standfirst = "市消防局は9日、緑町の住宅で8日未明に発生した火災について、充電中のモバイルバッテリーから出火した可能性が高いと発表した。"
    caption = "火災があった住宅の2階部分（緑町、市消防局職員撮影）"
    box = ["■火災の概要", "発生日時　2025年7月8日（火）午前2時14分ごろ（119番通報）", "発生場所　緑町3丁目",
           "建物　木造2階建て住宅", "負傷者　1人（40代男性、軽傷）", "鎮火　同日午前3時02分"]
    body = ["同局によると、男性は就寝前にモバイルバッテリーを布団の上で充電しており、焦げたにおいに気づいて目を覚ましたという。",
            "同局は、充電中のバッテリーから離れないよう呼びかけている。異常を感じたら使用をやめ、販売店に相談してほしいとしている。"]
    result = explain([headline, standfirst, caption] + box + body, lang="ja")
    assert set(removed(result)) == {caption}
    assert all(p in result.text for p in [headline, standfirst] + box + body)
