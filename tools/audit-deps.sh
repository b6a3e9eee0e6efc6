#!/usr/bin/env bash
# Check every locked package against the published security advisories (pip-audit, PyPI's advisory data).
# Needs access to pypi.org's JSON API; exits non-zero when a locked version has a known vulnerability.
set -euo pipefail
cd "$(dirname "$0")/.."
tools_venv="${TMPDIR:-/tmp}/ktcv-audit-tools"
[ -x "$tools_venv/bin/pip-audit" ] || { python3 -m venv "$tools_venv"; "$tools_venv/bin/pip" install -q pip-audit; }
exec "$tools_venv/bin/pip-audit" -r requirements-dev.lock --disable-pip --require-hashes --progress-spinner off "$@"
