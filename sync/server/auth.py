"""Sign-in and the identity behind every request.

``POST /api/v1/auth/token`` checks a password, registers the device to the user and answers a
random token (43 URL-safe characters: small enough for Windows Credential Manager). The server
keeps only the token's SHA-256 and its expiry. Every other endpoint depends on
:func:`current_identity` (or :func:`writing_identity`), which answers 401 problem+json for a
missing, unknown or expired token. Neither passwords nor tokens are ever logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from typing import Annotated

from argon2 import PasswordHasher
from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.clock import iso_timestamp, utc_now
from sync.protocol import API_PREFIX, TokenRequest, TokenResponse, UserInfo
from sync.records import Role
from sync.server.accounts import password_matches
from sync.server.db import Device, ServerDatabase, Token, User
from sync.server.problems import ProblemError

logger = logging.getLogger(__name__)

TOKEN_BYTES = 32
_BEARER = HTTPBearer(auto_error=False, description="The access_token from /api/v1/auth/token")
# Verified when a username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_PASSWORD = "safedesk-no-such-user"


@dataclass(frozen=True)
class Identity:
    """Who is asking, on which registered device. Safe to share between threads."""

    user_id: int
    username: str
    role: Role
    unit_id: str | None
    jurisdiction_code: str | None
    device_id: str

    @property
    def read_only(self) -> bool:
        return self.role == Role.SUPERVISOR


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def user_info(user: User) -> UserInfo:
    return UserInfo(
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        unit_id=user.unit_id,
        jurisdiction_code=user.jurisdiction_code,
    )


def _unauthorized(code: str, detail_zh: str, detail_en: str) -> ProblemError:
    return ProblemError(401, code, detail_zh, detail_en, headers={"WWW-Authenticate": "Bearer"})


def _bad_credentials() -> ProblemError:
    return _unauthorized(
        "invalid_credentials", "用户名或密码不正确。", "The username or password is wrong."
    )


def _database(request: Request) -> ServerDatabase:
    return request.app.state.database


def _hasher(request: Request) -> PasswordHasher:
    return request.app.state.password_hasher


def current_identity(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> Identity:
    """The signed-in user and device of this request; raises 401 problem+json otherwise."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized(
            "unauthorized",
            "请先登录（缺少访问令牌）。",
            "Please sign in first (no access token was sent).",
        )

    with _database(request).reading() as session:
        row = session.execute(
            select(Token, User)
            .join(User, User.id == Token.user_id)
            .where(Token.token_sha256 == token_digest(credentials.credentials))
        ).first()
    if row is None or not row.User.active:
        raise _unauthorized(
            "unauthorized", "访问令牌无效，请重新登录。", "The access token is not valid; sign in."
        )
    token, user = row.Token, row.User
    if token.expires_at <= utc_now():
        raise _unauthorized(
            "token_expired",
            "登录已过期，请重新登录。本机数据不受影响。",
            "Your sign-in has expired; please sign in again. Nothing on this computer is lost.",
        )
    return Identity(
        user_id=user.id,
        username=user.username,
        role=Role(user.role),
        unit_id=user.unit_id,
        jurisdiction_code=user.jurisdiction_code,
        device_id=token.device_id,
    )


def writing_identity(identity: Annotated[Identity, Depends(current_identity)]) -> Identity:
    """As :func:`current_identity`, and refuses read-only users (supervisors) with 403."""
    if identity.read_only:
        raise ProblemError(
            403,
            "read_only",
            "监管账号只能查看，不能提交数据。",
            "A supervisor's account can read but not write.",
        )
    return identity


router = APIRouter(prefix=f"{API_PREFIX}/auth", tags=["auth"])


@router.post("/token", response_model=TokenResponse)
def issue_token(body: TokenRequest, request: Request) -> TokenResponse:
    """Sign in: checks the password, registers the device to the user, answers a token.

    The answer carries the device's last mutation id, so a laptop whose store was restored
    from a backup (an older counter) numbers its next changes after the ones the server holds.
    Safe to retry: a retry registers the same ``device_id`` again and answers a new token.
    """
    database = _database(request)
    hasher = _hasher(request)
    lifetime: dt.timedelta = request.app.state.settings.token_lifetime

    with database.reading() as session:
        user = session.scalar(select(User).where(User.username == body.username))
    if user is None:
        password_matches(hasher, request.app.state.dummy_hash, _DUMMY_PASSWORD)
        # Not the name itself: people type their password into the user-name field.
        logger.info("sign-in refused: unknown user name (%d characters)", len(body.username))
        raise _bad_credentials()
    if not user.active or not password_matches(hasher, user.password_hash, body.password):
        logger.info("sign-in refused for %s", user.username)
        raise _bad_credentials()

    token = new_token()
    expires_at = utc_now() + lifetime
    for attempt in range(3):
        try:
            with database.writing() as session:
                device = _register_device(session, user, body.device_id, body.device_name)
                # Expired tokens of this user are of no use to anyone; keep the table small.
                session.execute(
                    delete(Token).where(Token.user_id == user.id, Token.expires_at < utc_now())
                )
                session.add(
                    Token(
                        token_sha256=token_digest(token),
                        user_id=user.id,
                        device_id=device.id,
                        expires_at=expires_at,
                    )
                )
                device_id = device.id
                last_mutation_id = device.last_mutation_id
            break
        except IntegrityError:
            # Two first sign-ins of one new device at once; the second sees the first's row.
            if attempt == 2:
                raise
    logger.info("user %s signed in on device %s", user.username, device_id)
    return TokenResponse(
        access_token=token,
        expires_at=iso_timestamp(expires_at),
        device_id=device_id,
        user=user_info(user),
        last_mutation_id=last_mutation_id,
    )


def _register_device(
    session: Session, user: User, device_id: str | None, device_name: str | None
) -> Device:
    device = session.get(Device, device_id) if device_id else None
    if device is None:
        device = Device(
            id=device_id or str(uuid.uuid4()),
            user_id=user.id,
            name=device_name or "",
            last_mutation_id=0,
        )
        session.add(device)
        session.flush()
        logger.info("registered device %s to %s", device.id, user.username)
        return device

    if device.user_id != user.id:
        # A laptop may pass between colleagues of one unit: its outbox and its mutation counter
        # belong to the laptop. It never passes to another unit or to a supervisor.
        owner = session.get(User, device.user_id)
        same_unit = owner is not None and owner.unit_id is not None
        same_unit = same_unit and owner.unit_id == user.unit_id
        if not same_unit:
            raise ProblemError(
                409,
                "device_registered_elsewhere",
                "这台设备已登记在其他单位或账号下。请不带设备编号重新登录。",
                "This device is registered to another unit or account; sign in without a "
                "device_id to register a new one.",
            )
        logger.info("device %s passes from user %s to %s", device.id, owner.username, user.username)
        device.user_id = user.id
    if device_name:
        device.name = device_name
    device.last_seen_at = utc_now()
    return device
