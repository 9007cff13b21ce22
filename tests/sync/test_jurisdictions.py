"""Sichuan's division table: the shipped data, chains, containment and refused files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sync.errors import RecordNotFound, ValidationError
from sync.jurisdictions import (
    DIVISIONS_FILE,
    JurisdictionLevel,
    JurisdictionTable,
    contains,
    default_table,
    jurisdiction_chain,
)
from sync.paths import resource_path

SHIPPED = resource_path(*DIVISIONS_FILE)


def _shipped_data() -> dict[str, Any]:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "divisions.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_shipped_table_has_sichuan_and_its_21_cities() -> None:
    table = default_table()

    cities = table.cities()
    assert (table.province.code, table.province.name) == ("510000", "四川省")
    assert len(cities) == 21
    assert {c.code for c in cities} >= {"510100", "511100", "513200", "513300", "513400"}
    assert all(c.parent_code == "510000" and c.plate.startswith("川") for c in cities)
    assert len({c.plate for c in cities}) == 21


def test_shipped_county_count_matches_the_2021_figure() -> None:
    table = default_table()

    counties = [d for c in table.cities() for d in table.counties_of(c.code)]
    assert len(counties) == 183
    assert sum(d.name.endswith("区") for d in counties) == 55
    assert sum(d.name.endswith("自治县") for d in counties) == 4
    assert sum(d.name.endswith("市") for d in counties) == 19


def test_leshan_and_mianyang_counties_are_as_gb_t_2260() -> None:
    table = default_table()

    leshan = {d.code: d.name for d in table.counties_of("511100")}
    mianyang = {d.code: d.name for d in table.counties_of("510700")}
    assert leshan == {
        "511102": "市中区",
        "511111": "沙湾区",
        "511112": "五通桥区",
        "511113": "金口河区",
        "511123": "犍为县",
        "511124": "井研县",
        "511126": "夹江县",
        "511129": "沐川县",
        "511132": "峨边彝族自治县",
        "511133": "马边彝族自治县",
        "511181": "峨眉山市",
    }
    assert mianyang["510726"] == "北川羌族自治县"
    assert mianyang["510781"] == "江油市"
    assert len(mianyang) == 9


def test_emeishan_chain_is_province_city_county() -> None:
    chain = jurisdiction_chain("511181")

    assert [d.name for d in chain] == ["四川省", "乐山市", "峨眉山市"]
    assert [d.level for d in chain] == [
        JurisdictionLevel.PROVINCE,
        JurisdictionLevel.CITY,
        JurisdictionLevel.COUNTY,
    ]
    assert chain[1].plate == "川L"
    assert [d.code for d in jurisdiction_chain("511100")] == ["510000", "511100"]


def test_contains_follows_the_chain() -> None:
    assert contains("510000", "511181")
    assert contains("511100", "511181")
    assert contains("511181", "511181")
    assert not contains("510700", "511181")
    assert not contains("511181", "511100")
    assert not contains("511102", "511002")  # two 市中区: 乐山 and 内江


def test_unknown_code_is_refused_not_guessed() -> None:
    with pytest.raises(RecordNotFound):
        jurisdiction_chain("511199")
    with pytest.raises(RecordNotFound):
        contains("519900", "511181")


def test_county_under_the_wrong_city_is_refused(tmp_path: Path) -> None:
    data = _shipped_data()
    leshan = next(c for c in data["province"]["cities"] if c["code"] == "511100")
    leshan["counties"].append({"code": "510781", "name": "江油市"})

    with pytest.raises(ValidationError) as refused:
        JurisdictionTable.load(_write(tmp_path, data))

    assert "code 510781" in refused.value.message_en
    assert "first four digits of its city 511100" in refused.value.message_en


def test_duplicate_code_is_refused(tmp_path: Path) -> None:
    data = _shipped_data()
    leshan = next(c for c in data["province"]["cities"] if c["code"] == "511100")
    leshan["counties"].append({"code": "511181", "name": "峨眉山市"})

    with pytest.raises(ValidationError) as refused:
        JurisdictionTable.load(_write(tmp_path, data))

    assert refused.value.message_en == (
        "Division table divisions.json, code 511181: the code appears twice"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda city: city.update(code="51110"), "six digits"),
        (lambda city: city.update(code="521100"), "must start with 51 and end in 00"),
        (lambda city: city.update(name=""), "has no name"),
        (lambda city: city.update(plate="L"), "must look like 川A"),
        (lambda city: city.pop("counties"), "has no counties list"),
    ],
)
def test_malformed_city_is_refused(tmp_path: Path, change: Any, expected: str) -> None:
    data = _shipped_data()
    change(next(c for c in data["province"]["cities"] if c["code"] == "511100"))

    with pytest.raises(ValidationError) as refused:
        JurisdictionTable.load(_write(tmp_path, data))

    assert expected in refused.value.message_en
    assert "divisions.json" in refused.value.message


def test_broken_json_is_a_validation_error(tmp_path: Path) -> None:
    path = tmp_path / "divisions.json"
    path.write_text('{"province": ', encoding="utf-8")

    with pytest.raises(ValidationError, match="divisions.json"):
        JurisdictionTable.load(path)
