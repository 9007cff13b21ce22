"""The local store: migrations with backup, and the outbox written with each change."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from sync.errors import ReadOnlyRecordError
from sync.store import database, open_store
from sync.store.changes import record_change
from sync.store.models import DailyCheck, Equipment, OutboxEntry, Unit


def _unit_and_equipment(store) -> tuple[str, str]:
    with store.session() as session:
        unit_fields = {"name": "峨眉索道", "county_code": "511181"}
        unit = record_change(session, "unit", None, unit_fields, "t")
        equipment = record_change(
            session,
            "equipment",
            None,
            {
                "unit_id": unit.id,
                "equipment_code": "912051010201800001",
                "kind_code": "9120",
                "name": "金顶索道",
            },
            "t",
        )
    return unit.id, equipment.id


def test_new_store_is_at_latest_revision(data_folder: Path) -> None:
    store = open_store(data_folder)

    revision = database.current_revision(store.engine)

    assert revision == database.latest_revision()
    with store.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert mode == "wal"


def test_change_and_outbox_entry_commit_together(data_folder: Path) -> None:
    store = open_store(data_folder)
    unit_id, _ = _unit_and_equipment(store)

    with pytest.raises(RuntimeError):
        with store.session() as session:
            record_change(session, "unit", unit_id, {"name": "改名"}, "t")
            raise RuntimeError("power cut before commit")

    with store.session() as session:
        unit = session.get(Unit, unit_id)
        entries = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == unit_id))
        assert unit.name == "峨眉索道"
        assert [entry.fields["name"] for entry in entries] == ["峨眉索道"]


def test_draft_stays_local_until_submitted_then_is_read_only(data_folder: Path) -> None:
    store = open_store(data_folder)
    unit_id, equipment_id = _unit_and_equipment(store)
    draft_fields = {"unit_id": unit_id, "equipment_id": equipment_id, "day": "2026-12-04"}

    with store.session() as session:
        check = record_change(session, "daily_check", None, draft_fields, "officer")
        check_id = check.id
    with store.session() as session:
        queued = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == check_id))
        assert list(queued) == []
        record_change(session, "daily_check", check_id, {"status": "submitted"}, "officer")
    with store.session() as session:
        with pytest.raises(ReadOnlyRecordError):
            record_change(session, "daily_check", check_id, {"remark": "后改"}, "officer")

    with store.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == check_id)).one()
        assert entry.fields["status"] == "submitted"
        assert entry.fields["equipment_id"] == equipment_id
        assert session.get(DailyCheck, check_id).remark == ""
        assert session.get(Equipment, equipment_id).sync_state == "pending"
