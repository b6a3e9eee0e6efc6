"""Báo cáo kết quả khắc phục: each requirement of an inspection, the unit's responses, the verification."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from audit.domain.vndate import place_and_date, short_date

from .minutes import _env


@dataclass(frozen=True)
class RemediationLine:
    number: int
    finding: str  # what was wrong, with the measured value
    requirement: str
    unit: str  # the body responsible (a legal person)
    head: str
    deadline: str
    original_deadline: str
    outcome: str
    history: tuple[str, ...]
    closed: bool = field(default=False, repr=False)  # accepted by the team (not part of what the report says)


def render_remediation_html(inspection, issuer, lines: list[RemediationLine], today: date, number: str = "",
                            replaces: str = "") -> str:
    """``issuer``: the authority in charge of the inspection on ``today`` (its successor once it has ended).
    Without a number the report is a draft."""
    closed = sum(1 for line in lines if line.closed)
    return _env.get_template("remediation.html").render(
        issuer_parent=issuer.superior, issuer="ĐOÀN KIỂM TRA CÔNG VỤ",
        place_date=place_and_date(issuer.place, today), unit=inspection.unit.name,
        inspection_date=short_date(inspection.inspection_date), decision=inspection.decision_number,
        lines=lines, closed=closed, total=len(lines),
        lead=inspection.lead.full_name if inspection.lead else "", number=number, draft=not number, replaces=replaces,
        recipients=(f"Chủ tịch {issuer.name} (để báo cáo);", f"{inspection.unit.accountable_body.name};", "Lưu: VT."))
