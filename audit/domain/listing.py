"""How every list is searched, filtered, sorted and paged, from the query string's words alone.

A list declares what can be asked of it (a :class:`Spec`: the text a search looks in, its filters with their
choices, its orders); :func:`apply` reads the request's arguments against it and returns one :class:`Listing`
with the page to show, the count and what was chosen. A value that is not among a filter's choices, or an
unknown order, is ignored and reported (``ignored``) rather than answered with an error page: a stale
bookmark still opens the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from .paging import PAGE_SIZE, Page, page_of
from .text import fold

MAX_QUERY = 100  # characters of a search that are read


@dataclass(frozen=True)
class Filter:
    """A choice among fixed values (``options``: value → label); ``matches(row, value)`` says whether a row
    belongs to the chosen value."""

    name: str
    label: str
    options: Sequence[tuple[str, str]]
    matches: Callable[[Any, str], bool] | None = None  # None: the database filters (audit.services.listing_sql)
    always: bool = False  # offered even with a single choice (a yes/no filter such as "only my teams")

    @property
    def offered(self) -> bool:
        """Whether the list offers this filter: a choice among several values, or a yes/no one."""
        return len(self.options) > 1 or (self.always and bool(self.options))

    def label_of(self, value: str) -> str | None:
        return next((label for key, label in self.options if key == value), None)


@dataclass(frozen=True)
class Order:
    """One way to sort: ``key(row)`` gives the sort value (``None`` always last); ``descending`` is the
    natural direction (newest first for dates)."""

    name: str
    label: str
    key: Callable[[Any], Any] | None  # None: the database orders (audit.services.listing_sql)
    descending: bool = False


@dataclass(frozen=True)
class Spec:
    orders: Sequence[Order]  # the first is the default
    filters: Sequence[Filter] = ()
    text: Callable[[Any], str] | None = None  # what a search looks in; None: the list has no search
    search_hint: str = ""
    size: int = PAGE_SIZE
    searched_by_database: bool = False  # the search is answered in SQL (audit.services.listing_sql)

    @property
    def has_search(self) -> bool:
        return self.text is not None or self.searched_by_database


@dataclass(frozen=True)
class Listing:
    spec: Spec
    page: Page
    available: int  # rows before searching and filtering
    query: str = ""
    chosen: Mapping[str, str] = field(default_factory=dict)
    order: str = ""
    ignored: tuple[str, ...] = ()  # arguments that were not understood
    matched: int = 0  # rows that match the search and filters (every page, every tab)

    @property
    def narrowed(self) -> bool:
        return bool(self.query or self.chosen)

    def args(self, **changes: Any) -> dict[str, Any]:
        """The query string that shows this list again, with ``changes`` (``None`` drops an argument); what a
        link to another page or another order of the same list carries."""
        args: dict[str, Any] = dict(self.chosen)
        if self.query:
            args["q"] = self.query
        if self.order != self.spec.orders[0].name:
            args["sort"] = self.order
        args.update(changes)
        return {key: value for key, value in args.items() if value not in (None, "")}


def _number(value: str | None) -> int | None:
    value = (value or "").strip()
    # ASCII digits only: "²".isdigit() is true, yet int("²") fails
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``; kept for the texts searched again (every requirement or unit name of a list,
    once for each word of a search, on every request)."""
    return tuple(re.findall(r"\w+", fold(text)))


def matches(query: str, text: str) -> bool:
    """Whether every word of ``query`` begins a word of ``text``, ignoring case and diacritics: "la ee" finds
    "La Êê" but not "La Dêê"; "zuo" finds "Zuôih"; "ng-laee" finds the code "NG-LAEE-MC"."""
    words = _words(text)
    return all(any(w.startswith(q) for w in words) for q in _words(query))


def _sorted(rows: Sequence, order: Order) -> list:
    """``rows`` by ``order``, those whose key is ``None`` last, ties in their order; each key computed once (a
    province's lists sort hundreds of rows on every request)."""
    keyed = [(order.key(r), r) for r in rows]
    present = [pair for pair in keyed if pair[0] is not None]
    present.sort(key=itemgetter(0), reverse=order.descending)
    return [r for _, r in present] + [r for key, r in keyed if key is None]


@dataclass(frozen=True)
class Narrowed:
    """The rows that match the search and filters, in the chosen order (before paging)."""

    rows: list
    available: int
    query: str
    chosen: Mapping[str, str]
    order: str
    ignored: tuple[str, ...]


@dataclass(frozen=True)
class Asked:
    """What the query string asks of a list, read against its :class:`Spec`: the search, the filters' chosen
    values (only values among their choices), the order, and the arguments that were not understood."""

    query: str
    chosen: Mapping[str, str]
    order: Order
    ignored: tuple[str, ...]
    page: int | None


def read(spec: Spec, args: Mapping[str, str]) -> Asked:
    """``args`` (``q``, each filter's name, ``sort``, ``page``) read against ``spec``."""
    ignored: list[str] = []
    chosen: dict[str, str] = {}
    for filter_ in spec.filters:
        value = (args.get(filter_.name) or "").strip()
        if not value:
            continue
        if filter_.label_of(value) is None:
            ignored.append(filter_.name)
            continue
        chosen[filter_.name] = value
    query = (args.get("q") or "").strip()[:MAX_QUERY] if spec.has_search else ""
    names = {o.name: o for o in spec.orders}
    asked = (args.get("sort") or "").strip()
    if asked and asked not in names:
        ignored.append("sort")
    return Asked(query, chosen, names.get(asked, spec.orders[0]), tuple(ignored), _number(args.get("page")))


def words(query: str) -> list[str]:
    """The words of a search, folded: each must begin a word of what a row is searched by."""
    return list(_words(query))


def narrow(spec: Spec, rows: Sequence, args: Mapping[str, str]) -> Narrowed:
    """The rows that ``args`` ask for (``q``, each filter's name, ``sort``), sorted, not yet paged."""
    asked = read(spec, args)
    selected = list(rows)
    filters = {f.name: f for f in spec.filters}
    for name, value in asked.chosen.items():
        selected = [r for r in selected if filters[name].matches(r, value)]
    if asked.query:
        selected = [r for r in selected if matches(asked.query, spec.text(r))]
    return Narrowed(_sorted(selected, asked.order), len(rows), asked.query, asked.chosen, asked.order.name,
                    asked.ignored)


def paged(spec: Spec, narrowed: Narrowed, args: Mapping[str, str], rows: Sequence | None = None) -> Listing:
    """The page ``args`` ask for of ``rows`` (by default every narrowed row; a list shown in tabs pages one
    tab's part of them)."""
    shown = narrowed.rows if rows is None else rows
    return Listing(spec, page_of(shown, _number(args.get("page")), spec.size), narrowed.available, narrowed.query,
                   narrowed.chosen, narrowed.order, narrowed.ignored, len(narrowed.rows))


def apply(spec: Spec, rows: Sequence, args: Mapping[str, str]) -> Listing:
    """The page of ``rows`` that ``args`` ask for (``q``, each filter's name, ``sort``, ``page``)."""
    return paged(spec, narrow(spec, rows, args), args)


def choices(values: Sequence[tuple[Any, str]]) -> list[tuple[str, str]]:
    """Filter options from (value, label) pairs, without repeats, in label order."""
    seen: dict[str, str] = {}
    for value, label in values:
        if value is not None:
            seen.setdefault(str(value), label)
    return sorted(seen.items(), key=lambda pair: fold(pair[1]))
