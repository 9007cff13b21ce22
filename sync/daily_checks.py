"""Daily checks (日管控): one record per equipment per China day, filled item by item.

A daily check is a draft on this laptop while the officer fills it; every keystroke that the
desktop saves goes through :func:`sync.store.changes.record_change`, so a draft survives a closed
window or a killed process. Submitting signs it (person, device time) and makes it read-only;
a correction is an amendment: a new record naming the original and a reason, starting from a
copy of the original's answers. Both stay in the store and on screen.

A record is always shown and completed against the template version it was started on, even
after a newer version ships.

Rules for submitting (``submit_problems``):

- A running day (运行) needs a result on every item of its template version.
- An abnormal item needs a remark saying what was found.
- An item with a measurement answered normal or abnormal needs the measured value.
- A measured value outside the item's allowed range marked *normal* needs a remark explaining it
  (e.g. a gust reading re-measured); otherwise it must be marked abnormal. The desktop warns as
  the value is typed.
- A day that is not running (停运 / 停用 / 检修) needs no item answers; answers given anyway are
  kept, and an abnormal one still needs its remark.

Every function here opens its own unit of work and is safe to call from any one thread at a
time; none of them touches Qt.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import logging
import math
import mimetypes
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync import paths
from sync.clock import china_today, utc_now
from sync.errors import ReadOnlyRecordError, RecordNotFound, StoreError, ValidationError
from sync.records import (
    DayStatus,
    EquipmentStatus,
    ItemResult,
    RecordStatus,
    RecordType,
    family_of_kind,
)
from sync.store.changes import load_record, new_record_id, record_change
from sync.store.database import Store
from sync.store.models import DailyCheck, Equipment, Hazard, Photo
from sync.submission import signature_fields
from sync.templates import ChecklistTemplate, TemplateItem, TemplateLibrary

logger = logging.getLogger(__name__)

ANSWER_FIELDS = ("result", "value", "remark", "photos")
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".heic", ".tif"})
MAX_PHOTO_BYTES = 30 * 1024 * 1024


class IncompleteCheckError(ValidationError):
    """Submitting was refused; ``problems`` lists every item that needs attention."""

    def __init__(self, problems: list[SubmitProblem]) -> None:
        lines_zh = "\n".join(problem.message_zh for problem in problems)
        lines_en = "\n".join(problem.message_en for problem in problems)
        super().__init__(
            f"还有 {len(problems)} 处需要处理才能提交：\n{lines_zh}",
            f"{len(problems)} point(s) need attention before submitting:\n{lines_en}",
        )
        self.problems = problems


@dataclass(frozen=True)
class PhotoRef:
    sha256: str
    file_name: str

    def as_json(self) -> dict[str, str]:
        return {"sha256": self.sha256, "file_name": self.file_name}


@dataclass(frozen=True)
class ItemAnswer:
    """One item's answer; ``result`` is an :class:`ItemResult` code or None while unanswered."""

    result: str | None = None
    value: float | None = None
    remark: str = ""
    photos: tuple[PhotoRef, ...] = ()

    @property
    def answered(self) -> bool:
        return self.result is not None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ItemAnswer:
        photos = tuple(
            PhotoRef(photo["sha256"], photo.get("file_name", ""))
            for photo in data.get("photos", ())
        )
        return cls(data.get("result"), data.get("value"), data.get("remark", ""), photos)

    def as_json(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "value": self.value,
            "remark": self.remark,
            "photos": [photo.as_json() for photo in self.photos],
        }


@dataclass(frozen=True)
class DailyCheckState:
    """A daily check as read from the store; holds no session."""

    id: str
    unit_id: str
    equipment_id: str
    day: str
    template_id: str
    template_version: int
    status: str
    operating_status: str
    remark: str
    answers: Mapping[str, ItemAnswer]
    signed_by_id: str | None
    signed_by_name: str
    submitted_at: dt.datetime | None
    amends_id: str | None
    amendment_reason: str
    updated_at: dt.datetime
    amended_by_id: str | None = None

    @property
    def read_only(self) -> bool:
        return self.status != RecordStatus.DRAFT

    @property
    def running(self) -> bool:
        return self.operating_status == DayStatus.RUNNING

    def answer(self, item_id: str) -> ItemAnswer:
        return self.answers.get(item_id, ItemAnswer())


