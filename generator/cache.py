"""Per-article cache of extraction results, so unchanged articles need no NLP.

The key is a hash of the article file's bytes and of the code that turns an article into a
briefing (the modules extraction imports, found by reading their imports): a changed article
or a new extractor invalidates exactly what it should, and a change to the pages, the feed or
the command line invalidates nothing, so an archive of 200,000 extractions survives it. The folder is safe to
delete (everything is rebuilt) and safe to commit or to ignore. Entries are named
``<article>.briefing.json`` and only such files are ever pruned, whatever else the folder holds.
"""

from __future__ import annotations

import ast
import hashlib
import json
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from . import __version__
from .models import Article, Briefing
from .write import atomic_write

ENTRY_SUFFIX = ".briefing.json"


# Where extraction starts: what every build and `briefing extract` call (parallel.brief_articles).
EXTRACTION_ENTRY = "parallel.py"


def imported_modules(path: Path, package: Path) -> set[Path]:
    """The package's own modules that ``path`` imports (relative or ``generator.…`` imports)."""
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = path.parent
                for _ in range(node.level - 1):
                    base = base.parent
                parts = node.module.split(".") if node.module else []
            elif node.module and node.module.split(".")[0] == package.name:
                base, parts = package, node.module.split(".")[1:]
            else:
                continue
            target = base.joinpath(*parts)
            # ``from .analysis import quotations`` may name a submodule as well as a package.
            candidates = [target] + [target / alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [package.joinpath(*alias.name.split(".")[1:]) for alias in node.names
                          if alias.name.split(".")[0] == package.name]
        else:
            continue
        for candidate in candidates:
            for file in (candidate.with_suffix(".py"), candidate / "__init__.py"):
                if file.is_file():
                    found.add(file)
    return found


def extraction_modules(package: Path) -> list[Path]:
    """Every module reachable by imports from the extraction entry point, packages' ``__init__``
    included (importing ``a.b`` runs ``a/__init__.py``)."""
    seen: set[Path] = set()
    todo = [package / EXTRACTION_ENTRY, package / "__init__.py"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(imported_modules(path, package))
        for parent in path.relative_to(package).parents:
            init = package / parent / "__init__.py"
            if init.is_file():
                todo.append(init)
    return sorted(seen)


@cache
def code_digest() -> str:
    """Hash of the code extraction runs (computed once per process; it does not change)."""
    package = Path(__file__).parent
    hasher = hashlib.sha256(__version__.encode())
    for path in extraction_modules(package):
        hasher.update(path.relative_to(package).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def cache_key(article: Article) -> str:
    """What extraction depends on. The rest of the front matter (author, tags, overrides, the
    review state) is left out: it is taken from the article at every build, so marking a briefing
    reviewed or correcting it costs no analysis."""
    content = {
        "text": article.text,
        "date": article.date.isoformat() if article.date else None,
        "title": article.title,
        "path": article.path,
    }
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(f"{code_digest()}\0{payload}".encode()).hexdigest()


class BriefingCache:
    def __init__(self, directory: Path, parsed: dict[tuple[str, str], dict] | None = None) -> None:
        """``parsed``: entries already read, by (article, key), kept by a long-lived process
        (``mkdocs serve``) between builds; an entry's key says what it was made from, so a kept
        one is right as long as the key matches."""
        self.directory = directory
        self.parsed = parsed

    def _path(self, article_id: str) -> Path:
        return self.directory / f"{article_id}{ENTRY_SUFFIX}"

    def get(self, article_id: str, key: str) -> tuple[Briefing, str] | None:
        """The cached briefing and the hash of its content, or None when stale or missing."""
        try:
            data = self.parsed.get((article_id, key)) if self.parsed is not None else None
            if data is None:
                data = json.loads(self._path(article_id).read_text(encoding="utf-8"))
                if data.get("key") != key:
                    return None
            found = Briefing.from_dict(data["briefing"]), data["content"]
            if self.parsed is not None:
                self.parsed[(article_id, key)] = data
            return found
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, stale, or not an entry at all (``[]``, ``null``, a folder)

    def last_good(self, article_id: str) -> tuple[Briefing, str] | None:
        """The article's entry whatever its key: its last good briefing, for an article that
        cannot be analysed now (see pipeline.briefings_for)."""
        try:
            data = json.loads(self._path(article_id).read_text(encoding="utf-8"))
            return Briefing.from_dict(data["briefing"]), data["content"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, article_id: str, key: str, briefing: Briefing) -> str:
        """Store a briefing; returns the hash of its content (what its page is rendered from)."""
        data = briefing.to_dict()
        content = self.content_digest(briefing, data)
        payload = {"key": key, "content": content, "briefing": data}
        atomic_write(self._path(article_id), json.dumps(payload, ensure_ascii=False, sort_keys=True))
        return content

    @staticmethod
    def content_digest(briefing: Briefing, data: dict | None = None) -> str:
        data = briefing.to_dict() if data is None else data
        return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def prune(self, keep: set[str]) -> None:
        if not self.directory.is_dir():
            return
        for path in self.directory.glob(f"*{ENTRY_SUFFIX}"):
            if path.name.removesuffix(ENTRY_SUFFIX) not in keep and path.is_file():
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass  # a stale entry that cannot be removed costs disk space, nothing else


READ_ARTICLES_NAME = "read-articles.json"


class ReadArticles:
    """The articles the last build read, each with the signature of its files (see
    ``pipeline.file_signature``), so that a build reads and parses again only the seeds that
    changed: at 5,000 articles reading them all is 5 s of a build in which nothing changed.

    Keyed by the code that reads articles (it is part of the extraction code): a changed reader
    reads everything again. Only an article whose front matter comes back from JSON equal is
    kept (a YAML date, say, would come back a string), so what is read from here is always
    what reading the file gives. Anything unreadable is an empty store, never a failed build.
    """

    def __init__(self, directory: Path) -> None:
        self.path = directory / READ_ARTICLES_NAME
        self.loaded: dict[str, list] = {}

    def load(self) -> dict[Path, tuple[tuple, Article]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("code") != code_digest():
                return {}
            self.loaded = data["articles"]
            return {Path(path): (signature_from_json(signature), article_from_json(record))
                    for path, (signature, record) in self.loaded.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.loaded = {}
            return {}

    def save(self, kept: dict[Path, tuple[tuple, Article]], current: Callable[[Path], tuple]) -> None:
        """Store what was kept for files still as they were (``current``: a path's signature now);
        written only when it differs from what was loaded."""
        articles: dict[str, list] = {}
        for path, (signature, article) in kept.items():
            record = article_to_json(article)
            if record is not None and current(path) == signature:
                articles[str(path)] = [[list(part) if part is not None else None for part in signature], record]
        if articles == self.loaded:
            return
        try:
            atomic_write(self.path, json.dumps({"code": code_digest(), "articles": articles}, ensure_ascii=False,
                                               sort_keys=True))
        except (OSError, ValueError):  # ValueError: text that cannot be written as UTF-8 (a lone surrogate)
            pass  # a store that cannot be written means reading the seeds again next time
        self.loaded = articles


def signature_from_json(signature: list) -> tuple:
    return tuple(tuple(part) if part is not None else None for part in signature)


def article_to_json(article: Article) -> dict | None:
    """The article as JSON, or None when its front matter would not come back the same."""
    try:
        meta = json.loads(json.dumps(article.meta))
    except (TypeError, ValueError):
        return None
    if meta != article.meta or (article.date is not None and type(article.date) is not date):
        return None
    return {"id": article.id, "path": article.path, "text": article.text, "title": article.title,
            "date": article.date.isoformat() if article.date else None, "meta": meta}


def article_from_json(record: dict) -> Article:
    return Article(id=record["id"], path=record["path"], text=record["text"], title=record["title"],
                   date=date.fromisoformat(record["date"]) if record["date"] else None, meta=record["meta"])
