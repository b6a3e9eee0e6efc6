"""Each list can be searched, filtered, sorted and paged, and says how many rows match (issue 16, point 2).

The expectations are read from the database or stated as a user would ("every row shown is La Êê's"), never
copied from the page that is tested.
"""

import re

from sqlalchemy import func, select

from audit.db import db
from audit.domain.text import fold
from audit.models import Inspection, Notification, Unit, User


def rows_of(page: str, table_id: str) -> list[str]:
    body = page[page.index(f'id="{table_id}"'):]
    body = body[body.index("<tbody>"):body.index("</tbody>")]
    return re.findall(r"<tr[ >].*?</tr>", body, re.S)


def count_line(page: str, list_id: str) -> str:
    match = re.search(rf'id="{list_id}-count"[^>]*>(.*?)</p>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_inspections_search_without_diacritics_filter_by_state_and_count(client, demo, login):
    login("admin")  # sees every inspection
    expected = db.session.scalar(select(func.count(Inspection.id)).join(Unit).where(Unit.name.like("%La Êê%")))
    page = client.get("/inspections?q=la ee").get_data(as_text=True)
    rows = rows_of(page, "inspection-list")
    assert len(rows) == expected >= 2 and all("La Êê" in r for r in rows)
    assert count_line(page, "inspections").startswith(f"{expected} kết quả trên tổng số")
    planned = client.get("/inspections?q=la ee&state=planned").get_data(as_text=True)
    assert rows_of(planned, "inspection-list") and all("Dự kiến" in r or "Đã lên kế hoạch" in r or "planned" not in r
                                                       for r in rows_of(planned, "inspection-list"))
    assert "Đã kết thúc" not in "".join(rows_of(planned, "inspection-list"))


def test_inspections_of_my_teams_only_and_the_older_link_still_works(client, demo, login):
    login("truongdoan-tp")  # leads the city's two 2026 inspections and the planned one
    mine = db.session.scalar(select(User).where(User.username == "truongdoan-tp"))
    expected = sum(1 for i in db.session.scalars(select(Inspection)) if i.team_role_of(mine.id) is not None)
    for url in ("/inspections?team=mine", "/inspections?mine=1"):
        rows = rows_of(client.get(url).get_data(as_text=True), "inspection-list")
        assert len(rows) == expected and all("Trung tâm Phục vụ hành chính công" in r for r in rows)


def test_inspections_sorted_by_unit_name_then_paged_with_the_filters_kept(client, demo, login):
    login("admin")
    page = client.get("/inspections?sort=unit").get_data(as_text=True)
    names = [re.search(r'summary"?[^>]*>([^<]+)</a>|/inspections/\d+">([^<]+)</a>', r) for r in
             rows_of(page, "inspection-list")]
    names = [next(g for g in m.groups() if g) for m in names]
    assert names == sorted(names, key=fold) and len(names) == 18  # the 18 demo inspections fit on one page
    # a stale filter value (a unit that is not in the list) is ignored and said so, not a 400
    stale = client.get("/inspections?unit=999999")
    assert stale.status_code == 200 and "đã được bỏ qua" in stale.get_data(as_text=True)


def test_findings_filtered_by_severity_and_searched(client, demo, login):
    login("truongdoan")
    inspection = db.session.scalar(select(Inspection).where(Inspection.id == 7))  # Chà Vàl: 36 findings
    total = len(inspection.findings)
    serious = sum(1 for f in inspection.findings if f.severity == "high")
    page = client.get(f"/inspections/{inspection.id}/findings").get_data(as_text=True)
    assert count_line(page, "findings") == f"Tổng số: {total}" and page.count('<article class="finding') == min(total, 25)
    assert 'rel="next"' in page and f"/inspections/{inspection.id}/findings?page=2" in page
    page = client.get(f"/inspections/{inspection.id}/findings?severity=high").get_data(as_text=True)
    assert page.count('<article class="finding') == min(serious, 25)
    assert count_line(page, "findings").startswith(f"{serious} kết quả trên tổng số {total}")
    word = fold(inspection.findings[0].statement).split()[-1]
    page = client.get(f"/inspections/{inspection.id}/findings", query_string={"q": word}).get_data(as_text=True)
    shown = int(count_line(page, "findings").split()[0])
    assert shown == sum(1 for f in inspection.findings if word in fold(" ".join(
        [f.statement, f.observation or "", f.requirement or "", f.legal_basis or "", f.item_id or "",
         f.responsible_official or ""])))


def test_units_searched_by_head_and_filtered_by_kind(client, demo, login):
    login("admin")
    page = client.get("/units?kind=commune_centre").get_data(as_text=True)
    rows = rows_of(page, "unit-list")
    centres = db.session.scalar(select(func.count(Unit.id)).where(Unit.kind == "commune_centre"))
    assert len(rows) == centres and all("Trung tâm Phục vụ hành chính công" in r for r in rows)
    page = client.get("/units?q=zuoih").get_data(as_text=True)
    assert rows_of(page, "unit-list") and all("Zuôih" in r for r in rows_of(page, "unit-list"))


def test_accounts_filtered_by_role_and_status_and_searched(client, demo, login):
    login("admin")
    page = client.get("/admin/users?role=unit_user").get_data(as_text=True)
    unit_users = db.session.scalar(select(func.count(User.id)).where(User.role == "unit_user"))
    assert count_line(page, "users").startswith(f"{unit_users} kết quả")
    assert len(rows_of(page, "user-list")) == min(unit_users, 25)
    page = client.get("/admin/users?q=donvi-la-ee").get_data(as_text=True)
    assert [r for r in rows_of(page, "user-list") if "donvi-la-ee<" in r]
    assert all("la-ee" in r for r in rows_of(page, "user-list"))  # and the 2025 account of the same commune
    page = client.get("/admin/users?status=inactive").get_data(as_text=True)
    assert "Không có tài khoản nào phù hợp." in page


def test_the_inbox_filters_unread_messages(client, demo, login):
    login("donvi-la-ee")
    me = db.session.scalar(select(User).where(User.username == "donvi-la-ee"))
    unread = db.session.scalar(select(func.count(Notification.id)).where(Notification.user_id == me.id,
                                                                          Notification.read_at.is_(None)))
    page = client.get("/inbox?read=unread").get_data(as_text=True)
    assert page.count("unread-note") == unread and "inbox-count" in page


def test_the_inbox_is_searched_by_the_words_the_user_reads(client, demo, login):
    """A search finds the messages where every word begins a word of the message as shown (diacritics and case
    ignored), newest first; the messages are shown, not their stored template."""
    import html

    from audit.domain.text import fold

    login("donvi-la-ee")
    page = client.get("/inbox").get_data(as_text=True)
    shown = [html.unescape(t) for t in re.findall(r'<a href="/inbox/\d+[^"]*">([^<]+)</a>', page)]
    assert len(shown) > 1 and not any("%(" in t for t in shown)
    word = re.findall(r"\w+", fold(shown[-1]))[-1]
    expected = [t for t in shown if any(w.startswith(word) for w in re.findall(r"\w+", fold(t)))]
    assert 0 < len(expected)
    found = client.get(f"/inbox?q={word.upper()}").get_data(as_text=True)
    assert [html.unescape(t) for t in re.findall(r'<a href="/inbox/\d+[^"]*">([^<]+)</a>', found)] == expected
    assert not re.findall(r'<a href="/inbox/\d+', client.get("/inbox?q=khongcochunay").get_data(as_text=True))


def test_statistics_by_unit_searched_and_the_period_kept(client, demo, login):
    login("chutich")
    page = client.get("/statistics?period=2019&q=zuoih").get_data(as_text=True)
    rows = rows_of(page, "by-unit")
    assert len(rows) == 1 and "Zuôih" in rows[0]
    assert 'name="period" value="2019"' in page  # the search form keeps the period
    page = client.get("/statistics?period=2019&sort=late").get_data(as_text=True)
    late = [int(re.search(r'data-label="Quá hạn">([\d.]+)<', r).group(1).replace(".", ""))
            for r in rows_of(page, "by-unit")]
    assert len(late) > 1 and late == sorted(late, reverse=True)


def test_each_dashboard_figure_opens_the_desks_behind_it(client, demo, login):
    login("chutich")
    page = client.get("/dashboard?period=2019").get_data(as_text=True)
    figures = page[page.index('id="figures"'):page.index("</section>", page.index('id="figures"'))]
    assert "show=formal" in figures and "show=never" in figures and "show=overdue" in figures
    rules = {"never": lambda r: "chưa được kiểm tra trong kỳ" in r, "formal": lambda r: "desk-formal" in r,
             "overdue": lambda r: "quá hạn" in r}
    shown = 0
    for show, rule in rules.items():
        rows = re.findall(r'<tr class="desk.*?</tr>', client.get(f"/dashboard?period=2019&show={show}")
                          .get_data(as_text=True), re.S)
        assert all(rule(r) for r in rows), show
        shown += len(rows)
    assert shown  # at least one figure is not zero in the demo year


def test_remediation_items_sorted_by_deadline_within_a_group_and_the_group_kept_by_the_search(client, demo, login):
    from datetime import datetime

    login("truongdoan")
    page = client.get("/remediation?group=overdue").get_data(as_text=True)  # the earliest deadline first
    section = page[page.index('id="group-overdue"'):]
    deadlines = [datetime.strptime(d, "%d/%m/%Y") for d in
                 re.findall(r'data-label="Thời hạn khắc phục">(\d\d/\d\d/\d{4})', section)]
    assert len(deadlines) == 25 and deadlines == sorted(deadlines)
    page = client.get("/remediation?group=overdue&sort=newest").get_data(as_text=True)
    numbers = [int(n) for n in re.findall(r'<a href="/remediation/\d+">#(\d+)</a>', page)]
    assert len(numbers) == 25 and numbers == sorted(numbers, reverse=True)
    assert 'name="group" value="overdue"' in page  # a search stays in the tab the user is on
    tabs = page[page.index('id="item-groups"'):page.index("</nav>", page.index('id="item-groups"'))]
    assert tabs.count("sort=newest") == 5  # every tab keeps the order
    assert "group=overdue&amp;page=2&amp;sort=newest" in page or "page=2" in page.split('class="pager"')[1]
