"""Photo blobs on the wire: limits and the messages of the resumable upload (protocol v1).

Shared by the reference server (:mod:`sync.server.blobs`) and the desktop's sync client. A blob
is named by the SHA-256 of its bytes (64 lowercase hex digits). The upload in short (the whole
story is in docs/sync-protocol.md, section Photos):

1. ``POST /api/v1/blobs/{sha256}`` with :class:`BlobStart` answers :class:`BlobStatus`; when
   ``complete`` is already true the server has the blob and the upload is over.
2. ``PUT /api/v1/blobs/{sha256}?offset=N`` with the next chunk as the body answers
   :class:`ChunkAccepted`; a wrong offset answers 409 whose body carries the server's offset.
3. ``GET /api/v1/blobs/{sha256}/status`` tells the offset after a lost connection.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

MAX_CHUNK_BYTES = 1024 * 1024
MAX_BLOB_BYTES = 20 * 1024 * 1024
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# Photos only: what a phone or a camera writes. Anything else is refused with 422.
PHOTO_MEDIA_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic")

_SHA256 = re.compile(SHA256_PATTERN)


def is_sha256(text: str) -> bool:
    return bool(_SHA256.fullmatch(text))


class BlobStart(BaseModel):
    """The body of ``POST /api/v1/blobs/{sha256}``: what the client is about to send."""

    model_config = ConfigDict(extra="forbid")

    # The cap is checked by the server, not here, so that a photo too large answers 413.
    size: Annotated[StrictInt, Field(ge=1)] = Field(
        description=f"The blob's length in bytes; more than {MAX_BLOB_BYTES} answers 413."
    )
    media_type: Annotated[StrictStr, Field(pattern="^(" + "|".join(PHOTO_MEDIA_TYPES) + ")$")]


class BlobStatus(BaseModel):
    """Where an upload stands: ``offset`` bytes received; ``complete`` once hash-checked."""

    model_config = ConfigDict(extra="ignore")

    sha256: str
    size: int
    media_type: str
    offset: int
    complete: bool


class ChunkAccepted(BaseModel):
    """The answer to a chunk: the new offset, and whether the blob is now complete."""

    model_config = ConfigDict(extra="ignore")

    offset: int
    complete: bool
