#!/usr/bin/env bash
# Set up, then ingest a folder of reports (default ../shared/corpus) into ./var/index and print
# what the index holds.  Usage: scripts/run.sh [REPORT_FOLDER_OR_FILES...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
INDEX=${INDEX:-var/index}
if [ "$#" -eq 0 ]; then
    if [ -d ../shared/corpus ]; then set -- ../shared/corpus; else
        echo "没有指定报告目录，且 ../shared/corpus 不存在。用法：scripts/run.sh 报告目录" >&2; exit 2; fi
fi
.venv/bin/python -m ingest --index "$INDEX" "$@" || true
.venv/bin/python -m index --index "$INDEX" stats
