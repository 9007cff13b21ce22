"""Sichuan's administrative divisions (GB/T 2260): province, 市(州) and county-level divisions.

A unit records the county-level code it sits in; a supervisor sees what lies in their
jurisdiction (province, a 市(州) or a county). The table is reference data shipped as
``resources/reference/sichuan_divisions.json`` so a code change (a county becoming a city, as
会理 did in 2021) is a data update, not a release. Codes are six-digit strings: the first two
digits name the province, the first four the 市(州).

Loading validates the whole file and raises ``ValidationError`` naming the file and the code;
the loaded table is immutable and safe to share between threads.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sync.errors import RecordNotFound, ValidationError
from sync.paths import resource_path

logger = logging.getLogger(__name__)

DIVISIONS_FILE = ("reference", "sichuan_divisions.json")

_CODE = re.compile(r"\d{6}")
_PLATE = re.compile(r"川[A-Z]")


class JurisdictionLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


@dataclass(frozen=True)
class Jurisdiction:
    """One division. ``plate`` is the 市(州) letter (川L) and is set for cities only."""

    code: str
    name: str
    level: JurisdictionLevel
    parent_code: str | None
    plate: str | None = None


class JurisdictionTable:
    """Every division of one province, looked up by code."""

    def __init__(self, divisions: list[Jurisdiction], version: str, source: str) -> None:
        self._by_code = {division.code: division for division in divisions}
        self.version = version
        self.source = source

    @classmethod
    def load(cls, path: Path) -> JurisdictionTable:
        """Read and validate the divisions file; raises ValidationError naming file and code."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _problem(path, None, f"无法读取：{exc}", f"cannot be read: {exc}") from exc

        divisions = _divisions_of(path, data)
        table = cls(divisions, str(data.get("version", "")), str(data.get("source", "")))
        logger.info(
            "loaded %d divisions (%d cities) from %s, version %s",
            len(table._by_code),
            len(table.cities()),
            Path(path).name,
            table.version,
        )
        return table

    @property
    def province(self) -> Jurisdiction:
        return next(d for d in self._by_code.values() if d.level == JurisdictionLevel.PROVINCE)

    def get(self, code: str) -> Jurisdiction:
        """The division with this code; raises RecordNotFound for a code not in the table."""
        division = self._by_code.get(code)
        if division is None:
            raise RecordNotFound(
                f"行政区划代码 {code!r} 不在区划表中", f"division code {code!r} is not in the table"
            )
        return division

    def find(self, code: str) -> Jurisdiction | None:
        return self._by_code.get(code)

    def cities(self) -> list[Jurisdiction]:
        return [d for d in self._by_code.values() if d.level == JurisdictionLevel.CITY]

    def counties_of(self, city_code: str) -> list[Jurisdiction]:
        self.get(city_code)
        return [d for d in self._by_code.values() if d.parent_code == city_code]

    def jurisdiction_chain(self, code: str) -> list[Jurisdiction]:
        """From the province down to ``code``: [province, city, county] for a county code.

        A city code gives [province, city]; raises RecordNotFound for an unknown code.
        """
        chain = [self.get(code)]
        while chain[0].parent_code is not None:
            chain.insert(0, self.get(chain[0].parent_code))
        return chain

    def contains(self, ancestor_code: str, code: str) -> bool:
        """Whether ``code`` lies within ``ancestor_code`` (a division contains itself).

        Both codes must be in the table (RecordNotFound otherwise): an unknown code is a data
        error to surface, not a reason to quietly hide a unit from its supervisor.
        """
        self.get(ancestor_code)
        return any(d.code == ancestor_code for d in self.jurisdiction_chain(code))


@functools.cache
def default_table() -> JurisdictionTable:
    """The shipped Sichuan table, read once per process."""
    return JurisdictionTable.load(resource_path(*DIVISIONS_FILE))


def jurisdiction_chain(county_code: str) -> list[Jurisdiction]:
    """[province, city, county] for a county code of the shipped table."""
    return default_table().jurisdiction_chain(county_code)


def contains(ancestor_code: str, code: str) -> bool:
    """Whether ``code`` lies within ``ancestor_code`` in the shipped table."""
    return default_table().contains(ancestor_code, code)


# Validation -------------------------------------------------------------------------------


def _problem(path: Path, code: str | None, zh: str, en: str) -> ValidationError:
    where = Path(path).name + (f"，代码 {code}" if code else "")
    where_en = Path(path).name + (f", code {code}" if code else "")
    return ValidationError(f"区划表 {where}：{zh}", f"Division table {where_en}: {en}")


def _division(path: Path, entry: Any, what_zh: str, what_en: str) -> tuple[str, str]:
    """The (code, name) of one entry, both checked."""
    if not isinstance(entry, dict):
        raise _problem(path, None, f"{what_zh}应为对象", f"each {what_en} must be an object")
    code, name = entry.get("code"), entry.get("name")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _problem(
            path,
            str(code),
            f"{what_zh}代码应为六位数字文字",
            f"a {what_en} code must be six digits as text",
        )
    if not isinstance(name, str) or not name.strip():
        raise _problem(path, code, f"{what_zh}缺少名称", f"the {what_en} has no name")
    return code, name.strip()


def _divisions_of(path: Path, data: Any) -> list[Jurisdiction]:
    province_entry = data.get("province") if isinstance(data, dict) else None
    if province_entry is None:
        raise _problem(path, None, "缺少 province", "the file has no 'province'")
    province_code, province_name = _division(path, province_entry, "省", "province")
    if not province_code.endswith("0000"):
        raise _problem(
            path, province_code, "省级代码应以 0000 结尾", "a province code must end in 0000"
        )
    divisions = [Jurisdiction(province_code, province_name, JurisdictionLevel.PROVINCE, None)]

    cities = province_entry.get("cities")
    if not isinstance(cities, list) or not cities:
        raise _problem(path, province_code, "缺少 cities 列表", "the province has no cities list")
    for city_entry in cities:
        divisions.extend(_city_and_counties(path, province_code, city_entry))

    seen: set[str] = set()
    for division in divisions:
        if division.code in seen:
            raise _problem(path, division.code, "代码重复", "the code appears twice")
        seen.add(division.code)
    return divisions


def _city_and_counties(path: Path, province_code: str, entry: Any) -> list[Jurisdiction]:
    code, name = _division(path, entry, "市(州)", "city")
    city_in_province = code[:2] == province_code[:2] and code.endswith("00")
    if not city_in_province or code == province_code:
        raise _problem(
            path,
            code,
            f"市(州)代码应以 {province_code[:2]} 开头、以 00 结尾",
            f"a city code must start with {province_code[:2]} and end in 00",
        )
    plate = entry.get("plate")
    if plate is not None and (not isinstance(plate, str) or not _PLATE.fullmatch(plate)):
        raise _problem(
            path, code, f"号牌字母 {plate!r} 应形如 川A", f"plate {plate!r} must look like 川A"
        )
    result = [Jurisdiction(code, name, JurisdictionLevel.CITY, province_code, plate)]

    counties = entry.get("counties")
    if not isinstance(counties, list):
        raise _problem(path, code, "缺少 counties 列表", "the city has no counties list")
    for county_entry in counties:
        county_code, county_name = _division(path, county_entry, "县级区划", "county")
        if county_code[:4] != code[:4] or county_code == code:
            raise _problem(
                path,
                county_code,
                f"县级代码的前四位应与所属市(州) {code} 相同",
                f"a county code must start with the first four digits of its city {code}",
            )
        result.append(Jurisdiction(county_code, county_name, JurisdictionLevel.COUNTY, code))
    return result
