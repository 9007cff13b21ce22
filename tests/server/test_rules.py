"""The conflict rules on their own: pure functions, no database, no server."""

from __future__ import annotations

from typing import Any

import pytest

from sync.protocol import Mutation, Outcome, validate_fields
from sync.records import RecordType
from sync.server.rules import DELETED_FIELD, StoredRecord, decide, status_reachable
from tests.server.helpers import LESHAN, MIANYANG, daily_check, hazard, new_id

HAZARD_ID = new_id()


def _stored(record_type: str, fields: dict[str, Any], version: int = 3, **kw) -> StoredRecord:
    kind = RecordType(record_type)
    unit_id = kw.pop("unit_id", LESHAN)
    canonical = validate_fields(kind, fields, creating=True)
    return StoredRecord(kind, unit_id, version, kw.pop("deleted", False), canonical)


def _mutation(record_type: str = "hazard", **kw) -> Mutation:
    # A unit record's id is the unit's id.
    record_id = LESHAN if record_type == "unit" else HAZARD_ID
    return Mutation.model_validate(
        {"mutation_id": 1, "record_type": record_type, "record_id": record_id, **kw}
    )


# Hazards: three-way merge -----------------------------------------------------------------


def test_fresh_edit_is_applied() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation(base_version=3, fields={"owner": "刘洋"}), current, LESHAN)

    assert decision.outcome == Outcome.APPLIED
    assert decision.write and decision.fields["owner"] == "刘洋"
    assert decision.settled_fields == {"owner"}


def test_stale_edit_of_a_field_only_the_client_changed_is_merged() -> None:
    current = _stored("hazard", hazard(description="服务器改过"))
    mutation = _mutation(base_version=2, fields={"owner": "刘洋"}, base_fields={"owner": "张伟"})

    decision = decide(mutation, current, LESHAN)

    assert decision.outcome == Outcome.MERGED
    assert decision.fields["owner"] == "刘洋"
    assert decision.fields["description"] == "服务器改过"
    assert decision.settled_fields == frozenset()


def test_same_field_changed_on_both_sides_keeps_the_server_value() -> None:
    current = _stored("hazard", hazard(owner="王建国"))
    mutation = _mutation(
        base_version=2,
        fields={"owner": "刘洋", "grade": "serious"},
        base_fields={"owner": "张伟", "grade": "general"},
    )

    decision = decide(mutation, current, LESHAN)

    assert decision.outcome == Outcome.CONFLICT
    assert decision.fields["owner"] == "王建国"
    assert decision.fields["grade"] == "serious"
    assert decision.write
    (note,) = decision.conflicts
    assert (note.field, note.base_value, note.client_value, note.server_value) == (
        "owner",
        "张伟",
        "刘洋",
        "王建国",
    )
    assert note.reason_zh and note.reason_en


def test_stale_edit_without_base_value_is_a_conflict_not_a_guess() -> None:
    current = _stored("hazard", hazard(owner="王建国"))

    decision = decide(_mutation(base_version=2, fields={"owner": "刘洋"}), current, LESHAN)

    assert decision.outcome == Outcome.CONFLICT
    assert decision.fields["owner"] == "王建国"
    assert not decision.write


def test_field_only_the_server_changed_stays_and_is_no_conflict() -> None:
    current = _stored("hazard", hazard(owner="王建国"))
    mutation = _mutation(base_version=2, fields={"owner": "张伟"}, base_fields={"owner": "张伟"})

    decision = decide(mutation, current, LESHAN)

    assert decision.outcome == Outcome.DUPLICATE
    assert decision.fields["owner"] == "王建国"


def test_identical_values_are_a_duplicate() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation(base_version=1, fields={"owner": "张伟"}), current, LESHAN)

    assert decision.outcome == Outcome.DUPLICATE
    assert not decision.write


@pytest.mark.parametrize(
    ("source", "target", "reachable"),
    [
        ("found", "closed", True),
        ("found", "rectifying", True),
        ("awaiting_verification", "rectifying", True),
        ("rectifying", "found", False),
        ("closed", "rectifying", False),
        ("closed", "found", False),
        ("closed", "closed", True),
    ],
)
def test_status_reachability_follows_the_lifecycle(source, target, reachable) -> None:
    assert status_reachable(source, target) is reachable


def test_coalesced_moves_from_found_to_closed_are_applied() -> None:
    current = _stored("hazard", hazard())
    fields = {"status": "closed", "verification": "合格", "rectification": "已修"}

    decision = decide(_mutation(base_version=3, fields=fields), current, LESHAN)

    assert decision.outcome == Outcome.APPLIED
    assert decision.fields["status"] == "closed"


def test_moving_a_hazard_backwards_is_rejected() -> None:
    current = _stored("hazard", hazard(status="rectifying"))

    decision = decide(_mutation(base_version=3, fields={"status": "found"}), current, LESHAN)

    assert decision.outcome == Outcome.REJECTED
    assert decision.code == "hazard_transition"
    assert "整改中" in decision.reason_zh and "Rectifying" in decision.reason_en


