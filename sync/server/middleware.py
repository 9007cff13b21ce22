"""The door of every request: protocol version, body size, gzip-encoded bodies.

A pure ASGI middleware, so it answers before FastAPI parses anything: a client speaking another
protocol version gets 426 (its data stays where it is; the server never asks for a reset), and a
body that is too large or not valid gzip gets 413 or 400 without reaching a route.
"""

from __future__ import annotations

import logging
import zlib
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION, SUPPORTED_VERSIONS
from sync.server.problems import problem_response

logger = logging.getLogger(__name__)

# Reachable without the protocol header: monitoring probes and people with curl.
UNVERSIONED_PATHS = frozenset({f"{API_PREFIX}/health"})
_GZIP_NAMES = frozenset({"gzip", "x-gzip"})


class _BodyProblem(Exception):
    def __init__(self, status: int, code: str, detail_zh: str, detail_en: str) -> None:
        super().__init__(detail_en)
        self.status = status
        self.code = code
        self.detail_zh = detail_zh
        self.detail_en = detail_en


def _too_large(limit: int) -> _BodyProblem:
    mib = limit / (1024 * 1024)
    return _BodyProblem(
        413,
        "payload_too_large",
        f"请求内容过大（上限 {mib:g} MiB，按解压后计）。请分批发送。",
        f"The request body is too large (limit {mib:g} MiB, uncompressed); send smaller batches.",
    )


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """``data`` un-gzipped, refusing more than ``limit`` bytes of output (a gzip bomb)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        output = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise _BodyProblem(
            400,
            "bad_encoding",
            "请求声明为 gzip，但内容无法解压。",
            f"The body is declared gzip but cannot be decompressed ({error}).",
        ) from None
    if len(output) > limit or inflater.unconsumed_tail:
        raise _too_large(limit)
    if not inflater.eof:
        raise _BodyProblem(
            400,
            "bad_encoding",
            "gzip 内容不完整。",
            "The gzip body is truncated.",
        )
    return output


class ProtocolMiddleware:
    """Checks ``SafeDesk-Protocol``, bounds and decodes request bodies, stamps responses.

    Every response carries ``SafeDesk-Protocol: 1``. Bodies are read whole (they are bounded
    by ``max_body_bytes`` after decompression) and handed on without ``Content-Encoding``.
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        send = _stamping(send)
        headers = Headers(scope=scope)
        path: str = scope["path"]
        versioned = path.startswith(API_PREFIX + "/") and path not in UNVERSIONED_PATHS
        if versioned and not _supported(headers.get(PROTOCOL_HEADER)):
            logger.info(
                "refused %s %s: protocol %r", scope["method"], path, headers.get(PROTOCOL_HEADER)
            )
            response = problem_response(
                426,
                "upgrade_required",
                f"客户端的同步协议版本不受支持。请升级 SafeDesk；本机数据会完整保留。"
                f"服务器支持的版本：{PROTOCOL_VERSION}。",
                f"This client's sync protocol version is not supported. Please upgrade "
                f"SafeDesk; everything on this computer is kept. Server speaks version "
                f"{PROTOCOL_VERSION}.",
                headers={"Upgrade": f"{PROTOCOL_HEADER}/{PROTOCOL_VERSION}"},
            )
            await response(scope, receive, send)
            return

        try:
            body = await self._read_body(headers, receive)
        except _BodyProblem as problem:
            response = problem_response(
                problem.status, problem.code, problem.detail_zh, problem.detail_en
            )
            await response(scope, receive, send)
            return

        scope = dict(scope)
        scope["headers"] = _rewritten_headers(scope["headers"], len(body))
        await self.app(scope, _replaying(body, receive), send)

    async def _read_body(self, headers: Headers, receive: Receive) -> bytes:
        limit = self.max_body_bytes
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in _GZIP_NAMES and encoding not in ("identity", ""):
            raise _BodyProblem(
                415,
                "unsupported_encoding",
                f"不支持的内容编码：{encoding}（只支持 gzip）。",
                f"Unsupported Content-Encoding {encoding!r}; only gzip is accepted.",
            )
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)

        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)

        if encoding in _GZIP_NAMES and body:
            return gunzip_capped(body, limit)
        return body


def _supported(version: str | None) -> bool:
    return version is not None and version.strip() in {str(v) for v in SUPPORTED_VERSIONS}


def _rewritten_headers(raw: list[tuple[bytes, bytes]], length: int) -> list[tuple[bytes, bytes]]:
    kept = [
        (name, value)
        for name, value in raw
        if name.lower() not in (b"content-encoding", b"content-length")
    ]
    kept.append((b"content-length", str(length).encode("ascii")))
    return kept


def _replaying(body: bytes, receive: Receive) -> Receive:
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _stamping(send: Send) -> Send:
    async def stamped(message: Message) -> Any:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message)[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        await send(message)

    return stamped
