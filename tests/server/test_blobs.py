"""Photo blobs over a real socket: resumable upload, verification, one-request dedup, scope."""

from __future__ import annotations

import hashlib
import random
import socket
import time
import uuid
from pathlib import Path

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.blobs import MAX_BLOB_BYTES, MAX_CHUNK_BYTES
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server.blobs import BLOB_FOLDER, PARTIAL_FOLDER

CHUNK = 256 * 1024
CUT_EXAMPLES = 12


def photo(size: int, seed: int = 0) -> tuple[bytes, str]:
    data = random.Random(seed).randbytes(size)
    return data, hashlib.sha256(data).hexdigest()


def start(client, sha: str, size: int) -> httpx.Response:
    return client.http.post(
        f"/api/v1/blobs/{sha}",
        json={"size": size, "media_type": "image/jpeg"},
        headers=client.headers(),
    )


def put(client, sha: str, offset: int, chunk: bytes) -> httpx.Response:
    headers = {**client.headers(), "Content-Type": "application/octet-stream"}
    return client.http.put(
        f"/api/v1/blobs/{sha}", params={"offset": offset}, content=chunk, headers=headers
    )


def status(client, sha: str) -> httpx.Response:
    return client.http.get(f"/api/v1/blobs/{sha}/status", headers=client.headers())


def fetch(client, sha: str) -> httpx.Response:
    return client.http.get(f"/api/v1/blobs/{sha}", headers=client.headers())


def upload_from(client, sha: str, data: bytes, offset: int) -> dict:
    """Send ``data`` from ``offset`` in chunks, following the server's offset on a 409."""
    answer: dict = {}
    while offset < len(data):
        response = put(client, sha, offset, data[offset : offset + CHUNK])
        if response.status_code == 409:
            offset = response.json()["offset"]
            continue
        assert response.status_code == 200, response.text
        answer = response.json()
        offset = answer["offset"]
    return answer


def send_cut_chunk(server, client, sha: str, offset: int, chunk: bytes, cut: int) -> None:
    """A PUT of ``chunk`` whose connection drops after ``cut`` bytes of its body."""
    host, port = "127.0.0.1", server.live.port
    head = (
        f"PUT /api/v1/blobs/{sha}?offset={offset} HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\n"
        f"{PROTOCOL_HEADER}: {PROTOCOL_VERSION}\r\n"
        f"Authorization: Bearer {client.token}\r\n"
        "Content-Type: application/octet-stream\r\n"
        f"Content-Length: {len(chunk)}\r\n\r\n"
    ).encode("ascii")
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(head + chunk[:cut])


