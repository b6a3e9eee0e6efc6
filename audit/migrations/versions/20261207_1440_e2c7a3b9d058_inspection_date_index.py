"""an index on the inspection's date (then its unit), so that the years having inspections are found by one probe
a year for the list's year filter

Revision ID: e2c7a3b9d058
Revises: d1b6f2a8c947
Create Date: 2026-12-07 14:40:00
"""
from alembic import op


revision = 'e2c7a3b9d058'
down_revision = 'd1b6f2a8c947'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_inspections_date_unit', 'inspections', ['inspection_date', 'unit_id'])


def downgrade():
    op.drop_index('ix_inspections_date_unit', table_name='inspections')