@dataclass(frozen=True)
class SubmitProblem:
    """Why a check cannot be submitted yet; ``item_id`` is None for the day as a whole."""

    item_id: str | None
    code: str
    message_zh: str
    message_en: str

    def message(self, language: str = "zh_CN") -> str:
        return self.message_en if language == "en" else self.message_zh


@dataclass(frozen=True)
class MarkNormalResult:
    """Items marked normal, and measured items left unanswered because they lack a reading."""

    marked: tuple[str, ...] = ()
    needs_value: tuple[str, ...] = ()


@dataclass(frozen=True)
class DailyCheckSummary:
    id: str
    equipment_id: str
    day: str
    status: str
    operating_status: str
    signed_by_name: str
    submitted_at: dt.datetime | None
    amends_id: str | None
    abnormal_items: int
    template_version: int
    answered_items: int = 0


# -- reading -----------------------------------------------------------------------------------


def _answers_of(record: DailyCheck) -> dict[str, ItemAnswer]:
    return {item_id: ItemAnswer.from_json(data) for item_id, data in (record.answers or {}).items()}


def _state(session: Session, record: DailyCheck) -> DailyCheckState:
    amended_by = session.scalars(
        select(DailyCheck.id)
        .where(DailyCheck.amends_id == record.id)
        .order_by(DailyCheck.created_at.desc())
    ).first()
    return DailyCheckState(
        id=record.id,
        unit_id=record.unit_id,
        equipment_id=record.equipment_id,
        day=record.day,
        template_id=record.template_id,
        template_version=record.template_version,
        status=record.status,
        operating_status=record.operating_status,
        remark=record.remark,
        answers=_answers_of(record),
        signed_by_id=record.signed_by_id,
        signed_by_name=record.signed_by_name,
        submitted_at=record.submitted_at,
        amends_id=record.amends_id,
        amendment_reason=record.amendment_reason,
        updated_at=record.updated_at,
        amended_by_id=amended_by,
    )


def load_check(store: Store, check_id: str) -> DailyCheckState:
    with store.session() as session:
        return _state(session, load_record(session, RecordType.DAILY_CHECK, check_id))


def _records_of_day(session: Session, equipment_id: str, day: str) -> list[DailyCheck]:
    query = (
        select(DailyCheck)
        .where(
            DailyCheck.equipment_id == equipment_id,
            DailyCheck.day == day,
            DailyCheck.status != RecordStatus.VOID.value,
        )
        .order_by(DailyCheck.created_at, DailyCheck.id)
    )
    return list(session.scalars(query))


def _current_of(records: list[DailyCheck]) -> DailyCheck | None:
    """The record of the day nobody has amended: the original, or its latest amendment."""
    amended = {record.amends_id for record in records if record.amends_id}
    current = [record for record in records if record.id not in amended]
    return current[-1] if current else None


def checks_of_day(store: Store, equipment_id: str, day: str) -> list[DailyCheckState]:
    """Every record of the equipment's day: the original first, then its amendments."""
    with store.session() as session:
        return [_state(session, record) for record in _records_of_day(session, equipment_id, day)]


def current_check(store: Store, equipment_id: str, day: str) -> DailyCheckState | None:
    with store.session() as session:
        record = _current_of(_records_of_day(session, equipment_id, day))
        return None if record is None else _state(session, record)


def template_of(templates: TemplateLibrary, check: DailyCheckState) -> ChecklistTemplate:
    """The template version the record was started on (never a newer one)."""
    return templates.get(check.template_id, check.template_version)


# -- starting and filling ----------------------------------------------------------------------


