"""Inspecting authorities: who acts for which units (the rules are in :mod:`audit.domain.authorities`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from audit.db import db
from audit.domain import authorities as rules
from audit.domain.errors import N_, DomainError, NotAllowed
from audit.domain.units import as_scope
from audit.domain.vndate import short_date
from audit.models import Authority, Unit

from .units import unit_tree


def all_authorities() -> list[Authority]:
    return list(db.session.scalars(select(Authority).order_by(Authority.valid_from.is_(None).desc(),
                                                              Authority.valid_from, Authority.code)))


def readable_units(authority: Authority) -> frozenset[int]:
    """Unit ids whose records the people of ``authority`` may read (its jurisdiction, and history where the
    authority reads it)."""
    tree = unit_tree()  # first: it flushes, so the record below holds what this transaction changed of it
    reader = authority.to_domain()
    return tree.scope(("readable", reader), lambda tree: as_scope(
        rules.readable(reader, tree.parent_of, tree.predecessors_of), tree.parent_of))


def reads_unit(authority: Authority, unit_id: int) -> bool:
    """Whether ``unit_id`` is among :func:`readable_units` of ``authority``, walking up the unit tree from that
    unit instead of listing every unit the authority reads."""
    tree = unit_tree()
    return rules.reads_unit(authority.to_domain(), unit_id, tree.parent_of, tree.successors_of)


def jurisdiction_units(authority: Authority) -> frozenset[int]:
    tree = unit_tree()  # first: it flushes, so the record below holds what this transaction changed of it
    inspector = authority.to_domain()
    return tree.scope(("jurisdiction", inspector), lambda tree: rules.jurisdiction(inspector, tree.parent_of))


def in_charge(authority: Authority, day: date) -> Authority | None:
    """The authority acting for ``authority`` on ``day``: itself while in force, else its successor."""
    by_id = {a.id: a for a in all_authorities()}
    found = rules.in_charge(authority.to_domain(), day, {k: v.to_domain() for k, v in by_id.items()})
    return by_id[found.id] if found else None


def check_plan(authority: Authority | None, unit: Unit, day: date) -> None:
    """Raise :class:`DomainError` unless ``authority`` may inspect ``unit`` on ``day``."""
    if authority is None:
        raise DomainError(rules.NO_AUTHORITY)
    problems = rules.planning_problems(authority.to_domain(), unit.id, day, unit_tree().parent_of)
    if problems:
        period = f"{short_date(authority.valid_from) if authority.valid_from else '…'} – " \
                 f"{short_date(authority.valid_to) if authority.valid_to else '…'}"
        raise DomainError(problems[0], authority=authority.unit.name, date=short_date(day), period=period,
                          unit=unit.name)


@dataclass(frozen=True)
class Issuer:
    """In whose name a document dated ``day`` is issued (Decree 30/2020 heading and signature)."""

    authority: Authority
    body_lines: tuple[str, ...]  # the issuing body, in full: ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG")
    superior: str  # the same body as the superior line of a document its team issues (may be abbreviated)
    name: str  # "UBND thành phố Đà Nẵng", as the text names it
    place: str  # "Đà Nẵng"
    chair_title: str  # "CHỦ TỊCH"
    chairman: str | None  # the head of its People's Committee in office that day


def issuer_on(authority: Authority, day: date) -> Issuer:
    """The issuer of a document of ``authority`` dated ``day``: the authority in charge that day (its
    successor once it has ended)."""
    from .units import head_of

    acting = in_charge(authority, day) or authority
    head = head_of(acting.unit, day)
    return Issuer(authority=acting, body_lines=acting.issuing_lines, superior=acting.unit.name.upper(),
                  name=acting.unit.name, place=acting.place, chair_title=acting.chair_title,
                  chairman=head.person_name if head else None)


def issuer_for(user, day: date) -> Issuer:
    """The issuer of a document ``user`` produces on ``day``: their authority (or its successor); for the
    administrator, who acts for none, the widest authority in force that day."""
    authority = user.authority
    if authority is None:
        in_force = [a for a in all_authorities() if a.in_force_on(day)] or all_authorities()
        authority = min(in_force, key=lambda a: (a.unit.parent_id is not None, a.id))
    return issuer_on(authority, day)


def chairs(user, inspection, day: date) -> bool:
    """Whether ``user`` is a chairman of the authority in charge of ``inspection`` on ``day``: the authority
    that planned it, or its successor once it has ended (a district chairman no longer acts after 2025)."""
    return inspection.authority_id in chaired_today(user, day)


def ensure_chairs(user, inspection, day: date) -> None:
    """Raise :class:`NotAllowed` unless ``user`` chairs the authority in charge of ``inspection`` on ``day``."""
    if not chairs(user, inspection, day):
        acting = in_charge(inspection.authority, day)
        raise NotAllowed(N_("Only the chairman of %(authority)s, in charge of this inspection today, may decide "
                            "this."), authority=(acting or inspection.authority).unit.name)


def chaired_today(user, day: date) -> frozenset[int]:
    """Ids of the authorities whose inspections ``user`` concludes on ``day``: the user's own authority and
    every ended authority it is in charge for (empty for anyone who is not a chairman)."""
    if user.role != "chairman" or user.authority_id is None:
        return frozenset()
    by_id = {a.id: a.to_domain() for a in all_authorities()}
    return frozenset(a for a, rule in by_id.items()
                     if (acting := rules.in_charge(rule, day, by_id)) is not None and acting.id == user.authority_id)
