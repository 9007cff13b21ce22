#!/usr/bin/env bash
# make screenshot: the demo unit under Xvfb at 1366x768, as an officer sees it mid-morning.
#
# Writes docs/screenshot-today.png (the Today view) and docs/screenshot-daily-check.png (the
# gondola's daily check being filled). The records shown are made through the real app: a few
# equipment are checked with the Qt-free services, then the gondola's form is typed into through
# the UI script (desktop/ui_script.py). SCALE=1.25 takes them at 125 % (QT_SCALE_FACTOR).
# Needs xvfb-run, ImageMagick's `import` and a CJK font (fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
OUT="${1:-docs}"
case "$OUT" in *.png) OUT="$(dirname "$OUT")" ;; esac
mkdir -p "$OUT"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SAFEDESK_LOG_DIR="$work/logs"

# Some of today's work already done: two lifts and the escalator checked, the wheel half way.
"$PYTHON" - "$work/data" <<'PYTHON'
import sys
from pathlib import Path

from sync.daily_checks import (
    mark_unanswered_normal, open_daily_check, save_answers, save_day_fields,
    submit_daily_check, template_of,
)
from sync.demo import DEMO_OFFICER_KEY, demo_id, seed_demo_store
from sync.store import open_store
from sync.templates import default_library

store = open_store(Path(sys.argv[1]))
seed_demo_store(store)
templates = default_library()
officer = demo_id(DEMO_OFFICER_KEY)
for key, closed in (("lift-1", False), ("lift-2", True), ("escalator", False), ("wheel", None)):
    check = open_daily_check(
        store, templates, equipment_id=demo_id(f"equipment/leshan-{key}"), actor="张伟"
    )
    if closed:
        save_day_fields(store, check.id, "张伟", operating_status="repair", remark="维保单位半月保养")
    else:
        readings = {
            item.id: {"value": item.measurement.minimum}
            for item in template_of(templates, check).items
            if item.measurement is not None
        }
        save_answers(store, templates, check.id, readings, "张伟")
        mark_unanswered_normal(store, templates, check.id, "张伟")
    if closed is not None:
        submit_daily_check(store, templates, check.id, person_id=officer, person_name="张伟")
store.close()
PYTHON

gondola="$("$PYTHON" -c 'from sync.demo import demo_id; print(demo_id("equipment/leshan-gondola"))')"
cat > "$work/script.json" <<JSON
[
  {"open_daily_check": "$gondola"},
  {"wait_ms": 400},
  {"focus": ["rw-d-03", "value"]}, {"keys": "8.5"},
  {"focus": ["rw-d-08", "value"]}, {"keys": "12.5"},
  {"focus": ["rw-d-10", "value"]}, {"keys": "98"},
  {"focus": ["rw-d-25", "value"]}, {"keys": "-3"},
  {"mark_all_normal": true},
  {"focus": ["rw-d-21", "result"]}, {"key": "2"},
  {"keys": "缓降器1套超过检定有效期，已停用待送检"},
  {"focus": ["rw-d-02", "result"]},
  {"wait_ms": 900},
  {"touch": "$work/daily.ready"}, {"wait_for": "$work/daily.taken"},
  {"back": true},
  {"wait_ms": 1200},
  {"touch": "$work/today.ready"}, {"wait_for": "$work/today.taken"},
  {"quit": true}
]
JSON

cat > "$work/inside.sh" <<'INSIDE'
set -euo pipefail
work="$1"; out="$2"; python="$3"
SAFEDESK_UI_SCRIPT="$work/script.json" QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="${SCALE:-1}" \
  "$python" -m desktop --data-dir "$work/data" &
app=$!
take() {
  for _ in $(seq 600); do [ -e "$work/$1.ready" ] && break; sleep 0.1; done
  [ -e "$work/$1.ready" ] || { echo "the app never reached $1" >&2; kill "$app"; exit 1; }
  import -window root "$out/screenshot-$2.png"
  touch "$work/$1.taken"
}
take daily daily-check
take today today
wait "$app"
INSIDE
xvfb-run -a -s "-screen 0 1366x768x24" bash "$work/inside.sh" "$work" "$OUT" "$PYTHON"
echo "wrote $OUT/screenshot-today.png and $OUT/screenshot-daily-check.png"
