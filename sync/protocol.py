"""Sync protocol v1: the messages the desktop engine and the reference server exchange.

Shared by both sides, so it imports neither FastAPI nor an HTTP client: pydantic v2 models and
pure functions only. ``docs/sync-protocol.md`` is the prose version of this module. A change that
a peer of the same version could not read needs a new :data:`PROTOCOL_VERSION`.

Record fields travel as JSON objects. :func:`validate_fields` checks them against the schema of
their record type (the columns of :mod:`sync.store.models` minus the bookkeeping columns of
:mod:`sync.store.changes`) and returns them in their one canonical form: times as UTC ISO strings
with milliseconds and offset, exactly as ``record_fields`` writes them, so the server and the
client compare like with like.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from sync.records import (
    DayStatus,
    EquipmentStatus,
    HazardGrade,
    HazardSource,
    HazardStatus,
    RecordStatus,
    RecordType,
    Role,
)

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "SafeDesk-Protocol"
SUPPORTED_VERSIONS = frozenset({PROTOCOL_VERSION})
API_PREFIX = "/api/v1"

MAX_MUTATIONS_PER_PUSH = 200
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 1000
# Integers a JavaScript or JSON reader keeps exactly; also below every database's BIGINT.
MAX_SAFE_INTEGER = 2**53 - 1
MAX_TEXT_CHARS = 100_000
MAX_JSON_DEPTH = 32

# The record types a device holds as records of its own store (conflicts live apart).
DATA_RECORD_TYPES = frozenset(set(RecordType) - {RecordType.CONFLICT})


class Operation(StrEnum):
    UPSERT = "upsert"
    VOID = "void"
    DELETE = "delete"


class Outcome(StrEnum):
    """What the server did with one mutation.

    applied: taken as sent. merged: taken, but merged with changes the device had not seen.
    conflict: at least one field kept the server's value; the device's value is in a conflict
    record. rejected: nothing applied, the reason says why. duplicate: the server already held
    exactly this (a retried create, an identical resubmission, a delete of a deleted record).
    """

    APPLIED = "applied"
    MERGED = "merged"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


# Scalar types ------------------------------------------------------------------------------

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DIVISION = re.compile(r"\d{6}")


def _uuid_text(value: str) -> str:
    if not _UUID.fullmatch(value):
        raise ValueError("must be a lower-case UUID such as 3f2b6c1e-8d4a-4b9e-a1c2-5e7f9d0b1a2c")
    return value


def _day_text(value: str) -> str:
    if not _DAY.fullmatch(value):
        raise ValueError("must be a date written YYYY-MM-DD")
    dt.date.fromisoformat(value)
    return value


def _month_text(value: str) -> str:
    if not _MONTH.fullmatch(value):
        raise ValueError("must be a month written YYYY-MM")
    return value


def _division_code(value: str) -> str:
    if not _DIVISION.fullmatch(value):
        raise ValueError("must be a six-digit division code such as 511181")
    return value


def canonical_timestamp(value: str) -> str:
    """A zone-aware ISO time in the protocol's one form: UTC, milliseconds, ``+00:00``."""
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("must carry a UTC offset, e.g. 2024-05-01T08:30:00+08:00")
    try:
        return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")
    except OverflowError:
        # 0001-01-01T00:00+14:00 is a valid ISO time whose UTC form lies before year 1.
        raise ValueError("lies outside the years 1 to 9999 once in UTC") from None


def _timestamp(value: str) -> str:
    try:
        return canonical_timestamp(value)
    except ValueError as error:
        raise ValueError(f"must be an ISO date-time with offset ({error})") from None


