"""The Atom feed of the newest briefings: a pure function of the briefings, so a rebuild gives the same bytes.

No clock is read: a feed's and an entry's ``updated`` come from the briefings' own dates.

Every value is set through ElementTree, which escapes ``&``, ``<``, ``>`` and quotes in text
and attributes, and ``title`` and ``summary`` stay Atom's default ``type="text"``, so a feed
reader shows an article's ``<script>`` as words. What XML 1.0 cannot hold at all (most control
characters, lone surrogates) is dropped first: ElementTree would write it and make the whole
feed unreadable.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from .crossref import newest_first, top_actors
from .models import Briefing

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
EPOCH = "1970-01-01"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """The text without the characters XML 1.0 forbids; ElementTree escapes the rest."""
    return NOT_XML.sub("", value)


def page_url(page_path: str) -> str:
    """The URL of a docs page relative to the site root, as MkDocs writes it (directory URLs)."""
    stem = page_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def entry_id(briefing: Briefing) -> str:
    """A permanent id that survives a change of title or of site address."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'briefing:' + briefing.id)}"


def timestamp(day: str | None) -> str:
    return f"{day or EPOCH}T00:00:00Z"


def atom_feed(briefings: list[Briefing], pages: Mapping[str, str], *, title: str, site_url: str | None = None,
              subtitle: str | None = None, limit: int = 50) -> str:
    """Atom XML of the ``limit`` newest briefings; links absolute under ``site_url``, else relative to the root."""
    base = (site_url.rstrip("/") + "/") if site_url else ""
    latest = newest_first(briefings)[:limit]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", title)
    if subtitle:
        _text(feed, "subtitle", subtitle)
    _text(feed, "id", base + FEED_PATH if base else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'feed:' + title)}")
    _text(feed, "updated", timestamp(max((b.date for b in latest if b.date), default=None)))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=base + FEED_PATH)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base or "./")
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", title)
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "briefing-generator"
    for briefing in latest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", briefing.title)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                      href=base + page_url(pages[briefing.id]))
        _text(entry, "id", entry_id(briefing))
        _text(entry, "updated", timestamp(briefing.date))
        if briefing.date:
            _text(entry, "published", timestamp(briefing.date))
        _text(entry, "summary", briefing.summary)
        for name in top_actors(briefing, 8):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=xml_text(name))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = xml_text(text)
    return element
