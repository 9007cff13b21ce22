"""A data folder that holds a platform unit is not signed into another unit's account.

Pulling that account's unit would put two units' records in one store; a unit made on the
laptop alone may still sign in (its records are then answered as another unit's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sync.demo import LESHAN_UNIT_KEY, MIANYANG_UNIT_KEY, demo_id, seed_demo_store
from sync.engine import state
from sync.errors import DataFolderOfAnotherUnit
from sync.profile import save_profile
from sync.store.models import Unit
from sync.units import add_person, create_unit
from tests.engine.conftest import Laptop, ReferenceServer


def _device_id(laptop: Laptop) -> str | None:
    with laptop.store.session() as session:
        return state.read(session, state.DEVICE_ID)


def test_a_demo_folder_refuses_another_units_officer_and_takes_its_own(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    laptop = Laptop(tmp_path / "laptop", reference_server.base_url, username="demo-officer-2")
    seed_demo_store(laptop.store)  # 乐山, never synced yet

    with pytest.raises(DataFolderOfAnotherUnit) as refused:
        laptop.sign_in()

    assert "峨眉山" in refused.value.message and "demo-officer-2" in refused.value.message
    assert laptop.tokens().get("demo-officer-2") is None
    assert _device_id(laptop) is None, "the device id the other account holds is dropped"

    laptop.username = "demo-officer"
    laptop.sign_in()
    result = laptop.sync()
    assert result.completed, result.summary()
    with laptop.store.session() as session:
        units = set(session.scalars(select(Unit.id)))
    assert units == {demo_id(LESHAN_UNIT_KEY)}
    assert demo_id(MIANYANG_UNIT_KEY) not in units
    laptop.close()


def test_a_unit_made_on_the_laptop_alone_may_still_sign_in(
    tmp_path: Path, reference_server: ReferenceServer
) -> None:
    laptop = Laptop(tmp_path / "laptop", reference_server.base_url)
    unit_id = create_unit(laptop.store, name="本机新建单位", county_code="511181", actor="张伟")
    person_id = add_person(laptop.store, unit_id=unit_id, name="张伟", role="officer", actor="张伟")
    save_profile(laptop.store, unit_id=unit_id, person_id=person_id)

    laptop.sign_in()

    assert laptop.tokens().get("demo-officer")
    with laptop.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Unit)) == 1
    laptop.close()
