"""The briefing's actors: read from the mention layer (:mod:`generator.analysis.actors`), ranked."""

from __future__ import annotations

from collections import Counter

from ..analysis.actors import actors_of
from ..models import Actor, Quote
from ..nlp import AnalysedArticle


def extract_actors(analysed: AnalysedArticle) -> list[Actor]:
    """Everyone the article names, one entry each, in order of first appearance."""
    return actors_of(analysed.doc)


def rank_actors(actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """Most salient first: mentions, being quoted (twice the weight), then early appearance."""
    quoted: Counter[int] = Counter()
    for quote in quotes:
        if not quote.speaker:
            continue
        for index, actor in enumerate(actors):
            if quote.speaker == actor.name or quote.speaker in actor.aliases:
                quoted[index] += 1
                break
    ranked = sorted(
        range(len(actors)),
        key=lambda i: (-(actors[i].mentions + 2 * quoted[i] + 1.0 / (1 + actors[i].first_sentence)),
                       actors[i].first_sentence, actors[i].name),
    )
    return [actors[i] for i in ranked]
