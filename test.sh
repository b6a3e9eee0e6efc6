#!/usr/bin/env bash
# Set up everything and run the whole test suite (unit, web, browser; SQLite and, when a server
# answers, PostgreSQL). Extra arguments go to pytest, e.g. ./test.sh -k permissions
set -euo pipefail
cd "$(dirname "$0")"
. tools/setup.sh

ensure_system_packages test
ensure_venv requirements-dev.txt
ensure_translations
ensure_bytecode

exec .venv/bin/python -m pytest "$@"
