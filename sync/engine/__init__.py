"""The client sync engine (#4): push the outbox, upload photos, pull, on requests; no Qt.

Use :class:`SyncEngine` (``sync.engine.run``); ``safedesk sync`` (``sync.engine.cli``) runs it
without a window.
"""

from sync.engine.retry import RetryPolicy, next_retry_delay
from sync.engine.run import SyncEngine, SyncResult, adopt_profile, download_own_unit
from sync.engine.tokens import TokenStore, keyring_is_secure

__all__ = [
    "RetryPolicy",
    "SyncEngine",
    "SyncResult",
    "TokenStore",
    "adopt_profile",
    "download_own_unit",
    "keyring_is_secure",
    "next_retry_delay",
]
