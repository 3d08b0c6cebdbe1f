"""The store: re-ingesting replaces, a failed write leaves the previous contents, and the
command lines print what the issue specifies."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, TEXTS
from ingest import ingest_file, ingest_paths
from index.store import Store, StoreError

PUBLIC_KEYS = ["document", "page", "line", "department", "year", "table_code", "table_kind", "table_title",
               "row_label", "row_code", "column", "value_text", "number", "unit"]


def test_reingesting_replaces_never_duplicates(tmp_path):
    with Store(tmp_path) as store:
        ingest_paths([TEXTS[0]], store)
        n = store.stats()["facts"]
        ingest_paths([TEXTS[0]], store, force=True)
        assert store.stats()["facts"] == n
        assert len(store.documents()) == 1
        skipped = ingest_paths([TEXTS[0]], store)
        assert skipped[0].skipped and skipped[0].facts == n


def test_a_write_that_fails_midway_leaves_the_previous_index(tmp_path, monkeypatch):
    doc = ingest_file(TEXTS[0])
    with Store(tmp_path) as store:
        store.put(doc)
        before = store.stats()
        broken = doc.__class__(**{**doc.__dict__, "passages": (None,)})  # fails after facts were written
        with pytest.raises(AttributeError):
            store.put(broken)
        assert store.stats()["facts"] == before["facts"]
        assert store.stats()["passages"] == before["passages"]


def test_blank_merged_and_zero_cells_stay_distinct_in_the_stored_grid(tmp_path):
    doc = ingest_file(TEXTS[4])
    with Store(tmp_path) as store:
        store.put(doc)
        tables = store.tables(doc.name)
    summary = next(t for t in tables if t["kind"] == "收入支出决算总表")
    texts = [c["text"] for row in summary["grid"] for c in row]
    assert "" in texts and "292. 90" in texts


def test_readonly_store_refuses_a_missing_index_with_the_command_to_build_it(tmp_path):
    with pytest.raises(StoreError, match="python -m ingest"):
        Store(tmp_path / "nothing", readonly=True)


def _run(*args):
    out = subprocess.run([sys.executable, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_facts_and_stats_command_lines(tmp_path):
    ix = tmp_path / "ix"
    _run("-m", "ingest", "--no-search", "--index", ix, TEXTS[0], TEXTS[2])
    lines = _run("-m", "index", "--index", ix, "facts", "--document", TEXTS[0].name).splitlines()
    facts = [json.loads(l) for l in lines]
    assert facts and all(list(f) == PUBLIC_KEYS for f in facts)
    assert {f["document"] for f in facts} == {TEXTS[0].name}
    hit = [f for f in facts if f["row_label"] == "本年收入合计" and f["table_kind"] == "收入支出决算总表"]
    assert hit[0]["value_text"] == "6324.90" and hit[0]["number"] == 6324.90 and hit[0]["line"]
    stats = json.loads(_run("-m", "index", "--index", ix, "stats"))
    assert stats["documents"] == 2 and stats["facts"] > 1000
    manifest = json.loads((ix / "manifest.json").read_text(encoding="utf-8"))
    assert {d["name"] for d in manifest["documents"]} == {TEXTS[0].name, TEXTS[2].name}
    assert all(len(d["sha256"]) == 64 for d in manifest["documents"])


def test_an_ingest_killed_midway_leaves_the_previous_index_usable(tmp_path):
    import signal
    import time

    from conftest import TWINS

    ix = tmp_path / "ix"
    _run("-m", "ingest", "--no-search", "--index", ix, TEXTS[0])
    with Store(ix, readonly=True) as store:
        before = store.stats()
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "--no-search", "--index", str(ix), *map(str, TWINS)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)  # inside the first PDFs
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with Store(ix, readonly=True) as store:
        after = store.stats()
        facts = list(store.facts(TEXTS[0].name))
    assert len(facts) == before["facts"]  # what was there is intact
    for doc in after["per_document"]:  # and every document present is complete, not half-written
        assert doc["n_facts"] > 0 and doc["n_tables"] > 0
    with Store(ix) as store:  # and it can be written again
        ingest_paths([TEXTS[1]], store)
        assert any(d["name"] == TEXTS[1].name for d in store.documents())


def test_department_and_year_can_be_set_for_an_odd_file(tmp_path):
    ix = tmp_path / "ix"
    _run("-m", "ingest", "--no-search", "--index", ix, "--department", "某某局", "--year", "2021", TEXTS[0])
    facts = [json.loads(l) for l in _run("-m", "index", "--index", ix, "facts").splitlines()]
    assert {(f["department"], f["year"]) for f in facts} == {("某某局", 2021)}


def test_pdf_ingest_prints_no_library_warnings(tmp_path):
    out = subprocess.run([sys.executable, "-m", "ingest", "--no-search", "--index", str(tmp_path / "ix"),
                          str(ROOT.parent / "shared" / "corpus" / "pdf" / "001_c1fbac8e898f5dfc.pdf")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0
    assert "FontBBox" not in out.stderr and "Warning" not in out.stderr


def test_a_new_ingest_version_reingests_unchanged_files(tmp_path, monkeypatch):
    import ingest

    with Store(tmp_path) as store:
        ingest_paths([TEXTS[0]], store)
        assert ingest_paths([TEXTS[0]], store)[0].skipped
        monkeypatch.setattr(ingest, "INGEST_VERSION", ingest.INGEST_VERSION + "-next")
        again = ingest_paths([TEXTS[0]], store)
        assert not again[0].skipped and again[0].ok
