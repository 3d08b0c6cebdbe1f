"""Shared test set-up: where the corpus is, and reports ingested once per session."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

TEXTS = sorted((CORPUS / "text").glob("*.txt"))
TWINS = sorted(p for p in (CORPUS / "pdf").glob("0*.pdf"))
REAL = sorted(p for p in (CORPUS / "real").glob("*.pdf"))
REAL_REPORTS = [p for p in REAL if "模板" not in p.name]


def pytest_configure(config):
    if not TEXTS or not TWINS or not REAL:
        raise pytest.UsageError(f"corpus not found at {CORPUS}: the tests read the real reports from ../shared/corpus")


@functools.cache
def ingested(path: Path):
    from ingest import ingest_file

    return ingest_file(path)


@pytest.fixture(scope="session")
def text_docs():
    return {p.stem: ingested(p) for p in TEXTS}


@pytest.fixture(scope="session")
def text_ask(tmp_path_factory):
    """Answerer.ask over the five text reports (no search index: figures need none)."""
    from answer import Answerer
    from ingest import ingest_paths
    from index.store import Store

    folder = tmp_path_factory.mktemp("text_reports")
    with Store(folder) as store:
        ingest_paths(TEXTS, store)
    answerer = Answerer(folder, search=False)
    yield answerer.ask
    answerer.close()


@pytest.fixture(scope="session")
def jiangsu_ingested(tmp_path_factory):
    """The 22 Jiangsu budget PDFs ingested once per session: (store folder, results per file)."""
    from ingest import ingest_paths
    from index.store import Store

    folder = tmp_path_factory.mktemp("jiangsu") / "index"
    with Store(folder) as store:
        results = ingest_paths([CORPUS / "budget" / "jiangsu"], store)
    return folder, results


@pytest.fixture(scope="session")
def jiangsu_ask(jiangsu_ingested):
    """Answerer.ask over the 22 Jiangsu budget PDFs (no search index)."""
    from answer import Answerer

    answerer = Answerer(jiangsu_ingested[0], search=False)
    yield answerer.ask
    answerer.close()


@pytest.fixture(scope="session")
def reports_folder(tmp_path_factory):
    """A store of the five text reports and the real published PDFs."""
    from ingest import ingest_paths
    from index.store import Store

    folder = tmp_path_factory.mktemp("reports")
    with Store(folder) as store:
        ingest_paths(TEXTS + REAL_REPORTS, store)
    return folder


@pytest.fixture(scope="session")
def reports_ask(reports_folder):
    """Answerer.ask over the five text reports and the real published PDFs (no search index)."""
    from answer import Answerer

    answerer = Answerer(reports_folder, search=False)
    yield answerer.ask
    answerer.close()
