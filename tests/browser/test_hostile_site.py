"""The hostile articles' site in a real browser: no payload of theirs runs on any page.

The site is built from tests/data/hostile/ (see tests/test_escaping.py, which checks the HTML
without a browser) and every built page is opened in Debian's headless chromium through the
conftest's ``browser`` fixture. Each payload calls ``alert(…)``, so a payload that runs opens a
dialog, which Playwright reports; the DOM is also searched for what would run only on a click
(an ``on…`` attribute, a ``javascript:`` link). The detector is first shown to catch each kind of
payload on deliberately unsafe copies of a built page, so this test can fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import serve
from test_escaping import SVG_NAME, actor_page, build_hostile_site, page_name, read_page

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: pip install -e '.[test]'")
expect = sync_api.expect

# Run in the page after it loads: what would run on a click or a key, and script elements that
# the theme did not put there.
FIND_LATENT = """() => {
  const found = [];
  const urls = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) found.push(`${el.tagName.toLowerCase()} ${name}="${attr.value}"`);
      const value = attr.value.replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
      // Pagefind's own search form does nothing on submit: its one javascript: URL, allowed.
      const pagefindForm = el.matches(".pagefind-ui form") && name === "action" && value === "javascript:void(0);";
      if (urls.includes(name) && /^(javascript|vbscript|data):/.test(value) && !pagefindForm)
        found.push(`${el.tagName.toLowerCase()} ${name}="${attr.value}"`);
    }
  }
  for (const script of document.scripts)
    if (/alert|pwned/i.test(script.textContent)) found.push("script " + script.textContent.slice(0, 60));
  return found;
}"""

# Deliberately unsafe versions of a built page: one payload left unescaped (everywhere: in an
# attribute or in <title> a tag would not run), or the byline's first link given a handler or a
# javascript: address, as the unescaped attr_list and URL once did.
BYLINE_LINK = re.compile(r'(class="briefing-meta">.*?<a) href="[^"]*"', re.DOTALL)
UNSAFE = {
    "script": lambda page: page.replace("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
    "img-onerror": lambda page: page.replace("&lt;img src=x onerror=alert(1)&gt;", "<img src=x onerror=alert(1)>"),
    "svg-onload": lambda page: page.replace("&lt;svg onload=alert(1)&gt;", "<svg onload=alert(1)>"),
    "onclick": lambda page: BYLINE_LINK.sub(r'\1 href="#" onclick="alert(1)"', page, count=1),
    "javascript-link": lambda page: BYLINE_LINK.sub(r'\1 href="javascript:alert(document.domain)"', page, count=1),
}




@pytest.fixture(scope="module")
def hostile_site(chromium: Path, tmp_path_factory) -> Path:
    """The built hostile site, plus deliberately unsafe copies of one briefing, each a sibling of
    the briefing's folder so that its relative links and scripts still load."""
    site = build_hostile_site(tmp_path_factory.mktemp("hostile-browser")) / "site"
    pages = {p.relative_to(site).as_posix(): read_page(p) for p in site.rglob("*.html")}
    briefing = site / page_name(pages, "01_script_headline.txt")
    original = briefing.read_text(encoding="utf-8")
    for name, unsafe in UNSAFE.items():
        page = unsafe(original)
        assert page != original, name
        target = briefing.parent.parent / f"control-{name}" / "index.html"
        target.parent.mkdir()
        target.write_text(page, encoding="utf-8")
    return site


def url_of(site: Path, base: str, page: Path | str) -> str:
    return base + re.sub(r"index\.html$", "", (site / page).relative_to(site).as_posix())


def control_page(site: Path, payload: str) -> Path:
    (page,) = site.rglob(f"control-{payload}/index.html")
    return page


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    yield from serve(hostile_site)


class Detector:
    """One browser tab that opens pages and reports every payload that ran or lies in wait."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}({dialog.message}) on {self.page.url}")
        dialog.dismiss()

    def check(self, url: str) -> list[str]:
        self.dialogs.clear()
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(50)  # handlers of late errors (a broken image) have fired by now
        return self.dialogs + self.latent()

    def latent(self) -> list[str]:
        return self.page.evaluate(FIND_LATENT)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def detector(browser) -> Iterator[Detector]:
    detector = Detector(browser)
    yield detector
    detector.close()


def built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "control-" not in p.as_posix())


@pytest.mark.parametrize("payload", sorted(UNSAFE))
def test_detector_catches_an_unescaped_payload(detector: Detector, hostile_site: Path, hostile_url: str,
                                               payload: str):
    """The check below could fail: the same page with one payload left unescaped is caught."""
    found = detector.check(url_of(hostile_site, hostile_url, control_page(hostile_site, payload)))
    assert found, payload
    if payload in ("script", "img-onerror", "svg-onload"):
        assert any(item.startswith("alert(") for item in found), found


def test_no_payload_runs_on_any_page(detector: Detector, hostile_site: Path, hostile_url: str):
    names = built_pages(hostile_site)
    assert len(names) > 20
    problems = {}
    for name in names:
        found = detector.check(url_of(hostile_site, hostile_url, name))
        if found:
            problems[name] = found
    assert not problems, problems


def test_titles_show_the_original_characters(detector: Detector, hostile_site: Path, hostile_url: str):
    """What a reader sees in the tab and the header: the article's characters, escaped once."""
    page = detector.page
    pages = {p.relative_to(hostile_site).as_posix(): read_page(p) for p in hostile_site.rglob("*.html")
             if "control-" not in p.as_posix()}
    detector.check(url_of(hostile_site, hostile_url, page_name(pages, "04_plain_specials.md")))
    assert page.title() == "AT&T wins \"big\" deal, 'sources' say - Briefings"
    expect(page.locator("h1")).to_have_text(re.compile(r"^AT&T wins \"big\" deal, 'sources' say"))
    expect(page.locator("[data-md-component=header-topic]")).to_have_text(re.compile(r"AT&T wins"))
    description = page.locator("meta[name=description]").get_attribute("content") or ""
    assert description.startswith('AT&T won the "big" contract')
    svg_actor = actor_page(pages, SVG_NAME)
    actor = next(name for name, built in pages.items() if built is svg_actor)
    detector.check(url_of(hostile_site, hostile_url, actor))
    assert page.title() == f"{SVG_NAME} - Briefings"


def test_search_results_run_no_payload(detector: Detector, hostile_url: str):
    """Pagefind's UI writes result titles and excerpts into the page: they stay text too."""
    detector.check(hostile_url + "search/")
    for query in ("alert", "onerror", "script"):
        box = detector.page.locator("input.pagefind-ui__search-input")
        box.fill("")
        box.press_sequentially(query, delay=10)
        results = detector.page.locator(".pagefind-ui__result")
        expect(results.first).to_be_visible()
        detector.page.wait_for_timeout(300)
        assert not detector.dialogs and not detector.latent(), (query, detector.dialogs, detector.latent())
        expect(detector.page.locator(".pagefind-ui__results")).to_contain_text("alert(1)")

