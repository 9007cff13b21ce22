"""``safedesk-server admin ...``: the administrator's command line.

    safedesk-server [--db URL] admin load-jurisdictions
    safedesk-server [--db URL] admin create-unit NAME --county CODE [--credit-code C] [--address A]
    safedesk-server [--db URL] admin create-user NAME --role 安全员 --unit UNIT_ID
    safedesk-server [--db URL] admin create-user NAME --role supervisor --jurisdiction CODE
    safedesk-server [--db URL] admin import-equipment --unit UNIT_ID FILE.csv

Each command is one transaction on the same database the server uses (migrated first): it
commits whole or not at all. A password is never an argument (it would stay in the shell's
history and the process list): it is prompted for on a terminal, else read as the first line
of standard input. Results go to standard output, refusals to standard error in Chinese and
English; the exit code is 0 on success, 1 when refused.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sync.errors import SafeDeskError, ValidationError
from sync.records import ROLE_LABELS, Role
from sync.server import registry
from sync.server.accounts import create_user, make_password_hasher
from sync.server.db import ServerDatabase
from sync.server.settings import ServerSettings

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def _role(text: str) -> Role:
    """A role by its code (officer) or its Chinese name (安全员)."""
    for role, (chinese, english) in ROLE_LABELS.items():
        if text.strip() in (role.value, chinese, english):
            return role
    names = ", ".join(f"{role.value} ({chinese})" for role, (chinese, _) in ROLE_LABELS.items())
    raise argparse.ArgumentTypeError(f"unknown role {text!r}; one of {names}")


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the admin sub-commands to ``parser`` (the ``admin`` sub-parser)."""
    parser.set_defaults(admin_command=None)
    commands = parser.add_subparsers(dest="admin_command", metavar="COMMAND")

    commands.add_parser(
        "load-jurisdictions",
        help="load the shipped Sichuan division tree (province, 21 市州, counties)",
    )

    unit = commands.add_parser("create-unit", help="register a unit; prints its id")
    unit.add_argument("name", help="the unit's name, e.g. 峨眉山旅游股份有限公司")
    unit.add_argument("--county", required=True, help="county-level division code, e.g. 511181")
    unit.add_argument("--credit-code", default="", help="统一社会信用代码 (18 characters)")
    unit.add_argument("--address", default="")

    user = commands.add_parser(
        "create-user", help="add a user; the password is prompted for or read from stdin"
    )
    user.add_argument("username")
    user.add_argument(
        "--role",
        required=True,
        type=_role,
        help="安全员/officer, 安全总监/director, 主要负责人/principal (with --unit), "
        "or supervisor (with --jurisdiction)",
    )
    user.add_argument("--unit", metavar="UNIT_ID", help="the unit of unit staff")
    user.add_argument(
        "--jurisdiction", metavar="CODE", help="a supervisor's division code, e.g. 511100"
    )
    user.add_argument("--display-name", default="", help="the person's name, e.g. 张伟")

    equipment = commands.add_parser(
        "import-equipment",
        help="import equipment from a CSV (all rows or none)",
        description="Columns (header row, UTF-8 with or without BOM): 设备代码, 使用登记证编号, "
        "设备品种代码, 设备名称, 使用地点, 下次检验日期 (or equipment_code, registration_no, "
        "kind_code, name, location, next_inspection_date).",
    )
    equipment.add_argument("--unit", metavar="UNIT_ID", required=True)
    equipment.add_argument("file", type=Path, metavar="FILE.csv")


def run(
    args: argparse.Namespace,
    settings: ServerSettings,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the chosen admin command; returns the process exit code.

    The streams default to the process's; tests pass their own.
    """
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    commands: dict[str, Callable[..., str]] = {
        "load-jurisdictions": _load_jurisdictions,
        "create-unit": _create_unit,
        "create-user": _create_user,
        "import-equipment": _import_equipment,
    }
    command = commands.get(args.admin_command or "")
    if command is None:
        stderr.write(f"choose a command: {', '.join(commands)} (see admin --help)\n")
        return EXIT_USAGE

    database = ServerDatabase(settings.db_url)
    try:
        database.migrate()
        outcome = command(args, settings, database, stdin)
    except SafeDeskError as error:
        logger.info("admin %s refused: %s", args.admin_command, error.message_en)
        stderr.write(f"{error.message}\n{error.message_en}\n")
        return EXIT_REFUSED
    finally:
        database.dispose()
    stdout.write(outcome + "\n")
    return EXIT_OK


def _load_jurisdictions(args, settings, database: ServerDatabase, stdin) -> str:
    with database.writing() as session:
        added, updated = registry.load_divisions(session)
    return f"divisions: {added} added, {updated} updated"


def _create_unit(args, settings, database: ServerDatabase, stdin) -> str:
    with database.writing() as session:
        unit = registry.create_unit(
            session,
            name=args.name,
            county_code=args.county,
            credit_code=args.credit_code,
            address=args.address,
        )
        return unit.id


def _create_user(args, settings: ServerSettings, database: ServerDatabase, stdin) -> str:
    password = _read_password(stdin)
    hasher = make_password_hasher(settings.password_cost)
    with database.writing() as session:
        if args.unit:
            registry.existing_unit(session, args.unit)
        if args.jurisdiction:
            registry.loaded_division(session, args.jurisdiction)
        user = create_user(
            session,
            hasher,
            username=args.username,
            password=password,
            role=args.role,
            unit_id=args.unit,
            jurisdiction_code=args.jurisdiction,
            display_name=args.display_name,
        )
        return f"user {user.username} ({user.role}) created"


def _import_equipment(args, settings, database: ServerDatabase, stdin) -> str:
    with database.writing() as session:
        written = registry.import_equipment(session, args.unit, args.file)
    return f"imported {len(written)} equipment into unit {args.unit}"


def _read_password(stdin: TextIO) -> str:
    """From a prompt (twice) on a terminal; otherwise the first line of ``stdin``."""
    if stdin.isatty():
        password = getpass.getpass("Password / 密码: ")
        if getpass.getpass("Again / 再输入一次: ") != password:
            raise ValidationError("两次输入的密码不一致。", "The two passwords differ.")
        return password
    return stdin.readline().rstrip("\r\n")
