"""Command line: `cleantext clean FILE... -o OUT_DIR`.

Follows the conventions of pre-commit hooks and formatters: main(argv) -> int, one-line
errors on stderr (never a traceback), atomic writes, inputs never modified.
Exit status: 0 success, 2 usage, configuration or I/O error.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .cleaner import Cleaner
from .config import CleanerConfig
from .errors import CleantextError


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target:
    a reader (or a crash) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CleantextError(f"{path}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleantext", description="Remove boilerplate and noise from article text.")
    sub = parser.add_subparsers(dest="command", required=True)
    clean = sub.add_parser("clean", help="clean text files into an output folder")
    clean.add_argument("files", nargs="+", type=Path, metavar="FILE")
    clean.add_argument("-o", "--output", type=Path, required=True, metavar="OUT_DIR", help="folder for the cleaned files (same names)")
    clean.add_argument("--lang", help="force the language (ISO 639-1); default: detect per document")
    clean.add_argument("--rules", action="append", default=[], type=Path, metavar="FILE", help="extra rule file (repeatable)")
    clean.add_argument("--disable", action="append", default=[], metavar="RULE_ID", help="rule id or prefix to switch off (repeatable)")
    clean.add_argument("--explain", action="store_true", help="print why each line was removed")
    clean.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return parser


def cmd_clean(args: argparse.Namespace) -> int:
    config = CleanerConfig(lang=args.lang, rule_files=tuple(args.rules), disabled_rules=frozenset(args.disable))
    cleaner = Cleaner(config)
    status = 0
    changed = 0
    for path in args.files:
        try:
            if path.is_dir():
                raise CleantextError(f"{path}: is a folder; name the files to clean (e.g. {path}/*.txt)")
            text = read_text(path)
            result = cleaner.clean_and_explain(text)
            target = args.output / path.name
            if target.resolve() == path.resolve():
                # Cleaning a folder into itself: rewrite only what changes.
                if result.text != text:
                    write_atomic(target, result.text)
            else:
                write_atomic(target, result.text)
            changed += result.text != text
            if args.explain:
                print(f"== {path}\n{result.explain()}")
        except CleantextError as exc:
            print(f"cleantext: {exc}", file=sys.stderr)
            status = 2
        except OSError as exc:
            print(f"cleantext: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
    if not args.quiet:
        print(f"cleaned {len(args.files)} file(s) into {args.output}, {changed} changed", file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its own one-line usage error
        return int(exc.code or 0)
    try:
        return cmd_clean(args)
    except CleantextError as exc:
        print(f"cleantext: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cleantext: interrupted", file=sys.stderr)
        return 130


def entry() -> None:
    sys.exit(main())
