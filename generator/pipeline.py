"""The build: read every article → analyse what changed → cross-article index → render → write.

One article never takes the site down: whatever fails while it is read, parsed, briefed or
rendered becomes a named error for that article, and every other article gets its page. A
failing extractor costs only its own section. What stops a build is the environment alone
(a templates folder that is missing or does not compile, a docs folder that cannot be
written), and that is a :class:`BuildError` of one line naming the path and the cause.
"""

from __future__ import annotations

import difflib
import fcntl
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

import yaml
from tqdm import tqdm

from .cache import BriefingCache, ReadArticles, cache_key
from .crossref import (
    NO_RULES,
    ActorEntry,
    ActorRules,
    Split,
    actor_index,
    briefing_pages,
    by_initial,
    by_month,
    combined_timeline,
    letter_page,
    links_of,
    month_of,
    most_named,
    newest_first,
    pages_of_actors,
    quotes_by_speaker,
    review_queue,
    timeline_pages,
    top_actors,
)
from .failures import article_failure, section_failures
from .models import Article, Briefing
from .overrides import apply_overrides
from .parallel import DEFAULT_TIME_BUDGET, brief_articles
from .readers import SIDECAR_SUFFIXES, ArticleError, read_article
from .render import Renderer, TemplatesError, compiled_templates_in
from .vocabulary import ACTOR_TYPES
from .write import (
    Outcome,
    Ownership,
    PageState,
    atomic_write,
    digest,
    generated_pages,
    page_state,
    remove_stale_temporaries,
    restamp_page,
    stamp,
    unstamp,
    write_page,
)

if TYPE_CHECKING:
    from spacy.language import Language

# Cross-article pages stay a bounded size at any archive size (a new article then re-renders a
# few small pages, not megabytes of lists): the home pages of the quotes, the timeline, the
# review queue and the actors show the top or the newest; the rest is on per-month or per-letter
# pages, on actor pages and in the briefings.
QUOTED_SPEAKERS = 30
QUOTES_PER_SPEAKER = 5
TIMELINE_LATEST = 200
TIMELINE_PAGE_EVENTS = 600
REVIEW_LATEST = 100
ACTORS_PER_TYPE = 25
ACTOR_PAGE_MOST = {"briefings": 200, "quotes": 50}
SOURCE_LINE = re.compile(r'^source: (".*")$', re.MULTILINE)
LOCK_NAME = ".lock"


class BuildError(Exception):
    """The environment stops the whole build: one line naming the path and the cause."""


@dataclass(frozen=True)
class Project:
    """Where things live; by default the fixed layout of the project folder."""

    root: Path
    seeds_dir: Path
    templates_dir: Path
    docs_dir: Path
    cache_dir: Path
    accepted_dir: Path  # the generator's version of every accepted edit, outside the docs

    @classmethod
    def at(cls, root: Path, *, docs_dir: Path | None = None, seeds: str = "seeds",
           templates: str = "templates", cache: str = ".briefing-cache",
           accepted: str = "accepted") -> Project:
        root = root.resolve()
        return cls(
            root=root,
            seeds_dir=root / seeds,
            templates_dir=root / templates,
            docs_dir=(docs_dir or root / "briefings").resolve(),
            cache_dir=root / cache,
            accepted_dir=root / accepted,
        )

    @property
    def compiled_templates_dir(self) -> Path:
        """Jinja's compiled templates, ours and the theme's, between builds (render.compiled_templates_in)."""
        return self.cache_dir / "compiled-templates"

    def page_name(self, page: str) -> str:
        """A page as the user names it (from here, from the project or from the docs folder),
        relative to the docs folder."""
        for base in (Path.cwd(), self.root, self.docs_dir):
            path = (base / page).resolve()
            if path.is_relative_to(self.docs_dir) and path.exists():
                return path.relative_to(self.docs_dir).as_posix()
        return Path(page).as_posix()


@dataclass
class BuildReport:
    analysed: list[str] = field(default_factory=list)
    cached: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    skipped_overrides: list[str] = field(default_factory=list)  # "seeds/x.md: override `…`: …; skipped"
    errors: list[ArticleError] = field(default_factory=list)
    failed_sources: set[str] = field(default_factory=set)  # articles with no briefing this time
    briefings: list[Briefing] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # every page the generator owns, relative to the docs
    deferred: list[str] = field(default_factory=list)  # changed pages left for the next build (briefings_first)
    last_good: list[str] = field(default_factory=list)  # failed articles published as last analysed

    @property
    def ok(self) -> bool:
        return not self.errors and not self.kept and not self.skipped_overrides

    def lines(self) -> list[str]:
        summary = (f"{len(self.analysed)} analysed, {self.cached} from cache; "
                   f"{len(self.written)} pages written, {self.unchanged} unchanged, "
                   f"{len(self.removed)} removed")
        if self.deferred:
            summary += f", {len(self.deferred)} left for the next build"
        out = [summary]
        out += [f"written: {page}" for page in self.written]
        out += [f"removed: {page}" for page in self.removed]
        out += [f"accepted: {note}" for note in self.accepted]
        out += [f"warning: {note}" for note in self.kept]
        out += [f"warning: {note}" for note in self.skipped_overrides]
        out += [f"error: could not process {error}" for error in self.errors]
        if self.errors:
            out.append(f"error: {self.failure_summary()}")
        return out

    def failure_summary(self) -> str:
        summary = f"{len({error.path for error in self.errors})} article(s) failed; every other article has its page"
        if self.last_good:
            summary += f"; {len(self.last_good)} keep their briefing as last analysed until they can be analysed again"
        return summary


