"""Quotes and their speakers, reported speech, on short news-like paragraphs and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from generator.models import Actor, Article
from generator.nlp import analyse
from generator.readers import read_article

SEED = Path(__file__).parent / "gold" / "articles" / "00_carney_ukraine.txt"


def run(nlp, text: str, actors: list[Actor] | None = None):
    analysed = next(analyse(nlp, [Article(id="t", path="t.txt", text=text)]))
    found = extract_quotes(analysed, extract_actors(analysed) if actors is None else actors)
    return analysed, found[0], found[1]


def texts(quotes) -> list[str]:
    return [q.text for q in quotes]


# ------------------------------------------------------------------ the seed article

def test_seed_has_the_three_carney_passages_with_his_role(nlp):
    analysed = next(analyse(nlp, [read_article(SEED)]))
    quotes, _ = extract_quotes(analysed, extract_actors(analysed))
    assert [q.text[:30] for q in quotes] == [
        "There has to be security on th", "It’s a fluid situation. It’s a", "Any security guarantee starts ",
    ]
    assert {q.speaker for q in quotes} == {"Mark Carney"}
    assert all("prime minister" in (q.role or "") for q in quotes)
    assert quotes[0].text.endswith("within that broader group")  # the comma inside the marks is dropped
    assert not any(q.partial for q in quotes)


# ------------------------------------------------------------------ finding the quotations

def test_quote_split_by_its_attribution_gives_two_spans_one_speaker(nlp):
    _, quotes, _ = run(nlp, "Maria Lopez runs the port of Valencia.\n\n"
                            "\u201cWe are ready for the ships,\u201d Lopez said, \u201cbut not for the storm.\u201d")
    assert texts(quotes) == ["We are ready for the ships", "but not for the storm."]
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]
    assert [q.partial for q in quotes] == [False, False]


def test_quote_running_over_several_sentences_is_one_quote(nlp):
    _, quotes, _ = run(nlp, '"The river rose overnight. We moved the cattle. Nobody slept," said farmer Tom Reed.')
    assert texts(quotes) == ["The river rose overnight. We moved the cattle. Nobody slept"]
    assert quotes[0].speaker == "Tom Reed"
    assert quotes[0].sentence == 0


def test_new_paragraph_reopening_the_quote_continues_it(nlp):
    text = ("Union leader Ann Walsh addressed the strikers on Monday.\n\n"
            "She said: \u201cWe have waited three years for a fair offer.\n\n"
            "\u201cWe will not wait another three.\u201d\n\n"
            "The company declined to comment.")
    analysed, quotes, _ = run(nlp, text)
    assert texts(quotes) == ["We have waited three years for a fair offer.", "We will not wait another three."]
    assert [q.speaker for q in quotes] == ["Ann Walsh", "Ann Walsh"]
    assert analysed.sentences[quotes[1].sentence].text.startswith("\u201cWe will not")


def test_unbalanced_mark_never_swallows_the_rest_of_the_article(nlp):
    text = ('Mayor Jane Doe said "the budget is tight and we will cut costs.\n\n'
            "The council meets on Tuesday. Residents are invited.\n\n"
            '"We need more buses," said Tom Reed, a commuter.')
    _, quotes, _ = run(nlp, text)
    assert not any("council" in q.text for q in quotes)
    assert quotes[-1].text == "We need more buses"
    assert quotes[-1].speaker == "Tom Reed"


def test_stray_marks_and_inch_marks_do_not_crash(nlp):
    _, quotes, _ = run(nlp, 'The 6\'2" forward said "" nothing. "Then "again" maybe," he said. "')
    for quote in quotes:
        assert quote.text


def test_partial_quote_inside_reported_speech_is_flagged(nlp):
    _, quotes, _ = run(nlp, "Foreign Minister Ana Silva warned the dispute was growing "
                            "\u201cdangerously tense\u201d after the talks collapsed.")
    assert texts(quotes) == ["dangerously tense"]
    assert quotes[0].partial is True
    assert quotes[0].speaker == "Ana Silva"


@pytest.mark.parametrize("text", [
    'She starred in "The Long Night" and in "Once Upon A Time in Hollywood" last year.',  # titles
    'The so-called "climate bonus" was paid to every household in March.',  # term after a cue
    'Lee "Faker" Sang-hyeok lifted the trophy for the fourth time.',  # nickname
    'The festival is dedicated to "decolonial perspectives" this year.',  # scare quote, no speaker
    'He tweeted about the "Climate Innovation Fund" on Monday.',  # a name in quotation marks
])
def test_titles_names_nicknames_and_scare_quotes_are_not_quotes(nlp, text):
    _, quotes, _ = run(nlp, text)
    assert quotes == []


# ------------------------------------------------------------------ who said it

def test_pronoun_three_sentences_after_the_name(nlp):
    text = ("Prime Minister Mark Carney arrived in Kyiv on Sunday. The visit was kept secret. "
            "Security was tight around the station. Officials cleared the square.\n\n"
            "\u201cThis is about sovereignty,\u201d he said.")
    _, quotes, _ = run(nlp, text)
    assert quotes[0].speaker == "Mark Carney"


def test_surname_becomes_the_full_name_met_earlier_without_actors(nlp):
    text = ("Heavy rain hit Leeds, where Sarah Jennings runs a bakery.\n\n"
            '"We lost a week of trade," Jennings said.')
    _, quotes, _ = run(nlp, text, actors=[])
    assert quotes[0].speaker == "Sarah Jennings"


def test_speaker_is_the_canonical_actor_through_its_aliases(nlp):
    actors = [Actor(name="Mark Carney", type="person", aliases=["Carney"], role="Canada's prime minister")]
    _, quotes, _ = run(nlp, '"We will be there," Carney told reporters in Ottawa.', actors=actors)
    assert (quotes[0].speaker, quotes[0].role) == ("Mark Carney", "Canada's prime minister")


def test_description_the_minister_said(nlp):
    text = ("Lewis Brown, Liberia's information minister, spoke at the airport.\n\n"
            '"These screening programs are monitored regularly," the minister said.')
    _, quotes, _ = run(nlp, text)
    assert quotes[0].speaker == "Lewis Brown"
    assert "information minister" in quotes[0].role


def test_description_the_52_year_old_said(nlp):
    text = ("John Parker, 52, has fished these waters for thirty years. The harbour was empty on Friday.\n\n"
            '"I have never seen it this bad," the 52-year-old said.')
    _, quotes, _ = run(nlp, text)
    assert quotes[0].speaker == "John Parker"


def test_an_organisation_can_speak(nlp):
    _, quotes, _ = run(nlp, '"Rail travel remains one of the most reliable options," Amtrak said.')
    assert quotes[0].speaker == "Amtrak"


def test_unnamed_source_stays_unnamed_with_its_description(nlp):
    text = ('"We are not ruling anything out," a senior government official said in a briefing.')
    _, quotes, _ = run(nlp, text)
    assert quotes[0].speaker is None
    assert quotes[0].role == "a senior government official"


def test_according_to_attributes_a_partial_quote(nlp):
    text = ("Alberto Shiguematsu lives in São Paulo.\n\n"
            "According to Shiguematsu, the sky went \u201creally dark\u201d around 3:15 PM yesterday.")
    _, quotes, _ = run(nlp, text)
    assert texts(quotes) == ["really dark"]
    assert quotes[0].speaker == "Alberto Shiguematsu"


def test_quote_sentence_and_text_come_from_the_article(nlp):
    text = "Rain fell all day.\n\nThe coach, Dan Moore, was calm. \u201cWe play on,\u201d Moore said."
    analysed, quotes, _ = run(nlp, text)
    assert quotes[0].sentence == 2
    assert quotes[0].text in analysed.sentences[2].text


def test_name_and_colon_introduce_a_quote(nlp):
    text = ("Justice Samuel Alito pressed the government's lawyer, Elizabeth Prelogar.\n\n"
            "Prelogar: \u201cI can\u2019t think of anything else that\u2019s precisely like this.\u201d")
    _, quotes, _ = run(nlp, text)
    assert quotes[0].speaker == "Elizabeth Prelogar"


def test_unattributed_paragraph_in_an_exchange_is_the_other_speakers_turn(nlp):
    text = ("\u201cIs there not some risk?\u201d Justice Samuel Alito asked.\n\n"
            "\u201cThere can be a very minimal risk,\u201d Elizabeth Prelogar said.\n\n"
            "\u201cSo you do not dispute that there is a risk?\u201d")
    _, quotes, _ = run(nlp, text)
    assert [q.speaker for q in quotes] == ["Samuel Alito", "Elizabeth Prelogar", "Samuel Alito"]


def test_pronoun_skips_a_person_of_the_other_gender(nlp):
    text = ("Elizabeth Prelogar is the government's top lawyer. She argues its biggest cases.\n\n"
            "Justice Samuel Alito is her fiercest questioner. He rolls his eyes.\n\n"
            "\u201cI like to go in front of judges,\u201d she said.")
    _, quotes, _ = run(nlp, text)
    assert quotes[0].speaker == "Elizabeth Prelogar"


def test_continued_attributes_but_continue_to_does_not(nlp):
    text = ("\u201cBut,\u201d Alito continued, \u201cis that not true of these vaccines?\u201d\n\n"
            "Samuel Alito has sat on the court since 2006.")
    _, quotes, _ = run(nlp, text)
    assert texts(quotes) == ["But", "is that not true of these vaccines?"]
    assert {q.speaker for q in quotes} == {"Samuel Alito"}


# ------------------------------------------------------------------ reported speech

def test_reported_speech_is_a_statement_of_its_actor(nlp):
    text = "Forecaster Ellen Park says the weather has eased across the region."
    _, quotes, statements = run(nlp, text)
    assert quotes == []
    assert [(s.text, s.speaker, s.sentence) for s in statements] == [
        ("the weather has eased across the region", "Ellen Park", 0)]


def test_reported_speech_through_a_pronoun(nlp):
    text = ("Tim Kaine chairs the Democratic National Committee.\n\n"
            "He said that the party opposes privatization of Social Security.")
    _, _, statements = run(nlp, text)
    assert statements[0].speaker == "Tim Kaine"
    assert statements[0].text == "the party opposes privatization of Social Security"


# ------------------------------------------------------------------ random text never breaks it

WORDS = st.sampled_from(["the", "minister", "said", "he", "Carney", "told", "we", "will", "rain", "Paris",
                         "\u201c", "\u201d", '"', ",", ".", "\n\n", "according", "to", "’s", "'", "•", ":",
                         '""', "\u201d\u201c", "\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", "", " "])), min_size=1, max_size=60))
def test_random_text_with_random_marks(nlp, pieces):
    text = "".join(word + gap for word, gap in pieces).strip() or "x"
    analysed = next(analyse(nlp, [Article(id="r", path="r.txt", text=text)]))
    quotes, statements = extract_quotes(analysed, extract_actors(analysed))
    for item in [*quotes, *statements]:
        assert item.text and item.text in analysed.text
        assert 0 <= item.sentence < max(len(analysed.sentences), 1)
