"""Photo blobs: a resumable, content-addressed upload, and serving complete blobs only.

A blob is stored once however many units upload it, as ``blobs/<ab>/<sha256>`` in the server's
data folder; an upload in progress lives apart, as ``blobs-partial/<sha256>.part``, and is moved
into ``blobs/`` (one atomic rename) only after its length and SHA-256 match. So ``blobs/`` never
holds a partial or a wrong file, and a GET can only ever serve verified bytes.

The database holds each blob's declared size, media type and received offset (``blobs``) and the
units it belongs to (``blob_units``). The partial file is trusted only up to the recorded
offset: every chunk first truncates the file there, so a chunk whose transaction failed after
its bytes were written is simply written again.

Who reads a blob: the staff of a unit it belongs to, and supervisors whose jurisdiction holds
such a unit (:mod:`sync.server.scope`). Anyone else gets 404, as for a blob that does not exist.
A unit that POSTs the hash of a blob the server already has is linked to it without sending the
bytes (one request): knowing a photo's SHA-256 is taken as proof of having it. Hashes travel
only inside a unit's own records, so another unit cannot learn them (see docs/sync-protocol.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from starlette.concurrency import run_in_threadpool

from sync.blobs import (
    MAX_BLOB_BYTES,
    MAX_CHUNK_BYTES,
    SHA256_PATTERN,
    BlobStart,
    BlobStatus,
    ChunkAccepted,
)
from sync.clock import utc_now
from sync.protocol import API_PREFIX, Problem
from sync.server.auth import Identity, current_identity, writing_identity
from sync.server.db import Base, ServerDatabase
from sync.server.problems import PROBLEM_MEDIA_TYPE, ProblemError, problem_response
from sync.server.scope import visible_unit_ids
from sync.store.models import UtcDateTime

logger = logging.getLogger(__name__)

BLOB_FOLDER = "blobs"
PARTIAL_FOLDER = "blobs-partial"
OFFSET_HEADER = "Upload-Offset"
_READ_BLOCK = 1024 * 1024


class Blob(Base):
    """One photo by content: its declared size, and how much of it has arrived."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(40))
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class BlobUnit(Base):
    """A unit a blob belongs to (and who linked it): the unit's staff may read it."""

    __tablename__ = "blob_units"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    user_id: Mapped[int] = mapped_column(Integer, ForeignKey("users.id"))
    linked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


class OffsetProblem(ProblemError):
    """409: the chunk was sent for another offset than the server's; carries that offset."""

    def __init__(self, offset: int) -> None:
        super().__init__(
            409,
            "wrong_offset",
            f"上传位置不一致：服务器已收到 {offset} 字节，请从该位置继续。",
            f"Wrong upload offset: the server has {offset} bytes; continue from there.",
        )
        self.offset = offset


class BlobStore:
    """The blob files of one data folder. Callers hold the blob's row lock while writing."""

    def __init__(self, data_dir: Path) -> None:
        self.blob_dir = Path(data_dir) / BLOB_FOLDER
        self.partial_dir = Path(data_dir) / PARTIAL_FOLDER

    def final_path(self, sha256: str) -> Path:
        return self.blob_dir / sha256[:2] / sha256

    def partial_path(self, sha256: str) -> Path:
        return self.partial_dir / f"{sha256}.part"

    def partial_size(self, sha256: str) -> int:
        try:
            return self.partial_path(sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def write_at(self, sha256: str, offset: int, chunk: bytes) -> None:
        """Cut the partial to ``offset`` and append ``chunk``, durably."""
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        path = self.partial_path(sha256)
        with open(path, "r+b" if path.exists() else "w+b") as file:
            file.truncate(offset)
            file.seek(offset)
            file.write(chunk)
            file.flush()
            os.fsync(file.fileno())

    def partial_digest(self, sha256: str) -> tuple[int, str]:
        digest = hashlib.sha256()
        length = 0
        with open(self.partial_path(sha256), "rb") as file:
            while block := file.read(_READ_BLOCK):
                digest.update(block)
                length += len(block)
        return length, digest.hexdigest()

    def publish(self, sha256: str) -> None:
        """Move the verified partial into the blob folder (atomic on one file system)."""
        target = self.final_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.partial_path(sha256), target)

    def discard_partial(self, sha256: str) -> None:
        self.partial_path(sha256).unlink(missing_ok=True)


