"""The main window routes links from the Today view to the record pages of this part."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.navigation import (
    DAILY_CHECK,
    EQUIPMENT,
    HAZARDS,
    MONTHLY,
    WEEKLY,
    EquipmentTarget,
    HazardTarget,
    MonthTarget,
    WeekTarget,
)
from desktop.pages import discover_pages
from desktop.pages.equipment import EquipmentPage
from desktop.pages.hazards import HazardsPage
from desktop.pages.monthly import MonthlyMinutesPage
from desktop.pages.weekly import WeeklyReportPage
from sync.clock import china_today, iso_week_of
from sync.demo import demo_id, seed_demo_store
from sync.profile import load_profile
from sync.store import open_store
from tests.desktop.app_context import install_language, make_context
from tests.record_factories import add_daily_check


@pytest.fixture
def window(qtbot, data_folder: Path):
    store = open_store(data_folder)
    seed_demo_store(store)
    translations = install_language("zh_CN")
    main = MainWindow(make_context(store, load_profile(store)), discover_pages())
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    store.close()
    del translations


def test_links_open_the_record_pages_on_what_they_name(qtbot, window) -> None:
    navigator = window.context.navigator
    hazard_id = demo_id("hazard/leshan-lift-door")
    year, week = iso_week_of(china_today())

    navigator.go(HazardTarget(hazard_id))
    hazards = window.page(HAZARDS)
    assert window.current_key == HAZARDS and isinstance(hazards, HazardsPage)
    assert hazards.editor.detail.id == hazard_id
    assert hazards.description_edit.toPlainText().startswith("定期检验报告提出")

    navigator.go(EquipmentTarget(demo_id("equipment/leshan-wheel")))
    equipment = window.page(EQUIPMENT)
    assert isinstance(equipment, EquipmentPage)
    assert equipment.fields["name"].text() == "云海观景摩天轮"

    navigator.go(WeekTarget(year, week))
    weekly = window.page(WEEKLY)
    assert isinstance(weekly, WeeklyReportPage)
    assert (weekly.vm.iso_year, weekly.vm.iso_week) == (year, week)

    navigator.go(MonthTarget("2026-01"))
    monthly = window.page(MONTHLY)
    assert isinstance(monthly, MonthlyMinutesPage) and monthly.vm.month == "2026-01"

    window.go_back()
    assert window.current_key == WEEKLY


def test_the_record_pages_speak_english_when_asked(qtbot, data_folder: Path) -> None:
    store = open_store(data_folder)
    seed_demo_store(store)
    translations = install_language("en")
    context = make_context(store, load_profile(store), language="en")
    page = HazardsPage(context)
    qtbot.addWidget(page)
    page.show()

    page.activate(None)

    assert page.count_label.text() == "3 hazards, 1 overdue"
    assert page.grade_box.itemText(0) == "General"
    assert page.tabs.tabText(2) == "History"
    weekly = WeeklyReportPage(context)
    qtbot.addWidget(weekly)
    weekly.activate(None)
    assert weekly.family_box.itemText(0) == "Ropeway"
    assert weekly.items_model.headerData(2, Qt.Orientation.Horizontal) == "Result"
    page.close()
    weekly.close()
    install_language("zh_CN")  # leave Qt's default locale Chinese for the next test
    store.close()
    del translations


def test_a_check_in_an_equipments_history_opens_on_the_daily_check_page(qtbot, window) -> None:
    gondola = demo_id("equipment/leshan-gondola")
    yesterday = china_today() - dt.timedelta(days=1)
    check_id = add_daily_check(window.context.store, gondola, yesterday)
    window.context.navigator.go(EquipmentTarget(gondola))
    equipment = window.page(EQUIPMENT)
    row = next(
        row
        for row in range(equipment.history_model.rowCount())
        if equipment.history_model.line_at(row).record_id == check_id
    )

    equipment.history_table.link_activated.emit(equipment.history_model.index(row, 0))

    assert window.current_key == DAILY_CHECK
    daily = window.page(DAILY_CHECK)
    assert daily.view_model.check.id == check_id
    assert daily.view_model.check.day == yesterday.isoformat()
