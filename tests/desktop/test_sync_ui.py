"""The Sync button, F5, the status area and automatic sync, over the real reference server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt

from desktop.dialogs.login import LoginDialog
from desktop.models.equipment import EquipmentHistoryModel
from sync.demo import DEMO_PASSWORD
from sync.equipment import equipment_history
from sync.hazards import update_hazard
from sync.store.models import Hazard
from tests.desktop.conftest import when_modal
from tests.engine.conftest import BRAKE_HAZARD, FAST_POLICY, GONDOLA, MemoryKeyring, ReferenceServer


@pytest.fixture
def test_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def reference_server(tmp_path: Path) -> Iterator[ReferenceServer]:
    server = ReferenceServer(tmp_path / "server")
    server.start()
    yield server
    server.close()


def _sign_in_through_the_dialog(server_url: str):
    def fill(dialog) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.server_edit.setText(server_url)
        dialog.user_edit.setText("demo-officer")
        dialog.password_edit.setText(DEMO_PASSWORD)
        dialog.submit()

    return when_modal(fill)


def test_sync_button_shows_progress_and_status_and_offline_keeps_the_app_working(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer, test_keyring
) -> None:
    app = launcher.start(data_folder)
    controller = app.sync
    controller.policy = FAST_POLICY
    controller.stop_automatic()
    window = app.window
    status_bar = window.sync_status
    assert status_bar.state_label.text() == "未登录"
    assert not status_bar.last_label.isVisibleTo(window)  # "never synced" would repeat it
    phases: list[str] = []
    controller.progressed.connect(lambda phase, done, total: phases.append(phase))

    # No token yet: Sync opens the login dialog; after sign-in the run starts by itself.
    outcome = _sign_in_through_the_dialog(reference_server.base_url)
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as finished:
        qtbot.mouseClick(window.header.sync_button, Qt.MouseButton.LeftButton)
    assert outcome == ["handled"]
    assert finished.args[0].completed, finished.args[0].summary()
    assert "pull" in phases
    assert status_bar.state_label.text() == "在线"
    assert status_bar.last_label.text().startswith("上次同步")
    (((service, username), token),) = test_keyring.secrets.items()
    assert (service, username) == (f"SafeDesk {reference_server.base_url}", "demo-officer")
    app.store.engine.dispose()  # the WAL checkpoint puts every committed page in the file
    stored = b"".join(path.read_bytes() for path in data_folder.glob("safedesk.sqlite3*"))
    assert token.encode() not in stored and DEMO_PASSWORD.encode() not in stored

    # A change waits; with the server stopped, F5 reports offline and the app goes on.
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    controller.refresh_status()
    # One record, as the hazards list shows it: the hazard's history entry is not another.
    assert status_bar.waiting_label.text() == "1 条记录待同步"
    reference_server.stop()
    with qtbot.waitSignal(controller.run_finished, timeout=20_000):
        window.sync_action.trigger()  # the F5 action
    assert window.sync_action.shortcut().toString() == "F5"
    assert status_bar.state_label.text() == "无法连接服务器"
    window.show_page("hazards")
    assert window.current_key == "hazards"
    with app.store.session() as session:
        assert session.get(Hazard, BRAKE_HAZARD).sync_state == "pending"

    # The server comes back: the probe finds it and a run starts on its own.
    reference_server.start()
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as automatic:
        controller.probe()
    assert automatic.args[0].completed
    assert status_bar.state_label.text() == "在线"
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] == "王强"
    hazards_page = window.page("hazards")
    qtbot.waitUntil(lambda: hazards_page.list_model.rowCount() > 0)
    sync_column = hazards_page.list_model.columnCount() - 1
    texts = {
        hazards_page.list_model.index(row, sync_column).data()
        for row in range(hazards_page.list_model.rowCount())
    }
    assert texts <= {"已同步", "待同步", "仅本机"} and "已同步" in texts
    history = EquipmentHistoryModel("zh_CN")
    history.set_history(GONDOLA, equipment_history(app.store, GONDOLA))
    states = {history.index(row, history.SYNC).data() for row in range(history.rowCount())}
    assert "已同步" in states
    assert app.runner.wait_until_idle()


def test_automatic_sync_can_be_turned_off(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer, test_keyring
) -> None:
    app = launcher.start(data_folder)
    controller = app.sync
    controller.policy = FAST_POLICY
    controller.sign_in(reference_server.base_url, "demo-officer", DEMO_PASSWORD, lambda _r: None)
    qtbot.waitUntil(lambda: controller.status.signed_in, timeout=10_000)
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")

    controller.set_auto_sync(False)
    controller.probe()
    qtbot.wait(300)
    assert not controller.running
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] != "王强"

    controller.set_auto_sync(True)
    with qtbot.waitSignal(controller.run_finished, timeout=20_000):
        controller.probe()
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] == "王强"
    assert app.runner.wait_until_idle()  # the pages reload what the run brought


def test_double_start_runs_once(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer, test_keyring
) -> None:
    app = launcher.start(data_folder)
    controller = app.sync
    controller.policy = FAST_POLICY
    controller.stop_automatic()
    controller.sign_in(reference_server.base_url, "demo-officer", DEMO_PASSWORD, lambda _r: None)
    qtbot.waitUntil(lambda: controller.status.signed_in, timeout=10_000)
    results = []
    controller.run_finished.connect(results.append)
    with qtbot.waitSignal(controller.run_finished, timeout=20_000):
        assert controller.start()
        assert not controller.start()
    qtbot.wait(200)
    assert len(results) == 1
    assert app.runner.wait_until_idle()
