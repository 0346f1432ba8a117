"""The site engines: MkDocs (through the plugin) and Zensical (through this module).

Both read the same ``mkdocs.yml``. MkDocs runs the briefings plugin, which generates the
briefings before the build and writes the feed and the search index after it. Zensical, the
Material team's successor to MkDocs, reads ``mkdocs.yml`` but runs no MkDocs plugins, so a
Zensical build is the same three steps run from here: generate the briefings, run Zensical,
then the same post-step the plugin runs (``finish_site``).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .crossref import briefing_pages
from .feed import FEED_PATH, atom_feed
from .models import Briefing
from .pipeline import BuildError, BuildLock, BuildReport, Project, build
from .search import index_site


def finish_site(briefings: list[Briefing], site_dir: Path, *, site_name: str, site_url: str | None,
                site_description: str | None, index: bool) -> list[str]:
    """The Atom feed and (with ``index``) the Pagefind search index beside a built site.

    Returns the problems, each a sentence; an empty list when all was written.
    """
    xml = atom_feed(briefings, briefing_pages(briefings), title=site_name, site_url=site_url or None,
                    subtitle=site_description)
    (site_dir / FEED_PATH).write_text(xml, encoding="utf-8")
    if not index:
        return []
    problem = index_site(site_dir)
    return [f"the site has no search index: {problem}"] if problem else []


@dataclass
class SiteSettings:
    """What a build needs from ``mkdocs.yml``, read by MkDocs' own loader (``!ENV`` and all)."""

    project: Project
    site_dir: Path
    site_name: str
    site_url: str | None
    site_description: str | None
    search: str
    jobs: int
    time_budget: float


def project_of(config, options) -> Project:
    """The project a MkDocs configuration and its ``briefings`` plugin options describe."""
    return Project.at(Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir), seeds=options.seeds,
                      templates=options.templates, cache=options.cache)


def read_settings(config_file: Path) -> SiteSettings:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file))
    except MkDocsException as error:  # a configuration MkDocs itself refuses (its messages are logged)
        raise BuildError(f"{config_file}: {error}") from None
    plugin = config.plugins.get("briefings")
    if plugin is None:
        raise BuildError(f"{config_file}: no `briefings` plugin in `plugins`, so no seeds folder is named")
    options = plugin.config
    return SiteSettings(project_of(config, options), Path(config.site_dir), config.site_name, config.site_url or None,
                        config.site_description, options.search, options.jobs, float(options.time_budget))


def zensical_build(config_file: Path, *, progress: bool = False) -> tuple[BuildReport, list[str]]:
    """Briefings, then a Zensical build of ``config_file``, then the feed and the search index.

    The build lock is held for all three, as the plugin holds it for a MkDocs build, so two
    builds at once cannot leave each other's stale files in the site. Returns the briefings'
    report and the problems of the Zensical and post steps (empty when the site is whole).
    """
    settings = read_settings(config_file)
    with BuildLock(settings.project) as lock:
        report = build(settings.project, n_process=settings.jobs, progress=progress,
                       time_budget=settings.time_budget, lock=lock)
        result = subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", str(config_file)],
                                cwd=settings.project.root, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            lines = (result.stderr or result.stdout).strip().splitlines()
            return report, [f"zensical build failed: {lines[-1] if lines else f'exit code {result.returncode}'}"]
        problems = finish_site(report.briefings, settings.site_dir, site_name=settings.site_name,
                               site_url=settings.site_url, site_description=settings.site_description,
                               index=settings.search == "pagefind")
    return report, problems
