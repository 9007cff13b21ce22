"""Server tables: users, devices, tokens, records, mutation results, the change counter.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from sync.store.models import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(80), nullable=False, unique=True),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("unit_id", sa.String(36), nullable=True),
        sa.Column("jurisdiction_code", sa.String(6), nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_users_unit_id", "users", ["unit_id"])

    op.create_table(
        "devices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("last_mutation_id", sa.BigInteger, nullable=False),
        sa.Column("registered_at", UtcDateTime, nullable=False),
        sa.Column("last_seen_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_devices_user_id", "devices", ["user_id"])

    op.create_table(
        "tokens",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("issued_at", UtcDateTime, nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
    )
    op.create_index("ix_tokens_user_id", "tokens", ["user_id"])
    op.create_index("ix_tokens_device_id", "tokens", ["device_id"])
    op.create_index("ix_tokens_expires_at", "tokens", ["expires_at"])

    op.create_table(
        "records",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("record_type", sa.String(24), nullable=False),
        sa.Column("unit_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=True),
        sa.Column("change_seq", sa.BigInteger, nullable=True, unique=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("updated_by_device", sa.String(36), nullable=True),
    )
    op.create_index("ix_records_record_type", "records", ["record_type"])
    op.create_index("ix_records_unit_seq", "records", ["unit_id", "change_seq"])
    op.create_index("ix_records_subject_id", "records", ["subject_id"])

    op.create_table(
        "mutation_results",
        sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("mutation_id", sa.BigInteger, primary_key=True),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )

    counter = op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0}])


def downgrade() -> None:
    for table in ("change_counter", "mutation_results", "records", "tokens", "devices", "users"):
        op.drop_table(table)
