"""the overdue-items index also holds the unit, so the heads table of a chairman's units reads the index alone

Revision ID: d1b6f2a8c947
Revises: c9a5e1f7b368
Create Date: 2026-12-06 03:00:00
"""
from alembic import op


revision = 'd1b6f2a8c947'
down_revision = 'c9a5e1f7b368'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index('ix_remediation_items_state_deadline', table_name='remediation_items')
    op.create_index('ix_remediation_items_state_deadline', 'remediation_items',
                    ['state', 'deadline', 'head_tenure_id', 'unit_id'])


def downgrade():
    op.drop_index('ix_remediation_items_state_deadline', table_name='remediation_items')
    op.create_index('ix_remediation_items_state_deadline', 'remediation_items', ['state', 'deadline', 'head_tenure_id'])
