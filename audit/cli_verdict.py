"""``flask --app wsgi verdict explain|export``: the assessment of a set of answers, by exactly the app's code.

``explain CHECKLIST ANSWERS.yaml`` reads answers as the tablet sends them (see the README for the format),
checks them as the server does and prints the assessment as JSON. ``export INSPECTION_ID`` writes an
inspection's answers, sample and reported rate in that format, so a page's verdict can be reproduced.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from audit.domain.assessment import Assessment, ReportedRate, assess, render_reason, reported_rate
from audit.domain.checklist import Checklist
from audit.domain.errors import DomainError
from audit.domain.sampling import FIELDS, SampledDossier, check_dossier
from audit.domain.scoring import NA, na_refusal, normalise_answer
from audit.domain.verdicts import VERDICT_LABELS

DOSSIER_FLAGS = ("in_register", "in_system", "control_slip_complete", "apology_issued")


class Refused(Exception):
    """The answers file cannot be assessed; the message says why (Vietnamese)."""


def _vi(message: str) -> str:
    from audit.i18n import in_vietnamese

    return in_vietnamese(message)


def _date(value, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise Refused(f"{where}: ngày không hợp lệ ({value!r}), cần dạng YYYY-MM-DD.") from None


def parse_answers(checklist: Checklist, data) -> tuple[dict, dict, date, list, ReportedRate | None]:
    """Answers, notes, inspection date, sample and reported rate from the file's data; :class:`Refused`
    for anything the server would refuse (unknown item, a value that does not fit, N/A not allowed)."""
    if not isinstance(data, dict):
        raise Refused("Tệp phải là một bảng YAML (inspection_date, answers, sample, reported_on_time).")
    unknown_keys = set(data) - {"inspection_date", "answers", "sample", "reported_on_time"}
    if unknown_keys:
        raise Refused(f"Khóa không được hỗ trợ: {', '.join(sorted(unknown_keys))}.")
    if "inspection_date" not in data:
        raise Refused("Thiếu inspection_date (ngày kiểm tra).")
    day = _date(data["inspection_date"], "inspection_date")
    answers, notes = {}, {}
    raw_answers = data.get("answers") or {}
    if not isinstance(raw_answers, dict):
        raise Refused("answers phải là một bảng: mã mục → {value, note}.")
    for item_id, entry in raw_answers.items():
        item_id = str(item_id)
        if not checklist.has_item(item_id):
            raise Refused(f"{item_id}: không có mục này trong {checklist.key} phiên bản {checklist.version}.")
        if not isinstance(entry, dict) or "value" not in entry:
            raise Refused(f"{item_id}: cần dạng {{value: …, note: …}}.")
        value = entry["value"]
        if isinstance(value, bool) or value is None:
            raise Refused(f"{item_id}: giá trị {value!r} không hợp lệ (dùng \"yes\", \"no\", \"na\" hoặc một số).")
        try:
            answers[item_id] = normalise_answer(checklist.item(item_id), str(value))
        except DomainError as err:
            raise Refused(_translate(err)) from None
        if entry.get("note"):
            notes[item_id] = str(entry["note"])
    for item_id, value in answers.items():
        if value == NA:
            refused = na_refusal(checklist.item(item_id), answers)
            if refused is not None:
                raise Refused(f"{item_id}: không được chọn “Không áp dụng” khi {refused.item} = {answers[refused.item]}.")
    sample = []
    for index, row in enumerate(data.get("sample") or [], 1):
        where = f"sample[{index}]"
        if not isinstance(row, dict):
            raise Refused(f"{where}: mỗi hồ sơ là một bảng (code, field, received, due, returned, …).")
        missing = [k for k in ("code", "field", "received", "due") if k not in row]
        if missing:
            raise Refused(f"{where}: thiếu {', '.join(missing)}.")
        if row["field"] not in FIELDS:
            raise Refused(f"{where}: lĩnh vực {row['field']!r} không hợp lệ ({', '.join(FIELDS)}).")
        dossier = SampledDossier(
            code=str(row["code"]), field=row["field"], received=_date(row["received"], where),
            due=_date(row["due"], where),
            returned=_date(row["returned"], where) if row.get("returned") is not None else None,
            **{flag: bool(row.get(flag, False)) for flag in DOSSIER_FLAGS})
        try:
            check_dossier(dossier, day)
        except DomainError as err:
            raise Refused(f"{where}: {_translate(err)}") from None
        sample.append(dossier)
    reported = None
    if data.get("reported_on_time") is not None:
        value = data["reported_on_time"]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise Refused("reported_on_time là tỷ lệ phần trăm từ 0 đến 100.")
        reported = ReportedRate(float(value), "given")
    return answers, notes, day, sample, reported


def _translate(err: DomainError) -> str:
    text = _vi(err.message)
    return text % err.params if err.params else text


def to_json(assessment: Assessment, checklist: Checklist, day: date) -> dict:
    card = assessment.card
    summary = assessment.sample
    comparison = assessment.comparison
    return {
        "checklist": f"{checklist.key}/v{checklist.version}",
        "inspection_date": day.isoformat(),
        "verdict": {"code": assessment.verdict.value, "label": _vi(VERDICT_LABELS[assessment.verdict])},
        "score": card.score,
        "sections": [{"key": s.key, "title": s.title, "score": s.score, "answered": s.answered, "items": s.total}
                     for s in card.sections],
        "coverage": card.coverage,
        "na_share": card.na_share,
        "signals": [{"code": s.code, "kind": s.kind.value, "points": s.points, "item": s.item_id,
                     "statement": s.statement} for s in assessment.signals],
        "reality_points": assessment.reality_points,
        "missing_critical": list(assessment.missing_critical),
        "insufficient": list(assessment.insufficient),
        "refused_na": list(assessment.refused_na),
        "sample": None if summary is None else {
            "size": summary.size, "required": summary.required, "enough": summary.enough,
            "on_time": summary.on_time, "late": summary.late},
        "reported": None if comparison is None else {
            "rate": comparison.reported.value, "source": comparison.reported.source,
            "interval": [round(comparison.low, 2), round(comparison.high, 2)], "contradicts": comparison.contradicts},
        "reasons": [{"code": r.code, "text": render_reason(r.message, r.params, _vi)} for r in assessment.reasons],
    }


def register(app) -> None:
    @app.cli.group("verdict")
    def verdict():
        """Explain the assessment of a set of answers, or export an inspection's answers."""

    @verdict.command("explain")
    @click.argument("checklist_ref")
    @click.argument("answers_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def explain(checklist_ref: str, answers_file: Path):
        """Print the assessment of ANSWERS_FILE against CHECKLIST_REF (for example one-stop-desk/v1) as JSON."""
        import yaml

        from audit.services.inspections import catalog

        key, _, version = checklist_ref.partition("/v")
        try:
            checklist = catalog().get(key, int(version))
        except (KeyError, ValueError):
            click.echo(f"Không có bảng kiểm tra {checklist_ref!r} (dạng: one-stop-desk/v1).", err=True)
            sys.exit(2)
        try:
            data = yaml.safe_load(answers_file.read_text(encoding="utf-8"))
            answers, _notes, day, sample, reported = parse_answers(checklist, data)
        except yaml.YAMLError as err:
            click.echo(f"Tệp YAML không đọc được: {err}", err=True)
            sys.exit(2)
        except UnicodeDecodeError:
            click.echo("Tệp phải được lưu bằng UTF-8.", err=True)
            sys.exit(2)
        except Refused as err:
            click.echo(str(err), err=True)
            sys.exit(2)
        result = assess(checklist, answers, inspection_day=day, sample=sample, reported=reported)
        click.echo(json.dumps(to_json(result, checklist, day), ensure_ascii=False, indent=2))

    @verdict.command("export")
    @click.argument("inspection_id", type=int)
    def export(inspection_id: int):
        """Print an inspection's answers, sample and reported on-time rate in the ``explain`` format."""
        import yaml

        from audit.db import db
        from audit.models import Inspection
        from audit.services.inspections import answers_of, checklist_of, reported_statistics

        inspection = db.session.get(Inspection, inspection_id)
        if inspection is None:
            click.echo(f"Không có cuộc kiểm tra số {inspection_id}.", err=True)
            sys.exit(2)
        answers = answers_of(inspection)
        notes = {a.item_id: a.note for a in inspection.answers if a.note}
        reported = reported_rate(checklist_of(inspection), answers, statistics=reported_statistics(inspection))
        data = {
            "inspection_date": inspection.inspection_date,
            "answers": {k: ({"value": v, "note": notes[k]} if notes.get(k) else {"value": v})
                        for k, v in sorted(answers.items())},
            "sample": [{"code": r.code, "field": r.field, "received": r.received_date, "due": r.due_date,
                        "returned": r.returned_date, "in_register": r.in_register, "in_system": r.in_system,
                        "control_slip_complete": r.control_slip_complete, "apology_issued": r.apology_issued}
                       for r in inspection.dossiers],
        }
        if reported is not None and reported.source == "statistics":
            data["reported_on_time"] = reported.value
        click.echo(f"# {inspection.unit.name}, {inspection.inspection_date:%d/%m/%Y}: "
                   f"{inspection.checklist_key}/v{inspection.checklist_version}")
        click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), nl=False)
