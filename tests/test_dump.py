"""Page dumps: every block of a page, menus to footer, turned into the article (page_dump)."""
import sys

import pytest

import cleantext
from conftest import FIXTURES, ROOT, SHARED, cli

PAGE = (FIXTURES / "dumps" / "en_council_page.txt").read_text(encoding="utf-8")
ARTICLE = (FIXTURES / "dumps" / "en_council_page.article.txt").read_text(encoding="utf-8")


def test_a_page_dump_comes_back_as_its_article_every_removal_explained():
    result = cleantext.clean_and_explain(PAGE, page_dump=True)
    assert result.text == ARTICLE
    assert result.kept_whole is None  # the body-loss guard is for extracted text, not dumps
    assert len(result.removals) == PAGE.count("\n") - ARTICLE.count("\n")
    for r in result.removals:
        assert r.rule_id and r.category and r.reason and r.evidence
    by_rule = {r.text: r.rule_id for r in result.removals}
    assert by_rule["Sign in"] == "en.footer.nav-word"  # the menu's words, above the headline
    assert by_rule["Ferry timetable cut as fuel costs rise"] == "heuristic.dump.outside-article"
    assert by_rule["harbourgirl says:"] == "en.comments.author-says"


def test_without_page_dump_prose_outside_the_article_stays():
    """The settings for extracted text trust that the text is the article: a reader's comment,
    prose in a sentence, is kept there; only the dump settings look for the main block."""
    comment = "About time. That site has been an eyesore for years and people need somewhere to live."
    assert comment in cleantext.clean(PAGE)
    assert comment not in cleantext.clean(PAGE, page_dump=True)


def test_cleaning_a_dump_twice_equals_once():
    once = cleantext.clean(PAGE, page_dump=True)
    assert cleantext.clean(once, page_dump=True) == once


