"""One article can never take the site down: a failure costs that article (or one section of it) alone.

Faults are injected into the real commands by ``tests/fault_injection.py``; builds, `mkdocs
build` and the browser-free checks of the built HTML are real.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FOLLOW_UP, GOLD_ARTICLES, ROOT, SEED, make_project

from generator.cache import ENTRY_SUFFIX
from generator.models import Article
from generator.parallel import brief_articles
from generator.pipeline import BuildError, Project, build

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
INJECT = ROOT / "tests" / "fault_injection.py"
GOOD = [GOLD_ARTICLES / "06_edinburgh_chilli_contest.txt", GOLD_ARTICLES / "08_north_korea_drill.txt"]
FAILING = GOLD_ARTICLES / "03_parasite_sag_awards.txt"
NOTE = "Open questions could not be extracted from this article"


def run(project: Path, kind: str, article: str, program: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(INJECT), kind, article, program, *args], cwd=project,
                          capture_output=True, text=True, env=ENV, check=False, timeout=600)


def briefing_pages(project: Path) -> dict[str, str]:
    """Article source → its briefing page's text."""
    pages = {}
    for path in (project / "briefings").glob("[0-9]*/*.md"):
        text = path.read_text(encoding="utf-8")
        source = next(line for line in text.splitlines() if line.startswith("source: "))
        pages[json.loads(source.removeprefix("source: "))] = text
    return pages


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, [*GOOD, FAILING])


def test_a_failing_extractor_costs_only_its_section_everywhere(project):
    failing = f"seeds/{FAILING.name}"
    message = f"could not process {failing}: extraction failed in open questions: IndexError: injected fault"

    result = run(project, "raise", FAILING.stem, "briefing", "build", "--project", ".", "--jobs", "2")
    assert result.returncode == 1, result.stderr
    assert f"error: {message}" in result.stderr
    assert "error: 1 article(s) failed" in result.stderr
    assert "Traceback" not in result.stderr
    pages = briefing_pages(project)
    assert set(pages) == {failing, *(f"seeds/{p.name}" for p in GOOD)}
    assert NOTE in pages[failing]
    assert "## Key facts" in pages[failing] and "## Timeline" in pages[failing]
    assert "Parasite" in pages[failing]  # the rest of the briefing is published
    assert all(NOTE not in pages[f"seeds/{p.name}"] for p in GOOD)

    debug = run(project, "raise", FAILING.stem, "briefing", "--debug", "build", "--project", ".")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "failing_questions" in debug.stderr

    extract = run(project, "raise", FAILING.stem, "briefing", "extract", "--format", "json",
                  *(f"seeds/{p.name}" for p in [*GOOD, FAILING]))
    assert extract.returncode == 1
    assert message in extract.stderr and "1 of 3 file(s) failed" in extract.stderr
    briefings = json.loads(extract.stdout)
    assert [b["source"] for b in briefings] == [f"seeds/{p.name}" for p in [*GOOD, FAILING]]
    assert briefings[2]["open_questions"] == []
    assert [e["section"] for e in briefings[2]["errors"]] == ["open questions"]
    assert briefings[2]["key_facts"] and briefings[0]["errors"] == []

    strict = run(project, "raise", FAILING.stem, "mkdocs", "build", "--strict")
    assert strict.returncode == 1
    assert message in strict.stderr
    shutil.rmtree(project / "site", ignore_errors=True)
    plain = run(project, "raise", FAILING.stem, "mkdocs", "build")
    assert plain.returncode == 0, plain.stderr
    assert message in plain.stderr
    html = [p.read_text(encoding="utf-8") for p in (project / "site").glob("[0-9]*/*/index.html")]
    assert len(html) == 3
    assert sum(NOTE in page for page in html) == 1


@pytest.mark.parametrize(("kind", "jobs", "reason"), [
    ("crash", "1", "briefing failed: RuntimeError: injected fault outside the extractors"),
    ("crash", "2", "briefing failed: RuntimeError: injected fault outside the extractors"),
    ("kill", "2", "analysis failed: the worker process was killed by signal SIGKILL"),
    ("hang", "1", "analysis stopped after 5 s, the time budget for"),
    ("hang", "2", "analysis stopped after 5 s, the time budget for"),
])
def test_an_article_that_cannot_be_briefed_is_named_and_the_others_are_published(project, kind, jobs, reason):
    result = run(project, kind, FAILING.stem, "briefing", "build", "--project", ".", "--jobs", jobs,
                 "--time-budget", "5")
    assert result.returncode == 1, result.stderr
    assert f"error: could not process seeds/{FAILING.name}: {reason}" in result.stderr
    assert set(briefing_pages(project)) == {f"seeds/{p.name}" for p in GOOD}


