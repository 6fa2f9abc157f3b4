"""hardening: op ids unique per device, sealed case files, expiring device tokens, the admin
audit, security events and lockouts

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mediation_desk.storage.base import UTCDateTime

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')


def upgrade() -> None:
    # An op id is the idempotency key of its device, not of the whole district.
    with op.batch_alter_table('applied_op') as batch:
        batch.drop_constraint('pk_applied_op', type_='primary')
        batch.create_primary_key('pk_applied_op', ['device_id', 'op_id'])
    with op.batch_alter_table('fact') as batch:
        batch.drop_constraint('pk_fact', type_='primary')
        batch.create_primary_key('pk_fact', ['device_id', 'op_id'])
    # Case files: sealed with the server key; the id is the server's own, the op id per device.
    with op.batch_alter_table('case_file') as batch:
        batch.add_column(sa.Column('op_id', sa.String(64), nullable=True))
        batch.add_column(sa.Column('sealed', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('key_id', sa.String(32), nullable=True))
        batch.add_column(sa.Column('size_bytes', sa.Integer(), nullable=False, server_default='0'))
        batch.alter_column('content', existing_type=JSON, nullable=True)
    op.execute('UPDATE case_file SET op_id = id')
    with op.batch_alter_table('case_file') as batch:
        batch.alter_column('op_id', existing_type=sa.String(64), nullable=False)
        batch.create_unique_constraint('uq_case_file_device_id', ['device_id', 'op_id'])
    with op.batch_alter_table('device') as batch:
        batch.add_column(sa.Column('revoked_by', sa.String(100), nullable=True))
        batch.add_column(sa.Column('revoke_reason', sa.String(500), nullable=True))
        batch.add_column(sa.Column('token_expires_at', UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('previous_token_hash', sa.String(64), nullable=True))
        batch.add_column(sa.Column('previous_token_expires_at', UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('renewed_at', UTCDateTime(), nullable=True))
        batch.create_unique_constraint('uq_device_previous_token_hash', ['previous_token_hash'])
    op.create_table(
        'admin_audit',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', UTCDateTime(), nullable=False),
        sa.Column('actor', sa.String(100), nullable=False),
        sa.Column('action', sa.String(64), nullable=False),
        sa.Column('target', sa.String(200), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('detail', JSON, nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_admin_audit'),
    )
    op.create_index('ix_admin_audit_at', 'admin_audit', ['at'])
    op.create_table(
        'security_event',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', UTCDateTime(), nullable=False),
        sa.Column('kind', sa.String(64), nullable=False),
        sa.Column('source', sa.String(100), nullable=False),
        sa.Column('detail', JSON, nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_security_event'),
    )
    op.create_index('ix_security_event_at', 'security_event', ['at'])
    op.create_table(
        'lockout',
        sa.Column('key', sa.String(200), nullable=False),
        sa.Column('until', UTCDateTime(), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint('key', name='pk_lockout'),
    )


def downgrade() -> None:
    op.drop_table('lockout')
    op.drop_index('ix_security_event_at', 'security_event')
    op.drop_table('security_event')
    op.drop_index('ix_admin_audit_at', 'admin_audit')
    op.drop_table('admin_audit')
    with op.batch_alter_table('device') as batch:
        batch.drop_constraint('uq_device_previous_token_hash', type_='unique')
        for name in ('renewed_at', 'previous_token_expires_at', 'previous_token_hash',
                     'token_expires_at', 'revoke_reason', 'revoked_by'):
            batch.drop_column(name)
    with op.batch_alter_table('case_file') as batch:
        batch.drop_constraint('uq_case_file_device_id', type_='unique')
        for name in ('size_bytes', 'key_id', 'sealed', 'op_id'):
            batch.drop_column(name)
    with op.batch_alter_table('fact') as batch:
        batch.drop_constraint('pk_fact', type_='primary')
        batch.create_primary_key('pk_fact', ['op_id'])
    with op.batch_alter_table('applied_op') as batch:
        batch.drop_constraint('pk_applied_op', type_='primary')
        batch.create_primary_key('pk_applied_op', ['op_id'])
