"""Where SafeDesk keeps its files: the one place that knows the folders.

Every folder is computed on request, never at import, so tests and the ``--data-dir`` option can
point the whole app elsewhere. No version number appears in a path: an upgrade must find the
data of the version before it.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

from sync.errors import StoreError

logger = logging.getLogger(__name__)

APP_NAME = "SafeDesk"
APP_AUTHOR = "SafeDesk"
DATA_DIR_ENV = "SAFEDESK_DATA_DIR"
LOG_DIR_ENV = "SAFEDESK_LOG_DIR"
STORE_FILE_NAME = "safedesk.sqlite3"
SERVER_DATA_DIR_ENV = "SAFEDESK_SERVER_DATA_DIR"
SERVER_DB_FILE_NAME = "safedesk-server.sqlite3"


def resource_root() -> Path:
    """The ``resources/`` folder, from a source checkout or inside a PyInstaller bundle."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic scripts of the local store; they travel inside the ``sync.store`` package."""
    return Path(__file__).resolve().parent / "store" / "migrations"


def server_migrations_dir() -> Path:
    """The Alembic scripts of the reference server's database (``sync.server`` package)."""
    return Path(__file__).resolve().parent / "server" / "migrations"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder: ``override``, else ``SAFEDESK_DATA_DIR``, else the OS default.

    On Windows the default is the per-user application data folder
    (``%LOCALAPPDATA%\\SafeDesk\\SafeDesk``: platformdirs puts the app under its author), which
    the per-user installer never touches (docs/installer.md).
    """
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        folder = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    return make_data_folder(folder)


def make_data_folder(folder: Path) -> Path:
    """Create ``folder`` if needed; a path that cannot be a folder is a plain-words StoreError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"无法使用数据文件夹 {folder}：{error.strerror}。请换一个可写的文件夹。",
            f"Cannot use the data folder {folder}: {error.strerror}. "
            "Choose a folder you can write to.",
        ) from error
    return folder


def server_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The reference server's folder: ``override``, else ``SAFEDESK_SERVER_DATA_DIR``, else the
    OS default for a program called "SafeDesk Server" (apart from any laptop's data).

    It holds the server's SQLite file (unless ``--db`` names another database) and photo blobs.
    """
    chosen = override or os.environ.get(SERVER_DATA_DIR_ENV)
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        folder = Path(platformdirs.user_data_dir(f"{APP_NAME} Server", APP_AUTHOR, roaming=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_path(data_folder: Path) -> Path:
    return data_folder / STORE_FILE_NAME


def backup_dir(data_folder: Path) -> Path:
    folder = data_folder / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def photo_dir(data_folder: Path) -> Path:
    folder = data_folder / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    chosen = os.environ.get(LOG_DIR_ENV)
    if chosen:
        folder = Path(chosen)
    else:
        folder = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
