"""The vector index in a Milvus collection, behind the interface of `index.ann.ANN` (add, search,
count, describe, save, load), through `pymilvus`'s MilvusClient.

Selected by BUDGET_QA_VECTORS=milvus:TARGET[#COLLECTION] (see `index.ann.new_index`):

    BUDGET_QA_VECTORS=milvus:var/vectors.db python -m index --index var/index build     # Milvus Lite, a local file
    BUDGET_QA_VECTORS=milvus:http://host:19530 python -m index --index var/index build  # a Milvus server or cluster

A TARGET that is not an http(s):// or tcp:// URI is a Milvus Lite file (the `milvus-lite`
package, pure Python, started by the client itself); a URI is a Milvus server, with the token in
BUDGET_QA_MILVUS_TOKEN if it needs one.  The same client code runs against both.  Lite searches
its collection exactly (index FLAT); a server builds AUTOINDEX.  The collection (default
"budget_qa_dense") holds one row per search unit: its integer id and its normalised vector, and
inner product is cosine as in FAISS.  Milvus keeps the vectors itself: `save` writes in place of
dense.faiss a small JSON pointer to the collection (atomically), which `load` follows, checking
the dimension; the count check of `index/search.py` then applies as to a FAISS file.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .ann import write_atomic

COLLECTION = "budget_qa_dense"
TOKEN_ENV = "BUDGET_QA_MILVUS_TOKEN"
_BATCH = 2000


def _is_server(target: str) -> bool:
    return target.startswith(("http://", "https://", "tcp://", "grpc://"))


def _client(uri: str):
    from pymilvus import MilvusClient

    token = os.environ.get(TOKEN_ENV)
    return MilvusClient(uri=uri, token=token) if token else MilvusClient(uri=uri)


class MilvusANN:
    kind = "milvus"

    def __init__(self, uri: str, collection: str, dim: int):
        self.uri, self.collection, self.dim = uri, collection, dim
        self.client = _client(uri)
        self._count: int | None = None

    @classmethod
    def create(cls, target: str, dim: int) -> "MilvusANN":
        """A new, empty collection at `target` (PATH_OR_URI[#COLLECTION]); one of that name is
        dropped first, as a rebuilt dense.faiss replaces the old one."""
        from pymilvus import DataType

        uri, _, collection = target.partition("#")
        if not uri:
            raise ValueError("BUDGET_QA_VECTORS=milvus: 后须写 Milvus Lite 文件路径或 Milvus 服务地址")
        if not _is_server(uri):
            uri = str(Path(uri).resolve())
            Path(uri).parent.mkdir(parents=True, exist_ok=True)
        ann = cls(uri, collection or COLLECTION, dim)
        c = ann.client
        if c.has_collection(ann.collection):
            c.drop_collection(ann.collection)
        schema = c.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        params = c.prepare_index_params()
        params.add_index(field_name="vector", index_type="AUTOINDEX" if _is_server(uri) else "FLAT", metric_type="IP")
        c.create_collection(ann.collection, schema=schema, index_params=params)
        ann._count = 0
        return ann

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        for start in range(0, len(ids), _BATCH):
            rows = [{"id": int(i), "vector": v.tolist()}
                    for i, v in zip(ids[start:start + _BATCH], vectors[start:start + _BATCH])]
            self.client.insert(self.collection, rows)
        self.client.flush(self.collection)
        self._count = None

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.count == 0:
            return []
        hits = self.client.search(self.collection, data=[np.asarray(vector, dtype=np.float32).ravel().tolist()],
                                  limit=min(k, self.count), output_fields=["id"], search_params={"metric_type": "IP"})
        return [(int(h["id"]), float(h["distance"])) for h in hits[0]]

    @property
    def count(self) -> int:
        if self._count is None:
            self._count = int(self.client.get_collection_stats(self.collection)["row_count"])
        return self._count

    def describe(self) -> dict:
        return {"backend": "milvus", "kind": self.kind, "uri": self.uri, "collection": self.collection,
                "index": "AUTOINDEX" if _is_server(self.uri) else "FLAT", "params": {}, "tuning": {}}

    def save(self, path: Path, wait: bool = True, only_if: Callable[[], bool] | None = None) -> bool:
        """Milvus persists the vectors; what is written at `path` is where they are."""
        pointer = {"milvus": self.uri, "collection": self.collection, "dimension": self.dim}
        return write_atomic(path, json.dumps(pointer).encode("utf-8"), wait, only_if)

    @classmethod
    def load(cls, path: Path, dim: int) -> "MilvusANN":
        """The collection the pointer at `path` names; ValueError when it is of another
        dimension or gone."""
        pointer = json.loads(Path(path).read_text(encoding="utf-8"))
        if pointer.get("dimension") != dim:
            raise ValueError(f"{path} 指向 {pointer.get('dimension')} 维向量，不是 {dim} 维")
        ann = cls(pointer["milvus"], pointer["collection"], dim)
        if not ann.client.has_collection(ann.collection):
            raise ValueError(f"Milvus 中没有集合 {ann.collection}（{ann.uri}）")
        return ann

    def close(self) -> None:
        self.client.close()
