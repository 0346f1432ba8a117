"""Browser tests: a real `mkdocs build` of a small project, served on localhost, driven by Chromium.

Debian's chromium is driven by Playwright's Python package; Playwright never downloads a browser
of its own. Without chromium or playwright every test here is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FOLLOW_UP, GOLD_ARTICLES, ROOT, SEED, build_site, make_project, serve

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTICLES = [SEED, FOLLOW_UP, GOLD_ARTICLES / "02_jobs_resigns_apple.txt", GOLD_ARTICLES / "07_russia_iran_bushehr.txt"]
SUB_PATH = "REPO"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium, or every browser test skipped with the reason."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (run `make browser` or "
                    "`apt-get install chromium`)")
    return CHROMIUM


@pytest.fixture(scope="session")
def built_site(chromium: Path, tmp_path_factory) -> Path:
    """The built site of a project with the seed, its follow-up and two gold articles."""
    return build_site(make_project(tmp_path_factory.mktemp("browser"), ARTICLES))



@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The site served at the root of a localhost port."""
    yield from serve(built_site)


@pytest.fixture(scope="session")
def project_path_url(built_site: Path, tmp_path_factory) -> Iterator[str]:
    """The same site served under a sub-path, as GitHub Pages serves a project site."""
    web = tmp_path_factory.mktemp("web")
    shutil.copytree(built_site, web / SUB_PATH)
    for url in serve(web):
        yield f"{url}{SUB_PATH}/"


@pytest.fixture(scope="session")
def browser(chromium: Path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: "
                                   "pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
