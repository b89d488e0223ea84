"""The hooks, run by the real pre-commit framework in a throwaway corpus repository.

The hook repository is a snapshot of this working tree (tracked and untracked, not ignored
files), committed in a temporary git repository, so the test exercises the code as it stands;
pre-commit installs it into its own virtual environment, as it would for a user."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

NOISY = FIXTURES / "seeds" / "001_6bd77feb658f357a.txt"
CLEAN = FIXTURES / "clean" / "pt_clean_article.txt"


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def init_repo(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    git("init", "-q", cwd=path)
    git("config", "user.email", "test@example.org", cwd=path)
    git("config", "user.name", "test", cwd=path)
    git("config", "commit.gpgsign", "false", cwd=path)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This working tree, committed in a temporary repository: (path, commit)."""
    snap = tmp_path_factory.mktemp("hook-repo")
    files = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (snap / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, snap / name)
    init_repo(snap)
    git("add", "-A", cwd=snap)
    git("commit", "-q", "-m", "snapshot", cwd=snap)
    return snap, git("rev-parse", "HEAD", cwd=snap)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    environ = dict(os.environ)
    environ["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    environ.pop("PRE_COMMIT", None)
    return environ


def pre_commit(repo, env, *args):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900
    )


def test_check_fails_fix_rewrites_then_both_pass(tmp_path, hook_repo, env):
    hook_path, rev = hook_repo
    corpus = tmp_path / "corpus"
    init_repo(corpus)
    (corpus / "articles").mkdir()
    shutil.copy(NOISY, corpus / "articles" / "noisy.txt")
    shutil.copy(CLEAN, corpus / "articles" / "clean.txt")
    (corpus / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_path}\n    rev: {rev}\n    hooks:\n      - id: cleantext-check\n      - id: cleantext-fix\n",
        encoding="utf-8",
    )
    git("add", "-A", cwd=corpus)
    git("commit", "-q", "-m", "a noisy article", cwd=corpus)
    clean_before = (corpus / "articles" / "clean.txt").stat().st_mtime_ns

    check = pre_commit(corpus, env, "run", "cleantext-check", "--all-files")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "articles/noisy.txt:3: pt.promo.join-us" in check.stdout
    assert "clean.txt" not in check.stdout
    assert (corpus / "articles" / "noisy.txt").read_bytes() == NOISY.read_bytes()

    fix = pre_commit(corpus, env, "run", "cleantext-fix", "--all-files")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "fixed articles/noisy.txt" in fix.stdout and "files were modified by this hook" in fix.stdout
    assert (corpus / "articles" / "noisy.txt").read_bytes() == (FIXTURES / "expected" / NOISY.name).read_bytes()

    git("add", "-A", cwd=corpus)
    for hook in ("cleantext-check", "cleantext-fix"):
        again = pre_commit(corpus, env, "run", hook, "--all-files")
        assert again.returncode == 0, again.stdout + again.stderr
    assert (corpus / "articles" / "clean.txt").read_bytes() == CLEAN.read_bytes()
    assert (corpus / "articles" / "clean.txt").stat().st_mtime_ns == clean_before