def _plain_json(value: Any) -> Any:
    """Refuse what the databases cannot store faithfully: NaN, infinities, huge integers,
    NUL characters, lone surrogates, absurd nesting."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise ValueError(f"is nested deeper than {MAX_JSON_DEPTH} levels")
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError("holds a number that is not finite")
        if isinstance(item, int) and not isinstance(item, bool) and abs(item) > MAX_SAFE_INTEGER:
            raise ValueError("holds an integer too large to keep exactly")
        if isinstance(item, str):
            _no_control_text(item)
        if isinstance(item, dict):
            for key in item:
                _no_control_text(key)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return value


def _no_control_text(value: str) -> str:
    # NUL cannot be stored in PostgreSQL text, and a lone surrogate cannot be encoded at all.
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains characters that are not valid Unicode") from None
    return value


# The schema hints let generated clients (and schemathesis) produce valid values; the
# validators give the readable message.
RecordId = Annotated[
    StrictStr,
    AfterValidator(_uuid_text),
    Field(json_schema_extra={"format": "uuid", "pattern": f"^{_UUID.pattern}$"}),
]
DayText = Annotated[
    StrictStr, AfterValidator(_day_text), Field(json_schema_extra={"format": "date"})
]
MonthText = Annotated[
    StrictStr, AfterValidator(_month_text), Field(json_schema_extra={"pattern": r"^\d{4}-\d{2}$"})
]
DivisionCode = Annotated[
    StrictStr, AfterValidator(_division_code), Field(json_schema_extra={"pattern": r"^\d{6}$"})
]
Timestamp = Annotated[
    StrictStr, AfterValidator(_timestamp), Field(json_schema_extra={"format": "date-time"})
]
SafeText = Annotated[StrictStr, AfterValidator(_no_control_text)]
LongText = Annotated[StrictStr, Field(max_length=MAX_TEXT_CHARS)]
JsonObject = Annotated[dict[str, Any], AfterValidator(_plain_json)]
JsonList = Annotated[list[Any], AfterValidator(_plain_json)]
JsonValue = Annotated[Any, AfterValidator(_plain_json)]
Version = Annotated[StrictInt, Field(ge=1, le=MAX_SAFE_INTEGER)]


def _text(max_length: int) -> Any:
    return Annotated[StrictStr, Field(max_length=max_length)]


def _required_text(max_length: int) -> Any:
    return Annotated[StrictStr, Field(min_length=1, max_length=max_length)]


# Record fields, one model per record type ---------------------------------------------------
# Each mirrors its table in sync/store/models.py (tests/server/test_protocol.py checks that the
# names and nullability agree). A field without a default is required when a record is created.


class _Fields(BaseModel):
    # Scalars are Strict* types (no "1" for 1); enums take their codes.
    model_config = ConfigDict(extra="forbid")


class UnitFields(_Fields):
    name: _required_text(200)
    credit_code: _text(32) = ""
    county_code: DivisionCode
    address: _text(300) = ""


class PersonFields(_Fields):
    unit_id: RecordId
    name: _required_text(80)
    role: Annotated[Role, AfterValidator(lambda role: _staff_role(role))]
    phone: _text(32) = ""
    certificate_no: _text(64) = ""
    username: _text(80) = ""


def _staff_role(role: Role) -> Role:
    if role == Role.SUPERVISOR:
        raise ValueError("a unit's person is an officer, a director or a principal")
    return role


class EquipmentFields(_Fields):
    unit_id: RecordId
    equipment_code: _required_text(32)
    registration_no: _text(40) = ""
    kind_code: _required_text(4)
    name: _required_text(120)
    location: _text(200) = ""
    status: EquipmentStatus = EquipmentStatus.IN_USE
    next_inspection_date: DayText | None = None
    responsible_person_id: RecordId | None = None


class _RegulatoryFields(_Fields):
    unit_id: RecordId
    template_id: _text(64) = ""
    template_version: Annotated[StrictInt, Field(ge=0, le=MAX_SAFE_INTEGER)] = 0
    answers: JsonObject = Field(default_factory=dict)
    status: RecordStatus = RecordStatus.DRAFT
    signed_by_id: RecordId | None = None
    signed_by_name: _text(80) = ""
    submitted_at: Timestamp | None = None
    amends_id: RecordId | None = None
    amendment_reason: LongText = ""


class DailyCheckFields(_RegulatoryFields):
    equipment_id: RecordId
    day: DayText
    operating_status: DayStatus = DayStatus.RUNNING
    remark: LongText = ""


class WeeklyReportFields(_RegulatoryFields):
    iso_year: Annotated[StrictInt, Field(ge=2000, le=2999)]
    iso_week: Annotated[StrictInt, Field(ge=1, le=53)]
    family: _text(24) = ""
    participants: LongText = ""
    analysis: LongText = ""
    measures: JsonList = Field(default_factory=list)
    matters_for_principal: LongText = ""
    next_focus: LongText = ""


class MonthlyMinutesFields(_RegulatoryFields):
    month: MonthText
    meeting_date: DayText | None = None
    place: _text(200) = ""
    chair_id: RecordId | None = None
    attendees: JsonList = Field(default_factory=list)
    director_report: LongText = ""
    decisions: JsonList = Field(default_factory=list)
    statistics: JsonObject = Field(default_factory=dict)


class HazardFields(_Fields):
    unit_id: RecordId
    equipment_id: RecordId | None = None
    grade: HazardGrade = HazardGrade.GENERAL
    source: HazardSource = HazardSource.OTHER
    source_record_id: RecordId | None = None
    source_item_id: _text(64) | None = None
    description: LongText = ""
    photos: JsonList = Field(default_factory=list)
    immediate_measures: LongText = ""
    stop_use: StrictBool = False
    owner: _text(80) = ""
    deadline: DayText
    rectification: LongText = ""
    verification: LongText = ""
    status: HazardStatus = HazardStatus.FOUND
    found_at: Timestamp | None = None
    closed_at: Timestamp | None = None


class HazardEventFields(_Fields):
    unit_id: RecordId
    hazard_id: RecordId
    happened_at: Timestamp
    actor: _text(80) = ""
    action: _required_text(32)
    detail: JsonObject = Field(default_factory=dict)


class ConflictFields(_Fields):
    """A field on which a push disagreed with the server; the server's value was kept.

    Made by the server only. A device may push one change to it: ``status`` to ``resolved``
    once a person has decided.
    """

    record_type: RecordType
    record_id: RecordId
    field: _text(64)
    base_value: JsonValue = None
    client_value: JsonValue = None
    server_value: JsonValue = None
    device_id: RecordId | None = None
    status: ConflictStatus = ConflictStatus.OPEN
    created_at: Timestamp
    reason_zh: LongText = ""
    reason_en: LongText = ""


RECORD_FIELD_MODELS: dict[RecordType, type[_Fields]] = {
    RecordType.UNIT: UnitFields,
    RecordType.PERSON: PersonFields,
    RecordType.EQUIPMENT: EquipmentFields,
    RecordType.DAILY_CHECK: DailyCheckFields,
    RecordType.WEEKLY_REPORT: WeeklyReportFields,
    RecordType.MONTHLY_MINUTES: MonthlyMinutesFields,
    RecordType.HAZARD: HazardFields,
    RecordType.HAZARD_EVENT: HazardEventFields,
    RecordType.CONFLICT: ConflictFields,
}


def _field_adapters(model: type[_Fields]) -> dict[str, TypeAdapter]:
    adapters = {}
    for name, info in model.model_fields.items():
        annotation = (
            Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        )
        adapters[name] = TypeAdapter(annotation)
    return adapters


_ADAPTERS = {
    record_type: _field_adapters(model) for record_type, model in RECORD_FIELD_MODELS.items()
}


class FieldProblem(ValueError):
    """A record field that breaks the schema; the message is for a person, in two languages."""

    def __init__(self, field: str | None, reason_zh: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.field = field
        self.reason_zh = reason_zh
        self.reason_en = reason_en


_ERROR_WORDS_ZH = {
    "string_type": "应为文字",
    "int_type": "应为整数",
    "bool_type": "应为 true 或 false",
    "dict_type": "应为 JSON 对象",
    "list_type": "应为 JSON 列表",
    "enum": "不是允许的取值",
    "string_too_long": "太长",
    "string_too_short": "不能为空",
    "greater_than_equal": "太小",
    "less_than_equal": "太大",
    "value_error": "格式不对",
}


def _problem_from(field: str, error: ValidationError) -> FieldProblem:
    first = error.errors(include_url=False)[0]
    words_zh = _ERROR_WORDS_ZH.get(first["type"], "无效")
    message = first["msg"].removeprefix("Value error, ")
    return FieldProblem(
        field,
        f"字段“{field}”{words_zh}（{message}）。",
        f"Field '{field}' is invalid: {message}.",
    )


def field_names(record_type: RecordType) -> frozenset[str]:
    return frozenset(RECORD_FIELD_MODELS[record_type].model_fields)


def required_fields(record_type: RecordType) -> frozenset[str]:
    model = RECORD_FIELD_MODELS[record_type]
    return frozenset(name for name, info in model.model_fields.items() if info.is_required())


def default_fields(record_type: RecordType) -> dict[str, Any]:
    """The value of every optional field of a new record that does not name it."""
    model = RECORD_FIELD_MODELS[record_type]
    return {
        name: info.get_default(call_default_factory=True)
        for name, info in model.model_fields.items()
        if not info.is_required()
    }


def validate_fields(
    record_type: RecordType, fields: dict[str, Any], *, creating: bool = False
) -> dict[str, Any]:
    """``fields`` checked and in canonical form; raises :class:`FieldProblem`.

    Only the fields given are checked (a change names only what changed); ``creating`` also
    demands the required fields and fills in the defaults of the rest.
    """
    adapters = _ADAPTERS[record_type]
    unknown = sorted(set(fields) - set(adapters))
    if unknown:
        names = ", ".join(unknown)
        raise FieldProblem(
            unknown[0],
            f"记录类型“{record_type}”没有字段：{names}。",
            f"Record type '{record_type}' has no field(s): {names}.",
        )

    checked: dict[str, Any] = {}
    for name, value in fields.items():
        try:
            checked[name] = _json_form(adapters[name].validate_python(value))
        except ValidationError as error:
            raise _problem_from(name, error) from None

    if creating:
        missing = sorted(required_fields(record_type) - set(checked))
        if missing:
            names = ", ".join(missing)
            raise FieldProblem(
                missing[0],
                f"新建记录缺少必填字段：{names}。",
                f"A new record lacks required field(s): {names}.",
            )
        everything = {**default_fields(record_type), **checked}
        checked = {name: everything[name] for name in adapters}
    return checked


def _json_form(value: Any) -> Any:
    # Enum members become their plain codes, so stored JSON compares equal to what was sent.
    if isinstance(value, StrEnum):
        return value.value
    return value


# Wire messages ----------------------------------------------------------------------------


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Response(BaseModel):
    # A newer server may add fields; an older client ignores them.
    model_config = ConfigDict(extra="ignore")


class Mutation(_Request):
    """One change of one record, as the device's outbox holds it."""

    mutation_id: Annotated[StrictInt, Field(gt=0, le=MAX_SAFE_INTEGER)] = Field(
        description="Per-device, strictly increasing across all of the device's pushes."
    )
    record_type: RecordType
    record_id: RecordId
    operation: Operation = Operation.UPSERT
    base_version: Version | None = Field(
        default=None, description="The server version the change was made on; null to create."
    )
    fields: JsonObject = Field(
        default_factory=dict, description="The changed fields with their new values."
    )
    base_fields: JsonObject | None = Field(
        default=None, description="The same fields' values at base_version (absent to create)."
    )


