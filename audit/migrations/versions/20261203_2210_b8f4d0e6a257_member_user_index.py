"""an index on the members of inspection teams by person ("my teams" without reading every team)

Revision ID: b8f4d0e6a257
Revises: a7e3c9d5f146
Create Date: 2026-12-03 22:10:00
"""
from alembic import op


revision = 'b8f4d0e6a257'
down_revision = 'a7e3c9d5f146'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f('ix_inspection_members_user_id'), 'inspection_members', ['user_id'])


def downgrade():
    op.drop_index(op.f('ix_inspection_members_user_id'), table_name='inspection_members')
