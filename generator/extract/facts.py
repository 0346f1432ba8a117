"""Key facts: the few sentences an editor would keep."""

from __future__ import annotations

from ..models import Actor, Fact, Quote
from ..nlp import AnalysedArticle

INFORMATIVE = {"PERSON", "ORG", "GPE", "DATE", "MONEY", "CARDINAL", "PERCENT", "QUANTITY"}


def extract_key_facts(analysed: AnalysedArticle, actors: list[Actor], quotes: list[Quote],
                      *, limit: int = 6) -> list[Fact]:
    """First version: sentences outside quotations, ranked by entity density and position."""
    quoted = {quote.sentence for quote in quotes}
    scored = []
    for sentence in analysed.sentences:
        if sentence.index in quoted or sentence.text.startswith(("“", '"')):
            continue
        span = analysed.sentence_span(sentence.index)
        entities = sum(1 for ent in span.ents if ent.label_ in INFORMATIVE) if span else 0
        scored.append((-(entities + 3 / (1 + sentence.index)), sentence.index))
    return [Fact(text=analysed.sentences[i].text, sentence=i) for _, i in sorted(scored)[:limit]]
