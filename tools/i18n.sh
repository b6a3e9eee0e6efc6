#!/usr/bin/env bash
# The translation workflow with Babel's own tools; the Vietnamese catalogue
# audit/translations/vi/LC_MESSAGES/messages.po is the source, edited by hand or in Poedit/Lokalize.
#   tools/i18n.sh update    extract the marked strings (_, _l, N_, ngettext) into messages.pot and merge
#                           them into messages.po: new ones appear empty (or "fuzzy", with a guess to review),
#                           removed ones are dropped
#   tools/i18n.sh compile   compile messages.po into messages.mo (run.sh and test.sh do this at install)
#   tools/i18n.sh check     list what is untranslated, fuzzy or unused; exit 1 if anything is
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=.venv/bin/pybabel
DIR=audit/translations
POT=$DIR/messages.pot

case "${1:-}" in
  update)
    $PYBABEL -q extract -F babel.cfg -k _l -k N_ --no-location --no-wrap --sort-output \
      -o "$POT" .
    grep -q '^msgid "[^"]' "$POT" || { echo "nothing was extracted: the catalogue is left as it is" >&2; exit 1; }
    $PYBABEL -q update -i "$POT" -d "$DIR" -l vi --no-wrap --ignore-obsolete
    .venv/bin/python -m audit.i18n check "$POT"
    ;;
  compile)
    $PYBABEL -q compile -d "$DIR"
    ;;
  check)
    $PYBABEL -q extract -F babel.cfg -k _l -k N_ --no-location -o "$POT" .
    .venv/bin/python -m audit.i18n check "$POT"
    ;;
  *)
    sed -n '2,8p' "$0"
    exit 2
    ;;
esac
