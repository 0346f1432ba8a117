"""The generator's pages converted from Markdown on every core, before MkDocs asks for them.

MkDocs converts its pages one after another in one process, and at 5,000 briefings that
conversion is most of a full build (Python-Markdown, page by page). The generator's pages are
pure functions of their files (see built_pages), so once the navigation is known they can be
converted ahead, in forked processes that run MkDocs' own ``Page.render`` (the same extensions,
the same link checks, the same anchors); MkDocs then takes each page's HTML, table of contents,
title and anchors from here instead of converting it again (:func:`render_from`).

What a conversion logs (a link to a missing page, say) is collected in the worker and logged
again in the build process when MkDocs reaches that page, so the build's output, and what
``mkdocs build --strict`` counts, are what they would have been. A page that could not be
converted ahead (a worker died, the file changed in between, the conversion failed) is
simply converted by MkDocs as usual, which also reports its real error.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page

from .built_pages import digest

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.toc import TableOfContents

# Below this many pages to convert, forking costs more than it saves.
MINIMUM_PAGES = 40
# The page events a conversion ahead would skip: with any handler of these but ours, MkDocs converts.
PAGE_EVENTS = ("pre_page", "page_markdown", "page_content")


@dataclass
class LoggedRecord:
    """A log record of a conversion, as text (records with arguments do not always pickle)."""
    name: str
    level: int
    message: str

    def emit(self) -> None:
        logger = logging.getLogger(self.name)
        if logger.isEnabledFor(self.level):
            logger.handle(logger.makeRecord(self.name, self.level, "(converted ahead)", 0, self.message,
                                            None, None))


@dataclass
class ConvertedPage:
    """What ``Page.render`` sets, for one page, and the Markdown it was made from."""
    markdown_digest: str
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # target page's src_uri → {anchor: link}
    logged: list[LoggedRecord]


def markdown_digest(markdown: str, meta: dict) -> str:
    """What a page was converted from: its Markdown and front matter as MkDocs read them."""
    return digest(markdown, json.dumps(meta, sort_keys=True, default=str))


def only_handler(config: MkDocsConfig, plugin: object) -> bool:
    """True when no other plugin takes part in a page's reading and conversion, so that running
    MkDocs' ``Page.render`` ahead gives what the build would have."""
    for event in PAGE_EVENTS:
        for method in config.plugins.events.get(event, []):
            if getattr(method, "__self__", None) is not plugin:
                return False
    return True


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[LoggedRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(LoggedRecord(record.name, record.levelno, record.getMessage()))


def _collect_logging() -> _Collector:
    """In a worker: every record goes to one collector instead of the terminal."""
    collector = _Collector()
    loggers = [logger for logger in logging.root.manager.loggerDict.values() if isinstance(logger, logging.Logger)]
    for logger in loggers:
        if logger.handlers:
            logger.handlers = [] if logger.propagate else [collector]
    logging.root.handlers = [collector]
    return collector


def _convert(file: File, files: Files, config: MkDocsConfig, collector: _Collector,
             skip: Callable[[Page], bool]) -> ConvertedPage | None:
    page = file.page if file.page is not None else Page(None, file, config)
    page.read_source(config)
    assert page.markdown is not None
    if skip(page):
        return None
    collector.records = []  # what reading logged, MkDocs logs when it reads the page itself
    page.render(config, files)
    links = page.links_to_anchors
    return ConvertedPage(
        markdown_digest=markdown_digest(page.markdown, page.meta), content=page.content or "", toc=page.toc,
        title=page._title_from_render, anchors=set(page.present_anchor_ids or ()),
        links_to_anchors=None if links is None else {target.src_uri: dict(found) for target, found in links.items()},
        logged=collector.records)


def _serve(uris: Sequence[str], files: Files, config: MkDocsConfig, skip: Callable[[Page], bool],
           connection: Connection) -> None:
    """A worker: convert its pages, sending each as it is done; None marks the end."""
    collector = _collect_logging()
    for uri in uris:
        try:
            converted = _convert(files.get_file_from_path(uri), files, config, collector, skip)
            if converted is not None:
                connection.send((uri, converted))  # pickled whole before a byte is written
        except Exception:  # noqa: BLE001, S110 - MkDocs converts it again and reports the real error
            pass
    connection.send(None)
    connection.close()


def shares(uris: Iterable[str], files: Files, workers: int) -> list[list[str]]:
    """The pages split into one share per worker, largest files first, each to the least loaded."""
    def size(uri: str) -> int:
        try:
            return os.stat(files.get_file_from_path(uri).abs_src_path).st_size
        except (OSError, AttributeError, TypeError):
            return 0

    loads = [0] * workers
    out: list[list[str]] = [[] for _ in range(workers)]
    for uri, bytes_ in sorted(((uri, size(uri)) for uri in uris), key=lambda pair: (-pair[1], pair[0])):
        least = loads.index(min(loads))
        out[least].append(uri)
        loads[least] += bytes_ + 1
    return out


def convert_ahead(uris: Sequence[str], files: Files, config: MkDocsConfig, *, workers: int,
                  skip: Callable[[Page], bool] = lambda page: False) -> dict[str, ConvertedPage]:
    """Each page's conversion, made in ``workers`` forked processes; a page missing from the
    result is left to MkDocs. ``skip``: pages not worth converting (their HTML will be reused)."""
    uris = [uri for uri in uris if files.get_file_from_path(uri) is not None]
    if workers < 2 or len(uris) < MINIMUM_PAGES:
        return {}
    context = multiprocessing.get_context("fork")
    running: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    out: dict[str, ConvertedPage] = {}
    try:
        for share in shares(uris, files, workers):
            parent, child = context.Pipe(duplex=False)
            process = context.Process(target=_serve, args=(share, files, config, skip, child), daemon=True)
            try:
                process.start()
            except OSError:  # no process to be had (memory, a process limit): MkDocs converts those
                parent.close()
                continue
            finally:
                child.close()
            running.append((process, parent))
        open_connections = [connection for _, connection in running]
        while open_connections:
            for connection in wait(open_connections):
                try:
                    message = connection.recv()
                except (EOFError, OSError):  # the worker died: its remaining pages are MkDocs'
                    message = None
                if message is None:
                    open_connections.remove(connection)
                    continue
                uri, converted = message
                out[uri] = converted
    finally:
        for process, connection in running:
            connection.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
    return out


def render_from(page: Page, converted: ConvertedPage, files: Files) -> Callable[[MkDocsConfig, Files], None]:
    """``page.render`` for a page converted ahead: what MkDocs' own would set, from the worker."""
    def render(config: MkDocsConfig, files_: Files) -> None:
        for record in converted.logged:
            record.emit()
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.anchors
        if converted.links_to_anchors is not None:
            targets = {files.get_file_from_path(uri): found for uri, found in converted.links_to_anchors.items()}
            page.links_to_anchors = {target: found for target, found in targets.items() if target is not None}
    return render
