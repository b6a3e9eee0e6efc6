"""A document is addressed to bodies that exist on its date: a merged body through its successor."""

from dataclasses import dataclass, field
from datetime import date

from audit.domain.units import in_operation_on


@dataclass(eq=False)
class U:
    name: str
    start: date
    end: date | None = None
    successors: list = field(default_factory=list)

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


BEFORE, AFTER = date(2019, 6, 1), date(2026, 12, 3)


def test_a_body_in_operation_is_itself_and_a_merged_one_is_its_successor():
    centre = U("Trung tâm Phục vụ hành chính công xã La Êê", date(2025, 7, 1))
    desk = U("Bộ phận Một cửa xã La Êê", date(2010, 1, 1), date(2025, 6, 30), [centre])
    assert in_operation_on(desk, BEFORE) == [desk]
    assert in_operation_on(desk, AFTER) == [centre]


def test_a_body_dissolved_without_successor_is_nobody_and_later_mergers_are_followed():
    office = U("Phòng Nội vụ huyện Nam Giang", date(2010, 1, 1), date(2025, 6, 30))
    assert in_operation_on(office, AFTER) == []
    newest = U("UBND xã B", date(2026, 1, 1))
    middle = U("UBND xã A", date(2025, 7, 1), date(2025, 12, 31), [newest])
    oldest = U("UBND xã cũ", date(2000, 1, 1), date(2025, 6, 30), [middle])
    middle.successors.append(oldest)  # a cycle in bad data ends, it does not loop
    assert in_operation_on(oldest, AFTER) == [newest]
