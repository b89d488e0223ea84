"""Finding the article in a page dump: every heading, paragraph and list item of a page, in
order, menus, related lists and footers included (CleanerConfig.page_dump).

As in jusText, each paragraph is first classed alone, on language-independent evidence: its
length, whether it ends like a sentence, and the share of its words that are the language's
stopwords (prose is full of them; menus, headlines and link lists are not). Then, unlike
jusText, which keeps every good paragraph wherever it stands, the article is taken to be one
stretch of the page: the run of paragraphs where prose outweighs the rest most (a maximum-sum
segment), plus the headline just above it, plus other stretches that weigh half as much or are
about the same story (their content words are the main block's). A list numbered 1, 2, 3...
costs the article nothing, nor does a list it introduces (short lines under a line of it that
ends in a colon, or a run of phrases in sentence case right under its prose) or a table of
figures under its prose, dumped one cell to a line: such a list, numbered or introduced, or
table closing the article is kept with it. A listicle's sections, under headings numbered 1, 2, 3... set apart, are the
article's whatever stands in them. Outside go menus, teasers, comments and footers, even those
written in sentences. Both verdicts, the class and the place, are kept as evidence. A page whose
heaviest stretch weighs less than one paragraph of good prose (a shop's grid, a listing, a
chart) has no article to cut it down to: only its menus go.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .paragraphs import NOISE, Paragraph
from .stopwords import stopwords

# jusText's defaults: a paragraph shorter than LENGTH_LOW characters is short; prose has at
# least STOPWORDS_LOW of its words in the stoplist, and good prose STOPWORDS_HIGH.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# Scripts without spaces (and languages without a stoplist) are judged on length and sentence
# end alone; CJK says in 35 characters what Latin script says in 70.
CJK_LENGTH_LOW = 35

GOOD, NEAR_GOOD, SHORT_PROSE, SHORT, BAD = "good", "near-good", "short prose", "short", "bad"
PROSE = (GOOD, NEAR_GOOD, SHORT_PROSE)
# Another stretch of prose is part of the article when it weighs at least this share of the
# main block (1 or more: the main block alone).
SECOND_BLOCK_SHARE = 0.5
# A page whose main block holds under this share of all its prose weight is not one article in
# one place (a listing, a product page, documentation in sections): there a stretch joins when
# it weighs SCATTERED_BLOCK_SHARE of the main block.
SCATTERED_MAIN_SHARE = 0.5
SCATTERED_BLOCK_SHARE = 0.1
# A lighter stretch still belongs to the article when it is about the same story: at least
# this share of the main block's weight, and this share of its content words found there (the
# article resumed after a gallery or an ad; a teaser about another story shares far fewer).
TOPIC_STRETCH_SHARE = 0.1
TOPIC_STRETCH_OVERLAP = 0.3
# Content words a stretch needs before its overlap says anything.
TOPIC_MIN_WORDS = 5
# How far a short line (a heading, a caption) may stand from prose and still belong to it.
SHORT_REACH = 2
# How many paragraphs above the article its headline may stand (date, byline and share row
# often come between).
HEADLINE_REACH = 6

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")  # a figure: a price, a date, a measurement, a rank
# A line ending in a colon introduces what follows: a list, a quote, an example.
_INTRODUCES = re.compile(r"\w[^:：]*[:：]$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def classify(p: Paragraph, stoplist: frozenset[str]) -> tuple[str, str]:
    """(class, evidence) of one paragraph, judged alone."""
    chars = len(p.text)
    if _CJK.search(p.text) or not stoplist:
        low = CJK_LENGTH_LOW if _CJK.search(p.text) else LENGTH_LOW
        if chars >= low and p.sentence_end:
            return (GOOD if chars >= 2 * low else NEAR_GOOD), f"{chars} characters ending like a sentence"
        return (SHORT if chars < low else BAD), f"{chars} characters{'' if p.sentence_end else ', no sentence end'}"
    words = _WORD.findall(p.text.casefold())
    density = sum(w in stoplist for w in words) / len(words) if words else 0.0
    evidence = f"{chars} characters, stopword density {density:.2f}"
    if chars < LENGTH_LOW:
        # A short sentence full of stopwords is prose too (a tutorial's steps, a terse report).
        # So is a sentence leading into a list ("Because it is open-source, it offers:").
        ends = p.sentence_end or bool(_INTRODUCES.match(p.text))
        prose = ends and len(words) >= 4 and density >= STOPWORDS_LOW
        return (SHORT_PROSE if prose else SHORT), evidence
    if density >= STOPWORDS_HIGH:
        return (GOOD if chars > LENGTH_HIGH else NEAR_GOOD), evidence
    if density >= STOPWORDS_LOW:
        return NEAR_GOOD, evidence
    return BAD, evidence


# Comment threads and footers follow the article: the article does not run across one, nor
# across a line that a tail rule names (a box of more stories, a row of footer links): such a
# line only ever stands after an article.
BARRIER_CATEGORIES = ("comments", "footer")
BARRIER = -1e12
# Rules whose line opens a comment section: its header or count, its form (every pack has both).
COMMENT_SECTION_OPENS = (".comments.prompt", ".comments.form")
# A heading costs the article little; a menu of twenty costs it a paragraph.
SHORT_WEIGHT = -40.0


def _weight(p: Paragraph, cls: str) -> float:
    """What a paragraph adds to the case that the article stands here."""
    if p.final == NOISE:
        return BARRIER if p.category in BARRIER_CATEGORIES else -max(len(p.text), 30.0)
    if any(rule.scope == "tail" for rule in p.candidates):
        return BARRIER
    return {GOOD: len(p.text), NEAR_GOOD: len(p.text) / 2, SHORT_PROSE: len(p.text) / 4, SHORT: SHORT_WEIGHT,
            BAD: -len(p.text)}[cls]


def main_block(weights: list[float]) -> tuple[int, int] | None:
    """The contiguous run with the largest sum (Kadane), as (first, last); None if nothing adds."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def blocks(weights: list[float], share: float, on_topic=None) -> list[tuple[int, int]]:
    """The main block, and any other stretch, left or right of the blocks found so far, whose
    sum is at least `share` of the main block's (an article in two parts around a gallery, a
    page whose text stands in two columns), or at least TOPIC_STRETCH_SHARE of it and about the
    same story (`on_topic(main, first, last)`: the share of the stretch's content words found
    in the main block, at least TOPIC_STRETCH_OVERLAP), in order."""
    main = main_block(weights)
    if main is None:
        return []
    found, todo = [main], [(0, main[0]), (main[1] + 1, len(weights))]
    total = sum(weights[main[0]:main[1] + 1])
    target = total * share
    floor = target if on_topic is None else min(target, total * TOPIC_STRETCH_SHARE)
    while todo and share < 1:
        lo, hi = todo.pop()
        span = main_block(weights[lo:hi])
        if span is None:
            continue
        a, b = span[0] + lo, span[1] + lo
        w = sum(weights[a:b + 1])
        if w < floor:
            continue  # the heaviest stretch left here is too light: so is every other
        if w >= target or on_topic(main, a, b) >= TOPIC_STRETCH_OVERLAP:
            found.append((a, b))
        todo += [(lo, a), (b + 1, hi)]  # a lighter stretch beside it may be on the story
    return sorted(found)


