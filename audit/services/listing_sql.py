"""Lists answered by the database: the same :class:`~audit.domain.listing.Spec`, query-string words and
:class:`~audit.domain.listing.Listing` as the lists filtered in memory, but the filters, the search, the
counts, the order and the page are SQL, so a page costs the same few queries on a province of any size and
loads only its own rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from audit.db import db
from audit.domain import listing
from audit.domain.paging import Page


@dataclass(frozen=True)
class SqlList:
    spec: listing.Spec  # labels, choices and orders, as for any list
    base: Select  # every row the user may see, unordered
    where: Mapping[str, Callable[[str], Any]]  # a filter's name → the condition for a chosen value
    order_by: Mapping[str, Sequence[Any]]  # an order's name → its columns, ties broken to a total order
    search: Callable[[str], Any] | None = None  # one folded word of a search → the rows it finds


def _count(query: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))


def apply(sql: SqlList, args: Mapping[str, str], *, options: Sequence[Any] = ()) -> listing.Listing:
    """The page of ``sql.base`` that ``args`` ask for (``q``, each filter's name, ``sort``, ``page``)."""
    asked = listing.read(sql.spec, args)
    query = sql.base
    for name, value in asked.chosen.items():
        query = query.where(sql.where[name](value))
    for word in listing.words(asked.query) if sql.search is not None else ():
        query = query.where(sql.search(word))
    available = _count(sql.base)
    matched = _count(query) if query is not sql.base else available
    size = sql.spec.size
    pages = max(1, -(-matched // size))
    number = min(max(asked.page or 1, 1), pages)
    rows = db.session.scalars(query.order_by(*sql.order_by[asked.order.name]).limit(size)
                              .offset((number - 1) * size).options(*options)).all()
    return listing.Listing(sql.spec, Page(rows, number, pages, matched, size), available, asked.query,
                           asked.chosen, asked.order.name, asked.ignored, matched)
