"""Nothing typed is lost: the app is killed (SIGKILL) with a draft being typed; on restart the
draft is there. The typing goes through the real widgets and the app's own autosave."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app import UI_SCRIPT_ENV
from desktop.models.today import EquipmentColumn
from sync.clock import china_today
from sync.daily_checks import current_check
from sync.demo import demo_id
from sync.store import open_store

GONDOLA = demo_id("equipment/leshan-gondola")
WIND = "rw-d-03"
REMARK = "阵风 17.5 m/s，下站风速计读数偏高，待复测"
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_draft_survives_a_killed_process(tmp_path: Path, data_folder: Path, launcher, qtbot):
    typed = tmp_path / "typed.flag"
    script = [
        {"open_daily_check": GONDOLA},
        {"wait_ms": 300},
        {"focus": [WIND, "value"]},
        {"keys": "17.5"},
        {"focus": [WIND, "result"]},
        {"key": "2"},
        {"focus": [WIND, "remark"]},
        {"keys": REMARK},
        {"touch": str(typed)},
        {"wait_ms": 600_000},
    ]
    environment = dict(os.environ)
    environment.update(
        {
            UI_SCRIPT_ENV: json.dumps(script),
            "QT_QPA_PLATFORM": "offscreen",
            "SAFEDESK_LOG_DIR": str(tmp_path / "logs"),
        }
    )
    command = [sys.executable, "-m", "desktop", "--demo", "--data-dir", str(data_folder)]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not typed.exists():
            assert process.poll() is None, "the app ended before the text was typed"
            assert time.monotonic() < deadline, "the app never finished typing"
            time.sleep(0.05)
        time.sleep(1.1)

        process.send_signal(signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)

    assert process.returncode == -signal.SIGKILL
    store = open_store(data_folder)
    draft = current_check(store, GONDOLA, china_today().isoformat())
    store.close()
    assert draft is not None and draft.status == "draft"
    assert draft.answer(WIND).remark == REMARK
    assert draft.answer(WIND).value == 17.5
    assert draft.answer(WIND).result == "abnormal"

    app = launcher.start(data_folder, demo=False)
    today = app.window.page("today")
    model = today.equipment_model
    index = model.index(model.row_of(GONDOLA), EquipmentColumn.DAILY_CHECK)
    assert index.data() == "草稿"
    view = today.equipment_view
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    row = app.window.page("daily_check").rows[WIND]
    assert row.remark_edit.text() == REMARK
    assert row.value_edit.text() == "17.5"
    assert row.selector.result == "abnormal"
