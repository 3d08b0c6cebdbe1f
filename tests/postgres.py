"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl start on a
unix socket (no TCP port), stopped at the end of the session.  As root (CI), the server runs as
the `postgres` system user, which Debian's package creates (initdb refuses root).  When no server
can be started the tests that need one fail and say why; they are never skipped
(scripts/install_postgresql.sh installs Debian's postgresql when it is missing)."""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def _bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    if shutil.which("initdb"):
        return Path(shutil.which("initdb")).parent
    pytest.fail("找不到 PostgreSQL（initdb）：请运行 scripts/install_postgresql.sh（scripts/test.sh 会自动安装）")


def _as_server_user(folder: Path) -> list[str]:
    """The command prefix that runs the server's programs as a user initdb accepts."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("以 root 运行测试需要系统用户 postgres（Debian 的 postgresql 软件包会创建它）")
    os.chown(folder, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _run(cmd: list[str], what: str) -> None:
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        pytest.fail(f"无法启动测试用的 PostgreSQL（{what}失败）：{out.stderr.strip() or out.stdout.strip()}")


@pytest.fixture(scope="session")
def postgres_server():
    """The server's base URL (no database name): postgresql://postgres@/?host=SOCKET_DIR."""
    binary = _bin()
    # under /tmp as root: the server's user must reach it, which a root-only $TMPDIR would not allow
    folder = Path(tempfile.mkdtemp(prefix="budget-qa-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    folder.chmod(0o755)
    data, sockets = folder / "data", folder / "sockets"
    prefix = _as_server_user(folder)
    _run(prefix + ["mkdir", "-m", "700", str(data), str(sockets)], "建立目录")
    _run(prefix + [str(binary / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale", "C.UTF-8"], "initdb ")
    options = f"-k {sockets} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    _run(prefix + [str(binary / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
                   "-w", "-t", "60", "start"], "pg_ctl start ")
    try:
        yield f"postgresql://postgres@/?host={sockets}"
    finally:
        subprocess.run(prefix + [str(binary / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


_numbers = itertools.count()


def fresh_database(server: str) -> str:
    """A new empty database on the test server; its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(server.replace("/?", "/postgres?"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.replace("/?", f"/{name}?")


@pytest.fixture
def postgres_url(postgres_server, tmp_path, monkeypatch):
    """An empty database of its own for one test; the local folders of PostgreSQL indexes
    (index.store.index_target) go under the test's temporary folder."""
    monkeypatch.setenv("BUDGET_QA_CACHE", str(tmp_path / "cache"))
    return fresh_database(postgres_server)
