"""The Atom feed of the newest briefings: a pure function of the briefings, so a rebuild gives the same bytes.

No clock is read: a feed's and an entry's ``updated`` come from the briefings' own dates.

Every value is set through ElementTree, which escapes ``&``, ``<``, ``>`` and quotes in text
and attributes, and ``title`` and ``summary`` stay Atom's default ``type="text"``, so a feed
reader shows an article's ``<script>`` as words. What XML 1.0 cannot hold at all (most control
characters, lone surrogates) is dropped first: ElementTree would write it and make the whole
feed unreadable.

Each entry credits the article it rests on (RFC 4287 throughout), from the briefing's metadata:

* ``<author><name>`` is the article's author. Without one the entry has no ``author`` at all (never
  an empty one): the feed's own ``author`` then covers it, as RFC 4287 section 4.1.1 allows, and a
  feed reader shows the site's name instead of a blank byline.
* ``<link rel="via">`` points at the original article, only when its address is an http(s) URL
  (``safe_url``, the filter the templates use: a ``javascript:`` or relative address is no link).
  The publisher is that link's ``title`` ("human-readable information about the link", section
  4.2.7.6): it names where the article came from. Not ``<source>``, which is for an entry copied
  from another Atom feed and should carry that feed's id and updated time, which a publisher's web
  page has not; not ``<rights>`` either: the feed does not know the rights. Without a web address
  the publisher stays on the briefing page's byline, which the entry's ``alternate`` link opens.
* ``<category>`` per actor (the most mentioned, as before) and per tag, told apart by ``scheme``:
  ``ACTOR_SCHEME`` and ``TAG_SCHEME``. They name the vocabulary, not a place, so they stay the same
  whatever the site's address; a reader that ignores schemes still shows every term.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from .crossref import newest_first, top_actors
from .models import Briefing
from .render import safe_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
EPOCH = "1970-01-01"
ACTOR_SCHEME = "urn:briefing-generator:actor"
TAG_SCHEME = "urn:briefing-generator:tag"
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
        _credit(entry, briefing.meta)
        for name in top_actors(briefing, 8):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=xml_text(name), scheme=ACTOR_SCHEME)
        for tag in tags(briefing.meta):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=tag, scheme=TAG_SCHEME)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def meta_text(meta: Mapping[str, object], key: str) -> str:
    """A metadata text on one line, as a byline shows it; "" when it is missing, not text or blank.

    The readers already give stripped texts (``generator/readers.py``); a briefing from an older
    cache or built by hand may not, and the feed must still be written.
    """
    value = meta.get(key)
    return one_line(value) if isinstance(value, str) else ""


def one_line(text: str) -> str:
    """The text XML can hold, its runs of white space (line breaks too) as single spaces."""
    return " ".join(xml_text(text).split())


def tags(meta: Mapping[str, object]) -> list[str]:
    """The article's tags in the order the editor wrote them, each once.

    The readers make ``tags`` a list of stripped, non-empty texts (a single text becomes a list of
    one); the same is done here for metadata that did not come through them.
    """
    value = meta.get("tags")
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    texts = (one_line(item) for item in items if isinstance(item, str))
    return list(dict.fromkeys(text for text in texts if text))


def _credit(entry: ET.Element, meta: Mapping[str, object]) -> None:
    """The article's author and its original address (titled with the publisher), when known."""
    author = meta_text(meta, "author")
    if author:
        _text(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", author)
    # xml_text first: a lone surrogate would make the percent-encoding in safe_url raise.
    raw = meta.get("url")
    original = safe_url(xml_text(raw)) if isinstance(raw, str) else ""
    if original:
        via = ET.SubElement(entry, f"{{{ATOM}}}link", rel="via", href=original)
        publisher = meta_text(meta, "publisher")
        if publisher:
            via.set("title", publisher)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = xml_text(text)
    return element
