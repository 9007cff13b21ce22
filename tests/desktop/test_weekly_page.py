"""Weekly investigation page with real widgets: review the week, fill the report, sign, amend."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.models.checklist_answers import REMARK_COLUMN, RESULT_COLUMN
from desktop.navigation import DailyCheckTarget, WeekTarget
from desktop.pages.weekly import WeeklyReportPage
from desktop.viewmodels.weekly_report import WeeklyReportViewModel
from sync.clock import china_today, iso_week_of
from sync.demo import seed_demo_store
from sync.profile import Profile
from sync.store import open_store
from sync.weekly_reports import load_weekly_report, weekly_reports_of_week
from tests.desktop.app_context import install_language, make_context
from tests.desktop.typing import type_text
from tests.record_factories import DIRECTOR, GONDOLA, UNIT, add_daily_check

DIRECTOR_PROFILE = Profile(UNIT, DIRECTOR, "峨眉山云海索道旅游有限公司", "李秀英", "director")


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    yield opened
    opened.close()


@pytest.fixture
def context(qapp, store):
    translations = install_language("zh_CN")
    yield make_context(store, DIRECTOR_PROFILE)
    del translations


@pytest.fixture
def page(qtbot, context):
    view_model = WeeklyReportViewModel(
        context.store, DIRECTOR_PROFILE, context.templates, autosave_ms=30
    )
    widget = WeeklyReportPage(context, view_model=view_model)
    view_model.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1180, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activate(None)
    return widget


def test_the_director_reviews_fills_and_signs_the_week(qtbot, page, store) -> None:
    year, week = iso_week_of(china_today())
    assert (page.vm.iso_year, page.vm.iso_week, page.vm.family) == (year, week, "ropeway")
    assert f"第{week}周" in page.week_label.text()
    assert page.rollup_model.rowCount() == 2
    assert page.rollup_model.columnCount() == 9
    assert page.items_model.rowCount() == len(page.vm.template.items) >= 12
    assert page.vm.form.record_id is None  # looking leaves no draft behind

    qtbot.mouseClick(page.all_normal_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentIndex(1)
    result = page.items_model.index(3, RESULT_COLUMN)
    page.items_model.setData(result, "abnormal")
    page.items_model.setData(page.items_model.index(3, REMARK_COLUMN), "闸瓦磨损接近限值")
    page.tabs.setCurrentIndex(2)
    type_text(page.participants_edit, "李秀英、张伟、刘洋")
    type_text(page.analysis_edit, "两条索道运行正常；吊厢索道制动器闸瓦需尽快更换。")
    qtbot.mouseClick(page.add_measure_button, Qt.MouseButton.LeftButton)
    page.measures_table.closePersistentEditor(page.measures_model.index(0, 0))
    deadline = (china_today() + dt.timedelta(days=5)).isoformat()
    for column, value in enumerate(("更换安全制动器闸瓦", "李秀英", deadline)):
        page.measures_model.setData(page.measures_model.index(0, column), value)
    type_text(page.matters_edit, "闸瓦备件采购费用需审批")
    qtbot.waitUntil(lambda: "已自动保存" in page.status_label.text(), timeout=2000)
    draft_id = page.vm.form.record_id
    saved = load_weekly_report(store, draft_id)
    assert saved.items[page.vm.template.items[3].id] == {
        "result": "abnormal",
        "remark": "闸瓦磨损接近限值",
    }
    assert saved.measures == [
        {"action": "更换安全制动器闸瓦", "owner": "李秀英", "deadline": deadline}
    ]

    with qtbot.waitSignal(page.context.events.records_changed, timeout=2000):
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)

    signed = load_weekly_report(store, draft_id)
    assert signed.status == "submitted" and signed.signed_by_name == "李秀英"
    assert signed.matters_for_principal == "闸瓦备件采购费用需审批"
    assert len(signed.rollup_snapshot["equipment"]) == 2
    assert page.status_label.text().startswith("已提交：李秀英")
    assert page.analysis_edit.isReadOnly()
    assert not page.items_model.flags(result) & Qt.ItemFlag.ItemIsEditable
    assert "提交时的统计" in page.rollup_summary.text()

    assert page.amend("措施期限写错")
    reports = weekly_reports_of_week(store, UNIT, year, week, "ropeway")
    assert [(each.status, each.amends_id) for each in reports] == [
        ("submitted", None),
        ("draft", draft_id),
    ]
    assert page.vm.form.amends_id == draft_id and not page.analysis_edit.isReadOnly()
    assert page.version_box.count() == 2 and "更正原因：措施期限写错" in page.status_label.text()
    page.vm.open_report(draft_id)
    assert page.vm.form.read_only and not page.amend_button.isVisible()


def test_a_week_shows_each_family_and_refuses_an_unfinished_report(qtbot, page, store) -> None:
    add_daily_check(store, GONDOLA, china_today())
    page.vm.refresh_rollup()
    gondola_row = next(
        row
        for row in range(page.rollup_model.rowCount())
        if page.rollup_model.index(row, 0).data() == "云海脱挂式吊厢索道"
    )
    weekday = china_today().isoweekday()
    assert page.rollup_model.index(gondola_row, weekday).data() == "已完成"

    page.family_box.setCurrentIndex(page.family_box.findData("elevator"))

    assert page.vm.template.id == "elevator-weekly"
    assert page.rollup_model.rowCount() == 2
    type_text(page.analysis_edit, "本周电梯运行正常")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert "还没有填写结果" in page.messages.text()
    assert page.vm.form.status == "draft"


def test_a_link_opens_a_given_report_and_a_day_opens_its_check(qtbot, page, store) -> None:
    check_id = add_daily_check(store, GONDOLA, china_today())
    year, week = iso_week_of(china_today())
    page.activate(WeekTarget(year, week, family="elevator"))
    assert page.vm.family == "elevator"

    page.activate(WeekTarget(year, week, family="ropeway"))

    gondola_row = next(
        row
        for row in range(page.rollup_model.rowCount())
        if page.rollup_model.index(row, 0).data() == "云海脱挂式吊厢索道"
    )
    cell = page.rollup_model.index(gondola_row, china_today().isoweekday())
    with qtbot.waitSignal(page.context.navigator.navigate_requested, timeout=1000) as opened:
        page.rollup_table.doubleClicked.emit(cell)
    assert opened.args == ["daily_check", DailyCheckTarget(GONDOLA, check_id)]
