"""green coins (平安绿币): the district's ledger, append-only with one row per entry id, and the
catalogues it has issued

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mediation_desk.storage.base import UTCDateTime

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
ID, HLC = sa.String(64), sa.String(64)


def upgrade() -> None:
    op.create_table(
        'points_ledger',
        sa.Column('id', ID, nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=False),
        sa.Column('resident_id', ID, nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('coins', sa.Integer(), nullable=False),
        sa.Column('entry_date', sa.Date(), nullable=False),
        sa.Column('declaration_id', ID, nullable=True),
        sa.Column('reverses', ID, nullable=True),
        sa.Column('data', JSON, nullable=False),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('device_id', sa.String(36), nullable=True),
        sa.Column('received_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ['committee_id'], ['committee.id'], name='fk_points_ledger_committee_id_committee'
        ),
        sa.PrimaryKeyConstraint('id', name='pk_points_ledger'),
        # A declaration is credited once, an entry reversed once, whoever writes it.
        sa.UniqueConstraint('declaration_id', name='uq_points_ledger_declaration_id'),
        sa.UniqueConstraint('reverses', name='uq_points_ledger_reverses'),
    )
    op.create_index('ix_points_ledger_resident', 'points_ledger', ['committee_id', 'resident_id'])
    op.create_table(
        'points_catalogue',
        sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('body', JSON, nullable=False),
        sa.Column('set_by', sa.String(100), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('set_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('version', name='pk_points_catalogue'),
    )


def downgrade() -> None:
    op.drop_table('points_catalogue')
    op.drop_index('ix_points_ledger_resident', 'points_ledger')
    op.drop_table('points_ledger')
