"""Applying a push: one transaction per batch, replays harmless, change seqs in commit order.

A batch's effects, the stored answer of each mutation and the device's last mutation id commit
together. A batch replayed after its response was lost therefore applies nothing twice: every
mutation id at or below the device's counter answers with the result stored the first time
(its original outcome, not "duplicate"), and only later ids are applied. The answer carries
the counter as committed, so a device whose ids fell behind (a store restored from a backup)
numbers its next changes after it.

Change seqs are handed out by :func:`allocate_change_seqs` as the last step of the transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections import Counter
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from sync.clock import iso_timestamp, utc_now
from sync.protocol import (
    ConflictStatus,
    FieldConflict,
    Mutation,
    MutationResult,
    Outcome,
    PushRequest,
    PushResponse,
)
from sync.records import RecordType
from sync.server import rules
from sync.server.auth import Identity
from sync.server.db import COUNTER_ROW_ID, ChangeCounter, Device, Record, ServerDatabase
from sync.server.db import MutationResult as StoredResult
from sync.server.problems import ProblemError

logger = logging.getLogger(__name__)

# A transaction that lost a race (two devices creating one id, a PostgreSQL deadlock between
# two pushes) is run again from the start; it changed nothing the first time.
ATTEMPTS = 3


def allocate_change_seqs(session: Session, records: list[Record]) -> None:
    """Give each written record the next change seqs; call as the transaction's LAST step.

    ``UPDATE change_counter SET value = value + n RETURNING value`` takes the counter row's
    lock and holds it until this transaction commits, so a later writer waits for it and gets
    higher numbers: seq order is commit order. A puller reading ``change_seq > cursor`` can
    therefore never see seq 11 committed while seq 10 is still to come.

    An identity column or database sequence would not do. Sequence numbers are taken when a
    row is written, outside the transaction's lock: push A writes first and takes 10, push B
    takes 11 and commits, a puller reads 11 and moves its cursor to 11, then A commits 10,
    which that puller never asks for again (tests/server/test_commit_order.py shows it).
    """
    if not records:
        return
    count = len(records)
    top = session.execute(
        update(ChangeCounter)
        .where(ChangeCounter.id == COUNTER_ROW_ID)
        .values(value=ChangeCounter.value + count)
        .returning(ChangeCounter.value)
    ).scalar_one()
    for offset, record in enumerate(records):
        record.change_seq = top - count + 1 + offset
    session.flush()


def push(database: ServerDatabase, identity: Identity, request: PushRequest) -> PushResponse:
    """Apply ``request`` for ``identity``; safe to retry with the same batch at any time.

    Runs on a worker thread (FastAPI's pool). Commits once, or not at all.
    """
    if request.device_id != identity.device_id:
        raise ProblemError(
            403,
            "device_mismatch",
            "推送的设备编号与登录时登记的设备不一致，请重新登录。",
            "The push names another device than the one this sign-in registered; sign in again.",
        )

    started = time.monotonic()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with database.writing() as session:
                results, last_mutation_id = _apply_batch(session, identity, request)
            break
        except (IntegrityError, OperationalError) as error:
            logger.warning(
                "push by %s device %s lost a race (attempt %d of %d): %s",
                identity.username,
                identity.device_id,
                attempt,
                ATTEMPTS,
                type(error.orig).__name__ if error.orig else type(error).__name__,
            )
            if attempt == ATTEMPTS:
                raise ProblemError(
                    503,
                    "busy",
                    "服务器繁忙，本批数据未保存，请稍后重试。",
                    "The server is busy; nothing of this batch was saved. Please retry.",
                    headers={"Retry-After": "2"},
                ) from error

    outcomes = Counter(result.outcome.value for result in results)
    logger.info(
        "push by %s device %s: %d mutations in %.0f ms: %s",
        identity.username,
        identity.device_id,
        len(results),
        (time.monotonic() - started) * 1000,
        ", ".join(f"{name}={count}" for name, count in sorted(outcomes.items())) or "none",
    )
    return PushResponse(
        results=results,
        server_time=iso_timestamp(utc_now()),
        last_mutation_id=last_mutation_id,
    )


def _apply_batch(
    session: Session, identity: Identity, request: PushRequest
) -> tuple[list[MutationResult], int]:
    """The batch's results, and the device's last mutation id as this transaction commits."""
    # The device row lock makes two deliveries of one batch wait for each other; the second
    # then sees the first's counter and answers from the stored results.
    device = session.execute(
        select(Device).where(Device.id == request.device_id).with_for_update()
    ).scalar_one()
    _lock_records_in_order(session, request, device.last_mutation_id)

    results: list[MutationResult] = []
    written: dict[str, Record] = {}
    last_applied = device.last_mutation_id
    for mutation in request.mutations:
        if mutation.mutation_id <= device.last_mutation_id:
            results.append(_earlier_result(session, device, mutation))
            continue

        result = _apply_mutation(session, identity, mutation, written)
        session.add(
            StoredResult(
                device_id=device.id,
                mutation_id=mutation.mutation_id,
                record_id=mutation.record_id,
                outcome=result.outcome.value,
                result={
                    **result.model_dump(mode="json"),
                    FINGERPRINT_KEY: mutation_fingerprint(mutation),
                },
            )
        )
        # A rejected mutation advances the counter too: one bad record never blocks the queue.
        last_applied = mutation.mutation_id
        results.append(result)

    device.last_mutation_id = last_applied
    device.last_seen_at = utc_now()
    session.flush()
    allocate_change_seqs(session, list(written.values()))
    return results, device.last_mutation_id


def _lock_records_in_order(session: Session, request: PushRequest, last_applied: int) -> None:
    """Take the row locks of every existing record the batch will change, in id order.

    Locked one by one in batch order, two batches changing the same records in opposite
    orders deadlock on PostgreSQL, which aborts one of them (retried, or 503 busy after
    ``ATTEMPTS``). In one global order they queue instead. (SQLite: one writer at a time.)
    """
    record_ids = sorted(
        {
            mutation.record_id
            for mutation in request.mutations
            if mutation.mutation_id > last_applied
        }
    )
    if record_ids:
        session.execute(
            select(Record.id).where(Record.id.in_(record_ids)).order_by(Record.id).with_for_update()
        ).all()


FINGERPRINT_KEY = "mutation_fingerprint"


def mutation_fingerprint(mutation: Mutation) -> str:
    """What a mutation says, hashed: a replay must say exactly the same to get the old answer."""
    content = {
        "record_id": mutation.record_id,
        "record_type": str(mutation.record_type),
        "operation": str(mutation.operation),
        "fields": mutation.fields,
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _earlier_result(session: Session, device: Device, mutation: Mutation) -> MutationResult:
    """The answer to a mutation id at or below the device's counter; nothing is applied.

    A true replay (same record, same content) gets the answer stored the first time. The same
    id with other content means the laptop reused ids (a store restored from a backup): the
    stored answer would tell it that an edit the server never saw was acknowledged, so it gets
    ``stale_mutation_id`` instead and sends the change again under a new id, after the
    counter the push answer carries.
    """
    stored = session.get(StoredResult, (device.id, mutation.mutation_id))
    if stored is not None:
        answer = dict(stored.result)
        fingerprint = answer.pop(FINGERPRINT_KEY, None)
        same_mutation = stored.record_id == mutation.record_id and fingerprint in (
            None,
            mutation_fingerprint(mutation),
        )
        if same_mutation:
            return MutationResult.model_validate(answer)
        logger.warning(
            "device %s reused mutation id %d for other content; answered stale",
            device.id,
            mutation.mutation_id,
        )

    # An id below the counter that was never sent, or reused for other content.
    return MutationResult(
        mutation_id=mutation.mutation_id,
        record_id=mutation.record_id,
        outcome=Outcome.REJECTED,
        code="stale_mutation_id",
        reason_zh=f"变更编号 {mutation.mutation_id} 早于本设备已提交的编号 "
        f"{device.last_mutation_id}，未应用；请以新编号重新发送。",
        reason_en=f"Mutation id {mutation.mutation_id} is below this device's last id "
        f"{device.last_mutation_id}; it was not applied. Send it again with a new id.",
    )


def _locked_record(session: Session, record_id: str) -> Record | None:
    # FOR UPDATE: a concurrent push of the same record waits, then merges against our result.
    return session.execute(
        select(Record).where(Record.id == record_id).with_for_update()
    ).scalar_one_or_none()


def _apply_mutation(
    session: Session, identity: Identity, mutation: Mutation, written: dict[str, Record]
) -> MutationResult:
    row = _locked_record(session, mutation.record_id)
    current = None
    if row is not None:
        current = rules.StoredRecord(
            record_type=RecordType(row.record_type),
            unit_id=row.unit_id,
            version=row.version,
            deleted=row.deleted,
            fields=dict(row.fields),
        )
    decision = rules.decide(mutation, current, identity.unit_id)
    now = utc_now()

    if decision.write:
        if row is None:
            row = Record(
                id=mutation.record_id,
                record_type=mutation.record_type.value,
                unit_id=decision.unit_id,
                version=1,
                created_at=now,
            )
            session.add(row)
        else:
            row.version += 1
        row.fields = dict(decision.fields or {})
        row.deleted = decision.deleted
        row.updated_at = now
        row.updated_by_device = identity.device_id
        written[row.id] = row

    unit_id = row.unit_id if row is not None else identity.unit_id
    conflicts = [
        _store_conflict(session, identity, mutation, unit_id, note, row, written)
        for note in decision.conflicts
    ]
    if decision.settled_fields:
        _resolve_settled(session, mutation.record_id, decision.settled_fields, written)

    shown = decision.show_record and row is not None
    return MutationResult(
        mutation_id=mutation.mutation_id,
        record_id=mutation.record_id,
        outcome=decision.outcome,
        version=row.version if shown else None,
        code=decision.code,
        reason_zh=decision.reason_zh,
        reason_en=decision.reason_en,
        conflicts=conflicts,
        record=dict(row.fields) if shown else None,
    )


def _store_conflict(
    session: Session,
    identity: Identity,
    mutation: Mutation,
    unit_id: str | None,
    note: rules.ConflictNote,
    subject: Record | None,
    written: dict[str, Record],
) -> FieldConflict:
    conflict_id = str(uuid.uuid4())
    fields: dict[str, Any] = {
        "record_type": mutation.record_type.value,
        "record_id": mutation.record_id,
        "field": note.field,
        "base_value": note.base_value,
        "client_value": note.client_value,
        "server_value": note.server_value,
        "device_id": identity.device_id,
        "status": ConflictStatus.OPEN.value,
        "created_at": iso_timestamp(utc_now()),
        "reason_zh": note.reason_zh,
        "reason_en": note.reason_en,
    }
    row = Record(
        id=conflict_id,
        record_type=RecordType.CONFLICT.value,
        unit_id=unit_id or (subject.unit_id if subject else ""),
        version=1,
        fields=fields,
        subject_id=mutation.record_id,
        updated_by_device=identity.device_id,
    )
    session.add(row)
    written[conflict_id] = row
    return FieldConflict(
        field=note.field,
        base_value=note.base_value,
        client_value=note.client_value,
        server_value=note.server_value,
        conflict_id=conflict_id,
    )


def _resolve_settled(
    session: Session, record_id: str, settled: frozenset[str], written: dict[str, Record]
) -> None:
    """Open conflicts on fields a device has now set knowing the server's value are resolved."""
    candidates = session.scalars(
        select(Record)
        .where(Record.subject_id == record_id, Record.record_type == RecordType.CONFLICT.value)
        .with_for_update()
    )
    for conflict in candidates:
        open_here = conflict.fields.get("status") == ConflictStatus.OPEN
        if open_here and conflict.fields.get("field") in settled:
            conflict.fields = {**conflict.fields, "status": ConflictStatus.RESOLVED.value}
            conflict.version += 1
            conflict.updated_at = utc_now()
            written[conflict.id] = conflict
