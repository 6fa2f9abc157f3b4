"""site codes (一单一码): places with their responsible persons, the versioned scheme of
checklists and thresholds, monthly self-inspections, hazards with their rectification, and the
tasks the district opens

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sitecode_scheme",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("received_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_sitecode_scheme")),
    )
    op.create_table(
        "sitecode_task",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("place_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=True),
        sa.Column("seen_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitecode_task")),
        sa.UniqueConstraint("place_id", "kind", "month", name=op.f("uq_sitecode_task_place_id")),
    )
    with op.batch_alter_table("sitecode_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sitecode_task_place_id"), ["place_id"], unique=False)

    op.create_table(
        "sitecode_place",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("grid", sa.String(length=50), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_sitecode_place_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_sitecode_place_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitecode_place")),
    )
    with op.batch_alter_table("sitecode_place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sitecode_place_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_sitecode_place_grid"), ["grid"], unique=False)
        batch_op.create_index("ix_sitecode_place_name", ["name", "address"], unique=False)
        batch_op.create_index(batch_op.f("ix_sitecode_place_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "uq_sitecode_place_credit", ["credit_code"], unique=True, sqlite_where=sa.text("credit_code IS NOT NULL")
        )

    op.create_table(
        "sitecode_inspection",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("place_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("completed_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("scheme_version", sa.Integer(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("evidence_name", sa.String(length=256), nullable=True),
        sa.Column("evidence_stored", sa.String(length=64), nullable=True),
        sa.Column("evidence_media_type", sa.String(length=128), nullable=True),
        sa.Column("evidence_size", sa.Integer(), nullable=True),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["sitecode_place.id"], name=op.f("fk_sitecode_inspection_place_id_sitecode_place")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitecode_inspection")),
    )
    with op.batch_alter_table("sitecode_inspection", schema=None) as batch_op:
        batch_op.create_index("ix_sitecode_inspection_place", ["place_id", "month"], unique=False)

    op.create_table(
        "sitecode_hazard",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("place_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=32), nullable=False),
        sa.Column("item_text", sa.String(length=80), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=True),
        sa.Column("found_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("evidence_name", sa.String(length=256), nullable=True),
        sa.Column("evidence_stored", sa.String(length=64), nullable=True),
        sa.Column("evidence_media_type", sa.String(length=128), nullable=True),
        sa.Column("evidence_size", sa.Integer(), nullable=True),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("rectified_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("rectification_note", sa.String(length=200), nullable=True),
        sa.Column("checked_by", sa.String(length=64), nullable=True),
        sa.Column("rectification_name", sa.String(length=256), nullable=True),
        sa.Column("rectification_stored", sa.String(length=64), nullable=True),
        sa.Column("rectification_media_type", sa.String(length=128), nullable=True),
        sa.Column("rectification_size", sa.Integer(), nullable=True),
        sa.Column("rectification_sha256", sa.String(length=64), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["sitecode_inspection.id"],
            name=op.f("fk_sitecode_hazard_inspection_id_sitecode_inspection"),
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["sitecode_place.id"], name=op.f("fk_sitecode_hazard_place_id_sitecode_place")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitecode_hazard")),
    )
    with op.batch_alter_table("sitecode_hazard", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sitecode_hazard_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index("ix_sitecode_hazard_open", ["status", "deadline"], unique=False)
        batch_op.create_index("ix_sitecode_hazard_place", ["place_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sitecode_hazard", schema=None) as batch_op:
        batch_op.drop_index("ix_sitecode_hazard_place")
        batch_op.drop_index("ix_sitecode_hazard_open")
        batch_op.drop_index(batch_op.f("ix_sitecode_hazard_inspection_id"))

    op.drop_table("sitecode_hazard")
    with op.batch_alter_table("sitecode_inspection", schema=None) as batch_op:
        batch_op.drop_index("ix_sitecode_inspection_place")

    op.drop_table("sitecode_inspection")
    with op.batch_alter_table("sitecode_place", schema=None) as batch_op:
        batch_op.drop_index("uq_sitecode_place_credit", sqlite_where=sa.text("credit_code IS NOT NULL"))
        batch_op.drop_index(batch_op.f("ix_sitecode_place_person_id"))
        batch_op.drop_index("ix_sitecode_place_name")
        batch_op.drop_index(batch_op.f("ix_sitecode_place_grid"))
        batch_op.drop_index(batch_op.f("ix_sitecode_place_category"))

    op.drop_table("sitecode_place")
    with op.batch_alter_table("sitecode_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sitecode_task_place_id"))

    op.drop_table("sitecode_task")
    op.drop_table("sitecode_scheme")
