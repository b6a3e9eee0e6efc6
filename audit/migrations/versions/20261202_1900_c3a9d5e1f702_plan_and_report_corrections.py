"""inspections cite their inspection plan; issued documents name their subject, content and replacement; a
conclusion notice is replaced by a new one (one in force per inspection)

Revision ID: c3a9d5e1f702
Revises: b7e4c2d9a811
Create Date: 2026-12-02 19:00:00
"""
from alembic import op
import sqlalchemy as sa

import audit.db


revision = 'c3a9d5e1f702'
down_revision = 'b7e4c2d9a811'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_number', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('plan_date', sa.Date(), nullable=True))
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('content_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('superseded_at', audit.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('narrative', sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f('ix_outgoing_documents_subject'), ['subject'], unique=False)
    # the documents already issued: one subject per inspection for notices and remediation reports
    for kind in ('conclusion', 'remediation_report'):
        op.execute(sa.text(f"UPDATE outgoing_documents SET subject = '{kind}:' || CAST(inspection_id AS VARCHAR(20)) "
                           f"WHERE kind = '{kind}' AND inspection_id IS NOT NULL"))
    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('superseded_at', audit.db.UTCDateTime(), nullable=True))
        batch_op.drop_constraint('uq_conclusions_inspection_id', type_='unique')
    op.create_index('one_current_conclusion', 'conclusions', ['inspection_id'], unique=True,
                    sqlite_where=sa.text('superseded_at IS NULL'), postgresql_where=sa.text('superseded_at IS NULL'))


def downgrade():
    op.drop_index('one_current_conclusion', table_name='conclusions')
    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_conclusions_inspection_id', ['inspection_id'])
        batch_op.drop_column('superseded_at')
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outgoing_documents_subject'))
        batch_op.drop_column('narrative')
        batch_op.drop_column('superseded_at')
        batch_op.drop_column('content_sha256')
        batch_op.drop_column('subject')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_column('plan_date')
        batch_op.drop_column('plan_number')
