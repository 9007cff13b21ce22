"""Records waiting are counted as a person counts them, in the run's result and so in the
line ``safedesk sync`` prints (``SyncResult.summary``); the command refuses a server address
without a scheme and keeps one with trailing slashes without them (#4)."""

from __future__ import annotations

from pathlib import Path

from sync.engine import state
from sync.engine.apply import waiting_count
from sync.hazards import update_hazard
from sync.store.database import open_store
from tests.engine.conftest import BRAKE_HAZARD, Laptop, ReferenceServer
from tests.engine.test_headless import run_cli


def test_one_hazard_edited_twice_is_one_record_waiting(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    laptop = Laptop(tmp_path / "laptop", reference_server.base_url)
    laptop.sign_in()
    assert laptop.sync().completed
    update_hazard(laptop.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    update_hazard(laptop.store, BRAKE_HAZARD, {"immediate_measures": "限载运行"}, "张伟")
    reference_server.stop()

    offline = laptop.sync()

    with laptop.store.session() as session:
        outbox_rows = waiting_count(session)
    assert outbox_rows >= 3, "the hazard and its history entries wait in the outbox"
    assert offline.left == 1
    assert "left 1;" in offline.summary(), offline.summary()
    reference_server.start()
    online = laptop.sync()
    assert online.completed and online.pushed == outbox_rows and online.left == 0
    laptop.close()


def test_the_command_refuses_a_server_address_without_a_scheme(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    folder = tmp_path / "laptop"

    bare = run_cli(folder, reference_server.base_url.removeprefix("http://"))
    slashed = run_cli(folder, reference_server.base_url + "//")

    assert bare.returncode == 2 and bare.stdout == ""
    assert "--server: The server address must start with http:// or https://" in bare.stderr
    assert slashed.returncode == 0, slashed.stderr
    store = open_store(folder)
    with store.session() as session:
        assert state.read(session, state.SERVER_URL) == reference_server.base_url
    store.close()
