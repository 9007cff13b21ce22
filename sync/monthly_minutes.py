"""Monthly scheduling meeting (月调度): the principal's minutes of one calendar month.

One set of minutes per unit and month, plus its amendments. The minutes show the month's
statistics, computed from the store (:func:`month_statistics`); on submit a copy goes into the
``statistics`` column so the signed minutes keep what was presented. The decisions of the
previous month's minutes are shown for follow-up; what was done about each is kept in
``answers["follow_up"]``.

Stored shapes::

    attendees  [{"person_id": str | None, "name": str, "role": str, "present": bool,
                 "note": str}]                       # the sign-in list; note = reason absent
    decisions  [{"id": str, "item": str, "owner": str, "deadline": "YYYY-MM-DD"}]
    answers    {"follow_up": {decision_id: {"done": bool, "note": str}}}
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select

from sync.clock import china_today, iso_week_of, month_days, utc_now
from sync.completion import completion_grid, unit_equipment
from sync.equipment import InspectionState, inspection_state
from sync.errors import ValidationError
from sync.profile import Profile
from sync.records import RecordStatus, RecordType, Role, least_settled
from sync.store.changes import load_record, sync_states_of
from sync.store.database import Store
from sync.store.models import Hazard, MonthlyMinutes, Person, WeeklyReport
from sync.submission import amend_record, current_version_id, save_form_draft, sign_form
from sync.weekly_reports import (
    WeekHazard,
    families_of_unit,
    hazards_with_sync_states,
    week_hazards,
)

logger = logging.getLogger(__name__)

_CONTENT_FIELDS = (
    "unit_id",
    "month",
    "meeting_date",
    "place",
    "chair_id",
    "attendees",
    "director_report",
    "decisions",
    "answers",
)


# --- statistics --------------------------------------------------------------------------


@dataclass(frozen=True)
class EquipmentCompletion:
    """One equipment's daily checks over the month's days so far."""

    equipment_id: str
    equipment_name: str
    due: int  # operating days that have come (days recorded as not running owe nothing)
    done: int

    @property
    def rate(self) -> float | None:
        return self.done / self.due if self.due else None


@dataclass(frozen=True)
class WeekFiling:
    """The weekly reports of one ISO week touching the month: families owed and filed."""

    iso_year: int
    iso_week: int
    expected: tuple[str, ...]
    submitted: tuple[str, ...]
    # (family, sync state) of each submitted report, the newest version of each family (#4).
    # Read from the store when shown; a signed minutes' copy keeps none.
    sync_states: tuple[tuple[str, str], ...] = ()

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(family for family in self.expected if family not in self.submitted)

    @property
    def sync_state(self) -> str | None:
        """The week's reports' state that most needs attention (None: no report filed)."""
        return least_settled(state for _family, state in self.sync_states)


@dataclass(frozen=True)
class InspectionDue:
    equipment_id: str
    equipment_name: str
    next_inspection_date: str
    state: str


@dataclass(frozen=True)
class MonthStatistics:
    month: str
    as_of: str  # the last day counted: the month's end, or today within the current month
    completion: tuple[EquipmentCompletion, ...]
    weekly: tuple[WeekFiling, ...]
    opened: tuple[WeekHazard, ...]
    closed: tuple[WeekHazard, ...]
    overdue: tuple[WeekHazard, ...]
    stop_use: tuple[WeekHazard, ...]
    inspections: tuple[InspectionDue, ...]

    @property
    def due(self) -> int:
        return sum(row.due for row in self.completion)

    @property
    def done(self) -> int:
        return sum(row.done for row in self.completion)

    @property
    def rate(self) -> float | None:
        return self.done / self.due if self.due else None

    def as_dict(self) -> dict[str, Any]:
        def listing(items) -> list[dict[str, Any]]:
            return [dict(item.__dict__) for item in items]

        def hazards(items: tuple[WeekHazard, ...]) -> list[dict[str, Any]]:
            return [hazard.as_dict() for hazard in items]

        return {
            "month": self.month,
            "as_of": self.as_of,
            "completion": listing(self.completion),
            "weekly": [
                {
                    "iso_year": week.iso_year,
                    "iso_week": week.iso_week,
                    "expected": list(week.expected),
                    "submitted": list(week.submitted),
                }
                for week in self.weekly
            ],
            "opened": hazards(self.opened),
            "closed": hazards(self.closed),
            "overdue": hazards(self.overdue),
            "stop_use": hazards(self.stop_use),
            "inspections": listing(self.inspections),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MonthStatistics:
        return cls(
            month=data["month"],
            as_of=data["as_of"],
            completion=tuple(EquipmentCompletion(**row) for row in data["completion"]),
            weekly=tuple(
                WeekFiling(
                    week["iso_year"],
                    week["iso_week"],
                    tuple(week["expected"]),
                    tuple(week["submitted"]),
                )
                for week in data["weekly"]
            ),
            opened=tuple(WeekHazard(**row) for row in data["opened"]),
            closed=tuple(WeekHazard(**row) for row in data["closed"]),
            overdue=tuple(WeekHazard(**row) for row in data["overdue"]),
            stop_use=tuple(WeekHazard(**row) for row in data["stop_use"]),
            inspections=tuple(InspectionDue(**row) for row in data["inspections"]),
        )


def _weeks_touching(days: list[dt.date]) -> list[tuple[int, int]]:
    weeks: list[tuple[int, int]] = []
    for day in days:
        week = iso_week_of(day)
        if week not in weeks:
            weeks.append(week)
    return weeks


def _filed_reports(store: Store, unit_id: str) -> dict[tuple[int, int, str], str]:
    """(ISO year, week, family) of every submitted report, with the sync state of its newest
    version (an amendment is signed after its original)."""
    query = (
        select(
            WeeklyReport.iso_year,
            WeeklyReport.iso_week,
            WeeklyReport.family,
            WeeklyReport.sync_state,
        )
        .where(
            WeeklyReport.unit_id == unit_id,
            WeeklyReport.status == RecordStatus.SUBMITTED.value,
        )
        .order_by(WeeklyReport.submitted_at, WeeklyReport.created_at)
    )
    with store.session() as session:
        return {
            (year, week, family): sync_state
            for year, week, family, sync_state in session.execute(query)
        }


def _filing_sync_states(
    filed: dict[tuple[int, int, str], str], year: int, week: int, families: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    return tuple(
        (family, filed[(year, week, family)])
        for family in families
        if (year, week, family) in filed
    )


def _weekly_filings(
    store: Store, unit_id: str, weeks: list[tuple[int, int]]
) -> tuple[WeekFiling, ...]:
    expected = tuple(family.value for family in families_of_unit(store, unit_id))
    filed = _filed_reports(store, unit_id)
    filings = []
    for year, week in weeks:
        submitted = tuple(family for family in expected if (year, week, family) in filed)
        filings.append(
            WeekFiling(
                year, week, expected, submitted, _filing_sync_states(filed, year, week, submitted)
            )
        )
    return tuple(filings)


def statistics_with_current_sync_states(
    store: Store, unit_id: str, statistics: MonthStatistics
) -> MonthStatistics:
    """The statistics with the sync state of each weekly report and hazard read afresh (a
    signed minutes' copy keeps none, and a sync run moves them)."""
    filed = _filed_reports(store, unit_id)
    listed = statistics.opened + statistics.closed + statistics.overdue + statistics.stop_use
    with store.session() as session:
        states = sync_states_of(session, RecordType.HAZARD, [hazard.id for hazard in listed])
    return replace(
        statistics,
        weekly=tuple(
            replace(
                week,
                sync_states=_filing_sync_states(
                    filed, week.iso_year, week.iso_week, week.submitted
                ),
            )
            for week in statistics.weekly
        ),
        opened=hazards_with_sync_states(statistics.opened, states),
        closed=hazards_with_sync_states(statistics.closed, states),
        overdue=hazards_with_sync_states(statistics.overdue, states),
        stop_use=hazards_with_sync_states(statistics.stop_use, states),
    )


def month_statistics(
    store: Store, unit_id: str, month: str, today: dt.date | None = None
) -> MonthStatistics:
    """The month's figures for the meeting, counted up to today within the current month."""
    current_day = today or china_today()
    days = [day for day in month_days(month) if day <= current_day] or month_days(month)[:1]
    as_of = days[-1]

    grid = completion_grid(store, unit_id, days, today=current_day)
    completion = tuple(
        EquipmentCompletion(row.equipment_id, row.equipment_name, row.due, row.done) for row in grid
    )
    weekly = _weekly_filings(store, unit_id, _weeks_touching(days))

    opened, closed, overdue = week_hazards(store, unit_id, days, None, current_day)
    stop_use_ids = _stop_use_hazard_ids(store, unit_id)
    stop_use = tuple(hazard for hazard in opened if hazard.id in stop_use_ids)

    inspections = []
    for equipment in unit_equipment(store, unit_id):
        state = inspection_state(equipment.next_inspection_date, as_of)
        if state in (InspectionState.EXPIRED, InspectionState.DUE_SOON):
            inspections.append(
                InspectionDue(
                    equipment.id, equipment.name, equipment.next_inspection_date or "", state.value
                )
            )

    return MonthStatistics(
        month=month,
        as_of=as_of.isoformat(),
        completion=completion,
        weekly=weekly,
        opened=opened,
        closed=closed,
        overdue=overdue,
        stop_use=stop_use,
        inspections=tuple(inspections),
    )


def _stop_use_hazard_ids(store: Store, unit_id: str) -> set[str]:
    query = select(Hazard.id).where(Hazard.unit_id == unit_id, Hazard.stop_use.is_(True))
    with store.session() as session:
        return set(session.scalars(query))


# --- the minutes -------------------------------------------------------------------------


def new_decision(item: str = "", owner: str = "", deadline: str = "") -> dict[str, str]:
    """A decision row with its own id, so next month's follow-up can point at it."""
    return {"id": str(uuid.uuid4()), "item": item, "owner": owner, "deadline": deadline}


@dataclass
class MonthlyMinutesForm:
    """Monthly minutes as the page edits them. ``record_id`` is None until first saved."""

    unit_id: str
    month: str
    record_id: str | None = None
    meeting_date: str | None = None
    place: str = ""
    chair_id: str | None = None
    attendees: list[dict[str, Any]] = field(default_factory=list)
    director_report: str = ""
    decisions: list[dict[str, str]] = field(default_factory=list)
    follow_up: dict[str, dict[str, Any]] = field(default_factory=dict)
    status: str = RecordStatus.DRAFT.value
    signed_by_name: str = ""
    submitted_at: dt.datetime | None = None
    amends_id: str | None = None
    amendment_reason: str = ""
    statistics_snapshot: dict[str, Any] | None = None

    @property
    def read_only(self) -> bool:
        return self.status != RecordStatus.DRAFT


@dataclass(frozen=True)
class MinutesSummary:
    id: str
    status: str
    signed_by_name: str
    submitted_at: dt.datetime | None
    amends_id: str | None
    amendment_reason: str
    sync_state: str = "local"


@dataclass(frozen=True)
class PreviousDecision:
    id: str
    item: str
    owner: str
    deadline: str
    minutes_id: str


def previous_month(month: str) -> str:
    first = dt.date.fromisoformat(f"{month}-01")
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def unit_people(store: Store, unit_id: str) -> list[Person]:
    """The unit's people: principal, director, then officers, each by name."""
    order = {Role.PRINCIPAL: 0, Role.DIRECTOR: 1, Role.OFFICER: 2}
    with store.session() as session:
        people = list(session.scalars(select(Person).where(Person.unit_id == unit_id)))
    return sorted(people, key=lambda person: (order.get(person.role, 9), person.name))


def new_monthly_minutes(store: Store, unit_id: str, month: str) -> MonthlyMinutesForm:
    """Unsaved minutes: the unit's people on the sign-in list (nobody ticked), its principal
    in the chair."""
    people = unit_people(store, unit_id)
    chair = next((person.id for person in people if person.role == Role.PRINCIPAL), None)
    attendees = [
        {
            "person_id": person.id,
            "name": person.name,
            "role": person.role,
            "present": False,
            "note": "",
        }
        for person in people
    ]
    return MonthlyMinutesForm(unit_id=unit_id, month=month, chair_id=chair, attendees=attendees)


def _form_of(minutes: MonthlyMinutes) -> MonthlyMinutesForm:
    answers = minutes.answers or {}
    submitted = minutes.status != RecordStatus.DRAFT
    return MonthlyMinutesForm(
        record_id=minutes.id,
        unit_id=minutes.unit_id,
        month=minutes.month,
        meeting_date=minutes.meeting_date,
        place=minutes.place,
        chair_id=minutes.chair_id,
        attendees=[dict(row) for row in minutes.attendees or []],
        director_report=minutes.director_report,
        decisions=[dict(row) for row in minutes.decisions or []],
        follow_up={key: dict(value) for key, value in answers.get("follow_up", {}).items()},
        status=minutes.status,
        signed_by_name=minutes.signed_by_name,
        submitted_at=minutes.submitted_at,
        amends_id=minutes.amends_id,
        amendment_reason=minutes.amendment_reason,
        statistics_snapshot=dict(minutes.statistics) if submitted else None,
    )


def load_monthly_minutes(store: Store, record_id: str) -> MonthlyMinutesForm:
    with store.session() as session:
        return _form_of(load_record(session, RecordType.MONTHLY_MINUTES, record_id))


def minutes_of_month(store: Store, unit_id: str, month: str) -> list[MinutesSummary]:
    """The month's minutes (original and amendments), oldest first; voided ones left out."""
    query = (
        select(MonthlyMinutes)
        .where(
            MonthlyMinutes.unit_id == unit_id,
            MonthlyMinutes.month == month,
            MonthlyMinutes.status != RecordStatus.VOID.value,
        )
        .order_by(MonthlyMinutes.created_at)
    )
    with store.session() as session:
        return [
            MinutesSummary(
                id=minutes.id,
                status=minutes.status,
                signed_by_name=minutes.signed_by_name,
                submitted_at=minutes.submitted_at,
                amends_id=minutes.amends_id,
                amendment_reason=minutes.amendment_reason,
                sync_state=minutes.sync_state,
            )
            for minutes in session.scalars(query)
        ]


# The minutes a page opens: an open draft first, else the newest submitted.
current_minutes_id = current_version_id


def minutes_state(store: Store, unit_id: str, month: str) -> str:
    """``submitted``, ``draft`` or ``missing``: whether the month's meeting is on record."""
    statuses = [each.status for each in minutes_of_month(store, unit_id, month)]
    if RecordStatus.SUBMITTED in statuses:
        return RecordStatus.SUBMITTED.value
    return RecordStatus.DRAFT.value if statuses else "missing"


def previous_decisions(store: Store, unit_id: str, month: str) -> list[PreviousDecision]:
    """The decisions of the previous month's signed minutes (the newest amendment counts)."""
    summaries = minutes_of_month(store, unit_id, previous_month(month))
    signed = [each for each in summaries if each.status == RecordStatus.SUBMITTED]
    if not signed:
        return []
    newest = max(signed, key=lambda each: each.submitted_at or utc_now())
    minutes = load_monthly_minutes(store, newest.id)
    return [
        PreviousDecision(
            id=decision.get("id", ""),
            item=decision.get("item", ""),
            owner=decision.get("owner", ""),
            deadline=decision.get("deadline", ""),
            minutes_id=newest.id,
        )
        for decision in minutes.decisions
    ]


def _clean_decisions(decisions: list[dict[str, str]]) -> list[dict[str, str]]:
    """The decision rows trimmed, blank rows dropped.

    A row without an id gets one written into the caller's row too, so saving the same form
    again keeps the id that next month's follow-up may already point at.
    """
    cleaned = []
    for decision in decisions:
        row = {key: (decision.get(key) or "").strip() for key in ("item", "owner", "deadline")}
        if any(row.values()):
            if not decision.get("id"):
                decision["id"] = str(uuid.uuid4())
            cleaned.append({"id": decision["id"], **row})
    return cleaned


def _content_fields(form: MonthlyMinutesForm) -> dict[str, Any]:
    return {
        "unit_id": form.unit_id,
        "month": form.month,
        "meeting_date": form.meeting_date or None,
        "place": form.place,
        "chair_id": form.chair_id,
        "attendees": [dict(row) for row in form.attendees],
        "director_report": form.director_report,
        "decisions": _clean_decisions(form.decisions),
        "answers": {"follow_up": {key: dict(value) for key, value in form.follow_up.items()}},
    }


def save_minutes_draft(store: Store, form: MonthlyMinutesForm, actor: str) -> str:
    """Save the draft (creating it the first time); returns and sets ``form.record_id``.

    Safe to call as often as the user types; submitted minutes refuse (ReadOnlyRecordError).
    """
    return save_form_draft(store, RecordType.MONTHLY_MINUTES, form, _content_fields(form), actor)


def _require_date(text: str | None, what_zh: str, what_en: str) -> None:
    try:
        dt.date.fromisoformat(text or "")
    except ValueError as error:
        raise ValidationError(
            f"{what_zh}不是有效日期：{text or '（空）'}",
            f"{what_en} is not a valid date: {text or '(empty)'}",
        ) from error


def validate_minutes(form: MonthlyMinutesForm) -> None:
    """Raise ValidationError naming the first thing that keeps the minutes from being signed."""
    _require_date(form.meeting_date, "会议日期", "The meeting date")
    if not form.place.strip():
        raise ValidationError("请填写会议地点。", "Please fill in the meeting place.")
    if not form.chair_id:
        raise ValidationError("请选择会议主持人。", "Please choose who chaired the meeting.")
    if not any(row.get("present") for row in form.attendees):
        raise ValidationError("签到表上还没有出席人员。", "Nobody is signed in as present.")
    if not form.director_report.strip():
        raise ValidationError("请填写安全总监工作汇报。", "Please write the director's report.")
    for row, decision in enumerate(_clean_decisions(form.decisions), start=1):
        if not decision["item"] or not decision["owner"]:
            raise ValidationError(
                f"第 {row} 项决定需要填写事项和责任人。",
                f"Decision {row} needs an item and an owner.",
            )
        _require_date(decision["deadline"], f"第 {row} 项决定的期限", f"Decision {row}'s deadline")


def submit_monthly_minutes(
    store: Store,
    form: MonthlyMinutesForm,
    signer: Profile,
    *,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
) -> str:
    """Validate, save and sign the minutes with the month's statistics kept inside them.

    One transaction: minutes, signature, statistics copy and outbox entry commit together.
    """
    validate_minutes(form)
    statistics = month_statistics(store, form.unit_id, form.month, today)
    fields = _content_fields(form)
    fields["statistics"] = statistics.as_dict()

    with store.session() as session:
        sign_form(session, RecordType.MONTHLY_MINUTES, form, fields, signer, now)
        form.statistics_snapshot = fields["statistics"]
        form.decisions = fields["decisions"]
    return form.record_id


def amend_monthly_minutes(store: Store, original_id: str, reason: str, actor: str) -> str:
    """Open (or reopen) the amendment draft of submitted minutes; returns its id."""
    return amend_record(
        store, RecordType.MONTHLY_MINUTES, original_id, reason, actor, _CONTENT_FIELDS
    )
