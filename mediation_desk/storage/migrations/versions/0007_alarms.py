"""bracelet alarms (平安手环): wearers with their contacts (address, health notes and phones
sealed), the alarms the district raises and how the village followed them, device tasks

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alarm_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("wearer_id", sa.String(length=36), nullable=True),
        sa.Column("wearer_name", sa.String(length=64), nullable=True),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("raised_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("received_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("has_fix", sa.Boolean(), nullable=False),
        sa.Column("battery", sa.Integer(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=True),
        sa.Column("acknowledged_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("dispatched_to", sa.String(length=64), nullable=True),
        sa.Column("dispatched_by", sa.String(length=64), nullable=True),
        sa.Column("dispatched_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=True),
        sa.Column("escalated_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("committee_code", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarm_event")),
    )
    with op.batch_alter_table("alarm_event", schema=None) as batch_op:
        batch_op.create_index("ix_alarm_event_open", ["status", "raised_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_alarm_event_raised_at"), ["raised_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_alarm_event_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_alarm_event_wearer_id"), ["wearer_id"], unique=False)

    op.create_table(
        "alarm_task",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("wearer_id", sa.String(length=36), nullable=True),
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("opened_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("closed_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("committee_code", sa.String(length=32), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarm_task")),
    )
    with op.batch_alter_table("alarm_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alarm_task_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_alarm_task_wearer_id"), ["wearer_id"], unique=False)

    op.create_table(
        "alarm_wearer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=32), nullable=True),
        sa.Column("living_alone", sa.Boolean(), nullable=False),
        sa.Column("exception_reason", sa.String(length=200), nullable=True),
        sa.Column("address_enc", sa.LargeBinary(), nullable=True),
        sa.Column("health_enc", sa.LargeBinary(), nullable=True),
        sa.Column("consent_by", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("ended_reason", sa.String(length=200), nullable=True),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_alarm_wearer_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_alarm_wearer_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarm_wearer")),
    )
    with op.batch_alter_table("alarm_wearer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alarm_wearer_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "uq_alarm_wearer_device",
            ["device_id"],
            unique=True,
            sqlite_where=sa.text("active = 1 AND device_id IS NOT NULL"),
        )

    op.create_table(
        "alarm_contact",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("wearer_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("relation", sa.String(length=32), nullable=True),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=True),
        sa.Column("phone_idx", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["wearer_id"], ["alarm_wearer.id"], name=op.f("fk_alarm_contact_wearer_id_alarm_wearer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarm_contact")),
    )
    with op.batch_alter_table("alarm_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alarm_contact_wearer_id"), ["wearer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alarm_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarm_contact_wearer_id"))

    op.drop_table("alarm_contact")
    with op.batch_alter_table("alarm_wearer", schema=None) as batch_op:
        batch_op.drop_index("uq_alarm_wearer_device", sqlite_where=sa.text("active = 1 AND device_id IS NOT NULL"))
        batch_op.drop_index(batch_op.f("ix_alarm_wearer_person_id"))

    op.drop_table("alarm_wearer")
    with op.batch_alter_table("alarm_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarm_task_wearer_id"))
        batch_op.drop_index(batch_op.f("ix_alarm_task_status"))

    op.drop_table("alarm_task")
    with op.batch_alter_table("alarm_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarm_event_wearer_id"))
        batch_op.drop_index(batch_op.f("ix_alarm_event_status"))
        batch_op.drop_index(batch_op.f("ix_alarm_event_raised_at"))
        batch_op.drop_index("ix_alarm_event_open")

    op.drop_table("alarm_event")
