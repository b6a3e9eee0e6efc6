"""The verdict that stands for an inspection, in SQL: shared by the review's screens, the heads table and the
rows kept per head and quarter."""

from __future__ import annotations

from sqlalchemy import and_, func

from audit.domain.verdicts import NOT_REAL
from audit.models import Conclusion, Inspection

#: The verdict that stands for an inspection: the chairman's once concluded, else the team's proposal.
FINAL_VERDICT = func.coalesce(Conclusion.final_verdict, Inspection.verdict)
#: joins an inspection to its notice in force (a replaced notice stays in the table, marked)
CURRENT_CONCLUSION = and_(Conclusion.inspection_id == Inspection.id, Conclusion.superseded_at.is_(None))
NOT_REAL_CODES = [v.value for v in NOT_REAL]
