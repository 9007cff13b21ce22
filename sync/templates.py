"""Checklist templates: the versioned data files that say what a daily or weekly record asks.

One JSON file per template id and version lives in ``resources/templates/``, named
``<family>-<cadence>.v<version>.json`` (the format is described in the templates brief and
shown by the shipped files). Several versions of one template may ship side by side: new
records use the highest version, and a record keeps the (id, version) it was filled against
and is always shown and completed against that version, so an older draft stays usable after
a newer template arrives.

Validation is strict because a template is safety content: a typo such as ``"major_hazzard"``
would silently drop a stop-use prompt, so unknown keys are refused, not ignored. A refused
file never stops the app: ``TemplateLibrary.load`` keeps the good files and collects one
``TemplateError`` per bad file. Everything here is Qt-free, reads files only and is safe to
call from any thread; the objects it returns are immutable.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from sync.errors import TemplateError
from sync.paths import resource_path
from sync.records import EquipmentFamily

logger = logging.getLogger(__name__)

FAMILIES = tuple(family.value for family in EquipmentFamily)
CADENCES = ("daily", "weekly")

# The five categories of the risk control list, always in this order (人员 设备 安全装置 环境 管理).
CATEGORY_IDS = ("personnel", "equipment", "safety_devices", "environment", "management")
MIN_ITEMS = {"daily": 18, "weekly": 12}

_TEMPLATE_ID = re.compile(r"[a-z][a-z0-9_-]*")
_ITEM_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_TEMPLATE_KEYS = ("id", "version", "family", "cadence", "title", "categories", "items")
_CATEGORY_KEYS = ("id", "zh_CN", "en")
_ITEM_KEYS = ("id", "category", "text")
_ITEM_OPTIONAL_KEYS = ("major_hazard", "measurement")
_MEASUREMENT_KEYS = ("label", "unit", "min", "max")
_TEXT_KEYS = ("zh_CN", "en")


def _is_english(language: str) -> bool:
    """Chinese is the default; any English locale code (``en``, ``en_US``) picks English."""
    return language.lower().startswith("en")


@dataclass(frozen=True)
class MeasurementSpec:
    """A value measured for an item (wind speed, pressure...) and its allowed range."""

    label_zh: str
    label_en: str
    unit: str
    minimum: float
    maximum: float

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies in the allowed range, both ends included (NaN never does)."""
        return self.minimum <= value <= self.maximum

    def label(self, language: str = "zh_CN") -> str:
        return self.label_en if _is_english(language) else self.label_zh


@dataclass(frozen=True)
class Category:
    id: str
    label_zh: str
    label_en: str

    def label(self, language: str = "zh_CN") -> str:
        return self.label_en if _is_english(language) else self.label_zh


@dataclass(frozen=True)
class TemplateItem:
    """One check item. Its id never changes across versions, even when its wording does."""

    id: str
    category: str
    text_zh: str
    text_en: str
    major_hazard: bool
    measurement: MeasurementSpec | None

    def text(self, language: str = "zh_CN") -> str:
        return self.text_en if _is_english(language) else self.text_zh


