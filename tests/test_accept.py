"""Accepting an edit: an editor corrects a page once, publishes with `--strict`, and hears when
the article changes under the edit — with a diff — without ever losing either version.

Every step is a real command on a real project: `mkdocs build --strict`, `briefing accept`,
`briefing build --force`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import SEED, make_project

from generator.pipeline import Project, build
from generator.write import Ownership, ownership, unstamp

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
NOTE = "Editor's note: the minister's office confirmed the figures on Monday."
ADDED = "Officials said a second visit was planned for the autumn."


def run(project: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=project, capture_output=True, text=True,
                          env=ENV, check=False)


def page_of(project: Path) -> Path:
    (page,) = (project / "briefings" / "2025").glob("*.md")
    return page


def test_an_accepted_edit_publishes_under_strict_and_warns_with_a_diff_when_the_article_changes(tmp_path, nlp):
    project = make_project(tmp_path, [SEED])
    first = run(project, "mkdocs", "build", "--strict")
    assert first.returncode == 0, first.stderr
    page = page_of(project)
    relpage = page.relative_to(project).as_posix()
    generated = unstamp(page.read_text(encoding="utf-8"))[1]

    edited = page.read_text(encoding="utf-8").replace("## Key facts", f"## Key facts\n\n{NOTE}", 1)
    page.write_text(edited, encoding="utf-8")
    blocked = run(project, "mkdocs", "build", "--strict")
    assert blocked.returncode != 0
    assert relpage in blocked.stderr and "briefing accept" in blocked.stderr

    accepted = run(project, "generator.cli", "accept", relpage, "--project", str(project))
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert f"accepted: {relpage}" in accepted.stdout
    kept = project / "accepted" / "2025" / page.name.replace(".md", ".generated.md")
    assert kept.read_text(encoding="utf-8") == generated  # the generator's version, beside the edit
    assert ownership(page) is Ownership.ACCEPTED
    assert unstamp(page.read_text(encoding="utf-8"))[1] == unstamp(edited)[1]

    published = run(project, "mkdocs", "build", "--strict")
    assert published.returncode == 0, published.stderr
    assert "warning" not in published.stderr.lower()
    assert NOTE in page.read_text(encoding="utf-8")
    assert NOTE in (project / "site" / page.relative_to(project / "briefings").with_suffix("") / "index.html").read_text(
        encoding="utf-8")

    # The article changes under the edit: a warning naming the page, with the diff of what the
    # generator would now write; the edit stays, both generator versions are kept.
    seed = project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + ADDED + "\n", encoding="utf-8")
    changed = run(project, "mkdocs", "build")
    assert changed.returncode == 0, changed.stderr
    assert relpage in changed.stderr and "changed since this edit was accepted" in changed.stderr
    assert any(line.startswith("+") and ADDED in line for line in changed.stderr.splitlines())
    assert NOTE in page.read_text(encoding="utf-8")
    new = kept.with_name(page.name.replace(".md", ".new.md"))
    assert ADDED in new.read_text(encoding="utf-8")
    assert kept.read_text(encoding="utf-8") == generated
    assert run(project, "mkdocs", "build", "--strict").returncode != 0  # until the editor decides

    # Accept again: the new generator version becomes the base, and publishing passes.
    again = run(project, "generator.cli", "accept", relpage, "--project", str(project))
    assert again.returncode == 0, again.stdout + again.stderr
    assert ADDED in kept.read_text(encoding="utf-8") and not new.exists()
    assert run(project, "mkdocs", "build", "--strict").returncode == 0

    # --force takes the generator's page; the edit is kept, not lost.
    forced = build(Project.at(project), nlp_factory=lambda: nlp, force=[page.relative_to(project / "briefings").as_posix()])
    assert forced.ok, forced.lines()
    assert NOTE not in page.read_text(encoding="utf-8") and ownership(page) is Ownership.GENERATED
    replaced = kept.with_name(page.name.replace(".md", ".replaced.md"))
    assert NOTE in replaced.read_text(encoding="utf-8")


def test_accepting_a_page_as_generated_or_a_missing_page_says_so_and_changes_nothing(tmp_path, nlp):
    project = make_project(tmp_path, [SEED])
    build(Project.at(project), nlp_factory=lambda: nlp)
    page = page_of(project)
    before = page.read_bytes()
    relpage = page.relative_to(project / "briefings").as_posix()
    report = build(Project.at(project), nlp_factory=lambda: nlp, accept=[relpage, "2025/no-such-page.md"])
    assert not report.ok
    assert any("as the generator wrote it" in note for note in report.kept)
    assert any("no-such-page.md" in note and "nothing done" in note for note in report.kept)
    assert page.read_bytes() == before
    assert not (project / "accepted").exists()


def test_a_page_whose_stamp_line_was_deleted_can_be_accepted(tmp_path, nlp):
    project = make_project(tmp_path, [SEED])
    build(Project.at(project), nlp_factory=lambda: nlp)
    page = page_of(project)
    unstamped = unstamp(page.read_text(encoding="utf-8"))[1].replace("## Key facts", f"## Key facts\n\n{NOTE}", 1)
    page.write_text(unstamped, encoding="utf-8")
    assert ownership(page, page.relative_to(project / "briefings").as_posix()) is Ownership.FOREIGN
    report = build(Project.at(project), nlp_factory=lambda: nlp,
                   accept=[page.relative_to(project / "briefings").as_posix()])
    assert report.ok, report.lines()
    assert ownership(page) is Ownership.ACCEPTED and NOTE in page.read_text(encoding="utf-8")
    assert build(Project.at(project), nlp_factory=lambda: nlp).ok


def test_an_accepted_edit_moves_with_its_article(tmp_path, nlp):
    """A new date moves the page to another year; the edit and its kept versions move along."""
    project = make_project(tmp_path, [SEED])
    build(Project.at(project), nlp_factory=lambda: nlp)
    page = page_of(project)
    page.write_text(page.read_text(encoding="utf-8").replace("## Key facts", f"## Key facts\n\n{NOTE}", 1),
                    encoding="utf-8")
    assert build(Project.at(project), nlp_factory=lambda: nlp,
                 accept=[page.relative_to(project / "briefings").as_posix()]).ok
    seed = project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("date 2025-", "date 2024-", 1), encoding="utf-8")
    moved = build(Project.at(project), nlp_factory=lambda: nlp)
    target = project / "briefings" / "2024" / page.name
    assert NOTE in target.read_text(encoding="utf-8") and not page.exists()
    assert (project / "accepted" / "2024" / page.name.replace(".md", ".generated.md")).exists()
    assert any("moved the edit" in note for note in moved.kept)
