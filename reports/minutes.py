"""The inspection minutes (biên bản kiểm tra): a plain context, then HTML from a Jinja template.

All wording and number/date formatting of the document is decided here and in
``templates/pdf/minutes.html``. Administrative documents are Vietnamese by law, so the document's
own text is Vietnamese; the interface around it is translated as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from audit.domain import vnnumber
from audit.domain.assessment import render_reason
from audit.domain.findings import SEVERITY_LABELS
from audit.domain.procedure_fields import FIELDS as PROCEDURE_FIELDS
from audit.domain.procedure_fields import in_sentence
from audit.domain.verdicts import VERDICT_LABELS, Verdict
from audit.domain.vndate import long_date, place_and_date, short_date

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "pdf"
#: field labels inside a document's sentences, from the one list of fields
FIELDS = {f.key: in_sentence(f.key) for f in PROCEDURE_FIELDS}
_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def vn_number(value: float | None, digits: int = 1) -> str:
    """57.4 → "57,4", 1147 → "1.147" (Vietnamese separators); ``None`` → "—"."""
    return vnnumber.number(value, digits)


def verdict_label(code: str | None, translate: Callable[[str], str]) -> str:
    return translate(VERDICT_LABELS[Verdict(code)]) if code else "—"


def two_digits(n: int) -> str:
    return f"{n:02d}"


def clock(hhmm: str) -> str:
    """"13:40" → "13 giờ 40 phút"."""
    hours, minutes = hhmm.split(":")
    return f"{int(hours)} giờ {minutes} phút"


@dataclass(frozen=True)
class SectionLine:
    key: str
    title: str
    answered: str
    score: str
    observations: tuple[str, ...]


@dataclass(frozen=True)
class FindingLine:
    number: int
    item_id: str
    statement: str
    observation: str
    severity: str
    repeat: bool
    formality: bool
    responsible: str
    head: str
    legal_basis: str


@dataclass(frozen=True)
class RequirementLine:
    number: int
    requirement: str
    deadline: str
    responsible: str


@dataclass(frozen=True)
class MinutesContext:
    issuer_parent: str
    issuer: str
    number: str
    place_date: str
    summary: str
    legal_basis: tuple[str, ...]
    opening: str
    team: tuple[str, ...]
    unit_name: str
    unit_people: tuple[str, ...]
    head: str
    checklist: str
    sections: tuple[SectionLine, ...]
    score: str
    coverage: str
    na_share: str
    general_remarks: str
    sample: tuple[str, ...]
    verdict: str
    verdict_reasons: tuple[str, ...]
    findings: tuple[FindingLine, ...]
    requirements: tuple[RequirementLine, ...]
    unit_comments: str
    closing: str
    copies: str
    # rows of signature cells: (role heading, the names signing under it)
    signers: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]
    draft: bool
    recipients: tuple[str, ...] = ()  # Nơi nhận
    replaces: str = ""  # "Biên bản này thay thế Biên bản số … ngày …; lý do: …"
    version: int | None = None
    verification_code: str | None = None
    verify_url: str | None = None
    qr_svg: str | None = None


def _person(user) -> str:
    """"Bà Trần Thị Thu Hà, Trưởng phòng Nội vụ" — the honorific only when recorded (never "Ông/Bà")."""
    return user.addressed_name + (f", {user.job_title}" if user.job_title else "")


def _bare_name(line: str) -> str:
    """The name of a representative as typed ("Ông Bríu Quân, Chủ tịch UBND xã") for the signature block."""
    name = line.split(",")[0].strip()
    for word in ("Ông/Bà ", "Ông ", "Bà "):
        if name.startswith(word):
            return name[len(word):]
    return name


def sample_lines(assessment, dossiers) -> list[str]:
    """What the dossier sample showed, as the minutes state it."""
    summary = assessment.sample
    if summary is None or not summary.size:
        return []
    metrics = summary.metrics
    fields = sorted({FIELDS.get(d.field, d.field) for d in dossiers})
    lines = [f"Số hồ sơ chọn mẫu: {summary.size} (lĩnh vực: {', '.join(fields)})."]
    if not summary.enough:
        lines.append(f"Mẫu chưa đạt số lượng tối thiểu {summary.required} hồ sơ nên chưa đủ căn cứ để đánh giá các nội "
                     "dung dựa trên mẫu.")
        return lines
    lines += [
        f"Tỷ lệ hồ sơ trả kết quả đúng hạn: {vnnumber.percent(metrics['on_time_rate'])} "
        f"({summary.on_time}/{summary.size} hồ sơ); số hồ sơ quá hạn: {metrics['late']}.",
        "Tỷ lệ hồ sơ có trong Sổ theo dõi (Mẫu 06) hoặc hệ thống điện tử: "
        f"{vnnumber.percent(metrics['register_coverage'])}.",
        f"Tỷ lệ hồ sơ có Phiếu kiểm soát (Mẫu 05) đầy đủ: {vnnumber.percent(metrics['control_slip_coverage'])}.",
        "Tỷ lệ hồ sơ quá hạn có Phiếu xin lỗi (Mẫu 04): "
        + (f"{vnnumber.percent(metrics['apology_coverage'])}." if metrics["apology_coverage"] is not None
           else "không có hồ sơ quá hạn."),
    ]
    comparison = assessment.comparison
    if comparison is not None:
        verdict = ("vượt quá khoảng này: số liệu báo cáo không phản ánh đúng thực tế" if comparison.contradicts
                   else "nằm trong khoảng này")
        lines.append(f"Với độ tin cậy 95 %, tỷ lệ đúng hạn thực tế nằm trong khoảng {vnnumber.percent(comparison.low)} – "
                     f"{vnnumber.percent(comparison.high)}; tỷ lệ đơn vị báo cáo "
                     f"({vnnumber.percent(comparison.reported.value)}) {verdict}.")
    return lines


def responsible_text(finding) -> str:
    """The body that answers for a finding (a legal person) and its head on the inspection date."""
    body = finding.unit.accountable_body.name
    return body + (f" (người đứng đầu: {finding.head.person_name}, {finding.head.title})" if finding.head else "")


#: The one-stop decrees, newest first: the minutes cite the one in force on the inspection date.
ONE_STOP_DECREES = ("ND-118/2025", "ND-61/2018")


def legal_grounds(checklist, day: date, register=None) -> list[str]:
    """The documents the minutes rest on, cited as they stood on ``day`` (from the register of legal documents:
    an amendment is named only once in force, a decree only while in force): Directive 26, and for a checklist
    of the one-stop desk the one-stop decree of the day."""
    if register is None:
        from audit.catalog import DEFAULT_ROOT, get_register

        register = get_register(DEFAULT_ROOT)
    grounds = [register.cite("CT-26/2016", day)]
    named = set(checklist.legal_basis)
    decree = next((k for k in ONE_STOP_DECREES if k in named and register.get(k).in_force_on(day)), None)
    if decree:
        grounds.append(register.cite(decree, day))
    return grounds


def build_minutes_context(*, inspection, issuer, assessment, proposal, head, details,
                          translate: Callable[[str], str], number: str, draft: bool, issued_on: date | None = None,
                          replaces: str = "", version: int | None = None,
                          verification_code: str | None = None, verify_url: str | None = None,
                          qr_svg: str | None = None) -> MinutesContext:
    """Everything the minutes show, formatted. ``translate`` turns message ids (labels, reasons) into
    Vietnamese; ``proposal`` is the team's proposed assessment (frozen at finalisation); ``issuer`` the authority
    in whose name the team works on the inspection date (:func:`audit.services.authorities.issuer_on`)."""
    checklist, card = assessment.checklist, assessment.card
    day: date = inspection.inspection_date
    committee = issuer.name
    issuer_parent, issuer_body = issuer.superior, "ĐOÀN KIỂM TRA CÔNG VỤ"
    legal = [f"Căn cứ {line};" for line in legal_grounds(checklist, day)]
    if inspection.plan_number and inspection.plan_date:
        legal.append(f"Căn cứ Kế hoạch số {inspection.plan_number} ngày {short_date(inspection.plan_date)} "
                     f"của {committee} về kiểm tra công vụ năm {inspection.plan_date.year};")
    legal.append(f"Căn cứ Quyết định số {inspection.decision_number} ngày {short_date(inspection.decision_date)} "
                 f"của Chủ tịch {committee} về việc thành lập Đoàn kiểm tra công vụ.")
    notice = "có thông báo trước" if inspection.announced else "đột xuất (không báo trước)"
    opening = (f"Hôm nay, vào lúc {clock(details.start_time)}, {long_date(day)}, tại {details.place}, "
               f"Đoàn kiểm tra tiến hành kiểm tra {notice} việc thực hiện kỷ luật, kỷ cương hành chính và cơ chế "
               f"một cửa, một cửa liên thông tại {inspection.unit.name}.")
    team = []
    if inspection.lead:
        team.append(f"{_person(inspection.lead)} — Trưởng đoàn")
    team += [f"{_person(u)} — Thành viên" for u in inspection.team_members]
    if inspection.secretary:
        team.append(f"{_person(inspection.secretary)} — Thư ký")
    people = tuple(line.strip() for line in details.unit_representatives.splitlines() if line.strip())
    # the head in office that day, named once: not again when among the unit's representatives
    named = head is not None and any(head.person_name in line for line in people)
    head_text = "" if named else (f"{head.addressed_name}, {head.title}" if head else "chưa ghi nhận")
    notes = {a.item_id: a.note for a in inspection.answers if a.note}
    sections = []
    for section in card.sections:
        items = next(s for s in checklist.sections if s.key == section.key).items
        if not any(i.scored for i in items):
            continue
        observations = tuple(notes[item.id] for item in items if item.id in notes)
        sections.append(SectionLine(section.key, section.title, f"{section.answered}/{section.total}",
                                    vn_number(section.score), observations))
    answers = assessment.answers
    remarks = " ".join(answers[i.id] for i in checklist.items if i.answer_type.value == "text" and answers.get(i.id))
    active = inspection.active_findings
    findings = tuple(
        FindingLine(n, f.item_id or "", f.statement, f.observation, translate(SEVERITY_LABELS[f.severity]), f.repeat,
                    f.formality_signal, f.unit.accountable_body.name,
                    f"{f.head.person_name}, {f.head.title}" if f.head else "chưa ghi nhận", f.legal_basis)
        for n, f in enumerate(active, 1))
    requirements = tuple(
        RequirementLine(n, f.requirement, short_date(f.deadline), responsible_text(f))
        for n, f in enumerate(sorted(active, key=lambda f: (f.deadline, f.id)), 1))
    # the unit's representative and the lead first; then the secretary and the members, who sign too
    signers = [(("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", (_bare_name(people[0]) if people else "",)),
                ("TRƯỞNG ĐOÀN KIỂM TRA", (inspection.lead.full_name if inspection.lead else "",)))]
    second = []
    if inspection.secretary:
        second.append(("THƯ KÝ ĐOÀN KIỂM TRA", (inspection.secretary.full_name,)))
    if inspection.team_members:
        second.append(("THÀNH VIÊN ĐOÀN KIỂM TRA", tuple(u.full_name for u in inspection.team_members)))
    if second:
        signers.append(tuple(second))
    copies = two_digits(details.copies)
    reasons = tuple(render_reason(r["message"] if isinstance(r, dict) else r.message,
                                  r.get("params") if isinstance(r, dict) else r.params, translate)
                    for r in proposal.reasons)
    return MinutesContext(
        issuer_parent=issuer_parent, issuer=issuer_body, number=number,
        place_date=place_and_date(issuer.place, issued_on or day),
        summary=f"Kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính và cơ chế một cửa tại {inspection.unit.name}",
        legal_basis=tuple(legal), opening=opening, team=tuple(team), unit_name=inspection.unit.name,
        unit_people=people, head=head_text, checklist=checklist.title,
        sections=tuple(sections), score=vn_number(card.score), coverage=vnnumber.percent(card.coverage * 100),
        na_share=vnnumber.percent(card.na_share * 100), general_remarks=remarks,
        sample=tuple(sample_lines(assessment, inspection.dossiers)),
        verdict=verdict_label(proposal.verdict, translate), verdict_reasons=reasons,
        findings=findings, requirements=requirements,
        # exactly as recorded: never a consent nobody gave (issuing refuses blank comments; a draft says so)
        unit_comments=details.unit_comments.strip() or "[Chưa ghi ý kiến của đơn vị được kiểm tra]",
        closing=f"Buổi kiểm tra kết thúc vào lúc {clock(details.end_time)} cùng ngày. Biên bản đã được đọc lại cho "
                "các thành phần tham dự cùng nghe, thống nhất và ký tên.",
        copies=(f"Biên bản được lập thành {copies} bản có giá trị pháp lý như nhau, Đoàn kiểm tra giữ 01 bản, "
                f"đơn vị được kiểm tra giữ {two_digits(details.copies - 1)} bản."),
        signers=tuple(signers), draft=draft, version=version, verification_code=verification_code,
        recipients=(f"{inspection.unit.accountable_body.name};", f"Chủ tịch {committee} (để báo cáo);",
                    "Lưu: VT, hồ sơ kiểm tra."), replaces=replaces,
        verify_url=verify_url, qr_svg=qr_svg,
    )


def render_minutes_html(context: MinutesContext) -> str:
    return _env.get_template("minutes.html").render(m=context)
