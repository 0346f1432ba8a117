"""The Atom feed is a pure function of the briefings: same input, same bytes; links follow site_url."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.feed import ACTOR_SCHEME, TAG_SCHEME, atom_feed, page_url
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


def credited_briefing(meta: dict[str, object]) -> Briefing:
    """A briefing with the given metadata (the readers' ``meta``), else like the others here."""
    item = briefing("m", "2025-03-04", "Credited news")
    item.meta = meta
    return item


def credited(**meta: object) -> ET.Element:
    """The feed entry of one briefing with the given metadata."""
    xml = atom_feed([credited_briefing(meta)], {"m": "2025/2025-03-04-credited-news.md"}, title="B")
    return ET.fromstring(xml).find(f"{ATOM}entry")


def test_entry_credits_the_article_author_and_links_the_original_titled_with_the_publisher():
    entry = credited(author="Jane Doe", publisher="The Example Times", url="https://news.example/a?b=1&c=2",
                     tags=["politics", "europe"])
    assert [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")] == ["Jane Doe"]
    (via,) = entry.findall(f"{ATOM}link[@rel='via']")
    assert via.get("href") == "https://news.example/a?b=1&c=2"
    assert via.get("title") == "The Example Times"
    alternate = entry.find(f"{ATOM}link[@rel='alternate']")
    assert alternate.get("href") == "2025/2025-03-04-credited-news/"


def test_only_a_web_address_becomes_a_via_link():
    for url in ("javascript:alert(1)", "JavaScript:alert(1)//https://x.example", "data:text/html,<b>",
                "/relative/page", "ftp://files.example/a", "", 42):
        assert credited(url=url, publisher="P").findall(f"{ATOM}link[@rel='via']") == [], url
    assert credited(url=' https://e.example/b "q"').find(f"{ATOM}link[@rel='via']").get("href") == (
        "https://e.example/b%20%22q%22")


def test_tags_and_actors_are_categories_told_apart_by_scheme():
    entry = credited(tags=["politics", " europe ", "politics", "", "Ada Lovelace"])
    categories = [(c.get("scheme"), c.get("term")) for c in entry.findall(f"{ATOM}category")]
    assert categories == [(ACTOR_SCHEME, "Ada Lovelace"), (TAG_SCHEME, "politics"), (TAG_SCHEME, "europe"),
                          (TAG_SCHEME, "Ada Lovelace")]
    assert ACTOR_SCHEME.endswith("actor") and TAG_SCHEME.endswith("tag")
    assert [c.get("term") for c in credited(tags="solo").findall(f"{ATOM}category[@scheme='{TAG_SCHEME}']")] == [
        "solo"]


def test_without_metadata_an_entry_has_no_author_via_link_or_tags_and_the_feed_author_covers_it():
    for entry in (credited(), credited(author="  ", publisher="Only a publisher", tags=[]), credited(author=None)):
        assert entry.findall(f"{ATOM}author") == []
        assert entry.findall(f"{ATOM}link[@rel='via']") == []
        assert entry.findall(f"{ATOM}category[@scheme='{TAG_SCHEME}']") == []
    item = briefing("m", "2025-03-04", "Plain")
    root = ET.fromstring(atom_feed([item], {"m": "2025/plain.md"}, title="Briefings"))
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Briefings"


def test_credit_survives_hostile_text_and_stays_deterministic():
    meta = {"author": "Eve <script>\x00\nMallory", "publisher": 'A "B" & C\ud800', "tags": ["x\x07y", "<b>"],
            "url": "https://e.example/\ud800p"}
    xml = atom_feed([credited_briefing(meta)], {"m": "m.md"}, title="B")
    assert xml == atom_feed([credited_briefing(dict(reversed(list(meta.items()))))], {"m": "m.md"}, title="B")
    entry = ET.fromstring(xml).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Eve <script> Mallory"
    via = entry.find(f"{ATOM}link[@rel='via']")
    assert (via.get("href"), via.get("title")) == ("https://e.example/p", 'A "B" & C')
    assert [c.get("term") for c in entry.findall(f"{ATOM}category[@scheme='{TAG_SCHEME}']")] == ["xy", "<b>"]
