"""Cross-article pages: quotes grouped by speaker, one timeline across briefings, the card's actors."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FOLLOW_UP, SEED, make_project

from generator.crossref import (
    ActorRules,
    Split,
    TimelineEntry,
    actor_index,
    by_initial,
    combined_timeline,
    initial,
    links_of,
    merge_key,
    pages_of_actors,
    quotes_by_speaker,
    timeline_pages,
    top_actors,
)
from generator.models import Actor, Briefing, Event, Quote
from generator.pipeline import Project, build
from generator.render import Renderer


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


@pytest.mark.parametrize(("one", "other", "kind"), [
    ("ExxonMobil", "Exxon Mobil", "organization"),
    ("Exxon-Mobil.", "Exxon Mobil Corp.", "organization"),
    ("Apple Inc.", "Apple", "organization"),
    ("President Barack Obama", "Barack Obama", "person"),
    ("Prime Minister Mark Carney", "mark carney", "person"),
])
def test_one_actor_spelt_two_ways_across_briefings_is_merged(one, other, kind):
    assert merge_key(one, kind) == merge_key(other, kind)


@pytest.mark.parametrize(("one", "other", "kind"), [
    ("Obama", "Michelle Obama", "person"),  # never a name to its surname
    ("President Obama", "Obama", "person"),  # a title is dropped only when a full name remains
    ("Barack Obama", "Michelle Obama", "person"),
    ("Ken Griffey Jr.", "Ken Griffey", "person"),  # son and father
    ("Apple", "Apple Music", "organization"),
])
def test_two_actors_who_share_a_name_are_never_merged(one, other, kind):
    assert merge_key(one, kind) != merge_key(other, kind)


def test_actors_merged_across_briefings_and_pages_only_for_recurring_ones():
    first = briefing("first", "2020-01-01", actors=[Actor("President Barack Obama", "person", mentions=2),
                                                  Actor("Exxon Mobil", "organization", mentions=1),
                                                  Actor("Ada Lovelace", "person", mentions=9)],
                     quotes=[Quote("We will win", "President Barack Obama", None, False, 1)])
    second = briefing("second", "2020-02-01", actors=[Actor("Barack Obama", "person", mentions=1),
                                                    Actor("ExxonMobil", "organization", mentions=3)])
    third = briefing("third", "2020-03-01", actors=[Actor("Barack Obama", "person", mentions=4)])
    actors = actor_index([first, second, third], {"first": "2020/first.md", "second": "2020/second.md",
                                                  "third": "2020/third.md"})
    assert set(actors) == {"Barack Obama", "ExxonMobil", "Ada Lovelace"}  # most briefings, then mentions
    obama = actors["Barack Obama"]
    assert obama.names == {"Barack Obama", "President Barack Obama"}
    assert [a.briefing.id for a in obama.appearances] == ["first", "second", "third"]
    assert [len(a.quotes) for a in obama.appearances] == [1, 0, 0]
    pages = pages_of_actors(actors)
    assert pages == {"Barack Obama": "actors/barack-obama.md", "President Barack Obama": "actors/barack-obama.md",
                     "Exxon Mobil": "actors/exxonmobil.md", "ExxonMobil": "actors/exxonmobil.md"}
    assert not actors["Ada Lovelace"].has_page  # one briefing, however often it names her


def events(*dates: str) -> list[TimelineEntry]:
    return [TimelineEntry(date, f"event {i}", i, OLD, "2020/old.md") for i, date in enumerate(dates)]


def test_a_sparse_decade_is_one_timeline_page():
    pages = timeline_pages(events("1947-08-15", "1945", "1948-06"), most=5)
    assert list(pages) == ["1940s"]
    assert [e.date for e in pages["1940s"].events] == ["1947-08-15", "1945", "1948-06"]  # order kept


def test_a_crowded_decade_splits_into_years_and_a_crowded_year_into_months():
    dated = events("2024-08-01", "2024-08-02", "2024-07", "2024", "2024", "2021-01-01", "2019-03-03")
    pages = timeline_pages(dated, most=3)
    # The 2020s have 6 events > 3: its years have pages; 2024 has 5 > 3: its months too, and
    # the events dated by the year alone stay on the year's page. The 2010s fit on one page.
    assert list(pages) == ["2024", "2024-08", "2024-07", "2021", "2010s"]
    assert [e.date for e in pages["2024"].events] == ["2024", "2024"]
    assert pages["2024"].parts == ["2024-08", "2024-07"]
    assert [e.date for e in pages["2024-08"].events] == ["2024-08-01", "2024-08-02"]
    assert sum(len(page.events) for page in pages.values()) == len(dated)  # every event on one page


@pytest.mark.parametrize(("name", "letter"), [
    ("Émile Zola", "E"), ("zeta corp", "Z"), ("'t Hooft", "T"), ("3M", "#"), ("Øresund", "#"), ("Москва", "#"),
])
def test_actors_are_listed_under_their_first_letter(name, letter):
    assert initial(name) == letter


def test_actor_letters_run_a_to_z_then_the_rest():
    actors = actor_index([briefing("a", "2020-01-01", actors=[
        Actor("Zola", "person"), Actor("3M", "organization"), Actor("Ada", "person")])], {"a": "2020/a.md"})
    assert list(by_initial(actors)) == ["A", "Z", "#"]


JORDANS = [briefing("nba", "2020-01-01", actors=[Actor("Michael Jordan", "person"), Actor("Obama", "person")]),
           briefing("bulls", "2020-02-01", actors=[Actor("Michael Jordan", "person"), Actor("Barack Obama", "person")]),
           briefing("ai-lab", "2020-03-01", actors=[Actor("Michael Jordan", "person")]),
           briefing("ml", "2020-04-01", actors=[Actor("Michael Jordan", "person")])]
JORDAN_PAGES = {b.id: f"2020/{b.id}.md" for b in JORDANS}


def test_an_editor_joins_what_the_merge_key_keeps_apart():
    assert len({merge_key("Obama", "person"), merge_key("Barack Obama", "person")}) == 2
    actors = actor_index(JORDANS, JORDAN_PAGES, ActorRules(same=(("Barack Obama", "Obama"),)))
    assert actors["Barack Obama"].names == {"Obama", "Barack Obama"}
    assert actors["Barack Obama"].briefing_count == 2 and "Obama" not in actors
    assert pages_of_actors(actors)["Obama"] == "actors/barack-obama.md"


def test_an_editor_splits_two_people_who_share_a_name():
    rules = ActorRules(splits=(Split("Michael Jordan", frozenset({"seeds/ai-lab.txt", "seeds/ml.txt"}),
                                     "Michael I. Jordan"),))
    actors = actor_index(JORDANS, JORDAN_PAGES, rules)
    assert [a.briefing.id for a in actors["Michael Jordan"].appearances] == ["nba", "bulls"]
    assert [a.briefing.id for a in actors["Michael I. Jordan"].appearances] == ["ai-lab", "ml"]
    pages = pages_of_actors(actors)
    assert pages["Michael Jordan"] == "actors/michael-jordan.md"
    split = [entry for entry in actors.values() if entry.only_in is not None]
    # The same spelling leads to each one's page from its own briefings.
    assert links_of(JORDANS[0], split, pages)["Michael Jordan"] == "actors/michael-jordan.md"
    assert links_of(JORDANS[2], split, pages)["Michael Jordan"] == "actors/michael-i-jordan.md"
    # Split into one briefing: no page of its own, and no link to the other's page either.
    alone = ActorRules(splits=(Split("Michael Jordan", frozenset({"seeds/ml.txt"}), "Michael I. Jordan"),))
    actors = actor_index(JORDANS, JORDAN_PAGES, alone)
    split = [entry for entry in actors.values() if entry.only_in is not None]
    assert "Michael Jordan" not in links_of(JORDANS[3], split, pages_of_actors(actors))
    assert links_of(JORDANS[2], split, pages_of_actors(actors))["Michael Jordan"] == "actors/michael-jordan.md"


def test_actors_yml_splits_and_joins_across_a_real_build_and_a_bad_rule_is_named(tmp_path, nlp):
    project = make_project(tmp_path, [SEED, FOLLOW_UP])
    assert build(Project.at(project), nlp_factory=lambda: nlp).ok
    carney = project / "briefings" / "actors" / "mark-carney.md"
    assert carney.is_file()  # both briefings name him
    follow_up = f"seeds/{FOLLOW_UP.name}"
    (project / "actors.yml").write_text(
        "different:\n"
        f"  - {{name: Mark Carney, as: Mark Carney (another), briefings: [{follow_up}]}}\n"
        "  - {name: Nobody}\n"
        "same:\n  - [Kyiv]\n", encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    # Split: each Mark Carney is in one briefing now, so neither has a page, and no briefing links one.
    assert not carney.exists()
    assert "actors/mark-carney" not in "".join(p.read_text(encoding="utf-8")
                                               for p in (project / "briefings").glob("[0-9]*/*.md"))
    assert report.skipped_overrides == [
        "actors.yml: same, item 1: a list of two or more names; skipped",
        ("actors.yml: different, item 2: needs `name`, `as` and `briefings` (a list of seeds, as "
         "seeds/ai-lab.txt); skipped")]
    (project / "actors.yml").write_text("same: [[Mark Carney, Carney]]\n", encoding="utf-8")
    assert build(Project.at(project), nlp_factory=lambda: nlp).ok
    assert carney.is_file()  # the rule is gone: the page is back


PLANS = briefing("plans", "2021-06-02", timeline=[
    Event("2021-05-30", "the council will vote again", 2, "Sunday", kind="planned"),
    Event("2021-07", "rain could return", 3, "July", kind="expected")])


def test_on_the_same_date_what_happened_comes_before_what_was_planned():
    """Issue 15: the combined timeline shows what happened before what is expected; each entry
    keeps its kind."""
    events = combined_timeline([OLD, NEW, PLANS], {**PAGES, "plans": "2021/plans.md"})
    assert [(e.date, e.text, e.kind) for e in events][:3] == [
        ("2021-07", "rain could return", "expected"),
        ("2021-05-30", "the count", "happened"),  # from an older briefing, and still first
        ("2021-05-30", "the council will vote again", "planned")]


def test_the_timeline_page_gives_history_first_and_labels_the_rest():
    events = combined_timeline([OLD, NEW, PLANS], {**PAGES, "plans": "2021/plans.md"})
    page = Renderer(Path(__file__).resolve().parent.parent / "templates").page(
        "timeline.md.j2", page_path="timeline/index.md", events=events, periods=["2020s", "2010s"], page=None)
    happened, ahead = page.index("## What happened"), page.index("## Planned, expected, conditional")
    assert happened < page.index("the count") < ahead < page.index("the council will vote again")
    assert page.index("the vote again") < ahead  # every event that happened is above
    assert 'class="event-kind event-planned"' in page and 'class="event-kind event-expected"' in page
    assert page[:ahead].count("event-kind") == 0  # history carries no label
