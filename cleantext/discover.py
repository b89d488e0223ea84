"""Which files a run works on: named files, folders walked recursively, globs; include and
exclude patterns; symlinks inside folders are not followed."""
from __future__ import annotations

import fnmatch
import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

STDIN = "-"


HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def is_html(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


@dataclass(frozen=True)
class Input:
    path: Path | None  # None for stdin
    rel: PurePosixPath  # where its output goes under an output folder
    jsonl: bool
    html: bool = False

    @property
    def name(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)

    @property
    def out_rel(self) -> PurePosixPath:
        """Where the cleaned text goes: a page becomes a .txt of the same stem."""
        if not self.html:
            return self.rel
        name = self.rel.name
        for suffix in HTML_SUFFIXES:
            if name.lower().endswith(suffix):
                return self.rel.with_name(name[: -len(suffix)] + ".txt")
        return self.rel


def _matcher(patterns):
    """A test of a relative path (with /) against glob patterns, each tried on the whole path
    and on the file name, as fnmatch does: the patterns compiled into one regex."""
    if not patterns:
        return lambda rel: False
    match = re.compile("|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in patterns)).match

    def matches(rel: str) -> bool:
        rel = os.path.normcase(rel)
        return match(rel) is not None or match(rel.rpartition("/")[2]) is not None

    return matches


def _walk(folder: str, rel: str):
    """(path, path relative to the top, with /) of the files under a folder, in the order of
    os.walk with sorted names: a folder's files, then each subfolder's. Hidden folders (.git,
    .venv) are not corpus; symlinks, to files or folders, are not followed. (os.scandir knows
    what each entry is without a system call per file: a folder of thousands of small files
    is listed in milliseconds.)"""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return  # as os.walk: a folder that cannot be listed is passed over
    subfolders = []
    for entry in entries:
        if entry.is_symlink():
            continue
        if entry.is_dir():
            if not entry.name.startswith("."):
                subfolders.append(entry)
        else:
            yield entry.path, rel + entry.name
    for entry in subfolders:
        yield from _walk(entry.path, rel + entry.name + "/")


def discover(paths: list[str], include, exclude, force_jsonl: bool) -> tuple[list[Input], list[str]]:
    """(inputs in a stable order, one error line per path that names nothing)."""
    inputs: list[Input] = []
    errors: list[str] = []

    def is_jsonl(p: Path) -> bool:
        return force_jsonl or p.suffix.lower() == ".jsonl"

    included, excluded = _matcher(include), _matcher(exclude)

    def add_file(path: Path, rel: PurePosixPath) -> None:
        if not excluded(rel.as_posix()):
            inputs.append(Input(path, rel, is_jsonl(path), not force_jsonl and is_html(path)))

    for raw in paths:
        if raw == STDIN:
            inputs.append(Input(None, PurePosixPath("stdin"), force_jsonl))
            continue
        path = Path(raw)
        if path.is_dir():
            for file, rel_text in _walk(str(path), ""):
                if included(rel_text):
                    add_file(Path(file), PurePosixPath(rel_text))
        elif path.exists() or path.is_symlink():
            add_file(path, PurePosixPath(path.name))
        elif any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                errors.append(f"{raw}: no file matches this pattern")
            for file in files:
                add_file(file, PurePosixPath(file.name))
        else:
            errors.append(f"{raw}: no such file or folder")
    return inputs, errors
