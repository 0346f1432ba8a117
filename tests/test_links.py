"""No broken links: every internal link and #anchor of the built site resolves, the feed's too."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from helpers import GOLD_ARTICLES, SEED, SITE, broken_links, make_project, parse, target_file

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("links"), [SEED, GOLD_ARTICLES / "02_jobs_resigns_apple.txt"])
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], check=False, cwd=project,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_internal_link_and_anchor_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    assert broken_links(site) == []


def test_link_checker_reports_a_missing_page_and_a_missing_anchor(site, tmp_path):
    copy = tmp_path / "site"
    copy.mkdir()
    (copy / "index.html").write_text('<a href="gone/">x</a> <a href="#nowhere">y</a> <p id="here"></p>'
                                     '<a href="#here">z</a>', encoding="utf-8")
    assert broken_links(copy) == ["index.html: gone/ (no such file)", "index.html: #nowhere (no #nowhere there)"]


def test_briefing_source_links_point_at_sentences(site):
    (briefing,) = site.glob("2025/*/index.html")
    parsed = parse(briefing)
    sources = [link for link in parsed.links if link.startswith("#s-")]
    assert sources and all(link[1:] in parsed.ids for link in sources)


def test_cross_article_pages_and_404_are_built(site):
    for page in ("quotes/index.html", "timeline/index.html", "actors/index.html", "archive/index.html", "404.html"):
        assert (site / page).is_file(), page


def test_404_page_links_resolve_from_any_depth_and_stay_out_of_search(site):
    """The 404 page is served for any missing URL: its links must not depend on where it is.

    Built without a site_url, as here, MkDocs makes them absolute from the host's root; with one
    (the Pages workflow) from its path: tests/browser/test_not_found_page.py serves both.
    """
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1 id=\"page-not-found\">Page not found</h1>" in html
    assert "data-pagefind-body" not in html
    links = [link for link in parse(site / "404.html").links if not link.startswith("#")]
    for deep in (SITE, urljoin(SITE, "no/such/page/"), urljoin(SITE, "a/b/c/d.html")):
        targets = {urldefrag(urljoin(deep, link))[0] for link in links}
        assert [url for url in targets if url.startswith(SITE) and target_file(site, url) is None] == [], deep
        assert {urljoin(SITE, path) for path in ("", "archive/", "actors/", "search/")} <= targets, deep


def test_feed_lists_each_briefing_with_a_link_that_resolves(site):
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][:1] == [
        "Mark Carney is visiting Ukraine for the first time as Canada’s prime minister"]
    assert len(entries) == 2
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert target_file(site, urljoin(SITE, href)) is not None, href
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Briefings" href="feed.xml">' in home
