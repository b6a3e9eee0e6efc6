"""register of outgoing documents; issued minutes carry their own number and what they replace

Revision ID: b7e4c2d9a811
Revises: 9c1d2e3f4a55
Create Date: 2026-12-02 15:30:00
"""
from alembic import op
import sqlalchemy as sa

import audit.db


revision = 'b7e4c2d9a811'
down_revision = '9c1d2e3f4a55'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'document_counters',
        sa.Column('authority_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['authority_id'], ['authorities.id'],
                                name=op.f('fk_document_counters_authority_id_authorities')),
        sa.PrimaryKeyConstraint('authority_id', 'year', name=op.f('pk_document_counters')),
    )
    op.create_table(
        'outgoing_documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('authority_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('summary', sa.String(length=400), nullable=False),
        sa.Column('inspection_id', sa.Integer(), nullable=True),
        sa.Column('replaces_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('issued_by_id', sa.Integer(), nullable=True),
        sa.Column('issued_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('pdf', sa.LargeBinary(), nullable=True),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('recipient', sa.String(length=300), nullable=True),
        sa.CheckConstraint("kind IN ('minutes', 'conclusion', 'remediation_report', 'period_report')",
                           name=op.f('ck_outgoing_documents_kind_known')),
        sa.CheckConstraint('seq > 0', name=op.f('ck_outgoing_documents_seq_positive')),
        sa.ForeignKeyConstraint(['authority_id'], ['authorities.id'],
                                name=op.f('fk_outgoing_documents_authority_id_authorities')),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'],
                                name=op.f('fk_outgoing_documents_inspection_id_inspections')),
        sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_outgoing_documents_issued_by_id_users')),
        sa.ForeignKeyConstraint(['replaces_id'], ['outgoing_documents.id'],
                                name=op.f('fk_outgoing_documents_replaces_id_outgoing_documents')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_documents')),
        sa.UniqueConstraint('authority_id', 'year', 'seq', name='one_number_per_body_and_year'),
    )
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outgoing_documents_authority_id'), ['authority_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outgoing_documents_inspection_id'), ['inspection_id'], unique=False)
    with op.batch_alter_table('issued_minutes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('document_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('content_sha256', sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_issued_minutes_document_id_outgoing_documents'),
                                    'outgoing_documents', ['document_id'], ['id'])
    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('document_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('strengths', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('causes', sa.Text(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_conclusions_document_id_outgoing_documents'),
                                    'outgoing_documents', ['document_id'], ['id'])


def downgrade():
    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_conclusions_document_id_outgoing_documents'), type_='foreignkey')
        batch_op.drop_column('causes')
        batch_op.drop_column('strengths')
        batch_op.drop_column('document_id')
    with op.batch_alter_table('issued_minutes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_issued_minutes_document_id_outgoing_documents'), type_='foreignkey')
        batch_op.drop_column('content_sha256')
        batch_op.drop_column('document_id')
    with op.batch_alter_table('outgoing_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outgoing_documents_inspection_id'))
        batch_op.drop_index(batch_op.f('ix_outgoing_documents_authority_id'))
    op.drop_table('outgoing_documents')
    op.drop_table('document_counters')
