"""Who said what: every row of the attribution issue's table, and the attribution each quote carries.

Each case is a general failure class in a line or two (¶ is a paragraph break). A speaker
the evidence does not support must be None ("unattributed — check"), never a confident wrong name.
"""

from __future__ import annotations

import pytest

from generator.briefing import build_briefing
from generator.models import Article
from generator.nlp import analyse


def brief(nlp, text: str):
    return build_briefing(next(analyse(nlp, [Article(id="t", path="t.txt", text=text.replace(" ¶ ", "\n\n"))])))


def speakers(briefing) -> list[str | None]:
    return [quote.speaker for quote in briefing.quotes]


def test_a_pronoun_after_a_sentence_about_the_speaker(nlp):
    briefing = brief(nlp, 'Burton explained from a podium. "I love cats," he said.')
    assert speakers(briefing) == ["Burton"]
    assert briefing.quotes[0].attribution == "resolved"
    assert briefing.quotes[0].cue == "said"


def test_a_name_of_unknown_gender_is_still_a_candidate_for_he(nlp):
    briefing = brief(nlp, 'Okafor said the result was a relief. "We were tired at the end," he said. '
                          '"But the crowd carried us."')
    assert speakers(briefing) == ["Okafor", "Okafor"]


def test_two_speakers_joined_by_and_speak_together(nlp):
    briefing = brief(nlp, 'The sisters run the shelter. "We love cats!" reply Burton and Nick.')
    assert speakers(briefing) == ["Burton and Nick"]
    assert briefing.quotes[0].attribution == "explicit"


def test_a_document_speaks_for_the_organisation_that_released_it(nlp):
    briefing = brief(nlp, 'The district released its internal report on Monday. "Some computers crashed," '
                          'the report said.')
    quote = briefing.quotes[0]
    assert quote.speaker is None or "district" in quote.speaker.lower()
    assert quote.speaker != "the report"
    assert quote.role is not None and "report" in quote.role


def test_the_speaker_named_in_the_next_paragraph(nlp):
    briefing = brief(nlp, '"It was a mistake." ¶ That was how Maria Alvarez, the mayor, described the decision '
                          'on Monday.')
    quote = briefing.quotes[0]
    assert quote.speaker == "Maria Alvarez"
    assert quote.role in ("the mayor", "mayor")
    assert quote.attribution == "resolved"


def test_a_father_is_never_his_son(nlp):
    briefing = brief(nlp, 'Omar Reyes, 29, opened fire at the club. ¶ "He was a good boy," his father said in a '
                          'video. ¶ "I, Seddique Reyes, am declaring myself a candidate."')
    assert "Omar Reyes" not in speakers(briefing)
    assert speakers(briefing)[0] in (None, "Seddique Reyes")
    assert briefing.quotes[0].role == "his father"
    assert speakers(briefing)[1] in (None, "Seddique Reyes")


def test_anonymous_insiders_are_described_not_named(nlp):
    briefing = brief(nlp, '"He was calm and steady," said a Texas Democrat. ¶ "It was a draw at best," said a '
                          'Florida Republican.')
    assert speakers(briefing) == [None, None]
    assert [quote.role for quote in briefing.quotes] == ["a Texas Democrat", "a Florida Republican"]
    assert {actor.name for actor in briefing.actors}.isdisjoint({"Texas Democrat", "Florida Republican"})


def test_dialogue_takes_turns(nlp):
    briefing = brief(nlp, 'Ahmed Khan, 71, and his son Bilal, 40, run the bakery together. ¶ '
                          '"We open at five," Ahmed said. ¶ "And we close when the bread runs out," came the reply. ¶ '
                          '"Every day," the patriarch added.')
    assert speakers(briefing) == ["Ahmed Khan", "Bilal", "Ahmed Khan"]


@pytest.mark.parametrize("text, expected", [
    ('"We will win," Smith said.', "explicit"),
    ('Smith arrived late. "We will win," she said.', "resolved"),
    ('"We will win."', "unknown"),
])
def test_every_quote_says_how_its_speaker_was_found(nlp, text, expected):
    assert brief(nlp, text).quotes[0].attribution == expected


def test_no_speaker_is_a_string_that_names_no_actor(nlp):
    briefing = brief(nlp, 'Rep. Ed Royce, a California Republican, met him. "It was a brief and inconsequential '
                          'meeting," the California Republican said.')
    names = {form for actor in briefing.actors for form in (actor.name, *actor.aliases)}
    assert speakers(briefing) == ["Ed Royce"]
    assert all(speaker is None or speaker in names for speaker in speakers(briefing))


