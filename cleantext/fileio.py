"""Reading and writing corpus files: strict decoding, newline style kept, atomic writes."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import CleantextError


class FileError(CleantextError):
    """A file that cannot be read or written; the message names it."""


def decode(data: bytes, name: str) -> str:
    """UTF-8 (a BOM is dropped); anything else is refused with the reason, never guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileError(f"{name}: not valid UTF-8 (bad byte at offset {exc.start}); convert it to UTF-8 first") from None


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise FileError(f"{path}: is a folder") from None
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except PermissionError:
        raise FileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise FileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(data, str(path))


def newline_of(text: str) -> str:
    """The file's own line ending, when it uses one consistently: CRLF files stay CRLF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf == text.count("\n") else "\n"


def in_style(cleaned: str, original: str) -> str:
    """The cleaned text (always LF) written with the original file's line endings."""
    newline = newline_of(original)
    return cleaned.replace("\n", newline) if newline != "\n" else cleaned


class AtomicWriter:
    """A file written beside its target under a temporary name and renamed over the target on
    commit(): a reader, or a run killed at any moment, sees the old file or the new one, never
    part of one. The new file takes the mode of `mode_from` (the input), else of the target.
    When it replaces an existing file, its data reaches the disk (fsync) before the rename, so
    not even a power cut can leave the old data lost and the new not there; a new file skips
    that wait, which would otherwise dominate a run over many small files."""

    def __init__(self, path: Path, mode_from: Path | None = None):
        self.path, self.mode_from = path, mode_from
        try:
            try:
                fd, self.tmp = self._temporary()
            except FileNotFoundError:  # the folder is new: made once, not asked about per file
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, self.tmp = self._temporary()
        except OSError as exc:
            raise FileError(f"{path}: cannot write ({exc.strerror or exc})") from None
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        try:
            self.fh.flush()
            if self.path.exists():
                os.fsync(self.fh.fileno())
            self.fh.close()
            os.chmod(self.tmp, self._mode())
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise FileError(f"{self.path}: cannot write ({exc.strerror or exc})") from None

    def _temporary(self) -> tuple[int, str]:
        return tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".cleantext-tmp", dir=self.path.parent)

    def _mode(self) -> int:
        """The input's permission bits, else the target's, else a new file's."""
        for source in (self.mode_from, self.path):
            if source is not None:
                try:
                    return os.stat(source).st_mode & 0o7777
                except FileNotFoundError:
                    pass
        return 0o666 & ~_umask()

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        Path(self.tmp).unlink(missing_ok=True)


def write_atomic(path: Path, text: str, mode_from: Path | None = None) -> None:
    writer = AtomicWriter(path, mode_from)
    try:
        writer.write(text)
    except BaseException:
        writer.abort()
        raise
    writer.commit()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
