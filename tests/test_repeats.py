"""Learning boilerplate from the corpus: lines many documents of a folder or site share."""
import json
import random

from cleantext.repeats import RULE_ID, RepeatCounts, line_key
from conftest import cli

TOPICS = ["council", "budget", "schools", "roads", "buses", "parking", "bridge", "river", "museum", "library",
          "hospital", "market", "harbour", "tram", "park"]


def _article(i: int) -> str:
    a, b = TOPICS[i % len(TOPICS)], TOPICS[(i + 7) % len(TOPICS)]
    return (f"The {a} debate dominated the evening, as residents and officials argued about the future of the {b} for hours.\n"
            f"Officials said a decision on the {b} would come next month, after talking to people who use the {a} every day.\n")


def _page(i: int) -> str:
    return f"Harbour Gazette — Your city, your news\n{_article(i)}Gazette Media 20{i:02d} — Report an error\n"


def _corpus(folder, names):
    folder.mkdir(parents=True)
    for i, name in enumerate(names):
        (folder / name).write_text(_page(i), encoding="utf-8")


def test_lines_shared_by_many_documents_of_a_folder_are_removed_and_explained(tmp_path):
    _corpus(tmp_path / "site", [f"{i}.txt" for i in range(6)])
    proc = cli("clean", tmp_path / "site", "-o", tmp_path / "out", "--learn-repeats", "--explain")
    assert proc.returncode == 0, proc.stderr
    for i in range(6):
        assert (tmp_path / "out" / f"{i}.txt").read_text(encoding="utf-8") == _article(i)
    assert f"[{RULE_ID}] (repeated) repeated in 6 of 6 documents" in proc.stdout
    assert "repeated 12" in proc.stderr  # the batch summary counts them per category


def test_without_the_flag_nothing_is_learned(tmp_path):
    _corpus(tmp_path / "site", [f"{i}.txt" for i in range(6)])
    cli("clean", tmp_path / "site", "-o", tmp_path / "out")
    assert (tmp_path / "out" / "0.txt").read_text(encoding="utf-8") == _page(0)


def test_learning_does_not_depend_on_file_order_or_workers(tmp_path):
    names = [f"{i}.txt" for i in range(8)]
    _corpus(tmp_path / "a", names)
    shuffled = list(reversed(names))
    (tmp_path / "b").mkdir()
    for src, dst in zip(names, shuffled):  # same documents under other names, so in another order
        (tmp_path / "b" / dst).write_bytes((tmp_path / "a" / src).read_bytes())
    cli("clean", tmp_path / "a", "-o", tmp_path / "out_a", "--learn-repeats", "-j", "1")
    cli("clean", tmp_path / "b", "-o", tmp_path / "out_b", "--learn-repeats", "-j", "2")
    for src, dst in zip(names, shuffled):
        assert (tmp_path / "out_a" / src).read_bytes() == (tmp_path / "out_b" / dst).read_bytes()


def test_copies_of_one_document_teach_nothing(tmp_path):
    (tmp_path / "site").mkdir()
    for i in range(6):
        (tmp_path / "site" / f"{i}.txt").write_text(_page(0), encoding="utf-8")
    cli("clean", tmp_path / "site", "-o", tmp_path / "out", "--learn-repeats")
    assert (tmp_path / "out" / "3.txt").read_text(encoding="utf-8") == _page(0)


def test_jsonl_records_are_grouped_by_site(tmp_path):
    src = tmp_path / "corpus.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(6):
            f.write(json.dumps({"url": f"https://www.gazette.example/news/{i}", "text": _page(i)}) + "\n")
        for i in range(3):  # the same footer on another site, too rarely there to learn it
            f.write(json.dumps({"url": f"https://other.example/{i}", "text": _page(i + 6)}) + "\n")
    proc = cli("clean", src, "-o", tmp_path / "out", "--learn-repeats")
    assert proc.returncode == 0, proc.stderr
    texts = [json.loads(line)["text"] for line in (tmp_path / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert texts[:6] == [_article(i) for i in range(6)]
    assert texts[6:] == [_page(i + 6) for i in range(3)]


def test_counts_are_the_same_in_any_order():
    docs = [("g", _page(i)) for i in range(10)] + [("h", _page(i)) for i in range(4)] + [("g", _page(3))]
    first = RepeatCounts()
    for g, t in docs:
        first.add(g, t)
    random.Random(0).shuffle(docs)
    second = RepeatCounts()
    for g, t in docs:
        second.add(g, t)
    assert first.documents == second.documents == {"g": 10, "h": 4}  # the copy of page 3 counts once
    assert first.lines == second.lines
    assert set(first.repeated(5)) == {"g"}  # group h has only four documents


def test_line_keys_ignore_case_digits_and_punctuation_and_skip_long_lines():
    assert line_key("© 2024 Example Media. All rights reserved") == line_key("© 2025 EXAMPLE MEDIA — all rights reserved!")
    assert line_key("ok") is None
    assert line_key(" ".join(["word"] * 40)) is None


def test_learning_can_be_switched_on_in_the_settings(tmp_path):
    _corpus(tmp_path / "site", [f"{i}.txt" for i in range(4)])
    (tmp_path / ".cleantext.toml").write_text("learn_repeats = true\nrepeat_min_docs = 3\n", encoding="utf-8")
    proc = cli("clean", "site", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "0.txt").read_text(encoding="utf-8") == _article(0)
