"""Reading changes after a cursor, for the units the caller may see.

A page, the counter and the digest are read from one snapshot (REPEATABLE READ on PostgreSQL,
one read transaction on SQLite). Because change seqs are handed out in commit order
(:func:`sync.server.push.allocate_change_seqs`), every seq at or below the counter's value in
that snapshot is committed, so the last page may move the cursor up to the counter without
skipping anything a later commit could add.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.clock import iso_timestamp, utc_now
from sync.protocol import Change, PullPage, ScopeDigest, scope_digest
from sync.records import PARENT_FIELDS, RecordType
from sync.server.auth import Identity
from sync.server.db import COUNTER_ROW_ID, ChangeCounter, Record, ServerDatabase
from sync.server.scope import visible_unit_ids

logger = logging.getLogger(__name__)


def pull(database: ServerDatabase, identity: Identity, cursor: int, limit: int) -> PullPage:
    """The changes after ``cursor`` (at most ``limit``). Read-only, so always safe to retry."""
    with database.reading() as session:
        units = visible_unit_ids(session, identity)
        rows: list[Record] = []
        if units:
            rows = list(
                session.scalars(
                    select(Record)
                    .where(Record.change_seq > cursor, Record.unit_id.in_(units))
                    .order_by(Record.change_seq)
                    .limit(limit + 1)
                )
            )
        has_more = len(rows) > limit
        rows = rows[:limit]
        page_end = rows[-1].change_seq if rows else cursor
        rows = _parents_not_yet_sent(session, rows, units, page_end) + rows

        digest: ScopeDigest | None = None
        if has_more:
            # The page's own last change; the parents sent ahead of it do not move the cursor.
            next_cursor = page_end
        else:
            # The newest seq of the snapshot, even when none of it was in scope: the next pull
            # starts there. It may be below a cursor the server never issued (a restored
            # database); the digest then tells the client to pull its scope again.
            next_cursor = session.get(ChangeCounter, COUNTER_ROW_ID).value
            digest = _digest(session, units)

    changes = [
        Change(
            seq=row.change_seq,
            record_type=RecordType(row.record_type),
            record_id=row.id,
            unit_id=row.unit_id,
            version=row.version,
            deleted=row.deleted,
            fields=row.fields,
        )
        for row in rows
    ]
    logger.info(
        "pull by %s device %s from %d: %d changes over %d units, next %d%s",
        identity.username,
        identity.device_id,
        cursor,
        len(changes),
        len(units),
        next_cursor,
        ", more" if has_more else "",
    )
    return PullPage(
        changes=changes,
        next_cursor=next_cursor,
        has_more=has_more,
        server_time=iso_timestamp(utc_now()),
        digest=digest,
    )


def _parents_not_yet_sent(
    session: Session, rows: list[Record], units: list[str], page_end: int
) -> list[Record]:
    """The live parents of the page's records whose newest change comes after the page.

    A hazard edited after its history events were written has a later seq than they do, so a
    laptop pulling from scratch would meet the events first and could not store them. Such
    parents (and theirs) go ahead of the page, grandparents first; they come again at their
    own seq, which the laptop skips as a version it already holds.
    """
    ahead: list[list[Record]] = []
    wanted = rows
    seen = {row.id for row in rows}
    while wanted:
        parent_ids = set()
        for row in wanted:
            if row.deleted or row.record_type not in PARENT_FIELDS:
                continue
            for field, _kind in PARENT_FIELDS[RecordType(row.record_type)]:
                parent_id = row.fields.get(field)
                if isinstance(parent_id, str) and parent_id not in seen:
                    parent_ids.add(parent_id)
        if not parent_ids:
            break
        wanted = list(
            session.scalars(
                select(Record)
                .where(
                    Record.id.in_(parent_ids),
                    Record.change_seq > page_end,
                    Record.unit_id.in_(units),
                    Record.deleted.is_(False),
                )
                .order_by(Record.change_seq)
            )
        )
        seen.update(row.id for row in wanted)
        ahead.append(wanted)
    return [row for level in reversed(ahead) for row in level]


def _digest(session: Session, units: list[str]) -> ScopeDigest:
    if not units:
        return scope_digest([])
    entries = session.execute(
        select(Record.record_type, Record.id, Record.version).where(
            Record.unit_id.in_(units),
            Record.deleted.is_(False),
            Record.record_type != RecordType.CONFLICT.value,
        )
    )
    return scope_digest((kind, record_id, version) for kind, record_id, version in entries)
