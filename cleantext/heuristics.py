"""Heuristics that judge a paragraph by its neighbours and its place in the article.

Each step is a small function over a Document, run in the order of `revise`. A step only
removes paragraphs (or names the headline), and records on each paragraph which step decided
and what evidence fired. Only the body-loss guard, which runs last, restores: it reviews the
removals made on weak evidence (position, neighbourhood, language, topic).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import regex

from . import language
from .config import CleanerConfig
from .deadline import NO_DEADLINE, Deadline
from .paragraphs import BODY, NOISE, SHORT, TITLE, Paragraph, Topic, count_words, final_mark
from .result import GuardedParagraph
from .rules import Rule, RuleSet, fold
from .stopwords import stopwords, topic_stopwords

# Below this share of content words in common with the article's body, a paragraph is off
# its topic whatever the article is like; above it, only less than the article's own median
# paragraph counts as off-topic (and then only with other evidence).
INCOHERENT = 0.1
# A long paragraph sharing at least this much with the article is about the same story.
COHERENT = 0.3
# A tweet holds at most 280 characters; an embed's paragraph longer than this is not one.
EMBED_PART_MAX_CHARS = 320
EMBED_MAX_PARTS = 3
# Rules that close an embed: a post's signature, or a channel post's views-and-time footer
# (whose text opens with the channel's name).
EMBED_BLOCKS = ("embed-before", "post-before")
POST_HEADER = "post-after"
# Teaser summaries are a sentence or two; a longer paragraph after a teaser is the article.
TEASER_SUMMARY_MAX_WORDS = 60
TEASER_HEADLINE_MAX_WORDS = 25
# A kicker over a teaser's headline ("Markt Indersdorf:") is a place or a topic, a few words.
KICKER_MAX_WORDS = 6
# A line of a word or two after a box's headlines is the article's intertitle, not one more.
INTERTITLE_MAX_WORDS = 2
# A line of a few more words ("Not everyone is happy") is one when the prose after it is not
# plainly off the article's topic; a teaser's summary is.
SHORT_INTERTITLE_MAX_WORDS = 5
# Labels, bylines and section names above the headline are a few words at most.
HEAD_LABEL_MAX_WORDS = 3
# A byline may take two or three such lines (the name, the role, the desk).
HEAD_LABEL_RUN_MAX = 3
# Lines the rules must have found above the headline (a skip link, "Log in", a section's name),
# one of them among the short lines, for those to be read as the site's menu.
MENU_ITEMS_FOUND_MIN = 2
# Among a menu's items, the site's tagline or an accessibility link may run to a few more words
# ("Version for the visually impaired"); a headline runs longer.
MENU_LINE_MAX_WORDS = 8
# In Chinese and Japanese (a word counted per two characters) a site's or section's name runs
# to ten characters; a headline is longer.
CJK_HEAD_LABEL_MAX_WORDS = 5
# A repeated line shorter than this (letters and digits) is too common to call a repeat.
REPEAT_MIN_CHARS = 12
# How much of a paragraph's start is read first, to tell whether it can be the headline again.
HEADLINE_PROBE_CHARS = 24


# Boilerplate that only ever follows an article (the comments do not: a forum's posts, a poll
# inside an article): a body-like paragraph past it is the page's when it shares under
# DETACHED_MAX_COHERENCE of its content words with the article.
CLOSING_CATEGORIES = ("footer", "consent")
DETACHED_MAX_COHERENCE = 0.2


@dataclass
class Document:
    paragraphs: list[Paragraph]
    lang: str | None
    config: CleanerConfig
    marks: dict = field(default_factory=dict)  # 0-based line -> (rule_id, category, reason, evidence)
    deadline: Deadline = NO_DEADLINE
    guarded: list[GuardedParagraph] = field(default_factory=list)
    _topic: Topic | None = None
    whole: str = ""  # the paragraphs joined by line breaks (apply_rules), for a search of them all

    @property
    def topic(self) -> Topic:
        if self._topic is None:
            self._topic = Topic([p for p in self.paragraphs if p.final != NOISE], topic_stopwords(self.lang))
        return self._topic

    def usual_gap(self) -> int:
        """The blank lines that usually part the body's paragraphs (lists and boxes, often
        tight where paragraphs are not, do not count while the body has paragraphs)."""
        body = [p for p in self.paragraphs[1:] if p.initial == BODY]
        gaps = Counter(p.gap_before for p in (body or self.paragraphs[1:]))
        return min(gaps.most_common(), key=lambda kv: (-kv[1], kv[0]))[0] if gaps else 0

    def paragraph_lang(self, p: Paragraph) -> str | None:
        if p.lang is None:
            p.lang = language.identify(p.text)[0] or ""
        return p.lang or None

    def body_anchors(self) -> tuple[int, int] | None:
        """Indices of the first and last paragraphs that read as body and are still kept."""
        body = [p.index for p in self.paragraphs if p.initial == BODY and p.final != NOISE]
        return (body[0], body[-1]) if body else None


def remove(p: Paragraph, decided_by: str, category: str, reason: str, evidence: list[str], rule: Rule | None = None) -> None:
    p.final = NOISE
    p.decided_by, p.category, p.reason, p.rule = decided_by, category, reason, rule
    p.evidence = evidence


def _coherence_note(doc: Document, p: Paragraph) -> tuple[float | None, str]:
    c = doc.topic.coherence(p)
    if c is None:
        return None, "too few content words to compare with the article"
    return c, f"shares {c:.0%} of its content words with the article's body"


# --------------------------------------------------------------------------- rules


def apply_rules(doc: Document, rules: RuleSet) -> None:
    """Marked lines (known noise, e.g. from a page's markup) and line and block rules remove
    their paragraph at once; head and tail rules wait for context."""
    texts = [p.text for p in doc.paragraphs]
    whole = doc.whole = "\n".join(texts)
    folded = fold(whole) if rules.folds else None
    wide = rules.document_wide(texts, whole, folded)
    with_needed = rules.paragraphs_with_needed(texts, whole, folded)
    marks = doc.marks
    for p, longest in zip(doc.paragraphs, rules.longest_each(texts, with_needed)):
        if marks:
            mark = marks.get(p.line)
            if mark is not None:
                rule_id, category, reason, evidence = mark
                remove(p, rule_id, category, reason, [evidence])
                continue
        landed = wide.get(p.index, ()) if wide else ()
        if not landed and p.words > longest:
            continue  # most paragraphs: longer than any rule their opening allows
        has_needed = True if with_needed is None else with_needed.get(p.index, False)
        for rule in rules.matching(p.text, p.words, doc.deadline, landed, has_needed):
            if rule.scope in ("head", "tail") or rule.block == SHARE_COLUMN:
                p.candidates += (rule,)
                continue
            remove(p, rule.id, rule.category, rule.message, [f"matches rule {rule.id}"], rule)
            break


# A row of a page's controls set on one line ("E-posta adresiniz | Abone Ol", "Imprimir |
# Descargar PDF"): each of its items alone is a line a rule removes.
_ROW_SEPARATOR = re.compile(r"\s+[|•]\s+")
ROW_MAX_WORDS = 16


def rows_of_rule_lines(doc: Document, rules: RuleSet) -> None:
    """A short line of items parted by bars or bullets, every item of which a line rule removes
    on its own line, goes as they would: the items are the page's controls, set on one line."""
    for p in doc.paragraphs:
        if p.final == NOISE or p.final == TITLE or p.words > ROW_MAX_WORDS or ("|" not in p.text and "•" not in p.text):
            continue
        items = [item.strip() for item in _ROW_SEPARATOR.split(p.text.strip())]
        if len(items) < 2 or not all(items):
            continue
        found = []
        for item in items:
            rule = next((r for r in rules.matching(item, count_words(item), doc.deadline) if r.scope == "line"), None)
            if rule is None:
                break
            found.append(rule)
        else:
            # Items of several kinds ("E-posta adresiniz", a comment form's field as often as a
            # newsletter's, by "Abone Ol") are the page's meta: their own kind would say more than
            # is known (a comments line opens a comment section for the heuristics).
            kinds = {rule.category for rule in found}
            remove(p, "heuristic.meta.rule-row", kinds.pop() if len(kinds) == 1 else "meta", "a row of the page's controls on one line, each of them a rule's",
                   [f"{item!r}: {rule.id}" for item, rule in zip(items, found)])


# --------------------------------------------------------------------------- share columns

SHARE_COLUMN = "share-column"
# A column of share buttons not next to any other share line is taken from this many names on.
SHARE_COLUMN_MIN = 3


def _introduces(p: Paragraph) -> bool:
    """Does the line end in a colon? Then it introduces what follows it: a list, a quote, a post."""
    return p.text.rstrip().endswith((":", "："))


def _share_item(p: Paragraph) -> bool:
    return p.final != NOISE and any(r.block == SHARE_COLUMN for r in p.candidates)


def _share_line(p: Paragraph) -> bool:
    return p.final == NOISE and p.category == "share"


def share_columns(doc: Document) -> None:
    """Share buttons one per line ("Share", "Facebook", "X", "E-mail", "Copy link"): the names
    (rules with block = "share-column") go with their column when it also holds a share row or
    header the rules removed, or holds SHARE_COLUMN_MIN names and no line ending in ":" stands
    above it (an article's list of apps is introduced so)."""
    paras = doc.paragraphs
    if not any(p.candidates for p in paras):
        return  # most documents: no share button's name at all
    i = 0
    while i < len(paras):
        if not (_share_item(paras[i]) or _share_line(paras[i])):
            i += 1
            continue
        # Other boilerplate inside the column (an ad marker) neither ends nor extends it: cleaned
        # again without it, the text must give the same column.
        j = end = i
        while j < len(paras) and (_share_item(paras[j]) or paras[j].final == NOISE):
            if _share_item(paras[j]) or _share_line(paras[j]):
                end = j + 1
            j += 1
        j = end
        items = [p for p in paras[i:j] if _share_item(p)]
        anchor = next((p for p in paras[i:j] if _share_line(p)), None)
        above = next((q for q in reversed(paras[:i]) if q.final != NOISE), None)
        if items and (anchor is not None or len(items) >= SHARE_COLUMN_MIN and not (above and _introduces(above))):
            why = (f"in a column with the share line {anchor.line + 1} ({anchor.decided_by})" if anchor is not None
                   else f"{len(items)} names in a column, not introduced as a list")
            for p in items:
                rule = next(r for r in p.candidates if r.block == SHARE_COLUMN)
                remove(p, rule.id, rule.category, rule.message,
                       [f"matches rule {rule.id}", why, f"lines {paras[i].line + 1}-{paras[j - 1].line + 1}"], rule)
        i = j


# --------------------------------------------------------------------------- embeds


# What a post's text holds and an article's rarely does: a link to the post's picture or a
# short link, or an emoji (pictographs, or a symbol in its emoji form such as "⚠️"; not the
# ©, ™ or ★ of ordinary text). (Not hashtags: an article quoting a post keeps them.)
_POST_LINK = regex.compile(r"pic\.twitter\.com/\w+|(?<![\w.])t\.co/\w+")
_POST_MARK = regex.compile(_POST_LINK.pattern + r"|[\U0001F300-\U0001FAFF]|[\u2600-\u27BF]\uFE0F")
# A channel post (block = "post-before") opens with the channel's name: a few words, no sentence.
CHANNEL_NAME_MAX_WORDS = 6


def walk_back_embeds(doc: Document) -> None:
    """A social embed closes with a signature line (rule with block = "embed-before"); its text
    stands in the paragraphs just before, often in another language, often set apart by extra
    blank lines. Walk back over them. A channel post's footer (block = "post-before": views and
    time) also takes the channel's name above the post's text. The embed's other lines the rules
    found right above its signature (a "View on Instagram" line) are passed over.

    An embed line of any other kind (a "View on Facebook" line) closes a post too when what
    stands above it is plainly a post's: its header, its author's handle, an emoji."""
    paras = doc.paragraphs
    starts = [p.index for p in paras if p.final == NOISE and p.category == "embed"
              and (p.index + 1 == len(paras) or paras[p.index + 1].final != NOISE or paras[p.index + 1].category != "embed")]
    usual = doc.usual_gap() if starts else 0
    for s in starts:
        first = s - 1
        while first >= 0 and paras[first].final == NOISE and paras[first].category == "embed":
            first -= 1
        # Only a signature right under the text lets its spacing, language or frame count: the
        # text of a post whose embed prints a "View on Instagram" line and a signature stood
        # between them, and above them stands the article. A line under the text with the
        # post's signature (its author's "(@handle)") still below it is such a top line.
        # The post's own last line, closed by its picture's link, may have gone by a rule
        # already: it is the post's text, and the signature under it still counts as right
        # under the text.
        top = first + 1
        while top < s and _POST_LINK.search(paras[top].text):
            top += 1
        strong_only = not _signature(paras[top]) or any("(@" in q.text for q in paras[top + 1: s + 1])
        j, parts = first, []
        while j >= 0 and first - j < EMBED_MAX_PARTS:
            p = paras[j]
            if p.final != SHORT and p.final != BODY or len(p.text) > EMBED_PART_MAX_CHARS:
                break
            evidence = _post_part(doc, j, top - 1, usual, strong_only)
            if not evidence:
                break
            parts.append((p, evidence))
            j -= 1
            if _HANDLE_LINE.match(p.text):
                break  # the post's header, its author's handle: the post begins there
        # Without a signature right under it, the post is one only under its header: its
        # author's handle, or an embed's line (an article's paragraph quoting a post may hold
        # its emoji).
        if strong_only and not (any(_HANDLE_LINE.match(p.text) for p, _ in parts) or j >= 0 and (
                _HANDLE_LINE.match(paras[j].text) or paras[j].final == NOISE and paras[j].category == "embed")):
            continue
        for p, evidence in parts:
            remove(
                p, "heuristic.embed.walk-back", "embed",
                f"text of the social-media embed that closes on line {paras[s].line + 1}",
                evidence + [f"precedes the embed's line {paras[s].line + 1} ({paras[s].decided_by})"],
            )
        if paras[s].rule is not None and paras[s].rule.block == "post-before" and 0 <= j < s - 1 and _channel_name(paras[j]):
            remove(
                paras[j], "heuristic.embed.channel-name", "embed",
                f"name of the channel whose post ends on line {paras[s].line + 1}",
                [f"{paras[j].words} words and no sentence, right above the post's text",
                 f"the post closes with {paras[s].decided_by}"],
            )
        elif j < first:
            _poster_name(doc, j, paras[j + 1])


# An embedded post as some extractors give it: its author's name and handle over the text
# ("Γιώργος Αναστασίου (@g_anastasiou_seism)", "VUGD (@VUGD_gov) X ziņa:"), perhaps with a word
# or two for the network, and its date alone under it ("— 14 Μαρτίου 2025").
_POST_AUTHOR = regex.compile(r"^[^\n@()]{1,60}\(@[\w.]{2,30}\)(?:\s+[\p{L}\s]{1,24})?:?$")
FRAMED_POST_MAX_LINES = 3


def framed_posts(doc: Document) -> None:
    """A post framed by its author's handle line above and its bare date below, with a few
    lines of text between them, is an embed: the three parts go together. (The handle alone
    is not enough: a line naming an account may introduce a quote; the date under the text
    closes the frame.)"""
    if doc.whole and "(@" not in doc.whole:
        return  # most documents: no handle anywhere
    paras = doc.paragraphs
    for h in paras:
        if h.final == TITLE or not _POST_AUTHOR.match(h.text):
            continue
        frame = paras[h.index + 1: h.index + 2 + FRAMED_POST_MAX_LINES]
        end = next((q for q in frame if _dated(q)), None)
        if end is None or end.index == h.index + 1:
            continue
        text = paras[h.index + 1: end.index]
        if any(q.final == TITLE or len(q.text) > EMBED_PART_MAX_CHARS for q in text):
            continue
        for q in [h, *text, end]:
            if q.final != NOISE:
                remove(q, "heuristic.embed.framed-post", "embed", "a post embedded in the article: its author's handle over it, its date under it",
                       [f"author's handle on line {h.line + 1}", f"date alone on line {end.line + 1}",
                        f"{len(text)} line(s) of text between them"])


def _signature(p: Paragraph) -> bool:
    return p.rule is not None and p.rule.block in EMBED_BLOCKS


# A post's author as its header names them: a handle alone ("@LSMerivartiosto",
# "simen.padler", "kga_buergerpark") or after the name ("Jelena M. @jelenamat_ni",
# "Marko Kask (@tollifarm) • Instagram photos and videos").
_HANDLE_LINE = regex.compile(r"^(?:[^\n@]{1,40}\s)?\(?@[\w.]{2,30}\)?(?:\s*[•·|]\s*[^\n]{0,40})?$|^[\p{Ll}\d]+(?:[._][\p{Ll}\d]+)+$")
# A post's header line: when it was posted, closed by Facebook's middle dot and perhaps the
# audience's globe ("October 12 at 8:14 PM ·", "2 d. · 🌍").
_POST_TIME = regex.compile(r"\d[^\n]{0,40}\s·(?:\s*[🌍🌎🌏🌐👥🔒]\ufe0f?)?\s*$")


def _post_part(doc: Document, j: int, first: int, usual: int, strong_only: bool = False) -> list[str]:
    """Why paragraph j, in a walk back from an embed line whose nearest kept paragraph is
    `first`, is the post's (empty: it is not shown to be). With strong_only, only a post's
    marks count (an emoji, a handle), not the paragraph's spacing, language or frame."""
    paras = doc.paragraphs
    p, after = paras[j], paras[j + 1]
    evidence = []
    if not strong_only:
        if after.gap_before > usual:
            evidence.append(f"set apart by {after.gap_before} blank lines where the article uses {usual}")
        elif j == first and usual and not after.gap_before:
            # The embed's text and its signature are one block: set tight against each
            # other where the article's paragraphs stand apart.
            evidence.append(f"set tight against the embed's lines where the article's paragraphs stand {usual} blank line(s) apart")
        plang = doc.paragraph_lang(p)
        if plang and doc.lang and not language.same_language(plang, doc.lang):
            evidence.append(f"written in '{plang}' inside a '{doc.lang}' article")
    mark = _POST_MARK.search(p.text)
    if mark:
        evidence.append(f"holds {mark.group()!r}, as a post does")
    if _HANDLE_LINE.match(p.text):
        evidence.append("a user's handle, as a post's header names its author")
    if j == first and j > 0:
        above = paras[j - 1]
        if above.final == NOISE and above.category == "embed":
            if not strong_only:
                evidence.append(f"framed by the post's other lines ({above.decided_by} above it)")
        elif above.final != NOISE and _HANDLE_LINE.match(above.text):
            evidence.append(f"under its author's handle (line {above.line + 1})")
    return evidence


def _poster_name(doc: Document, j: int, top: Paragraph) -> None:
    """Paragraph j, right above a post's header, names the post's author when it is a name (a
    few words, no sentence) above a time line that plainly opens a post, or above a handle that
    spells one of its words: above a bare handle, a line may be the article's intertitle."""
    if j < 0:
        return
    p = doc.paragraphs[j]
    if not _channel_name(p) or _HANDLE_LINE.match(p.text):
        return
    opens_post = _post_header(top)
    if opens_post or _HANDLE_LINE.match(top.text) and _names_handle(p.text, top.text):
        remove(p, "heuristic.embed.poster-name", "embed", f"name of the author of the post on line {top.line + 1}",
               [f"{p.words} words and no sentence, right above the post's header (line {top.line + 1})"])


def _names_handle(name: str, handle: str) -> bool:
    """Does the handle spell one of the name's words ("Länsi-Suomen merivartiosto",
    "@LSMerivartiosto")?"""
    folded = fold(handle)
    return any(len(w) >= 4 and w in folded for w in regex.findall(r"\p{L}+", fold(name)))


def _post_header(p: Paragraph) -> bool:
    """Is the removed paragraph a post's header: when it was posted, closed by Facebook's
    middle dot, or a rule's post header (block = "post-after")?"""
    return p.final == NOISE and (
        p.rule is not None and p.rule.block == POST_HEADER or _POST_TIME.search(p.text) is not None)


def posts_under_headers(doc: Document) -> None:
    """A post's header line (when it was posted, closed by Facebook's middle dot or found by a
    rule with block = "post-after"; removed as an embed's line) opens the post: the text under
    it is the post's when an embed line closes it within a few lines, or when it holds a post's
    marks; the author's name above the header goes too."""
    paras = doc.paragraphs
    for h in [p.index for p in paras if p.category == "embed" and _post_header(p)]:
        end = h + 1
        while end < len(paras) and end - h <= EMBED_MAX_PARTS and paras[end].final != NOISE:
            end += 1
        closed = end < len(paras) and end > h + 1 and paras[end].final == NOISE and paras[end].category == "embed"
        for p in paras[h + 1: end]:
            if p.final != SHORT and p.final != BODY or len(p.text) > EMBED_PART_MAX_CHARS or _introduces(p):
                break
            mark = _POST_MARK.search(p.text)
            if closed:
                why = f"between the post's header (line {paras[h].line + 1}) and its line {paras[end].line + 1} ({paras[end].decided_by})"
            elif mark and p.index == h + 1:
                why = f"right under the post's header (line {paras[h].line + 1}), holding {mark.group()!r}"
            else:
                break
            remove(p, "heuristic.embed.post-text", "embed", f"text of the post whose header is line {paras[h].line + 1}", [why])
        if h > 0 and paras[h - 1].final != NOISE:
            _poster_name(doc, h - 1, paras[h])


def _channel_name(p: Paragraph) -> bool:
    return (p.final in (BODY, SHORT) and p.words <= CHANNEL_NAME_MAX_WORDS and not p.sentence_end
            and not _introduces(p))


# A running time alone on its line ("06:51", "1:02:10").
_BARE_TIME = regex.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?min\.?)?")  # "1:24 min" as some players print it
# What the line a player's time or a gallery's counter follows is removed as: a listen or
# reading-time line, a caption, a credit or a gallery label (meta); a video line or a
# slideshow button (embed).
MEDIA_CATEGORIES = ("meta", "embed")
# A player's time may also follow a link to another story's video ("SE MER: Så ser isvägen ut
# från luften" / "1:24 min"), which the packs take as related.
PLAYER_CATEGORIES = MEDIA_CATEGORIES + ("related",)
# A video's own title between its player's line and its running time: a headline's words.
VIDEO_TITLE_MAX_WORDS = 15
_PLAY_SIGN = regex.compile(r"[▶►⏵⏯🎧🔊🎥📹]")


