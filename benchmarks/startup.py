"""Start-to-window time of SafeDesk: the median of five starts, offscreen.

    python benchmarks/startup.py                  # the bundle in dist/SafeDesk (make bundle)
    python benchmarks/startup.py --source         # python -m desktop from this checkout
    python benchmarks/startup.py --runs 9

Each start runs with SAFEDESK_EXIT_WHEN_SHOWN=1 (desktop/startup_probe.py): the app prints
SAFEDESK_WINDOW_SHOWN once its main window is up and quits. The time is from launching the
process to reading that line. A first, uncounted start fills a temporary data folder with the
demo unit, so the counted starts open an existing store as a user's everyday start does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "SafeDesk.exe" if sys.platform == "win32" else "SafeDesk"
BUNDLE_EXE = ROOT / "dist" / "SafeDesk" / EXE_NAME
MARKER = "SAFEDESK_WINDOW_SHOWN"
TIMEOUT_S = 120


def start_once(command: list[str], environment: dict[str, str]) -> float:
    """Seconds from launch to the window-shown line; the process is then left to quit."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    shown_after = None
    for line in process.stdout:
        if line.strip() == MARKER:
            shown_after = time.perf_counter() - started
            break
    process.stdout.close()
    code = process.wait(timeout=TIMEOUT_S)
    if shown_after is None or code != 0:
        raise SystemExit(f"{' '.join(command)} exited with {code} before showing its window")
    return shown_after


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", action="store_true", help="run python -m desktop instead")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    if args.source:
        command = [sys.executable, "-m", "desktop"]
    elif BUNDLE_EXE.exists():
        command = [str(BUNDLE_EXE)]
    else:
        raise SystemExit(f"no bundle at {BUNDLE_EXE}: run `make bundle`, or pass --source")

    with tempfile.TemporaryDirectory(prefix="safedesk-startup-") as scratch:
        environment = dict(os.environ)
        environment.update(
            SAFEDESK_EXIT_WHEN_SHOWN="1",
            SAFEDESK_DATA_DIR=str(Path(scratch) / "data"),
            SAFEDESK_LOG_DIR=str(Path(scratch) / "logs"),
        )
        if sys.platform.startswith("linux") and not environment.get("DISPLAY"):
            environment["QT_QPA_PLATFORM"] = "offscreen"

        first = start_once(command + ["--demo"], environment)
        times = [start_once(command, environment) for _ in range(args.runs)]

    print(f"command: {' '.join(command)}")
    print(f"first start (creates the store, loads the demo unit): {first * 1000:.0f} ms")
    print("starts: " + ", ".join(f"{seconds * 1000:.0f} ms" for seconds in times))
    print(f"median start-to-window over {args.runs}: {statistics.median(times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
