"""Issue 11: a document is known by its content and its path, never by its base name alone.
A different report under an indexed report's file name is kept beside it (or replaces it only
when asked); the same report under another name is one document."""
import json
import shutil
import subprocess
import sys

import pytest

from conftest import REAL_REPORTS, ROOT, TEXTS
from ingest import ingest_paths
from ingest.run import distinct_name
from index.store import Store


def _sha(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _departments(store) -> dict[str, str]:
    return {d["name"]: d["department"] for d in store.documents()}


@pytest.mark.parametrize("indexed, other", [(0, 2), (1, 4), (3, 0)])
def test_another_report_under_an_indexed_name_is_kept_beside_it(tmp_path, indexed, other):
    impostor = tmp_path / "elsewhere" / TEXTS[indexed].name
    impostor.parent.mkdir()
    shutil.copy(TEXTS[other], impostor)
    with Store(tmp_path / "index") as store:
        ingest_paths([TEXTS[indexed]], store)
        original = _departments(store)[TEXTS[indexed].name]
        [result] = ingest_paths([impostor], store)
        assert result.ok and not result.skipped and result.name_taken_by == TEXTS[indexed].name
        assert result.name != TEXTS[indexed].name and "同名" in result.message and "--replace" in result.message
        names = _departments(store)
        assert names[TEXTS[indexed].name] == original  # nothing replaced
        assert names[result.name] == result.department != original
        # the second is shown under a distinct name carrying a short hash of its content
        assert result.name == distinct_name(TEXTS[indexed].name, store.document(name=result.name)["sha256"])
        # ingesting both again changes nothing
        again = ingest_paths([TEXTS[indexed], impostor], store)
        assert all(r.skipped for r in again) and len(store.documents()) == 2


def test_replace_on_request_only(tmp_path):
    impostor = tmp_path / "elsewhere" / TEXTS[0].name
    impostor.parent.mkdir()
    shutil.copy(TEXTS[2], impostor)
    with Store(tmp_path / "index") as store:
        ingest_paths([TEXTS[0]], store)
        [result] = ingest_paths([impostor], store, replace=[TEXTS[0].name])
        assert result.ok and result.name == TEXTS[0].name and result.name_taken_by is None
        assert _departments(store) == {TEXTS[0].name: result.department}
        assert store.document(name=TEXTS[0].name)["path"] == str(impostor.resolve())


def test_the_same_file_updated_in_place_replaces_its_older_reading(tmp_path):
    path = tmp_path / "reports" / "报告.txt"
    path.parent.mkdir()
    shutil.copy(TEXTS[0], path)
    with Store(tmp_path / "index") as store:
        ingest_paths([path], store)
        shutil.copy(TEXTS[4], path)  # the publisher corrected the file at the same place
        [result] = ingest_paths([path], store)
        assert result.ok and result.name == "报告.txt" and result.name_taken_by is None
        assert len(store.documents()) == 1 and store.documents()[0]["department"] == result.department


def test_the_same_report_under_many_names_is_one_document(tmp_path):
    copies = tmp_path / "copies"
    copies.mkdir()
    for i in range(20):
        shutil.copy(TEXTS[1], copies / f"copy_{i:03d}.txt")
    with Store(tmp_path / "index") as store:
        [first] = ingest_paths([TEXTS[1]], store)
        facts = store.stats()["facts"]
        results = ingest_paths([copies], store)
        assert len(store.documents()) == 1 and store.stats()["facts"] == facts
        assert all(r.ok and r.skipped and r.duplicate_of == first.name for r in results)
        assert all(f"已导入的 {first.name}" in r.message for r in results)


def test_command_line_keeps_both_and_says_so_then_replaces_when_asked(tmp_path):
    impostor = tmp_path / "elsewhere" / TEXTS[0].name
    impostor.parent.mkdir()
    shutil.copy(TEXTS[2], impostor)
    index = tmp_path / "index"

    def ingest(*args):
        out = subprocess.run([sys.executable, "-m", "ingest", "--index", str(index), "--no-search", *map(str, args)],
                             cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        return out.stdout

    ingest(TEXTS[0])
    said = ingest(impostor)
    assert "已有同名报告" in said and "--replace" in said
    said = ingest(tmp_path / "elsewhere", "--json")
    assert json.loads(said.splitlines()[0])["skipped"]
    copy = tmp_path / "renamed.txt"
    shutil.copy(TEXTS[0], copy)
    assert f"内容与已导入的 {TEXTS[0].name} 相同" in ingest(copy)
    with Store(index, readonly=True) as store:
        assert len(store.documents()) == 2
    with Store(index, readonly=True) as store:
        kept = store.document(sha256=store.document(name=distinct_name(TEXTS[0].name, _sha(impostor)))["sha256"])
    assert "已替换原报告" in ingest(impostor, "--replace", TEXTS[0].name)
    with Store(index, readonly=True) as store:  # the impostor's copy took the name: one content, one document
        docs = store.documents()
    assert [(d["name"], d["department"]) for d in docs] == [(TEXTS[0].name, kept["department"])]


def test_app_library_stale_files_know_files_by_content(tmp_path):
    from index.library import stale_files

    index = tmp_path / "index"
    with Store(index) as store:
        ingest_paths([TEXTS[0], REAL_REPORTS[0]], store)
    copy = tmp_path / "folder" / "另一个名字.txt"
    copy.parent.mkdir()
    shutil.copy(TEXTS[0], copy)
    other = tmp_path / "folder" / TEXTS[0].name
    shutil.copy(TEXTS[3], other)
    assert stale_files(index, [copy.parent]) == [other]
