"""The engine's small state in the ``setting`` table, read and written inside a caller's session.

Taking a session (rather than opening one) is the point: the pull cursor is written in the same
transaction as the page it covers, and the mutation counter in the same transaction as the ids
it hands out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from sync.store.models import Setting

SERVER_URL = "sync.server_url"
USERNAME = "sync.username"
DEVICE_ID = "sync.device_id"
NEXT_MUTATION_ID = "sync.next_mutation_id"
PULL_CURSOR = "sync.pull_cursor"
LAST_SUCCESS_AT = "sync.last_success_at"
LAST_RESULT = "sync.last_result"
AUTO_SYNC = "sync.auto"
CA_BUNDLE = "sync.ca_bundle"
CLOCK_SKEW = "sync.clock_skew"
UNIT_ID = "sync.unit_id"  # the signed-in user's unit, as the server named it

DEFAULT_SERVER_URL = "http://127.0.0.1:8765"


def read(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def write(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
