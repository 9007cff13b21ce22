"""Equipment page with real widgets: identity fields and the history of the equipment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.pages.equipment_page import EquipmentPage
from sync.clock import china_today
from sync.demo import seed_demo_store
from sync.profile import load_profile
from sync.store import open_store
from tests.record_factories import GONDOLA, add_daily_check


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    yield opened
    opened.close()


def test_equipment_page_shows_identity_and_history_and_opens_a_check(qtbot, store) -> None:
    yesterday = china_today() - dt.timedelta(days=1)
    abnormal = {"items": {"rw-d-11": {"result": "abnormal", "remark": "3号吊厢门锁卡滞"}}}
    check_id = add_daily_check(store, GONDOLA, yesterday, answers=abnormal)
    page = EquipmentPage(store, load_profile(store))
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitExposed(page)

    assert page.show_equipment(GONDOLA)

    assert page.fields["equipment_code"].text() == "912051023201500001"
    assert page.fields["registration_no"].text() == "索12川L00003(15)"
    assert page.fields["kind"].text() == "9120 循环式客运架空索道"
    assert "30天内到期" in page.fields["next_inspection"].text()
    assert page.fields["responsible"].text() == "张伟"
    rows = [
        [page.history_model.index(row, column).data() for column in range(5)]
        for row in range(page.history_model.rowCount())
    ]
    two_days_ago = (china_today() - dt.timedelta(days=2)).isoformat()
    assert [row[:2] for row in rows] == [
        [yesterday.isoformat(), "日管控检查"],
        [two_days_ago, "隐患"],  # the demo's brake hazard
    ]
    check_row = rows[0]
    assert check_row[2] == "已提交" and check_row[3] == "张伟"
    assert check_row[4] == "运行；异常 1 项"
    selected = page.list_model.equipment_at(page.proxy.mapToSource(page.table.currentIndex()).row())
    assert selected.id == GONDOLA

    row = rows.index(check_row)
    index = page.history_model.index(row, 0)
    rect = page.history_table.visualRect(index)
    viewport = page.history_table.viewport()
    with qtbot.waitSignal(page.open_record_requested, timeout=1000) as opened:
        # A real double-click starts with a press: the view only opens a row it saw pressed.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(
            page.history_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert opened.args == ["daily_check", check_id]
