"""The Today view's facts for one unit and one China day, read in one pass over the store.

Pure queries: nothing is written, and the answer is a frozen value that any thread may hold.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from sync.clock import china_today, iso_week_of
from sync.hazards import HazardSummary, list_hazards
from sync.records import (
    EquipmentFamily,
    EquipmentStatus,
    ItemResult,
    RecordStatus,
    family_of_kind,
)
from sync.store.database import Store
from sync.store.models import DailyCheck, Equipment, MonthlyMinutes, WeeklyReport

logger = logging.getLogger(__name__)

# An inspection this close is flagged, so the booking (about a month ahead) is not missed.
INSPECTION_WARNING_DAYS = 30


class DailyState(StrEnum):
    """Where today's daily check of one equipment stands."""

    DONE = "done"
    DRAFT = "draft"
    MISSING = "missing"
    # Submitted, and a correction of it is being written.
    AMENDING = "amending"


class RecordPresence(StrEnum):
    """Whether the week's report or the month's minutes exist."""

    SUBMITTED = "submitted"
    DRAFT = "draft"
    MISSING = "missing"


class InspectionState(StrEnum):
    OK = "ok"
    DUE_SOON = "due_soon"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class EquipmentDay:
    """One equipment's line on the Today view."""

    equipment_id: str
    name: str
    kind_code: str
    location: str
    daily_state: DailyState
    check_id: str | None
    operating_status: str | None
    signed_by_name: str
    abnormal_items: int
    open_hazards: int
    overdue_hazards: int
    next_inspection_date: str | None
    inspection_state: InspectionState
    inspection_days_left: int | None
    # The sync state of today's check (#4); None when there is no check yet.
    check_sync_state: str | None = None


@dataclass(frozen=True)
class WeekStatus:
    """The week's investigation report of one equipment family (one report per family)."""

    iso_year: int
    iso_week: int
    family: str
    presence: RecordPresence
    report_id: str | None
    sync_state: str | None = None


@dataclass(frozen=True)
class MonthStatus:
    month: str
    presence: RecordPresence
    minutes_id: str | None
    sync_state: str | None = None


@dataclass(frozen=True)
class InspectionDue:
    equipment_id: str
    equipment_name: str
    next_inspection_date: str
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class TodayOverview:
    unit_id: str
    day: dt.date
    iso_year: int
    iso_week: int
    equipment: tuple[EquipmentDay, ...]
    weeks: tuple[WeekStatus, ...]
    month: MonthStatus
    open_hazards: tuple[HazardSummary, ...]
    inspections: tuple[InspectionDue, ...]

    @property
    def checks_done(self) -> int:
        finished = (DailyState.DONE, DailyState.AMENDING)
        return sum(1 for line in self.equipment if line.daily_state in finished)

    @property
    def weekly_reports_submitted(self) -> int:
        return sum(1 for week in self.weeks if week.presence == RecordPresence.SUBMITTED)

    @property
    def overdue_hazards(self) -> int:
        return sum(1 for hazard in self.open_hazards if hazard.overdue)


def inspection_state(next_date: str | None, today: dt.date) -> tuple[InspectionState, int | None]:
    """How an inspection date stands on ``today``, with the days left (negative when expired)."""
    if not next_date:
        return InspectionState.UNKNOWN, None
    days_left = (dt.date.fromisoformat(next_date) - today).days
    if days_left < 0:
        return InspectionState.EXPIRED, days_left
    if days_left <= INSPECTION_WARNING_DAYS:
        return InspectionState.DUE_SOON, days_left
    return InspectionState.OK, days_left


def _daily_state(records: list[DailyCheck]) -> tuple[DailyState, DailyCheck | None]:
    """The state of a day's records (original first): the latest unamended one decides."""
    if not records:
        return DailyState.MISSING, None
    amended = {record.amends_id for record in records if record.amends_id}
    current = [record for record in records if record.id not in amended][-1]
    if current.status == RecordStatus.SUBMITTED:
        return DailyState.DONE, current
    if current.amends_id is not None:
        return DailyState.AMENDING, current
    return DailyState.DRAFT, current


def _presence(
    records: list[WeeklyReport] | list[MonthlyMinutes],
) -> tuple[RecordPresence, WeeklyReport | MonthlyMinutes | None]:
    submitted = [record for record in records if record.status == RecordStatus.SUBMITTED]
    if submitted:
        return RecordPresence.SUBMITTED, submitted[-1]
    drafts = [record for record in records if record.status == RecordStatus.DRAFT]
    if drafts:
        return RecordPresence.DRAFT, drafts[-1]
    return RecordPresence.MISSING, None


