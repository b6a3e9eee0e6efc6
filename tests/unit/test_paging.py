from audit.domain.paging import page_of


def test_pages_cover_every_row_once_and_stay_in_range():
    rows = list(range(60))
    pages = [page_of(rows, n, 25) for n in (1, 2, 3)]
    assert [p.rows for p in pages] == [rows[:25], rows[25:50], rows[50:]]
    assert (pages[2].first, pages[2].last, pages[2].pages, pages[2].total) == (51, 60, 3, 60)
    assert page_of(rows, 99, 25).number == 3 and page_of(rows, -4, 25).number == 1
    empty = page_of([], 1)
    assert (empty.rows, empty.pages, empty.first, empty.last) == ([], 1, 0, 0)