# The upload steps, each one unit of work -----------------------------------------------------


def _status(blob: Blob) -> BlobStatus:
    return BlobStatus(
        sha256=blob.sha256,
        size=blob.size,
        media_type=blob.media_type,
        offset=blob.received,
        complete=blob.complete,
    )


def _locked_blob(session: Session, sha256: str) -> Blob | None:
    # FOR UPDATE on PostgreSQL; SQLite's writer already holds the database's write lock.
    return session.scalar(select(Blob).where(Blob.sha256 == sha256).with_for_update())


def _reconcile(store: BlobStore, blob: Blob) -> None:
    """Repair what a crash between a file step and its commit may have left."""
    if blob.complete:
        return
    if store.final_path(blob.sha256).exists():
        # Only verified bytes are ever renamed there; the commit that followed was lost.
        blob.received, blob.complete, blob.completed_at = blob.size, True, utc_now()
        return
    on_disk = store.partial_size(blob.sha256)
    if on_disk < blob.received:
        logger.warning(
            "blob %s: partial holds %d bytes, %d recorded; resuming from the file",
            blob.sha256,
            on_disk,
            blob.received,
        )
        blob.received = on_disk


def _unit_of(identity: Identity) -> str:
    if not identity.unit_id:
        raise ProblemError(
            403, "no_unit", "此账号不属于任何单位。", "This account belongs to no unit."
        )
    return identity.unit_id


def start_upload(
    database: ServerDatabase, store: BlobStore, identity: Identity, sha256: str, start: BlobStart
) -> BlobStatus:
    """Register the blob for the caller's unit; answers where its upload stands.

    Safe to retry: a second call changes nothing but may link another unit. Commits once.
    """
    unit_id = _unit_of(identity)
    if start.size > MAX_BLOB_BYTES:
        raise ProblemError(
            413,
            "blob_too_large",
            f"照片最大 {MAX_BLOB_BYTES // (1024 * 1024)} MiB。",
            f"A photo has at most {MAX_BLOB_BYTES // (1024 * 1024)} MiB.",
        )
    for attempt in range(2):
        try:
            with database.writing() as session:
                blob = _locked_blob(session, sha256)
                if blob is None:
                    blob = Blob(
                        sha256=sha256,
                        size=start.size,
                        media_type=start.media_type,
                        received=0,
                        complete=False,
                    )
                    session.add(blob)
                    session.flush()
                elif blob.size != start.size:
                    raise ProblemError(
                        409,
                        "blob_size_mismatch",
                        f"该哈希的照片大小为 {blob.size} 字节，与申报的 {start.size} 字节不符。",
                        f"The blob with this hash has {blob.size} bytes, not {start.size}.",
                    )
                _reconcile(store, blob)
                if session.get(BlobUnit, (sha256, unit_id)) is None:
                    session.add(BlobUnit(sha256=sha256, unit_id=unit_id, user_id=identity.user_id))
                status = _status(blob)
            break
        except IntegrityError:
            # Two first POSTs of one hash at once (PostgreSQL); the retry sees the other's row.
            if attempt == 1:
                raise
    logger.info(
        "blob %s started by %s for unit %s: %d of %d bytes%s",
        sha256,
        identity.username,
        unit_id,
        status.offset,
        status.size,
        ", already complete" if status.complete else "",
    )
    return status


