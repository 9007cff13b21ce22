"""Weekly investigation: the week's roll-up from real records, signing, amendments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.completion import DayState
from sync.demo import demo_id
from sync.errors import ReadOnlyRecordError, ValidationError
from sync.profile import Profile
from sync.store import open_store
from sync.store.models import OutboxEntry
from sync.templates import default_library
from sync.weekly_reports import (
    amend_weekly_report,
    current_report_id,
    families_of_unit,
    load_weekly_report,
    new_weekly_report,
    save_weekly_draft,
    submit_weekly_report,
    was_overdue_during,
    week_report_states,
    week_rollup,
    weekly_reports_of_week,
)
from tests.record_factories import (
    CHAIRLIFT,
    DIRECTOR,
    GONDOLA,
    LIFT_1,
    TODAY,
    UNIT,
    add_daily_check,
    add_hazard,
    seeded,
)

SIGNER = Profile(UNIT, DIRECTOR, "峨眉山云海索道旅游有限公司", "李秀英", "director")
D = dt.date


@pytest.fixture
def store(data_folder: Path):
    opened = seeded(open_store(data_folder))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def library():
    return default_library()


def _filled(form, library) -> None:
    template = library.get(form.template_id, form.template_version)
    for item in template.items:
        form.set_item(item.id, "normal")
    form.set_item(template.items[2].id, "abnormal", "钢丝绳断丝数接近报废标准")
    form.analysis = "本周两条索道运行正常，吊椅索道标志整改逾期，需督促。"
    form.participants = "李秀英、张伟、刘洋"
    form.measures = [{"action": "督促标牌到货安装", "owner": "刘洋", "deadline": "2026-03-16"}]
    form.matters_for_principal = "申请更换吊厢索道安全制动器闸瓦的费用"


def test_rollup_marks_each_equipment_day_from_the_daily_checks(store) -> None:
    add_daily_check(store, GONDOLA, D(2026, 3, 9))
    add_daily_check(store, GONDOLA, D(2026, 3, 10), operating_status="closed")
    add_daily_check(store, GONDOLA, D(2026, 3, 11), status="draft")
    add_daily_check(store, LIFT_1, D(2026, 3, 9))
    add_daily_check(store, GONDOLA, D(2026, 3, 2))

    rollup = week_rollup(store, UNIT, 2026, 11, "ropeway", TODAY)

    rows = {row.equipment_id: row for row in rollup.equipment}
    assert set(rows) == {GONDOLA, CHAIRLIFT}
    assert rollup.days[0] == D(2026, 3, 9) and rollup.days[-1] == D(2026, 3, 15)
    assert rows[GONDOLA].states == (
        DayState.DONE,
        DayState.NOT_RUNNING,
        DayState.DRAFT,
        DayState.DUE_TODAY,
        DayState.UPCOMING,
        DayState.UPCOMING,
        DayState.UPCOMING,
    )
    assert rows[CHAIRLIFT].states[:4] == (DayState.MISSING,) * 3 + (DayState.DUE_TODAY,)
    assert (rows[GONDOLA].due, rows[GONDOLA].done) == (2, 1)
    assert (rollup.due, rollup.done) == (5, 1)
    assert rollup.count(DayState.MISSING) == 3


def test_amended_check_speaks_for_its_day(store) -> None:
    original = add_daily_check(store, GONDOLA, D(2026, 3, 9), operating_status="closed")
    amendment = add_daily_check(store, GONDOLA, D(2026, 3, 9), amends_id=original, signed_hour=20)

    rollup = week_rollup(store, UNIT, 2026, 11, "ropeway", TODAY)

    gondola = next(row for row in rollup.equipment if row.equipment_id == GONDOLA)
    assert (gondola.states[0], gondola.check_ids[0]) == (DayState.DONE, amendment)


def test_rollup_lists_hazards_opened_closed_and_overdue_that_week(store) -> None:
    closed_in_week = add_hazard(
        store, CHAIRLIFT, found=D(2026, 3, 2), deadline=D(2026, 3, 6), closed=D(2026, 3, 10)
    )
    add_hazard(store, CHAIRLIFT, found=D(2026, 3, 2), deadline=D(2026, 3, 6), closed=D(2026, 3, 5))
    unit_wide = add_hazard(store, None, found=D(2026, 3, 11), deadline=D(2026, 3, 30))
    add_hazard(store, LIFT_1, found=D(2026, 3, 11), deadline=D(2026, 3, 30))

    rollup = week_rollup(store, UNIT, 2026, 11, "ropeway", TODAY)

    assert {hazard.id for hazard in rollup.opened} == {
        demo_id("hazard/leshan-gondola-brake"),
        unit_wide,
    }
    assert [hazard.id for hazard in rollup.closed] == [closed_in_week]
    assert {hazard.id for hazard in rollup.overdue} == {
        demo_id("hazard/leshan-chairlift-sign"),
        closed_in_week,
    }


def test_overdue_during_a_span() -> None:
    week = (D(2026, 3, 9), D(2026, 3, 15))

    assert was_overdue_during(D(2026, 3, 1), None, D(2026, 3, 9), *week)
    assert not was_overdue_during(D(2026, 3, 1), None, D(2026, 3, 15), *week)
    assert not was_overdue_during(D(2026, 3, 1), D(2026, 3, 8), D(2026, 3, 5), *week)
    assert was_overdue_during(D(2026, 3, 1), D(2026, 3, 9), D(2026, 3, 5), *week)


def test_one_report_per_family_of_the_unit(store, library) -> None:
    families = [family.value for family in families_of_unit(store, UNIT)]

    assert families == ["ropeway", "amusement_ride", "elevator", "escalator"]
    for family in families:
        form = new_weekly_report(UNIT, 2026, 11, family, library)
        assert form.template_id == f"{family}-weekly"
        assert form.template_version == library.latest(family, "weekly").version


def test_submit_signs_keeps_the_rollup_and_becomes_read_only(store, library) -> None:
    add_daily_check(store, GONDOLA, D(2026, 3, 9))
    form = new_weekly_report(UNIT, 2026, 11, "ropeway", library)
    form.analysis = "草稿"
    save_weekly_draft(store, form, "李秀英")
    with pytest.raises(ValidationError):
        submit_weekly_report(store, form, SIGNER, library, today=TODAY)
    assert week_report_states(store, UNIT, 2026, 11)["ropeway"] == "draft"
    _filled(form, library)
    moment = dt.datetime(2026, 3, 12, 9, 0, tzinfo=dt.UTC)

    report_id = submit_weekly_report(store, form, SIGNER, library, now=moment, today=TODAY)

    stored = load_weekly_report(store, report_id)
    assert stored.status == "submitted" and stored.read_only
    assert (stored.signed_by_name, stored.submitted_at) == ("李秀英", moment)
    assert stored.measures == form.measures and stored.analysis.startswith("本周两条索道")
    snapshot_rows = {row["equipment_id"]: row for row in stored.rollup_snapshot["equipment"]}
    assert snapshot_rows[GONDOLA]["states"][:2] == ["done", "missing"]
    states = week_report_states(store, UNIT, 2026, 11)
    assert states == {
        "ropeway": "submitted",
        "amusement_ride": "missing",
        "elevator": "missing",
        "escalator": "missing",
    }
    stored.analysis = "签字后偷偷修改"
    with pytest.raises(ReadOnlyRecordError):
        save_weekly_draft(store, stored, "李秀英")
    with store.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == report_id))
        assert [each.fields["signed_by_name"] for each in entry] == ["李秀英"]

    add_daily_check(store, GONDOLA, D(2026, 3, 10))
    assert load_weekly_report(store, report_id).rollup_snapshot == stored.rollup_snapshot
    live = week_rollup(store, UNIT, 2026, 11, "ropeway", TODAY)
    assert live.equipment[0].equipment_id == GONDOLA
    assert live.equipment[0].states[1] == DayState.DONE


def test_submit_names_what_is_missing(store, library) -> None:
    form = new_weekly_report(UNIT, 2026, 11, "ropeway", library)
    _filled(form, library)
    template = library.get(form.template_id, form.template_version)

    form.set_item(template.items[0].id, "")
    with pytest.raises(ValidationError, match=template.items[0].text_zh):
        submit_weekly_report(store, form, SIGNER, library, today=TODAY)
    form.set_item(template.items[0].id, "abnormal", " ")
    with pytest.raises(ValidationError, match="说明"):
        submit_weekly_report(store, form, SIGNER, library, today=TODAY)
    form.set_item(template.items[0].id, "na")
    form.measures.append({"action": "复查", "owner": "张伟", "deadline": "下周"})
    with pytest.raises(ValidationError, match="第 2 条措施"):
        submit_weekly_report(store, form, SIGNER, library, today=TODAY)
    form.measures[-1]["deadline"] = "2026-03-20"
    form.measures.append({"action": "", "owner": "", "deadline": ""})
    submit_weekly_report(store, form, SIGNER, library, today=TODAY)

    assert len(load_weekly_report(store, form.record_id).measures) == 2


def test_amendment_is_linked_and_both_stay_visible(store, library) -> None:
    form = new_weekly_report(UNIT, 2026, 11, "ropeway", library)
    _filled(form, library)
    original_id = submit_weekly_report(store, form, SIGNER, library, today=TODAY)

    with pytest.raises(ValidationError):
        amend_weekly_report(store, original_id, "", "李秀英")
    amendment_id = amend_weekly_report(store, original_id, "措施期限写错", "李秀英")
    assert amend_weekly_report(store, original_id, "又点了一次", "李秀英") == amendment_id
    amendment = load_weekly_report(store, amendment_id)
    assert (amendment.amends_id, amendment.status) == (original_id, "draft")
    assert amendment.rollup_snapshot is None
    assert amendment.items == form.items and amendment.analysis == form.analysis
    amendment.measures[0]["deadline"] = "2026-03-18"
    submit_weekly_report(store, amendment, SIGNER, library, today=TODAY)

    summaries = weekly_reports_of_week(store, UNIT, 2026, 11, "ropeway")
    assert [(each.id, each.status, each.amends_id) for each in summaries] == [
        (original_id, "submitted", None),
        (amendment_id, "submitted", original_id),
    ]
    assert summaries[1].amendment_reason == "措施期限写错"
    assert current_report_id(summaries) == amendment_id
    assert load_weekly_report(store, original_id).measures[0]["deadline"] == "2026-03-16"