class PushRequest(_Request):
    device_id: RecordId
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_PUSH)

    @field_validator("mutations")
    @classmethod
    def _increasing_ids(cls, mutations: list[Mutation]) -> list[Mutation]:
        ids = [mutation.mutation_id for mutation in mutations]
        if any(later <= earlier for earlier, later in zip(ids, ids[1:], strict=False)):
            raise ValueError("mutation ids must increase strictly within a push")
        return mutations


class FieldConflict(_Response):
    field: str
    base_value: Any = None
    client_value: Any = None
    server_value: Any = None
    conflict_id: str | None = None


class MutationResult(_Response):
    mutation_id: int
    record_id: str
    outcome: Outcome
    version: int | None = None
    code: str | None = None
    reason_zh: str = ""
    reason_en: str = ""
    conflicts: list[FieldConflict] = Field(default_factory=list)
    record: dict[str, Any] | None = Field(
        default=None, description="The server's full fields after the mutation."
    )


class PushResponse(_Response):
    results: list[MutationResult]
    server_time: str
    last_mutation_id: int | None = Field(
        default=None,
        description="The device's last mutation id once this push committed; a client numbers "
        "its next changes after it. Absent from servers older than the field.",
    )


class Change(_Response):
    seq: int
    record_type: RecordType
    record_id: str
    unit_id: str
    version: int
    deleted: bool = False
    fields: dict[str, Any] = Field(default_factory=dict)


