"""Alembic environment of the reference server's database.

``ServerDatabase.migrate`` opens the connection and hands it over in
``config.attributes["connection"]``, so a migration runs in the transaction it controls.
"""

from __future__ import annotations

from alembic import context

from sync.server.db import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the server runs its migrations itself; use ServerDatabase.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
