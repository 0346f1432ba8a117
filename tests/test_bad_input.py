"""Bad articles are reported by name and reason; every other article still gets its briefing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import GOLD_ARTICLES, ROOT, SEED, make_project

from generator.pipeline import BuildReport, Project, build, read_seeds

DATA = ROOT / "tests" / "data"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.txt": b"  \n\n\t \n",
    "photo.txt": bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001"),
    "broken utf8.txt": "The minister’s office said".encode() + b" \xff\xfe on Monday.",
    "bad front matter.md": b"---\ntitle: [unclosed\n---\nThe council met.",
    "bad date.md": b"---\ndate: last Tuesday\n---\nThe council met on Monday.",
    "notes.docx": b"PK\x03\x04",
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    project = make_project(tmp_path, [SEED])
    for name, content in BAD_FILES.items():
        (project / "seeds" / name).write_bytes(content)
    shutil.copy(SEED, project / "seeds" / "copy of the seed.txt")
    shutil.copy(DATA / "liberation_fr.html", project / "seeds" / "liberation.html")
    return project


def test_each_bad_file_is_named_with_its_reason_and_the_good_one_still_builds(project, nlp):
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    messages = {Path(error.path).name: error.reason for error in report.errors}
    expected = {
        "empty.txt": "article is empty",
        "whitespace.txt": "article is empty",
        "photo.txt": "binary",
        "broken utf8.txt": "not valid UTF-8",
        "bad front matter.md": "not valid YAML",
        "bad date.md": "not a date",
        "notes.docx": "unsupported file type",
        "copy of the seed.txt": "is the same article as seeds/000_fb56c33a028a11f9.txt",
        "liberation.html": "does not look like English",
    }
    assert set(messages) == set(expected)
    for name, reason in expected.items():
        assert reason in messages[name], (name, messages[name])
    assert not report.ok
    assert len(list((project / "briefings" / "2025").glob("*.md"))) == 1


def test_briefing_build_exits_non_zero_and_prints_each_problem(project):
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--project", str(project)],
                            capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 1
    assert "error: could not process seeds/photo.txt: file is binary, not text" in result.stderr
    assert "error: could not process seeds/empty.txt: article is empty" in result.stderr


def test_mkdocs_strict_fails_on_a_bad_article_but_a_plain_build_still_makes_the_site(project):
    strict = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV, check=False)
    assert strict.returncode == 1
    assert "could not process seeds/bad date.md: date 'last Tuesday'" in strict.stderr
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                           capture_output=True, text=True, env=ENV, check=False)
    assert plain.returncode == 0, plain.stderr
    assert list((project / "site" / "2025").glob("*/index.html"))


def test_a_file_that_disappears_during_the_build_is_reported(tmp_path):
    project = make_project(tmp_path, [SEED, GOLD_ARTICLES / "05_liberia_ebola_patient.txt"])
    listed = sorted((project / "seeds").iterdir())
    listed[-1].unlink()
    report = BuildReport()
    articles = read_seeds(Project.at(project), report, paths=listed)
    assert [a.id for a in articles] == [SEED.stem]
    assert "disappeared" in report.errors[0].reason


def test_odd_file_names_get_readable_pages(tmp_path, nlp):
    project = make_project(tmp_path, [])
    shutil.copy(SEED, project / "seeds" / "Carney à Kyiv — visite officielle.txt")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert report.ok, report.lines()
    (page,) = (project / "briefings" / "2025").glob("*.md")
    assert page.name.isascii() and " " not in page.name
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
