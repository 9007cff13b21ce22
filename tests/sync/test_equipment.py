"""Equipment register: inspection state, identity, and each machine's history of records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sync.equipment import (
    InspectionState,
    equipment_detail,
    equipment_history,
    inspection_state,
    list_equipment,
)
from sync.errors import RecordNotFound
from sync.records import RecordType
from sync.store import open_store
from tests.record_factories import (
    CHAIRLIFT,
    GONDOLA,
    LIFT_1,
    TODAY,
    UNIT,
    add_daily_check,
    add_weekly_report,
    seeded,
)


@pytest.fixture
def store(data_folder: Path):
    opened = seeded(open_store(data_folder))
    yield opened
    opened.close()


def test_inspection_state_boundaries() -> None:
    today = dt.date(2026, 3, 12)

    def state(days: int) -> InspectionState:
        return inspection_state((today + dt.timedelta(days=days)).isoformat(), today)

    assert state(-1) == InspectionState.EXPIRED
    assert state(0) == InspectionState.DUE_SOON
    assert state(30) == InspectionState.DUE_SOON
    assert state(31) == InspectionState.OK
    assert inspection_state(None, today) == InspectionState.UNKNOWN


def test_list_shows_status_inspection_state_and_responsible_officer(store) -> None:
    listed = {item.id: item for item in list_equipment(store, UNIT, TODAY)}

    assert len(listed) == 6
    assert listed[CHAIRLIFT].inspection == InspectionState.EXPIRED
    assert listed[GONDOLA].inspection == InspectionState.DUE_SOON
    assert listed[LIFT_1].inspection == InspectionState.OK
    assert listed[GONDOLA].responsible_name == "张伟"
    assert listed[LIFT_1].responsible_name == "刘洋"
    assert {item.status for item in listed.values()} == {"in_use"}


def test_detail_has_the_identity_fields(store) -> None:
    detail = equipment_detail(store, GONDOLA, TODAY)

    assert detail.equipment_code == "912051023201500001"
    assert len(detail.equipment_code) == 18
    assert detail.registration_no == "索12川L00003(15)"
    assert detail.kind_label() == "循环式客运架空索道"
    assert detail.kind_label("en") == "Circulating aerial ropeway"
    assert detail.location == "黄湾下站—万年上站"
    assert detail.next_inspection_date == "2026-04-01"
    assert detail.responsible_name == "张伟"
    with pytest.raises(RecordNotFound):
        equipment_detail(store, "no-such-equipment")


def test_history_lists_checks_hazards_and_weekly_reports_newest_first(store) -> None:
    abnormal = {"items": {"rw-d-07": {"result": "abnormal", "remark": "闸瓦磨损"}}}
    signed = add_daily_check(store, GONDOLA, dt.date(2026, 3, 10), answers=abnormal)
    draft = add_daily_check(store, GONDOLA, dt.date(2026, 3, 11), status="draft")
    add_daily_check(store, CHAIRLIFT, dt.date(2026, 3, 11))
    ropeway_week = add_weekly_report(store, 2026, 10, "ropeway")
    add_weekly_report(store, 2026, 10, "elevator")

    history = equipment_history(store, GONDOLA)

    kinds = [(line.record_type, line.day.isoformat()) for line in history]
    assert kinds == [
        (RecordType.DAILY_CHECK, "2026-03-11"),
        (RecordType.HAZARD, "2026-03-10"),
        (RecordType.DAILY_CHECK, "2026-03-10"),
        (RecordType.WEEKLY_REPORT, "2026-03-08"),
    ]
    assert history[0].record_id == draft and history[0].state == "draft"
    assert history[2].record_id == signed and history[2].abnormal_items == 1
    assert history[2].signed_by == "张伟"
    assert history[3].record_id == ropeway_week and history[3].iso_week == (2026, 10)
    assert history[1].state == "found"
