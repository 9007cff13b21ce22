"""``safedesk sync`` in a child process: an empty folder pulls the unit; SIGKILL at named
points of a run loses nothing and doubles nothing after a restart."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.demo import DEMO_PASSWORD
from sync.engine import state
from sync.engine.apply import local_digest
from sync.engine.run import KILL_ENV
from sync.hazards import update_hazard
from sync.profile import load_profile
from sync.store.database import open_store
from sync.store.models import DailyCheck, Hazard, OutboxEntry, SyncLock
from tests.engine.conftest import BRAKE_HAZARD, GONDOLA, LESHAN, Laptop, ReferenceServer
from tests.record_factories import add_daily_check

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 3, 12)


def run_cli(
    folder: Path, server_url: str, *, password: str = DEMO_PASSWORD, kill_at: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ)
    # The child must never touch the user's keyring: with the null backend the token stays in
    # its memory and the password is read from standard input every time.
    environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    environment.pop(KILL_ENV, None)
    if kill_at:
        environment[KILL_ENV] = kill_at
    command = [
        sys.executable,
        "-m",
        "desktop",
        "sync",
        "--data-dir",
        str(folder),
        "--server",
        server_url,
        "--user",
        "demo-officer",
    ]
    return subprocess.run(
        command,
        input=password + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
        check=False,
    )


def test_empty_folder_signs_in_and_pulls_the_demo_unit(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    folder = tmp_path / "fresh"

    finished = run_cli(folder, reference_server.base_url)

    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith("pushed 0, uploaded 0, pulled ")
    assert finished.stdout.strip().endswith("left 0")
    store = open_store(folder)
    try:
        profile = load_profile(store)
        assert profile is not None and profile.unit_id == LESHAN
        assert profile.person_name == "张伟"
        with store.session() as session:
            assert session.get(Hazard, BRAKE_HAZARD).sync_state == "synced"
    finally:
        store.close()


def test_unreachable_server_and_refused_password_exit_non_zero(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    refused = run_cli(tmp_path / "a", reference_server.base_url, password="wrong")
    assert refused.returncode == 3 and "sign-in refused" in refused.stderr

    reference_server.stop()
    unreachable = run_cli(tmp_path / "b", reference_server.base_url)
    assert unreachable.returncode == 1


@pytest.mark.parametrize("point", ["push_answered", "push_taken"])
def test_killed_during_push_resumes_without_loss_or_double(
    tmp_path: Path, laptops: list[Laptop], reference_server: ReferenceServer, point: str
) -> None:
    first, second = laptops
    check_id = add_daily_check(first.store, GONDOLA, DAY)
    update_hazard(first.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    version_before = reference_server.record(BRAKE_HAZARD).version

    killed = run_cli(first.folder, reference_server.base_url, kill_at=point)
    assert killed.returncode == -signal.SIGKILL
    with first.store.session() as session:
        # The lock of the dead process is still there; the next run must not be blocked.
        assert session.get(SyncLock, 1) is not None
        assert session.scalars(select(OutboxEntry)).first() is not None

    resumed = run_cli(first.folder, reference_server.base_url)
    assert resumed.returncode == 0, resumed.stderr + resumed.stdout
    assert second.sync().completed
    assert first.sync().completed

    rows = [row for row in reference_server.records("daily_check") if row.id == check_id]
    assert len(rows) == 1
    hazard = reference_server.record(BRAKE_HAZARD)
    assert hazard.version == version_before + 1 and hazard.fields["owner"] == "王强"
    _assert_agree(reference_server, first, second)


def test_killed_between_a_pulled_page_and_its_commit_pulls_it_again(
    laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    first, second = laptops
    update_hazard(second.store, BRAKE_HAZARD, {"owner": "李娜"}, "李娜")
    assert second.sync().completed

    killed = run_cli(first.folder, reference_server.base_url, kill_at="pull_page_received")
    assert killed.returncode == -signal.SIGKILL
    with first.store.session() as session:
        assert session.get(Hazard, BRAKE_HAZARD).owner != "李娜"

    resumed = run_cli(first.folder, reference_server.base_url)
    assert resumed.returncode == 0, resumed.stderr
    with first.store.session() as session:
        assert session.get(Hazard, BRAKE_HAZARD).owner == "李娜"
    _assert_agree(reference_server, first, second)


def _assert_agree(server: ReferenceServer, *laptops: Laptop) -> None:
    """Every laptop holds exactly the server's records at the server's versions."""
    expected = server.unit_digest(LESHAN)
    for laptop in laptops:
        with laptop.store.session() as session:
            assert local_digest(session) == expected
            assert session.scalars(select(OutboxEntry)).first() is None


def test_restored_folder_signs_in_and_numbers_new_changes_past_the_servers_counter(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    laptop = Laptop(tmp_path / "laptop", reference_server.base_url)
    assert run_cli(laptop.folder, reference_server.base_url).returncode == 0
    add_daily_check(laptop.store, GONDOLA, DAY)
    assert run_cli(laptop.folder, reference_server.base_url).returncode == 0
    backup = laptop.back_up(tmp_path / "backup.sqlite3")
    for day in (DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=2)):
        add_daily_check(laptop.store, GONDOLA, day)
    assert run_cli(laptop.folder, reference_server.base_url).returncode == 0
    laptop.restore(backup)
    check_id = add_daily_check(laptop.store, GONDOLA, DAY - dt.timedelta(days=3))

    # The child keeps no token, so it signs in; the answer's counter (3) comes first.
    finished = run_cli(laptop.folder, reference_server.base_url)

    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith("pushed 1, ") and finished.stdout.strip().endswith("left 0")
    with laptop.store.session() as session:
        assert state.read(session, state.NEXT_MUTATION_ID) == 5
        assert session.get(DailyCheck, check_id).sync_state == "synced"
    _assert_agree(reference_server, laptop)
    laptop.close()