def today_overview(store: Store, unit_id: str, today: dt.date | None = None) -> TodayOverview:
    """Everything the Today view shows for ``unit_id`` on ``today`` (default: China today)."""
    day = today or china_today()
    day_text = day.isoformat()
    iso_year, iso_week = iso_week_of(day)
    month = day.strftime("%Y-%m")
    hazards = list_hazards(store, unit_id, open_only=True, today=day)

    with store.session() as session:
        equipment_rows = list(
            session.scalars(
                select(Equipment)
                .where(
                    Equipment.unit_id == unit_id,
                    Equipment.status == EquipmentStatus.IN_USE.value,
                )
                .order_by(Equipment.kind_code.desc(), Equipment.name)
            )
        )
        checks_today = list(
            session.scalars(
                select(DailyCheck)
                .where(
                    DailyCheck.unit_id == unit_id,
                    DailyCheck.day == day_text,
                    DailyCheck.status != RecordStatus.VOID.value,
                )
                .order_by(DailyCheck.created_at, DailyCheck.id)
            )
        )
        weekly = list(
            session.scalars(
                select(WeeklyReport)
                .where(
                    WeeklyReport.unit_id == unit_id,
                    WeeklyReport.iso_year == iso_year,
                    WeeklyReport.iso_week == iso_week,
                )
                .order_by(WeeklyReport.created_at)
            )
        )
        monthly = list(
            session.scalars(
                select(MonthlyMinutes)
                .where(MonthlyMinutes.unit_id == unit_id, MonthlyMinutes.month == month)
                .order_by(MonthlyMinutes.created_at)
            )
        )

        lines = []
        inspections = []
        for equipment in equipment_rows:
            records = [check for check in checks_today if check.equipment_id == equipment.id]
            state, current = _daily_state(records)
            answers = (current.answers or {}) if current is not None else {}
            abnormal = sum(
                1 for answer in answers.values() if answer.get("result") == ItemResult.ABNORMAL
            )
            own_hazards = [hazard for hazard in hazards if hazard.equipment_id == equipment.id]
            inspection, days_left = inspection_state(equipment.next_inspection_date, day)
            lines.append(
                EquipmentDay(
                    equipment_id=equipment.id,
                    name=equipment.name,
                    kind_code=equipment.kind_code,
                    location=equipment.location,
                    daily_state=state,
                    check_id=current.id if current is not None else None,
                    operating_status=current.operating_status if current is not None else None,
                    signed_by_name=current.signed_by_name if current is not None else "",
                    abnormal_items=abnormal,
                    open_hazards=len(own_hazards),
                    overdue_hazards=sum(1 for hazard in own_hazards if hazard.overdue),
                    next_inspection_date=equipment.next_inspection_date,
                    inspection_state=inspection,
                    inspection_days_left=days_left,
                    check_sync_state=current.sync_state if current is not None else None,
                )
            )
            if inspection in (InspectionState.DUE_SOON, InspectionState.EXPIRED):
                inspections.append(
                    InspectionDue(
                        equipment.id, equipment.name, equipment.next_inspection_date, days_left
                    )
                )

        # One weekly report per family of the equipment in use, in the vocabulary's order.
        present = {family_of_kind(equipment.kind_code) for equipment in equipment_rows}
        weeks = []
        for family in EquipmentFamily:
            if family not in present:
                continue
            reports = [report for report in weekly if report.family == family.value]
            presence, report = _presence(reports)
            weeks.append(
                WeekStatus(
                    iso_year,
                    iso_week,
                    family.value,
                    presence,
                    report.id if report else None,
                    report.sync_state if report else None,
                )
            )
        month_presence, minutes = _presence(monthly)

    inspections.sort(key=lambda due: due.days_left)
    return TodayOverview(
        unit_id=unit_id,
        day=day,
        iso_year=iso_year,
        iso_week=iso_week,
        equipment=tuple(lines),
        weeks=tuple(weeks),
        month=MonthStatus(
            month,
            month_presence,
            minutes.id if minutes else None,
            minutes.sync_state if minutes else None,
        ),
        open_hazards=tuple(hazards),
        inspections=tuple(inspections),
    )
