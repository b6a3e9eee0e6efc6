"""the job that issued a document (a job run again after its worker died finds its document)

Revision ID: a7e3c9d5f146
Revises: f6d2a8b4c035
Create Date: 2026-12-03 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'a7e3c9d5f146'
down_revision = 'f6d2a8b4c035'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outgoing_documents') as batch:
        batch.add_column(sa.Column('request_key', sa.String(length=64), nullable=True))
        batch.create_unique_constraint(op.f('uq_outgoing_documents_request_key'), ['request_key'])


def downgrade():
    with op.batch_alter_table('outgoing_documents') as batch:
        batch.drop_constraint(op.f('uq_outgoing_documents_request_key'), type_='unique')
        batch.drop_column('request_key')