def open_daily_check(
    store: Store,
    templates: TemplateLibrary,
    *,
    equipment_id: str,
    actor: str,
    day: dt.date | None = None,
) -> DailyCheckState:
    """The equipment's daily check of ``day`` (default: today in China), made if there is none.

    A new draft takes the latest daily template of the equipment's family and records its id and
    version. Equipment that is not in use starts as 停用 (out of use) so that its day is recorded
    without item answers. Returns the existing record (draft, submitted, or latest amendment)
    when the day already has one.
    """
    day_text = (day or china_today()).isoformat()

    with store.session() as session:
        existing = _current_of(_records_of_day(session, equipment_id, day_text))
        if existing is not None:
            return _state(session, existing)

        equipment = session.get(Equipment, equipment_id)
        if equipment is None:
            raise RecordNotFound(
                f"设备不存在：{equipment_id}", f"No such equipment: {equipment_id}"
            )
        template = templates.latest(family_of_kind(equipment.kind_code), "daily")
        in_use = equipment.status == EquipmentStatus.IN_USE
        fields = {
            "unit_id": equipment.unit_id,
            "equipment_id": equipment_id,
            "day": day_text,
            "template_id": template.id,
            "template_version": template.version,
            "answers": {},
            "status": RecordStatus.DRAFT.value,
            "operating_status": (DayStatus.RUNNING if in_use else DayStatus.OUT_OF_USE).value,
        }
        record = record_change(session, RecordType.DAILY_CHECK, new_record_id(), fields, actor)
        state = _state(session, record)
    logger.info(
        "daily check %s started for %s on %s (%s v%d)",
        state.id,
        equipment_id,
        day_text,
        template.id,
        template.version,
    )
    return state


