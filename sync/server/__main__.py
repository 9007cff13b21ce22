"""``safedesk-server``: run the reference server, or its admin commands.

    safedesk-server [--host 127.0.0.1] [--port 8765] [--db URL] [--data-dir DIR] [--demo]
    safedesk-server [--db URL] admin ...

The database is ``--db``, else ``SAFEDESK_SERVER_DB``, else a SQLite file in the server's data
folder (``--data-dir``, else ``SAFEDESK_SERVER_DATA_DIR``, else the OS default). It is migrated
to the latest schema at start.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sync.server import admin
from sync.server.settings import DEFAULT_HOST, DEFAULT_PORT, ServerSettings

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safedesk-server",
        description="SafeDesk reference provincial server (sync protocol v1).",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB "
        "(default: SAFEDESK_SERVER_DB, else a SQLite file in the data folder)",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="the server's data folder")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="seed the two demo units and the demo-* users (password safedesk-demo)",
    )
    parser.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING or ERROR")
    commands = parser.add_subparsers(dest="command", metavar="{admin}")
    admin.configure_parser(
        commands.add_parser("admin", help="administer jurisdictions, units, users, equipment")
    )
    return parser


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.log_level)
    settings = ServerSettings.from_environment(db_url=args.db, data_dir=args.data_dir)

    if args.command == "admin":
        return admin.run(args, settings)
    return serve(settings, host=args.host, port=args.port, demo=args.demo)


def serve(settings: ServerSettings, *, host: str, port: int, demo: bool) -> int:
    """Migrate, seed the demo if asked, and serve until interrupted."""
    import uvicorn

    from sync.server.app import create_app
    from sync.server.db import ServerDatabase

    database = ServerDatabase(settings.db_url)
    app = create_app(settings, database=database)
    if demo:
        from sync.server.demo import seed_demo

        seed_demo(database, app.state.password_hasher)
    logger.info("serving on http://%s:%d (data folder %s)", host, port, settings.data_dir)
    try:
        uvicorn.run(app, host=host, port=port, log_config=None, access_log=True)
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
