"""A missing address gets the site's own 404 page, styled and with working links, at any depth.

GitHub Pages answers any URL it has no file for with the site's 404.html and status 404; the
test server does the same (tests/helpers.py ``QuietHandler``). MkDocs renders that page once for
every depth, with absolute links under site_url's path (``/`` without a site_url), so:

* at the root of a host (``site_url`` fixture: built without SITE_URL, as locally) and
* under a project path as the Pages workflow publishes it (``pages_url``: built with SITE_URL set
  to the address it is served at, ``…/REPO/``, as .github/workflows/pages.yml does),

a reader who mistyped a deep URL sees the header with its search link, the tabs and "Page not
found", with the site's styles, and gets back to the home page in one click. Without a site_url
a sub-path site's 404 page cannot know its own prefix, so ``project_path_url`` (built without
SITE_URL) is not a case a published site meets; mkdocs.yml says so beside site_url.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SEED, build_site, make_project, serve

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: pip install -e '.[test]'")
Page, expect = sync_api.Page, sync_api.expect

MISSING = "no/such/page/"
# A GitHub Pages project path, as conftest's SUB_PATH (not imported: ``conftest`` may name
# tests/conftest.py, which is on the path too).
SUB_PATH = "REPO"
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


@pytest.fixture(scope="session")
def pages_url(chromium: Path, tmp_path_factory) -> Iterator[str]:
    """The site as GitHub Pages publishes it: under /REPO/, built with SITE_URL set to that address.

    The server starts first, on an empty folder, so the build knows the port it will be served at.
    """
    web = tmp_path_factory.mktemp("pages-web")
    for url in serve(web):
        address = f"{url}{SUB_PATH}/"
        site = build_site(make_project(tmp_path_factory.mktemp("pages"), [SEED]), SITE_URL=address)
        shutil.copytree(site, web / SUB_PATH)
        yield address


@pytest.fixture(params=["site_url", "pages_url"], ids=["root", "project-path"])
def base(request: pytest.FixtureRequest) -> str:
    """The home page's address: the site at a host's root, then under a GitHub Pages project path."""
    return request.getfixturevalue(request.param)


def open_missing(page: Page, base: str) -> list[str]:
    """Open a missing deep URL; returns every other request that failed (styles, scripts, icons)."""
    failures: list[str] = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.url != base + MISSING else None)
    response = page.goto(base + MISSING)
    assert response is not None and response.status == 404
    return failures


def test_a_missing_deep_url_gets_the_styled_404_page_with_header_and_tabs(page: Page, base: str):
    failures = open_missing(page, base)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("a[data-md-component='pagefind-link']")).to_be_visible()
    expect(page.locator(".md-tabs")).to_be_visible()
    expect(page).to_have_title("Page not found - Briefings")
    header = page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header not in TRANSPARENT, header
    assert not failures, failures


def test_the_404_page_links_lead_home_and_to_archive_actors_and_search(page: Page, base: str):
    open_missing(page, base)
    for name, path in (("Archive", "archive/"), ("Actors", "actors/"), ("Search", "search/")):
        link = page.locator("article").get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        target = page.request.get(base + path)
        assert link.evaluate("a => a.href") == base + path and target.ok, (name, target.status)
    page.locator("article").get_by_role("link", name="Latest briefings").click()
    expect(page.locator(".briefing-cards")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Latest briefings")
    assert page.url == base


def test_the_header_search_link_of_the_404_page_opens_search(page: Page, base: str):
    open_missing(page, base)
    page.locator("a[data-md-component='pagefind-link']").click()
    expect(page.locator("input.pagefind-ui__search-input")).to_be_visible()
    assert page.url == base + "search/"
