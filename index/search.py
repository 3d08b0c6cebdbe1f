"""Hybrid search over passages and table rows: BM25 (SQLite FTS5 over jieba tokens) and dense
vectors (FAISS), fused by reciprocal rank fusion, with filters by department, year, document.

Owns `search.sqlite` and `dense.faiss` in the index folder and `search_manifest.json`, which
records the embedding model, its dimension and prompts, and the chunker version.  An index built
with another model or chunker is refused with the command that rebuilds it.  Embeddings are
cached by the unit text's hash and model, so re-ingesting an unchanged document embeds nothing,
and removing a document removes its units and vectors.

`dense.faiss` and the manifest are written atomically (`ann.write_atomic`).  The vector file is
checked when it is opened: it must load and hold one vector per unit with a cached embedding.
One that does not (missing, truncated, foreign, or left behind by an interrupted refresh) is
rebuilt from the embedding cache, with no model call: by `refresh`, and by a searcher, which
rebuilds it in memory and saves it when it can.  What was repaired is in `SearchIndex.repairs`.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .ann import ANN, remove_stale, write_atomic
from .units import CHUNKER_VERSION, units_of

SEARCH_FILE = "search.sqlite"
DENSE_FILE = "dense.faiss"
MANIFEST_FILE = "search_manifest.json"
RRF_K = 60

_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, uid TEXT UNIQUE NOT NULL, document TEXT NOT NULL, kind TEXT, text TEXT,
    index_text TEXT, page INTEGER, line INTEGER, department TEXT, year INTEGER, content_hash TEXT
);
CREATE INDEX IF NOT EXISTS units_doc ON units(document);
CREATE INDEX IF NOT EXISTS units_department ON units(department, year);
CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(tokens, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS embeddings (content_hash TEXT, model TEXT, vector BLOB, PRIMARY KEY (content_hash, model));
CREATE TABLE IF NOT EXISTS indexed_documents (document TEXT PRIMARY KEY, sha256 TEXT);
"""


class SearchIndexMismatch(Exception):
    """The search index was built differently (model, chunker); the message says how to rebuild."""


@dataclass(frozen=True)
class Result:
    text: str
    document: str
    page: int | None
    line: int | None
    kind: str
    score: float

    def as_dict(self) -> dict:
        return {"text": self.text, "document": self.document, "page": self.page, "line": self.line,
                "kind": self.kind, "score": round(self.score, 6)}


