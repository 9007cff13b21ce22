"""A fresh laptop signs in and pulls its unit; a second run changes nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sync.engine import state
from sync.engine.apply import local_digest
from sync.errors import ProtocolError
from sync.hazards import update_hazard
from sync.server.db import Record
from sync.store.models import Hazard, HazardEvent, OutboxEntry
from tests.engine.conftest import BRAKE_HAZARD, Laptop, ReferenceServer


def local_digest_of(laptop: Laptop):
    with laptop.store.session() as session:
        return local_digest(session)


def hazard_unit(laptop: Laptop) -> str:
    with laptop.store.session() as session:
        return session.get(Hazard, BRAKE_HAZARD).unit_id


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


def test_a_fresh_laptop_pulls_records_whose_parents_changed_after_them(
    tmp_path: Path, laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    # Edited on another laptop, the hazard's newest change now comes after its history
    # events, which refer to it: a fresh laptop meets the events first.
    editor = laptops[0]
    update_hazard(editor.store, BRAKE_HAZARD, {"owner": "王强"}, "张伟")
    assert editor.sync().completed

    for page_size in (500, 2):
        fresh = Laptop(tmp_path / f"fresh-{page_size}", reference_server.base_url)
        fresh.sign_in()

        result = fresh.sync(page_size=page_size)

        assert result.completed, result.summary()
        assert result.digest_matches is True
        with fresh.store.session() as session:
            hazard = session.get(Hazard, BRAKE_HAZARD)
            assert hazard is not None and hazard.owner == "王强"
            events = session.scalars(
                select(HazardEvent).where(HazardEvent.hazard_id == BRAKE_HAZARD)
            ).all()
            assert events, "the hazard's history came along"
        assert local_digest_of(fresh) == reference_server.unit_digest(hazard_unit(fresh))
        fresh.close()


def test_a_page_whose_parent_never_comes_stops_the_run_in_plain_words(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    # A damaged server copy: the hazard is gone while its history still points at it.
    with reference_server.database.writing() as session:
        session.get(Record, BRAKE_HAZARD).deleted = True
    fresh = Laptop(tmp_path / "fresh", reference_server.base_url)
    fresh.sign_in()

    result = fresh.sync()

    assert not result.completed
    assert isinstance(result.error, ProtocolError)
    assert "refer to records this laptop does not have" in result.error.message_en
    with fresh.store.session() as session:
        # The page went back whole, cursor included: the next run asks for it again.
        assert session.scalars(select(HazardEvent)).first() is None
        assert state.read(session, state.PULL_CURSOR, 0) == 0
    fresh.close()
