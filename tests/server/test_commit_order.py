"""The pull cursor never skips a change, even when two pushes commit in reverse start order.

The scenario: push A (slow) starts first and stops just before its commit; push B starts later
and commits; a puller reads from an earlier cursor and moves its cursor on; then A commits.
With change seqs allocated from the counter row as the transaction's last step
(``sync.server.push.allocate_change_seqs``), A gets a seq above B's and the puller's next read
finds it. The control case draws the numbers outside the transaction, as an identity column or
a database sequence would: A's seq is then below the cursor the puller already holds, and the
puller never sees A, which is what this test exists to catch.

On PostgreSQL both transactions really run at once. On SQLite writers queue on the database's
write lock, so B waits for A and the order cannot reverse; the same test checks that nothing is
lost there either.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor, wait

import pytest
from sqlalchemy import update

from sync.server import push
from sync.server.db import COUNTER_ROW_ID, ChangeCounter
from tests.server.helpers import hazard, new_id, upsert


class Gate:
    """Holds the slow device's push just before it allocates its change seqs."""

    def __init__(self, slow_device_id: str) -> None:
        self.slow_device_id = slow_device_id
        self.reached = threading.Event()
        self.release = threading.Event()

    def hold_if_slow(self, records) -> None:
        if records and records[0].updated_by_device == self.slow_device_id:
            self.reached.set()
            assert self.release.wait(30), "the test never released the slow push"


def _reverse_commit_scenario(server, gate_factory, allocator_factory):
    """Run the scenario; returns (ids the puller saw, id of A, id of B, B finished first)."""
    slow = server.sign_in("demo-officer")
    fast = server.sign_in("demo-director")
    puller = server.sign_in("demo-principal")
    _, cursor, _ = puller.pull_all()
    gate = gate_factory(slow.device_id)
    allocator_factory(gate)
    slow_id, fast_id = new_id(), new_id()
    seen: list[str] = []

    with ThreadPoolExecutor(max_workers=2) as pool:
        slow_push = pool.submit(slow.push, upsert("hazard", slow_id, hazard()))
        assert gate.reached.wait(10), "the slow push never reached its commit"
        fast_push = pool.submit(fast.push, upsert("hazard", fast_id, hazard()))
        wait([fast_push], timeout=2)
        fast_first = fast_push.done()

        page = puller.pull(cursor)
        seen.extend(change["record_id"] for change in page["changes"])
        cursor = page["next_cursor"]

        gate.release.set()
        assert slow_push.result(timeout=30)[0]["outcome"] == "applied"
        assert fast_push.result(timeout=30)[0]["outcome"] == "applied"

    changes, _, _ = puller.pull_all(cursor)
    seen.extend(change["record_id"] for change in changes)
    return seen, slow_id, fast_id, fast_first


def test_reverse_commit_order_reaches_a_puller_from_an_earlier_cursor(server, monkeypatch):
    real_allocate = push.allocate_change_seqs

    def gated_allocator(gate: Gate) -> None:
        def allocate(session, records):
            gate.hold_if_slow(records)
            real_allocate(session, records)

        monkeypatch.setattr(push, "allocate_change_seqs", allocate)

    seen, slow_id, fast_id, fast_first = _reverse_commit_scenario(server, Gate, gated_allocator)

    assert sorted(seen) == sorted([slow_id, fast_id])
    if not server.database.is_sqlite:
        assert fast_first, "on PostgreSQL the later push must commit first for this test to mean"
        assert seen == [fast_id, slow_id]


def test_control_seqs_drawn_outside_the_transaction_skip_a_change(server, monkeypatch):
    if server.database.is_sqlite:
        pytest.skip("SQLite runs one writer at a time; the skip needs concurrent writers")

    def sequence_like_allocator(gate: Gate) -> None:
        def allocate(session, records):
            if not records:
                return
            # Like nextval(): drawn and visible at once, not held until this push commits.
            with server.database.engine.connect() as connection:
                autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
                top = autocommit.execute(
                    update(ChangeCounter)
                    .where(ChangeCounter.id == COUNTER_ROW_ID)
                    .values(value=ChangeCounter.value + len(records))
                    .returning(ChangeCounter.value)
                ).scalar_one()
            gate.hold_if_slow(records)
            for offset, record in enumerate(records):
                record.change_seq = top - len(records) + 1 + offset
            session.flush()

        monkeypatch.setattr(push, "allocate_change_seqs", allocate)

    seen, slow_id, fast_id, fast_first = _reverse_commit_scenario(
        server, Gate, sequence_like_allocator
    )

    assert fast_first
    assert fast_id in seen
    assert slow_id not in seen, "seqs drawn outside the transaction should have skipped A"
