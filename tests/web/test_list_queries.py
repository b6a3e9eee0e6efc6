"""Every list page costs the same number of database queries whatever the number of rows (issue 18, point 3).

Two generated provinces (bench/province.py's generator), one about five times the other in units, inspections,
findings, remediation items, accounts and notifications; each list page is opened once to warm it, then once more
while every statement sent to the database is counted. The counts must be equal: a page that loads a row's
relation row by row (N+1) costs more on the larger province and fails here, naming the page and both counts.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, func, insert, select, text

from audit.db import db
from bench.province_data import NOW, generate
from tests.conftest import make_app, statements_sent

PASSWORD = "NamGiang@2019"
SIZES = {
    "small": dict(districts=2, communes_per=2, inspections=60, answers_per=5, extra=4),
    "large": dict(districts=4, communes_per=7, inspections=300, answers_per=5, extra=60),
}
#: (who, page): every list of the app, as the user who sees the most rows of it
PAGES = [
    ("chutich", "/inspections"),
    ("chutich", "/inspections?q=mot cua&sort=unit&page=2"),
    ("chutich", "/remediation"),
    ("chutich", "/remediation?q=khac xa&sort=unit&year=2025&page=2"),
    ("truongdoan", "/inspections/1/findings"),
    ("chutich", "/units"),
    ("chutich", "/inbox"),
    ("chutich", "/dashboard?period=&sort=attention"),
    ("chutich", "/dashboard?period=2024&q=xa&sort=name&page=2"),
    ("chutich", "/dashboard/heads?q=nguoi&sort=name&page=2"),
    ("chutich", "/statistics?period=2024"),
    ("quantri", "/admin/users"),
]


def _add_rows(url: str, extra: int) -> None:
    """What the generator leaves out: more accounts, the chairman's notifications and more findings on
    inspection 1."""
    from audit.models import Finding, Notification, User

    engine = create_engine(url)
    with engine.begin() as conn:
        password = conn.execute(select(User.password_hash).where(User.id == 1)).scalar_one()
        account = dict(password_hash=password, active=True, must_change_password=False, session_version=1,
                       created_at=NOW)
        conn.execute(insert(User), [
            dict(account, id=10 + n, username=f"canbo{n}", full_name=f"Cán bộ {n}", role="inspector", authority_id=1)
            for n in range(extra)])
        conn.execute(insert(Notification), [
            dict(user_id=1, kind="overdue", message="Yêu cầu khắc phục quá hạn", params={}, created_at=NOW)
            for _ in range(extra)])
        first = conn.execute(select(Finding).where(Finding.inspection_id == 1).limit(1)).mappings().one()
        top = conn.execute(select(func.max(Finding.id))).scalar_one()
        conn.execute(insert(Finding), [
            {**first, "id": top + n + 1, "item_id": f"X{n:02d}", "statement": f"Tồn tại {n}"} for n in range(extra)])
    engine.dispose()


@pytest.fixture(scope="module")
def provinces(tmp_path_factory):
    urls = {}
    for name, size in SIZES.items():
        size = dict(size)
        extra = size.pop("extra")
        url = f"sqlite:///{tmp_path_factory.mktemp(name) / 'province.sqlite'}"
        generate(url, **size)
        _add_rows(url, extra)
        urls[name] = url
    return urls


def _rows(page: str) -> int:
    """How many rows the list says it has ("Tổng số: 12", "3 kết quả trên tổng số 12"), else the table rows."""
    found = re.search(r'id="[a-z-]+-count"[^>]*>(.*?)</p>', page, re.S)
    numbers = re.findall(r"\d+", re.sub(r"[.\s]", "", re.sub(r"<[^>]+>", " ", found.group(1)))) if found else []
    return int(numbers[-1]) if numbers else page.count("<tr") - 1


def _queries(url: str, instance, who: str, page: str) -> tuple[int, int, int]:
    """(status, statements sent to the database, rows listed) for ``page`` opened by ``who``, after one warming
    visit."""
    app = make_app(url, instance)
    with app.app_context():
        client = app.test_client()
        assert client.post("/login", data={"username": who, "password": PASSWORD}).status_code == 302
        client.get(page)
        with statements_sent(db.engine) as sent:
            response = client.get(page)
            status = response.status_code
        rows = _rows(response.get_data(as_text=True))
        db.session.remove()
        db.engine.dispose()
    return status, len(sent), rows


def test_the_larger_province_is_larger(provinces):
    counts = {}
    for name, url in provinces.items():
        engine = create_engine(url)
        with engine.connect() as conn:
            counts[name] = {table: conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
                            for table in ("units", "inspections", "findings", "remediation_items", "users",
                                          "notifications")}
        engine.dispose()
    for table, small in counts["small"].items():
        assert counts["large"][table] >= 4 * small, (table, small, counts["large"][table])
    for url in provinces.values():  # one tree under the province (a flat one would leave every list empty)
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM units WHERE parent_id IS NULL")).scalar_one() == 1
        engine.dispose()


@pytest.mark.parametrize(("who", "page"), PAGES, ids=[page for _, page in PAGES])
def test_a_list_page_costs_the_same_queries_on_a_province_five_times_larger(provinces, tmp_path, who, page):
    small = _queries(provinces["small"], tmp_path / "small", who, page)
    large = _queries(provinces["large"], tmp_path / "large", who, page)
    assert small[0] == large[0] == 200, (small, large)
    assert 0 < small[2] < large[2], f"{page}: {small[2]} rows on the small province, {large[2]} on the large one"
    assert small[1] == large[1], f"{page}: {small[1]} queries on the small province, {large[1]} on the large one"


def _listed(client, page: str) -> list[int]:
    body = client.get(page).get_data(as_text=True)
    table = body.split('id="inspection-list"', 1)[1].split("</table>", 1)[0] if 'id="inspection-list"' in body else ""
    return [int(i) for i in re.findall(r'href="/inspections/(\d+)"', table)]


def test_the_inspection_list_answered_by_the_database_is_the_rule_stated_literally(provinces, tmp_path):
    """The inspection list filters, searches, sorts and pages in SQL. Each page is compared with the rule written
    out here: a search finds the rows where every word begins a word (case and diacritics ignored) of the unit's
    name or code or of a team member's name; "unit name" sorts by the name (diacritics ignored), then by date,
    and keeps the newest-first order among equals; "lowest score" puts rows without a score last."""
    from datetime import date

    from audit.domain.text import fold

    url = provinces["large"]
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(text(
            "SELECT i.id, i.inspection_date, i.state, i.score, i.unit_id, u.name, u.code "
            "FROM inspections i JOIN units u ON u.id = i.unit_id"))}
        team = {}
        for r in conn.execute(text("SELECT m.inspection_id, us.full_name FROM inspection_members m "
                                   "JOIN users us ON us.id = m.user_id")):
            team.setdefault(r.inspection_id, []).append(r.full_name)
    engine.dispose()

    def words(value: str) -> list[str]:
        return re.findall(r"\w+", fold(value))

    def found(query: str, i: int) -> bool:
        text_ = words(" ".join([rows[i].name, rows[i].code, *team.get(i, [])]))
        return all(any(w.startswith(q) for w in text_) for q in words(query))

    def day(i: int) -> date:
        value = rows[i].inspection_date
        return value if isinstance(value, date) else date.fromisoformat(str(value))

    app = make_app(url, tmp_path / "instance")
    with app.app_context():
        client = app.test_client()
        assert client.post("/login", data={"username": "chutich", "password": PASSWORD}).status_code == 302
        visible, number = [], 1
        while True:  # every inspection the chairman may see, newest first
            shown = _listed(client, f"/inspections?page={number}")
            if not shown or shown[0] in visible:
                break
            visible += shown
            number += 1
        assert len(visible) > 100 and visible == sorted(visible, key=lambda i: (day(i), i), reverse=True)
        member = next(n for i in visible for n in team.get(i, []))
        some = rows[visible[7]]
        year = day(visible[40]).year
        newest = sorted(visible, key=lambda i: (day(i), i), reverse=True)
        cases = {
            f"/inspections?q={words(some.name)[-1]}&sort=unit": sorted(
                [i for i in newest if found(words(some.name)[-1], i)], key=lambda i: (fold(rows[i].name), day(i))),
            f"/inspections?q={words(member)[-1]} {some.code[:4]}": [
                i for i in newest if found(f"{words(member)[-1]} {some.code[:4]}", i)],
            f"/inspections?year={year}&sort=score": sorted(
                [i for i in newest if day(i).year == year and rows[i].score is not None], key=lambda i: rows[i].score)
            + [i for i in newest if day(i).year == year and rows[i].score is None],
            "/inspections?state=finalised&sort=oldest": sorted(
                [i for i in visible if rows[i].state == "finalised"], key=lambda i: (day(i), i)),
            "/inspections?sort=unit": sorted(newest, key=lambda i: (fold(rows[i].name), day(i))),
        }
        for page, expected in cases.items():
            assert expected, page
            for number in (1, 2):
                shown = _listed(client, f"{page}&page={number}")
                assert shown == expected[25 * (number - 1):25 * number], (page, number)
        db.session.remove()
        db.engine.dispose()


def _items_listed(client, page: str) -> list[int]:
    body = client.get(page).get_data(as_text=True)
    section = body.split('<section class="card group-', 1)[1].split("</section>", 1)[0]
    return list(dict.fromkeys(int(i) for i in re.findall(r'href="/remediation/(\d+)"', section)))


def _tab_counts(client, page: str) -> dict[str, int]:
    body = client.get(page).get_data(as_text=True)
    tabs = body.split('id="item-groups"', 1)[1].split("</nav>", 1)[0]
    return {key: int(count) for key, count in re.findall(r'group=(\w+)[^>]*>[^<]*<span class="count">(\d+)</span>', tabs)}


def test_the_remediation_list_answered_by_the_database_is_the_rule_stated_literally(provinces, tmp_path):
    """The remediation list groups, counts, filters, searches, sorts and pages in SQL. Each page is compared with
    the rule written out here: an item the unit still owes (open or returned) is overdue after its deadline and
    due soon up to 3 days before it, a responded one awaits verification, an accepted one is closed; a search
    finds the items where every word begins a word (case and diacritics ignored) of the requirement or the
    unit's name, or begins the item's number; "unit name" sorts by the name, then the deadline, then the
    number."""
    from datetime import date, timedelta

    from audit.db import utcnow
    from audit.domain.text import fold
    from audit.domain.vndate import local_today

    url = provinces["large"]
    engine = create_engine(url)
    with engine.begin() as conn:  # some items due soon and some returned, so that every group has rows
        today = local_today(utcnow())
        conn.execute(text("UPDATE remediation_items SET deadline = :d WHERE id % 9 = 1 AND state = 'open'"),
                     {"d": today + timedelta(days=2)})
        conn.execute(text("UPDATE remediation_items SET state = 'returned', deadline = :d WHERE id % 9 = 2 "
                          "AND state = 'open'"), {"d": today + timedelta(days=20)})
        rows = {r.id: r for r in conn.execute(text(
            "SELECT r.id, r.state, r.deadline, r.requirement, u.name, i.inspection_date "
            "FROM remediation_items r JOIN units u ON u.id = r.unit_id JOIN inspections i ON i.id = r.inspection_id"))}
    engine.dispose()

    def day(value) -> date:
        return value if isinstance(value, date) else date.fromisoformat(str(value))

    def group(i: int) -> str:
        r = rows[i]
        if r.state == "accepted":
            return "closed"
        if r.state in ("open", "returned") and day(r.deadline) < today:
            return "overdue"
        if r.state in ("open", "returned") and day(r.deadline) <= today + timedelta(days=3):
            return "due_soon"
        return "responded" if r.state == "responded" else "open"

    def words(value: str) -> list[str]:
        return re.findall(r"\w+", fold(value))

    def found(query: str, i: int) -> bool:
        text_ = words(f"{rows[i].requirement} {rows[i].name}")
        return all(any(w.startswith(q) for w in text_) or str(i).startswith(q) for q in words(query))

    by_deadline = sorted(rows, key=lambda i: (day(rows[i].deadline), i))
    some = rows[by_deadline[len(by_deadline) // 2]]
    word = words(some.name)[-1]
    year = day(some.inspection_date).year
    groups = ("overdue", "due_soon", "open", "responded", "closed")
    counts = {g: sum(group(i) == g for i in rows) for g in groups}
    assert all(counts.values()), counts
    cases = {
        "/remediation?group=overdue": [i for i in by_deadline if group(i) == "overdue"],
        "/remediation?group=responded&sort=unit": sorted(
            [i for i in by_deadline if group(i) == "responded"], key=lambda i: (fold(rows[i].name), day(rows[i].deadline), i)),
        f"/remediation?group=closed&sort=newest&year={year}": sorted(
            [i for i in rows if group(i) == "closed" and day(rows[i].inspection_date).year == year], reverse=True),
        f"/remediation?group=overdue&q=khac {word}": [i for i in by_deadline if group(i) == "overdue"
                                                     and found(f"khac {word}", i)],
        "/remediation?group=open&q=1": [i for i in by_deadline if group(i) == "open" and found("1", i)],
    }
    app = make_app(url, tmp_path / "instance")
    with app.app_context():
        client = app.test_client()
        assert client.post("/login", data={"username": "chutich", "password": PASSWORD}).status_code == 302
        assert _tab_counts(client, "/remediation") == counts
        assert _items_listed(client, "/remediation") == cases["/remediation?group=overdue"][:25]  # the most pressing
        assert _tab_counts(client, f"/remediation?q=khac {word}") == {
            g: sum(group(i) == g and found(f"khac {word}", i) for i in rows) for g in groups}
        for page, expected in cases.items():
            assert expected, page
            last = max(1, -(-len(expected) // 25))
            for number in (1, 2, last + 1):  # a page past the last shows the last
                shown = min(number, last)
                assert _items_listed(client, f"{page}&page={number}") == expected[25 * (shown - 1):25 * shown], (
                    page, number)
        db.session.remove()
        db.engine.dispose()


def test_each_desk_on_the_dashboard_shows_its_latest_inspections_as_stated(provinces, tmp_path):
    """The dashboard's trend of a desk is the scores of its latest finalised inspections (the newest by date,
    then by number, at most the trend's length), oldest first; its latest assessment is the newest of them. Read
    by the database unit by unit; compared here with every inspection of the generated province."""
    from datetime import date

    from audit.services import review
    from audit.services.review import TREND_LENGTH

    url = provinces["large"]
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, unit_id, inspection_date, score, state FROM inspections")).all()
    engine.dispose()
    by_unit: dict[int, list] = {}
    for r in rows:
        if r.state == "finalised":
            day = r.inspection_date if isinstance(r.inspection_date, date) else date.fromisoformat(str(r.inspection_date))
            by_unit.setdefault(r.unit_id, []).append((day, r.id, r.score))
    app = make_app(url, tmp_path / "instance")
    with app.app_context():
        desks = review.with_trends(review.desks(None, today=date(2026, 12, 4)), None)
        assert len(desks) > 10 and any(len(by_unit.get(d.unit.id, [])) > TREND_LENGTH for d in desks)
        for desk in desks:
            newest = sorted(by_unit.get(desk.unit.id, []), reverse=True)[:TREND_LENGTH]
            assert desk.scores == [score for _, _, score in reversed(newest) if score is not None], desk.unit.code
            assert (desk.latest or {}).get("id") == (newest[0][1] if newest else None), desk.unit.code
        db.session.remove()
        db.engine.dispose()


def test_the_dashboard_puts_the_desks_needing_attention_first_as_stated(provinces, tmp_path):
    """"Those needing attention first": the desks whose latest finalised inspection was judged formal (or worse),
    then the most overdue remediation items (open or returned, past the deadline), then those never inspected,
    then the lowest latest score; the unit code breaks ties. Every desk is counted in the figures above the
    table, whatever page is shown. Compared here with the province's rows read directly."""
    from datetime import date

    from audit.db import utcnow
    from audit.domain.vndate import local_today

    url = provinces["large"]
    engine = create_engine(url)
    with engine.connect() as conn:
        desks = conn.execute(text("SELECT id, code, name FROM units WHERE kind IN "
                                  "('district_desk', 'commune_desk', 'commune_centre')")).all()
        inspections = conn.execute(text("SELECT id, unit_id, inspection_date, score, verdict FROM inspections "
                                        "WHERE state = 'finalised'")).all()
        items = conn.execute(text("SELECT unit_id, deadline FROM remediation_items "
                                  "WHERE state IN ('open', 'returned')")).all()
    engine.dispose()
    today = local_today(utcnow())
    latest = {}
    for i in inspections:
        key = (date.fromisoformat(str(i.inspection_date)[:10]), i.id)
        if i.unit_id not in latest or key > latest[i.unit_id][0]:
            latest[i.unit_id] = (key, i)
    overdue = {}
    for item in items:
        if date.fromisoformat(str(item.deadline)[:10]) < today:
            overdue[item.unit_id] = overdue.get(item.unit_id, 0) + 1

    def attention(desk):
        newest = latest.get(desk.id, (None, None))[1]
        formal = newest is not None and newest.verdict in ("formal", "serious_violations")
        return (not formal, -overdue.get(desk.id, 0), newest is not None,
                newest.score if newest is not None else 101, desk.code)

    expected = [d.name for d in sorted(desks, key=attention)]
    assert any(attention(d)[0] is False for d in desks) and any(attention(d)[0] for d in desks)
    app = make_app(url, tmp_path / "instance")
    with app.app_context():
        client = app.test_client()
        client.post("/login", data={"username": "chutich", "password": PASSWORD})
        page = client.get("/dashboard?period=&sort=attention").get_data(as_text=True)
        table = page.split('id="desks"', 1)[1].split("</table>", 1)[0]
        shown = re.findall(r'<tr class="desk[^"]*">\s*<td[^>]*><a href="/units/\d+">([^<]+)</a>', table)
        assert shown == expected[:50]
        figures = page.split('id="figures"', 1)[1].split("</section>", 1)[0]
        assert f"<strong>{len(desks)}</strong>" in figures
        db.session.remove()
        db.engine.dispose()