def append_chunk(
    database: ServerDatabase,
    store: BlobStore,
    identity: Identity,
    sha256: str,
    offset: int,
    chunk: bytes,
) -> ChunkAccepted:
    """Write ``chunk`` at ``offset``; on the last byte verify and publish the blob.

    Safe to retry: a chunk at an old offset gets 409 with the server's offset, and any chunk
    sent to a complete blob answers complete without writing. Raises OffsetProblem (409),
    ProblemError 404 (not started by this unit), 413 (too large), 422 (beyond the declared
    size, or the finished bytes do not hash to ``sha256``: the partial is then discarded and
    the upload must start again with a POST).
    """
    if len(chunk) > MAX_CHUNK_BYTES:
        raise _chunk_too_large()
    unit_id = _unit_of(identity)

    hash_mismatch = False
    with database.writing() as session:
        blob = _locked_blob(session, sha256)
        linked = blob is not None and session.get(BlobUnit, (sha256, unit_id)) is not None
        if not linked:
            raise _not_started()
        _reconcile(store, blob)
        if blob.complete:
            return ChunkAccepted(offset=blob.size, complete=True)
        if offset != blob.received:
            raise OffsetProblem(blob.received)
        if offset + len(chunk) > blob.size:
            raise ProblemError(
                422,
                "chunk_beyond_size",
                f"数据超出申报的大小（{blob.size} 字节）。",
                f"The chunk goes beyond the declared size ({blob.size} bytes).",
            )

        store.write_at(sha256, offset, chunk)
        blob.received = offset + len(chunk)
        if blob.received == blob.size:
            length, digest = store.partial_digest(sha256)
            if length == blob.size and digest == sha256:
                store.publish(sha256)
                blob.complete, blob.completed_at = True, utc_now()
            else:
                store.discard_partial(sha256)
                session.execute(delete(BlobUnit).where(BlobUnit.sha256 == sha256))
                session.delete(blob)
                hash_mismatch = True
        answer = ChunkAccepted(offset=0 if hash_mismatch else blob.received, complete=blob.complete)

    if hash_mismatch:
        logger.info("blob %s from %s refused: wrong hash", sha256, identity.username)
        raise ProblemError(
            422,
            "blob_hash_mismatch",
            "照片数据的 SHA-256 与其名称不符，已丢弃，请重新上传。",
            "The uploaded bytes do not hash to the blob's SHA-256; they were discarded. "
            "Start the upload again.",
        )
    if answer.complete:
        logger.info("blob %s complete (%d bytes) from %s", sha256, answer.offset, identity.username)
    return answer


def _readable_blob(database: ServerDatabase, identity: Identity, sha256: str) -> Blob | None:
    with database.reading() as session:
        units = visible_unit_ids(session, identity)
        if not units:
            return None
        return session.scalar(
            select(Blob)
            .join(BlobUnit, BlobUnit.sha256 == Blob.sha256)
            .where(Blob.sha256 == sha256, BlobUnit.unit_id.in_(units))
            .limit(1)
        )


def upload_status(database: ServerDatabase, identity: Identity, sha256: str) -> BlobStatus:
    blob = _readable_blob(database, identity, sha256)
    if blob is None:
        raise _not_found()
    return _status(blob)


def complete_blob_path(
    database: ServerDatabase, store: BlobStore, identity: Identity, sha256: str
) -> tuple[Path, Blob]:
    """The file of a complete blob ``identity`` may read; 404 for anything else."""
    blob = _readable_blob(database, identity, sha256)
    path = store.final_path(sha256)
    if blob is None or not blob.complete or not path.is_file():
        raise _not_found()
    return path, blob


def _not_found() -> ProblemError:
    return ProblemError(
        404,
        "blob_not_found",
        "没有这张照片（或尚未上传完成，或无权查看）。",
        "No such photo (or its upload is not complete, or you may not see it).",
    )


def _not_started() -> ProblemError:
    return ProblemError(
        404,
        "blob_not_started",
        "请先用 POST 登记这张照片，再上传数据。",
        "Register the photo with POST before sending its bytes.",
    )


def _chunk_too_large() -> ProblemError:
    return ProblemError(
        413,
        "chunk_too_large",
        f"每块数据最多 {MAX_CHUNK_BYTES // 1024} KiB。",
        f"A chunk has at most {MAX_CHUNK_BYTES // 1024} KiB.",
    )


# Routes ---------------------------------------------------------------------------------------

router = APIRouter(prefix=f"{API_PREFIX}/blobs", tags=["blobs"])

