"""The server's conflict rules: what one mutation does to the stored record. Pure functions.

:func:`decide` takes a mutation, the record as the server holds it (or None) and the caller's
unit, and answers a :class:`Decision`: the outcome, the record's fields afterwards, and the
conflicts to store. It never touches a database, so every rule is tested on its own
(tests/server/test_rules.py); :mod:`sync.server.push` applies decisions in a transaction.

The rules, per record type (docs/sync-protocol.md says the same for client authors):

- Everything: the record must belong to the caller's unit; fields must fit the record type's
  schema; nothing is ever dropped without a conflict or a rejection.
- daily_check, weekly_report, monthly_minutes: a draft is mutable; once submitted (or void) the
  content is immutable: another copy under the same id is a conflict, an identical one a
  duplicate. Status ``void`` (operation ``void``, or an upsert changing only the status to
  ``void``) keeps the content. Never deleted.
- hazard, equipment, person, unit: three-way merge per field against ``base_fields``. A field
  changed on one side only is taken; changed on both sides to different values it keeps the
  server's value and becomes a conflict. A hazard's status may only move along its lifecycle,
  and a closed hazard never changes again. Equipment registry fields and a unit's county and
  credit code belong to the server. Units and equipment are registered by the administrator.
- hazard_event: append-only; created once, never changed or deleted.
- Deletes (person, hazard only) need the current version: a stale delete is a conflict.
- conflict: made by the server; a device may only mark one resolved.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from sync.protocol import (
    ConflictStatus,
    FieldProblem,
    Mutation,
    Operation,
    Outcome,
    validate_fields,
)
from sync.records import (
    HAZARD_STATUS_LABELS,
    IMMUTABLE_WHEN_SUBMITTED,
    SERVER_OWNED_EQUIPMENT_FIELDS,
    HazardStatus,
    RecordStatus,
    RecordType,
    hazard_transition_allowed,
    label,
)

DELETABLE = frozenset({RecordType.PERSON, RecordType.HAZARD})
SERVER_OWNED_FIELDS: dict[RecordType, frozenset[str]] = {
    RecordType.EQUIPMENT: SERVER_OWNED_EQUIPMENT_FIELDS,
    # The county decides which supervisors see the unit; the credit code is its identity.
    RecordType.UNIT: frozenset({"county_code", "credit_code"}),
}
# Made only by the administrator (units, equipment) or by the server itself (conflicts).
SERVER_CREATED = frozenset({RecordType.UNIT, RecordType.EQUIPMENT, RecordType.CONFLICT})
# The pseudo-field a conflict names when the disagreement is about deletion itself.
DELETED_FIELD = "_deleted"


@dataclass(frozen=True)
class StoredRecord:
    """The server's copy of a record, as the rules see it."""

    record_type: RecordType
    unit_id: str
    version: int
    deleted: bool
    fields: dict[str, Any]


@dataclass(frozen=True)
class ConflictNote:
    """One field on which the server kept its value; the client's is kept in a conflict."""

    field: str
    base_value: Any
    client_value: Any
    server_value: Any
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class Decision:
    """What to do with one mutation.

    ``write`` says whether the stored record changes (a new version); ``fields`` and
    ``deleted`` are its state afterwards (None when there is no record). ``settled_fields`` are
    fields the client set knowing the server's current value: open conflicts on them are
    resolved. ``show_record`` is False when the caller may not see the stored record.
    """

    outcome: Outcome
    code: str | None = None
    reason_zh: str = ""
    reason_en: str = ""
    write: bool = False
    fields: dict[str, Any] | None = None
    deleted: bool = False
    unit_id: str | None = None
    conflicts: tuple[ConflictNote, ...] = ()
    settled_fields: frozenset[str] = field(default_factory=frozenset)
    show_record: bool = True


def _rejected(code: str, reason_zh: str, reason_en: str, current: StoredRecord | None) -> Decision:
    return Decision(
        Outcome.REJECTED,
        code,
        reason_zh,
        reason_en,
        fields=dict(current.fields) if current else None,
        deleted=current.deleted if current else False,
    )


