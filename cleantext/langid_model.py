"""py3langid's model, unpacked once and then mapped into memory.

py3langid ships its model LZMA-compressed (4.6 MB; 68 MB unpacked, 97 MB as kept here). Unpacking it and building
its tables takes about 0.6 s in every process that starts: most of the start-up of a
`cleantext` run, paid again by a pre-commit hook on every commit, and the part of a `--jobs 2`
run that no second core can share. So the unpacked tables are written once to the user's cache
(cache.py) as one file; later processes map it (pages are read as the detector touches them,
and are shared between processes), which takes a few milliseconds. The entry is keyed to the
installed model: its path, size and modification time, and py3langid's version.

The mapped model also reads text differently, with the same result. py3langid walks its
automaton (Aho-Corasick, over the UTF-8 bytes) one byte at a time in Python: each step waits for
the last, and inside a cleaning run, where the 39 MB table is out of the processor's cache, each
step waits for memory. But the state after a byte is the longest suffix of the text that is a
node of the automaton's trie, so it depends on the last `depth` bytes alone (the deepest node;
6 for this model). Walking every window of `depth` bytes at once, in NumPy, gives every state
with `depth` vectorized steps whose look-ups do not wait for one another; the features are then
counted in the order py3langid meets them, so the scores are bit-identical.
"""
from __future__ import annotations

import json
import mmap
from collections import Counter
from pathlib import Path

from .cache import cache_path, write_whole

MAGIC = b"cleantext-langid-3\n"
_ALIGN = 64
# The arrays of py3langid's model file, and how the detector indexes each: the transition
# tables and the feature of each state are read one byte of text at a time from Python, so they
# become flat memoryviews (as fast to index as py3langid's own array.array); the two score
# tables stay NumPy arrays.
_FLAT = {"nextmove": "nextmove", "nextmove_row": "row", "out_feat": "out"}
_NUMPY = ("ptc", "pc")


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def load_identifier():
    """py3langid's LanguageIdentifier (norm_probs=True), from the cache when it can be."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        path = _cache_entry(model)
        if path is not None:
            if not path.exists():
                _write_cache(model, path)
            return _from_cache(path, LanguageIdentifier)
    except Exception:  # the cache saves time; whatever fails with it, the slow path serves
        pass
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _cache_entry(model: Path) -> Path | None:
    import py3langid

    st = model.stat()
    return cache_path("langid", str(model.resolve()), str(st.st_size), str(st.st_mtime_ns),
                      getattr(py3langid, "__version__", ""), MAGIC)


def _write_cache(model: Path, path: Path) -> None:
    """The model's arrays, unpacked, in one file: a JSON header, then each array aligned."""
    import io
    import lzma

    import numpy as np

    with np.load(io.BytesIO(lzma.decompress(model.read_bytes())), allow_pickle=False) as data:
        arrays = {name: np.ascontiguousarray(data[name]) for name in (*_FLAT, *_NUMPY)}
        # Scores are summed in float32 either way; a float32 table spares NumPy converting the
        # rows of every document from float16 (half the scoring time; the sums are bit-identical).
        arrays["ptc"] = arrays["ptc"].astype(np.float32)
        classes = data["classes"].tolist()
    walk = _window_walk(arrays["nextmove"], arrays["nextmove_row"])
    layout, offset = {}, 0
    for name, arr in arrays.items():
        layout[name] = {"dtype": arr.dtype.str, "shape": list(arr.shape), "offset": offset, "nbytes": arr.nbytes}
        offset += _aligned(arr.nbytes)
    header = json.dumps({"classes": classes, "arrays": layout, "size": offset, "walk": walk}).encode()
    start = _aligned(len(MAGIC) + 8 + len(header))

    def write(fh):
        fh.write(MAGIC + len(header).to_bytes(8, "little") + header)
        for name, arr in arrays.items():
            fh.seek(start + layout[name]["offset"])
            fh.write(arr.tobytes())
        fh.truncate(start + offset)

    write_whole(path, write)


def _window_walk(nextmove, rows) -> dict | None:
    """What the windowed walk needs to know of the automaton: its depth (the most steps from
    the start state to any state, breadth first) and a byte that leads every state back to the
    start (so that padding the text with it starts every window afresh); None if it has no such
    byte, and then py3langid's own walk serves."""
    import numpy as np

    table = nextmove.reshape(-1, 256)
    resets = np.flatnonzero((table == 0).all(axis=0))
    if not len(resets):
        return None
    seen = np.zeros(len(rows), bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    while len(frontier):
        reached = np.unique(table[rows[frontier]])
        frontier = reached[~seen[reached]]
        seen[frontier] = True
        depth += 1 if len(frontier) else 0
    return {"depth": int(depth), "reset": int(resets[-1])}


class _Walks:
    """Feature counts of a text by the windowed walk (see the module's docstring)."""

    def __init__(self, nextmove, rows, out, depth: int, reset: int):
        import numpy as np

        # The tables keep the model's own types (the memoryviews carry them); row offsets are
        # widened before the shift.
        self.nextmove, self.out = np.asarray(nextmove), np.asarray(out)
        self.rowbase = np.asarray(rows).astype(np.int64) << 8
        self.depth, self.pad = depth, bytes([reset]) * (depth - 1)

    def __call__(self, text: bytes) -> Counter | None:
        import numpy as np

        n = len(text)
        padded = np.frombuffer(self.pad + text, np.uint8)
        states = np.zeros(n, np.int64)
        nextmove, rowbase = self.nextmove, self.rowbase
        for k in range(self.depth):
            states = nextmove[rowbase[states] + padded[k: k + n]]
        features = self.out[states]
        found = features[features >= 0].tolist()
        return Counter(found) if found else None


def _identifier_class(base):
    class WindowedIdentifier(base):
        """py3langid's LanguageIdentifier, its automaton walked by windows."""

        walks: _Walks

        def _raw_score(self, text):
            visits = self.walks(text) if text else None
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)  # no feature at all: py3langid's own answer

    return WindowedIdentifier


def _from_cache(path: Path, identifier_class):
    import numpy as np

    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError(f"{path}: not a cleantext language-model cache")
    size = int.from_bytes(mapped[len(MAGIC): len(MAGIC) + 8], "little")
    header = json.loads(mapped[len(MAGIC) + 8: len(MAGIC) + 8 + size])
    start = _aligned(len(MAGIC) + 8 + size)
    if len(mapped) != start + header["size"]:
        raise ValueError(f"{path}: truncated")
    view = memoryview(mapped)
    tables = {}
    for name, spec in header["arrays"].items():
        dtype = np.dtype(spec["dtype"])
        begin = start + spec["offset"]
        if name in _FLAT:
            tables[_FLAT[name]] = view[begin: begin + spec["nbytes"]].cast(dtype.char)
        else:
            count = spec["nbytes"] // dtype.itemsize
            tables[name] = np.frombuffer(mapped, dtype, count, begin).reshape(spec["shape"])
    args = (tables["ptc"], tables["pc"], header["classes"], tables["nextmove"], tables["out"])
    walk = header.get("walk")
    if not walk:
        return identifier_class(*args, norm_probs=True, tk_row=tables["row"])
    ident = _identifier_class(identifier_class)(*args, norm_probs=True, tk_row=tables["row"])
    ident.walks = _Walks(tables["nextmove"], tables["row"], tables["out"], walk["depth"], walk["reset"])
    return ident
