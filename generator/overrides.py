"""Editors' corrections, applied to the briefing on every regeneration.

They live in a ``.md`` seed's front matter, or in the sidecar file of a ``.txt``/``.html`` seed
(``seeds/port.yml`` beside ``seeds/port.txt``). Sentences are numbered as the page shows them
(1 is the article's first sentence); texts are found by how they begin, as shown on the page.

```yaml
overrides:
  title: "Dockworkers end strike"
  summary: [1, 4]                          # the summary is these sentences
  facts:
    drop: ["The latest Ebola outbreak"]
    order: ["About 45,000 dockworkers", "The union"]   # these first, in this order
    add: [7]                               # sentence 7 becomes a key fact
  actors:
    add: [{name: "Ana Ruiz", type: person, role: "city councillor", aliases: ["Ruiz"]}]
    rename: {"Carney": "Mark Carney"}      # everywhere: actors, quotes, statements
    merge: {"Harold Daggett": "Harold J. Daggett"}     # the first joins the second
    drop: ["North American"]
    type: {"Kyiv": "place"}
    role: {"Mark Carney": "Prime Minister of Canada"}  # also on their quotes and statements
  quotes:
    speaker: {"It’s a fluid situation": "Mark Carney"}
    drop: ["There has to be security"]
  statements:
    speaker: {"the talks would resume": "Ana Ruiz"}
    drop: ["officials said"]
  questions:
    add: [{question: "Will Canada send troops?", sentence: 4}]
    drop: ["Will the US"]
```

A correction that cannot be applied (a name that is not there, a sentence the article does not
have, a key that does not exist) is reported, naming the key and the valid choices, and skipped:
every other correction still applies, and the article keeps its briefing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .models import Actor, Briefing, Fact, Question
from .vocabulary import ACTOR_TYPES

# section -> key -> the shape of its value (a section given as a type takes a value itself).
SCHEMA: dict[str, type | dict[str, type]] = {
    "title": str,
    "summary": list,
    "facts": {"drop": list, "order": list, "add": list},
    "actors": {"add": list, "rename": dict, "merge": dict, "drop": list, "type": dict, "role": dict},
    "quotes": {"speaker": dict, "drop": list},
    "statements": {"speaker": dict, "drop": list},
    "questions": {"add": list, "drop": list},
}
ACTOR_FIELDS = {"name", "type", "role", "aliases"}
SHOWN_CHOICES = 12
SHOWN_START = 40
# Marks an editor may copy along with a quote from the page, and spacing: ignored when matching.
DECORATION = re.compile(r"[\s\"'“”‘’«»]+")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _key(text: str) -> str:
    return DECORATION.sub(" ", text).strip().casefold()


def _choices(items: list[str]) -> str:
    shown = [item if len(item) <= SHOWN_START else item[:SHOWN_START].rstrip() + "…" for item in items[:SHOWN_CHOICES]]
    more = f", and {len(items) - SHOWN_CHOICES} more" if len(items) > SHOWN_CHOICES else ""
    return ", ".join(repr(item) for item in shown) + more if shown else "none"


@dataclass
class Corrections:
    """One briefing being corrected; every correction that cannot be applied is a problem."""

    briefing: Briefing
    problems: list[str] = field(default_factory=list)

    def report(self, where: str, what: str) -> None:
        self.problems.append(f"override `{where}`: {what}; skipped")

    def shaped(self, where: str, value: Any, expected: type) -> bool:
        if isinstance(value, expected):
            return True
        self.report(where, f"must be a {'list' if expected is list else 'mapping' if expected is dict else 'text'}")
        return False

    def sentence(self, where: str, number: Any) -> int | None:
        """The index of a sentence given by its number on the page, or None (reported)."""
        count = len(self.briefing.sentences)
        if not _number(number):
            self.report(where, f"{number!r} is not a sentence number (1 to {count})")
        elif not 1 <= number <= count:
            self.report(where, f"sentence {number} does not exist (the article has {count} sentences)")
        else:
            return number - 1
        return None

    def actor_names(self) -> list[str]:
        return [actor.name for actor in self.briefing.actors]

    def actor(self, where: str, name: Any) -> Actor | None:
        """The actor of this name (or alias), or None with the names there are."""
        if not _text(name):
            self.report(where, f"{name!r} is not an actor's name")
            return None
        for actor in self.briefing.actors:
            if actor.name == name:
                return actor
        for actor in self.briefing.actors:
            if name in actor.aliases:
                return actor
        self.report(where, f"no actor named {name!r} in this briefing (its actors: {_choices(self.actor_names())})")
        return None

    def starting(self, where: str, prefix: Any, texts: list[str]) -> list[int]:
        """The positions of the texts that begin with ``prefix`` (quotes and spacing ignored)."""
        if not _text(prefix):
            self.report(where, f"{prefix!r} is not the beginning of a text")
            return []
        key = _key(prefix)
        found = [i for i, text in enumerate(texts) if _key(text).startswith(key)]
        if not found:
            self.report(where, f"nothing begins with {prefix!r} (they begin: {_choices(texts)})")
        return found

    # -- the sections, in the order they apply -------------------------------------------------

    def title(self, value: Any) -> None:
        if self.shaped("title", value, str) and _text(value):
            self.briefing = replace(self.briefing, title=value.strip())

    def summary(self, value: Any) -> None:
        if not self.shaped("summary", value, list):
            return
        indexes = [i for i in (self.sentence("summary", number) for number in value) if i is not None]
        if indexes:
            text = " ".join(self.briefing.sentences[i] for i in indexes)
            self.briefing = replace(self.briefing, summary=text, summary_sentences=indexes)

    def actors(self, body: dict[str, Any]) -> None:
        for item in body.get("add") or []:
            self.add_actor(item)
        for source, target in (body.get("merge") or {}).items():
            self.merge_actor(source, target, "actors.merge")
        for old, new in (body.get("rename") or {}).items():
            actor = self.actor("actors.rename", old)
            if actor is None or not _text(new):
                if actor is not None:
                    self.report("actors.rename", f"the new name of {old!r} must be text")
                continue
            existing = next((a for a in self.briefing.actors if a.name == new and a is not actor), None)
            if existing is not None:  # renamed to an actor that is there: the two are one
                self.merge_actor(actor.name, new, "actors.rename")
            else:
                self.rename_actor(actor, new.strip())
        for name in body.get("drop") or []:
            actor = self.actor("actors.drop", name)
            if actor is not None:
                self.drop_actor(actor)
        for name, kind in (body.get("type") or {}).items():
            actor = self.actor("actors.type", name)
            if actor is not None and kind not in ACTOR_TYPES:
                self.report("actors.type", f"the type of {name!r} must be one of {', '.join(sorted(ACTOR_TYPES))}")
            elif actor is not None:
                self.set_actor(actor, replace(actor, type=kind))
        for name, role in (body.get("role") or {}).items():
            actor = self.actor("actors.role", name)
            if actor is not None and not _text(role):
                self.report("actors.role", f"the role of {name!r} must be text")
            elif actor is not None:
                self.set_actor(actor, replace(actor, role=role.strip()))
                self.speakers(role_of(actor.name, role.strip()))

    def add_actor(self, item: Any) -> None:
        where = "actors.add"
        if not (isinstance(item, dict) and _text(item.get("name")) and set(item) <= ACTOR_FIELDS):
            self.report(where, f"each item needs `name` and may have {', '.join(sorted(ACTOR_FIELDS - {'name'}))}, "
                               f"e.g. {{name: Ana Ruiz, type: person, role: city councillor}}; got {item!r}")
            return
        name = item["name"].strip()
        kind = item.get("type", "person")
        aliases = item.get("aliases") or []
        if kind not in ACTOR_TYPES:
            self.report(where, f"the type of {name!r} must be one of {', '.join(sorted(ACTOR_TYPES))}")
            return
        if not (isinstance(aliases, list) and all(_text(alias) for alias in aliases)):
            self.report(where, f"the aliases of {name!r} must be a list of texts")
            return
        if item.get("role") is not None and not _text(item.get("role")):
            self.report(where, f"the role of {name!r} must be text")
            return
        if name in self.actor_names():
            self.report(where, f"{name!r} is already an actor (use `actors.role` or `actors.type` to correct it)")
            return
        names = [name, *(alias.strip() for alias in aliases)]
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?!\w)")
        mentions = [i for i, sentence in enumerate(self.briefing.sentences) for _ in pattern.finditer(sentence)]
        if not mentions:
            self.report(where, f"{name!r} is not named in the article (add `aliases:` with how the article names them)")
            return
        actor = Actor(name=name, type=kind, aliases=sorted(set(names[1:])), role=(item.get("role") or None),
                      mentions=len(mentions), first_sentence=mentions[0])
        self.briefing = replace(self.briefing, actors=[*self.briefing.actors, actor])

    def merge_actor(self, source_name: Any, target_name: Any, where: str) -> None:
        source, target = self.actor(where, source_name), self.actor(where, target_name)
        if source is None or target is None or source is target:
            if source is not None and source is target:
                self.report(where, f"{source_name!r} and {target_name!r} are already one actor")
            return
        merged = replace(target, aliases=sorted((set(target.aliases) | {source.name} | set(source.aliases)) - {target.name}),
                         role=target.role or source.role, mentions=target.mentions + source.mentions,
                         first_sentence=min(target.first_sentence, source.first_sentence))
        self.briefing = replace(self.briefing, actors=[merged if a is target else a
                                                       for a in self.briefing.actors if a is not source])
        self.speakers(lambda speaker, role: (target.name if speaker == source.name else speaker, role))

    def rename_actor(self, actor: Actor, new: str) -> None:
        renamed = replace(actor, name=new, aliases=sorted((set(actor.aliases) | {actor.name}) - {new}))
        self.set_actor(actor, renamed)
        self.speakers(lambda speaker, role: (new if speaker == actor.name else speaker, role))

    def drop_actor(self, actor: Actor) -> None:
        """Not an actor (a misread name): their quotes stay, unattributed, for the editor to check."""
        self.briefing = replace(self.briefing, actors=[a for a in self.briefing.actors if a is not actor])
        self.speakers(lambda speaker, role: (None, role) if speaker == actor.name else (speaker, role))

    def set_actor(self, old: Actor, new: Actor) -> None:
        self.briefing = replace(self.briefing, actors=[new if a is old else a for a in self.briefing.actors])

    def speakers(self, change: Callable[[str | None, str | None], tuple[str | None, str | None]]) -> None:
        """``change(speaker, role) -> (speaker, role)`` on every quote and statement: an actor's
        correction reaches every place it is named."""
        def corrected(items: list) -> list:
            out = []
            for item in items:
                speaker, role = change(item.speaker, item.role)
                attribution = "unknown" if speaker is None else item.attribution
                out.append(replace(item, speaker=speaker, role=role, attribution=attribution))
            return out
        self.briefing = replace(self.briefing, quotes=corrected(self.briefing.quotes),
                                statements=corrected(self.briefing.statements))

    def said(self, section: str, body: dict[str, Any]) -> None:
        """``quotes`` or ``statements``: drop some, set the speaker of others."""
        items = list(getattr(self.briefing, section))
        texts = [item.text for item in items]
        dropped = {i for prefix in body.get("drop") or [] for i in self.starting(f"{section}.drop", prefix, texts)}
        for prefix, speaker in (body.get("speaker") or {}).items():
            found = self.starting(f"{section}.speaker", prefix, texts)
            if found and not _text(speaker):
                self.report(f"{section}.speaker", f"the speaker for {prefix!r} must be a name")
                continue
            actor = next((a for a in self.briefing.actors if speaker in (a.name, *a.aliases)), None) if found else None
            name = actor.name if actor else (speaker.strip() if found else None)
            for i in found:
                items[i] = replace(items[i], speaker=name, attribution="editor",
                                   role=actor.role if actor and actor.role else items[i].role)
            if found and actor is None:  # a speaker the extractor missed becomes an actor
                self.briefing = replace(self.briefing, actors=[*self.briefing.actors, Actor(
                    name=name, type="person", mentions=len(found), first_sentence=min(items[i].sentence for i in found))])
        kept = [item for i, item in enumerate(items) if i not in dropped]
        self.briefing = replace(self.briefing, **{section: kept})

    def facts(self, body: dict[str, Any]) -> None:
        facts = list(self.briefing.key_facts)
        dropped = {i for prefix in body.get("drop") or [] for i in self.starting("facts.drop", prefix,
                                                                                  [f.text for f in facts])}
        facts = [fact for i, fact in enumerate(facts) if i not in dropped]
        first: list[Fact] = []
        for prefix in body.get("order") or []:
            for i in self.starting("facts.order", prefix, [f.text for f in facts]):
                if facts[i] not in first:
                    first.append(facts[i])
        facts = first + [fact for fact in facts if fact not in first]
        for number in body.get("add") or []:
            index = self.sentence("facts.add", number)
            if index is not None and all(fact.sentence != index for fact in facts):
                facts.append(Fact(text=self.briefing.sentences[index], sentence=index))
        self.briefing = replace(self.briefing, key_facts=facts)

    def questions(self, body: dict[str, Any]) -> None:
        questions = list(self.briefing.open_questions)
        dropped = {i for prefix in body.get("drop") or [] for i in self.starting(
            "questions.drop", prefix, [q.question for q in questions])}
        questions = [q for i, q in enumerate(questions) if i not in dropped]
        for item in body.get("add") or []:
            if not (isinstance(item, dict) and set(item) == {"question", "sentence"} and _text(item.get("question"))):
                self.report("questions.add", "each item needs `question` (text) and `sentence` (the number of the "
                                             f"sentence it rests on), nothing else; got {item!r}")
                continue
            index = self.sentence("questions.add", item["sentence"])
            if index is not None:
                questions.append(Question(question=item["question"].strip(), sentence=index))
        self.briefing = replace(self.briefing, open_questions=questions)


def role_of(name: str, role: str) -> Callable[[str | None, str | None], tuple[str | None, str | None]]:
    """The change that gives every quote and statement of ``name`` the role ``role``."""
    return lambda speaker, current: (speaker, role if speaker == name else current)


def _well_formed(corrections: Corrections, overrides: dict[str, Any]) -> dict[str, Any]:
    """The sections and keys that have the right shape; every other one reported and left out."""
    kept: dict[str, Any] = {}
    for section, body in overrides.items():
        expected = SCHEMA.get(section)
        if expected is None:
            corrections.report(str(section), f"unknown section (known: {', '.join(SCHEMA)})")
            continue
        if body is None:
            continue
        if isinstance(expected, type):
            if corrections.shaped(section, body, expected):
                kept[section] = body
            continue
        if not corrections.shaped(section, body, dict):
            continue
        keys = {}
        for key, value in body.items():
            where = f"{section}.{key}"
            if key not in expected:
                corrections.report(where, f"unknown key (known: {', '.join(expected)})")
            elif value is not None and corrections.shaped(where, value, expected[key]):
                keys[key] = value
        kept[section] = keys
    return kept


def apply_overrides(briefing: Briefing, overrides: Any) -> tuple[Briefing, list[str]]:
    """The corrected briefing, and every correction that could not be applied (each skipped)."""
    if not overrides:
        return briefing, []
    corrections = Corrections(briefing)
    if not isinstance(overrides, dict):
        corrections.report("overrides", f"must be a mapping of sections ({', '.join(SCHEMA)})")
        return briefing, corrections.problems
    body = _well_formed(corrections, overrides)
    if "title" in body:
        corrections.title(body["title"])
    if "summary" in body:
        corrections.summary(body["summary"])
    corrections.actors(body.get("actors", {}))
    for section in ("quotes", "statements"):
        corrections.said(section, body.get(section, {}))
    corrections.facts(body.get("facts", {}))
    corrections.questions(body.get("questions", {}))
    return corrections.briefing, corrections.problems
