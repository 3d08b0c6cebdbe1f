"""The vector index at scale, on real vectors: the units of a real report embedded with the offline
e5 model (index/search.py's own cache), and real questions embedded as queries.

- Milvus Lite (a local file, through pymilvus) finds the same top-k ids as FAISS exact search,
  directly and behind SearchIndex when BUDGET_QA_VECTORS=milvus:PATH;
- the index is chosen by size: above a tier threshold (made small here through Tiers or
  BUDGET_QA_ANN_TIERS) it is the tiered kind, trained, tuned, saved with its factory string and
  parameters in the manifest, and reloaded as saved (no retraining) with the same results;
- the tuned HNSW and IVF-PQ reach recall@10 ≥ 0.95 against exact on real vectors they did not
  index (held-out units of the report)."""
from __future__ import annotations

import shutil

import faiss
import numpy as np
import pytest

from conftest import TEXTS
from index.ann import ANN, Tiers, load_index, new_index
from index.milvus import MilvusANN
from index.search import DENSE_FILE, SearchIndex
from index.store import Store
from ingest import ingest_paths

QUESTIONS = ["出差花了多少钱", "招待客人花了多少", "公务用车运行维护费是多少", "部门人员编制多少人", "一般公共预算财政拨款支出",
             "三公经费为什么减少", "机关运行经费", "政府采购情况", "项目支出绩效评价", "国有资产占用情况"]


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """(index folder, unit ids, their e5 vectors, e5 vectors of real questions)."""
    from index.embed import get_embedder

    folder = tmp_path_factory.mktemp("ann_real")
    embedder = get_embedder(None)
    with Store(folder) as store:
        ingest_paths([TEXTS[0]], store)
        with SearchIndex(folder, embedder) as index:
            index.refresh(store)
            rows = index.db.execute("SELECT u.id, e.vector FROM units u JOIN embeddings e ON e.content_hash=u.content_hash"
                                    " ORDER BY u.id").fetchall()
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    vectors = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
    queries = np.asarray(embedder.encode(QUESTIONS, "query"), dtype=np.float32)
    return folder, ids, vectors, queries


def exact_ids(vectors: np.ndarray, ids: np.ndarray, queries: np.ndarray, k: int) -> list[list[int]]:
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    return [list(ids[row]) for row in flat.search(queries, k)[1]]


def test_milvus_lite_finds_the_ids_faiss_exact_search_finds(real, tmp_path):
    _, ids, vectors, queries = real
    milvus = MilvusANN.create(str(tmp_path / "vectors.db"), vectors.shape[1])
    milvus.add(ids, vectors)
    assert milvus.count == len(ids) > 500
    faiss_flat = ANN(vectors.shape[1])
    faiss_flat.add(ids, vectors)
    score = dict(zip(ids.tolist(), range(len(ids))))
    for q in np.vstack([queries, vectors[::97]]):
        got, want = milvus.search(q, 10), faiss_flat.search(q, 10)
        assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-4)
        # the same ids; units of one text share one vector, so ids of equal score may come in either order
        assert [round(float(vectors[score[i]] @ q), 4) for i, _ in got] == [round(s, 4) for _, s in want]
        tenth = want[-1][1]
        assert {i for i, s in got if s > tenth + 1e-4} == {i for i, s in want if s > tenth + 1e-4}
        assert sum(i == j for (i, _), (j, _) in zip(got, want)) >= 8
    # saved as a pointer to its collection, loaded back with what it holds
    milvus.save(tmp_path / DENSE_FILE)
    again = load_index(tmp_path / DENSE_FILE, vectors.shape[1])
    assert isinstance(again, MilvusANN) and again.count == len(ids)
    assert again.search(queries[0], 5) == milvus.search(queries[0], 5)
    with pytest.raises(ValueError):
        load_index(tmp_path / DENSE_FILE, 32)


