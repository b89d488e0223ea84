import subprocess
import sys
from pathlib import Path

import pytest

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
