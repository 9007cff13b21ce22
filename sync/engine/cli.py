"""``safedesk sync``: one sync run without a window, for scripts and support.

    safedesk sync --data-dir DIR [--server URL] [--user NAME] [--ca-bundle PATH]

On an empty data folder it signs in, registers the device, pulls the user's unit and makes
the pulled unit and the person with the user name the laptop's profile. Like the window, it
uses the saved CA bundle (Sync settings); ``--ca-bundle`` replaces and saves it. Without a
valid token it reads the password from standard input (one line; never echoed on a
terminal). It prints one summary line and exits 0 only when the run completed: 1 when it
stopped (server unreachable, network portal, upgrade, an untrusted certificate), 2 for a
usage error (a bad ``--ca-bundle`` or ``--server`` too), 3 when sign-in was refused. "left"
in the summary counts records still waiting (as the window does) plus photos not uploaded.
No Qt is imported.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence

from sync import paths
from sync.engine import state
from sync.engine.run import SyncEngine
from sync.engine.transport import check_ca_bundle, check_server_url
from sync.errors import CertificateError, SafeDeskError, SignInRequired, ValidationError
from sync.store.database import open_store

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_SIGN_IN = 3

CA_BUNDLE_HINT = "hint: pass --ca-bundle PATH with the provincial CA's PEM file (it is saved)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safedesk sync",
        description="Run one SafeDesk sync without a window and print a summary line.",
    )
    parser.add_argument("--data-dir", metavar="DIR", required=True, help="the data folder")
    parser.add_argument("--server", metavar="URL", help="server address (default: as saved)")
    parser.add_argument("--user", metavar="NAME", help="user name (default: as saved)")
    parser.add_argument(
        "--ca-bundle",
        metavar="PATH",
        help="PEM file of the CA that signs the server's certificate (the provincial PKI); "
        'saved for later runs, "" returns to the system certificates (default: as saved)',
    )
    parser.add_argument("--debug", action="store_true", help="log debug lines to stderr")
    return parser


def _say(line: str, stream) -> None:
    """The command's output: a line for the person (or script) that ran it."""
    stream.write(line + "\n")
    stream.flush()


def _read_password(username: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {username}: ")
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    if options.server is not None:
        try:
            options.server = check_server_url(options.server)
        except ValidationError as error:
            _say(f"--server: {error.message_en}", sys.stderr)
            return EXIT_USAGE
    logging.basicConfig(
        level=logging.DEBUG if options.debug else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        store = open_store(paths.data_dir(options.data_dir))
    except SafeDeskError as error:
        _say(f"cannot open the data folder: {error.message_en}", sys.stderr)
        return EXIT_INCOMPLETE
    try:
        return _sync(store, options)
    finally:
        store.close()


def _sync(store, options: argparse.Namespace) -> int:
    engine = SyncEngine(store, server_url=options.server, username=options.user)
    if not engine.username:
        _say("no user name saved here: pass --user NAME", sys.stderr)
        return EXIT_USAGE
    if options.server:
        with store.session() as session:
            state.write(session, state.SERVER_URL, engine.server_url)
    if options.ca_bundle is not None:
        code = _take_ca_bundle(store, engine, options.ca_bundle)
        if code != EXIT_OK:
            return code

    for attempt in range(2):
        if not engine.has_token():
            code = _sign_in(engine)
            if code != EXIT_OK:
                return code
        result = engine.run()
        if isinstance(result.error, SignInRequired) and attempt == 0:
            continue  # the saved token expired: ask for the password once
        break

    if result.error is None:
        engine.adopt_profile()
    _say(result.summary(), sys.stdout)
    if isinstance(result.error, CertificateError):
        _say(f"{result.error.message_en}\n{CA_BUNDLE_HINT}", sys.stderr)
    if isinstance(result.error, SignInRequired):
        return EXIT_SIGN_IN
    return EXIT_OK if result.completed else EXIT_INCOMPLETE


def _sign_in(engine: SyncEngine) -> int:
    password = _read_password(engine.username)
    if not password:
        _say("no password given on standard input", sys.stderr)
        return EXIT_SIGN_IN
    try:
        engine.sign_in(engine.username, password)
    except SignInRequired as error:
        _say(f"sign-in refused: {error.message_en}", sys.stderr)
        return EXIT_SIGN_IN
    except SafeDeskError as error:
        _say(f"sign-in failed: {error.message_en}", sys.stderr)
        if isinstance(error, CertificateError):
            _say(CA_BUNDLE_HINT, sys.stderr)
        return EXIT_INCOMPLETE
    return EXIT_OK


def _take_ca_bundle(store, engine: SyncEngine, given: str) -> int:
    """Check ``--ca-bundle`` and save it for later runs (and the window); "" clears it."""
    bundle = None
    if given.strip():
        try:
            # Saved absolute: a later run may start in another folder.
            bundle = check_ca_bundle(os.path.abspath(given.strip()))
        except CertificateError as error:
            _say(f"--ca-bundle: {error.message_en}", sys.stderr)
            return EXIT_USAGE
    with store.session() as session:
        state.write(session, state.CA_BUNDLE, bundle)
    engine.ca_bundle = bundle
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
