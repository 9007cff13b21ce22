"""The local store: one SQLite file per laptop, migrated with Alembic, written through
:mod:`sync.store.changes` so every change to a synced record also lands in the outbox."""

from sync.store.database import Store, open_store

__all__ = ["Store", "open_store"]