def test_cli_page_dump_flag(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(PAGE, encoding="utf-8")
    proc = cli("clean", src, "-o", tmp_path / "out", "--page-dump")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.skipif(not (SHARED / "bench" / "scrapinghub").is_dir(), reason="../shared/bench is not present")
def test_on_real_page_dumps_it_beats_justext_on_the_same_paragraphs():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from dump_eval import make_methods, page_dump
    from html_eval import bow_prf, load

    methods = make_methods(["cleantext", "justext"])
    scores = {name: [] for name in methods}
    for rec in load(SHARED / "bench", "scrapinghub", 60):
        rec["dump"] = page_dump(rec["html_bytes"])
        for name, fn in methods.items():
            scores[name].append(bow_prf(fn(rec), rec["text"])[2])
    ours, theirs = (sum(scores[n]) / len(scores[n]) for n in ("cleantext", "justext"))
    assert ours > theirs + 0.05, (ours, theirs)


def test_a_corpus_of_dumps_can_say_so_in_its_settings(tmp_path):
    (tmp_path / ".cleantext.toml").write_text("page_dump = true\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    proc = cli("clean", "page.txt", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == ARTICLE
    (tmp_path / ".cleantext.toml").write_text('page_dump = "yes"\n', encoding="utf-8")
    proc = cli("clean", "page.txt", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 2 and "'page_dump' must be a true or false" in proc.stderr


FLOOD = [
    "The river burst its banks in Carlisle on Sunday night, and by the morning the water had reached the doors of more than two hundred homes along the old quay.",
    "Council officers went from door to door before dawn, and the families who lived closest to the river were taken to the leisure centre, where beds had been set out in the sports hall.",
    "The flood defences that were built after the floods of 2015 held for most of the night, but the water rose faster than the engineers had expected and found a way around the wall.",
    "Residents said that the warning came late, and several of them told us that they had lost furniture, cars and, in one case, a shop that had only opened in the spring.",
]
FLOOD_LATER = ("By Monday evening the river had begun to fall, and the council said the families at the leisure "
               "centre could go back to their homes on the quay once the engineers had checked the flood wall.")
TEASER = ("The home side scored twice in the last ten minutes of the match and moved up to third place in the "
          "league table, while their manager said that the players had finally shown what they could do.")


def _dump(*parts) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def test_a_later_stretch_about_the_same_story_joins_the_article(monkeypatch):
    """The article resumes after a gallery: a stretch too light to count on its weight alone
    (under half the main block's) is kept because it is about the same story; a teaser of
    the same weight about another story is not."""
    from cleantext import dump

    gallery = [f"Picture {n} of 12" for n in range(1, 13)]
    menu = ["Home", "News", "Sport", "Weather", "Business"]
    page = _dump(menu, ["Carlisle homes evacuated as the river floods the quay"], FLOOD, gallery, [FLOOD_LATER],
                 [f"Most watched {n}" for n in range(1, 13)], [TEASER], ["Contact us", "Terms of use"])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD)
    assert FLOOD_LATER in result.text
    assert TEASER not in result.text
    assert {r.text: r.rule_id for r in result.removals}[TEASER] == "heuristic.dump.outside-article"
    # what keeps the later stretch is its topic: without that test it goes with the teaser
    monkeypatch.setattr(dump, "TOPIC_STRETCH_OVERLAP", 2.0)
    assert FLOOD_LATER not in cleantext.clean(page, page_dump=True, lang="en")


def test_a_numbered_list_between_the_lead_and_the_body_costs_the_article_nothing(monkeypatch):
    """A table of contents (or a listicle's entries) numbered 1, 2, 3... between the lead and
    the body belongs to the article; short lines in general would split it."""
    from cleantext import dump

    contents = [f"{n}. {name}" for n, name in enumerate(
        ["The warning", "The night", "The wall", "The morning", "The families", "The shops", "The cars",
         "The council", "The engineers", "The insurers", "The river", "The rain", "The past", "The future",
         "The questions", "The answers"], 1)]
    page = _dump(["Home", "News"], FLOOD[:2], contents, FLOOD[2:], [FLOOD_LATER], ["Contact us"])
    cleaned = cleantext.clean(page, page_dump=True, lang="en")
    assert all(p in cleaned for p in FLOOD + [FLOOD_LATER])
    assert "1. The warning" in cleaned and "16. The answers" in cleaned
    # numbered in sequence is what keeps the entries: as plain short lines they would go
    monkeypatch.setattr(dump, "NUMBERED_RUN", 100)
    assert "1. The warning" not in cleantext.clean(page, page_dump=True, lang="en")


def test_a_line_only_seen_after_articles_ends_the_article(monkeypatch):
    """A footer link (a tail rule's line) closes the article as comments do: the prose after it,
    a teaser about another story, does not join the article across it."""
    page = _dump(["Home", "News"], ["Carlisle homes evacuated as the river floods the quay"], FLOOD,
                 ["Privacy policy"], [TEASER])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD)
    removed = {r.text: r for r in result.removals}
    assert removed[TEASER].rule_id == "heuristic.dump.outside-article"
    assert removed["Privacy policy"].rule_id == "en.footer.legal-links"
    # the tail rule is what stops the article: without it the teaser is taken in
    from cleantext import dump

    monkeypatch.setattr(dump, "BARRIER", -40.0)
    assert TEASER in cleantext.clean(page, page_dump=True, lang="en")


PRODUCTS = [
    "The walnut desk has a drawer that runs on soft-closing rails, a cable tray under the top, and legs that can be set to four heights so that it suits a child as well as a tall adult.",
    "Our linen sheets are washed twice before they leave the mill, which is why they feel soft from the first night and keep getting softer the more often you wash them at home.",
    "This cast-iron pan holds heat evenly, goes from the hob into the oven, and only needs a thin coat of oil after washing to keep the seasoning that stops food from sticking.",
    "The wool blanket is woven in a small mill in the hills from the fleece of local sheep, and it is heavy enough for winter nights without being too warm for the spring.",
    "A set of six glasses blown by hand, each a little different from the others, thick enough for the dishwasher and light enough to hold comfortably through a long dinner.",
    "The reading lamp has a dimmer in its base, a warm bulb that lasts for years, and an arm that can be turned towards a book or the wall without moving the heavy base at all.",
]


def test_on_a_page_whose_prose_is_spread_out_every_stretch_of_it_counts(monkeypatch):
    """A shop's page (or a listing, or documentation in sections) has no one article: when the
    heaviest stretch holds under half the page's prose, lighter stretches join it."""
    links = [f"Shop {name}" for name in ("beds", "bath", "kitchen", "garden", "lighting", "rugs", "sale", "gifts")]
    page = _dump(["Home", "Shop"], FLOOD, *(part for product in PRODUCTS for part in (links, [product])))
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD + PRODUCTS)
    assert "Shop beds" not in result.text
    assert any("the page's prose is spread out" in e for r in result.removals for e in r.evidence)
    # on an article's page, where the main block holds most of the prose, the rule is stricter
    from cleantext import dump

    monkeypatch.setattr(dump, "SCATTERED_MAIN_SHARE", 0.0)
    assert not any(p in cleantext.clean(page, page_dump=True, lang="en") for p in PRODUCTS)


