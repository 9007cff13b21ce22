"""``safedesk-server --demo``: the two demo units and their users, the same ids as the app.

The records come from :func:`sync.demo.demo_records` (the desktop's ``--demo`` seeds the 乐山
unit from the same catalogue), so a demo laptop and a demo server agree before their first
sync. Seeding is idempotent: records and users that exist are left as they are.
"""

from __future__ import annotations

import datetime as dt
import logging

from argon2 import PasswordHasher
from sqlalchemy import select

from sync.demo import (
    DEMO_PASSWORD,
    LESHAN_UNIT_KEY,
    MIANYANG_UNIT_KEY,
    demo_id,
    demo_records,
)
from sync.protocol import validate_fields
from sync.records import Role
from sync.server.accounts import create_user
from sync.server.db import Record, ServerDatabase, User
from sync.server.push import allocate_change_seqs

logger = logging.getLogger(__name__)

LESHAN_CITY_CODE = "511100"

# (username, role, unit key or None, jurisdiction code or None)
DEMO_USERS = (
    ("demo-officer", Role.OFFICER, LESHAN_UNIT_KEY, None),
    ("demo-director", Role.DIRECTOR, LESHAN_UNIT_KEY, None),
    ("demo-principal", Role.PRINCIPAL, LESHAN_UNIT_KEY, None),
    ("demo-officer-2", Role.OFFICER, MIANYANG_UNIT_KEY, None),
    ("demo-supervisor", Role.SUPERVISOR, None, LESHAN_CITY_CODE),
)


def _display_names() -> dict[str, str]:
    """Each demo username's person name in the demo catalogue (张伟 for demo-officer)."""
    names = {}
    for unit_key in (LESHAN_UNIT_KEY, MIANYANG_UNIT_KEY):
        for record in demo_records(unit_key):
            username = record.fields.get("username")
            if record.record_type == "person" and username:
                names[username] = record.fields["name"]
    return names


def seed_demo(
    database: ServerDatabase, hasher: PasswordHasher, today: dt.date | None = None
) -> tuple[int, int]:
    """Add what is missing of the demo units and users; returns (records, users) added."""
    names = _display_names()
    added_records = 0
    added_users = 0
    with database.writing() as session:
        written: list[Record] = []
        for unit_key in (LESHAN_UNIT_KEY, MIANYANG_UNIT_KEY):
            unit_id = demo_id(unit_key)
            for record in demo_records(unit_key, today):
                if session.get(Record, record.record_id) is not None:
                    continue
                row = Record(
                    id=record.record_id,
                    record_type=record.record_type.value,
                    unit_id=unit_id,
                    version=1,
                    deleted=False,
                    fields=validate_fields(record.record_type, record.fields, creating=True),
                )
                session.add(row)
                written.append(row)
        session.flush()
        allocate_change_seqs(session, written)
        added_records = len(written)

        for username, role, unit_key, jurisdiction in DEMO_USERS:
            if session.scalar(select(User.id).where(User.username == username)) is not None:
                continue
            create_user(
                session,
                hasher,
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                unit_id=demo_id(unit_key) if unit_key else None,
                jurisdiction_code=jurisdiction,
                display_name=names.get(username, ""),
            )
            added_users += 1
    logger.info("demo data: %d records and %d users added", added_records, added_users)
    return added_records, added_users
