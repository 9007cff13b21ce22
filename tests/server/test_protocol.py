"""The protocol module: record schemas match the local store, canonical forms, messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import String

from sync.demo import LESHAN_UNIT_KEY, MIANYANG_UNIT_KEY, demo_records
from sync.protocol import (
    MAX_MUTATIONS_PER_PUSH,
    RECORD_FIELD_MODELS,
    FieldProblem,
    PushRequest,
    canonical_timestamp,
    required_fields,
    scope_digest,
    validate_fields,
)
from sync.records import RecordType
from sync.store import open_store
from sync.store.changes import BOOKKEEPING_COLUMNS, record_change, record_fields
from sync.store.models import RECORD_CLASSES
from tests.server.helpers import LESHAN, hazard, new_id


@pytest.mark.parametrize("record_type", sorted(RECORD_CLASSES))
def test_field_models_mirror_the_local_store_columns(record_type: str) -> None:
    table = RECORD_CLASSES[record_type].__table__
    model = RECORD_FIELD_MODELS[RecordType(record_type)]
    columns = {c.key: c for c in table.columns if c.key not in BOOKKEEPING_COLUMNS}

    assert set(model.model_fields) == set(columns)
    for name, column in columns.items():
        accepts_none = _accepts_none(record_type, name)
        assert accepts_none == column.nullable, f"{record_type}.{name} nullability"
        if isinstance(column.type, String) and column.type.length:
            too_long = "x" * (column.type.length + 1)
            with pytest.raises(FieldProblem):
                validate_fields(RecordType(record_type), {name: too_long})


def _accepts_none(record_type: str, name: str) -> bool:
    try:
        validate_fields(RecordType(record_type), {name: None})
    except FieldProblem:
        return False
    return True


def test_conflict_type_has_a_schema_but_no_local_table() -> None:
    assert RecordType.CONFLICT in RECORD_FIELD_MODELS
    assert "conflict" not in RECORD_CLASSES
    assert {"record_type", "record_id", "field", "status"} <= set(
        RECORD_FIELD_MODELS[RecordType.CONFLICT].model_fields
    )


@pytest.mark.parametrize("unit_key", [LESHAN_UNIT_KEY, MIANYANG_UNIT_KEY])
def test_every_demo_record_fits_its_schema(unit_key: str) -> None:
    for record in demo_records(unit_key, dt.date(2024, 5, 1)):
        checked = validate_fields(record.record_type, record.fields, creating=True)
        assert set(record.fields) <= set(checked)


def test_fields_written_by_the_local_store_are_already_canonical(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.session() as session:
        unit = record_change(session, "unit", None, {"name": "峨眉", "county_code": "511181"}, "t")
        found = dt.datetime(2024, 5, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        record = record_change(
            session, "hazard", None, {**hazard(unit_id=unit.id), "found_at": found}, "t"
        )
        fields = record_fields(record)

    assert validate_fields(RecordType.HAZARD, fields, creating=True) == fields


def test_times_become_utc_with_milliseconds_and_naive_times_are_refused() -> None:
    assert canonical_timestamp("2024-05-01T08:30:00+08:00") == "2024-05-01T00:30:00.000+00:00"
    assert canonical_timestamp("2024-05-01T00:30:00Z") == "2024-05-01T00:30:00.000+00:00"
    with pytest.raises(FieldProblem):
        validate_fields(RecordType.HAZARD, {"found_at": "2024-05-01T08:30:00"})


@pytest.mark.parametrize(
    ("fields", "word"),
    [
        ({"stop_use": "false"}, "stop_use"),
        ({"grade": "huge"}, "grade"),
        ({"deadline": "2024-02-30"}, "deadline"),
        ({"deadline": "20240201"}, "deadline"),
        ({"photos": {"a": 1}}, "photos"),
        ({"unit_id": "ABC"}, "unit_id"),
        ({"equipment_id": "3F2B6C1E-8D4A-4B9E-A1C2-5E7F9D0B1A2C"}, "equipment_id"),
        ({"owner": "名" * 81}, "owner"),
    ],
)
def test_a_wrong_field_value_is_explained_in_both_languages(fields, word) -> None:
    with pytest.raises(FieldProblem) as problem:
        validate_fields(RecordType.HAZARD, fields)

    assert problem.value.field == word
    assert word in problem.value.reason_zh and word in problem.value.reason_en


def test_required_fields_are_those_without_a_default() -> None:
    assert required_fields(RecordType.HAZARD) == {"unit_id", "deadline"}
    assert required_fields(RecordType.UNIT) == {"name", "county_code"}


def test_push_request_bounds() -> None:
    def mutation(number: int) -> dict:
        return {
            "mutation_id": number,
            "record_type": "hazard",
            "record_id": new_id(),
            "fields": hazard(unit_id=LESHAN),
        }

    device = new_id()
    PushRequest.model_validate(
        {"device_id": device, "mutations": [mutation(n) for n in range(1, 201)]}
    )
    with pytest.raises(ValidationError):
        PushRequest.model_validate(
            {
                "device_id": device,
                "mutations": [mutation(n) for n in range(1, MAX_MUTATIONS_PER_PUSH + 2)],
            }
        )
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"device_id": device, "mutations": [mutation(3), mutation(2)]})


def test_scope_digest_ignores_order_and_sees_a_version_change() -> None:
    a, b = new_id(), new_id()

    first = scope_digest([("hazard", a, 1), ("unit", b, 2)])
    same = scope_digest([("unit", b, 2), ("hazard", a, 1)])
    newer = scope_digest([("hazard", a, 2), ("unit", b, 2)])

    assert first == same
    assert first.count == 2
    assert first.sha256 != newer.sha256
    assert scope_digest([]).sha256 == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
