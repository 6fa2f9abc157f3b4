"""bracelet alarms (平安手环): bracelets and their wearers, the projection of alarms and device tasks,
alarms from unknown bracelets, and the vendor platforms' keys

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mediation_desk.storage.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ID = sa.String(64)
DEVICE = sa.String(32)


def _committee(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["committee_id"], ["committee.id"], name=f"fk_{table}_committee_id_committee")


def _town(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["town_id"], ["town.id"], name=f"fk_{table}_town_id_town")


def upgrade() -> None:
    op.create_table(
        "alarm_device",
        sa.Column("device_id", DEVICE, nullable=False),
        sa.Column("wearer_id", ID, nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("location_consent", sa.Boolean(), nullable=False),
        sa.Column("assigned_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=True),
        sa.Column("last_battery", sa.Integer(), nullable=True),
        sa.Column("last_latitude", sa.Float(), nullable=True),
        sa.Column("last_longitude", sa.Float(), nullable=True),
        sa.Column("last_fix_at", UTCDateTime(), nullable=True),
        _committee("alarm_device"),
        _town("alarm_device"),
        sa.PrimaryKeyConstraint("device_id", name="pk_alarm_device"),
    )
    op.create_index("ix_alarm_device_wearer_id", "alarm_device", ["wearer_id"])
    op.create_index("ix_alarm_device_seen", "alarm_device", ["active", "last_seen_at"])
    op.create_table(
        "alarm_event",
        sa.Column("id", ID, nullable=False),
        sa.Column("device_id", DEVICE, nullable=False),
        sa.Column("wearer_id", ID, nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("kinds", JSON, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("raised_at", UTCDateTime(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("dispatched_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("escalated_at", UTCDateTime(), nullable=True),
        _committee("alarm_event"),
        _town("alarm_event"),
        sa.PrimaryKeyConstraint("id", name="pk_alarm_event"),
    )
    op.create_index("ix_alarm_event_wearer_id", "alarm_event", ["wearer_id"])
    op.create_index("ix_alarm_event_status", "alarm_event", ["status", "received_at"])
    op.create_index("ix_alarm_event_committee", "alarm_event", ["committee_id", "raised_at"])
    op.create_index("ix_alarm_event_town", "alarm_event", ["town_id", "raised_at"])
    op.create_table(
        "alarm_task",
        sa.Column("id", ID, nullable=False),
        sa.Column("device_id", DEVICE, nullable=False),
        sa.Column("wearer_id", ID, nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        _committee("alarm_task"),
        _town("alarm_task"),
        sa.PrimaryKeyConstraint("id", name="pk_alarm_task"),
    )
    op.create_index("ix_alarm_task_device", "alarm_task", ["device_id", "kind", "status"])
    op.create_table(
        "alarm_unrouted",
        sa.Column("id", ID, nullable=False),
        sa.Column("device_id", DEVICE, nullable=False),
        sa.Column("vendor", sa.String(64), nullable=False),
        sa.Column("kinds", JSON, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("battery", sa.Integer(), nullable=True),
        sa.Column("raised_at", UTCDateTime(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alarm_unrouted"),
    )
    op.create_index("ix_alarm_unrouted_received_at", "alarm_unrouted", ["received_at"])
    op.create_table(
        "alarm_vendor_key",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_alarm_vendor_key"),
        sa.UniqueConstraint("key_hash", name="uq_alarm_vendor_key_key_hash"),
    )


def downgrade() -> None:
    for table in ("alarm_vendor_key", "alarm_unrouted", "alarm_task", "alarm_event", "alarm_device"):
        op.drop_table(table)
