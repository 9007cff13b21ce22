"""Where the access token lives: the OS keyring, or this process's memory.

The keyring entry is service ``SafeDesk <server URL>``, username the SafeDesk user name
(Windows Credential Manager, macOS Keychain, Secret Service). Where the system has no secure
backend (``keyring.backends.fail``, ``null``, or a chainer with nothing behind it) the token is
kept in memory only and :attr:`TokenStore.secure` is False, so the app can say so: the next
start asks for the password again. A token is never written to SQLite or the log.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

logger = logging.getLogger(__name__)

SERVICE_PREFIX = "SafeDesk "

# Tokens of this process when no secure keyring exists: (service, username) -> token.
_MEMORY: dict[tuple[str, str], str] = {}


def keyring_is_secure(backend: KeyringBackend | None = None) -> bool:
    """Whether ``backend`` (default: the active one) actually stores secrets somewhere safe."""
    backend = backend or keyring.get_keyring()
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if module.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    return True


class TokenStore:
    """The token of one server address, per user name."""

    def __init__(self, server_url: str, backend: KeyringBackend | None = None) -> None:
        # ``backend`` lets a caller (a test with two laptops in one process) use a keyring
        # of its own; by default the system's active keyring is used.
        self.service = f"{SERVICE_PREFIX}{server_url.rstrip('/')}"
        self._keyring = backend or keyring.get_keyring()
        self.secure = keyring_is_secure(self._keyring)
        if not self.secure:
            logger.warning("no secure keyring on this system: the token is kept in memory only")

    def get(self, username: str) -> str | None:
        if self.secure:
            try:
                return self._keyring.get_password(self.service, username)
            except keyring.errors.KeyringError as error:
                logger.warning("keyring read failed (%s); using memory", type(error).__name__)
        return _MEMORY.get((self.service, username))

    def put(self, username: str, token: str) -> None:
        if self.secure:
            try:
                self._keyring.set_password(self.service, username, token)
                return
            except keyring.errors.KeyringError as error:
                logger.warning("keyring write failed (%s); using memory", type(error).__name__)
        _MEMORY[(self.service, username)] = token

    def forget(self, username: str) -> None:
        """Drop the token (it expired or was refused); a missing one is fine."""
        _MEMORY.pop((self.service, username), None)
        if self.secure:
            try:
                self._keyring.delete_password(self.service, username)
            except keyring.errors.KeyringError:
                pass