def test_a_line_that_is_not_prose_stays_between_the_articles_paragraphs():
    """A table row or a line of code, between paragraphs of the article, is part of it; the
    same line where the article has prose on one side only (its edge) falls outside it."""
    row = "Carlisle quay | 214 homes | 1.6 m | Sunday 23:40 | Monday 06:10 | evacuated to the leisure centre"
    inside = cleantext.clean_and_explain(_dump(["Home", "News"], FLOOD[:2], [row], FLOOD[2:], ["Contact us"]),
                                         page_dump=True, lang="en")
    assert row in inside.text and all(p in inside.text for p in FLOOD)
    edge = cleantext.clean_and_explain(_dump(["Home", "News"], FLOOD, [row], ["Contact us"]), page_dump=True, lang="en")
    assert row not in edge.text and all(p in edge.text for p in FLOOD)
    assert {r.text: r.rule_id for r in edge.removals}[row] == "heuristic.dump.outside-article"



def test_a_list_the_article_introduces_with_a_colon_is_the_articles():
    """Short lines under a line of the article that ends in a colon are its list, however short
    (a word or two, a menu's shape); the same lines with nothing introducing them go."""
    intro = "The council asked every household on the quay to keep ready:"
    items = ["Sandbags", "Bottled water", "Torches", "Spare batteries", "Blankets", "Medicines", "Phone chargers", "Cash"]
    page = _dump(["Home", "News"], FLOOD[:2], [intro], items, FLOOD[2:], ["Contact us"])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD + [intro] + items)
    # what keeps the items is the colon: under a sentence's end, those far from prose go
    plain = cleantext.clean(page.replace(intro, intro[:-1] + "."), page_dump=True, lang="en")
    assert "Spare batteries" not in plain and all(p in plain for p in FLOOD)
    # a breadcrumb's "You are at:" says nothing: its labels are no list of the article's
    crumbs = _dump(["You are at:", "Home", "News", "Weather", "Floods", "Cumbria"], FLOOD, ["Contact us"])
    assert "Weather" not in cleantext.clean(crumbs, page_dump=True, lang="en")


def test_a_run_of_phrases_right_under_the_articles_prose_is_its_bulleted_list(monkeypatch):
    """Items written as phrases (sentence case, several words, no full stop) under a paragraph
    of the article are its list; headlines of other stories under a teaser's truncated
    summary are not."""
    from cleantext import dump

    reasons = ["Water rose faster than the engineers had expected", "The wall had a gap at the old boathouse",
               "Pumps at the quay failed after the power cut", "Drains were blocked with leaves from the park",
               "Sandbags arrived at the quay too late in the night", "Warnings went out by text to only half the homes"]
    page = _dump(["Home", "News"], FLOOD[:2], ["Engineers gave six reasons for the flooding."], reasons,
                 FLOOD[2:], [FLOOD_LATER], ["Contact us"])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD + reasons)
    monkeypatch.setattr(dump, "LIST_RUN", 100)
    assert reasons[3] not in cleantext.clean(page, page_dump=True, lang="en")
    monkeypatch.undo()
    # under a teaser's summary cut short ("..."), the same shape is a list of other stories
    page = _dump(["Home", "News"], FLOOD, ["Contact us"], [TEASER[:90] + "..."], reasons, ["Privacy policy"])
    cleaned = cleantext.clean(page, page_dump=True, lang="en")
    assert all(p in cleaned for p in FLOOD) and not any(r in cleaned for r in reasons)


