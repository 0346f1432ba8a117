"""Render briefings and the cross-article pages through the user-editable Jinja2 templates.

Articles come from the web, so every value a template writes is escaped for the place it lands:
Markdown text (``md``), front matter (``yaml``, with ``html`` first for what the theme prints as
HTML), link targets (``safe_url`` for the article's own address, ``link`` for the site's pages),
attribute-list ids (``anchor``) and code (``code``).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket

from .crossref import is_reviewed, review_entry
from .models import Briefing
from .slugs import slugify

# Characters with a meaning anywhere in a line of Markdown (or to the tables and attr_list
# extensions; ``#`` also closes a heading), written with a backslash: Python-Markdown knows
# each of these escapes.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|{}#])")
# What opens a block when it starts a line: a heading, a list, a rule, an admonition
# (``!!!``), a details block (``???``), tabs (``===``), a fence (``~~~``). Only the first
# character needs escaping; those without a backslash escape get an entity.
LEADING_BLOCK = {"-": "\\-", "+": "\\+", "!": "\\!", "=": "&#61;", "?": "&#63;", "~": "&#126;"}
ORDERED_ITEM = re.compile(r"^(\d+)\.(?=\s|$)")
# Control characters: Python-Markdown's own placeholders are \x02...\x03, so text holding them
# could pull stashed HTML into the page; a line break would end the line the template wrote
# (and a tab is expanded to spaces by Python-Markdown anyway).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAKS = re.compile(r"[\t\r\n\u2028\u2029\x85]")


def plain_line(value: Any) -> str:
    """The text on one line, without control characters: what every other filter starts from."""
    return LINE_BREAKS.sub(" ", CONTROL.sub("", str(value)))


def markdown_text(value: Any) -> str:
    """Article words shown verbatim, whatever they hold.

    HTML characters become entities (``&lt;``, not ``\\<``: Python-Markdown has no ``\\<``
    escape and shows the backslash in some places, and ``<`` would open raw HTML); Markdown
    specials get a backslash; a colon becomes ``&#58;`` so ``:material-alert:`` stays words
    instead of an emoji icon; what would open a block at the start of a line is escaped, and
    line breaks become spaces, so a value can never leave the line, table cell or list item
    the template put it in. The browser (and Pagefind, which reads the built page) shows the
    original characters.
    """
    text = html.escape(plain_line(value).strip(), quote=False)
    text = MARKDOWN_SPECIALS.sub(r"\\\1", text).replace(":", "&#58;")
    if text[:1] in LEADING_BLOCK:
        text = LEADING_BLOCK[text[0]] + text[1:]
    return ORDERED_ITEM.sub(r"\1\\.", text)


def html_text(value: Any) -> str:
    """Text as HTML, quotes included: for front-matter values the theme prints as HTML.

    Material writes ``page.meta.title`` and ``page.meta.description`` into ``<title>``, the
    header and ``<meta content="…">`` unescaped (MkDocs' own page titles are HTML too), so the
    generator stores them escaped; ``overrides/`` decodes and re-escapes them, so a title
    "AT&T wins" shows as written, never as "AT&amp;T".
    """
    return html.escape(plain_line(value), quote=True)


# YAML refuses these characters in a document even inside quotes (and folds the line breaks
# among them): they are written as \\u escapes, which JSON and YAML read alike.
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def yaml_value(value: Any) -> str:
    """A JSON scalar or list is valid YAML; this keeps front matter safe whatever the text."""
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


# Percent-encoded in every link target: what could end a Markdown link target ``)`` or its
# title (space, ``"``), open an attribute list ``{``, or make an angle-bracket target.
URL_SAFE = "!#$%&'*+,-./:;=?@~_"
WEB_URL = re.compile(r"https?://[^\s/?#]", re.IGNORECASE)


def safe_url(value: Any) -> str:
    """An article's address as a link target, or "" (no link) when it is not an http(s) URL.

    Anything else — ``javascript:``, ``data:``, a relative path — is not the article's page on
    the web; a template shows no link for "". What is kept is percent-encoded where it could
    end the Markdown link or add attributes to it (``https://e.example/b){ onclick=… }``).
    """
    if not isinstance(value, str):
        return ""
    url = value.strip()
    if CONTROL.search(url) or LINE_BREAKS.search(url) or not WEB_URL.match(url):
        return ""
    return quote(url, safe=URL_SAFE)


def link_target(value: Any) -> str:
    """A link to a page of the site: percent-encoded, ``:`` too, so it never names a scheme."""
    return quote(plain_line(value), safe="/#.-_~")


def anchor_id(value: Any) -> str:
    """An id for an attribute list ``{ #id }``: only characters that cannot close or extend it."""
    return re.sub(r"[^A-Za-z0-9_-]", "", str(value)) or "section"


def code_text(value: Any) -> str:
    """Verbatim text in monospace (the byline's file path), as an HTML ``<code>`` element.

    Not a Markdown code span: in a ``markdown`` HTML block (md_in_html) the HTML parser runs
    before Markdown, so a ``<`` inside a span is a live tag, and a backtick in the text would
    close the span. The text is escaped like any other (entities, backslashes), so it shows
    exactly as written.
    """
    return f"<code>{markdown_text(value)}</code>"


def make_environment(templates_dir: Path) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    environment.filters["md"] = markdown_text
    environment.filters["yaml"] = yaml_value
    environment.filters["html"] = html_text
    environment.filters["safe_url"] = safe_url
    environment.filters["link"] = link_target
    environment.filters["anchor"] = anchor_id
    environment.filters["code"] = code_text
    environment.filters["slug"] = slugify
    return environment


def source_paragraphs(briefing: Briefing) -> list[list[dict[str, Any]]]:
    paragraphs: list[list[dict[str, Any]]] = []
    last = None
    for index, (text, paragraph) in enumerate(zip(briefing.sentences, briefing.sentence_paragraphs)):
        if paragraph != last:
            paragraphs.append([])
            last = paragraph
        paragraphs[-1].append({"index": index, "text": text})
    return paragraphs


# The modules whose code shapes a page's context (see Renderer.digest).
RENDERING_CODE = ("render.py", "crossref.py", "slugs.py", "pipeline.py")


class TemplatesError(Exception):
    """The templates cannot render any page: a missing folder or a template that does not compile."""


REQUIRED_TEMPLATES = ("briefing.md.j2", "home.md.j2", "archive.md.j2", "month.md.j2", "actors.md.j2",
                      "actor.md.j2", "quotes.md.j2", "search.md.j2", "timeline.md.j2")


class Renderer:
    """Knows the templates; every page is a function of plain data.

    Every template is compiled up front, so a syntax error is one message naming the file and
    line before any page is written, not a failure of each page in turn.
    """

    def __init__(self, templates_dir: Path, compiled: BytecodeCache | None = None) -> None:
        """``compiled``: the templates compiled by an earlier build (:func:`compiled_templates_in`);
        Jinja keys each by its source, so an edited template is compiled again."""
        self.templates_dir = templates_dir
        self.environment = make_environment(templates_dir)
        self.environment.bytecode_cache = compiled
        if not templates_dir.is_dir():
            raise TemplatesError(f"the templates folder {templates_dir} does not exist "
                                 "(the plugin's `templates` option names it)")
        missing = [name for name in REQUIRED_TEMPLATES if not (templates_dir / name).is_file()]
        if missing:
            raise TemplatesError(f"the templates folder {templates_dir} has no {', '.join(missing)}")
        for path in template_files(templates_dir):
            name = path.relative_to(templates_dir).as_posix()
            try:
                self.environment.get_template(name)
            except TemplateSyntaxError as error:
                raise TemplatesError(f"{path}:{error.lineno}: template syntax error: {error.message}") from None
            except (OSError, UnicodeDecodeError) as error:
                raise TemplatesError(f"{path}: cannot be read ({error})") from None

    def briefing(self, briefing: Briefing, *, page_path: str, actor_pages: dict[str, str]) -> str:
        return self.environment.get_template("briefing.md.j2").render(
            briefing=briefing,
            paragraphs=source_paragraphs(briefing),
            root=relative_root(page_path),
            actor_pages=actor_pages,
            review=None if is_reviewed(briefing) else review_entry(briefing, page_path),
        )

    def digest(self) -> str:
        """Hash of every template and of the code that feeds them: a change to either re-renders
        every page. (Extraction's code is in the cache key instead, so a change here re-renders
        pages without re-analysing a single article.)"""
        hasher = hashlib.sha256()
        for module in RENDERING_CODE:
            hasher.update(module.encode() + b"\0" + (Path(__file__).parent / module).read_bytes())
        for path in template_files(self.templates_dir):
            hasher.update(path.relative_to(self.templates_dir).as_posix().encode() + b"\0" + path.read_bytes())
        return hasher.hexdigest()

    def page(self, template: str, *, page_path: str, **context: Any) -> str:
        return self.environment.get_template(template).render(root=relative_root(page_path), **context)


def relative_root(page_path: str) -> str:
    """The relative path from a page back to the docs root, for links between pages."""
    return "../" * page_path.count("/")


def template_files(templates_dir: Path) -> Iterable[Path]:
    return sorted(p for p in templates_dir.rglob("*.j2") if p.is_file())


class CompiledTemplatesOnDisk(FileSystemBytecodeCache):
    """Compiled Jinja templates kept on disk between builds (Jinja's own file cache: one file
    per template, written atomically, recompiled when the template's source changes). Compiling
    the generator's templates costs about 0.2 s of every `mkdocs build`, also of one in which
    nothing changed. Only a saving: a file that cannot be read or written (a full disk) is a
    template compiled again, never a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file (cut short, unreadable) is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def compiled_templates_in(folder: Path) -> BytecodeCache | None:
    """:class:`CompiledTemplatesOnDisk` in ``folder``; None when the folder cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CompiledTemplatesOnDisk(str(folder))

