"""Units, their people and their equipment: the questions a first start and the pages ask.

Queries return frozen values that carry no session, so any thread may hold them. Creating a unit
or a person goes through :func:`sync.store.changes.record_change` like every synced change.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import select

from sync.errors import RecordNotFound, ValidationError
from sync.records import EQUIPMENT_KIND_LABELS, EquipmentStatus, RecordType, Role
from sync.store.changes import record_change
from sync.store.database import Store
from sync.store.models import Equipment, Person, Unit

logger = logging.getLogger(__name__)

_COUNTY_CODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str
    county_code: str


@dataclass(frozen=True)
class PersonInfo:
    id: str
    unit_id: str
    name: str
    role: str


@dataclass(frozen=True)
class EquipmentInfo:
    id: str
    unit_id: str
    name: str
    equipment_code: str
    registration_no: str
    kind_code: str
    location: str
    status: str
    next_inspection_date: str | None

    @property
    def in_use(self) -> bool:
        return self.status == EquipmentStatus.IN_USE

    def kind_label(self, language: str = "zh_CN") -> str:
        chinese, english = EQUIPMENT_KIND_LABELS.get(self.kind_code, (self.kind_code,) * 2)
        return english if language == "en" else chinese


def _equipment_info(row: Equipment) -> EquipmentInfo:
    return EquipmentInfo(
        id=row.id,
        unit_id=row.unit_id,
        name=row.name,
        equipment_code=row.equipment_code,
        registration_no=row.registration_no,
        kind_code=row.kind_code,
        location=row.location,
        status=row.status,
        next_inspection_date=row.next_inspection_date,
    )


def list_units(store: Store) -> list[UnitInfo]:
    with store.session() as session:
        rows = session.scalars(select(Unit).order_by(Unit.name))
        return [UnitInfo(row.id, row.name, row.county_code) for row in rows]


def list_people(store: Store, unit_id: str) -> list[PersonInfo]:
    query = select(Person).where(Person.unit_id == unit_id).order_by(Person.name)
    with store.session() as session:
        return [
            PersonInfo(row.id, row.unit_id, row.name, row.role) for row in session.scalars(query)
        ]


def list_equipment(store: Store, unit_id: str, *, in_use_only: bool = False) -> list[EquipmentInfo]:
    """The unit's equipment, ropeways first (kind code descending), then by name."""
    query = select(Equipment).where(Equipment.unit_id == unit_id)
    if in_use_only:
        query = query.where(Equipment.status == EquipmentStatus.IN_USE.value)
    query = query.order_by(Equipment.kind_code.desc(), Equipment.name)
    with store.session() as session:
        return [_equipment_info(row) for row in session.scalars(query)]


def get_equipment(store: Store, equipment_id: str) -> EquipmentInfo:
    with store.session() as session:
        row = session.get(Equipment, equipment_id)
        if row is None:
            raise RecordNotFound(
                f"设备不存在：{equipment_id}", f"No such equipment: {equipment_id}"
            )
        return _equipment_info(row)


def create_unit(store: Store, *, name: str, county_code: str, actor: str) -> str:
    """Make a unit on this laptop (first start with no data at all); returns its id.

    The provincial registry normally knows the unit already; a locally made unit is sent like
    any other change when sync arrives (#4).
    """
    clean_name = name.strip()
    if not clean_name:
        raise ValidationError("请填写使用单位名称。", "Please enter the unit's name.")
    if not _COUNTY_CODE.match(county_code.strip()):
        raise ValidationError(
            "县级行政区划代码应为6位数字，例如 511181。",
            "The county code has six digits, e.g. 511181.",
        )

    fields = {"name": clean_name, "county_code": county_code.strip()}
    with store.session() as session:
        unit = record_change(session, RecordType.UNIT, None, fields, actor)
        unit_id = unit.id
    logger.info("created unit %s on this laptop", unit_id)
    return unit_id


def add_person(store: Store, *, unit_id: str, name: str, role: str, actor: str) -> str:
    """Add a person to a unit; returns the person's id. ``role`` is a :class:`Role` code."""
    clean_name = name.strip()
    if not clean_name:
        raise ValidationError("请填写姓名。", "Please enter the person's name.")
    fields = {"unit_id": unit_id, "name": clean_name, "role": Role(role).value}
    with store.session() as session:
        if session.get(Unit, unit_id) is None:
            raise RecordNotFound(f"使用单位不存在：{unit_id}", f"No such unit: {unit_id}")
        person = record_change(session, RecordType.PERSON, None, fields, actor)
        person_id = person.id
    logger.info("added person %s (%s) to unit %s", person_id, fields["role"], unit_id)
    return person_id
