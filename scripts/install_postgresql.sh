#!/usr/bin/env bash
# Debian's PostgreSQL server binaries for the store tests (tests/postgres.py starts a throwaway
# cluster from them with initdb and pg_ctl; no system cluster is used or needed).
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q postgresql >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q postgresql >/dev/null; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "无法安装 postgresql（PostgreSQL 存储的测试需要）" >&2; exit 1; }
