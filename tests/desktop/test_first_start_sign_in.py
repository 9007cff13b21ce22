"""First start on a new laptop of an existing unit (#4): the first-start dialog signs in to the
real reference server, downloads the account's unit and opens the window on it; a refusal or
an unreachable server is said in the dialog, which stays open to try again or go local."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from sqlalchemy import select

from desktop.dialogs.profile import ProfileDialog
from desktop.i18n import Translations
from desktop.sync_controller import SyncController
from desktop.tasks import TaskRunner
from sync.demo import DEMO_PASSWORD
from sync.engine import state
from sync.engine.tokens import TokenStore
from sync.profile import load_profile
from sync.store import open_store
from sync.store.models import Equipment, Hazard, Unit
from tests.desktop.conftest import when_modal
from tests.engine.conftest import (
    BRAKE_HAZARD,
    FAST_POLICY,
    GONDOLA,
    LESHAN,
    ReferenceServer,
    free_port,
)


@pytest.fixture
def reference_server(tmp_path: Path) -> Iterator[ReferenceServer]:
    server = ReferenceServer(tmp_path / "server")
    server.start()
    yield server
    server.close()


def _sign_in(qtbot, dialog: ProfileDialog, server_url: str, user: str, password: str) -> None:
    dialog.sign_in_choice.click()
    dialog.server_edit.setText(server_url)
    dialog.user_edit.setText(user)
    qtbot.keyClicks(dialog.password_edit, password)
    dialog.ok_button.click()


def test_first_start_signs_in_downloads_the_unit_and_opens_on_it(
    launcher, data_folder: Path, reference_server: ReferenceServer, qtbot
) -> None:
    seen: dict[str, object] = {}

    def sign_in(dialog: ProfileDialog) -> None:
        assert isinstance(dialog, ProfileDialog)
        seen["default"] = dialog.sign_in_choice.isChecked()
        _sign_in(qtbot, dialog, reference_server.base_url, "demo-officer", DEMO_PASSWORD)
        seen["busy"] = dialog.downloading and not dialog.ok_button.isEnabled()

    outcome = when_modal(sign_in)
    app = launcher.start(data_folder, demo=False)

    assert outcome == ["handled"]
    assert seen == {"default": True, "busy": True}
    profile = load_profile(app.store)
    assert (profile.unit_id, profile.person_name, profile.role) == (LESHAN, "张伟", "officer")
    assert "张伟" in app.window.header.user_label.text()
    assert "峨眉山云海索道" in app.window.header.unit_label.text()
    today = app.window.page("today")
    assert today.equipment_model.row_of(GONDOLA) is not None
    assert not today.no_equipment.isVisibleTo(today)
    with app.store.session() as session:
        assert session.get(Hazard, BRAKE_HAZARD).sync_state == "synced"
        assert {unit.id for unit in session.scalars(select(Unit))} == {LESHAN}
    assert app.sync.status.signed_in
    assert app.sync.username == "demo-officer"
    # The download was a completed sync: the status says so, not "not synced yet".
    assert app.window.sync_status.state_label.text() == "在线"


def _dialog(qtbot, store, runner: TaskRunner) -> tuple[ProfileDialog, SyncController]:
    controller = SyncController(store, runner, policy=FAST_POLICY)
    dialog = ProfileDialog(store, "zh_CN", sync=controller)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, controller


def _problem_after_download(qtbot, dialog: ProfileDialog) -> str:
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=20_000)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.ok_button.isEnabled() and dialog.password_edit.text() == ""
    return dialog.problem.text()


def test_refused_or_unreachable_sign_in_keeps_the_dialog_open_to_retry(
    data_folder: Path, reference_server: ReferenceServer, qtbot
) -> None:
    translations = Translations()
    translations.install("zh_CN")
    store = open_store(data_folder)
    runner = TaskRunner()
    dialog, controller = _dialog(qtbot, store, runner)
    base_url = reference_server.base_url

    # A wrong password: the server's words, nothing downloaded, nobody signed in.
    _sign_in(qtbot, dialog, base_url, "demo-officer", "not-the-password")
    assert "用户名或密码不正确" in _problem_after_download(qtbot, dialog)
    assert TokenStore(base_url).get("demo-officer") is None
    assert load_profile(store) is None

    # Nobody listens on this port: the address is named and the dialog waits for a retry.
    nowhere = f"http://127.0.0.1:{free_port()}"
    _sign_in(qtbot, dialog, nowhere, "demo-officer", DEMO_PASSWORD)
    problem = _problem_after_download(qtbot, dialog)
    assert "无法连接服务器" in problem and nowhere in problem

    # A supervisor's account has no unit to download; it is not kept signed in.
    _sign_in(qtbot, dialog, base_url, "demo-supervisor", DEMO_PASSWORD)
    assert "不属于任何使用单位" in _problem_after_download(qtbot, dialog)
    assert TokenStore(base_url).get("demo-supervisor") is None
    with store.session() as session:
        assert state.read(session, state.USERNAME) is None
        assert session.scalars(select(Equipment)).first() is None

    # The right password now: the unit arrives and the dialog closes.
    _sign_in(qtbot, dialog, base_url, "demo-officer", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert load_profile(store).person_name == "张伟"
    assert controller.username == "demo-officer"

    assert runner.wait_until_idle()
    store.close()
    translations.uninstall()


def test_stopping_a_download_keeps_the_dialog_and_a_local_unit_can_be_made_instead(
    data_folder: Path, reference_server: ReferenceServer, qtbot
) -> None:
    translations = Translations()
    translations.install("zh_CN")
    store = open_store(data_folder)
    runner = TaskRunner()
    dialog, _controller = _dialog(qtbot, store, runner)

    _sign_in(qtbot, dialog, reference_server.base_url, "demo-officer", DEMO_PASSWORD)
    assert dialog.cancel_button.text() == "停止(&S)"
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=20_000)
    assert dialog.isVisible() and dialog.result() == 0
    assert "下载已停止" in dialog.problem.text()
    assert load_profile(store) is None

    dialog.local_choice.click()
    assert dialog.pages.currentIndex() == 1
    dialog.unit_name.setText("金顶索道有限公司")
    dialog.county_code.setText("511181")
    dialog.person_name.setText("赵敏")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_profile(store).person_name == "赵敏"
    assert runner.wait_until_idle()
    store.close()
    translations.uninstall()


def test_stop_during_the_download_stops_it_and_the_label_follows_the_phases(
    data_folder: Path, reference_server: ReferenceServer, qtbot
) -> None:
    translations = Translations()
    translations.install("zh_CN")
    store = open_store(data_folder)
    runner = TaskRunner()
    dialog, _controller = _dialog(qtbot, store, runner)
    shown: list[str] = []
    show = dialog.progress_text.setText

    def record(text: str) -> None:
        # Every text the progress line shows, in order; Stop once the download has begun.
        show(text)
        shown.append(text)
        if text.startswith("正在下载") and "正在停止…" not in shown:
            QTimer.singleShot(0, dialog.cancel_button.click)

    dialog.progress_text.setText = record
    _sign_in(qtbot, dialog, reference_server.base_url, "demo-officer", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not dialog.downloading, timeout=20_000)
    QApplication.processEvents()

    assert shown[0] == "正在登录…", shown
    downloading = [text for text in shown if text.startswith("正在下载本单位数据")]
    assert downloading and shown.index(downloading[0]) > 0, shown
    assert shown[-1] == "正在停止…", shown
    # Stopped means the dialog stays: the unit does not open, whatever already arrived.
    assert dialog.isVisible() and dialog.result() == 0
    assert "下载已停止" in dialog.problem.text() and "保留" in dialog.problem.text()
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "继续下载(&C)"
    assert dialog.local_choice.isEnabled()

    # Continue: the download finishes and the dialog closes on the unit.
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert load_profile(store).person_name == "张伟"

    assert runner.wait_until_idle()
    store.close()
    translations.uninstall()