def test_a_key_fact_keeps_its_attribution_and_its_whole_list(nlp):
    briefing = brief(nlp, "The latest Ebola outbreak has killed 3,338 people in Guinea, Liberia, Sierra Leone, Nigeria "
                          "and Senegal, the WHO says. The agency said the outbreak was slowing in Guinea. Health "
                          "workers in Liberia are still short of beds. The United Nations will send 200 more doctors "
                          "next week. Officials said the airport in Monrovia would reopen on Friday.")
    facts = [fact.text for fact in briefing.key_facts]
    ebola = next(text for text in [briefing.summary, *facts] if "3,338" in text)  # the lead is the summary
    assert "Nigeria and Senegal, the WHO says." in ebola
    assert all(not fact.endswith("in Guinea.") or "slowing" in fact for fact in facts)


def test_reported_statements_carry_their_attribution(nlp):
    briefing = brief(nlp, "Maria Lopez said the plan would fail. The agency said costs had doubled.")
    first = briefing.statements[0]
    assert (first.speaker, first.attribution, first.cue) == ("Maria Lopez", "explicit", "said")
    assert all(s.attribution in ("explicit", "resolved", "unknown") for s in briefing.statements)


def test_a_quote_over_two_paragraphs_names_its_speaker_once(nlp):
    briefing = brief(nlp, '"We built this city from nothing. ¶ "Now they want to take it away," said Rosa Diaz, '
                          'who has lived there since 1970.')
    assert speakers(briefing) == ["Rosa Diaz", "Rosa Diaz"]
    assert [q.attribution for q in briefing.quotes] == ["resolved", "explicit"]


@pytest.mark.parametrize("text, speaker", [
    ('"It was terrible," according to a statement from Delta Air Lines.', "Delta Air Lines"),
    ('Police arrested John Smith on Friday. "I am innocent," he said.', "John Smith"),
    ('Sen. Tommy Tuberville was blunt: "We are out of money."', "Tommy Tuberville"),
    ('A spokesman for Google declined to comment. ¶ "We do not discuss ongoing litigation," the spokesman said.',
     "Google"),
    ('Hamas said in a statement that the strike killed 12 people. "This is a massacre," the group said.', "Hamas"),
    ('Trump attacked the lawyers, which prompted Engoron to quip the questioning sounded like a “broken record.”',
     "Engoron"),
])
def test_common_wire_attributions(nlp, text, speaker):
    assert speakers(brief(nlp, text)) == [speaker]


def test_the_president_of_two_is_the_one_named_last(nlp):
    briefing = brief(nlp, "Ukrainian President Volodymyr Zelensky met President Joe Biden on Tuesday. Biden vowed "
                          'support. "We will stand with Ukraine," the president said.')
    assert speakers(briefing) == ["Joe Biden"]


# A paragraph that opens on a quote with no cue, and the paragraph before it.
FROM_THE_PARAGRAPH_BEFORE = {
    # an interview written as a feature: the answer is the person the writer's question asks about
    "interview answer": (('Maria Alvarez has had the kind of summer that changes a life. ¶ '
                         "But hasn't she had to turn down lots of offers? ¶ "
                         '"I mean. Yes, no. It feels weird to say that. That is the past." ¶ The film opened in May.'),
                         "Maria Alvarez"),
    # the attribution of the paragraph before goes on
    "carried over": (('Senator Ann Ruiz did not limit her criticism to the plan. She also attacked state '
                     'programs that she argues fail children. ¶ "Families did not ask for this. Voters did '
                     'not vote for it." ¶ The bill goes to a vote in May.'), "Ann Ruiz"),
    # a question about no one, and a paragraph with no cue, lend their person nothing
    "question about no one": (('Maria Alvarez met the council on Monday to discuss the new bridge. ¶ '
                              'What does the delay mean for the town? ¶ "Nobody knows yet." ¶ The film opened in May.'),
                              None),
    "no cue before": (('Senator Ann Ruiz toured the school on Monday. ¶ "Families did not ask for this." ¶ '
                      'The bill goes to a vote in May.'), None),
}


@pytest.mark.parametrize(("text", "speaker"), FROM_THE_PARAGRAPH_BEFORE.values(), ids=FROM_THE_PARAGRAPH_BEFORE)
def test_an_uncued_quote_paragraph_and_the_paragraph_before(nlp, text, speaker):
    briefing = brief(nlp, text)
    assert speakers(briefing) == [speaker]
    assert briefing.quotes[0].attribution == ("resolved" if speaker else "unknown")
