"""Files parsed side by side in worker processes, handed back in the files' order to one writer.

Parsing is everything up to the `IngestedDocument` (read, OCR, layout, facts, passages); it runs
in `workers` processes of our own (spawned, each parsing one file at a time).  Writing stays in the
caller's process (`ingest.run`), which takes the outcomes in the order of the files, so that names,
duplicates and skipped files come out exactly as a serial ingest makes them; at most `window` files
are parsed ahead of the one the writer waits for, so memory stays bounded.

A file that cannot be parsed is a `Failed` outcome with its Chinese message, never an exception:
a bad file, a bug met on one file, and a worker process that dies (killed, out of memory) each fail
that file only; a dead worker is replaced and the rest go on.

OCR inside a worker: pages of a scan are read one at a time (`ocr.WORKERS_ENV` = 1) by one engine
with the worker's share of the cores (`ocr.THREADS_ENV` = cores ÷ workers, at least 1), so N file
workers never run more engine threads than the machine has cores.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import types
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

# (file's position, pages done, pages to read, seconds left): a scan's OCR progress in a worker
PageProgress = Callable[[int, int, int, float], None]


@dataclass(frozen=True)
class Failed:
    """A file whose parsing failed: the message shown for it, in Chinese."""

    message: str


def parse(path: Path, department: str | None, year: int | None, pages=None):
    """The file's IngestedDocument, or Failed with why; never raises."""
    from .errors import IngestError
    from .pipeline import ingest_file

    try:
        return ingest_file(path, department, year, pages)
    except IngestError as exc:
        return Failed(str(exc))
    except OSError as exc:
        return Failed(f"{path.name}：无法读取文件（{exc.strerror or exc}）")
    except Exception as exc:  # a bug met on one file fails that file, not the run
        return Failed(f"{path.name}：解析出错（{type(exc).__name__}：{exc}），未导入")


def crashed(path: Path, how: str) -> Failed:
    return Failed(f"{path.name}：解析进程意外退出（{how}），这份文件未导入，其余文件照常导入；可重新导入这份文件")


def ocr_share(workers: int) -> dict[str, str]:
    """Environment of a file worker: OCR pages one at a time, on its share of the cores."""
    from . import ocr

    threads = max(1, (os.cpu_count() or 1) // max(1, workers))
    return {ocr.WORKERS_ENV: "1", ocr.THREADS_ENV: str(threads)}


def parsed_in_order(jobs: Iterable[tuple[int, Path]], department: str | None, year: int | None, workers: int,
                    pages: PageProgress | None = None, window: int | None = None) -> Iterator[tuple[int, object]]:
    """(position, IngestedDocument or Failed) for each job, in the jobs' order, parsed by `workers`
    processes; pages(position, done, total, left) while a worker OCRs a scan."""
    jobs = list(jobs)
    window = window or 2 * workers
    size = max(1, min(workers, len(jobs)))
    pool = _Pool(size, department, year, ocr_share(size), pages is not None)
    done: dict[int, object] = {}
    try:
        queued = 0
        for k, (position, path) in enumerate(jobs):
            while position not in done:
                while queued < len(jobs) and queued < k + window and pool.idle():
                    pool.submit(*jobs[queued])
                    queued += 1
                for event in pool.events():
                    if event[0] == "page":
                        if pages:
                            pages(*event[1:])
                    else:
                        done[event[1]] = event[2]
            yield position, done.pop(position)
    finally:
        pool.close()


class _Pool:
    """Worker processes, one file each at a time, over a pipe each; a worker that dies is replaced
    and its file is reported as failed."""

    def __init__(self, size: int, department, year, env: dict[str, str], pages: bool):
        self._context = multiprocessing.get_context("spawn")  # no fork of a process holding threads or a store
        self._args = (department, year, env, pages)
        self._workers = [self._start() for _ in range(size)]
        self._busy: dict[int, tuple[int, Path]] = {}  # worker's index → (position, path)

    def _start(self):
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_work, args=(theirs, *self._args), daemon=True, name="ingest-worker")
        with _no_main():
            process.start()
        theirs.close()
        return process, ours

    def idle(self) -> bool:
        return len(self._busy) < len(self._workers)

    def submit(self, position: int, path: Path) -> None:
        w = next(i for i in range(len(self._workers)) if i not in self._busy)
        self._busy[w] = (position, path)
        try:
            self._workers[w][1].send((position, str(path)))
        except OSError:  # the idle worker died (killed): a new one takes the file
            self._workers[w][1].close()
            self._workers[w] = self._start()
            self._workers[w][1].send((position, str(path)))

    def events(self) -> list[tuple]:
        """What the busy workers said, waiting until one says something: ("page", position, done,
        total, left) or ("done", position, outcome)."""
        ready = set(wait([x for w in self._busy for x in (self._workers[w][1], self._workers[w][0].sentinel)]))
        out = []
        for w in list(self._busy):
            process, conn = self._workers[w]
            if conn not in ready and process.sentinel not in ready:
                continue
            try:
                while conn.poll():
                    message = conn.recv()
                    if message[0] == "done":
                        del self._busy[w]
                        out.append(message)
                        break
                    out.append(message)
                else:
                    if process.is_alive():
                        continue
                    raise EOFError
            except (EOFError, OSError):
                process.join(5)
                position, path = self._busy.pop(w)
                out.append(("done", position, crashed(path, _exit(process.exitcode))))
                conn.close()
                self._workers[w] = self._start()
        return out

    def close(self) -> None:
        for process, conn in self._workers:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for process, _ in self._workers:
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join()


@contextmanager
def _no_main():
    """Start a worker without the parent's main module: a spawned child otherwise runs it again
    (the Streamlit app's script would ingest and render in each worker); the worker needs only
    this module."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _exit(code: int | None) -> str:
    if code is not None and code < 0:
        import signal

        try:
            return f"信号 {signal.Signals(-code).name}"
        except ValueError:
            return f"信号 {-code}"
    return f"退出码 {code}"


def _work(conn, department, year, env: dict[str, str], pages: bool) -> None:
    """A worker: parse the files it is sent until told to stop (None) or its writer is gone."""
    os.environ.update(env)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        position, path = job
        progress = (lambda d, t, left: conn.send(("page", position, d, t, left))) if pages else None
        outcome = parse(Path(path), department, year, progress)
        try:
            conn.send(("done", position, outcome))
        except (EOFError, OSError):
            return
