"""The retry policy's numbers, the token store's fallback, and the one-run lock."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backends import fail, null

from sync.engine import RetryPolicy, next_retry_delay
from sync.engine.lock import RunLock, lock_held
from sync.engine.retry import parse_retry_after
from sync.engine.tokens import TokenStore, keyring_is_secure
from sync.errors import SyncAlreadyRunning
from sync.store.database import open_store
from sync.store.models import SyncLock
from tests.engine.conftest import MemoryKeyring


def test_backoff_grows_is_capped_and_obeys_retry_after() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=0.5)
    for retry, full in ((1, 1.0), (2, 2.0), (3, 4.0), (6, 8.0)):
        delays = [policy.delay(retry) for _ in range(50)]
        assert all(full * 0.5 <= delay <= full for delay in delays)
    assert policy.delay(1, retry_after=3) == 3
    assert policy.delay(1, retry_after=600) == 8.0
    assert parse_retry_after("2") == 2.0 and parse_retry_after("Wed, 21 Oct") is None


def test_failed_runs_are_retried_on_a_growing_capped_timer() -> None:
    assert next_retry_delay(0) == 0
    assert 45 <= next_retry_delay(1) <= 60
    assert 90 <= next_retry_delay(2) <= 120
    assert next_retry_delay(30) <= 15 * 60


def test_token_goes_to_the_keyring_under_the_server_address(test_keyring: MemoryKeyring) -> None:
    tokens = TokenStore("https://sync.example.invalid/")
    assert tokens.secure
    tokens.put("demo-officer", "t0ken")
    assert test_keyring.secrets == {
        ("SafeDesk https://sync.example.invalid", "demo-officer"): "t0ken"
    }
    tokens.forget("demo-officer")
    assert tokens.get("demo-officer") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_without_a_secure_keyring_the_token_stays_in_memory(backend) -> None:
    assert not keyring_is_secure(backend)
    tokens = TokenStore("http://127.0.0.1:1", backend=backend)
    assert not tokens.secure
    tokens.put("demo-officer", "memory-only")
    assert tokens.get("demo-officer") == "memory-only"
    tokens.forget("demo-officer")


def test_two_runs_never_overlap_and_a_dead_owner_does_not_block(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    with RunLock(store):
        assert lock_held(store)
        with pytest.raises(SyncAlreadyRunning):
            RunLock(store).acquire()
    assert not lock_held(store)

    # A lock left by a process that is gone (killed) is taken over.
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    with store.session() as session:
        session.add(
            SyncLock(
                id=1,
                owner="dead",
                pid=int(gone.stdout),
                host=os.uname().nodename,
                heartbeat_at=dt.datetime.now(dt.UTC),
            )
        )
    with RunLock(store):
        assert lock_held(store)

    # A lock whose heartbeat stopped long ago is stale even if its pid was reused.
    with store.session() as session:
        session.add(
            SyncLock(
                id=1,
                owner="old",
                pid=os.getpid(),
                host="elsewhere",
                heartbeat_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
            )
        )
    with RunLock(store):
        pass
    store.close()
