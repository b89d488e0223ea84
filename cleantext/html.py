"""HTML in, clean body out: main-content extraction (trafilatura, or jusText), then the same
rules and heuristics as for plain text.

What the page's markup says is used: the text of social embeds (a tweet's blockquote, an
Instagram or TikTok embed), of "related articles" containers and of photo captions
(<figcaption>) is removed from what the extractor kept, and the page's `lang` attribute is a
hint when the text alone does not tell the language. These modules (trafilatura, jusText,
lxml) are imported only when HTML is cleaned, so text-only runs do not pay for them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from .cleaner import Cleaner, default_cleaner
from .errors import ConfigError, InputTypeError
from .heuristics import OTHER_ARTICLE
from .result import CleanResult, Removal

BACKENDS = ("trafilatura", "justext")

# Markup of social embeds and "read also" boxes, by the class names the platforms' embed codes
# and common CMS themes write: (rule id, category, reason, tags, class-name pattern).
HTML_MARKERS = (
    ("html.embed.tweet", "embed", "embedded tweet (blockquote.twitter-tweet)", ("blockquote",),
     r"(?:^|\s)twitter-(?:tweet|video)(?:\s|$)"),
    ("html.embed.instagram", "embed", "embedded Instagram post (blockquote.instagram-media)", ("blockquote",),
     r"(?:^|\s)instagram-media(?:\s|$)"),
    ("html.embed.tiktok", "embed", "embedded TikTok video (blockquote.tiktok-embed)", ("blockquote",),
     r"(?:^|\s)tiktok-embed(?:\s|$)"),
    ("html.embed.facebook", "embed", "embedded Facebook post (div.fb-post)", ("div",),
     r"(?:^|\s)fb-(?:post|video)(?:\s|$)"),
    ("html.related.container", "related", "'related articles' box (aside or container named related, read-more, more-stories)",
     ("aside",), r"(?:^|[\s_-])(?:related|read-?more|more-stories|recommended|most-read|most-popular)(?:[\s_-]|$)"),
    ("html.related.container", "related", "'related articles' box (aside or container named related, read-more, more-stories)",
     ("div", "section"),
     r"(?:^|[\s_-])(?:related-(?:posts|articles|stories|news|content)|read-?also|more-stories|most-read|most-popular|recommended-(?:posts|articles|stories))(?:[\s_-]|$)"),
    # Themes name the box in the site's language as often as in English: "read also", "see
    # also", "learn more", "recommended" in French, Spanish, Portuguese, Italian, German,
    # Dutch and Polish, as those sites' themes write them in their class names.
    ("html.related.container", "related", "'read also' box named in the site's language (lire-aussi, lee-tambien, saiba-mais, leggi-anche, polecane...)",
     ("div", "section", "aside"),
     r"(?:^|[\s_-])(?:lire[-_]?aussi|voir[-_]?aussi|savoir[-_]?plus|lee[-_]?tambien|leia[-_]?tambem|saiba[-_]?mais|leggi[-_]?anche|mehr[-_]?zum[-_]?thema|lees[-_]?ook|czytaj[-_]?(?:tez|takze)|zobacz[-_]?(?:tez|takze)|polecane)(?:[\s_-]|$)"),
)
# A photo's caption (<figcaption>) is not the article's text, whatever its class.
CAPTION = "html.meta.caption"
# A cheap test of an element's class names finds the candidates (one pass over the page's
# blockquotes, divs, sections and asides); the exact patterns above then decide on those few.
# The test is the standard library's, on the lower-cased names: over the 400 bench pages'
# 100,000 elements it takes 0.3 s, against 0.6 s for `regex` and 0.8 to 1.0 s for `regex`
# with a case-insensitive flag (3% of trafilatura's time on those pages).
_MARKER_TAGS = ("blockquote", "div", "section", "aside", "figcaption")
_MAY_BE_MARKED = re.compile(r"twitter-|instagram-media|tiktok-embed|fb-|related|read|more-stories|most-|recommended|aussi|savoir|tamb|saiba|leggi|thema|lees|czytaj|zobacz|polecane")
_MARKER_RES = [(m, regex.compile(m[4], regex.IGNORECASE)) for m in HTML_MARKERS]


@dataclass
class HtmlCleanResult(CleanResult):
    """A CleanResult for a page: `text` is the clean body, `extracted` the extractor's text
    that `removals` (line numbers and spans) refer to, `html_removals` the elements the markup
    marks as embeds or related boxes (line = the element's source line in the page, span =
    (0, 0)); the lines of theirs that the extractor kept are among `removals`, under the same
    rule id. `backend` is the extractor used."""

    extracted: str = ""
    backend: str = "trafilatura"
    html_removals: list[Removal] = field(default_factory=list)


def _parse(html: str | bytes):
    """The page as trafilatura itself would parse it (its decoding, from the BOM, the <meta>
    charset or detection, and its parser settings): extraction from another parse differs."""
    if not isinstance(html, (str, bytes, bytearray)):
        raise InputTypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")
    from trafilatura import load_html

    if isinstance(html, bytearray):
        html = bytes(html)
    if not (html.strip() if isinstance(html, str) else html.strip()):
        return None
    return load_html(html)


def _page_lang(tree) -> str | None:
    """The first of <html lang> and <meta http-equiv="content-language"> in the page, as a code."""
    # One pass over two tags in C (an XPath over the whole tree cost a tenth of the cleaning).
    for el in tree.iter("html", "meta"):
        value = el.get("lang") if el.tag == "html" else el.get("content") if el.get("http-equiv") == "content-language" else None
        if value is not None:
            return value.strip().lower().replace("_", "-").split("-")[0] or None
    return None


@dataclass(frozen=True)
class MarkupBlock:
    """An element whose text is not article body, by what its markup says."""

    rule_id: str
    category: str
    reason: str
    line: int
    text: str  # whitespace-normalized text content


def _marked_blocks(tree) -> list[MarkupBlock]:
    blocks = []
    for el in tree.iter(*_MARKER_TAGS):
        cls, tag = el.get("class"), el.tag
        if tag == "figcaption":
            text = " ".join(el.text_content().split())
            if text:
                blocks.append(MarkupBlock(CAPTION, "meta", "photo caption (figcaption)", el.sourceline or 0, text))
            continue
        if not cls or (tag != "aside" and not _MAY_BE_MARKED.search(cls.lower())):
            continue
        for (rule_id, category, reason, tags, _), pattern in _MARKER_RES:
            if tag in tags and pattern.search(cls):
                text = " ".join(el.text_content().split())
                if text:
                    blocks.append(MarkupBlock(rule_id, category, reason, el.sourceline or 0, text))
                break
    return blocks


def _other_articles(tree) -> list:
    """The <article> elements of the other stories of a page that holds several whole
    articles, each in its own <article> with its own <h1> (an infinite-scroll page gives the
    next stories in full): the page's own is the one whose <h1> its <title> names. Sections of
    one article share its <article>, so a page whose headings are all <h1> loses nothing here."""
    title = " ".join((tree.findtext(".//title") or "").split())
    if not title:
        return []
    headed = []
    for article in tree.iter("article"):
        h1 = next(article.iter("h1"), None)
        if h1 is not None and article.getparent() is not None:
            headed.append((article, " ".join(h1.text_content().split())))
    if len(headed) < 2:
        return []
    own = [a for a, headline in headed if len(headline) >= MARK_MIN_CHARS and headline in title]
    # The innermost of them: a site may wrap the whole scroll in an <article> of its own.
    own = [a for a in own if not any(b is not a and a in b.iterancestors() for b in own)]
    if len(own) != 1:
        return []
    ours = own[0]
    related = set(ours.iterancestors()) | set(ours.iterdescendants())
    return [article for article, headline in headed
            if article is not ours and article not in related and headline and headline not in title]


def _article_blocks(articles) -> list[MarkupBlock]:
    blocks = []
    for article in articles:
        headline = " ".join(next(article.iter("h1")).text_content().split())
        text = " ".join(article.text_content().split())
        blocks.append(MarkupBlock(OTHER_ARTICLE, "related", f"another article on the page ('{headline[:60]}')", article.sourceline or 0, text))
    return blocks


# A line shorter than this could come from anywhere; only longer ones are matched to markup.
MARK_MIN_CHARS = 12


def _headlines(tree, other_articles=()) -> list[str]:
    """The page's own headline, as its <title> and <h1> elements give it (not the <h1> of
    another article on the page)."""
    others = set(other_articles)
    texts = [tree.findtext(".//title") or ""] + [
        h.text_content() for h in tree.iter("h1") if not others or others.isdisjoint(h.iterancestors())
    ]
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def _marks(extracted: str, blocks: list[MarkupBlock], headlines: list[str] = ()) -> dict[int, tuple]:
    """The lines of the extracted text that come from marked elements (0-based line -> mark).
    Extraction runs on the untouched page, so the extractor decides as it would alone; what it
    took from an embed or a related box is then removed here, with the markup as evidence.
    A related box often lists the article itself: a line that is the page's headline came from
    the article's header, not from the box."""
    marks = {}
    if not blocks:
        return marks
    lines = extracted.split("\n")
    for n, line in enumerate(lines):
        key = " ".join(line.split())
        if len(key) < MARK_MIN_CHARS:
            continue
        own_headline = any(key in h for h in headlines)
        for b in blocks:
            if key in b.text and not (own_headline and b.category == "related"):
                marks[n] = (b.rule_id, b.category, b.reason, f"text of {b.reason} at line {b.line} of the page")
                break
    # A gallery's captions are its text: captions go only from a page that has more than them.
    captions = [n for n, mark in marks.items() if mark[0] == CAPTION]
    if captions and 2 * sum(len(lines[n]) for n in captions) > len(extracted):
        for n in captions:
            del marks[n]
    return marks


