"""A laptop's store restored from an older backup: its mutation counter is behind the
server's. Nothing is lost or doubled, and new changes are numbered just past the ids the
server holds (no blind jump), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.engine import state
from sync.engine.apply import RENUMBER_STEP, local_digest
from sync.engine.conflicts import open_conflicts
from sync.errors import ServerUnreachable
from sync.server.db import Device
from sync.store.models import DailyCheck, Hazard, OutboxEntry
from tests.engine.conftest import GONDOLA, LESHAN, Laptop, ReferenceServer
from tests.record_factories import CHAIRLIFT, add_daily_check, add_hazard
from tests.server.conftest import scratch_database

DAY = dt.date(2026, 3, 12)


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReferenceServer]:
    """The reference server on a database of each kind (PostgreSQL: SAFEDESK_TEST_PG_URL)."""
    with scratch_database(request.param, tmp_path) as url:
        running = ReferenceServer(tmp_path / "server", db_url=url)
        running.start()
        try:
            yield running
        finally:
            running.close()


@pytest.fixture
def laptop(tmp_path: Path, server: ReferenceServer) -> Iterator[Laptop]:
    machine = Laptop(tmp_path / "laptop", server.base_url)
    machine.sign_in()
    assert machine.sync().completed
    yield machine
    machine.close()


class Days:
    """Hands out a new day for each daily check, so no two checks share equipment and day."""

    def __init__(self) -> None:
        self.offset = 0

    def checks(self, laptop: Laptop, count: int) -> list[str]:
        made = []
        for _ in range(count):
            self.offset += 1
            made.append(add_daily_check(laptop.store, GONDOLA, DAY - dt.timedelta(self.offset)))
        return made


def synced(laptop: Laptop) -> None:
    result = laptop.sync()
    assert result.completed and result.left == 0, result.summary()
    assert "renumbered" not in result.outcomes


def next_mutation_id(laptop: Laptop) -> int:
    with laptop.store.session() as session:
        return int(state.read(session, state.NEXT_MUTATION_ID, 1))


def outbox_ids(laptop: Laptop) -> dict[str, int | None]:
    """Each waiting record's mutation id (None: not taken into a batch yet)."""
    with laptop.store.session() as session:
        rows = session.execute(select(OutboxEntry.record_id, OutboxEntry.mutation_id))
        return {record_id: mutation_id for record_id, mutation_id in rows}


def server_counter(server: ReferenceServer, laptop: Laptop) -> int:
    with laptop.store.session() as session:
        device_id = state.read(session, state.DEVICE_ID)
    with server.database.reading() as session:
        return session.get(Device, device_id).last_mutation_id


def assert_agree(laptop: Laptop, server: ReferenceServer, check_ids: list[str]) -> None:
    """Every check once on the server at version 1 and synced here; both hold the same."""
    on_server = {row.id: row for row in server.records("daily_check")}
    for check_id in check_ids:
        assert on_server[check_id].version == 1, "a check was applied twice"
    with laptop.store.session() as session:
        for check_id in check_ids:
            assert session.get(DailyCheck, check_id).sync_state == "synced"
        assert session.scalars(select(OutboxEntry)).first() is None
        assert local_digest(session) == server.unit_digest(LESHAN)
    assert open_conflicts(laptop.store) == []
    counter = server_counter(server, laptop)
    assert next_mutation_id(laptop) == counter + 1 < RENUMBER_STEP


@pytest.mark.parametrize("signs_in_again", [False, True], ids=["token-kept", "signs-in"])
def test_restored_store_continues_past_the_servers_counter(
    laptop: Laptop, server: ReferenceServer, tmp_path: Path, signs_in_again: bool
) -> None:
    days = Days()
    synced_first = days.checks(laptop, 3)
    synced(laptop)
    waiting_in_backup = days.checks(laptop, 2)
    backup = laptop.back_up(tmp_path / "backup.sqlite3")
    synced(laptop)
    lost_by_restore = days.checks(laptop, 2)
    synced(laptop)
    counter_before = server_counter(server, laptop)

    laptop.restore(backup)
    assert next_mutation_id(laptop) < counter_before
    if signs_in_again:
        laptop.tokens().forget(laptop.username)
        laptop.sign_in()
        # The sign-in answer put the counter just past the server's, before any push.
        assert next_mutation_id(laptop) == counter_before + 1
    made_after = days.checks(laptop, 2)
    result = laptop.sync()

    assert result.completed and result.digest_matches is True, result.summary()
    if signs_in_again:
        # Numbered past the server's ids: the two restored checks are known content
        # (duplicate), the two new ones are applied. Nothing was stale.
        assert result.outcomes == {"duplicate": 2, "applied": 2}
    else:
        # The restored counter hands out the ids the server used after the backup: the two
        # restored checks get their own old ids back (the server answers them from its stored
        # results), the two new ones get the ids of the checks made after the backup, are
        # stale, and go again just past the server's counter in the same run.
        assert result.outcomes == {"applied": 4, "renumbered": 2}
    assert server_counter(server, laptop) == counter_before + (4 if signs_in_again else 2)
    assert_agree(laptop, server, synced_first + waiting_in_backup + lost_by_restore + made_after)


def test_changes_taken_before_the_backup_keep_their_ids_and_are_answered_as_replays(
    laptop: Laptop, server: ReferenceServer, tmp_path: Path
) -> None:
    days = Days()
    synced(laptop)
    in_flight = days.checks(laptop, 2)

    def link_drops(point: str) -> None:
        if point == "push_taken":
            server.stop()

    dropped = laptop.sync(checkpoint=link_drops)
    assert isinstance(dropped.error, ServerUnreachable)
    taken = outbox_ids(laptop)
    assert set(taken) == set(in_flight) and None not in taken.values()
    untaken = days.checks(laptop, 1)
    backup = laptop.back_up(tmp_path / "backup.sqlite3")

    server.start()
    synced(laptop)
    hazard_after = add_hazard(laptop.store, CHAIRLIFT, found=DAY, deadline=DAY)
    lost_by_restore = days.checks(laptop, 2)
    synced(laptop)
    counter_before = server_counter(server, laptop)

    laptop.restore(backup)
    kept = outbox_ids(laptop)
    assert {record_id: kept[record_id] for record_id in in_flight} == taken
    made_after = days.checks(laptop, 2)
    result = laptop.sync()

    # The taken checks go first under their old ids and get the answers stored when they
    # arrived (applied); that answer carries the counter, so the rest is numbered past it.
    assert result.completed and result.digest_matches is True, result.summary()
    assert result.outcomes == {"applied": 4, "duplicate": 1}
    assert server_counter(server, laptop) == counter_before + 3
    with laptop.store.session() as session:
        assert session.get(Hazard, hazard_after).sync_state == "synced"
    assert_agree(laptop, server, in_flight + untaken + lost_by_restore + made_after)
