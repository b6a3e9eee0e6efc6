"""the unit tree's stamp: a token the database redraws whenever a unit is added, removed or moved or a succession
changes, so that a process reads the whole tree again only when it changed

Revision ID: f3d8b4c0e169
Revises: e2c7a3b9d058
Create Date: 2026-12-07 20:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = 'f3d8b4c0e169'
down_revision = 'e2c7a3b9d058'
branch_labels = None
depends_on = None

# the row and the triggers as the code stood at this revision (audit.models.units.TREE_STAMP_DDL); a test compares
# the triggers at head with what create_all makes
SQLITE_NEW_TOKEN = "BEGIN UPDATE unit_tree_stamp SET token = lower(hex(randomblob(16))); END"
MADE = {
    "postgresql": [
        "INSERT INTO unit_tree_stamp (id, token) VALUES (1, gen_random_uuid()::text)",
        "CREATE OR REPLACE FUNCTION unit_tree_touched() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "EXECUTE 'UPDATE ' || quote_ident(TG_TABLE_SCHEMA) || '.unit_tree_stamp SET token = gen_random_uuid()::text'; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER unit_tree_touched AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, parent_id ON units "
        "FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_touched()",
        "CREATE TRIGGER unit_tree_touched AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON unit_successions "
        "FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_touched()",
    ],
    "sqlite": [
        "INSERT INTO unit_tree_stamp (id, token) VALUES (1, lower(hex(randomblob(16))))",
        f"CREATE TRIGGER units_tree_insert AFTER INSERT ON units {SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER units_tree_delete AFTER DELETE ON units {SQLITE_NEW_TOKEN}",
        "CREATE TRIGGER units_tree_update AFTER UPDATE ON units "
        f"WHEN OLD.id IS NOT NEW.id OR OLD.parent_id IS NOT NEW.parent_id {SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER unit_successions_tree_insert AFTER INSERT ON unit_successions {SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER unit_successions_tree_delete AFTER DELETE ON unit_successions {SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER unit_successions_tree_update AFTER UPDATE ON unit_successions {SQLITE_NEW_TOKEN}",
    ],
}
DROPPED = {
    "postgresql": ["DROP TRIGGER IF EXISTS unit_tree_touched ON units",
                   "DROP TRIGGER IF EXISTS unit_tree_touched ON unit_successions",
                   "DROP FUNCTION IF EXISTS unit_tree_touched()"],
    "sqlite": [f"DROP TRIGGER IF EXISTS {table}_tree_{change}" for table in ("units", "unit_successions")
               for change in ("insert", "delete", "update")],
}


def upgrade():
    op.create_table('unit_tree_stamp',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('token', sa.String(length=40), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_tree_stamp')))
    for statement in MADE[op.get_context().dialect.name]:
        op.execute(statement)


def downgrade():
    for statement in DROPPED[op.get_context().dialect.name]:
        op.execute(statement)
    op.drop_table('unit_tree_stamp')