def _extract_trafilatura(tree, url: str | None) -> str:
    import trafilatura

    # Deterministic: no cross-document deduplication cache; comments are not article body.
    text = trafilatura.extract(tree, url=url, include_comments=False, deduplicate=False, include_tables=True)
    return text or ""


def _extract_justext(tree, lang: str | None) -> str:
    import justext
    import lxml.html

    from .stopwords import JUSTEXT_NAMES

    name = JUSTEXT_NAMES.get(lang or "")
    html = lxml.html.tostring(tree, encoding="unicode")
    if name and name in justext.get_stoplists():
        paragraphs = justext.justext(html, justext.get_stoplist(name))
    else:  # no stoplist for the language: jusText's language-independent setting
        paragraphs = justext.justext(html, frozenset(), length_low=20, length_high=60, stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def clean_html_with(cleaner: Cleaner, html: str | bytes, url: str | None = None, lang: str | None = None,
                    backend: str = "trafilatura") -> HtmlCleanResult:
    if backend not in BACKENDS:
        raise ConfigError(f"unknown HTML backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    tree = _parse(html)
    if tree is None:
        return HtmlCleanResult("", lang, False, backend=backend)
    hint = _page_lang(tree)
    others = _other_articles(tree)  # before extraction, which may change the tree
    blocks = _marked_blocks(tree) + _article_blocks(others)
    headlines = _headlines(tree, others) if any(b.category == "related" for b in blocks) else []
    html_removals = [Removal(b.rule_id, b.category, b.reason, b.line, (0, 0), b.text[:300], (f"markup: {b.reason}",)) for b in blocks]
    if backend == "trafilatura":
        extracted = _extract_trafilatura(tree, url)
    else:
        extracted = _extract_justext(tree, lang or hint or _guess_lang(tree))
    if not extracted.strip():
        return HtmlCleanResult("", lang, False, backend=backend, html_removals=html_removals)
    result = cleaner.clean_and_explain(extracted, lang, lang_hint=hint, marks=_marks(extracted, blocks, headlines))
    if result.text and _no_article(result.text):
        result = _nothing_kept(extracted, result)
    return HtmlCleanResult(
        result.text, result.lang, result.lang_detected, result.removals, result.normalizations, result.guarded,
        result.kept_whole, extracted=extracted, backend=backend, html_removals=html_removals,
    )


# What an extractor returns for a page without an article (a home page, a menu, an error
# page) is a handful of link labels: a few words each, no sentence anywhere, little in all.
NO_ARTICLE_MAX_WORDS = 40
MENU_ITEM_MAX_WORDS = 4


def _no_article(text: str) -> bool:
    if len(text) > NO_ARTICLE_MAX_WORDS * 40:  # far more than 40 words of menu labels can hold
        return False
    from .paragraphs import build_paragraphs

    paragraphs = build_paragraphs(text.split("\n"))
    return (
        sum(p.words for p in paragraphs) <= NO_ARTICLE_MAX_WORDS
        and all(p.words <= MENU_ITEM_MAX_WORDS and not p.sentence_end for p in paragraphs)
    )


def _nothing_kept(extracted: str, result: CleanResult) -> CleanResult:
    from .normalize import split_lines

    lines, _ = split_lines(extracted)
    gone = {r.line for r in result.removals}
    removals = list(result.removals) + [
        Removal("heuristic.meta.no-article", "meta", "the page has no article: nothing in it reads as body text",
                n + 1, lines.spans[n], line.strip(), (f"at most {NO_ARTICLE_MAX_WORDS} words in all", f"every line a label of at most {MENU_ITEM_MAX_WORDS} words, no sentence"))
        for n, line in enumerate(lines.lines)
        if line.strip() and n + 1 not in gone
    ]
    return CleanResult("", result.lang, result.lang_detected, sorted(removals, key=lambda r: r.line), result.normalizations, result.guarded)


def _guess_lang(tree) -> str | None:
    from . import language

    return language.identify(" ".join(tree.text_content().split())[:2000])[0]


def clean_html_and_explain(html: str | bytes, url: str | None = None, lang: str | None = None,
                           backend: str = "trafilatura", **options) -> HtmlCleanResult:
    """Extract the main content of a page and clean it; say what was pruned from the markup,
    what the text rules removed and why."""
    return clean_html_with(default_cleaner(**options), html, url, lang, backend)


def clean_html(html: str | bytes, url: str | None = None, lang: str | None = None,
               backend: str = "trafilatura", **options) -> str:
    """The clean article body of a page (str or bytes in any charset); "" when it has none."""
    return clean_html_and_explain(html, url, lang, backend, **options).text
