"""HTML in, clean body out: main-content extraction (trafilatura, or jusText), then the same
rules and heuristics as for plain text.

Before the page is flattened, what its markup still says is used: social embeds (a tweet's
blockquote, an Instagram or TikTok embed) and "related articles" containers are pruned, and
the page's `lang` attribute is a hint when the text alone does not tell the language. These
modules (trafilatura, jusText, lxml) are imported only when HTML is cleaned, so text-only runs
do not pay for them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .cleaner import Cleaner, default_cleaner
from .errors import ConfigError, InputTypeError
from .result import CleanResult, Removal

BACKENDS = ("trafilatura", "justext")

# Markup of social embeds and "read also" boxes, by what the platforms and common CMS write.
# Each entry: (rule id, category, reason, XPath).
_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
HTML_PRUNES = (
    ("html.embed.tweet", "embed", "embedded tweet (blockquote.twitter-tweet)",
     f"//blockquote[{_CLASS.format('twitter-tweet')} or {_CLASS.format('twitter-video')}]"),
    ("html.embed.instagram", "embed", "embedded Instagram post (blockquote.instagram-media)",
     f"//blockquote[{_CLASS.format('instagram-media')}]"),
    ("html.embed.tiktok", "embed", "embedded TikTok video (blockquote.tiktok-embed)",
     f"//blockquote[{_CLASS.format('tiktok-embed')}]"),
    ("html.embed.facebook", "embed", "embedded Facebook post (div.fb-post)",
     f"//div[{_CLASS.format('fb-post')} or {_CLASS.format('fb-video')}]"),
    ("html.related.container", "related", "'related articles' box (aside or container named related, read-more, more-stories)",
     "//aside[re:test(@class, '(^|[ _-])(related|read-?more|more-stories|recommended|most-read|most-popular)([ _-]|$)', 'i')]"
     " | //div[re:test(@class, '(^|[ _-])(related-(posts|articles|stories|news|content)|read-?also|more-stories|most-read|most-popular|recommended-(posts|articles|stories))([ _-]|$)', 'i')]"
     " | //section[re:test(@class, '(^|[ _-])(related-(posts|articles|stories|news|content)|read-?also|more-stories|most-read)([ _-]|$)', 'i')]"),
)
_RE_NS = {"re": "http://exslt.org/regular-expressions"}
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass
class HtmlCleanResult(CleanResult):
    """A CleanResult for a page: `text` is the clean body, `extracted` the extractor's text
    that `removals` (line numbers and spans) refer to, `html_removals` what was pruned from the
    markup before extraction (line = the element's source line, span = (0, 0)), `backend` the
    extractor used."""

    extracted: str = ""
    backend: str = "trafilatura"
    html_removals: list[Removal] = field(default_factory=list)


def _decode(html: str | bytes) -> str:
    if isinstance(html, str):
        return html
    if isinstance(html, (bytes, bytearray)):
        from trafilatura.utils import decode_file

        return decode_file(bytes(html))  # BOM, <meta charset>, then charset detection
    raise InputTypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")


def _parse(text: str):
    import lxml.html

    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return None


def _page_lang(tree) -> str | None:
    for value in tree.xpath("/html/@lang | //html/@lang | //meta[@http-equiv='content-language']/@content")[:1]:
        return str(value).strip().lower().replace("_", "-").split("-")[0] or None
    return None


def _prune(tree) -> list[Removal]:
    removals = []
    for rule_id, category, reason, xpath in HTML_PRUNES:
        for el in tree.xpath(xpath, namespaces=_RE_NS):
            if el.getparent() is None:
                continue
            text = " ".join(el.text_content().split())
            removals.append(Removal(rule_id, category, reason, el.sourceline or 0, (0, 0), text[:300], (f"markup: {reason}",)))
            tail = el.tail
            parent = el.getparent()
            if tail and tail.strip():  # keep the text that follows the element
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(el)
    return removals


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
    tree = _parse(_decode(html))
    if tree is None:
        return HtmlCleanResult("", lang, False, backend=backend)
    hint = _page_lang(tree)
    html_removals = _prune(tree)
    if backend == "trafilatura":
        extracted = _extract_trafilatura(tree, url)
    else:
        extracted = _extract_justext(tree, lang or hint or _guess_lang(tree))
    if not extracted.strip():
        return HtmlCleanResult("", lang, False, backend=backend, html_removals=html_removals)
    result = cleaner.clean_and_explain(extracted, lang, lang_hint=hint)
    if _no_article(result.text):
        result = _nothing_kept(extracted, result)
    return HtmlCleanResult(
        result.text, result.lang, result.lang_detected, result.removals, result.normalizations, result.guarded,
        extracted=extracted, backend=backend, html_removals=html_removals,
    )


# What an extractor returns for a page without an article (a home page, a menu, an error
# page) is a handful of links: no paragraph that reads as prose, and little text at all.
NO_ARTICLE_MAX_WORDS = 40


def _no_article(text: str) -> bool:
    from .paragraphs import BODY, build_paragraphs

    paragraphs = build_paragraphs(text.split("\n"))
    return sum(p.words for p in paragraphs) <= NO_ARTICLE_MAX_WORDS and not any(p.initial == BODY for p in paragraphs)


def _nothing_kept(extracted: str, result: CleanResult) -> CleanResult:
    from .normalize import split_lines

    lines, _ = split_lines(extracted)
    gone = {r.line for r in result.removals}
    removals = list(result.removals) + [
        Removal("heuristic.meta.no-article", "meta", "the page has no article: nothing in it reads as body text",
                n + 1, lines.spans[n], line.strip(), (f"at most {NO_ARTICLE_MAX_WORDS} words in all", "no paragraph is a sentence of 8+ words"))
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
