"""The headline: the lead sentence compressed by deleting words, never cut with an ellipsis.

Every sentence here was written for these tests (none comes from the gold or held-out articles).
"""

from __future__ import annotations

import pytest

from generator.evaluation.headlines import (
    grounded,
    headline_scores,
    lead_forms,
    rouge_f1,
    truncated_headline,
    words,
)
from generator.extract.summary import HEADLINE_CHARS, headline, third_person
from generator.models import Article
from generator.nlp import AnalysedArticle


def analysed(nlp, text: str, title: str | None = None) -> AnalysedArticle:
    return AnalysedArticle(Article(id="a", path="a.txt", text=text, title=title), nlp(text))


def made(nlp, text: str) -> str:
    article = analysed(nlp, text)
    result = headline(article)
    assert result, text
    assert len(result) <= HEADLINE_CHARS, result
    assert "…" not in result and "..." not in result, result
    assert grounded(result, lead_forms(article)), result
    return result


def test_an_apposition_is_left_out(nlp):
    result = made(nlp, "Maria Lopez, the city's longest-serving council member, resigned on Tuesday after a "
                       "dispute over the budget.")
    assert result.startswith("Maria Lopez resigns")
    assert "council member" not in result


def test_a_trailing_attribution_is_kept_in_headline_style(nlp):
    # Without "officials say" the headline would state their claim as a fact.
    assert made(nlp, "The council will close the Elm Street bridge for repairs next month, officials said on "
                     "Monday.") == "The council will close the Elm Street bridge for repairs, officials say"


def test_who_said_it_is_the_subject_when_they_speak_of_themselves(nlp):
    # "Acme Corp said it will cut" → "Acme Corp will cut": deletion only, the words in order
    assert made(nlp, "Acme Corp said on Thursday it will cut 500 jobs at its plant in Ohio.") == (
        "Acme Corp will cut 500 jobs at its plant in Ohio")


def test_a_claim_about_someone_else_keeps_who_made_it(nlp):
    result = made(nlp, "The opposition leader said the finance minister had lied to parliament about the deficit.")
    assert result.startswith("The opposition leader says the finance minister had lied")


def test_a_relative_clause_is_left_out(nlp):
    result = made(nlp, "The museum, which opened in 1902, will close its doors to visitors for two years.")
    assert result == "The museum will close its doors to visitors for two years"


@pytest.mark.parametrize(("text", "needed"), [
    # a clause not set off by commas says which thing is meant: without it the headline is cut off
    ("The mayor has had the kind of week most politicians would dread.", "the kind of week most politicians would dread"),
    # a comparison keeps what it compares against
    ("The utility said on Monday it plans to build more wind turbines across the state than it retires by 2030.",
     "more wind turbines than it retires"),
])
def test_a_headline_keeps_what_its_words_need(nlp, text, needed):
    """Issue 15: a blind rating found "… has had the kind of summer" poor ("cut off: what kind?")."""
    assert needed in made(nlp, text)


def test_a_time_phrase_is_left_out(nlp):
    result = made(nlp, "Farmers in the valley began harvesting the grapes early on Saturday morning.")
    assert "Saturday" not in result and "morning" not in result
    assert result.startswith("Farmers")


def test_a_negation_is_kept(nlp):
    result = made(nlp, "The governor did not sign the water bill on Friday, leaving the reservoir plan in doubt.")
    assert "did not sign the water bill" in result
    result = made(nlp, "Prosecutors have not charged the driver, who was arrested near the border, according to "
                       "court records.")
    assert result == "Prosecutors have not charged the driver"


def test_a_modal_and_a_hedge_are_kept(nlp):
    result = made(nlp, "The city may raise bus fares next year to cover rising fuel costs, the mayor said.")
    assert result.startswith("The city may raise bus fares")
    assert "nearly" in made(nlp, "The hospital nearly ran out of oxygen during the heat wave, staff told reporters.")


def test_a_condition_is_kept(nlp):
    result = made(nlp, "The union will strike on Monday if the talks with the port operators fail again.")
    assert "if the talks" in result and "strike" in result


