"""personal data protection: encrypted columns, key wraps, consents, retention

The migration cannot encrypt: it has no key. It moves the plaintext columns aside
(legacy_*); `protect_desk` (run by the first admin login, or `mediation-desk protect`) then
creates the data key, encrypts every legacy value and empties those columns.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import mediation_desk.storage.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_wrap",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=True),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("kdf", sa.JSON(), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_key_wrap_operator_id_operator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_wrap")),
        sa.UniqueConstraint("operator_id", name=op.f("uq_key_wrap_operator_id")),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("given_at", mediation_desk.storage.base.UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", mediation_desk.storage.base.UTCDateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=64), nullable=True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_consent_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent") as batch:
        batch.create_index(batch.f("ix_consent_person_id"), ["person_id"], unique=False)

    with op.batch_alter_table("person") as batch:
        batch.drop_index("uq_person_id_doc")
        batch.drop_index("ix_person_phone")
        batch.alter_column("id_number", new_column_name="legacy_id_number")
        batch.alter_column("phone", new_column_name="legacy_phone")
        batch.alter_column("address", new_column_name="legacy_address")
        batch.add_column(sa.Column("id_number_enc", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("id_number_idx", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("phone_enc", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("phone_idx", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("address_enc", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("purged_at", mediation_desk.storage.base.UTCDateTime(), nullable=True))
    with op.batch_alter_table("person") as batch:
        batch.create_index("ix_person_phone_idx", ["phone_idx"], unique=False)
        batch.create_index("uq_person_id_doc", ["id_type", "id_number_idx"], unique=True,
                           sqlite_where=sa.text("id_number_idx IS NOT NULL"))

    with op.batch_alter_table("mediator") as batch:
        batch.alter_column("phone", new_column_name="legacy_phone")
        batch.add_column(sa.Column("phone_enc", sa.LargeBinary(), nullable=True))

    with op.batch_alter_table("mediation_case") as batch:
        batch.add_column(sa.Column("retention", sa.String(length=16), nullable=False, server_default="long"))
        batch.add_column(sa.Column("purged_at", mediation_desk.storage.base.UTCDateTime(), nullable=True))

    with op.batch_alter_table("attachment") as batch:
        # Files stored before this revision are plain until `protect_desk` seals them.
        batch.add_column(sa.Column("encrypted", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("purged_at", mediation_desk.storage.base.UTCDateTime(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("personal data is encrypted from revision 0003 on; restore a backup instead")
