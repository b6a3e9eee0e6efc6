"""Every list page costs the same number of database queries whatever the number of rows (issue 18, point 3).

Two generated provinces (bench/province.py's generator), one about five times the other in units, inspections,
findings, remediation items, accounts and notifications; each list page is opened once to warm it, then once more
while every statement sent to the database is counted. The counts must be equal: a page that loads a row's
relation row by row (N+1) costs more on the larger province and fails here, naming the page and both counts.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, event, func, insert, select, text

from audit.db import db
from bench.province import NOW, generate
from tests.conftest import make_app

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
    ("truongdoan", "/inspections/1/findings"),
    ("chutich", "/units"),
    ("chutich", "/inbox"),
    ("chutich", "/statistics?period=2024"),
    ("quantri", "/admin/users"),
]


def _add_rows(url: str, extra: int) -> None:
    """What the generator leaves out: an administrator and more accounts, the chairman's notifications, more
    findings on inspection 1 and the 2024 dossier figures of every one-stop desk."""
    from datetime import date

    from audit.models import DossierStatistic, Finding, Notification, Unit, User

    engine = create_engine(url)
    with engine.begin() as conn:
        password = conn.execute(select(User.password_hash).where(User.id == 1)).scalar_one()
        account = dict(password_hash=password, active=True, must_change_password=False, session_version=1,
                       created_at=NOW)
        conn.execute(insert(User), [dict(account, id=3, username="quantri", full_name="Quản trị", role="admin")] + [
            dict(account, id=10 + n, username=f"canbo{n}", full_name=f"Cán bộ {n}", role="inspector", authority_id=1)
            for n in range(extra)])
        conn.execute(insert(Notification), [
            dict(user_id=1, kind="overdue", message="Yêu cầu khắc phục quá hạn", params={}, created_at=NOW)
            for _ in range(extra)])
        first = conn.execute(select(Finding).where(Finding.inspection_id == 1).limit(1)).mappings().one()
        top = conn.execute(select(func.max(Finding.id))).scalar_one()
        conn.execute(insert(Finding), [
            {**first, "id": top + n + 1, "item_id": f"X{n:02d}", "statement": f"Tồn tại {n}"} for n in range(extra)])
        desks = conn.execute(select(Unit.id).where(Unit.kind.in_(["district_desk", "commune_desk"]))).scalars()
        conn.execute(insert(DossierStatistic), [
            dict(unit_id=desk, field="dat_dai", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31),
                 carried_over=0, received=10, early=2, on_time=7, late=1, pending=0, imported_at=NOW)
            for desk in desks])
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
        sent = []
        listener = lambda *args: sent.append(args[2])  # noqa: E731 - the statement
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            response = client.get(page)
            status = response.status_code
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
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
