"""Records to push in server tests, built on the demo units' fixed ids."""

from __future__ import annotations

import uuid
from typing import Any

from sync.demo import LESHAN_UNIT_KEY, MIANYANG_UNIT_KEY, demo_id

LESHAN = demo_id(LESHAN_UNIT_KEY)
MIANYANG = demo_id(MIANYANG_UNIT_KEY)
LESHAN_GONDOLA = demo_id("equipment/leshan-gondola")
LESHAN_BRAKE_HAZARD = demo_id("hazard/leshan-gondola-brake")
LESHAN_OFFICER = demo_id("person/leshan-officer")
MIANYANG_COASTER = demo_id("equipment/mianyang-coaster")


def new_id() -> str:
    return str(uuid.uuid4())


def daily_check(unit_id: str = LESHAN, equipment_id: str = LESHAN_GONDOLA, **fields: Any):
    """A submitted daily check of the gondola (all its fields), as a client pushes it."""
    return {
        "unit_id": unit_id,
        "equipment_id": equipment_id,
        "day": "2024-05-01",
        "template_id": "ropeway-daily",
        "template_version": 2,
        "answers": {"rw-d-01": {"result": "normal"}},
        "status": "submitted",
        "signed_by_id": LESHAN_OFFICER,
        "signed_by_name": "张伟",
        "submitted_at": "2024-05-01T17:30:00.000+08:00",
        "operating_status": "running",
        **fields,
    }


def hazard(unit_id: str = LESHAN, **fields: Any) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "equipment_id": None,
        "grade": "general",
        "source": "daily_check",
        "description": "站台护栏松动",
        "owner": "张伟",
        "deadline": "2024-06-01",
        "status": "found",
        "found_at": "2024-05-01T08:30:00.000+00:00",
        **fields,
    }


def upsert(
    record_type: str,
    record_id: str,
    fields: dict[str, Any],
    base_version: int | None = None,
    base_fields: dict[str, Any] | None = None,
) -> dict[str, Any]:
    mutation: dict[str, Any] = {
        "record_type": record_type,
        "record_id": record_id,
        "operation": "upsert",
        "base_version": base_version,
        "fields": fields,
    }
    if base_fields is not None:
        mutation["base_fields"] = base_fields
    return mutation
