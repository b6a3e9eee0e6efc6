"""The chairman's documents: the notice of conclusions (Thông báo kết luận kiểm tra) and the period
report, in the Decree 30 layout, and the period report as an Excel workbook."""

from __future__ import annotations

import io
from datetime import date

from audit.domain.verdicts import VERDICT_LABELS
from audit.domain.vndate import place_and_date, short_date
from audit.i18n import in_vietnamese

from .minutes import FIELDS, _env, responsible_text, verdict_label, vn_number

LEVELS = {"district": "cấp huyện", "commune": "cấp xã"}
SECTION_NAMES = {"A": "Nhân sự, tác phong", "B": "Cơ sở vật chất", "C": "Công khai TTHC", "D": "Tiếp nhận, số hóa",
                 "E": "Giải quyết, thời hạn", "F": "CNTT, dịch vụ công trực tuyến",
                 "G": "Ý kiến người dân, trách nhiệm người đứng đầu", "H": "Kỷ luật, kỷ cương", "+": "Khác"}
STATE_NAMES = {"open": "Chưa khắc phục", "responded": "Đã báo cáo, chờ xác minh", "returned": "Bị trả lại",
               "accepted": "Đã khắc phục", "overdue": "Trong đó quá hạn"}


def conclusion_html(*, inspection, issuer, recipients: tuple[str, ...], number: str, directives: str, chairman: str, head,
                    review_reason: str | None, findings, proposed: str, final: str, verdict_reason: str | None,
                    today: date) -> str:
    """The notice of conclusions, issued by ``issuer`` (the authority in charge on ``today``): every finding
    with its requirement, the team's proposed verdict and the chairman's decision (with the reason when it
    differs)."""
    return _env.get_template("conclusion.html").render(
        issuer="\n".join(issuer.body_lines), number=number, place_date=place_and_date(issuer.place, today),
        unit=inspection.unit.name, date=short_date(inspection.inspection_date), decision=inspection.decision_number,
        proposed=verdict_label(proposed, in_vietnamese), final=verdict_label(final, in_vietnamese),
        changed=final != proposed, verdict_reason=verdict_reason, score=vn_number(inspection.score),
        directives=[line.strip() for line in directives.splitlines() if line.strip()],
        findings=[(f.statement, f.requirement, responsible_text(f)) for f in findings], head=head,
        review_reason=review_reason, chairman=chairman, committee=issuer.name, chair_title=issuer.chair_title,
        recipients=recipients)


def _pct(part: int, whole: int) -> str:
    return vn_number(100 * part / whole) + "%" if whole else "—"


def period_context(figures, issuer, today: date) -> dict:
    d = figures.dossiers
    return {
        "issuer": "\n".join(issuer.body_lines), "place_date": place_and_date(issuer.place, today),
        "period": figures.period.label,
        "desks": [(LEVELS[level], figures.desks_inspected.get(level, 0), figures.desks_total.get(level, 0))
                  for level in ("district", "commune")],
        "verdicts": [(in_vietnamese(VERDICT_LABELS[v]), n) for v, n in sorted(figures.verdicts.items())],
        "dossiers": [(LEVELS[level], d[level][0], d[level][1], d[level][2], _pct(d[level][1], d[level][0]), d[level][3])
                     for level in ("district", "commune")],
        "total": (sum(v[0] for v in d.values()), _pct(sum(v[1] for v in d.values()), sum(v[0] for v in d.values()))),
        "late_by_field": [(FIELDS.get(f, f), r, late, vn_number(rt)) for f, r, _o, late, rt in figures.late_by_field],
        "findings": [(SECTION_NAMES.get(s, s), n) for s, n in figures.findings_by_section],
        "remediation": [(STATE_NAMES[k], figures.remediation.get(k, 0)) for k in STATE_NAMES],
        "heads": [(h.person_name, h.title, h.unit_name, h.findings, h.repeats, h.overdue) for h in figures.repeat_heads],
        "contradictions": [(r.unit.name, vn_number(r.reported_rate), vn_number(r.sample_rate))
                           for r in figures.contradictions],
    }


def period_html(context: dict) -> str:
    return _env.get_template("period.html").render(**context)


def period_workbook(context: dict) -> bytes:
    """The same figures as the PDF, one sheet per table, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets = [
        ("Bộ phận một cửa", ["Cấp", "Đã kiểm tra", "Tổng số"], context["desks"]),
        ("Đánh giá", ["Đánh giá (kết luận của Chủ tịch; chưa kết luận: đề xuất của Đoàn)", "Số bộ phận"],
         context["verdicts"]),
        ("Hồ sơ", ["Cấp", "Tiếp nhận", "Đúng hạn", "Quá hạn", "Tỷ lệ đúng hạn", "Số thủ tục"], context["dossiers"]),
        ("Quá hạn theo lĩnh vực", ["Lĩnh vực", "Tiếp nhận", "Quá hạn", "Tỷ lệ đúng hạn (%)"], context["late_by_field"]),
        ("Phát hiện theo nội dung", ["Nội dung", "Số phát hiện"], context["findings"]),
        ("Khắc phục", ["Trạng thái", "Số yêu cầu"], context["remediation"]),
        ("Người đứng đầu tái phạm", ["Họ tên", "Chức vụ", "Đơn vị", "Phát hiện", "Tái phạm", "Quá hạn"],
         context["heads"]),
    ]
    summary = book.active
    summary.title = "Tổng hợp"
    summary.append([f"Báo cáo kết quả kiểm tra công vụ {context['period']}"])
    summary["A1"].font = Font(bold=True)
    summary.append(["Tổng số hồ sơ tiếp nhận", context["total"][0]])
    summary.append(["Tỷ lệ đúng hạn", context["total"][1]])
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