def test_closed_hazard_stale_edit_is_a_conflict_fresh_edit_a_rejection() -> None:
    current = _stored("hazard", hazard(status="closed"))
    stale = _mutation(base_version=2, fields={"status": "rectifying"}, base_fields={})
    fresh = _mutation(base_version=3, fields={"description": "补充"})

    stale_decision = decide(stale, current, LESHAN)
    fresh_decision = decide(fresh, current, LESHAN)

    assert stale_decision.outcome == Outcome.CONFLICT
    assert stale_decision.code == "hazard_closed"
    assert not stale_decision.write
    assert fresh_decision.outcome == Outcome.REJECTED
    assert fresh_decision.code == "hazard_closed"


def test_both_sides_moving_status_differently_is_a_conflict() -> None:
    current = _stored("hazard", hazard(status="rectifying"))
    mutation = _mutation(
        base_version=2,
        fields={"status": "awaiting_verification"},
        base_fields={"status": "found"},
    )

    decision = decide(mutation, current, LESHAN)

    assert decision.outcome == Outcome.CONFLICT
    assert decision.fields["status"] == "rectifying"


def test_base_version_the_server_never_issued_is_rejected() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation(base_version=9, fields={"owner": "x"}), current, LESHAN)

    assert decision.code == "unknown_base_version"


# Creating, deleting, voiding --------------------------------------------------------------


def test_create_needs_the_required_fields_and_fills_defaults() -> None:
    created = decide(_mutation(fields=hazard()), None, LESHAN)
    missing = decide(_mutation(fields={"unit_id": LESHAN}), None, LESHAN)

    assert created.outcome == Outcome.APPLIED
    assert created.fields["stop_use"] is False
    assert created.fields["photos"] == []
    assert created.unit_id == LESHAN
    assert missing.outcome == Outcome.REJECTED
    assert "deadline" in missing.reason_en


@pytest.mark.parametrize("record_type", ["unit", "equipment"])
def test_clients_cannot_create_units_or_equipment(record_type: str) -> None:
    fields = {"unit_id": LESHAN} if record_type == "equipment" else {}

    decision = decide(_mutation(record_type, fields=fields), None, LESHAN)

    assert decision.outcome == Outcome.REJECTED
    assert decision.code == f"{record_type}_not_registered"


def test_delete_with_the_current_version_leaves_a_tombstone() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation(operation="delete", base_version=3), current, LESHAN)

    assert decision.outcome == Outcome.APPLIED
    assert decision.deleted and decision.write
    assert decision.fields["description"] == "站台护栏松动"


def test_stale_delete_is_a_conflict_that_keeps_the_record() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation(operation="delete", base_version=2), current, LESHAN)

    assert decision.outcome == Outcome.CONFLICT
    assert not decision.write
    assert decision.conflicts[0].field == DELETED_FIELD


def test_edit_of_a_record_deleted_meanwhile_is_a_conflict() -> None:
    current = _stored("hazard", hazard(), deleted=True)

    stale = decide(_mutation(base_version=2, fields={"owner": "刘洋"}), current, LESHAN)
    aware = decide(_mutation(base_version=3, fields={"owner": "刘洋"}), current, LESHAN)

    assert stale.outcome == Outcome.CONFLICT and stale.deleted and not stale.write
    assert stale.conflicts[0].client_value == "刘洋"
    assert aware.outcome == Outcome.APPLIED and not aware.deleted


@pytest.mark.parametrize(
    ("record_type", "operation"),
    [
        ("daily_check", "delete"),
        ("weekly_report", "delete"),
        ("hazard_event", "delete"),
        ("equipment", "delete"),
        ("unit", "delete"),
        ("hazard", "void"),
        ("conflict", "delete"),
    ],
)
def test_operations_a_record_type_does_not_allow_are_rejected(record_type, operation) -> None:
    decision = decide(_mutation(record_type, operation=operation, base_version=1), None, LESHAN)

    assert decision.outcome == Outcome.REJECTED
    assert decision.code in ("not_deletable", "not_voidable")
    assert decision.reason_zh and decision.reason_en


# Regulatory records ---------------------------------------------------------------------


def test_submitted_record_pushed_again_identical_is_a_duplicate() -> None:
    current = _stored("daily_check", daily_check(), version=1)

    decision = decide(_mutation("daily_check", fields=daily_check()), current, LESHAN)

    assert decision.outcome == Outcome.DUPLICATE


def test_submitted_record_with_other_content_is_a_conflict() -> None:
    current = _stored("daily_check", daily_check(), version=1)
    other = daily_check(answers={"rw-d-01": {"result": "abnormal"}})

    decision = decide(_mutation("daily_check", fields=other), current, LESHAN)

    assert decision.outcome == Outcome.CONFLICT
    assert decision.code == "immutable_record"
    assert not decision.write
    assert [note.field for note in decision.conflicts] == ["answers"]


