"""A run killed midway leaves every file wholly old or wholly new."""
import os
import shutil
import signal
import subprocess
import time

from conftest import FIXTURES, cli_command

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def test_killed_in_place_run_leaves_no_half_written_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    old, new = {}, {}
    for i in range(600):
        seed = SEEDS[i % len(SEEDS)]
        path = corpus / f"{i:04d}.txt"
        shutil.copy(seed, path)
        old[path.name] = seed.read_bytes()
        new[path.name] = (FIXTURES / "expected" / seed.name).read_bytes()
    proc = subprocess.Popen(cli_command() + ["clean", str(corpus), "--in-place", "--jobs", "1", "-q"])
    deadline = time.monotonic() + 120
    try:
        # Wait until the run is under way (some files rewritten), then kill it without warning.
        while time.monotonic() < deadline and proc.poll() is None:
            changed = sum(1 for p in corpus.glob("*.txt") if p.read_bytes() != old[p.name])
            if changed >= 50:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run finished before it could be interrupted"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    states = {"old": 0, "new": 0}
    for path in sorted(corpus.glob("*.txt")):
        data = path.read_bytes()
        assert data in (old[path.name], new[path.name]), f"{path.name} is neither the old nor the new file"
        states["old" if data == old[path.name] and data != new[path.name] else "new"] += 1
    assert states["new"] >= 50 and states["old"] > 0, states
    leftovers = [p.name for p in corpus.iterdir() if not p.name.endswith(".txt")]
    assert all(name.startswith(".") and name.endswith(".cleantext-tmp") for name in leftovers), leftovers
