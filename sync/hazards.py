"""Hazards (隐患): opening, editing and moving them through their lifecycle.

Every change writes the hazard through :func:`sync.store.changes.record_change` and appends a
``hazard_event`` record to its history in the same transaction. History entries are separate
append-only records, so two laptops adding history never conflict; the hazard's own fields merge
field by field on the server.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.clock import china_today, utc_now
from sync.errors import TransitionError, ValidationError
from sync.records import (
    HAZARD_STATUS_LABELS,
    HazardGrade,
    HazardSource,
    HazardStatus,
    RecordType,
    hazard_transition_allowed,
    label,
)
from sync.store.changes import load_record, new_record_id, record_change
from sync.store.database import Store
from sync.store.models import (
    DailyCheck,
    Equipment,
    Hazard,
    HazardEvent,
    SyncConflict,
    WeeklyReport,
)

logger = logging.getLogger(__name__)

# Fields a person may edit directly; status moves only through move_hazard.
EDITABLE_FIELDS = frozenset(
    {
        "equipment_id",
        "grade",
        "source",
        "description",
        "photos",
        "immediate_measures",
        "stop_use",
        "owner",
        "deadline",
        "rectification",
        "verification",
    }
)


@dataclass(frozen=True)
class HazardSummary:
    id: str
    equipment_id: str | None
    equipment_name: str
    grade: str
    source: str
    status: str
    description: str
    owner: str
    deadline: str
    overdue: bool
    stop_use: bool
    sync_state: str


@dataclass(frozen=True)
class HistoryEntry:
    happened_at: dt.datetime
    actor: str
    action: str
    detail: dict[str, Any]


def hazard_is_overdue(deadline_iso: str, status: str, today: dt.date | None = None) -> bool:
    """A hazard still open after its deadline day (China calendar) is overdue."""
    still_open = status != HazardStatus.CLOSED
    deadline_passed = dt.date.fromisoformat(deadline_iso) < (today or china_today())
    return still_open and deadline_passed


def _require_text(value: str, what_zh: str, what_en: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{what_zh}。", f"Please fill in the {what_en}.")
    return text


def _deadline_text(deadline: dt.date | str | None) -> str:
    if deadline is None or deadline == "":
        raise ValidationError("整改期限必须填写。", "A rectification deadline is required.")
    if isinstance(deadline, dt.date):
        return deadline.isoformat()
    try:
        return dt.date.fromisoformat(deadline).isoformat()
    except ValueError as error:
        raise ValidationError(
            f"整改期限不是有效日期：{deadline}", f"The deadline is not a valid date: {deadline}"
        ) from error


def _append_history(
    session: Session,
    hazard: Hazard,
    actor: str,
    action: str,
    detail: dict[str, Any],
    moment: dt.datetime,
) -> None:
    fields = {
        "unit_id": hazard.unit_id,
        "hazard_id": hazard.id,
        "happened_at": moment,
        "actor": actor,
        "action": action,
        "detail": detail,
    }
    record_change(session, RecordType.HAZARD_EVENT, new_record_id(), fields, actor, now=moment)


def open_hazard(
    store: Store,
    *,
    unit_id: str,
    equipment_id: str | None,
    grade: str,
    source: str,
    description: str,
    deadline: dt.date | str | None,
    owner: str,
    actor: str,
    source_record_id: str | None = None,
    source_item_id: str | None = None,
    immediate_measures: str = "",
    stop_use: bool = False,
    photos: tuple[dict[str, Any], ...] | list[dict[str, Any]] = (),
) -> str:
    """Record a newly found hazard and the first entry of its history; returns its id.

    Raises ValidationError, writing nothing, when the description or deadline is missing.
    """
    fields = {
        "unit_id": unit_id,
        "equipment_id": equipment_id,
        "grade": HazardGrade(grade).value,
        "source": HazardSource(source).value,
        "source_record_id": source_record_id,
        "source_item_id": source_item_id,
        "description": _require_text(description, "隐患描述", "hazard description"),
        "immediate_measures": immediate_measures.strip(),
        "stop_use": bool(stop_use),
        "owner": owner.strip(),
        "deadline": _deadline_text(deadline),
        "photos": list(photos),
        "status": HazardStatus.FOUND.value,
    }
    moment = utc_now()
    fields["found_at"] = moment

    with store.session() as session:
        hazard = record_change(
            session, RecordType.HAZARD, new_record_id(), fields, actor, now=moment
        )
        detail = {"status": HazardStatus.FOUND.value, "grade": fields["grade"]}
        _append_history(session, hazard, actor, "found", detail, moment)
        hazard_id = hazard.id
    logger.info(
        "hazard %s opened (%s, deadline %s)", hazard_id, fields["grade"], fields["deadline"]
    )
    return hazard_id


def update_hazard(store: Store, hazard_id: str, changes: dict[str, Any], actor: str) -> None:
    """Edit a hazard's fields (not its status) and keep the change in its history."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(
            f"这些字段不能直接修改：{sorted(unknown)}",
            f"These fields cannot be edited: {sorted(unknown)}",
        )
    cleaned = dict(changes)
    if "deadline" in cleaned:
        cleaned["deadline"] = _deadline_text(cleaned["deadline"])
    if "description" in cleaned:
        cleaned["description"] = _require_text(cleaned["description"], "隐患描述", "description")
    if "grade" in cleaned:
        cleaned["grade"] = HazardGrade(cleaned["grade"]).value
    moment = utc_now()

    with store.session() as session:
        hazard = load_record(session, RecordType.HAZARD, hazard_id)
        if hazard.status == HazardStatus.CLOSED:
            raise TransitionError(
                "已销号的隐患不能再修改。", "A closed hazard can no longer change."
            )
        before = {key: getattr(hazard, key) for key in cleaned}
        record_change(session, RecordType.HAZARD, hazard_id, cleaned, actor, now=moment)
        changed = {
            key: {"from": before[key], "to": value}
            for key, value in cleaned.items()
            if before[key] != value
        }
        if changed:
            _append_history(session, hazard, actor, "edited", {"fields": changed}, moment)