def test_void_keeps_the_content_either_way_it_is_sent() -> None:
    current = _stored("daily_check", daily_check(), version=1)

    by_operation = decide(_mutation("daily_check", operation="void"), current, LESHAN)
    by_upsert = decide(
        _mutation("daily_check", base_version=1, fields={"status": "void"}), current, LESHAN
    )

    for decision in (by_operation, by_upsert):
        assert decision.outcome == Outcome.APPLIED
        assert decision.fields["status"] == "void"
        assert decision.fields["answers"] == current.fields["answers"]


def test_a_draft_that_reached_the_server_stays_editable() -> None:
    current = _stored("daily_check", daily_check(status="draft"), version=1)

    decision = decide(
        _mutation("daily_check", base_version=1, fields={"status": "submitted"}), current, LESHAN
    )

    assert decision.outcome == Outcome.APPLIED


def test_hazard_history_is_append_only() -> None:
    event = {
        "unit_id": LESHAN,
        "hazard_id": HAZARD_ID,
        "happened_at": "2024-05-01T08:30:00+08:00",
        "action": "found",
    }
    current = _stored("hazard_event", event, version=1)

    same = decide(_mutation("hazard_event", fields=event), current, LESHAN)
    other = decide(_mutation("hazard_event", fields={**event, "action": "x"}), current, LESHAN)

    assert same.outcome == Outcome.DUPLICATE
    assert other.outcome == Outcome.CONFLICT and not other.write


# Registry fields, scope, conflicts --------------------------------------------------------


def _equipment() -> dict[str, Any]:
    return {
        "unit_id": LESHAN,
        "equipment_code": "912051023201500001",
        "registration_no": "索12川L00003(15)",
        "kind_code": "9120",
        "name": "云海索道",
        "next_inspection_date": "2025-01-01",
    }


@pytest.mark.parametrize(
    "field", ["equipment_code", "registration_no", "kind_code", "next_inspection_date"]
)
def test_equipment_registry_fields_are_server_owned(field: str) -> None:
    current = _stored("equipment", _equipment())
    value = "2030-01-01" if field == "next_inspection_date" else "9"

    decision = decide(
        _mutation("equipment", base_version=3, fields={field: value}), current, LESHAN
    )

    assert decision.outcome == Outcome.REJECTED
    assert decision.code == "server_owned_field"
    assert field in decision.reason_en


def test_registry_fields_sent_unchanged_do_not_block_an_edit() -> None:
    current = _stored("equipment", _equipment())
    fields = {**_equipment(), "status": "out_of_use"}

    decision = decide(_mutation("equipment", base_version=3, fields=fields), current, LESHAN)

    assert decision.outcome == Outcome.APPLIED
    assert decision.fields["status"] == "out_of_use"


def test_unit_county_code_is_server_owned() -> None:
    unit = StoredRecord(RecordType.UNIT, LESHAN, 1, False, {"name": "x", "county_code": "511181"})
    mutation = Mutation.model_validate(
        {
            "mutation_id": 1,
            "record_type": "unit",
            "record_id": LESHAN,
            "base_version": 1,
            "fields": {"county_code": "510104"},
        }
    )

    assert decide(mutation, unit, LESHAN).code == "server_owned_field"


@pytest.mark.parametrize("caller", [MIANYANG, None])
def test_a_record_of_another_unit_is_rejected_without_showing_it(caller) -> None:
    current = _stored("hazard", hazard())

    existing = decide(_mutation(base_version=3, fields={"owner": "x"}), current, caller)
    created = decide(_mutation(fields=hazard(unit_id=LESHAN)), None, caller)

    for decision in (existing, created):
        assert decision.code == "other_unit"
        assert not decision.show_record


def test_moving_a_record_to_another_unit_is_rejected() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation(base_version=3, fields={"unit_id": MIANYANG}), current, LESHAN)

    assert decision.code == "other_unit"


def test_an_id_of_another_record_type_is_rejected() -> None:
    current = _stored("hazard", hazard())

    decision = decide(_mutation("person", base_version=3, fields={"name": "x"}), current, LESHAN)

    assert decision.code == "record_type_mismatch"


def test_a_conflict_can_only_be_marked_resolved() -> None:
    conflict = StoredRecord(
        RecordType.CONFLICT,
        LESHAN,
        1,
        False,
        {"record_type": "hazard", "record_id": HAZARD_ID, "field": "owner", "status": "open"},
    )

    resolve = decide(_mutation("conflict", fields={"status": "resolved"}), conflict, LESHAN)
    rewrite = decide(_mutation("conflict", fields={"client_value": "x"}), conflict, LESHAN)
    create = decide(_mutation("conflict", fields={"status": "resolved"}), None, LESHAN)

    assert resolve.outcome == Outcome.APPLIED and resolve.fields["status"] == "resolved"
    assert rewrite.outcome == Outcome.REJECTED
    assert create.outcome == Outcome.REJECTED