class ScopeDigest(_Response):
    count: int
    sha256: str


class PullPage(_Response):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: str
    digest: ScopeDigest | None = None


class TokenRequest(_Request):
    username: Annotated[SafeText, Field(min_length=1, max_length=80)]
    password: Annotated[SafeText, Field(min_length=1, max_length=256)]
    device_id: RecordId | None = None
    device_name: Annotated[SafeText, Field(max_length=120)] | None = None


class UserInfo(_Response):
    username: str
    display_name: str = ""
    role: Role
    unit_id: str | None = None
    jurisdiction_code: str | None = None


class TokenResponse(_Response):
    access_token: str
    token_type: str = "bearer"
    expires_at: str
    device_id: str
    user: UserInfo
    last_mutation_id: int = Field(
        default=0,
        description="The highest mutation id the server holds from this device (0 for a new "
        "device, and from servers older than the field); the device numbers its next "
        "changes after it.",
    )


class Health(_Response):
    status: str = "ok"
    protocol_version: int = PROTOCOL_VERSION
    server_time: str


class Problem(_Response):
    """An error answer (``application/problem+json``); ``code`` is stable, the texts are not."""

    type: str = "about:blank"
    title: str
    status: int
    code: str
    detail_zh: str
    detail_en: str


# The scope digest ---------------------------------------------------------------------------


def scope_digest(entries: Iterable[tuple[str, str, int]]) -> ScopeDigest:
    """Count and SHA-256 of the live data records a device may see.

    ``entries`` are (record_type, record_id, version) of every record in scope that is not
    deleted, conflicts excluded. The hash covers the lines ``type:id:version`` sorted as
    text and joined by ``\\n``, in UTF-8; the empty scope hashes the empty string.
    """
    lines = sorted(f"{kind}:{record_id}:{version}" for kind, record_id, version in entries)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return ScopeDigest(count=len(lines), sha256=digest)
