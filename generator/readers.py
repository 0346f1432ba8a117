"""Read article files into :class:`Article`, one reader per file extension.

Readers never modify the file they read. A file that cannot become a briefing raises
:class:`ArticleError` naming the file and the reason, so the build reports it and goes on.
"""

from __future__ import annotations

import html
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from charset_normalizer import from_bytes
from spacy.lang.en.stop_words import STOP_WORDS

from .models import Article
from .overrides import validate_overrides

DATE_LINE = re.compile(r"^\s*date\s+(\S+)\s*")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Unicode category Cc but for newline and tab.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Far longer than any news article (about 35,000 words); beyond it the parser's memory grows fast.
MAX_ARTICLE_CHARS = 200_000
# A file is refused by its size before a byte of it is read, so a 300 MB file costs no memory.
# The byte limits follow from the character limit: a character is at most 4 bytes in UTF-8 (and
# in UTF-16); a text seed gets twice that again for what the reader takes out before counting
# (front matter, entities such as `&#8220;`, runs of spaces); a saved web page 25 times, since
# most of it is markup, scripts and styles around the article. A file under its byte limit can
# still be refused by its character count once it is decoded.
BYTES_PER_CHARACTER = 4
TEXT_MARKUP_FACTOR = 2
HTML_MARKUP_FACTOR = 25
MAX_TEXT_BYTES = MAX_ARTICLE_CHARS * BYTES_PER_CHARACTER * TEXT_MARKUP_FACTOR  # 1,600,000
MAX_HTML_BYTES = MAX_ARTICLE_CHARS * BYTES_PER_CHARACTER * HTML_MARKUP_FACTOR  # 20,000,000
# English prose is about 40-50 % function words; other languages share only a handful of them.
MIN_ENGLISH_SHARE = 0.2
META_KEYS = ("url", "source", "author", "publisher", "tags", "overrides")
TEXT_KEYS = ("title", "url", "source", "author", "publisher")


class ArticleError(Exception):
    """An article that cannot become a briefing; the message names the file and why."""

    def __init__(self, path: Path | str, reason: str, detail: str = "") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
        self.detail = detail  # the traceback, when the reason is a bug's: shown with --debug


def normalise_text(text: str) -> str:
    """Unicode NFC, no control characters or non-breaking spaces, paragraphs by blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\ufeff", "")
    text = CONTROL_CHARACTERS.sub("", text)
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
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not ISO_DATE.match(text):
        raise ArticleError(path, f"date {text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArticleError(path, f"date {text!r} is not a valid calendar date") from None


def newlines(text: str) -> str:
    """Every line ending as ``\n``: front matter is found by its ``---`` lines, and a file saved
    with old Mac (``\r``) or Windows (``\r\n``) endings must not lose it to the body text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 first; a file in another encoding is detected, broken UTF-8 is refused.

    Line endings come out as ``\n`` whatever the file used.
    """
    return newlines(decode_bytes(raw, path))


def decode_bytes(raw: bytes, path: Path) -> str:
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(path, "file is binary, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    multibyte = re.search(rb"[\xc2-\xf4][\x80-\xbf]+", raw)
    if multibyte and raw[multibyte.start():multibyte.end()].decode("utf-8", "ignore"):
        position = utf8_error.start
        raise ArticleError(
            path, f"file is not valid UTF-8 (byte 0x{raw[position]:02x} at offset {position}); "
                  "re-save it as UTF-8")
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise ArticleError(path, "file is not text in any encoding that could be recognised")
    return str(best)


def read_txt(path: Path, raw: bytes, relpath: str) -> Article:
    """The seed format: an optional leading ``date YYYY-MM-DD`` before the first sentence."""
    text = decode(raw, path)
    article_date = None
    match = DATE_LINE.match(text)
    if match:
        article_date = parse_date(match.group(1), path)
        text = text[match.end():]
    return finish(Article(id=path.stem, path=relpath, text=html.unescape(text), date=article_date), path)


def front_matter(text: str, path: Path) -> tuple[dict[Any, Any], str]:
    """The YAML mapping between the ``---`` lines and the body after it.

    Loaded with PyYAML's safe loader, which builds dates itself: an impossible date
    (``2025-09-31``) is reported like any other unreadable front matter.
    """
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text
    try:
        header, body = handler.split(text)
    except ValueError:
        return {}, text
    try:
        data = handler.load(header)  # the C safe loader when PyYAML has it, as python-frontmatter uses
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())
        raise ArticleError(path, f"front matter is not valid YAML ({reason})") from None
    except ValueError as error:  # a date PyYAML could not build, e.g. 2025-13-01
        raise ArticleError(path, f"front matter has a value that is not valid ({error})") from None
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        raise ArticleError(path, f"front matter must be a mapping of keys to values, not a {type_name(data)}")
    return data, body


def type_name(value: Any) -> str:
    """What an editor wrote, in YAML's words."""
    names = {bool: "true/false", int: "number", float: "number", str: "text", list: "list",
             dict: "mapping", set: "set", bytes: "binary value", date: "date", datetime: "date"}
    return "empty value" if value is None else names.get(type(value), type(value).__name__)


