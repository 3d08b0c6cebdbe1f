"""One store suite, run on every backend: the embedded SQLite store and PostgreSQL (a throwaway
server started for the session, tests/postgres.py).  Each test gets an empty store of its own."""
import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from conftest import ROOT, TEXTS, ingested
from ingest import ingest_paths
from index.store import Store, StoreError, has_store, index_target
from postgres import fresh_database, postgres_server, postgres_url  # noqa: F401  (fixtures)

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    """What --index is given: a folder, or a postgresql:// URL of an empty database."""
    if request.param == "sqlite":
        return str(tmp_path / "ix")
    return request.getfixturevalue("postgres_url")


def _without_times(rows):
    return [{k: v for k, v in r.items() if k not in ("id", "doc_id", "ingested_at")} for r in rows]


def _contents(store):
    """Everything the store reads back, for comparing one store with another."""
    return {"documents": _without_times(store.documents()), "facts": list(store.facts()),
            "passages": store.passages(), "warnings": store.warnings(),
            "tables": {d["name"]: _without_times(store.tables(d["name"])) for d in store.documents()},
            "reports": [r["name"] for r in store.reports()]}


def test_the_target_picks_the_backend(target):
    with Store(target) as store:
        assert store.backend == ("postgresql" if target.startswith("postgresql://") else "sqlite")
    with Store(index_target(target)) as store:  # the folder an --index argument becomes opens the same store
        assert store.backend == ("postgresql" if target.startswith("postgresql://") else "sqlite")


def test_an_index_holds_a_store_once_one_was_written(target):
    assert not has_store(index_target(target))
    with Store(target) as store:
        store.put(ingested(TEXTS[0]))
    assert has_store(index_target(target)) and has_store(target)


def test_documents_tables_facts_passages_and_warnings_read_back_as_written(target):
    doc = ingested(TEXTS[0])
    with Store(target) as store:
        store.put(doc)
        [stored] = store.documents()
        assert (stored["name"], stored["sha256"], stored["department"], stored["year"]) == \
            (doc.name, doc.sha256, doc.meta.department, doc.meta.year)
        assert stored["n_facts"] == len(doc.facts) and stored["n_tables"] == len(doc.tables)
        facts = list(store.facts(doc.name))
        assert [(f["row_label"], f["column"], f["value_text"], f["number"], f["page"], f["line"]) for f in facts] == \
            [(f.row_label, f.column, f.value_text, f.number, f.page, f.line) for f in doc.facts]
        assert [p["text"] for p in store.passages(doc.name)] == [p.text for p in doc.passages]
        assert [w["message"] for w in store.warnings(doc.name)] == [w.message for w in doc.warnings]
        tables = store.tables(doc.name)
        assert [t["title"] for t in tables] == [t.title for t in doc.tables]
        assert [[c["text"] for c in row] for row in tables[0]["grid"]] == [[c.text for c in row] for row in doc.tables[0].grid]
        assert store.document(sha256=doc.sha256)["name"] == doc.name and store.document(doc.name)["current"]
        assert store.sha_of(doc.name) == doc.sha256


def test_decimal_text_is_kept_exactly_and_blank_zero_and_missing_stay_distinct(target):
    doc = ingested(TEXTS[4])
    first = doc.facts[0]
    odd = [dataclasses.replace(first, row_label="甲", value_text="0.10", number=Decimal("0.10")),
           dataclasses.replace(first, row_label="乙", value_text="0.00", number=Decimal("0.00")),
           dataclasses.replace(first, row_label="丙", value_text="", value_state="text", number=None),
           dataclasses.replace(first, row_label="丁", value_text="12345678901234.567", number=Decimal("12345678901234.567"))]
    doc = dataclasses.replace(doc, facts=tuple(doc.facts) + tuple(odd))
    with Store(target) as store:
        store.put(doc)
        got = {f["row_label"]: f for f in store.facts(doc.name) if f["row_label"] in "甲乙丙丁"}
        summary = next(t for t in store.tables(doc.name) if t["kind"] == "收入支出决算总表")
        grids = [[[c["text"] for c in row] for row in t["grid"]] for t in store.tables(doc.name)]
        missing = [f for f in store.facts(doc.name) if f["row_label"] == "戊"]
    assert str(got["甲"]["number"]) == "0.10" and got["甲"]["value_text"] == "0.10"
    assert str(got["乙"]["number"]) == "0.00" and got["乙"]["number"] == 0
    assert got["丙"]["number"] is None and got["丙"]["value_text"] == ""
    assert str(got["丁"]["number"]) == "12345678901234.567"
    assert got["丙"]["value_state"] == "text" and got["乙"]["value_state"] == got["甲"]["value_state"]
    assert missing == []  # a cell never printed is no fact at all, not a blank or a zero
    texts = [c["text"] for row in summary["grid"] for c in row]
    assert "" in texts and "292. 90" in texts  # blank and printed cells of the grid, as printed
    assert grids == [[[c.text for c in row] for row in t.grid] for t in doc.tables]


