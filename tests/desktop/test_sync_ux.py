"""What a new user meets around sync (#4), over the real reference server: a status that
follows the server, automatic sync off and the retry time in view, signing out, a checked
server address, and sign-in messages a person can act on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select, update

from desktop.dialogs.login import LoginDialog
from desktop.dialogs.sync_settings import SyncSettingsDialog
from desktop.sync_controller import FETCH_INTERVAL
from sync.clock import CHINA_TZ, utc_now
from sync.demo import DEMO_PASSWORD
from sync.engine import state as sync_state
from sync.errors import DataFolderOfAnotherUnit
from sync.hazards import update_hazard
from sync.server.db import Token
from sync.store.models import Hazard, OutboxEntry
from tests.desktop.conftest import when_modal
from tests.desktop.test_sync_views import _signed_in_and_synced, other_laptop
from tests.engine.conftest import (
    BRAKE_HAZARD,
    FAST_POLICY,
    ReferenceServer,
    free_port,
)

UNIT_NAME = "峨眉山云海索道旅游有限公司"


@pytest.fixture
def reference_server(tmp_path: Path) -> Iterator[ReferenceServer]:
    server = ReferenceServer(tmp_path / "server")
    server.start()
    yield server
    server.close()


def _outbox_rows(app) -> int:
    with app.store.session() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry))


def test_the_probe_keeps_the_status_true_also_with_automatic_sync_off(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    status_bar = app.window.sync_status
    runs: list = []
    controller.run_finished.connect(runs.append)
    controller.set_auto_sync(False)
    assert status_bar.state_label.text() == "在线"
    assert status_bar.auto_off_label.isVisibleTo(app.window)
    assert status_bar.auto_off_label.text() == "自动同步已关闭"

    # The server dies: the next probe says so, without a run and without a click.
    reference_server.stop()
    controller.probe()
    qtbot.waitUntil(lambda: status_bar.state_label.text() == "无法连接服务器", timeout=10_000)
    assert "连接" in status_bar.state_label.toolTip()

    # It answers again and nothing waits: online, still without a run.
    reference_server.start()
    controller.probe()
    qtbot.waitUntil(lambda: status_bar.state_label.text() == "在线", timeout=10_000)
    assert runs == []
    assert app.runner.wait_until_idle()


def test_a_failed_run_shows_when_it_is_retried_and_turning_automatic_sync_on_sends_at_once(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    status_bar = app.window.sync_status
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    reference_server.stop()

    with qtbot.waitSignal(controller.run_finished, timeout=20_000):
        assert controller.start()
    retry_at = controller.status.retry_at
    assert retry_at is not None
    assert dt.timedelta(seconds=44) <= retry_at - utc_now() <= dt.timedelta(seconds=61)
    expected = f"将于 {retry_at.astimezone(CHINA_TZ):%H:%M} 重试"
    assert status_bar.retry_label.isVisibleTo(app.window)
    assert status_bar.retry_label.text() == expected
    assert expected in status_bar.state_label.toolTip()
    assert not status_bar.auto_off_label.isVisibleTo(app.window)

    # Off: no retry comes, and the status area says automatic sync is off.
    controller.set_auto_sync(False)
    assert not status_bar.retry_label.isVisibleTo(app.window)
    assert status_bar.auto_off_label.isVisibleTo(app.window)

    # On again with the edit waiting: the server is asked at once, not in 30 s.
    reference_server.start()
    with qtbot.waitSignal(controller.run_finished, timeout=10_000) as sent:
        controller.set_auto_sync(True)
    assert sent.args[0].completed, sent.args[0].summary()
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] == "王强"
    assert not status_bar.auto_off_label.isVisibleTo(app.window)
    assert not status_bar.retry_label.isVisibleTo(app.window)
    assert app.runner.wait_until_idle()


def test_sign_out_forgets_the_token_and_keeps_every_record_and_the_outbox(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer, test_keyring
) -> None:
    app = launcher.start(data_folder)
    controller = app.sync
    controller.policy = FAST_POLICY
    controller.stop_automatic()
    window = app.window
    status_bar = window.sync_status
    assert not window.sign_out_action.isEnabled()
    assert window.sign_out_action.text() == "退出登录(&U)"
    assert not controller.start()  # F5 before any sign-in: the dialog gives no server reason
    first = LoginDialog(controller, "zh_CN", window)
    qtbot.addWidget(first)
    assert not first.reason_label.isVisibleTo(first) and not first.reason_label.text()
    controller.sign_in(reference_server.base_url, "demo-officer", DEMO_PASSWORD, lambda _r: None)
    qtbot.waitUntil(lambda: controller.status.signed_in, timeout=10_000)
    assert window.sign_out_action.isEnabled()
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    controller.refresh_status()
    outbox = _outbox_rows(app)

    window.sign_out_action.trigger()

    assert test_keyring.secrets == {}
    assert status_bar.state_label.text() == "未登录"
    assert not window.sign_out_action.isEnabled()
    assert _outbox_rows(app) == outbox and controller.status.waiting == 1
    with app.store.session() as session:
        hazard = session.get(Hazard, BRAKE_HAZARD)
        assert (hazard.owner, hazard.sync_state) == ("王强", "pending")

    # Signing in again sends what waited; a sign-out during a run cancels it first.
    controller.sign_in(reference_server.base_url, "demo-officer", DEMO_PASSWORD, lambda _r: None)
    qtbot.waitUntil(lambda: controller.status.signed_in, timeout=10_000)
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as sent:
        assert controller.start()
    assert sent.args[0].completed and reference_server.record(BRAKE_HAZARD).fields["owner"]
    with qtbot.waitSignal(controller.run_finished, timeout=20_000):
        assert controller.start()
        assert not controller.sign_out()  # not yet: the run stops between two requests
        assert test_keyring.secrets
    assert test_keyring.secrets == {}
    assert status_bar.state_label.text() == "未登录"
    assert not controller.running and not window.sign_out_action.isEnabled()
    assert app.runner.wait_until_idle()


def test_a_server_address_without_a_scheme_is_refused_and_another_address_drops_the_sign_in(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    window = app.window
    status_bar = window.sync_status
    bare = reference_server.base_url.removeprefix("http://")
    dialog = SyncSettingsDialog(controller, "zh_CN", window)
    qtbot.addWidget(dialog)

    dialog.server_edit.setText(bare)
    dialog.save()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text().startswith("服务器地址要以 http:// 或 https:// 开头")
    assert controller.server_url == reference_server.base_url
    assert status_bar.state_label.text() == "在线"

    # Trailing slashes are dropped: the same address, still signed in.
    dialog.server_edit.setText(reference_server.base_url + "//")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert controller.server_url == reference_server.base_url
    assert status_bar.state_label.text() == "在线"

    # Another address has no sign-in: the status says so at once.
    other = f"http://127.0.0.1:{free_port()}"
    moved = SyncSettingsDialog(controller, "zh_CN", window)
    qtbot.addWidget(moved)
    moved.server_edit.setText(other + "/")
    moved.save()
    assert controller.server_url == other
    assert status_bar.state_label.text() == "未登录"
    assert not controller.status.signed_in and not window.sign_out_action.isEnabled()

    # The sign-in dialog checks the address the same way, before anything is sent.
    login = LoginDialog(controller, "zh_CN", window)
    qtbot.addWidget(login)
    login.server_edit.setText(bare)
    login.user_edit.setText("demo-officer")
    login.password_edit.setText(DEMO_PASSWORD)
    login.submit()
    assert login.error_label.text().startswith("服务器地址要以 http:// 或 https:// 开头")
    assert login.buttons.isEnabled() and controller.server_url == other
    assert app.runner.wait_until_idle()


def test_another_units_user_is_told_whose_data_this_folder_holds(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer, test_keyring
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    tokens_before = dict(test_keyring.secrets)
    dialog = LoginDialog(controller, "zh_CN", app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_edit.setText(reference_server.base_url)
    dialog.user_edit.setText("demo-officer-2")  # 绵阳's officer
    dialog.password_edit.setText(DEMO_PASSWORD)

    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)

    shown = dialog.error_label.text()
    assert UNIT_NAME in shown and "（用户 demo-officer）" in shown and "demo-officer-2" in shown
    assert "数据文件夹" in shown and "设备编号" not in shown
    # Several lines, all of them above the buttons.
    label = dialog.error_label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.geometry().bottom() < dialog.buttons.geometry().top()
    refused: list = []
    controller.sign_in(reference_server.base_url, "demo-officer-2", DEMO_PASSWORD, refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert isinstance(refused[0].error, DataFolderOfAnotherUnit)
    assert refused[0].error.message == shown
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert test_keyring.secrets == tokens_before
    assert controller.username == "demo-officer" and controller.status.signed_in
    assert app.runner.wait_until_idle()


def test_the_sign_in_dialog_says_why_the_server_refused_the_saved_sign_in(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    status_bar = app.window.sync_status
    with reference_server.database.writing() as session:
        session.execute(update(Token).values(expires_at=utc_now() - dt.timedelta(minutes=1)))
    with qtbot.waitSignal(controller.run_finished, timeout=20_000):
        controller._automatic_start()  # as the retry timer does
    assert status_bar.state_label.text() == "需要登录"
    # F5 on the way to the dialog keeps the server's reason.
    controller.start()
    seen: list[tuple[bool, str]] = []

    def read_reason(dialog) -> None:
        assert isinstance(dialog, LoginDialog)
        seen.append((dialog.reason_label.isVisibleTo(dialog), dialog.reason_label.text()))
        dialog.reject()

    outcome = when_modal(read_reason)
    qtbot.mouseClick(status_bar.sign_in_button, Qt.MouseButton.LeftButton)

    assert outcome == ["handled"]
    assert seen == [(True, "登录已过期，请重新登录。本机数据不受影响。")]
    fresh = LoginDialog(controller, "zh_CN", app.window)
    qtbot.addWidget(fresh)
    fresh.password_edit.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(fresh.accepted, timeout=10_000):
        fresh.submit()
    after = LoginDialog(controller, "zh_CN", app.window)
    qtbot.addWidget(after)
    assert not after.reason_label.isVisibleTo(after)
    assert app.runner.wait_until_idle()


def test_with_nothing_to_send_the_laptop_still_fetches_its_colleagues_changes(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer, tmp_path: Path
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    colleague = other_laptop(tmp_path / "colleague", reference_server.base_url)
    update_hazard(colleague.store, BRAKE_HAZARD, {"owner": "王强"}, "李秀英")
    assert colleague.sync().completed
    controller.set_auto_sync(True)
    runs: list = []
    controller.run_finished.connect(runs.append)

    # Synced a moment ago: the probe finds the server and leaves it alone.
    controller.probe()
    qtbot.waitUntil(lambda: not controller._probing, timeout=10_000)
    assert runs == [] and controller.status.waiting == 0

    # Five minutes on, the probe fetches what the colleague sent.
    past = utc_now() - FETCH_INTERVAL - dt.timedelta(seconds=1)
    with app.store.session() as session:
        sync_state.write(session, sync_state.LAST_SUCCESS_AT, past.isoformat())
    controller.refresh_status()
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as fetched:
        controller.probe()
    assert fetched.args[0].completed and fetched.args[0].pulled >= 1
    with app.store.session() as session:
        assert session.get(Hazard, BRAKE_HAZARD).owner == "王强"
    colleague.close()
    assert app.runner.wait_until_idle()
