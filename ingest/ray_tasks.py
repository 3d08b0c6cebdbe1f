"""Files parsed as Ray tasks (`python -m ingest --ray ADDRESS`), handed back in the files' order.

The same per-file parse as `ingest.parallel` (read, OCR, layout, facts, passages), run as a Ray task
of one CPU each on a cluster (`ray.init(address=ADDRESS)`) or on a local one started for the run
("auto": `ray.init(address="local", num_cpus=workers)`, no dashboard, no usage report, nothing
downloaded).  A task gets the file's bytes, not its path, so the cluster's nodes need no shared
disk; our code travels with the job (`runtime_env` py_modules: `ingest`, `domain`), while the
libraries it uses (pdfplumber, the OCR engine; requirements.txt) must be installed on every node.
The document comes back with the path the file has here, so it is the document a serial ingest
makes.  At most `window` tasks are in flight; a task whose worker dies fails its file only.

Ray is imported here only, and this module only when --ray is given.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from .parallel import Failed, crashed

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "domain")  # what a task imports from this project
LOCAL_OBJECT_STORE = 512 * 1024 * 1024  # bytes of shared memory for a local cluster's files and documents


def parsed_in_order(jobs: Iterable[tuple[int, Path]], department: str | None, year: int | None, address: str,
                    workers: int = 0, window: int | None = None) -> Iterator[tuple[int, object]]:
    """(position, IngestedDocument or Failed) for each job, in the jobs' order, parsed by Ray tasks."""
    ray = _ray()
    started = _connect(ray, address, workers)
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        window = window or 2 * max(1, cpus)
        task = ray.remote(num_cpus=1, max_retries=0)(_parse_bytes)
        jobs = list(jobs)
        pending: dict[int, object] = {}  # position → the task's result reference
        queued = 0
        for k, (position, path) in enumerate(jobs):
            while queued < len(jobs) and queued < k + window:
                i, p = jobs[queued]
                pending[i] = task.remote(p.name, str(p.resolve()), _read(p), department, year)
                queued += 1
            yield position, _outcome(ray, pending.pop(position), path)
    finally:
        if started:
            ray.shutdown()


def _ray():
    try:
        import ray
    except ImportError:  # pragma: no cover - requirements.txt installs it
        raise RuntimeError("没有安装 Ray：pip install -r requirements.txt（ray）") from None
    return ray


def _connect(ray, address: str, workers: int) -> bool:
    """Join the cluster at `address`, or start a local one for "auto"; True when this run started it."""
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # nothing is sent anywhere
    runtime_env = {"py_modules": [str(ROOT / name) for name in PACKAGES],
                   "env_vars": {"RAY_USAGE_STATS_ENABLED": "0"}}
    options = dict(runtime_env=runtime_env, log_to_driver=False, logging_level="ERROR", configure_logging=True)
    try:
        if address == "auto":
            ray.init(address="local", num_cpus=workers or os.cpu_count() or 1, include_dashboard=False,
                     object_store_memory=LOCAL_OBJECT_STORE, **options)
        else:
            ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise RuntimeError(f"无法连接 Ray 集群 {address}：{exc}") from exc
    return True


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # the writer reports the unreadable file itself


def _outcome(ray, ref, path: Path):
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as exc:  # the task's worker died, or the node
        return crashed(path, type(exc).__name__)


def _parse_bytes(name: str, resolved: str, data: bytes, department: str | None, year: int | None):
    """A task: the file written to a scratch folder under its own name, parsed, and its document
    given back with the path it has on the writer's machine."""
    import dataclasses
    import tempfile

    from . import ocr
    from .model import IngestedDocument
    from .parallel import parse

    os.environ.update({ocr.WORKERS_ENV: "1", ocr.THREADS_ENV: "1"})  # one CPU per task
    with tempfile.TemporaryDirectory(prefix="ingest-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        outcome = parse(path, department, year)
    if isinstance(outcome, IngestedDocument):
        return dataclasses.replace(outcome, path=resolved)
    return outcome if isinstance(outcome, Failed) else Failed(f"{name}：解析结果无法识别")