Sha256 = Annotated[str, PathParam(pattern=SHA256_PATTERN, description="SHA-256, lowercase hex")]
_PROBLEM = {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}}


def _store(request: Request) -> BlobStore:
    return BlobStore(request.app.state.settings.data_dir)


@router.post(
    "/{sha256}",
    response_model=BlobStatus,
    responses={409: _PROBLEM, 413: _PROBLEM},
)
def start_blob(
    sha256: Sha256,
    body: BlobStart,
    request: Request,
    identity: Annotated[Identity, Depends(writing_identity)],
) -> BlobStatus:
    """Register a photo for the caller's unit; answers its offset, or complete=true when the
    server already has it (then nothing more is sent). Safe to retry."""
    return start_upload(request.app.state.database, _store(request), identity, sha256, body)


@router.put(
    "/{sha256}",
    response_model=ChunkAccepted,
    responses={404: _PROBLEM, 409: _PROBLEM, 413: _PROBLEM, 422: _PROBLEM},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {
                    "schema": {"type": "string", "format": "binary", "maxLength": MAX_CHUNK_BYTES}
                }
            },
        }
    },
)
async def put_chunk(
    sha256: Sha256,
    request: Request,
    identity: Annotated[Identity, Depends(writing_identity)],
    offset: Annotated[int, Query(ge=0, le=MAX_BLOB_BYTES)],
) -> Response:
    """Append the body (at most 1 MiB) at ``offset``. A wrong offset answers 409 with the
    server's ``offset`` in the body and the ``Upload-Offset`` header."""
    chunk = await request.body()
    try:
        accepted = await run_in_threadpool(
            append_chunk,
            request.app.state.database,
            _store(request),
            identity,
            sha256,
            offset,
            chunk,
        )
    except OffsetProblem as problem:
        return _offset_problem_response(problem)
    return JSONResponse(accepted.model_dump(), headers={OFFSET_HEADER: str(accepted.offset)})


def _offset_problem_response(problem: OffsetProblem) -> JSONResponse:
    # The usual problem body, plus the offset the client is to continue from.
    plain = problem_response(problem.status, problem.code, problem.detail_zh, problem.detail_en)
    body = {**json.loads(plain.body), "offset": problem.offset}
    return JSONResponse(
        body,
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers={OFFSET_HEADER: str(problem.offset)},
    )


@router.get("/{sha256}/status", response_model=BlobStatus, responses={404: _PROBLEM})
def blob_status(
    sha256: Sha256,
    request: Request,
    identity: Annotated[Identity, Depends(current_identity)],
) -> JSONResponse:
    """Where the upload stands (after a lost connection: continue from ``offset``)."""
    status = upload_status(request.app.state.database, identity, sha256)
    return JSONResponse(status.model_dump(), headers={OFFSET_HEADER: str(status.offset)})


_BLOB_RESPONSES = {
    200: {"content": {"image/*": {"schema": {"type": "string", "format": "binary"}}}},
    404: _PROBLEM,
}


@router.get("/{sha256}", response_class=FileResponse, responses=_BLOB_RESPONSES)
def get_blob(
    sha256: Sha256,
    request: Request,
    identity: Annotated[Identity, Depends(current_identity)],
) -> FileResponse:
    """The photo's bytes, only once complete and verified; 404 otherwise (never a partial)."""
    return _blob_file(request, identity, sha256)


@router.head("/{sha256}", response_class=FileResponse, responses={404: _PROBLEM})
def head_blob(
    sha256: Sha256,
    request: Request,
    identity: Annotated[Identity, Depends(current_identity)],
) -> FileResponse:
    """As GET, without the bytes: 200 with the length once complete, else 404."""
    return _blob_file(request, identity, sha256)


def _blob_file(request: Request, identity: Identity, sha256: str) -> FileResponse:
    path, blob = complete_blob_path(request.app.state.database, _store(request), identity, sha256)
    return FileResponse(
        path,
        media_type=blob.media_type,
        headers={
            "Cache-Control": "private, max-age=31536000, immutable",
            "X-Content-Type-Options": "nosniff",
            "ETag": f'"{sha256}"',
        },
    )
