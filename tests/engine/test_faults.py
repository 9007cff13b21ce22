"""The link comes and goes, answers get lost, the server refuses one record: nothing is lost,
nothing is doubled, and the person is told what happened."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.daily_checks import store_photo
from sync.engine import RetryPolicy, state
from sync.engine.apply import RENUMBER_STEP
from sync.engine.conflicts import open_conflicts
from sync.errors import (
    NetworkSignInRequired,
    ServerUnreachable,
    SignInRequired,
    UpgradeRequired,
)
from sync.hazards import update_hazard
from sync.store.changes import record_change
from sync.store.models import DailyCheck, Hazard, OutboxEntry, Photo
from tests.engine.conftest import BRAKE_HAZARD, GONDOLA, Laptop, ReferenceServer
from tests.engine.proxy import FaultyProxy, Rule, canned_response
from tests.record_factories import add_daily_check, add_hazard

DAY = dt.date(2026, 3, 12)


@pytest.fixture
def proxy(reference_server: ReferenceServer) -> Iterator[FaultyProxy]:
    faulty = FaultyProxy(reference_server.port)
    yield faulty
    faulty.close()


@pytest.fixture
def laptop(tmp_path: Path, reference_server: ReferenceServer) -> Iterator[Laptop]:
    machine = Laptop(tmp_path / "laptop", reference_server.base_url)
    machine.sign_in()
    assert machine.sync().completed
    yield machine
    machine.close()


@pytest.fixture
def proxied_laptop(tmp_path: Path, proxy: FaultyProxy) -> Iterator[Laptop]:
    machine = Laptop(tmp_path / "proxied", proxy.base_url)
    machine.sign_in()
    assert machine.sync().completed
    yield machine
    machine.close()


def _server_rows(server: ReferenceServer, record_type: str, record_id: str) -> list:
    return [row for row in server.records(record_type) if row.id == record_id]


def _state(laptop: Laptop, record_class: type, record_id: str) -> str:
    with laptop.store.session() as session:
        return session.get(record_class, record_id).sync_state


def test_daily_check_made_while_server_is_down_reaches_it_once(
    laptop: Laptop, reference_server: ReferenceServer
) -> None:
    reference_server.stop()
    check_id = add_daily_check(laptop.store, GONDOLA, DAY)

    offline = laptop.sync()
    assert not offline.completed
    assert isinstance(offline.error, ServerUnreachable)
    assert offline.left == 1
    assert _state(laptop, DailyCheck, check_id) == "pending"

    reference_server.start()
    online = laptop.sync()
    assert online.completed, online.summary()
    assert online.pushed == 1 and online.left == 0
    assert _state(laptop, DailyCheck, check_id) == "synced"

    again = laptop.sync()
    assert again.completed and again.pushed == 0
    (row,) = _server_rows(reference_server, "daily_check", check_id)
    assert row.version == 1 and row.fields["status"] == "submitted"


def test_answer_lost_after_the_server_committed_is_not_applied_twice(
    proxied_laptop: Laptop, proxy: FaultyProxy, reference_server: ReferenceServer
) -> None:
    check_id = add_daily_check(proxied_laptop.store, GONDOLA, DAY)
    update_hazard(proxied_laptop.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    version_before = reference_server.record(BRAKE_HAZARD).version
    proxy.rules.append(Rule(b"POST /api/v1/sync/push", "drop", times=1))

    result = proxied_laptop.sync()

    assert result.completed, result.summary()
    assert proxy.count(b"POST /api/v1/sync/push") == 2
    assert len(_server_rows(reference_server, "daily_check", check_id)) == 1
    hazard = reference_server.record(BRAKE_HAZARD)
    assert hazard.version == version_before + 1 and hazard.fields["owner"] == "王强"
    assert _state(proxied_laptop, DailyCheck, check_id) == "synced"
    assert _state(proxied_laptop, Hazard, BRAKE_HAZARD) == "synced"
    assert result.left == 0


def test_record_edited_while_its_push_is_in_flight_keeps_the_newer_edit(
    laptop: Laptop, reference_server: ReferenceServer
) -> None:
    hazard_id = add_hazard(laptop.store, GONDOLA, found=DAY, deadline=DAY, description="初稿")

    def edit_in_flight(point: str) -> None:
        if point == "push_taken":
            with laptop.store.session() as session:
                record_change(session, "hazard", hazard_id, {"description": "改后的描述"}, "张伟")

    result = laptop.sync(checkpoint=edit_in_flight)

    # The edit made during the first push follows it as a second mutation, rebased on the
    # first one's answer: applied, not a conflict with itself.
    assert result.completed, result.summary()
    assert result.pushed == 2 and result.outcomes == {"applied": 2}, result.outcomes
    with laptop.store.session() as session:
        assert session.get(Hazard, hazard_id).description == "改后的描述"
    (row,) = _server_rows(reference_server, "hazard", hazard_id)
    assert row.fields["description"] == "改后的描述" and row.version == 2
    assert _state(laptop, Hazard, hazard_id) == "synced"
    assert open_conflicts(laptop.store) == []


def test_one_record_of_ten_rejected_waits_with_the_reason_and_the_nine_sync(
    laptop: Laptop, reference_server: ReferenceServer
) -> None:
    ids = [add_daily_check(laptop.store, GONDOLA, DAY - dt.timedelta(days=n)) for n in range(9)]
    # A remark beyond what the protocol carries (a pasted document): the server refuses it.
    bad_id = add_daily_check(
        laptop.store, GONDOLA, DAY - dt.timedelta(days=9), remark="长" * 100_001
    )

    result = laptop.sync()

    assert result.completed, result.summary()
    assert result.outcomes == {"applied": 9, "rejected": 1}
    assert result.left == 0 and result.rejected == 1
    for check_id in ids:
        assert len(_server_rows(reference_server, "daily_check", check_id)) == 1
        assert _state(laptop, DailyCheck, check_id) == "synced"
    assert _server_rows(reference_server, "daily_check", bad_id) == []
    assert _state(laptop, DailyCheck, bad_id) == "rejected"
    (attention,) = open_conflicts(laptop.store, bad_id)
    assert attention.kind == "rejected" and "remark" in attention.reason
    with laptop.store.session() as session:
        assert len(session.get(DailyCheck, bad_id).remark) == 100_001  # content kept

    assert laptop.sync().pushed == 0


def test_wifi_portal_page_marks_nothing_synced_and_asks_for_network_sign_in(
    proxied_laptop: Laptop, proxy: FaultyProxy, reference_server: ReferenceServer
) -> None:
    check_id = add_daily_check(proxied_laptop.store, GONDOLA, DAY)
    page = "<html><body>欢迎使用景区 Wi-Fi，请登录</body></html>".encode()
    proxy.rules.append(
        Rule(b"/api/v1/", "answer", canned=canned_response("200 OK", "text/html", page))
    )

    result = proxied_laptop.sync()

    assert isinstance(result.error, NetworkSignInRequired)
    assert "captive portal" in result.error.message_en and "浏览器" in result.error.message
    assert _state(proxied_laptop, DailyCheck, check_id) == "pending"
    assert result.left == 1
    assert _server_rows(reference_server, "daily_check", check_id) == []

    proxy.rules.clear()
    assert proxied_laptop.sync().completed
    assert len(_server_rows(reference_server, "daily_check", check_id)) == 1


def test_upgrade_required_stops_and_keeps_everything(
    proxied_laptop: Laptop, proxy: FaultyProxy
) -> None:
    check_id = add_daily_check(proxied_laptop.store, GONDOLA, DAY)
    problem = json.dumps(
        {
            "title": "Upgrade",
            "status": 426,
            "code": "upgrade_required",
            "detail_zh": "请升级",
            "detail_en": "Upgrade",
        }
    ).encode()
    proxy.rules.append(
        Rule(
            b"/api/v1/",
            "answer",
            canned=canned_response("426 Upgrade Required", "application/problem+json", problem),
        )
    )
    result = proxied_laptop.sync()
    assert isinstance(result.error, UpgradeRequired)
    assert _state(proxied_laptop, DailyCheck, check_id) == "pending"


def test_refused_token_asks_to_sign_in_and_keeps_the_data(laptop: Laptop) -> None:
    check_id = add_daily_check(laptop.store, GONDOLA, DAY)
    laptop.tokens().put(laptop.username, "not-a-token")

    result = laptop.sync()

    assert isinstance(result.error, SignInRequired)
    assert laptop.tokens().get(laptop.username) is None
    assert _state(laptop, DailyCheck, check_id) == "pending"
    laptop.sign_in()
    assert laptop.sync().completed


def test_photo_endpoint_that_never_answers_times_out_and_adds_no_second_record(
    tmp_path: Path, proxied_laptop: Laptop, proxy: FaultyProxy, reference_server: ReferenceServer
) -> None:
    picture = tmp_path / "brake.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    photo = store_photo(proxied_laptop.store, picture)
    hazard_id = add_hazard(proxied_laptop.store, GONDOLA, found=DAY, deadline=DAY)
    with proxied_laptop.store.session() as session:
        record_change(
            session,
            "hazard",
            hazard_id,
            {"photos": [{"sha256": photo.sha256, "name": "brake.jpg"}]},
            "张伟",
        )
    proxy.rules.append(Rule(b"/api/v1/blobs/", "hang"))
    impatient = RetryPolicy(attempts=2, base_delay=0.05, connect_timeout=2.0, read_timeout=0.5)

    for _attempt in range(2):
        result = proxied_laptop.sync(policy=impatient)
        assert not result.completed
        assert isinstance(result.photo_error, ServerUnreachable)
        assert result.photos_left == 1

    with proxied_laptop.store.session() as session:
        stored = session.get(Photo, photo.sha256)
        assert not stored.uploaded and stored.upload_error
        assert session.get(Hazard, hazard_id).sync_state == "synced"
        assert session.scalars(select(OutboxEntry)).first() is None
    assert len(_server_rows(reference_server, "hazard", hazard_id)) == 1


def test_store_restored_with_an_older_mutation_counter_still_delivers_its_changes(
    laptop: Laptop, reference_server: ReferenceServer
) -> None:
    add_daily_check(laptop.store, GONDOLA, DAY)
    assert laptop.sync().completed
    with laptop.store.session() as session:
        state.write(session, state.NEXT_MUTATION_ID, 1)  # as a backup from before would hold
    check_id = add_daily_check(laptop.store, GONDOLA, DAY - dt.timedelta(days=1))

    result = laptop.sync()

    # Id 1 is the server's for the first check: stale, then sent again just past the
    # server's counter (the push answer says it), in the same run.
    assert result.completed, result.summary()
    assert result.outcomes == {"renumbered": 1, "applied": 1} and result.left == 0
    assert _state(laptop, DailyCheck, check_id) == "synced"
    assert len(_server_rows(reference_server, "daily_check", check_id)) == 1
    assert open_conflicts(laptop.store) == []
    with laptop.store.session() as session:
        assert state.read(session, state.NEXT_MUTATION_ID) == 3


def test_stale_answer_of_a_server_that_does_not_say_its_counter_jumps_ahead(
    proxied_laptop: Laptop, proxy: FaultyProxy, reference_server: ReferenceServer
) -> None:
    check_id = add_daily_check(proxied_laptop.store, GONDOLA, DAY)
    with proxied_laptop.store.session() as session:
        stale_id = int(state.read(session, state.NEXT_MUTATION_ID, 1))
    # What a server from before ``last_mutation_id`` answers to an id it used for other content.
    older_answer = {
        "results": [
            {
                "mutation_id": stale_id,
                "record_id": check_id,
                "outcome": "rejected",
                "code": "stale_mutation_id",
            }
        ],
        "server_time": "2026-03-12T10:00:00.000+00:00",
    }
    body = json.dumps(older_answer).encode("utf-8")
    proxy.rules.append(
        Rule(
            b"POST /api/v1/sync/push",
            "answer",
            times=1,
            canned=canned_response("200 OK", "application/json", body),
        )
    )

    first = proxied_laptop.sync()
    second = proxied_laptop.sync()

    # Not knowing the server's counter, the laptop jumps far ahead rather than loop on it.
    assert first.outcomes == {"renumbered": 1} and first.left == 1
    assert second.completed and second.outcomes == {"applied": 1} and second.left == 0
    with proxied_laptop.store.session() as session:
        assert state.read(session, state.NEXT_MUTATION_ID) == stale_id + 1 + RENUMBER_STEP + 1
    assert len(_server_rows(reference_server, "daily_check", check_id)) == 1
