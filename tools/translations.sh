#!/usr/bin/env bash
# Refresh the Qt translation sources from the code, then compile them (make translations).
#
# pyside6-lupdate adds new source strings to resources/translations/*.ts (as "unfinished") and
# drops strings the code no longer has; translators fill the Chinese in safedesk_zh_CN.ts
# (Qt Linguist: pyside6-linguist). pyside6-lrelease then writes the .qm files the app loads.
# Both .ts and .qm files are committed, so a fresh clone runs without this step.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
folder=resources/translations

mapfile -t sources < <(find desktop -name '*.py' -not -path '*/__pycache__/*' | sort)
"$BIN/pyside6-lupdate" "${sources[@]}" -no-obsolete -locations none \
  -ts "$folder/safedesk_zh_CN.ts" "$folder/safedesk_en.ts"
"$BIN/pyside6-lrelease" "$folder/safedesk_zh_CN.ts" -qm "$folder/safedesk_zh_CN.qm"
"$BIN/pyside6-lrelease" "$folder/safedesk_en.ts" -qm "$folder/safedesk_en.qm"
