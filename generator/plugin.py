"""The MkDocs plugin: the only module that knows MkDocs.

Before MkDocs collects its files, regenerate every stale briefing into ``docs_dir``; while
serving, watch the articles and the templates too. A page unchanged since the last build is
answered with its HTML from that build (generator/built_pages.py), the others are converted
from Markdown on every core once the navigation is known (generator/converted_pages.py), and
after the build come the feed and the search index (engines.finish_site, shared with the
Zensical build).
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import ChoiceLoader, DictLoader
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from .built_pages import REUSED_TEMPLATE, BuiltPages, digest, folder_digest, package_versions
from .converted_pages import ConvertedPage, convert_ahead, markdown_digest, only_handler, render_from
from .engines import finish_site, project_of
from .models import Briefing
from .parallel import DEFAULT_TIME_BUDGET, warm_up
from .pipeline import ACTORS_FILE, BuildError, BuildLock, BuildReport, Project, WarmCache, build, spacy_model
from .render import compiled_templates_in
from .search import BackgroundIndex

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger("mkdocs.plugins.briefings")


def navigation_digest(items) -> str:
    """The navigation every page shows (titles, URLs, nesting)."""
    def shape(item):
        return [str(item.title), getattr(item, "url", None) or "", [shape(c) for c in (item.children or [])]]
    return digest(json.dumps([shape(item) for item in items]))


def settings_digest(config: MkDocsConfig) -> str:
    """What every page's HTML depends on besides its own Markdown and the navigation: the
    configuration file and its values (``!ENV`` ones included), the theme overrides, versions."""
    values = {key: value for key, value in config.items() if key not in ("plugins", "theme")}
    theme = {"name": config.theme.name, **{k: v for k, v in config.theme.items()}}
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    return digest(Path(config.config_file_path).read_bytes(),
                  json.dumps([values, theme], sort_keys=True, default=stable_text),
                  folder_digest(custom_dir), package_versions())


def stable_text(value: object) -> str:
    """A configuration value as text that is the same in every process (no memory addresses)."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return re.sub(r" at 0x[0-9a-fA-F]+", "", str(value))


def reused_render(page, anchors: list[str]):
    """``page.render`` for a page whose HTML is reused: MkDocs sets up a Markdown converter per
    page (2 ms each, even for no text), so a reused page skips it and keeps last build's ids."""
    def render(config: MkDocsConfig, files) -> None:
        page.content = ""
        page.toc = get_toc([])
        page.present_anchor_ids = set(anchors)
    return render


