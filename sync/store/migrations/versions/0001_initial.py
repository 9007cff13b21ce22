"""The first schema: unit, people, equipment, the three records, hazards, outbox.

Revision ID: 0001
Revises: None
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
        "hazard",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("equipment_id", sa.String(length=36), nullable=True),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("source_record_id", sa.String(length=36), nullable=True),
        sa.Column("source_item_id", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("immediate_measures", sa.Text(), nullable=False),
        sa.Column("stop_use", sa.Boolean(), nullable=False),
        sa.Column("owner", sa.String(length=80), nullable=False),
        sa.Column("deadline", sa.String(length=10), nullable=False),
        sa.Column("rectification", sa.Text(), nullable=False),
        sa.Column("verification", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("found_at", UtcDateTime(), nullable=True),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "monthly_minutes",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("meeting_date", sa.String(length=10), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("chair_id", sa.String(length=36), nullable=True),
        sa.Column("attendees", sa.JSON(), nullable=False),
        sa.Column("director_report", sa.Text(), nullable=False),
        sa.Column("decisions", sa.JSON(), nullable=False),
        sa.Column("statistics", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("template_id", sa.String(length=64), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_by_id", sa.String(length=36), nullable=True),
        sa.Column("signed_by_name", sa.String(length=80), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=True),
        sa.Column("amends_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("monthly_minutes", schema=None) as batch_op:
        batch_op.create_index("ix_monthly_minutes_month", ["unit_id", "month"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("mutation_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_record_id"), ["record_id"], unique=False)

    op.create_table(
        "photo",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("added_at", UtcDateTime(), nullable=False),
        sa.Column("uploaded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "unit",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=32), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "weekly_report",
        sa.Column("iso_year", sa.Integer(), nullable=False),
        sa.Column("iso_week", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=24), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("measures", sa.JSON(), nullable=False),
        sa.Column("matters_for_principal", sa.Text(), nullable=False),
        sa.Column("next_focus", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("template_id", sa.String(length=64), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_by_id", sa.String(length=36), nullable=True),
        sa.Column("signed_by_name", sa.String(length=80), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=True),
        sa.Column("amends_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("weekly_report", schema=None) as batch_op:
        batch_op.create_index(
            "ix_weekly_report_week", ["unit_id", "iso_year", "iso_week"], unique=False
        )

    op.create_table(
        "equipment",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("equipment_code", sa.String(length=32), nullable=False),
        sa.Column("registration_no", sa.String(length=40), nullable=False),
        sa.Column("kind_code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("next_inspection_date", sa.String(length=10), nullable=True),
        sa.Column("responsible_person_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "hazard_event",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("hazard_id", sa.String(length=36), nullable=False),
        sa.Column("happened_at", UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hazard_id"],
            ["hazard.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("hazard_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hazard_event_hazard_id"), ["hazard_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("certificate_no", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "daily_check",
        sa.Column("equipment_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("operating_status", sa.String(length=16), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("template_id", sa.String(length=64), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_by_id", sa.String(length=36), nullable=True),
        sa.Column("signed_by_name", sa.String(length=80), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=True),
        sa.Column("amends_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("server_fields", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["equipment_id"],
            ["equipment.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("daily_check", schema=None) as batch_op:
        batch_op.create_index("ix_daily_check_equipment_day", ["equipment_id", "day"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("daily_check", schema=None) as batch_op:
        batch_op.drop_index("ix_daily_check_equipment_day")

    op.drop_table("daily_check")
    op.drop_table("person")
    with op.batch_alter_table("hazard_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hazard_event_hazard_id"))

    op.drop_table("hazard_event")
    op.drop_table("equipment")
    with op.batch_alter_table("weekly_report", schema=None) as batch_op:
        batch_op.drop_index("ix_weekly_report_week")

    op.drop_table("weekly_report")
    op.drop_table("unit")
    op.drop_table("setting")
    op.drop_table("photo")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_record_id"))

    op.drop_table("outbox")
    with op.batch_alter_table("monthly_minutes", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_minutes_month")

    op.drop_table("monthly_minutes")
    op.drop_table("hazard")
