"""Seeds are read safely: nothing outside seeds/ through a link, no file read before its size is
checked, front matter found whatever the line endings. Through real projects on disk and the
real `briefing build`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import GOLD_ARTICLES, SEED, make_project

from generator.pipeline import Project, build, seed_files

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
MARKER = "Quillfeather"  # a word in the private files alone: it must appear in no output
PRIVATE_ARTICLE = (GOLD_ARTICLES / "05_liberia_ebola_patient.txt").read_text(encoding="utf-8") + \
    f"\n\nThe private key of {MARKER} Holdings is kept in the vault, the minister said.\n"
OTHER_PRIVATE = (GOLD_ARTICLES / "02_jobs_resigns_apple.txt").read_text(encoding="utf-8") + \
    f"\n\n{MARKER} said the board would meet again on Friday.\n"
CR_ARTICLE = ("---\ntitle: Council backs the plan\ndate: 2024-03-05\noverrides:\n  actors:\n    drop: [Petersallee]\n"
              "---\n" + (GOLD_ARTICLES / "04_berlin_colonial_streets.txt").read_text(encoding="utf-8"))


def briefing_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "--project", str(project), "--jobs", "1"],
                          capture_output=True, text=True, env=ENV, check=False)


def everything_written(project: Path) -> str:
    """The text of every page and cache entry the build made."""
    texts = []
    for folder in (project / "briefings", project / ".briefing-cache"):
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file()]
    return "\n".join(texts)


@pytest.fixture()
def private(tmp_path: Path) -> Path:
    """Someone's files outside the project: one article, and a folder holding another."""
    folder = tmp_path / "private"
    (folder / "notes").mkdir(parents=True)
    (folder / "secret.txt").write_text(PRIVATE_ARTICLE, encoding="utf-8")
    (folder / "notes" / "board.txt").write_text(OTHER_PRIVATE, encoding="utf-8")
    return folder


def test_links_out_of_seeds_are_refused_by_name_and_never_published(tmp_path, private):
    project = make_project(tmp_path, [SEED])
    seeds = project / "seeds"
    (seeds / "leak.txt").symlink_to(private / "secret.txt")
    (seeds / "hostname.txt").symlink_to("/etc/hostname")
    (seeds / "up.md").symlink_to("../mkdocs.yml")  # relative, to the project but out of seeds/
    (seeds / "private-notes").symlink_to(private / "notes")
    (seeds / "2024" / "deeper").mkdir(parents=True)
    (seeds / "2024" / "deeper" / "outside").symlink_to(private)
    (seeds / "windows.md").write_bytes(CR_ARTICLE.replace("\n", "\r").encode())

    result = briefing_build(project)

    assert result.returncode == 1
    refused = {
        "seeds/leak.txt": "file", "seeds/hostname.txt": "file", "seeds/up.md": "file",
        "seeds/private-notes": "folder", "seeds/2024/deeper/outside": "folder",
    }
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: could not process")]
    assert sorted(errors) == sorted(f"error: could not process {path}: is a link to a {kind} outside seeds/; "
                                    "not read" for path, kind in refused.items())
    assert "error: 5 article(s) failed; every other article has its page" in result.stderr
    # The rest of the build went on: the real seed and the CR-only Markdown seed have their pages.
    pages = sorted((project / "briefings").glob("20*/*.md"))
    assert [p.parent.name for p in pages] == ["2024", "2025"]
    windows = (project / "briefings" / "2024").glob("*.md").__next__().read_text(encoding="utf-8")
    assert 'title: "Council backs the plan"' in windows and "overrides:" not in windows
    (actors,) = [line for line in windows.splitlines() if line.startswith("actors: ")]
    assert "Carl Peters" in actors and "Petersallee" not in actors  # the override was applied
    written = everything_written(project)
    assert MARKER not in written and MARKER not in result.stdout + result.stderr
    assert "seeds/leak.txt" not in written and "seeds/hostname.txt" not in written
    assert (private / "secret.txt").read_text(encoding="utf-8") == PRIVATE_ARTICLE  # seeds are only read


def test_a_link_inside_seeds_is_read_once(tmp_path, nlp):
    """Rule: a file is one article, under its own name when it is a seed itself, else under the
    first link to it; a linked folder inside seeds/ is read at its own place only."""
    project = make_project(tmp_path, [SEED])
    seeds = project / "seeds"
    (seeds / "alias.txt").symlink_to(SEED.name)  # to a seed: that seed is the article
    (seeds / ".drafts").mkdir()
    shutil.copy(GOLD_ARTICLES / "05_liberia_ebola_patient.txt", seeds / ".drafts" / ".ebola.txt")
    (seeds / "ebola.txt").symlink_to(".drafts/.ebola.txt")  # to a hidden file: read through the link
    (seeds / "later-ebola.txt").symlink_to(".drafts/.ebola.txt")  # a later link: not read again
    (seeds / "archive").mkdir()
    shutil.copy(GOLD_ARTICLES / "02_jobs_resigns_apple.txt", seeds / "archive" / "jobs.txt")
    (seeds / "also-archive").symlink_to("archive")  # a folder inside: its files are read at their place

    report = build(Project.at(project), nlp_factory=lambda: nlp)

    assert report.ok, report.lines()
    assert sorted(b.source for b in report.briefings) == [
        f"seeds/{SEED.name}", "seeds/archive/jobs.txt", "seeds/ebola.txt"]


def test_a_page_made_before_a_seed_became_a_link_out_is_removed(tmp_path, private, nlp):
    project = make_project(tmp_path, [SEED])
    leak = project / "seeds" / "leak.txt"
    leak.write_text(PRIVATE_ARTICLE, encoding="utf-8")
    first = build(Project.at(project), nlp_factory=lambda: nlp)
    assert first.ok and MARKER in everything_written(project)
    leak.unlink()
    leak.symlink_to(private / "secret.txt")

    report = build(Project.at(project), nlp_factory=lambda: nlp)

    assert [(e.path, e.reason) for e in report.errors] == [
        ("seeds/leak.txt", "is a link to a file outside seeds/; not read")]
    assert any(page.startswith("2014/") for page in report.removed)  # not kept as a failed article's
    assert MARKER not in everything_written(project)


def test_walking_seeds_never_follows_a_folder_link(tmp_path, private):
    seeds = tmp_path / "seeds"
    (seeds / "real").mkdir(parents=True)
    (seeds / "real" / "a.txt").write_text("The council met.", encoding="utf-8")
    (seeds / "out").symlink_to(private)
    (seeds / "loop").symlink_to(seeds)
    (seeds / ".hidden.txt").write_text("x", encoding="utf-8")
    assert seed_files(seeds) == [seeds / "loop", seeds / "out", seeds / "real" / "a.txt"]


def test_a_300_mb_seed_is_refused_by_its_size_and_the_build_goes_on(tmp_path, nlp):
    project = make_project(tmp_path, [SEED])
    with (project / "seeds" / "huge.md").open("wb") as handle:
        handle.truncate(300 * 2**20)  # sparse: no disk, no time
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert [(e.path, e.reason) for e in report.errors] == [(
        "seeds/huge.md", ("file is 314,572,800 bytes; the limit is 1,600,000 bytes for a .md article "
                          "(room for 200,000 characters; split it or trim it)"))]
    assert [b.source for b in report.briefings] == [f"seeds/{SEED.name}"]
