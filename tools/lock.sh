#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from requirements*.txt (the files people edit):
#   tools/lock.sh            then commit requirements.lock and requirements-dev.lock
# pip-tools runs from a throw-away virtual environment, so it never enters the project's own.
set -euo pipefail
cd "$(dirname "$0")/.."
tools_venv="${TMPDIR:-/tmp}/ktcv-lock-tools"
[ -x "$tools_venv/bin/pip-compile" ] || { python3 -m venv "$tools_venv"; "$tools_venv/bin/pip" install -q pip-tools; }
for name in requirements requirements-dev; do
  "$tools_venv/bin/pip-compile" -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
    --no-emit-find-links --no-emit-trusted-host -o "$name.lock" "$name.txt"
done
echo "requirements.lock and requirements-dev.lock written"
