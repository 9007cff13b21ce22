"""The demo units: a 乐山 ropeway company (the desktop's demo) and a 绵阳 amusement park.

Both the app (``safedesk --demo``) and the reference server (``safedesk-server --demo``) seed
from ``resources/demo/demo_units.json`` with the same deterministic ids, so a demo laptop and a
demo server already agree on every record before their first sync.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from sync import paths
from sync.clock import china_today, utc_now
from sync.records import RecordType
from sync.store.changes import record_change
from sync.store.database import Store
from sync.store.models import Unit

logger = logging.getLogger(__name__)

DEMO_NAMESPACE = uuid.UUID("5d0c1a2e-7f3b-4c52-9a61-2b8e4f0d9c17")
LESHAN_UNIT_KEY = "unit/leshan-ropeway"
MIANYANG_UNIT_KEY = "unit/mianyang-park"
DEMO_OFFICER_KEY = "person/leshan-officer"
DEMO_PASSWORD = "safedesk-demo"

_RELATIVE_DAY = re.compile(r"^today([+-]\d+)?$")


def demo_id(key: str) -> str:
    """The fixed UUID of a demo record."""
    return str(uuid.uuid5(DEMO_NAMESPACE, key))


@dataclass(frozen=True)
class DemoRecord:
    record_type: RecordType
    record_id: str
    fields: dict[str, Any]


def _load_catalogue() -> dict[str, Any]:
    with paths.resource_path("demo", "demo_units.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _resolve_day(text: str, today: dt.date) -> str:
    match = _RELATIVE_DAY.match(text)
    if not match:
        return dt.date.fromisoformat(text).isoformat()
    offset = int(match.group(1) or 0)
    return (today + dt.timedelta(days=offset)).isoformat()


def _day_start(day: str) -> str:
    """08:30 China time on ``day``, as the protocol's UTC timestamp."""
    local = dt.datetime.fromisoformat(f"{day}T08:30:00+08:00")
    return local.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def demo_units() -> list[dict[str, Any]]:
    """The raw demo catalogue: each unit with its people, equipment and hazards."""
    return _load_catalogue()["units"]


def demo_records(unit_key: str, today: dt.date | None = None) -> list[DemoRecord]:
    """Every record of one demo unit, parents first, with dates resolved against ``today``."""
    day = today or china_today()
    unit = next(entry for entry in demo_units() if entry["key"] == unit_key)
    unit_id = demo_id(unit_key)
    records = [
        DemoRecord(
            RecordType.UNIT,
            unit_id,
            {
                "name": unit["name"],
                "credit_code": unit["credit_code"],
                "county_code": unit["county_code"],
                "address": unit["address"],
            },
        )
    ]

    for person in unit["people"]:
        fields = {
            "unit_id": unit_id,
            "name": person["name"],
            "role": person["role"],
            "username": person.get("username", ""),
            "phone": person.get("phone", ""),
            "certificate_no": person.get("certificate_no", ""),
        }
        records.append(DemoRecord(RecordType.PERSON, demo_id(person["key"]), fields))

    for equipment in unit["equipment"]:
        fields = {
            "unit_id": unit_id,
            "equipment_code": equipment["equipment_code"],
            "registration_no": equipment["registration_no"],
            "kind_code": equipment["kind_code"],
            "name": equipment["name"],
            "location": equipment["location"],
            "status": equipment["status"],
            "next_inspection_date": _resolve_day(equipment["next_inspection_date"], day),
            "responsible_person_id": demo_id(equipment["responsible"]),
        }
        records.append(DemoRecord(RecordType.EQUIPMENT, demo_id(equipment["key"]), fields))

    for hazard in unit["hazards"]:
        found_day = _resolve_day(hazard["found"], day)
        hazard_id = demo_id(hazard["key"])
        fields = {
            "unit_id": unit_id,
            "equipment_id": demo_id(hazard["equipment"]),
            "grade": hazard["grade"],
            "source": hazard["source"],
            "description": hazard["description"],
            "immediate_measures": hazard.get("immediate_measures", ""),
            "stop_use": hazard.get("stop_use", False),
            "owner": hazard["owner"],
            "deadline": _resolve_day(hazard["deadline"], day),
            "rectification": hazard.get("rectification", ""),
            "status": hazard["status"],
            "found_at": _day_start(found_day),
        }
        records.append(DemoRecord(RecordType.HAZARD, hazard_id, fields))
        event = {
            "unit_id": unit_id,
            "hazard_id": hazard_id,
            "happened_at": _day_start(found_day),
            "actor": hazard["owner"],
            "action": "found",
            "detail": {"status": hazard["status"]},
        }
        records.append(
            DemoRecord(RecordType.HAZARD_EVENT, demo_id(hazard["key"] + "/found"), event)
        )
    return records


def seed_demo_store(store: Store, today: dt.date | None = None) -> bool:
    """Fill an empty store with the 乐山 demo unit and make 张伟 (安全员) this laptop's user.

    Returns False, changing nothing, when the store already holds a unit: the demo never mixes
    into real data. The records count as already synced, because the demo server holds them too.
    """
    with store.session() as session:
        if session.scalar(select(func.count()).select_from(Unit)):
            logger.info("store already has a unit; demo data not loaded")
            return False

        moment = utc_now()
        for record in demo_records(LESHAN_UNIT_KEY, today):
            record_change(
                session,
                record.record_type,
                record.record_id,
                record.fields,
                "demo",
                now=moment,
                from_server=True,
            )

    from sync.profile import save_profile

    save_profile(store, unit_id=demo_id(LESHAN_UNIT_KEY), person_id=demo_id(DEMO_OFFICER_KEY))
    logger.info("seeded the demo unit %s", demo_id(LESHAN_UNIT_KEY))
    return True
