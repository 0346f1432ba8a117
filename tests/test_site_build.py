"""End to end: a real project folder on disk, a real `mkdocs build`, the built HTML checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FOLLOW_UP, GOLD_ARTICLES, SEED, make_project, tree_bytes

JOBS = GOLD_ARTICLES / "02_jobs_resigns_apple.txt"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project, capture_output=True, text=True, env=ENV, check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def briefing_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args, "--project", str(project)],
        cwd=project, capture_output=True, text=True, env=ENV, check=False,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("site"), [SEED, JOBS, FOLLOW_UP])
    mkdocs_build(project)
    return project


def page_of(project: Path, stem_start: str) -> Path:
    matches = sorted((project / "briefings").glob(f"*/{stem_start}*.md"))
    assert len(matches) == 1, matches
    return matches[0]


def html_of(project: Path, markdown: Path) -> str:
    relative = markdown.relative_to(project / "briefings").with_suffix("")
    return (project / "site" / relative / "index.html").read_text(encoding="utf-8")


def test_each_article_gets_a_briefing_page_with_its_quotes_and_actors(built):
    html = html_of(built, page_of(built, "000-fb56c33a"))
    assert "There has to be security on the land" in html
    assert "Mark Carney" in html
    assert "Volodymyr Zelenskiy" in html
    assert 'id="s-0"' in html and 'href="#s-5"' in html


def test_pagefind_indexes_briefings_and_actor_pages_but_not_the_chrome(built):
    entry = json.loads((built / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = entry["languages"]["en"]["page_count"]
    html_pages = list((built / "site").rglob("*.html"))
    searchable = [p for p in html_pages if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert indexed == len(searchable)
    assert {p.parent.name for p in searchable} >= {"mark-carney", "volodymyr-zelenskiy"}
    assert not any(p.parent.name in ("quotes", "search", "archive") for p in searchable)
    assert (built / "site" / "pagefind" / "pagefind-ui.js").exists()
    page = html_of(built, page_of(built, "000-fb56c33a"))
    body = page[page.index("data-pagefind-body"):]
    for phrase in ("fluid situation", "Mark Carney", "Volodymyr Zelenskiy"):
        assert phrase in body, phrase
    assert "md-header" not in body


def test_home_lists_briefings_newest_first_with_dates_and_summaries(built):
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    carney, jobs = home.find("2025-08-24"), home.find("2011-08-24")
    assert 0 <= carney < jobs
    assert "Mark Carney is visiting Ukraine" in home
    assert (built / "site" / "archive" / "2011-08" / "index.html").exists()


def test_second_build_rewrites_nothing_and_is_byte_identical(built):
    before = tree_bytes(built / "briefings")
    mtimes = {p: p.stat().st_mtime_ns for p in (built / "briefings").rglob("*.md")}
    site_before = tree_bytes(built / "site")
    mkdocs_build(built)
    assert tree_bytes(built / "briefings") == before
    assert {p: p.stat().st_mtime_ns for p in (built / "briefings").rglob("*.md")} == mtimes
    after = tree_bytes(built / "site")
    for name in site_before:
        if name.endswith((".html", ".json")):
            assert after[name] == site_before[name], name


def test_editing_one_article_regenerates_only_that_briefing(tmp_path):
    project = make_project(tmp_path, [SEED, JOBS])
    assert briefing_cli(project, "build").returncode == 0
    carney = page_of(project, "000-fb56c33a")
    carney_mtime = carney.stat().st_mtime_ns
    seed = project / "seeds" / JOBS.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\nApple shares fell 5 percent after the news.\n",
                    encoding="utf-8")
    result = briefing_cli(project, "build")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 analysed, 1 from cache")
    written = [line for line in result.stdout.splitlines() if line.startswith("written:")]
    assert any("02-jobs-resigns" in line for line in written)
    assert not any("000-fb56c33a" in line for line in written)
    assert carney.stat().st_mtime_ns == carney_mtime
    assert "Apple shares fell 5 percent" in page_of(project, "02-jobs-resigns").read_text(encoding="utf-8")


def test_deleting_an_article_removes_only_generated_pages(tmp_path):
    project = make_project(tmp_path, [SEED, JOBS])
    (project / "briefings" / "about.md").write_text("# About\n", encoding="utf-8")
    assert briefing_cli(project, "build").returncode == 0
    jobs_page = page_of(project, "02-jobs-resigns")
    (project / "seeds" / JOBS.name).unlink()
    result = briefing_cli(project, "build")
    assert result.returncode == 0, result.stderr
    assert not jobs_page.exists()
    assert (project / "briefings" / "about.md").read_text(encoding="utf-8") == "# About\n"
    assert page_of(project, "000-fb56c33a").exists()


def test_extract_prints_the_json_contract(tmp_path):
    result = briefing_cli(tmp_path, "extract", str(SEED), "--format", "json")
    assert result.returncode == 0, result.stderr
    (briefing,) = json.loads(result.stdout)
    assert briefing["id"] == SEED.stem
    assert briefing["date"] == "2025-08-24"
    sentences = briefing["sentences"]
    for key in ("key_facts", "quotes", "open_questions", "timeline", "figures"):
        for item in briefing[key]:
            assert 0 <= item["sentence"] < len(sentences), key
    for quote in briefing["quotes"]:
        assert set(quote) >= {"text", "speaker", "role", "partial", "sentence"}
        assert quote["text"] in " ".join(sentences)
    for actor in briefing["actors"]:
        assert actor["type"] in {"person", "organization", "country", "place", "group"}
        assert set(actor) >= {"name", "aliases", "role", "mentions"}


def test_extract_markdown_uses_the_template(tmp_path):
    project = make_project(tmp_path, [])
    result = briefing_cli(project, "extract", str(SEED), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("---\ntitle: ")
    assert "## Source text" in result.stdout


def test_actor_pages_are_built_linked_and_searchable(built):
    briefing = html_of(built, page_of(built, "000-fb56c33a"))
    assert 'href="../../actors/mark-carney/"' in briefing
    actor = (built / "site" / "actors" / "mark-carney" / "index.html").read_text(encoding="utf-8")
    assert "Mark Carney is visiting Ukraine" in actor
    assert "data-pagefind-body" in actor
    by_type = (built / "site" / "actors" / "index.html").read_text(encoding="utf-8")
    assert by_type.find("Volodymyr Zelenskiy") < by_type.find("Kyiv")


def test_an_actor_of_one_briefing_has_no_page_and_the_index_links_its_briefing(built):
    """Pages for actors two or more briefings name; the others live in their briefing."""
    jobs = html_of(built, page_of(built, "02-jobs-resigns"))
    assert "Tim Cook" in jobs and "actors/tim-cook/" not in jobs
    assert not (built / "briefings" / "actors" / "tim-cook.md").exists()
    assert (built / "briefings" / "actors" / "mark-carney.md").exists()
    index = (built / "briefings" / "actors" / "index.md").read_text(encoding="utf-8")
    (line,) = [line for line in index.splitlines() if line.startswith("- Tim Cook")]
    assert "(../2011/02-jobs-resigns-apple.md#actors)" in line
    (line,) = [line for line in index.splitlines() if line.startswith("- [Mark Carney]")]
    assert "(../actors/mark-carney.md) · 2 briefings" in line


def test_an_empty_section_is_left_out_of_the_page_and_its_contents_list(tmp_path):
    """Issue 15: a short note with no figures, timeline or open questions shows none of those
    sections (no "None found."), and the in-page contents list only what is there."""
    note = tmp_path / "short_note.txt"
    note.write_text("Maria Alvarez opened the new library in Springfield.\n\n"
                    "\u201cIt is a place for everyone,\u201d Alvarez said.\n", encoding="utf-8")
    project = make_project(tmp_path, [note])
    result = briefing_cli(project, "build")
    assert result.returncode == 0, result.stderr
    text = page_of(project, "short-note").read_text(encoding="utf-8")
    assert "## Quotes" in text and "## Actors" in text and "(#quotes)" in text
    for heading, anchor in (("## Figures", "#figures"), ("## Timeline", "#timeline"),
                            ("## Open questions", "#open-questions")):
        assert heading not in text and f"({anchor})" not in text
    assert "None found" not in text and "No figures" not in text and "No dated events" not in text