def _unchanged(outcome: Outcome, current: StoredRecord, code: str | None = None, **texts: Any):
    return Decision(outcome, code, fields=dict(current.fields), deleted=current.deleted, **texts)


def decide(mutation: Mutation, current: StoredRecord | None, caller_unit: str | None) -> Decision:
    """What ``mutation`` does to ``current`` when pushed by a user of ``caller_unit``."""
    kind = RecordType(mutation.record_type)

    refusal = _refuse_scope(mutation, kind, current, caller_unit)
    if refusal is not None:
        return refusal

    if mutation.operation == Operation.DELETE:
        return _decide_delete(mutation, kind, current)
    if mutation.operation == Operation.VOID:
        return _decide_void(mutation, kind, current)

    creating = current is None
    if creating and kind in SERVER_CREATED:
        return _refuse_create(kind)
    try:
        fields = validate_fields(kind, mutation.fields, creating=creating)
    except FieldProblem as problem:
        return _rejected("invalid_field", problem.reason_zh, problem.reason_en, current)
    base_fields = _canonical_base(kind, mutation.base_fields or {})

    if current is None:
        return Decision(Outcome.APPLIED, write=True, fields=fields, unit_id=caller_unit)
    if mutation.base_version is not None and mutation.base_version > current.version:
        return _rejected(
            "unknown_base_version",
            f"基准版本 {mutation.base_version} 比服务器上的版本 {current.version} 还新，"
            "服务器不认识这个版本。",
            f"Base version {mutation.base_version} is newer than the server's "
            f"{current.version}; the server never issued it.",
            current,
        )
    if current.deleted:
        return _decide_on_tombstone(mutation, kind, current, fields, base_fields)
    if kind in IMMUTABLE_WHEN_SUBMITTED:
        return _decide_regulatory(mutation, current, fields, base_fields)
    if kind == RecordType.HAZARD_EVENT:
        return _decide_append_only(current, fields)
    if kind == RecordType.CONFLICT:
        return _decide_conflict_resolution(current, fields)
    return _merge(mutation, kind, current, fields, base_fields)


# Scope and operations -----------------------------------------------------------------------


def _refuse_scope(
    mutation: Mutation, kind: RecordType, current: StoredRecord | None, caller_unit: str | None
) -> Decision | None:
    if current is not None and current.record_type != kind:
        return Decision(
            Outcome.REJECTED,
            "record_type_mismatch",
            f"编号 {mutation.record_id} 已被另一类记录使用。",
            f"The id {mutation.record_id} belongs to a record of another type.",
            show_record=False,
        )

    if kind == RecordType.UNIT:
        claimed_unit = mutation.record_id
    else:
        claimed = mutation.fields.get("unit_id")
        claimed_unit = claimed if isinstance(claimed, str) else None
    owner_unit = current.unit_id if current is not None else claimed_unit
    mismatched = claimed_unit is not None and claimed_unit != caller_unit
    foreign = caller_unit is None or mismatched
    foreign = foreign or (owner_unit is not None and owner_unit != caller_unit)
    if foreign:
        return Decision(
            Outcome.REJECTED,
            "other_unit",
            "这条记录不属于您的单位，不能提交。",
            "This record does not belong to your unit; it cannot be pushed.",
            show_record=False,
        )
    return None


def _decide_delete(mutation: Mutation, kind: RecordType, current: StoredRecord | None) -> Decision:
    if kind not in DELETABLE:
        reason_zh, reason_en = _not_deletable_reason(kind)
        return _rejected("not_deletable", reason_zh, reason_en, current)
    if current is None:
        return Decision(Outcome.DUPLICATE, "already_absent")
    if current.deleted:
        return _unchanged(Outcome.DUPLICATE, current, "already_deleted")
    if mutation.base_version != current.version:
        note = ConflictNote(
            DELETED_FIELD,
            base_value=False,
            client_value=True,
            server_value=False,
            reason_zh="记录在服务器上已被修改，删除未执行。",
            reason_en="The record changed on the server since you saw it; it was not deleted.",
        )
        return Decision(
            Outcome.CONFLICT,
            "stale_delete",
            note.reason_zh,
            note.reason_en,
            fields=dict(current.fields),
            conflicts=(note,),
        )
    return Decision(
        Outcome.APPLIED,
        write=True,
        fields=dict(current.fields),
        deleted=True,
        unit_id=current.unit_id,
    )


def _not_deletable_reason(kind: RecordType) -> tuple[str, str]:
    if kind in IMMUTABLE_WHEN_SUBMITTED:
        return (
            "日管控、周排查、月调度记录不能删除，只能作废。",
            "Daily, weekly and monthly records are voided, never deleted.",
        )
    if kind == RecordType.HAZARD_EVENT:
        return ("隐患历史只能追加，不能删除。", "Hazard history is append-only.")
    if kind == RecordType.CONFLICT:
        return ("冲突记录不能删除，请标记为已解决。", "Mark a conflict resolved; do not delete it.")
    return (
        "单位和设备由管理员登记，客户端不能删除。",
        "Units and equipment are registered by the administrator; a client cannot delete them.",
    )


def _decide_void(mutation: Mutation, kind: RecordType, current: StoredRecord | None) -> Decision:
    if kind not in IMMUTABLE_WHEN_SUBMITTED:
        return _rejected(
            "not_voidable",
            "只有日管控、周排查、月调度记录可以作废。",
            "Only daily, weekly and monthly records can be voided.",
            current,
        )
    if set(mutation.fields) - {"status"} or mutation.fields.get("status", "void") != "void":
        return _rejected(
            "invalid_field",
            "作废操作只能带 status=void。",
            "A void operation carries no fields other than status=void.",
            current,
        )
    if current is None:
        return _rejected(
            "not_found",
            "服务器上没有这条记录，无法作废。",
            "The server has no such record to void.",
            None,
        )
    if current.deleted:
        return _rejected("not_found", "这条记录已删除。", "The record was deleted.", current)
    if current.fields.get("status") == RecordStatus.VOID:
        return _unchanged(Outcome.DUPLICATE, current, "already_void")
    return Decision(
        Outcome.APPLIED,
        write=True,
        fields={**current.fields, "status": RecordStatus.VOID.value},
        unit_id=current.unit_id,
    )


def _canonical_base(kind: RecordType, base_fields: dict[str, Any]) -> dict[str, Any]:
    """``base_fields`` in canonical form where they fit the schema, as sent where not.

    A base value only serves comparison; an odd one must not reject the mutation.
    """
    canonical = {}
    for name, value in base_fields.items():
        try:
            canonical.update(validate_fields(kind, {name: value}))
        except FieldProblem:
            canonical[name] = value
    return canonical


# Creating -----------------------------------------------------------------------------------


def _refuse_create(kind: RecordType) -> Decision:
    if kind == RecordType.UNIT:
        return _rejected(
            "unit_not_registered",
            "单位由管理员在服务器上登记，客户端不能新建。",
            "Units are registered on the server by the administrator, not created by a client.",
            None,
        )
    if kind == RecordType.EQUIPMENT:
        return _rejected(
            "equipment_not_registered",
            "设备由管理员登记或导入（设备代码、使用登记证编号属于登记信息），客户端不能新建。",
            "Equipment is registered or imported by the administrator (its code and "
            "registration number are registry data); a client cannot create it.",
            None,
        )
    return _server_owned_conflict(None)


def _server_owned_conflict(current: StoredRecord | None) -> Decision:
    return _rejected(
        "server_owned",
        "冲突记录由服务器生成；客户端只能把它标记为已解决（status=resolved）。",
        "Conflict records are made by the server; a client may only set status=resolved.",
        current,
    )


# Records that exist -------------------------------------------------------------------------


def _decide_on_tombstone(
    mutation: Mutation,
    kind: RecordType,
    current: StoredRecord,
    fields: dict[str, Any],
    base_fields: dict[str, Any],
) -> Decision:
    """An edit of a deleted record: a revival if the device saw the deletion, else a conflict."""
    if mutation.base_version == current.version:
        return Decision(
            Outcome.APPLIED,
            write=True,
            fields={**current.fields, **fields},
            unit_id=current.unit_id,
        )
    notes = tuple(
        ConflictNote(
            name,
            base_value=base_fields.get(name),
            client_value=value,
            server_value=current.fields.get(name),
            reason_zh="这条记录已在服务器上删除；您的修改保存在冲突记录中。",
            reason_en="The record was deleted on the server; your edit is kept in this conflict.",
        )
        for name, value in fields.items()
    )
    return Decision(
        Outcome.CONFLICT,
        "deleted_on_server",
        "这条记录已在服务器上删除，修改未应用。",
        "The record was deleted on the server; the edit was not applied.",
        fields=dict(current.fields),
        deleted=True,
        conflicts=notes,
    )


def _differing(current: StoredRecord, fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if current.fields.get(name) != value}


def _decide_regulatory(
    mutation: Mutation,
    current: StoredRecord,
    fields: dict[str, Any],
    base_fields: dict[str, Any],
) -> Decision:
    status = current.fields.get("status")
    if status == RecordStatus.DRAFT:
        # Clients push regulatory records once submitted; a pushed draft stays editable.
        return _merge(mutation, RecordType(mutation.record_type), current, fields, base_fields)

    differing = _differing(current, fields)
    if not differing:
        return _unchanged(Outcome.DUPLICATE, current)
    if differing == {"status": RecordStatus.VOID.value}:
        return Decision(
            Outcome.APPLIED,
            write=True,
            fields={**current.fields, "status": RecordStatus.VOID.value},
            unit_id=current.unit_id,
        )
    reason_zh = "已提交的记录不能修改；服务器保留原记录。如需更正，请提交更正记录并说明原因。"
    reason_en = (
        "A submitted record cannot change; the server keeps the original. File an amendment "
        "with a reason to correct it."
    )
    return _refuse_changes(
        current, differing, base_fields, "immutable_record", reason_zh, reason_en
    )


def _decide_append_only(current: StoredRecord, fields: dict[str, Any]) -> Decision:
    differing = _differing(current, fields)
    if not differing:
        return _unchanged(Outcome.DUPLICATE, current)
    reason_zh = "隐患历史记录只能追加，已有的记录不能修改。"
    reason_en = "Hazard history is append-only; an existing entry never changes."
    return _refuse_changes(current, differing, {}, "append_only", reason_zh, reason_en)


def _refuse_changes(
    current: StoredRecord,
    differing: dict[str, Any],
    base_fields: dict[str, Any],
    code: str,
    reason_zh: str,
    reason_en: str,
) -> Decision:
    """A record that may not change keeps the server's copy; every field the client changed is
    named in a conflict note, so the edit is seen, never silently dropped."""
    notes = tuple(
        ConflictNote(
            name,
            base_value=base_fields.get(name),
            client_value=value,
            server_value=current.fields.get(name),
            reason_zh=reason_zh,
            reason_en=reason_en,
        )
        for name, value in differing.items()
    )
    return _unchanged(
        Outcome.CONFLICT,
        current,
        code,
        reason_zh=reason_zh,
        reason_en=reason_en,
        conflicts=notes,
    )


def _decide_conflict_resolution(current: StoredRecord, fields: dict[str, Any]) -> Decision:
    if set(fields) != {"status"} or fields["status"] != ConflictStatus.RESOLVED:
        return _server_owned_conflict(current)
    if current.fields.get("status") == ConflictStatus.RESOLVED:
        return _unchanged(Outcome.DUPLICATE, current)
    return Decision(
        Outcome.APPLIED,
        write=True,
        fields={**current.fields, "status": ConflictStatus.RESOLVED.value},
        unit_id=current.unit_id,
    )


# The three-way merge ------------------------------------------------------------------------


def status_reachable(current: str, target: str) -> bool:
    """Whether a hazard can get from ``current`` to ``target`` in zero or more allowed steps.

    A device offline for a while may push several moves coalesced into one change (found to
    closed); the server checks that such a path exists, not a single step.
    """
    seen = {current}
    queue = deque([current])
    while queue:
        status = queue.popleft()
        if status == target:
            return True
        for following in HazardStatus:
            if following not in seen and hazard_transition_allowed(status, following):
                seen.add(following)
                queue.append(following.value)
    return False


