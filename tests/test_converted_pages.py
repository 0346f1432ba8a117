"""Pages converted from Markdown in worker processes ahead of MkDocs (generator/converted_pages.py).

Converting ahead must never show: the site is byte for byte the one a single-process build
makes, MkDocs' warnings about a page still come (and still fail `--strict`), and a project
with another plugin taking part in a page's conversion is converted by MkDocs alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from helpers import FOLLOW_UP, ROOT, SEED, built_site, make_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
CONVERTED = re.compile(r"briefings: (\d+) pages converted from Markdown in (\d+) processes")
WARNING = re.compile(r"^WARNING +- +(.*)$", re.MULTILINE)
HAND_WRITTEN = 45  # pages beside the generated ones, so that there are enough to convert ahead
INJECT = ROOT / "tests" / "fault_injection.py"


def with_jobs(project: Path, jobs: int, site_dir: str) -> Path:
    """A configuration file of the project with the plugin's ``jobs`` and its own site folder."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      search: pagefind\n", f"      search: pagefind\n      jobs: {jobs}\n", 1)
    text = re.sub(r"^site_dir: .*$", f"site_dir: {site_dir}", text, count=1, flags=re.MULTILINE)
    assert f"jobs: {jobs}" in text and f"site_dir: {site_dir}" in text
    config = project / f"mkdocs-{site_dir}.yml"
    config.write_text(text, encoding="utf-8")
    return config


def mkdocs_build(project: Path, config: Path, *strict: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), *strict], cwd=project,
                          capture_output=True, text=True, env=ENV, check=False)


def notes_project(tmp_path: Path) -> Path:
    """Two articles and hand-written notes, one of them with a broken link and a missing anchor."""
    project = make_project(tmp_path, [SEED, FOLLOW_UP])
    notes = project / "briefings" / "notes"
    notes.mkdir()
    for n in range(HAND_WRITTEN):
        (notes / f"note-{n:02d}.md").write_text(
            f"# Note {n}\n\n## Who is who {{ #who }}\n\nA note with *emphasis*, a [link](note-{(n + 1) % HAND_WRITTEN:02d}.md) "
            f"and a table:\n\n| a | b |\n| --- | --- |\n| {n} | {n * 2} |\n", encoding="utf-8")
    (notes / "note-07.md").write_text("# Broken\n\nSee [nowhere](no-such-page.md) and "
                                      "[a section](note-08.md#no-such-anchor).\n", encoding="utf-8")
    return project


def site(project: Path, site_dir: str) -> dict[str, bytes]:
    return built_site(project / site_dir)


def test_a_site_converted_in_two_processes_equals_one_converted_in_one(tmp_path):
    project = notes_project(tmp_path)
    one = mkdocs_build(project, with_jobs(project, 1, "site-one"))
    two = mkdocs_build(project, with_jobs(project, 2, "site-two"))
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert CONVERTED.search(one.stderr) is None
    converted = CONVERTED.search(two.stderr)
    assert converted and int(converted.group(1)) > HAND_WRITTEN and converted.group(2) == "2", two.stderr
    site_one = site(project, "site-one")
    assert len(site_one) > HAND_WRITTEN
    assert site(project, "site-two") == site_one
    # The warnings of the conversion are MkDocs' own, once each, as a one-process build gives them.
    warnings = WARNING.findall(two.stderr)
    assert sorted(warnings) == sorted(WARNING.findall(one.stderr))
    assert sum("no-such-page.md" in warning for warning in warnings) == 1
    assert sum("no-such-anchor" in warning for warning in warnings) == 1


def test_a_warning_of_a_page_converted_ahead_still_fails_a_strict_build(tmp_path):
    project = notes_project(tmp_path)
    strict = mkdocs_build(project, with_jobs(project, 2, "site"), "--strict")
    assert CONVERTED.search(strict.stderr), strict.stderr
    assert strict.returncode != 0
    assert "no-such-page.md" in strict.stderr


def test_another_plugin_changing_pages_leaves_the_conversion_to_mkdocs(tmp_path):
    project = notes_project(tmp_path)
    (project / "hooks.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\nAdded by a hook.\\n'\n", encoding="utf-8")
    config = with_jobs(project, 2, "site")
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks.py\n", encoding="utf-8")
    result = mkdocs_build(project, config)
    assert result.returncode == 0, result.stderr
    assert CONVERTED.search(result.stderr) is None
    note = (project / "site" / "notes" / "note-03" / "index.html").read_text(encoding="utf-8")
    assert "Added by a hook." in note


def test_a_dirty_build_converts_only_what_mkdocs_asks_for(tmp_path):
    project = notes_project(tmp_path)
    config = with_jobs(project, 2, "site")
    assert mkdocs_build(project, config).returncode == 0
    dirty = mkdocs_build(project, config, "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert CONVERTED.search(dirty.stderr) is None


def test_a_page_whose_conversion_ahead_fails_is_converted_by_mkdocs(tmp_path):
    """A bug in the conversion worker, or the worker killed, costs no page: MkDocs converts
    what did not come back, and the site is the one a single-process build makes."""
    project = notes_project(tmp_path)
    assert mkdocs_build(project, with_jobs(project, 1, "site-one")).returncode == 0
    for kind, article in (("convert-raise", SEED.stem), ("convert-kill", FOLLOW_UP.stem)):
        site_dir = f"site-{kind}"
        result = subprocess.run([sys.executable, str(INJECT), kind, article, "mkdocs", "build", "-f",
                                 str(with_jobs(project, 2, site_dir))], cwd=project, capture_output=True,
                                text=True, env=ENV, check=False, timeout=600)
        assert result.returncode == 0, result.stderr
        assert CONVERTED.search(result.stderr), result.stderr  # the others were converted ahead
        assert site(project, site_dir) == site(project, "site-one"), kind
