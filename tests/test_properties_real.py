"""Extraction on text built from real news sentences never fails, stays grounded and is deterministic.

Random characters (tests/test_properties.py) seldom look like a sentence to the parser, so the
extractors' deeper branches (speakers, roles, dates, questions) rarely run. Here Hypothesis joins
real sentences from the gold articles in random order into random paragraphs, then mixes their
quote marks and slips in long digit strings and relative date words.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from generator.briefing import build_briefing
from generator.models import Article, Briefing
from generator.nlp import AnalysedArticle
from generator.readers import DATE_LINE, ArticleError, finish

GOLD_ARTICLES = Path(__file__).resolve().parent / "gold" / "articles"
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'(A-Z0-9])")


def gold_sentences() -> list[str]:
    """Every sentence of the gold articles, split by a plain rule (the date line left out)."""
    sentences = []
    for path in sorted(GOLD_ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        match = DATE_LINE.match(text)
        text = text[match.end():] if match else text
        for paragraph in text.split("\n\n"):
            sentences += [part.strip() for part in SENTENCE_BREAK.split(paragraph) if part.strip()]
    return sentences


SENTENCES = gold_sentences()
QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’"]
INSERTIONS = ["99999999999999999999", "99999999999999999999 days", "in 30000 years", "yesterday",
              "tomorrow", "last week", "next month", "on Jan. 5", "on Feb. 29", "2024", "C$2 billion",
              "“", "”", '"', "he said", "on Friday"]
DATES = st.one_of(st.none(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29)]),
                  st.dates())
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                    HealthCheck.too_slow])


@st.composite
def real_texts(draw: st.DrawFn) -> str:
    """Two to fourteen real sentences in random order and paragraphs, bent a little."""
    sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=14))
    pieces = []
    for sentence in sentences:
        if draw(st.booleans()) and draw(st.booleans()):
            marks = draw(st.lists(st.sampled_from(QUOTE_MARKS), min_size=1, max_size=4))
            sentence = "".join(marks.pop(0) if char in "\"“”‘’" and marks else char for char in sentence)
        if draw(st.integers(0, 3)) == 0:
            words = sentence.split(" ")
            position = draw(st.integers(0, len(words)))
            words.insert(position, draw(st.sampled_from(INSERTIONS)))
            sentence = " ".join(words)
        pieces.append(sentence)
        pieces.append(draw(st.sampled_from([" ", " ", "\n\n"])))
    return "".join(pieces).strip()


def read(text: str, article_date: date | None) -> Article | None:
    """The text as a reader would hand it on, or None when a reader would refuse it."""
    try:
        return finish(Article(id="prop", path="prop.txt", text=text, date=article_date), Path("prop.txt"))
    except ArticleError:
        return None


def brief(nlp: Language, article: Article) -> Briefing:
    return build_briefing(AnalysedArticle(article, nlp(article.text)))


@PROPERTY_SETTINGS
@given(text=real_texts(), article_date=DATES)
def test_real_sentences_brief_without_errors_and_stay_grounded(nlp: Language, text: str,
                                                               article_date: date | None) -> None:
    article = read(text, article_date)
    if article is None:
        return
    briefing = brief(nlp, article)
    assert briefing.errors == []
    count = len(briefing.sentences)
    for items in (briefing.key_facts, briefing.quotes, briefing.statements, briefing.open_questions,
                  briefing.timeline, briefing.figures):
        for item in items:
            assert 0 <= item.sentence < count
    for quote in briefing.quotes:
        assert quote.text in article.text
    for actor in briefing.actors:
        assert 0 <= actor.first_sentence < count


@PROPERTY_SETTINGS
@given(text=real_texts(), article_date=DATES)
def test_real_sentences_brief_the_same_twice(nlp: Language, text: str, article_date: date | None) -> None:
    article = read(text, article_date)
    if article is None:
        return
    first: dict[str, Any] = brief(nlp, article).to_dict()
    assert brief(nlp, article).to_dict() == first