class SearchIndex:
    def __init__(self, folder: Path | str, embedder=None, readonly: bool = False):
        self.folder = Path(folder)
        self.embedder = embedder
        self._words: tuple[list[str], list[str]] | None = None
        self.readonly = readonly
        path = self.folder / SEARCH_FILE
        if readonly:
            if not path.exists():
                raise SearchIndexMismatch(f"索引 {self.folder} 还没有检索数据，请运行：python -m index --index {self.folder} build")
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, check_same_thread=False)
            self.db.executescript(_SCHEMA)
        self.db.row_factory = sqlite3.Row
        self.manifest = self._read_manifest()
        self._ann: ANN | None = None
        self.repairs: list[str] = []  # what was found broken and repaired, for the user (Chinese)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- manifest -------------------------------------------------------------------------

    def _read_manifest(self) -> dict:
        path = self.folder / MANIFEST_FILE
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def built_with(self) -> str | None:
        """The model the index was built with: the manifest's, else (a first refresh that was
        interrupted before it wrote the manifest) the only model in the embedding cache."""
        if self.manifest.get("model"):
            return self.manifest["model"]
        models = [r[0] for r in self.db.execute("SELECT DISTINCT model FROM embeddings LIMIT 2")]
        return models[0] if len(models) == 1 else None

    def check(self, model_name: str | None, chunker: bool = True) -> None:
        """Refuse an index built with another model or (for searching) another chunker."""
        m = self.manifest
        if not m:
            return
        rebuild = f"python -m index --index {self.folder} build --model {model_name or m.get('model')} --rebuild"
        if chunker and m.get("chunker_version") != CHUNKER_VERSION:
            raise SearchIndexMismatch(f"检索索引由另一版本的分段规则建立（{m.get('chunker_version')}，当前 {CHUNKER_VERSION}），请重建：{rebuild}")
        if model_name and m.get("model") != model_name:
            raise SearchIndexMismatch(f"检索索引用模型 {m.get('model')} 建立，与所选模型 {model_name} 不同，请重建：{rebuild}")

    # --- building -------------------------------------------------------------------------

    def refresh(self, store, rebuild: bool = False, progress=None) -> dict:
        """Bring units, keyword index and vectors in line with the store.  Returns counts."""
        from . import tokens

        if self.embedder is None:
            raise ValueError("refresh needs an embedder")
        if not rebuild:  # units of an older chunker are replaced below; vectors of another model are not
            self.check(self.embedder.name, chunker=False)
        stats = {"documents_updated": 0, "documents_removed": 0, "units_embedded": 0}
        self._department_names = None
        start = time.perf_counter()
        repairs = len(self.repairs)
        self._remove_stale()
        docs = {d["name"]: d for d in store.documents()}
        indexed = {r["document"]: r["sha256"] for r in self.db.execute("SELECT * FROM indexed_documents")}
        if rebuild or self.manifest.get("chunker_version") not in (None, CHUNKER_VERSION):
            indexed = {}
            with self.db:
                self.db.execute("DELETE FROM units")
                self.db.execute("DELETE FROM units_fts")
                self.db.execute("DELETE FROM indexed_documents")
        tokens.teach(d["department"] for d in docs.values())
        tokens.teach(store.row_labels())
        # a document is new to the search when its file or its ingestion changed
        version = {name: f"{d['sha256']}@{d['ingested_at']}" for name, d in docs.items()}
        changed = [name for name in docs if indexed.get(name) != version[name]]
        removed = [name for name in indexed if name not in docs]
        for name in removed + changed:
            self._delete_document(name)
        stats["documents_removed"] = len(removed)
        for name in changed:
            units = units_of(store, name)
            with self.db:
                for u in units:
                    cur = self.db.execute(
                        "INSERT INTO units (uid, document, kind, text, index_text, page, line, department, year, content_hash)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (u.uid, u.document, u.kind, u.text, u.index_text, u.page, u.line, u.department, u.year,
                         u.content_hash))
                    self.db.execute("INSERT INTO units_fts (rowid, tokens) VALUES (?, ?)",
                                    (cur.lastrowid, " ".join(tokens.tokens(u.index_text))))
                self.db.execute("INSERT OR REPLACE INTO indexed_documents VALUES (?, ?)", (name, version[name]))
            stats["documents_updated"] += 1
        stats["units_embedded"] = self._embed_missing(progress)
        if changed or removed or stats["units_embedded"] or rebuild:
            self._build_dense()
        else:  # nothing changed, but the file on disk may not be what the last refresh meant to write
            ann, problem = self._load_dense()
            if ann is None:
                self._build_dense()
                if problem:
                    self.repairs.append(f"{problem}，已从缓存重建")
            else:
                self._ann = ann
        self._write_manifest()
        stats["units"] = self.count()
        stats["repairs"] = self.repairs[repairs:]
        stats["seconds"] = round(time.perf_counter() - start, 2)
        return stats

    def _delete_document(self, name: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM units_fts WHERE rowid IN (SELECT id FROM units WHERE document=?)", (name,))
            self.db.execute("DELETE FROM units WHERE document=?", (name,))
            self.db.execute("DELETE FROM indexed_documents WHERE document=?", (name,))

    def _embed_missing(self, progress=None, batch: int = 256) -> int:
        model = self.embedder.name
        todo = self.db.execute(
            "SELECT DISTINCT u.content_hash, u.index_text FROM units u LEFT JOIN embeddings e"
            " ON e.content_hash=u.content_hash AND e.model=? WHERE e.content_hash IS NULL", (model,)).fetchall()
        todo.sort(key=lambda r: len(r["index_text"]))  # similar lengths batch with little padding
        done = 0
        for i in range(0, len(todo), batch):
            part = todo[i:i + batch]
            vectors = self.embedder.encode([r["index_text"] for r in part], "passage")
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?)",
                                    [(r["content_hash"], model, v.astype(np.float32).tobytes()) for r, v in zip(part, vectors)])
            done += len(part)
            if progress:
                progress(done, len(todo))
        # vectors no unit uses any more (a removed or changed document)
        with self.db:
            self.db.execute("DELETE FROM embeddings WHERE model=? AND content_hash NOT IN (SELECT content_hash FROM units)",
                            (model,))
        return done

    def _build_dense(self) -> None:
        self._ann = self._dense_from_cache()
        self._ann.save(self.folder / DENSE_FILE)

    def _dense_from_cache(self) -> ANN:
        """One vector per unit with a cached embedding, from the cache alone."""
        rows = self.db.execute(
            "SELECT u.id, e.vector FROM units u JOIN embeddings e ON e.content_hash=u.content_hash AND e.model=?",
            (self._model(),)).fetchall()
        ann = ANN(self._dim(), len(rows))
        if rows:
            ann.add(np.array([r["id"] for r in rows], dtype=np.int64),
                    np.vstack([np.frombuffer(r["vector"], dtype=np.float32) for r in rows]))
        return ann

    def _write_manifest(self) -> None:
        docs = {r["document"]: r["sha256"] for r in self.db.execute("SELECT * FROM indexed_documents")}
        self.manifest = {
            "model": self.embedder.name, "dimension": self.embedder.dim, "prompts": self.embedder.prompts,
            "chunker_version": CHUNKER_VERSION, "ann": self._ann.kind if self._ann else None,
            "units": self.count(), "vectors": self._ann.count if self._ann else 0, "documents": docs,
        }
        write_atomic(self.folder / MANIFEST_FILE, json.dumps(self.manifest, ensure_ascii=False, indent=2).encode("utf-8"))

    # --- searching ------------------------------------------------------------------------

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM units").fetchone()[0]

    # --- the vector file: checked on open, repaired from the cache ---------------------------

    def _model(self) -> str | None:
        return self.embedder.name if self.embedder is not None else self.built_with()

    def _dim(self) -> int:
        return int(self.embedder.dim if self.embedder is not None else self.manifest.get("dimension") or 0)

    def _cached(self) -> int:
        """How many units have a cached embedding of the model: the vectors dense.faiss must hold."""
        return self.db.execute("SELECT COUNT(*) FROM units u JOIN embeddings e ON e.content_hash=u.content_hash"
                               " AND e.model=?", (self._model(),)).fetchone()[0]

    def _remove_stale(self) -> None:
        if remove_stale(self.folder / DENSE_FILE):
            self.repairs.append(f"已删除中断写入留下的临时文件 {DENSE_FILE}.tmp")

    def _load_dense(self) -> tuple[ANN | None, str | None]:
        """The vector file if it verifies, else None and what is wrong with it (None as well when
        there is neither a file nor anything to put in one)."""
        path, cached = self.folder / DENSE_FILE, self._cached()
        if not path.exists():
            return None, f"向量文件 {DENSE_FILE} 不存在（应有 {cached} 个向量）" if cached else None
        try:
            ann = ANN.load(path, self._dim())
        except Exception:  # FAISS raises RuntimeError on a truncated file; anything else is as unreadable
            return None, f"向量文件 {DENSE_FILE} 损坏，无法读取"
        if ann.count != cached:
            return None, f"向量文件损坏或不完整（{ann.count}/{cached} 个向量）"
        return ann, None

    def _dense(self) -> ANN:
        """The checked vector index.  A file that does not verify is rebuilt from the cache and
        saved, unless the folder cannot be written or a refresh is writing it (then it is kept
        in memory only); units with no cached vector at all are counted for the user."""
        if self._ann is not None:
            return self._ann
        self._remove_stale()
        path = self.folder / DENSE_FILE
        seen = _stamp(path)
        ann, problem = self._load_dense()
        if ann is None:
            ann = self._dense_from_cache()
            if problem:
                # never over a file that a refresh wrote meanwhile (that one is newer), nor waiting for one
                saved = os.access(self.folder, os.W_OK) and ann.save(path, wait=False,
                                                                    only_if=lambda: _stamp(path) == seen)
                done = "已从缓存重建" if saved else "已在内存中从缓存重建（未写回：目录不可写或正在更新）"
                self.repairs.append(f"{problem}，{done}")
        missing = self.count() - ann.count
        if missing > 0:
            self.repairs.append(f"{missing} 个段落和表格行还没有向量（向量化被中断），暂时只能按关键词检索到；"
                                f"下次导入或运行 python -m index --index {self.folder} build 时补上")
        self._ann = ann
        return ann

    def _departments(self) -> set[str]:
        """The departments the units are of, read once per process."""
        if self.__dict__.get("_department_names") is None:
            self._department_names = {r[0] for r in self.db.execute("SELECT DISTINCT department FROM units") if r[0]}
        return self._department_names

    def _filter_sql(self, department, year, document) -> tuple[str, list]:
        clauses, params = [], []
        if department and department in self._departments():  # a printed name: an indexed equality
            clauses.append("u.department = ?")
            params.append(department)
        elif department:  # part of a name, as typed on the command line
            clauses.append("u.department LIKE ?")
            params.append(f"%{department}%")
        if year:
            clauses.append("u.year = ?")
            params.append(int(year))
        if document:
            clauses.append("u.document = ?")
            params.append(document)
        return (" AND " + " AND ".join(clauses)) if clauses else "", params

    def bm25(self, query: str, k: int = 50, department=None, year=None, document=None) -> list[int]:
        from .tokens import tokens

        self._vocabulary()
        terms = list(dict.fromkeys(tokens(query)))
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        where, params = self._filter_sql(department, year, document)
        rows = self.db.execute(
            "SELECT u.id FROM units_fts JOIN units u ON u.id = units_fts.rowid WHERE units_fts MATCH ?"
            + where + " ORDER BY bm25(units_fts) LIMIT ?", [match, *params, k]).fetchall()
        return [r[0] for r in rows]

    def _query_vector(self, query: str) -> np.ndarray:
        """The query's vector, remembered: one question is searched several times (its passages,
        the rows to suggest, the sentence to quote) and embedding is the cost of a search."""
        cache = self.__dict__.setdefault("_queries", {})
        if query not in cache:
            if len(cache) >= 256:
                cache.clear()
            cache[query] = self.embedder.encode([query], "query")[0]
        return cache[query]

    def dense(self, query: str, k: int = 50, department=None, year=None, document=None) -> list[int]:
        if self.embedder is None:
            return []
        ann = self._dense()
        if ann.count == 0:
            return []
        vector = self._query_vector(query)
        if not (department or year or document):
            return [i for i, _ in ann.search(vector, k)]
        # filtered: exact scores over the filtered units' cached vectors alone, so that the cost
        # follows the documents asked about, not the corpus, and no approximate index leaves any out
        where, params = self._filter_sql(department, year, document)
        rows = self.db.execute("SELECT u.id, e.vector FROM units u JOIN embeddings e ON e.content_hash=u.content_hash"
                               " AND e.model=? WHERE 1=1" + where, [self._model(), *params]).fetchall()
        if not rows:
            return []
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        scores = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows]) @ vector.astype(np.float32)
        top = np.argsort(-scores, kind="stable")[:k]
        return [int(ids[i]) for i in top]

    def search(self, query: str, k: int = 10, department=None, year=None, document=None,
               mode: str = "hybrid") -> list[Result]:
        query = (query or "").strip()
        if not query:
            return []
        depth = max(50, 5 * k)
        lists = []
        if mode in ("hybrid", "bm25"):
            lists.append(self.bm25(query, depth, department, year, document))
        if mode in ("hybrid", "dense"):
            lists.append(self.dense(query, depth, department, year, document))
        scores: dict[int, float] = {}
        for ranked in lists:
            for rank, uid in enumerate(ranked):
                scores[uid] = scores.get(uid, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(scores.items(), key=lambda item: -item[1])[:depth]
        if not best:
            return []
        marks = ",".join("?" * len(best))
        rows = {r["id"]: r for r in self.db.execute(f"SELECT * FROM units u WHERE u.id IN ({marks})", [i for i, _ in best])}
        best = [(i, score) for i, score in best if i in rows]
        # Two preferences over the fused order, which is kept within each group: units of the
        # department the query names (when no filter is given), and, for a why-question,
        # passages (a reason is written in the narrative, never in a table cell; see _NARRATIVE).
        named = set() if (department or document) else self._departments_named(query)
        why = asks_narrative(query)
        # A third preference: no more than TABLE_SHARE rows of one table before every other unit
        # has had its place, so that one long 绩效 form does not fill the page.
        seen: dict[str, int] = {}

        def crowded(uid: str) -> bool:
            parts = uid.split("|")
            if parts[1] != "r":
                return False
            table = "|".join(parts[:3])
            seen[table] = seen.get(table, 0) + 1
            return seen[table] > TABLE_SHARE

        flags = {i: crowded(rows[i]["uid"]) for i, _ in best}
        best.sort(key=lambda b: (bool(named) and rows[b[0]]["department"] not in named,
                                 why and rows[b[0]]["kind"] != "passage", flags[b[0]]))
        return [Result(rows[i]["text"], rows[i]["document"], rows[i]["page"], rows[i]["line"], rows[i]["kind"], score)
                for i, score in best[:k]]

    def _vocabulary(self) -> tuple[list[str], list[str]]:
        """(department names, row labels) of the store beside this index, taught to the word
        segmenter once, so that queries are cut into words the way the units were."""
        if self._words is None:
            from . import tokens
            from .store import STORE_FILE, Store

            departments, labels = [], []
            if (self.folder / STORE_FILE).exists():
                with Store(self.folder, readonly=True) as store:
                    departments = sorted({d["department"] for d in store.documents() if d["department"]})
                    labels = store.row_labels()
            tokens.teach(departments)
            tokens.teach(labels)
            self._words = (departments, labels)
        return self._words

    def _departments_named(self, query: str) -> set[str]:
        from .departments import match_departments
        from .tokens import FISCAL_TERMS
        from domain.vocabulary import COLUMN_WORDS, EVERYDAY_TERMS, TABLE_WORDS

        departments, labels = self._vocabulary()
        fiscal = [*labels, *FISCAL_TERMS, *EVERYDAY_TERMS, *TABLE_WORDS, *COLUMN_WORDS, "支出", "收入", "经费"]
        return {m.name for m in match_departments(query, departments, fiscal)}


# Questions the narrative answers and a table row does not: why a figure changed, what the money
# was used for.  (Counts are not among them: statistics tables print 车辆数 and 接待批次 too.)
_NARRATIVE = re.compile(r"为什么|为何|何故|原因|缘故|怎么回事|什么导致|为啥"
                        r"|用在哪|用于哪|花在哪|用途|干什么用|做什么用")


TABLE_SHARE = 3


def asks_narrative(query: str) -> bool:
    return bool(_NARRATIVE.search(query))


def open_for_search(folder: Path | str, model: str | None = None) -> SearchIndex:
    """A read-only search index with the embedder it was built with (or `model`, if given and equal)."""
    from .embed import get_embedder

    index = SearchIndex(folder, readonly=True)
    built_with = index.built_with()
    index.check(model or built_with)
    index.embedder = get_embedder(model or built_with)
    index._dense()  # checked (and repaired) now, so that what was repaired is known at start
    return index


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Which file is at `path` (inode, size, mtime), None if none."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns
