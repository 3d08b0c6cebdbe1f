"""The vector file (dense.faiss) on a real report, with the hashing embedder: written atomically,
checked on open, and rebuilt from the embedding cache when it is missing, truncated, garbage,
shorter than the cache or left half-written by a kill -9 — by the next ingest, by
`python -m index build` and, in memory, by a searcher."""
import fcntl
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import faiss
import numpy as np
import pytest

from conftest import ROOT, TEXTS
from index.ann import ANN, remove_stale
from index.embed import HashingEmbedder
from index.search import DENSE_FILE, MANIFEST_FILE, SearchIndex, open_for_search
from index.store import Store
from ingest import ingest_paths

DIM = HashingEmbedder().dim


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vectors")
    with Store(folder) as store:
        ingest_paths([TEXTS[0]], store)
        with SearchIndex(folder, HashingEmbedder()) as index:
            index.refresh(store)
    assert vectors(folder) == units(folder) > 500
    return folder


@pytest.fixture
def copy(built, tmp_path):
    shutil.copytree(built, tmp_path / "index")
    return tmp_path / "index"


def vectors(folder) -> int:
    return ANN.load(folder / DENSE_FILE, DIM).count


def units(folder) -> int:
    with sqlite3.connect(folder / "search.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM units").fetchone()[0]


def manifest(folder) -> dict:
    return json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))


def last_unique_unit(folder, document=None) -> tuple[int, str]:
    """A unit (id, text) that no other unit shares its text with, from the end of the file: a
    vector file cut short lacks it, and a dense search for its own text finds it first."""
    with sqlite3.connect(folder / "search.sqlite") as db:
        return db.execute(
            "SELECT MAX(id), index_text FROM units WHERE document LIKE ? GROUP BY content_hash HAVING COUNT(*) = 1"
            " ORDER BY MAX(id) DESC LIMIT 1", (document or "%",)).fetchone()


def write_short_file(folder) -> int:
    """A valid vector file holding only the first half of the cached vectors: what a searcher
    sees when units vanish from dense search.  Returns how many it holds."""
    with sqlite3.connect(folder / "search.sqlite") as db:
        rows = db.execute("SELECT u.id, e.vector FROM units u JOIN embeddings e ON e.content_hash = u.content_hash"
                          " ORDER BY u.id").fetchall()
    half = rows[: len(rows) // 2]
    ann = ANN(DIM)
    ann.add(np.array([r[0] for r in half]), np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in half]))
    faiss.write_index(ann.index, str(folder / DENSE_FILE))
    return len(half)


def refresh(folder) -> dict:
    with Store(folder) as store, SearchIndex(folder, HashingEmbedder()) as index:
        return index.refresh(store)


def assert_whole(folder, unit) -> None:
    """One vector per unit, file and manifest agree, no temp file, and dense search finds `unit`."""
    assert vectors(folder) == units(folder) == manifest(folder)["units"] == manifest(folder)["vectors"]
    assert not (folder / (DENSE_FILE + ".tmp")).exists()
    with open_for_search(folder) as index:
        assert index.repairs == []
        assert unit[0] in index.dense(unit[1], k=3)


def test_a_truncated_vector_file_is_rebuilt_from_the_cache_by_the_next_refresh(copy):
    unit = last_unique_unit(copy)
    path = copy / DENSE_FILE
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(RuntimeError):
        ANN.load(path, DIM)
    stats = refresh(copy)
    assert stats["units_embedded"] == 0 and stats["documents_updated"] == 0  # no model call
    assert stats["repairs"] == [f"向量文件 {DENSE_FILE} 损坏，无法读取，已从缓存重建"]
    assert_whole(copy, unit)


def test_a_vector_file_shorter_than_the_cache_is_rebuilt_and_its_units_are_found_again(copy):
    unit = last_unique_unit(copy)
    held = write_short_file(copy)
    short = ANN.load(copy / DENSE_FILE, DIM)  # the file as it is: the unit has vanished from dense search
    assert short.count == held < units(copy) and unit[0] not in faiss.vector_to_array(short.index.id_map)
    stats = refresh(copy)
    assert stats["repairs"] == [f"向量文件损坏或不完整（{held}/{units(copy)} 个向量），已从缓存重建"]
    assert_whole(copy, unit)


@pytest.mark.parametrize("damage", ["deleted", "garbage"])
def test_a_missing_or_garbage_vector_file_is_rebuilt(copy, damage):
    unit = last_unique_unit(copy)
    path = copy / DENSE_FILE
    if damage == "deleted":
        path.unlink()
    else:
        path.write_bytes(os.urandom(path.stat().st_size))
    stats = refresh(copy)
    assert len(stats["repairs"]) == 1 and stats["repairs"][0].endswith("已从缓存重建")
    assert ("不存在" if damage == "deleted" else "无法读取") in stats["repairs"][0]
    assert_whole(copy, unit)


