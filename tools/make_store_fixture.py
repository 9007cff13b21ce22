"""Make tests/fixtures/store-0001.sqlite3: a local store at the oldest migration, with records.

The self-test (``safedesk --self-test``) and the store tests upgrade a copy of this file to the
latest schema and check that every record survived. It must stay at revision 0001 forever, so
the rows are written with plain SQL against the 0001 columns (the ORM models follow the latest
schema, which may have columns 0001 lacks). Regenerate only if 0001 itself changes, which it
never should:

    python tools/make_store_fixture.py

Times and ids are fixed, so a rerun writes the same rows.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sync.store import database  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "store-0001.sqlite3"
OLDEST_REVISION = "0001"
STAMP = "2026-03-02 01:30:00.000000"
BOOKKEEPING = {
    "created_at": STAMP,
    "updated_at": STAMP,
    "updated_by": "fixture",
    "server_version": None,
    "sync_state": "local",
    "server_fields": None,
}
UNIT_ID = "5f0c7a52-0001-4000-8000-000000000001"
OFFICER_ID = "5f0c7a52-0001-4000-8000-000000000002"
GONDOLA_ID = "5f0c7a52-0001-4000-8000-000000000003"
ELEVATOR_ID = "5f0c7a52-0001-4000-8000-000000000004"
CHECK_ID = "5f0c7a52-0001-4000-8000-000000000005"
HAZARD_ID = "5f0c7a52-0001-4000-8000-000000000006"
EVENT_ID = "5f0c7a52-0001-4000-8000-000000000007"

ROWS: list[tuple[str, dict[str, object]]] = [
    (
        "unit",
        {
            "id": UNIT_ID,
            "name": "乐山金顶索道有限公司",
            "credit_code": "91511181MA62000001",
            "county_code": "511181",
            "address": "四川省乐山市峨眉山市金顶",
        },
    ),
    (
        "person",
        {
            "id": OFFICER_ID,
            "unit_id": UNIT_ID,
            "name": "王安全",
            "role": "officer",
            "phone": "",
            "certificate_no": "",
            "username": "wang",
        },
    ),
    (
        "equipment",
        {
            "id": GONDOLA_ID,
            "unit_id": UNIT_ID,
            "equipment_code": "912051118120180001",
            "registration_no": "索川L00001(18)",
            "kind_code": "9120",
            "name": "金顶客运索道",
            "location": "金顶站",
            "status": "in_use",
            "next_inspection_date": "2026-09-30",
            "responsible_person_id": OFFICER_ID,
        },
    ),
    (
        "equipment",
        {
            "id": ELEVATOR_ID,
            "unit_id": UNIT_ID,
            "equipment_code": "311051118120190002",
            "registration_no": "梯11川L00002(19)",
            "kind_code": "3110",
            "name": "游客中心1号电梯",
            "location": "游客中心",
            "status": "in_use",
            "next_inspection_date": "2026-04-15",
            "responsible_person_id": None,
        },
    ),
    (
        "daily_check",
        {
            "id": CHECK_ID,
            "unit_id": UNIT_ID,
            "equipment_id": GONDOLA_ID,
            "day": "2026-03-02",
            "operating_status": "running",
            "remark": "",
            "template_id": "ropeway-daily",
            "template_version": 1,
            "answers": {"rw-d-01": {"result": "normal"}, "rw-d-02": {"result": "abnormal"}},
            "status": "submitted",
            "signed_by_id": OFFICER_ID,
            "signed_by_name": "王安全",
            "submitted_at": STAMP,
            "amends_id": None,
            "amendment_reason": "",
        },
    ),
    (
        "hazard",
        {
            "id": HAZARD_ID,
            "unit_id": UNIT_ID,
            "equipment_id": GONDOLA_ID,
            "grade": "general",
            "source": "daily_check",
            "source_record_id": CHECK_ID,
            "source_item_id": "rw-d-02",
            "description": "驱动轮衬垫磨损超过标记线",
            "photos": [],
            "immediate_measures": "降速运行，安排更换",
            "stop_use": False,
            "owner": "王安全",
            "deadline": "2026-03-09",
            "rectification": "",
            "verification": "",
            "status": "found",
            "found_at": STAMP,
            "closed_at": None,
        },
    ),
    (
        "hazard_event",
        {
            "id": EVENT_ID,
            "unit_id": UNIT_ID,
            "hazard_id": HAZARD_ID,
            "happened_at": STAMP,
            "actor": "王安全",
            "action": "opened",
            "detail": {"status": "found"},
        },
    ),
]


def _insert(connection: sqlite3.Connection, table: str, values: dict[str, object]) -> None:
    row = {**BOOKKEEPING, **values} if table not in {"outbox", "setting"} else dict(values)
    encoded = {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
        for key, value in row.items()
    }
    columns = ", ".join(encoded)
    marks = ", ".join(f":{key}" for key in encoded)
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", encoded)


def make_fixture(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)

    # The schema comes from the real migration, so the fixture is exactly what 0001 made.
    engine = database.make_engine(target)
    database.upgrade(engine, OLDEST_REVISION)
    engine.dispose()

    connection = sqlite3.connect(target)
    with connection:
        for table, values in ROWS:
            _insert(connection, table, values)
        _insert(
            connection,
            "outbox",
            {
                "record_type": "hazard",
                "record_id": HAZARD_ID,
                "operation": "upsert",
                "fields": {"description": "驱动轮衬垫磨损超过标记线"},
                "base_version": None,
                "created_at": STAMP,
                "mutation_id": None,
            },
        )
        _insert(connection, "setting", {"key": "profile", "value": {"person_id": OFFICER_ID}})

    # A rollback journal instead of WAL: the file then is complete on its own and can be read
    # from a read-only place such as the installed bundle.
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("VACUUM")
    connection.close()
    return target


if __name__ == "__main__":
    sys.stdout.write(f"{make_fixture(FIXTURE)}\n")