def move_hazard(
    store: Store, hazard_id: str, target_status: str, actor: str, note: str = ""
) -> None:
    """Move a hazard along its lifecycle: found → rectifying → awaiting verification → closed.

    A failed verification returns it to rectifying. Awaiting verification needs the
    rectification written down; closing needs the verification written down. A closed hazard
    never reopens (a recurrence is a new hazard).
    """
    target = HazardStatus(target_status)
    moment = utc_now()

    with store.session() as session:
        hazard = load_record(session, RecordType.HAZARD, hazard_id)
        current = HazardStatus(hazard.status)
        if not hazard_transition_allowed(current, target) or current == target:
            raise TransitionError(
                f"隐患不能从“{label(HAZARD_STATUS_LABELS, current)}”变为"
                f"“{label(HAZARD_STATUS_LABELS, target)}”。",
                f"A hazard cannot move from {label(HAZARD_STATUS_LABELS, current, 'en')} "
                f"to {label(HAZARD_STATUS_LABELS, target, 'en')}.",
            )
        if target == HazardStatus.AWAITING_VERIFICATION and not hazard.rectification.strip():
            raise ValidationError(
                "请先填写整改情况，再提交复查。", "Describe the rectification before verification."
            )
        if target == HazardStatus.CLOSED and not hazard.verification.strip():
            raise ValidationError("请先填写复查结论，再销号。", "Record the verification first.")

        changes: dict[str, Any] = {"status": target.value}
        if target == HazardStatus.CLOSED:
            changes["closed_at"] = moment
        record_change(session, RecordType.HAZARD, hazard_id, changes, actor, now=moment)
        detail = {"from": current.value, "to": target.value, "note": note.strip()}
        _append_history(session, hazard, actor, "status", detail, moment)
    logger.info("hazard %s moved %s -> %s", hazard_id, current.value, target.value)


def list_hazards(
    store: Store, unit_id: str, *, open_only: bool = False, today: dt.date | None = None
) -> list[HazardSummary]:
    """The unit's hazards, overdue first, then by deadline."""
    day = today or china_today()
    query = (
        select(Hazard, Equipment.name)
        .outerjoin(Equipment, Equipment.id == Hazard.equipment_id)
        .where(Hazard.unit_id == unit_id)
    )
    if open_only:
        query = query.where(Hazard.status != HazardStatus.CLOSED.value)

    with store.session() as session:
        rows = session.execute(query).all()
        summaries = [
            HazardSummary(
                id=hazard.id,
                equipment_id=hazard.equipment_id,
                equipment_name=equipment_name or "",
                grade=hazard.grade,
                source=hazard.source,
                status=hazard.status,
                description=hazard.description,
                owner=hazard.owner,
                deadline=hazard.deadline,
                overdue=hazard_is_overdue(hazard.deadline, hazard.status, day),
                stop_use=hazard.stop_use,
                sync_state=hazard.sync_state,
            )
            for hazard, equipment_name in rows
        ]
    summaries.sort(key=lambda item: (not item.overdue, item.status == "closed", item.deadline))
    return summaries


