"""Stopword lists per language, read from jusText's stoplists without importing jusText
(whose import pulls in lxml, which text-only runs do not need)."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

# ISO 639-1 -> jusText stoplist name, for the languages the detector and the rule packs know.
JUSTEXT_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ka": "Georgian",
    "kk": "Kazakh", "ko": "Korean", "la": "Latin", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}


def _stoplist_dir() -> Path | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "stoplists"
    return folder if folder.is_dir() else None


@lru_cache(maxsize=64)
def _ranked(lang: str | None) -> tuple[str, ...]:
    """A language's stoplist, case-folded, most frequent first (jusText's order)."""
    name = JUSTEXT_NAMES.get(lang or "")
    folder = _stoplist_dir()
    if not name or folder is None or not (folder / f"{name}.txt").is_file():
        return ()
    words = (w.strip().casefold() for w in (folder / f"{name}.txt").read_text(encoding="utf-8").split("\n"))
    return tuple(dict.fromkeys(w for w in words if w))


@lru_cache(maxsize=64)
def stopwords(lang: str | None) -> frozenset[str]:
    """Case-folded stopwords of a language; empty when there is no list for it."""
    return frozenset(_ranked(lang))


# jusText's lists are a language's most frequent words, and past the first thousand the longer
# ones hold content words in their inflected forms (Korean's, of 13,222, holds "앨범은" and
# "타이틀곡": the album, the title track). What an article is about is read without only the
# most frequent ones.
TOPIC_STOPWORDS = 1000


@lru_cache(maxsize=64)
def topic_stopwords(lang: str | None) -> frozenset[str]:
    """The language's most frequent words: what says nothing of an article's topic."""
    return frozenset(_ranked(lang)[:TOPIC_STOPWORDS])
