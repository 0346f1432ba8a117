"""Read article files into :class:`Article`, one reader per file extension.

Readers never modify the file they read. A file that cannot become a briefing raises
:class:`ArticleError` naming the file and the reason, so the build reports it and goes on.
A .txt or .html seed may have a sidecar beside it (``strike.yml`` for ``strike.txt``) with the
keys a .md front matter takes; :func:`read_article` reads it with the seed.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from charset_normalizer import from_bytes

from .models import Article

# A header line of a .txt seed (see read_txt): a lowercase key, a space or tab, then its value.
HEADER_LINE = re.compile(r"(title|date)[ \t]+(\S.*)")
# A date header's value, then what follows it on its line (the first sentence, in the old format).
DATE_VALUE = re.compile(r"(\S+)[ \t]*(.*)")
# The older one-line form, ``date YYYY-MM-DD`` then the first sentence: no longer how read_txt
# reads a header, kept for code that strips it from a seed's text (tests/test_properties_real.py).
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
META_KEYS = ("url", "source", "author", "publisher", "tags", "overrides", "reviewed", "reviewer",
             "reviewed_on")
TEXT_KEYS = ("title", "url", "source", "author", "publisher", "reviewer")
# A sidecar (``strike.yml`` beside ``strike.txt``) holds the metadata of a .txt or .html seed.
SIDECAR_SUFFIXES = (".yml", ".yaml")
# What stands between a page's headline and its site's name in its title ("Ports shut | Daily").
TITLE_SITE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u2022:]\s+")


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


def parse_date(value: Any, path: Path, name: str = "date") -> date | None:
    """A date from YAML or from text; ``name`` is what the error calls the value."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = as_text(value)
    if text is None:
        raise ArticleError(path, f"{name} must be a date in the form YYYY-MM-DD, not a {type_name(value)}")
    text = text.strip()
    if not ISO_DATE.match(text):
        raise ArticleError(path, f"{name} {text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArticleError(path, f"{name} {text!r} is not a valid calendar date") from None


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
    """Plain text, which may begin with header lines: ``title TEXT`` and ``date YYYY-MM-DD``.

    The rule, so that an article is never eaten by its own first words:

    * header lines are the file's first lines (blank lines before and between them are
      allowed); the header ends at the first line that is not one, where the article begins;
    * a header line starts with the lowercase key, ``title`` or ``date``, then a space or a
      tab: "Title fights are back" and "Dates are up" are the article's first words;
    * ``title`` takes the whole line, and is a header only when the line after it is blank or
      is another header line: a first sentence that begins with "title" and runs on to the
      next line is the article's, and is read as such;
    * ``date`` is followed by the date, and the article's first sentence may follow on the same
      line (``date 2025-08-24 Mark Carney is…``, the older format), which ends the header; a
      ``date`` line whose date is not YYYY-MM-DD is an error, never article text;
    * each key at most once, in either order: a second ``title`` or ``date`` line is an error.
    """
    title, article_date, text = txt_header(decode(raw, path), path)
    return finish(Article(id=path.stem, path=relpath, text=html.unescape(text), date=article_date,
                          title=title), path)


def txt_header(text: str, path: Path) -> tuple[str | None, date | None, str]:
    """The title and date of a .txt seed's header lines (see :func:`read_txt`), and the rest."""
    lines = text.split("\n")
    found: dict[str, Any] = {}
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        match = HEADER_LINE.fullmatch(line)
        if not match:
            break
        key, value = match.groups()
        if key == "title":
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if following and not HEADER_LINE.fullmatch(following):
                break  # a sentence that begins with the word "title", wrapped onto the next line
        if key in found:
            raise ArticleError(path, f"the header has two `{key}` lines; give each header line once, "
                                     "before the first sentence")
        if key == "title":
            found[key] = " ".join(normalise_text(html.unescape(value)).split())
            index += 1
            continue
        date_match = DATE_VALUE.fullmatch(value)
        found[key] = parse_date(date_match.group(1), path)
        rest = date_match.group(2)
        if rest:  # the first sentence shares the date's line: the header ends here
            lines[index] = rest
            break
        index += 1
    return found.get("title"), found.get("date"), "\n".join(lines[index:])


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


def clean_meta(meta: dict[Any, Any], path: Path, label: str = "front matter") -> dict[str, Any]:
    """Front-matter values as the briefing needs them: texts, a list of tag texts, the review
    (``reviewed`` true/false, ``reviewed_on`` as ISO text), the raw overrides; JSON-safe.

    ``label`` names where the values come from in an error ("front matter `author` must be…").
    Overrides are kept as written: they are checked, and a bad one skipped, where they apply.
    """
    def named(key: str) -> str:
        return f"{label} `{key}`" if label else f"`{key}`"

    cleaned: dict[str, Any] = {}
    for key in TEXT_KEYS:
        if key in meta and meta[key] is not None:
            text = as_text(meta[key])
            if text is None:
                raise ArticleError(path, f"{named(key)} must be text, not a {type_name(meta[key])}")
            if text.strip():
                cleaned[key] = text.strip()
    tags = meta.get("tags")
    if tags is not None:
        items = [tags] if not isinstance(tags, list) else tags
        texts = [as_text(tag) for tag in items]
        if any(text is None for text in texts):
            raise ArticleError(path, f"{named('tags')} must be a list of texts, e.g. [politics, europe]")
        cleaned["tags"] = [text.strip() for text in texts if text and text.strip()]
    reviewed = meta.get("reviewed")
    if reviewed is not None:
        if not isinstance(reviewed, bool):
            shown = f" ({reviewed!r})" if as_text(reviewed) is not None else ""
            raise ArticleError(path, f"{named('reviewed')} must be true or false, not a "
                                     f"{type_name(reviewed)}{shown}")
        cleaned["reviewed"] = reviewed
    reviewed_on = parse_date(meta.get("reviewed_on"), path, named("reviewed_on"))
    if reviewed_on is not None:
        cleaned["reviewed_on"] = reviewed_on.isoformat()
    if meta.get("overrides") is not None:
        cleaned["overrides"] = plain_data(meta["overrides"])
    return cleaned


def plain_data(value: Any, parents: tuple[int, ...] = ()) -> Any:
    """YAML's values as JSON's: texts, numbers, true/false, lists and mappings with text keys.

    Overrides are stored with the briefing and hashed, so they must survive ``json.dumps``. A
    date becomes its ISO text, a set a sorted list; what has no JSON form (a binary value, an
    alias inside its own anchor) becomes a text naming it, which the override that meets it
    reports and skips like any other bad value, so the article keeps its briefing.
    """
    if id(value) in parents:
        return "<a YAML alias inside its own anchor>"
    inside = (*parents, id(value))
    if isinstance(value, dict):
        return {as_text(key) if as_text(key) is not None else str(key): plain_data(item, inside)
                for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(item, inside) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain_data(item, inside) for item in value), key=repr)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return f"<a {type_name(value)}>"


