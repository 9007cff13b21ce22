"""Which record a row is about, in words a person recognises (#4).

The conflicts view and any other list of mixed records name a record by what it holds: a
hazard by the start of its description, a daily check by its equipment and day, a weekly
report by its ISO week. The names use the record's own data and language-neutral dates, so
they read the same in Chinese and English.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sync.records import RecordType
from sync.store.models import (
    RECORD_CLASSES,
    DailyCheck,
    Equipment,
    Hazard,
    HazardEvent,
    MonthlyMinutes,
    SyncedRecord,
    WeeklyReport,
)

DESCRIPTION_CHARACTERS = 24


def shortened(text: str, limit: int = DESCRIPTION_CHARACTERS) -> str:
    """The first line of ``text``, cut at ``limit`` characters with an ellipsis."""
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return first_line if len(first_line) <= limit else first_line[: limit - 1] + "…"


def record_name(session: Session, record_type: str, record_id: str) -> str:
    """A short name of the record, or "" when this laptop does not hold it (any more)."""
    record_class = RECORD_CLASSES.get(record_type)
    record = session.get(record_class, record_id) if record_class else None
    if record is None:
        return ""
    return _name(session, record)


def _equipment_name(session: Session, equipment_id: str | None) -> str:
    equipment = session.get(Equipment, equipment_id) if equipment_id else None
    return equipment.name if equipment is not None else ""


def _name(session: Session, record: SyncedRecord) -> str:
    if isinstance(record, Hazard):
        description = shortened(record.description)
        equipment = _equipment_name(session, record.equipment_id)
        return " · ".join(part for part in (equipment, description) if part)
    if isinstance(record, HazardEvent):
        return record_name(session, RecordType.HAZARD.value, record.hazard_id)
    if isinstance(record, DailyCheck):
        equipment = _equipment_name(session, record.equipment_id)
        return f"{equipment} {record.day}" if equipment else record.day
    if isinstance(record, WeeklyReport):
        return f"{record.iso_year}-W{record.iso_week:02d}"
    if isinstance(record, MonthlyMinutes):
        return record.month
    return getattr(record, "name", "") or ""