def hazard_history(store: Store, hazard_id: str) -> list[HistoryEntry]:
    """Every recorded change of a hazard, oldest first, with its sync conflicts (#4).

    A conflict or refusal the server reported is an entry (``sync_conflict``,
    ``sync_rejected``) and so is its decision (``conflict_resolved``, ``rejection_dismissed``):
    a decided conflict stays in the record's history.
    """
    query = (
        select(HazardEvent)
        .where(HazardEvent.hazard_id == hazard_id)
        .order_by(HazardEvent.happened_at, HazardEvent.created_at)
    )
    conflicts = select(SyncConflict).where(SyncConflict.record_id == hazard_id)
    with store.session() as session:
        entries = [
            HistoryEntry(event.happened_at, event.actor, event.action, dict(event.detail))
            for event in session.scalars(query)
        ]
        for conflict in session.scalars(conflicts):
            entries.extend(_conflict_entries(conflict))

    # Python's sort is stable: events keep their order among equal times.
    entries.sort(key=lambda entry: entry.happened_at)
    return entries


def _conflict_entries(conflict: SyncConflict) -> list[HistoryEntry]:
    rejected = conflict.kind == "rejected"
    detail = {
        "field": conflict.field_name,
        "mine": conflict.local_value,
        "server": conflict.server_value,
        "reason": conflict.reason,
    }
    opened = "sync_rejected" if rejected else "sync_conflict"
    entries = [HistoryEntry(conflict.created_at, "", opened, detail)]
    if conflict.resolved_at is not None:
        resolution = dict(conflict.resolution or {})
        decided = "rejection_dismissed" if rejected else "conflict_resolved"
        entries.append(
            HistoryEntry(
                conflict.resolved_at,
                resolution.get("by", ""),
                decided,
                {"field": conflict.field_name, "value": resolution.get("value")},
            )
        )
    return entries


@dataclass(frozen=True)
class HazardDetail:
    """Every field of one hazard, as its editor shows it."""

    id: str
    unit_id: str
    equipment_id: str | None
    equipment_name: str
    grade: str
    source: str
    source_record_id: str | None
    source_item_id: str | None
    description: str
    photos: tuple[dict[str, Any], ...]
    immediate_measures: str
    stop_use: bool
    owner: str
    deadline: str
    rectification: str
    verification: str
    status: str
    found_at: dt.datetime | None
    closed_at: dt.datetime | None
    overdue: bool
    sync_state: str


def hazard_detail(store: Store, hazard_id: str, today: dt.date | None = None) -> HazardDetail:
    """One hazard with its equipment's name; RecordNotFound if there is no such hazard."""
    with store.session() as session:
        hazard = load_record(session, RecordType.HAZARD, hazard_id)
        equipment = session.get(Equipment, hazard.equipment_id) if hazard.equipment_id else None
        return HazardDetail(
            id=hazard.id,
            unit_id=hazard.unit_id,
            equipment_id=hazard.equipment_id,
            equipment_name=equipment.name if equipment else "",
            grade=hazard.grade,
            source=hazard.source,
            source_record_id=hazard.source_record_id,
            source_item_id=hazard.source_item_id,
            description=hazard.description,
            photos=tuple(dict(photo) for photo in hazard.photos or []),
            immediate_measures=hazard.immediate_measures,
            stop_use=hazard.stop_use,
            owner=hazard.owner,
            deadline=hazard.deadline,
            rectification=hazard.rectification,
            verification=hazard.verification,
            status=hazard.status,
            found_at=hazard.found_at,
            closed_at=hazard.closed_at,
            overdue=hazard_is_overdue(hazard.deadline, hazard.status, today),
            sync_state=hazard.sync_state,
        )


@dataclass(frozen=True)
class FindingRecord:
    """Where a hazard was found: the daily check (with its equipment) or the weekly report
    (with its ISO week) that opened it."""

    record_type: RecordType
    record_id: str
    equipment_id: str | None = None
    iso_year: int | None = None
    iso_week: int | None = None


def finding_record(store: Store, source: str, source_record_id: str) -> FindingRecord | None:
    """The record that found a hazard, or None when it is not in this store."""
    with store.session() as session:
        if source == HazardSource.DAILY_CHECK:
            check = session.get(DailyCheck, source_record_id)
            if check is None:
                return None
            return FindingRecord(RecordType.DAILY_CHECK, check.id, equipment_id=check.equipment_id)
        report = session.get(WeeklyReport, source_record_id)
        if report is None:
            return None
        return FindingRecord(
            RecordType.WEEKLY_REPORT, report.id, iso_year=report.iso_year, iso_week=report.iso_week
        )