# A bare running time or gallery counter on a line of its own: one search of the document says
# whether player_times and gallery_counters have anything to look at. (The standard library's
# re, led by the line break, searches this four to nine times as fast as a MULTILINE "^".)
_BARE_NUMBER_LINE = re.compile(r"\n[ \t]*\d{1,2}(?::\d{2}(?::\d{2})?(?:[ \t]?min\.?)?|\s*/\s*\d{1,2})[ \t]*(?=\n|$)")


def _bare_numbers(doc: Document, pattern: regex.Pattern) -> list[tuple[Paragraph, regex.Match]]:
    """The kept paragraphs that are a bare number of the pattern's kind, with the match (none,
    most often, found by one search of the whole text)."""
    whole = doc.whole
    if whole and _BARE_NUMBER_LINE.search(whole) is None and _BARE_NUMBER_LINE.match("\n" + whole[:12]) is None:
        return []
    found = ((p, pattern.fullmatch(p.text.strip())) for p in doc.paragraphs if p.words <= 2 and p.final != NOISE)
    return [(p, m) for p, m in found if m is not None]


def player_times(doc: Document) -> None:
    """A bare running time right after a listen or watch line the rules removed is the player's
    ("Listen to this article" / "06:51"). Where the article sets times alone on their lines
    elsewhere too (a live blog heads its entries so, and one may follow a removed line), only
    after a button that opens with a play or speaker sign ("▶ Watch the video" / "00:47")."""
    paras = doc.paragraphs
    bare = [p for p, _ in _bare_numbers(doc, _BARE_TIME)]
    if not bare:
        return  # most documents
    def media(i: int) -> bool:
        return i >= 0 and paras[i].final == NOISE and paras[i].category in PLAYER_CATEGORIES

    # The player's line, right above the time or above the video's own title ("SE VIDEO" /
    # "Se dramatiske bilder fra redningsaksjonen" / "0:58").
    ids = {p.index for p in bare}
    players = {p.index: p.index - 1 if media(p.index - 1) else p.index - 2 for p in bare if p.index and (
        media(p.index - 1) or media(p.index - 2) and p.index - 1 not in ids and not paras[p.index - 1].sentence_end
        and paras[p.index - 1].final != NOISE and paras[p.index - 1].words <= VIDEO_TITLE_MAX_WORDS)}
    after_player = [p for p in bare if p.index in players]
    # A player may show where it stands and how long it runs, two times one under the other
    # ("00:00" / "03:47"): the second goes with the first.
    lengths = {p.index: paras[p.index + 1] for p in after_player if p.index + 1 in ids}
    only_these = len(after_player) + len(lengths) == len(bare)
    for p in after_player:
        before = paras[players[p.index]]
        button = _PLAY_SIGN.match(before.text) is not None
        if only_these or button:
            why = "which opens with a play or speaker sign" if button else "the article sets no other time alone on a line"
            title = "" if before.index == p.index - 1 else f" and the video's title on line {before.line + 2}"
            remove(p, "heuristic.embed.player-time", "embed", f"running time of the player on line {before.line + 1}",
                   [f"a bare time right after line {before.line + 1} ({before.decided_by}){title}", why])
            if p.index in lengths and only_these:  # (a live blog heads its entries with times)
                remove(lengths[p.index], "heuristic.embed.player-time", "embed", f"running time of the player on line {before.line + 1}",
                       [f"a bare time right under the player's other time (line {p.line + 1})", why])