class BriefingsConfig(Config):
    seeds = config_options.Type(str, default="seeds")
    templates = config_options.Type(str, default="templates")
    cache = config_options.Type(str, default=".briefing-cache")
    jobs = config_options.Type(int, default=0)  # processes for the NLP; 0 = one per core
    # A Dask scheduler's address (or "local") to run the NLP on; "" runs it here (generator/cluster.py).
    cluster = config_options.Type(str, default="")
    # "pagefind": index the built site with Pagefind (scales to thousands of briefings);
    # "material": leave search to Material's own plugin (add `- search` to the plugins).
    search = config_options.Choice(("pagefind", "material"), default="pagefind")
    progress = config_options.Type(bool, default=False)
    # Reuse the HTML of pages that did not change since the last `mkdocs build` (see built_pages).
    reuse_pages = config_options.Type(bool, default=True)
    # Seconds per 10,000 characters an article may take before it is stopped and reported; 0: no limit.
    time_budget = config_options.Type((int, float), default=DEFAULT_TIME_BUDGET)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._model_lock = threading.Lock()
        self._warming: threading.Thread | None = None
        self._briefings: list[Briefing] = []
        self._report: BuildReport | None = None
        self._serving = False
        self._lock: BuildLock | None = None
        self._built: BuiltPages | None = None  # the last build's pages, when they can be reused
        self._owned: set[str] = set()  # the generator's pages (src URIs): pure functions of their file
        self._navigation = ""
        self._reused: dict[str, str] = {}  # page URL → its HTML from the last build
        self._keys: dict[str, str] = {}
        self._converted: dict[str, ConvertedPage] = {}  # src URI → its conversion, made ahead
        # Under `mkdocs serve`: the last build's pages (its site is a temporary folder that lives
        # as long as the server, so the list stays in memory), and the search index made after it.
        self._served_pages: dict[str, dict] = {}
        self._indexer = BackgroundIndex()
        self._index_stale = False  # the served index is older than the last build's pages
        self._dirty = False
        self._convert_ahead = False
        self._warm: WarmCache | None = None
        self._followup: threading.Thread | None = None  # writes the pages a dirty build left (serve)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        # `mkdocs serve --dirty` renders only the pages whose Markdown is newer than their HTML,
        # and the generator writes only what changed: a saved article costs its own pages.
        self._dirty = self._serving and dirty
        # `mkdocs build --dirty` converts only the pages whose Markdown is newer: none ahead.
        self._convert_ahead = not self._serving and not dirty
        self._warm = WarmCache() if self._serving else None

    # The model is loaded once for the life of `mkdocs serve` (in the background after the first
    # build, so that the first saved article does not wait for it), and by `mkdocs build` only if
    # an article changed.
    def _model(self) -> Language:
        with self._model_lock:
            if self._nlp is None:
                self._nlp = spacy_model()
            return self._nlp

    def _warm_up(self) -> None:
        """Load the model and brief a few words once (parallel.warm_up)."""
        try:
            warm_up(self._model())
        except Exception as error:  # noqa: BLE001 - the next build loads it again and reports
            log.debug("briefings: warming up the model failed: %s", error)

    def _project(self, config: MkDocsConfig) -> Project:
        return project_of(config, self.config)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # An index still being made is of pages this build replaces; the one left is stale.
        self._index_stale = self._indexer.stop()
        # `mkdocs serve` runs server threads: forking workers there could inherit a held lock.
        jobs = 1 if self._serving else self.config.jobs
        project = self._project(config)
        # Held until the site and its search index are written (on_post_build): two builds at
        # once queue for all of it, so neither can leave the other's stale files in site/.
        self._lock = BuildLock(project)
        try:
            self._lock.acquire()
            report = build(project, nlp_factory=self._model, n_process=jobs, progress=self.config.progress,
                           time_budget=float(self.config.time_budget), lock=self._lock,
                           cluster=self.config.cluster or None, warm=self._warm, briefings_first=self._dirty)
        except BuildError as error:
            self._release()
            raise PluginError(f"briefings: {error}") from None
        self._briefings = report.briefings
        self._report = report
        self._owned = set(report.pages)
        self._reused, self._keys = {}, {}
        self._built = None
        # Reuse needs every page's HTML to come from MkDocs' page events, which Material's own
        # search plugin does not (it indexes in on_page_content).
        if self.config.reuse_pages and self.config.search == "pagefind" and not self._dirty:
            self._built = BuiltPages(project.cache_dir, Path(config.site_dir),
                                     previous=self._served_pages if self._serving else None)
            self._built.put_aside(settings_digest(config))
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

    def on_nav(self, nav, *, config: MkDocsConfig, files):
        self._navigation = navigation_digest(nav.items)
        self._converted = {}
        # `mkdocs serve` runs server threads: no forking there (as for the NLP).
        workers = self.config.jobs or os.cpu_count() or 1
        if self._convert_ahead and workers > 1 and only_handler(config, self):
            self._converted = convert_ahead([file.src_uri for file in files.documentation_pages()], files,
                                            config, workers=workers, skip=self._will_reuse)
            if self._converted:
                log.info("briefings: %d pages converted from Markdown in %d processes",
                         len(self._converted), workers)
        return nav

    def _will_reuse(self, page) -> bool:
        """In a conversion worker: True for a page whose HTML the last build made from the same inputs."""
        return (self._built is not None and page.file.src_uri in self._owned
                and self._built.known(page.url, self._built.page_key(page.markdown, page.meta, page.url,
                                                                     self._navigation)))

    def on_env(self, env, *, config: MkDocsConfig, files):
        # MkDocs makes a new environment per build: the theme's templates as the last build compiled them.
        env.bytecode_cache = compiled_templates_in(self._project(config).compiled_templates_dir)
        if self._reused:
            env.loader = ChoiceLoader([DictLoader({REUSED_TEMPLATE: "{{ page.content }}"}), env.loader])
        return env

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files) -> str:
        """A page built last time from the same inputs gets no Markdown and a one-line template:
        its HTML is the stored one (on_post_page). Any other page converted ahead (on_nav) takes
        its conversion from there, if it is of this very Markdown."""
        html = None
        if self._built is not None and page.file.src_uri in self._owned:
            key = self._built.page_key(markdown, page.meta, page.url, self._navigation)
            self._keys[page.url] = key
            html = self._built.reusable(page.url, key)
        converted = self._converted.pop(page.file.src_uri, None)
        if html is None:
            if converted is not None and converted.markdown_digest == markdown_digest(markdown, page.meta):
                page.render = render_from(page, converted, files)
            return markdown
        self._reused[page.url] = html
        page.meta["template"] = REUSED_TEMPLATE
        page.render = reused_render(page, self._built.anchors(page.url))  # no Markdown to set up
        return ""

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        output = self._reused.pop(page.url, output)
        if self._built is not None:
            self._built.record(page.url, self._keys.get(page.url), output, page.present_anchor_ids)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The Atom feed and the search index beside the site, from this build's briefings.

        Under `mkdocs serve` a search index that must be made again is made after the build, in
        the background, and the site keeps the last one until then (search.BackgroundIndex).
        """
        site_dir = Path(config.site_dir)
        self._converted = {}  # what a page left out of the build (a draft) did not take
        try:
            index = self.config.search == "pagefind"
            deferred = False
            if self._dirty:  # the site keeps its last index until the new one is made
                index, deferred = False, index
                self._remove_outputs(config, self._report.removed if self._report else [])
            elif self._built is not None:
                if self._built.reused:
                    log.info("briefings: %d pages unchanged since the last build, reused", self._built.reused)
                if (index and not self._index_stale and self._built.search_index_reusable()
                        and self._built.reuse_search_index()):
                    index = False
                elif index and self._serving:
                    self._built.reuse_search_index()  # the last index, until the new one is in place
                    index, deferred = False, True
            for problem in finish_site(self._briefings, site_dir, site_name=config.site_name,
                                       site_url=config.site_url or None,
                                       site_description=config.site_description, index=index):
                log.warning("briefings: %s", problem)
            if self._built is not None:
                self._built.finish()
                if self._serving:
                    self._served_pages = self._built.current
            if deferred:
                log.info("briefings: search index being made again in the background")
                self._indexer.start(site_dir)
        finally:
            self._release()
        if self._serving and self._warming is None:
            self._warming = threading.Thread(target=self._warm_up, daemon=True)
            self._warming.start()
        if self._dirty and self._report is not None and self._report.deferred:
            self._followup = threading.Thread(target=self._write_deferred, args=(config,), daemon=True)
            self._followup.start()

    def _remove_outputs(self, config: MkDocsConfig, pages: list[str]) -> None:
        """A dirty build keeps the HTML of every page it does not build: that of a removed page
        must go with its Markdown."""
        for page in pages:
            output = Path(File(page, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)
            try:
                output.unlink()
            except OSError:
                pass

    def _write_deferred(self, config: MkDocsConfig) -> None:
        """After a dirty build has served the saved article, write the pages it left (actor
        pages, indexes); the server sees them change and builds them next."""
        try:
            report = build(self._project(config), nlp_factory=self._model, n_process=1,
                           time_budget=float(self.config.time_budget), warm=self._warm)
        except BuildError as error:
            log.warning("briefings: %s", error)
            return
        for error in report.errors:
            log.warning("briefings: could not process %s", error)

    def on_build_error(self, *, error: Exception) -> None:
        self._built = None  # the set-aside site is removed at the next build
        self._served_pages = {}
        self._release()

    def on_shutdown(self) -> None:
        if self._followup is not None:
            self._followup.join()
        self._indexer.stop()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        project = self._project(config)
        for folder in (project.seeds_dir, project.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        if (project.root / ACTORS_FILE).is_file():
            server.watch(str(project.root / ACTORS_FILE))
        return server
