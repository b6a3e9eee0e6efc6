"""the heads table's figures kept per head, unit and quarter (head_quarter_totals), filled from the findings;
an index for the overdue items per head

Revision ID: c9a5e1f7b368
Revises: b8f4d0e6a257
Create Date: 2026-12-04 18:00:00
"""
from datetime import date

import sqlalchemy as sa
from alembic import op


revision = 'c9a5e1f7b368'
down_revision = 'b8f4d0e6a257'
branch_labels = None
depends_on = None

# as the code stood at this revision: verdicts that say the desk is not real, and the rows' rule
NOT_REAL = ('formal', 'serious_violations')


def upgrade():
    op.create_index('ix_remediation_items_state_deadline', 'remediation_items', ['state', 'deadline', 'head_tenure_id'])
    table = op.create_table(
        'head_quarter_totals',
        sa.Column('head_tenure_id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('quarter', sa.Date(), nullable=False),
        sa.Column('findings', sa.Integer(), nullable=False),
        sa.Column('repeats', sa.Integer(), nullable=False),
        sa.Column('formal', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['head_tenure_id'], ['head_tenures.id'],
                                name=op.f('fk_head_quarter_totals_head_tenure_id_head_tenures')),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_head_quarter_totals_unit_id_units')),
        sa.PrimaryKeyConstraint('head_tenure_id', 'unit_id', 'quarter', name=op.f('pk_head_quarter_totals')),
    )
    rows = op.get_bind().execute(sa.text("""
        SELECT f.head_tenure_id, i.unit_id, i.inspection_date, COUNT(*),
               SUM(CASE WHEN f.repeat THEN 1 ELSE 0 END), COALESCE(c.final_verdict, i.verdict)
        FROM findings f JOIN inspections i ON i.id = f.inspection_id
        LEFT JOIN conclusions c ON c.inspection_id = i.id AND c.superseded_at IS NULL
        WHERE i.state = 'finalised' AND f.status = 'draft' AND f.head_tenure_id IS NOT NULL
        GROUP BY f.head_tenure_id, i.id, i.unit_id, i.inspection_date, COALESCE(c.final_verdict, i.verdict)"""))
    totals = {}
    for tenure, unit, day, findings, repeats, verdict in rows:
        if isinstance(day, str):  # SQLite hands dates back as text here
            day = date.fromisoformat(day[:10])
        key = (tenure, unit, date(day.year, 3 * ((day.month - 1) // 3) + 1, 1))
        n, r, f = totals.get(key, (0, 0, 0))
        totals[key] = (n + findings, r + int(repeats or 0), f + (verdict in NOT_REAL))
    if totals:
        op.bulk_insert(table, [dict(head_tenure_id=t, unit_id=u, quarter=q, findings=n, repeats=r, formal=f)
                               for (t, u, q), (n, r, f) in sorted(totals.items())])


def downgrade():
    op.drop_index('ix_remediation_items_state_deadline', table_name='remediation_items')
    op.drop_table('head_quarter_totals')
