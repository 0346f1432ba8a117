"""Nothing a user wrote is lost: each reproduction of the data-safety review, through real builds.

The generator writes and removes only pages it stamped, at the path the stamp records; a hand
edit is replaced only when named with ``--force``; pages are keyed by the seed's file name;
the cache prunes only its own entries; a missing seeds folder stops the build; the build lock
covers ``site/``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import GOLD_ARTICLES, SEED, make_project, tree_bytes

from generator.pipeline import LOCK_NAME, BuildError, Project, build
from generator.write import Ownership, ownership

JOBS = GOLD_ARTICLES / "02_jobs_resigns_apple.txt"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}


def cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "--project", str(project), *args],
                          cwd=project, capture_output=True, text=True, env=ENV, check=False)


def mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project,
                          capture_output=True, text=True, env=ENV, check=False)


def briefing_pages(project: Path) -> list[Path]:
    return sorted(path for path in (project / "briefings").glob("*/*.md")
                  if path.parent.name[:1].isdigit() or path.parent.name == "undated")


def edit(page: Path, note: str = "Editor's note: checked with the ministry.") -> str:
    # under the one heading every briefing has (a one-sentence article has no key facts beside its summary)
    text = page.read_text(encoding="utf-8").replace("## Source text", f"{note}\n\n## Source text", 1)
    assert note in text
    page.write_text(text, encoding="utf-8")
    return text


def test_force_replaces_only_the_named_page_and_never_a_users_own_file(tmp_path, nlp):
    project = make_project(tmp_path, [SEED, JOBS])
    build(Project.at(project), nlp_factory=lambda: nlp)
    docs = project / "briefings"
    jobs, carney = briefing_pages(project)  # 2011/…, 2025/…
    carney_edit, jobs_edit = edit(carney), edit(jobs)
    # The user's own pages where the generator would write (unstamped), and a copy of a
    # generated page elsewhere in the docs folder.
    own_actor = docs / "actors" / "mark-carney.md"
    own_actor.write_text("# Mark Carney\n\nOur own profile.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Our home page\n", encoding="utf-8")
    copy = docs / "desk" / "carney-copy.md"
    copy.parent.mkdir()
    shutil.copy(docs / "actors" / "index.md", copy)
    copied = copy.read_bytes()
    (project / "templates" / "briefing.md.j2").write_text(
        (project / "templates" / "briefing.md.j2").read_text(encoding="utf-8") + "\nNew footer.\n",
        encoding="utf-8")

    result = cli(project, "--force", str(carney.relative_to(project)), "actors/mark-carney.md", "index.md")
    assert result.returncode == 1  # the other edit and the user's own pages are still reported
    assert "New footer." in carney.read_text(encoding="utf-8")
    assert ownership(carney) is Ownership.GENERATED
    assert jobs.read_text(encoding="utf-8") == jobs_edit
    assert carney_edit != carney.read_text(encoding="utf-8")
    assert own_actor.read_text(encoding="utf-8") == "# Mark Carney\n\nOur own profile.\n"
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Our home page\n"
    assert copy.read_bytes() == copied
    assert f"briefing build --force briefings/{jobs.relative_to(docs).as_posix()}" in result.stderr


def test_a_copy_of_a_generated_page_survives_when_its_original_is_removed(tmp_path, nlp):
    project = make_project(tmp_path, [SEED, JOBS])
    build(Project.at(project), nlp_factory=lambda: nlp)
    jobs, _ = briefing_pages(project)
    copy = project / "briefings" / "desk" / "jobs.md"
    copy.parent.mkdir()
    shutil.copy(jobs, copy)
    kept = copy.read_bytes()
    (project / "seeds" / JOBS.name).unlink()
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert not jobs.exists()
    assert copy.read_bytes() == kept
    assert "desk/jobs.md" not in report.removed


def test_correcting_the_first_sentence_keeps_the_page_and_its_edit_in_place(tmp_path, nlp):
    project = make_project(tmp_path, [JOBS])
    build(Project.at(project), nlp_factory=lambda: nlp)
    (page,) = briefing_pages(project)
    edited = edit(page)
    seed = project / "seeds" / JOBS.name
    text = seed.read_text(encoding="utf-8")
    assert "the mind behind the iPhone" in text.split("\n", 1)[0]
    seed.write_text(text.replace("the mind behind the iPhone", "the man behind the iPhone", 1), encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert briefing_pages(project) == [page]
    assert page.read_text(encoding="utf-8") == edited
    assert [note for note in report.kept if "edited by hand since it was generated" in note]
    assert not [note for note in report.kept if "article is gone" in note]


def test_two_articles_with_one_headline_and_date_get_a_page_each(tmp_path, nlp):
    project = make_project(tmp_path, [])
    body = "---\ntitle: Port strike ends\ndate: 2025-10-01\n---\n\n"
    (project / "seeds" / "port-strike-ends.md").write_text(
        body + "Dockworkers returned to work on Tuesday after a three-day strike.\n", encoding="utf-8")
    (project / "seeds" / "port-strike-ends-west.md").write_text(
        body + "Port workers on the West Coast voted to end their walkout on Monday.\n", encoding="utf-8")
    (project / "seeds" / "Port Strike Ends.txt").write_text(
        "Port Strike Ends\n\nThe union said a third port reopened on Wednesday.\n", encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert report.ok, report.lines()
    pages = briefing_pages(project)
    assert len(pages) == 3
    first = project / "briefings" / "2025" / "port-strike-ends-west.md"
    assert first in pages
    edited = edit(first)
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert first.read_text(encoding="utf-8") == edited
    assert len(briefing_pages(project)) == 3


def test_an_edit_follows_its_article_when_the_date_moves_its_page(tmp_path, nlp):
    project = make_project(tmp_path, [])
    seed = project / "seeds" / "port.md"
    seed.write_text("---\ndate: 2025-10-01\n---\n\nDockworkers returned to work on Tuesday, the union said.\n",
                    encoding="utf-8")
    build(Project.at(project), nlp_factory=lambda: nlp)
    old = project / "briefings" / "2025" / "port.md"
    edit(old, "Editor's note: the union confirmed.")
    seed.write_text(seed.read_text(encoding="utf-8").replace("2025-10-01", "2024-10-01"), encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    new = project / "briefings" / "2024" / "port.md"
    assert not old.exists()
    assert "Editor's note: the union confirmed." in new.read_text(encoding="utf-8")
    assert ownership(new, "2024/port.md") is Ownership.EDITED
    assert any("moved the edit to briefings/2024/port.md" in note for note in report.kept)


@pytest.mark.parametrize("cache", [".", "data", "seeds", "briefings"])
def test_a_cache_folder_shared_with_the_users_files_is_refused(tmp_path, nlp, cache):
    project = make_project(tmp_path, [SEED])
    (project / "package.json").write_text('{"name": "site"}\n', encoding="utf-8")
    (project / "data").mkdir()
    (project / "data" / "figures.json").write_text("[1, 2]\n", encoding="utf-8")
    (project / "seeds" / "notes.json").write_text("{}\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in project.rglob("*.json")}
    if cache == "data":
        # A folder of its own: allowed, and only the generator's own entries are pruned.
        report = build(Project.at(project, cache=cache), nlp_factory=lambda: nlp)
        (project / "seeds" / SEED.name).unlink()
        build(Project.at(project, cache=cache), nlp_factory=lambda: nlp)
        assert report.analysed
        assert not list((project / "data").glob("*.briefing.json"))
    else:
        with pytest.raises(BuildError, match="must be a folder of its own"):
            build(Project.at(project, cache=cache), nlp_factory=lambda: nlp)
    assert {path: path.read_bytes() for path in before} == before


def test_a_misspelt_seeds_option_stops_the_build_and_removes_nothing(tmp_path):
    project = make_project(tmp_path, [SEED])
    assert mkdocs(project, "--strict").returncode == 0
    before = tree_bytes(project / "briefings")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("seeds: seeds", "seeds: seed"), encoding="utf-8")
    result = mkdocs(project)
    assert result.returncode != 0
    assert "the seeds folder seed does not exist" in result.stderr
    assert tree_bytes(project / "briefings") == before
    assert list((project / ".briefing-cache").glob("*.briefing.json"))


def test_the_build_lock_covers_the_site_folder(tmp_path):
    """A second build cannot start while the first writes ``site/`` (its feed is written last)."""
    project = make_project(tmp_path, [SEED, JOBS])
    first = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lock_path = project / ".briefing-cache" / LOCK_NAME
    free_while_writing_the_site = []
    while first.poll() is None:
        generated = briefing_pages(project)
        if generated and lock_path.exists():
            with lock_path.open("a") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    pass
                else:
                    if first.poll() is None and not (project / "site" / "feed.xml").exists():
                        free_while_writing_the_site.append(time.monotonic())
        time.sleep(0.01)
    _, err = first.communicate()
    assert first.returncode == 0, err
    assert (project / "site" / "feed.xml").exists()
    assert not free_while_writing_the_site
