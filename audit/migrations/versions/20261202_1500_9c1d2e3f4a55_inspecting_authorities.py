"""inspecting authorities; inspections and staff belong to one; honorifics; tenures end with their unit

Revision ID: 9c1d2e3f4a55
Revises: 3b8e2f6a1c44
Create Date: 2026-12-02 15:00:00

Existing data: every district and province People's Committee becomes an authority over the units below it
(in force while its unit exists); an inspection belongs to the authority above its unit, a chairman, team lead
or inspector to the authority above their unit; an open tenure of a unit that has ended ends with the unit.
"""
from alembic import op
import sqlalchemy as sa


revision = '9c1d2e3f4a55'
down_revision = '3b8e2f6a1c44'
branch_labels = None
depends_on = None

HONORIFICS = "'ong', 'ba'"


def _issuing_body(name: str) -> str:
    for prefix, words in (("UBND huyện ", "HUYỆN "), ("UBND thành phố ", "THÀNH PHỐ "), ("UBND tỉnh ", "TỈNH "),
                          ("UBND thị xã ", "THỊ XÃ "), ("UBND xã ", "XÃ ")):
        if name.startswith(prefix):
            return "ỦY BAN NHÂN DÂN\n" + words + name[len(prefix):].upper()
    return name.upper()


def _place(name: str) -> str:
    for prefix in ("UBND huyện ", "UBND thành phố ", "UBND tỉnh ", "UBND thị xã ", "UBND xã "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def upgrade():
    op.create_table(
        'authorities',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=True),
        sa.Column('valid_to', sa.Date(), nullable=True),
        sa.Column('successor_id', sa.Integer(), nullable=True),
        sa.Column('reads_predecessors', sa.Boolean(), nullable=False),
        sa.Column('issuing_body', sa.String(length=200), nullable=False),
        sa.Column('place', sa.String(length=100), nullable=False),
        sa.Column('chair_title', sa.String(length=100), nullable=False),
        sa.CheckConstraint('valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from',
                           name=op.f('ck_authorities_validity_ordered')),
        sa.ForeignKeyConstraint(['successor_id'], ['authorities.id'], name=op.f('fk_authorities_successor_id_authorities')),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_authorities_unit_id_units')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_authorities')),
        sa.UniqueConstraint('code', name=op.f('uq_authorities_code')),
    )
    conn = op.get_bind()
    units = conn.execute(sa.text("SELECT id, code, name, kind, parent_id, valid_from, valid_to FROM units")).all()
    parent_of = {u.id: u.parent_id for u in units}
    by_id = {u.id: u for u in units}
    authority_of_unit = {}

    def make(u):
        conn.execute(sa.text(
            "INSERT INTO authorities (code, name, unit_id, valid_from, valid_to, reads_predecessors, issuing_body, "
            "place, chair_title) VALUES (:code, :name, :unit, :start, :end, :reads, :body, :place, 'CHỦ TỊCH')"),
            {"code": u.code, "name": u.name.replace("UBND ", "Ủy ban nhân dân ", 1), "unit": u.id,
             "start": u.valid_from, "end": u.valid_to, "reads": u.kind == 'province',
             "body": _issuing_body(u.name), "place": _place(u.name)})
        authority_of_unit[u.id] = conn.execute(sa.text("SELECT id FROM authorities WHERE unit_id = :u"),
                                               {"u": u.id}).scalar_one()
        return authority_of_unit[u.id]

    for u in units:
        if u.kind in ('district', 'province'):
            make(u)

    def above(unit_id):
        current, root = unit_id, unit_id
        while current is not None and current not in authority_of_unit:
            root, current = current, parent_of.get(current)
        if current is None:  # a tree without a district or province: its top unit inspects it
            return authority_of_unit.get(root) or make(by_id[root])
        return authority_of_unit[current]

    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('authority_id', sa.Integer(), nullable=True))
    for row in conn.execute(sa.text("SELECT id, unit_id FROM inspections")).all():
        conn.execute(sa.text("UPDATE inspections SET authority_id = :a WHERE id = :id"),
                     {"a": above(row.unit_id), "id": row.id})
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.alter_column('authority_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_inspections_authority_id'), ['authority_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_inspections_authority_id_authorities'), 'authorities',
                                    ['authority_id'], ['id'])

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('authority_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('honorific', sa.String(length=10), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_authority_id'), ['authority_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_users_authority_id_authorities'), 'authorities',
                                    ['authority_id'], ['id'])
        batch_op.create_check_constraint(op.f('ck_users_honorific_known'),
                                         f"honorific IS NULL OR honorific IN ({HONORIFICS})")
    for row in conn.execute(sa.text("SELECT id, unit_id FROM users WHERE role IN ('chairman', 'team_lead', "
                                    "'inspector') AND unit_id IS NOT NULL")).all():
        conn.execute(sa.text("UPDATE users SET authority_id = :a WHERE id = :id"),
                     {"a": above(row.unit_id), "id": row.id})

    with op.batch_alter_table('head_tenures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('honorific', sa.String(length=10), nullable=True))
        batch_op.create_check_constraint(op.f('ck_head_tenures_honorific_known'),
                                         f"honorific IS NULL OR honorific IN ({HONORIFICS})")
    for u in units:
        if u.valid_to is not None:
            conn.execute(sa.text("UPDATE head_tenures SET end_date = :end WHERE unit_id = :u AND "
                                 "(end_date IS NULL OR end_date > :end) AND start_date <= :end"),
                         {"end": u.valid_to, "u": u.id})


def downgrade():
    with op.batch_alter_table('head_tenures', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_head_tenures_honorific_known'), type_='check')
        batch_op.drop_column('honorific')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_users_honorific_known'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_users_authority_id_authorities'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_users_authority_id'))
        batch_op.drop_column('honorific')
        batch_op.drop_column('authority_id')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_inspections_authority_id_authorities'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_inspections_authority_id'))
        batch_op.drop_column('authority_id')
    op.drop_table('authorities')
