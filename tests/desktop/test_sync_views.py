"""Sync seen from the record lists and the conflicts view, over the real reference server.

A daily check filled while the server is down stays usable and waiting, then reaches the
server once when it is back; the Today view and the equipment history show each record's
sync state; a field conflict is decided in the conflicts view with an edited value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.dialogs.conflicts import ConflictsDialog
from desktop.dialogs.login import LoginDialog
from desktop.models.conflicts import ConflictColumn
from desktop.models.equipment import EquipmentHistoryModel
from desktop.models.hazard_history import HazardHistoryModel
from desktop.models.hazards import HazardColumn
from desktop.models.today import EquipmentColumn
from desktop.navigation import DailyCheckTarget, EquipmentTarget, HazardTarget
from desktop.sync_controller import state_of
from sync.clock import china_today
from sync.demo import DEMO_PASSWORD, demo_id
from sync.engine.conflicts import open_conflicts
from sync.equipment import equipment_history
from sync.errors import NetworkSignInRequired, ServerUnreachable, SignInRequired, SyncCancelled
from sync.hazards import hazard_detail, hazard_history, open_hazard, update_hazard
from sync.records import RecordType
from sync.store.models import DailyCheck, Hazard, SyncConflict
from tests.desktop.conftest import when_modal
from tests.desktop.typing import type_text
from tests.engine.conftest import (
    BRAKE_HAZARD,
    FAST_POLICY,
    GONDOLA,
    LESHAN,
    Laptop,
    ReferenceServer,
)

CHAIRLIFT = demo_id("equipment/leshan-chairlift")


@pytest.fixture
def reference_server(tmp_path: Path) -> Iterator[ReferenceServer]:
    server = ReferenceServer(tmp_path / "server")
    server.start()
    yield server
    server.close()


def _signed_in_and_synced(qtbot, launcher, data_folder: Path, server_url: str):
    app = launcher.start(data_folder)
    controller = app.sync
    controller.policy = FAST_POLICY
    controller.stop_automatic()
    signed: list = []
    controller.sign_in(server_url, "demo-officer", DEMO_PASSWORD, signed.append)
    qtbot.waitUntil(lambda: bool(signed), timeout=10_000)
    assert signed[0].ok, signed[0].error
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as first:
        assert controller.start()
    assert first.args[0].completed, first.args[0].summary()
    return app


def other_laptop(folder: Path, server_url: str) -> Laptop:
    """A colleague's laptop of the demo unit, signed in and after its first sync."""
    laptop = Laptop(folder, server_url)
    laptop.sign_in()
    assert laptop.sync().completed
    return laptop


def _today_sync_text(window, equipment_id: str) -> str:
    model = window.page("today").equipment_model
    return model.index(model.row_of(equipment_id), EquipmentColumn.SYNC).data()


