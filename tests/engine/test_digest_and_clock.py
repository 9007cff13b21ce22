"""A local copy that drifted from the server is repaired by the digest; a skewed clock is
reported and recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from sync.clock import utc_now
from sync.engine import run as engine_run
from sync.engine.apply import local_digest
from sync.store.models import ClockCheck, Hazard
from tests.engine.conftest import BRAKE_HAZARD, LESHAN, Laptop, ReferenceServer


def test_digest_mismatch_triggers_a_repair_pull(
    laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    laptop = laptops[0]
    with laptop.store.session() as session:
        hazard = session.get(Hazard, BRAKE_HAZARD)
        hazard.server_version = 99
        hazard.description = "本机被改坏的副本"

    result = laptop.sync()

    assert result.completed and result.repaired and result.digest_matches
    with laptop.store.session() as session:
        hazard = session.get(Hazard, BRAKE_HAZARD)
        assert hazard.server_version == reference_server.record(BRAKE_HAZARD).version
        assert hazard.description == reference_server.record(BRAKE_HAZARD).fields["description"]
        assert local_digest(session) == reference_server.unit_digest(LESHAN)


def test_clock_off_by_more_than_ten_minutes_is_reported_and_recorded(
    laptops: list[Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = laptops[0]
    monkeypatch.setattr(engine_run, "utc_now", lambda: utc_now() + dt.timedelta(minutes=25))

    skewed = laptop.sync()

    assert skewed.clock_skewed and 24 * 60 < skewed.clock_skew_seconds < 26 * 60
    assert "clock off" in skewed.summary()
    monkeypatch.undo()
    fixed = laptop.sync()
    assert not fixed.clock_skewed
    with laptop.store.session() as session:
        marks = [
            (row.skewed, row.skew_seconds // 60) for row in session.scalars(select(ClockCheck))
        ]
    # Where the skew began and where it ended: records changed between were stamped by it.
    assert [skew for skew, _ in marks] == [True, False]
