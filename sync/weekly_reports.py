"""Weekly investigation (周排查): the safety director's report on one ISO week.

One report per equipment family per ISO week (ropeway, amusement ride, elevator, escalator),
because each family has its own weekly template and the regulation's form is per kind
(《每周XX安全排查治理报告》). A unit with two families files two reports a week; an amendment
corrects one of them and is linked to it.

The report shows what the store already knows about its week (:func:`week_rollup`): the daily
checks of the family's equipment day by day, and the hazards opened, closed and overdue. While
the report is a draft the roll-up is computed afresh; on submit a copy is kept in the report
(``answers["rollup"]``), so the signed report keeps showing what its signer saw.

Stored shape of ``answers``::

    {"items": {item_id: {"result": "normal" | "abnormal" | "na", "remark": str}},
     "rollup": {...}}            # only once submitted, see WeekRollup.as_dict

``measures`` is a list of ``{"action", "owner", "deadline"}`` (deadline ``YYYY-MM-DD``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sync.clock import CHINA_TZ, china_today, iso_week_days, utc_now
from sync.completion import DayState, EquipmentDays, completion_grid, unit_equipment
from sync.errors import ValidationError
from sync.profile import Profile
from sync.records import (
    EquipmentFamily,
    HazardStatus,
    ItemResult,
    RecordStatus,
    RecordType,
    family_of_kind,
)
from sync.store.changes import load_record, sync_states_of
from sync.store.database import Store
from sync.store.models import Equipment, Hazard, WeeklyReport
from sync.submission import amend_record, current_version_id, save_form_draft, sign_form

if TYPE_CHECKING:
    from sync.templates import ChecklistTemplate, TemplateLibrary

logger = logging.getLogger(__name__)

WEEKLY = "weekly"

# What an amendment starts from: everything the director wrote, not the signature.
_CONTENT_FIELDS = (
    "unit_id",
    "iso_year",
    "iso_week",
    "family",
    "template_id",
    "template_version",
    "answers",
    "participants",
    "analysis",
    "measures",
    "matters_for_principal",
    "next_focus",
)


# --- the roll-up -------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekHazard:
    """A hazard as the weekly report lists it; ``overdue``: open past its deadline that week."""

    id: str
    equipment_name: str
    grade: str
    status: str
    description: str
    owner: str
    deadline: str
    found_day: str
    closed_day: str | None
    overdue: bool
    # The hazard's sync state when this was read (#4); never kept in a signed record's copy.
    sync_state: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The hazard as a signed record keeps it: without its (soon stale) sync state."""
        kept = dict(self.__dict__)
        kept.pop("sync_state")
        return kept


