"""The sync engine's own state (#4): base values per outbox entry, the run lock, clock checks,
photo upload errors.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from sync.store.models import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_fields", sa.JSON(), nullable=True))
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.add_column(sa.Column("upload_error", sa.Text(), nullable=True))

    op.create_table(
        "sync_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=36), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("heartbeat_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "clock_check",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_time", UtcDateTime(), nullable=False),
        sa.Column("server_time", UtcDateTime(), nullable=False),
        sa.Column("skew_seconds", sa.Integer(), nullable=False),
        sa.Column("skewed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("clock_check")
    op.drop_table("sync_lock")
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_column("upload_error")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("base_fields")
