"""Push and pull over a real socket: replays, merges, conflicts, scope, immutability."""

from __future__ import annotations

import json
import socket
import time

from sqlalchemy import func, select

from sync.protocol import scope_digest
from sync.records import PARENT_FIELDS
from sync.server.db import Device, MutationResult, Record
from tests.server.helpers import (
    LESHAN,
    LESHAN_BRAKE_HAZARD,
    LESHAN_GONDOLA,
    MIANYANG,
    MIANYANG_COASTER,
    daily_check,
    hazard,
    new_id,
    upsert,
)


def _record_row(server, record_id: str) -> Record | None:
    with server.database.reading() as session:
        return session.get(Record, record_id)


def _last_mutation_id(server, device_id: str) -> int:
    with server.database.reading() as session:
        return session.get(Device, device_id).last_mutation_id


def test_officer_pulls_exactly_the_own_unit_with_a_matching_digest(server) -> None:
    officer = server.sign_in("demo-officer")

    changes, cursor, digest = officer.pull_all()

    assert changes
    assert {change["unit_id"] for change in changes} == {LESHAN}
    assert [change["seq"] for change in changes] == sorted(change["seq"] for change in changes)
    expected = scope_digest(
        (change["record_type"], change["record_id"], change["version"]) for change in changes
    )
    assert digest == expected.model_dump()
    assert officer.pull(cursor)["changes"] == []


