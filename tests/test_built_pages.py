"""A `mkdocs build` reuses the HTML of pages whose inputs did not change (generator/built_pages.py).

Reuse must never show: a site built with it is byte for byte the site built from scratch,
whatever changed in between (an article, a theme override, a page damaged by hand).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FOLLOW_UP, GOLD_ARTICLES, SEED, built_site, make_project

ARTICLES = [SEED, FOLLOW_UP, GOLD_ARTICLES / "02_jobs_resigns_apple.txt"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
REUSED = re.compile(r"briefings: (\d+) pages unchanged since the last build, reused")


def mkdocs_build(project: Path) -> int:
    """A real strict build; the number of pages it reused."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
    match = REUSED.search(result.stderr)
    return int(match.group(1)) if match else 0


def site_files(project: Path) -> dict[str, bytes]:
    return built_site(project / "site")


def from_scratch(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """The same project built with no cache and no earlier site."""
    copy = tmp_path / "scratch"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".briefing-cache"))
    assert mkdocs_build(copy) == 0
    return site_files(copy)


@pytest.fixture()
def project(tmp_path) -> Path:
    project = make_project(tmp_path, ARTICLES)
    assert mkdocs_build(project) == 0  # nothing to reuse the first time
    return project


def html_pages(project: Path) -> int:
    return len(list((project / "site").rglob("*.html")))


def test_a_build_with_nothing_changed_reuses_every_page_and_the_search_index(project, tmp_path):
    before = site_files(project)
    reused = mkdocs_build(project)
    assert reused == html_pages(project) - 1  # all but 404.html, a theme page MkDocs always renders
    after = site_files(project)
    assert after == before
    assert any(name.startswith("pagefind/") for name in after)
    assert not (project / ".briefing-cache" / "last-site").exists()


def test_a_changed_article_rebuilds_its_pages_and_the_site_equals_a_fresh_build(project, tmp_path):
    seed = project / "seeds" / FOLLOW_UP.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\nCarney said on Tuesday the talks would go on.\n",
                    encoding="utf-8")
    reused = mkdocs_build(project)
    assert 0 < reused < html_pages(project) - 1
    assert site_files(project) == from_scratch(project, tmp_path)


def test_a_changed_theme_override_rebuilds_every_page(project, tmp_path):
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{# a comment that changes nothing shown #}\n",
                    encoding="utf-8")
    assert mkdocs_build(project) == 0


def test_a_page_damaged_in_the_site_folder_is_built_again(project, tmp_path):
    page = next((project / "site" / "2025").glob("*/index.html"))
    page.write_text("damaged", encoding="utf-8")
    reused = mkdocs_build(project)
    assert reused == html_pages(project) - 2
    assert site_files(project) == from_scratch(project, tmp_path)


def test_reuse_can_be_turned_off(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      search: pagefind\n",
                                                                 "      search: pagefind\n      reuse_pages: false\n"),
                      encoding="utf-8")
    assert "reuse_pages: false" in config.read_text(encoding="utf-8")
    assert mkdocs_build(project) == 0