def test_search_index_uses_milvus_when_the_setting_says_so(real, tmp_path, monkeypatch):
    folder, _, _, _ = real
    copy = tmp_path / "index"
    shutil.copytree(folder, copy)
    with SearchIndex(folder, readonly=True) as faiss_index:
        expected = [faiss_index.dense(q, k=10) for q in QUESTIONS[:3]]
    (copy / DENSE_FILE).unlink()
    monkeypatch.setenv("BUDGET_QA_VECTORS", f"milvus:{tmp_path / 'milvus.db'}#units")
    with SearchIndex(copy, readonly=False) as index:
        assert [index.dense(q, k=10) for q in QUESTIONS[:3]] == expected  # rebuilt from the cache into Milvus
        assert isinstance(index._dense(), MilvusANN) and index._dense().collection == "units"
    assert (copy / DENSE_FILE).read_bytes().startswith(b"{")
    with SearchIndex(copy, readonly=True) as index:  # reopened: the pointer, checked against the cache
        assert isinstance(index._dense(), MilvusANN) and not index.repairs
        assert index.dense(QUESTIONS[0], k=10) == expected[0]


def test_the_kind_follows_the_size():
    tiers = Tiers(hnsw=1000, pq=5000)
    assert [ANN(384, n, tiers).kind for n in (0, 999, 1000, 4999, 5000)] == ["flat", "flat", "hnsw", "hnsw", "ivfpq"]
    assert ANN(384, 199_999).kind == "flat" and ANN(384, 200_000).kind == "hnsw" and ANN(384, 2_000_000).kind == "ivfpq"
    assert ANN(384, 1000, tiers).factory == "HNSW32"


def test_above_the_threshold_the_index_is_trained_tuned_saved_and_reloaded_without_retraining(real, tmp_path, monkeypatch):
    folder, ids, vectors, queries = real
    copy = tmp_path / "index"
    shutil.copytree(folder, copy)
    monkeypatch.setenv("BUDGET_QA_ANN_TIERS", "hnsw=100,pq=300")
    with Store(copy) as store, SearchIndex(copy, _embedder()) as index:
        index.refresh(store, rebuild=True)
        described = index.manifest["ann"]
        before = [index.dense(q, k=10) for q in QUESTIONS]
    assert described["kind"] == "ivfpq" and described["factory"].startswith("IVF") and ",PQ48x8," in described["factory"]
    assert described["params"]["nprobe"] >= 1 and described["params"]["k_factor"] >= 1
    assert described["tuning"]["recall_at_10"] >= 0.95 and described["tuning"]["vectors"] == len(ids)

    def no_training(*a, **k):
        raise AssertionError("retrained on load")

    monkeypatch.setattr(ANN, "_train", no_training)
    with SearchIndex(copy, _embedder(), readonly=True) as index:
        loaded = index._dense()
        assert loaded.kind == "ivfpq" and loaded.index.is_trained and not index.repairs
        assert loaded.describe()["params"] == described["params"] and loaded.factory == described["factory"]
        assert faiss.extract_index_ivf(loaded.index.index).nprobe == described["params"]["nprobe"]
        assert [index.dense(q, k=10) for q in QUESTIONS] == before


def _embedder():
    from index.embed import get_embedder

    return get_embedder(None)


@pytest.mark.parametrize("tiers", [Tiers(hnsw=100, pq=10**9), Tiers(hnsw=100, pq=300)], ids=["hnsw", "ivfpq"])
def test_the_tuned_index_reaches_recall_at_10_on_real_vectors_it_did_not_index(real, tiers):
    _, ids, vectors, queries = real
    held = np.arange(len(ids)) % 5 == 0  # every fifth unit is a query, not indexed
    ann = new_index(vectors.shape[1], int((~held).sum()), tiers)
    ann.add(ids[~held], vectors[~held])
    assert ann.kind == ("hnsw" if tiers.pq > 10**6 else "ivfpq") and ann.index.is_trained
    assert ann.tuning["recall_at_10"] >= 0.95
    probes = np.vstack([vectors[held], queries])
    truth = exact_ids(vectors[~held], ids[~held], probes, 10)
    recall = np.mean([len(set(t) & {i for i, _ in ann.search(q, 10)}) / 10 for q, t in zip(probes, truth)])
    assert recall >= 0.95, recall
