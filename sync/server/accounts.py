"""User accounts: argon2id password hashes and the rules of who may be created how.

Used by the demo seeding and by the admin command line (``safedesk-server admin``). Raises
:class:`sync.errors.ValidationError` with a message in both languages.
"""

from __future__ import annotations

import logging

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.errors import ValidationError
from sync.records import Role
from sync.server.db import User
from sync.server.settings import PasswordCost

logger = logging.getLogger(__name__)

STAFF_ROLES = frozenset({Role.OFFICER, Role.DIRECTOR, Role.PRINCIPAL})


def make_password_hasher(cost: PasswordCost) -> PasswordHasher:
    return PasswordHasher(
        time_cost=cost.time_cost, memory_cost=cost.memory_kib, parallelism=cost.parallelism
    )


def password_matches(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(
    session: Session,
    hasher: PasswordHasher,
    *,
    username: str,
    password: str,
    role: str,
    unit_id: str | None = None,
    jurisdiction_code: str | None = None,
    display_name: str = "",
) -> User:
    """Add a user in ``session`` (the caller commits). Unit staff need ``unit_id``; a
    supervisor needs ``jurisdiction_code`` and no unit. Raises ValidationError."""
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(f"未知角色：{role}", f"Unknown role: {role}") from None
    if not username.strip() or len(username) > 80:
        raise ValidationError("用户名应为 1–80 个字符。", "A username has 1 to 80 characters.")
    if len(password) < 8:
        raise ValidationError("密码至少 8 个字符。", "A password has at least 8 characters.")
    if role in STAFF_ROLES and (not unit_id or jurisdiction_code):
        raise ValidationError(
            "单位人员必须属于一个单位，且没有监管辖区。",
            "Unit staff belong to one unit and have no jurisdiction.",
        )
    if role == Role.SUPERVISOR and (unit_id or not jurisdiction_code):
        raise ValidationError(
            "监管人员必须有辖区代码，且不属于任何单位。",
            "A supervisor has a jurisdiction code and no unit.",
        )
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError(f"用户名已存在：{username}", f"The username is taken: {username}")

    user = User(
        username=username,
        display_name=display_name,
        password_hash=hasher.hash(password),
        role=role.value,
        unit_id=unit_id,
        jurisdiction_code=jurisdiction_code,
        active=True,
    )
    session.add(user)
    session.flush()
    logger.info("created user %s (%s)", username, role.value)
    return user
