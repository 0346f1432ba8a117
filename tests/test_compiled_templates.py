"""Compiled templates kept between builds: faster builds, never a stale page."""

import os
import time

import pytest
from helpers import make_project

from generator.pipeline import BuildError, Project, build


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(tmp_path):
    project_dir = make_project(tmp_path, [])
    project = Project.at(project_dir)
    assert build(project).ok
    compiled = sorted(project.compiled_templates_dir.iterdir())
    assert compiled, "the templates were compiled but not kept"
    home = project.docs_dir / "index.md"
    assert "# Latest briefings" in home.read_text(encoding="utf-8")

    template = project_dir / "templates" / "home.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("# Latest briefings", "# Today's briefings"),
                        encoding="utf-8")
    later = time.time() + 5  # as an editor's save: the cache must look at the source, not the clock
    os.utime(template, (later, later))
    assert build(project).ok
    text = home.read_text(encoding="utf-8")
    assert "# Today's briefings" in text and "# Latest briefings" not in text


def test_a_cache_folder_that_is_the_seeds_folder_gets_no_compiled_templates(tmp_path):
    """The folder check comes first: nothing of the generator's is written among the articles."""
    project_dir = make_project(tmp_path, [])
    project = Project.at(project_dir, cache="seeds")
    before = sorted(p.name for p in project.seeds_dir.iterdir())
    with pytest.raises(BuildError, match="cache folder"):
        build(project)
    assert sorted(p.name for p in project.seeds_dir.iterdir()) == before


def test_a_damaged_compiled_template_is_compiled_again(tmp_path):
    project_dir = make_project(tmp_path, [])
    project = Project.at(project_dir)
    assert build(project).ok
    expected = (project.docs_dir / "index.md").read_bytes()
    for compiled in project.compiled_templates_dir.iterdir():
        compiled.write_bytes(compiled.read_bytes()[:40])  # cut short, as by a crash mid-write
    (project.docs_dir / "index.md").unlink()
    assert build(project).ok
    assert (project.docs_dir / "index.md").read_bytes() == expected
