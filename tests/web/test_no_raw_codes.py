"""No page shows an enum's code where its label belongs ("in_progress", "formal", "commune_desk"…): the visible
text of every everyday page of each role is searched for every value of every enum of the domain."""

import enum
import importlib
import pkgutil
import re

import pytest

import audit.domain

PAGES = {
    "chutich": ["/", "/dashboard?period=2019", "/dashboard/heads?period=2019", "/statistics?period=2019",
                "/inspections", "/remediation", "/units", "/reports/period?period=2019"],
    "chutich-tp": ["/", "/dashboard?period=2019", "/inspections", "/remediation"],
    "thanhtra": ["/", "/inspections", "/remediation", "/checklists", "/inbox"],
    "donvi-la-ee": ["/", "/remediation", "/inbox", "/units"],
    "admin": ["/", "/units", "/admin/users", "/checklists", "/inspections", "/documents"],
}


def _codes() -> set[str]:
    codes = set()
    for info in pkgutil.iter_modules(audit.domain.__path__):
        module = importlib.import_module(f"audit.domain.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == module.__name__:
                codes |= {str(m.value) for m in value if isinstance(m.value, str) and len(str(m.value)) > 2}
    return codes


CODES = _codes()


def _visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]+>", " ", html)  # tags and their attributes
    return " ".join(html.split())


def test_the_codes_searched_for_are_the_domains():
    assert {"in_progress", "formal", "commune_desk", "draft", "chairman"} <= CODES


@pytest.mark.parametrize("username", list(PAGES))
def test_no_page_shows_a_code_instead_of_its_label(client, demo, login, username):
    from sqlalchemy import select

    from audit.db import db
    from audit.models import User

    login(username)
    usernames = set(db.session.scalars(select(User.username)))  # "admin" is also an account's name
    found = {}
    for path in PAGES[username]:
        response = client.get(path)
        assert response.status_code == 200, path
        words = set(re.findall(r"[A-Za-z0-9_\-]+", _visible_text(response.get_data(as_text=True))))
        raw = sorted((words - usernames) & CODES)
        if raw:
            found[path] = raw
    assert found == {}