@dataclass(frozen=True)
class ChecklistTemplate:
    """One version of one template; items are in the order the checklist shows them."""

    id: str
    version: int
    family: str
    cadence: str
    title_zh: str
    title_en: str
    categories: tuple[Category, ...]
    items: tuple[TemplateItem, ...]
    source_file: Path

    def title(self, language: str = "zh_CN") -> str:
        return self.title_en if _is_english(language) else self.title_zh

    def item(self, item_id: str) -> TemplateItem:
        """The item with this id; raises TemplateError if this version has no such item."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise TemplateError(
            self.source_file.name,
            item_id,
            "此版本的模板没有这个检查项",
            "this version of the template has no such item",
        )

    def has_item(self, item_id: str) -> bool:
        return any(item.id == item_id for item in self.items)

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise TemplateError(
            self.source_file.name,
            None,
            f"没有类别 {category_id!r}",
            f"there is no category {category_id!r}",
        )

    def items_in(self, category_id: str) -> tuple[TemplateItem, ...]:
        return tuple(item for item in self.items if item.category == category_id)

    @property
    def items_as_shown(self) -> tuple[TemplateItem, ...]:
        """The items grouped by category, as the form lists and numbers them (item 1 first)."""
        return tuple(item for category in self.categories for item in self.items_in(category.id))


class TemplateLibrary:
    """Every template version that loaded, plus one error per refused file.

    Built once at start (``load`` or ``default_library``) and then only read, so one library
    may be shared between threads.
    """

    def __init__(
        self,
        templates: Iterable[ChecklistTemplate] = (),
        errors: Iterable[TemplateError] = (),
    ) -> None:
        self._templates = {(template.id, template.version): template for template in templates}
        self._errors = list(errors)

    @classmethod
    def load(cls, folder: Path) -> TemplateLibrary:
        """Read every ``*.json`` file in ``folder``; never raises for a bad or missing file.

        Each refused file becomes one ``TemplateError`` in ``.errors`` and one error-level log
        line; the good files load regardless.
        """
        folder = Path(folder)
        if not folder.is_dir():
            error = TemplateError(
                str(folder), None, "模板文件夹不存在", "the template folder does not exist"
            )
            logger.error("%s", error.message_en)
            return cls((), [error])

        templates: list[ChecklistTemplate] = []
        errors: list[TemplateError] = []
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        for path in paths:
            try:
                templates.append(load_template(path))
            except TemplateError as error:
                logger.error("refused checklist template: %s", error.message_en)
                errors.append(error)
            except Exception as exc:
                # A gap in the validator must not stop the app from starting: refuse the file
                # and keep the traceback in the log for whoever fixes the validator.
                logger.exception("unexpected failure reading checklist template %s", path.name)
                errors.append(
                    TemplateError(
                        path.name,
                        None,
                        f"读取时出现意外错误：{exc!r}",
                        f"unexpected failure while reading: {exc!r}",
                    )
                )

        logger.info(
            "loaded %d checklist templates from %s, refused %d files",
            len(templates),
            folder,
            len(errors),
        )
        return cls(templates, errors)

    @property
    def errors(self) -> list[TemplateError]:
        return list(self._errors)

    def all(self) -> list[ChecklistTemplate]:
        return [self._templates[key] for key in sorted(self._templates)]

    def versions(self, template_id: str) -> list[int]:
        return sorted(version for tid, version in self._templates if tid == template_id)

    def latest(self, family: str, cadence: str) -> ChecklistTemplate:
        """The highest loaded version for new records; raises TemplateError if none loaded."""
        template_id = f"{family}-{cadence}"
        versions = self.versions(template_id)
        if not versions:
            zh, en = self._why_missing(template_id, None)
            raise TemplateError(f"{template_id}.v*.json", None, zh, en)
        return self._templates[(template_id, versions[-1])]

    def get(self, template_id: str, version: int) -> ChecklistTemplate:
        """The exact version a record was filled against; raises TemplateError if not loaded."""
        template = self._templates.get((template_id, version))
        if template is None:
            zh, en = self._why_missing(template_id, version)
            raise TemplateError(f"{template_id}.v{version}.json", None, zh, en)
        return template

    def _why_missing(self, template_id: str, version: int | None) -> tuple[str, str]:
        prefix = f"{template_id}.v" if version is None else f"{template_id}.v{version}.json"
        refused = [error for error in self._errors if error.file_name.startswith(prefix)]
        if refused:
            return (
                "模板文件未通过检查，未加载：" + "；".join(e.message for e in refused),
                "the template file was refused: " + "; ".join(e.message_en for e in refused),
            )
        return "没有这个模板或版本", "no such template or version is installed"


def default_library() -> TemplateLibrary:
    """The templates shipped in ``resources/templates`` (from source or the installed bundle)."""
    return TemplateLibrary.load(resource_path("templates"))


def load_template(path: Path) -> ChecklistTemplate:
    """Read and validate one template file; raises TemplateError naming file, item and problem."""
    data = _read_json(path)
    return _TemplateReader(path).template(data)


# Reading JSON ------------------------------------------------------------------------------


class _JsonProblem(ValueError):
    def __init__(self, item_id: str | None, zh: str, en: str) -> None:
        super().__init__(en)
        self.item_id = item_id
        self.zh = zh
        self.en = en


def _object_without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys; in a template that hides an edit."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            owner = dict(pairs).get("id")
            item_id = owner if isinstance(owner, str) else None
            raise _JsonProblem(item_id, f"键 {key!r} 出现了两次", f"key {key!r} appears twice")
        result[key] = value
    return result


def _refuse_constant(name: str) -> NoReturn:
    raise _JsonProblem(
        None, f"{name} 不是模板可用的数值", f"{name} is not a number a template may use"
    )


def _read_json(path: Path) -> Any:
    # utf-8-sig: Windows Notepad saves a byte-order mark, which is harmless here.
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(
            path.name, None, "文件不是 UTF-8 编码", "the file is not UTF-8 text"
        ) from None
    except OSError as exc:
        raise TemplateError(
            path.name,
            None,
            f"文件无法读取：{exc.strerror}",
            f"cannot read the file: {exc.strerror}",
        ) from exc

    try:
        return json.loads(
            text,
            object_pairs_hook=_object_without_duplicate_keys,
            parse_constant=_refuse_constant,
        )
    except json.JSONDecodeError as exc:
        raise TemplateError(
            path.name,
            None,
            f"JSON 语法错误，第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}",
            f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}",
        ) from exc
    except _JsonProblem as problem:
        raise TemplateError(path.name, problem.item_id, problem.zh, problem.en) from problem


# Validating --------------------------------------------------------------------------------


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(repr(name) for name in names)


def _is_number(value: Any) -> bool:
    # bool is an int in Python, but `"min": true` is a mistake, not the number 1.
    is_numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return is_numeric and math.isfinite(value)


class _TemplateReader:
    """Turns one parsed file into a ChecklistTemplate, or raises at the first problem."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file_name = path.name

    def refuse(self, item_id: str | None, zh: str, en: str) -> NoReturn:
        raise TemplateError(self.file_name, item_id, zh, en)

    def check_keys(
        self,
        obj: dict[str, Any],
        required: tuple[str, ...],
        optional: tuple[str, ...],
        where_zh: str,
        where_en: str,
        item_id: str | None = None,
    ) -> None:
        unknown = [key for key in obj if key not in required and key not in optional]
        if unknown:
            allowed = _quoted(required + optional)
            self.refuse(
                item_id,
                f"{where_zh}有未知的键 {_quoted(unknown)}（允许的键：{allowed}）",
                f"unknown key {_quoted(unknown)} in {where_en} (allowed: {allowed})",
            )
        missing = [key for key in required if key not in obj]
        if missing:
            self.refuse(
                item_id,
                f"{where_zh}缺少键 {_quoted(missing)}",
                f"{where_en} is missing the key {_quoted(missing)}",
            )

    def text_pair(
        self, value: Any, where_zh: str, where_en: str, item_id: str | None = None
    ) -> tuple[str, str]:
        """A {zh_CN, en} object with both texts present and non-empty, and nothing else."""
        if not isinstance(value, dict):
            self.refuse(
                item_id,
                f"{where_zh}应为含 zh_CN 和 en 的对象",
                f"{where_en} must be an object with zh_CN and en",
            )
        self.check_keys(value, (), _TEXT_KEYS, where_zh, where_en, item_id)
        return self.translations(value, where_zh, where_en, item_id)

    def translations(
        self, value: dict[str, Any], where_zh: str, where_en: str, item_id: str | None = None
    ) -> tuple[str, str]:
        for language, name_zh, name_en in (("zh_CN", "中文", "Chinese"), ("en", "英文", "English")):
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                self.refuse(
                    item_id,
                    f"{where_zh}缺少{name_zh}（{language}）文字",
                    f"{where_en} has no {name_en} ({language}) translation",
                )
        return value["zh_CN"].strip(), value["en"].strip()

    def template(self, data: Any) -> ChecklistTemplate:
        if not isinstance(data, dict):
            self.refuse(
                None,
                "文件应包含一个 JSON 对象",
                f"the file must hold one JSON object, not a {type(data).__name__}",
            )
        self.check_keys(data, _TEMPLATE_KEYS, (), "顶层", "the top level")

        template_id = data["id"]
        if not isinstance(template_id, str) or not _TEMPLATE_ID.fullmatch(template_id):
            self.refuse(
                None,
                f"id {template_id!r} 应为小写字母开头的文字，如 'ropeway-daily'",
                f"id {template_id!r} must be text like 'ropeway-daily' "
                "(lower-case letters, digits, '-' or '_')",
            )
        version = data["version"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.refuse(
                None,
                f"version {version!r} 应为不小于 1 的整数",
                f"version {version!r} must be a whole number of at least 1",
            )
        family = data["family"]
        if family not in FAMILIES:
            self.refuse(
                None,
                f"未知的设备类别 family {family!r}（可用：{_quoted(FAMILIES)}）",
                f"unknown family {family!r} (known: {_quoted(FAMILIES)})",
            )
        cadence = data["cadence"]
        if cadence not in CADENCES:
            self.refuse(
                None,
                f"未知的周期 cadence {cadence!r}（可用：{_quoted(CADENCES)}）",
                f"unknown cadence {cadence!r} (known: {_quoted(CADENCES)})",
            )

        expected_id = f"{family}-{cadence}"
        if template_id != expected_id:
            self.refuse(
                None,
                f"id {template_id!r} 与 family、cadence 不符，应为 {expected_id!r}",
                f"id {template_id!r} does not match family and cadence; expected {expected_id!r}",
            )
        expected_name = f"{template_id}.v{version}.json"
        if self.file_name != expected_name:
            self.refuse(
                None,
                f"文件名与 id、version 不符，应为 {expected_name!r}",
                f"the file name does not match id and version; expected {expected_name!r}",
            )

        title_zh, title_en = self.text_pair(data["title"], "title ", "title")
        categories = self.categories(data["categories"])
        items = self.items(data["items"], {category.id for category in categories}, cadence)
        return ChecklistTemplate(
            id=template_id,
            version=version,
            family=family,
            cadence=cadence,
            title_zh=title_zh,
            title_en=title_en,
            categories=categories,
            items=items,
            source_file=self.path,
        )

    def categories(self, value: Any) -> tuple[Category, ...]:
        if not isinstance(value, list) or not value:
            self.refuse(
                None,
                "categories 应为非空列表",
                "categories must be a non-empty list",
            )

        categories: list[Category] = []
        for number, entry in enumerate(value, start=1):
            where_zh, where_en = f"第 {number} 个类别", f"category #{number}"
            if not isinstance(entry, dict):
                self.refuse(None, f"{where_zh}应为对象", f"{where_en} must be an object")
            self.check_keys(entry, _CATEGORY_KEYS, (), where_zh, where_en)
            category_id = entry["id"]
            if category_id not in CATEGORY_IDS:
                self.refuse(
                    None,
                    f"未知的类别 {category_id!r}（可用：{_quoted(CATEGORY_IDS)}）",
                    f"unknown category {category_id!r} (known: {_quoted(CATEGORY_IDS)})",
                )
            if any(category.id == category_id for category in categories):
                self.refuse(
                    None,
                    f"类别 {category_id!r} 重复",
                    f"category {category_id!r} is listed twice",
                )
            label_zh, label_en = self.translations(
                entry, f"类别 {category_id} ", f"category {category_id!r}"
            )
            categories.append(Category(category_id, label_zh, label_en))

        # The desktop groups items by these five in this order; a file that reorders or drops
        # one would show a different checklist from every other template.
        found = tuple(category.id for category in categories)
        if found != CATEGORY_IDS:
            self.refuse(
                None,
                f"categories 应依次为 {_quoted(CATEGORY_IDS)}，实际为 {_quoted(found)}",
                f"categories must be {_quoted(CATEGORY_IDS)} in this order, found {_quoted(found)}",
            )
        return tuple(categories)

    def items(self, value: Any, category_ids: set[str], cadence: str) -> tuple[TemplateItem, ...]:
        if not isinstance(value, list) or not value:
            self.refuse(None, "items 应为非空列表", "items must be a non-empty list")

        items: list[TemplateItem] = []
        first_seen: dict[str, int] = {}
        for number, entry in enumerate(value, start=1):
            item = self.item(entry, number, category_ids)
            if item.id in first_seen:
                self.refuse(
                    item.id,
                    f"检查项 id 重复（第 {first_seen[item.id]} 项已使用）",
                    f"duplicate item id (already used by item #{first_seen[item.id]})",
                )
            first_seen[item.id] = number
            items.append(item)

        needed = MIN_ITEMS[cadence]
        if len(items) < needed:
            self.refuse(
                None,
                f"{cadence} 模板至少需要 {needed} 个检查项，此文件只有 {len(items)} 个",
                f"a {cadence} template needs at least {needed} items, this one has {len(items)}",
            )
        if cadence == "daily":
            used = {item.category for item in items}
            unused = [category for category in CATEGORY_IDS if category not in used]
            if unused:
                self.refuse(
                    None,
                    f"每日模板须用到全部五个类别，{_quoted(unused)} 没有检查项",
                    f"a daily template must use all five categories; "
                    f"no item is in {_quoted(unused)}",
                )
        return tuple(items)

    def item(self, entry: Any, number: int, category_ids: set[str]) -> TemplateItem:
        if not isinstance(entry, dict):
            self.refuse(f"#{number}", "检查项应为对象", "the item must be an object")

        # Name the item by its id where it has a usable one, else by its position.
        raw_id = entry.get("id")
        ref = raw_id if isinstance(raw_id, str) and raw_id else f"#{number}"
        self.check_keys(entry, _ITEM_KEYS, _ITEM_OPTIONAL_KEYS, "检查项", "the item", ref)
        if not isinstance(raw_id, str) or not _ITEM_ID.fullmatch(raw_id):
            self.refuse(
                ref,
                f"检查项 id {raw_id!r} 只能含小写字母、数字和 '-'，如 'rw-d-01'",
                f"item id {raw_id!r} may hold only lower-case letters, digits and '-', "
                "like 'rw-d-01'",
            )

        category = entry["category"]
        if not isinstance(category, str) or category not in category_ids:
            self.refuse(
                ref,
                f"未知的类别 {category!r}（本文件的类别：{_quoted(sorted(category_ids))}）",
                f"unknown category {category!r} "
                f"(this file's categories: {_quoted(sorted(category_ids))})",
            )
        text_zh, text_en = self.text_pair(entry["text"], "text ", "text", ref)

        major_hazard = entry.get("major_hazard", False)
        if not isinstance(major_hazard, bool):
            self.refuse(
                ref,
                f"major_hazard 应为 true 或 false，而不是 {major_hazard!r}",
                f"major_hazard must be true or false, not {major_hazard!r}",
            )

        measurement = None
        if "measurement" in entry:
            measurement = self.measurement(entry["measurement"], ref)
        return TemplateItem(raw_id, category, text_zh, text_en, major_hazard, measurement)

    def measurement(self, value: Any, ref: str) -> MeasurementSpec:
        if not isinstance(value, dict):
            self.refuse(ref, "measurement 应为对象", "measurement must be an object")
        self.check_keys(value, _MEASUREMENT_KEYS, (), "measurement ", "the measurement", ref)
        label_zh, label_en = self.text_pair(
            value["label"], "measurement.label ", "measurement label", ref
        )

        unit = value["unit"]
        if not isinstance(unit, str) or not unit.strip():
            self.refuse(
                ref,
                "measurement 的单位 unit 应为非空文字",
                "the measurement unit must be non-empty text",
            )
        for key in ("min", "max"):
            if not _is_number(value[key]):
                self.refuse(
                    ref,
                    f"measurement 的 {key} 应为数字，而不是 {value[key]!r}",
                    f"measurement {key} must be a number, not {value[key]!r}",
                )
        minimum, maximum = value["min"], value["max"]
        if minimum > maximum:
            self.refuse(
                ref,
                f"measurement 的 min {minimum} 大于 max {maximum}",
                f"measurement min {minimum} is greater than max {maximum}",
            )
        return MeasurementSpec(label_zh, label_en, unit.strip(), float(minimum), float(maximum))
