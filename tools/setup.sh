# Shared set-up for ./run.sh and ./test.sh (sourced, not executed).
# Installs what is missing: Debian packages (with apt when root, otherwise prints the command and stops),
# the virtual environment and the Python requirements. A second run installs nothing and is quick.

RUNTIME_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 postgresql-client"
TEST_PACKAGES="poppler-utils chromium libatomic1"

ensure_system_packages() {
  local wanted="$RUNTIME_PACKAGES"
  [ "${1:-}" = "test" ] && wanted="$wanted $TEST_PACKAGES"
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "!! Not a Debian/Ubuntu system: install the equivalents of: $wanted" >&2
    return 0
  fi
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    wanted="$wanted python3-venv"
  fi
  local missing="" pkg
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "!! Missing system packages:$missing" >&2
    echo "!! Install them, then run this script again:" >&2
    echo "   sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 2
  fi
  echo ">> Installing system packages:$missing"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
}

ensure_venv() {
  local requirements="$1"
  if [ ! -x .venv/bin/python ]; then
    echo ">> Creating .venv"
    python3 -m venv .venv
  fi
  # Every package, dependencies included, from the hash-pinned lock (tools/lock.sh writes it from the .txt):
  # a file that differs from what was locked is refused. Reinstall only when the lock changes.
  local lock="${requirements%.txt}.lock"
  local stamp=".venv/.installed-${requirements%.txt}" digest
  digest=$(cat requirements*.txt requirements*.lock | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo ">> Installing Python packages from $lock (hash-checked)"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$lock"
    echo "$digest" > "$stamp"
  fi
}

ensure_bytecode() {
  # The project's own modules compiled once, as pip does for every installed package: a process that starts
  # (a `flask` command, a gunicorn worker) then reads them instead of compiling each one it imports, even where
  # PYTHONDONTWRITEBYTECODE is set. A file edited later is compiled again (in memory only, where that is set).
  # -q prints only what does not compile.
  .venv/bin/python -m compileall -q -j 0 audit reports bench wsgi.py
}

ensure_translations() {
  # the Vietnamese catalogue is compiled here, at install time (tools/i18n.sh; the .mo is not committed)
  tools/i18n.sh compile
}
