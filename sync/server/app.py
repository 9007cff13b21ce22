"""``create_app``: the reference server as one FastAPI application.

Routers: health (here), sign-in (:mod:`sync.server.auth`), push and pull (:mod:`sync.server.api`),
photo blobs (:mod:`sync.server.blobs`).
Middleware, outermost first: gzip for responses, then :class:`ProtocolMiddleware` (protocol
version, body size, gzip-encoded requests). Every error is problem+json
(:mod:`sync.server.problems`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi

from sync import __version__
from sync.clock import iso_timestamp, utc_now
from sync.protocol import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION, Health, Problem
from sync.server import api, auth, blobs
from sync.server.accounts import make_password_hasher
from sync.server.db import ServerDatabase
from sync.server.middleware import UNVERSIONED_PATHS, ProtocolMiddleware
from sync.server.problems import install_problem_handlers
from sync.server.settings import ServerSettings

logger = logging.getLogger(__name__)

health_router = APIRouter(prefix=API_PREFIX, tags=["health"])


@health_router.get("/health", response_model=Health)
def health() -> Health:
    """200 while the server runs; needs neither a token nor the protocol header."""
    return Health(server_time=iso_timestamp(utc_now()))


def create_app(settings: ServerSettings, *, database: ServerDatabase | None = None) -> FastAPI:
    """The server for ``settings``; migrates the database to the latest schema first.

    ``database`` lets a caller (a test, the ``--demo`` start) share an already opened one; the
    app disposes of the engine it opened itself when it shuts down.
    """
    owns_database = database is None
    database = database or ServerDatabase(settings.db_url)
    database.migrate()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_database:
            database.dispose()

    app = FastAPI(
        title="SafeDesk reference server",
        summary="Sync protocol v1 of SafeDesk (特种设备安全工作台)",
        version=__version__,
        lifespan=lifespan,
        responses={"default": {"model": Problem, "description": "application/problem+json"}},
    )
    app.state.settings = settings
    app.state.database = database
    app.state.password_hasher = make_password_hasher(settings.password_cost)
    # Checked against when a username is unknown, so the answer takes as long as a wrong password.
    app.state.dummy_hash = app.state.password_hasher.hash("safedesk-no-such-user")

    install_problem_handlers(app)
    app.include_router(health_router)
    app.include_router(auth.router)
    app.include_router(api.router)
    app.include_router(blobs.router)

    app.add_middleware(ProtocolMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.openapi = lambda: _openapi_with_protocol_header(app)  # type: ignore[method-assign]
    logger.info("server app ready on %s", _safe_url(settings.db_url))
    return app


def _openapi_with_protocol_header(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, plus the ``SafeDesk-Protocol`` header that the middleware demands."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, summary=app.summary, routes=app.routes
    )
    header = {
        "name": PROTOCOL_HEADER,
        "in": "header",
        "required": True,
        "description": f"The sync protocol version; this server speaks {PROTOCOL_VERSION}.",
        "schema": {"type": "string", "enum": [str(PROTOCOL_VERSION)]},
    }
    for path, operations in schema.get("paths", {}).items():
        if path in UNVERSIONED_PATHS or not path.startswith(API_PREFIX):
            continue
        for operation in operations.values():
            operation.setdefault("parameters", []).insert(0, dict(header))
            operation.setdefault("responses", {})["426"] = {
                "description": "Unsupported protocol version (code upgrade_required)",
                "content": {
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                },
            }
    app.openapi_schema = schema
    return schema


def _safe_url(url: str) -> str:
    """The database URL without a password, for the log."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
