"""Photo blobs (their metadata and the units they belong to) and the division tree.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from sync.store.models import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("received", sa.BigInteger, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("completed_at", UtcDateTime, nullable=True),
    )

    op.create_table(
        "blob_units",
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("blobs.sha256", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("unit_id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("linked_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_blob_units_unit_id", "blob_units", ["unit_id"])

    op.create_table(
        "divisions",
        sa.Column("code", sa.String(6), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("parent_code", sa.String(6), nullable=True),
        sa.Column("plate", sa.String(4), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("divisions")
    op.drop_index("ix_blob_units_unit_id", table_name="blob_units")
    op.drop_table("blob_units")
    op.drop_table("blobs")
