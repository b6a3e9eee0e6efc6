"""The generated province of the benchmarks and the list-query tests: ≥ 250 communes with their desks,
districts and heads, accounts, 10 years of inspections (finalised, with their summary columns), answers,
findings, remediation items and two years of quarterly dossier figures."""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, text

from bench.common import ROOT

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def generate(url: str, *, districts: int, communes_per: int, inspections: int, answers_per: int, seed: int = 7):
    """Fill an empty database (schema from the models) with province-scale data; returns row counts."""
    os.environ["AUDIT_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="ktcv-gen-")
    from werkzeug.security import generate_password_hash

    from audit.app import create_app
    from audit.db import db, gather_statistics
    from audit.models import (
        Answer,
        Authority,
        DossierStatistic,
        Finding,
        HeadTenure,
        Inspection,
        InspectionMember,
        RemediationItem,
        Unit,
        User,
    )

    rng = random.Random(seed)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        db.create_all()
        conn = db.session.connection()

        def bulk(model, rows):
            for i in range(0, len(rows), 20000):
                conn.execute(insert(model), rows[i:i + 20000])

        units, desks, heads_by_unit = [], [], {}
        uid = 1
        # every row with the same keys: an executemany takes its columns from the first row, so a key missing there
        # (parent_id, once) is dropped from every row and the whole tree comes out flat
        units.append(dict(id=uid, code="PROV", name="UBND tỉnh Mẫu", kind="province", parent_id=None, created_at=NOW))
        province = uid
        for d in range(districts):
            uid += 1
            district = uid
            units.append(dict(id=uid, code=f"D{d:02d}", name=f"UBND huyện {d:02d}", kind="district",
                              parent_id=province, created_at=NOW))
            uid += 1
            units.append(dict(id=uid, code=f"D{d:02d}-MC", name=f"Bộ phận Một cửa huyện {d:02d}",
                              kind="district_desk", parent_id=district, created_at=NOW))
            desks.append(uid)
            for c in range(communes_per):
                uid += 1
                commune = uid
                units.append(dict(id=uid, code=f"D{d:02d}-C{c:02d}", name=f"UBND xã {d:02d}-{c:02d}",
                                  kind="commune", parent_id=district, created_at=NOW))
                uid += 1
                units.append(dict(id=uid, code=f"D{d:02d}-C{c:02d}-MC", name=f"Bộ phận Một cửa xã {d:02d}-{c:02d}",
                                  kind="commune_desk", parent_id=commune, created_at=NOW))
                desks.append(uid)
        bulk(Unit, units)
        # the province's People's Committee inspects every unit below it
        bulk(Authority, [dict(id=1, code="PROV-UBND", name="UBND tỉnh Mẫu", unit_id=province, reads_predecessors=False,
                              issuing_body="ỦY BAN NHÂN DÂN\nTỈNH MẪU", place="Mẫu", chair_title="CHỦ TỊCH")])
        tenures, tid = [], 0
        for desk in desks:
            heads_by_unit[desk] = []
            start = date(2016, 1, 1)
            for k in range(3):
                tid += 1
                end = None if k == 2 else start + timedelta(days=1200)
                tenures.append(dict(id=tid, unit_id=desk, person_name=f"Người đứng đầu {tid}", title="Chủ tịch UBND xã",
                                    start_date=start, end_date=end, created_at=NOW))
                heads_by_unit[desk].append((start, end, tid))
                start = (end or start) + timedelta(days=1)
        bulk(HeadTenure, tenures)
        password = generate_password_hash("NamGiang@2019", method="pbkdf2:sha256:1000")
        bulk(User, [dict(id=1, username="chutich", full_name="Chủ tịch Mẫu", role="chairman", password_hash=password,
                         active=True, must_change_password=False, session_version=1, created_at=NOW, authority_id=1),
                    dict(id=2, username="truongdoan", full_name="Trưởng đoàn Mẫu", role="team_lead",
                         password_hash=password, active=True, must_change_password=False, session_version=1,
                         created_at=NOW, authority_id=1),
                    dict(id=3, username="quantri", full_name="Quản trị Mẫu", role="admin", password_hash=password,
                         active=True, must_change_password=False, session_version=1, created_at=NOW,
                         authority_id=None)])
        # an account for each desk (the unit's own staff answering remediation) and an inspector for every five desks: the
        # accounts list at a province's size
        bulk(User, [dict(id=1000 + n, username=f"donvi-{desk}", full_name=f"Cán bộ một cửa {desk}", role="unit_user",
                         password_hash=password, active=n % 9 != 0, must_change_password=False, session_version=1,
                         created_at=NOW, unit_id=desk, authority_id=None) for n, desk in enumerate(desks)]
             + [dict(id=1000 + len(desks) + n, username=f"thanhtra{n:02d}", full_name=f"Thanh tra viên {n:02d}",
                     role="inspector", password_hash=password, active=True, must_change_password=False,
                     session_version=1, created_at=NOW, unit_id=None, authority_id=1) for n in range(len(desks) // 5)])
        # the dossier figures each desk reports, by quarter of 2024 and 2025, for five fields
        stats, figures = [], random.Random(seed + 1)  # a stream of its own: the inspections stay as they were
        for desk in desks:
            for year in (2024, 2025):
                for quarter in range(4):
                    start = date(year, 3 * quarter + 1, 1)
                    end = date(year, 12, 31) if quarter == 3 else date(year, 3 * quarter + 4, 1) - timedelta(days=1)
                    for field in ("dat_dai", "xay_dung", "ho_tich", "chung_thuc", "kinh_doanh"):
                        received = figures.randrange(20, 400)
                        late = figures.randrange(0, received // 10 + 1)
                        early = figures.randrange(0, (received - late) // 3 + 1)
                        stats.append(dict(unit_id=desk, field=field, period_start=start, period_end=end,
                                          carried_over=0, received=received, early=early,
                                          on_time=received - late - early, late=late, pending=0, imported_at=NOW))
        bulk(DossierStatistic, stats)
        item_ids = [f"{s}{n:02d}" for s, count in zip("ABCDEFGH", (10, 8, 6, 10, 10, 4, 7, 8), strict=True)
                    for n in range(1, count + 1)][:answers_per]
        # the checklist version every inspection pins, by the hash of its file (a page that reads it checks it)
        pinned = hashlib.sha256((ROOT / "checklists" / "one-stop-desk" / "v1.yaml").read_bytes()).hexdigest()
        ins, members, answers, findings, items = [], [], [], [], []
        fid = 0
        first_day = date(2016, 1, 1)
        for iid in range(1, inspections + 1):
            desk = desks[iid % len(desks)]
            day = first_day + timedelta(days=rng.randrange(3650))
            score = round(rng.uniform(35, 100), 1)
            verdict = "formal" if score < 55 else "partly_substantive" if score < 85 else "substantive"
            ins.append(dict(id=iid, unit_id=desk, authority_id=1, inspection_date=day, announced=bool(iid % 2),
                            decision_number=f"{iid}/QĐ", decision_date=day - timedelta(days=7),
                            checklist_key="one-stop-desk", checklist_version=1, checklist_sha256=pinned,
                            legal_regime="nd61_2018" if day < date(2025, 7, 1) else "nd118_2025", state="finalised",
                            created_at=NOW, submitted_at=NOW, finalised_at=NOW, score=score, coverage=1.0,
                            na_share=0.0, verdict=verdict, verdict_reasons=[],
                            section_scores={}))
            members.append(dict(inspection_id=iid, user_id=2, role="lead"))
            for item in item_ids:
                answers.append(dict(inspection_id=iid, item_id=item, value="yes" if rng.random() < score / 100 else "no",
                                    note="", source="inspector", version=1, updated_at=NOW))
            head = next((t for s, e, t in heads_by_unit[desk] if s <= day and (e is None or day <= e)), None)
            for k in range(3 if verdict != "substantive" else 1):
                fid += 1
                deadline = day + timedelta(days=30)
                findings.append(dict(id=fid, inspection_id=iid, item_id=item_ids[(iid + k) % len(item_ids)],
                                     source="derived", unit_id=desk, head_tenure_id=head, statement="Tồn tại",
                                     observation="", severity="medium", formality_signal=False, repeat=rng.random() < .2,
                                     legal_basis="", requirement="Khắc phục", deadline=deadline, status="draft",
                                     edited=False, created_at=NOW))
                if day.year >= 2024:
                    state = rng.choice(["open", "open", "responded", "accepted"])
                    items.append(dict(inspection_id=iid, finding_id=fid, unit_id=desk, head_tenure_id=head,
                                      requirement="Khắc phục", legal_basis="", deadline=deadline,
                                      original_deadline=deadline, state=state, extension_requested=False,
                                      created_at=NOW, closed_at=NOW if state == "accepted" else None))
            if len(answers) >= 200000:
                bulk(Inspection, ins)
                bulk(InspectionMember, members)
                bulk(Answer, answers)
                bulk(Finding, findings)
                bulk(RemediationItem, items)
                ins, members, answers, findings, items = [], [], [], [], []
        for model, rows in ((Inspection, ins), (InspectionMember, members), (Answer, answers), (Finding, findings),
                            (RemediationItem, items)):
            if rows:
                bulk(model, rows)
        from audit.services import head_totals

        head_totals.rebuild()  # the heads table's kept figures, as finalising each inspection would have left them
        db.session.commit()
        counts = {table: db.session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
                  for table in ("units", "inspections", "answers", "findings", "remediation_items")}
        db.session.remove()
        gather_statistics(db.engine)  # as autovacuum would have, on a server that has been running
        db.engine.dispose()
    return counts
