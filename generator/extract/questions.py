"""Open questions: what the article leaves undecided."""

from __future__ import annotations

from ..models import Actor, Question
from ..nlp import AnalysedArticle

HEDGES = ("may ", "might ", "could ", "not ruling out", "expects to", "remain")


def extract_open_questions(analysed: AnalysedArticle, actors: list[Actor]) -> list[Question]:
    """First version: one question per hedged sentence."""
    questions = []
    for sentence in analysed.sentences:
        lowered = sentence.text.lower()
        if any(hedge in lowered for hedge in HEDGES):
            questions.append(Question(
                question=f"What comes of this: “{sentence.text.rstrip('.')}”?",
                sentence=sentence.index,
            ))
    return questions
