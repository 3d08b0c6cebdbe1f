#!/usr/bin/env bash
# Set up, bring ./var/index in line with a folder of reports (default ../shared/corpus), print what
# the index holds and what its reconciliation checks find, and start the app on http://localhost:${PORT:-8501}.
# Usage: scripts/run.sh [REPORT_FOLDER_OR_FILES...]     (NO_APP=1 stops after the index)
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
.venv/bin/python -m checks --index "$INDEX" --summary || true
[ "${NO_APP:-}" = "1" ] && exit 0
export BUDGET_QA_INDEX="$INDEX"
export BUDGET_QA_REPORTS="$(IFS=:; echo "$*")"
exec .venv/bin/streamlit run app.py --server.headless true --server.port "${PORT:-8501}" \
    --browser.gatherUsageStats false --server.fileWatcherType none