def seed_files(seeds_dir: Path) -> list[Path]:
    """Every file and every link in ``seeds_dir`` and its folders, but for hidden names.

    Folders are walked without following links (``Path.rglob`` follows them or not depending on
    the Python version): a linked folder is listed as one path, so that :func:`read_seeds` can
    refuse it by name when it leads out of seeds/, and no article is reached twice through it.

    A seed's sidecar (``strike.yml`` beside ``strike.txt``, ``.html`` or ``.htm``) is read with
    its seed and is not listed; a ``.yml`` with no such seed beside it is, so that the build
    reports it (:func:`generator.readers.read_article` says which seed it expected).
    """
    from .readers import SIDECAR_SEED_SUFFIXES, SIDECAR_SUFFIXES

    if not seeds_dir.is_dir():
        return []
    found: list[Path] = []
    folders = [seeds_dir]
    while folders:
        folder = folders.pop()
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue  # a folder that vanished or cannot be listed holds no article we could read
        seeds_here = {(path.stem, path.suffix.lower()) for path in entries}
        for path in entries:
            if path.suffix in SIDECAR_SUFFIXES and any(
                    (path.stem, suffix) in seeds_here for suffix in SIDECAR_SEED_SUFFIXES):
                continue  # a seed's sidecar, read with the seed
            if path.is_symlink():
                if not path.name.startswith("."):
                    found.append(path)
            elif path.is_dir():
                folders.append(path)
            elif path.is_file() and not path.name.startswith("."):
                found.append(path)
    return sorted(found)