def test_a_stale_temp_file_is_removed_but_not_one_being_written(copy):
    tmp = copy / (DENSE_FILE + ".tmp")
    tmp.write_bytes(b"half a file")
    stats = refresh(copy)
    assert not tmp.exists() and stats["repairs"] == [f"已删除中断写入留下的临时文件 {DENSE_FILE}.tmp"]
    tmp.write_bytes(b"half a file")
    with open_for_search(copy) as index:
        assert not tmp.exists() and index.repairs == [f"已删除中断写入留下的临时文件 {DENSE_FILE}.tmp"]
    # while a writer holds the folder's lock the temp file is its, not stale
    tmp.write_bytes(b"being written")
    lock = os.open(copy, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert not remove_stale(copy / DENSE_FILE) and tmp.exists()
    finally:
        os.close(lock)
    assert remove_stale(copy / DENSE_FILE) and not tmp.exists()


def test_a_searcher_repairs_a_damaged_file_in_memory_and_saves_it(copy):
    unit = last_unique_unit(copy)
    held = write_short_file(copy)
    with open_for_search(copy) as index:
        assert index.repairs == [f"向量文件损坏或不完整（{held}/{units(copy)} 个向量），已从缓存重建"]
        assert unit[0] in index.dense(unit[1], k=3)
        assert any(r.text == index.db.execute("SELECT text FROM units WHERE id=?", (unit[0],)).fetchone()[0]
                   for r in index.search(unit[1], k=3, mode="dense"))
    assert vectors(copy) == units(copy)  # saved atomically: the next searcher finds nothing to repair
    with open_for_search(copy) as index:
        assert index.repairs == []


def test_a_searcher_does_not_overwrite_the_file_while_a_refresh_writes_it(copy):
    unit = last_unique_unit(copy)
    held = write_short_file(copy)
    before = (copy / DENSE_FILE).read_bytes()
    lock = os.open(copy, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with open_for_search(copy) as index:
            assert len(index.repairs) == 1 and "已在内存中从缓存重建" in index.repairs[0]
            assert f"{held}/{units(copy)}" in index.repairs[0]
            assert unit[0] in index.dense(unit[1], k=3)
    finally:
        os.close(lock)
    assert (copy / DENSE_FILE).read_bytes() == before


def test_units_without_a_cached_vector_are_counted_and_the_build_command_fills_them(copy):
    with sqlite3.connect(copy / "search.sqlite") as db:
        gone = db.execute("SELECT content_hash FROM embeddings ORDER BY content_hash LIMIT 100").fetchall()
        db.executemany("DELETE FROM embeddings WHERE content_hash=?", gone)
        lacking = db.execute("SELECT COUNT(*) FROM units WHERE content_hash IN (SELECT content_hash FROM units"
                             " EXCEPT SELECT content_hash FROM embeddings)").fetchone()[0]
    assert lacking >= 100
    with open_for_search(copy) as index:
        assert index._dense().count == units(copy) - lacking
        assert any(m.startswith(f"{lacking} 个段落和表格行还没有向量") and f"python -m index --index {copy} build" in m
                   for m in index.repairs), index.repairs
    out = subprocess.run([sys.executable, "-m", "index", "--index", str(copy), "build"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1])["units_embedded"] == len(gone)
    assert vectors(copy) == units(copy)


def test_the_command_lines_notice_and_report_a_damaged_file(copy):
    held = write_short_file(copy)
    message = f"向量文件损坏或不完整（{held}/{units(copy)} 个向量），已从缓存重建"
    out = subprocess.run([sys.executable, "-m", "index", "--index", str(copy), "search", "差旅费", "--mode", "dense",
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert message in out.stderr and json.loads(out.stdout)
    write_short_file(copy)
    out = subprocess.run([sys.executable, "-m", "index", "--index", str(copy), "build"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert message in out.stderr and json.loads(out.stdout.splitlines()[-1])["repairs"] == [message]
    assert vectors(copy) == units(copy)


# Runs `python -m ingest` with the vector write made slow: half the bytes into dense.faiss.tmp,
# then a marker file, then a long sleep (inside the folder lock), so the test can kill -9 it there.
SLOW_WRITE = r"""
import runpy, sys, time
from pathlib import Path
import index.ann as ann

marker, real = Path(sys.argv[1]), ann._write_synced

def slow(path, data):
    if path.name != "dense.faiss.tmp":
        return real(path, data)
    with open(path, "wb") as f:
        f.write(data[: len(data) // 2])
        f.flush()
    marker.touch()
    time.sleep(600)

ann._write_synced = slow
sys.argv = ["ingest", *sys.argv[2:]]
runpy.run_module("ingest", run_name="__main__", alter_sys=True)
"""


def test_an_ingest_killed_while_writing_vectors_is_repaired_by_the_next_ingest(copy, tmp_path):
    marker, log = tmp_path / "writing", tmp_path / "killed.log"
    command = ["--index", str(copy), str(TEXTS[1]), "--model", "hashing"]
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, str(marker), *command], cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 240
            while not marker.exists():
                assert proc.poll() is None, log.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "the vector write was never reached"
                time.sleep(0.1)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    # what the kill left: a half-written temp file, and a whole old file without the new report
    assert (copy / (DENSE_FILE + ".tmp")).exists()
    assert vectors(copy) < units(copy) and manifest(copy)["units"] < units(copy)
    out = subprocess.run([sys.executable, "-m", "ingest", *command], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    said = out.stdout + out.stderr
    assert f"已删除中断写入留下的临时文件 {DENSE_FILE}.tmp" in said
    assert "向量文件损坏或不完整" in said and "已从缓存重建" in said
    assert_whole(copy, last_unique_unit(copy, TEXTS[1].name))
