"""the unit tree's stamp: a token the database redraws whenever a unit is added, removed or moved or a succession
changes, so that a process reads the whole tree again only when it changed

Revision ID: f3d8b4c0e169
Revises: e2c7a3b9d058
Create Date: 2026-12-07 20:10:00
"""
import sqlalchemy as sa
from alembic import op

from audit.models.units import tree_stamp_ddl, tree_stamp_drop_ddl

revision = 'f3d8b4c0e169'
down_revision = 'e2c7a3b9d058'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('unit_tree_stamp',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('token', sa.String(length=40), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_tree_stamp')))
    for statement in tree_stamp_ddl(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade():
    for statement in tree_stamp_drop_ddl(op.get_bind().dialect.name, triggers=True):
        op.execute(statement)
    op.drop_table('unit_tree_stamp')