def test_paging_returns_every_change_once(server) -> None:
    officer = server.sign_in("demo-officer")
    everything, _, _ = officer.pull_all()

    seen, cursor = [], 0
    while True:
        page = officer.pull(cursor, limit=4)
        seen.extend(page["changes"])
        assert (page["digest"] is None) == page["has_more"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break

    assert [change["record_id"] for change in seen] == [c["record_id"] for c in everything]


def test_replayed_push_after_dropped_response_applies_nothing_twice(server) -> None:
    officer = server.sign_in("demo-officer")
    check_id, hazard_id = new_id(), new_id()
    batch = {
        "device_id": officer.device_id,
        "mutations": [
            {"mutation_id": 1, **upsert("daily_check", check_id, daily_check())},
            {"mutation_id": 2, **upsert("hazard", hazard_id, hazard())},
            {
                "mutation_id": 3,
                **upsert("hazard", hazard_id, {"description": "护栏螺栓松动"}, base_version=1),
            },
        ],
    }
    _, cursor_before, _ = officer.pull_all()

    # Send the batch on a raw socket and hang up without reading the answer.
    body = json.dumps(batch).encode()
    request = (
        f"POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"SafeDesk-Protocol: 1\r\nAuthorization: Bearer {officer.token}\r\n"
        f"Connection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.live.port)) as raw:
        raw.sendall(request + body)
    deadline = time.monotonic() + 10
    while _last_mutation_id(server, officer.device_id) != 3:
        assert time.monotonic() < deadline, "the dropped push never committed"
        time.sleep(0.02)

    replay = officer.push_raw(batch["mutations"])

    assert replay.status_code == 200
    results = replay.json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "applied", "applied"]
    assert [r["version"] for r in results] == [1, 1, 2]
    assert _record_row(server, hazard_id).version == 2
    assert _record_row(server, hazard_id).fields["description"] == "护栏螺栓松动"
    changes, _, _ = officer.pull_all(cursor_before)
    assert sorted(change["record_id"] for change in changes) == sorted([check_id, hazard_id])
    with server.database.reading() as session:
        stored = session.scalar(
            select(func.count())
            .select_from(MutationResult)
            .where(MutationResult.device_id == officer.device_id)
        )
    assert stored == 3


def test_a_replay_overlapping_a_new_batch_applies_only_the_new_ids(server) -> None:
    officer = server.sign_in("demo-officer")
    first, second = new_id(), new_id()
    officer.push(upsert("hazard", first, hazard()))

    response = officer.push_raw(
        [
            {"mutation_id": 1, **upsert("hazard", first, hazard())},
            {"mutation_id": 2, **upsert("hazard", second, hazard())},
        ]
    )

    results = response.json()["results"]
    assert results[0]["outcome"] == "applied" and results[0]["version"] == 1
    assert results[1]["outcome"] == "applied"
    assert _last_mutation_id(server, officer.device_id) == 2


def test_a_reused_mutation_id_with_other_content_is_stale_not_acknowledged(server) -> None:
    officer = server.sign_in("demo-officer")
    first, second = new_id(), new_id()
    officer.push(upsert("hazard", first, hazard()))

    response = officer.push_raw(
        [
            {"mutation_id": 1, **upsert("hazard", first, hazard(description="改过的"))},
            {"mutation_id": 2, **upsert("hazard", second, hazard())},
        ]
    )

    results = response.json()["results"]
    assert results[0]["outcome"] == "rejected" and results[0]["code"] == "stale_mutation_id"
    assert results[1]["outcome"] == "applied"
    assert _record_row(server, first).fields["description"] == "站台护栏松动"
    assert _last_mutation_id(server, officer.device_id) == 2
    # The answer says the counter as committed, so the device knows where new ids start.
    assert response.json()["last_mutation_id"] == 2
    empty = officer.push_raw([])
    assert empty.status_code == 200 and empty.json()["last_mutation_id"] == 2


def test_rejected_mutation_advances_the_device_counter(server) -> None:
    officer = server.sign_in("demo-officer")
    good_id = new_id()

    results = officer.push(
        upsert("hazard", new_id(), hazard(stop_use="yes")),
        upsert("hazard", good_id, hazard()),
    )

    assert results[0]["outcome"] == "rejected"
    assert results[0]["code"] == "invalid_field"
    assert "stop_use" in results[0]["reason_en"] and "stop_use" in results[0]["reason_zh"]
    assert results[1]["outcome"] == "applied"
    assert _last_mutation_id(server, officer.device_id) == 2
    replay = upsert("hazard", results[0]["record_id"], hazard(stop_use="yes"))
    again = officer.push_raw([{"mutation_id": 1, **replay}])
    assert again.json()["results"][0]["code"] == "invalid_field"
    reused = officer.push_raw([{"mutation_id": 1, **upsert("hazard", new_id(), hazard())}])
    assert reused.json()["results"][0]["code"] == "stale_mutation_id"


def test_hazard_edited_on_two_devices_merges_different_fields(server) -> None:
    laptop_a = server.sign_in("demo-officer")
    laptop_b = server.sign_in("demo-director")
    base = laptop_a.record(LESHAN_BRAKE_HAZARD)

    a = laptop_a.push(
        upsert(
            "hazard",
            LESHAN_BRAKE_HAZARD,
            {"owner": "刘洋"},
            base["version"],
            {"owner": base["fields"]["owner"]},
        )
    )
    b = laptop_b.push(
        upsert(
            "hazard",
            LESHAN_BRAKE_HAZARD,
            {"rectification": "更换闸瓦"},
            base["version"],
            {"rectification": base["fields"]["rectification"]},
        )
    )

    assert a[0]["outcome"] == "applied"
    assert b[0]["outcome"] == "merged"
    assert b[0]["record"]["owner"] == "刘洋"
    assert b[0]["record"]["rectification"] == "更换闸瓦"
    for laptop in (laptop_a, laptop_b):
        latest = laptop.record(LESHAN_BRAKE_HAZARD)
        assert latest["fields"]["owner"] == "刘洋"
        assert latest["fields"]["rectification"] == "更换闸瓦"
        assert latest["version"] == base["version"] + 2


def test_same_hazard_field_on_two_devices_is_a_conflict_both_can_pull(server) -> None:
    laptop_a = server.sign_in("demo-officer")
    laptop_b = server.sign_in("demo-director")
    base = laptop_a.record(LESHAN_BRAKE_HAZARD)
    old = {"deadline": base["fields"]["deadline"]}

    laptop_a.push(upsert("hazard", LESHAN_BRAKE_HAZARD, {"deadline": "2030-01-10"}, 1, old))
    b = laptop_b.push(upsert("hazard", LESHAN_BRAKE_HAZARD, {"deadline": "2030-02-20"}, 1, old))

    assert b[0]["outcome"] == "conflict"
    assert b[0]["record"]["deadline"] == "2030-01-10"
    (conflict,) = b[0]["conflicts"]
    assert conflict["field"] == "deadline"
    assert conflict["client_value"] == "2030-02-20"
    assert conflict["server_value"] == "2030-01-10"
    assert conflict["base_value"] == old["deadline"]
    for laptop in (laptop_a, laptop_b):
        changes, _, _ = laptop.pull_all()
        pulled = [c for c in changes if c["record_id"] == conflict["conflict_id"]]
        assert len(pulled) == 1
        assert pulled[0]["record_type"] == "conflict"
        assert pulled[0]["fields"]["record_id"] == LESHAN_BRAKE_HAZARD
        assert pulled[0]["fields"]["client_value"] == "2030-02-20"
        assert pulled[0]["fields"]["device_id"] == laptop_b.device_id
        assert pulled[0]["fields"]["status"] == "open"
        assert laptop.record(LESHAN_BRAKE_HAZARD)["fields"]["deadline"] == "2030-01-10"

    # B decides, knowing the server's value: its change is taken and the conflict resolved.
    resolved = laptop_b.push(upsert("hazard", LESHAN_BRAKE_HAZARD, {"deadline": "2030-02-01"}, 2))
    assert resolved[0]["outcome"] == "applied"
    assert laptop_a.record(conflict["conflict_id"])["fields"]["status"] == "resolved"


def test_closed_hazard_is_not_reopened_by_a_stale_push(server) -> None:
    laptop_a = server.sign_in("demo-officer")
    laptop_b = server.sign_in("demo-director")
    hazard_id = new_id()
    laptop_a.push(upsert("hazard", hazard_id, hazard()))
    laptop_a.push(
        upsert(
            "hazard",
            hazard_id,
            {
                "status": "closed",
                "rectification": "已紧固",
                "verification": "复查合格",
                "closed_at": "2024-05-03T10:00:00+08:00",
            },
            1,
        )
    )

    stale = laptop_b.push(
        upsert("hazard", hazard_id, {"status": "rectifying"}, 1, {"status": "found"})
    )
    fresh = laptop_b.push(upsert("hazard", hazard_id, {"status": "rectifying"}, 2))

    assert stale[0]["outcome"] == "conflict"
    assert stale[0]["code"] == "hazard_closed"
    assert stale[0]["conflicts"][0]["client_value"] == "rectifying"
    assert fresh[0]["outcome"] == "rejected"
    assert fresh[0]["code"] == "hazard_closed"
    latest = laptop_a.record(hazard_id)
    assert latest["fields"]["status"] == "closed"
    assert latest["fields"]["closed_at"] == "2024-05-03T02:00:00.000+00:00"
    assert latest["version"] == 2


def test_submitted_daily_check_is_immutable(server) -> None:
    officer = server.sign_in("demo-officer")
    other_laptop = server.sign_in("demo-director")
    check_id = new_id()
    officer.push(upsert("daily_check", check_id, daily_check()))

    same = other_laptop.push(upsert("daily_check", check_id, daily_check()))
    different = other_laptop.push(upsert("daily_check", check_id, daily_check(remark="补记")))
    voided = officer.push(upsert("daily_check", check_id, {"status": "void"}, 1))
    deleted = officer.push(
        {
            "record_type": "daily_check",
            "record_id": check_id,
            "operation": "delete",
            "base_version": 2,
        }
    )

    assert same[0]["outcome"] == "duplicate"
    assert different[0]["outcome"] == "conflict"
    assert different[0]["code"] == "immutable_record"
    assert different[0]["conflicts"][0]["field"] == "remark"
    assert voided[0]["outcome"] == "applied"
    assert deleted[0]["outcome"] == "rejected" and deleted[0]["code"] == "not_deletable"
    latest = officer.record(check_id)
    assert latest["fields"]["remark"] == ""
    assert latest["fields"]["status"] == "void"
    assert latest["fields"]["answers"] == {"rw-d-01": {"result": "normal"}}
    assert not latest["deleted"]


def test_equipment_registry_field_is_rejected_other_fields_merge(server) -> None:
    officer = server.sign_in("demo-officer")
    current = officer.record(LESHAN_GONDOLA)

    registry = officer.push(
        upsert("equipment", LESHAN_GONDOLA, {"equipment_code": "999", "location": "新站"}, 1)
    )
    location = officer.push(upsert("equipment", LESHAN_GONDOLA, {"location": "新站"}, 1))

    assert registry[0]["outcome"] == "rejected"
    assert registry[0]["code"] == "server_owned_field"
    assert "equipment_code" in registry[0]["reason_en"]
    assert location[0]["outcome"] == "applied"
    latest = officer.record(LESHAN_GONDOLA)
    assert latest["fields"]["equipment_code"] == current["fields"]["equipment_code"]
    assert latest["fields"]["location"] == "新站"


def test_stale_delete_is_a_conflict_and_a_current_one_a_tombstone(server) -> None:
    laptop_a = server.sign_in("demo-officer")
    laptop_b = server.sign_in("demo-director")
    hazard_id = new_id()
    laptop_a.push(upsert("hazard", hazard_id, hazard()))
    laptop_a.push(upsert("hazard", hazard_id, {"owner": "刘洋"}, 1))

    stale = laptop_b.push(
        {"record_type": "hazard", "record_id": hazard_id, "operation": "delete", "base_version": 1}
    )
    current = laptop_b.push(
        {"record_type": "hazard", "record_id": hazard_id, "operation": "delete", "base_version": 2}
    )
    edit_after = laptop_a.push(
        upsert("hazard", hazard_id, {"owner": "王建国"}, 2, {"owner": "刘洋"})
    )

    assert stale[0]["outcome"] == "conflict"
    assert current[0]["outcome"] == "applied"
    assert edit_after[0]["outcome"] == "conflict"
    assert edit_after[0]["code"] == "deleted_on_server"
    tombstone = laptop_a.record(hazard_id)
    assert tombstone["deleted"] is True
    assert tombstone["fields"]["owner"] == "刘洋"


def test_officer_can_neither_push_to_nor_pull_from_another_unit(server) -> None:
    mianyang_officer = server.sign_in("demo-officer-2")
    leshan_officer = server.sign_in("demo-officer")
    _, cursor, _ = leshan_officer.pull_all()

    into_leshan = mianyang_officer.push(
        upsert("hazard", new_id(), hazard(unit_id=LESHAN)),
        upsert("hazard", LESHAN_BRAKE_HAZARD, {"owner": "黄磊"}, 1),
        upsert("unit", LESHAN, {"name": "改名"}, 1),
    )
    own = mianyang_officer.push(upsert("hazard", new_id(), hazard(unit_id=MIANYANG)))

    assert [r["outcome"] for r in into_leshan] == ["rejected"] * 3
    assert {r["code"] for r in into_leshan} == {"other_unit"}
    assert all(r["record"] is None for r in into_leshan)
    assert own[0]["outcome"] == "applied"
    assert leshan_officer.pull(cursor)["changes"] == []
    changes, _, _ = mianyang_officer.pull_all()
    assert {c["unit_id"] for c in changes} == {MIANYANG}
    assert MIANYANG_COASTER in {c["record_id"] for c in changes}


def test_supervisor_reads_only_the_jurisdiction_and_cannot_write(server) -> None:
    supervisor = server.sign_in("demo-supervisor")

    refused = supervisor.push_raw([upsert("hazard", new_id(), hazard()) | {"mutation_id": 1}])
    changes, _, digest = supervisor.pull_all()

    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "read_only"
    assert {c["unit_id"] for c in changes} == {LESHAN}
    assert digest["count"] == len(changes)


def test_bad_field_is_rejected_with_a_reason_and_nothing_is_stored(server) -> None:
    officer = server.sign_in("demo-officer")
    _, cursor, _ = officer.pull_all()
    bad = [
        upsert("hazard", new_id(), hazard(colour="red")),
        upsert("hazard", new_id(), hazard(deadline="next week")),
        upsert("hazard", new_id(), hazard(status="reopened")),
        upsert("daily_check", new_id(), daily_check(template_version="2")),
        upsert("hazard", new_id(), {"unit_id": LESHAN, "description": "缺期限"}),
    ]

    results = officer.push(*bad)

    assert [r["outcome"] for r in results] == ["rejected"] * len(bad)
    for result in results:
        assert result["reason_zh"] and result["reason_en"]
    assert "colour" in results[0]["reason_en"]
    assert "deadline" in results[4]["reason_en"]
    assert officer.pull(cursor)["changes"] == []


def test_a_page_carries_the_parents_its_records_need_ahead_of_them(server) -> None:
    officer = server.sign_in("demo-officer")
    edits = officer.push(
        upsert("equipment", LESHAN_GONDOLA, {"location": "上站"}, 1),
        upsert("hazard", LESHAN_BRAKE_HAZARD, {"owner": "王强"}, 1),
    )
    assert [edit["outcome"] for edit in edits] == ["applied", "applied"]
    everything, _, _ = officer.pull_all()
    fresh = server.sign_in("demo-director")

    # Small pages: the edited gondola and hazard now come after the records that refer to them.
    delivered: dict[str, int] = {}
    cursor = 0
    while True:
        page = fresh.pull(cursor, limit=3)
        in_page = {change["record_id"] for change in page["changes"]}
        for change in page["changes"]:
            for field, _kind in PARENT_FIELDS.get(change["record_type"], ()):
                parent = change["fields"].get(field)
                assert parent in delivered or parent in in_page, (change["record_type"], field)
        for change in page["changes"]:
            delivered[change["record_id"]] = max(
                delivered.get(change["record_id"], 0), change["version"]
            )
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break

    # Parents sent ahead come again at their own place; in the end each record is there once,
    # at its newest version.
    assert delivered == {change["record_id"]: change["version"] for change in everything}