# A gallery's counter alone on its line: "1 / 9", "2/12".
_BARE_COUNTER = regex.compile(r"(\d{1,2})\s*/\s*(\d{1,2})")


def gallery_counters(doc: Document) -> None:
    """A bare "1 / 9" right after a photo's line the rules removed (its caption or credit, a
    "Photo gallery" label) counts the gallery's pictures. Alone elsewhere it may be a rating
    ("5/5") or the article's own figure, and stays; so does one whose first number is not the
    smaller."""
    paras = doc.paragraphs
    for p, m in _bare_numbers(doc, _BARE_COUNTER):
        if not p.index:
            continue
        before = paras[p.index - 1]
        if int(m[1]) < int(m[2]) and before.final == NOISE and before.category in MEDIA_CATEGORIES:
            remove(p, "heuristic.meta.gallery-counter", "meta", f"counter of the gallery whose line is {before.line + 1}",
                   [f"'{m[1]} / {m[2]}' alone, right after line {before.line + 1} ({before.decided_by})"])


# --------------------------------------------------------------------------- related


def walk_teasers(doc: Document) -> None:
    """A "read also" header (rule with block = "teasers-after") takes the teasers after it,
    up to where the article resumes: teaser headlines, and after a headline its summary.

    The first headline belongs to the header whatever it says, unless the header stands above
    the article (no body before it), where a label such as "Latest news" may sit right above the
    article's own headline: there, as for every later headline, it must be off the article's
    topic. A summary must be off-topic too: sharing almost nothing with the article, or less
    than the article's median paragraph while restating its own teaser headline (at least half
    of the headline's content words come back in it).

    Blank lines say where a box ends when the body's paragraphs stand apart: items set tight
    under the header are the box's, on the topic or not, and a blank line after them ends it
    when a body paragraph, or on-topic prose further on, follows."""
    paras = doc.paragraphs
    headers = [p.index for p in paras if p.rule is not None and p.rule.block == "teasers-after"]
    if not headers:
        return  # most documents: no topic to work out
    # The last body paragraph on the article's topic (as much as its median paragraph, and not
    # nearly nothing): a box before it stands inside the article.
    on_topic = max(INCOHERENT, min(COHERENT, doc.topic.median))
    last_on_topic = next((p.index for p in reversed(paras) if p.initial == BODY and p.final != NOISE
                          and (doc.topic.coherence(p) or 0.0) >= on_topic), -1)
    usual = doc.usual_gap()
    for h in headers:
        header, topic = paras[h], doc.topic
        above_article = not any(q.initial == BODY and q.final != NOISE for q in paras[:h])
        headlines, last, taken = (1 if above_article else 0), None, []
        tight = True  # no blank line inside the box so far
        summaries = 0
        dated = False  # the line before was a teaser headline's date
        for p in paras[h + 1 :]:
            if p.gap_before:
                if taken and tight and (p.index <= last_on_topic or p.initial == BODY):
                    break  # a box set tight, a blank line, and the article's text after it: it resumes
                tight = False
            if p.final == NOISE:
                last, dated = None, False
                continue
            if p.final == TITLE:
                break
            coherence, note = _coherence_note(doc, p)
            evidence = [f"follows the {header.decided_by} header on line {header.line + 1}"]
            off_topic = coherence is not None and coherence < min(COHERENT, topic.median)
            # Set tight under its header where the body's paragraphs stand apart, an item is the
            # box's whatever it is about (a box of related stories shares the article's words);
            # but above the article, one on its topic is the article's own headline.
            boxed = tight and not p.gap_before and usual > 0 and not (above_article and coherence is not None and not off_topic)
            # A question or an exclamation is a headline only where it is plainly off the
            # article's topic, or boxed: elsewhere it is as often a call to action or a FAQ's.
            shape = _teaser_headline_shape(p)
            if shape is None and boxed and p.words <= TEASER_HEADLINE_MAX_WORDS and final_mark(p.text) in _ASKS_OR_EXCLAIMS:
                # Set tight in its box, a question as long as a headline is one (Vietnamese
                # spaces its syllables: its headlines count more words than most).
                shape = "question"
            # Once the box has shown summaries, a headline after one must be plainly off the
            # topic: a line too short to judge is as often the article's next intertitle.
            # Nor is it one when the article's prose, on its topic, follows it at once (unless it
            # is a date: a dated teaser's summary follows its date), nor when it is a word or two
            # (a headline says more: "Goals" after the box is the article's intertitle).
            # A few words before prose that is not plainly off the topic are an intertitle too.
            # Nor is a line of half the words of the box's headline right above it: a box's
            # headlines are of a length, and a short line after them heads the article's next part.
            resumes_at = on_topic if p.words > SHORT_INTERTITLE_MAX_WORDS else INCOHERENT
            unjudged = coherence is None and not summaries and p.words > INTERTITLE_MAX_WORDS and (
                last is None or 2 * p.words > last.words) and (
                _dated(p) or not _prose_on_topic(doc, _next_kept(paras, p.index), resumes_at))
            # The box's first item with nothing of the article after it is the box's, asking or not.
            following = _next_kept(paras, p.index)
            last_line = headlines == 0 and following is None
            # In a text without blank lines (where they cannot tell where a box ends), right under
            # the header or one of the box's headlines, a headline longer than an intertitle with
            # no prose after it either is the next item, on the topic or not, asking or not.
            under = last is not None or headlines == 0 and p.index == h + 1
            in_a_run = (not usual and under and p.words > SHORT_INTERTITLE_MAX_WORDS and following is not None
                        and not following.sentence_end and following.initial != BODY)
            # A few words ending in a colon, set tight over a headline in a box set tight, are the
            # headline's kicker ("Markt Indersdorf:" over "Gymnasium platzt aus allen Nähten"),
            # not a line introducing the article's list: that stands among the body's paragraphs.
            kicker = (boxed and _introduces(p) and p.words <= KICKER_MAX_WORDS and following is not None
                      and following.index == p.index + 1 and not following.gap_before
                      and _teaser_headline_shape(following) is not None)
            # Right under a header inside the article, the box's first item is its headline even
            # when it asks: a call to action or a FAQ's question does not stand under "Read also".
            first_under = headlines == 0 and p.index == h + 1 and not p.gap_before and not above_article
            if kicker:
                kind = "kicker"
                evidence.append(f"set tight over the headline on line {following.line + 1}, in a box set tight")
            elif last is not None and _dated(p) and not dated:
                kind = "date"
                evidence.append(f"the date under the teaser headline on line {last.line + 1}")
            elif shape and (boxed or off_topic or last_line or in_a_run or first_under
                            or shape == "plain" and (headlines == 0 or unjudged)):
                kind = "headline"
                evidence.append("first item of the box, the last line kept" if last_line else
                                "first item of the box" if headlines == 0 else
                                f"set tight under it, where the article's paragraphs are parted by {usual} blank line(s)"
                                if boxed else note if off_topic else
                                f"right under the box's headline on line {last.line + 1}, and no prose follows it" if in_a_run else note)
                headlines += 1
            # A line ending in a colon introduces what follows it (a list, a quote, a post): the
            # article's, never a teaser's summary.
            elif last is not None and p.words <= TEASER_SUMMARY_MAX_WORDS and coherence is not None and not _introduces(p):
                if dated and headlines > 1 and not summaries:
                    # The box's first item had no summary under its date: its items have none,
                    # and prose under a later item's date is the article resuming.
                    break
                # Under a date, only prose off the topic is a summary: the article's next
                # paragraph may well take up the words of a teaser about the same story.
                echo = set() if dated else topic.echoes(p, last)
                restates = bool(echo) and 2 * len(echo) >= len(topic.stems(last))
                if coherence < INCOHERENT:
                    evidence.append(note)
                elif coherence < topic.median and restates:
                    evidence += [note + f", below the article's median {topic.median:.0%}",
                                 f"restates the teaser headline on line {last.line + 1} ({', '.join(sorted(echo))}…)"]
                else:
                    break
                kind = "summary"
                summaries += 1
            else:
                break
            remove(p, "heuristic.related.teaser", header.category, f"teaser {kind} of the box headed on line {header.line + 1}", evidence)
            dated = kind == "date"
            last = p if kind == "headline" else last if dated else None
            taken.append(p)
        if not above_article:
            _repeat_dated_items(doc, header, taken)
        _numbered_items(doc, header, taken)


# --------------------------------------------------------------------------- contact boxes

# A press office's contact box under its header: a name and role, a department, a phone, an
# e-mail, an address, each a short line.
CONTACT_LINE_MAX_WORDS = 14
CONTACT_MAX_LINES = 6
# A contact's detail: an e-mail address, or a phone number (seven digits or more, grouped by
# spaces, hyphens, brackets or slashes; a date's dots do not group one).
_E_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d ()/-]{5,}\d")
PHONE_MIN_DIGITS = 7


def _contact_detail(text: str) -> bool:
    return _E_MAIL.search(text) is not None or any(
        sum(c.isdigit() for c in m[0]) >= PHONE_MIN_DIGITS for m in _PHONE.finditer(text))


def contact_boxes(doc: Document) -> None:
    """A press-contact header (rule with block = "contact-after") takes the contact lines
    after it: short lines (a name with a role, a department, an address) up to the last that
    holds a phone number or an e-mail address. A box without one takes nothing: the article's
    own service lines ("Information: tel. ...") stand under no such header."""
    paras = doc.paragraphs
    for header in paras:
        if header.rule is None or header.rule.block != "contact-after":
            continue
        box: list[tuple[Paragraph, bool]] = []
        last_detail = -1
        for p in paras[header.index + 1:]:
            if p.final == NOISE:
                continue
            if p.final == TITLE or p.words > CONTACT_LINE_MAX_WORDS or len(box) == CONTACT_MAX_LINES:
                break
            detail = _contact_detail(p.text)
            if not detail and p.sentence_end:
                break  # a sentence: the article's, or prose after the box
            box.append((p, detail))
            if detail:
                last_detail = len(box) - 1
        for p, detail in box[: last_detail + 1]:
            what = "holds a phone number or an e-mail address" if detail else "a short line above the box's phone or e-mail"
            remove(p, "heuristic.footer.contact-box", header.category, f"contact line of the box headed on line {header.line + 1}",
                   [f"follows the {header.decided_by} header on line {header.line + 1}", what])


# A page's data widget under its header (market prices, fuel prices, exchange or interest
# rates, the weather, a poll): short rows, a name and its figure, perhaps over two lines.
WIDGET_ROW_MAX_WORDS = 8
WIDGET_MAX_ROWS = 12
_FIGURE = regex.compile(r"\d")


def data_widgets(doc: Document) -> None:
    """A widget's header (rule with block = "widget-after": "Market prices", "Weather in
    Plovdiv", "Poll") takes the rows after it: short lines, no sentence (a poll's question may
    ask), up to the widget's own closing line when the rules found one ("See all prices",
    "Vote", "Updated 12.03.2025"), or else up to the last that holds a figure, under a header
    of more than one word. The article's own table stands under its own words (an intertitle,
    a line ending in a colon), not under such a header."""
    paras = doc.paragraphs
    for header in paras:
        if header.rule is None or header.rule.block != "widget-after" or header.final != NOISE:
            continue
        rows: list[Paragraph] = []
        closed = False
        for p in paras[header.index + 1:]:
            if p.final == NOISE:
                closed = bool(rows)
                break
            if (p.final == TITLE or p.words > WIDGET_ROW_MAX_WORDS or len(rows) == WIDGET_MAX_ROWS
                    or p.sentence_end and not p.text.rstrip().endswith(("?", "？", "؟"))):
                break
            rows.append(p)
        if not closed:
            # A header of one word ("Weather", "Poll") heads an article's own table as often
            # (a travel guide's climate): without the widget's closing line, nothing is shown.
            last_figure = max((k for k, p in enumerate(rows) if _FIGURE.search(p.text)), default=-1)
            rows = rows[: last_figure + 1] if header.words > 1 else []
        for p in rows:
            remove(p, "heuristic.meta.data-widget", header.category, f"a row of the widget headed on line {header.line + 1}",
                   [f"follows the {header.decided_by} header on line {header.line + 1}",
                    f"{p.words} word(s), no sentence",
                    "the widget closes on a line the rules found" if closed else "a figure in it or in a row below it"])


