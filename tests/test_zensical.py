"""The same project built with Zensical, the Material team's successor to MkDocs.

Zensical reads mkdocs.yml but runs no MkDocs plugins, so `briefing site --engine zensical`
runs our steps around it: the briefings before, the feed and the Pagefind index after. Both
engines are real builds here, of the same small project, and must give the same site.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from helpers import GOLD_ARTICLES, SEED, SITE, broken_links, build_site, make_project, target_file

ATOM = "{http://www.w3.org/2005/Atom}"
ARTICLES = [SEED, GOLD_ARTICLES / "02_jobs_resigns_apple.txt", GOLD_ARTICLES / "05_liberia_ebola_patient.txt"]


def zensical_site(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "site", "--engine", "zensical", "--strict"],
                          cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "CI": "1"})


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> tuple[Path, Path]:
    """The same project built by each engine: (zensical project, mkdocs project)."""
    zensical = make_project(tmp_path_factory.mktemp("zensical"), ARTICLES)
    result = zensical_site(zensical)
    assert result.returncode == 0, result.stderr + result.stdout
    mkdocs = make_project(tmp_path_factory.mktemp("mkdocs"), ARTICLES)
    build_site(mkdocs)
    return zensical, mkdocs


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_zensical_builds_every_page_mkdocs_builds(projects):
    zensical, mkdocs = projects
    pages = html_pages(zensical / "site")
    assert len([p for p in pages if p.startswith("20")]) == len(ARTICLES)
    assert {"index.html", "404.html", "actors/index.html", "quotes/index.html", "timeline/index.html",
            "archive/index.html", "search/index.html", "review/index.html"} <= pages
    assert pages == html_pages(mkdocs / "site")


def test_the_briefing_markdown_is_the_same_for_both_engines(projects):
    zensical, mkdocs = projects
    for page in sorted((mkdocs / "briefings").rglob("*.md")):
        relative = page.relative_to(mkdocs / "briefings")
        assert (zensical / "briefings" / relative).read_bytes() == page.read_bytes(), relative


def test_zensical_site_has_no_broken_link_or_anchor(projects):
    zensical, _ = projects
    assert broken_links(zensical / "site") == []


def test_zensical_briefing_page_keeps_its_sections_and_source_links(projects):
    zensical, _ = projects
    html = next((zensical / "site").glob("2025/*/index.html")).read_text(encoding="utf-8")
    for section in ("key-facts", "quotes", "actors", "source-text"):
        assert f'id="{section}"' in html, section
    assert 'class="source"' in html and 'id="s-1"' in html
    assert "data-pagefind-body" in html
    # Page titles go through partials/escape.html, which Zensical's template engine must run.
    assert "<title>Mark Carney is visiting Ukraine" in html


def test_zensical_site_has_the_feed_with_links_that_resolve(projects):
    zensical, _ = projects
    feed = ET.parse(zensical / "site" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(ARTICLES)
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert target_file(zensical / "site", urljoin(SITE, href)) is not None, href


def test_zensical_site_is_searchable(projects):
    zensical, mkdocs = projects
    entry = json.loads((zensical / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    same = json.loads((mkdocs / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = entry["languages"]["en"]["page_count"]
    assert indexed >= len(ARTICLES)
    assert indexed == same["languages"]["en"]["page_count"]


def test_a_removed_article_leaves_the_zensical_site(projects, tmp_path):
    zensical, _ = projects
    project = tmp_path / "project"
    shutil.copytree(zensical, project)
    (project / "seeds" / ARTICLES[-1].name).unlink()
    result = zensical_site(project)
    assert result.returncode == 0, result.stderr
    pages = html_pages(project / "site")
    assert len([p for p in pages if p.startswith("20")]) == len(ARTICLES) - 1
    feed = ET.parse(project / "site" / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == len(ARTICLES) - 1


def test_a_broken_configuration_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator.cli", "site", "--engine", "zensical",
                             "--config-file", str(tmp_path / "missing.yml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "missing.yml: no such configuration file" in result.stderr
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "site", "--engine", "zensical",
                             "--config-file", str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"error: {broken}: MkDocs encountered an error parsing the configuration file" in result.stderr
    assert "Traceback" not in result.stderr
