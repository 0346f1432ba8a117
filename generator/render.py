"""Render briefings and the cross-article pages through the user-editable Jinja2 templates."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError

from .models import Briefing
from .slugs import slugify

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>|{}])")


def markdown_text(value: Any) -> str:
    """Article words shown verbatim: Markdown and HTML characters escaped."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", str(value))


def yaml_value(value: Any) -> str:
    """A JSON scalar or list is valid YAML; this keeps front matter safe whatever the text."""
    return json.dumps(value, ensure_ascii=False)


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


class TemplatesError(Exception):
    """The templates cannot render any page: a missing folder or a template that does not compile."""


REQUIRED_TEMPLATES = ("briefing.md.j2", "home.md.j2", "archive.md.j2", "month.md.j2", "actors.md.j2",
                      "actor.md.j2", "quotes.md.j2", "search.md.j2", "timeline.md.j2")


class Renderer:
    """Knows the templates; every page is a function of plain data.

    Every template is compiled up front, so a syntax error is one message naming the file and
    line before any page is written, not a failure of each page in turn.
    """

    def __init__(self, templates_dir: Path) -> None:
        self.templates_dir = templates_dir
        self.environment = make_environment(templates_dir)
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
        )

    def digest(self) -> str:
        """Hash of every template: a changed template re-renders every page."""
        hasher = hashlib.sha256()
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