_NUMBERED = re.compile(r"(\d{1,3})[.)]\s+\S")
# A run of at least this many items numbered 1, 2, 3... is a list of the article's own (steps,
# a listicle's entries, its table of contents): it costs the article nothing.
NUMBERED_RUN = 3


def _numbered_runs(paras) -> dict[int, int]:
    """The paragraphs in runs of items numbered in sequence, one after another: item -> the line
    right above its run (-1 at the top of the page)."""
    found: dict[int, int] = {}
    run: list[int] = []
    last = None

    def close() -> None:
        if len(run) >= NUMBERED_RUN:
            found.update(dict.fromkeys(run, run[0] - 1))

    for i, p in enumerate(paras):
        m = _NUMBERED.match(p.text)
        n = int(m.group(1)) if m else None
        if n is not None and last is not None and n == last + 1:
            run.append(i)
        else:
            close()
            run = [i] if n is not None else []
        last = n
    close()
    return found


# A listicle ("The 8 best CRMs", "10 tips for a first visit") sets its entries far apart: a
# heading numbered 1, 2, 3... over each, and under each a section of prose, a table, a list of
# features, pros and cons. At least this many headings in sequence, each with a sentence of prose
# in its section, are the article's sections, whatever stands in them: short lines would split
# the article there (a plain numbered list, its items one after another, is _numbered_runs').
SECTIONS_MIN = 3
SECTION_HEADING_MAX_WORDS = 15
# Each entry is about its own item (a product, a tip), so sections share fewer of their content
# words with the article's main block than an article resumed after a gallery does: this share,
# where they do not hold the main block. Other stories in a numbered box share fewer still.
SECTIONS_TOPIC_OVERLAP = 0.15
_SECTION_HEADING = re.compile(r"(?:#\s?)?(\d{1,2})[.):]\s+\S")


