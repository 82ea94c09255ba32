"""One seeded Engram server and one headless Chromium for the dashboard tests; each test
gets a fresh browser context (its own session storage)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("playwright")

from tests.dashboard.harness import CHROMIUM, Site, chromium, seeded_site  # noqa: E402

# The same lookup as the Makefile's `command -v chromium` (harness.CHROMIUM).
if not CHROMIUM:
    pytest.skip("Debian's chromium is not on PATH (apt-get install chromium; make test "
                "installs it)", allow_module_level=True)


# Module scope, not session: Playwright's sync API marks an event loop as running on the
# main thread while it is open, which would break later tests that call asyncio.run.
@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with seeded_site(tmp_path_factory.mktemp("dashboard")) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def _page(browser: Any, width: int, height: int) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop-sized page (1280x800)."""
    yield from _page(browser, 1280, 800)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page (390x844)."""
    yield from _page(browser, 390, 844)