def _next_kept(paras: list[Paragraph], i: int) -> Paragraph | None:
    return next((q for q in paras[i + 1:] if q.final != NOISE), None)


def _prose_on_topic(doc: Document, p: Paragraph | None, on_topic: float) -> bool:
    """Is p a sentence (or a line introducing a list) about the article's topic?"""
    return (p is not None and (p.initial == BODY or p.sentence_end or _introduces(p)) and
            (doc.topic.coherence(p) or 0.0) >= on_topic)


# A teaser headline asking or exclaiming ends like a sentence, in a few words.
TEASER_QUESTION_MAX_WORDS = 15


def _teaser_headline_shape(p: Paragraph) -> str | None:
    """"plain" for a short line that is no sentence; "question" for a question or an
    exclamation in a few words (a headline may ask); None for anything else (such as a line
    ending in a colon, which introduces what follows it: the article's list, quote or post)."""
    if p.words > TEASER_HEADLINE_MAX_WORDS or _introduces(p):
        return None
    if not p.sentence_end:
        return "plain"
    if p.words <= TEASER_QUESTION_MAX_WORDS and final_mark(p.text) in _ASKS_OR_EXCLAIMS:
        return "question"
    return None


# Question and exclamation marks, full-width and Arabic ones too (Arabic, Persian, Urdu).
_ASKS_OR_EXCLAIMS = frozenset("?!？！؟")


# A date line under a teaser headline: a short line holding a year or a numeric date, and
# nothing but letters, digits and light punctuation ("Jueves 21 abril, 2022", "12.03.2024").
_DATE_LINE = regex.compile(
    r"^(?=.{4,40}$)(?=.*(?<!\d)(?:1[89]|20)\d\d(?!\d)|.*(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d))[\p{L}\p{N} ,./:|–-]+$"
)


def _dated(p: Paragraph) -> bool:
    """A date alone on its line, perhaps behind a dash ("— 14 Μαρτίου 2025", under a post)."""
    return not p.sentence_end and _DATE_LINE.match(p.text.lstrip("—–- ")) is not None


def _headline_like(p: Paragraph) -> bool:
    return not p.sentence_end and 0 < p.words <= TEASER_HEADLINE_MAX_WORDS and not _dated(p)


def _repeat_dated_items(doc: Document, header: Paragraph, taken: list[Paragraph]) -> None:
    """A box whose first item is a headline with a date under it (and a summary) lists every
    item so: the walk, which stops at a teaser on the article's own topic (as related stories
    are), goes on over the items that repeat that shape. A dated headline is a listing's mark,
    not prose's."""
    if len(taken) < 2 or not _headline_like(taken[0]) or not _dated(taken[1]) or taken[1].index != taken[0].index + 1:
        return
    paras = doc.paragraphs
    ours = {p.index for p in taken}

    def open_(i: int) -> bool:  # still kept, or taken by the walk as a teaser of this box
        return i in ours or paras[i].final not in (NOISE, TITLE)

    def headline_at(i: int) -> bool:
        return i + 1 < len(paras) and _headline_like(paras[i]) and open_(i) and _dated(paras[i + 1])

    def summary_at(i: int) -> bool:  # whatever it looks like: its place says what it is
        p = paras[i]
        return open_(i) and p.words <= TEASER_SUMMARY_MAX_WORDS and not _dated(p)

    # The first item's shape: a summary under its date when the next item follows it.
    i = taken[1].index + 1
    summary = i + 1 < len(paras) and summary_at(i) and headline_at(i + 1)
    kinds = ("headline", "date", "summary") if summary else ("headline", "date")
    todo = [(paras[i], "summary")] if summary else []
    i += 1 if summary else 0
    while headline_at(i) and (not summary or (i + 2 < len(paras) and summary_at(i + 2))):
        todo += zip(paras[i: i + len(kinds)], kinds)
        i += len(kinds)
    evidence = [f"follows the {header.decided_by} header on line {header.line + 1}",
                f"an item shaped as the box's first (a headline, a date under it{', a summary' if summary else ''})"]
    for p, kind in todo:
        if p.final != NOISE:
            remove(p, "heuristic.related.teaser", header.category, f"teaser {kind} of the box headed on line {header.line + 1}", evidence)


_ITEM_NUMBER = regex.compile(r"(\d{1,2})[.)]?\s+\S")


def _numbered_items(doc: Document, header: Paragraph, taken: list[Paragraph]) -> None:
    """A box whose items are numbered ("Most read": "1 ...", "2 ...") lists every item so: the
    walk, which stops at a teaser that could be the article's, goes on over the lines right
    after the last item taken that go on with the numbers."""
    if not taken:
        return
    numbers = [_ITEM_NUMBER.match(p.text) for p in taken]
    if numbers[0] is None or numbers[0].group(1) != "1":
        return
    last = taken[-1]
    expected = next((int(m.group(1)) + 1 for m in reversed(numbers) if m), 2)
    evidence = [f"follows the {header.decided_by} header on line {header.line + 1}",
                "goes on with the numbers of the box's items"]
    for p in doc.paragraphs[last.index + 1:]:
        m = _ITEM_NUMBER.match(p.text)
        if p.final in (NOISE, TITLE) or m is None or int(m.group(1)) != expected or p.words > TEASER_SUMMARY_MAX_WORDS:
            return
        remove(p, "heuristic.related.teaser", header.category, f"teaser headline of the box headed on line {header.line + 1}", evidence)
        expected += 1


# A "read more" label run into a paragraph stands after its last sentence, in at most this
# many characters ("... en Polsce. [czytaj więcej]", "... the plan. Weiterlesen »").
TAIL_LINK_MAX_CHARS = 40
MORE_LINK = ".related.more-link"


def teasers_ending_in_more_links(doc: Document, rules: RuleSet) -> None:
    """A paragraph that ends with the language's "read more" link is a teaser's summary (the
    link's own line is taken by its rule; here the scraper ran it into the summary). So is a
    short paragraph right above the link's own line, when the text lists several such links
    (a box of teasers, each with its link) and the paragraph is off the article's topic: a
    single "Read more" under an article's lede (a page that gives only the start of its
    article) leaves the lede."""
    links = rules.with_id_ending(MORE_LINK)
    if not links:
        return
    paras = doc.paragraphs
    link_lines = {p.index for p in paras if p.rule is not None and p.rule.id.endswith(MORE_LINK)}
    # The article's lede stays whatever link follows it: some sites break the article itself
    # with a "continue reading" link between ads ("Haberin Devamı").
    anchors = doc.body_anchors()
    lede = anchors[0] if anchors else -1
    for p in paras:
        text = p.text
        if p.final == NOISE or p.words < 4:
            continue
        if len(link_lines) >= 2 and p.index + 1 in link_lines and p.words <= TEASER_SUMMARY_MAX_WORDS and p.index != lede:
            nxt = paras[p.index + 1]
            coherence, note = _coherence_note(doc, p)
            if coherence is not None and coherence < min(COHERENT, doc.topic.median):
                remove(p, "heuristic.related.more-link-above", "related", "a teaser's summary: the 'read more' link follows it",
                       [f"line {nxt.line + 1} is the 'read more' link ({nxt.rule.id})", note + f", below the article's median {doc.topic.median:.0%}"])
                continue
        if text[-1:] in ".!?…":
            continue  # most paragraphs: they end with their last sentence
        cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? "), text.rfind("… "))
        if cut < 0 or len(text) - cut > TAIL_LINK_MAX_CHARS + 2:
            continue
        tail = text[cut + 1:].strip()
        label = tail.strip("[]()»›→> ")
        rule = next((r for r in links if r.matches(label, len(label.split()))), None) if label else None
        if rule is not None:
            remove(p, "heuristic.related.more-link-tail", "related", "a teaser's summary: it ends with the 'read more' link",
                   [f"ends with {tail!r}, which {rule.id} names a 'read more' link"])


# --------------------------------------------------------------------------- edges


def _edge_rule(p: Paragraph, scope: str) -> Rule | None:
    """The first rule of the scope ("head" or "tail") the paragraph matched."""
    return next((r for r in p.candidates if r.scope == scope), None)


# How many lines after the standfirst may hold the page's furniture (byline, date, share row,
# picture credit) before the article proper begins, and how many of them the rules have not
# already removed (a share column one button per line takes many lines, all found).
STANDFIRST_FURNITURE_MAX = 25
STANDFIRST_UNDECIDED_MAX = 10


def past_standfirst(doc: Document, first_body: int) -> int:
    """Where the article's head ends. Sites often set the standfirst (the lede under the
    headline) above the byline, the date and the share row: when the lines right after the
    first body paragraph are short, hold boilerplate already found (a share row or a credit, or
    two lines head rules name: a byline and a date) and lead to the next body paragraph, the
    head runs up to that one. Otherwise (one byline-like line between two paragraphs; an ad
    marker, which stands anywhere in an article) it ends at the first body paragraph."""
    found = named = undecided = 0
    for q in doc.paragraphs[first_body + 1: first_body + 1 + STANDFIRST_FURNITURE_MAX]:
        if q.final == NOISE:
            found += q.category != "ad"
        elif q.initial == BODY:
            return q.index if found or named >= 2 else first_body
        else:
            named += _edge_rule(q, "head") is not None
            undecided += 1
            if undecided > STANDFIRST_UNDECIDED_MAX:
                break
    return first_body


def _label_max_words(p: Paragraph) -> int:
    return CJK_HEAD_LABEL_MAX_WORDS if p.cjk else HEAD_LABEL_MAX_WORDS


# A list's first item: a bullet or a dash, or a number with a full stop or a bracket; or (in
# scripts with case) a small letter, as items that continue their header's sentence begin, when
# the item ends as such items do (";", ",", "."). A role under a name ("reporter") or a row of
# tags has no such ending.
_LIST_OPENING = regex.compile(r"[•·▪◦●■►▸*\-–—]\s|\d{1,2}[.)]\s|\p{Ll}[^\n]*[;,.]\s*$")
# A date alone, its day first ("13. ožujka 2025.", "14. Mai 2025", "7. 2. 2025"): not a list's
# first item, though it opens with a number and a full stop.
_BARE_DATE = regex.compile(r"\d{1,2}\.\s*(?:\p{L}+|\d{1,2}\.)\s*\d{4}\.?")
# A label and the figures it gives ("Periods: 6–3, 5–4", "Result: 2:1").
_FIGURES_AFTER_LABEL = regex.compile(r"[^:：\n]{1,40}[:：]\s*\d[\d\s–\-:,.;/()]*")
# A line of data rather than a byline's: a label with a colon, or a figure or price first.
_DATA_LINE = regex.compile(r"[^\n]*[:：]|[^\n]{0,3}[\d$€£¥]")


FUNCTION_WORD_MAX_CHARS = 5


def _runs_on(p: Paragraph, function_words: frozenset[str]) -> bool:
    """Does the line end in a function word ("The" over "Charge": a heading broken in two)?
    The stoplists hold a language's most frequent words, content words and names among them
    ("development", "Porto", "München"): only a short one counts, and a capitalized one only
    when it is as short as "The" or "Der"."""
    last = p.text.rsplit(None, 1)[-1] if p.text.strip() else ""
    return (len(last) <= FUNCTION_WORD_MAX_CHARS and last.casefold() in function_words
            and (len(last) <= 3 or last.islower()))


def _byline_part(p: Paragraph) -> bool:
    """Could the line be part of a byline set over several lines (no label with a colon, no
    figure or price in its first characters)?"""
    return _DATA_LINE.match(p.text) is None


def _heads_a_list(paras: list[Paragraph], p: Paragraph) -> bool:
    """Does p, a few words, introduce the list after it (the article's key points)?"""
    if p.words > HEAD_LABEL_MAX_WORDS:
        return False
    after = _next_kept(paras, p.index)
    return after is not None and _LIST_OPENING.match(after.text) is not None and not _BARE_DATE.fullmatch(after.text.strip())