def _numbered_sections(paras, classes) -> list[tuple[int, int]]:
    """(first, last) of each run of sections under headings numbered 1, 2, 3... in sequence:
    from the first heading to the last sentence of prose under the last one (no further than
    the longest section before it reaches). The article does not run across a comment thread or
    a footer (BARRIER_CATEGORIES): numbered replies of a forum ("1. Re: ...") are no sections."""
    headings = [(i, int(m.group(1))) for i, p in enumerate(paras)
                if p.final != NOISE and p.words <= SECTION_HEADING_MAX_WORDS and not p.sentence_end
                and (m := _SECTION_HEADING.match(p.text))]
    prose = [classes[i][0] in PROSE and p.final != NOISE for i, p in enumerate(paras)]
    barrier = [p.final == NOISE and p.category in BARRIER_CATEGORIES for p in paras]
    boxed = [p.final == NOISE and p.category == "related" for p in paras]  # a box of other stories
    found: list[tuple[int, int]] = []
    for k, (first, number) in enumerate(headings):
        if number != 1 or (found and first <= found[-1][1]):
            continue
        chain = [first]
        for j, (i, n) in enumerate(headings[k + 1:], k + 1):
            if n == 1 and not (j + 1 < len(headings) and headings[j + 1] == (i + 1, 2)):
                break  # another run of sections begins (a list of its own, items together, may stand in one)
            if n != len(chain) + 1:
                continue
            if i - chain[-1] < 2 or not any(prose[chain[-1] + 1:i]) or any(barrier[chain[-1]:i]):
                break  # items one after another, a heading with no prose under it, a thread between
            chain.append(i)
        if len(chain) < SECTIONS_MIN:
            continue
        reach = max(b - a for a, b in zip(chain, chain[1:]))
        last = chain[-1]
        for i in range(chain[-1] + 1, min(len(paras), chain[-1] + 1 + reach)):
            if barrier[i] or boxed[i]:
                break
            if prose[i]:
                last = i
        found.append((first, last))
    return found


# Under a line of the article ending in a colon ("It offers:", "You can build:"), up to this
# many short lines are its list, not a menu; the intro says something in at least this many words.
LISTED_MAX = 15
INTRO_MIN_WORDS = 3
# Right under the article's prose, a run of at least LIST_RUN lines written as phrases in
# sentence case (words of their own, not Title Case labels), none ending like a sentence, is
# the article's bulleted list: menus are labels of a word or two in Title Case.
LIST_RUN = 3
LIST_ITEM_MIN_WORDS = 4


def _phrase(p) -> bool:
    """A list item written as a phrase: a few words, mostly lowercase after the first."""
    words = [w for w in p.text.split() if w[:1].isalpha()]
    if len(words) < LIST_ITEM_MIN_WORDS:
        return False
    return sum(w[:1].islower() for w in words[1:]) * 2 >= len(words) - 1


def _says_something(p, stoplist) -> bool:
    """An intro of a few words, one of them more than a stopword ("You can build:"; not a
    breadcrumb's "You are at:" nor a label's "Related tags:")."""
    words = _WORD.findall(p.text.casefold())
    return len(words) >= INTRO_MIN_WORDS and (not stoplist or any(w not in stoplist for w in words))


