"""Every list searches, filters, sorts and pages the same way: the rules as a user would state them."""

from dataclasses import dataclass
from datetime import date

from audit.domain import listing


@dataclass
class Row:
    name: str
    kind: str
    day: date | None


ROWS = [Row("UBND xã La Êê", "commune", date(2019, 5, 2)), Row("UBND xã Zuôih", "commune", None),
        Row("Bộ phận Một cửa huyện Nam Giang", "district_desk", date(2019, 3, 1)),
        Row("UBND xã Chơ Chun", "commune", date(2020, 1, 9))]

SPEC = listing.Spec(
    text=lambda r: r.name, search_hint="",
    filters=(listing.Filter("kind", "Kind", [("commune", "Commune"), ("district_desk", "Desk")],
                            lambda r, v: r.kind == v),),
    orders=(listing.Order("name", "name", lambda r: r.name),
            listing.Order("newest", "newest", lambda r: r.day, descending=True)),
    size=2,
)


def names(found):
    return [r.name for r in found.page.rows]


def test_a_search_ignores_diacritics_and_case_and_needs_every_word():
    found = listing.apply(SPEC, ROWS, {"q": "ubnd  LA ee"})
    assert names(found) == ["UBND xã La Êê"] and found.matched == 1 and found.available == 4
    assert listing.apply(SPEC, ROWS, {"q": "la zuoih"}).matched == 0  # both words, not either


def test_each_word_searched_begins_a_word_so_la_ee_is_not_la_dee():
    assert listing.matches("la ee", "UBND xã La Êê") and not listing.matches("la ee", "UBND xã La Dêê")
    assert listing.matches("zuo", "Bộ phận Một cửa xã Zuôih") and listing.matches("ng-laee", "NG-LAEE-MC")
    assert listing.matches("", "anything") and not listing.matches("ee", "")


def test_a_filter_keeps_only_its_rows_and_an_unknown_value_is_ignored_not_refused():
    assert listing.apply(SPEC, ROWS, {"kind": "district_desk"}).matched == 1
    stale = listing.apply(SPEC, ROWS, {"kind": "district"})  # a bookmark from before the districts ended
    assert stale.matched == 4 and stale.ignored == ("kind",) and not stale.narrowed


def test_rows_without_a_sort_value_come_last_in_either_direction():
    found = listing.apply(SPEC, ROWS, {"sort": "newest"})
    assert found.page.pages == 2
    assert names(found) == ["UBND xã Chơ Chun", "UBND xã La Êê"]
    last = listing.apply(SPEC, ROWS, {"sort": "newest", "page": "2"})
    assert names(last) == ["Bộ phận Một cửa huyện Nam Giang", "UBND xã Zuôih"]


def test_a_page_out_of_range_or_not_a_number_shows_the_nearest_page():
    assert listing.apply(SPEC, ROWS, {"page": "99"}).page.number == 2
    assert listing.apply(SPEC, ROWS, {"page": "-1"}).page.number == 1
    assert listing.apply(SPEC, ROWS, {"page": "abc"}).page.number == 1
    assert listing.apply(SPEC, ROWS, {"page": "²"}).page.number == 1  # a digit to Python, not a number


def test_links_carry_the_search_filters_and_a_chosen_order_but_not_the_default_one():
    found = listing.apply(SPEC, ROWS, {"q": "xã", "kind": "commune", "sort": "newest", "page": "2"})
    assert found.args() == {"q": "xã", "kind": "commune", "sort": "newest"}
    assert listing.apply(SPEC, ROWS, {"sort": "name"}).args() == {}
    assert found.args(kind=None) == {"q": "xã", "sort": "newest"}


def test_filter_choices_are_unique_and_in_alphabetical_order_of_their_labels():
    assert listing.choices([(2, "Zuôih"), (1, "Ating"), (2, "Zuôih"), (None, "nobody")]) == [("1", "Ating"),
                                                                                               ("2", "Zuôih")]


def test_a_filter_with_one_value_is_offered_only_when_it_is_a_yes_no_choice():
    one_unit = listing.Filter("unit", "Unit", [("7", "La Êê")], lambda r, v: True)
    mine = listing.Filter("team", "Team", [("mine", "Only my teams")], lambda r, v: True, always=True)
    assert not one_unit.offered and mine.offered
    assert not listing.Filter("team", "Team", [], lambda r, v: True, always=True).offered


def test_a_remediation_item_stands_in_one_group_the_most_pressing_first():
    from audit.domain.remediation import State, group_of

    today = date(2026, 12, 3)
    assert group_of(State.OPEN, date(2026, 12, 1), today) == "overdue"
    assert group_of(State.RETURNED, date(2026, 12, 5), today) == "due_soon"
    assert group_of(State.OPEN, date(2027, 1, 5), today) == "open"
    assert group_of(State.RESPONDED, date(2026, 12, 1), today) == "responded"  # nothing owed while verified
    assert group_of(State.ACCEPTED, date(2026, 12, 1), today) == "closed"


def test_rows_with_the_same_key_keep_their_order_and_rows_without_one_come_last_both_ways():
    rows = [Row("a", "commune", date(2019, 1, 1)), Row("b", "commune", None), Row("c", "commune", date(2020, 1, 1)),
            Row("d", "commune", date(2019, 1, 1)), Row("e", "commune", None), Row("f", "commune", date(2020, 1, 1))]
    spec = listing.Spec(orders=(listing.Order("oldest", "oldest", lambda r: r.day),
                                listing.Order("newest", "newest", lambda r: r.day, descending=True)), size=10)
    assert names(listing.apply(spec, rows, {})) == ["a", "d", "c", "f", "b", "e"]
    assert names(listing.apply(spec, rows, {"sort": "newest"})) == ["c", "f", "a", "d", "b", "e"]
