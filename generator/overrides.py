"""Editors' corrections kept in the article's front matter and applied on every regeneration.

```yaml
overrides:
  actors:
    rename: {"Carney": "Mark Carney"}        # also renames the speaker of their quotes
    drop: ["North American"]
    type: {"Kyiv": "place"}
    role: {"Mark Carney": "Prime Minister of Canada"}
  quotes:
    speaker: {"It’s a fluid situation": "Mark Carney"}   # quote starting with these words
    drop: ["There has to be security"]
  questions:
    add: [{question: "Will Canada send troops?", sentence: 3}]
    drop: ["Will the US"]
```
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .models import Actor, Briefing, Question

ACTOR_TYPES = {"person", "organization", "country", "place", "group"}
SCHEMA: dict[str, dict[str, type]] = {
    "actors": {"rename": dict, "drop": list, "type": dict, "role": dict},
    "quotes": {"speaker": dict, "drop": list},
    "questions": {"add": list, "drop": list},
}


def validate_overrides(overrides: Any) -> list[str]:
    """Every problem at once, so an editor fixes them in one go."""
    if overrides is None:
        return []
    if not isinstance(overrides, dict):
        return ["`overrides` must be a mapping"]
    problems = []
    for section, body in overrides.items():
        if section not in SCHEMA:
            problems.append(f"unknown section `{section}` (known: {', '.join(SCHEMA)})")
            continue
        if not isinstance(body, dict):
            problems.append(f"`{section}` must be a mapping")
            continue
        for key, value in body.items():
            expected = SCHEMA[section].get(key)
            if expected is None:
                problems.append(f"unknown key `{section}.{key}` (known: {', '.join(SCHEMA[section])})")
            elif not isinstance(value, expected):
                problems.append(f"`{section}.{key}` must be a {'list' if expected is list else 'mapping'}")
    for name, kind in (overrides.get("actors") or {}).get("type", {}).items():
        if kind not in ACTOR_TYPES:
            problems.append(f"`actors.type` of {name!r} must be one of {', '.join(sorted(ACTOR_TYPES))}")
    for item in (overrides.get("questions") or {}).get("add", []) or []:
        if not (isinstance(item, dict) and isinstance(item.get("question"), str)
                and isinstance(item.get("sentence"), int)):
            problems.append("each `questions.add` item needs `question` (text) and `sentence` (number)")
    return problems


def apply_overrides(briefing: Briefing, overrides: dict[str, Any] | None) -> tuple[Briefing, list[str]]:
    """The corrected briefing, and what could not be applied (e.g. a name not in the article)."""
    if not overrides:
        return briefing, []
    problems: list[str] = []
    actors_section = overrides.get("actors") or {}
    quotes_section = overrides.get("quotes") or {}
    questions_section = overrides.get("questions") or {}
    names = {actor.name for actor in briefing.actors}

    def known(name: str, where: str) -> bool:
        if name not in names:
            problems.append(f"override `{where}`: no actor named {name!r} in this briefing")
        return name in names

    rename = {old: new for old, new in actors_section.get("rename", {}).items() if known(old, "actors.rename")}
    dropped = {name for name in actors_section.get("drop", []) if known(name, "actors.drop")}
    types = {n: t for n, t in actors_section.get("type", {}).items() if known(n, "actors.type")}
    roles = {n: r for n, r in actors_section.get("role", {}).items() if known(n, "actors.role")}

    actors = []
    for actor in briefing.actors:
        if actor.name in dropped:
            continue
        new_name = rename.get(actor.name, actor.name)
        aliases = sorted(set(actor.aliases) | ({actor.name} if new_name != actor.name else set()))
        actors.append(replace(actor, name=new_name, aliases=aliases,
                              type=types.get(actor.name, actor.type),
                              role=roles.get(actor.name, actor.role)))

    def speaker_of(name: str | None) -> str | None:
        if name in dropped:
            return None
        return rename.get(name, name) if name else name

    speakers = quotes_section.get("speaker", {})
    dropped_quotes = quotes_section.get("drop", [])
    quotes = []
    for quote in briefing.quotes:
        if any(quote.text.startswith(prefix) for prefix in dropped_quotes):
            continue
        speaker = speaker_of(quote.speaker)
        for prefix, fixed in speakers.items():
            if quote.text.startswith(prefix):
                speaker = fixed
        quotes.append(replace(quote, speaker=speaker))
    statements = [replace(s, speaker=speaker_of(s.speaker)) for s in briefing.statements]
    named = {actor.name for actor in actors}
    for quote in quotes:
        if quote.speaker and quote.speaker not in named:
            actors.append(Actor(name=quote.speaker, type="person", first_sentence=quote.sentence))
            named.add(quote.speaker)

    questions = [q for q in briefing.open_questions
                 if not any(q.question.startswith(p) for p in questions_section.get("drop", []))]
    for item in questions_section.get("add", []):
        if 0 <= item["sentence"] < len(briefing.sentences):
            questions.append(Question(question=item["question"], sentence=item["sentence"]))
        else:
            problems.append(f"override `questions.add`: sentence {item['sentence']} does not exist "
                            f"(the article has {len(briefing.sentences)})")
    corrected = replace(briefing, actors=actors, quotes=quotes, statements=statements,
                        open_questions=questions)
    return corrected, problems
