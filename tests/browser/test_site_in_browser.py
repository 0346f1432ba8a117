"""The published site as a reader uses it: search, source links, actor pages, phone and desktop widths.

Assertions stay on stable things (an actor's name, a quote fragment, the briefing title) so that
better extractors do not break them.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from helpers import DESKTOP, PHONE, ROOT

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: pip install -e '.[test]'")
Page, expect = sync_api.Page, sync_api.expect

CARNEY_TITLE = "Mark Carney is visiting Ukraine"
README_SCREENSHOT = ROOT / "assets" / "briefing-page.png"


def open_briefing(page: Page, base: str) -> None:
    page.goto(base)
    page.get_by_role("link", name=re.compile(CARNEY_TITLE)).first.click()
    expect(page.locator("h1")).to_contain_text(CARNEY_TITLE)


def search(page: Page, text: str):
    """Open the search page from the header and type as a reader would; returns the results."""
    page.locator("a[data-md-component='pagefind-link']").click()
    box = page.locator("input.pagefind-ui__search-input")
    expect(box).to_be_visible()
    box.fill("")
    box.press_sequentially(text, delay=20)
    results = page.locator(".pagefind-ui__results")
    expect(results.locator(".pagefind-ui__result").first).to_be_visible()
    return results


def test_search_finds_a_briefing_by_actor_and_by_quote_fragment(page: Page, site_url: str):
    page.goto(site_url)
    results = search(page, "Mark Carney")
    expect(results).to_contain_text(CARNEY_TITLE)
    expect(results.locator("a[href*='actors/mark-carney/']").first).to_be_attached()
    results = search(page, "fluid situation")
    expect(results).to_contain_text(CARNEY_TITLE)
    results.locator("a.pagefind-ui__result-link").filter(has_text=CARNEY_TITLE).first.click()
    expect(page.locator("h1")).to_contain_text(CARNEY_TITLE)


def test_search_finds_a_briefing_by_place(page: Page, site_url: str):
    page.goto(site_url)
    expect(search(page, "Warsaw")).to_contain_text(CARNEY_TITLE)


def test_key_fact_source_link_opens_the_fold_and_highlights_the_sentence(page: Page, site_url: str):
    open_briefing(page, site_url)
    fold = page.locator("details", has=page.locator("#s-0"))
    expect(fold).not_to_have_attribute("open", "")
    link = page.locator("h2#key-facts + ol a.source").first
    target = "#" + (link.get_attribute("href") or "").partition("#")[2]
    assert target.startswith("#s-")
    link.click()
    sentence = page.locator(target)
    expect(sentence).to_be_visible()
    expect(sentence).to_have_class(re.compile(r"\bis-target\b"))
    expect(sentence).to_be_in_viewport()
    background = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background


def test_quote_link_from_another_page_lands_on_the_highlighted_sentence(page: Page, site_url: str):
    page.goto(site_url + "quotes/")
    page.locator("#quote-filter").press_sequentially("carney")
    expect(page.locator(".speaker-quotes:visible")).to_have_count(1)
    quote = page.locator(".speaker-quotes:visible figure", has_text="fluid situation")
    quote.locator("figcaption a[href*='#s-']").first.click()
    expect(page.locator("h1")).to_contain_text(CARNEY_TITLE)
    sentence = page.locator(".sentence.is-target")
    expect(sentence).to_contain_text("fluid situation")
    expect(sentence).to_be_in_viewport()


def test_actor_page_opens_from_a_briefing(page: Page, site_url: str):
    open_briefing(page, site_url)
    page.locator("table", has=page.locator("th", has_text="First seen")).get_by_role("link", name="Mark Carney").click()
    expect(page.locator("h1")).to_contain_text("Mark Carney")
    expect(page.locator("article")).to_contain_text(CARNEY_TITLE)


def test_site_works_under_a_project_path(page: Page, project_path_url: str):
    failures: list[str] = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(project_path_url)
    expect(page.locator(".md-header")).to_be_visible()
    assert page.locator("link[rel=stylesheet][href*='extra.css']").count() == 1
    feed = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    assert feed and page.request.get(urljoin(page.url, feed)).ok
    open_briefing(page, project_path_url)
    assert page.url.startswith(project_path_url)
    expect(search(page, "Mark Carney")).to_contain_text(CARNEY_TITLE)
    assert not failures, failures


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshots_of_home_and_briefing(browser, site_url: str, artifacts: Path, width: dict):
    name = "phone" if width is PHONE else "desktop"
    context = browser.new_context(viewport=width, device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(site_url)
        expect(page.locator(".briefing-cards")).to_be_visible()
        page.screenshot(path=artifacts / f"home-{name}.png", full_page=True)
        open_briefing(page, site_url)
        page.screenshot(path=artifacts / f"briefing-{name}.png")
        page.screenshot(path=artifacts / f"briefing-{name}-full.png", full_page=True)
        if name == "desktop" and os.environ.get("UPDATE_SCREENSHOT") == "1":
            README_SCREENSHOT.parent.mkdir(exist_ok=True)
            shutil.copy(artifacts / f"briefing-{name}.png", README_SCREENSHOT)
        # No sideways scrolling at any width.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        if name == "desktop":
            for path in ("quotes/", "timeline/", "actors/", "actors/mark-carney/"):
                page.goto(site_url + path)
                page.screenshot(path=artifacts / f"{path.strip('/').replace('/', '-')}-{name}.png", full_page=True)
    finally:
        context.close()


def test_dark_palette_screenshot(browser, site_url: str, artifacts: Path):
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    page = context.new_page()
    try:
        open_briefing(page, site_url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.screenshot(path=artifacts / "briefing-desktop-dark.png")
    finally:
        context.close()


def test_an_inferred_speaker_is_flagged_for_the_editor(page: Page, site_url: str):
    """The reader sees which attributions to check: the flag is visible beside the speaker, and says why."""
    open_briefing(page, site_url)
    flag = page.locator("figure.quote figcaption .attribution-check").first
    expect(flag).to_be_visible()
    expect(flag).to_have_text(re.compile(r"(inferred|unattributed) — check"))
    assert "check before publishing" in (flag.get_attribute("title") or "")
