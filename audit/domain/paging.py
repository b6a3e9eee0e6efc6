"""One page of a list: which rows, which page, how many pages (every list pages the same way)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PAGE_SIZE = 25


@dataclass(frozen=True)
class Page:
    rows: Sequence
    number: int  # 1-based
    pages: int
    total: int
    size: int

    @property
    def first(self) -> int:
        """The position of the page's first row in the whole list (1-based; 0 when the list is empty)."""
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.number * self.size, self.total)


def page_of(rows: Sequence, number: int | None, size: int = PAGE_SIZE) -> Page:
    """Page ``number`` of ``rows``; a number out of range gives the nearest page, never an empty one."""
    pages = max(1, -(-len(rows) // size))
    number = min(max(number or 1, 1), pages)
    return Page(rows[(number - 1) * size: number * size], number, pages, len(rows), size)
