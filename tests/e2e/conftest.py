"""Browser tests: Debian's Chromium driven by Playwright (never a downloaded browser)."""

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

TABLET_LANDSCAPE = {"width": 1280, "height": 800}
TABLET_PORTRAIT = {"width": 800, "height": 1280}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: ./test.sh installs it (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": TABLET_LANDSCAPE, "device_scale_factor": 1.5,
            "has_touch": True, "is_mobile": True, "locale": "vi-VN"}


@pytest.fixture
def shot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take


def menu(page, name: str | None = None, *, selector: str | None = None) -> None:
    """Tap an entry of the main menu as a person would: on a tablet the compact header opens the menu first."""
    nav = page.locator("#mainnav")
    # the page is there before the toggle is looked at: ``is_visible`` does not wait, and under load a page still
    # loading after a login answered "not visible", the menu stayed closed and its link never became tappable
    nav.wait_for(state="attached")
    toggle = page.locator("#menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.tap()
    (nav.locator(selector) if selector else nav.get_by_role("link", name=name, exact=True)).tap()