# The site's name as its domain, alone on a line ("hvg.hu", "«Фонтанка.ру»"): the text of its
# masthead or of a source line. (Asked as a rule, it would be tried on every one-word line of
# every document, a tenth of the rules' searches; here only on the head's.)
_SITE_DOMAIN = regex.compile(r"[«\"“„(]?(?:www\.)?[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.\p{L}{2,6}[»\"”)]?")


# A name closed by a full stop ("Gwenaëlle Le Goff."): some sites end the byline with one. Every
# word capitalised, a stop inside only after an initial ("J. Smith."), so neither a sentence
# ("Il pleut.") nor a slogan ("Mmmmm. Power.") reads as one.
_NAME_WITH_STOP = regex.compile(r"(?:\p{Lu}\.\s*|\p{Lu}[\p{L}\p{M}'’-]*\s+)+\p{Lu}[\p{L}\p{M}'’-]*(?<=\p{Ll}\p{M}*)\.")


# A person's name with its particles ("Paul van der Wiel", "Maria da Silva Santos"): the
# particles are not counted against a label's words.
_PARTICLE_NAME = regex.compile(
    r"\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:(?:van|der|den|de|von|zu|da|das|do|dos|di|del|della|la|le|du|des|ten|ter|bin|ibn|al|el|y|e)\s+)*"
    r"\p{Lu}[\p{Ll}\p{M}'’-]+){1,2}")


def _particle_name(p: Paragraph) -> bool:
    return p.words <= HEAD_LABEL_MAX_WORDS + 2 and _PARTICLE_NAME.fullmatch(p.text.strip()) is not None


# A name of a few words, each capitalised, with no sentence mark: a masthead's shape.
_MASTHEAD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’&.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’&.-]*){1,4}")
MASTHEAD_MAX_WORDS = 5


def _short_label(p: Paragraph) -> bool:
    return p.words <= _label_max_words(p) and not p.sentence_end


# A company's name closed by its legal form's abbreviation ("Dopravní podnik města Vranova,
# a.s.", "Acme Ltd."): the site's name in a menu, though it ends in a full stop.
_LEGAL_FORM_END = regex.compile(
    r"[\s,](?:a\.s|s\.r\.o|k\.s|v\.o\.s|o\.p\.s|z\.s|Ltd|Inc|Corp|Co|Plc|Pty|L\.L\.C|S\.A|S\.L|S\.p\.A|S\.A\.S|S\.R\.L"
    r"|B\.V|N\.V|d\.o\.o|d\.d|Kft|Zrt|Nyrt|Bt|e\.V|Ltda|A\.Ş|o\.o|Oyj)\.$")


def _menu_sentence(p: Paragraph) -> bool:
    """Does a line over the headline end like a sentence, so that what stands there is not a
    menu? A company's name closed by its legal form does not."""
    return p.sentence_end and _LEGAL_FORM_END.search(p.text.rstrip()) is None


def _menu_over_headline(paras: list[Paragraph], above: list[Paragraph], title: Paragraph) -> bool:
    """Is what stands above the headline, from the start of the text, the site's menu: only
    short lines without a sentence, more than HEAD_LABEL_RUN_MAX of them labels, and among them
    items the rules found ("Log in", a section's name)? Menus interleave such items with the
    site's own section names, and an item may be a figure ("2. Bundesliga"). (Short lines with
    boilerplate only above them, a disclosure over a comparison's entries, are the page's own.)"""
    if sum(1 for p in above if _short_label(p)) <= HEAD_LABEL_RUN_MAX:
        return False
    if any(_menu_sentence(p) or p.words > MENU_LINE_MAX_WORDS for p in above):
        return False
    found = [p for p in paras[:title.index] if p.final == NOISE]
    return len(found) >= MENU_ITEMS_FOUND_MIN and any(above[0].index < p.index < above[-1].index for p in found)


# A line of a box of facts: a label of a few words, then its value after a colon, a tab or an
# ideographic space ("Regia: Matteo Cardillo", "発生日時　2025年7月8日（火）午前2時14分ごろ").
_LABEL_VALUE = regex.compile(r"(?:[^\s:：]{1,20}[ \t]){0,2}[^\s:：]{1,20}(?:[ \t]*[:：]|\u3000|\t)[ \t\u3000]*\S")
DATA_BOX_MIN_LINES = 3


def _data_box(paras: list[Paragraph], standfirst: int, first_body: int) -> set[int]:
    """Past the standfirst, a run of three or more label-and-value lines and the short line
    heading it are the article's box of facts, not its head: furniture found above them (a
    caption) must not make them the head's labels and date lines."""
    box: set[int] = set()
    run: list[int] = []
    for p in [*paras[standfirst + 1: first_body], None]:
        if p is not None and p.final != NOISE and _LABEL_VALUE.match(p.text):
            run.append(p.index)
            continue
        if len(run) >= DATA_BOX_MIN_LINES:
            box.update(run)
            header = paras[run[0] - 1]
            if header.index > standfirst and header.final != NOISE and header.words <= _label_max_words(header) and not header.sentence_end:
                box.add(header.index)
        run = []
    return box


def cut_head(doc: Document, first_body: int, standfirst: int | None = None) -> None:
    """Before the first body paragraph: keep the headline; drop what head rules name, and
    label-like lines (a few words, no sentence) whose neighbours are the start of the text,
    the headline, the standfirst or boilerplate: section names, bylines, share rows."""
    paras = doc.paragraphs
    where = (f"stands before the first body paragraph (line {paras[first_body].line + 1})" if standfirst is None else
             f"stands in the article's head, after the standfirst (line {paras[standfirst].line + 1}) "
             f"and before the next body paragraph (line {paras[first_body].line + 1})")
    box = _data_box(paras, standfirst, first_body) if standfirst is not None else set()
    head = [p for p in paras[:first_body] if p.final != NOISE and p.index not in box]
    for p in head:
        rule = _edge_rule(p, "head")
        if rule is not None and p.index != standfirst and not _heads_a_list(paras, p):
            remove(p, rule.id, rule.category, rule.message, [f"matches rule {rule.id}", where], rule)
        elif p.words == 1 and p.index != standfirst and _SITE_DOMAIN.fullmatch(p.text.strip()):
            remove(p, "heuristic.meta.site-domain", "meta", "the site's name as its domain, above the article",
                   ["a domain alone on its line", where])
    head = [p for p in head if p.final != NOISE]
    # The headline stands above the standfirst, if anywhere: the standfirst itself is body
    # (taken for the headline, its copy further down would go, and cleaning the result again
    # would find another head).
    pool = [p for p in head if p.index != standfirst]
    if not pool:
        return
    longer = [p for p in pool if p.words > _label_max_words(p)]
    # A site's name in capitals above a longer line ("The Minnesota Star Tribune") is its
    # masthead: the headline is the line of more words below it.
    while len(longer) > 1 and _MASTHEAD.fullmatch(longer[0].text.strip()) and longer[1].words > longer[0].words:
        longer.pop(0)
    # Nor is the headline one of the short lines of a menu above it (the site's name or tagline
    # over its sections): under more than HEAD_LABEL_RUN_MAX labels and no sentence, the first
    # line of a headline's length with no more such labels under it (an accessibility link or a
    # tagline may be as long) is the headline, or the line right above it when that is
    # longer than a label (a short headline over a standfirst with no full stop), unless it ends
    # in a colon (a kicker: "Streit um Kolonie „Am Bürgerpark“:").
    shorts = [p.index for p in pool if _short_label(p)]
    lines = [p for p in pool if p.words > MASTHEAD_MAX_WORDS] if len(shorts) > HEAD_LABEL_RUN_MAX else []
    long_line = next((p for p, nxt in zip(lines, [*lines[1:], None])
                      if bisect_left(shorts, nxt.index if nxt else first_body) - bisect_right(shorts, p.index) <= HEAD_LABEL_RUN_MAX), None)
    above = [p for p in pool if long_line is not None and p.index < long_line.index]
    if bisect_left(shorts, long_line.index if long_line else 0) > HEAD_LABEL_RUN_MAX and not any(map(_menu_sentence, above)):
        right_above = above[-1]
        headline = right_above if right_above.words > _label_max_words(right_above) and not _introduces(right_above) else long_line
        longer = [p for p in longer if p.index >= headline.index]
    title = longer[0] if longer else max(pool, key=lambda p: (p.words, -p.index))
    title.final = TITLE
    # A subtitle: the line right under the headline, longer than a label but with no sentence
    # end to make it body. It settles what stands next to it as the headline does.
    after_title = _next_kept(paras, title.index)
    subtitle = (after_title.index if after_title is not None and after_title.index < first_body
                and after_title.words > _label_max_words(after_title) and standfirst is None else None)

    def settled(i: int) -> bool:
        # Past the standfirst, an ad marker settles nothing: ads stand between the article's
        # paragraphs and intertitles.
        return (i < 0 or i == standfirst or i == subtitle or paras[i].final == TITLE
                or paras[i].final == NOISE and (standfirst is None or paras[i].category != "ad"))

    # A name of a few capitalised words that the page gives twice ("The Minnesota Star Tribune"
    # as its masthead and again under the byline) is the site's, however many words it has. Once
    # only, such a line is as likely a heading in title case ("Frequently Asked Questions").
    # (Up to a label's words, a line is judged as a label anyway: only longer ones are counted.)
    masthead_like = [p for p in head if p is not title and _label_max_words(p) < p.words <= MASTHEAD_MAX_WORDS
                     and _MASTHEAD.fullmatch(p.text.strip())]
    site_names = set()
    if masthead_like:
        seen = Counter(_letters(p.text) for p in paras if p.words <= MASTHEAD_MAX_WORDS)
        site_names = {p.index for p in masthead_like if seen[_letters(p.text)] > 1}

    def label(p: Paragraph) -> bool:
        if (p is title or _heads_a_list(paras, p)
                or p.words > _label_max_words(p) and p.index not in site_names and not _particle_name(p)
                or p.sentence_end and not (_NAME_WITH_STOP.fullmatch(p.text.strip()) or _BARE_DATE.fullmatch(p.text.strip()))):
            return False
        # Past the standfirst, "Periods: 6–3, 5–4" is the article's own data.
        return standfirst is None or not _FIGURES_AFTER_LABEL.fullmatch(p.text)

    # Labels come alone or in a short run ("Ingrid Haug" over "Journalist"): a run goes whole
    # when what stands on either side of it is settled. A run is of lines that could be a
    # name, a role or a desk ("Brand: Acme" over "Colour: White", or a price, is a product's
    # data; "The" over "Charge" is a heading broken in two). A longer stretch of such lines is
    # a listing's own labels, its lines judged one by one; unless it stands above the headline
    # right under boilerplate the rules found, or at the very start of the text over a headline
    # (not over a sentence, which would make it the text's own list): a menu or a breadcrumb
    # trail, whose items may end in a short word ("Süper Lig").
    runs: list[list[Paragraph]] = []
    function_words = stopwords(doc.lang)
    for p in head:
        if not label(p):
            continue
        if runs and runs[-1][-1].index == p.index - 1 and _byline_part(runs[-1][-1]) and _byline_part(p):
            runs[-1].append(p)
        else:
            runs.append([p])

    def menu(run: list[Paragraph]) -> bool:
        return len(run) > HEAD_LABEL_RUN_MAX and run[-1].index < title.index and (
            paras[run[0].index - 1].final == NOISE if run[0].index else not title.sentence_end)

    def parts(run: list[Paragraph]) -> list[list[Paragraph]]:
        """The run cut after each line ending in a function word, each part whole when short."""
        cut = [[run[0]]]
        for prev, p in zip(run, run[1:]):
            if _runs_on(prev, function_words):
                cut.append([p])
            else:
                cut[-1].append(p)
        return [part for c in cut for part in ([c] if len(c) <= HEAD_LABEL_RUN_MAX else [[p] for p in c])]

    runs = [part for run in runs for part in ([run] if menu(run) else parts(run))]
    above_title = [p for p in head if p.index < title.index and p.index != standfirst]
    if _menu_over_headline(paras, above_title, title):
        for p in above_title:
            remove(p, "heuristic.meta.head-menu", "meta", "the site's menu above the article",
                   [f"{p.words} word(s) without sentence punctuation", where,
                    f"one of {len(above_title)} such lines above the headline (line {title.line + 1}), "
                    "between the start of the text and boilerplate the rules found"])
        runs = [run for run in runs if run[0].index > title.index]
    for run in runs:
        if settled(run[0].index - 1) and settled(run[-1].index + 1):
            for p in run:
                remove(
                    p, "heuristic.meta.head-label", "meta", "label, byline or section name above the article",
                    [f"{p.words} word(s) without sentence punctuation"
                     + ("; capitalised and given twice on the page, as the site's name" if p.index in site_names else ""), where,
                     "between the start of the text, the headline, the standfirst or boilerplate"
                     + (f", with {len(run) - 1} other such line(s) next to it" if len(run) > 1 else "")],
                )


