"""The sync endpoints: ``POST /api/v1/sync/push`` and ``GET /api/v1/sync/pull``."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    MAX_SAFE_INTEGER,
    PullPage,
    PushRequest,
    PushResponse,
)
from sync.server import pull, push
from sync.server.auth import Identity, current_identity, writing_identity

logger = logging.getLogger(__name__)

router = APIRouter(prefix=f"{API_PREFIX}/sync", tags=["sync"])


@router.post("/push", response_model=PushResponse)
def push_changes(
    body: PushRequest,
    request: Request,
    identity: Annotated[Identity, Depends(writing_identity)],
) -> PushResponse:
    """Apply a batch of mutations from the signed-in device, all in one transaction.

    Safe to retry with the same batch: mutation ids the server has seen answer with their
    stored results. Supervisors get 403 ``read_only``.
    """
    return push.push(request.app.state.database, identity, body)


@router.get("/pull", response_model=PullPage)
def pull_changes(
    request: Request,
    identity: Annotated[Identity, Depends(current_identity)],
    cursor: Annotated[int, Query(ge=0, le=MAX_SAFE_INTEGER)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
) -> PullPage:
    """The changes after ``cursor`` in the caller's scope; the last page carries the digest."""
    return pull.pull(request.app.state.database, identity, cursor, limit)
