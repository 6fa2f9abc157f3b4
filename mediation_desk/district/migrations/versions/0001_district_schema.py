"""district schema: towns, committees, enrollment, devices, synced records, facts, case files,
LWW history, transitions, applied ops, the change feed and settings

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mediation_desk.storage.base import UTCDateTime

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
ID, HLC = sa.String(64), sa.String(64)


def _when(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UTCDateTime(), nullable=nullable)


def _fk(column: str, table: str, owner: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{table}.id'], name=f'fk_{owner}_{column}_{table}')


def upgrade() -> None:
    op.create_table(
        'town',
        sa.Column('id', sa.String(36), nullable=False),
        sa.Column('name', sa.String(100), nullable=False),
        _when('created_at'),
        sa.PrimaryKeyConstraint('id', name='pk_town'),
        sa.UniqueConstraint('name', name='uq_town_name'),
    )
    op.create_table(
        'committee',
        sa.Column('id', sa.String(36), nullable=False),
        sa.Column('code', sa.String(64), nullable=False),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('town_id', sa.String(36), nullable=False),
        _when('created_at'),
        _fk('town_id', 'town', 'committee'),
        sa.PrimaryKeyConstraint('id', name='pk_committee'),
        sa.UniqueConstraint('code', name='uq_committee_code'),
    )
    op.create_index('ix_committee_town_id', 'committee', ['town_id'])
    op.create_table(
        'enrollment_code',
        sa.Column('id', sa.String(36), nullable=False),
        sa.Column('code_hash', sa.String(64), nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=True),
        sa.Column('town_id', sa.String(36), nullable=False),
        _when('expires_at'), _when('created_at'), _when('used_at', True),
        sa.Column('device_id', sa.String(36), nullable=True),
        _fk('committee_id', 'committee', 'enrollment_code'),
        _fk('town_id', 'town', 'enrollment_code'),
        sa.PrimaryKeyConstraint('id', name='pk_enrollment_code'),
        sa.UniqueConstraint('code_hash', name='uq_enrollment_code_code_hash'),
    )
    op.create_table(
        'device',
        sa.Column('id', sa.String(36), nullable=False),
        sa.Column('token_hash', sa.String(64), nullable=False),
        sa.Column('scope', sa.String(16), nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=True),
        sa.Column('town_id', sa.String(36), nullable=False),
        sa.Column('name', sa.String(200), nullable=False),
        _when('enrolled_at'), _when('revoked_at', True),
        _fk('committee_id', 'committee', 'device'),
        _fk('town_id', 'town', 'device'),
        sa.PrimaryKeyConstraint('id', name='pk_device'),
        sa.UniqueConstraint('token_hash', name='uq_device_token_hash'),
    )
    op.create_index('ix_device_committee_id', 'device', ['committee_id'])
    op.create_table(
        'record',
        sa.Column('entity', sa.String(32), nullable=False),
        sa.Column('entity_id', ID, nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=False),
        sa.Column('town_id', sa.String(36), nullable=False),
        sa.Column('case_id', ID, nullable=True),
        sa.Column('status', sa.String(32), nullable=True),
        sa.Column('escalate_to', sa.String(16), nullable=True),
        sa.Column('data', JSON, nullable=False),
        sa.Column('clocks', JSON, nullable=False),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('origin_device', sa.String(36), nullable=True),
        _when('created_at'), _when('updated_at'),
        _fk('committee_id', 'committee', 'record'),
        _fk('town_id', 'town', 'record'),
        sa.PrimaryKeyConstraint('entity', 'entity_id', name='pk_record'),
    )
    op.create_index('ix_record_committee', 'record', ['committee_id', 'entity'])
    op.create_index('ix_record_town_status', 'record', ['town_id', 'entity', 'status'])
    op.create_table(
        'fact',
        sa.Column('op_id', ID, nullable=False),
        sa.Column('entity', sa.String(32), nullable=False),
        sa.Column('entity_id', ID, nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=False),
        sa.Column('case_id', ID, nullable=False),
        sa.Column('data', JSON, nullable=False),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('device_id', sa.String(36), nullable=False),
        _when('received_at'),
        _fk('committee_id', 'committee', 'fact'),
        sa.PrimaryKeyConstraint('op_id', name='pk_fact'),
    )
    op.create_index('ix_fact_case_id', 'fact', ['case_id'])
    op.create_table(
        'case_file',
        sa.Column('id', ID, nullable=False),
        sa.Column('case_id', ID, nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=False),
        sa.Column('town_id', sa.String(36), nullable=False),
        sa.Column('content', JSON, nullable=False),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('device_id', sa.String(36), nullable=False),
        _when('received_at'),
        _fk('committee_id', 'committee', 'case_file'),
        _fk('town_id', 'town', 'case_file'),
        sa.PrimaryKeyConstraint('id', name='pk_case_file'),
    )
    op.create_index('ix_case_file_case_id', 'case_file', ['case_id'])
    op.create_index('ix_case_file_town_id', 'case_file', ['town_id'])
    op.create_table(
        'field_history',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('entity', sa.String(32), nullable=False),
        sa.Column('entity_id', ID, nullable=False),
        sa.Column('field', sa.String(64), nullable=False),
        sa.Column('value', JSON, nullable=True),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('op_id', ID, nullable=False),
        _when('recorded_at'),
        sa.PrimaryKeyConstraint('id', name='pk_field_history'),
    )
    op.create_index('ix_field_history_entity', 'field_history', ['entity', 'entity_id'])
    op.create_table(
        'case_transition',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('case_id', ID, nullable=False),
        sa.Column('from_status', sa.String(32), nullable=False),
        sa.Column('to_status', sa.String(32), nullable=False),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('op_id', ID, nullable=False),
        sa.Column('device_id', sa.String(36), nullable=False),
        _when('at'),
        sa.PrimaryKeyConstraint('id', name='pk_case_transition'),
    )
    op.create_index('ix_case_transition_case_id', 'case_transition', ['case_id'])
    op.create_table(
        'applied_op',
        sa.Column('op_id', ID, nullable=False),
        sa.Column('device_id', sa.String(36), nullable=False),
        sa.Column('entity', sa.String(32), nullable=False),
        _when('applied_at'),
        sa.PrimaryKeyConstraint('op_id', name='pk_applied_op'),
    )
    op.create_table(
        'change_feed',
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False,
                  nullable=False),
        sa.Column('entity', sa.String(32), nullable=False),
        sa.Column('entity_id', ID, nullable=False),
        sa.Column('committee_id', sa.String(36), nullable=False),
        sa.Column('committee_code', sa.String(64), nullable=False),
        sa.Column('town_id', sa.String(36), nullable=False),
        sa.Column('town_visible', sa.Boolean(), nullable=False),
        sa.Column('hlc', HLC, nullable=False),
        sa.Column('data', JSON, nullable=False),
        sa.Column('origin_device', sa.String(36), nullable=True),
        _when('created_at'),
        _fk('committee_id', 'committee', 'change_feed'),
        _fk('town_id', 'town', 'change_feed'),
        sa.PrimaryKeyConstraint('seq', name='pk_change_feed'),
    )
    op.create_index('ix_change_feed_committee_seq', 'change_feed', ['committee_id', 'seq'])
    op.create_index('ix_change_feed_town_seq', 'change_feed', ['town_id', 'town_visible', 'seq'])
    op.create_table(
        'district_setting',
        sa.Column('key', sa.String(64), nullable=False),
        sa.Column('value', JSON, nullable=True),
        sa.PrimaryKeyConstraint('key', name='pk_district_setting'),
    )


def downgrade() -> None:
    for table in ('district_setting', 'change_feed', 'applied_op', 'case_transition', 'field_history',
                  'case_file', 'fact', 'record', 'device', 'enrollment_code', 'committee', 'town'):
        op.drop_table(table)
