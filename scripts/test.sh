#!/usr/bin/env bash
# Set up (Python packages, and Debian's Chromium for the browser test), then run the whole test
# suite.  Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/install_chromium.sh
scripts/install_postgresql.sh
exec .venv/bin/python -m pytest -q "$@"
