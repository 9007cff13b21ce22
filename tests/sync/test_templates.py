"""Checklist templates: the shipped files, versioning, and every kind of malformed file."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.errors import TemplateError
from sync.paths import resource_path
from sync.templates import CATEGORY_IDS, TemplateLibrary, default_library, load_template

SHIPPED = resource_path("templates")
ROPEWAY_DAILY = "ropeway-daily.v1.json"
GOOD_NEIGHBOURS = ("elevator-daily.v1.json", "escalator-weekly.v1.json")

EXPECTED_COUNTS = {
    ("ropeway", "daily"): 24,
    ("ropeway", "weekly"): 18,
    ("amusement_ride", "daily"): 24,
    ("amusement_ride", "weekly"): 15,
    ("elevator", "daily"): 20,
    ("elevator", "weekly"): 15,
}
ITEM_PREFIX = {"ropeway": "rw", "amusement_ride": "ar", "elevator": "el", "escalator": "es"}


@pytest.fixture(scope="module")
def shipped() -> TemplateLibrary:
    return default_library()


# The shipped templates -------------------------------------------------------------------


def test_every_shipped_template_loads(shipped: TemplateLibrary) -> None:
    loaded = {(t.id, t.version) for t in shipped.all()}

    assert shipped.errors == []
    assert len(list(SHIPPED.glob("*.json"))) == 9
    assert loaded == {
        (f"{family}-{cadence}", 1) for family in ITEM_PREFIX for cadence in ("daily", "weekly")
    } | {("ropeway-daily", 2)}


@pytest.mark.parametrize(("family", "cadence"), sorted(EXPECTED_COUNTS))
def test_shipped_v1_templates_have_the_domain_item_counts(
    shipped: TemplateLibrary, family: str, cadence: str
) -> None:
    template = shipped.get(f"{family}-{cadence}", 1)

    assert len(template.items) == EXPECTED_COUNTS[(family, cadence)]


def test_escalator_templates_are_full_lists(shipped: TemplateLibrary) -> None:
    daily = shipped.latest("escalator", "daily")
    weekly = shipped.latest("escalator", "weekly")

    assert len(daily.items) >= 18
    assert len(weekly.items) >= 12
    texts = " ".join(item.text_zh for item in daily.items)
    for must in ("急停", "扶手带", "梳齿板", "毛刷", "挡板", "间隙", "出入口", "警示", "15日"):
        assert must in texts, must


@pytest.mark.parametrize("template_id", ["ropeway-daily", "amusement_ride-daily"])
def test_daily_templates_use_all_five_categories_in_order(
    shipped: TemplateLibrary, template_id: str
) -> None:
    for version in shipped.versions(template_id):
        template = shipped.get(template_id, version)

        assert tuple(c.id for c in template.categories) == CATEGORY_IDS
        assert {item.category for item in template.items} == set(CATEGORY_IDS)
        for category_id in CATEGORY_IDS:
            assert template.items_in(category_id)


def test_every_shipped_item_is_bilingual_with_a_family_prefixed_id(
    shipped: TemplateLibrary,
) -> None:
    for template in shipped.all():
        prefix = f"{ITEM_PREFIX[template.family]}-{template.cadence[0]}-"
        if template.cadence == "daily":
            assert {item.category for item in template.items} == set(CATEGORY_IDS)

        for item in template.items:
            assert item.id.startswith(prefix), (template.id, item.id)
            assert item.text("zh_CN") == item.text_zh
            assert item.text("en") == item.text_en
            assert item.text_en.isascii(), item.id
            assert not item.text_zh.isascii(), item.id


def test_major_hazard_items_match_the_domain_tags(shipped: TemplateLibrary) -> None:
    ropeway = shipped.get("ropeway-daily", 1)
    ride = shipped.get("amusement_ride-daily", 1)
    elevator = shipped.get("elevator-daily", 1)

    mh = {t.id: {i.id for i in t.items if i.major_hazard} for t in (ropeway, ride, elevator)}
    assert mh["ropeway-daily"] == {"rw-d-04", "rw-d-06", "rw-d-11", "rw-d-14", "rw-d-15"}
    assert mh["amusement_ride-daily"] == {
        "ar-d-05",
        "ar-d-08",
        "ar-d-10",
        "ar-d-11",
        "ar-d-12",
        "ar-d-16",
    }
    assert mh["elevator-daily"] == {"el-d-04", "el-d-15"}
    assert shipped.latest("escalator", "daily").item("es-d-02").major_hazard


def test_measurement_ranges_parse(shipped: TemplateLibrary) -> None:
    wind = shipped.get("ropeway-daily", 1).item("rw-d-03").measurement
    levelling = shipped.latest("elevator", "daily").item("el-d-06").measurement
    voltage = shipped.latest("amusement_ride", "daily").item("ar-d-18").measurement

    assert (wind.unit, wind.minimum, wind.maximum) == ("m/s", 0.0, 15.0)
    assert wind.label("zh_CN") == "风速" and wind.label("en") == "Wind speed"
    assert wind.contains(0) and wind.contains(15) and wind.contains(7.5)
    assert not wind.contains(15.1) and not wind.contains(float("nan"))
    assert (levelling.unit, levelling.minimum, levelling.maximum) == ("mm", -10.0, 10.0)
    assert levelling.contains(-10) and not levelling.contains(-11)
    assert (voltage.minimum, voltage.maximum) == (353.4, 406.6)
    assert shipped.latest("ropeway", "daily").item("rw-d-01").measurement is None


# Versions ---------------------------------------------------------------------------------


def test_latest_is_v2_while_v1_stays_whole(shipped: TemplateLibrary) -> None:
    latest = shipped.latest("ropeway", "daily")
    v1 = shipped.get("ropeway-daily", 1)

    assert latest.version == 2
    assert shipped.versions("ropeway-daily") == [1, 2]
    assert v1.version == 1 and len(v1.items) == 24
    assert not v1.has_item("rw-d-25")
    assert v1.item("rw-d-18").text_zh == "空载试运行全线至少一圈，运行正常"
    assert latest.item("rw-d-18").text_zh != v1.item("rw-d-18").text_zh


def test_v2_keeps_every_v1_item_id_and_adds_one(shipped: TemplateLibrary) -> None:
    v1 = shipped.get("ropeway-daily", 1)
    v2 = shipped.get("ropeway-daily", 2)

    v1_ids = {item.id for item in v1.items}
    v2_ids = {item.id for item in v2.items}
    assert v2_ids - v1_ids == {"rw-d-25"}
    assert v1_ids <= v2_ids
    temperature = v2.item("rw-d-25").measurement
    assert temperature.unit == "°C" and temperature.contains(-25) and not temperature.contains(41)


def test_unknown_template_or_version_raises_named_error(shipped: TemplateLibrary) -> None:
    with pytest.raises(TemplateError) as missing_version:
        shipped.get("ropeway-daily", 9)
    with pytest.raises(TemplateError) as missing_family:
        shipped.latest("crane", "daily")
    with pytest.raises(TemplateError) as missing_item:
        shipped.get("ropeway-daily", 1).item("rw-d-25")

    assert missing_version.value.file_name == "ropeway-daily.v9.json"
    assert "no such template" in missing_version.value.problem_en
    assert missing_family.value.file_name == "crane-daily.v*.json"
    assert missing_item.value.item_id == "rw-d-25"
    assert missing_item.value.file_name == ROPEWAY_DAILY


def test_template_text_follows_language(shipped: TemplateLibrary) -> None:
    template = shipped.get("ropeway-daily", 1)

    assert template.title("zh_CN") == "客运索道每日安全检查记录（日管控）"
    assert template.title("en_US") == "Passenger ropeway daily safety check"
    assert template.category("safety_devices").label("zh_CN") == "安全装置"


# Malformed files --------------------------------------------------------------------------


def _shipped_ropeway_daily() -> dict[str, Any]:
    return json.loads((SHIPPED / ROPEWAY_DAILY).read_text(encoding="utf-8"))


def _folder_with_good_neighbours(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name in GOOD_NEIGHBOURS:
        shutil.copy(SHIPPED / name, folder / name)
    return folder


def _edit(change: Callable[[dict[str, Any]], None]) -> Callable[[], str]:
    def make() -> str:
        data = _shipped_ropeway_daily()
        change(data)
        return json.dumps(data, ensure_ascii=False, indent=2)

    return make


def _edit_text(old: str, new: str) -> Callable[[], str]:
    def make() -> str:
        text = (SHIPPED / ROPEWAY_DAILY).read_text(encoding="utf-8")
        assert old in text
        return text.replace(old, new, 1)

    return make


def _item(data: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(item for item in data["items"] if item["id"] == item_id)


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = _item(target, step) if isinstance(step, str) and "-" in step else target[step]
        target[path[-1]] = value

    return change


def _delete(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = _item(target, step) if isinstance(step, str) and "-" in step else target[step]
        del target[path[-1]]

    return change


def _duplicate_id(data: dict[str, Any]) -> None:
    _item(data, "rw-d-06")["id"] = "rw-d-05"


def _drop_management(data: dict[str, Any]) -> None:
    for item in data["items"]:
        if item["category"] == "management":
            item["category"] = "equipment"


def _keep_ten_items(data: dict[str, Any]) -> None:
    data["items"] = data["items"][:10]


def _swap_categories(data: dict[str, Any]) -> None:
    data["categories"][0], data["categories"][1] = data["categories"][1], data["categories"][0]


# (case, file contents, expected item id, English and Chinese fragments of the problem)
MALFORMED = [
    (
        "json syntax error",
        _edit_text('  "cadence": "daily",\n', '  "cadence": "daily",,\n'),
        None,
        "JSON syntax error at line 5",
        "第 5 行",
    ),
    (
        "not an object",
        lambda: "[]",
        None,
        "must hold one JSON object",
        "JSON 对象",
    ),
    (
        "missing top-level key",
        _edit(_delete(["title"])),
        None,
        "missing the key 'title'",
        "缺少键 'title'",
    ),
    (
        "unknown top-level key",
        _edit(_set(["colour"], "red")),
        None,
        "unknown key 'colour' in the top level",
        "未知的键 'colour'",
    ),
    (
        "version wrong type",
        _edit(_set(["version"], "1")),
        None,
        "version '1' must be a whole number",
        "整数",
    ),
    (
        "items wrong type",
        _edit(_set(["items"], {})),
        None,
        "items must be a non-empty list",
        "非空列表",
    ),
    (
        "title missing English",
        _edit(_delete(["title", "en"])),
        None,
        "title has no English (en) translation",
        "缺少英文",
    ),
    (
        "unknown family",
        _edit(_set(["family"], "crane")),
        None,
        "unknown family 'crane'",
        "未知的设备类别",
    ),
    (
        "unknown cadence",
        _edit(_set(["cadence"], "monthly")),
        None,
        "unknown cadence 'monthly'",
        "未知的周期",
    ),
    (
        "id does not match family and cadence",
        _edit(_set(["family"], "elevator")),
        None,
        "does not match family and cadence; expected 'elevator-daily'",
        "应为 'elevator-daily'",
    ),
    (
        "categories out of order",
        _edit(_swap_categories),
        None,
        "categories must be 'personnel', 'equipment'",
        "categories 应依次为",
    ),
    (
        "unknown category in the category list",
        _edit(_set(["categories", 4, "id"], "money")),
        None,
        "unknown category 'money'",
        "未知的类别 'money'",
    ),
    (
        "duplicate item id",
        _edit(_duplicate_id),
        "rw-d-05",
        "duplicate item id (already used by item #5)",
        "检查项 id 重复",
    ),
    (
        "bad item id",
        _edit(_set(["rw-d-07", "id"], "RW-D-07")),
        "RW-D-07",
        "item id 'RW-D-07' may hold only lower-case letters",
        "小写字母",
    ),
    (
        "item with unknown category",
        _edit(_set(["rw-d-03", "category"], "weather")),
        "rw-d-03",
        "unknown category 'weather'",
        "未知的类别 'weather'",
    ),
    (
        "item missing English text",
        _edit(_delete(["rw-d-09", "text", "en"])),
        "rw-d-09",
        "text has no English (en) translation",
        "缺少英文（en）文字",
    ),
    (
        "item with empty Chinese text",
        _edit(_set(["rw-d-10", "text", "zh_CN"], "  ")),
        "rw-d-10",
        "text has no Chinese (zh_CN) translation",
        "缺少中文（zh_CN）文字",
    ),
    (
        "item missing its text",
        _edit(_delete(["rw-d-11", "text"])),
        "rw-d-11",
        "the item is missing the key 'text'",
        "缺少键 'text'",
    ),
    (
        "misspelt major_hazard",
        _edit_text('"major_hazard": true', '"major_hazzard": true'),
        "rw-d-04",
        "unknown key 'major_hazzard' in the item",
        "未知的键 'major_hazzard'",
    ),
    (
        "major_hazard not a boolean",
        _edit(_set(["rw-d-14", "major_hazard"], "yes")),
        "rw-d-14",
        "major_hazard must be true or false, not 'yes'",
        "true 或 false",
    ),
    (
        "measurement min above max",
        _edit(_set(["rw-d-03", "measurement", "min"], 20)),
        "rw-d-03",
        "measurement min 20 is greater than max 15",
        "min 20 大于 max 15",
    ),
    (
        "measurement not numeric",
        _edit(_set(["rw-d-08", "measurement", "max"], "16")),
        "rw-d-08",
        "measurement max must be a number, not '16'",
        "应为数字",
    ),
    (
        "measurement boolean bound",
        _edit(_set(["rw-d-08", "measurement", "min"], True)),
        "rw-d-08",
        "measurement min must be a number, not True",
        "应为数字",
    ),
    (
        "measurement without unit",
        _edit(_delete(["rw-d-10", "measurement", "unit"])),
        "rw-d-10",
        "the measurement is missing the key 'unit'",
        "缺少键 'unit'",
    ),
    (
        "measurement NaN",
        _edit_text('"max": 15}', '"max": NaN}'),
        None,
        "NaN is not a number a template may use",
        "NaN",
    ),
    (
        "duplicate JSON key",
        _edit_text('"category": "management",', '"category": "management", "category": "x",'),
        "rw-d-01",
        "key 'category' appears twice",
        "出现了两次",
    ),
    (
        "too few items",
        _edit(_keep_ten_items),
        None,
        "a daily template needs at least 18 items, this one has 10",
        "至少需要 18 个检查项",
    ),
    (
        "unused category in a daily template",
        _edit(_drop_management),
        None,
        "a daily template must use all five categories; no item is in 'management'",
        "五个类别",
    ),
]


@pytest.mark.parametrize(
    ("contents", "item_id", "problem_en", "problem_zh"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_malformed_template_is_refused_and_the_others_load(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    contents: Callable[[], str],
    item_id: str | None,
    problem_en: str,
    problem_zh: str,
) -> None:
    folder = _folder_with_good_neighbours(tmp_path)
    (folder / ROPEWAY_DAILY).write_text(contents(), encoding="utf-8")

    with caplog.at_level(logging.ERROR, logger="sync.templates"):
        library = TemplateLibrary.load(folder)

    [error] = library.errors
    assert error.file_name == ROPEWAY_DAILY
    assert error.item_id == item_id
    assert problem_en in error.problem_en
    assert problem_zh in error.problem
    assert ROPEWAY_DAILY in error.message and ROPEWAY_DAILY in error.message_en
    if item_id:
        assert f"item {item_id}:" in error.message_en
        assert f"检查项 {item_id}：" in error.message
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        f"refused checklist template: {error.message_en}"
    ]
    assert [(t.id, t.version) for t in library.all()] == [
        ("elevator-daily", 1),
        ("escalator-weekly", 1),
    ]
    with pytest.raises(TemplateError) as no_ropeway_daily:
        library.latest("ropeway", "daily")
    assert no_ropeway_daily.value.message_en.endswith(
        f"the template file was refused: {error.message_en}"
    )


def test_file_name_must_match_id_and_version(tmp_path: Path) -> None:
    folder = _folder_with_good_neighbours(tmp_path)
    shutil.copy(SHIPPED / ROPEWAY_DAILY, folder / "ropeway-daily.v3.json")

    library = TemplateLibrary.load(folder)

    [error] = library.errors
    assert error.file_name == "ropeway-daily.v3.json"
    assert error.item_id is None
    assert "expected 'ropeway-daily.v1.json'" in error.problem_en
    assert len(library.all()) == 2


def test_file_not_in_utf8_is_refused(tmp_path: Path) -> None:
    folder = _folder_with_good_neighbours(tmp_path)
    text = (SHIPPED / ROPEWAY_DAILY).read_text(encoding="utf-8")
    (folder / ROPEWAY_DAILY).write_bytes(text.encode("gbk"))

    library = TemplateLibrary.load(folder)

    [error] = library.errors
    assert (error.file_name, error.problem_en) == (ROPEWAY_DAILY, "the file is not UTF-8 text")
    assert len(library.all()) == 2


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / ROPEWAY_DAILY
    path.write_bytes(b"\xef\xbb\xbf" + (SHIPPED / ROPEWAY_DAILY).read_bytes())

    template = load_template(path)

    assert (template.id, template.version, len(template.items)) == ("ropeway-daily", 1, 24)


def test_weekly_template_needs_twelve_items(tmp_path: Path) -> None:
    data = json.loads((SHIPPED / "elevator-weekly.v1.json").read_text(encoding="utf-8"))
    data["items"] = data["items"][:11]
    path = tmp_path / "elevator-weekly.v1.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(TemplateError) as refused:
        load_template(path)

    assert "a weekly template needs at least 12 items, this one has 11" in refused.value.problem_en


def test_broken_v2_leaves_v1_as_latest(tmp_path: Path) -> None:
    folder = _folder_with_good_neighbours(tmp_path)
    shutil.copy(SHIPPED / ROPEWAY_DAILY, folder / ROPEWAY_DAILY)
    data = json.loads((SHIPPED / "ropeway-daily.v2.json").read_text(encoding="utf-8"))
    _item(data, "rw-d-25")["measurement"]["min"] = 50
    (folder / "ropeway-daily.v2.json").write_text(json.dumps(data), encoding="utf-8")

    library = TemplateLibrary.load(folder)

    assert [(e.file_name, e.item_id) for e in library.errors] == [
        ("ropeway-daily.v2.json", "rw-d-25")
    ]
    assert library.latest("ropeway", "daily").version == 1
    with pytest.raises(TemplateError) as refused:
        library.get("ropeway-daily", 2)
    assert "min 50 is greater than max 40" in refused.value.message_en


def test_missing_folder_is_an_error_not_an_exception(tmp_path: Path) -> None:
    library = TemplateLibrary.load(tmp_path / "nowhere")

    [error] = library.errors
    assert library.all() == []
    assert error.problem_en == "the template folder does not exist"


def _paths_to_values(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return [path]
    found = [path] if path else []
    for key, child in children:
        found.extend(_paths_to_values(child, (*path, key)))
    return found


_ROPEWAY_PATHS = _paths_to_values(_shipped_ropeway_daily())
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@settings(max_examples=300, deadline=None)
@given(path=st.sampled_from(_ROPEWAY_PATHS), replacement=_JSON_VALUES)
def test_any_replaced_value_loads_or_is_refused_by_name(
    tmp_path_factory: pytest.TempPathFactory, path: tuple[Any, ...], replacement: Any
) -> None:
    data = _shipped_ropeway_daily()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    file = tmp_path_factory.mktemp("fuzz") / ROPEWAY_DAILY
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    try:
        template = load_template(file)
    except TemplateError as error:
        assert error.file_name == ROPEWAY_DAILY and error.problem_en
    else:
        assert template.id == "ropeway-daily" and len(template.items) >= 18
