"""assessment: findings as statement and requirement, N/A share, the chairman's final verdict

Revision ID: 7d1e4a9b2c10
Revises: 5582aac819ce
Create Date: 2026-12-02 09:00:00

The team's proposed assessment gets the new outcome codes (partial → partly_substantive, incomplete →
insufficient_evidence); the formality index gives way to the share of "not applicable" answers;
a finding's columns say what they hold (statement: what is wrong; requirement: what to do); a
conclusion records the verdict the team proposed and the one the chairman decided, with the reason
when they differ. Existing conclusions confirmed the proposal.
"""
from alembic import op
import sqlalchemy as sa


revision = '7d1e4a9b2c10'
down_revision = '5582aac819ce'
branch_labels = None
depends_on = None

VERDICTS = ("'substantive', 'partly_substantive', 'weak', 'formal', 'good_compliance', 'violations', "
            "'serious_violations', 'insufficient_evidence'")


def upgrade():
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.alter_column('verdict', existing_type=sa.String(length=20), type_=sa.String(length=30),
                              existing_nullable=True)
    op.execute("UPDATE inspections SET verdict = 'partly_substantive' WHERE verdict = 'partial'")
    op.execute("UPDATE inspections SET verdict = 'insufficient_evidence' WHERE verdict = 'incomplete'")
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('na_share', sa.Float(), nullable=True))
        batch_op.drop_column('formality_index')
        batch_op.create_check_constraint('verdict_known', f"verdict IS NULL OR verdict IN ({VERDICTS})")

    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.alter_column('requirement', new_column_name='statement', existing_type=sa.Text(), existing_nullable=False)
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.alter_column('remedy', new_column_name='requirement', existing_type=sa.Text(), existing_nullable=False)
        batch_op.create_check_constraint('source_known', "source IN ('derived', 'manual')")

    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_verdict', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('final_verdict', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('verdict_reason', sa.Text(), nullable=True))
    op.execute("UPDATE conclusions SET proposed_verdict = (SELECT COALESCE(verdict, 'insufficient_evidence') "
               "FROM inspections WHERE inspections.id = conclusions.inspection_id)")
    op.execute("UPDATE conclusions SET final_verdict = proposed_verdict")
    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.alter_column('proposed_verdict', existing_type=sa.String(length=30), nullable=False)
        batch_op.alter_column('final_verdict', existing_type=sa.String(length=30), nullable=False)
        batch_op.create_check_constraint('change_has_reason',
                                         "final_verdict = proposed_verdict OR verdict_reason IS NOT NULL")


def downgrade():
    with op.batch_alter_table('conclusions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_conclusions_change_has_reason'), type_='check')
        batch_op.drop_column('verdict_reason')
        batch_op.drop_column('final_verdict')
        batch_op.drop_column('proposed_verdict')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_findings_source_known'), type_='check')
        batch_op.alter_column('requirement', new_column_name='remedy', existing_type=sa.Text(), existing_nullable=False)
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.alter_column('statement', new_column_name='requirement', existing_type=sa.Text(), existing_nullable=False)
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_inspections_verdict_known'), type_='check')
        batch_op.add_column(sa.Column('formality_index', sa.Float(), nullable=True))
        batch_op.drop_column('na_share')
    op.execute("UPDATE inspections SET verdict = 'partial' WHERE verdict = 'partly_substantive'")
    op.execute("UPDATE inspections SET verdict = 'incomplete' WHERE verdict IN ('insufficient_evidence', 'weak', "
               "'good_compliance', 'violations', 'serious_violations')")
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.alter_column('verdict', existing_type=sa.String(length=30), type_=sa.String(length=20),
                              existing_nullable=True)
