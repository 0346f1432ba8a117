"""Open questions: real questions about the actors, built from the sentence's own words."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from generator.briefing import build_briefing
from generator.extract.questions import extract_open_questions, participle
from generator.models import Article, Briefing
from generator.nlp import AnalysedArticle, analyse
from generator.readers import read_article

GOLD = Path(__file__).resolve().parent / "gold" / "articles"
# Words a question may add to the article's: the scaffolding of English questions.
SCAFFOLDING = {"will", "can", "could", "might", "may", "would", "what", "which", "who", "how", "does", "do",
               "did", "be", "given", "that", "if", "and", "the"}


def parse(nlp: Language, text: str) -> AnalysedArticle:
    return next(analyse(nlp, [Article(id="t", path="t.txt", text=text, date=date(2020, 1, 16))]))


def questions_of(nlp: Language, text: str) -> list[str]:
    return [q.question for q in extract_open_questions(parse(nlp, text), [])]


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[AnalysedArticle, Briefing]:
    analysed = next(analyse(nlp, [read_article(GOLD / "00_carney_ukraine.txt")]))
    return analysed, build_briefing(analysed)


def test_seed_asks_what_the_article_leaves_open(seed: tuple[AnalysedArticle, Briefing]) -> None:
    questions = [q.question for q in seed[1].open_questions]
    joined = "\n".join(questions)
    assert re.search(r"Will Canada .*join peacekeeping efforts", joined)             # whether Canada joins
    assert "What role might Canada play within that broader group?" in questions      # and in what role
    assert re.search(r"Can a peace deal be reached, given that the Kremlin is demanding .* NATO troops", joined)
    assert "Will the US deploy US air defense systems?" in questions


def test_seed_questions_are_grounded_distinct_and_cite_their_sentence(seed: tuple[AnalysedArticle, Briefing]) -> None:
    analysed, briefing = seed
    article_words = {w.lower() for w in re.findall(r"[\w’']+", analysed.text)}
    actor_words = {w.lower() for a in briefing.actors for w in re.findall(r"[\w’']+", a.name)}
    texts = [q.question for q in briefing.open_questions]
    assert len(texts) == len(set(texts))
    for question in briefing.open_questions:
        assert question.question[0].isupper() and question.question.endswith("?")
        assert 0 <= question.sentence < len(analysed.sentences)
        for word in re.findall(r"[\w’']+", question.question.lower()):
            assert word in article_words or word in actor_words or word in SCAFFOLDING or word == "reached", word


@pytest.mark.parametrize(("text", "expected"), [
    # stated uncertainty, asked with do-support, inversion and agreement (issue 15)
    ("It remains unclear whether the company will appeal the ruling.", "Will the company appeal the ruling?"),
    ("It is not known whether the suspect acted alone.", "Did the suspect act alone?"),
    ("Police declined to say how many people were arrested.", "How many people were arrested?"),
    ("Officials did not say where bin Laden is now.", "Where is bin Laden now?"),    # never "Where did bin Laden be"
    ("It’s not clear which devices the feature will eventually work with, or whether it will support group calls.",
     "Which devices will the feature eventually work with?"),
    (("There may still be debate as to whether the Frühburgunder is a natural mutation or the result of centuries "
      "of cultivation."),
     "Is the Frühburgunder a natural mutation or the result of centuries of cultivation?"),
    ("Rounds said Zelensky did not give a price tag on how much US support will be needed in total for Ukraine.",
     "How much US support will be needed in total for Ukraine?"),
    ("The board has not decided whether to sell the company.", "Will the board sell the company?"),
    # pending decisions, votes and what has not happened yet
    ("A number of digital retailers have yet to specify the price for the collection.",
     "Will a number of digital retailers specify the price for the collection?"),
    ("No decision has been made on the future of the plant.", "Will a decision be made on the future of the plant?"),
    ("The council will vote on the proposal next week.", "How will the council vote on the proposal next week?"),
    ("The government is considering sending troops to the border.", "Will the government send troops to the border?"),
    ("“We’ll see what role Canada might play within that broader group,” he said at a news conference.",
     "What role might Canada play within that broader group?"),
    (("Canada is a member of the coalition. The North American nation is not ruling out participating in such an "
     "effort if the coalition agrees to it, a senior government official said."),
     "Will Canada participate in such an effort if the coalition agrees to it?"),
])
def test_question_phrasing_on_real_sentences(nlp: Language, text: str, expected: str) -> None:
    assert expected in questions_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Jobs had a knack for knowing what consumers want long before they do.",     # knowledge, not doubt
    "That could have an effect on bottom-dwelling plankton.",                     # no nameable subject
    "Before flying off to Dallas he may have come in contact with people who had symptoms.",  # the past
    "The US has ruled out sending troops to Ukraine.",                            # decided, not open
    # a plan the article states is no doubt (issue 15: "turns a statement into a doubt")
    "Microsoft plans to cut its carbon emissions by more than half by 2030 across its supply chain.",
    "Carney also expects on Sunday to advance a bilateral security agreement reached with Ukraine in 2024.",
    # a plain forecast is no question (issue 15): nobody faces a decision
    "Rainfall totals for central and west Texas this week are expected to reach 2 to 4 inches.",
    "With enough low-carbon electricity, more people could drive electric cars and ride electric trains.",
    "Kristen Wiig has had the kind of summer one might imagine to be life-changing.",
    "The former president’s rhetoric might as well have been at one of his rallies.",
    # answered, cut inside a quotation, or no embedded question at all
    'Duncan answered "no" to questions about whether he had cared for an Ebola patient.',
    "I’m not saying this is what’s going to happen, I’m just saying this is worth watching.",
    "The police did not comment when reporters called on Monday.",
    "No national legislation was approved to tighten gun laws a year after the shooting.",
])
def test_no_question_without_ground(nlp: Language, text: str) -> None:
    assert questions_of(nlp, text) == []


def test_participles() -> None:
    assert [participle(v) for v in ("reach", "make", "deploy", "agree", "carry")] == [
        "reached", "made", "deployed", "agreed", "carried"]
