import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The suite, and the commands it runs, keep their cache (cleantext/cache.py) to themselves: a
# test run neither reads a user's cache nor leaves files in it.
if "CLEANTEXT_CACHE_DIR" not in os.environ:
    os.environ["CLEANTEXT_CACHE_DIR"] = tempfile.mkdtemp(prefix="cleantext-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CLEANTEXT_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def cleaner():
    from cleantext import Cleaner

    return Cleaner()


def cli_command() -> list[str]:
    """The installed `cleantext` command (or `python -m cleantext` where scripts live elsewhere)."""
    exe = Path(sys.executable).with_name("cleantext")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "cleantext"]


def cli(*args, stdin=None, cwd=None):
    """Run the command as a user would: (returncode, stdout, stderr) in a CompletedProcess."""
    return subprocess.run(cli_command() + [str(a) for a in args], input=stdin, capture_output=True, text=True, cwd=cwd, check=False)
