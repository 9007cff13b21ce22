"""Two laptops of the demo unit edit the same hazard offline, then sync with the server."""

from __future__ import annotations

from sync.engine.conflicts import open_conflicts, resolve_conflict
from sync.hazards import update_hazard
from sync.store.models import Hazard
from tests.engine.conftest import BRAKE_HAZARD, Laptop, ReferenceServer


def _hazard(laptop: Laptop) -> Hazard:
    with laptop.store.session() as session:
        return session.get(Hazard, BRAKE_HAZARD)


def _sync_ok(laptop: Laptop) -> None:
    result = laptop.sync()
    assert result.completed, result.summary()
    assert result.digest_matches is True


def test_different_fields_merge_same_field_conflicts_then_one_resolves(
    laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    first, second = laptops

    # Different fields, both offline: both edits survive.
    update_hazard(first.store, BRAKE_HAZARD, {"description": "制动器磨损，已限速"}, "张伟")
    update_hazard(second.store, BRAKE_HAZARD, {"owner": "王强"}, "王强")
    _sync_ok(first)
    second_result = second.sync()
    assert second_result.completed, second_result.summary()
    assert second_result.outcomes.get("merged", 0) >= 1
    _sync_ok(first)
    for laptop in laptops:
        hazard = _hazard(laptop)
        assert (hazard.description, hazard.owner) == ("制动器磨损，已限速", "王强")
        assert hazard.sync_state == "synced"
    server_fields = reference_server.record(BRAKE_HAZARD).fields
    assert (server_fields["description"], server_fields["owner"]) == ("制动器磨损，已限速", "王强")

    # The same field: the second to arrive becomes a conflict, seen on both laptops.
    update_hazard(first.store, BRAKE_HAZARD, {"immediate_measures": "停机更换闸瓦"}, "张伟")
    update_hazard(second.store, BRAKE_HAZARD, {"immediate_measures": "限载运行"}, "王强")
    _sync_ok(first)
    conflicted = second.sync()
    assert conflicted.outcomes.get("conflict") == 1, conflicted.summary()
    _sync_ok(first)
    for laptop in laptops:
        (conflict,) = open_conflicts(laptop.store, BRAKE_HAZARD)
        assert conflict.field_name == "immediate_measures"
        assert (conflict.local_value, conflict.server_value) == ("限载运行", "停机更换闸瓦")
        assert _hazard(laptop).sync_state == "conflict"
        assert _hazard(laptop).immediate_measures == "停机更换闸瓦"

    # The first laptop decides for the second's value; after syncing everyone agrees.
    resolve_conflict(first.store, conflict.id, "限载运行", "张伟")
    _sync_ok(first)
    _sync_ok(second)
    _sync_ok(first)
    for laptop in laptops:
        assert open_conflicts(laptop.store) == []
        hazard = _hazard(laptop)
        assert hazard.immediate_measures == "限载运行"
        assert hazard.sync_state == "synced"
    stored = reference_server.record(BRAKE_HAZARD)
    assert stored.fields["immediate_measures"] == "限载运行"
    assert _hazard(first).server_version == _hazard(second).server_version == stored.version
    statuses = {row.fields["status"] for row in reference_server.records("conflict")}
    assert statuses == {"resolved"}
