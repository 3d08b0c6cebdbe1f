"""Issue 16, parallel ingestion: `python -m ingest --workers 2` and `--ray auto` (a local Ray cluster)
store, fact for fact, what a serial ingest stores; a file that fails is reported and the others are
stored; a kill of the main process or of a worker during a parallel ingest loses nothing indexed,
and a second ingest completes the store."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import fixtures
from conftest import CORPUS, ROOT, TEXTS
from ingest import ingest_paths
from index.store import Store

PDF = CORPUS / "pdf" / "004_5522c362a8f8a79d.pdf"  # 38 pages with a text layer: the longest file to parse here
VOLATILE = {"id", "doc_id", "ingested_at"}  # ids and times differ between any two ingests


def contents(folder: Path) -> dict:
    """Everything the store holds per document, ids and timestamps left out."""
    with Store(folder) as store:
        out = {}
        for doc in store.documents():
            name = doc["name"]
            out[name] = {
                "document": _plain(doc),
                "facts": [_plain(f) for f in store.facts(name)],
                "passages": [_plain(p) for p in store.passages(name)],
                "tables": [_plain(t) for t in store.tables(name)],
                "warnings": [_plain(w) for w in store.warnings(name)],
            }
        return out


def _plain(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in VOLATILE}


def cli(folder: Path, files: list[Path], *options: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ingest", "--index", str(folder), "--json", "--no-search", *options,
                             *map(str, files)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **popen)


def results(process: subprocess.Popen) -> list[dict]:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[Path]:
    """The five text reports, a broken PDF the test makes, and a real PDF, in this order."""
    return [*TEXTS, fixtures.broken_pdf(tmp_path_factory.mktemp("bad")), PDF]


@pytest.fixture(scope="module")
def serial(files, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("serial")
    with Store(folder) as store:
        ingest_paths(files, store, workers=1)
    return contents(folder)


def _check_equal(folder: Path, rows: list[dict], files: list[Path], serial: dict) -> None:
    assert [r["path"] for r in rows] == [str(f) for f in files]  # one result per file, in the files' order
    broken = rows[len(TEXTS)]
    assert not broken["ok"] and broken["name"] == "broken.pdf" and "损坏" in broken["message"]
    assert all(r["ok"] and not r["skipped"] for i, r in enumerate(rows) if i != len(TEXTS))
    stored = contents(folder)
    assert set(stored) == {f.name for f in TEXTS} | {PDF.name} == set(serial)
    for name in serial:
        for part in ("document", "tables", "passages", "warnings", "facts"):
            assert stored[name][part] == serial[name][part], (name, part)


def test_two_workers_store_what_a_serial_ingest_stores(files, serial, tmp_path):
    _check_equal(tmp_path / "ix", results(cli(tmp_path / "ix", files, "--workers", "2")), files, serial)


def test_a_local_ray_cluster_stores_what_a_serial_ingest_stores(files, serial, tmp_path):
    _check_equal(tmp_path / "ix", results(cli(tmp_path / "ix", files, "--ray", "auto", "--workers", "2")), files, serial)


def test_a_second_parallel_ingest_skips_what_is_indexed_and_names_as_a_serial_one(files, serial, tmp_path):
    """The writer decides names and duplicates in the files' order: a copy of a report under another
    folder is a duplicate, a different report under an indexed name gets a distinct name."""
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / TEXTS[0].name).write_bytes(TEXTS[0].read_bytes())  # same content, another path
    (copies / TEXTS[2].name).write_bytes(TEXTS[1].read_bytes())  # TEXTS[1]'s content under TEXTS[2]'s name
    batch = [*TEXTS[:3], copies / TEXTS[0].name, copies / TEXTS[2].name]
    with Store(tmp_path / "serial") as store:
        expected = [(r.name, r.ok, r.skipped, r.duplicate_of) for r in ingest_paths(batch, store, workers=1)]
    with Store(tmp_path / "parallel") as store:
        got = [(r.name, r.ok, r.skipped, r.duplicate_of) for r in ingest_paths(batch, store, workers=2)]
        again = ingest_paths(TEXTS[:3], store, workers=2)
    assert got == expected
    assert expected[3] == (TEXTS[0].name, True, True, TEXTS[0].name)
    assert expected[4] == (TEXTS[1].name, True, True, TEXTS[1].name)
    assert all(r.ok and r.skipped for r in again)
    assert contents(tmp_path / "parallel") == contents(tmp_path / "serial")


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _workers(pid: int) -> list[int]:
    """The ingest's parsing processes (spawned: `-c from multiprocessing.spawn import …`), not its
    resource tracker."""
    out = []
    for child in _children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"multiprocessing.spawn" in cmdline and b"resource_tracker" not in cmdline:
            out.append(child)
    return out


def _gone(pids: list[int], seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and "Z" not in _state(p)]
        if not alive:
            return True
        time.sleep(0.5)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def _read_until(process: subprocess.Popen, lines: int) -> list[dict]:
    rows = []
    while len(rows) < lines:
        line = process.stdout.readline()
        assert line, process.stderr.read()
        rows.append(json.loads(line))
    return rows


def _intact(folder: Path, serial: dict) -> dict:
    """The store after a kill: every document in it is whole (all its facts, passages, tables)."""
    stored = contents(folder)
    for name, parts in stored.items():
        assert parts == serial[name], name
    return stored


def test_a_killed_ingest_loses_nothing_and_a_second_one_completes_the_store(files, serial, tmp_path):
    folder = tmp_path / "ix"
    process = cli(folder, files, "--workers", "2")
    written = _read_until(process, 2)
    workers = _workers(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert len(workers) == 2
    assert _gone(workers), "the parsing processes outlive a killed ingest"
    stored = _intact(folder, serial)
    assert {r["name"] for r in written} <= set(stored) < set(serial)  # killed while the PDF was being parsed

    rows = results(cli(folder, files, "--workers", "2"))
    assert [r["skipped"] for r in rows if r["name"] in stored] == [True] * len(stored)
    assert contents(folder) == serial


def test_a_killed_worker_fails_its_file_only(files, serial, tmp_path):
    folder = tmp_path / "ix"
    process = cli(folder, files, "--workers", "2")
    rows = _read_until(process, len(TEXTS) + 1)  # the texts and the broken file: the PDF is left, being parsed
    for pid in _workers(process.pid):
        os.kill(pid, signal.SIGKILL)
    rows += results(process)
    assert [r["ok"] for r in rows] == [True] * len(TEXTS) + [False, False]
    assert "解析进程意外退出" in rows[-1]["message"] and PDF.name in rows[-1]["message"]
    assert set(_intact(folder, serial)) == {f.name for f in TEXTS}

    rows = results(cli(folder, files, "--workers", "2"))
    assert rows[-1]["ok"] and not rows[-1]["skipped"]
    assert contents(folder) == serial
