"""dossier statistics as the reporting form gives them (carried over, received by way, handled early/on
time/late, in progress, returned); imports kept from preview to commit; mappings remembered per source

Revision ID: f6d2a8b4c035
Revises: e5c1f7a3b924
Create Date: 2026-12-03 10:30:00
"""
from alembic import op
import sqlalchemy as sa

import audit.db


revision = 'f6d2a8b4c035'
down_revision = 'e5c1f7a3b924'
branch_labels = None
depends_on = None

STATES = "'draft', 'committed', 'unchanged', 'replaced', 'discarded'"


def upgrade():
    op.create_table(
        'statistics_mappings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=100), nullable=False),
        sa.Column('columns', sa.JSON(), nullable=False),
        sa.Column('units', sa.JSON(), nullable=False),
        sa.Column('fields', sa.JSON(), nullable=False),
        sa.Column('updated_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_statistics_mappings')),
        sa.UniqueConstraint('source', name=op.f('uq_statistics_mappings_source')),
    )
    op.create_table(
        'statistics_imports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=100), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('period_text', sa.String(length=20), nullable=True),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('rows', sa.Integer(), nullable=True),
        sa.Column('replaced_rows', sa.Integer(), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', audit.db.UTCDateTime(), nullable=False),
        sa.Column('committed_at', audit.db.UTCDateTime(), nullable=True),
        sa.Column('scope', sa.JSON(), nullable=True),
        sa.CheckConstraint(f"state IN ({STATES})", name=op.f('ck_statistics_imports_state_known')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_statistics_imports_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_statistics_imports')),
    )
    with op.batch_alter_table('statistics_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statistics_imports_sha256'), ['sha256'], unique=False)
    with op.batch_alter_table('dossier_statistics', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_dossier_statistics_received_adds_up'), type_='check')
        batch_op.drop_constraint(op.f('ck_dossier_statistics_not_negative'), type_='check')
        batch_op.add_column(sa.Column('carried_over', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('received_online', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('received_in_person', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('received_post', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('early', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('pending', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pending_within', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pending_overdue', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('returned', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('import_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_dossier_statistics_import_id'), ['import_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_dossier_statistics_import_id_statistics_imports'),
                                    'statistics_imports', ['import_id'], ['id'])
        batch_op.create_check_constraint(
            'to_handle_adds_up', "carried_over + received = early + on_time + late + pending OR pending IS NULL")
        batch_op.create_check_constraint(
            'not_negative', "carried_over >= 0 AND received >= 0 AND early >= 0 AND on_time >= 0 AND late >= 0")
    # rows of the first release received = on time + late: nothing was carried over or left in progress
    op.execute("UPDATE dossier_statistics SET pending = 0")


def downgrade():
    # figures the first release cannot hold are lost: carried over, early, in progress, the ways received
    op.execute("UPDATE dossier_statistics SET on_time = on_time + early, early = 0")
    op.execute("DELETE FROM dossier_statistics WHERE received <> on_time + late")
    with op.batch_alter_table('dossier_statistics', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_dossier_statistics_to_handle_adds_up'), type_='check')
        batch_op.drop_constraint(op.f('ck_dossier_statistics_not_negative'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_dossier_statistics_import_id_statistics_imports'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_dossier_statistics_import_id'))
        for column in ('import_id', 'returned', 'pending_overdue', 'pending_within', 'pending', 'early',
                       'received_post', 'received_in_person', 'received_online', 'carried_over'):
            batch_op.drop_column(column)
        batch_op.create_check_constraint('received_adds_up', 'received = on_time + late')
        batch_op.create_check_constraint('not_negative', 'on_time >= 0 AND late >= 0')
    with op.batch_alter_table('statistics_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statistics_imports_sha256'))
    op.drop_table('statistics_imports')
    op.drop_table('statistics_mappings')
