"""The build: read every article → analyse what changed → cross-article index → render → write.

Articles that fail are reported and skipped; everything else still gets its page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .briefing import build_briefing
from .cache import BriefingCache, cache_key
from .crossref import ACTOR_TYPES, actor_index, briefing_pages, by_month, newest_first
from .models import Article, Briefing
from .nlp import analyse, load_model
from .readers import ArticleError, is_article_file, read_article
from .render import Renderer
from .write import Outcome, generated_pages, ownership, Ownership, remove_stale_temporaries, write_page


@dataclass(frozen=True)
class Project:
    """Where things live; by default the fixed layout of the project folder."""

    root: Path
    seeds_dir: Path
    templates_dir: Path
    docs_dir: Path
    cache_dir: Path

    @classmethod
    def at(cls, root: Path, *, docs_dir: Path | None = None, seeds: str = "seeds",
           templates: str = "templates", cache: str = ".briefing-cache") -> Project:
        root = root.resolve()
        return cls(
            root=root,
            seeds_dir=root / seeds,
            templates_dir=root / templates,
            docs_dir=(docs_dir or root / "briefings").resolve(),
            cache_dir=root / cache,
        )


@dataclass
class BuildReport:
    analysed: list[str] = field(default_factory=list)
    cached: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.kept

    def lines(self) -> list[str]:
        out = [
            f"{len(self.analysed)} analysed, {self.cached} from cache; "
            f"{len(self.written)} pages written, {self.unchanged} unchanged, {len(self.removed)} removed"
        ]
        out += [f"written: {page}" for page in self.written]
        out += [f"removed: {page}" for page in self.removed]
        out += [f"warning: {note}" for note in self.kept]
        out += [f"error: {error}" for error in self.errors]
        return out


def seed_files(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_seeds(project: Project, report: BuildReport) -> list[tuple[Article, str]]:
    """Every readable article with its cache key; problems go to the report."""
    articles: list[tuple[Article, str]] = []
    seen_ids: dict[str, str] = {}
    for path in seed_files(project.seeds_dir):
        relpath = path.relative_to(project.root).as_posix()
        if not is_article_file(path):
            report.errors.append(ArticleError(relpath, f"unsupported file type {path.suffix!r}"))
            continue
        try:
            raw = path.read_bytes()
            article = read_article(path, project.root)
        except ArticleError as error:
            report.errors.append(ArticleError(relpath, error.reason))
            continue
        except OSError as error:
            report.errors.append(ArticleError(relpath, f"cannot be read ({error.strerror})"))
            continue
        if article.id in seen_ids:
            report.errors.append(ArticleError(
                relpath, f"has the same name as {seen_ids[article.id]}; rename one of them"))
            continue
        seen_ids[article.id] = relpath
        articles.append((article, cache_key(raw)))
    return articles


def briefings_for(articles: list[tuple[Article, str]], cache: BriefingCache,
                  nlp_factory: Callable[[], Language], report: BuildReport,
                  n_process: int = 1) -> list[Briefing]:
    briefings: dict[str, Briefing] = {}
    missing: list[Article] = []
    keys = {article.id: key for article, key in articles}
    for article, key in articles:
        cached = cache.get(article.id, key)
        if cached is not None:
            briefings[article.id] = cached
            report.cached += 1
        else:
            missing.append(article)
    if missing:
        nlp = nlp_factory()
        for analysed in analyse(nlp, missing, n_process=n_process):
            briefing = build_briefing(analysed)
            cache.put(briefing.id, keys[briefing.id], briefing)
            briefings[briefing.id] = briefing
            report.analysed.append(analysed.article.path)
    cache.prune(set(keys))
    return [briefings[article.id] for article, _ in articles]


def site_pages(briefings: list[Briefing], renderer: Renderer) -> dict[str, str]:
    """Page path (relative to docs_dir) → Markdown, for every page the generator owns."""
    pages = briefing_pages(briefings)
    actors = actor_index(briefings, pages)
    actor_pages = {name: f"actors/{entry.slug}.md" for name, entry in actors.items()}
    months = by_month(briefings)
    out: dict[str, str] = {}
    for briefing in briefings:
        out[pages[briefing.id]] = renderer.briefing(
            briefing, page_path=pages[briefing.id], actor_pages=actor_pages)
    out["index.md"] = renderer.page(
        "home.md.j2", page_path="index.md", latest=newest_first(briefings)[:30],
        pages=pages, months=months, total=len(briefings))
    out["archive/index.md"] = renderer.page(
        "archive.md.j2", page_path="archive/index.md", months=months, pages=pages)
    for month, items in months.items():
        path = f"archive/{month}.md"
        out[path] = renderer.page("month.md.j2", page_path=path, month=month, briefings=items, pages=pages)
    out["actors/index.md"] = renderer.page(
        "actors.md.j2", page_path="actors/index.md", actors=actors, types=ACTOR_TYPES,
        actor_pages=actor_pages)
    for name, entry in actors.items():
        path = actor_pages[name]
        out[path] = renderer.page("actor.md.j2", page_path=path, actor=entry)
    return out


def write_site(project: Project, pages: dict[str, str], report: BuildReport, *, force: bool) -> None:
    docs = project.docs_dir
    docs.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(docs)
    for relpath in sorted(pages):
        outcome = write_page(docs / relpath, pages[relpath], force=force)
        shown = (docs / relpath).relative_to(project.root).as_posix() if docs.is_relative_to(project.root) else relpath
        if outcome is Outcome.WRITTEN:
            report.written.append(shown)
        elif outcome is Outcome.UNCHANGED:
            report.unchanged += 1
        elif outcome is Outcome.KEPT_EDITED:
            report.kept.append(f"{shown} was edited by hand since it was generated; kept it "
                               "(run `briefing build --force` to overwrite)")
        else:
            report.kept.append(f"{shown} was not written by the generator; kept it and did not "
                               "generate that page")
    for path in generated_pages(docs):
        relpath = path.relative_to(docs).as_posix()
        if relpath in pages:
            continue
        if ownership(path) is Ownership.GENERATED or force:
            path.unlink()
            report.removed.append(relpath)
        else:
            report.kept.append(f"{relpath} was edited by hand and its article is gone; kept it")


def build(project: Project, *, force: bool = False, nlp_factory: Callable[[], Language] = load_model,
          n_process: int = 1) -> BuildReport:
    report = BuildReport()
    articles = read_seeds(project, report)
    briefings = briefings_for(articles, BriefingCache(project.cache_dir), nlp_factory, report, n_process)
    pages = site_pages(briefings, Renderer(project.templates_dir))
    write_site(project, pages, report, force=force)
    return report
