"""``safedesk-server admin ...``: the administrator's command line (jurisdictions, units, users,
equipment CSV import).

The commands are being written in their own change (#3, admin part). This module is their slot:
``__main__`` hands it the ``admin`` sub-parser and, when chosen, the parsed arguments together
with the server settings (so a command opens the same database as the server would).
"""

from __future__ import annotations

import argparse
import logging

from sync.server.settings import ServerSettings

logger = logging.getLogger(__name__)


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the admin sub-commands to ``parser`` (the ``admin`` sub-parser)."""
    parser.set_defaults(admin_command=None)


def run(args: argparse.Namespace, settings: ServerSettings) -> int:
    """Run the chosen admin command; returns the process exit code."""
    logger.error("no admin commands exist yet (#3, admin part)")
    return 2
