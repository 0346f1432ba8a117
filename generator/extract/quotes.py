"""Direct quotations with their speakers, and reported speech."""

from __future__ import annotations

import re

from ..models import Actor, Quote, Statement
from ..nlp import AnalysedArticle

QUOTED = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
SPEECH_VERBS = {"say", "tell", "add", "warn", "insist", "ask", "state", "note", "explain"}


def find_speaker(analysed: AnalysedArticle, sentence: int, actors: list[Actor]) -> str | None:
    span = analysed.sentence_span(sentence)
    if span is None:
        return None
    for token in span:
        if token.lemma_ in SPEECH_VERBS:
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    text = " ".join(t.text for t in child.subtree)
                    for actor in actors:
                        if text == actor.name or text in actor.aliases:
                            return actor.name
    return None


def extract_quotes(analysed: AnalysedArticle, actors: list[Actor]) -> tuple[list[Quote], list[Statement]]:
    """First version: balanced quotation marks; speaker from the speech verb's subject."""
    quotes = []
    for match in QUOTED.finditer(analysed.text):
        sentence = analysed.sentence_of_char(match.start())
        end_sentence = analysed.sentence_of_char(match.end() - 1)
        speaker = find_speaker(analysed, end_sentence, actors)
        role = next((a.role for a in actors if a.name == speaker), None)
        words = match.group(1).strip()
        partial = not match.group(1)[:1].isupper()
        quotes.append(Quote(text=words, speaker=speaker, role=role, partial=partial, sentence=sentence))
    return quotes, []