def test_reingesting_is_idempotent(target):
    with Store(target) as store:
        ingest_paths([TEXTS[0], TEXTS[1]], store)
        before = _contents(store)
        skipped = ingest_paths([TEXTS[0], TEXTS[1]], store)
        assert all(r.skipped for r in skipped)
        ingest_paths([TEXTS[0]], store, force=True)
        assert _contents(store) == before
        assert len(store.documents()) == 2


def test_rename_remove_and_replace(target):
    a, b = ingested(TEXTS[0]), ingested(TEXTS[1])
    with Store(target) as store:
        store.put(a)
        store.put(b)
        n_b = len(list(store.facts(b.name)))
        store.rename(b.name, a.name)  # b takes a's place
        assert [d["name"] for d in store.documents()] == [a.name]
        assert len(list(store.facts(a.name))) == n_b and store.document(a.name)["sha256"] == b.sha256
        assert store.remove(a.name) and not store.remove(a.name)
        assert store.documents() == [] and list(store.facts()) == [] and store.passages() == []
        store.put(a)
        store.put(dataclasses.replace(a, passages=a.passages[:1]))  # replaced, not added to
        assert len(store.passages(a.name)) == 1 and len(store.documents()) == 1


def test_a_write_that_fails_midway_leaves_the_previous_contents(target):
    doc = ingested(TEXTS[0])
    with Store(target) as store:
        store.put(doc)
        before = _contents(store)
        broken = dataclasses.replace(doc, passages=(None,))  # fails after facts were written
        with pytest.raises(AttributeError):
            store.put(broken)
        assert _contents(store) == before


_WRITER = """
import sys, time, dataclasses
from pathlib import Path
sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
from conftest import ingested, TEXTS
from index.store import Store

class Stuck:  # the passages: iterated inside the document's transaction, after its facts
    def __iter__(self):
        Path({ready!r}).write_text("writing")
        time.sleep(600)
        return iter(())

doc = ingested(TEXTS[0])
with Store({target!r}) as store:
    store.put(dataclasses.replace(doc, passages=Stuck(), facts=doc.facts[:10]))
"""


def test_a_writer_killed_midway_loses_nothing(target, tmp_path):
    doc = ingested(TEXTS[0])
    with Store(target) as store:
        store.put(doc)
        store.put(ingested(TEXTS[2]))
        before = _contents(store)
    ready = tmp_path / "ready"
    script = _WRITER.format(root=str(ROOT), tests=str(ROOT / "tests"), ready=str(ready), target=target)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=dict(os.environ))
    deadline = time.monotonic() + 120
    while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists(), "the writer never reached the middle of its transaction"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with Store(target, readonly=True) as store:
        assert _contents(store) == before
    with Store(target) as store:  # and the store can be written again
        store.put(ingested(TEXTS[1]))
        assert len(store.documents()) == 3


def test_opening_a_missing_index_readonly_says_how_to_build_it(target):
    with pytest.raises(StoreError, match="没有索引，请先运行：python -m ingest --index"):
        Store(target, readonly=True)


