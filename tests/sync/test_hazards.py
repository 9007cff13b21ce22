"""Hazard lifecycle: required fields, allowed transitions, history, overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.demo import LESHAN_UNIT_KEY, demo_id, seed_demo_store
from sync.errors import TransitionError, ValidationError
from sync.hazards import (
    hazard_history,
    hazard_is_overdue,
    list_hazards,
    move_hazard,
    open_hazard,
    update_hazard,
)
from sync.store import open_store
from sync.store.models import OutboxEntry

GONDOLA = demo_id("equipment/leshan-gondola")
UNIT = demo_id(LESHAN_UNIT_KEY)


@pytest.fixture
def store(data_folder: Path):
    opened = open_store(data_folder)
    seed_demo_store(opened)
    yield opened
    opened.close()


def _open(store, **overrides) -> str:
    arguments = {
        "unit_id": UNIT,
        "equipment_id": GONDOLA,
        "grade": "general",
        "source": "daily_check",
        "description": "站台急停按钮护罩缺失",
        "deadline": dt.date(2026, 12, 10),
        "owner": "张伟",
        "actor": "张伟",
    }
    arguments.update(overrides)
    return open_hazard(store, **arguments)


def test_deadline_and_description_are_required(store) -> None:
    before = len(list_hazards(store, UNIT))

    with pytest.raises(ValidationError):
        _open(store, deadline=None)
    with pytest.raises(ValidationError):
        _open(store, description="   ")

    assert len(list_hazards(store, UNIT)) == before


def test_lifecycle_keeps_every_step_in_history_and_outbox(store) -> None:
    hazard_id = _open(store)

    with pytest.raises(TransitionError):
        move_hazard(store, hazard_id, "closed", "李秀英")
    move_hazard(store, hazard_id, "rectifying", "张伟")
    with pytest.raises(ValidationError):
        move_hazard(store, hazard_id, "awaiting_verification", "张伟")
    update_hazard(store, hazard_id, {"rectification": "已补装护罩"}, "张伟")
    move_hazard(store, hazard_id, "awaiting_verification", "张伟")
    move_hazard(store, hazard_id, "rectifying", "李秀英", note="护罩固定不牢，返工")
    move_hazard(store, hazard_id, "awaiting_verification", "张伟")
    update_hazard(store, hazard_id, {"verification": "复查合格"}, "李秀英")
    move_hazard(store, hazard_id, "closed", "李秀英")

    actions = [(entry.action, entry.detail.get("to")) for entry in hazard_history(store, hazard_id)]
    assert actions == [
        ("found", None),
        ("status", "rectifying"),
        ("edited", None),
        ("status", "awaiting_verification"),
        ("status", "rectifying"),
        ("status", "awaiting_verification"),
        ("edited", None),
        ("status", "closed"),
    ]
    with pytest.raises(TransitionError):
        move_hazard(store, hazard_id, "rectifying", "张伟")
    with pytest.raises(TransitionError):
        update_hazard(store, hazard_id, {"owner": "刘洋"}, "张伟")
    with store.session() as session:
        queued = session.scalars(select(OutboxEntry.record_type)).all()
    assert queued.count("hazard") == 1  # coalesced until a push takes it
    assert queued.count("hazard_event") == 8


def test_overdue_is_computed_from_the_china_day() -> None:
    assert hazard_is_overdue("2026-12-03", "rectifying", dt.date(2026, 12, 4))
    assert not hazard_is_overdue("2026-12-04", "rectifying", dt.date(2026, 12, 4))
    assert not hazard_is_overdue("2026-12-01", "closed", dt.date(2026, 12, 4))


def test_demo_unit_lists_one_overdue_hazard_first(store) -> None:
    hazards = list_hazards(store, UNIT, open_only=True)

    assert [hazard.overdue for hazard in hazards] == [True, False, False]
    assert hazards[0].equipment_name == "观云台固定抱索器吊椅索道"
