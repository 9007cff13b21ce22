"""The local store: migrations with backup, and the outbox written with each change."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.demo import seed_demo_store
from sync.errors import ReadOnlyRecordError, StoreError
from sync.records import PARENT_FIELDS, RecordType
from sync.store import database, open_store
from sync.store.changes import record_change
from sync.store.models import RECORD_CLASSES, DailyCheck, Equipment, OutboxEntry, Unit


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


def _demo_store_file(data_folder: Path) -> Path:
    store = open_store(data_folder)
    seed_demo_store(store)
    store.close()
    db_file = data_folder / "safedesk.sqlite3"
    with sqlite3.connect(db_file) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_file


def test_a_file_of_random_bytes_is_refused_in_plain_words_and_left_alone(
    data_folder: Path,
) -> None:
    db_file = data_folder / "safedesk.sqlite3"
    garbage = random.Random(7).randbytes(20_000)
    db_file.write_bytes(garbage)

    with pytest.raises(StoreError) as raised:
        open_store(data_folder)

    assert "损坏" in raised.value.message and str(db_file) in raised.value.message
    assert "damaged" in raised.value.message_en and "backups" in raised.value.message_en
    assert db_file.read_bytes() == garbage


def test_a_truncated_store_is_refused_in_plain_words(data_folder: Path) -> None:
    db_file = _demo_store_file(data_folder)
    os.truncate(db_file, db_file.stat().st_size // 3)

    with pytest.raises(StoreError) as raised:
        open_store(data_folder)

    assert "损坏" in raised.value.message


def test_damage_found_after_opening_becomes_a_store_error(data_folder: Path) -> None:
    db_file = _demo_store_file(data_folder)
    store = open_store(data_folder)

    # Overwrite every page after the first few: the schema still reads, the tables do not.
    with db_file.open("r+b") as raw:
        raw.seek(4096 * 4)
        raw.write(b"\xff" * (db_file.stat().st_size - 4096 * 4))

    with pytest.raises(StoreError) as raised, store.session() as session:
        session.scalars(select(Equipment)).all()
    store.close()

    assert "损坏" in raised.value.message


def test_a_data_folder_that_cannot_be_made_is_a_store_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")

    with pytest.raises(StoreError) as raised:
        open_store(not_a_folder / "data")

    assert str(not_a_folder / "data") in raised.value.message


def test_a_store_that_cannot_be_written_is_refused_in_plain_words(data_folder: Path) -> None:
    # A folder where the file should be fails like a read-only drive: SQLite cannot open it
    # for writing. (A read-only mount was tried by hand, see the QA report on #2.)
    (data_folder / "safedesk.sqlite3").mkdir()

    with pytest.raises(StoreError) as raised:
        open_store(data_folder)

    assert "只读" in raised.value.message and "--data-dir" in raised.value.message
    assert "read-only" in raised.value.message_en


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_data_folder_is_refused_in_plain_words(data_folder: Path) -> None:
    _demo_store_file(data_folder)
    data_folder.chmod(0o555)
    (data_folder / "safedesk.sqlite3").chmod(0o444)
    try:
        with pytest.raises(StoreError) as raised:
            open_store(data_folder)
    finally:
        data_folder.chmod(0o755)

    assert "只读" in raised.value.message


def test_the_parents_a_pull_sends_ahead_are_the_stores_foreign_keys() -> None:
    # The server orders pulls by PARENT_FIELDS; a foreign key missing there would let a fresh
    # laptop meet a record before the one it refers to.
    foreign_keys = {}
    for record_type, record_class in RECORD_CLASSES.items():
        pairs = tuple(
            (key.parent.name, RecordType(key.column.table.name))
            for key in record_class.__table__.foreign_keys
        )
        if pairs:
            foreign_keys[RecordType(record_type)] = pairs

    assert foreign_keys == PARENT_FIELDS
