"""The user's cache folder: derived data that is slow to build and quick to read back.

Each thing kept there is one file named by a hash of everything it was built from, so a
change to any of that simply means another file: py3langid's model unpacked
(langid_model.py), the built-in rule files parsed (rules.py), each language's compiled
patterns (pattern_cache.py) and the rules each paragraph opening leaves (opening_cache.py). A cache only saves time:
whatever goes wrong with it (no writable folder, a damaged file) is the slow path, never a
different result or an error.

CLEANTEXT_CACHE_DIR names the folder (set but empty: no cache); else $XDG_CACHE_HOME/cleantext,
else ~/.cache/cleantext.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path | None:
    configured = os.environ.get("CLEANTEXT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:  # no home folder to be found: no cache
            return None
    return Path(base) / "cleantext"


def cache_path(kind: str, *sources: str | bytes) -> Path | None:
    """Where the `kind` built from these sources is kept (None: caching is off)."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for source in sources:
        data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
        digest.update(len(data).to_bytes(8, "little") + data)
    return folder / f"{kind}-{digest.hexdigest()[:20]}"


# Entries of one kind kept at most: an upgrade leaves its old entries behind, while several
# installs (virtual environments) may share the folder, each with its own.
KEEP_PER_KIND = 4


def write_whole(path: Path, write) -> None:
    """`write(file)` fills a temporary file beside `path`, which is then renamed over it:
    processes that build the same entry at once each write a whole file, and readers never
    see part of one. The oldest entries of the same kind beyond KEEP_PER_KIND go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    kind = path.name.rsplit("-", 1)[0]
    entries = sorted(path.parent.glob(f"{kind}-*"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    for old in entries[KEEP_PER_KIND:]:
        old.unlink(missing_ok=True)
