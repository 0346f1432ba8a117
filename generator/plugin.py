"""The MkDocs plugin: the only module that knows MkDocs.

Before MkDocs collects its files, regenerate every stale briefing into ``docs_dir``; while
serving, watch the articles and the templates too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from spacy.language import Language

from .engines import finish_site
from .models import Briefing
from .nlp import load_model
from .parallel import DEFAULT_TIME_BUDGET
from .pipeline import BuildError, BuildLock, Project, build

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    seeds = config_options.Type(str, default="seeds")
    templates = config_options.Type(str, default="templates")
    cache = config_options.Type(str, default=".briefing-cache")
    jobs = config_options.Type(int, default=0)  # processes for the NLP; 0 = one per core
    # "pagefind": index the built site with Pagefind (scales to thousands of briefings);
    # "material": leave search to Material's own plugin (add `- search` to the plugins).
    search = config_options.Choice(("pagefind", "material"), default="pagefind")
    progress = config_options.Type(bool, default=False)
    # Seconds per 10,000 characters an article may take before it is stopped and reported; 0: no limit.
    time_budget = config_options.Type((int, float), default=DEFAULT_TIME_BUDGET)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._briefings: list[Briefing] = []
        self._serving = False
        self._lock: BuildLock | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    # The model is loaded once for the life of `mkdocs serve`, and only if an article changed.
    def _model(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model()
        return self._nlp

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        return Project.at(root, docs_dir=Path(config.docs_dir), seeds=self.config.seeds,
                          templates=self.config.templates, cache=self.config.cache)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # `mkdocs serve` runs server threads: forking workers there could inherit a held lock.
        jobs = 1 if self._serving else self.config.jobs
        project = self._project(config)
        # Held until the site and its search index are written (on_post_build): two builds at
        # once queue for all of it, so neither can leave the other's stale files in site/.
        self._lock = BuildLock(project)
        try:
            self._lock.acquire()
            report = build(project, nlp_factory=self._model, n_process=jobs, progress=self.config.progress,
                           time_budget=float(self.config.time_budget), lock=self._lock)
        except BuildError as error:
            self._release()
            raise PluginError(f"briefings: {error}") from None
        self._briefings = report.briefings
        for line in report.lines()[:1]:
            log.info("briefings: %s", line)
        for page in report.written:
            log.debug("briefings: wrote %s", page)
        # Warnings, so that `mkdocs build --strict` fails on a bad article or a kept hand edit.
        for note in [*report.kept, *report.skipped_overrides]:
            log.warning("briefings: %s", note)
        # One line per failed article; `mkdocs build -v` adds the traceback.
        for error in report.errors:
            log.warning("briefings: could not process %s", error)
            if error.detail:
                log.debug("briefings: %s\n%s", error.path, error.detail)
        if report.errors:
            log.warning("briefings: %s", report.failure_summary())

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The Atom feed and the search index beside the site, from this build's briefings."""
        try:
            for problem in finish_site(self._briefings, Path(config.site_dir), site_name=config.site_name,
                                       site_url=config.site_url or None,
                                       site_description=config.site_description, search=self.config.search):
                log.warning("briefings: %s", problem)
        finally:
            self._release()

    def on_build_error(self, *, error: Exception) -> None:
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        project = self._project(config)
        for folder in (project.seeds_dir, project.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server