def _random_dumps(count: int, seed: int = 7):
    """Pages assembled at random from menus, the article's paragraphs, lists, teasers, products,
    tables and footers: the shapes the article search weighs against each other."""
    import random

    rng = random.Random(seed)
    table = ["Quay | 214 homes | 1.6 m | evacuated", "Harbour Street | 96 homes | 1.1 m | evacuated",
             "Old Mill Road | 41 homes | 0.7 m | warned"]
    parts = [
        ["Home", "News", "Sport", "Weather"], ["Carlisle homes evacuated as the river floods the quay"],
        FLOOD[:2], FLOOD[2:], [FLOOD_LATER], [TEASER], PRODUCTS[:2], PRODUCTS[2:4], table,
        ["The council asked every household on the quay to keep ready:", "Sandbags", "Torches", "Blankets"],
        [f"Picture {n} of 6" for n in range(1, 7)], ["Privacy policy", "Contact us"], ["Most read"],
    ]
    for _ in range(count):
        yield _dump(*(rng.choice(parts) for _ in range(rng.randint(3, 9))))


def test_a_dump_cleaned_again_comes_back_as_it_is():
    """Looked for again without the menus and footers around it, an article can prove narrower:
    a dump is cleaned until nothing more goes, so cleaning its output changes nothing."""
    for page in _random_dumps(300):
        once = cleantext.clean(page, page_dump=True, lang="en")
        assert cleantext.clean(once, page_dump=True, lang="en") == once, page


def test_every_removal_from_a_dump_is_reported_at_its_line_of_the_input():
    for page in _random_dumps(100, seed=11):
        result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
        lines = page.split("\n")
        for r in result.removals:
            assert lines[r.line - 1] == r.text == page[r.span[0]:r.span[1]]
        kept = [line for n, line in enumerate(lines, 1) if line and n not in {r.line for r in result.removals}]
        assert result.text.split() == " ".join(kept).split()