def test_a_server_that_cannot_be_reached_is_a_chinese_message(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGET_QA_CACHE", str(tmp_path))
    url = f"postgresql://someone:secret@/nothing?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="无法连接 PostgreSQL 数据库") as error:
        Store(url, readonly=True)
    assert "secret" not in str(error.value)


def test_what_the_answerer_and_the_app_read(target):
    with Store(target) as store:
        ingest_paths(TEXTS, store)
        labels = store.row_labels()
        assert "本年收入合计" in labels and labels == sorted(set(labels))
        pairs = store.labels_by_department()
        assert len(pairs) == len(set(pairs)) and {d for _, d in pairs} == {d["department"] for d in store.documents()}
        fact = next(f for f in store.facts(TEXTS[0].name) if f["row_label"] == "本年收入合计")
        cited = store.cited(TEXTS[0].name, fact["row_label"], fact["column"], fact["value_text"], fact["page"], fact["line"])
        assert cited["path"].endswith(TEXTS[0].name) and (fact["column"], fact["value_text"], fact["unit"]) in cited["row"]
        passage = store.passages(TEXTS[0].name)[3]
        assert passage["text"] in store.cited(TEXTS[0].name, line=passage["line"])["texts"]
        assert store.cited("no such report") is None
        stats = store.stats()
        assert stats["documents"] == 5 and stats["facts"] == sum(d["n_facts"] for d in store.documents())


def test_both_backends_hold_the_same_contents(tmp_path, postgres_url):
    """Fact for fact, the same reports read back the same from SQLite and from PostgreSQL."""
    seen = []
    for target in (str(tmp_path / "ix"), postgres_url):
        with Store(target) as store:
            ingest_paths(TEXTS, store)
            seen.append(_contents(store) | {"projects": sorted(store.project_names()),
                                            "pairs": sorted(store.labels_by_department())})
    assert seen[0] == seen[1]


# --- the keyword index, and the command lines end to end, on both backends ----------------------

QUESTIONS = ["泉州数字办2023年三公经费是多少？", "晋城大数据局出差花了多少钱？", "智慧福州中心三公经费为什么比上年增加？"]
QUERIES = ["公务接待费", "三公经费 较上年增加 主要原因", "住房公积金", "信息化建设 项目支出", "2023年 一般公共预算 财政拨款"]


def _cli(*args, env=None):
    out = subprocess.run([sys.executable, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def both_indexes(postgres_server, tmp_path_factory):
    """The five text reports ingested by the command line into a folder and into a database
    (hashing embedder: the test is about the store and the keyword index, not the model)."""
    folder = tmp_path_factory.mktemp("backends")
    env = dict(os.environ, BUDGET_QA_CACHE=str(folder / "cache"))
    targets = [str(folder / "ix"), fresh_database(postgres_server)]
    for target in targets:
        _cli("-m", "ingest", "--index", target, "--model", "hashing", "--workers", "1", *TEXTS, env=env)
    return targets, env


def test_the_keyword_index_ranks_as_sqlite_fts5_does(both_indexes):
    from index.search import SearchIndex

    targets, env = both_indexes
    ranked = []
    for target in targets:
        os.environ["BUDGET_QA_CACHE"] = env["BUDGET_QA_CACHE"]
        try:
            with SearchIndex(index_target(target), readonly=True) as index:
                uids = {r["id"]: r["uid"] for r in index.db.execute("SELECT id, uid FROM units")}
                ranked.append([[uids[i] for i in index.bm25(q, k=10)] for q in QUERIES]
                              + [[uids[i] for i in index.bm25("住房公积金", k=10, year=2018)]])
        finally:
            del os.environ["BUDGET_QA_CACHE"]
    assert all(ranked[0]) and ranked[0] == ranked[1]


def test_answers_and_checks_are_the_same_on_both_backends(both_indexes):
    targets, env = both_indexes
    answers = [[json.loads(_cli("-m", "answer", "--index", t, "--json", q, env=env)) for q in QUESTIONS] for t in targets]
    for sqlite, postgres in zip(*answers):
        assert sqlite["answer"] and sqlite["answer"] == postgres["answer"]
        assert sqlite["figures"] == postgres["figures"]
        assert [(p["document"], p["line"]) for p in sqlite["passages"]] == \
            [(p["document"], p["line"]) for p in postgres["passages"]]
    assert "6.18" in answers[1][0]["answer"]
    checks = [json.loads(_cli("-m", "checks", "--index", t, "--json", env=env)) for t in targets]
    assert checks[0] and checks[0] == checks[1]
