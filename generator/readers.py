"""Read article files into :class:`Article`, one reader per file extension.

Readers never modify the file they read. A file that cannot be read raises
:class:`ArticleError` naming the file and the reason, so the build can report it and go on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .models import Article

DATE_LINE = re.compile(r"^\s*date\s+(\S+)\s*")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArticleError(Exception):
    """An article that cannot become a briefing; the message names the file and why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def normalise_text(text: str) -> str:
    """Unicode NFC, no stray control characters or non-breaking spaces, paragraphs by blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\ufeff", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        joined = re.sub(r"[ \t]+", " ", joined)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def parse_date(value: Any, path: Path) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not ISO_DATE.match(text):
        raise ArticleError(path, f"date {text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArticleError(path, f"date {text!r} is not a valid calendar date") from None


def decode(raw: bytes, path: Path) -> str:
    if b"\x00" in raw[:4096]:
        raise ArticleError(path, "file is binary, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ArticleError(path, "file is not valid UTF-8 text") from None


def article_id(path: Path) -> str:
    return path.stem


def read_txt(path: Path, raw: bytes, relpath: str) -> Article:
    """The seed format: an optional leading ``date YYYY-MM-DD`` before the first sentence."""
    text = decode(raw, path).lstrip("\ufeff")
    article_date = None
    match = DATE_LINE.match(text)
    if match:
        article_date = parse_date(match.group(1), path)
        text = text[match.end():]
    return finish(Article(id=article_id(path), path=relpath, text=text, date=article_date), path)


def read_md(path: Path, raw: bytes, relpath: str) -> Article:
    """Markdown with YAML front matter (title, date, url, author, publisher, tags)."""
    try:
        post = frontmatter.loads(decode(raw, path))
    except yaml.YAMLError as error:
        reason = str(error).splitlines()[0]
        raise ArticleError(path, f"front matter is not valid YAML ({reason})") from None
    meta = dict(post.metadata)
    title = meta.pop("title", None)
    article_date = parse_date(meta.pop("date", None), path)
    return finish(
        Article(
            id=article_id(path),
            path=relpath,
            text=post.content,
            date=article_date,
            title=str(title) if title else None,
            meta={key: meta[key] for key in sorted(meta)},
        ),
        path,
    )


def finish(article: Article, path: Path) -> Article:
    text = normalise_text(article.text)
    if not text:
        raise ArticleError(path, "article is empty")
    return Article(
        id=article.id, path=article.path, text=text, date=article.date,
        title=article.title, meta=article.meta,
    )


READERS: dict[str, Callable[[Path, bytes, str], Article]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
}


def is_article_file(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in READERS


def read_article(path: Path, root: Path | None = None) -> Article:
    """Read one article; ``root`` makes the recorded source path relative to the project."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ArticleError(path, f"unsupported file type {path.suffix!r}")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot be read ({error.strerror})") from None
    relpath = path.relative_to(root).as_posix() if root else path.as_posix()
    return reader(path, raw, relpath)