def test_the_last_good_page_of_an_article_stays_while_it_fails(project):
    assert run(project, "none", "-", "briefing", "build", "--project", ".").returncode != 0  # unknown fault
    assert subprocess.run([sys.executable, "-m", "generator.cli", "build", "--project", str(project)],
                          capture_output=True, env=ENV, check=False).returncode == 0
    before = briefing_pages(project)
    site_before = {p: p.read_bytes() for p in (project / "briefings").rglob("*.md")}
    # A changed article that now fails: its old page is kept rather than deleted, and the failure named.
    failing = project / "seeds" / FAILING.name
    failing.write_text(failing.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n", encoding="utf-8")
    result = run(project, "crash", FAILING.stem, "briefing", "build", "--project", ".")
    assert result.returncode == 1
    assert "1 keep their briefing as last analysed until they can be analysed again" in result.stderr
    after = briefing_pages(project)
    assert after.keys() == before.keys()
    # The failing article's page is its last good one, and it still counts across briefings (its
    # actors keep their pages and links): no page of the site changed.
    assert after == before
    assert {p: p.read_bytes() for p in (project / "briefings").rglob("*.md")} == site_before


def test_pool_results_are_in_order_and_identical_to_one_process(nlp):
    paths = sorted(GOLD_ARTICLES.glob("*.txt"))[:5]
    articles = [Article(id=p.stem, path=p.name, text=p.read_text(encoding="utf-8")) for p in paths]
    alone = [b.to_dict() for b in brief_articles(nlp, articles, n_process=1)]
    pooled = [b.to_dict() for b in brief_articles(nlp, articles, n_process=2)]
    assert [b["id"] for b in pooled] == [p.stem for p in paths]
    assert json.dumps(pooled, sort_keys=True) == json.dumps(alone, sort_keys=True)


def test_bad_cache_entries_are_rebuilt_not_fatal(tmp_path, nlp):
    project = make_project(tmp_path, GOOD)
    cache = project / ".briefing-cache"
    cache.mkdir()
    (cache / f"{GOOD[0].stem}{ENTRY_SUFFIX}").write_text("[]", encoding="utf-8")
    (cache / f"{GOOD[1].stem}{ENTRY_SUFFIX}").mkdir()  # a folder where an entry should be
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert len(report.analysed) == 2
    assert len(briefing_pages(project)) == 2
    assert [line for line in report.lines() if "cache entry" in line]  # the folder one could not be written
    assert not report.errors


@pytest.mark.parametrize(("breakage", "message"), [
    ("missing templates", "the templates folder"),
    ("template syntax", "templates/briefing.md.j2:7: template syntax error"),
    ("docs is a file", "cannot write the docs folder briefings"),
    ("disk full", ": File too large"),
    ("cache is a file", "cannot use the cache folder .briefing-cache"),
])
def test_a_broken_environment_is_one_line_naming_the_path(tmp_path, nlp, breakage, message):
    project = make_project(tmp_path, GOOD[:1])
    if breakage == "missing templates":
        shutil.rmtree(project / "templates")
    elif breakage == "template syntax":
        template = project / "templates" / "briefing.md.j2"
        text = template.read_text(encoding="utf-8")
        template.write_text(text + "{% if %}\n", encoding="utf-8")
        message = message.replace(":7:", f":{text.count(chr(10)) + 1}:")
    elif breakage == "docs is a file":
        shutil.rmtree(project / "briefings")
        (project / "briefings").write_text("not a folder", encoding="utf-8")
    elif breakage == "disk full":
        pass  # writes fail in the subprocess below, past a file-size limit
    else:
        (project / ".briefing-cache").write_text("not a folder", encoding="utf-8")
    if breakage != "disk full":
        with pytest.raises(BuildError, match=re.escape(message)):
            build(Project.at(project), nlp_factory=lambda: nlp)

    def full_disk() -> None:  # writes past 2,000 bytes fail with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--project", str(project)],
                            capture_output=True, text=True, env=ENV, check=False,
                            preexec_fn=full_disk if breakage == "disk full" else None)
    assert result.returncode == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("error: ") and message in line, result.stderr
    assert all(other.startswith(("error: ", "warning: ")) for other in result.stderr.strip().splitlines())
    assert "Traceback" not in result.stderr


def test_a_template_that_gives_no_front_matter_costs_only_its_pages(tmp_path, nlp):
    # Two articles of one story: their actors are in both briefings, so they have actor pages.
    project = make_project(tmp_path, [SEED, FOLLOW_UP])
    template = project / "templates" / "actor.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("---\n", "", 1), encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert report.errors and all("actors/" in error.path and "front matter" in error.reason
                                 for error in report.errors)
    assert len(briefing_pages(project)) == 2
    assert (project / "briefings" / "actors" / "index.md").exists()
