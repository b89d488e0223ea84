"""Properties over generated input: never raises, deterministic, idempotent, and removals
account for every missing line."""
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleantext

from conftest import FIXTURES

# The lines of each seed document, body and noise alike: an article is some of one
# document's lines in any order (an article has one language; its embeds may have another).
DOCUMENTS = []
for gold in sorted((FIXTURES / "seeds").glob("*.gold.json")):
    source = (gold.parent / json.loads(gold.read_text(encoding="utf-8"))["source"]).read_text(encoding="utf-8")
    DOCUMENTS.append([line for line in source.split("\n") if line.strip()])

articles = st.sampled_from(DOCUMENTS).flatmap(
    lambda lines: st.tuples(st.lists(st.sampled_from(lines), min_size=1, max_size=30), st.sampled_from(["\n", "\n\n"]))
).map(lambda t: t[1].join(t[0]) + "\n")
texts = st.one_of(articles, st.text(max_size=400))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Found by the property below: a standfirst with no headline above it, its copy further down,
# and a section label between (the standfirst once passed for the headline, its copy went as a
# repeat, and the label was left mid-text until a second cleaning).
STANDFIRST_COPY = (
    "O Ministro dos Negócios Estrangeiros da Rússia destacou a contribuição de soldados norte-coreanos na luta "
    "pela libertação da região de Kursk, reforçando laços entre os dois países.\nhá 5 horas\nHoje, na cidade de "
    "Wonsan, o Ministro dos Negócios Estrangeiros da Rússia, Sergei Lavrov, revelou que soldados da Coreia do Norte "
    "participaram ativamente na \"libertação da região de Kursk\" dos \"nazis ucranianos\". Segundo Lavrov, essa "
    "colaboração simboliza a \"irmandade inquebrável\" entre os dois países.\nMundo\nO Ministro dos Negócios "
    "Estrangeiros da Rússia destacou a contribuição de soldados norte-coreanos na luta pela libertação da região de "
    "Kursk, reforçando laços entre os dois países.\n"
)


@SETTINGS
@given(texts)
@example(STANDFIRST_COPY)
def test_cleaning_twice_equals_cleaning_once(text):
    once = cleantext.clean(text)
    assert cleantext.clean(once) == once


@SETTINGS
@given(texts)
def test_cleaning_is_deterministic(text):
    assert cleantext.clean_and_explain(text) == cleantext.clean_and_explain(text)


@SETTINGS
@given(articles)
def test_removals_account_for_every_missing_line(text):
    result = cleantext.clean_and_explain(text)
    removed = {r.line for r in result.removals}
    out = result.text.split("\n")
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip() and n not in removed:
            assert any(line.replace(" -", "-").strip() == o or line.strip() == o for o in out), (n, line)


NORMALIZE_ONLY = cleantext.Cleaner(
    cleantext.CleanerConfig(disabled_rules=frozenset({"*"}), remove_embeds=False, remove_related=False,
                            remove_edge_clutter=False, remove_duplicates=False)
)


@SETTINGS
@given(texts)
def test_output_holds_nothing_that_was_not_in_the_normalized_input(text):
    result = cleantext.clean_and_explain(text)
    normalized = NORMALIZE_ONLY.clean_and_explain(text, lang=result.lang).text
    assert set(result.text.split("\n")) <= set(normalized.split("\n"))
