"""Review state: `reviewed: true` marks a briefing checked; unreviewed pages flag what to check,
and the review page lists them newest first with their flag counts. Through a real build."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from helpers import GOLD_ARTICLES, SEED, make_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
JOBS = GOLD_ARTICLES / "02_jobs_resigns_apple.txt"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("review"), [JOBS])
    body = SEED.read_text(encoding="utf-8").split(" ", 2)[2]
    (project / "seeds" / "carney.md").write_text(
        "---\ndate: 2025-08-24\nreviewed: true\nreviewer: J. Editor\nreviewed_on: 2025-08-25\n---\n" + body,
        encoding="utf-8")
    (project / "seeds" / "carney-draft.md").write_text(
        "---\ndate: 2025-08-25\n---\n" + body.replace("Mark Carney is visiting", "Mark Carney was visiting", 1),
        encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                           capture_output=True, text=True, env=ENV, check=False)
    assert built.returncode == 0, built.stderr
    return project


def page(project, relpath: str) -> str:
    return (project / "briefings" / relpath).read_text(encoding="utf-8")


def test_a_reviewed_briefing_says_who_checked_it_and_shows_no_check_flags(project):
    text = page(project, "2025/carney.md")
    assert "**Reviewed** by J. Editor on 2025-08-25" in text
    assert "— check" not in text and "Not reviewed" not in text


def test_an_unreviewed_briefing_flags_each_attribution_to_check(project):
    text = page(project, "2025/carney-draft.md")
    inferred, unattributed = text.count("inferred — check"), text.count("unattributed — check")
    assert inferred >= 1 and unattributed >= 1  # the seed has both kinds
    banner = next(line for line in text.splitlines() if "Not reviewed yet" in line)
    assert f"{inferred + unattributed} attributions to check ({unattributed} unattributed, {inferred} inferred)" in banner
    assert "../review/index.md" in banner


def test_the_review_page_lists_the_unreviewed_newest_first_with_their_counts(project):
    text = page(project, "review/index.md")
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert [re.search(r"\]\(\.\./([^)]+)\)", row).group(1) for row in rows] == ["2025/carney-draft.md", "2011/02-jobs-resigns-apple.md"]
    draft = page(project, "2025/carney-draft.md")
    flags = draft.count("inferred — check") + draft.count("unattributed — check")
    assert f"| 2025-08-25 | {flags} |" in rows[0]
    assert "2 of 3 briefings not reviewed yet" in text
    assert (project / "site" / "review" / "index.html").exists()


def test_marking_a_briefing_reviewed_needs_no_new_analysis(project):
    from generator.pipeline import Project, build

    seed = project / "seeds" / "carney-draft.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("date: 2025-08-25\n", "date: 2025-08-25\nreviewed: true\n"),
                    encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: pytest.fail("the model was loaded"))
    assert report.ok, report.lines()
    assert report.analysed == [] and "briefings/2025/carney-draft.md" in report.written
    assert "— check" not in page(project, "2025/carney-draft.md")
    assert "carney-draft" not in page(project, "review/index.md")
