"""Actors: the people, organisations, countries, places and groups an article involves."""

from __future__ import annotations

from collections import Counter

from ..models import Actor, Quote
from ..nlp import AnalysedArticle

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


def extract_actors(analysed: AnalysedArticle) -> list[Actor]:
    """First version: spaCy entities, surnames folded into the full name met earlier."""
    actors: dict[str, Actor] = {}
    labels: dict[str, Counter] = {}
    for ent in analysed.doc.ents:
        if ent.label_ not in LABEL_TYPES:
            continue
        name = ent.text.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        key = name
        for existing in actors.values():
            if name != existing.name and name in existing.name.split():
                key = existing.name
                break
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(
                name=key, type=LABEL_TYPES[ent.label_], aliases=[],
                first_sentence=analysed.sentence_of_token(ent.start),
            )
            labels[key] = Counter()
        if name != actor.name and name not in actor.aliases:
            actor.aliases.append(name)
        actor.mentions += 1
        labels[key][LABEL_TYPES[ent.label_]] += 1
    for key, actor in actors.items():
        actor.type = labels[key].most_common(1)[0][0]
    return list(actors.values())


def rank_actors(actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """Most salient first: mentions, being quoted, then first appearance."""
    quoted = Counter(quote.speaker for quote in quotes if quote.speaker)
    return sorted(actors, key=lambda a: (-(a.mentions + 2 * quoted[a.name]), a.first_sentence, a.name))