@dataclass(frozen=True)
class WeekRollup:
    """What the store knows about one family's week."""

    iso_year: int
    iso_week: int
    family: str
    days: tuple[dt.date, ...]
    equipment: tuple[EquipmentDays, ...]
    opened: tuple[WeekHazard, ...]
    closed: tuple[WeekHazard, ...]
    overdue: tuple[WeekHazard, ...]
    computed_at: str

    @property
    def done(self) -> int:
        return sum(row.done for row in self.equipment)

    @property
    def due(self) -> int:
        return sum(row.due for row in self.equipment)

    def count(self, state: DayState) -> int:
        return sum(row.count(state) for row in self.equipment)

    def as_dict(self) -> dict[str, Any]:
        """The roll-up as JSON, to keep inside a submitted report."""

        return {
            "iso_year": self.iso_year,
            "iso_week": self.iso_week,
            "family": self.family,
            "days": [day.isoformat() for day in self.days],
            "equipment": [
                {
                    "equipment_id": row.equipment_id,
                    "equipment_name": row.equipment_name,
                    "kind_code": row.kind_code,
                    "states": [state.value for state in row.states],
                    "check_ids": list(row.check_ids),
                }
                for row in self.equipment
            ],
            "opened": [hazard.as_dict() for hazard in self.opened],
            "closed": [hazard.as_dict() for hazard in self.closed],
            "overdue": [hazard.as_dict() for hazard in self.overdue],
            "computed_at": self.computed_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WeekRollup:
        rows = tuple(
            EquipmentDays(
                equipment_id=row["equipment_id"],
                equipment_name=row["equipment_name"],
                kind_code=row["kind_code"],
                states=tuple(DayState(state) for state in row["states"]),
                check_ids=tuple(row["check_ids"]),
            )
            for row in data["equipment"]
        )
        return cls(
            iso_year=data["iso_year"],
            iso_week=data["iso_week"],
            family=data["family"],
            days=tuple(dt.date.fromisoformat(day) for day in data["days"]),
            equipment=rows,
            opened=tuple(WeekHazard(**hazard) for hazard in data["opened"]),
            closed=tuple(WeekHazard(**hazard) for hazard in data["closed"]),
            overdue=tuple(WeekHazard(**hazard) for hazard in data["overdue"]),
            computed_at=data["computed_at"],
        )


def _china_day(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(CHINA_TZ).date() if moment else None


def was_overdue_during(
    found: dt.date, closed: dt.date | None, deadline: dt.date, first: dt.date, last: dt.date
) -> bool:
    """Whether a hazard was open past its deadline on some day between ``first`` and ``last``.

    A hazard is overdue on day d when it was found by d, not yet closed before d, and its
    deadline is before d.
    """
    start = max(first, found, deadline + dt.timedelta(days=1))
    end = min(last, closed) if closed else last
    return start <= end


def families_of_unit(store: Store, unit_id: str) -> list[EquipmentFamily]:
    """The families of the unit's registered equipment, in the vocabulary's order."""
    present = {family_of_kind(item.kind_code) for item in unit_equipment(store, unit_id)}
    return [family for family in EquipmentFamily if family in present]


def week_hazards(
    store: Store,
    unit_id: str,
    days: list[dt.date],
    equipment_ids: set[str] | None,
    today: dt.date,
) -> tuple[tuple[WeekHazard, ...], tuple[WeekHazard, ...], tuple[WeekHazard, ...]]:
    """Hazards opened, closed, and overdue during ``days`` (only up to ``today``).

    With ``equipment_ids`` only those equipments' hazards count, plus the hazards tied to no
    equipment at all (a unit-wide finding concerns every report of the unit).
    """
    first, last = days[0], min(days[-1], today)
    query = (
        select(Hazard, Equipment.name)
        .outerjoin(Equipment, Equipment.id == Hazard.equipment_id)
        .where(Hazard.unit_id == unit_id)
    )
    with store.session() as session:
        rows = session.execute(query).all()

    opened, closed, overdue = [], [], []
    for hazard, equipment_name in rows:
        in_scope = (
            equipment_ids is None
            or hazard.equipment_id is None
            or hazard.equipment_id in equipment_ids
        )
        if not in_scope:
            continue
        found = _china_day(hazard.found_at) or _china_day(hazard.created_at)
        ended = _china_day(hazard.closed_at) if hazard.status == HazardStatus.CLOSED else None
        deadline = dt.date.fromisoformat(hazard.deadline)
        was_overdue = first <= last and was_overdue_during(found, ended, deadline, first, last)
        listed = WeekHazard(
            id=hazard.id,
            equipment_name=equipment_name or "",
            grade=hazard.grade,
            status=hazard.status,
            description=hazard.description,
            owner=hazard.owner,
            deadline=hazard.deadline,
            found_day=found.isoformat(),
            closed_day=ended.isoformat() if ended else None,
            overdue=was_overdue,
            sync_state=hazard.sync_state,
        )
        if first <= found <= days[-1]:
            opened.append(listed)
        if ended and first <= ended <= days[-1]:
            closed.append(listed)
        if was_overdue:
            overdue.append(listed)

    def by_deadline(hazard: WeekHazard) -> tuple[str, str]:
        return hazard.deadline, hazard.id

    return (
        tuple(sorted(opened, key=by_deadline)),
        tuple(sorted(closed, key=by_deadline)),
        tuple(sorted(overdue, key=by_deadline)),
    )


def week_rollup(
    store: Store,
    unit_id: str,
    iso_year: int,
    iso_week: int,
    family: str,
    today: dt.date | None = None,
) -> WeekRollup:
    """The daily checks (equipment x 7 days) and hazards of one family's ISO week."""
    current_day = today or china_today()
    days = iso_week_days(iso_year, iso_week)
    grid = completion_grid(store, unit_id, days, family=family, today=current_day)
    scope = {row.equipment_id for row in grid}
    opened, closed, overdue = week_hazards(store, unit_id, days, scope, current_day)
    return WeekRollup(
        iso_year=iso_year,
        iso_week=iso_week,
        family=str(family),
        days=tuple(days),
        equipment=tuple(grid),
        opened=opened,
        closed=closed,
        overdue=overdue,
        computed_at=utc_now().isoformat(timespec="seconds"),
    )


def with_current_sync_states(store: Store, rollup: WeekRollup) -> WeekRollup:
    """The roll-up with the sync state of each daily check and hazard it shows read afresh.

    A signed report's copy keeps no sync states, and a sync run moves them after the roll-up
    was computed; the lists show the states as they are now.
    """
    check_ids = [check_id for row in rollup.equipment for check_id in row.check_ids]
    hazards = rollup.opened + rollup.closed + rollup.overdue
    with store.session() as session:
        check_states = sync_states_of(session, RecordType.DAILY_CHECK, check_ids)
        hazard_states = sync_states_of(
            session, RecordType.HAZARD, [hazard.id for hazard in hazards]
        )
    return replace(
        rollup,
        equipment=tuple(
            replace(
                row,
                check_sync_states=tuple(
                    check_states.get(check_id) if check_id else None for check_id in row.check_ids
                ),
            )
            for row in rollup.equipment
        ),
        opened=hazards_with_sync_states(rollup.opened, hazard_states),
        closed=hazards_with_sync_states(rollup.closed, hazard_states),
        overdue=hazards_with_sync_states(rollup.overdue, hazard_states),
    )


def hazards_with_sync_states(
    hazards: tuple[WeekHazard, ...], states: dict[str, str]
) -> tuple[WeekHazard, ...]:
    return tuple(replace(hazard, sync_state=states.get(hazard.id)) for hazard in hazards)


# --- the report --------------------------------------------------------------------------


@dataclass
class WeeklyReportForm:
    """A weekly report as the page edits it. ``record_id`` is None until first saved."""

    unit_id: str
    iso_year: int
    iso_week: int
    family: str
    template_id: str
    template_version: int
    record_id: str | None = None
    participants: str = ""
    analysis: str = ""
    measures: list[dict[str, str]] = field(default_factory=list)
    matters_for_principal: str = ""
    next_focus: str = ""
    items: dict[str, dict[str, str]] = field(default_factory=dict)
    status: str = RecordStatus.DRAFT.value
    signed_by_name: str = ""
    submitted_at: dt.datetime | None = None
    amends_id: str | None = None
    amendment_reason: str = ""
    rollup_snapshot: dict[str, Any] | None = None

    @property
    def read_only(self) -> bool:
        return self.status != RecordStatus.DRAFT

    def set_item(self, item_id: str, result: str | None = None, remark: str | None = None) -> None:
        answer = self.items.setdefault(item_id, {"result": "", "remark": ""})
        if result is not None:
            answer["result"] = result
        if remark is not None:
            answer["remark"] = remark


@dataclass(frozen=True)
class WeeklyReportSummary:
    id: str
    family: str
    status: str
    signed_by_name: str
    submitted_at: dt.datetime | None
    updated_at: dt.datetime
    amends_id: str | None
    amendment_reason: str
    sync_state: str = "local"


def new_weekly_report(
    unit_id: str, iso_year: int, iso_week: int, family: str, library: TemplateLibrary
) -> WeeklyReportForm:
    """An unsaved report for the week, on the newest weekly template of ``family``."""
    template = library.latest(str(family), WEEKLY)
    return WeeklyReportForm(
        unit_id=unit_id,
        iso_year=iso_year,
        iso_week=iso_week,
        family=str(family),
        template_id=template.id,
        template_version=template.version,
    )


def _form_of(report: WeeklyReport) -> WeeklyReportForm:
    answers = report.answers or {}
    return WeeklyReportForm(
        record_id=report.id,
        unit_id=report.unit_id,
        iso_year=report.iso_year,
        iso_week=report.iso_week,
        family=report.family,
        template_id=report.template_id,
        template_version=report.template_version,
        participants=report.participants,
        analysis=report.analysis,
        measures=[dict(measure) for measure in report.measures or []],
        matters_for_principal=report.matters_for_principal,
        next_focus=report.next_focus,
        items={key: dict(value) for key, value in answers.get("items", {}).items()},
        status=report.status,
        signed_by_name=report.signed_by_name,
        submitted_at=report.submitted_at,
        amends_id=report.amends_id,
        amendment_reason=report.amendment_reason,
        # An amendment draft starts from its original's answers, copy of the roll-up included;
        # a draft always shows the live roll-up instead.
        rollup_snapshot=answers.get("rollup") if report.status != RecordStatus.DRAFT else None,
    )


def load_weekly_report(store: Store, record_id: str) -> WeeklyReportForm:
    with store.session() as session:
        return _form_of(load_record(session, RecordType.WEEKLY_REPORT, record_id))


def weekly_reports_of_week(
    store: Store, unit_id: str, iso_year: int, iso_week: int, family: str | None = None
) -> list[WeeklyReportSummary]:
    """The week's reports (originals and amendments), oldest first; voided ones left out."""
    query = (
        select(WeeklyReport)
        .where(
            WeeklyReport.unit_id == unit_id,
            WeeklyReport.iso_year == iso_year,
            WeeklyReport.iso_week == iso_week,
            WeeklyReport.status != RecordStatus.VOID.value,
        )
        .order_by(WeeklyReport.created_at)
    )
    if family is not None:
        query = query.where(WeeklyReport.family == str(family))
    with store.session() as session:
        return [
            WeeklyReportSummary(
                id=report.id,
                family=report.family,
                status=report.status,
                signed_by_name=report.signed_by_name,
                submitted_at=report.submitted_at,
                updated_at=report.updated_at,
                amends_id=report.amends_id,
                amendment_reason=report.amendment_reason,
                sync_state=report.sync_state,
            )
            for report in session.scalars(query)
        ]


# The report a page opens for its week: an open draft first, else the newest submitted.
current_report_id = current_version_id


def week_report_states(
    store: Store, unit_id: str, iso_year: int, iso_week: int
) -> dict[EquipmentFamily, str]:
    """Per family of the unit: ``submitted``, ``draft`` or ``missing`` for the week."""
    summaries = weekly_reports_of_week(store, unit_id, iso_year, iso_week)
    states = {}
    for family in families_of_unit(store, unit_id):
        mine = [each.status for each in summaries if each.family == family]
        if RecordStatus.SUBMITTED in mine:
            states[family] = RecordStatus.SUBMITTED.value
        elif mine:
            states[family] = RecordStatus.DRAFT.value
        else:
            states[family] = "missing"
    return states


def _clean_measures(measures: list[dict[str, str]]) -> list[dict[str, str]]:
    """The measure rows with text trimmed; rows left entirely blank are dropped."""
    cleaned = []
    for measure in measures:
        row = {key: (measure.get(key) or "").strip() for key in ("action", "owner", "deadline")}
        if any(row.values()):
            cleaned.append(row)
    return cleaned


def _content_fields(form: WeeklyReportForm) -> dict[str, Any]:
    return {
        "unit_id": form.unit_id,
        "iso_year": form.iso_year,
        "iso_week": form.iso_week,
        "family": form.family,
        "template_id": form.template_id,
        "template_version": form.template_version,
        "participants": form.participants,
        "analysis": form.analysis,
        "measures": _clean_measures(form.measures),
        "matters_for_principal": form.matters_for_principal,
        "next_focus": form.next_focus,
        "answers": {"items": {key: dict(value) for key, value in form.items.items()}},
    }


def save_weekly_draft(store: Store, form: WeeklyReportForm, actor: str) -> str:
    """Save the draft (creating it the first time); returns and sets ``form.record_id``.

    Safe to call as often as the user types: an unchanged draft writes nothing. A submitted
    report refuses with ReadOnlyRecordError. Drafts stay on this laptop (no outbox entry).
    """
    return save_form_draft(store, RecordType.WEEKLY_REPORT, form, _content_fields(form), actor)


def _require_date(text: str, row: int) -> None:
    try:
        dt.date.fromisoformat(text)
    except ValueError as error:
        raise ValidationError(
            f"第 {row} 条措施的期限不是有效日期：{text or '（空）'}",
            f"Measure {row}: the deadline is not a valid date: {text or '(empty)'}",
        ) from error


def validate_weekly_report(form: WeeklyReportForm, template: ChecklistTemplate) -> None:
    """Raise ValidationError naming the first thing that keeps the report from being signed."""
    for item in template.items:
        answer = form.items.get(item.id, {})
        result = answer.get("result", "")
        if result not in {each.value for each in ItemResult}:
            raise ValidationError(
                f"排查项“{item.text_zh}”还没有填写结果。",
                f"The item “{item.text_en}” has no result yet.",
            )
        if result == ItemResult.ABNORMAL and not answer.get("remark", "").strip():
            raise ValidationError(
                f"排查项“{item.text_zh}”为异常，请填写说明。",
                f"The item “{item.text_en}” is abnormal: please describe it.",
            )
    if not form.analysis.strip():
        raise ValidationError("请填写安全总监研判意见。", "Please write the director's analysis.")
    for row, measure in enumerate(_clean_measures(form.measures), start=1):
        if not measure["action"] or not measure["owner"]:
            raise ValidationError(
                f"第 {row} 条措施需要填写内容和责任人。",
                f"Measure {row} needs an action and an owner.",
            )
        _require_date(measure["deadline"], row)


def submit_weekly_report(
    store: Store,
    form: WeeklyReportForm,
    signer: Profile,
    library: TemplateLibrary,
    *,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
) -> str:
    """Validate, save and sign the report, keeping the week's roll-up inside it; returns its id.

    Everything commits in one transaction (record, signature, roll-up copy, outbox entry); a
    failed validation writes nothing of the signature. The form is updated to the signed state.
    """
    template = library.get(form.template_id, form.template_version)
    validate_weekly_report(form, template)
    rollup = week_rollup(store, form.unit_id, form.iso_year, form.iso_week, form.family, today)
    fields = _content_fields(form)
    fields["answers"]["rollup"] = rollup.as_dict()

    with store.session() as session:
        sign_form(session, RecordType.WEEKLY_REPORT, form, fields, signer, now)
        form.rollup_snapshot = fields["answers"]["rollup"]
        form.measures = fields["measures"]
    return form.record_id


def amend_weekly_report(store: Store, original_id: str, reason: str, actor: str) -> str:
    """Open (or reopen) the amendment draft of a submitted report; returns its id."""
    return amend_record(
        store, RecordType.WEEKLY_REPORT, original_id, reason, actor, _CONTENT_FIELDS
    )
