"""A laptop set to another zone than China: dates the user is offered are still China days."""

from __future__ import annotations

import datetime as dt
import os
import time
import zoneinfo

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDateEdit, QWidget

from desktop.models.editable_rows import DATE_ROLE
from desktop.navigation import DailyCheckTarget
from desktop.widgets.record_forms import DateDelegate
from sync.clock import china_today, utc_now
from sync.demo import demo_id

GONDOLA = demo_id("equipment/leshan-gondola")


@pytest.fixture
def zone_on_another_day():
    """Set the process zone to one whose calendar day differs from China's right now (the
    date line zones cover every hour between them)."""
    for name in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        if utc_now().astimezone(zoneinfo.ZoneInfo(name)).date() != china_today():
            break
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    assert dt.date.today() != china_today()
    yield name
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_an_empty_deadline_cell_offers_a_week_from_the_china_day(
    zone_on_another_day, qtbot
) -> None:
    model = QStandardItemModel(1, 1)
    cell = QStandardItem("")
    cell.setData(True, DATE_ROLE)
    model.setItem(0, 0, cell)
    parent = QWidget()
    qtbot.addWidget(parent)
    delegate = DateDelegate()

    editor = delegate.createEditor(parent, None, model.index(0, 0))
    delegate.setEditorData(editor, model.index(0, 0))

    assert isinstance(editor, QDateEdit)
    assert editor.date().toPython() == china_today() + dt.timedelta(days=7)


def test_the_app_and_a_new_daily_check_use_the_china_day(
    zone_on_another_day, launcher, data_folder, qtbot
) -> None:
    app = launcher.start(data_folder)

    app.navigator.go(DailyCheckTarget(GONDOLA))

    assert app.window.header.day_label.text() == china_today().isoformat()
    assert app.window.page("today").overview.day == china_today()
    assert app.window.page("daily_check").view_model.check.day == china_today().isoformat()