def past_the_article(doc: Document) -> None:
    """A paragraph that reads like body but stands past the page's closing furniture (a footer
    or a consent notice, found by the rules) and is about something else (a cookie notice, a
    publisher's legal lines, the pitch of a newsletter) is the page's: it goes, and the
    article ends at the body paragraph before the furniture. (Kept, it would be taken for the
    article's last paragraph, and the furniture before it for the article's.)"""
    body = [p for p in doc.paragraphs if p.initial == BODY and p.final != NOISE]
    while len(body) > 1:
        last, before = body[-1], body[-2]
        closer = next((q for q in doc.paragraphs[before.index + 1: last.index]
                       if q.final == NOISE and q.category in CLOSING_CATEGORIES), None)
        if closer is not None:
            category, after = closer.category, f"after {closer.decided_by} (line {closer.line + 1})"
        else:
            column = _link_column(doc, doc.paragraphs[before.index + 1: last.index], body[0].index)
            if column is None:
                return  # most documents: the article's topic need not be worked out
            category, after = "footer", (f"after a column of {len(column)} links (lines {column[0].line + 1}-{column[-1].line + 1}), "
                                         "some of them the page's menu above the article")
        share, note = _coherence_note(doc, last)
        if share is not None and share >= DETACHED_MAX_COHERENCE:
            return
        remove(last, f"heuristic.{category}.past-article", category,
               "reads like a paragraph, but stands past the page's closing boilerplate and is about something else",
               [after, f"the article's last paragraph is line {before.line + 1}", note])
        body.pop()


# A footer's column of links ("About us", "Methodology", "Contact"), one per line, that gives
# again some of the menu above the article: the page's, not a list of the article's.
LINK_COLUMN_MIN = 4
ECHOED_ITEMS_MIN = 2
# A menu's item: a few words, no sentence, no figure, not opening in small letters (in a
# technical page, words of code broken over lines: "for", "return", "grep").
_LOWER_OR_DIGIT = regex.compile(r"\W*\p{Ll}|[^\n]*\d")


def _menu_item(p: Paragraph) -> bool:
    return (not p.sentence_end and p.words <= CJK_HEAD_LABEL_MAX_WORDS and p.words <= _label_max_words(p)
            and not _LOWER_OR_DIGIT.match(p.text))


def _head_items(doc: Document, first_body: int) -> set[str]:
    """The letters of the menu items above the article's first paragraph, kept or removed."""
    return {_letters(p.text) for p in doc.paragraphs[:first_body] if _menu_item(p)} - {""}


def _link_column(doc: Document, paras: list[Paragraph], first_body: int) -> list[Paragraph] | None:
    """The first run of LINK_COLUMN_MIN or more menu items in a row among the paragraphs, kept,
    ECHOED_ITEMS_MIN of them given above the article's first paragraph too; or None."""
    if len(paras) < LINK_COLUMN_MIN:
        return None  # most documents: the last two body paragraphs stand close
    head_items = None
    run: list[Paragraph] = []
    for p in [*paras, None]:
        if p is not None and p.final == SHORT and _menu_item(p):
            run.append(p)
            continue
        if len(run) >= LINK_COLUMN_MIN:
            head_items = _head_items(doc, first_body) if head_items is None else head_items
            if len({_letters(q.text) for q in run} & head_items) >= ECHOED_ITEMS_MIN:
                return run
        run = []
    return None


# Boilerplate that closes an article: once one of these has fired after the last body
# paragraph, the short lines that follow it belong to the page, not the article.
TAIL_OPENERS = ("footer", "promo", "related", "share")
# Lines a run of tags leads into, at the page's end: the above, the comments, a consent notice.
_TAIL_CLOSERS = TAIL_OPENERS + ("comments", "consent")


def cut_tail(doc: Document, last_body: int) -> None:
    """After the last body paragraph: tail rules fire, and once end-of-article boilerplate
    (footer, promo, related, share) has begun there, the short lines after it go with it, up to
    a line that reads like a sentence.

    Past such a sentence, only a tail rule firing here begins another run: the lines the rules
    removed before this step are gone from the output, and cleaning it again sees the sentence
    with nothing removed before it; a run begun by them would cut there, and not the second time."""
    started: Paragraph | None = None
    stopped = False
    for p in doc.paragraphs[last_body + 1 :]:
        if p.final == NOISE:
            if p.category in TAIL_OPENERS and not stopped:
                started = started or p
            continue
        rule = _edge_rule(p, "tail")
        if rule is not None:
            remove(p, rule.id, rule.category, rule.message, [f"matches rule {rule.id}", "stands after the last body paragraph"], rule)
            if rule.category in TAIL_OPENERS:
                started = started or p
            continue
        if started is None:
            continue
        if p.sentence_end:
            started, stopped = None, True
            continue
        _, note = _coherence_note(doc, p)
        remove(
            p, "heuristic.footer.tail-clutter", "footer", "part of the boilerplate that follows the article",
            [f"after the {started.decided_by} on line {started.line + 1}",
             f"past the last body paragraph (line {doc.paragraphs[last_body].line + 1})", "no sentence punctuation", note],
        )


# How a news agency or the site signs off an article: its abbreviation alone on the last line,
# perhaps with a desk's or author's initials ("RIRM", "mk/RIRM", "(RIRM)"). The packs' credit
# rules name the agencies they know; this takes the ones they do not.
_SIGNATURE = regex.compile(r"^[(\[]?(?:\p{L}{1,8}\s*/\s*)*\p{Lu}{2,6}(?:\s*/\s*\p{L}{1,8})*[)\]]?\.?$")


# Or the author's name alone: two to four capitalized words ("Thùy An", "J. Smith").
_NAME_SIGNATURE = regex.compile(r"^(?:\p{Lu}\.\s*|\p{Lu}[\p{Ll}\p{M}'’-]+\s+){1,3}\p{Lu}[\p{Ll}\p{M}'’-]+$")


_BARE_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def closing_signature(doc: Document, last_body: int) -> None:
    """The only line kept after the last body paragraph signs the article off when it is an
    abbreviation on the text's last line, or a person's name (boilerplate may follow a name:
    the tags, the comments); so do a name and an e-mail address under it, when they are the
    only two. Elsewhere such a line is a list item or a heading ("FAQ", "GPS"), and stays."""
    paras = doc.paragraphs
    kept = [p for p in paras[last_body + 1:] if p.final != NOISE]
    if len(kept) == 2 and _BARE_EMAIL.fullmatch(kept[1].text.strip()) and _NAME_SIGNATURE.match(kept[0].text):
        # The author's name over the author's address ("Elin Bergqvist" / "elin.bergqvist@dn.se").
        for p in kept:
            remove(p, "heuristic.meta.closing-signature", "meta", "the author's name and address that sign the article off",
                   ["a name and an e-mail address, the only lines kept after the last body paragraph",
                    f"line {paras[last_body].line + 1} is that paragraph"])
        return
    if len(kept) != 1:
        return
    p = kept[0]
    if p is paras[-1] and p.words <= 3 and _SIGNATURE.match(p.text):
        remove(p, "heuristic.meta.closing-signature", "meta", "the abbreviation that signs the article off",
               ["an abbreviation alone on the text's last line", f"right after the last body paragraph (line {paras[last_body].line + 1})"])
    elif _NAME_SIGNATURE.match(p.text):
        remove(p, "heuristic.meta.closing-signature", "meta", "the author's name that signs the article off",
               ["a name alone, the only line kept after the last body paragraph", f"line {paras[last_body].line + 1} is that paragraph"])


# A list of other stories closing the page: at least this many items, each a headline (no
# sentence end) behind a list marker, each off the article's topic.
TAIL_LIST_MIN_ITEMS = 3
_LIST_ITEM = regex.compile(r"^[-–—•·▪►▸»*]\s*\p{L}")


def tail_headline_list(doc: Document, last_body: int) -> None:
    """The text's last kept lines, after the last body paragraph, a bulleted run of headlines
    that share little with the article (and a short label above them, such as a section name),
    list other stories. A list that belongs to the article (ingredients, specifications,
    steps) has short items, or items about the article's subject: it stays."""
    paras = doc.paragraphs
    run: list[Paragraph] = []
    label = None  # the kept line above the run, if it stands after the last body paragraph
    for i in range(len(paras) - 1, last_body, -1):  # from the end: most texts end in body
        p = paras[i]
        if p.final == NOISE:
            continue
        if p.sentence_end or p.words > TEASER_HEADLINE_MAX_WORDS or not _LIST_ITEM.match(p.text):
            label = p
            break
        run.append(p)
    if len(run) < TAIL_LIST_MIN_ITEMS:
        return
    topic = doc.topic
    for p in run:
        c = topic.coherence(p)
        if c is None or c >= topic.median:
            return
    if label is not None and not label.sentence_end and label.words <= HEAD_LABEL_MAX_WORDS:
        run.append(label)
    for p in reversed(run):
        _, note = _coherence_note(doc, p)
        remove(p, "heuristic.related.tail-list", "related", "a list of other stories closing the page",
               [f"one of {len(run)} bulleted headlines ending the text", f"past the last body paragraph (line {paras[last_body].line + 1})", note])


# A site's tags or topics under the article: short labels, one per line, after the last body
# paragraph. A run of at least this many goes when it leads into the page's closing
# boilerplate; any run goes under a tags header a rule removed ("Tags:", "Témata:").
TAIL_LABEL_RUN_MIN = 3
TAIL_LABEL_MAX_WORDS = 4
# Tags are words: a figure, or a bracket, brace, semicolon or equals sign (a line of code), is not one.
_NOT_A_TAG = regex.compile(r"[\d{}()\[\];=<>]|^\P{L}*$")
# Under a tags header, a tag may hold a figure ("District 8", "COVID-19").
_NOT_A_HEADED_TAG = regex.compile(r"[{}()\[\];=<>]|^\P{L}*$")


def _tail_label(p: Paragraph, headed: bool = False) -> bool:
    """Could the line be a tag: a few words, no sentence, no figure (unless a tags header
    heads the run), no list marker, nothing it introduces?"""
    return (p.final != NOISE and p.final != TITLE and p.words <= TAIL_LABEL_MAX_WORDS and not p.sentence_end
            and not _introduces(p) and (_NOT_A_HEADED_TAG if headed else _NOT_A_TAG).search(p.text) is None
            and _LIST_ITEM.match(p.text) is None)


def _tags_header(p: Paragraph) -> bool:
    return p.final == NOISE and p.decided_by.endswith((".meta.tags", ".meta.topics-header"))


def _tags_header_above(paras: list[Paragraph], i: int) -> Paragraph | None:
    """The tags header above paragraph i, with only its items between (tags, or the items its
    teaser walk took), if there is one."""
    for k in range(i - 1, -1, -1):  # no slice: asked of every paragraph past the article's first
        q = paras[k]
        if _tags_header(q):
            return q
        if q.final != NOISE or q.decided_by not in ("heuristic.meta.tail-tags", "heuristic.related.teaser"):
            return None
    return None


def tail_label_runs(doc: Document, first_body: int, last_body: int) -> None:
    """Tags after the article: a run of label lines (only boilerplate between them) that a
    tags header heads, or that the page's closing boilerplate follows (a comments prompt, a
    promo, a related box, the footer). A list the article introduces ("You will need:") is
    the article's own, as is a run that ends the text with nothing after it. Under a tags
    header, a run goes wherever it stands past the article's first paragraph: the page's own
    sentences after the tags (a teaser, a comment, a pitch) may still pass for its last."""
    paras = doc.paragraphs
    i = first_body + 1
    while i < len(paras):
        # Inside the article only a run under a tags header counts: a kept line above rules it out.
        if i <= last_body and paras[i - 1].final != NOISE:
            i += 1
            continue
        header = _tags_header_above(paras, i)
        headed = header is not None
        if not _tail_label(paras[i], headed) or not headed and i <= last_body:
            i += 1
            continue
        # The run goes on over boilerplate the rules found among the tags (a tag named as a
        # section), and ends at a line of closing boilerplate, another header, or a kept line
        # that is no tag.
        run, j = [paras[i]], i + 1
        while j < len(paras):
            q = paras[j]
            if q.final == NOISE and (_tags_header(q) or q.category in _TAIL_CLOSERS) or q.final != NOISE and not _tail_label(q, headed):
                break
            if q.final != NOISE:
                run.append(q)
            j += 1
        after = paras[j] if j < len(paras) else None
        closed = after is not None and after.final == NOISE and after.category in _TAIL_CLOSERS
        before = paras[i - 1]
        introduced = before.final != NOISE and _introduces(before)
        if not introduced and (headed or closed and len(run) >= TAIL_LABEL_RUN_MIN):
            evidence = f"under the tags header on line {header.line + 1}" if headed else (
                f"one of {len(run)} such lines leading into the page's closing boilerplate (line {after.line + 1})")
            for p in run:
                remove(p, "heuristic.meta.tail-tags", "meta", "a tag or topic label under the article",
                       [f"{p.words} word(s) without sentence punctuation" + ("" if headed else " or figures"),
                        f"past the last body paragraph (line {paras[last_body].line + 1})" if i > last_body else
                        f"past the article's first paragraph (line {paras[first_body].line + 1})", evidence])
        i = j


