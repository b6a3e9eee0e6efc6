"""A scope that holds every unit there is (a province's chairman in a database of one province) asks the database
for no filter, and still confines in Python; anyone confined to less is filtered as before."""

from datetime import UTC, datetime

from sqlalchemy import select, true

from audit.db import db, in_scope, within
from audit.domain.policy import Role
from audit.domain.units import EveryUnit, UnitKind, as_scope
from audit.models import Authority, Unit
from audit.services import units as unit_service
from audit.services.users import create_user

NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


def test_only_the_whole_tree_is_marked_and_a_narrowed_scope_is_a_plain_set_again():
    parent_of = {1: None, 2: 1, 3: 1, 4: 3}
    whole = as_scope(frozenset({1, 2, 3, 4}), parent_of)
    assert isinstance(whole, EveryUnit) and whole == {1, 2, 3, 4}
    assert 4 in whole and 5 not in whole  # still the set, for every test in Python
    assert type(as_scope(frozenset({3, 4}), parent_of)) is frozenset
    assert type(as_scope(frozenset(), {})) is EveryUnit  # no unit at all: nothing to filter either
    for narrowed in (whole & {1, 2}, whole - {4}, whole.difference([1]), whole.intersection([2]), whole.copy()):
        assert type(narrowed) is frozenset


def _province():
    """A database of one province: the People's Committee, two communes with their centres."""
    province = Unit(code="DN", name="UBND thành phố Đà Nẵng", kind=UnitKind.PROVINCE)
    communes = [Unit(code=f"DN-X{i}", name=f"UBND xã Thử {i}", kind=UnitKind.COMMUNE, parent=province)
                for i in (1, 2)]
    centres = [Unit(code=f"{c.code}-TT", name=f"Trung tâm PVHCC {c.name[4:]}", kind=UnitKind.COMMUNE_CENTRE,
                    parent=c) for c in communes]
    authority = Authority(code="DN", name="Ủy ban nhân dân thành phố Đà Nẵng", unit=province,
                          issuing_body="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", place="Đà Nẵng")
    db.session.add_all([province, *communes, *centres, authority])
    db.session.flush()
    chairman = create_user(username="chutich-dn", full_name="Phan Minh Khôi", role=Role.CHAIRMAN, unit=None,
                           authority=authority, password="Thu-nghiem@2026", actor=None, now=NOW)
    commune_user = create_user(username="donvi-x1", full_name="Nguyễn Văn A", role=Role.UNIT_USER,
                               unit=communes[0], password="Thu-nghiem@2026", actor=None, now=NOW)
    return chairman, commune_user, communes, centres


def test_the_chairman_of_the_only_province_is_filtered_by_nothing_and_a_commune_by_its_own_units(app):
    chairman, commune_user, communes, centres = _province()
    every = set(db.session.scalars(select(Unit.id)))
    whole, own = unit_service.scope_of(chairman), unit_service.scope_of(commune_user)
    assert isinstance(whole, EveryUnit) and whole == every
    assert type(own) is frozenset and own == {communes[0].id, centres[0].id}

    units = select(Unit.id)
    assert "WHERE" not in str(within(units, Unit.id, whole))
    assert str(in_scope(Unit.id, whole)) == str(true())  # a condition always true, no list of ids
    assert set(db.session.scalars(within(units, Unit.id, whole))) == every
    assert set(db.session.scalars(within(units, Unit.id, own))) == own
    assert set(db.session.scalars(units.where(in_scope(Unit.id, own)))) == own
    assert set(db.session.scalars(within(units, Unit.id, whole & own))) == own  # narrowed: filtered again

    # the policy reads the same set: the chairman sees every unit, the commune's user only its own
    chairman_actor, commune_actor = unit_service.actor_for(chairman), unit_service.actor_for(commune_user)
    assert all(chairman_actor.sees(u) for u in every) and not chairman_actor.sees(max(every) + 1)
    assert {u for u in every if commune_actor.sees(u)} == own


def test_a_second_province_makes_the_first_chairman_s_scope_a_filter_again(app):
    chairman, _, _, _ = _province()
    assert isinstance(unit_service.scope_of(chairman), EveryUnit)
    db.session.add(Unit(code="QN", name="UBND tỉnh Quảng Nam", kind=UnitKind.PROVINCE))
    db.session.flush()
    scope = unit_service.scope_of(chairman)
    assert type(scope) is frozenset
    assert db.session.scalar(select(Unit.id).where(Unit.code == "QN")) not in scope
    assert len(set(db.session.scalars(within(select(Unit.id), Unit.id, scope)))) == len(scope) == 5
