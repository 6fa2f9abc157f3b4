"""site codes (一单一码): the projection of places, inspections and hazards the colour rule reads,
the current code and monthly history per place, tasks, the schemes issued, and month-end runs

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mediation_desk.storage.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ID = sa.String(64)


def _committee(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["committee_id"], ["committee.id"], name=f"fk_{table}_committee_id_committee")


def _town(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["town_id"], ["town.id"], name=f"fk_{table}_town_id_town")


def upgrade() -> None:
    op.create_table(
        "site_place",
        sa.Column("id", ID, nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("grid", sa.String(50), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _committee("site_place"),
        _town("site_place"),
        sa.PrimaryKeyConstraint("id", name="pk_site_place"),
    )
    op.create_index("ix_site_place_committee", "site_place", ["committee_id", "grid"])
    op.create_index("ix_site_place_town_id", "site_place", ["town_id"])
    op.create_table(
        "site_inspection",
        sa.Column("id", ID, nullable=False),
        sa.Column("place_id", ID, nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("completed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_site_inspection"),
    )
    op.create_index("ix_site_inspection_place", "site_inspection", ["place_id", "month"])
    op.create_index("ix_site_inspection_month", "site_inspection", ["month", "place_id", "completed_at"])
    op.create_table(
        "site_hazard",
        sa.Column("id", ID, nullable=False),
        sa.Column("place_id", ID, nullable=False),
        sa.Column("item_text", sa.String(80), nullable=False),
        sa.Column("found_at", UTCDateTime(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("rectified_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_site_hazard"),
    )
    op.create_index("ix_site_hazard_place_id", "site_hazard", ["place_id"])
    op.create_index("ix_site_hazard_rectified", "site_hazard", ["rectified_at"])
    op.create_table(
        "site_code",
        sa.Column("place_id", ID, nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("colour", sa.String(8), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        _committee("site_code"),
        _town("site_code"),
        sa.PrimaryKeyConstraint("place_id", name="pk_site_code"),
        # Room for month end's update of every row on its own page (PostgreSQL: a HOT update).
        postgresql_with={"fillfactor": 50},
    )
    op.create_index("ix_site_code_committee_id", "site_code", ["committee_id"])
    op.create_index("ix_site_code_town_id", "site_code", ["town_id"])
    op.create_table(
        "site_month",
        sa.Column("place_id", ID, nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("colour", sa.String(8), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        # No foreign keys: a derived history table, its committee and town copied by month end from
        # site_place (whose keys are checked); checking them again row by row costs a third of its writes.
        sa.PrimaryKeyConstraint("place_id", "month", name="pk_site_month"),
    )
    op.create_index("ix_site_month_month", "site_month", ["month", "committee_id"])
    op.create_table(
        "site_task",
        sa.Column("id", ID, nullable=False),
        sa.Column("place_id", ID, nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        _committee("site_task"),
        _town("site_task"),
        sa.PrimaryKeyConstraint("id", name="pk_site_task"),
        sa.UniqueConstraint("place_id", "kind", "month", name="uq_site_task_place_id"),
    )
    op.create_index("ix_site_task_place", "site_task", ["place_id", "status"])
    op.create_index("ix_site_task_town_id", "site_task", ["town_id"])
    op.create_table(
        "site_scheme",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("set_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_site_scheme"),
    )
    op.create_table(
        "site_month_run",
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("tasks_opened", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("month", name="pk_site_month_run"),
    )


def downgrade() -> None:
    for table in ("site_month_run", "site_scheme", "site_task", "site_month", "site_code"):
        op.drop_table(table)
    op.drop_table("site_hazard")
    op.drop_table("site_inspection")
    op.drop_table("site_place")