# A label-like line between two pieces of page furniture is furniture too. Not between two bare
# links or tag lines (meta: more often items of a list that belongs to the text), nor between
# two ad markers (ads sit inside the body, between its paragraphs and intertitles).
SANDWICH_MAX_WORDS = 6
SANDWICH_CATEGORIES = TAIL_OPENERS + ("embed",)


def between_noise(doc: Document) -> None:
    """A short paragraph with boilerplate on both sides is part of it (jusText's context rule)."""
    paras = doc.paragraphs

    def furniture(q: Paragraph) -> bool:
        return q.final == NOISE and q.category in SANDWICH_CATEGORIES

    for i in range(1, len(paras) - 1):
        p = paras[i]
        if p.final == SHORT and not p.sentence_end and p.words <= SANDWICH_MAX_WORDS and furniture(paras[i - 1]) and furniture(paras[i + 1]):
            prev = paras[i - 1]
            remove(
                p, f"heuristic.{prev.category}.between-noise", prev.category, "short paragraph inside a run of boilerplate",
                [f"after {prev.decided_by} (line {prev.line + 1})", f"before {paras[i + 1].decided_by} (line {paras[i + 1].line + 1})"],
            )


# Teaser cards need two in a row: one card alone may be the article's intertitle over a line.
# A headline begins as a sentence does; a line that begins in small letters goes on from the
# line above it (a sentence broken over lines, a statement of code).
_LOWER_FIRST = regex.compile(r"\W*\p{Ll}")
SECTION_CARDS_MIN = 2


def section_cards(doc: Document) -> None:
    """Teaser cards set in the article: the name of a section ("Itthon", "Sport") over a teaser's
    headline, card after card, set tight. The name is the page's when the page gives it
    elsewhere as furniture the rules or the head's labels removed (its menu, the article's own
    section label); a run of two cards or more goes. One card alone, or a name that is no
    furniture of this page, stays: an article may have an intertitle over a line."""
    paras = doc.paragraphs
    furniture: dict[str, Paragraph] = {}  # the name's letters: where the page first gives it
    for p in paras:
        if p.final == NOISE and p.words <= HEAD_LABEL_MAX_WORDS and not p.sentence_end:
            furniture.setdefault(_letters(p.text), p)
    furniture.pop("", None)
    if not furniture:
        return

    def card_at(i: int) -> bool:
        label, headline = paras[i], paras[i + 1]
        return (label.final != NOISE and headline.final != NOISE and label.words <= HEAD_LABEL_MAX_WORDS
                and not label.sentence_end and not headline.gap_before and _letters(label.text) in furniture
                and headline.words > SHORT_INTERTITLE_MAX_WORDS and _teaser_headline_shape(headline) is not None
                and _LOWER_FIRST.match(headline.text) is None)

    i = 0
    while i < len(paras) - 1:
        j = i
        while j < len(paras) - 1 and card_at(j) and (j == i or not paras[j].gap_before):
            j += 2
        if (j - i) // 2 >= SECTION_CARDS_MIN:
            for label in paras[i:j:2]:
                given = furniture[_letters(label.text)]
                for p in (label, paras[label.index + 1]):
                    remove(p, "heuristic.related.section-card", "related",
                           "teaser card set in the article: a section's name over a headline",
                           [f"the page gives '{label.text.strip()}' as its furniture on line {given.line + 1}",
                            f"one of {(j - i) // 2} such cards set tight, lines {paras[i].line + 1}-{paras[j - 1].line + 1}"])
        i = max(j, i + 1)


# A promo box's pitch ("Our morning email breaks down the key stories of the day") is a
# sentence or two.
PITCH_MAX_WORDS = 30


def promo_pitches(doc: Document) -> None:
    """A sentence set between two promo lines the rules removed (a newsletter box's name above,
    its e-mail field or button below) is the box's pitch, unless it is plainly on the article's
    topic (COHERENT): the article's own sentence about a newsletter or an app speaks of its story."""
    paras = doc.paragraphs
    promos = {p.index for p in paras if p.category == "promo" and p.final == NOISE}
    if len(promos) < 2:
        return  # most documents
    for i in sorted({j + 1 for j in promos} & {j - 1 for j in promos}):
        p, before, after = paras[i], paras[i - 1], paras[i + 1]
        if p.final == NOISE or p.words > PITCH_MAX_WORDS:
            continue
        coherence, note = _coherence_note(doc, p)  # the topic is worked out only here, if ever
        if coherence is not None and coherence >= COHERENT:
            continue
        remove(p, "heuristic.promo.pitch", "promo", "the pitch of a promo box",
               [f"between the promo lines {before.line + 1} ({before.decided_by}) and {after.line + 1} ({after.decided_by})",
                note])


# A posted comment's text: at most this many kept paragraphs (a poster's bare name, the time, the text)
# between the lines the rules took as the comment section's (its header, a poster's line "Name ·
# 2 hours ago", an actions line "Reply · Report"), each a comment's length at most.
COMMENT_RUN_MAX = 3
# The last comment of a section, before the page's next box: its text, perhaps its poster.
LAST_COMMENT_MAX_LINES = 2
COMMENT_SECTION_ENDS = ("related", "consent", "footer", "promo")
POSTER_LINE_MAX_WORDS = 8
_HAS_DIGIT = re.compile(r"\d")
COMMENT_MAX_WORDS = 80
# A comment's like count ("58", "1,2K", "+1"): part of the section, not of the run's length.
_COUNT = regex.compile(r"[+]?\d{1,3}(?:[ .,\u00a0]\d{3})*(?:[.,]\d)?\s?[kKmMкК]?")


def posted_comments(doc: Document, first_body: int) -> None:
    """Past the article's start, the kept lines between two lines of a comment section are the
    comments' posters and texts. (Long and on the article's topic, a paragraph stays: the
    guard restores it.)"""
    paras = doc.paragraphs

    def comment_line(q: Paragraph) -> bool:
        return q.final == NOISE and q.category == "comments"

    def kept(lines: list[Paragraph]) -> list[Paragraph]:
        return [q for q in lines if q.final != NOISE]

    run: list[Paragraph] = []
    before = None
    opened = False  # two of the section's lines stand together before the run: it has begun

    def take_thread(end: Paragraph | None) -> None:
        why = (f"under the comment section's line {before.line + 1} ({before.decided_by})"
               + (f", up to line {end.line + 1} ({end.decided_by})" if end is not None else ", up to the end of the text"))
        for q in kept(run):
            remove(q, "heuristic.comments.posted", "comments", "a comment posted under the article, or its poster",
                   [why, "comments one after another, each under its poster's name and when it was posted"])

    for p in paras[first_body + 1:]:
        if comment_line(p):
            if before is not None and _thread(run):
                take_thread(p)
                before, run, opened = p, [], True
                continue
            # "Name said:" opens a quote in a forum as often as a comment: two of them alone
            # do not make a comment section.
            took = before is not None and bool(run) and not all(q.decided_by.endswith(".author-says") for q in (before, p))
            if took:
                for q in kept(run):
                    remove(q, "heuristic.comments.posted", "comments", "a comment posted under the article, or its poster",
                           [f"between the comment section's lines {before.line + 1} ({before.decided_by}) and {p.line + 1} ({p.decided_by})",
                            f"{len(kept(run))} line(s) at most {COMMENT_MAX_WORDS} words each"])
            opened = before is not None and (took or not run)
            before, run = p, []
        elif p.final == NOISE:
            if before is not None and run and p.category == "meta" and _posted_at(p):
                run.append(p)  # a comment's time, which a rule took: part of the thread's shape
                continue
            if before is not None and p.category in COMMENT_SECTION_ENDS and _thread(run):
                take_thread(p)
                before, run, opened = None, [], False
                continue
            # The section's last comment ends where the page's next box begins (the most read,
            # a consent notice): after its poster's line (a name and when, "user_71 · 1 h ago"),
            # once the section has shown two of its lines together (a comment count alone may
            # stand over the article; a poll's button inside it has no time).
            if (opened and kept(run) and len(kept(run)) <= LAST_COMMENT_MAX_LINES and p.category in COMMENT_SECTION_ENDS
                    and before.words <= POSTER_LINE_MAX_WORDS and _HAS_DIGIT.search(before.text)):
                for q in kept(run):
                    remove(q, "heuristic.comments.posted", "comments", "the last comment posted under the article, or its poster",
                           [f"after the comment section's line {before.line + 1} ({before.decided_by})",
                            f"where the page's next box begins: line {p.line + 1} ({p.decided_by})",
                            f"{len(kept(run))} line(s) at most {COMMENT_MAX_WORDS} words each"])
                before, run, opened = None, [], False
            continue  # a like counter, an ad: part of the section too
        elif before is not None:
            run.append(p)
            if p.words > COMMENT_MAX_WORDS or p.final == TITLE or len(run) > THREAD_MAX_LINES:
                before, run = None, []
            elif sum(1 for q in kept(run) if not _COUNT.fullmatch(q.text)) > COMMENT_RUN_MAX and not _thread_so_far(run):
                before, run = None, []
    if before is not None and _thread(run):
        take_thread(None)


# Comments one after another, each under its poster's name (perhaps with a role or a place
# under it) and the time it was posted ("kisvakond77" / "2025.03.13. 07:12" / the text / "14
# likes"): a thread, however many comments it holds, where the rules found its header.
THREAD_MAX_LINES = 60
THREAD_MIN_COMMENTS = 2
POSTER_MAX_WORDS = 4
_POSTED_AT = regex.compile(r"[^\n]{0,40}?(?:\d{1,2}[:.]\d{2}(?!\d)|\d{4})[^\n]{0,30}")


def _posted_at(p: Paragraph) -> bool:
    return p.words <= 6 and _POSTED_AT.fullmatch(p.text.strip()) is not None


def _poster(p: Paragraph) -> bool:
    return p.words <= POSTER_MAX_WORDS and not p.sentence_end and not _posted_at(p)


def _comment_starts(run: list[Paragraph]) -> list[int]:
    """Where each comment of the run begins: its poster's line, one or two lines above the time."""
    starts = []
    for k, p in enumerate(run):
        if k and _posted_at(p) and _poster(run[k - 1]):
            starts.append(k - 2 if k > 1 and _poster(run[k - 2]) and (not starts or k - 2 > starts[-1] + 1) else k - 1)
    return starts


def _thread_so_far(run: list[Paragraph]) -> bool:
    """Does the run open as a thread does: a poster and a time in its first lines?"""
    starts = _comment_starts(run)
    return bool(starts) and starts[0] == 0


def _thread(run: list[Paragraph]) -> bool:
    """Is the run a thread of comments: opening with a poster, THREAD_MIN_COMMENTS of them?"""
    starts = _comment_starts(run)
    return len(starts) >= THREAD_MIN_COMMENTS and starts[0] == 0


# An author's box: its header ("About the author", a few words), then a short bio.
AUTHOR_BOX_HEADER_MAX_WORDS = 4
AUTHOR_BIO_MAX_WORDS = 60


def author_bio(doc: Document) -> None:
    """The paragraph right after an author box's header (a rule whose id ends in "author-box")
    is the author's bio when it is short and no body paragraph follows it: the box closes the
    article."""
    paras = doc.paragraphs
    for h in paras:
        if not (h.final == NOISE and h.decided_by.endswith(".author-box")):
            continue
        # (CJK is counted in pairs of characters: "この記事を書いた人" is five.)
        if h.words > (CJK_HEAD_LABEL_MAX_WORDS if h.cjk else AUTHOR_BOX_HEADER_MAX_WORDS):
            continue
        bio = _next_kept(paras, h.index)
        if bio is None or bio.words > AUTHOR_BIO_MAX_WORDS or bio.final == TITLE:
            continue
        if any(q.initial == BODY and q.final != NOISE for q in paras[bio.index + 1:]):
            continue
        remove(bio, "heuristic.meta.author-bio", "meta", "the author's bio in the box closing the article",
               [f"follows the author box's header on line {h.line + 1} ({h.decided_by})", "no body paragraph after it"])


