"""Daily-check completion per equipment and day: the grid the weekly and monthly records show.

A day of one equipment is in exactly one state (:class:`DayState`). It is computed from the
daily checks in the store every time it is asked for, so a late entry shows up at once; the
weekly report and the monthly minutes keep a copy of what they showed when they were signed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from sync.clock import china_today
from sync.records import DayStatus, EquipmentStatus, RecordStatus, family_of_kind
from sync.store.database import Store
from sync.store.models import DailyCheck, Equipment

logger = logging.getLogger(__name__)

# Equipment that has left the register owes no daily check and drops out of every roll-up.
RETIRED_STATUSES = frozenset({EquipmentStatus.SCRAPPED.value, EquipmentStatus.DEREGISTERED.value})


class DayState(StrEnum):
    """What the store knows about one equipment's daily check on one day."""

    DONE = "done"  # a submitted check of a running day
    NOT_RUNNING = "not_running"  # a submitted check saying 停运 / 停用 / 检修, or out of use
    DRAFT = "draft"  # only a draft so far
    MISSING = "missing"  # nothing, on a day that has passed
    DUE_TODAY = "due_today"  # nothing yet, today: the check is still to be done
    UPCOMING = "upcoming"  # a day after today: nothing is owed yet


DAY_STATE_LABELS = {
    DayState.DONE: ("已完成", "Done"),
    DayState.NOT_RUNNING: ("未运行", "Not running"),
    DayState.DRAFT: ("草稿", "Draft"),
    DayState.MISSING: ("缺失", "Missing"),
    DayState.DUE_TODAY: ("今日待检", "Due today"),
    DayState.UPCOMING: ("未到", "Upcoming"),
}


@dataclass(frozen=True)
class EquipmentDays:
    """One equipment's row of the grid: a state (and the check shown) for each asked day."""

    equipment_id: str
    equipment_name: str
    kind_code: str
    states: tuple[DayState, ...]
    check_ids: tuple[str | None, ...]
    # The sync state of each day's check shown (#4); a signed record's copy of the grid keeps
    # none (it would be stale), see sync.weekly_reports.with_current_sync_states.
    check_sync_states: tuple[str | None, ...] = ()

    def check_sync_state(self, position: int) -> str | None:
        """The sync state of the check shown on day ``position`` (0 = the first), if known."""
        if position < len(self.check_sync_states):
            return self.check_sync_states[position]
        return None

    def count(self, state: DayState) -> int:
        return sum(1 for each in self.states if each == state)

    @property
    def due(self) -> int:
        """Operating days owed a check: past days, and today once something is recorded (a
        day still in progress counts against nobody until it is over)."""
        return sum(1 for each in self.states if each in _OWED)

    @property
    def done(self) -> int:
        return self.count(DayState.DONE)


_OWED = frozenset({DayState.DONE, DayState.DRAFT, DayState.MISSING})


def unit_equipment(
    store: Store, unit_id: str, family: str | None = None, *, include_retired: bool = False
) -> list[Equipment]:
    """The unit's equipment, by name; only ``family`` when given; retired ones left out."""
    query = select(Equipment).where(Equipment.unit_id == unit_id).order_by(Equipment.name)
    with store.session() as session:
        everything = list(session.scalars(query))
    chosen = []
    for equipment in everything:
        if not include_retired and equipment.status in RETIRED_STATUSES:
            continue
        if family is not None and family_of_kind(equipment.kind_code) != family:
            continue
        chosen.append(equipment)
    return chosen


def _day_state(
    checks: Iterable[DailyCheck], day: dt.date, today: dt.date, equipment_status: str
) -> tuple[DayState, DailyCheck | None]:
    submitted = [check for check in checks if check.status == RecordStatus.SUBMITTED]
    drafts = [check for check in checks if check.status == RecordStatus.DRAFT]

    # The newest submitted check speaks for the day: an amendment corrects its original.
    if submitted:
        newest = max(submitted, key=lambda check: check.submitted_at or check.updated_at)
        running = newest.operating_status == DayStatus.RUNNING
        return (DayState.DONE if running else DayState.NOT_RUNNING), newest
    if drafts:
        return DayState.DRAFT, drafts[0]
    if day > today:
        return DayState.UPCOMING, None

    # Equipment reported out of use owes no check; its status has no dated history yet, so the
    # current status stands for every day (a status history arrives with the registry, #3).
    if equipment_status != EquipmentStatus.IN_USE:
        return DayState.NOT_RUNNING, None
    return (DayState.DUE_TODAY if day == today else DayState.MISSING), None


def completion_grid(
    store: Store,
    unit_id: str,
    days: Sequence[dt.date],
    *,
    family: str | None = None,
    today: dt.date | None = None,
) -> list[EquipmentDays]:
    """Each of the unit's equipment (of ``family``) with its state on each of ``days``."""
    current_day = today or china_today()
    equipment_list = unit_equipment(store, unit_id, family)
    wanted = [day.isoformat() for day in days]
    ids = [equipment.id for equipment in equipment_list]

    query = select(DailyCheck).where(
        DailyCheck.equipment_id.in_(ids),
        DailyCheck.day.in_(wanted),
        DailyCheck.status != RecordStatus.VOID.value,
    )
    with store.session() as session:
        checks = list(session.scalars(query))
    by_key: dict[tuple[str, str], list[DailyCheck]] = {}
    for check in checks:
        by_key.setdefault((check.equipment_id, check.day), []).append(check)

    rows = []
    for equipment in equipment_list:
        cells = [
            _day_state(
                by_key.get((equipment.id, day.isoformat()), []),
                day,
                current_day,
                equipment.status,
            )
            for day in days
        ]
        rows.append(
            EquipmentDays(
                equipment_id=equipment.id,
                equipment_name=equipment.name,
                kind_code=equipment.kind_code,
                states=tuple(state for state, _ in cells),
                check_ids=tuple(check.id if check else None for _, check in cells),
                check_sync_states=tuple(check.sync_state if check else None for _, check in cells),
            )
        )
    logger.debug("completion grid: %d equipment x %d days", len(rows), len(days))
    return rows
