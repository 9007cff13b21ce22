"""Real records written straight into a test store, dated as a test needs.

The services stamp records with the real clock; these helpers let a test place daily checks,
hazards and weekly reports on chosen days, through the same ``record_change`` the app uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.demo import LESHAN_UNIT_KEY, demo_id, seed_demo_store
from sync.store.changes import record_change
from sync.store.database import Store

# A Thursday: ISO week 2026-W11 runs from Monday 9 March to Sunday 15 March.
TODAY = dt.date(2026, 3, 12)
UNIT = demo_id(LESHAN_UNIT_KEY)
GONDOLA = demo_id("equipment/leshan-gondola")
CHAIRLIFT = demo_id("equipment/leshan-chairlift")
WHEEL = demo_id("equipment/leshan-wheel")
LIFT_1 = demo_id("equipment/leshan-lift-1")
ESCALATOR = demo_id("equipment/leshan-escalator")
DIRECTOR = demo_id("person/leshan-director")
PRINCIPAL = demo_id("person/leshan-principal")


def seeded(store: Store, today: dt.date = TODAY) -> Store:
    seed_demo_store(store, today=today)
    return store


def china_moment(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(
        day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )


def add_daily_check(
    store: Store,
    equipment_id: str,
    day: dt.date,
    *,
    status: str = "submitted",
    operating_status: str = "running",
    answers: dict[str, Any] | None = None,
    remark: str = "",
    amends_id: str | None = None,
    signed_hour: int = 18,
) -> str:
    """A daily check of ``day``: written as a draft, then signed that day if asked."""
    fields = {
        "unit_id": UNIT,
        "equipment_id": equipment_id,
        "day": day.isoformat(),
        "operating_status": operating_status,
        "template_id": "ropeway-daily",
        "template_version": 1,
        "answers": answers or {},
        "remark": remark,
        "amends_id": amends_id,
        "amendment_reason": "更正" if amends_id else "",
    }
    with store.session() as session:
        check = record_change(session, "daily_check", None, fields, "张伟")
        if status == "submitted":
            signature = {
                "status": "submitted",
                "signed_by_name": "张伟",
                "submitted_at": china_moment(day, signed_hour),
            }
            record_change(session, "daily_check", check.id, signature, "张伟")
        return check.id


def add_hazard(
    store: Store,
    equipment_id: str | None,
    *,
    found: dt.date,
    deadline: dt.date,
    closed: dt.date | None = None,
    stop_use: bool = False,
    description: str = "测试隐患",
) -> str:
    fields = {
        "unit_id": UNIT,
        "equipment_id": equipment_id,
        "grade": "general",
        "source": "other",
        "description": description,
        "owner": "张伟",
        "deadline": deadline.isoformat(),
        "stop_use": stop_use,
        "status": "closed" if closed else "rectifying",
        "found_at": china_moment(found),
        "closed_at": china_moment(closed) if closed else None,
    }
    with store.session() as session:
        return record_change(session, "hazard", None, fields, "张伟").id


def add_weekly_report(
    store: Store, iso_year: int, iso_week: int, family: str, *, status: str = "submitted"
) -> str:
    fields = {
        "unit_id": UNIT,
        "iso_year": iso_year,
        "iso_week": iso_week,
        "family": family,
        "analysis": "本周运行平稳",
        "template_id": f"{family}-weekly",
        "template_version": 1,
    }
    with store.session() as session:
        report = record_change(session, "weekly_report", None, fields, "李秀英")
        if status == "submitted":
            sunday = dt.date.fromisocalendar(iso_year, iso_week, 7)
            signature = {
                "status": "submitted",
                "signed_by_name": "李秀英",
                "submitted_at": china_moment(sunday, 17),
            }
            record_change(session, "weekly_report", report.id, signature, "李秀英")
        return report.id
