"""Scale-out on a real local Dask cluster: two worker processes, output identical to one process."""
import json

import pytest

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'cleantext-articles[dask]')")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

import cleantext  # noqa: E402
from cleantext.dask import clean_bag, clean_column, clean_series  # noqa: E402

from conftest import FIXTURES, cli  # noqa: E402

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS] + [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "clean").glob("*.txt"))]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        with distributed.Client(c) as client:
            yield c, client


def _workers_that_cleaned(client) -> int:
    from cleantext import batch

    return sum(client.run(lambda: batch._CLEANER is not None).values())


def test_bag_of_texts_is_cleaned_as_by_one_process(cluster):
    _, client = cluster
    bag = db.from_sequence(TEXTS + [None], npartitions=4)
    assert clean_bag(bag).compute(scheduler=client.get) == [cleantext.clean(t) for t in TEXTS] + [None]
    assert any(cleantext.clean(t) != t for t in TEXTS)  # the comparison is not between unchanged texts


def test_bag_explain_gives_the_clis_explanation_record(cluster):
    _, client = cluster
    out = clean_bag(db.from_sequence(TEXTS[:2], npartitions=2), explain=True, lang="pt").compute(scheduler=client.get)
    for text, record in zip(TEXTS[:2], out):
        result = cleantext.clean_and_explain(text, lang="pt")
        assert record["text"] == result.text
        assert record["cleantext"]["lang"] == "pt"
        assert [r["rule_id"] for r in record["cleantext"]["removals"]] == [r.rule_id for r in result.removals]


def test_dataframe_column_is_cleaned_in_place_or_into_a_new_column(cluster):
    _, client = cluster
    frame = dd.from_pandas(pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS}), npartitions=3)
    got = clean_column(frame, "text", output="clean").compute(scheduler=client.get)
    assert list(got["clean"]) == [cleantext.clean(t) for t in TEXTS]
    assert list(got["text"]) == TEXTS
    series = clean_series(frame["text"], lang="pt").compute(scheduler=client.get)
    assert list(series) == [cleantext.clean(t, lang="pt") for t in TEXTS]
    with pytest.raises(cleantext.ConfigError, match="no column 'body'"):
        clean_column(frame, "body")


def test_cli_on_the_cluster_writes_what_one_process_writes(cluster, tmp_path):
    c, client = cluster
    corpus = tmp_path / "corpus"
    (corpus / "pages").mkdir(parents=True)
    for p in SEEDS:
        (corpus / p.name).write_bytes(p.read_bytes())
    for p in sorted((FIXTURES / "html").glob("*.html")):
        (corpus / "pages" / p.name).write_bytes(p.read_bytes())
    with open(corpus / "records.jsonl", "w", encoding="utf-8") as f:
        for i in range(150):  # more records than one chunk, so several tasks reach the workers
            f.write(json.dumps({"id": i, "text": TEXTS[i % len(TEXTS)]}, ensure_ascii=False) + "\n")

    single = cli("clean", corpus, "-o", tmp_path / "single", "-j", "1", "--include", "*.txt", "--include", "*.html", "--include", "*.jsonl")
    assert single.returncode == 0, single.stderr
    on_dask = cli("clean", corpus, "-o", tmp_path / "dask", "--scheduler", c.scheduler_address,
                  "--include", "*.txt", "--include", "*.html", "--include", "*.jsonl")
    assert on_dask.returncode == 0, on_dask.stderr
    assert _workers_that_cleaned(client) == 2

    files = sorted(p.relative_to(tmp_path / "single") for p in (tmp_path / "single").rglob("*") if p.is_file())
    assert len(files) == len(SEEDS) + len(list((FIXTURES / "html").glob("*.html"))) + 1
    assert files == sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*") if p.is_file())
    for rel in files:
        assert (tmp_path / "dask" / rel).read_bytes() == (tmp_path / "single" / rel).read_bytes(), rel
    assert on_dask.stderr.split(" in ")[0] == single.stderr.split(" in ")[0]  # same summary counts


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    seed = tmp_path / "a.txt"
    seed.write_bytes(SEEDS[0].read_bytes())
    proc = cli("clean", seed, "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in proc.stderr
    assert not (tmp_path / "out").exists()
