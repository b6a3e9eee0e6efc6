from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from audit.db import db
from audit.domain.errors import DomainError, ImportRejected, TenureConflict
from audit.domain.units import UnitKind
from audit.models import AuditLogEntry, HeadTenure, Unit
from audit.services import units as svc

NOW = datetime(2019, 9, 1, 3, 0, tzinfo=UTC)


def unit(code):
    return db.session.scalar(select(Unit).where(Unit.code == code))


def test_demo_heads_answer_who_headed_on_a_date(demo):
    laee = unit("NG-LAEE")
    assert svc.head_of(laee, date(2019, 8, 14)).person_name == "Bríu Quân"
    assert svc.head_of(laee, date(2019, 8, 15)).person_name == "Alăng Thị Hoa"
    assert svc.head_of(unit("DN-LAEE"), date(2025, 7, 1)).person_name == "Alăng Thị Hoa"
    assert {p.code for p in unit("DN-BENGIANG").predecessors} == {"NG-CADY", "NG-TABHING", "NG-TAPOO"}
    assert unit("NG-LAEE").successors[0].code == "DN-LAEE"


def test_demo_has_the_twelve_communes_and_six_successors(demo):
    old = db.session.scalar(select(func.count()).where(Unit.kind == "commune", Unit.code.like("NG-%")))
    new = db.session.scalar(select(func.count()).where(Unit.kind == "commune", Unit.code.like("DN-%")))
    desks = db.session.scalar(select(func.count()).where(Unit.kind == "commune_desk"))
    assert (old, new, desks) == (12, 6, 12)


def test_appoint_head_closes_previous_and_logs(demo):
    laee = unit("NG-LAEE")
    svc.appoint_head(laee, person_name="Bríu Thị Ngân", title="Chủ tịch UBND xã", start=date(2021, 7, 1),
                     actor=None, now=NOW)
    db.session.commit()
    tenures = sorted(laee.tenures, key=lambda t: t.start_date)
    assert [(t.person_name, t.end_date) for t in tenures][-2:] == [
        ("Alăng Thị Hoa", date(2021, 6, 30)), ("Bríu Thị Ngân", date(2025, 6, 30))]  # ends with the commune
    actions = db.session.scalars(select(AuditLogEntry.action).order_by(AuditLogEntry.id.desc()).limit(2)).all()
    assert actions == ["head.appoint", "head.end"]


def test_overlapping_appointment_changes_nothing(demo):
    laee = unit("NG-LAEE")
    before = db.session.scalar(select(func.count(HeadTenure.id)))
    with pytest.raises(TenureConflict):
        svc.appoint_head(laee, person_name="X", title="Y", start=date(2018, 1, 1), end=date(2018, 12, 31),
                         actor=None, now=NOW)
    db.session.rollback()
    assert db.session.scalar(select(func.count(HeadTenure.id))) == before


def test_create_unit_checks_placement(demo):
    with pytest.raises(DomainError):
        svc.create_unit(code="NG-NEW", name="Bộ phận", kind=UnitKind.COMMUNE_DESK, parent=unit("NG"),
                        valid_from=None, valid_to=date(2025, 6, 30), actor=None, now=NOW)
    with pytest.raises(DomainError):
        svc.create_unit(code="ng-laee", name="dup", kind=UnitKind.COMMUNE, parent=unit("NG"),
                        valid_from=None, valid_to=date(2025, 6, 30), actor=None, now=NOW)


