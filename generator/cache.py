"""Per-article cache of extraction results, so unchanged articles need no NLP.

The key is a hash of the article file's bytes and of the generator's own code: a changed
article or a new extractor invalidates exactly what it should. The folder is safe to
delete (everything is rebuilt) and safe to commit or to ignore. Entries are named
``<article>.briefing.json`` and only such files are ever pruned, whatever else the folder holds.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from . import __version__
from .models import Article, Briefing
from .write import atomic_write

ENTRY_SUFFIX = ".briefing.json"


@cache
def code_digest() -> str:
    """Hash of the generator's source files (computed once per process; they do not change)."""
    package = Path(__file__).parent
    hasher = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
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
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, article_id: str) -> Path:
        return self.directory / f"{article_id}{ENTRY_SUFFIX}"

    def get(self, article_id: str, key: str) -> tuple[Briefing, str] | None:
        """The cached briefing and the hash of its content, or None when stale or missing."""
        try:
            data = json.loads(self._path(article_id).read_text(encoding="utf-8"))
            if data.get("key") != key:
                return None
            return Briefing.from_dict(data["briefing"]), data["content"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, stale, or not an entry at all (``[]``, ``null``, a folder)

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
