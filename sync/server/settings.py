"""What the reference server is configured with; one immutable value, built once at start."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from sync import paths

DB_ENV = "SAFEDESK_SERVER_DB"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_TOKEN_LIFETIME = dt.timedelta(hours=12)
# A push of 200 full records with long texts stays far below this; a photo chunk too.
DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class PasswordCost:
    """argon2id cost. The defaults are argon2-cffi's recommended ones; tests lower them."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


@dataclass(frozen=True)
class ServerSettings:
    """Everything ``create_app`` needs. ``db_url`` is a SQLAlchemy URL (``sqlite:///...`` or
    ``postgresql+psycopg://...``); ``data_dir`` holds the default SQLite file and photo blobs."""

    db_url: str
    data_dir: Path
    token_lifetime: dt.timedelta = DEFAULT_TOKEN_LIFETIME
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    password_cost: PasswordCost = field(default_factory=PasswordCost)

    @classmethod
    def from_environment(
        cls,
        db_url: str | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        **overrides: object,
    ) -> ServerSettings:
        """``db_url`` if given, else ``SAFEDESK_SERVER_DB``, else a SQLite file in the data
        folder (``data_dir``, else ``SAFEDESK_SERVER_DATA_DIR``, else the OS default)."""
        folder = paths.server_data_dir(data_dir)
        url = db_url or os.environ.get(DB_ENV) or default_db_url(folder)
        return cls(db_url=url, data_dir=folder, **overrides)  # type: ignore[arg-type]


def default_db_url(data_folder: Path) -> str:
    return f"sqlite:///{data_folder / paths.SERVER_DB_FILE_NAME}"
