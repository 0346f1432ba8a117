"""Regression tests for inputs that once made an extractor raise, each on a minimal article.

``build_briefing`` turns an extractor's exception into a :class:`SectionError` instead of
raising, so each test asserts ``briefing.errors == []`` and something about the section itself.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from generator.briefing import build_briefing
from generator.extract.dates import FUTURE, NEAREST, PAST, resolve_date
from generator.extract.questions import extract_open_questions
from generator.models import Article, Briefing
from generator.nlp import AnalysedArticle, analyse

ORDINARY_DAY = date(2020, 1, 16)
LAST_DAY = date(9999, 12, 31)
FIRST_DAY = date(1, 1, 1)


def parse(nlp: Language, text: str, published: date | None = ORDINARY_DAY) -> AnalysedArticle:
    return next(analyse(nlp, [Article(id="t", path="t.txt", text=text, date=published)]))


def brief(nlp: Language, text: str, published: date | None = ORDINARY_DAY) -> Briefing:
    return build_briefing(parse(nlp, text, published))


# ------------------------------------------------------------------ open questions

@pytest.mark.parametrize("text", [
    "We will see which team wins.",  # the wh-word belongs to the subject: no question word left
    "We'll see whose plan wins.",
])
def test_embedded_question_whose_wh_word_opens_the_subject(nlp: Language, text: str) -> None:
    briefing = brief(nlp, text)
    assert briefing.errors == []
    assert all(q.question[0].isupper() and len(q.question.split()) >= 2 for q in briefing.open_questions)


@pytest.mark.parametrize("text", [
    "The officials do not know what\n\nthe minister wants.",
    '"We will see what\n\nthe minister wants," he said.',  # a quote running over two paragraphs
])
def test_one_word_question_is_not_asked(nlp: Language, text: str) -> None:
    briefing = brief(nlp, text)
    assert briefing.errors == []
    assert [q.question for q in briefing.open_questions] == []


def test_obstacle_cut_off_after_including(nlp: Language) -> None:
    analysed = parse(nlp, "Major hurdles remain to reaching a peace deal, including")
    questions = [q.question for q in extract_open_questions(analysed, [])]
    assert all(q.endswith("?") for q in questions)
    assert build_briefing(analysed).errors == []


# ------------------------------------------------------------------ dates out of range

@pytest.mark.parametrize("text", [
    "The company was founded 800000 days ago.",
    "The bridge was built 30000 months ago.",
    "The town was founded 99999999999999999999 weeks ago.",
    "The town was founded 99999999999999999999 years ago.",
    "The temple was built 3000 years ago.",
])
def test_ago_before_the_calendar_has_no_date(nlp: Language, text: str) -> None:
    briefing = brief(nlp, text)
    assert briefing.errors == []
    assert briefing.timeline == []  # a dated article drops what it cannot date


@pytest.mark.parametrize("words", ["800000 days ago", "30000 months ago", "99999999999999999999 weeks ago",
                                   "99999999999999999999 years ago", "3000 years ago", "9" * 5000 + " days ago"])
def test_resolve_ago_before_the_calendar(words: str) -> None:
    assert resolve_date(words, ORDINARY_DAY, PAST) is None


def test_ago_inside_the_calendar_still_resolves() -> None:
    assert resolve_date("three days ago", ORDINARY_DAY, PAST) == "2020-01-13"
    assert resolve_date("2000 years ago", ORDINARY_DAY, PAST) == "20"


@pytest.mark.parametrize(("words", "direction"), [
    ("tomorrow", FUTURE), ("next week", FUTURE), ("next month", FUTURE), ("next year", FUTURE),
    ("next weekend", FUTURE), ("this weekend", FUTURE), ("next summer", FUTURE), ("Saturday", FUTURE),
    ("Saturday", NEAREST), ("next Friday", FUTURE), ("Jan. 5", NEAREST), ("Jan. 5", FUTURE),
    ("in January", FUTURE),
])
def test_resolve_after_the_last_day(words: str, direction: int) -> None:
    assert resolve_date(words, LAST_DAY, direction) is None


@pytest.mark.parametrize(("words", "direction"), [
    ("yesterday", PAST), ("last night", PAST), ("last week", PAST), ("last month", PAST),
    ("last year", PAST), ("last weekend", PAST), ("last winter", PAST), ("Jan. 5", PAST),
    ("Jan. 5", NEAREST), ("in December", PAST), ("Sunday", PAST), ("Sunday", NEAREST), ("last Monday", PAST),
])
def test_resolve_before_the_first_day(words: str, direction: int) -> None:
    assert resolve_date(words, FIRST_DAY, direction) is None


def test_article_dated_on_the_last_day(nlp: Language) -> None:
    briefing = brief(nlp, "The minister will visit tomorrow. They will meet next week. "
                          "The law takes effect next year. The fair opens this weekend.", LAST_DAY)
    assert briefing.errors == []
    assert [event.date for event in briefing.timeline] == []


def test_article_dated_on_the_first_day(nlp: Language) -> None:
    briefing = brief(nlp, "The minister arrived yesterday. They met last week. The vote was last month. "
                          "The law passed last year. He spoke on Jan. 5. The fair was last weekend.", FIRST_DAY)
    assert briefing.errors == []
    assert [event.date for event in briefing.timeline] == []


def test_dates_inside_the_calendar_still_resolve(nlp: Language) -> None:
    briefing = brief(nlp, "The minister arrived yesterday.", date(9999, 12, 30))
    assert briefing.errors == []
    assert [event.date for event in briefing.timeline] == ["9999-12-29"]


# ------------------------------------------------------------------ summary and headline

@pytest.mark.parametrize("text", ["", " ", "\n\n"])
def test_article_without_sentences(nlp: Language, text: str) -> None:
    briefing = brief(nlp, text)
    assert briefing.errors == []
    assert briefing.summary == "" and briefing.summary_sentences == []
