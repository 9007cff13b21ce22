"""Calendar rules: a record's day is the local day in China, whatever the laptop's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

CHINA_TZ = ZoneInfo("Asia/Shanghai")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def china_now(now: dt.datetime | None = None) -> dt.datetime:
    moment = now or utc_now()
    if moment.tzinfo is None:
        raise ValueError("a naive datetime has no zone; pass an aware one")
    return moment.astimezone(CHINA_TZ)


def china_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Asia/Shanghai: the day a daily check belongs to."""
    return china_now(now).date()


def iso_week_of(day: dt.date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def iso_week_days(iso_year: int, iso_week: int) -> list[dt.date]:
    monday = dt.date.fromisocalendar(iso_year, iso_week, 1)
    return [monday + dt.timedelta(days=offset) for offset in range(7)]


def month_days(month: str) -> list[dt.date]:
    """All days of a ``YYYY-MM`` month."""
    first = dt.date.fromisoformat(f"{month}-01")
    days = []
    current = first
    while current.month == first.month:
        days.append(current)
        current += dt.timedelta(days=1)
    return days


def iso_timestamp(moment: dt.datetime) -> str:
    """UTC timestamp with offset, the form every record and the protocol use."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")