def drop_repeated_headline(doc: Document) -> None:
    """The headline repeated verbatim (site header, then article header) is kept once: the
    first time, and a copy followed by a link (the site's own post sharing the article, as an
    embed gives it) goes too. Other repeats are left alone: lists, forums and interviews repeat
    lines too. The headline repeated with the site's name, section or date attached (the page's
    <title>: "Headline | Section | Site | 23.05.2011") goes, and the bare headline stays."""
    title = next((p for p in doc.paragraphs if p.final == TITLE), None)
    if title is None:
        return
    title = _drop_title_echo(doc, title)
    title = _drop_headline_trail(doc, title)
    key = _letters(title.text)
    if len(key) < REPEAT_MIN_CHARS:
        return
    shortest, longest = len(key), 3 * len(title.text)  # three times as long: more than the headline dressed up
    # Lengths first: they rule out nearly every paragraph, and this runs on every document.
    for p in [p for p in doc.paragraphs[title.index + 1:] if shortest <= len(p.text) <= longest]:
        if p.final == NOISE:
            continue
        if "://" in p.text:
            text = _TRAILING_LINK.sub("", p.text)
        elif not key.startswith(_letters(p.text[:HEADLINE_PROBE_CHARS])):
            # The letters of a text's start begin the letters of the text: a paragraph whose
            # first words are not the headline's is passed over without reading it whole.
            continue
        else:
            text = p.text
        if _letters(text) == key:
            remove(p, "heuristic.meta.repeated-headline", "meta", f"repeats the headline on line {title.line + 1}",
                   [f"same letters and digits as the headline on line {title.line + 1}"])


# A link after a post's text ("Headline https://t.co/q3Lm8RvWa2").
_TRAILING_LINK = re.compile(r"\s+https?://\S+\s*$")

# What a page's <title> adds to its headline: segments after " | ", " - ", " – ", " — ", " :: "
# or " · ", each a few words (the section, the site's name, a date).
_TITLE_SEPARATOR = r"\s+(?:\||-|–|—|::|·|•)\s+"
_TITLE_SUFFIX = re.compile(rf"(?:{_TITLE_SEPARATOR}[^|–—·•]{{1,40}}?){{1,4}}")
TITLE_SUFFIX_MAX_WORDS = 4
# How far from the headline its echo may stand.
TITLE_ECHO_REACH = 4


def _echo_of(longer: Paragraph, shorter: Paragraph) -> str | None:
    """The suffix when `longer` is `shorter` plus title segments, else None."""
    if len(shorter.text) < REPEAT_MIN_CHARS or not longer.text.startswith(shorter.text):
        return None
    rest = longer.text[len(shorter.text):]
    if _TITLE_SUFFIX.fullmatch(rest) is None:
        return None
    segments = [seg for seg in re.split(_TITLE_SEPARATOR, rest) if seg.strip()]
    if all(len(seg.split()) <= TITLE_SUFFIX_MAX_WORDS for seg in segments):
        return rest.strip()
    return None


# A breadcrumb trail ending in the page's own headline ("Home › News › <headline>"): up to five
# sections of a few words, each closed by a trail's separator.
_TRAIL_SEPARATORS = "›»>→/|＞〉"
_TRAIL_HEAD = re.compile(rf"(?:[^\W\d_][^{_TRAIL_SEPARATORS}\n]{{0,40}}?\s*[{_TRAIL_SEPARATORS}]\s*){{1,5}}")


def _trail_before(longer: Paragraph, shorter: Paragraph) -> str | None:
    """The trail when `longer` is a breadcrumb trail ending in `shorter`, else None."""
    if len(shorter.text) < REPEAT_MIN_CHARS or not longer.text.endswith(shorter.text):
        return None
    head = longer.text[: len(longer.text) - len(shorter.text)]
    if _TRAIL_HEAD.fullmatch(head) is None:
        return None
    sections = [seg for seg in re.split(rf"\s*[{_TRAIL_SEPARATORS}]\s*", head) if seg.strip()]
    if all(len(seg.split()) <= TITLE_SUFFIX_MAX_WORDS for seg in sections):
        return head.strip()
    return None


def _drop_dressed_headline(doc: Document, title: Paragraph, added_to, rule_id: str, message: str, evidence) -> Paragraph:
    """Remove a line near the headline that is the headline dressed up (`added_to(longer,
    bare)` gives what was added, or None) when the bare headline stands near it; return the
    headline that stays."""
    paras = doc.paragraphs
    for q in paras[max(0, title.index - TITLE_ECHO_REACH): title.index + TITLE_ECHO_REACH + 1]:
        if q is title or q.final == NOISE or q.sentence_end:
            continue
        for longer, bare in ((title, q), (q, title)):
            added = added_to(longer, bare)
            if added is not None:
                remove(longer, rule_id, "meta", message.format(line=bare.line + 1), evidence(bare, added))
                if longer is title:
                    bare.final = TITLE
                return bare
    return title


def _drop_title_echo(doc: Document, title: Paragraph) -> Paragraph:
    """The headline's <title> form ("Headline | Section | Site") goes when the bare headline
    stands near it."""
    return _drop_dressed_headline(
        doc, title, _echo_of, "heuristic.meta.title-echo", "the headline on line {line} with the page title's additions",
        lambda bare, suffix: [f"line {bare.line + 1} followed by {suffix!r}", "segments of a few words each: a section, the site, a date"])


def _drop_headline_trail(doc: Document, title: Paragraph) -> Paragraph:
    """A breadcrumb trail ending in the headline goes when the bare headline stands near it
    (kept, it would hold a second copy of the headline)."""
    return _drop_dressed_headline(
        doc, title, _trail_before, "heuristic.meta.headline-trail", "breadcrumb trail ending in the headline on line {line}",
        lambda bare, trail: [f"{trail!r} before the headline's words", "sections of a few words each, parted by a trail's separators"])


# The category of a copy: nothing of the text is lost with it, so the body-loss guard does
# not count it.
DUPLICATE = "duplicate"
# Another article on the same page, as its markup tells (html.py): not this one's text either.
OTHER_ARTICLE = "html.related.other-article"
# A page that holds its article twice (the main view and an AMP, print or noscript copy)
# gives it again nearly whole: a run of at least this many body paragraphs, in the same order,
# holding at least this share of the article's text. Shorter repeats are left alone: recipes,
# price plans, forum quotes and manuals repeat paragraphs on purpose.
COPY_MIN_PARAGRAPHS = 3
COPY_MIN_SHARE = 0.8


def drop_article_copies(doc: Document) -> None:
    """Remove a second (third...) copy of the article's body from the same text: the same
    paragraphs, word for word, in the same order."""
    body = [p for p in doc.paragraphs if p.initial == BODY and p.final != NOISE]
    if len(body) < 2 * COPY_MIN_PARAGRAPHS:
        return
    keys = [p.text.strip() for p in body]
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    if len(keys) - len(first) < COPY_MIN_PARAGRAPHS:
        return
    article = sum(len(body[i].text) for i in set(first.values()))
    i = 0
    while i < len(body):
        j = first[keys[i]]
        run = 0
        while j < i and i + run < len(body) and j + run < i and keys[j + run] == keys[i + run]:
            run += 1
        copy = body[i : i + run]
        share = sum(len(p.text) for p in copy) / article
        if run >= COPY_MIN_PARAGRAPHS and share >= COPY_MIN_SHARE:
            for p, original in zip(copy, body[j:]):
                remove(p, "heuristic.duplicate.article-copy", DUPLICATE,
                       f"repeats line {original.line + 1}: the article is given again",
                       [f"one of {run} body paragraphs that repeat lines {body[j].line + 1}-{body[j + run - 1].line + 1} "
                        f"in order, {share:.0%} of the article's text"])
        i += max(run, 1)


_NOT_ALNUM = re.compile(r"[\W_]+")  # the standard library's re is faster for this plain class


def _letters(text: str) -> str:
    return _NOT_ALNUM.sub("", text).casefold()


def labels_on_both_edges(doc: Document, first_body: int, last_body: int) -> None:
    """Menu items the page gives both above the article and below it (its sections printed
    again in the footer, its name over the headline and in the footer, its share buttons over
    the article and its social links under it) are the page's, on either edge: the article has
    its own words once, between its first and last paragraphs. Two such items at least, so
    that one heading the text happens to repeat is not taken for a menu."""
    paras = doc.paragraphs
    above = _head_items(doc, first_body)
    if len(above) < ECHOED_ITEMS_MIN:
        return  # most documents: no menu above the article
    both = above & {_letters(p.text) for p in paras[last_body + 1:] if _menu_item(p)}
    if len(both) < ECHOED_ITEMS_MIN:
        return
    for p in paras:
        if p.final == SHORT and not first_body <= p.index <= last_body and _menu_item(p) and _letters(p.text) in both:
            remove(p, "heuristic.meta.both-edges", "meta", "a menu item the page gives both above and below the article",
                   [f"{p.words} word(s) without sentence punctuation",
                    f"{len(both)} such items stand both above the article's first paragraph and below its last"])


# --------------------------------------------------------------------------- guard

# Evidence about the paragraph itself: an exact repeat of the headline, or the page's markup.
STRONG = ("heuristic.meta.repeated-headline", "heuristic.meta.title-echo", "heuristic.duplicate.", "html.")


def guard_body(doc: Document) -> None:
    """Never drop a long paragraph that fits the article's topic on weak evidence: only a rule
    matching the paragraph itself, the page's markup, or an exact repeat may remove it."""
    for p in doc.paragraphs:
        if p.final != NOISE or p.rule is not None or p.decided_by.startswith(STRONG):
            continue
        if p.words < doc.config.min_guarded_words:
            continue
        coherence = doc.topic.coherence(p)
        if coherence is not None and coherence >= COHERENT:
            doc.guarded.append(
                GuardedParagraph(p.line + 1, p.as_written, p.decided_by, f"{p.words} words sharing {coherence:.0%} of their content words with the article")
            )
            p.final, p.decided_by, p.category, p.reason, p.evidence = p.initial, "", "", "", []


# --------------------------------------------------------------------------- order


def revise(doc: Document, rules: RuleSet) -> None:
    cfg = doc.config
    apply_rules(doc, rules)
    rows_of_rule_lines(doc, rules)
    share_columns(doc)
    doc.deadline.check()
    if cfg.remove_embeds:
        player_times(doc)
        gallery_counters(doc)
        posts_under_headers(doc)
        walk_back_embeds(doc)
        framed_posts(doc)
    if cfg.remove_related:
        walk_teasers(doc)
        teasers_ending_in_more_links(doc, rules)
    if cfg.remove_edge_clutter:
        contact_boxes(doc)
        data_widgets(doc)
    # Copies go before the body's edges are found, so that the edges are those of the text
    # cleaned once: cleaning again, without the copies, finds the same ones.
    if cfg.remove_duplicates and not cfg.page_dump:
        drop_article_copies(doc)
    if cfg.remove_edge_clutter:
        past_the_article(doc)
    anchors = doc.body_anchors()
    if anchors and cfg.remove_edge_clutter:
        head_end = past_standfirst(doc, anchors[0])
        cut_head(doc, head_end, anchors[0] if head_end != anchors[0] else None)
        cut_tail(doc, anchors[1])
        tail_headline_list(doc, anchors[1])
        between_noise(doc)
        if cfg.remove_related:
            section_cards(doc)
        promo_pitches(doc)
        posted_comments(doc, anchors[0])
        author_bio(doc)
        # Tags and the sign-off are judged last, on the body as it now ends (comments posted
        # after the article, a promo's pitch, no longer count as its last paragraph): cleaning
        # again finds the same end.
        past_the_article(doc)
        ends = doc.body_anchors()
        if ends:
            tail_label_runs(doc, ends[0], ends[1])
            closing_signature(doc, ends[1])
            labels_on_both_edges(doc, ends[0], ends[1])
    if cfg.remove_duplicates:
        drop_repeated_headline(doc)
    if cfg.page_dump:
        from .dump import find_article

        find_article(doc, remove)
        if cfg.remove_duplicates:
            drop_article_copies(doc)  # once the article is found: a copy outside it does not count
    guard_body(doc)
    doc.deadline.check()

