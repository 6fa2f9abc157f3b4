"""the holiday calendar desks count legal periods with (Civil Procedure Law art. 85), one row a
year of the State Council's notice

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mediation_desk.storage.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "holiday_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_year")),
    )


def downgrade() -> None:
    op.drop_table("holiday_year")
