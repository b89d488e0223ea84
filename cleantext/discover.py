"""Which files a run works on: named files, folders walked recursively, globs; include and
exclude patterns; symlinks inside folders are not followed."""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from fnmatch import fnmatch
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


def _matches(rel: PurePosixPath, patterns) -> bool:
    text = rel.as_posix()
    return any(fnmatch(text, p) or fnmatch(rel.name, p) for p in patterns)


def discover(paths: list[str], include, exclude, force_jsonl: bool) -> tuple[list[Input], list[str]]:
    """(inputs in a stable order, one error line per path that names nothing)."""
    inputs: list[Input] = []
    errors: list[str] = []

    def is_jsonl(p: Path) -> bool:
        return force_jsonl or p.suffix.lower() == ".jsonl"

    def add_file(path: Path, rel: PurePosixPath) -> None:
        if not _matches(rel, exclude):
            inputs.append(Input(path, rel, is_jsonl(path), not force_jsonl and is_html(path)))

    for raw in paths:
        if raw == STDIN:
            inputs.append(Input(None, PurePosixPath("stdin"), force_jsonl))
            continue
        path = Path(raw)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                # Hidden folders (.git, .venv) are not corpus; symlinked folders are not walked.
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink())
                for name in sorted(files):
                    file = Path(folder) / name
                    rel = PurePosixPath(file.relative_to(path).as_posix())
                    if file.is_symlink() or not _matches(rel, include):
                        continue
                    add_file(file, rel)
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
