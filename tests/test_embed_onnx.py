"""The default model on ONNX Runtime (fp32, the default, and int8) gives the torch model's
vectors, and its export is offline, made once and rebuilt when damaged.

The default model is converted and exported once per session into a temporary cache
(``BUDGET_QA_CACHE``) with the hub switched off and the network blocked.  The vectors are compared
on 200 real search units (table rows and passages) that the project's own ingest and chunker make
from two text reports of the corpus.
"""
from __future__ import annotations

import json
import os
import shutil
import socket

import numpy as np
import pytest

from conftest import TEXTS
from index import embed, embed_onnx
from index import embedding_model as em


def _no_network(*args, **kwargs):
    raise AssertionError("the ONNX export tried to open a network connection")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    cache = tmp_path_factory.mktemp("budget-qa-onnx-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGET_QA_CACHE", str(cache))
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        mp.setattr(socket.socket, "connect", _no_network)
        mp.setattr(socket, "create_connection", _no_network)
        folder = embed_onnx.provision_onnx("int8")
        embed_onnx.provision_onnx("fp32")
        yield cache, folder


@pytest.fixture(scope="module")
def onnx_embedder(cache):
    return embed_onnx.OnnxEmbedder("int8", cache_dir=cache[0])


@pytest.fixture(scope="module")
def fp32_embedder(cache):
    return embed_onnx.OnnxEmbedder("fp32", cache_dir=cache[0])


@pytest.fixture(scope="module")
def torch_embedder(cache, onnx_embedder):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGET_QA_CACHE", str(cache[0]))
        return embed.SentenceTransformerEmbedder(None)


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    """100 table rows and 100 passages, spread over two real text reports."""
    from index.store import Store
    from index.units import units_of
    from ingest import ingest_paths

    folder = tmp_path_factory.mktemp("units")
    picked = []
    with Store(folder) as store:
        ingest_paths(TEXTS[:2], store)
        for doc in [d["name"] for d in store.documents()]:
            found = units_of(store, doc)
            for kind in ("row", "passage"):
                of_kind = [u.index_text for u in found if u.kind == kind]
                assert len(of_kind) >= 50, (doc, kind, len(of_kind))
                step = len(of_kind) / 50
                picked += [of_kind[int(i * step)] for i in range(50)]
    assert len(picked) == 200
    return picked