def test_import_is_all_or_nothing(demo):
    units_before = db.session.scalar(select(func.count(Unit.id)))
    bad = ("record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"
           "unit,NG-NEW1,UBND xã Mới,commune,NG,,30/06/2025,,\n"
           "unit,NG-NEW2,UBND xã Sai,commune,NG-NOWHERE,,30/06/2025,,\n").encode()
    with pytest.raises(ImportRejected) as err:
        svc.import_units_csv(bad, actor=None, now=NOW)
    db.session.rollback()
    assert [p.row for p in err.value.problems] == [3]
    assert db.session.scalar(select(func.count(Unit.id))) == units_before

    good = bad.replace(b"NG-NOWHERE", b"NG") + "head,NG-LAEE,Bríu Thị Ngân,,,01/07/2021,,,Chủ tịch UBND xã\n".encode()
    counts = svc.import_units_csv(good, actor=None, now=NOW)
    db.session.commit()
    assert counts == {"units": 2, "heads": 1, "closed": 1}
    assert svc.head_of(unit("NG-LAEE"), date(2021, 6, 30)).person_name == "Alăng Thị Hoa"
    assert unit("NG-NEW2").parent.code == "NG"


def test_scope_of_unit_user_is_their_subtree(demo):
    from audit.models import User

    user = db.session.scalar(select(User).where(User.username == "donvi-la-ee"))
    scope = svc.scope_of(user)
    assert {db.session.get(Unit, i).code for i in scope} == {"NG-LAEE", "NG-LAEE-MC"}


def test_the_scope_checked_for_one_unit_answers_as_the_whole_scope(demo):
    # an autosave checks the record's unit alone (walking up the tree); a list filters by every unit in reach:
    # both must answer alike for every account, every unit, every unit-scoped permission (the city reads, as
    # history, the units its communes succeed)
    from audit.domain.policy import UNIT_SCOPED, Role, can
    from audit.models import User

    users = list(db.session.scalars(select(User)))
    units = [u.id for u in db.session.scalars(select(Unit))] + [10**6]
    assert {u.user_role for u in users} >= {Role.ADMIN, Role.CHAIRMAN, Role.TEAM_LEAD, Role.INSPECTOR, Role.UNIT_USER}
    seen = 0
    for user in users:
        whole = svc.actor_for(user)
        for unit_id in units:
            narrow = svc.actor_for_unit(user, unit_id)
            for permission in UNIT_SCOPED:
                assert can(narrow, permission, unit_id) == can(whole, permission, unit_id), (user.username, unit_id)
            seen += whole.sees(unit_id)
    assert 0 < seen < len(users) * len(units)


def test_a_tenure_never_outlives_its_unit_nor_starts_after_it(demo):
    laee = unit("NG-LAEE")  # dissolved on 30/06/2025
    assert all(t.end_date is not None and t.end_date <= date(2025, 6, 30) for t in laee.tenures)
    with pytest.raises(TenureConflict, match="ended on"):
        svc.appoint_head(laee, person_name="Hồ Văn A", title="Chủ tịch UBND xã", start=date(2025, 7, 1),
                         actor=None, now=NOW)
    with pytest.raises(TenureConflict, match="outlive"):
        svc.appoint_head(laee, person_name="Hồ Văn B", title="Chủ tịch UBND xã", start=date(2024, 1, 1),
                         end=date(2025, 12, 31), actor=None, now=NOW)
    new = unit("DN-LAEE")  # exists from 01/07/2025
    with pytest.raises(TenureConflict, match="exists only from"):
        svc.appoint_head(new, person_name="Hồ Văn C", title="Chủ tịch UBND xã", start=date(2025, 6, 1),
                         actor=None, now=NOW)


def test_a_unit_is_told_through_exactly_the_unit_users_whose_scope_holds_it(demo):
    # a remediation item or a conclusion for a unit reaches the unit users who see that unit (their unit or one
    # above it) and nobody else: the desk's item reaches La Êê's account, never Zuôih's nor the 2025 commune's
    from audit.domain.policy import Role
    from audit.models import User
    from audit.services import notify

    desk = unit("NG-LAEE-MC")
    assert {u.username for u in notify.unit_users_for(desk.id)} == {"donvi-la-ee"}
    users = list(db.session.scalars(select(User).where(User.role == Role.UNIT_USER.value, User.active.is_(True))))
    for each in db.session.scalars(select(Unit)):
        assert {u.id for u in notify.unit_users_for(each.id)} == {u.id for u in users if each.id in svc.scope_of(u)}
