"""The extractors read the quotations layer, not quotation marks of their own.

Each test shows an extractor leaving out words the layer marks (a quotation, a quoted title),
then, on the same parse with the layer's results taken away, taking them in: what decides is the
layer, not a count of marks.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from generator.analysis import LAYERS
from generator.analysis.actors import cluster_actors
from generator.analysis.guard import LayerError
from generator.analysis.quotations import quoted_alone
from generator.briefing import build_briefing
from generator.extract.actors import extract_actors
from generator.extract.facts import candidates, extract_key_facts
from generator.extract.figures import extract_figures
from generator.extract.questions import extract_open_questions
from generator.extract.timeline import extract_timeline
from generator.models import Article
from generator.nlp import AnalysedArticle, analyse


def parse(nlp: Language, text: str) -> AnalysedArticle:
    return next(analyse(nlp, [Article(id="t", path="t.txt", text=text, date=date(2020, 1, 20))]))


def drop_layer(analysed: AnalysedArticle) -> AnalysedArticle:
    """The same parse as if the quotations layer had found nothing."""
    analysed.quoted = bytes(len(analysed.doc))
    analysed.doc._.quoted_contents = None
    return analysed


def test_quoted_alone_is_the_whole_content_of_a_quoted_span(nlp: Language) -> None:
    analysed = parse(nlp, "Zellweger won for “Judy,” and Phoenix for “Joker.” Pitt starred in “Joker Two” too.")
    doc = analysed.doc
    index = {token.text: token.i for token in doc}
    assert quoted_alone(doc, index["Judy"], index["Judy"] + 1)  # the comma inside the marks is allowed
    first_joker = next(t.i for t in doc if t.text == "Joker")
    assert quoted_alone(doc, first_joker, first_joker + 1)  # ... and so is the stop
    second_joker = next(t.i for t in doc if t.text == "Joker" and t.i != first_joker)
    assert not quoted_alone(doc, second_joker, second_joker + 1)  # part of “Joker Two”, not all of it
    assert quoted_alone(doc, second_joker, second_joker + 2)
    assert not quoted_alone(doc, index["Zellweger"], index["Zellweger"] + 1)
    assert not quoted_alone(drop_layer(analysed).doc, first_joker, first_joker + 1)


def test_a_film_called_1917_is_no_date(nlp: Language) -> None:
    text = ("Those left out include war film “1917,” the big winner at the Producers Guild Awards on Saturday. "
            "The festival opens on Friday.")
    events = extract_timeline(parse(nlp, text))
    assert [e.date_text for e in events] == ["Saturday", "Friday"]
    assert "1917" in [e.date_text for e in extract_timeline(drop_layer(parse(nlp, text)))]


def test_a_number_that_is_a_quoted_title_is_no_figure(nlp: Language) -> None:
    text = ("The studio re-released “300,” the war epic, in theatres on Tuesday. "
            "The company sold 300 tickets in the first hour.")
    assert [f.text for f in extract_figures(parse(nlp, text))] == ["300 tickets"]
    assert "300" in [f.text for f in extract_figures(drop_layer(parse(nlp, text)))]


def test_a_sentence_inside_a_quotation_is_no_key_fact(nlp: Language) -> None:
    """The second sentence of a quotation opens with no mark: only the layer knows it is quoted."""
    text = ("The city council approved a new bridge over the Elbe river on Monday after a long debate.\n\n"
            "“We will rebuild the old bridge as fast as we can. The work starts in March and will cost the city "
            "about $40 million,” the mayor said.\n\n"
            "The opposition voted against the plan and called it too expensive for the small town.")
    analysed = parse(nlp, text)
    assert {f.sentence for f in extract_key_facts(analysed, [], [])} == {0, 3}
    assert 2 in {c.sentence for c in candidates(drop_layer(analysed), [])}


def test_a_hedge_inside_a_quotation_is_no_open_question(nlp: Language) -> None:
    text = ("“The government may raise the fuel tax next year,” the minister told reporters.\n\n"
            "The central bank may raise interest rates next month, analysts said.")
    questions = [q.question for q in extract_open_questions(parse(nlp, text), [])]
    assert questions == ["Will the central bank raise interest rates next month?"]
    unquoted = [q.question for q in extract_open_questions(drop_layer(parse(nlp, text)), [])]
    assert any("fuel tax" in q for q in unquoted)


def test_a_quoted_title_names_no_actor(nlp: Language) -> None:
    text = ("Renée Zellweger won best actress for “Judy,” her first award of the season. "
            "Joaquin Phoenix won for “Joker.” Brad Pitt thanked his mother.")
    assert [a.name for a in extract_actors(parse(nlp, text))] == ["Renée Zellweger", "Joaquin Phoenix", "Brad Pitt"]
    names = {actor.name for actor, _ in cluster_actors(drop_layer(parse(nlp, text)))}
    assert {"Judy", "Joker"} & names


@pytest.mark.parametrize("layer", list(LAYERS))
def test_a_failed_layer_empties_the_sections_that_read_it(nlp: Language, layer: str) -> None:
    text = ("Renée Zellweger won best actress for “Judy” on Sunday, the studio said, and 300 people cheered. "
            "“It was a big night,” she said. The studio may release the film again next year.")
    analysed = parse(nlp, text)
    analysed.doc._.layer_errors = [LayerError(layer, RuntimeError("boom"))]
    briefing = build_briefing(analysed)
    assert {e.section for e in briefing.errors} == set(LAYERS[layer])
    assert briefing.summary and briefing.title  # no layer feeds these
