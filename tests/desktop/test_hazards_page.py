"""Hazards page with real widgets on a real store: write up, work through, close, history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage

from desktop.models.hazards import HazardColumn
from desktop.models.roles import ToneRole
from desktop.navigation import DailyCheckTarget, HazardListTarget, HazardTarget
from desktop.pages.hazards import HazardsPage
from desktop.widgets.chips import Tone
from sync import paths
from sync.clock import china_today
from sync.daily_checks import open_daily_check
from sync.demo import demo_id, seed_demo_store
from sync.hazards import hazard_detail, list_hazards, move_hazard, open_hazard, update_hazard
from sync.profile import load_profile
from sync.store import open_store
from sync.templates import default_library
from tests.desktop.app_context import install_language, make_context
from tests.desktop.typing import type_text


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    yield opened
    opened.close()


@pytest.fixture
def context(qapp, store):
    translations = install_language("zh_CN")
    yield make_context(store, load_profile(store))
    del translations


@pytest.fixture
def page(qtbot, context):
    widget = HazardsPage(context)
    widget.editor.autosave._timer.setInterval(20)
    qtbot.addWidget(widget)
    widget.resize(1180, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activate(None)
    return widget


def _type(qtbot, edit, text: str) -> None:
    type_text(edit, text)


def _status_of(store, hazard_id: str) -> str:
    return hazard_detail(store, hazard_id).status


def test_a_new_hazard_goes_from_found_to_closed_with_its_history(qtbot, page, store) -> None:
    unit_id = page.profile.unit_id
    before = {hazard.id for hazard in list_hazards(store, unit_id)}
    page.new_button.click()
    _type(qtbot, page.description_edit, "上站出口扶梯梳齿板断齿两处")
    page.grade_box.setCurrentIndex(page.grade_box.findData("serious"))
    page.equipment_box.setCurrentIndex(
        page.equipment_box.findData(demo_id("equipment/leshan-escalator"))
    )
    _type(qtbot, page.owner_edit, "张伟")
    deadline = china_today() + dt.timedelta(days=5)
    page.deadline_edit.setDate(QDate(deadline.year, deadline.month, deadline.day))
    page.stop_use_box.click()

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    (hazard_id,) = {hazard.id for hazard in list_hazards(store, unit_id)} - before
    created = hazard_detail(store, hazard_id)
    assert (created.grade, created.stop_use, created.deadline) == (
        "serious",
        True,
        deadline.isoformat(),
    )
    assert created.equipment_name == "上站出口自动扶梯"
    assert page.row_of(hazard_id) is not None
    assert page.start_button.isVisible() and not page.create_button.isVisible()

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert _status_of(store, hazard_id) == "rectifying"
    page.tabs.setCurrentIndex(1)
    _type(qtbot, page.rectification_edit, "更换梳齿板，维保单位已调试")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert _status_of(store, hazard_id) == "awaiting_verification"
    assert page.reject_button.isVisible() and page.close_button.isVisible()

    page.reject_verification("梳齿与梯级啮合间隙偏大")
    assert _status_of(store, hazard_id) == "rectifying"
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    _type(qtbot, page.verification_edit, "李秀英复查合格")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)

    closed = hazard_detail(store, hazard_id)
    assert closed.status == "closed" and closed.verification == "李秀英复查合格"
    assert not page.description_edit.isEnabled()
    assert not any(
        button.isVisible() for button in (page.start_button, page.verify_button, page.close_button)
    )
    lines = [
        page.history_model.index(row, 2).data() for row in range(page.history_model.rowCount())
    ]
    assert lines[0] == "登记隐患（已发现）"
    assert lines[1] == "已发现 → 整改中"
    assert any(line.startswith("修改 整改情况") for line in lines)
    assert "待复查 → 整改中：梳齿与梯级啮合间隙偏大" in lines
    assert lines[-1] == "待复查 → 已销号"
    assert page.row_of(hazard_id) is None  # the list shows open hazards
    page.filter_box.setCurrentIndex(1)
    assert page.row_of(hazard_id) is not None


def test_a_hazard_without_deadline_is_refused_and_nothing_is_written(qtbot, page, store):
    before = len(list_hazards(store, page.profile.unit_id))
    page.new_button.click()
    _type(qtbot, page.description_edit, "观景台护栏松动")

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    assert page.messages.isVisible()
    assert "整改期限" in page.messages.text()
    assert len(list_hazards(store, page.profile.unit_id)) == before
    assert page.create_button.isVisible()


def test_opened_by_id_from_a_link_and_overdue_marked_red(qtbot, page, context) -> None:
    overdue_id = demo_id("hazard/leshan-chairlift-sign")

    page.activate(HazardTarget(overdue_id))

    assert page.editor.detail.id == overdue_id
    assert "已逾期" in page.heading.text()
    row = page.row_of(overdue_id)
    index = page.list_model.index(row, HazardColumn.DEADLINE)
    assert index.data(ToneRole) == Tone.DANGER
    assert index.data().startswith("逾期")
    selected = page.proxy.mapToSource(page.table.currentIndex()).row()
    assert selected == row


def test_a_closed_hazard_opens_with_the_whole_list(qtbot, page, store) -> None:
    hazard_id = demo_id("hazard/leshan-lift-door")
    update_hazard(store, hazard_id, {"verification": "检验机构复查合格"}, "李秀英")
    move_hazard(store, hazard_id, "closed", "李秀英")

    assert page.show_hazard(hazard_id)

    assert page.filter_box.currentData() is False
    assert page.row_of(hazard_id) is not None
    assert not page.description_edit.isEnabled()


def test_the_list_narrows_to_one_equipment(qtbot, page) -> None:
    gondola = demo_id("equipment/leshan-gondola")

    page.activate(HazardListTarget(gondola))

    shown = [page.list_model.hazard(row) for row in range(page.list_model.rowCount())]
    assert [hazard.equipment_id for hazard in shown] == [gondola]
    assert page.clear_filter_button.isVisible()
    page.clear_filter_button.click()
    assert page.list_model.rowCount() == 3


def test_photos_are_copied_by_content_and_shown(qtbot, page, store, tmp_path) -> None:
    picture = tmp_path / "梳齿板.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff8800"))
    image.save(str(picture))
    hazard_id = demo_id("hazard/leshan-gondola-brake")
    page.show_hazard(hazard_id)

    page.add_photo_files([picture, picture])

    photos = hazard_detail(store, hazard_id).photos
    assert len(photos) == 1 and photos[0]["file_name"] == "梳齿板.png"
    stored = list(paths.photo_dir(store.data_folder).glob(f"{photos[0]['sha256']}*"))
    assert [file.read_bytes() for file in stored] == [picture.read_bytes()]
    assert page.photo_list.count() == 1
    assert not page.photo_list.item(0).icon().isNull()


def test_a_text_file_named_jpg_is_refused_by_name_and_the_pictures_beside_it_are_added(
    qtbot, page, store, tmp_path
) -> None:
    fake = tmp_path / "刹车片.jpg"
    fake.write_text("hello, world\n")
    picture = tmp_path / "梳齿板.png"
    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    image.save(str(picture))
    hazard_id = demo_id("hazard/leshan-gondola-brake")
    page.show_hazard(hazard_id)

    page.add_photo_files([fake, picture])

    photos = hazard_detail(store, hazard_id).photos
    assert [photo["file_name"] for photo in photos] == ["梳齿板.png"]
    assert page.messages.isVisible()
    assert "刹车片.jpg" in page.messages.text() and "不是图片" in page.messages.text()
    assert not list(paths.photo_dir(store.data_folder).glob("*.jpg"))


def test_a_photo_message_goes_when_another_hazard_or_a_new_one_is_shown(
    qtbot, page, store, context, tmp_path
) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a photo")
    first, second = (row.id for row in list_hazards(store, load_profile(store).unit_id)[:2])

    for show_next in (
        lambda: page.show_hazard(second),
        page.start_new_hazard,
        lambda: context.events.records_changed.emit("hazard"),
    ):
        page.show_hazard(first)
        page.add_photo_files([fake])
        assert page.messages.isVisible()
        show_next()
        assert not page.messages.isVisible(), show_next


def test_the_record_that_found_a_hazard_opens_from_its_link(qtbot, page, store, context) -> None:
    profile = load_profile(store)
    gondola = demo_id("equipment/leshan-gondola")
    check = open_daily_check(store, default_library(), equipment_id=gondola, actor="张伟")
    found_id = open_hazard(
        store,
        unit_id=profile.unit_id,
        equipment_id=gondola,
        grade="general",
        source="daily_check",
        description="吊厢门锁闭指示灯不亮",
        deadline=china_today() + dt.timedelta(days=3),
        owner="张伟",
        actor="张伟",
        source_record_id=check.id,
    )
    page.activate(HazardTarget(found_id))
    assert page.source_link.isVisible()

    with qtbot.waitSignal(context.navigator.navigate_requested) as went:
        qtbot.mouseClick(page.source_link, Qt.MouseButton.LeftButton)

    assert went.args[1] == DailyCheckTarget(gondola, check.id)
