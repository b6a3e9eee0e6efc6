#!/usr/bin/env bash
# Set up everything and serve the KTCV demo (SQLite in instance/, seeded with Nam Giang data).
#   ./run.sh                 → http://127.0.0.1:5000
#   PORT=8080 ./run.sh       → another port;  DATABASE_URL=postgresql://… ./run.sh → PostgreSQL
set -euo pipefail
cd "$(dirname "$0")"
. tools/setup.sh

ensure_system_packages runtime
ensure_venv requirements.txt
ensure_translations
ensure_bytecode

FLASK=".venv/bin/flask --app wsgi"
PORT="${PORT:-5000}"
HOST="${HOST:-127.0.0.1}"
# Issued documents carry a verification address and a digital signature: the demo's address, and test
# certificates KTCV makes itself (they say they are for testing; put real PKCS#12 files in instance/signing/).
export AUDIT_PUBLIC_URL="${AUDIT_PUBLIC_URL:-http://$HOST:$PORT}"
export AUDIT_SIGNING_TEST_CERTIFICATES="${AUDIT_SIGNING_TEST_CERTIFICATES:-true}"
# a demonstration: the seeded accounts keep the published password (elsewhere they must change it)
export AUDIT_DEMO="${AUDIT_DEMO:-true}"
echo ">> Applying database migrations"
$FLASK db upgrade 2>&1 | grep -v "^INFO" || true
$FLASK files adopt >/dev/null  # photos kept by the first release in instance/evidence and instance/remediation
$FLASK seed-demo
echo
$FLASK demo-logins
echo

# The demo is served over plain HTTP: session cookies cannot be "Secure" there. Behind HTTPS, set
# AUDIT_SESSION_COOKIE_SECURE=true and AUDIT_REMEMBER_COOKIE_SECURE=true.
export AUDIT_SESSION_COOKIE_SECURE="${AUDIT_SESSION_COOKIE_SECURE:-false}"
export AUDIT_REMEMBER_COOKIE_SECURE="${AUDIT_REMEMBER_COOKIE_SECURE:-false}"
echo ">> KTCV đang chạy tại http://$HOST:$PORT  (Ctrl+C để dừng)"
# Sync workers: PDF rendering (WeasyPrint/Pango) is not thread-safe, so each request gets a process.
exec .venv/bin/gunicorn --workers "${WEB_CONCURRENCY:-2}" --bind "$HOST:$PORT" --timeout 120 \
  --max-requests 500 --max-requests-jitter 50 --access-logfile - wsgi:app
