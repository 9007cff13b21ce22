"""The administrator's registry: the division tree, units, and equipment imported from a CSV.

Everything here is called by ``safedesk-server admin`` (:mod:`sync.server.admin`). Units and
equipment are ordinary synced records: they are written with versions and change seqs handed
out by :func:`sync.server.push.allocate_change_seqs`, so devices pull them like any change.

The division tree in the database is the shipped Sichuan table (:mod:`sync.jurisdictions`)
copied by ``load-jurisdictions``; the admin commands check unit and supervisor codes against it.
Who sees what is decided from the shipped table itself (:mod:`sync.server.scope`), which is the
same data: the database copy exists so an administrator can see what the server was given.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from sync.errors import ValidationError
from sync.jurisdictions import JurisdictionLevel, JurisdictionTable, default_table
from sync.protocol import FieldProblem, validate_fields
from sync.records import EQUIPMENT_KIND_LABELS, RecordType
from sync.server.db import Base, Record
from sync.server.push import allocate_change_seqs

logger = logging.getLogger(__name__)

EQUIPMENT_CODE = re.compile(r"[0-9A-Z]{18}")
CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# The CSV's columns: the Chinese header a person types, or the protocol's field name.
CSV_COLUMNS = {
    "equipment_code": ("设备代码",),
    "registration_no": ("使用登记证编号",),
    "kind_code": ("设备品种代码", "品种代码"),
    "name": ("设备名称", "名称"),
    "location": ("使用地点", "位置"),
    "next_inspection_date": ("下次检验日期",),
}
MAX_PROBLEMS_SHOWN = 50


class Division(Base):
    """One division of the loaded tree (province, 市(州) or county)."""

    __tablename__ = "divisions"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(6), default=None)
    plate: Mapped[str | None] = mapped_column(String(4), default=None)


def load_divisions(session: Session, table: JurisdictionTable | None = None) -> tuple[int, int]:
    """Copy the division tree into the database; returns (added, updated). Idempotent."""
    table = table or default_table()
    divisions = [table.province]
    for city in table.cities():
        divisions.append(city)
        divisions.extend(table.counties_of(city.code))

    added = updated = 0
    for division in divisions:
        values = {
            "name": division.name,
            "level": division.level.value,
            "parent_code": division.parent_code,
            "plate": division.plate,
        }
        row = session.get(Division, division.code)
        if row is None:
            session.add(Division(code=division.code, **values))
            added += 1
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            updated += 1
    logger.info("division tree %s: %d added, %d updated", table.version, added, updated)
    return added, updated


def loaded_division(session: Session, code: str) -> Division:
    """The division ``code`` of the loaded tree; ValidationError if unknown or not loaded."""
    if not session.scalar(select(func.count()).select_from(Division)):
        raise ValidationError(
            "服务器还没有行政区划表，请先运行 safedesk-server admin load-jurisdictions。",
            "The server has no division tree yet; run safedesk-server admin load-jurisdictions.",
        )
    division = session.get(Division, code)
    if division is None:
        raise ValidationError(
            f"行政区划代码 {code} 不在区划表中。", f"Division code {code} is not in the tree."
        )
    return division


def create_unit(
    session: Session, *, name: str, county_code: str, credit_code: str = "", address: str = ""
) -> Record:
    """Add a unit record (the caller commits). The county must be a county of the loaded tree;
    the credit code, when given, 18 characters of 统一社会信用代码. Raises ValidationError."""
    division = loaded_division(session, county_code)
    if division.level != JurisdictionLevel.COUNTY:
        raise ValidationError(
            f"{county_code}（{division.name}）不是县级区划；单位应登记在县、区或县级市。",
            f"{county_code} ({division.name}) is not a county-level division; a unit sits in "
            "a county, a district or a county-level city.",
        )
    if credit_code and not CREDIT_CODE.fullmatch(credit_code):
        raise ValidationError(
            f"统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）：{credit_code}",
            f"A unified social credit code has 18 digits or capitals (no I, O, Z, S, V): "
            f"{credit_code}",
        )
    fields = {
        "name": name.strip(),
        "county_code": county_code,
        "credit_code": credit_code,
        "address": address.strip(),
    }
    try:
        fields = validate_fields(RecordType.UNIT, fields, creating=True)
    except FieldProblem as problem:
        raise ValidationError(problem.reason_zh, problem.reason_en) from None

    unit_id = str(uuid.uuid4())
    unit = Record(
        id=unit_id, record_type=RecordType.UNIT.value, unit_id=unit_id, version=1, fields=fields
    )
    session.add(unit)
    session.flush()
    allocate_change_seqs(session, [unit])
    logger.info("created unit %s (%s) in %s", unit_id, fields["name"], county_code)
    return unit


def existing_unit(session: Session, unit_id: str) -> Record:
    unit = session.get(Record, unit_id)
    if unit is None or unit.record_type != RecordType.UNIT.value or unit.deleted:
        raise ValidationError(f"没有这个单位：{unit_id}", f"There is no unit {unit_id}.")
    return unit


# Equipment import -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """What is wrong with one line of an import file (line 1 is the header)."""

    line: int
    message_zh: str
    message_en: str


class ImportRefused(ValidationError):
    """The file was refused as a whole; ``problems`` names every bad line. Nothing was stored."""

    def __init__(self, file_name: str, problems: list[RowProblem]) -> None:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines_zh = [f"第 {p.line} 行：{p.message_zh}" for p in shown]
        lines_en = [f"line {p.line}: {p.message_en}" for p in shown]
        if more:
            lines_zh.append(f"……另有 {more} 处问题")
            lines_en.append(f"... and {more} more problems")
        super().__init__(
            f"{file_name} 未导入（一条也没有导入）：\n" + "\n".join(lines_zh),
            f"{file_name} was not imported (nothing of it was):\n" + "\n".join(lines_en),
        )
        self.problems = problems


def _column_names() -> dict[str, str]:
    names = {key: key for key in CSV_COLUMNS}
    for key, aliases in CSV_COLUMNS.items():
        names.update({alias: key for alias in aliases})
    return names


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The data rows of the file as (line number, column → text); raises ImportRefused for an
    unreadable file or header. UTF-8 with or without a BOM."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ImportRefused(path.name, [RowProblem(0, f"无法读取：{error}", str(error))]) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ImportRefused(
            path.name, [RowProblem(line, "不是 UTF-8 编码的文字。", "The text is not UTF-8.")]
        ) from None

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    names = _column_names()
    keys = [names.get(cell.strip()) for cell in header or []]
    missing = [CSV_COLUMNS[key][0] for key in CSV_COLUMNS if key not in keys]
    if header is None or None in keys or missing or len(set(keys)) != len(keys):
        expected = "，".join(aliases[0] for aliases in CSV_COLUMNS.values())
        raise ImportRefused(
            path.name,
            [
                RowProblem(
                    1,
                    f"表头应为这六列：{expected}",
                    f"The header must name these six columns: {', '.join(CSV_COLUMNS)} "
                    f"(or {expected})",
                )
            ],
        )

    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(keys):
            rows.append((reader.line_num, {"_cells": str(len(cells))}))
            continue
        rows.append((reader.line_num, {key: cell.strip() for key, cell in zip(keys, cells)}))
    return rows


def _row_problems(row: dict[str, str]) -> list[tuple[str, str]]:
    """What is wrong with one row by itself, as (Chinese, English) texts."""
    if "_cells" in row:
        count = len(CSV_COLUMNS)
        return [
            (
                f"应有 {count} 列，实有 {row['_cells']} 列。",
                f"has {row['_cells']} columns, not {count}.",
            )
        ]
    problems = []
    code = row["equipment_code"]
    if not EQUIPMENT_CODE.fullmatch(code):
        problems.append(
            (
                f"设备代码应为 18 位数字或大写字母：{code!r}",
                f"the equipment code must be 18 digits or capitals: {code!r}",
            )
        )
    if row["kind_code"] not in EQUIPMENT_KIND_LABELS:
        problems.append(
            (
                f"未知的设备品种代码：{row['kind_code']!r}",
                f"unknown equipment kind code: {row['kind_code']!r}",
            )
        )
    if not _iso_day(row["next_inspection_date"]):
        problems.append(
            (
                f"下次检验日期应为 YYYY-MM-DD：{row['next_inspection_date']!r}",
                f"the next inspection date must be YYYY-MM-DD: {row['next_inspection_date']!r}",
            )
        )
    if not row["name"]:
        problems.append(("设备名称不能为空。", "the name is empty."))
    return problems


def _iso_day(text: str) -> bool:
    if not ISO_DAY.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _registered_codes(session: Session) -> tuple[set[str], set[str]]:
    """Equipment codes and registration numbers the server already holds (any unit)."""
    codes: set[str] = set()
    registrations: set[str] = set()
    rows = session.scalars(
        select(Record.fields).where(Record.record_type == RecordType.EQUIPMENT.value)
    )
    for fields in rows:
        codes.add(str(fields.get("equipment_code", "")))
        if fields.get("registration_no"):
            registrations.add(str(fields["registration_no"]))
    return codes, registrations


def import_equipment(session: Session, unit_id: str, path: Path) -> list[Record]:
    """Validate every row of ``path``, then add them all as equipment of ``unit_id``.

    All or nothing: any bad row raises ImportRefused naming every bad line, and nothing is
    added. Run it in one writing unit of work (the caller commits); the duplicate checks then
    see what the same transaction is about to commit.
    """
    path = Path(path)
    existing_unit(session, unit_id)
    rows = _read_rows(path)
    if not rows:
        raise ImportRefused(path.name, [RowProblem(2, "没有数据行。", "there are no data rows.")])
    known_codes, known_registrations = _registered_codes(session)

    problems: list[RowProblem] = []
    first_line_of: dict[str, int] = {}
    first_line_of_registration: dict[str, int] = {}
    accepted: list[dict] = []
    for line, row in rows:
        found = _row_problems(row)
        if "_cells" not in row:
            found += _duplicates(row, line, first_line_of, first_line_of_registration)
            found += _already_registered(row, known_codes, known_registrations)
            if not found:
                fields, problem = _equipment_fields(unit_id, row)
                if problem:
                    found.append(problem)
                else:
                    accepted.append(fields)
        problems.extend(RowProblem(line, zh, en) for zh, en in found)
    if problems:
        logger.info("equipment import %s refused: %d problems", path.name, len(problems))
        raise ImportRefused(path.name, problems)

    written = [
        Record(
            id=str(uuid.uuid4()),
            record_type=RecordType.EQUIPMENT.value,
            unit_id=unit_id,
            version=1,
            fields=fields,
        )
        for fields in accepted
    ]
    session.add_all(written)
    session.flush()
    allocate_change_seqs(session, written)
    logger.info("imported %d equipment into unit %s from %s", len(written), unit_id, path.name)
    return written


def _duplicates(
    row: dict[str, str], line: int, first_code: dict[str, int], first_registration: dict[str, int]
) -> list[tuple[str, str]]:
    problems = []
    code, registration = row["equipment_code"], row["registration_no"]
    if code in first_code:
        problems.append(
            (
                f"设备代码 {code} 与第 {first_code[code]} 行重复。",
                f"equipment code {code} repeats line {first_code[code]}.",
            )
        )
    else:
        first_code[code] = line
    if registration and registration in first_registration:
        earlier = first_registration[registration]
        problems.append(
            (
                f"使用登记证编号 {registration} 与第 {earlier} 行重复。",
                f"registration number {registration} repeats line {earlier}.",
            )
        )
    elif registration:
        first_registration[registration] = line
    return problems


def _already_registered(
    row: dict[str, str], codes: set[str], registrations: set[str]
) -> list[tuple[str, str]]:
    problems = []
    if row["equipment_code"] in codes:
        problems.append(
            (
                f"设备代码 {row['equipment_code']} 已在服务器上登记。",
                f"equipment code {row['equipment_code']} is already registered on the server.",
            )
        )
    if row["registration_no"] and row["registration_no"] in registrations:
        problems.append(
            (
                f"使用登记证编号 {row['registration_no']} 已在服务器上登记。",
                f"registration number {row['registration_no']} is already on the server.",
            )
        )
    return problems


def _equipment_fields(unit_id: str, row: dict[str, str]) -> tuple[dict, tuple[str, str] | None]:
    try:
        fields = validate_fields(RecordType.EQUIPMENT, {"unit_id": unit_id, **row}, creating=True)
    except FieldProblem as problem:
        return {}, (problem.reason_zh, problem.reason_en)
    return fields, None