def file_signature(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when a file is written: size, modification and change times, inode."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


# A file changed less than this long before it was read may change again within the same
# timestamp; it is read again next time rather than trusted (as git does with its index).
SETTLED_NS = 2_000_000_000


@dataclass
class WarmCache:
    """What a long-lived process (``mkdocs serve``) keeps between builds, so that a build after
    one saved article does not read every article, cache entry and page again: each is kept
    with the signature of its file(s) and used while they are unchanged. A one-off build makes
    one holding only the articles of the last build (cache.ReadArticles)."""

    articles: dict[Path, tuple[tuple, Article]] = field(default_factory=dict)
    entries: dict[tuple[str, str], dict] = field(default_factory=dict)  # see BriefingCache
    pages: dict[Path, tuple[tuple, PageState]] = field(default_factory=dict)

    @staticmethod
    def _kept(store: dict, path: Path, signature: tuple, read: Callable[[], Any]) -> Any:
        """What ``read`` gives for ``path``, from ``store`` while the file's signature is the same;
        kept only once every file of the signature has settled (see SETTLED_NS)."""
        kept = store.get(path)
        if kept is not None and signature[0] is not None and kept[0] == signature:
            return kept[1]
        started = time.time_ns()
        value = read()
        if signature[0] is not None and all(part is None or part[1] < started - SETTLED_NS for part in signature):
            store[path] = (signature, value)
        return value

    @staticmethod
    def signature(path: Path) -> tuple:
        # A .txt or .html seed's sidecar is read with it: its signature is part of the seed's.
        return (file_signature(path), *(file_signature(path.with_suffix(s)) for s in SIDECAR_SUFFIXES))

    def article(self, path: Path, root: Path) -> Article:
        return self._kept(self.articles, path, self.signature(path), lambda: read_article(path, root))

    def page(self, path: Path, relpath: str) -> PageState:
        return self._kept(self.pages, path, (file_signature(path),), lambda: page_state(path, relpath))


def read_seeds(project: Project, report: BuildReport, paths: list[Path] | None = None,
               warm: WarmCache | None = None) -> list[Article]:
    """Every readable article, each once; every problem goes to the report, none stops the build.

    Only what is inside seeds/ is read: a link (to a file or a folder) that leads out of it is
    refused unread and by name, so a seed can never publish a private file of whoever builds
    the site. Such a link is not a failed source either, so a page once made from it is removed
    rather than kept. A link that stays inside seeds/ is read only when its file is not read
    anyway: each file is read once, under its own name when it is itself a seed, else under the
    first link to it in sorted order; a linked folder inside seeds/ is read at its own place.
    """
    articles: list[Article] = []
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    candidates = seed_files(project.seeds_dir) if paths is None else paths
    seeds = project.seeds_dir.resolve()
    seeds_name = (project.seeds_dir.relative_to(project.root).as_posix()
                  if project.seeds_dir.is_relative_to(project.root) else project.seeds_dir.as_posix())
    reals: dict[Path, Path | None] = {}
    for path in candidates:
        try:
            reals[path] = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a loop of links, before Python 3.13
            reals[path] = None
    seed_reals = {real for path, real in reals.items() if real is not None and not path.is_symlink()}
    linked: set[Path] = set()
    for path in candidates:
        relpath = path.relative_to(project.root).as_posix()
        real = reals[path]
        if real is None:
            report.errors.append(ArticleError(relpath, "is a link that leads nowhere (a loop of links); not read"))
            continue
        if not real.is_relative_to(seeds):
            kind = "folder" if real.is_dir() else "file"
            report.errors.append(ArticleError(relpath, f"is a link to a {kind} outside {seeds_name}/; not read"))
            continue
        if path.is_symlink():
            if real.is_dir() or real in seed_reals or real in linked:
                continue  # read at its own place, or through an earlier link: one file, one article
            if not real.exists():
                report.errors.append(ArticleError(relpath, "is a link to a file that does not exist; not read"))
                continue
            linked.add(real)
        try:
            article = warm.article(path, project.root) if warm else read_article(path, project.root)
        except ArticleError as error:
            report.errors.append(ArticleError(relpath, error.reason))
            report.failed_sources.add(relpath)
            continue
        except Exception as error:  # noqa: BLE001 - a reader's bug is this file's failure alone
            report.errors.append(article_failure(relpath, "reading failed", error))
            report.failed_sources.add(relpath)
            continue
        if article.id in seen_ids:
            report.errors.append(ArticleError(
                relpath, f"has the same name as {seen_ids[article.id]}; rename one of them"))
            continue
        fingerprint = " ".join(article.text.split()).casefold()
        if fingerprint in seen_texts:
            report.errors.append(ArticleError(
                relpath, f"is the same article as {seen_texts[fingerprint]}; remove one of them"))
            continue
        seen_ids[article.id] = relpath
        seen_texts[fingerprint] = relpath
        articles.append(article)
    return articles


def briefings_for(articles: list[Article], cache: BriefingCache, nlp_factory: Callable[[], Language],
                  report: BuildReport, *, n_process: int = 1, progress: bool = False,
                  time_budget: float = DEFAULT_TIME_BUDGET,
                  cluster: str | None = None) -> tuple[list[Briefing], dict[str, str]]:
    """Cached extraction where the article is unchanged; one streaming NLP pass over the rest.

    Also returns, per briefing, a hash of its content with the overrides applied: a new generator
    that extracts the same things changes no page. An article that could not be analysed has no
    briefing and no cache entry (it is tried again next build); one whose extractor failed has
    its briefing, and the failure is reported at every build until the article or the code changes.
    With ``cluster`` (a Dask scheduler's address, or "local"), the NLP runs on that cluster's
    workers (generator/cluster.py), ``n_process`` of them on a local one.
    """
    extracted: dict[str, Briefing] = {}
    contents: dict[str, str] = {}
    missing: list[Article] = []
    keys = {article.id: cache_key(article) for article in articles}
    for article in articles:
        cached = cache.get(article.id, keys[article.id])
        if cached is not None:
            extracted[article.id], contents[article.id] = cached
            report.cached += 1
        else:
            missing.append(article)
    if missing:
        with progress_bar(len(missing), enabled=progress) as bar:
            if cluster:
                results = cluster_results(missing, cluster, n_workers=n_process or os.cpu_count() or 1,
                                          time_budget=time_budget)
            else:
                results = brief_articles(nlp_factory(), missing, n_process=n_process, time_budget=time_budget)
            for article, result in zip(missing, results):
                bar.update(1)
                if isinstance(result, ArticleError):
                    report.errors.append(result)
                    report.failed_sources.add(article.path)
                    # Its last good briefing stays, on its page and in the pages across briefings
                    # (its actors' pages, the indexes), until it can be analysed again.
                    last_good = cache.last_good(article.id)
                    if last_good is not None:
                        extracted[article.id], contents[article.id] = last_good
                        report.last_good.append(article.path)
                    continue
                try:
                    contents[article.id] = cached_content(cache, keys[article.id], result, report)
                except Exception as error:  # noqa: BLE001 - e.g. a value that has no JSON form
                    report.errors.append(article_failure(article.path, "storing the briefing failed", error))
                    report.failed_sources.add(article.path)
                    continue
                extracted[article.id] = result
                report.analysed.append(article.path)
    cache.prune(set(keys))
    briefings = []
    content_keys = {}
    for article in articles:
        if article.id not in extracted:
            continue
        briefing = replace(extracted[article.id], meta=dict(article.meta))  # this build's front matter
        report.errors.extend(section_failures(briefing))
        briefing, problems = corrected(briefing, article)
        report.skipped_overrides.extend(problems)
        briefings.append(briefing)
        content_keys[article.id] = digest(contents[article.id] + json.dumps(article.meta, sort_keys=True, default=str))
    return briefings, content_keys


def corrected(briefing: Briefing, article: Article) -> tuple[Briefing, list[str]]:
    """The briefing with its editor's overrides, and each one that could not be applied
    (``seeds/x.md: override `actors.rename`: …; skipped``): the article keeps its briefing.

    Every command that shows a briefing (the build, ``briefing extract``) goes through this, so
    the page and the JSON agree. A bug in applying them publishes the uncorrected briefing.
    """
    try:
        briefing, problems = apply_overrides(briefing, article.meta.get("overrides"))
    except Exception as error:  # noqa: BLE001 - publish the uncorrected briefing, and say so
        failure = article_failure(article.path, "applying the overrides failed", error)
        return briefing, [f"{failure}; the briefing is published without its overrides"]
    return briefing, [f"{article.path}: {problem}" for problem in problems]


def cached_content(cache: BriefingCache, key: str, briefing: Briefing, report: BuildReport) -> str:
    """Store the briefing and return its content hash; a cache that cannot be written is a warning.

    A briefing with a failed section is not kept: it is tried again, with its traceback, at
    every build until the article or the generator changes.
    """
    if briefing.errors:
        return cache.content_digest(briefing)
    try:
        return cache.put(briefing.id, key, briefing)
    except OSError as error:
        report.kept.append(f"could not write the cache entry of {briefing.source} in "
                           f"{cache.directory} ({error.strerror or error}); it will be analysed again")
        return cache.content_digest(briefing)


def progress_bar(total: int, *, enabled: bool) -> tqdm:
    """Rate and time left in a terminal; silent in CI, in `mkdocs build` and when piped."""
    return tqdm(total=total, unit="article", desc="analysing", disable=not enabled, file=sys.stderr)


@dataclass
class PageJob:
    """A page to write, rendered only when needed: ``inputs`` keys what it is rendered from."""

    render: Callable[[], str]
    inputs: str | None = None
    source: str | None = None  # the article a briefing page is rendered from


def briefing_inputs(briefing: Briefing, content_key: str, page: str, templates: str,
                    actor_pages: dict[str, str], actor_types: dict[str, str]) -> str:
    """Everything a briefing page shows: its briefing, its templates and its links to actor pages."""
    names = sorted({a.name for a in briefing.actors} | {q.speaker for q in briefing.quotes if q.speaker}
                   | {s.speaker for s in briefing.statements if s.speaker})
    links = [(name, actor_pages.get(name), actor_types.get(name)) for name in names]
    return digest(json.dumps([content_key, page, templates, links]))


def actor_inputs(entry: ActorEntry, page: str, templates: str, content_keys: dict[str, str] | None) -> str | None:
    """Everything an actor page shows: its briefings' content (roles, mentions, quotes come from
    them), where they are, its name and type, the templates. None: render it every time."""
    keys = [content_keys.get(a.briefing.id) for a in entry.appearances] if content_keys else [None]
    if None in keys:
        return None
    return digest(json.dumps([templates, page, entry.name, entry.type, [a.page for a in entry.appearances], keys]))


def site_pages(briefings: list[Briefing], renderer: Renderer, content_keys: dict[str, str] | None = None,
               rules: ActorRules = NO_RULES) -> dict[str, PageJob]:
    """Page path (relative to docs_dir) → page job, for every page the generator owns."""
    pages = briefing_pages(briefings)
    actors = actor_index(briefings, pages, rules)
    actor_pages = pages_of_actors(actors)
    split = [entry for entry in actors.values() if entry.only_in is not None]
    actor_types = {name: entry.type for entry in actors.values() for name in entry.names}
    months = by_month(briefings)
    templates = renderer.digest()
    jobs: dict[str, PageJob] = {}
    for briefing in briefings:
        path = pages[briefing.id]
        links = links_of(briefing, split, actor_pages)
        inputs = None
        if content_keys and briefing.id in content_keys:
            inputs = briefing_inputs(briefing, content_keys[briefing.id], path, templates, links, actor_types)
        jobs[path] = PageJob(partial(renderer.briefing, briefing, page_path=path, actor_pages=links),
                             inputs, briefing.source)
    out: dict[str, Callable[[], str]] = {}
    latest = newest_first(briefings)[:12]
    out["index.md"] = partial(
        renderer.page,
        "home.md.j2", page_path="index.md", latest=latest, pages=pages, months=months,
        total=len(briefings), actor_pages=actor_pages, actor_types=actor_types,
        top_actors={b.id: top_actors(b) for b in latest})
    out["archive/index.md"] = partial(renderer.page, "archive.md.j2", page_path="archive/index.md", months=months)
    # A page of one month, letter or period is made from its own briefings, events or actors:
    # its inputs are what it shows, so a new article re-renders only the pages it is on.
    listed: dict[str, tuple[Callable[[], str], object]] = {}
    queue = review_queue(briefings, pages)
    unreviewed = {entry.briefing.id: entry for entry in queue}
    for month, items in months.items():
        path = f"archive/{month}.md"
        listed[path] = (partial(renderer.page, "month.md.j2", page_path=path, month=month, briefings=items,
                                pages=pages, unreviewed=unreviewed),
                        [(pages[b.id], content_keys[b.id]) for b in items]
                        if content_keys and all(b.id in content_keys for b in items) else None)
    letters = by_initial(actors)
    letter_pages = {letter: letter_page(letter) for letter in letters}
    counts = Counter(entry.type for entry in actors.values())
    out["actors/index.md"] = partial(
        renderer.page, "actors.md.j2", page_path="actors/index.md", actors=most_named(actors, ACTORS_PER_TYPE),
        letters=letter_pages, letter=None, counts=counts, types=ACTOR_TYPES, actor_pages=actor_pages)
    for letter, members in letters.items():
        path = letter_pages[letter]
        listed[path] = (partial(renderer.page, "actors.md.j2", page_path=path, actors=members,
                                letters=letter_pages, letter=letter, counts=counts, types=ACTOR_TYPES,
                                actor_pages=actor_pages),
                        [letter_pages, [(e.name, e.type, actor_pages.get(e.name), e.briefing_count,
                                         e.appearances[0].page, e.appearances[0].briefing.title) for e in members]])
    for name, entry in actors.items():
        if entry.has_page:
            path = actor_pages[name]
            jobs[path] = PageJob(partial(renderer.page, "actor.md.j2", page_path=path, actor=entry,
                                         most=ACTOR_PAGE_MOST),
                                 actor_inputs(entry, path, templates, content_keys))
    speakers = quotes_by_speaker(briefings, pages)
    named = [group for group in speakers if group.name]
    shown = named[:QUOTED_SPEAKERS] + [group for group in speakers if not group.name]
    out["quotes/index.md"] = partial(
        renderer.page, "quotes.md.j2", page_path="quotes/index.md", speakers=shown,
        others=len(named) - len(named[:QUOTED_SPEAKERS]), actor_pages=actor_pages, actor_types=actor_types,
        per_speaker=QUOTES_PER_SPEAKER)
    out["review/index.md"] = partial(
        renderer.page, "review.md.j2", page_path="review/index.md", queue=queue[:REVIEW_LATEST],
        waiting=len(queue), months=dict(Counter(month_of(entry.briefing) for entry in queue)),
        total=len(briefings))
    out["search/index.md"] = partial(renderer.page, "search.md.j2", page_path="search/index.md", total=len(briefings))
    events = combined_timeline(briefings, pages)
    timeline = timeline_pages(events, TIMELINE_PAGE_EVENTS)
    periods = [period for period in timeline if len(period) != 7]  # decades and years: the months are theirs
    out["timeline/index.md"] = partial(
        renderer.page, "timeline.md.j2", page_path="timeline/index.md", events=events[:TIMELINE_LATEST],
        periods=periods, page=None)
    for period, page in timeline.items():
        path = f"timeline/{period}.md"
        listed[path] = (partial(renderer.page, "timeline.md.j2", page_path=path, events=page.events, periods=periods,
                                page=page),
                        [periods, page.parts, [(e.date, e.kind, e.text, e.sentence, e.page, e.briefing.title)
                                               for e in page.events]])
    for path, (render, shows) in listed.items():
        jobs[path] = PageJob(render, None if shows is None else digest(json.dumps([path, templates, shows],
                                                                                   default=str)))
    # Every other page is made from the briefings alone: unchanged briefings, unchanged pages.
    everything = None
    if content_keys and all(b.id in content_keys for b in briefings):
        everything = digest(json.dumps([templates, sorted((pages[b.id], content_keys[b.id]) for b in briefings),
                                        repr(rules)]))
    jobs.update((path, PageJob(render, everything and digest(path + everything))) for path, render in out.items())
    return jobs


def page_source(state: PageState) -> str | None:
    """The article a generated briefing page was rendered from (its ``source:`` front matter)."""
    match = SOURCE_LINE.search(state.text or "")
    if match is None:
        return None
    try:
        source = json.loads(match.group(1))
    except ValueError:
        return None
    return source if isinstance(source, str) else None


def shown_path(project: Project, path: Path) -> str:
    return path.relative_to(project.root).as_posix() if path.is_relative_to(project.root) else path.as_posix()


def write_site(project: Project, pages: dict[str, PageJob], report: BuildReport, *,
               force: Collection[str] = (), accept: Collection[str] = (), warm: WarmCache | None = None,
               briefings_first: bool = False) -> None:
    """Write what changed, remove what is gone; a page that fails to render keeps its old version.

    Only pages the generator stamped are ever written over or removed, and a hand edit of one
    only when it is named in ``force`` (paths relative to the docs folder), after a copy of the
    edit is kept in the accepted folder. A page named in ``accept`` becomes the editor's version
    (see :func:`accept_edit`); an accepted page is kept quietly while the generator would write
    what it wrote when the edit was accepted (see :func:`check_accepted`). A hand-edited page
    follows its article when the article's page moves (its date changed).

    With ``briefings_first``, a changed page that spans briefings (an actor's, an index) is
    not written now but listed in ``report.deferred``, for the next build: `mkdocs serve` then
    shows a saved article's page without waiting for the dozens of pages it adds a line to.
    A new one is written, so that no link from a briefing leads nowhere.
    """
    state_of = warm.page if warm else page_state
    docs = project.docs_dir
    try:
        docs.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(docs)
    except OSError as error:
        raise BuildError(f"cannot write the docs folder {shown_path(project, docs)}: "
                         f"{error.strerror or error}") from None
    stamped = {path.relative_to(docs).as_posix(): path for path in generated_pages(docs)}
    # Stamped pages this build does not generate, each read once: moved, kept or removed below.
    stale = {relpath: page_state(path, relpath) for relpath, path in stamped.items() if relpath not in pages}
    move_edits(project, pages, stale, report)
    for relpath in sorted(pages):
        job = pages[relpath]
        target = docs / relpath
        shown = shown_path(project, target)
        state = state_of(target, relpath)
        forced = relpath in force
        if relpath in accept:
            accept_edit(project, relpath, job, state, report)
            continue
        if state.ownership is Ownership.ACCEPTED and not forced:
            check_accepted(project, relpath, job, state, report)
            continue
        # The same inputs render the same page: skip rendering when the page on disk says so.
        if not forced and job.inputs and state.inputs == job.inputs and state.ownership is Ownership.GENERATED:
            outcome = Outcome.UNCHANGED
        elif briefings_first and job.source is None and state.ownership is Ownership.GENERATED and not forced:
            report.deferred.append(relpath)
            continue
        else:
            text = rendered(job, shown, report)
            if text is None:
                continue
            if forced and state.ownership in (Ownership.EDITED, Ownership.ACCEPTED):
                keep_copy(project, relpath, "replaced", unstamp(state.text or "")[1])
            try:
                outcome = write_page(target, text, force=forced, inputs=job.inputs, state=state, page=relpath)
            except OSError as error:
                raise BuildError(f"cannot write {shown}: {error.strerror or error}") from None
            except ValueError as error:  # a template that gives no front matter: that page alone fails
                report.errors.append(article_failure(job.source or shown, f"rendering {shown} failed", error))
                continue
        if outcome is Outcome.WRITTEN:
            report.written.append(shown)
        elif outcome is Outcome.UNCHANGED:
            report.unchanged += 1
        elif outcome is Outcome.KEPT_EDITED:
            report.kept.append(f"{shown} was edited by hand since it was generated; kept it "
                               f"(`briefing accept {shown}` keeps the edit as the page's version; "
                               f"`briefing build --force {shown}` replaces it with the generated page)")
        else:
            report.kept.append(f"{shown} was not written by the generator; kept it and did not "
                               f"generate that page (`briefing accept {shown}` makes it the page's version)")
    for relpath, state in stale.items():
        path = docs / relpath
        if state.ownership is Ownership.FOREIGN:
            continue  # a copy of a generated page, made by someone: theirs
        if report.failed_sources and page_source(state) in report.failed_sources:
            continue  # its article failed this time: the last good page stays until it is fixed
        if state.ownership is Ownership.GENERATED or relpath in force:
            if state.ownership is not Ownership.GENERATED:
                keep_copy(project, relpath, "replaced", unstamp(state.text or "")[1])
            try:
                path.unlink()
            except OSError as error:
                raise BuildError(f"cannot remove {shown_path(project, path)}: {error.strerror or error}") from None
            report.removed.append(relpath)
        else:
            report.kept.append(f"{relpath} was edited by hand and its article is gone; kept it "
                               f"(`briefing build --force {shown_path(project, path)}` removes it)")
    for relpath in sorted(set(force) - set(pages) - set(stamped)):
        report.kept.append(f"--force {relpath}: no generated page there; nothing done")
    for relpath in sorted(set(accept) - set(pages)):
        report.kept.append(f"accept {relpath}: the generator makes no page there (is it the path of a "
                           "briefing in the docs folder?); nothing done")


def rendered(job: PageJob, shown: str, report: BuildReport) -> str | None:
    """The page's text, or None with the failure reported (and its article's old page kept)."""
    try:
        return job.render()
    except Exception as error:  # noqa: BLE001 - one page's failure spares the others
        report.errors.append(article_failure(job.source or shown, f"rendering {shown} failed", error))
        if job.source:
            report.failed_sources.add(job.source)
        return None


def kept_copy_path(project: Project, relpath: str, kind: str) -> Path:
    """``accepted/2025/port.generated.md``: where a version of a page is kept, outside the docs."""
    return project.accepted_dir / f"{relpath.removesuffix('.md')}.{kind}.md"


def keep_copy(project: Project, relpath: str, kind: str, text: str) -> Path:
    """Keep a version of a page: ``generated`` (what an accepted edit replaced), ``new`` (what the
    generator would write now) or ``replaced`` (a hand edit that ``--force`` replaced or removed)."""
    path = kept_copy_path(project, relpath, kind)
    try:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write(path, text)
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(f"cannot keep a copy of {relpath} in {shown_path(project, path)}: "
                         f"{getattr(error, 'strerror', None) or error}") from None
    return path


def accept_edit(project: Project, relpath: str, job: PageJob, state: PageState, report: BuildReport) -> None:
    """Record the page on disk as the editor's version of ``relpath``.

    The generator's version it replaces is kept in the accepted folder, and its hash in the
    page's stamp, so that later builds know whether the generator would still write the same.
    """
    shown = shown_path(project, project.docs_dir / relpath)
    if state.ownership is Ownership.MISSING:
        report.kept.append(f"accept {shown}: there is no page there; nothing done")
        return
    if state.ownership is Ownership.GENERATED:
        report.kept.append(f"accept {shown}: the page is as the generator wrote it; nothing to accept")
        return
    edited = state.text or "" if state.ownership is Ownership.FOREIGN else unstamp(state.text or "")[1]
    if not edited.startswith("---\n"):
        report.kept.append(f"accept {shown}: the page must begin with its front matter (a `---` line, "
                           "as the generator wrote it); nothing done")
        return
    generated = rendered(job, shown, report)
    if generated is None:
        return
    kept = keep_copy(project, relpath, "generated", generated)
    kept_copy_path(project, relpath, "new").unlink(missing_ok=True)
    try:
        atomic_write(project.docs_dir / relpath, stamp(edited, job.inputs, relpath, accepted=digest(generated)))
    except OSError as error:
        raise BuildError(f"cannot write {shown}: {error.strerror or error}") from None
    report.accepted.append(f"{shown} (the generator's version is kept in {shown_path(project, kept)})")


DIFF_LINES = 80


def check_accepted(project: Project, relpath: str, job: PageJob, state: PageState, report: BuildReport) -> None:
    """Keep an accepted edit; warn, with a diff, once the generator would write something else.

    The generator's new version is kept beside the old one, so the editor can carry the change
    into the edit and accept again; the edit itself is never touched but for its stamp.
    """
    shown = shown_path(project, project.docs_dir / relpath)
    if job.inputs and state.inputs == job.inputs:
        report.unchanged += 1
        return
    generated = rendered(job, shown, report)
    if generated is None:
        return
    edited = unstamp(state.text or "")[1]
    if digest(generated) == state.accepted:
        if job.inputs and job.inputs != state.inputs:  # same page from new inputs: not rendered next time
            atomic_write(project.docs_dir / relpath, stamp(edited, job.inputs, relpath, accepted=state.accepted))
        report.unchanged += 1
        return
    base_path = kept_copy_path(project, relpath, "generated")
    try:
        base = base_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        base_path, base = project.docs_dir / relpath, edited
    new_path = keep_copy(project, relpath, "new", generated)
    diff = list(difflib.unified_diff(base.splitlines(), generated.splitlines(), lineterm="",
                                     fromfile=shown_path(project, base_path), tofile=shown_path(project, new_path)))
    if len(diff) > DIFF_LINES:
        diff = diff[:DIFF_LINES] + [f"… {len(diff) - DIFF_LINES} more lines: compare the two files"]
    report.kept.append(
        f"{shown}: the article or the generator changed since this edit was accepted; kept the edit. "
        f"The generator would now write {shown_path(project, new_path)}: carry what you need into the "
        f"edit and run `briefing accept {shown}` again, or `briefing build --force {shown}` to take the "
        "generator's page (the edit is then kept in the accepted folder).\n" + "\n".join(diff))


def move_edits(project: Project, pages: dict[str, PageJob], stale: dict[str, PageState],
               report: BuildReport) -> None:
    """A hand-edited page whose article now has its page elsewhere moves there, edit and all.

    The move happens only into a free path; the edit is then kept (and reported) at its new
    place like any other, and leaves ``stale``; an accepted edit takes its kept versions along.
    Nothing is overwritten.
    """
    new_page = {job.source: relpath for relpath, job in pages.items() if job.source}
    for relpath, state in list(stale.items()):
        path = project.docs_dir / relpath
        edited = state.ownership in (Ownership.EDITED, Ownership.ACCEPTED)
        target = new_page.get(page_source(state)) if edited else None
        if target is None or (project.docs_dir / target).exists():
            continue
        try:
            atomic_write(project.docs_dir / target, restamp_page(state.text or "", target))
            path.unlink()
            for kind in ("generated", "new"):
                old_copy, new_copy = kept_copy_path(project, relpath, kind), kept_copy_path(project, target, kind)
                if old_copy.exists() and not new_copy.exists():
                    new_copy.parent.mkdir(parents=True, exist_ok=True)
                    old_copy.replace(new_copy)
        except OSError as error:
            raise BuildError(f"cannot move {shown_path(project, path)}: {error.strerror or error}") from None
        report.kept.append(f"{shown_path(project, path)} was edited by hand and its article's page moved; "
                           f"moved the edit to {shown_path(project, project.docs_dir / target)}")
        del stale[relpath]


class BuildLock:
    """One build at a time per project: a second one waits until the first has finished.

    ``mkdocs build`` holds it from generating the briefings until the site and its search
    index are written, so two builds at once cannot mix their ``site/`` files either.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        check_folders(self.project)
        try:
            self.project.cache_dir.mkdir(parents=True, exist_ok=True)
            handle = (self.project.cache_dir / LOCK_NAME).open("w")
        except OSError as error:
            raise BuildError(f"cannot use the cache folder {shown_path(self.project, self.project.cache_dir)}: "
                             f"{error.strerror or error}") from None
        fcntl.flock(handle, fcntl.LOCK_EX)
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def check_folders(project: Project) -> None:
    """Refuse a configuration that would build an empty site or prune someone's files.

    A misspelt ``seeds`` option would otherwise build an empty site and remove every
    generated page; a cache folder shared with the project, the articles, the templates or
    the docs would mix the generator's files with the user's.
    """
    if not project.seeds_dir.is_dir():
        raise BuildError(f"the seeds folder {shown_path(project, project.seeds_dir)} does not exist "
                         "(the plugin's `seeds` option names it; create it, even empty, to build a site "
                         "with no briefings)")
    cache = project.cache_dir.resolve()
    for name, folder in (("project", project.root), ("seeds", project.seeds_dir),
                         ("templates", project.templates_dir), ("docs", project.docs_dir)):
        folder = folder.resolve()
        inside = cache.is_relative_to(folder) and folder != project.root.resolve()
        if folder.is_relative_to(cache) or inside:
            raise BuildError(f"the cache folder {shown_path(project, project.cache_dir)} must be a folder of "
                             f"its own, not the {name} folder or inside it (the plugin's `cache` option "
                             "names it; the default is .briefing-cache)")


def cluster_results(articles: list[Article], address: str, *, n_workers: int,
                    time_budget: float) -> Iterator[Briefing | ArticleError]:
    """:func:`generator.cluster.brief_on_cluster`, with a cluster that cannot be had (the extra
    not installed, no scheduler at the address) as a :class:`BuildError`: it stops every article."""
    try:
        from .cluster import ClusterUnavailable, brief_on_cluster
    except ImportError as error:
        raise BuildError(f"--cluster needs Dask distributed ({error}): "
                         "pip install 'briefing-generator[cluster]'") from None
    try:
        yield from brief_on_cluster(articles, address, n_workers=n_workers, time_budget=time_budget)
    except ClusterUnavailable as error:
        raise BuildError(str(error)) from None


ACTORS_FILE = "actors.yml"


def read_actor_rules(project: Project, report: BuildReport) -> ActorRules:
    """The project's ``actors.yml`` (beside ``mkdocs.yml``): who is who across briefings, where
    the merge key is wrong.

    ```yaml
    same:                          # each list is one actor in every briefing, named as its first
      - [Barack Obama, Obama]
    different:                     # in these briefings, the name is another actor
      - {name: Michael Jordan, as: Michael I. Jordan, briefings: [seeds/ai-lab.txt]}
    ```

    A rule that cannot be used is a warning naming it, and skipped; the others apply.
    """
    path = project.root / ACTORS_FILE
    if not path.is_file():
        return NO_RULES
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        report.skipped_overrides.append(f"{ACTORS_FILE}: cannot be read ({reason}); none of its rules apply")
        return NO_RULES
    if data is None:
        return NO_RULES
    if not isinstance(data, dict) or set(data) - {"same", "different"}:
        report.skipped_overrides.append(f"{ACTORS_FILE}: holds `same:` and `different:` lists only; "
                                        "none of its rules apply")
        return NO_RULES
    same: list[tuple[str, ...]] = []
    for number, group in enumerate(data.get("same") or [], 1):
        if isinstance(group, list) and len(group) >= 2 and all(isinstance(n, str) and n.strip() for n in group):
            same.append(tuple(name.strip() for name in group))
        else:
            report.skipped_overrides.append(f"{ACTORS_FILE}: same, item {number}: a list of two or more names; "
                                            "skipped")
    splits: list[Split] = []
    for number, item in enumerate(data.get("different") or [], 1):
        sources = item.get("briefings") if isinstance(item, dict) else None
        if (isinstance(item, dict) and all(isinstance(item.get(k), str) and item[k].strip() for k in ("name", "as"))
                and isinstance(sources, list) and sources and all(isinstance(b, str) for b in sources)):
            splits.append(Split(item["name"].strip(), frozenset(sources), item["as"].strip()))
        else:
            report.skipped_overrides.append(
                f"{ACTORS_FILE}: different, item {number}: needs `name`, `as` and `briefings` (a list of "
                "seeds, as seeds/ai-lab.txt); skipped")
    return ActorRules(tuple(same), tuple(splits))


def spacy_model() -> Language:
    """The model, imported only when an article needs analysing: a build whose articles all come
    from the cache never loads spaCy."""
    from .nlp import load_model

    return load_model()


def build(project: Project, *, force: Collection[str] = (), nlp_factory: Callable[[], Language] | None = None,
          n_process: int = 1, progress: bool = False, time_budget: float = DEFAULT_TIME_BUDGET,
          lock: BuildLock | None = None, accept: Collection[str] = (), cluster: str | None = None,
          warm: WarmCache | None = None, briefings_first: bool = False) -> BuildReport:
    """One build at a time per project (see :class:`BuildLock`; pass one the caller holds).

    ``force`` names the pages, relative to the docs folder, whose hand edits are replaced;
    ``accept`` those whose hand edits become the page's version (``briefing accept``).
    ``cluster``: run the NLP on a Dask cluster (see :func:`briefings_for`). ``warm`` and
    ``briefings_first`` are for `mkdocs serve` (see :class:`WarmCache` and :func:`write_site`).
    Raises :class:`BuildError` only for what stops every page alike; an article's own failure
    is in the report.
    """
    report = BuildReport()
    try:
        check_folders(project)  # before the compiled templates go into the cache folder
        renderer = Renderer(project.templates_dir, compiled_templates_in(project.compiled_templates_dir))
    except TemplatesError as error:
        raise BuildError(str(error)) from None
    with nullcontext() if lock else BuildLock(project):  # a caller's lock stays held after the build
        # `mkdocs serve` keeps the articles it read in memory; a build takes them from the last one.
        read = None if warm else ReadArticles(project.cache_dir)
        kept = warm or WarmCache(articles=read.load())
        articles = read_seeds(project, report, warm=kept)
        if read is not None:
            read.save(kept.articles, current=WarmCache.signature)
        cache = BriefingCache(project.cache_dir, parsed=warm.entries if warm else None)
        briefings, content_keys = briefings_for(articles, cache, nlp_factory or spacy_model,
                                                report, n_process=n_process, progress=progress,
                                                time_budget=time_budget, cluster=cluster)
        pages = site_pages(briefings, renderer, content_keys, read_actor_rules(project, report))
        write_site(project, pages, report, force=frozenset(force), accept=frozenset(accept), warm=warm,
                   briefings_first=briefings_first)
        report.pages = sorted(pages)
    report.briefings = briefings
    return report
