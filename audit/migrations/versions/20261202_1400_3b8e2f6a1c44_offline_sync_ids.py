"""offline sync: photo operation ids, dossier client ids, the sample's revision

Revision ID: 3b8e2f6a1c44
Revises: 7d1e4a9b2c10
Create Date: 2026-12-02 14:00:00

"""
import uuid

from alembic import op
import sqlalchemy as sa


revision = '3b8e2f6a1c44'
down_revision = '7d1e4a9b2c10'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sample_revision', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('op_id', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_evidence_op_id'), ['op_id'])
    with op.batch_alter_table('sampled_dossiers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_id', sa.String(length=64), nullable=True))
    connection = op.get_bind()
    for (row_id,) in connection.execute(sa.text("SELECT id FROM sampled_dossiers")).all():
        connection.execute(sa.text("UPDATE sampled_dossiers SET client_id = :cid WHERE id = :id"),
                           {"cid": uuid.uuid4().hex, "id": row_id})
    with op.batch_alter_table('sampled_dossiers', schema=None) as batch_op:
        batch_op.alter_column('client_id', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint('one_per_client_id', ['inspection_id', 'client_id'])


def downgrade():
    with op.batch_alter_table('sampled_dossiers', schema=None) as batch_op:
        batch_op.drop_constraint('one_per_client_id', type_='unique')
        batch_op.drop_column('client_id')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_evidence_op_id'), type_='unique')
        batch_op.drop_column('op_id')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_column('sample_revision')
