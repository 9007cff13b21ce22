"""Equipment page with real widgets: identity fields and the history of the equipment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.navigation import DailyCheckTarget, EquipmentTarget, HazardListTarget
from desktop.pages.equipment import EquipmentPage
from desktop.widgets.chips import Tone
from sync.clock import china_today
from sync.demo import seed_demo_store
from sync.profile import load_profile
from sync.store import open_store
from tests.desktop.app_context import install_language, make_context
from tests.record_factories import GONDOLA, add_daily_check


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    yield opened
    opened.close()


def test_equipment_page_shows_identity_and_history_and_opens_a_check(qtbot, store) -> None:
    translations = install_language("zh_CN")
    yesterday = china_today() - dt.timedelta(days=1)
    abnormal = {"rw-d-11": {"result": "abnormal", "remark": "3号吊厢门锁卡滞"}}
    check_id = add_daily_check(store, GONDOLA, yesterday, answers=abnormal)
    context = make_context(store, load_profile(store))
    page = EquipmentPage(context)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitExposed(page)

    page.activate(EquipmentTarget(GONDOLA))

    assert page.fields["equipment_code"].text() == "912051023201500001"
    assert page.fields["registration_no"].text() == "索12川L00003(15)"
    assert page.fields["kind"].text() == "9120 循环式客运架空索道"
    assert page.fields["responsible"].text() == "张伟"
    assert "30天内到期" in page.inspection_chip.text()
    assert page.inspection_chip.tone == Tone.WARN
    rows = [
        [page.history_model.index(row, column).data() for column in range(5)]
        for row in range(page.history_model.rowCount())
    ]
    two_days_ago = (china_today() - dt.timedelta(days=2)).isoformat()
    assert [row[:2] for row in rows] == [
        [yesterday.isoformat(), "日管控检查"],
        [two_days_ago, "隐患"],  # the demo's brake hazard
    ]
    assert rows[0][2:] == ["已提交", "张伟", "运行；异常 1 项"]
    selected = page.list_model.equipment_at(page.proxy.mapToSource(page.table.currentIndex()).row())
    assert selected.id == GONDOLA

    rect = page.history_table.visualRect(page.history_model.index(0, 1))
    with qtbot.waitSignal(context.navigator.navigate_requested, timeout=1000) as opened:
        qtbot.mouseClick(
            page.history_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert opened.args == ["daily_check", DailyCheckTarget(GONDOLA, check_id)]
    with qtbot.waitSignal(context.navigator.navigate_requested, timeout=1000) as opened:
        page.hazards_button.click()
    assert opened.args == ["hazards", HazardListTarget(GONDOLA)]
    del translations