def wait_for_offset(client, sha: str, expected: int) -> int:
    """The server's offset once the dropped request has been handled (it is not instant)."""
    deadline = time.monotonic() + 10
    while True:
        offset = status(client, sha).json()["offset"]
        if offset == expected or time.monotonic() > deadline:
            return offset
        time.sleep(0.02)


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@settings(
    max_examples=CUT_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_upload_cut_at_a_random_byte_resumes_and_ends_byte_identical(server, data) -> None:
    officer = server.sign_in("demo-officer")
    size = data.draw(st.integers(1, 3 * CHUNK + 1000), label="size")
    # Fresh bytes for every example: one the server already has would not be uploaded at all.
    content, sha = photo(size, seed=uuid.uuid4().int)
    cut_at = data.draw(st.integers(0, size - 1), label="cut at byte")
    assert start(officer, sha, size).json()["offset"] == 0

    chunk_start = (cut_at // CHUNK) * CHUNK
    upload_from(officer, sha, content[:chunk_start], 0)
    chunk = content[chunk_start : chunk_start + CHUNK]
    send_cut_chunk(server, officer, sha, chunk_start, chunk, cut_at - chunk_start)

    resumed_at = wait_for_offset(officer, sha, cut_at)
    assert resumed_at == cut_at
    assert fetch(officer, sha).status_code == 404
    answer = upload_from(officer, sha, content, resumed_at)

    assert answer == {"offset": size, "complete": True}
    served = fetch(officer, sha)
    assert served.status_code == 200
    assert served.content == content
    assert served.headers["content-type"] == "image/jpeg"


def test_a_truncated_upload_is_never_visible(server) -> None:
    officer = server.sign_in("demo-officer")
    content, sha = photo(CHUNK * 2, seed=1)
    start(officer, sha, len(content))
    put(officer, sha, 0, content[:CHUNK])

    assert fetch(officer, sha).status_code == 404
    head = officer.http.head(f"/api/v1/blobs/{sha}", headers=officer.headers())
    assert head.status_code == 404
    assert status(officer, sha).json() == {
        "sha256": sha,
        "size": len(content),
        "media_type": "image/jpeg",
        "offset": CHUNK,
        "complete": False,
    }
    assert files_under(server.app.state.settings.data_dir / BLOB_FOLDER) == []


def test_a_wrong_hash_upload_is_discarded_and_never_visible(server) -> None:
    officer = server.sign_in("demo-officer")
    content, _ = photo(CHUNK + 10, seed=2)
    _, other_sha = photo(CHUNK + 10, seed=3)
    start(officer, other_sha, len(content))
    put(officer, other_sha, 0, content[:CHUNK])

    refused = put(officer, other_sha, CHUNK, content[CHUNK:])

    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "blob_hash_mismatch"
    assert fetch(officer, other_sha).status_code == 404
    assert status(officer, other_sha).status_code == 404
    data_dir = server.app.state.settings.data_dir
    assert files_under(data_dir / BLOB_FOLDER) == []
    assert files_under(data_dir / PARTIAL_FOLDER) == []
    assert start(officer, other_sha, len(content)).json()["offset"] == 0


def test_a_blob_the_server_has_costs_one_request(server) -> None:
    officer = server.sign_in("demo-officer")
    content, sha = photo(CHUNK + 1, seed=4)
    start(officer, sha, len(content))
    upload_from(officer, sha, content, 0)

    director = server.sign_in("demo-director")
    requests_sent = []
    director.http.event_hooks["request"].append(requests_sent.append)
    answer = start(director, sha, len(content))

    assert answer.status_code == 200
    assert answer.json()["complete"] is True
    assert answer.json()["offset"] == len(content)
    assert len(requests_sent) == 1
    assert fetch(director, sha).content == content


def test_another_unit_cannot_read_and_the_supervisor_reads_only(server) -> None:
    officer = server.sign_in("demo-officer")
    content, sha = photo(1000, seed=5)
    start(officer, sha, len(content))
    upload_from(officer, sha, content, 0)

    stranger = server.sign_in("demo-officer-2")
    assert fetch(stranger, sha).status_code == 404
    assert status(stranger, sha).status_code == 404
    assert put(stranger, sha, 0, content).status_code == 404

    supervisor = server.sign_in("demo-supervisor")
    assert fetch(supervisor, sha).content == content
    assert start(supervisor, sha, len(content)).status_code == 403


def test_a_chunk_at_the_wrong_offset_gets_409_with_the_servers_offset(server) -> None:
    officer = server.sign_in("demo-officer")
    content, sha = photo(3000, seed=6)
    start(officer, sha, len(content))
    put(officer, sha, 0, content[:1000])

    stale = put(officer, sha, 0, content[:1000])

    assert stale.status_code == 409
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["code"] == "wrong_offset"
    assert stale.json()["offset"] == 1000
    assert stale.headers["Upload-Offset"] == "1000"


def test_limits_answer_413_and_store_nothing(server) -> None:
    officer = server.sign_in("demo-officer")
    _, sha = photo(10, seed=7)

    too_big = start(officer, sha, MAX_BLOB_BYTES + 1)
    assert too_big.status_code == 413
    assert status(officer, sha).status_code == 404

    start(officer, sha, MAX_BLOB_BYTES)
    big_chunk = put(officer, sha, 0, b"\0" * (MAX_CHUNK_BYTES + 1))
    assert big_chunk.status_code == 413
    assert status(officer, sha).json()["offset"] == 0


def test_a_chunk_before_registering_is_refused(server) -> None:
    officer = server.sign_in("demo-officer")
    content, sha = photo(100, seed=8)

    refused = put(officer, sha, 0, content)

    assert refused.status_code == 404
    assert refused.json()["code"] == "blob_not_started"