def check_meta(meta: dict[Any, Any], path: Path, label: str = "front matter"
               ) -> tuple[date | None, str | None, dict[str, Any]]:
    """The date, the title and the rest of a front matter (or a sidecar), every key checked."""
    unknown = sorted(map(str, set(meta) - {"date", *TEXT_KEYS, *META_KEYS}))
    if unknown:
        where = f"{label} key(s)" if label else "key(s)"
        raise ArticleError(path, f"unknown {where}: {', '.join(unknown)}; "
                                 f"known: title, date, {', '.join(META_KEYS)}")
    article_date = parse_date(meta.get("date"), path)
    cleaned = clean_meta(meta, path, label)
    return article_date, cleaned.pop("title", None), cleaned


def read_md(path: Path, raw: bytes, relpath: str) -> Article:
    """Markdown with YAML front matter (title, date, url, source, author, publisher, tags,
    overrides, reviewed, reviewer, reviewed_on)."""
    meta, body = front_matter(decode(raw, path), path)
    article_date, title, cleaned = check_meta(meta, path)
    return finish(
        Article(
            id=path.stem, path=relpath, text=html.unescape(body), date=article_date, title=title,
            meta={key: cleaned[key] for key in sorted(cleaned)},
        ),
        path,
    )


def headline_key(text: str) -> str:
    """A headline as compared: its letters and digits, case-folded (no spaces, quotes, stops)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def drop_headline(title: str | None, paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The title, and the paragraphs without a first one that is the page's headline.

    trafilatura's text often begins with the page's ``<h1>``, so a summary would read
    "Dockworkers strike shuts East Coast ports About 45,000 dockworkers…". The first paragraph
    is the headline when it is the title but for case, spacing and punctuation ("…ports." for
    "…ports"), or the title is it followed by the site's name ("…ports | Harbour Daily"); then
    that paragraph, as the page shows it, is the title. A page whose only paragraph is the
    headline keeps it: it is not an article either way, and says so as "empty" no better.
    """
    if not title or len(paragraphs) < 2:
        return title, paragraphs
    first = headline_key(paragraphs[0])
    if not first:
        return title, paragraphs
    if first == headline_key(title):
        return title, paragraphs[1:]
    if any(first == headline_key(title[:match.start()]) for match in TITLE_SITE_SEPARATOR.finditer(title)):
        return paragraphs[0].strip(), paragraphs[1:]
    return title, paragraphs


