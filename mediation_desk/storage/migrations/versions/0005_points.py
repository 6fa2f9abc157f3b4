"""green coins (平安绿币): households, residents and their moves, catalogue versions, declarations,
the append-only ledger (UPDATE and DELETE refused by triggers), the shop's gifts, stock movements and
redemptions, overdraft conflicts found by the district, and month ends

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "points_catalogue",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("received_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_points_catalogue")),
    )
    op.create_table(
        "points_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("shortfall", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=24), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("seen_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_conflict")),
    )
    with op.batch_alter_table("points_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_points_conflict_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "points_month_end",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("residents", sa.Integer(), nullable=False),
        sa.Column("opening", sa.Integer(), nullable=False),
        sa.Column("earned", sa.Integer(), nullable=False),
        sa.Column("deducted", sa.Integer(), nullable=False),
        sa.Column("redeemed", sa.Integer(), nullable=False),
        sa.Column("corrected", sa.Integer(), nullable=False),
        sa.Column("closing", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("ledger_digest", sa.String(length=64), nullable=False),
        sa.Column("produced_by", sa.String(length=64), nullable=False),
        sa.Column("produced_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("signed_by", sa.String(length=64), nullable=True),
        sa.Column("signed_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("posted_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_points_month_end")),
    )
    op.create_table(
        "points_gift",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.CheckConstraint("price > 0", name=op.f("ck_points_gift_price_positive")),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_points_gift_stock_not_negative")),
        sa.ForeignKeyConstraint(["committee_id"], ["committee.id"], name=op.f("fk_points_gift_committee_id_committee")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_gift")),
        sa.UniqueConstraint("committee_id", "name", name=op.f("uq_points_gift_committee_id")),
    )
    op.create_table(
        "points_household",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("village_group", sa.String(length=32), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_points_household_committee_id_committee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_household")),
    )
    op.create_table(
        "points_resident",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("village_group", sa.String(length=32), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("mediator_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_points_resident_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["points_household.id"], name=op.f("fk_points_resident_household_id_points_household")
        ),
        sa.ForeignKeyConstraint(["mediator_id"], ["mediator.id"], name=op.f("fk_points_resident_mediator_id_mediator")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_points_resident_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_resident")),
        sa.UniqueConstraint("mediator_id", name=op.f("uq_points_resident_mediator_id")),
        sa.UniqueConstraint("person_id", name=op.f("uq_points_resident_person_id")),
    )
    with op.batch_alter_table("points_resident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_points_resident_household_id"), ["household_id"], unique=False)

    op.create_table(
        "points_stock_movement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("gift_id", sa.String(length=36), nullable=False),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("redemption_id", sa.String(length=36), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gift_id"], ["points_gift.id"], name=op.f("fk_points_stock_movement_gift_id_points_gift")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_stock_movement")),
    )
    with op.batch_alter_table("points_stock_movement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_points_stock_movement_gift_id"), ["gift_id"], unique=False)

    op.create_table(
        "points_declaration",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=32), nullable=False),
        sa.Column("item_label", sa.String(length=64), nullable=False),
        sa.Column("module", sa.String(length=16), nullable=False),
        sa.Column("catalogue_version", sa.Integer(), nullable=False),
        sa.Column("activity_date", sa.Date(), nullable=False),
        sa.Column("coins", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence_name", sa.String(length=256), nullable=True),
        sa.Column("evidence_stored", sa.String(length=64), nullable=True),
        sa.Column("evidence_media_type", sa.String(length=128), nullable=True),
        sa.Column("evidence_size", sa.Integer(), nullable=True),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("declared_by", sa.String(length=64), nullable=False),
        sa.Column("declared_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("village_reviewer", sa.String(length=64), nullable=True),
        sa.Column("village_reviewed_on", sa.Date(), nullable=True),
        sa.Column("village_reason", sa.String(length=200), nullable=True),
        sa.Column("town_reviewer", sa.String(length=64), nullable=True),
        sa.Column("town_reviewed_on", sa.Date(), nullable=True),
        sa.Column("town_reason", sa.String(length=200), nullable=True),
        sa.Column("status_changed_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committee.id"], name=op.f("fk_points_declaration_committee_id_committee")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["points_resident.id"], name=op.f("fk_points_declaration_resident_id_points_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_declaration")),
    )
    with op.batch_alter_table("points_declaration", schema=None) as batch_op:
        batch_op.create_index(
            "ix_points_declaration_limits", ["resident_id", "item_code", "activity_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_points_declaration_resident_id"), ["resident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_points_declaration_status"), ["status"], unique=False)
        batch_op.create_index(
            "uq_points_declaration_source",
            ["source", "source_ref"],
            unique=True,
            sqlite_where=sa.text("source_ref IS NOT NULL"),
        )

    op.create_table(
        "points_entry",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("committee_id", sa.String(length=36), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("coins", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("declaration_id", sa.String(length=36), nullable=True),
        sa.Column("reverses", sa.String(length=36), nullable=True),
        sa.Column("item_code", sa.String(length=32), nullable=True),
        sa.Column("catalogue_version", sa.Integer(), nullable=True),
        sa.Column("gift", sa.String(length=64), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["points_resident.id"], name=op.f("fk_points_entry_resident_id_points_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_entry")),
        sa.UniqueConstraint("declaration_id", name=op.f("uq_points_entry_declaration_id")),
        sa.UniqueConstraint("reverses", name=op.f("uq_points_entry_reverses")),
    )
    with op.batch_alter_table("points_entry", schema=None) as batch_op:
        batch_op.create_index("ix_points_entry_date", ["entry_date", "resident_id", "kind", "coins"], unique=False)
        batch_op.create_index("ix_points_entry_resident", ["resident_id", "entry_date"], unique=False)

    op.create_table(
        "points_membership",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["points_household.id"], name=op.f("fk_points_membership_household_id_points_household")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["points_resident.id"], name=op.f("fk_points_membership_resident_id_points_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_membership")),
    )
    with op.batch_alter_table("points_membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_points_membership_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_points_membership_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "points_redemption",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=32), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("gift_id", sa.String(length=36), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("coins", sa.Integer(), nullable=False),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("off_day_reason", sa.String(length=200), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["points_entry.id"], name=op.f("fk_points_redemption_entry_id_points_entry")
        ),
        sa.ForeignKeyConstraint(["gift_id"], ["points_gift.id"], name=op.f("fk_points_redemption_gift_id_points_gift")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["points_resident.id"], name=op.f("fk_points_redemption_resident_id_points_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_redemption")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_points_redemption_entry_id")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_points_redemption_receipt_no")),
    )
    with op.batch_alter_table("points_redemption", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_points_redemption_resident_id"), ["resident_id"], unique=False)
    # The ledger is never edited or deleted: a correction is a reversing entry.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER points_entry_no_{verb.lower()} BEFORE {verb} ON points_entry "
            "BEGIN SELECT RAISE(ABORT, 'points_entry is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS points_entry_no_update")
    op.execute("DROP TRIGGER IF EXISTS points_entry_no_delete")
    with op.batch_alter_table("points_redemption", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_redemption_resident_id"))

    op.drop_table("points_redemption")
    with op.batch_alter_table("points_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_membership_resident_id"))
        batch_op.drop_index(batch_op.f("ix_points_membership_household_id"))

    op.drop_table("points_membership")
    with op.batch_alter_table("points_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_points_entry_resident")
        batch_op.drop_index("ix_points_entry_date")

    op.drop_table("points_entry")
    with op.batch_alter_table("points_declaration", schema=None) as batch_op:
        batch_op.drop_index("uq_points_declaration_source", sqlite_where=sa.text("source_ref IS NOT NULL"))
        batch_op.drop_index(batch_op.f("ix_points_declaration_status"))
        batch_op.drop_index(batch_op.f("ix_points_declaration_resident_id"))
        batch_op.drop_index("ix_points_declaration_limits")

    op.drop_table("points_declaration")
    with op.batch_alter_table("points_stock_movement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_stock_movement_gift_id"))

    op.drop_table("points_stock_movement")
    with op.batch_alter_table("points_resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_resident_household_id"))

    op.drop_table("points_resident")
    op.drop_table("points_household")
    op.drop_table("points_gift")
    op.drop_table("points_month_end")
    with op.batch_alter_table("points_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_conflict_resident_id"))

    op.drop_table("points_conflict")
    op.drop_table("points_catalogue")
