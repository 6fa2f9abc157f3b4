"""legal dates corrected with a trace: each change of an acceptance, session, agreement or
judicial-application date is kept with its old and new value, reason, who and when

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "date_correction",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("old_value", sa.String(length=40), nullable=False),
        sa.Column("new_value", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("corrected_by", sa.String(length=64), nullable=False),
        sa.Column("corrected_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["mediation_case.id"], name=op.f("fk_date_correction_case_id_mediation_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_date_correction")),
    )
    with op.batch_alter_table("date_correction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_date_correction_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("date_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_date_correction_case_id"))
    op.drop_table("date_correction")