def test_a_corpus_of_dumps_fixed_once_then_passes_the_check(tmp_path):
    """As a hook keeps a repository of dumps clean: `cleantext fix` rewrites them (exit 1, files
    changed); `cleantext check` then finds nothing more (exit 0), and `fix` changes nothing."""
    (tmp_path / ".cleantext.toml").write_text("page_dump = true\nlang = \"en\"\n", encoding="utf-8")
    pages = [PAGE] + list(_random_dumps(40, seed=3))
    for n, page in enumerate(pages):
        (tmp_path / f"page{n:02d}.txt").write_text(page, encoding="utf-8")
    names = sorted(p.name for p in tmp_path.glob("page*.txt"))
    first = cli("fix", *names, cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    fixed = {name: (tmp_path / name).read_text(encoding="utf-8") for name in names}
    assert fixed["page00.txt"] == ARTICLE
    check = cli("check", *names, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    again = cli("fix", *names, cwd=tmp_path)
    assert again.returncode == 0 and all((tmp_path / n).read_text(encoding="utf-8") == fixed[n] for n in names)


JACKETS_INTRO = [
    "We walked the same wet ridge in eight rain jackets this autumn to find the ones that keep a hiker dry on a long day "
    "in the hills, and we asked the walkers who came with us which of them they would still be wearing next winter.",
    "Every jacket below was worn for at least three days of steady rain, and we weighed each one on the same kitchen "
    "scale before and after, so that the water a jacket took in was measured rather than guessed at by its wearer.",
]
JACKETS = {
    "Alpine Shell": "The Alpine Shell kept us dry through six hours of rain on the ridge, and its hood stayed put in the wind without pulling at the neck.",
    "Trail Lite": "The Trail Lite is the lightest jacket we tested for hiking, and it packs into its own pocket, although its seams let in water after a long day.",
    "Summit Pro": "The Summit Pro is the jacket for a hiker who walks in rain every week: its fabric breathes on the climbs and it dried overnight in the hut.",
    "Valley Walker": "The Valley Walker costs half as much as the others and kept us dry on short walks, which makes it the rain jacket we would buy for a child.",
}


def _listicle() -> list[str]:
    lines = ["Home", "Reviews", "The four best rain jackets for hiking"] + JACKETS_INTRO
    for n, (name, review) in enumerate(JACKETS.items(), 1):
        lines += [f"{n}. {name}", review, "Weight", f"{300 + 20 * n} g", "Pros", "Packs small", "Cons", "Pricey"]
    return lines


def test_a_listicles_numbered_sections_are_the_article_whatever_stands_in_them(monkeypatch):
    """Headings numbered 1, 2, 3... set far apart, each over a section of prose, are a
    listicle's entries: the section's table rows and its pros and cons stay with them, where
    short lines would otherwise split the article after its first entry."""
    from cleantext import dump

    page = _dump(_listicle(), ["Related stories", "Ten walks on the coast"], ["Contact us", "Privacy policy"])
    cleaned = cleantext.clean(page, page_dump=True, lang="en")
    for line in JACKETS_INTRO + list(JACKETS.values()) + ["3. Summit Pro", "360 g", "Packs small", "4. Valley Walker"]:
        assert line in cleaned
    assert "Privacy policy" not in cleaned and "Ten walks on the coast" not in cleaned
    assert cleantext.clean(cleaned, page_dump=True, lang="en") == cleaned
    # the numbers in sequence keep the sections: without them, the last entries go
    monkeypatch.setattr(dump, "SECTIONS_MIN", 100)
    assert "4. Valley Walker" not in cleantext.clean(page, page_dump=True, lang="en")


def test_numbered_entries_of_other_stories_or_of_a_thread_are_no_sections(monkeypatch):
    """A numbered box of other stories under the article shares few of its words, and the
    numbered replies of a thread stand across its comment lines: neither joins the article."""
    from cleantext import dump

    stories = ["The home side scored twice in the last ten minutes and moved up to third place.",
               "Shoppers queued before dawn for the first day of the new bakery on the high street.",
               "The orchestra will play three concerts in the cathedral over the Easter weekend.",
               "Two schools in the valley will share one head teacher from the autumn term onwards."]
    others = []
    for n, story in enumerate(stories, 1):
        others += [f"{n}. Most read", story, "Share", "Save"]
    page = _dump(["Home", "News"], ["Carlisle homes evacuated as the river floods the quay"], FLOOD, others,
                 ["Contact us"])
    cleaned = cleantext.clean(page, page_dump=True, lang="en")
    assert all(p in cleaned for p in FLOOD) and not any(s in cleaned for s in stories)
    # what leaves them out is their topic: a listicle's entries share more of the article's words
    monkeypatch.setattr(dump, "SECTIONS_TOPIC_OVERLAP", 0.0)
    assert stories[2] in cleantext.clean(page, page_dump=True, lang="en")
    monkeypatch.undo()
    replies = []
    for n, reply in enumerate(FLOOD[1:4], 1):
        replies += [f"{n}. Re: the flood on the quay", reply, "Reply", "Report"]
    thread = _dump(["Home", "Forum"], [FLOOD[0] + " " + FLOOD_LATER], ["Reply", "Report"], replies, ["Contact us"])
    # the comment lines between the replies stop the sections, even where no posted comment was
    # recognised as such
    from cleantext import heuristics

    monkeypatch.setattr(heuristics, "posted_comments", lambda doc, first: None)
    assert "3. Re: the flood on the quay" not in cleantext.clean(thread, page_dump=True, lang="en")


def test_a_page_without_an_article_keeps_its_cards_and_loses_its_menus(monkeypatch):
    """A shop's grid has no paragraph of prose to cut the page down to: its cards (a name, a
    price, a rating) are its text, and only its menus, runs of short labels with no figure,
    go. Cut down to its heaviest stretch, it would keep a line or two."""
    from cleantext import dump

    cards = []
    for n, name in enumerate(["Trail Runner 3 Waterproof Shoe", "Merino Hiking Sock Two Pack", "Packable Down Vest",
                              "Canvas Weekend Duffel Bag", "Wool Beanie with Fleece Lining", "Insulated Steel Bottle"], 1):
        cards += [name, f"${20 * n + 9}.00", f"{4 + n % 2}.{n} out of 5 stars, {12 * n} reviews"]
    filters = ["Filter by", "Size", "Colour", "Brand", "Material", "Activity", "Fit"]
    blurb = "Gear for every trail, chosen and tested by our staff on the hills around the shop."
    page = _dump(["Sign in", "Basket", "Men", "Women", "Kids", "Sale"], ["Outdoor gear", blurb], cards[:9], filters,
                 cards[9:], ["About us", "Careers", "Stores", "Help", "Returns", "Delivery"])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(line in result.text for line in cards + [blurb])
    assert not any(line in result.text.split("\n") for line in filters + ["Women", "Careers"])
    removed = {r.text: r for r in result.removals}
    assert removed["Material"].rule_id == "heuristic.dump.menu-run"
    assert any("under one paragraph of good prose" in e for e in removed["Material"].evidence)
    assert cleantext.clean(result.text, page_dump=True, lang="en") == result.text
    # an article's page is still cut down to its article (see above); this one, so cut, keeps little
    monkeypatch.setattr(dump, "NO_ARTICLE_WEIGHT", 0.0)
    assert sum(line in cleantext.clean(page, page_dump=True, lang="en") for line in cards) < len(cards) / 2


def test_a_list_the_article_introduces_may_hold_items_long_enough_to_read_as_prose():
    """An item of the list may run to a long phrase ("Sandbags at every door that faces the river
    on the quay and in the lanes behind it") without being the article going on: it has no
    sentence's end. The list goes on past it, its short items with it."""
    intro = "The council asked every household on the quay to keep ready:"
    items = ["Sandbags at every door and at the windows that face the river on the quay and in the lanes behind it",
             "Bottled water", "Torches", "Spare batteries", "Blankets", "Medicines", "Phone chargers", "Cash"]
    page = _dump(["Home", "News"], FLOOD[:2], [intro], items, FLOOD[2:], [FLOOD_LATER], ["Contact us"])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD + [intro] + items)


def test_past_the_comment_sections_header_no_stretch_is_the_article(monkeypatch):
    """Readers' comments under "2 comments on ..." may weigh more than half the article: a
    stretch of them is not the article resumed, however heavy, once the section's header stands
    between."""
    from cleantext import dump

    comments = [FLOOD_LATER, TEASER]
    page = _dump(["Home", "News"], ["Carlisle homes evacuated as the river floods the quay"], FLOOD,
                 ["2 comments on “Carlisle homes evacuated”"], comments, ["Contact us"])
    cleaned = cleantext.clean(page, page_dump=True, lang="en")
    assert all(p in cleaned for p in FLOOD) and not any(c in cleaned for c in comments)
    # the header is what ends the article: without it the heavy stretch joins as a second block
    monkeypatch.setattr(dump, "COMMENT_SECTION_OPENS", ())
    assert TEASER in cleantext.clean(page, page_dump=True, lang="en")


def test_a_list_the_article_introduces_at_its_end_is_the_articles():
    """A list under the article's last line of prose, ending in a colon, closes the story: the
    list costs the article nothing, so the heaviest stretch ends before it, and it is kept all
    the same. The same labels under a sentence's end, with nothing introducing them, go."""
    intro = "The council asked every household on the quay to keep ready:"
    items = ["Sandbags", "Bottled water", "Torches", "Spare batteries", "Blankets", "Medicines"]
    page = _dump(["Home", "News"], FLOOD, [intro], items, ["Copyright 2024 Cumbria News", "Privacy policy"])
    result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
    assert all(p in result.text for p in FLOOD + [intro] + items)
    assert "Privacy policy" not in result.text
    plain = cleantext.clean(page.replace(intro, intro[:-1] + "."), page_dump=True, lang="en")
    assert "Spare batteries" not in plain and all(p in plain for p in FLOOD)


RANKING_INTRO = "The river levels recorded at each gauge on Sunday are set out in the table below."
RANKING = ["Gauge", "Level", "Change", "Record",
           "Sheepmount", "7.1 m", "+1.2 m", "7.9 m",
           "Linstock", "5.4 m", "+0.8 m", "6.2 m",
           "Cummersdale", "3.9 m", "+0.6 m", "4.5 m",
           "Great Corby", "4.4 m", "+0.9 m", "5.0 m"]


def test_a_table_of_figures_under_the_articles_prose_is_the_articles(monkeypatch):
    """A table dumped one cell to a line, under a line of the article's prose: short lines, most
    far from prose, but a third or more of them figures, with its header and names among them.
    It stays, between the article's paragraphs and at its end; runs of figures alone (a
    gallery's counter, page numbers) and a table of contents' numbered sections are no table."""
    from cleantext import dump

    at_end = _dump(["Home", "News"], FLOOD, [RANKING_INTRO], RANKING, ["Contact us", "Terms of use"])
    between = _dump(["Home", "News"], FLOOD[:2], [RANKING_INTRO], RANKING, FLOOD[2:], ["Contact us"])
    for page in (at_end, between):
        result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
        assert all(p in result.text for p in FLOOD + [RANKING_INTRO] + RANKING)
        assert "Terms of use" not in result.text
    # what keeps the cells is the share of figures among them: as labels they go
    monkeypatch.setattr(dump, "TABLE_FIGURE_SHARE", 2.0)
    assert "Cummersdale" not in cleantext.clean(at_end, page_dump=True, lang="en")
    monkeypatch.undo()
    counters = [f"Picture {n} of 12" for n in range(1, 13)]
    contents = ["In this report"] + [f"2.{n} {t}" for n, t in enumerate(
        ["Before", "Rescue", "After", "Help", "Insurance", "Sandbags", "Roads", "Schools", "Shelters"], 1)]
    for run in (counters, contents):
        page = _dump(["Home", "News"], FLOOD, [RANKING_INTRO], run, ["Contact us", "Terms of use"])
        assert run[4] not in cleantext.clean(page, page_dump=True, lang="en")


def test_a_numbered_list_in_the_article_stays_whole_where_it_stands():
    """Items numbered 1, 2, 3... cost the article nothing, and they stay with it: a list of ten
    between its paragraphs (items far from any prose), or a list closing it. Under a "Most
    read" header, the same shape is a box of other stories and goes."""
    steps = [f"{n}. {item}" for n, item in enumerate(
        ["Sandbags", "Bottled water", "Torches", "Spare batteries", "Blankets", "Medicines", "Phone chargers",
         "Cash", "Copies of documents", "A radio"], 1)]
    between = _dump(["Home", "News"], FLOOD[:2], steps, FLOOD[2:], ["Contact us"])
    closing = _dump(["Home", "News"], FLOOD, steps[:3], ["Copyright 2024 Cumbria News", "Privacy policy"])
    for page, kept in ((between, steps), (closing, steps[:3])):
        result = cleantext.clean_and_explain(page, page_dump=True, lang="en")
        assert all(p in result.text for p in FLOOD + kept), [r.text for r in result.removals]
    teasers = [f"{n}. {t}" for n, t in enumerate(["Town hall to close for repairs", "Derby ends in a draw",
                                                    "New bakery opens on Castle Street"], 1)]
    boxed = cleantext.clean(_dump(FLOOD, ["Most read"], teasers, ["Contact us"]), page_dump=True, lang="en")
    assert all(p in boxed for p in FLOOD) and not any(t in boxed for t in teasers)
