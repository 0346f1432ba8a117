"""The briefing's actors: read from the mention layer (:mod:`generator.analysis.actors`), ranked."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TypeVar

from ..analysis.actors import actors_of
from ..models import Actor, Quote, Statement
from ..nlp import AnalysedArticle
from ..vocabulary import CORPORATE_SUFFIXES

Said = TypeVar("Said", Quote, Statement)


def extract_actors(analysed: AnalysedArticle) -> list[Actor]:
    """Everyone the article names, one entry each, in order of first appearance."""
    return actors_of(analysed.doc)


def speakers_as_actors(actors: list[Actor], quotes: list[Quote],
                       statements: list[Statement]) -> tuple[list[Actor], list[Quote], list[Statement]]:
    """Every speaker is one of the briefing's actors, so an editor can check one list.

    A speaker the actors lack is reconciled: a fuller form of an actor's name ("Trip Chowdhry"
    for "Chowdhry") renames that actor; a name with no actor becomes one; a string that is no
    name at all ("president") is no speaker: it moves to the role and the attribution becomes
    unknown. Speakers joined by "and" are checked one by one.
    """
    actors = [replace(actor, aliases=list(actor.aliases)) for actor in actors]
    known = {form for actor in actors for form in (actor.name, *actor.aliases)}
    renamed: dict[str, str] = {}
    said = [*quotes, *statements]
    for item in said:
        for name in (item.speaker or "").split(" and ") if item.speaker else ():
            if name in known or name in renamed:
                continue
            if not any(word[:1].isupper() for word in name.split()):
                continue  # handled below: no name
            fuller = [a for a in actors if a.type in ("person", "organization") and " " not in a.name
                      and name.split()[-1] == a.name]
            if len(fuller) == 1:
                actor = fuller[0]
                renamed[actor.name] = name
                actor.aliases = [actor.name, *actor.aliases]
                actor.name = name
            else:
                words = name.split()
                is_person = len(words) > 1 and all(w[:1].isupper() for w in words) and \
                    words[-1].lower().rstrip(".") not in CORPORATE_SUFFIXES and "'" not in name and "’" not in name
                sentence = min(i.sentence for i in said if i.speaker and name in i.speaker.split(" and "))
                actors.append(Actor(name=name, type="person" if is_person else "organization",
                                    mentions=0, first_sentence=sentence))
            known.add(name)

    def checked(item: Said) -> Said:
        if item.speaker is None:
            return item
        if all(part in known or part in renamed for part in item.speaker.split(" and ")):
            return replace(item, speaker=" and ".join(renamed.get(p, p) for p in item.speaker.split(" and ")))
        return replace(item, speaker=None, role=item.role or item.speaker, attribution="unknown")

    return actors, [checked(q) for q in quotes], [checked(s) for s in statements]


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
