#!/usr/bin/env bash
# Run the NSIS installer's silent install / upgrade / refuse-while-open / uninstall logic under
# Wine, on Linux, with a stand-in bundle (Wine's notepad.exe as SafeDesk.exe). Optional and
# local only: CI has no Wine (it is large), and a real Windows run is .github/workflows/windows.yml.
#
#   apt-get install wine wine32:i386 wine64 xvfb   (after dpkg --add-architecture i386)
#   tools/wine_installer_check.sh
#
# Uses a throwaway Wine prefix in a temporary folder. Exits non-zero on the first failed check.
set -euo pipefail
# One X server for the whole run: Wine's desktop process, started by the first program, keeps
# the display it was given, and a later window without one fails.
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a "$0" "$@"
fi
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"

scratch="$(mktemp -d)"
export WINEPREFIX="$scratch/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" HOME="$scratch"
trap 'wineserver -k 2>/dev/null || true; rm -rf "$scratch"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

wineboot -i >/dev/null 2>&1
user="$(whoami)"
local_appdata="$WINEPREFIX/drive_c/users/$user/AppData/Local"
program="$local_appdata/Programs/SafeDesk"
data="$local_appdata/SafeDesk/SafeDesk"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\SafeDesk'

# Two stand-in bundles, each with a library only it has.
for version in 0.0.9 0.1.0; do
  bundle="$scratch/bundle-$version/SafeDesk"
  mkdir -p "$bundle/_internal"
  cp "$WINEPREFIX/drive_c/windows/system32/notepad.exe" "$bundle/SafeDesk.exe"
  echo "$version" > "$bundle/_internal/base_library.zip"
  echo "$version" > "$bundle/_internal/only-in-$version.dll"
  "$python" - "$version" "$bundle" "$scratch/setup-$version.exe" <<'PY'
import subprocess, sys
from pathlib import Path
sys.path.insert(0, "tools")
from build_installer import Release, nsis_command, read_release
version, bundle, output = sys.argv[1:]
release = Release(version, read_release().publisher)
subprocess.run(nsis_command(release, Path(bundle), Path(output)), check=True, stdout=subprocess.DEVNULL)
PY
done

echo "== install 0.0.9, then give it a store"
wine "$scratch/setup-0.0.9.exe" /S || fail "install exited $?"
[ -f "$program/SafeDesk.exe" ] || fail "no SafeDesk.exe in $program"
mkdir -p "$data/backups" && echo "records" > "$data/safedesk.sqlite3"
before="$(md5sum < "$data/safedesk.sqlite3")"

echo "== upgrade to 0.1.0"
wine "$scratch/setup-0.1.0.exe" /S || fail "upgrade exited $?"
[ ! -e "$program/_internal/only-in-0.0.9.dll" ] || fail "a library of 0.0.9 survived the upgrade"
[ -e "$program/_internal/only-in-0.1.0.dll" ] || fail "0.1.0 is not installed"
[ "$(md5sum < "$data/safedesk.sqlite3")" = "$before" ] || fail "the upgrade changed the store"
wine reg query "$key" /v DisplayVersion | grep -q 0.1.0 || fail "uninstall entry not updated"

echo "== refuse while SafeDesk is open"
wine "C:\\users\\$user\\AppData\\Local\\Programs\\SafeDesk\\SafeDesk.exe" >/dev/null 2>&1 &
for _ in $(seq 60); do
  pgrep -f '^[A-Z]:.*SafeDesk[.]exe' >/dev/null && break
  sleep 1
done
sleep 3
set +e; wine "$scratch/setup-0.1.0.exe" /S; code=$?; set -e
wineserver -k || true
[ "$code" = 2 ] || fail "installer exit code $code while SafeDesk was open, expected 2"

echo "== uninstall silently; the data stays"
wine "$program/uninstall.exe" /S "_?=C:\\users\\$user\\AppData\\Local\\Programs\\SafeDesk" || fail "uninstall exited $?"
[ ! -e "$program/SafeDesk.exe" ] && [ ! -e "$program/_internal" ] || fail "the program is still there"
[ "$(md5sum < "$data/safedesk.sqlite3")" = "$before" ] || fail "the uninstall touched the store"
if wine reg query "$key" >/dev/null 2>&1; then fail "the uninstall entry is still there"; fi
echo "wine installer check passed"
