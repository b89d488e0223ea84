"""py3langid's model, unpacked once and then mapped into memory.

py3langid ships its model LZMA-compressed (4.6 MB; 68 MB unpacked, 97 MB as kept here). Unpacking it and building
its tables takes about 0.6 s in every process that starts: most of the start-up of a
`cleantext` run, paid again by a pre-commit hook on every commit, and the part of a `--jobs 2`
run that no second core can share. So the unpacked tables are written once to the user's cache
(cache.py) as one file; later processes map it (pages are read as the detector touches them,
and are shared between processes), which takes a few milliseconds. The entry is keyed to the
installed model: its path, size and modification time, and py3langid's version.
"""
from __future__ import annotations

import json
import mmap
from pathlib import Path

from .cache import cache_path, write_whole

MAGIC = b"cleantext-langid-2\n"
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
    layout, offset = {}, 0
    for name, arr in arrays.items():
        layout[name] = {"dtype": arr.dtype.str, "shape": list(arr.shape), "offset": offset, "nbytes": arr.nbytes}
        offset += _aligned(arr.nbytes)
    header = json.dumps({"classes": classes, "arrays": layout, "size": offset}).encode()
    start = _aligned(len(MAGIC) + 8 + len(header))

    def write(fh):
        fh.write(MAGIC + len(header).to_bytes(8, "little") + header)
        for name, arr in arrays.items():
            fh.seek(start + layout[name]["offset"])
            fh.write(arr.tobytes())
        fh.truncate(start + offset)

    write_whole(path, write)


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
    return identifier_class(tables["ptc"], tables["pc"], header["classes"], tables["nextmove"], tables["out"],
                            norm_probs=True, tk_row=tables["row"])