def test_a_number_that_is_the_news_is_kept(nlp):
    result = made(nlp, "The company will cut 1,200 jobs at its factories in Wales and Scotland by the end of the "
                       "year, a spokeswoman said.")
    assert "1,200 jobs" in result


def test_a_long_lead_fits_without_an_ellipsis(nlp):
    text = ("The regional transport authority, which has been criticised for months over delays and "
            "cancellations on its busiest commuter lines, announced on Wednesday that it would spend 3 billion "
            "euros over the next decade to replace its ageing fleet of trains and to rebuild signalling across "
            "the network.")
    assert "3 billion euros" in made(nlp, text)
    text = ("Workers at the largest car factory in the northern city of Turin walked off the job on Friday over "
            "plans to cut night shifts and move production of two models abroad.")
    assert made(nlp, text).startswith("Workers at the largest car factory walked off the job")
    assert truncated_headline(analysed(nlp, text)).endswith(" …")  # the old headline was cut off


def test_headline_tense_only_where_safe(nlp):
    assert made(nlp, "The mayor of Springfield has resigned after a row over the city's budget.").startswith(
        "The mayor of Springfield resigns")
    # dated in the past: the verb stays as written
    assert made(nlp, "The mayor of Springfield resigned in 1998 after a row over the city's budget.").startswith(
        "The mayor of Springfield resigned")
    # a plural subject keeps its verb: "Hackers write" would read as a habit
    assert made(nlp, "Hackers stole the records of 40,000 patients from the clinic on Sunday.").startswith(
        "Hackers stole")


@pytest.mark.parametrize(("lemma", "form"), [("resign", "resigns"), ("deny", "denies"), ("play", "plays"),
                                             ("veto", "vetoes"), ("push", "pushes"), ("die", "dies")])
def test_third_person(lemma, form):
    assert third_person(lemma) == form


def test_the_articles_title_wins(nlp):
    text = "Maria Lopez, the city's longest-serving council member, resigned on Tuesday."
    assert headline(analysed(nlp, text, title="Council veteran quits")) == "Council veteran quits"


def test_grounded_means_the_leads_words_in_order(nlp):
    article = analysed(nlp, "Maria Lopez, the city's longest-serving council member, resigned on Tuesday.")
    forms = lead_forms(article)
    assert grounded("Maria Lopez resigns", forms)  # the tense change aside
    assert grounded("Maria Lopez resigned on Tuesday", forms)
    assert not grounded("Lopez Maria resigned", forms)  # out of order
    assert not grounded("Maria Lopez quits", forms)  # not the article's word


def test_rouge_is_on_lowercased_words_without_punctuation():
    assert words("Thousands of UK academics 'treated as second-class citizens'") == [
        "thousands", "of", "uk", "academics", "treated", "as", "secondclass", "citizens"]
    assert rouge_f1("Steve Jobs resigns as CEO", "steve jobs resigns as ceo.", 1) == 1.0
    assert rouge_f1("Steve Jobs resigns as CEO", "Apple says Steve Jobs resigning as CEO", 2) == pytest.approx(
        2 * (2 / 4) * (2 / 6) / (2 / 4 + 2 / 6))
    assert rouge_f1("", "Apple says", 1) == 0.0


def test_the_development_set_matches_the_truncation_without_its_faults(gold_corpus):
    """Measured on tests/gold (the development split) against the published headlines. Ours keeps
    a claim's attribution ("…, officials say") and the clause that says which thing is meant ("the
    kind of summer one might imagine to be life-changing"), which published headlines often leave
    out, so its word overlap is about the truncation's; it is never cut, never over length, always
    grounded."""
    rows = headline_scores(gold_corpus)
    ours, old = rows["ours"], rows["truncation (old)"]
    assert rows["published"]["articles"] >= 30
    assert ours["rouge1"] >= old["rouge1"] - 0.02
    assert ours["ellipsis"] == 0 and ours["over"] == 0 and ours["grounded"] == 1
    assert old["ellipsis"] > 0.5
