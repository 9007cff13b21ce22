"""A change the protocol cannot carry leaves the queue as a local rejection; the rest goes on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from sync.demo import LESHAN_UNIT_KEY, demo_id, seed_demo_store
from sync.engine.apply import take_batch
from sync.hazards import open_hazard
from sync.store.database import open_store
from sync.store.models import Hazard, OutboxEntry, SyncConflict


def _hazard(store, description: str) -> str:
    return open_hazard(
        store,
        unit_id=demo_id(LESHAN_UNIT_KEY),
        equipment_id=demo_id("equipment/leshan-gondola"),
        grade="general",
        source="daily_check",
        description=description,
        deadline=dt.date(2026, 12, 20),
        owner="张伟",
        actor="张伟",
    )


def test_an_unsendable_change_waits_in_needs_attention_and_the_rest_is_sent(
    data_folder: Path,
) -> None:
    store = open_store(data_folder)
    seed_demo_store(store)
    bad_id = _hazard(store, "护栏松动（扫码枪带入的空字符）")
    good_id = _hazard(store, "站台护栏松动")
    # Today's writer drops control characters; a store written by an older SafeDesk may still
    # queue a NUL, which the protocol cannot carry.
    with store.session() as session:
        session.get(Hazard, bad_id).description = "护栏松动\x00（扫码枪带入的空字符）"
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == bad_id)).one()
        entry.fields = {**entry.fields, "description": "护栏松动\x00（扫码枪带入的空字符）"}

    with store.session() as session:
        batch = take_batch(session, 50)

    sent_ids = {mutation.record_id for mutation in batch}
    assert good_id in sent_ids and bad_id not in sent_ids
    with store.session() as session:
        rejection = session.scalars(
            select(SyncConflict).where(SyncConflict.record_id == bad_id)
        ).one()
        assert rejection.kind == "rejected" and "cannot be sent" in rejection.reason
        assert session.get(Hazard, bad_id).sync_state == "rejected"
        assert "\x00" in session.get(Hazard, bad_id).description
        left = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == bad_id))
        assert list(left) == []
    store.close()


def test_control_characters_pasted_into_a_record_are_dropped_before_it_is_queued(
    data_folder: Path,
) -> None:
    store = open_store(data_folder)
    seed_demo_store(store)
    pasted_id = _hazard(store, "护栏\x00松动\x0b，\t需紧固\n（见照片）\x7f")

    with store.session() as session:
        assert session.get(Hazard, pasted_id).description == "护栏松动，\t需紧固\n（见照片）"
        batch = take_batch(session, 50)

    assert pasted_id in {mutation.record_id for mutation in batch}
    with store.session() as session:
        assert session.scalars(select(SyncConflict)).first() is None
    store.close()
