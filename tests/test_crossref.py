"""Cross-article pages: quotes grouped by speaker, one timeline across briefings, the card's actors."""

from __future__ import annotations

from generator.crossref import combined_timeline, quotes_by_speaker, top_actors
from generator.models import Actor, Briefing, Event, Quote


def briefing(id: str, date: str | None, quotes=(), timeline=(), actors=()) -> Briefing:
    return Briefing(id=id, title=id.title(), date=date, source=f"seeds/{id}.txt", summary="", key_facts=[],
                    quotes=list(quotes), statements=[], actors=list(actors), open_questions=[],
                    timeline=list(timeline), figures=[], sentences=["x"] * 5, sentence_paragraphs=[0] * 5)


OLD = briefing("old", "2020-01-01",
               quotes=[Quote("We will win", "Ada Lovelace", None, False, 1), Quote("No comment", None, None, False, 2)],
               timeline=[Event("2019-05", "the vote", 1), Event(None, "on Friday", 2, "Friday")])
NEW = briefing("new", "2021-06-01",
               quotes=[Quote("It is over", "Ada Lovelace", None, False, 0), Quote("Fine", "Bo Diddley", None, False, 3)],
               timeline=[Event("2021-05-30", "the count", 3), Event("2019-05", "the vote again", 4)])
PAGES = {"old": "2020/old.md", "new": "2021/new.md"}


def test_quotes_grouped_by_speaker_most_quoted_first_unattributed_last():
    groups = quotes_by_speaker([OLD, NEW], PAGES)
    assert [g.name for g in groups] == ["Ada Lovelace", "Bo Diddley", None]
    assert [e.quote.text for e in groups[0].entries] == ["It is over", "We will win"]
    assert [g.slug for g in groups] == ["q-ada-lovelace", "q-bo-diddley", "q-unattributed"]
    assert groups[0].entries[1].page == "2020/old.md"


def test_timeline_has_only_dated_events_newest_first():
    events = combined_timeline([OLD, NEW], PAGES)
    assert [(e.date, e.text) for e in events] == [
        ("2021-05-30", "the count"), ("2019-05", "the vote again"), ("2019-05", "the vote")]
    assert combined_timeline([NEW, OLD], PAGES) == events


def test_top_actors_by_mentions_keeping_order_on_ties():
    b = briefing("b", None, actors=[Actor("A", "person", mentions=1), Actor("B", "place", mentions=3),
                                    Actor("C", "group", mentions=1)])
    assert top_actors(b, 2) == ["B", "A"]
