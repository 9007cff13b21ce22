"""The daily-check page: corrections, a day without operation, photos from files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from sqlalchemy import event

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


def _fill_the_disk(store):
    """Cap the store at its current size: SQLite then fails writes with SQLITE_FULL, exactly
    as on a full drive (each new connection gets the cap). Returns the listener to remove."""
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()
    return cap


def test_a_full_disk_warns_without_taking_the_keyboard_and_keeps_the_typing(
    launcher, data_folder, qtbot
) -> None:
    app, page = _open(launcher, data_folder, qtbot)
    item_id = page.view_model.template.items_as_shown[0].id
    remark = page.rows[item_id].remark_edit
    qtbot.wait(50)  # the page puts the focus on the first open item once shown
    remark.setFocus()
    qtbot.waitUntil(remark.hasFocus)
    cap = _fill_the_disk(app.store)

    QApplication.clipboard().setText("扶手带" * 3000)  # big enough to need new pages
    qtbot.keyClick(remark, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("未保存"), timeout=3000)
    qtbot.keyClicks(remark, " more")
    qtbot.wait(100)

    # No dialog took the keys typed after the failure; the warning stays on the page.
    assert QApplication.activeModalWidget() is None
    assert remark.hasFocus(), QApplication.focusWidget()
    assert remark.text() == "扶手带" * 3000 + " more"
    assert page.save_error.isVisible() and "磁盘已满" in page.save_error.text()

    event.remove(app.store.engine, "connect", cap)
    app.store.engine.dispose()
    qtbot.keyClicks(remark, "!")
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("已自动保存"), timeout=3000)

    assert not page.save_error.isVisible()
    saved = checks_of_day(app.store, ESCALATOR, china_today().isoformat())[0]
    assert saved.answer(item_id).remark == "扶手带" * 3000 + " more!"


def test_the_list_stays_in_place_as_points_to_fix_are_fixed(launcher, data_folder, qtbot) -> None:
    app, page = _open(launcher, data_folder, qtbot)
    app.window.resize(1000, 700)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    problems = list(page.view_model.problems)
    assert len(problems) > 4, "the template has enough items for a long list of points"
    qtbot.waitUntil(page.problem_text.isVisible)
    QApplication.processEvents()
    list_top = page.scroll.mapTo(page, page.scroll.rect().topLeft()).y()
    notice_height = page.problem_text.height()

    tops = []
    for problem in problems[:-1]:
        page.rows[problem.item_id].selector.choose("normal")
        QApplication.processEvents()
        tops.append(page.scroll.mapTo(page, page.scroll.rect().topLeft()).y())
        assert page.problem_text.height() == notice_height

    assert tops == [list_top] * len(tops)
    assert len(page.view_model.problems) < len(problems)
    remaining = page.view_model.problems[0].message(page.context.language)
    assert remaining in page.problem_text.toolTip()
    assert page.problem_text.text().count("\n") <= 1


def test_the_autosave_time_of_one_check_is_not_shown_on_another(
    launcher, data_folder, qtbot
) -> None:
    app, page = _open(launcher, data_folder, qtbot)
    qtbot.keyClicks(page.day_remark, "windy")
    page.view_model.flush()
    assert page.saved_label.text(), "the autosave says when it saved"

    app.navigator.go(DailyCheckTarget(demo_id("equipment/leshan-gondola")))

    assert page.view_model.check.equipment_id != ESCALATOR
    assert page.saved_label.text() == ""
    qtbot.keyClicks(page.day_remark, "sunny")
    page.view_model.flush()
    assert page.saved_label.text(), "its own autosave is shown again"


def test_a_long_reading_range_is_shown_whole(launcher, data_folder, qtbot) -> None:
    app = launcher.start(data_folder)
    app.window.resize(1366, 700)
    app.navigator.go(DailyCheckTarget(demo_id("equipment/leshan-wheel")))
    page = app.window.page("daily_check")
    qtbot.waitUntil(lambda: all(row.isVisible() for row in page.rows.values()))
    QApplication.processEvents()
    widest = max(
        (row for row in page.rows.values() if row.item.measurement is not None),
        key=lambda row: row.fontMetrics().horizontalAdvance(row.range_label.text()),
    )
    label = widest.range_label
    assert "353.4" in label.text()

    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, label.width(), 10_000), Qt.TextFlag.TextWordWrap, label.text()
    )

    assert label.isVisible(), label
    assert needed.width() <= label.contentsRect().width(), (label.text(), label.width())
    assert needed.height() <= label.contentsRect().height(), (label.text(), label.height())
