"""Per-repository settings: [tool.cleantext] in pyproject.toml, or a .cleantext.toml.

    [tool.cleantext]                # in .cleantext.toml the table is the whole file
    rules = ["rules/our-site.toml"] # extra rule files, relative to the settings file
    disable = ["pt.meta.byline"]    # rule ids or prefixes ("en.related.")
    lang = "pt"                     # force a language
    include = ["*.txt", "*.md", "*.jsonl"]   # which files a folder run picks up (default: these, .text and HTML)
    exclude = ["drafts/*"]
    text_field = "text"             # the field of JSONL records to clean
    page_dump = false               # inputs are whole-page dumps (--page-dump)
    learn_repeats = false           # learn boilerplate lines from the corpus (--learn-repeats)
    repeat_min_docs = 5             # ... found in at least this many documents of a group

The nearest such file at or above the current folder is used; command-line flags override it.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.jsonl", "*.html", "*.htm", "*.html.gz", "*.htm.gz")
_KEYS = {"rules": list, "disable": list, "lang": str, "include": list, "exclude": list, "text_field": str,
         "page_dump": bool, "learn_repeats": bool, "repeat_min_docs": int}
_TYPE_NAMES = {list: "list", str: "string", bool: "true or false", int: "whole number"}


@dataclass
class Settings:
    rules: list[Path] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    lang: str | None = None
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    text_field: str = "text"
    page_dump: bool = False
    learn_repeats: bool = False
    repeat_min_docs: int = 5
    source: Path | None = None


def find_settings_file(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        dotfile = folder / ".cleantext.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tool" in _load(pyproject) and "cleantext" in _load(pyproject)["tool"]:
            return pyproject
    return None


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the settings ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load_settings(path: Path | None = None, start: Path | None = None) -> Settings:
    """The settings from PATH, or from the nearest settings file; defaults when there is none."""
    path = path or find_settings_file((start or Path.cwd()).resolve())
    if path is None:
        return Settings()
    data = _load(path)
    table = data.get("tool", {}).get("cleantext", {}) if path.name == "pyproject.toml" else data
    where = f"{path} [tool.cleantext]" if path.name == "pyproject.toml" else str(path)
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}")
    for key, typ in _KEYS.items():
        if key in table and (not isinstance(table[key], typ) or (typ is int and isinstance(table[key], bool))):
            raise ConfigError(f"{where}: '{key}' must be a {_TYPE_NAMES[typ]}")
    settings = Settings(source=path)
    settings.rules = [(path.parent / p) for p in table.get("rules", [])]
    settings.disable = [str(x) for x in table.get("disable", [])]
    settings.lang = table.get("lang")
    settings.include = [str(x) for x in table.get("include", DEFAULT_INCLUDE)]
    settings.exclude = [str(x) for x in table.get("exclude", [])]
    settings.text_field = table.get("text_field", "text")
    settings.page_dump = table.get("page_dump", False)
    settings.learn_repeats = table.get("learn_repeats", False)
    settings.repeat_min_docs = table.get("repeat_min_docs", 5)
    return settings
