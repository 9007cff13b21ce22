"""Equipment (设备): the unit's register, inspection state, and the history of each machine.

Identity fields (设备代码, 使用登记证编号, kind, next inspection date) belong to the registry on
the server; this module only reads them. The next inspection date is the one written on the
report or the use sign, never computed here.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select

from sync.clock import CHINA_TZ, china_today
from sync.errors import RecordNotFound
from sync.overview import InspectionState
from sync.overview import inspection_state as overview_inspection_state
from sync.records import (
    EQUIPMENT_KIND_LABELS,
    EquipmentFamily,
    RecordStatus,
    RecordType,
    family_of_kind,
    label,
)
from sync.store.database import Store
from sync.store.models import DailyCheck, Equipment, Hazard, Person, WeeklyReport

logger = logging.getLogger(__name__)

INSPECTION_STATE_LABELS = {
    InspectionState.EXPIRED: ("已过期", "Expired"),
    InspectionState.DUE_SOON: ("30天内到期", "Due within 30 days"),
    InspectionState.OK: ("有效", "Valid"),
    InspectionState.UNKNOWN: ("未登记", "Not recorded"),
}


def inspection_state(next_date: str | None, today: dt.date | None = None) -> InspectionState:
    """Expired once the next inspection date has passed; due soon within 30 days of it (the
    rule the Today view uses, :func:`sync.overview.inspection_state`)."""
    state, _days_left = overview_inspection_state(next_date, today or china_today())
    return state


@dataclass(frozen=True)
class EquipmentSummary:
    """One line of the equipment list."""

    id: str
    name: str
    equipment_code: str
    registration_no: str
    kind_code: str
    location: str
    status: str
    next_inspection_date: str | None
    inspection: InspectionState
    responsible_name: str
    # local / pending / synced / conflict / rejected: the list's sync column (#4).
    sync_state: str

    @property
    def family(self) -> EquipmentFamily:
        return family_of_kind(self.kind_code)

    def kind_label(self, language: str = "zh_CN") -> str:
        return label(EQUIPMENT_KIND_LABELS, self.kind_code, language)


@dataclass(frozen=True)
class EquipmentDetail(EquipmentSummary):
    unit_id: str
    responsible_person_id: str | None


@dataclass(frozen=True)
class HistoryLine:
    """One record of an equipment's history. ``day`` is the China calendar day it belongs to.

    ``state`` is the record's own status code (draft / submitted for the regulatory records,
    the lifecycle status for a hazard); ``detail`` a short text from the record itself.
    """

    record_type: RecordType
    record_id: str
    day: dt.date
    state: str
    detail: str
    signed_by: str
    amends_id: str | None = None
    operating_status: str = ""
    iso_week: tuple[int, int] | None = None
    abnormal_items: int = 0
    # local / pending / synced / conflict / rejected: what the list's sync column shows (#4).
    sync_state: str = "local"


def _summary_fields(equipment: Equipment, people: dict[str, str], today: dt.date) -> dict:
    return {
        "id": equipment.id,
        "name": equipment.name,
        "equipment_code": equipment.equipment_code,
        "registration_no": equipment.registration_no,
        "kind_code": equipment.kind_code,
        "location": equipment.location,
        "status": equipment.status,
        "next_inspection_date": equipment.next_inspection_date,
        "inspection": inspection_state(equipment.next_inspection_date, today),
        "responsible_name": people.get(equipment.responsible_person_id or "", ""),
        "sync_state": equipment.sync_state,
    }


def _people_names(session, unit_id: str) -> dict[str, str]:
    query = select(Person.id, Person.name).where(Person.unit_id == unit_id)
    return {person_id: name for person_id, name in session.execute(query)}


def list_equipment(
    store: Store, unit_id: str, today: dt.date | None = None
) -> list[EquipmentSummary]:
    """Every equipment of the unit, by name, with its inspection state on ``today``."""
    day = today or china_today()
    query = select(Equipment).where(Equipment.unit_id == unit_id).order_by(Equipment.name)
    with store.session() as session:
        people = _people_names(session, unit_id)
        return [
            EquipmentSummary(**_summary_fields(equipment, people, day))
            for equipment in session.scalars(query)
        ]


def equipment_detail(
    store: Store, equipment_id: str, today: dt.date | None = None
) -> EquipmentDetail:
    """The identity, status and inspection state of one equipment; RecordNotFound if unknown."""
    day = today or china_today()
    with store.session() as session:
        equipment = session.get(Equipment, equipment_id)
        if equipment is None:
            raise RecordNotFound(
                f"设备不存在：{equipment_id}", f"No such equipment: {equipment_id}"
            )
        people = _people_names(session, equipment.unit_id)
        return EquipmentDetail(
            **_summary_fields(equipment, people, day),
            unit_id=equipment.unit_id,
            responsible_person_id=equipment.responsible_person_id,
        )


def _china_day(moment: dt.datetime | None, fallback: dt.datetime) -> dt.date:
    return (moment or fallback).astimezone(CHINA_TZ).date()


def _abnormal_count(answers: dict) -> int:
    """How many item answers of a daily check say 异常."""
    items = answers.get("items", answers) if isinstance(answers, dict) else {}
    return sum(
        1
        for answer in items.values()
        if isinstance(answer, dict) and answer.get("result") == "abnormal"
    )


def equipment_history(store: Store, equipment_id: str) -> list[HistoryLine]:
    """The equipment's records, newest first: daily checks, hazards, and weekly reports.

    A weekly report belongs to an equipment's history when its roll-up covers the equipment:
    the report of the equipment's family for that week. Voided records are left out.
    """
    lines: list[HistoryLine] = []
    with store.session() as session:
        equipment = session.get(Equipment, equipment_id)
        if equipment is None:
            raise RecordNotFound(
                f"设备不存在：{equipment_id}", f"No such equipment: {equipment_id}"
            )
        family = family_of_kind(equipment.kind_code).value

        checks = session.scalars(
            select(DailyCheck).where(
                DailyCheck.equipment_id == equipment_id,
                DailyCheck.status != RecordStatus.VOID.value,
            )
        )
        for check in checks:
            lines.append(
                HistoryLine(
                    record_type=RecordType.DAILY_CHECK,
                    record_id=check.id,
                    day=dt.date.fromisoformat(check.day),
                    state=check.status,
                    detail=check.remark,
                    signed_by=check.signed_by_name,
                    amends_id=check.amends_id,
                    operating_status=check.operating_status,
                    abnormal_items=_abnormal_count(check.answers),
                    sync_state=check.sync_state,
                )
            )

        hazards = session.scalars(select(Hazard).where(Hazard.equipment_id == equipment_id))
        for hazard in hazards:
            lines.append(
                HistoryLine(
                    record_type=RecordType.HAZARD,
                    record_id=hazard.id,
                    day=_china_day(hazard.found_at, hazard.created_at),
                    state=hazard.status,
                    detail=hazard.description,
                    signed_by=hazard.owner,
                    sync_state=hazard.sync_state,
                )
            )

        reports = session.scalars(
            select(WeeklyReport).where(
                WeeklyReport.unit_id == equipment.unit_id,
                WeeklyReport.family == family,
                WeeklyReport.status != RecordStatus.VOID.value,
            )
        )
        for report in reports:
            sunday = dt.date.fromisocalendar(report.iso_year, report.iso_week, 7)
            lines.append(
                HistoryLine(
                    record_type=RecordType.WEEKLY_REPORT,
                    record_id=report.id,
                    day=sunday,
                    state=report.status,
                    detail=report.analysis,
                    signed_by=report.signed_by_name,
                    amends_id=report.amends_id,
                    iso_week=(report.iso_year, report.iso_week),
                    sync_state=report.sync_state,
                )
            )

    # Newest first; on one day a hazard sits above the check that found it.
    order = {RecordType.WEEKLY_REPORT: 0, RecordType.HAZARD: 1, RecordType.DAILY_CHECK: 2}
    lines.sort(key=lambda line: (line.day, -order[line.record_type]), reverse=True)
    return lines