def _merge(
    mutation: Mutation,
    kind: RecordType,
    current: StoredRecord,
    fields: dict[str, Any],
    base_fields: dict[str, Any],
) -> Decision:
    differing = _differing(current, fields)
    if not differing:
        return _unchanged(Outcome.DUPLICATE, current)
    stale = mutation.base_version != current.version

    owned = sorted(set(differing) & SERVER_OWNED_FIELDS.get(kind, frozenset()))
    if owned:
        names = ", ".join(owned)
        return _rejected(
            "server_owned_field",
            f"这些字段属于登记信息，由服务器（监管平台）维护，客户端不能修改：{names}。",
            f"These fields are registry data kept by the server; a client cannot change "
            f"them: {names}.",
            current,
        )

    if kind == RecordType.HAZARD and current.fields.get("status") == HazardStatus.CLOSED:
        return _closed_hazard(current, differing, base_fields, stale)

    taken: dict[str, Any] = {}
    notes: list[ConflictNote] = []
    for name, client_value in differing.items():
        server_value = current.fields.get(name)
        base_known = name in base_fields
        only_client_changed = not stale or (base_known and base_fields[name] == server_value)
        if only_client_changed:
            taken[name] = client_value
            continue
        if base_known and base_fields[name] == client_value:
            continue  # only the server changed it: the server's value stands
        notes.append(
            ConflictNote(
                name,
                base_value=base_fields.get(name),
                client_value=client_value,
                server_value=server_value,
                reason_zh="此字段在服务器上也被修改过；已保留服务器的值，您的值保存在冲突记录中。",
                reason_en="This field was also changed on the server; the server's value was "
                "kept and yours is saved in this conflict.",
            )
        )

    if kind == RecordType.HAZARD and "status" in taken:
        source, target = current.fields.get("status", HazardStatus.FOUND), taken["status"]
        if not status_reachable(source, target):
            return _rejected(
                "hazard_transition",
                f"隐患不能从“{label(HAZARD_STATUS_LABELS, source)}”变为"
                f"“{label(HAZARD_STATUS_LABELS, target)}”。",
                f"A hazard cannot move from {label(HAZARD_STATUS_LABELS, source, 'en')} to "
                f"{label(HAZARD_STATUS_LABELS, target, 'en')}.",
                current,
            )

    merged = {**current.fields, **taken}
    settled = frozenset(taken) if not stale else frozenset()
    if notes:
        return Decision(
            Outcome.CONFLICT,
            "field_conflict",
            "部分字段与服务器上的修改冲突，已保留服务器的值；其余修改已合并。",
            "Some fields conflict with changes on the server and kept the server's value; "
            "the rest was merged.",
            write=bool(taken),
            fields=merged,
            unit_id=current.unit_id,
            conflicts=tuple(notes),
            settled_fields=settled,
        )
    if not taken:
        return _unchanged(Outcome.DUPLICATE, current)
    return Decision(
        Outcome.MERGED if stale else Outcome.APPLIED,
        write=True,
        fields=merged,
        unit_id=current.unit_id,
        settled_fields=settled,
    )


def _closed_hazard(
    current: StoredRecord, differing: dict[str, Any], base_fields: dict[str, Any], stale: bool
) -> Decision:
    """A closed hazard never changes: a stale edit becomes a conflict, a fresh one a rejection."""
    reason_zh = "隐患已销号，不能再修改或重新打开；如隐患再次出现，请新建隐患。"
    reason_en = (
        "The hazard is closed and can neither change nor reopen; if it recurs, open a new one."
    )
    if not stale:
        return _rejected("hazard_closed", reason_zh, reason_en, current)
    notes = tuple(
        ConflictNote(
            name,
            base_value=base_fields.get(name),
            client_value=value,
            server_value=current.fields.get(name),
            reason_zh=reason_zh,
            reason_en=reason_en,
        )
        for name, value in differing.items()
    )
    return _unchanged(
        Outcome.CONFLICT,
        current,
        "hazard_closed",
        reason_zh=reason_zh,
        reason_en=reason_en,
        conflicts=notes,
    )