def test_daily_check_filled_offline_waits_then_reaches_the_server_once(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    window = app.window
    controller = app.sync
    reference_server.stop()

    # Offline: the daily check is filled and submitted as always.
    app.navigator.go(DailyCheckTarget(CHAIRLIFT))
    assert window.current_key == "daily_check"
    view_model = window.page("daily_check").view_model
    for item in view_model.template.items:
        if item.measurement is not None:
            middle = (item.measurement.minimum + item.measurement.maximum) / 2
            assert view_model.set_value_text(item.id, f"{middle:g}")
    view_model.mark_all_normal()
    assert view_model.submit(), view_model.problems
    check_id = view_model.check.id

    # F5 reports the server unreachable; nothing is lost and the check waits.
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as failed:
        window.sync_action.trigger()
    assert not failed.args[0].completed
    assert window.sync_status.state_label.text() == "无法连接服务器"
    assert window.header.sync_button.isEnabled()
    assert controller.status.waiting >= 1
    assert reference_server.record(check_id) is None
    window.show_page("today")
    qtbot.waitUntil(lambda: _today_sync_text(window, CHAIRLIFT) in ("待同步", "仅本机"))

    # The server is back: the probe starts a run on its own and the check arrives once.
    reference_server.start()
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as automatic:
        controller.probe()
    assert automatic.args[0].completed, automatic.args[0].summary()
    assert window.sync_status.state_label.text() == "在线"
    assert window.sync_status.waiting_label.text() == "0 条记录待同步"
    today = china_today().isoformat()
    on_server = [
        record
        for record in reference_server.records(RecordType.DAILY_CHECK.value)
        if record.fields.get("equipment_id") == CHAIRLIFT and record.fields.get("day") == today
    ]
    assert [record.id for record in on_server] == [check_id]
    with app.store.session() as session:
        assert session.get(DailyCheck, check_id).sync_state == "synced"
    qtbot.waitUntil(lambda: _today_sync_text(window, CHAIRLIFT) == "已同步")

    history = EquipmentHistoryModel("zh_CN")
    history.set_history(CHAIRLIFT, equipment_history(app.store, CHAIRLIFT))
    rows = {
        history.line_at(row).record_id: history.index(row, EquipmentHistoryModel.SYNC).data()
        for row in range(history.rowCount())
    }
    assert rows[check_id] == "已同步"
    assert app.runner.wait_until_idle(), "the lists' reloads after the run did not finish"


def test_conflicts_view_decides_a_field_conflict_with_an_edited_value(
    qtbot, launcher, data_folder: Path, tmp_path: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    window = app.window
    other = other_laptop(tmp_path / "other-laptop", reference_server.base_url)

    # Both change the same field; the other laptop's value reaches the server first.
    update_hazard(other.store, BRAKE_HAZARD, {"immediate_measures": "停机更换闸瓦"}, "王强")
    assert other.sync().completed
    update_hazard(app.store, BRAKE_HAZARD, {"immediate_measures": "限载运行"}, "张伟")
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as conflicted:
        controller.start()
    assert conflicted.args[0].conflicts == 1, conflicted.args[0].summary()
    attention = window.sync_status.attention_button
    assert attention.isVisible() and attention.text() == "1 项需处理"

    # The "needs attention" count opens the conflicts view.
    opened = when_modal(lambda dialog: dialog.reject())
    qtbot.mouseClick(attention, Qt.MouseButton.LeftButton)
    assert opened == ["handled"]

    dialog = ConflictsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    row = {
        column: dialog.model.index(0, column).data()
        for column in (ConflictColumn.FIELD, ConflictColumn.MINE, ConflictColumn.SERVER)
    }
    assert row[ConflictColumn.FIELD] == "立即措施"
    assert row[ConflictColumn.MINE] == "限载运行"
    assert row[ConflictColumn.SERVER] == "停机更换闸瓦"
    dialog.table.selectRow(0)
    assert dialog.edited_button.isEnabled() and not dialog.dismiss_button.isEnabled()
    dialog.edited.setText("限载运行，明日更换闸瓦")
    with qtbot.waitSignal(dialog.decided, timeout=5_000):
        qtbot.mouseClick(dialog.edited_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert dialog.empty_label.isVisible()
    dialog.close()

    # The decision is an ordinary change: it syncs and both laptops agree with the server.
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as resolved:
        controller.start()
    assert resolved.args[0].completed, resolved.args[0].summary()
    server_fields = reference_server.record(BRAKE_HAZARD).fields
    assert server_fields["immediate_measures"] == "限载运行，明日更换闸瓦"
    assert other.sync().completed
    with other.store.session() as session:
        assert session.get(Hazard, BRAKE_HAZARD).immediate_measures == "限载运行，明日更换闸瓦"
    assert open_conflicts(other.store) == [] and open_conflicts(app.store) == []
    assert not attention.isVisible()

    # The resolved conflict stays in the record's history.
    with app.store.session() as session:
        (kept,) = session.scalars(
            select(SyncConflict).where(SyncConflict.record_id == BRAKE_HAZARD)
        ).all()
        assert kept.resolved_at is not None
        assert kept.resolution["value"] == "限载运行，明日更换闸瓦"
    history = HazardHistoryModel("zh_CN")
    history.set_history(hazard_history(app.store, BRAKE_HAZARD))
    lines = [history.index(row, 2).data() for row in range(history.rowCount())]
    assert "同步冲突（立即措施）：我的为“限载运行”，服务器的为“停机更换闸瓦”" in lines
    decided = "同步冲突（立即措施）已处理：保留“限载运行，明日更换闸瓦”"
    assert lines.index(decided) > lines.index(
        "同步冲突（立即措施）：我的为“限载运行”，服务器的为“停机更换闸瓦”"
    )
    other.close()
    assert app.runner.wait_until_idle(), "the lists' reloads after the run did not finish"


def test_cancel_stops_the_run_and_the_next_one_completes(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    status_bar = app.window.sync_status
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")

    # Cancel is pressed before the worker's first request: the run stops, the edit waits.
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as cancelled:
        assert controller.start()
        assert status_bar.cancel_button.isVisibleTo(app.window)
        assert not app.window.header.sync_button.isEnabled()
        qtbot.mouseClick(status_bar.cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(cancelled.args[0].error, SyncCancelled)
    assert status_bar.state_label.text() == "同步已取消"
    assert not status_bar.cancel_button.isVisibleTo(app.window)
    assert app.window.header.sync_button.isEnabled()
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] != "王强"

    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as again:
        assert controller.start()
    assert again.args[0].completed, again.args[0].summary()
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] == "王强"
    assert app.runner.wait_until_idle(), "the lists' reloads after the run did not finish"


def test_a_failed_connection_is_offline_only_when_the_system_has_no_network() -> None:
    unreachable = ServerUnreachable("连接不上服务器", "cannot connect")

    assert state_of(unreachable) == "unreachable"
    assert state_of(unreachable, disconnected=True) == "offline"
    assert state_of(None) == "online"
    assert state_of(SignInRequired("请登录", "sign in")) == "sign_in"
    assert state_of(NetworkSignInRequired("门户", "portal")) == "portal"


def test_without_a_secure_keyring_the_app_says_so_and_keeps_the_token_in_memory(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    keyring.set_keyring(NullKeyring())  # the autouse fixture puts the previous one back
    app = launcher.start(data_folder)
    controller = app.sync
    controller.stop_automatic()
    dialog = LoginDialog(controller, "zh_CN", app.window)
    qtbot.addWidget(dialog)
    assert dialog.keyring_note.isVisibleTo(dialog)

    dialog.server_edit.setText(reference_server.base_url)
    dialog.user_edit.setText("demo-officer")
    dialog.password_edit.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()

    tokens = controller.tokens()
    assert not tokens.secure and tokens.get("demo-officer")
    assert app.window.sync_status.memory_label.isVisibleTo(app.window)
    tokens.forget("demo-officer")


def test_status_area_shows_each_phase_and_a_clock_that_differs_from_the_server(
    launcher, data_folder: Path
) -> None:
    app = launcher.start(data_folder)
    status_bar = app.window.sync_status
    status = app.sync.status

    status_bar.show_status(replace(status, state="running"))
    status_bar.show_progress("push", 3, 12)
    assert status_bar.phase_label.text() == "正在发送记录 3/12"
    assert (status_bar.progress.value(), status_bar.progress.maximum()) == (3, 12)
    status_bar.show_progress("photos", 1_500_000, 4_200_000)
    assert status_bar.phase_label.text() == "照片 1.5 / 4.2 MB"
    status_bar.show_progress("pull", 40, 0)
    assert status_bar.phase_label.text() == "正在接收更改：40"
    assert status_bar.progress.maximum() == 0  # busy: the total is unknown while pulling

    status_bar.show_status(replace(status, state="online", clock_skew_seconds=-900))
    assert status_bar.clock_label.isVisibleTo(app.window)
    assert status_bar.clock_label.text() == "本机时钟与服务器相差 15 分钟"
    assert not status_bar.progress.isVisibleTo(app.window)
    status_bar.show_status(replace(status, state="online", clock_skew_seconds=None))
    assert not status_bar.clock_label.isVisibleTo(app.window)


def test_a_refused_sign_in_during_an_automatic_run_asks_in_the_status_area(
    qtbot, launcher, data_folder: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    status_bar = app.window.sync_status
    update_hazard(app.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    controller.tokens().put("demo-officer", "a-token-the-server-never-issued")
    controller.refresh_status()
    waiting = controller.status.waiting
    assert waiting > 0

    # The run the timer starts meets a refused token: no dialog jumps at someone typing.
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as refused:
        controller._automatic_start()
    assert isinstance(refused.args[0].error, SignInRequired)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)]
    assert not any(dialog.isVisible() for dialog in dialogs)
    assert status_bar.state_label.text() == "需要登录"
    assert status_bar.sign_in_button.isVisibleTo(app.window)
    assert controller.status.waiting == waiting  # the edit waits, nothing dropped

    # The button asks for the password; signing in sends the waiting edit.
    def sign_in(dialog) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.password_edit.setText(DEMO_PASSWORD)
        dialog.submit()

    outcome = when_modal(sign_in)
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as resent:
        qtbot.mouseClick(status_bar.sign_in_button, Qt.MouseButton.LeftButton)
    assert outcome == ["handled"]
    assert resent.args[0].completed, resent.args[0].summary()
    assert not status_bar.sign_in_button.isVisibleTo(app.window)
    assert reference_server.record(BRAKE_HAZARD).fields["owner"] == "王强"
    assert app.runner.wait_until_idle(), "the lists' reloads after the run did not finish"


def _hazard_row(page, hazard_id: str, column) -> str:
    model = page.list_model
    return model.index(page.row_of(hazard_id), column).data()


def test_a_shown_hazards_page_takes_a_sync_runs_conflict_and_keeps_what_is_typed(
    qtbot, launcher, data_folder: Path, tmp_path: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    other = other_laptop(tmp_path / "other-laptop", reference_server.base_url)
    update_hazard(other.store, BRAKE_HAZARD, {"owner": "王强"}, "王强")
    assert other.sync().completed

    # On the hazards page the officer changes the owner; it waits for the next sync.
    app.navigator.go(HazardTarget(BRAKE_HAZARD))
    page = app.window.page("hazards")
    assert page.isVisible() and page.editor.detail.id == BRAKE_HAZARD
    page.owner_edit.clear()
    type_text(page.owner_edit, "李娜")
    page.flush()
    assert _hazard_row(page, BRAKE_HAZARD, HazardColumn.SYNC) == "待同步"
    assert page.heading.text().endswith("（待同步）")

    # Still on the page, a sync run makes a conflict of it: the list and the editor say so.
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as conflicted:
        controller.start()
    assert conflicted.args[0].conflicts == 1, conflicted.args[0].summary()
    with app.store.session() as session:
        stored = session.get(Hazard, BRAKE_HAZARD)
        stored_state, stored_owner = stored.sync_state, stored.owner
    assert stored_state == "conflict"
    assert _hazard_row(page, BRAKE_HAZARD, HazardColumn.SYNC) == "有冲突"
    assert _hazard_row(page, BRAKE_HAZARD, HazardColumn.OWNER) == stored_owner
    assert "待同步" not in page.heading.text() and "有冲突" in page.heading.text()
    assert page.owner_edit.text() == stored_owner

    # Typing that waits to be saved survives the next run, which still re-reads the state.
    page.editor.autosave._timer.setInterval(60_000)
    type_text(page.verification_edit, "复检合格")
    update_hazard(other.store, BRAKE_HAZARD, {"rectification": "已更换闸瓦"}, "王强")
    assert other.sync().completed
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as pulled:
        controller.start()
    assert pulled.args[0].pulled >= 1, pulled.args[0].summary()
    assert page.verification_edit.toPlainText() == "复检合格"
    assert page.rectification_edit.toPlainText() == "已更换闸瓦"
    assert page.history_model.rowCount() == len(hazard_history(app.store, BRAKE_HAZARD))
    assert page.editor.flush()
    stored = hazard_detail(app.store, BRAKE_HAZARD)
    assert (stored.verification, stored.rectification) == ("复检合格", "已更换闸瓦")
    other.close()


def test_a_shown_equipment_page_takes_a_sync_runs_changes(
    qtbot, launcher, data_folder: Path, tmp_path: Path, reference_server: ReferenceServer
) -> None:
    app = _signed_in_and_synced(qtbot, launcher, data_folder, reference_server.base_url)
    controller = app.sync
    app.navigator.go(EquipmentTarget(GONDOLA))
    page = app.window.page("equipment")
    assert page.isVisible()
    before = page.history_model.rowCount()

    # A hazard on the gondola recorded on another laptop arrives while the page is shown.
    other = other_laptop(tmp_path / "other-laptop", reference_server.base_url)
    open_hazard(
        other.store,
        unit_id=LESHAN,
        equipment_id=GONDOLA,
        grade="general",
        source="other",
        description="吊厢门密封条老化",
        deadline=(china_today() + dt.timedelta(days=7)).isoformat(),
        owner="王强",
        actor="王强",
    )
    assert other.sync().completed
    with qtbot.waitSignal(controller.run_finished, timeout=20_000) as pulled:
        controller.start()
    assert pulled.args[0].completed, pulled.args[0].summary()

    assert page.history_model.rowCount() == len(equipment_history(app.store, GONDOLA))
    assert page.history_model.rowCount() > before
    other.close()


def test_the_conflicts_view_header_says_what_happened_to_the_selected_row(
    qtbot, launcher, data_folder: Path
) -> None:
    app = launcher.start(data_folder)
    reason = "整改期限不能早于发现日期\nThe deadline cannot be before the day it was found"
    with app.store.session() as session:
        session.add(
            SyncConflict(
                id="c-field",
                record_type=RecordType.HAZARD.value,
                record_id=BRAKE_HAZARD,
                kind="conflict",
                field_name="owner",
                base_value="张伟",
                local_value="王强",
                server_value="李娜",
            )
        )
        session.add(
            SyncConflict(
                id="c-refused",
                record_type=RecordType.HAZARD.value,
                record_id=BRAKE_HAZARD,
                kind="rejected",
                reason=reason,
            )
        )
    dialog = ConflictsDialog(app.window.context, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    headers = {}
    for row in range(2):
        dialog.table.selectRow(row)
        headers[dialog.selected().kind] = dialog.intro_label.text()

    assert "另一台设备" in headers["conflict"] and "服务器退回" not in headers["conflict"]
    assert headers["rejected"].startswith("服务器退回了这条记录")
    assert "整改期限不能早于发现日期" in headers["rejected"]
    assert "另一台设备" not in headers["rejected"]
    dialog.close()
