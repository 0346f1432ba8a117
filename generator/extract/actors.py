"""The briefing's actors: read from the mention layer (:mod:`generator.analysis.actors`), ranked."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TypeVar

from ..analysis.actors import actors_of, is_acronym, name_initials
from ..models import Actor, Quote, Statement
from ..nlp import AnalysedArticle
from ..vocabulary import CORPORATE_SUFFIXES, TITLE_FUNCTION_WORDS

Said = TypeVar("Said", Quote, Statement)


def extract_actors(analysed: AnalysedArticle) -> list[Actor]:
    """Everyone the article names, one entry each, in order of first appearance."""
    return actors_of(analysed.doc)


def speakers_as_actors(actors: list[Actor], quotes: list[Quote],
                       statements: list[Statement]) -> tuple[list[Actor], list[Quote], list[Statement]]:
    """Every speaker is one of the briefing's actors, so an editor can check one list.

    A speaker the actors lack is reconciled: a fuller form of an actor's name ("Trip Chowdhry"
    for "Chowdhry") renames that actor; a proper name the actor layer did not keep joins the
    actors. Any other string ("president", "North Korea's official newspaper") is no speaker an
    editor can check: it moves to the role and the attribution becomes unknown. Speakers joined by "and" are checked one by
    one.
    """
    actors = [replace(actor, aliases=list(actor.aliases)) for actor in actors]
    known = {form for actor in actors for form in (actor.name, *actor.aliases)}
    renamed: dict[str, str] = {}
    said = [*quotes, *statements]
    for item in said:
        for name in (item.speaker or "").split(" and ") if item.speaker else ():
            if name in known or name in renamed:
                continue
            fuller = [a for a in actors if a.type in ("person", "organization") and " " not in a.name
                      and name.split()[-1] == a.name]
            spelled = [a for a in actors if a.type == "organization" and is_acronym(name)
                       and name_initials(a.name) == name.replace(".", "").upper()]
            if len(fuller) != 1 and len(spelled) == 1:  # "PETA" for People for the Ethical Treatment of Animals
                renamed[name] = spelled[0].name
                spelled[0].aliases.append(name)
                continue
            if len(fuller) == 1:
                actor = fuller[0]
                renamed[actor.name] = name
                actor.aliases = [actor.name, *actor.aliases]
                actor.name = name
                known.add(name)
            elif _looks_like_name(name):  # a name the actor layer did not keep ("Ana Silva")
                words = name.split()
                is_person = 1 < len(words) <= 3 and words[-1].lower().rstrip(".") not in CORPORATE_SUFFIXES
                first = min(i.sentence for i in said if i.speaker and name in i.speaker.split(" and "))
                actors.append(Actor(name=name, type="person" if is_person else "organization",
                                    first_sentence=first))
                known.add(name)

    def checked(item: Said) -> Said:
        if item.speaker is None:
            return item
        if all(part in known or part in renamed for part in item.speaker.split(" and ")):
            return replace(item, speaker=" and ".join(renamed.get(p, p) for p in item.speaker.split(" and ")))
        return replace(item, speaker=None, role=item.role or item.speaker, attribution="unknown")

    return actors, [checked(q) for q in quotes], [checked(s) for s in statements]


NAME_WORD = re.compile(r"[A-Z][\w'’-]*\.?$")


def _looks_like_name(text: str) -> bool:
    """Capitalised words (and the small words names hold: "of", "for", "the", "and"), no
    possessive, no sentence break: "People for the Ethical Treatment of Animals", not
    "North Korea's official newspaper" or "Bushehr. While Moscow"."""
    words = text.split()
    if not words or not NAME_WORD.match(words[0]) or any(w.endswith(("'s", "’s")) for w in words):
        return False
    if any(w.endswith(".") and len(w) > 3 and i + 1 < len(words) for i, w in enumerate(words)):
        return False
    return all(NAME_WORD.match(w) or w in TITLE_FUNCTION_WORDS for w in words)


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
