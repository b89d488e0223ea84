"""cleantext: language-aware removal of boilerplate and noise from article text.

    import cleantext
    body = cleantext.clean(text)                    # the clean article body
    result = cleantext.clean_and_explain(text)      # ... and why each line went
    cleaner = cleantext.Cleaner(cleantext.CleanerConfig(lang="pt"))  # for batches
    body = cleantext.clean_html(page_bytes)         # from HTML
"""
from .cleaner import Cleaner, clean, clean_and_explain
from .config import CleanerConfig
from .html import HtmlCleanResult, clean_html, clean_html_and_explain
from .errors import CleantextError, ConfigError, InputTypeError, RuleFileError, UnknownLanguageError
from .result import CleanResult, GuardedParagraph, NormalizationStep, Removal

__version__ = "0.1.0"

__all__ = [
    "CleanResult",
    "Cleaner",
    "CleanerConfig",
    "CleantextError",
    "ConfigError",
    "GuardedParagraph",
    "InputTypeError",
    "NormalizationStep",
    "Removal",
    "RuleFileError",
    "UnknownLanguageError",
    "clean",
    "clean_and_explain",
    "clean_html",
    "clean_html_and_explain",
    "HtmlCleanResult",
]
