"""Alembic environment of the local store.

The store opens its own connection and hands it over in ``config.attributes["connection"]``,
so migrations run inside the transaction the store controls. Batch mode lets SQLite alter
tables by copying them.
"""

from __future__ import annotations

from alembic import context

from sync.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the SafeDesk store runs its migrations itself; use sync.store.open_store")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
