"""Nothing a user wrote is lost: hand edits, overrides, seeds, interrupted and concurrent builds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import GOLD_ARTICLES, SEED, make_project, tree_bytes

from generator.pipeline import Project, build
from generator.write import Ownership, ownership

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}


def briefing_page(project: Path) -> Path:
    (page,) = (project / "briefings" / "2025").glob("*.md")
    return page


def test_a_hand_edit_is_kept_with_a_warning_until_forced(tmp_path, nlp):
    project = make_project(tmp_path, [SEED])
    build(Project.at(project), nlp_factory=lambda: nlp)
    page = briefing_page(project)
    edited = page.read_text(encoding="utf-8").replace("## Key facts", "## Key facts\n\nEditor's note.")
    page.write_text(edited, encoding="utf-8")
    (project / "templates" / "briefing.md.j2").write_text(
        (project / "templates" / "briefing.md.j2").read_text(encoding="utf-8") + "\nNew footer.\n",
        encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert not report.ok
    assert any("edited by hand" in note and page.name in note for note in report.kept)
    assert page.read_text(encoding="utf-8") == edited
    forced = build(Project.at(project), nlp_factory=lambda: nlp,
                   force=[page.relative_to(project / "briefings").as_posix()])
    assert "New footer." in page.read_text(encoding="utf-8")
    assert ownership(page) is Ownership.GENERATED
    assert forced.ok


def test_overrides_in_front_matter_survive_regeneration(tmp_path, nlp):
    project = make_project(tmp_path, [])
    body = SEED.read_text(encoding="utf-8").split(" ", 2)[2]
    (project / "seeds" / "carney.md").write_text(
        "---\n"
        "title: Carney in Kyiv\n"
        "date: 2025-08-24\n"
        "overrides:\n"
        "  actors:\n"
        "    drop: [Latvia]\n"
        "    role: {Mark Carney: Prime Minister of Canada}\n"
        "  questions:\n"
        "    add: [{question: Will Canada send troops to Ukraine?, sentence: 3}]\n"
        "---\n" + body, encoding="utf-8")
    for _ in range(2):
        report = build(Project.at(project), nlp_factory=lambda: nlp)
        assert report.ok, report.lines()
        text = briefing_page(project).read_text(encoding="utf-8")
        assert "Will Canada send troops to Ukraine?" in text
        assert "Prime Minister of Canada" in text
        assert "actors/latvia.md" not in text
        assert not (project / "briefings" / "actors" / "latvia.md").exists()


def test_an_override_naming_nobody_is_reported(tmp_path, nlp):
    project = make_project(tmp_path, [])
    body = SEED.read_text(encoding="utf-8").split(" ", 2)[2]
    (project / "seeds" / "carney.md").write_text(
        "---\ndate: 2025-08-24\noverrides:\n  actors:\n    drop: [Nobody Atall]\n---\n" + body,
        encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert any("Nobody Atall" in note and "skipped" in note for note in report.skipped_overrides)
    assert not report.errors and not report.ok
    assert briefing_page(project).exists()


def test_seeds_are_never_modified(tmp_path, nlp):
    project = make_project(tmp_path, [SEED, GOLD_ARTICLES / "02_jobs_resigns_apple.txt"])
    before = tree_bytes(project / "seeds")
    mtimes = [p.stat().st_mtime_ns for p in sorted((project / "seeds").iterdir())]
    build(Project.at(project), nlp_factory=lambda: nlp, force=["index.md"])
    assert tree_bytes(project / "seeds") == before
    assert [p.stat().st_mtime_ns for p in sorted((project / "seeds").iterdir())] == mtimes


def run_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "build", "--project", str(project)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)


def assert_only_whole_pages(docs: Path) -> None:
    for page in docs.rglob("*.md"):
        assert ownership(page) is Ownership.GENERATED, page


def test_a_killed_build_leaves_only_whole_pages_and_the_next_build_completes(tmp_path):
    articles = sorted(GOLD_ARTICLES.glob("*.txt"))
    project = make_project(tmp_path, articles)
    docs = project / "briefings"
    process = run_build(project)
    deadline = time.monotonic() + 120
    while not list(docs.rglob("*.md")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert_only_whole_pages(docs)
    finished = run_build(project)
    _, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err
    assert_only_whole_pages(docs)
    assert not [p for p in docs.rglob("*") if p.name.startswith(".")]
    briefings = [p for p in docs.glob("*/*.md") if p.parent.name[:1].isdigit() or p.parent.name == "undated"]
    assert len(briefings) == len(articles)


def test_two_builds_at_once_both_finish_and_agree(tmp_path):
    project = make_project(tmp_path, [SEED, GOLD_ARTICLES / "02_jobs_resigns_apple.txt"])
    first, second = run_build(project), run_build(project)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    assert_only_whole_pages(project / "briefings")
    snapshot = tree_bytes(project / "briefings")
    again = run_build(project)
    out, _ = again.communicate(timeout=300)
    assert out.startswith(b"0 analysed, 2 from cache")
    assert tree_bytes(project / "briefings") == snapshot


def test_the_cache_is_safe_to_delete_and_an_identical_reanalysis_rewrites_no_page(tmp_path, nlp):
    project = make_project(tmp_path, [SEED, GOLD_ARTICLES / "02_jobs_resigns_apple.txt"])
    build(Project.at(project), nlp_factory=lambda: nlp)
    pages = {p: p.stat().st_mtime_ns for p in (project / "briefings").rglob("*.md")}
    shutil.rmtree(project / ".briefing-cache")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert len(report.analysed) == 2 and report.cached == 0
    assert report.written == [] and report.ok
    assert {p: p.stat().st_mtime_ns for p in (project / "briefings").rglob("*.md")} == pages
