"""A store made by the first schema, with records in it, upgrades to the latest schema when
the app opens it: the data stays, and a backup of the old file is made first."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import text

from sync import paths
from sync.daily_checks import load_check
from sync.store import database, open_store
from sync.store.models import OutboxEntry, Unit

STAMP = "2026-05-11 00:35:00.000000"
BOOKKEEPING = {
    "created_at": STAMP,
    "updated_at": STAMP,
    "updated_by": "张伟",
    "sync_state": "local",
}


def _insert(connection, table: str, row: dict) -> None:
    columns = ", ".join(row)
    values = ", ".join(f":{key}" for key in row)
    connection.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)


def _store_at_first_migration(folder: Path) -> None:
    """Rows written with plain SQL, so later changes to the models cannot bend this test."""
    engine = database.make_engine(paths.store_path(folder))
    database.upgrade(engine, "0001")
    answers = {"rw-d-03": {"result": "abnormal", "value": 18, "remark": "阵风", "photos": []}}
    with engine.begin() as connection:
        _insert(
            connection,
            "unit",
            {
                "id": "u-1",
                "name": "峨眉索道",
                "credit_code": "",
                "county_code": "511181",
                "address": "",
                **BOOKKEEPING,
            },
        )
        _insert(
            connection,
            "equipment",
            {
                "id": "e-1",
                "unit_id": "u-1",
                "equipment_code": "912051023201500001",
                "registration_no": "索12川L00003(15)",
                "kind_code": "9120",
                "name": "云海索道",
                "location": "",
                "status": "in_use",
                **BOOKKEEPING,
            },
        )
        _insert(
            connection,
            "daily_check",
            {
                "id": "d-1",
                "unit_id": "u-1",
                "equipment_id": "e-1",
                "day": "2026-05-11",
                "template_id": "ropeway-daily",
                "template_version": 1,
                "answers": json.dumps(answers, ensure_ascii=False),
                "status": "submitted",
                "signed_by_name": "张伟",
                "submitted_at": STAMP,
                "amendment_reason": "",
                "operating_status": "running",
                "remark": "",
                **BOOKKEEPING,
            },
        )
        _insert(
            connection,
            "outbox",
            {
                "record_type": "daily_check",
                "record_id": "d-1",
                "operation": "upsert",
                "fields": json.dumps({"status": "submitted"}),
                "created_at": STAMP,
            },
        )
    engine.dispose()


def test_a_first_schema_store_upgrades_with_its_data_and_a_backup(data_folder: Path) -> None:
    _store_at_first_migration(data_folder)
    engine = database.make_engine(paths.store_path(data_folder))
    assert database.current_revision(engine) == "0001"
    engine.dispose()

    store = open_store(data_folder)

    assert database.current_revision(store.engine) == database.latest_revision()
    check = load_check(store, "d-1")
    assert check.status == "submitted"
    assert check.answer("rw-d-03").remark == "阵风"
    assert check.answer("rw-d-03").value == 18
    with store.session() as session:
        assert session.get(Unit, "u-1").name == "峨眉索道"
        assert session.query(OutboxEntry).count() == 1
    store.close()

    backups = sorted(paths.backup_dir(data_folder).glob("*-0001.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT name FROM unit").fetchone() == ("峨眉索道",)


def test_a_store_at_the_latest_schema_is_not_backed_up_again(data_folder: Path) -> None:
    open_store(data_folder).close()

    open_store(data_folder).close()

    assert list(paths.backup_dir(data_folder).glob("*.sqlite3")) == []
