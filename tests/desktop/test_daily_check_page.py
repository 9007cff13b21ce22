"""The daily-check page: corrections, a day without operation, photos from files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop.navigation import DailyCheckTarget
from sync import paths
from sync.clock import china_today
from sync.daily_checks import checks_of_day
from sync.demo import demo_id
from sync.overview import DailyState
from tests.desktop.conftest import when_modal

ESCALATOR = demo_id("equipment/leshan-escalator")


def _open(launcher, data_folder, qtbot):
    app = launcher.start(data_folder)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    app.navigator.go(DailyCheckTarget(ESCALATOR))
    return app, app.window.page("daily_check")


def _submit(page, qtbot) -> None:
    def confirm(box: QMessageBox) -> None:
        accept = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ]
        accept[0].click()

    outcome = when_modal(confirm)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert outcome == ["handled"]


def test_a_closed_day_is_submitted_without_answers(launcher, data_folder, qtbot) -> None:
    app, page = _open(launcher, data_folder, qtbot)

    page.status_combo.setCurrentIndex(page.status_combo.findData("closed"))
    page.status_combo.activated.emit(page.status_combo.currentIndex())
    qtbot.keyClicks(page.day_remark, "typhoon warning")
    _submit(page, qtbot)

    check = page.view_model.check
    assert check.status == "submitted"
    assert check.operating_status == "closed"
    assert check.remark == "typhoon warning"
    assert check.answers == {}


def test_a_correction_keeps_the_original_and_shows_both(launcher, data_folder, qtbot) -> None:
    app, page = _open(launcher, data_folder, qtbot)
    for item in page.view_model.template.items:
        if item.measurement is not None:
            qtbot.keyClicks(page.rows[item.id].value_edit, f"{item.measurement.minimum:g}")
    qtbot.mouseClick(page.mark_all_button, Qt.MouseButton.LeftButton)
    _submit(page, qtbot)
    original = page.view_model.check

    def give_reason(dialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled(), "a correction needs a reason"
        dialog.reason.setPlainText("扶梯梳齿板一项应为异常")
        ok.click()

    outcome = when_modal(give_reason)
    qtbot.mouseClick(page.amend_button, Qt.MouseButton.LeftButton)

    assert outcome == ["handled"]
    correction = page.view_model.check
    assert correction.amends_id == original.id
    assert not page.view_model.read_only
    assert page.record_picker.isVisible() and page.record_picker.count() == 2
    assert "扶梯梳齿板一项应为异常" in page.banner_text.text()
    records = checks_of_day(app.store, ESCALATOR, china_today().isoformat())
    assert [(record.id, record.status) for record in records] == [
        (original.id, "submitted"),
        (correction.id, "draft"),
    ]
    page.record_picker.activated.emit(0)
    assert page.view_model.check.id == original.id
    assert page.view_model.read_only
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    today = app.window.page("today")
    qtbot.waitUntil(
        lambda: (
            today.overview is not None
            and next(
                line for line in today.overview.equipment if line.equipment_id == ESCALATOR
            ).daily_state
            == DailyState.AMENDING
        )
    )


def test_photos_picked_from_files_are_attached(
    launcher, data_folder, qtbot, tmp_path: Path, monkeypatch
) -> None:
    app, page = _open(launcher, data_folder, qtbot)
    picture = tmp_path / "comb-plate.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"jpeg body" * 50)
    # The operating system's file picker is the one part not driven here.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(picture)], "")
    )
    item_id = page._row_order[0]
    row = page.rows[item_id]

    qtbot.mouseClick(row.photo_button, Qt.MouseButton.LeftButton)

    assert "1" in row.photo_button.text()
    photos = page.view_model.check.answer(item_id).photos
    assert [photo.file_name for photo in photos] == ["comb-plate.jpg"]
    stored = list(paths.photo_dir(app.store.data_folder).glob(f"{photos[0].sha256}.*"))
    assert len(stored) == 1
