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
    bad_id = _hazard(store, "护栏松动\x00（扫码枪带入的空字符）")
    good_id = _hazard(store, "站台护栏松动")

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
