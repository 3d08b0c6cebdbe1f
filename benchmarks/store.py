"""The PostgreSQL store against the SQLite store: writing, reading, the keyword index's ranking,
search quality, and answer latency, on the five text reports.

    .venv/bin/python benchmarks/store.py --url postgresql://…/EMPTY_DB [--model NAME]

The database must be empty (or hold only what an earlier run of this script wrote): the script
ingests the five text reports into it and into a temporary SQLite folder with the same model,
then prints JSON: seconds per document written (store.put, parse excluded), seconds to read all
facts and to build the answerer's catalog, the keyword index's agreement with SQLite's FTS5 BM25
(overlap@10 and identical top-10 lists over the dev queries of benchmarks/search_dev.json, for the
SQL BM25 the store uses and for ts_rank_cd over a `tsvector` of the same terms), recall@5 and
MRR@10 of bm25 and hybrid search on both backends (the dev queries whose report is indexed), BM25
query latency, and answer latency p50/p95 (warm, the dev queries asked as questions).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _ms(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"p50_ms": round(1000 * statistics.median(ordered), 1),
            "p95_ms": round(1000 * ordered[round(0.95 * (len(ordered) - 1))], 1)}


def write_and_read(target, docs) -> dict:
    from answer.lookup import Catalog
    from index.store import Store

    puts = []
    with Store(target) as store:
        for _ in range(3):
            for doc in docs:
                start = time.perf_counter()
                store.put(doc)
                puts.append(time.perf_counter() - start)
        start = time.perf_counter()
        n = len(list(store.facts()))
        facts_s = time.perf_counter() - start
        start = time.perf_counter()
        Catalog(store)
        catalog_s = time.perf_counter() - start
    return {"put_s_per_document": round(statistics.median(puts), 3), "facts": n,
            "read_all_facts_s": round(facts_s, 3), "catalog_s": round(catalog_s, 3)}


def _overlap(a: list, b: list) -> float:
    return len(set(a) & set(b)) / max(len(a), len(b), 1)


def _tsvector(words: list[str]) -> str:
    from index.search import fts_terms

    positions: dict[str, list[int]] = {}
    for i, term in enumerate(fts_terms(words), 1):
        positions.setdefault(term, []).append(min(i, 16383))
    return " ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(map(str, p))
                    for t, p in positions.items())


def ts_rank_lists(pg, queries) -> list[list[str]]:
    """Top 10 by ts_rank_cd over a tsvector of each unit's FTS5 terms (with positions)."""
    from index import tokens
    from index.search import fts_terms

    from index.postgres import Database
    from index.store import database_url

    pg._vocabulary()
    db = Database(database_url(pg.folder))  # the searcher's connection is read-only
    db.execute("CREATE TEMP TABLE IF NOT EXISTS tv (uid TEXT, v TSVECTOR)")
    db.execute("TRUNCATE tv")
    units = db.execute("SELECT uid, index_text FROM units").fetchall()
    db.executemany("INSERT INTO tv VALUES (?, CAST(? AS TSVECTOR))",
                   [(u["uid"], _tsvector(tokens.tokens(u["index_text"]))) for u in units])
    out = []
    for q in queries:
        terms = sorted(set(fts_terms(list(dict.fromkeys(tokens.tokens(q["query"]))))))
        if not terms:
            out.append([])
            continue
        query = " | ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)
        rows = db.execute("SELECT uid FROM tv WHERE v @@ CAST(? AS TSQUERY)"
                          " ORDER BY ts_rank_cd(v, CAST(? AS TSQUERY)) DESC, uid LIMIT 10", (query, query))
        out.append([r[0] for r in rows])
    db.close()
    return out


def keyword(sqlite, pg, queries) -> dict:
    def lists(index):
        uids = {r["id"]: r["uid"] for r in index.db.execute("SELECT id, uid FROM units")}
        times, out = [], []
        index.bm25("三公经费", k=10)  # warm: the word segmenter's dictionary
        for q in queries:
            start = time.perf_counter()
            ids = index.bm25(q["query"], k=10)
            times.append(time.perf_counter() - start)
            out.append([uids[i] for i in ids])
        return out, times

    (a, ta), (b, tb) = lists(sqlite), lists(pg)
    c = ts_rank_lists(pg, queries)
    return {"queries": len(queries),
            "sql_bm25": {"overlap_at_10": round(statistics.mean(_overlap(x, y) for x, y in zip(a, b)), 4),
                         "identical_top10": sum(x == y for x, y in zip(a, b))},
            "ts_rank_cd": {"overlap_at_10": round(statistics.mean(_overlap(x, y) for x, y in zip(a, c)), 4),
                           "identical_top10": sum(x == y for x, y in zip(a, c))},
            "bm25_latency": {"sqlite": _ms(ta), "postgresql": _ms(tb)}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="an empty PostgreSQL database")
    parser.add_argument("--model", default=None, help="embedding model (default: the offline e5-small)")
    args = parser.parse_args()

    from search import evaluate

    from answer import Answerer
    from index.indexing import refresh_search
    from index.search import open_for_search
    from index.store import Store, index_target
    from ingest import ingest_file, ingest_paths

    texts = sorted((ROOT.parent / "shared" / "corpus" / "text").glob("*.txt"))
    docs = [ingest_file(p) for p in texts]
    out: dict = {"documents": len(docs)}
    with tempfile.TemporaryDirectory() as tmp:
        targets = {"sqlite": Path(tmp) / "ix", "postgresql": index_target(args.url)}
        for name, target in targets.items():
            out[name] = write_and_read(target, docs)
            with Store(target) as store:
                ingest_paths(texts, store, force=True)
            start = time.perf_counter()
            refresh_search(target, args.model)
            out[name]["search_build_s"] = round(time.perf_counter() - start, 1)
        indexed = {d.name for d in docs}
        queries = [q for q in json.loads((ROOT / "benchmarks" / "search_dev.json").read_text(encoding="utf-8"))["queries"]
                   if q["document"] in indexed]
        searchers = {name: open_for_search(target, args.model) for name, target in targets.items()}
        out["keyword_index"] = keyword(searchers["sqlite"], searchers["postgresql"], queries)
        for name, index in searchers.items():
            out[name]["search"] = {mode: {k: v for k, v in evaluate(index, queries, mode, False).items() if k != "misses"}
                                   for mode in ("bm25", "hybrid")}
            index.close()
        for name, target in targets.items():
            answerer = Answerer(target)
            answerer.warm()
            times = []
            for q in queries:
                start = time.perf_counter()
                answerer.ask(q["query"])
                times.append(time.perf_counter() - start)
            answerer.close()
            out[name]["answer_latency"] = _ms(times)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
