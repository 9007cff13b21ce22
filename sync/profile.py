"""This laptop's profile: which unit it belongs to and who uses it, kept in the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.store.database import Store
from sync.store.models import Person, Setting, Unit

PROFILE_KEY = "profile"


@dataclass(frozen=True)
class Profile:
    unit_id: str
    person_id: str
    unit_name: str
    person_name: str
    role: str


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    with store.session() as session:
        row = session.get(Setting, key)
        return default if row is None else row.value


def put_setting(store: Store, key: str, value: Any) -> None:
    with store.session() as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value


def save_profile(store: Store, *, unit_id: str, person_id: str) -> None:
    put_setting(store, PROFILE_KEY, {"unit_id": unit_id, "person_id": person_id})


def load_profile(store: Store) -> Profile | None:
    """The profile, or None on first start (or when its unit or person has gone)."""
    stored = get_setting(store, PROFILE_KEY)
    if not stored:
        return None
    with store.session() as session:
        unit = session.get(Unit, stored["unit_id"])
        person = session.get(Person, stored["person_id"])
        if unit is None or person is None:
            return None
        return Profile(unit.id, person.id, unit.name, person.name, person.role)
