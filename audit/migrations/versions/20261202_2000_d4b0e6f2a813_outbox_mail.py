"""outbox of e-mail, sent after the request's transaction commits

Revision ID: d4b0e6f2a813
Revises: c3a9d5e1f702
Create Date: 2026-12-02 20:00:00
"""
from alembic import op
import sqlalchemy as sa

import audit.db


revision = 'd4b0e6f2a813'
down_revision = 'c3a9d5e1f702'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'outbox_mail',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('to', sa.JSON(), nullable=False),
        sa.Column('cc', sa.JSON(), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('notification_id', sa.Integer(), nullable=True),
        sa.Column('created_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('next_attempt_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('claimed_at', audit.db.UTCDateTime(), nullable=True),
        sa.Column('sent_at', audit.db.UTCDateTime(), nullable=True),
        sa.Column('failed_at', audit.db.UTCDateTime(), nullable=True),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['notification_id'], ['notifications.id'],
                                name=op.f('fk_outbox_mail_notification_id_notifications')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_mail')),
    )
    op.create_index('ix_outbox_due', 'outbox_mail', ['sent_at', 'next_attempt_at'], unique=False)


def downgrade():
    op.drop_index('ix_outbox_due', table_name='outbox_mail')
    op.drop_table('outbox_mail')