def _ends_list(p) -> bool:
    """Noise, or a line only ever seen after an article (a tail rule's), ends any list."""
    return p.final == NOISE or any(rule.scope == "tail" for rule in p.candidates)


def _listed(paras, classes, stoplist) -> dict[int, int]:
    """The article's list items: item -> the line of prose that introduces it. Short lines set
    under a line of the article that ends in a colon (menus and link rows have no such line:
    their labels, "Follow us:", are rules' noise), and runs of phrases right under its prose."""
    found = {}
    for i, p in enumerate(paras):
        if p.final == NOISE or classes[i][0] == BAD:
            continue
        if _INTRODUCES.match(p.text) and _says_something(p, stoplist):
            for j in range(i + 1, min(len(paras), i + 1 + LISTED_MAX)):
                # An item may be a phrase long enough to read as prose; one that ends like a
                # sentence is the article going on, unless it is as short as an item.
                item = classes[j][0] == SHORT or (classes[j][0] in PROSE and not paras[j].sentence_end)
                if not item or _ends_list(paras[j]) or _INTRODUCES.match(paras[j].text):
                    break
                found[j] = i
        elif classes[i][0] in PROSE and p.sentence_end and not p.text.endswith(("...", "…")):
            run, phrases = [], 0
            for j in range(i + 1, min(len(paras), i + 1 + LISTED_MAX)):
                if classes[j][0] in PROSE or _ends_list(paras[j]) or paras[j].sentence_end:
                    break
                run.append(j)
                phrases += _phrase(paras[j])
            while run and not _phrase(paras[run[-1]]):
                run.pop()  # the list ends with its last phrase; a label after it is the page's
            if phrases >= LIST_RUN and 2 * phrases >= len(run):
                found.update(dict.fromkeys(run, i))
    return found


# A table dumped one cell to a line: a run of at least TABLE_MIN_CELLS short lines, none ending
# like a sentence, right under a line of the article's prose ("...in the chart below."), at least
# TABLE_FIGURE_SHARE of them figures (a ranking, prices, measurements). A table's header row and
# its column of names stand in the run as cells too: names beside one column of figures, under
# a header, make a little under half. A run of figures alone is no table but a counter ("Picture
# 3 of 12") or page numbers.
TABLE_MIN_CELLS = 8  # two rows of four, four of two: fewer is a card's lines (a name, a price, a date)
TABLE_FIGURE_SHARE = 1 / 3
TABLE_CELL_MAX_WORDS = 8  # a cell holds a name, a label, a figure; more words make a line of prose
FIGURE_CELL_MAX_WORDS = 2
_LETTERS = re.compile(r"[^\W\d_]+")
# A section's number ("2. Basics", "1.3 What is Git?") is no figure: a table of contents is no
# table. A measurement's unit is shorter than a title's word ("7.1 m", "3.5 GHz").
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*[.)]\s|^\d+(?:\.\d+)+\s+(?=[^\W\d_]{4})")


def _figure_cell(text: str) -> bool:
    """A cell of figures: a digit, and no more than FIGURE_CELL_MAX_WORDS words of letters
    ("$175,000", "37% / 40%", "11.5 in / 29 cm", "10 years"; not "12 Months Before the Wedding")."""
    text = _SECTION_NUMBER.sub("", text, 1)
    return _DIGIT.search(text) is not None and len(_LETTERS.findall(text)) <= FIGURE_CELL_MAX_WORDS


def _tables(paras, classes) -> dict[int, int]:
    """The article's tables: cell -> the line of prose right above the table. (Each maximal run
    of short lines is looked at once: linear in the page, however it repeats.)"""
    found: dict[int, int] = {}
    run: list[int] = []
    for j, q in enumerate(paras + [None]):
        if q is not None and not (_ends_list(q) or q.sentence_end or q.words > TABLE_CELL_MAX_WORDS):
            run.append(j)
            continue
        i = run[0] - 1 if run else -1
        if (len(run) >= TABLE_MIN_CELLS and i >= 0 and paras[i].final != NOISE and classes[i][0] in PROSE
                and TABLE_FIGURE_SHARE * len(run) <= sum(_figure_cell(paras[k].text) for k in run) < len(run)):
            found.update(dict.fromkeys(run, i))
        run = []
    return found


