"""Record types and the domain's fixed vocabularies, shared by the app, the engine and the server.

Stored values are short English codes; what a person reads comes from the label tables
(Chinese first, English second). Codes never change once released: they travel in the sync
protocol and live in every store.
"""

from __future__ import annotations

from enum import StrEnum


class RecordType(StrEnum):
    """The synced record types, named as the protocol names them."""

    UNIT = "unit"
    PERSON = "person"
    EQUIPMENT = "equipment"
    DAILY_CHECK = "daily_check"
    WEEKLY_REPORT = "weekly_report"
    MONTHLY_MINUTES = "monthly_minutes"
    HAZARD = "hazard"
    HAZARD_EVENT = "hazard_event"
    # A disagreement the server found while merging a push; made by the server only, pulled by
    # every device of the unit so both sides see it (see docs/sync-protocol.md).
    CONFLICT = "conflict"


# The records a record refers to by id, as (field, record type): the local store's foreign keys.
# The server sends a record's parents ahead of it in a pull, so that a laptop that has none of
# them yet can store it (a parent edited later would otherwise arrive after its children).
PARENT_FIELDS: dict[RecordType, tuple[tuple[str, RecordType], ...]] = {
    RecordType.PERSON: (("unit_id", RecordType.UNIT),),
    RecordType.EQUIPMENT: (("unit_id", RecordType.UNIT),),
    RecordType.DAILY_CHECK: (("equipment_id", RecordType.EQUIPMENT),),
    RecordType.HAZARD_EVENT: (("hazard_id", RecordType.HAZARD),),
}


class Role(StrEnum):
    OFFICER = "officer"
    DIRECTOR = "director"
    PRINCIPAL = "principal"
    SUPERVISOR = "supervisor"


ROLE_LABELS = {
    Role.OFFICER: ("安全员", "Safety officer"),
    Role.DIRECTOR: ("安全总监", "Safety director"),
    Role.PRINCIPAL: ("主要负责人", "Principal responsible person"),
    Role.SUPERVISOR: ("监管人员", "Supervisor"),
}


class RecordStatus(StrEnum):
    """Lifecycle of the three regulatory records (daily, weekly, monthly)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    VOID = "void"


class DayStatus(StrEnum):
    """The equipment's operating status on the day of a daily check."""

    RUNNING = "running"
    CLOSED = "closed"
    OUT_OF_USE = "out_of_use"
    REPAIR = "repair"


DAY_STATUS_LABELS = {
    DayStatus.RUNNING: ("运行", "Running"),
    DayStatus.CLOSED: ("停运", "Closed day"),
    DayStatus.OUT_OF_USE: ("停用", "Out of use"),
    DayStatus.REPAIR: ("检修", "Under repair"),
}


class ItemResult(StrEnum):
    NORMAL = "normal"
    ABNORMAL = "abnormal"
    NOT_APPLICABLE = "na"


ITEM_RESULT_LABELS = {
    ItemResult.NORMAL: ("正常", "Normal"),
    ItemResult.ABNORMAL: ("异常", "Abnormal"),
    ItemResult.NOT_APPLICABLE: ("不适用", "N/A"),
}


class HazardGrade(StrEnum):
    GENERAL = "general"
    SERIOUS = "serious"
    MAJOR = "major"


HAZARD_GRADE_LABELS = {
    HazardGrade.GENERAL: ("一般", "General"),
    HazardGrade.SERIOUS: ("严重", "Serious"),
    HazardGrade.MAJOR: ("重大", "Major"),
}


class HazardSource(StrEnum):
    DAILY_CHECK = "daily_check"
    WEEKLY_REPORT = "weekly_report"
    INSPECTION = "inspection"
    OTHER = "other"


HAZARD_SOURCE_LABELS = {
    HazardSource.DAILY_CHECK: ("日管控", "Daily check"),
    HazardSource.WEEKLY_REPORT: ("周排查", "Weekly investigation"),
    HazardSource.INSPECTION: ("检验机构", "Inspection body"),
    HazardSource.OTHER: ("其他", "Other"),
}


class HazardStatus(StrEnum):
    FOUND = "found"
    RECTIFYING = "rectifying"
    AWAITING_VERIFICATION = "awaiting_verification"
    CLOSED = "closed"


HAZARD_STATUS_LABELS = {
    HazardStatus.FOUND: ("已发现", "Found"),
    HazardStatus.RECTIFYING: ("整改中", "Rectifying"),
    HazardStatus.AWAITING_VERIFICATION: ("待复查", "Awaiting verification"),
    HazardStatus.CLOSED: ("已销号", "Closed"),
}

# A verification that fails sends the hazard back to rectification; a closed hazard is final,
# because reopening it would rewrite a regulatory record (a recurrence is a new hazard).
HAZARD_TRANSITIONS: dict[HazardStatus, frozenset[HazardStatus]] = {
    HazardStatus.FOUND: frozenset({HazardStatus.RECTIFYING}),
    HazardStatus.RECTIFYING: frozenset({HazardStatus.AWAITING_VERIFICATION}),
    HazardStatus.AWAITING_VERIFICATION: frozenset({HazardStatus.RECTIFYING, HazardStatus.CLOSED}),
    HazardStatus.CLOSED: frozenset(),
}


def hazard_transition_allowed(current: str, target: str) -> bool:
    if current == target:
        return True
    return HazardStatus(target) in HAZARD_TRANSITIONS[HazardStatus(current)]


