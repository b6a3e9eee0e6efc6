"""The chairman's documents: the notice of conclusions (Thông báo kết luận kiểm tra) and the period
report, in the Decree 30 layout, and the period report as an Excel workbook."""

from __future__ import annotations

import io
from datetime import date

from audit.domain import vnnumber
from audit.domain.procedure_fields import label_of
from audit.domain.remediation import STATE_LABELS as REMEDIATION_STATE_LABELS
from audit.domain.stats_balance import DossierTotals
from audit.domain.verdicts import VERDICT_LABELS
from audit.domain.vndate import long_date, place_and_date, short_date
from audit.i18n import in_vietnamese

from .minutes import _env, responsible_text, verdict_label, vn_number

LEVELS = {"district": "cấp huyện", "commune": "cấp xã"}
TEAM_ADDED = "Phát hiện do Đoàn kiểm tra bổ sung ngoài bảng kiểm tra"


def _state_names() -> dict[str, str]:
    """Remediation states as the pages name them (one label table, audit.domain.remediation), then the
    overdue share of the open ones."""
    return {**{state.value: in_vietnamese(label) for state, label in REMEDIATION_STATE_LABELS.items()},
            "overdue": "Trong đó quá hạn"}


def conclusion_html(*, inspection, issuer, recipients: tuple[str, ...], number: str, directives: str, strengths: str,
                    causes: str, chairman: str, head,
                    review_reason: str | None, findings, proposed: str, final: str, verdict_reason: str | None,
                    today: date, replaces: str = "", draft: bool = False) -> str:
    """The notice of conclusions, issued by ``issuer`` (the authority in charge on ``today``): every finding
    with its requirement, the team's proposed verdict and the chairman's decision (with the reason when it
    differs)."""
    return _env.get_template("conclusion.html").render(
        issuer="\n".join(issuer.body_lines), number=number, place_date=place_and_date(issuer.place, today),
        replaces=replaces, unit=inspection.unit.name, date=short_date(inspection.inspection_date),
        decision=inspection.decision_number,
        proposed=verdict_label(proposed, in_vietnamese), final=verdict_label(final, in_vietnamese),
        changed=final != proposed, verdict_reason=verdict_reason, score=vn_number(inspection.score),
        directives=[line.strip() for line in directives.splitlines() if line.strip()],
        strengths=[line.strip() for line in strengths.splitlines() if line.strip()],
        causes=[line.strip() for line in causes.splitlines() if line.strip()],
        findings=[(f.statement, f.requirement, responsible_text(f)) for f in findings], head=head,
        review_reason=review_reason, chairman=chairman, committee=issuer.name, chair_title=issuer.chair_title,
        recipients=recipients, draft=draft)


#: the dossier columns of the report and its workbook, in the form's order
DOSSIER_HEADINGS = ["Từ kỳ trước chuyển sang", "Mới tiếp nhận", "Đã giải quyết", "Trước hạn, đúng hạn", "Quá hạn",
                    "Đang giải quyết", "Tỷ lệ giải quyết trước hạn, đúng hạn", "Số thủ tục"]


def _both(d: dict) -> DossierTotals:
    return DossierTotals.add("total", [d["district"], d["commune"]])


def _dossier_values(t: DossierTotals) -> tuple:
    return (t.carried_over, t.received, t.handled, t.in_time, t.late, t.pending,
            t.rate / 100 if t.rate is not None else None, t.procedures)


def _dossier_cells(t: DossierTotals) -> tuple:
    return (_int(t.carried_over), _int(t.received), _int(t.handled), _int(t.in_time), _int(t.late), _int(t.pending),
            vnnumber.percent(t.rate) if t.rate is not None else "—", _int(t.procedures))


def _int(value: int | None) -> str:
    """A count as the documents print it (Babel's ``vi`` pattern: "1.147"); none → "—"."""
    return vn_number(value, 0) if value else ("0" if value == 0 else "—")


