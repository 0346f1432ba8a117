"""The reader's side of a briefing on a phone, on paper and offline: the in-page contents, tap
targets, no sideways scrolling, the byline with its source credit, print length, and no request
to any other origin.

A project of its own: the seed article, the longest development gold article (the print-length
case) and a fixture article carrying every credit field (url, author, publisher, tags).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import DESKTOP, GOLD_ARTICLES, PHONE, SEED, build_site, make_project, serve

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: pip install -e '.[test]'")
Page, expect = sync_api.Page, sync_api.expect

CREDITED = Path(__file__).parent / "data" / "harbour_ferry_credited.md"
CREDITED_PAGE = "2025/harbour-ferry-credited/"
LONGEST_GOLD = max(sorted(GOLD_ARTICLES.glob("*.txt")), key=lambda path: len(path.read_text(encoding="utf-8")))
MAX_PRINTED_PAGES = 4
TAP_TARGET_PX = 24


@pytest.fixture(scope="module")
def layout_site(chromium: Path, tmp_path_factory) -> Path:
    return build_site(make_project(tmp_path_factory.mktemp("layout"), [SEED, LONGEST_GOLD, CREDITED]))


@pytest.fixture(scope="module")
def layout_url(layout_site: Path) -> Iterator[str]:
    yield from serve(layout_site)


def page_of(site: Path, source_name: str) -> str:
    """The site path of the briefing built from a seed file (found by the seed path it shows)."""
    for html in sorted(site.glob("*/*/index.html")):
        if f"seeds/{source_name}" in html.read_text(encoding="utf-8"):
            return html.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no briefing page for {source_name}")


@pytest.fixture(scope="module")
def longest_page(layout_site: Path) -> str:
    return page_of(layout_site, LONGEST_GOLD.name)


@pytest.fixture
def phone(browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_phone_gets_an_in_page_table_of_contents_that_scrolls_to_each_section(phone: Page, layout_url: str,
                                                                                longest_page: str):
    contents = phone.locator("nav.page-toc")
    for section in ("timeline", "actors", "figures"):
        # A fresh load for each: after a jump the contents are off screen, and scrolling back while
        # instant navigation may still be scrolling races with it.
        phone.goto(layout_url + longest_page)
        expect(contents).to_be_visible()
        expect(phone.locator(".md-sidebar--secondary")).to_be_hidden()
        heading = phone.locator(f"h2#{section}")
        expect(heading).not_to_be_in_viewport()
        contents.locator(f"a[href$='#{section}']").tap()
        expect(heading).to_be_in_viewport()
    expect(contents).to_contain_text(re.compile(r"Quotes\s*\d+"))


def test_a_wide_screen_shows_only_the_sidebar_table_of_contents(page: Page, layout_url: str, longest_page: str):
    page.set_viewport_size(DESKTOP)
    page.goto(layout_url + longest_page)
    expect(page.locator(".md-sidebar--secondary .md-nav__link").first).to_be_visible()
    expect(page.locator("nav.page-toc")).to_be_hidden()


def test_source_links_are_finger_sized_on_a_phone(phone: Page, layout_url: str, longest_page: str):
    phone.goto(layout_url + longest_page)
    links = phone.locator("article a.source:visible")
    assert links.count() > 20
    sizes = links.evaluate_all("links => links.map(a => { const r = a.getBoundingClientRect();"
                               " return [a.textContent, r.width, r.height]; })")
    small = [size for size in sizes if size[1] < TAP_TARGET_PX or size[2] < TAP_TARGET_PX]
    assert not small, small[:5]


@pytest.mark.parametrize("path", ["", "LONGEST", CREDITED_PAGE, "actors/", "actors/elizabeth-prelogar/",
                                  "quotes/", "timeline/", "review/", "archive/"])
def test_no_page_scrolls_sideways_on_a_phone(phone: Page, layout_url: str, longest_page: str, path: str):
    """Neither the page nor any table in it is wider than a 390 px screen (Material scrolls a wide
    table inside its own box, which hides columns as surely as a wide page)."""
    phone.goto(layout_url + (longest_page if path == "LONGEST" else path))
    expect(phone.locator("article")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wide = phone.locator(".md-typeset__scrollwrap, .md-typeset__table").evaluate_all(
        "boxes => boxes.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => [b.scrollWidth, b.clientWidth])")
    assert not wide, wide


def test_the_byline_credits_publisher_author_and_original_article(page: Page, layout_url: str):
    page.goto(layout_url + CREDITED_PAGE)
    byline = page.locator("p.briefing-meta")
    expect(byline.locator(".byline-publisher")).to_have_text("The Coastal Ledger")
    expect(byline.locator(".byline-author")).to_have_text("By Priya Natarajan")
    original = byline.get_by_role("link", name="original article")
    expect(original).to_have_attribute("href", "https://news.example.org/2025/03/harbour-ferry-returns")
    expect(page.locator("p.briefing-tags .md-tag")).to_have_text(["transport", "local news"])
    # The seed file is on a quiet line of its own: smaller and lighter than the byline.
    seed = page.locator("p.briefing-seed")
    expect(seed).to_contain_text("seeds/harbour_ferry_credited.md")
    expect(byline).not_to_contain_text("seeds/")
    font = "el => parseFloat(getComputedStyle(el).fontSize)"
    assert seed.evaluate(font) < byline.evaluate(font)
    # The byline sits under the headline, not inside it.
    assert byline.evaluate("el => el.closest('h1') === null")


def test_a_briefing_without_credits_shows_no_empty_byline(page: Page, layout_url: str, longest_page: str):
    """The longest gold article is a .txt seed with no date, author, publisher, address or tags."""
    page.goto(layout_url + longest_page)
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("p.briefing-meta")).to_have_count(0)
    expect(page.locator("p.briefing-tags")).to_have_count(0)
    expect(page.locator("p.briefing-seed")).to_contain_text(f"seeds/{LONGEST_GOLD.name}")


def printed_pages(page: Page) -> int:
    """Pages of the A4 PDF Chromium prints (with Material's before-print handling, which opens folds)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))


def test_the_longest_gold_article_prints_on_at_most_four_a4_pages(page: Page, layout_url: str, longest_page: str):
    page.goto(layout_url + longest_page)
    expect(page.locator("h1")).to_be_visible()
    pages = printed_pages(page)
    print(f"{LONGEST_GOLD.name}: {pages} A4 pages")  # shown by `pytest -rP`
    assert 1 <= pages <= MAX_PRINTED_PAGES, f"{LONGEST_GOLD.name} prints on {pages} A4 pages"
    # Asked for, the article text prints too: open the fold as a reader does.
    page.locator("details.source-text > summary").click()
    expect(page.locator("#s-0")).to_be_visible()
    assert printed_pages(page) > pages


def test_print_leaves_out_the_chrome_and_the_folded_text_and_keeps_headings_with_their_content(
        page: Page, layout_url: str, longest_page: str):
    page.goto(layout_url + longest_page)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-footer", "nav.page-toc", "a[data-md-component='pagefind-link']"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("details.source-text")).to_be_hidden()
    expect(page.locator("h2#source-text")).to_be_hidden()
    expect(page.locator("h2#key-facts")).to_be_visible()
    breaks = page.locator("article h2, article h3").evaluate_all(
        "headings => headings.map(h => getComputedStyle(h).breakAfter)")
    assert breaks and set(breaks) == {"avoid"}, breaks
    quote = page.locator("figure.quote").first
    assert quote.evaluate("el => getComputedStyle(el).breakInside") == "avoid"


def test_no_request_leaves_the_sites_origin(page: Page, layout_url: str, longest_page: str):
    """Home, a briefing, an actor page and a search: every request goes to the site itself (no
    font service, no CDN), so the site works offline and tells no third party who reads it."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(layout_url))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", longest_page, CREDITED_PAGE, "actors/tomas-brandt/", "actors/"):
        page.goto(layout_url + path)
        page.wait_for_load_state("networkidle")
    page.goto(layout_url + "search/")
    box = page.locator("input.pagefind-ui__search-input")
    box.press_sequentially("ferry", delay=20)
    expect(page.locator(".pagefind-ui__result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    elsewhere = sorted({url for url in requested
                        if not url.startswith(origin + "/") and not url.startswith(("data:", "blob:"))})
    assert len(requested) > 10
    assert not elsewhere, elsewhere
