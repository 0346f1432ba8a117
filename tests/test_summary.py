"""Headline and summary: cut from the article's own words, without wire datelines."""

from __future__ import annotations

import pytest

from generator.extract.summary import dateline_length, headline, summarise, without_dateline
from generator.models import Article
from generator.nlp import AnalysedArticle


def analysed(nlp, text: str) -> AnalysedArticle:
    return AnalysedArticle(Article(id="a", path="a.txt", text=text), nlp(text))


@pytest.mark.parametrize(("text", "rest"), [
    ("SAN FRANCISCO (AP) — Steve Jobs resigned.", "Steve Jobs resigned."),
    ("Washington (CNN) -- Democrats pledged Friday.", "Democrats pledged Friday."),
    ("SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper blasted South Korea.",
     "North Korea's official newspaper blasted South Korea."),
    ("(CNN) -- The Pennsylvania official was talking.", "The Pennsylvania official was talking."),
    ("NEW YORK--Verizon Communications is prepping an app.", "Verizon Communications is prepping an app."),
    ("Carney said the talks — held in Kyiv — went well.", "Carney said the talks — held in Kyiv — went well."),
    ("Well-known author dies at 90.", "Well-known author dies at 90."),
])
def test_wire_datelines_are_recognised_and_nothing_else(text, rest):
    assert without_dateline(text) == rest
    assert dateline_length(rest) == 0 or rest == text


def test_headline_is_the_lead_clause_of_the_seed(nlp):
    text = ("Mark Carney is visiting Ukraine for the first time as Canada’s prime minister, as his "
            "government says it may be prepared to join peacekeeping efforts led by European allies.")
    assert headline(analysed(nlp, text)) == (
        "Mark Carney is visiting Ukraine for the first time as Canada’s prime minister")


def test_a_dateline_alone_is_not_the_lead(nlp):
    article = analysed(nlp, "MONTGOMERY, Ala. -- Alabama's strict new immigration law may be backfiring. "
                            "Intended to force illegal workers out of the state, it has emptied fields.")
    assert headline(article) == "Alabama's strict new immigration law may be backfiring"
    summary, sentences = summarise(article)
    assert summary.startswith("Alabama's strict new immigration law")
    assert all(0 <= i < len(article.sentences) for i in sentences)


def test_an_appositive_of_the_subject_is_left_out_of_the_headline(nlp):
    article = analysed(nlp, "Tim Cook, Apple's chief operating officer, was named chief executive on "
                            "Wednesday, the company said.")
    # "on Wednesday": a time phrase, left out; the attribution kept, in headline style
    assert headline(article) == "Tim Cook was named chief executive, company says"
