"""`briefing add URL`: fetch a web page and save its article in ``seeds/`` as Markdown."""

from __future__ import annotations

import urllib.request
from datetime import date
from pathlib import Path

import trafilatura
import yaml

from . import __version__
from .readers import ArticleError, english_share
from .slugs import slugify

USER_AGENT = f"briefing-generator/{__version__} (+https://github.com/)"
MAX_PAGE_BYTES = 20 * 1024 * 1024


def fetch_page(url: str, *, timeout: float = 30.0) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        raise ArticleError(url, f"could not be fetched ({getattr(error, 'reason', error)})") from None


def page_to_markdown(url: str, page: bytes) -> tuple[str, str]:
    """The seed file name and its content: front matter from the page's metadata, then the text."""
    if len(page) > MAX_PAGE_BYTES:
        raise ArticleError(url, f"page is larger than {MAX_PAGE_BYTES // 2**20} MB")
    document = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False)
    if document is None or not (document.text or "").strip():
        raise ArticleError(url, "no article text found on this page")
    text = "\n\n".join(line.strip() for line in document.text.splitlines() if line.strip())
    if english_share(text) < 0.2:
        raise ArticleError(url, "the article does not look like English; only English is supported")
    meta: dict[str, object] = {"title": document.title or None, "url": url}
    if document.date:
        try:
            meta["date"] = date.fromisoformat(document.date[:10]).isoformat()
        except ValueError:
            pass
    if document.author:
        meta["author"] = document.author
    if document.sitename:
        meta["publisher"] = document.sitename
    front = yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False)
    stem = slugify(document.title or url, max_words=8)
    if "date" in meta:
        stem = f"{meta['date']}-{stem}"
    return f"{stem}.md", f"---\n{front}---\n\n{text}\n"


def add_article(url: str, seeds_dir: Path) -> Path:
    """Write the fetched article as a new seed; an existing file is never replaced."""
    name, content = page_to_markdown(url, fetch_page(url))
    seeds_dir.mkdir(parents=True, exist_ok=True)
    path = seeds_dir / name
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(content)
    except FileExistsError:
        raise ArticleError(path, "already exists; not overwritten (remove it first to fetch again)") from None
    return path
