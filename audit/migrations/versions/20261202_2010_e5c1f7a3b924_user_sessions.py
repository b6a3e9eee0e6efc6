"""sessions the server knows (logout, password change and idle time end them); kinds of throttled attempts

Revision ID: e5c1f7a3b924
Revises: d4b0e6f2a813
Create Date: 2026-12-02 20:10:00
"""
from alembic import op
import sqlalchemy as sa

import audit.db


revision = 'e5c1f7a3b924'
down_revision = 'd4b0e6f2a813'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'user_sessions',
        sa.Column('token_sha256', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('created_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('last_seen_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('ended_at', audit.db.UTCDateTime(), nullable=True),
        sa.Column('address', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_sessions_user_id_users')),
        sa.PrimaryKeyConstraint('token_sha256', name=op.f('pk_user_sessions')),
    )
    op.create_index('ix_user_sessions_user', 'user_sessions', ['user_id', 'ended_at'], unique=False)
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), server_default='login', nullable=False))
        batch_op.create_index('ix_login_attempts_kind_at', ['kind', 'at'], unique=False)


def downgrade():
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_kind_at')
        batch_op.drop_column('kind')
    op.drop_index('ix_user_sessions_user', table_name='user_sessions')
    op.drop_table('user_sessions')