def period_context(figures, issuer, today: date, *, number: str = "", recipient: str = "", narrative=None,
                   signer: str = "", replaces: str = "") -> dict:
    """The period report's content: figures filled in, the narrative parts as the chairman's staff wrote them
    (``narrative``: assessment, shortcomings, causes, recommendations), the signer and the recipients. Without
    a number it is a draft."""
    d = figures.dossiers
    levels = _levels(figures)
    narrative = narrative or {}
    annexes = _annexes(figures)  # the long tables, laid out apart
    return {
        "annexes": annexes,
        "annex_of": {annex["kind"]: annex["label"] for annex in annexes},
        "heads_count": _int(len(figures.repeat_heads)),
        # the annexes' line "(Kèm theo Báo cáo số …" goes on with the report's date and issuing body
        "attached_to": f"{long_date(today)} của {issuer.authority.name}",
        "draft": not number, "number": number or "     /BC-UBND", "recipient": recipient, "replaces": replaces,
        "narrative": {key: [line.strip() for line in narrative.get(key, "").splitlines() if line.strip()]
                      for key in ("assessment", "shortcomings", "causes", "recommendations")},
        "signer": signer, "chair_title": issuer.chair_title,
        "recipients": (["Như trên;"] if recipient else []) + ["Lưu: VT."],
        "issuer": "\n".join(issuer.body_lines), "place_date": place_and_date(issuer.place, today),
        "period": figures.period.label,
        # every figure formatted once here, the same way as on the pages (vnnumber = Babel's vi patterns)
        "desks": [(LEVELS[level], _int(figures.desks_inspected.get(level, 0)), _int(figures.desks_total.get(level, 0)))
                  for level in levels],
        "verdicts": [(in_vietnamese(VERDICT_LABELS[v]), _int(n)) for v, n in sorted(figures.verdicts.items())],
        "dossiers": [(LEVELS[level], *_dossier_cells(d[level])) for level in levels],
        "total": _dossier_cells(_both(d)),
        "late_by_field": [(label_of(t.key), _int(t.handled), _int(t.late), vnnumber.percent(t.rate))
                          for t in figures.late_by_field],
        "by_unit": [(r.unit.name, *_dossier_cells(r.figures)) for r in figures.by_unit],
        "findings": [(title or TEAM_ADDED, _int(n)) for title, n in figures.findings_by_section],
        "remediation": [(name, _int(figures.remediation.get(k, 0))) for k, name in _state_names().items()],
        "heads": [(h.person_name, h.title, h.unit_name, _int(h.findings), _int(h.repeats), _int(h.overdue))
                  for h in figures.repeat_heads],
        "contradictions": [(r.unit.name, vnnumber.percent(r.reported_rate), vnnumber.percent(r.sample_rate))
                           for r in figures.contradictions],
        # the same figures unformatted, for the workbook (numbers stay numbers)
        "raw": {
            "dossiers": [(LEVELS[level], *_dossier_values(d[level])) for level in levels],
            "late_by_field": [(label_of(t.key), t.handled, t.late, t.rate / 100 if t.rate is not None else None)
                              for t in figures.late_by_field],
            "by_unit": [(r.unit.name, *_dossier_values(r.figures)) for r in figures.by_unit],
            "desk_rows": [(row.unit.name, LEVELS[_level_of(row.unit.kind)],
                           in_vietnamese(VERDICT_LABELS[row.latest["verdict"]]) if row.latest else "Chưa kiểm tra",
                           row.latest["date"] if row.latest else None,
                           row.latest["score"] if row.latest else None, row.open_items, row.overdue_items)
                          for row in figures.desk_rows],
            "issuer": issuer.name,
            "desks": [(LEVELS[level], figures.desks_inspected.get(level, 0), figures.desks_total.get(level, 0))
                      for level in levels],
            "verdicts": [(in_vietnamese(VERDICT_LABELS[v]), n) for v, n in sorted(figures.verdicts.items())],
            "findings": [(title or TEAM_ADDED, n) for title, n in figures.findings_by_section],
            "remediation": [(name, figures.remediation.get(k, 0)) for k, name in _state_names().items()],
            "heads": [(h.person_name, h.title, h.unit_name, h.findings, h.repeats, h.overdue)
                      for h in figures.repeat_heads],
        },
    }


def _levels(figures) -> list[str]:
    """The levels the report speaks of: the commune level always; the district level when the period had district
    desks or district figures (a report on a period after 01/07/2025, when districts were abolished, does not
    print "0/0 desks at district level")."""
    d = figures.dossiers["district"]
    had_district = figures.desks_total.get("district", 0) or any(_dossier_values(d)[:6]) or d.procedures
    return ["district", "commune"] if had_district else ["commune"]


def _level_of(kind: str) -> str:
    return "district" if kind == "district_desk" else "commune"


#: the annexes a period report may have, in the order the report mentions them, with their titles
ANNEX_TITLES = {"by_unit": "Số liệu tiếp nhận, giải quyết hồ sơ của từng Bộ phận Một cửa",
                "heads": "Người đứng đầu có phát hiện tái phạm"}
ROMAN = ("I", "II", "III", "IV", "V")


