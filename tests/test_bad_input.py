"""Bad input gets a clear one-line error or a sensible result, and nothing is lost.
The table in README.md ("Bad input") lists these cases and what happens."""
import os

import cleantext
from cleantext import Cleaner, CleanerConfig

from conftest import FIXTURES, cli

NOISY = FIXTURES / "seeds" / "001_6bd77feb658f357a.txt"
EXPECTED = FIXTURES / "expected" / NOISY.name


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(NOISY.read_text(encoding="utf-8").encode("utf-16"))
    assert cli("clean", path, "-o", tmp_path / "out", "-q").returncode == 0
    assert (tmp_path / "out" / "utf16.txt").read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NOISY.read_bytes())
    assert cli("clean", path, "-o", tmp_path / "out", "-q").returncode == 0
    assert (tmp_path / "out" / "bom.txt").read_bytes() == EXPECTED.read_bytes()


def test_other_encodings_are_refused_with_a_reason_and_nothing_is_written(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Não é possível – disse o ministro.".encode("cp1252"))
    proc = cli("clean", path, "-o", tmp_path / "out")
    assert proc.returncode == 2 and "not valid UTF-8 (bad byte at offset 1); convert it to UTF-8 first" in proc.stderr
    assert not (tmp_path / "out" / "cp1252.txt").exists()
    assert path.read_bytes() == "Não é possível – disse o ministro.".encode("cp1252")


def test_nul_bytes_are_removed_and_reported():
    result = cleantext.clean_and_explain("O governo aprovou\x00 hoje o orçamento depois de um longo debate no parlamento.\n")
    assert "\x00" not in result.text and "remove-invisible" in {s.name for s in result.normalizations}


def test_a_20_mb_single_line_finishes():
    text = "palavra " * 2_500_000
    result = Cleaner(CleanerConfig(time_limit=None)).clean_and_explain(text)
    assert result.text == text.strip() and not result.removals


def test_empty_file_gives_an_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert cli("clean", tmp_path / "empty.txt", "-o", tmp_path / "out", "-q").returncode == 0
    assert (tmp_path / "out" / "empty.txt").read_bytes() == b""


def test_deeply_nested_and_truncated_html_give_text_not_exceptions():
    nested = "<html><body>" + "<div>" * 5000 + "<p>O governo aprovou hoje o orçamento.</p>" + "</div>" * 5000 + "</body></html>"
    assert isinstance(cleantext.clean_html(nested), str)
    page = (FIXTURES / "html" / "pt_article_tweet_related.html").read_bytes()
    for cut in (10, 200, len(page) // 2, len(page) - 30):
        assert isinstance(cleantext.clean_html(page[:cut]), str)
    assert isinstance(cleantext.clean_html(b"\x00\xff\xfe<html>\x00"), str)


def test_symlinks_inside_a_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(NOISY.read_bytes())
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.txt").write_bytes(NOISY.read_bytes())
    os.symlink(outside / "secret.txt", tree / "link.txt")
    os.symlink(outside, tree / "linked-folder")
    assert cli("clean", tree, "-o", tmp_path / "out", "-q").returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["own.txt"]
    assert cli("fix", tree).returncode == 1
    assert (outside / "secret.txt").read_bytes() == NOISY.read_bytes()


def test_a_symlink_named_on_the_command_line_is_read(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(NOISY.read_bytes())
    link = tmp_path / "link.txt"
    os.symlink(target, link)
    assert cli("check", link).returncode == 1


def test_a_folder_is_walked_in_a_stable_order_without_hidden_folders(tmp_path):
    from cleantext.discover import discover

    tree = tmp_path / "tree"
    for rel in ["b.txt", "a.txt", ".hidden-file.txt", "z/2.txt", "z/1.txt", "m/deep/x.txt", ".git/HEAD.txt",
                "m/.venv/lib.txt", "m/y.txt"]:
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text("text\n", encoding="utf-8")
    inputs, errors = discover([str(tree)], ["*.txt"], [], False)
    assert errors == []
    # a folder's own files first, then each subfolder's, names sorted; hidden files are corpus,
    # hidden folders are not
    assert [i.rel.as_posix() for i in inputs] == [
        ".hidden-file.txt", "a.txt", "b.txt", "m/y.txt", "m/deep/x.txt", "z/1.txt", "z/2.txt"]
    assert all(i.path == tree / i.rel for i in inputs)