def read_html(path: Path, raw: bytes, relpath: str) -> Article:
    """A saved web page: body, title, author and date taken out by trafilatura; a first
    paragraph that is the page's headline is the title, not the body (see drop_headline)."""
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
    title, paragraphs = drop_headline(document.title or None,
                                      [line for line in document.text.splitlines() if line.strip()])
    return finish(
        Article(id=path.stem, path=relpath, text="\n\n".join(paragraphs), date=page_date,
                title=title, meta=meta),
        path,
    )


@functools.cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their own file in the spaCy package without
    importing spaCy (1 to 2 s): every build reads every article, even one that analyses none."""
    spacy = importlib.util.find_spec("spacy")  # finds the package without running it
    path = Path(next(iter(spacy.submodule_search_locations)), "lang", "en", "stop_words.py")
    spec = importlib.util.spec_from_file_location("_spacy_english_stop_words", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


def english_share(text: str) -> float:
    """The share of the words that are English stop words."""
    stop_words = english_stop_words()
    words = re.findall(r"[a-z']+", text[:20_000].lower())
    return sum(map(stop_words.__contains__, words)) / len(words) if words else 0.0


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
# The seeds whose metadata a sidecar holds (a .md seed has its front matter).
SIDECAR_SEED_SUFFIXES = tuple(suffix for suffix, reader in READERS.items() if reader in (read_txt, read_html))


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


def sidecar_of(path: Path) -> Path | None:
    """The sidecar beside a .txt or .html seed (``strike.yml`` or ``strike.yaml``), if any."""
    if path.suffix.lower() not in SIDECAR_SEED_SUFFIXES:
        return None
    found = [path.with_suffix(suffix) for suffix in SIDECAR_SUFFIXES if os.path.lexists(path.with_suffix(suffix))]
    if len(found) > 1:
        raise ArticleError(path, f"has two sidecars, {found[0].name} and {found[1].name}; keep one")
    return found[0] if found else None


def read_sidecar(path: Path, relpath: str) -> tuple[date | None, str | None, dict[str, Any]] | None:
    """The date, title and metadata in the seed's sidecar; None when it has none.

    The sidecar carries the keys a .md front matter can; every error names the seed (whose
    briefing it stops), the sidecar and the key. It is read like a seed (bounded, regular files
    only), and a link is refused: a sidecar is the seed's own file, not a way to reach others.
    """
    sidecar = sidecar_of(path)
    if sidecar is None:
        return None
    shown = (Path(relpath).parent / sidecar.name).as_posix()

    def failed(reason: str) -> ArticleError:
        return ArticleError(path, f"sidecar {shown}: {reason}")

    if sidecar.is_symlink():
        raise failed("is a link; a sidecar must be a file of its own beside its seed; not read")
    try:
        text = decode(read_bounded(sidecar), sidecar)
    except ArticleError as error:
        raise failed(error.reason) from None
    try:
        data = frontmatter.YAMLHandler().load(text)  # the loader front matter is read with
    except yaml.YAMLError as error:
        raise failed(f"is not valid YAML ({' '.join(str(error).split())})") from None
    except ValueError as error:  # a date PyYAML could not build, e.g. 2025-13-01
        raise failed(f"has a value that is not valid ({error})") from None
    if data is None:
        return None, None, {}
    if not isinstance(data, dict):
        raise failed(f"must be a mapping of keys to values (title: …, date: …), not a {type_name(data)}")
    try:
        return check_meta(data, path, label="")
    except ArticleError as error:
        raise failed(error.reason) from None


def seeds_beside(sidecar: Path) -> list[Path]:
    """The .txt and .html seeds a file named like a sidecar would belong to."""
    try:
        entries = list(sidecar.parent.iterdir())
    except OSError:
        return []
    return sorted(entry for entry in entries
                  if entry.stem == sidecar.stem and entry.suffix.lower() in SIDECAR_SEED_SUFFIXES)


def not_a_seed(path: Path) -> ArticleError:
    """Why a file that no reader takes is not read: a sidecar without its seed, or its type."""
    if path.suffix.lower() not in SIDECAR_SUFFIXES:
        return ArticleError(path, f"unsupported file type {path.suffix!r} (use .txt, .md or .html)")
    seeds = seeds_beside(path)
    if seeds and path.suffix in SIDECAR_SUFFIXES:
        return ArticleError(path, f"is the sidecar of {seeds[0].name}, read with it; not an article itself")
    if seeds:
        return ArticleError(path, f"is not read as the sidecar of {seeds[0].name}: a sidecar's name ends in "
                                  f"lowercase .yml or .yaml (rename it {path.stem}{path.suffix.lower()})")
    stem = path.stem
    reason = f"is a sidecar with no seed beside it (expected {stem}.txt, {stem}.html or {stem}.htm)"
    if any(path.with_suffix(suffix).exists() for suffix in READERS if suffix not in SIDECAR_SEED_SUFFIXES):
        reason += "; a .md seed has its metadata in its own front matter"
    return ArticleError(path, reason)


def read_article(path: Path, root: Path | None = None, *, listed: bool | None = None) -> Article:
    """Read one article; ``root`` makes the recorded source path relative to the project.

    A ``.txt`` or ``.html`` seed's sidecar (``strike.yml`` beside ``strike.txt``, see
    :func:`read_sidecar`) is read with it, and its values win over the seed's own.

    ``listed`` says the path was found by listing a folder, so a file missing now was there a
    moment ago ("disappeared before it could be read"); a path someone named that was never
    there is "no such file". By default a path read for a project (``root`` given) was listed.
    """
    if listed is None:
        listed = root is not None
    if not listed and not os.path.lexists(path):
        raise ArticleError(path, "no such file")
    if path.is_symlink() and not path.exists():
        raise ArticleError(path, "is a link to a file that does not exist; not read")
    if path.suffix.lower() not in READERS:
        raise not_a_seed(path)
    raw = read_bounded(path)
    relpath = path.relative_to(root).as_posix() if root else path.as_posix()
    article = parse_article(path, raw, relpath)
    sidecar = read_sidecar(path, relpath)
    if sidecar is None:
        return article
    side_date, side_title, side_meta = sidecar
    return replace(article, date=side_date or article.date, title=side_title or article.title,
                   meta=dict(sorted({**article.meta, **side_meta}.items())))