class EquipmentStatus(StrEnum):
    IN_USE = "in_use"
    OUT_OF_USE = "out_of_use"
    SCRAPPED = "scrapped"
    DEREGISTERED = "deregistered"
    MODIFYING = "modifying"


EQUIPMENT_STATUS_LABELS = {
    EquipmentStatus.IN_USE: ("在用", "In use"),
    EquipmentStatus.OUT_OF_USE: ("停用", "Out of use"),
    EquipmentStatus.SCRAPPED: ("报废", "Scrapped"),
    EquipmentStatus.DEREGISTERED: ("注销", "Deregistered"),
    EquipmentStatus.MODIFYING: ("改造中", "Under modification"),
}


class EquipmentFamily(StrEnum):
    """The checklist family of an equipment kind; one daily and one weekly template each."""

    ROPEWAY = "ropeway"
    AMUSEMENT_RIDE = "amusement_ride"
    ELEVATOR = "elevator"
    ESCALATOR = "escalator"


EQUIPMENT_FAMILY_LABELS = {
    EquipmentFamily.ROPEWAY: ("客运索道", "Passenger ropeways"),
    EquipmentFamily.AMUSEMENT_RIDE: ("大型游乐设施", "Large amusement rides"),
    EquipmentFamily.ELEVATOR: ("电梯", "Elevators"),
    EquipmentFamily.ESCALATOR: ("自动扶梯与自动人行道", "Escalators and moving walks"),
}


# Catalogue codes of 《特种设备目录》 (as strings: later codes contain letters).
EQUIPMENT_KIND_LABELS = {
    "3110": ("曳引驱动乘客电梯", "Traction passenger elevator"),
    "3120": ("曳引驱动载货电梯", "Traction freight elevator"),
    "3210": ("液压乘客电梯", "Hydraulic passenger elevator"),
    "3310": ("自动扶梯", "Escalator"),
    "3320": ("自动人行道", "Moving walk"),
    "6100": ("观览车类", "Observation wheel"),
    "6200": ("滑行车类", "Roller coaster"),
    "6300": ("架空游览车类", "Suspended car ride"),
    "6400": ("陀螺类", "Gyro ride"),
    "6500": ("飞行塔类", "Tower ride"),
    "6600": ("转马类", "Carousel"),
    "6700": ("自控飞机类", "Rider-steered plane ride"),
    "9110": ("往复式客运架空索道", "To-and-fro aerial ropeway"),
    "9120": ("循环式客运架空索道", "Circulating aerial ropeway"),
    "9210": ("往复式客运缆车", "To-and-fro funicular"),
    "9220": ("循环式客运缆车", "Circulating funicular"),
    "9310": ("低位客运拖牵索道", "Low surface lift"),
    "9320": ("高位客运拖牵索道", "High surface lift"),
}


def family_of_kind(kind_code: str) -> EquipmentFamily:
    """Which checklist family a catalogue code belongs to."""
    if kind_code.startswith("33"):
        return EquipmentFamily.ESCALATOR
    if kind_code.startswith("3"):
        return EquipmentFamily.ELEVATOR
    if kind_code.startswith("6"):
        return EquipmentFamily.AMUSEMENT_RIDE
    if kind_code.startswith("9"):
        return EquipmentFamily.ROPEWAY
    raise ValueError(f"no checklist family for equipment kind {kind_code!r}")


# Regulatory records whose submitted version may never change (corrections are amendments).
IMMUTABLE_WHEN_SUBMITTED = frozenset(
    {RecordType.DAILY_CHECK, RecordType.WEEKLY_REPORT, RecordType.MONTHLY_MINUTES}
)

# Equipment identity belongs to the registry (the server); a client change is rejected.
SERVER_OWNED_EQUIPMENT_FIELDS = frozenset(
    {"equipment_code", "registration_no", "kind_code", "next_inspection_date"}
)


RECORD_TYPE_LABELS = {
    "unit": ("单位", "Unit"),
    "person": ("人员", "Person"),
    "equipment": ("设备", "Equipment"),
    "daily_check": ("日管控", "Daily check"),
    "weekly_report": ("周排查", "Weekly report"),
    "monthly_minutes": ("月调度", "Monthly minutes"),
    "hazard": ("隐患", "Hazard"),
    "hazard_event": ("隐患记录", "Hazard history"),
}

# A record's sync state, as the lists show it (#4).
SYNC_STATE_LABELS = {
    "local": ("仅本机", "Local only"),
    "pending": ("待同步", "Waiting"),
    "synced": ("已同步", "Synced"),
    "conflict": ("有冲突", "Conflict"),
    "rejected": ("被退回", "Rejected"),
}

# From the state that most needs a person to the most settled: a line that stands for several
# records (a week's reports of all families) shows the first of its records' states here.
SYNC_STATE_URGENCY = ("rejected", "conflict", "pending", "local", "synced")


def least_settled(states) -> str | None:
    """The state among ``states`` that most needs attention; None when there is none."""
    present = set(states)
    return next((state for state in SYNC_STATE_URGENCY if state in present), None)


def label(table: dict, code: str, language: str = "zh_CN") -> str:
    """The label of ``code`` in ``language`` (``zh_CN`` or ``en``), or the code itself."""
    for key, (chinese, english) in table.items():
        if key == code:
            return english if language == "en" else chinese
    return code
