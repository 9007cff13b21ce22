"""Monthly minutes: the month's statistics, the sign-in list, decisions and their follow-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.demo import demo_id
from sync.errors import ReadOnlyRecordError, ValidationError
from sync.monthly_minutes import (
    amend_monthly_minutes,
    current_minutes_id,
    load_monthly_minutes,
    minutes_of_month,
    minutes_state,
    month_statistics,
    new_decision,
    new_monthly_minutes,
    previous_decisions,
    save_minutes_draft,
    submit_monthly_minutes,
)
from sync.profile import Profile
from sync.store import open_store
from sync.store.models import MonthlyMinutes, OutboxEntry
from tests.record_factories import (
    CHAIRLIFT,
    GONDOLA,
    PRINCIPAL,
    TODAY,
    UNIT,
    add_daily_check,
    add_hazard,
    add_weekly_report,
    seeded,
)

SIGNER = Profile(UNIT, PRINCIPAL, "峨眉山云海索道旅游有限公司", "王建国", "principal")


@pytest.fixture
def store(data_folder: Path):
    opened = seeded(open_store(data_folder))
    yield opened
    opened.close()


def _ready_minutes(store, month: str):
    form = new_monthly_minutes(store, UNIT, month)
    form.meeting_date = f"{month}-28"
    form.place = "公司三楼会议室"
    for attendee in form.attendees:
        attendee["present"] = attendee["role"] != "officer"
    form.director_report = "本月日管控基本完成，吊椅索道标志整改逾期。"
    form.decisions.append(new_decision("更换吊椅索道站台标志", "刘洋", f"{month}-25"))
    return form


def test_statistics_of_a_past_month_come_from_the_records(store) -> None:
    add_daily_check(store, GONDOLA, dt.date(2026, 2, 2))
    add_daily_check(store, GONDOLA, dt.date(2026, 2, 3))
    add_daily_check(store, GONDOLA, dt.date(2026, 2, 4), operating_status="closed")
    add_daily_check(store, GONDOLA, dt.date(2026, 2, 5), status="draft")
    add_weekly_report(store, 2026, 6, "ropeway")
    add_weekly_report(store, 2026, 7, "elevator", status="draft")
    closed_late = add_hazard(
        store,
        CHAIRLIFT,
        found=dt.date(2026, 2, 3),
        deadline=dt.date(2026, 2, 10),
        closed=dt.date(2026, 2, 20),
        stop_use=True,
    )
    still_open = add_hazard(
        store, GONDOLA, found=dt.date(2026, 1, 15), deadline=dt.date(2026, 1, 31)
    )

    statistics = month_statistics(store, UNIT, "2026-02", TODAY)

    rows = {row.equipment_id: row for row in statistics.completion}
    assert (rows[GONDOLA].due, rows[GONDOLA].done) == (27, 2)
    assert (rows[CHAIRLIFT].due, rows[CHAIRLIFT].done) == (28, 0)
    assert statistics.due == 27 + 5 * 28 and statistics.done == 2
    assert [(week.iso_week, week.submitted) for week in statistics.weekly] == [
        (5, ()),
        (6, ("ropeway",)),
        (7, ()),
        (8, ()),
        (9, ()),
    ]
    assert statistics.weekly[1].missing == ("amusement_ride", "elevator", "escalator")
    demo_found_in_february = {
        demo_id("hazard/leshan-chairlift-sign"),
        demo_id("hazard/leshan-lift-door"),
    }
    assert {hazard.id for hazard in statistics.opened} == demo_found_in_february | {closed_late}
    assert [hazard.id for hazard in statistics.closed] == [closed_late]
    assert {hazard.id for hazard in statistics.overdue} == {closed_late, still_open}
    assert [hazard.id for hazard in statistics.stop_use] == [closed_late]
    assert [(due.equipment_id, due.state) for due in statistics.inspections] == [
        (CHAIRLIFT, "due_soon")
    ]


def test_current_month_counts_up_to_today(store) -> None:
    statistics = month_statistics(store, UNIT, "2026-03", TODAY)

    assert statistics.as_of == "2026-03-12"
    assert {row.due for row in statistics.completion} == {11}  # today is not over yet
    states = {due.equipment_id: due.state for due in statistics.inspections}
    assert states == {CHAIRLIFT: "expired", GONDOLA: "due_soon"}


def test_new_minutes_list_the_unit_and_put_the_principal_in_the_chair(store) -> None:
    form = new_monthly_minutes(store, UNIT, "2026-03")

    assert [row["name"] for row in form.attendees] == ["王建国", "李秀英", "刘洋", "张伟"]
    assert not any(row["present"] for row in form.attendees)
    assert form.chair_id == PRINCIPAL


def test_submit_signs_keeps_statistics_and_becomes_read_only(store) -> None:
    form = new_monthly_minutes(store, UNIT, "2026-02")
    form.place = "会议室"
    save_minutes_draft(store, form, "王建国")
    with pytest.raises(ValidationError):
        submit_monthly_minutes(store, form, SIGNER, today=TODAY)
    assert load_monthly_minutes(store, form.record_id).status == "draft"
    form = _ready_minutes(store, "2026-02")
    moment = dt.datetime(2026, 2, 28, 9, 30, tzinfo=dt.UTC)

    minutes_id = submit_monthly_minutes(store, form, SIGNER, now=moment, today=TODAY)

    stored = load_monthly_minutes(store, minutes_id)
    assert stored.status == "submitted" and stored.read_only
    assert stored.signed_by_name == "王建国" and stored.submitted_at == moment
    assert stored.statistics_snapshot == month_statistics(store, UNIT, "2026-02", TODAY).as_dict()
    assert [row["name"] for row in stored.attendees if row["present"]] == ["王建国", "李秀英"]
    assert [decision["item"] for decision in stored.decisions] == ["更换吊椅索道站台标志"]
    assert minutes_state(store, UNIT, "2026-02") == "submitted"
    stored.place = "改地点"
    with pytest.raises(ReadOnlyRecordError):
        save_minutes_draft(store, stored, "王建国")
    with store.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == minutes_id))
        assert [each.fields["status"] for each in entry] == ["submitted"]


def test_decision_ids_survive_autosaves(store) -> None:
    form = new_monthly_minutes(store, UNIT, "2026-03")
    form.decisions.append({"item": "采购备用闸瓦", "owner": "", "deadline": ""})

    save_minutes_draft(store, form, "王建国")
    first_id = form.decisions[0]["id"]
    form.decisions[0]["owner"] = "李秀英"
    save_minutes_draft(store, form, "王建国")

    assert load_monthly_minutes(store, form.record_id).decisions[0]["id"] == first_id


def test_next_month_follows_up_the_decisions_and_an_amendment_replaces_them(store) -> None:
    february = _ready_minutes(store, "2026-02")
    february_id = submit_monthly_minutes(store, february, SIGNER, today=TODAY)
    decision_id = february.decisions[0]["id"]

    march = new_monthly_minutes(store, UNIT, "2026-03")
    follow_ups = previous_decisions(store, UNIT, "2026-03")
    march.follow_up[follow_ups[0].id] = {"done": True, "note": "已更换"}
    save_minutes_draft(store, march, "王建国")

    assert [(each.id, each.item, each.minutes_id) for each in follow_ups] == [
        (decision_id, "更换吊椅索道站台标志", february_id)
    ]
    assert load_monthly_minutes(store, march.record_id).follow_up == {
        decision_id: {"done": True, "note": "已更换"}
    }

    with pytest.raises(ValidationError):
        amend_monthly_minutes(store, february_id, "  ", "王建国")
    amendment_id = amend_monthly_minutes(store, february_id, "漏记一项决定", "王建国")
    assert amend_monthly_minutes(store, february_id, "再次点击", "王建国") == amendment_id
    amendment = load_monthly_minutes(store, amendment_id)
    assert amendment.amends_id == february_id and amendment.status == "draft"
    assert amendment.amendment_reason == "漏记一项决定"
    amendment.decisions.append(new_decision("冬季停运前完成救援演练", "李秀英", "2026-03-20"))
    submit_monthly_minutes(store, amendment, SIGNER, today=TODAY)

    summaries = minutes_of_month(store, UNIT, "2026-02")
    assert [(each.id, each.status) for each in summaries] == [
        (february_id, "submitted"),
        (amendment_id, "submitted"),
    ]
    assert current_minutes_id(summaries) == amendment_id
    assert len(load_monthly_minutes(store, february_id).decisions) == 1
    items = [each.item for each in previous_decisions(store, UNIT, "2026-03")]
    assert items == ["更换吊椅索道站台标志", "冬季停运前完成救援演练"]
    with store.session() as session:
        assert (
            session.scalar(select(MonthlyMinutes.status).where(MonthlyMinutes.id == february_id))
            == "submitted"
        )
