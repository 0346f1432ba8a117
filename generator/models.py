"""Plain dataclasses passed between the stages: read → analyse → build → render → write.

Every extracted item carries ``sentence``, the index of the article sentence it rests on,
so the briefing can link each claim to its source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, ClassVar


@dataclass(frozen=True)
class Article:
    """One input article as read from ``seeds/``, before any analysis."""

    id: str
    path: str
    text: str
    date: date | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass
class Actor:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: int = 0
    first_sentence: int = 0


# How a speaker was found: its own cue names it (``explicit``: "..., Smith said"); through a
# pronoun, a description, the run of quotes or turn-taking (``resolved``: an editor should check);
# not at all (``unknown``: the speaker is None); or an editor set it (``editor``: an override).
ATTRIBUTIONS = ("explicit", "resolved", "unknown", "editor")


@dataclass
class Quote:
    """A direct quotation; ``cue`` is the reporting verb (or "according to") that attributes it."""

    text: str
    speaker: str | None
    role: str | None
    partial: bool
    sentence: int
    attribution: str = "unknown"
    cue: str | None = None


@dataclass
class Statement:
    """Reported (indirect) speech: what an actor said, in the article's words."""

    text: str
    speaker: str | None
    role: str | None
    sentence: int
    attribution: str = "unknown"
    cue: str | None = None


@dataclass
class Fact:
    text: str
    sentence: int


@dataclass
class Figure:
    text: str
    sentence: int
    # What the figure measures, in the article's words around it ("Apple stock fell 5.4
    # percent"; "…" where words were left out), or "" when the figure says it alone.
    context: str = ""


# What a dated event is, as the article tells it (see extract/timeline.py): done, intended or
# scheduled, forecast or hoped for, or bound to a condition. Only "happened" is history.
EVENT_KINDS = ("happened", "planned", "expected", "conditional")


@dataclass
class Event:
    date: str | None
    text: str
    sentence: int
    date_text: str = ""
    kind: str = "happened"


@dataclass
class Question:
    question: str
    sentence: int


@dataclass
class SectionError:
    """A part of the briefing that could not be extracted: the page shows the rest and says so.

    ``section`` is the reader's name for it ("open questions"), ``reason`` the exception in one
    line, ``site`` where in the generator it was raised (``generator/extract/x.py:12 in f``).
    """

    section: str
    reason: str
    site: str = ""
    # The traceback, for --debug; not a field, so not in the JSON (it names this machine's paths).
    detail: ClassVar[str] = ""


@dataclass
class Briefing:
    """Everything the page shows; its ``to_dict`` is the documented JSON contract."""

    id: str
    title: str
    date: str | None
    source: str
    summary: str
    key_facts: list[Fact]
    quotes: list[Quote]
    statements: list[Statement]
    actors: list[Actor]
    open_questions: list[Question]
    timeline: list[Event]
    figures: list[Figure]
    sentences: list[str]
    sentence_paragraphs: list[int]
    summary_sentences: list[int] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    errors: list[SectionError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        return cls(
            id=data["id"],
            title=data["title"],
            date=data["date"],
            source=data["source"],
            summary=data["summary"],
            key_facts=[Fact(**item) for item in data["key_facts"]],
            quotes=[Quote(**item) for item in data["quotes"]],
            statements=[Statement(**item) for item in data["statements"]],
            actors=[Actor(**item) for item in data["actors"]],
            open_questions=[Question(**item) for item in data["open_questions"]],
            timeline=[Event(**item) for item in data["timeline"]],
            figures=[Figure(**item) for item in data["figures"]],
            sentences=list(data["sentences"]),
            sentence_paragraphs=list(data["sentence_paragraphs"]),
            summary_sentences=list(data.get("summary_sentences", [])),
            meta=dict(data.get("meta", {})),
            errors=[SectionError(**item) for item in data.get("errors", [])],
        )