def as_text(value: Any) -> str | None:
    """A scalar an editor meant as text (``author: 2024-05-01`` is the text "2024-05-01")."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    return None


def clean_meta(meta: dict[Any, Any], path: Path) -> dict[str, Any]:
    """Front-matter values as the briefing needs them: texts and a list of tag texts, JSON-safe."""
    cleaned: dict[str, Any] = {}
    for key in TEXT_KEYS:
        if key in meta and meta[key] is not None:
            text = as_text(meta[key])
            if text is None:
                raise ArticleError(path, f"front matter `{key}` must be text, not a {type_name(meta[key])}")
            if text.strip():
                cleaned[key] = text.strip()
    tags = meta.get("tags")
    if tags is not None:
        items = [tags] if not isinstance(tags, list) else tags
        texts = [as_text(tag) for tag in items]
        if any(text is None for text in texts):
            raise ArticleError(path, "front matter `tags` must be a list of texts, e.g. [politics, europe]")
        cleaned["tags"] = [text.strip() for text in texts if text and text.strip()]
    if meta.get("overrides") is not None:
        cleaned["overrides"] = meta["overrides"]
    return cleaned


def read_md(path: Path, raw: bytes, relpath: str) -> Article:
    """Markdown with YAML front matter (title, date, url, author, publisher, tags, overrides)."""
    meta, body = front_matter(decode(raw, path), path)
    unknown = sorted(map(str, set(meta) - {"date", *TEXT_KEYS, *META_KEYS}))
    if unknown:
        raise ArticleError(path, f"unknown front matter key(s): {', '.join(unknown)}; "
                                 f"known: title, date, {', '.join(META_KEYS)}")
    problems = validate_overrides(meta.get("overrides"))
    if problems:
        raise ArticleError(path, "invalid overrides: " + "; ".join(problems))
    article_date = parse_date(meta.get("date"), path)
    cleaned = clean_meta(meta, path)
    title = cleaned.pop("title", None)
    return finish(
        Article(
            id=path.stem, path=relpath, text=html.unescape(body), date=article_date, title=title,
            meta={key: cleaned[key] for key in sorted(cleaned)},
        ),
        path,
    )


def read_html(path: Path, raw: bytes, relpath: str) -> Article:
    """A saved web page: body, title, author and date taken out by trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                           include_tables=False)
    if document is None or not (document.text or "").strip():
        raise ArticleError(path, "no article text found in this HTML page")
    meta = {key: value for key, value in (("author", document.author), ("url", document.url),
                                          ("publisher", document.sitename)) if value}
    page_date = None
    if document.date:
        try:
            page_date = date.fromisoformat(document.date[:10])
        except ValueError:
            page_date = None
    text = "\n\n".join(line for line in document.text.splitlines() if line.strip())
    return finish(
        Article(id=path.stem, path=relpath, text=text, date=page_date,
                title=document.title or None, meta=meta),
        path,
    )


def english_share(text: str) -> float:
    words = re.findall(r"[a-z']+", text[:20_000].lower())
    return sum(word in STOP_WORDS for word in words) / len(words) if words else 0.0


def finish(article: Article, path: Path) -> Article:
    """Checks that hold for every reader: some text, not too long, English."""
    text = normalise_text(article.text)
    if not text:
        raise ArticleError(path, "article is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(path, f"article is {len(text):,} characters long; the limit is "
                                 f"{MAX_ARTICLE_CHARS:,} (split it or trim it)")
    share = english_share(text)
    if len(text.split()) >= 20 and share < MIN_ENGLISH_SHARE:
        raise ArticleError(path, f"article does not look like English ({share:.0%} English function "
                                 "words, expected 20% or more); only English articles are supported")
    return Article(id=article.id, path=article.path, text=text, date=article.date,
                   title=article.title, meta=article.meta)


READERS: dict[str, Callable[[Path, bytes, str], Article]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
}


def max_bytes(path: Path) -> int:
    """The largest file of this type a reader takes (see MAX_TEXT_BYTES)."""
    return MAX_HTML_BYTES if READERS.get(path.suffix.lower()) is read_html else MAX_TEXT_BYTES


def check_size(path: Path, size: int) -> None:
    """Refuse a file larger than its type's limit, naming its size and the limit."""
    limit = max_bytes(path)
    if size > limit:
        raise ArticleError(path, f"file is {size:,} bytes; the limit is {limit:,} bytes for a "
                                 f"{path.suffix.lower()} article (room for {MAX_ARTICLE_CHARS:,} "
                                 "characters; split it or trim it)")


def read_bounded(path: Path) -> bytes:
    """The file's bytes, its size checked with stat before any is read and at most limit+1 read.

    A file that grows while it is read is caught by the extra byte. Anything but a regular file
    (a FIFO would block the build, a device never ends) is refused unread; the file is opened
    without blocking so that a FIFO cannot stall the open either.
    """
    limit = max_bytes(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ArticleError(path, "file disappeared before it could be read") from None
    except OSError as error:
        raise ArticleError(path, f"cannot be read ({error.strerror})") from None
    try:
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ArticleError(path, "is not a regular file; not read")
            check_size(path, info.st_size)
            raw = handle.read(limit + 1)
    except OSError as error:
        raise ArticleError(path, f"cannot be read ({error.strerror or error})") from None
    check_size(path, len(raw))  # it grew while it was read
    return raw


def parse_article(path: Path, raw: bytes, relpath: str | None = None) -> Article:
    """An article from bytes already in memory, with every check :func:`read_article` makes.

    ``briefing add`` runs what it is about to save through this, so it never writes a seed that
    every later build would refuse.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ArticleError(path, f"unsupported file type {path.suffix!r} (use .txt, .md or .html)")
    check_size(path, len(raw))
    return reader(path, raw, path.as_posix() if relpath is None else relpath)


def read_article(path: Path, root: Path | None = None) -> Article:
    """Read one article; ``root`` makes the recorded source path relative to the project."""
    if path.suffix.lower() not in READERS:
        raise ArticleError(path, f"unsupported file type {path.suffix!r} (use .txt, .md or .html)")
    raw = read_bounded(path)
    relpath = path.relative_to(root).as_posix() if root else path.as_posix()
    return parse_article(path, raw, relpath)
