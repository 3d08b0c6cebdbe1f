"""Bad input gets one clear Chinese line naming the file and the problem, the rest of the batch
goes on, and nothing already in the store is lost."""
import subprocess
import sys

import pytest

import fixtures
from conftest import CORPUS, ROOT, TEXTS
from ingest import errors, ingest_file, ingest_paths
from index.store import Store

CASES = [
    (fixtures.broken_pdf, errors.BrokenPDF, "损坏"),
    (fixtures.truncated_pdf, errors.BrokenPDF, "损坏"),
    (fixtures.encrypted_pdf, errors.EncryptedPDF, "加密"),
    (fixtures.empty_pdf, errors.EmptyDocument, "没有任何页面"),
    (fixtures.gbk_text, errors.NotUTF8, "UTF-8"),
    (fixtures.not_a_report, errors.NotAReport, "不是部门决算"),
    (fixtures.notes_about_reports, errors.NotAReport, "没有找到任何决算表格"),
    (fixtures.empty_text, errors.EmptyDocument, "空的"),
    (fixtures.unsupported, errors.UnsupportedFile, "不支持"),
]


@pytest.mark.parametrize("make, error, words", CASES, ids=[c[0].__name__ for c in CASES])
def test_each_bad_file_raises_a_named_error_with_a_chinese_message(tmp_path, make, error, words):
    path = make(tmp_path)
    with pytest.raises(error) as info:
        ingest_file(path)
    message = str(info.value)
    assert path.name in message and words in message and "\n" not in message


def test_blank_template_is_not_taken_for_a_report():
    with pytest.raises(errors.NotAReport, match="模板"):
        ingest_file(CORPUS / "real" / "附件2：部门决算模板.pdf")


def test_image_only_pdf_is_read_by_ocr():
    """Issue 15: a scan is no longer refused; its pages are read by OCR and say so (tests/test_ocr.py
    checks what is read)."""
    doc = ingest_file(CORPUS / "pdf" / "scanned_004_pages3-6.pdf")
    assert doc.facts and all(f.confidence is not None for f in doc.facts)
    assert any("文字识别（OCR）" in w.message for w in doc.warnings)


def test_bad_files_do_not_stop_the_batch_or_touch_the_store(tmp_path):
    bad = [make(tmp_path) for make, _, _ in CASES]
    with Store(tmp_path / "ix") as store:
        first = ingest_paths([TEXTS[0]], store)
        assert first[0].ok
        before = store.stats()["facts"]
        results = ingest_paths(bad + [TEXTS[1]], store)
        assert [r.ok for r in results] == [False] * len(bad) + [True]
        assert all(r.message for r in results[:-1])
        names = {d["name"] for d in store.documents()}
        assert names == {TEXTS[0].name, TEXTS[1].name}
        assert store.stats()["facts"] > before


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "ingest", "--no-search", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_cli_exit_status_is_one_only_when_nothing_was_ingested(tmp_path):
    bad = fixtures.broken_pdf(tmp_path)
    only_bad = _cli("--index", tmp_path / "a", bad)
    assert only_bad.returncode == 1
    assert "broken.pdf" in only_bad.stdout and "损坏" in only_bad.stdout
    mixed = _cli("--index", tmp_path / "b", bad, TEXTS[0])
    assert mixed.returncode == 0
    lines = mixed.stdout.splitlines()
    assert any("✗" in l and "broken.pdf" in l for l in lines)
    assert any("✓" in l and TEXTS[0].name in l and "表" in l and "段" in l and "提示" in l for l in lines)
