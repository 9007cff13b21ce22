"""Signing and amending the regulatory records (weekly report, monthly minutes).

A submitted record carries who signed it and the laptop's clock at signing, and never changes
again (``record_change`` refuses). A correction is an amendment: a new record that names the
original in ``amends_id`` and says why in ``amendment_reason``. Both stay in the store and on
screen; the newest submitted record of a chain is the one that counts.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.clock import utc_now
from sync.errors import ReadOnlyRecordError, ValidationError
from sync.profile import Profile
from sync.records import RecordStatus, RecordType
from sync.store.changes import load_record, new_record_id, record_change
from sync.store.database import Store
from sync.store.models import RegulatoryRecord

logger = logging.getLogger(__name__)


def signature_fields(person_id: str, person_name: str, moment: dt.datetime) -> dict[str, Any]:
    """The fields that turn a draft into a submitted record signed by that person then."""
    return {
        "status": RecordStatus.SUBMITTED.value,
        "signed_by_id": person_id,
        "signed_by_name": person_name,
        "submitted_at": moment,
    }


def current_version_id(summaries: Sequence[Any]) -> str | None:
    """The version a page opens (summaries oldest first, each with ``id`` and ``status``):
    an open draft first, else the newest submitted."""
    drafts = [each for each in summaries if each.status == RecordStatus.DRAFT]
    if drafts:
        return drafts[-1].id
    submitted = [each for each in summaries if each.status == RecordStatus.SUBMITTED]
    return submitted[-1].id if submitted else None


def save_form_draft(
    store: Store, record_type: RecordType, form: Any, fields: dict[str, Any], actor: str
) -> str:
    """Save a form's fields as its draft (creating it the first time); returns and sets
    ``form.record_id``.

    Safe to call as often as the user types: an unchanged draft writes nothing. A submitted
    record refuses with ReadOnlyRecordError.
    """
    with store.session() as session:
        record = record_change(session, record_type, form.record_id, fields, actor)
        form.record_id = record.id
    return form.record_id


def sign_form(
    session: Session,
    record_type: RecordType,
    form: Any,
    fields: dict[str, Any],
    signer: Profile,
    now: dt.datetime | None = None,
) -> RegulatoryRecord:
    """Sign a form never saved or saved as a draft, and copy the signature onto the form.

    Runs in the caller's session, so a first draft, its signature and the outbox entry commit
    together; the form changes only once the record is signed.
    """
    if form.record_id is None:
        draft = record_change(session, record_type, None, fields, signer.person_name)
        form.record_id = draft.id
    signed = sign(session, record_type, form.record_id, fields, signer, now)
    form.status = signed.status
    form.signed_by_name = signed.signed_by_name
    form.submitted_at = signed.submitted_at
    return signed


def sign(
    session: Session,
    record_type: RecordType,
    record_id: str,
    fields: dict[str, Any],
    signer: Profile,
    now: dt.datetime | None = None,
) -> RegulatoryRecord:
    """Write ``fields`` and the signature in one change, turning a draft into a submitted record.

    Refuses (ReadOnlyRecordError) a record already submitted. Runs in the caller's session, so
    the signature commits with the record's last fields and its outbox entry.
    """
    record = load_record(session, record_type, record_id)
    if record.status != RecordStatus.DRAFT:
        raise ReadOnlyRecordError(
            "这份记录已经提交，不能再次提交。", "This record has already been submitted."
        )
    moment = now or utc_now()
    signature = signature_fields(signer.person_id, signer.person_name, moment)
    signed = record_change(
        session, record_type, record_id, {**fields, **signature}, signer.person_name, now=moment
    )
    logger.info("%s %s submitted by person %s", record_type, record_id, signer.person_id)
    return signed


def start_amendment(
    session: Session,
    record_type: RecordType,
    original_id: str,
    reason: str,
    actor: str,
    copied_fields: Sequence[str],
) -> str:
    """Open a draft correcting a submitted record, pre-filled with its content; returns its id.

    An amendment draft already open for the same original is returned instead of a second one,
    so pressing "amend" twice never forks the correction.
    """
    text = (reason or "").strip()
    if not text:
        raise ValidationError("请填写更正原因。", "Please give the reason for the amendment.")
    original = load_record(session, record_type, original_id)
    if original.status != RecordStatus.SUBMITTED:
        raise ValidationError(
            "只有已提交的记录才能更正；草稿可以直接修改。",
            "Only a submitted record is amended; a draft can simply be edited.",
        )

    record_class = type(original)
    open_draft = session.scalars(
        select(record_class).where(
            record_class.amends_id == original_id,
            record_class.status == RecordStatus.DRAFT.value,
        )
    ).first()
    if open_draft is not None:
        return open_draft.id

    # Deep copies: the JSON parts (answers, measures, decisions) must not share objects.
    fields = {key: copy.deepcopy(getattr(original, key)) for key in copied_fields}
    fields.update(
        {
            "status": RecordStatus.DRAFT.value,
            "amends_id": original_id,
            "amendment_reason": text,
            "signed_by_id": None,
            "signed_by_name": "",
            "submitted_at": None,
        }
    )
    amendment = record_change(session, record_type, new_record_id(), fields, actor)
    logger.info("%s %s amends %s", record_type, amendment.id, original_id)
    return amendment.id


def amend_record(
    store: Store,
    record_type: RecordType,
    original_id: str,
    reason: str,
    actor: str,
    copied_fields: Sequence[str],
) -> str:
    """:func:`start_amendment` in a transaction of its own; returns the amendment's id."""
    with store.session() as session:
        return start_amendment(session, record_type, original_id, reason, actor, copied_fields)
