"""Who may read what: unit staff their own unit, supervisors the units of their jurisdiction.

Containment comes from the Sichuan division table (:mod:`sync.jurisdictions`). A code the
table does not know (a division created after the shipped table) falls back to the code's own
prefix (``510000`` holds ``51....``, ``511100`` holds ``5111..``, a county only itself) and is
logged, so a data gap neither hides a unit from its supervisor nor shows it to another.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync import jurisdictions
from sync.errors import RecordNotFound
from sync.records import RecordType, Role
from sync.server.auth import Identity
from sync.server.db import Record

logger = logging.getLogger(__name__)


def division_prefix(code: str) -> str:
    """The digits every code inside ``code`` starts with."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def jurisdiction_contains(jurisdiction_code: str, county_code: str) -> bool:
    try:
        return jurisdictions.contains(jurisdiction_code, county_code)
    except RecordNotFound:
        logger.warning(
            "division %s or %s not in the division table; deciding by code prefix",
            jurisdiction_code,
            county_code,
        )
        return county_code.startswith(division_prefix(jurisdiction_code))


def visible_unit_ids(session: Session, identity: Identity) -> list[str]:
    """The ids of the units ``identity`` may read; empty for anyone else."""
    if identity.role == Role.SUPERVISOR:
        if not identity.jurisdiction_code:
            return []
        units = session.execute(
            select(Record.id, Record.fields).where(
                Record.record_type == RecordType.UNIT.value, Record.deleted.is_(False)
            )
        )
        return sorted(
            unit_id
            for unit_id, fields in units
            if jurisdiction_contains(identity.jurisdiction_code, str(fields.get("county_code")))
        )
    return [identity.unit_id] if identity.unit_id else []