def test_export_folder(cache):
    folder = cache[1]
    assert folder == cache[0] / "models" / embed_onnx.onnx_dir_name("int8")
    prov = json.loads((folder / em.PROVENANCE_FILE).read_text(encoding="utf-8"))
    source = json.loads((cache[0] / "models" / em.MODEL_DIR_NAME / em.PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert prov["variant"] == "int8" and prov["source_sha256"] == source["source_sha256"]
    assert prov["model_sha256"] == em._sha256(folder / embed_onnx.MODEL_FILE)
    assert not list(folder.parent.glob(".*tmp-*")), "a temporary build folder was left behind"
    assert not (folder / "model-fp32.onnx").exists()


@pytest.mark.parametrize("kind", ["passage", "query"])
def test_int8_vectors_match_the_torch_model_on_real_units(onnx_embedder, torch_embedder, units, kind):
    assert onnx_embedder.name == torch_embedder.name == em.DEFAULT_MODEL
    assert onnx_embedder.dim == torch_embedder.dim == 384 and onnx_embedder.prompts == em.PROMPTS
    fast = onnx_embedder.encode(units, kind)
    ref = torch_embedder.encode(units, kind)
    assert fast.shape == ref.shape == (200, 384) and fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    cos = (fast * ref).sum(axis=1)
    assert cos.min() >= 0.99, f"min cosine {cos.min():.4f} on {units[int(cos.argmin())]!r}"
    assert cos.mean() >= 0.995


@pytest.mark.parametrize("kind", ["passage", "query"])
def test_bfloat16_products_keep_the_torch_vectors(cache, torch_embedder, units, kind):
    """torch-bf16 (the default where the CPU multiplies bfloat16 natively): matrix products in
    bfloat16 with fp32 accumulation give the fp32 model's vectors to cosine >= 0.9999."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGET_QA_CACHE", str(cache[0]))
        bf16 = embed.SentenceTransformerEmbedder(None, bf16=True)
    fast, ref = bf16.encode(units, kind), torch_embedder.encode(units, kind)
    assert fast.shape == ref.shape == (200, 384) and fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    cos = (fast * ref).sum(axis=1)
    assert cos.min() >= 0.9999, f"min cosine {cos.min():.5f} on {units[int(cos.argmin())]!r}"
    assert bf16.encode([], kind).shape == (0, 384)


def test_default_fp32_export_gives_the_torch_vectors(fp32_embedder, torch_embedder, units):
    """The ONNX fp32 runtime (the default without bfloat16 instructions) is the torch model: the
    same vectors to float rounding."""
    fast, ref = fp32_embedder.encode(units, "passage"), torch_embedder.encode(units, "passage")
    assert (fast * ref).sum(axis=1).min() >= 0.9999
    assert np.allclose(fast, ref, atol=1e-3)


def test_batching_keeps_each_vector_within_the_bar(cache, onnx_embedder, units):
    """Dynamic int8 quantises activations with one scale per batch, so a vector depends a little on
    its batch-mates: sorted by token count (the default) or not, batched or alone, a text's vectors
    agree to cosine >= 0.99."""
    unsorted = embed_onnx.OnnxEmbedder("int8", cache_dir=cache[0], sort_by_length=False, batch_size=7)
    sample = units[::10]
    alone = np.vstack([onnx_embedder.encode([t], "passage") for t in sample])
    for batched in (onnx_embedder.encode(sample, "passage"), unsorted.encode(sample, "passage")):
        assert (batched * alone).sum(axis=1).min() >= 0.99
    again = onnx_embedder.encode(sample, "passage")
    assert np.array_equal(again, onnx_embedder.encode(sample, "passage")), "the same batch gave other vectors"


def test_long_units_are_cut_at_max_tokens(onnx_embedder):
    long_text = "本部门2023年一般公共预算财政拨款支出决算数为1234.56万元。" * 80
    ids = onnx_embedder.token_ids([long_text], "passage")[0]
    assert len(ids) == embed_onnx.OnnxEmbedder.MAX_TOKENS
    assert onnx_embedder.encode([long_text], "passage").shape == (1, 384)


def test_second_load_reuses_the_export(cache, monkeypatch):
    folder = cache[1]
    before = (folder / embed_onnx.MODEL_FILE).stat()

    def no_export(*args, **kwargs):
        raise AssertionError("the export was made again")

    monkeypatch.setattr(embed_onnx, "_export", no_export)
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    assert embed_onnx.provision_onnx("int8", cache[0]) == folder
    after = (folder / embed_onnx.MODEL_FILE).stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_unreadable_model_is_refused_with_a_message(cache, tmp_path):
    """A model file that matches its provenance but that onnxruntime cannot read is refused with a
    message that says what to do, not loaded or silently replaced."""
    other = tmp_path / "models"
    other.mkdir()
    os.symlink(cache[0] / "models" / em.MODEL_DIR_NAME, other / em.MODEL_DIR_NAME)
    bad = other / embed_onnx.onnx_dir_name("int8")
    bad.mkdir()
    shutil.copyfile(cache[1] / embed_onnx.TOKENIZER_FILE, bad / embed_onnx.TOKENIZER_FILE)
    (bad / embed_onnx.MODEL_FILE).write_bytes(b"not an onnx model" * 100)
    prov = json.loads((cache[1] / em.PROVENANCE_FILE).read_text(encoding="utf-8"))
    prov.update(model_bytes=1700, model_sha256=em._sha256(bad / embed_onnx.MODEL_FILE))
    (bad / em.PROVENANCE_FILE).write_text(json.dumps(prov), encoding="utf-8")
    with pytest.raises(embed_onnx.OnnxModelError, match="无法加载 ONNX 嵌入模型.*请删除该文件夹后重试"):
        embed_onnx.OnnxEmbedder("int8", cache_dir=tmp_path)


def test_runtime_is_chosen_by_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(embed.RUNTIME_ENV, raising=False)
    assert embed.runtime() == embed.default_runtime()
    # by the CPU: bfloat16 products where the instructions are, ONNX fp32 elsewhere
    assert embed.default_runtime({"avx2", "avx512f", "avx512_bf16"}) == "torch-bf16"
    assert embed.default_runtime({"avx2", "amx_bf16"}) == "torch-bf16"
    assert embed.default_runtime({"avx2", "avx512f"}) == embed.default_runtime(set()) == "onnx"
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512_bf16\n\nprocessor\t: 1\n", encoding="utf-8")
    assert embed.cpu_flags(str(cpuinfo)) == {"fpu", "avx2", "avx512_bf16"}
    assert embed.cpu_flags(str(tmp_path / "missing")) == set()
    monkeypatch.setenv(embed.RUNTIME_ENV, "torch-bf16")
    assert embed.runtime() == "torch-bf16"
    monkeypatch.setenv(embed.RUNTIME_ENV, "onnx-int8")
    assert embed.runtime() == "onnx-int8"
    monkeypatch.setenv(embed.RUNTIME_ENV, "torch")
    assert embed.runtime() == "torch"
    monkeypatch.setenv(embed.RUNTIME_ENV, "tensorrt")
    with pytest.raises(ValueError, match="BUDGET_QA_EMBED_RUNTIME='tensorrt' 无效"):
        embed.runtime()


def test_damaged_export_is_rebuilt(cache, onnx_embedder, units, monkeypatch):
    """A truncated model file (a disk that filled up, a copy cut short) fails its sha256 and is
    exported again, offline, into a working model."""
    folder = cache[1]
    model = folder / embed_onnx.MODEL_FILE
    with open(model, "r+b") as fh:
        fh.truncate(model.stat().st_size // 2)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    rebuilt = embed_onnx.OnnxEmbedder("int8", cache_dir=cache[0])
    prov = json.loads((folder / em.PROVENANCE_FILE).read_text(encoding="utf-8"))
    assert model.stat().st_size == prov["model_bytes"] and em._sha256(model) == prov["model_sha256"]
    sample = units[:20]
    assert np.allclose(rebuilt.encode(sample, "passage"), onnx_embedder.encode(sample, "passage"), atol=1e-5)