def _clean_value(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise ValidationError(f"测量值不是数字：{value}", f"Not a number: {value}") from error
    if not math.isfinite(number):
        raise ValidationError(f"测量值不是有效数字：{value}", f"Not a valid number: {value}")
    return number


def _merged_answer(current: ItemAnswer, change: Mapping[str, Any]) -> ItemAnswer:
    unknown = set(change) - set(ANSWER_FIELDS)
    if unknown:
        raise ValidationError(f"未知的答案字段：{sorted(unknown)}", f"Unknown fields {unknown}")
    result = change.get("result", current.result)
    if result is not None:
        result = ItemResult(result).value
    value = _clean_value(change["value"]) if "value" in change else current.value
    remark = str(change.get("remark", current.remark))
    photos = current.photos
    if "photos" in change:
        photos = tuple(
            photo if isinstance(photo, PhotoRef) else PhotoRef(photo["sha256"], photo["file_name"])
            for photo in change["photos"]
        )
    return ItemAnswer(result, value, remark, photos)


def _read_only_error() -> ReadOnlyRecordError:
    return ReadOnlyRecordError(
        "已提交的记录不能修改，请提交更正记录并说明原因。",
        "A submitted record cannot be changed; file an amendment with a reason.",
    )


def _editable_draft(session: Session, check_id: str) -> DailyCheck:
    record = load_record(session, RecordType.DAILY_CHECK, check_id)
    # record_change refuses too; checking first keeps a refused save from half-applying.
    if record.status != RecordStatus.DRAFT:
        raise _read_only_error()
    return record


def save_answers(
    store: Store,
    templates: TemplateLibrary,
    check_id: str,
    changes: Mapping[str, Mapping[str, Any]],
    actor: str,
) -> DailyCheckState:
    """Merge answer changes ``{item_id: {"result"|"value"|"remark"|"photos": ...}}`` into a draft.

    Only the given fields of the given items change; the whole draft commits in one transaction
    (safe to retry: saving the same changes twice leaves the same draft). Raises
    ``ReadOnlyRecordError`` for a submitted record and ``ValidationError`` for an item the
    record's template version does not have.
    """
    with store.session() as session:
        record = _editable_draft(session, check_id)
        template = templates.get(record.template_id, record.template_version)
        known = {item.id for item in template.items}
        unknown = set(changes) - known
        if unknown:
            raise ValidationError(
                f"模板 {template.id} v{template.version} 没有检查项 {sorted(unknown)}",
                f"Template {template.id} v{template.version} has no item {sorted(unknown)}",
            )

        answers = copy.deepcopy(record.answers or {})
        for item_id, change in changes.items():
            current = ItemAnswer.from_json(answers.get(item_id, {}))
            answers[item_id] = _merged_answer(current, change).as_json()
        record_change(session, RecordType.DAILY_CHECK, check_id, {"answers": answers}, actor)
        return _state(session, record)


def save_day_fields(
    store: Store,
    check_id: str,
    actor: str,
    *,
    operating_status: str | None = None,
    remark: str | None = None,
) -> DailyCheckState:
    """Change the day's operating status (运行/停运/停用/检修) or its general remark."""
    fields: dict[str, Any] = {}
    if operating_status is not None:
        fields["operating_status"] = DayStatus(operating_status).value
    if remark is not None:
        fields["remark"] = remark

    with store.session() as session:
        record = _editable_draft(session, check_id)
        record_change(session, RecordType.DAILY_CHECK, check_id, fields, actor)
        return _state(session, record)


def mark_unanswered_normal(
    store: Store, templates: TemplateLibrary, check_id: str, actor: str
) -> MarkNormalResult:
    """Mark every unanswered item normal in one step.

    A measured item with no reading yet is left unanswered (and reported in ``needs_value``):
    "normal" without the wind speed would record a reading nobody took.
    """
    check = load_check(store, check_id)
    template = template_of(templates, check)

    marked: list[str] = []
    needs_value: list[str] = []
    for item in template.items:
        answer = check.answer(item.id)
        if answer.answered:
            continue
        if item.measurement is not None and answer.value is None:
            needs_value.append(item.id)
            continue
        marked.append(item.id)

    if marked:
        changes = {item_id: {"result": ItemResult.NORMAL.value} for item_id in marked}
        save_answers(store, templates, check_id, changes, actor)
    logger.info(
        "daily check %s: %d items marked normal, %d need a reading",
        check_id,
        len(marked),
        len(needs_value),
    )
    return MarkNormalResult(tuple(marked), tuple(needs_value))


# -- submitting and amending -------------------------------------------------------------------


def _item_problems(
    item: TemplateItem, number: int, answer: ItemAnswer, running: bool
) -> list[SubmitProblem]:
    label_zh = f"第{number}项“{item.text_zh}”"
    label_en = f"Item {number} ({item.text_en})"
    problems: list[SubmitProblem] = []

    if not answer.answered:
        if running:
            problems.append(
                SubmitProblem(
                    item.id, "unanswered", f"{label_zh}未填写结果", f"{label_en}: no result"
                )
            )
        return problems

    has_remark = bool(answer.remark.strip())
    if answer.result == ItemResult.ABNORMAL and not has_remark:
        problems.append(
            SubmitProblem(
                item.id,
                "abnormal_needs_remark",
                f"{label_zh}为异常，请在备注中写明情况",
                f"{label_en} is abnormal: describe it in the remark",
            )
        )

    measurement = item.measurement
    if measurement is None or answer.result == ItemResult.NOT_APPLICABLE:
        return problems
    if answer.value is None:
        problems.append(
            SubmitProblem(
                item.id,
                "value_missing",
                f"{label_zh}请填写{measurement.label_zh}（{measurement.unit}）",
                f"{label_en}: enter the {measurement.label_en} ({measurement.unit})",
            )
        )
    elif answer.result == ItemResult.NORMAL and not measurement.contains(answer.value):
        if not has_remark:
            allowed = f"{measurement.minimum:g}–{measurement.maximum:g} {measurement.unit}"
            problems.append(
                SubmitProblem(
                    item.id,
                    "value_out_of_range",
                    f"{label_zh}的{measurement.label_zh} {answer.value:g} 超出允许范围 {allowed}，"
                    "请标为异常或在备注中说明",
                    f"{label_en}: {answer.value:g} is outside {allowed}; mark it abnormal "
                    "or explain in the remark",
                )
            )
    return problems


def submit_problems(check: DailyCheckState, template: ChecklistTemplate) -> list[SubmitProblem]:
    """Everything that stops ``check`` from being submitted, numbered and ordered as the form
    shows the items (grouped by category, see ``items_as_shown``) (pure)."""
    problems: list[SubmitProblem] = []
    try:
        DayStatus(check.operating_status)
    except ValueError:
        problems.append(
            SubmitProblem(None, "day_status", "请选择当日运行状态", "Choose the day's status")
        )
    for number, item in enumerate(template.items_as_shown, start=1):
        problems.extend(_item_problems(item, number, check.answer(item.id), check.running))
    return problems


def submit_daily_check(
    store: Store,
    templates: TemplateLibrary,
    check_id: str,
    *,
    person_id: str,
    person_name: str,
    now: dt.datetime | None = None,
) -> DailyCheckState:
    """Sign and submit a draft; from then on it is read-only.

    ``submitted_at`` is this laptop's clock (the server keeps its own receipt time). The record
    and its outbox entry (all fields) commit together. Raises ``IncompleteCheckError`` listing
    every problem, changing nothing, when the check is not complete.
    """
    moment = now or utc_now()

    with store.session() as session:
        record = _editable_draft(session, check_id)
        template = templates.get(record.template_id, record.template_version)
        problems = submit_problems(_state(session, record), template)
        if problems:
            raise IncompleteCheckError(problems)

        fields = signature_fields(person_id, person_name, moment)
        record_change(session, RecordType.DAILY_CHECK, check_id, fields, person_name, now=moment)
        state = _state(session, record)
    logger.info("daily check %s submitted by %s", check_id, person_id)
    return state


def amend_daily_check(store: Store, check_id: str, reason: str, actor: str) -> DailyCheckState:
    """Start a correction of a submitted check: a new draft naming the original and the reason.

    The draft starts from a copy of the original's answers, on the original's template version.
    The original stays as it was. Only the latest record of the day can be amended, so the
    chain of corrections stays a line.
    """
    clean_reason = reason.strip()
    if not clean_reason:
        raise ValidationError("请填写更正原因。", "Please give the reason for the correction.")

    with store.session() as session:
        original = load_record(session, RecordType.DAILY_CHECK, check_id)
        if original.status != RecordStatus.SUBMITTED:
            raise ValidationError(
                "只有已提交的记录需要更正；草稿可以直接修改。",
                "Only a submitted record is amended; a draft can simply be edited.",
            )
        already = session.scalars(select(DailyCheck.id).where(DailyCheck.amends_id == check_id))
        if already.first() is not None:
            raise ValidationError(
                "这条记录已有更正记录，请更正最新的一条。",
                "This record has already been amended; amend the latest one.",
            )

        fields = {
            "unit_id": original.unit_id,
            "equipment_id": original.equipment_id,
            "day": original.day,
            "template_id": original.template_id,
            "template_version": original.template_version,
            "answers": copy.deepcopy(original.answers or {}),
            "operating_status": original.operating_status,
            "remark": original.remark,
            "status": RecordStatus.DRAFT.value,
            "amends_id": original.id,
            "amendment_reason": clean_reason,
        }
        amendment = record_change(session, RecordType.DAILY_CHECK, new_record_id(), fields, actor)
        state = _state(session, amendment)
    logger.info("daily check %s amended by new draft %s", check_id, state.id)
    return state


# -- photos ------------------------------------------------------------------------------------


def photo_file(store: Store, sha256: str) -> Path | None:
    """The stored file of a photo, or None if this laptop does not have it."""
    folder = paths.photo_dir(store.data_folder)
    matches = sorted(folder.glob(f"{sha256}.*")) + sorted(folder.glob(sha256))
    return matches[0] if matches else None


# The first bytes of each picture format a camera or phone gives; the file name's suffix alone
# lets a renamed text file through (and then up to the server).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif"})


def picture_format(head: bytes) -> str | None:
    """The picture format the file's first 16 bytes announce, or None if not a picture."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"BM"):
        return "bmp"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heic"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    return None


def store_photo(store: Store, source: Path) -> PhotoRef:
    """Copy a picture into the data folder under its SHA-256 and record it; returns its ref.

    Storing the same picture twice keeps one file. The copy is written under a temporary name
    and renamed, so a crash never leaves a half-written photo under a real name.

    The Photo row's ``uploaded`` stays False: records carry only the photo's SHA-256 and name,
    and the file itself reaches the server once sync learns to upload photos (#4).
    """
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in PHOTO_SUFFIXES:
        raise ValidationError(
            f"不是支持的图片文件：{source.name}", f"Not a supported picture file: {source.name}"
        )
    try:
        size = source.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise ValidationError(
                f"照片 {source.name} 超过 30 MB，请先压缩。",
                f"The photo {source.name} is over 30 MB; shrink it first.",
            )
        with source.open("rb") as handle:
            head = handle.read(16)
        if picture_format(head) is None:
            raise ValidationError(
                f"{source.name} 不是图片（文件内容不是 JPEG、PNG、HEIC 等照片格式），未添加。",
                f"{source.name} is not a picture (its content is not JPEG, PNG, HEIC or another "
                "photo format); it was not added.",
            )
        digest = hashlib.sha256()
        with source.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(chunk)
        sha256 = digest.hexdigest()

        target = paths.photo_dir(store.data_folder) / f"{sha256}{suffix}"
        if not target.exists():
            partial = target.with_suffix(target.suffix + ".part")
            shutil.copyfile(source, partial)
            partial.replace(target)
    except OSError as error:
        raise StoreError(
            f"无法复制照片 {source.name}：{error}", f"Cannot copy the photo {source.name}: {error}"
        ) from error

    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    with store.session() as session:
        if session.get(Photo, sha256) is None:
            session.add(
                Photo(sha256=sha256, file_name=source.name, size_bytes=size, media_type=media_type)
            )
    logger.info("stored photo %s (%d bytes)", sha256, size)
    return PhotoRef(sha256, source.name)


def attach_photo(
    store: Store,
    templates: TemplateLibrary,
    check_id: str,
    item_id: str,
    source: Path,
    actor: str,
) -> DailyCheckState:
    """Store a picture file and attach it to an item of a draft."""
    check = load_check(store, check_id)
    if check.read_only:
        raise _read_only_error()
    photo = store_photo(store, source)
    photos = list(check.answer(item_id).photos)
    if photo not in photos:
        photos.append(photo)
    return save_answers(store, templates, check_id, {item_id: {"photos": photos}}, actor)


def remove_photo(
    store: Store,
    templates: TemplateLibrary,
    check_id: str,
    item_id: str,
    sha256: str,
    actor: str,
) -> DailyCheckState:
    """Detach a photo from an item of a draft (the file stays: another record may use it)."""
    check = load_check(store, check_id)
    photos = [photo for photo in check.answer(item_id).photos if photo.sha256 != sha256]
    return save_answers(store, templates, check_id, {item_id: {"photos": photos}}, actor)


# -- links and history -------------------------------------------------------------------------


def hazards_by_item(store: Store, check_id: str) -> dict[str, str]:
    """``{item_id: hazard_id}`` for hazards opened from this check or the records it amends."""
    with store.session() as session:
        chain: list[str] = []
        current: str | None = check_id
        while current is not None and current not in chain:
            chain.append(current)
            record = session.get(DailyCheck, current)
            current = record.amends_id if record is not None else None

        query = (
            select(Hazard.source_item_id, Hazard.id)
            .where(Hazard.source_record_id.in_(chain), Hazard.source_item_id.is_not(None))
            .order_by(Hazard.created_at)
        )
        return {item_id: hazard_id for item_id, hazard_id in session.execute(query)}


def daily_checks_for_equipment(
    store: Store, equipment_id: str, *, limit: int | None = None
) -> list[DailyCheckSummary]:
    """The equipment's daily checks, newest day first (amendments after their original)."""
    query = (
        select(DailyCheck)
        .where(DailyCheck.equipment_id == equipment_id)
        .order_by(DailyCheck.day.desc(), DailyCheck.created_at)
    )
    if limit is not None:
        query = query.limit(limit)
    with store.session() as session:
        summaries = []
        for record in session.scalars(query):
            answers = _answers_of(record)
            abnormal = sum(1 for answer in answers.values() if answer.result == "abnormal")
            answered = sum(1 for answer in answers.values() if answer.answered)
            summaries.append(
                DailyCheckSummary(
                    id=record.id,
                    equipment_id=record.equipment_id,
                    day=record.day,
                    status=record.status,
                    operating_status=record.operating_status,
                    signed_by_name=record.signed_by_name,
                    submitted_at=record.submitted_at,
                    amends_id=record.amends_id,
                    abnormal_items=abnormal,
                    template_version=record.template_version,
                    answered_items=answered,
                )
            )
        return summaries
