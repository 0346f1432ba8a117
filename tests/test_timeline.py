"""Timeline: tense-aware date resolution against the article's date, on real sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from generator.extract.dates import FUTURE, NEAREST, PAST, is_duration, resolve_date
from generator.extract.timeline import extract_timeline
from generator.models import Article
from generator.nlp import AnalysedArticle, analyse
from generator.readers import read_article

SEED = Path(__file__).resolve().parent / "gold" / "articles" / "00_carney_ukraine.txt"
SUNDAY = date(2025, 8, 24)


def parse(nlp: Language, text: str, when: date | None) -> AnalysedArticle:
    return next(analyse(nlp, [Article(id="t", path="t.txt", text=text, date=when)]))


@pytest.mark.parametrize(("text", "direction", "expected"), [
    ("Friday", PAST, "2025-08-22"),        # "on Friday emphasized": the Friday just gone
    ("Sunday", FUTURE, "2025-08-24"),      # "expects on Sunday to advance": the article's own day
    ("Friday", FUTURE, "2025-08-29"),      # "will meet on Friday": the coming one
    ("Sunday", PAST, "2025-08-24"),        # "defended on Sunday" in a Sunday paper: the same day
    ("last Sunday", PAST, "2025-08-17"),
    ("next Saturday", FUTURE, "2025-08-30"),
    ("Monday night", PAST, "2025-08-18"),
])
def test_weekday_follows_the_tense(text: str, direction: int, expected: str) -> None:
    assert resolve_date(text, SUNDAY, direction) == expected


@pytest.mark.parametrize(("text", "anchor", "direction", "expected"), [
    ("December", date(2026, 1, 10), PAST, "2025-12"),     # back across the year boundary
    ("January", date(2025, 12, 10), FUTURE, "2026-01"),   # forward across it
    ("June", SUNDAY, PAST, "2025-06"),
    ("June", SUNDAY, FUTURE, "2026-06"),
    ("Feb. 9", date(2020, 1, 19), NEAREST, "2020-02-09"),
    ("Aug. 4", date(2010, 8, 17), PAST, "2010-08-04"),
])
def test_month_without_year_is_nearest_in_the_tense_direction(text: str, anchor: date, direction: int,
                                                              expected: str) -> None:
    assert resolve_date(text, anchor, direction) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Jan. 19, 2020", "2020-01-19"),
    ("August 14, 1935", "1935-08-14"),
    ("April 2018", "2018-04"),
    ("in 2024", "2024"),
    ("35 years ago", "1990"),
    ("last year", "2024"),
    ("earlier this month", "2025-08"),
    ("this summer", "2025"),
])
def test_explicit_and_relative_dates_at_the_precision_the_words_support(text: str, expected: str) -> None:
    assert resolve_date(text, SUNDAY, PAST) == expected


def test_durations_and_decades_are_not_dates() -> None:
    assert is_duration("13 years") and is_duration("the following 10 years")
    assert resolve_date("several years", SUNDAY) is None
    assert resolve_date("the mid-1980s", SUNDAY) is None


def test_without_an_article_date_only_explicit_dates_resolve() -> None:
    assert resolve_date("Friday", None, PAST) is None
    assert resolve_date("next month", None, FUTURE) is None
    assert resolve_date("2024", None) == "2024"
    assert resolve_date("June 2019", None) == "2019-06"


def test_seed_timeline(nlp: Language) -> None:
    analysed = next(analyse(nlp, [read_article(SEED)]))
    events = extract_timeline(analysed)
    assert [(e.date, e.date_text, e.sentence) for e in events] == [
        ("2024", "2024", 19),
        ("2025-06", "June", 16),
        ("2025-06", "June", 18),
        ("2025-08-22", "Friday", 4),
        ("2025-08-24", "Sunday", 19),
    ]
    friday = events[3]
    assert friday.text == "Carney emphasized the importance of training and weapons for Ukrainian troops"
    assert events[0].text == "a bilateral security agreement reached with Ukraine"
    assert events[1].text == "C$2 billion in support pledged during the Group of Seven leaders’ summit"
    # pledged in June, even though the sentence is about what he will do: the pledge happened
    assert [e.kind for e in events[:4]] == ["happened"] * 4
    for event in events:  # every word of an event comes from its sentence
        sentence = analysed.sentences[event.sentence].text
        assert all(word in sentence for word in event.text.split())


def test_undated_article_keeps_relative_dates_unresolved(nlp: Language) -> None:
    text = "The minister said on Friday that the plant, opened in 2019, would close."
    events = extract_timeline(parse(nlp, text, None))
    assert [(e.date, e.date_text) for e in events] == [("2019", "2019"), (None, "Friday")]


def test_dateline_and_film_titles_are_not_events(nlp: Language) -> None:
    text = ("SEOUL, Aug. 20 (Yonhap) -- North Korea blasted South Korea on Tuesday for the drill.\n\n"
            "Those left out include war film “1917,” the winner at the Producers Guild Awards on Saturday.")
    events = extract_timeline(parse(nlp, text, date(2019, 8, 20)))
    assert [(e.date, e.date_text) for e in events] == [("2019-08-17", "Saturday"), ("2019-08-20", "Tuesday")]


def test_a_quotation_dates_what_happened_never_a_hope(nlp: Language) -> None:
    """Issue 15: a quote is an event only when it reports something that happened."""
    text = ("“We will be lucky to be in business next year,” the owner said.\n\n"
            "“We signed the contract on Tuesday,” she added.")
    events = extract_timeline(parse(nlp, text, date(2011, 10, 6)))
    assert [(e.date, e.date_text) for e in events] == [("2011-10-04", "Tuesday")]


@pytest.mark.parametrize(("text", "kind", "when"), [
    ("The council approved the budget on Tuesday.", "happened", "2020-06-09"),
    ("The council votes on the budget on Tuesday.", "planned", "2020-06-16"),  # a schedule
    ("Microsoft plans to cut its carbon emissions by more than half by 2030.", "planned", "2030"),
    ("The film is set to open on Friday in 300 theaters.", "planned", "2020-06-12"),
    ("Parts of Texas could see as much as seven inches of rain on Friday.", "expected", "2020-06-12"),
    # a forecast points ahead even when the verb it completes is a participle
    ("Rainfall totals are expected to reach 2 to 4 inches on Saturday.", "expected", "2020-06-13"),
    ("Microsoft hopes to have taken out enough carbon by 2050.", "expected", "2050"),
    ("The minister will travel to Warsaw on Monday.", "planned", "2020-06-15"),  # someone's own step
    ("Global temperatures will exceed the limit in 2031.", "expected", "2031"),  # no one's step: a forecast
    ("Amazon pledged to be carbon neutral by 2040.", "planned", "2040"),
    ("On Sunday, Boehner was asked if Republicans would campaign on the retirement age.", "happened", "2020-06-07"),
    ("The army will intervene on Monday if the talks fail.", "conditional", "2020-06-15"),
    ("Bushehr would be launched in 2010, officials said.", "expected", "2010"),
])
def test_an_event_says_whether_it_happened_or_is_planned_expected_or_conditional(
        nlp: Language, text: str, kind: str, when: str) -> None:
    """Issue 15: past events apart from plans and forecasts, labelled; a conditional is never
    dated as scheduled. The article is dated Wednesday 10 June 2020."""
    [event] = extract_timeline(parse(nlp, text, date(2020, 6, 10)))
    assert (event.kind, event.date) == (kind, when)


def test_a_date_after_the_article_is_never_history(nlp: Language) -> None:
    [event] = extract_timeline(parse(nlp, "The agreement takes effect in 2031.", date(2020, 6, 10)))
    assert event.kind != "happened"


@pytest.mark.parametrize(("text", "needed"), [
    (("On NBC's Meet The Press on Sunday, Boehner was asked whether he would support raising the retirement "
     "age for workers under 55 and cutting benefits for wealthier retirees."), "whether he would support"),
    (("Florida coach Urban Meyer explained last month that agents who hang around college campuses are a "
     "problem for every program in the country, including his own and those of his biggest rivals."),
     "that agents who hang around college campuses are a problem"),
    (("During a joint news conference with the Ukrainian leader on Tuesday afternoon, Biden vowed that the "
     "United States would keep supplying Ukraine with weapons and money for as long as it takes."),
     "Biden vowed that the United States would keep supplying Ukraine"),
])
def test_an_event_keeps_the_clause_its_verb_needs(nlp: Language, text: str, needed: str) -> None:
    """A long sentence is trimmed by its side clauses, never by the verb's own complement:
    "Boehner was asked" alone says nothing; and "Tuesday afternoon" goes as one date phrase."""
    [event] = extract_timeline(parse(nlp, text, date(2010, 8, 14)))
    assert needed in event.text
    assert "afternoon" not in event.text


@pytest.mark.parametrize(("text", "needed"), [
    # a participle with no subject of its own: the sentence says who
    (("In television, Jennifer Aniston was an upset winner for her role as a TV anchor, bringing the second "
      "award this year for the new Apple TV+ streaming service."), "Jennifer Aniston was an upset winner"),
    # a noun clause is no event
    ("Downpours will be similar to what we saw last week in the Dallas area.", "Downpours will be similar"),
    # a thing named with what was done to it reads alone: it stays short
    ("Carney also expects on Sunday to advance a bilateral security agreement reached with Ukraine in 2024.",
     "a bilateral security agreement reached with Ukraine"),
])
def test_an_event_is_a_clause_that_reads_alone(nlp: Language, text: str, needed: str) -> None:
    events = extract_timeline(parse(nlp, text, date(2020, 6, 10)))
    dated = [e for e in events if e.date_text in ("this year", "last week", "2024")]
    assert dated and needed in dated[0].text


def test_the_date_dates_the_clause_it_modifies(nlp: Language) -> None:
    """Issue 15: "the weekend" dates the bombings, not the condemnation; each event its own date."""
    text = "The United Nations on Monday condemned the bombings of the weekend that killed 40 people in the capital."
    events = {e.date_text: e for e in extract_timeline(parse(nlp, text, date(2020, 6, 10)))}
    assert events["the weekend"].text == "the bombings that killed 40 people in the capital"
    assert events["Monday"].text.startswith("The United Nations condemned the bombings")
    assert events["Monday"].date == "2020-06-08"


def test_a_date_that_is_what_the_clause_says_stays_in_it(nlp: Language) -> None:
    """Issue 15: "the last coast-wide strike was in 1977" is neither "was" alone nor a "first strike"."""
    [event] = extract_timeline(parse(nlp, "The last coast-wide strike was in 1977.", date(2020, 6, 10)))
    assert (event.date, event.text) == ("1977", "The last coast-wide strike was in 1977")
