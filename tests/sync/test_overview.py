"""The Today overview: daily-check states, week and month records, hazards, inspections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sync.daily_checks import (
    amend_daily_check,
    mark_unanswered_normal,
    open_daily_check,
    save_answers,
    submit_daily_check,
    template_of,
)
from sync.demo import DEMO_OFFICER_KEY, LESHAN_UNIT_KEY, demo_id, seed_demo_store
from sync.overview import DailyState, InspectionState, RecordPresence, today_overview
from sync.store import open_store
from sync.store.changes import record_change
from sync.templates import default_library

DAY = dt.date(2026, 5, 11)
UNIT = demo_id(LESHAN_UNIT_KEY)
GONDOLA = demo_id("equipment/leshan-gondola")
CHAIRLIFT = demo_id("equipment/leshan-chairlift")
WHEEL = demo_id("equipment/leshan-wheel")


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened, today=DAY)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def templates():
    return default_library()


def _line(overview, equipment_id: str):
    return next(line for line in overview.equipment if line.equipment_id == equipment_id)


def _submitted_gondola_check(store, templates) -> str:
    check = open_daily_check(store, templates, equipment_id=GONDOLA, actor="张伟", day=DAY)
    readings = {
        item.id: {"value": item.measurement.minimum}
        for item in template_of(templates, check).items
        if item.measurement is not None
    }
    save_answers(store, templates, check.id, readings, "张伟")
    mark_unanswered_normal(store, templates, check.id, "张伟")
    save_answers(
        store, templates, check.id, {"rw-d-20": {"result": "abnormal", "remark": "褪色"}}, "张伟"
    )
    submit_daily_check(
        store, templates, check.id, person_id=demo_id(DEMO_OFFICER_KEY), person_name="张伟"
    )
    return check.id


def test_fresh_demo_day_has_everything_missing(store) -> None:
    overview = today_overview(store, UNIT, DAY)

    assert overview.day == DAY
    assert len(overview.equipment) == 6
    assert {line.daily_state for line in overview.equipment} == {DailyState.MISSING}
    assert overview.checks_done == 0
    assert (overview.iso_year, overview.iso_week) == (2026, 20)
    assert [week.family for week in overview.weeks] == [
        "ropeway",
        "amusement_ride",
        "elevator",
        "escalator",
    ]
    assert {week.presence for week in overview.weeks} == {RecordPresence.MISSING}
    assert overview.month.month == "2026-05"
    assert overview.month.presence == RecordPresence.MISSING


def test_daily_states_move_from_missing_to_draft_to_done_to_amending(store, templates) -> None:
    open_daily_check(store, templates, equipment_id=WHEEL, actor="张伟", day=DAY)
    check_id = _submitted_gondola_check(store, templates)

    before_amendment = today_overview(store, UNIT, DAY)
    amendment = amend_daily_check(store, check_id, "补记", "张伟")
    after_amendment = today_overview(store, UNIT, DAY)

    gondola = _line(before_amendment, GONDOLA)
    assert gondola.daily_state == DailyState.DONE
    assert gondola.check_id == check_id
    assert gondola.signed_by_name == "张伟"
    assert gondola.abnormal_items == 1
    assert _line(before_amendment, WHEEL).daily_state == DailyState.DRAFT
    assert _line(before_amendment, CHAIRLIFT).daily_state == DailyState.MISSING
    assert before_amendment.checks_done == 1
    assert _line(after_amendment, GONDOLA).daily_state == DailyState.AMENDING
    assert _line(after_amendment, GONDOLA).check_id == amendment.id
    assert after_amendment.checks_done == 1
    assert _line(today_overview(store, UNIT, DAY + dt.timedelta(days=1)), GONDOLA).daily_state == (
        DailyState.MISSING
    )


def test_open_hazards_with_overdue_and_per_equipment_counts(store) -> None:
    overview = today_overview(store, UNIT, DAY)

    assert len(overview.open_hazards) == 3
    assert overview.overdue_hazards == 1
    assert overview.open_hazards[0].overdue
    chairlift = _line(overview, CHAIRLIFT)
    assert (chairlift.open_hazards, chairlift.overdue_hazards) == (1, 1)
    assert (_line(overview, GONDOLA).open_hazards, _line(overview, GONDOLA).overdue_hazards) == (
        1,
        0,
    )
    assert _line(overview, WHEEL).open_hazards == 0


def test_inspections_due_within_30_days_or_expired(store) -> None:
    overview = today_overview(store, UNIT, DAY)

    due = [(item.equipment_id, item.days_left, item.expired) for item in overview.inspections]
    assert due == [(CHAIRLIFT, -5, True), (GONDOLA, 20, False)]
    assert _line(overview, CHAIRLIFT).inspection_state == InspectionState.EXPIRED
    assert _line(overview, GONDOLA).inspection_state == InspectionState.DUE_SOON
    assert _line(overview, WHEEL).inspection_state == InspectionState.OK


def test_week_report_and_month_minutes_are_found(store) -> None:
    with store.session() as session:
        report = record_change(
            session,
            "weekly_report",
            None,
            {
                "unit_id": UNIT,
                "iso_year": 2026,
                "iso_week": 20,
                "family": "ropeway",
                "status": "draft",
            },
            "李秀英",
        )
        record_change(
            session,
            "monthly_minutes",
            None,
            {"unit_id": UNIT, "month": "2026-05", "status": "submitted"},
            "王建国",
        )
        record_change(
            session,
            "weekly_report",
            None,
            {
                "unit_id": UNIT,
                "iso_year": 2026,
                "iso_week": 19,
                "family": "elevator",
                "status": "submitted",
            },
            "李秀英",
        )

        record_change(
            session,
            "weekly_report",
            None,
            {
                "unit_id": UNIT,
                "iso_year": 2026,
                "iso_week": 20,
                "family": "escalator",
                "status": "submitted",
            },
            "李秀英",
        )

    overview = today_overview(store, UNIT, DAY)

    weeks = {week.family: week for week in overview.weeks}
    assert weeks["ropeway"].presence == RecordPresence.DRAFT
    assert weeks["ropeway"].report_id == report.id
    assert weeks["escalator"].presence == RecordPresence.SUBMITTED
    assert weeks["elevator"].presence == RecordPresence.MISSING, "last week's does not count"
    assert overview.weekly_reports_submitted == 1
    assert overview.month.presence == RecordPresence.SUBMITTED


def test_equipment_out_of_use_has_no_line(store) -> None:
    with store.session() as session:
        record_change(session, "equipment", WHEEL, {"status": "out_of_use"}, "李秀英")

    overview = today_overview(store, UNIT, DAY)

    assert WHEEL not in {line.equipment_id for line in overview.equipment}
    assert len(overview.equipment) == 5
