"""The Atom feed is a pure function of the briefings: same input, same bytes; links follow site_url."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.feed import atom_feed, page_url
from generator.models import Actor, Briefing

ATOM = "{http://www.w3.org/2005/Atom}"


def briefing(id: str, date: str | None, title: str) -> Briefing:
    return Briefing(id=id, title=title, date=date, source=f"seeds/{id}.txt", summary=f"{title} & more <b>.",
                    key_facts=[], quotes=[], statements=[], actors=[Actor("Ada Lovelace", "person", mentions=2)],
                    open_questions=[], timeline=[], figures=[], sentences=[title], sentence_paragraphs=[0])


BRIEFINGS = [briefing("a", "2024-05-01", "Old news"), briefing("b", "2025-01-02", "New news"),
             briefing("c", None, "Undated news")]
PAGES = {"a": "2024/2024-05-01-old-news.md", "b": "2025/2025-01-02-new-news.md", "c": "undated/undated-news.md"}


def test_feed_is_deterministic_and_newest_first():
    xml = atom_feed(BRIEFINGS, PAGES, title="Briefings")
    assert xml == atom_feed(list(reversed(BRIEFINGS)), PAGES, title="Briefings")
    root = ET.fromstring(xml)
    assert [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")] == [
        "New news", "Old news", "Undated news"]
    assert root.findtext(f"{ATOM}updated") == "2025-01-02T00:00:00Z"
    assert root.find(f"{ATOM}entry/{ATOM}summary").text == "New news & more <b>."
    assert root.find(f"{ATOM}entry/{ATOM}category").get("term") == "Ada Lovelace"


def test_links_are_relative_without_site_url_and_absolute_with_it():
    relative = ET.fromstring(atom_feed(BRIEFINGS, PAGES, title="B"))
    assert relative.find(f"{ATOM}entry/{ATOM}link").get("href") == "2025/2025-01-02-new-news/"
    absolute = ET.fromstring(atom_feed(BRIEFINGS, PAGES, title="B", site_url="https://u.github.io/repo"))
    assert absolute.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://u.github.io/repo/2025/2025-01-02-new-news/"
    assert absolute.find(f"{ATOM}link[@rel='self']").get("href") == "https://u.github.io/repo/feed.xml"
    ids = [e.findtext(f"{ATOM}id") for e in absolute.findall(f"{ATOM}entry")]
    assert ids == [e.findtext(f"{ATOM}id") for e in relative.findall(f"{ATOM}entry")]
    assert len(set(ids)) == 3


def test_limit_and_empty_feed():
    assert len(ET.fromstring(atom_feed(BRIEFINGS, PAGES, title="B", limit=1)).findall(f"{ATOM}entry")) == 1
    empty = ET.fromstring(atom_feed([], {}, title="B"))
    assert empty.findall(f"{ATOM}entry") == [] and empty.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"


def test_page_url_follows_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("archive/index.md") == "archive/"
    assert page_url("actors/ada-lovelace.md") == "actors/ada-lovelace/"
