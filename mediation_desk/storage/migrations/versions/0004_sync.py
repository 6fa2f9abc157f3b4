"""district sync: issues the clerk resolves, the district mirror, field history, reference data,
and an index to find a row's outbox ops

The pull cursor, the server's address and the device's scope are rows of `desk_state`, written
at enrollment; the device token is kept in the OS keyring, never in the database.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_op") as batch:
        batch.create_index("ix_outbox_op_entity", ["entity_id", "state"], unique=False)
    op.create_table(
        "sync_issue",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("op_seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("server_state", sa.JSON(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("raised_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reapplied_op_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_issue")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_issue_op_id")),
    )
    with op.batch_alter_table("sync_issue") as batch:
        batch.create_index(batch.f("ix_sync_issue_resolved_at"), ["resolved_at"], unique=False)

    op.create_table(
        "district_record",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("committee_code", sa.String(length=32), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=True),
        sa.Column("own", sa.Boolean(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("pulled_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_district_record")),
    )
    with op.batch_alter_table("district_record") as batch:
        batch.create_index("ix_district_record_view", ["entity", "own", "committee_code"], unique=False)

    op.create_table(
        "field_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("lost_to_hlc", sa.String(length=64), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_history")),
    )
    with op.batch_alter_table("field_history") as batch:
        batch.create_index("ix_field_history_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "reference_data",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("fetched_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_reference_data")),
    )


def downgrade() -> None:
    op.drop_table("reference_data")
    with op.batch_alter_table("field_history") as batch:
        batch.drop_index("ix_field_history_entity")
    op.drop_table("field_history")
    with op.batch_alter_table("district_record") as batch:
        batch.drop_index("ix_district_record_view")
    op.drop_table("district_record")
    with op.batch_alter_table("sync_issue") as batch:
        batch.drop_index(batch.f("ix_sync_issue_resolved_at"))
    op.drop_table("sync_issue")
    with op.batch_alter_table("outbox_op") as batch:
        batch.drop_index("ix_outbox_op_entity")
