"""A fresh laptop signs in and pulls its unit; a second run changes nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sync.engine.apply import local_digest
from sync.store.models import Hazard, OutboxEntry
from tests.engine.conftest import BRAKE_HAZARD, Laptop, ReferenceServer


def test_first_sync_pulls_the_unit_and_agrees_with_the_server(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    laptop = Laptop(tmp_path / "laptop", reference_server.base_url)
    laptop.sign_in()

    phases = []
    result = laptop.sync(progress=lambda phase, done, total: phases.append(phase))

    assert result.completed, result.summary()
    assert result.pulled > 10
    assert result.digest_matches is True
    assert "pull" in phases
    with laptop.store.session() as session:
        hazard = session.get(Hazard, BRAKE_HAZARD)
        assert hazard is not None and hazard.sync_state == "synced"
        assert hazard.server_version == 1
        assert session.scalars(select(OutboxEntry)).first() is None
        assert local_digest(session).count == result.pulled

    again = laptop.sync()
    assert again.completed and again.pulled == 0 and again.pushed == 0
    laptop.close()