def _with_lists(spans: list[tuple[int, int]], listed: dict[int, int]) -> list[tuple[int, int]]:
    """Each stretch, run on over the list its last lines introduce: a list costs the article
    nothing, so the heaviest stretch ends before it, while it is the article's ("The plan
    includes:" and its items, closing the story)."""
    out = []
    for a, b in spans:
        while a <= listed.get(b + 1, -1) <= b:
            b += 1
        out.append((a, b))
    return out


def find_article(doc, remove) -> None:
    """Remove what stands outside the article's blocks; inside them, bad paragraphs and short
    lines far from prose. `remove` is heuristics.remove (passed in: no import cycle)."""
    paras = doc.paragraphs
    if not paras:
        return
    stoplist = stopwords(doc.lang)
    classes = [classify(p, stoplist) for p in paras]
    weights = [_weight(p, c) for p, (c, _) in zip(paras, classes)]
    numbered = _numbered_runs(paras)
    for i in numbered:
        if classes[i][0] == SHORT and paras[i].final != NOISE:
            weights[i] = 0.0
    listed = _listed(paras, classes, stoplist)
    tables = _tables(paras, classes)
    for i in list(listed) + list(tables):
        weights[i] = max(weights[i], 0.0)

    def content_words(first: int, last: int) -> set:
        words: set = set()
        for i in range(first, last + 1):
            if classes[i][0] in PROSE and paras[i].final != NOISE:
                words |= doc.topic.stems(paras[i])
        return words

    main_words: dict = {}  # the main block's content words, gathered once

    def on_topic(main: tuple[int, int], first: int, last: int) -> float:
        words = content_words(first, last)
        if len(words) < TOPIC_MIN_WORDS:
            return 0.0
        if main not in main_words:
            main_words[main] = content_words(*main)
        return len(words & main_words[main]) / len(words)

    main = main_block(weights)
    heaviest = sum(weights[main[0]:main[1] + 1]) if main is not None else 0.0
    if main is None or heaviest < NO_ARTICLE_WEIGHT:
        _menu_runs(paras, remove, heaviest)
        return
    share = heaviest / sum(w for w in weights if w > 0)
    scattered = share < SCATTERED_MAIN_SHARE
    # A stretch runs on over a numbered list, a list under a colon or a table that closes it; not
    # over a run of phrases, whose shape a box of teasers under the article's last paragraph has too.
    spans = _with_lists(blocks(weights, SCATTERED_BLOCK_SHARE if scattered else SECOND_BLOCK_SHARE, on_topic),
                        {i: j for i, j in listed.items() if _INTRODUCES.match(paras[j].text)} | tables | numbered)
    # A table's cells and a numbered list's items are kept as a list's are, with the line above them.
    listed = numbered | tables | listed
    # Where the comment section opens under the article ("59 comments on ...", "Leave a reply"),
    # what follows is readers' comments, however heavy: no stretch there is the article resumed.
    opens = next((i for i in range(main[1] + 1, len(paras))
                  if paras[i].final == NOISE and paras[i].decided_by.endswith(COMMENT_SECTION_OPENS)), None)
    if opens is not None:
        spans = [(a, b) for a, b in spans if a < opens]
    # A listicle's numbered sections are the article's, all that stands in them, where they hold
    # the main block or are about its story (a numbered box of other stories is not).
    sections = {i for a, b in _numbered_sections(paras, classes)
                if a <= main[1] and main[0] <= b or on_topic(main, a, b) >= SECTIONS_TOPIC_OVERLAP
                for i in range(a, b + 1)}
    inside = {i for a, b in spans for i in range(a, b + 1)} | sections
    prose = [i for i in sorted(inside) if (classes[i][0] in PROSE or i in listed) and paras[i].final != NOISE]
    headline = _headline(doc, spans[0][0], classes)
    where = ", ".join(f"lines {paras[a].line + 1}-{paras[b].line + 1}" for a, b in spans)
    how = (f"the page's prose is spread out (its heaviest stretch holds {share:.0%} of it), so every stretch "
           f"weighing {SCATTERED_BLOCK_SHARE:.0%} of that one counts" if scattered else
           "the main block is the stretch where prose outweighs the rest most")
    for i, p in enumerate(paras):
        if p.final == NOISE or i == headline:
            continue
        cls, evidence = classes[i]
        if i in inside and listed.get(i) in inside and paras[listed[i]].final != NOISE:
            continue  # an item of a list the article introduces, its intro kept
        if i in sections:
            continue  # in a numbered section of the article: its table, its pros and cons
        tail_rule = next((rule for rule in p.candidates if rule.scope == "tail"), None)
        if i not in inside and tail_rule is not None:
            remove(p, tail_rule.id, tail_rule.category, tail_rule.message,
                   [f"matches rule {tail_rule.id}", f"outside the article's main block ({where})"], tail_rule)
        elif i not in inside:
            remove(p, "heuristic.dump.outside-article", "layout", f"outside the article's main block ({where})",
                   [f"{cls}: {evidence}", f"{how}: {where}"])
        elif cls == BAD and not _between(i, prose):
            remove(p, "heuristic.dump.not-prose", "layout", "inside the article but not prose, nor between its prose",
                   [f"{cls}: {evidence}"])
        elif cls == SHORT and not any(abs(i - j) <= SHORT_REACH for j in prose):
            remove(p, "heuristic.dump.short-far-from-prose", "layout",
                   f"short line more than {SHORT_REACH} paragraphs from the article's prose", [f"{cls}: {evidence}"])


