"""the case's life by the law: agreements withdrawn before signing or ruled invalid keep their
row, marked with the date and reason; the holiday calendar the district distributes (legal
periods end on working days, Civil Procedure Law art. 85)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreement") as batch:
        batch.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("withdrawn_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("invalidated_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("invalidated_reason", sa.Text(), nullable=True))
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("workdays", sa.JSON(), nullable=False),
        sa.Column("received_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_year")),
    )


def downgrade() -> None:
    op.drop_table("holiday_year")
    with op.batch_alter_table("agreement") as batch:
        batch.drop_column("invalidated_reason")
        batch.drop_column("invalidated_on")
        batch.drop_column("withdrawn_reason")
        batch.drop_column("withdrawn_on")
