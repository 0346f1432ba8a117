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
from .vocabulary import ACTOR_TYPES

# section -> key -> the shape of its value: a list of texts, or a mapping of text to ``values``.
SCHEMA: dict[str, dict[str, type]] = {
    "actors": {"rename": dict, "drop": list, "type": dict, "role": dict},
    "quotes": {"speaker": dict, "drop": list},
    "questions": {"add": list, "drop": list},
}


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _entry(overrides: dict[str, Any], section: str, key: str) -> Any:
    """A validated entry; an empty one (``rename:`` with nothing after it) is an empty list or mapping."""
    body = overrides.get(section) or {}
    value = body.get(key)
    return SCHEMA[section][key]() if value is None else value


def validate_overrides(overrides: Any) -> list[str]:
    """Every problem at once, so an editor fixes them in one go; the overrides are used only when
    there is none, so :func:`apply_overrides` can trust every value's shape and type."""
    if overrides is None:
        return []
    if not isinstance(overrides, dict):
        return ["`overrides` must be a mapping (actors, quotes, questions)"]
    problems = []
    for section, body in overrides.items():
        if section not in SCHEMA:
            problems.append(f"unknown section `{section}` (known: {', '.join(SCHEMA)})")
            continue
        if body is None:
            continue
        if not isinstance(body, dict):
            problems.append(f"`{section}` must be a mapping (known keys: {', '.join(SCHEMA[section])})")
            continue
        for key, value in body.items():
            expected = SCHEMA[section].get(key)
            where = f"`{section}.{key}`"
            if expected is None:
                problems.append(f"unknown key `{section}.{key}` (known: {', '.join(SCHEMA[section])})")
            elif value is None:
                continue
            elif not isinstance(value, expected):
                problems.append(f"{where} must be a {'list' if expected is list else 'mapping'}")
            elif (section, key) == ("questions", "add"):
                for item in value:
                    if not (isinstance(item, dict) and set(item) == {"question", "sentence"}
                            and _text(item.get("question"))
                            and isinstance(item.get("sentence"), int) and not isinstance(item["sentence"], bool)):
                        problems.append("each `questions.add` item needs `question` (text) and `sentence` (number), nothing else")
            elif expected is list:
                if not all(_text(item) for item in value):
                    problems.append(f"{where} must be a list of texts")
            elif not all(_text(name) and _text(new) for name, new in value.items()):
                problems.append(f"{where} must map texts to texts, e.g. {{\"Carney\": \"Mark Carney\"}}")
            elif (section, key) == ("actors", "type"):
                for name, kind in value.items():
                    if kind not in ACTOR_TYPES:
                        problems.append(f"`actors.type` of {name!r} must be one of {', '.join(sorted(ACTOR_TYPES))}")
    return problems


def apply_overrides(briefing: Briefing, overrides: dict[str, Any] | None) -> tuple[Briefing, list[str]]:
    """The corrected briefing, and what could not be applied (e.g. a name not in the article)."""
    if not overrides:
        return briefing, []
    problems: list[str] = []
    names = {actor.name for actor in briefing.actors}

    def known(name: str, where: str) -> bool:
        if name not in names:
            problems.append(f"override `{where}`: no actor named {name!r} in this briefing")
        return name in names

    rename = {old: new for old, new in _entry(overrides, "actors", "rename").items() if known(old, "actors.rename")}
    dropped = {name for name in _entry(overrides, "actors", "drop") if known(name, "actors.drop")}
    types = {n: t for n, t in _entry(overrides, "actors", "type").items() if known(n, "actors.type")}
    roles = {n: r for n, r in _entry(overrides, "actors", "role").items() if known(n, "actors.role")}

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

    speakers = _entry(overrides, "quotes", "speaker")
    dropped_quotes = _entry(overrides, "quotes", "drop")
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
                 if not any(q.question.startswith(p) for p in _entry(overrides, "questions", "drop"))]
    for item in _entry(overrides, "questions", "add"):
        if 0 <= item["sentence"] < len(briefing.sentences):
            questions.append(Question(question=item["question"], sentence=item["sentence"]))
        else:
            problems.append(f"override `questions.add`: sentence {item['sentence']} does not exist "
                            f"(the article has {len(briefing.sentences)})")
    corrected = replace(briefing, actors=actors, quotes=quotes, statements=statements,
                        open_questions=questions)
    return corrected, problems