# A page whose heaviest stretch weighs less than one paragraph of good prose has no article to
# cut it down to: a shop's grid, a listing, a chart, a front page of headlines, documentation
# in short steps. Its text is what the rules and the edge heuristics left, less its menus: runs
# of MENU_RUN or more labels of a few words, none with a figure or a sentence's end (a product
# card holds a price, a rating, a date; a listing's headline is longer).
NO_ARTICLE_WEIGHT = LENGTH_HIGH
MENU_RUN = 6
MENU_LABEL_MAX_WORDS = 5


def _menu_runs(paras, remove, heaviest: float) -> None:
    """On a page without an article, remove the runs of menu labels (see NO_ARTICLE_WEIGHT)."""
    run: list[Paragraph] = []

    def flush(figure: bool = False) -> None:
        if figure and run:
            run.pop()  # the label right above a figure is a card's name, over its price or date
        if len(run) >= MENU_RUN:
            for p in run:
                remove(p, "heuristic.dump.menu-run", "layout", "a menu on a page without an article",
                       [f"one of {len(run)} labels in a row, lines {run[0].line + 1}-{run[-1].line + 1}: "
                        f"at most {MENU_LABEL_MAX_WORDS} words each, no figure, no sentence",
                        f"the page's heaviest stretch of prose weighs {heaviest:.0f}, under one paragraph of "
                        f"good prose ({NO_ARTICLE_WEIGHT})"])
        run.clear()

    for p in paras:
        if p.final == NOISE:
            continue  # the rules' lines do not break a menu: its "Log in" may be theirs
        figure = _DIGIT.search(p.text) is not None
        if p.words <= MENU_LABEL_MAX_WORDS and not p.sentence_end and not figure:
            run.append(p)
        else:
            flush(figure)
    flush()


def _between(i: int, prose: list[int]) -> bool:
    """Does prose of the article stand within SHORT_REACH paragraphs on both sides of paragraph
    i? Then a line that is not prose (a table row, a line of code, a list of names) is a part
    of the article that reads otherwise, not a menu or a footer, which the article does not
    run through."""
    at = bisect_left(prose, i)
    return (at > 0 and i - prose[at - 1] <= SHORT_REACH
            and at < len(prose) and prose[at] - i <= SHORT_REACH)


def _headline(doc, first: int, classes) -> int | None:
    """The short line above the main block that names the story: it shares content words with
    the body (the nearest such line within HEADLINE_REACH paragraphs)."""
    for i in range(first - 1, max(-1, first - 1 - HEADLINE_REACH), -1):
        p = doc.paragraphs[i]
        if p.final == NOISE or classes[i][0] == BAD:
            continue
        if len(doc.topic.stems(p) & doc.topic.counts.keys()) >= 2:
            return i
    return None
