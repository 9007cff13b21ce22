"""Tables of the local store (SQLAlchemy 2, typed mappings).

Each synced record carries a device-made UUID, created / updated times, who changed it last,
the server's version of it (None until the server has seen it) and its sync state. Nested parts
of a record (item answers, measures, decisions, attendees) are JSON columns: they are always read
and written with their record, never queried one by one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from sync.clock import utc_now


class UtcDateTime(TypeDecorator):
    """Timestamps stored as UTC and read back as aware datetimes (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; SafeDesk keeps every time zone-aware")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class SyncedRecord:
    """Columns every synced record has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    server_version: Mapped[int | None] = mapped_column(Integer, default=None)
    # local / pending / synced / conflict / rejected; the sync engine moves it.
    sync_state: Mapped[str] = mapped_column(String(16), default="local")
    # The record's fields as the server last confirmed them: the base of a three-way merge.
    server_fields: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class Unit(SyncedRecord, Base):
    __tablename__ = "unit"

    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(32), default="")
    county_code: Mapped[str] = mapped_column(String(6))
    address: Mapped[str] = mapped_column(String(300), default="")


class Person(SyncedRecord, Base):
    __tablename__ = "person"

    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(32), default="")
    certificate_no: Mapped[str] = mapped_column(String(64), default="")
    username: Mapped[str] = mapped_column(String(80), default="")


class Equipment(SyncedRecord, Base):
    __tablename__ = "equipment"

    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    equipment_code: Mapped[str] = mapped_column(String(32))
    registration_no: Mapped[str] = mapped_column(String(40), default="")
    kind_code: Mapped[str] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(120))
    location: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="in_use")
    next_inspection_date: Mapped[str | None] = mapped_column(String(10), default=None)
    responsible_person_id: Mapped[str | None] = mapped_column(String(36), default=None)


class RegulatoryRecord(SyncedRecord):
    """Columns shared by the daily check, the weekly report and the monthly minutes."""

    unit_id: Mapped[str] = mapped_column(String(36))
    template_id: Mapped[str] = mapped_column(String(64), default="")
    template_version: Mapped[int] = mapped_column(Integer, default=0)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    signed_by_id: Mapped[str | None] = mapped_column(String(36), default=None)
    signed_by_name: Mapped[str] = mapped_column(String(80), default="")
    # The laptop's clock at signing, kept apart from the server's receipt time.
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    amends_id: Mapped[str | None] = mapped_column(String(36), default=None)
    amendment_reason: Mapped[str] = mapped_column(Text, default="")


class DailyCheck(RegulatoryRecord, Base):
    __tablename__ = "daily_check"
    __table_args__ = (Index("ix_daily_check_equipment_day", "equipment_id", "day"),)

    equipment_id: Mapped[str] = mapped_column(ForeignKey("equipment.id"))
    day: Mapped[str] = mapped_column(String(10))
    operating_status: Mapped[str] = mapped_column(String(16), default="running")
    remark: Mapped[str] = mapped_column(Text, default="")


class WeeklyReport(RegulatoryRecord, Base):
    __tablename__ = "weekly_report"
    __table_args__ = (Index("ix_weekly_report_week", "unit_id", "iso_year", "iso_week"),)

    iso_year: Mapped[int] = mapped_column(Integer)
    iso_week: Mapped[int] = mapped_column(Integer)
    family: Mapped[str] = mapped_column(String(24), default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[list[Any]] = mapped_column(JSON, default=list)
    matters_for_principal: Mapped[str] = mapped_column(Text, default="")
    next_focus: Mapped[str] = mapped_column(Text, default="")


class MonthlyMinutes(RegulatoryRecord, Base):
    __tablename__ = "monthly_minutes"
    __table_args__ = (Index("ix_monthly_minutes_month", "unit_id", "month"),)

    month: Mapped[str] = mapped_column(String(7))
    meeting_date: Mapped[str | None] = mapped_column(String(10), default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[str | None] = mapped_column(String(36), default=None)
    attendees: Mapped[list[Any]] = mapped_column(JSON, default=list)
    director_report: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    statistics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Hazard(SyncedRecord, Base):
    __tablename__ = "hazard"

    unit_id: Mapped[str] = mapped_column(String(36))
    equipment_id: Mapped[str | None] = mapped_column(String(36), default=None)
    grade: Mapped[str] = mapped_column(String(16), default="general")
    source: Mapped[str] = mapped_column(String(24), default="other")
    source_record_id: Mapped[str | None] = mapped_column(String(36), default=None)
    source_item_id: Mapped[str | None] = mapped_column(String(64), default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    photos: Mapped[list[Any]] = mapped_column(JSON, default=list)
    immediate_measures: Mapped[str] = mapped_column(Text, default="")
    stop_use: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str] = mapped_column(String(80), default="")
    deadline: Mapped[str] = mapped_column(String(10))
    rectification: Mapped[str] = mapped_column(Text, default="")
    verification: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="found")
    found_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class HazardEvent(SyncedRecord, Base):
    """One entry of a hazard's history; append-only, so two devices never conflict on it."""

    __tablename__ = "hazard_event"

    unit_id: Mapped[str] = mapped_column(String(36))
    hazard_id: Mapped[str] = mapped_column(ForeignKey("hazard.id"), index=True)
    happened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(80), default="")
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Photo(Base):
    """A photo attached to a record, kept as a file named by its SHA-256 in the data folder."""

    __tablename__ = "photo"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(64), default="image/jpeg")
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the last upload attempt failed, in plain words; None once uploaded (#4).
    upload_error: Mapped[str | None] = mapped_column(Text, default=None)


class OutboxEntry(Base):
    """A change waiting to be pushed; written in the same transaction as the change itself."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(16), default="upsert")
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    base_version: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Set when a push batch takes the entry; later edits then start a new entry.
    mutation_id: Mapped[int | None] = mapped_column(Integer, default=None)
    # The server's value of each field in ``fields`` when the field entered this entry (the
    # base of the server's three-way merge); None for a record the server has never seen.
    base_fields: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class Setting(Base):
    """Small key/value settings of this laptop: the profile, the language, sync options."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SyncConflict(Base):
    """A field on which this laptop and the server disagree; a person decides, nothing is lost.

    Made by the sync engine from the server's conflict and rejection answers (#4); kept after
    resolution so the record's history shows what was decided.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="conflict")
    field_name: Mapped[str | None] = mapped_column(String(64), default=None)
    base_value: Mapped[Any | None] = mapped_column(JSON, default=None)
    local_value: Mapped[Any | None] = mapped_column(JSON, default=None)
    server_value: Mapped[Any | None] = mapped_column(JSON, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    resolution: Mapped[Any | None] = mapped_column(JSON, default=None)


class SyncLock(Base):
    """The one row that says a sync run owns this data folder (#4).

    ``heartbeat_at`` is renewed between requests; a row whose process is gone, or whose
    heartbeat is old, is stale and the next run takes it over.
    """

    __tablename__ = "sync_lock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(36))
    pid: Mapped[int] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(255))
    heartbeat_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class ClockCheck(Base):
    """The laptop's clock against the server's, taken from each sync answer (#4).

    A record changed between a ``skewed`` check and the next unskewed one was stamped by a
    clock that was more than ten minutes off; its times are the laptop's, not the server's.
    """

    __tablename__ = "clock_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_time: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    server_time: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    skew_seconds: Mapped[int] = mapped_column(Integer)
    skewed: Mapped[bool] = mapped_column(Boolean, default=False)


RECORD_CLASSES: dict[str, type[SyncedRecord]] = {
    "unit": Unit,
    "person": Person,
    "equipment": Equipment,
    "daily_check": DailyCheck,
    "weekly_report": WeeklyReport,
    "monthly_minutes": MonthlyMinutes,
    "hazard": Hazard,
    "hazard_event": HazardEvent,
}