def _annexes(figures) -> list[dict]:
    """The long tables the report has rows for, as its annexes: "Phụ lục I", "Phụ lục II"… in order, or plain
    "Phụ lục" when there is one (Roman numbers once there are two or more, as Circular 01/2011/TT-BNV is recalled
    to say: not confirmed in a text we could read, nor that Decree 30/2020 keeps it)."""
    kinds = [kind for kind, rows in (("by_unit", figures.by_unit), ("heads", figures.repeat_heads)) if rows]
    return [{"kind": kind, "title": ANNEX_TITLES[kind],
             "label": f"Phụ lục {ROMAN[index]}" if len(kinds) > 1 else "Phụ lục"} for index, kind in enumerate(kinds)]


def period_parts(context: dict) -> list[str]:
    """The period report as the HTML of its parts: the report itself, then each annex, each laid out on its own
    (its pages numbered from 1) and printed in this order (``reports.render_pdf`` takes the list)."""
    annex = _env.get_template("period_annex.html")
    return [_env.get_template("period.html").render(**context),
            *(annex.render(**context, annex=each) for each in context["annexes"])]


def _safe(value):
    """A text cell that would start a formula (= + - @) is written as text, never evaluated."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def period_workbook(context: dict) -> bytes:
    """The period report as a workbook: a heading (issuing body, period) on every sheet, numbers as numbers
    with their formats (percentages as percentages), column widths, and a sheet per desk."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    raw = context["raw"]
    percent, integer, decimal, day = "0.0%", "#,##0", "0.0", "DD/MM/YYYY"
    sheets = [
        ("Tổng hợp bộ phận", ["Bộ phận một cửa", "Cấp", "Đánh giá gần nhất", "Ngày kiểm tra", "Điểm",
                              "Yêu cầu chưa đóng", "Quá hạn"],
         raw["desk_rows"], [None, None, None, day, decimal, integer, integer], [48, 10, 30, 14, 8, 12, 10]),
        ("Bộ phận một cửa", ["Cấp", "Đã kiểm tra", "Tổng số"], raw["desks"], [None, integer, integer],
         [12, 12, 12]),
        ("Đánh giá", ["Đánh giá (kết luận của Chủ tịch; chưa kết luận: đề xuất của Đoàn)", "Số bộ phận"],
         raw["verdicts"], [None, integer], [60, 12]),
        ("Hồ sơ", ["Cấp", *DOSSIER_HEADINGS], raw["dossiers"],
         [None, integer, integer, integer, integer, integer, integer, percent, integer], [12] + [14] * 8),
        ("Hồ sơ theo đơn vị", ["Bộ phận một cửa", *DOSSIER_HEADINGS], raw["by_unit"],
         [None, integer, integer, integer, integer, integer, integer, percent, integer], [48] + [14] * 8),
        ("Quá hạn theo lĩnh vực", ["Lĩnh vực", "Đã giải quyết", "Quá hạn", "Tỷ lệ đúng hạn"], raw["late_by_field"],
         [None, integer, integer, percent], [30, 12, 12, 14]),
        ("Phát hiện theo nội dung", ["Nội dung", "Số phát hiện"], raw["findings"], [None, integer], [48, 14]),
        ("Khắc phục", ["Trạng thái", "Số yêu cầu"], raw["remediation"], [None, integer], [30, 14]),
        ("Người đứng đầu tái phạm", ["Họ tên", "Chức vụ", "Đơn vị", "Phát hiện", "Tái phạm", "Quá hạn"],
         raw["heads"], [None, None, None, integer, integer, integer], [26, 30, 30, 11, 11, 11]),
    ]
    book = Workbook()
    book.remove(book.active)
    for title, header, rows, formats, widths in sheets:
        sheet = book.create_sheet(title)
        sheet.append([raw["issuer"]])
        sheet.append([f"Báo cáo kết quả kiểm tra công vụ {context['period']}: {title.lower()}"])
        sheet["A1"].font = Font(bold=True)
        sheet["A2"].font = Font(bold=True, size=12)
        sheet.append([])
        sheet.append(header)
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        formatted = [(column, fmt) for column, fmt in enumerate(formats, start=1) if fmt]
        for number, row in enumerate(rows, start=5):  # the row just appended (asking the sheet for its last
            sheet.append([_safe(value) for value in row])  # row scans every cell: quadratic on a province)
            for column, fmt in formatted:
                if column > len(row):
                    break
                cell = sheet.cell(row=number, column=column)
                if cell.value is not None:
                    cell.number_format = fmt
        for index, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "A5"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
