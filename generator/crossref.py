"""Cross-article structure: where each briefing lives, and the pages that span briefings.

Built only from per-article results (never re-reading articles), so the whole site's index
costs little even when one article changed.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .models import Briefing, Quote, Statement
from .slugs import slugify


@dataclass
class Appearance:
    briefing: Briefing
    page: str
    role: str | None
    mentions: int
    quotes: list[Quote]
    statements: list[Statement] = field(default_factory=list)


@dataclass
class ActorEntry:
    name: str
    slug: str
    type: str
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return sum(a.mentions for a in self.appearances)


def briefing_pages(briefings: list[Briefing]) -> dict[str, str]:
    """Briefing id → page path, ``YYYY/<seed file stem>.md``: unique, and stable for an article.

    Keyed by the seed's file name, not its headline, so correcting the article's words never
    moves its page (nor an editor's edit of it) and two articles with one headline never share
    a page. Two stems with the same slug ("Port strike" and "port-strike") both get a suffix
    from their own names, so neither takes the other's page depending on which came first.
    """
    slugs = {briefing.id: slugify(briefing.id, max_words=20) for briefing in briefings}
    counts = Counter(slugs.values())
    pages: dict[str, str] = {}
    for briefing in briefings:
        folder = briefing.date[:4] if briefing.date else "undated"
        stem = slugs[briefing.id]
        if counts[stem] > 1:
            stem = f"{stem}-{hashlib.sha256(briefing.id.encode()).hexdigest()[:8]}"
        pages[briefing.id] = f"{folder}/{stem}.md"
    return pages


def newest_first(briefings: list[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (b.date or "", b.title, b.id), reverse=True)


def by_month(briefings: list[Briefing]) -> dict[str, list[Briefing]]:
    months: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in newest_first(briefings):
        months[briefing.date[:7] if briefing.date else "undated"].append(briefing)
    return dict(sorted(months.items(), reverse=True))


def actor_slug(name: str) -> str:
    return slugify(name, max_words=12)


def actor_index(briefings: list[Briefing], pages: dict[str, str]) -> dict[str, ActorEntry]:
    """Canonical actor name → every briefing it appears in, oldest first."""
    entries: dict[str, ActorEntry] = {}
    type_votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for briefing in sorted(briefings, key=lambda b: (b.date or "", b.id)):
        for actor in briefing.actors:
            entry = entries.get(actor.name)
            if entry is None:
                entry = entries[actor.name] = ActorEntry(actor.name, actor_slug(actor.name), actor.type)
            type_votes[actor.name][actor.type] += actor.mentions
            entry.appearances.append(Appearance(
                briefing=briefing,
                page=pages[briefing.id],
                role=actor.role,
                mentions=actor.mentions,
                quotes=[q for q in briefing.quotes if q.speaker == actor.name],
                statements=[s for s in briefing.statements if s.speaker == actor.name],
            ))
    slugs: set[str] = set()
    for name in sorted(entries):
        entry = entries[name]
        entry.type = max(sorted(type_votes[name].items()), key=lambda kv: kv[1])[0]
        while entry.slug in slugs:
            entry.slug += "-2"
        slugs.add(entry.slug)
    return dict(sorted(entries.items(), key=lambda kv: kv[0].lower()))



@dataclass
class QuoteEntry:
    quote: Quote
    briefing: Briefing
    page: str


@dataclass
class SpeakerQuotes:
    """Every quote of one speaker (``name`` None for unattributed quotes), newest briefing first."""

    name: str | None
    slug: str
    entries: list[QuoteEntry] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str
    text: str
    sentence: int
    briefing: Briefing
    page: str


def top_actors(briefing: Briefing, count: int = 4) -> list[str]:
    """The most-mentioned actors of a briefing, for its card; ties keep the briefing's order."""
    ranked = sorted(enumerate(briefing.actors), key=lambda pair: (-pair[1].mentions, pair[0]))
    return [actor.name for _, actor in ranked[:count]]


def quotes_by_speaker(briefings: list[Briefing], pages: dict[str, str]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker, most-quoted first; unattributed quotes last."""
    groups: dict[str | None, SpeakerQuotes] = {}
    for briefing in newest_first(briefings):
        for quote in briefing.quotes:
            group = groups.get(quote.speaker)
            if group is None:
                slug = "q-" + (actor_slug(quote.speaker) if quote.speaker else "unattributed")
                group = groups[quote.speaker] = SpeakerQuotes(quote.speaker, slug)
            group.entries.append(QuoteEntry(quote, briefing, pages[briefing.id]))
    named = sorted((g for g in groups.values() if g.name), key=lambda g: (-len(g.entries), g.name.lower()))
    slugs: set[str] = set()
    for group in named:
        while group.slug in slugs:
            group.slug += "-2"
        slugs.add(group.slug)
    return named + ([groups[None]] if None in groups else [])


def combined_timeline(briefings: list[Briefing], pages: dict[str, str]) -> list[TimelineEntry]:
    """Every event with a resolved date across all briefings, newest first (stable on ties)."""
    entries = [
        TimelineEntry(event.date, event.text, event.sentence, briefing, pages[briefing.id])
        for briefing in sorted(briefings, key=lambda b: b.id)
        for event in briefing.timeline
        if event.date
    ]
    return sorted(entries, key=lambda e: (e.date, e.briefing.date or "", e.briefing.id, -e.sentence),
                  reverse=True)


def by_year(events: list[TimelineEntry]) -> dict[str, list[TimelineEntry]]:
    """Events grouped by the year they happened, newest year first, order kept within a year."""
    years: dict[str, list[TimelineEntry]] = defaultdict(list)
    for event in events:
        years[event.date[:4]].append(event)
    return dict(sorted(years.items(), reverse=True))


@dataclass
class ReviewEntry:
    """A briefing no editor has marked reviewed, with what it asks them to check."""

    briefing: Briefing
    page: str
    unattributed: int  # quotes and statements with no speaker
    inferred: int  # speakers found through a pronoun, a description or the run of quotes

    @property
    def flags(self) -> int:
        return self.unattributed + self.inferred


def is_reviewed(briefing: Briefing) -> bool:
    """``reviewed: true`` in the article's front matter (or its sidecar file)."""
    return briefing.meta.get("reviewed") is True


def review_entry(briefing: Briefing, page: str) -> ReviewEntry:
    said = [*briefing.quotes, *briefing.statements]
    return ReviewEntry(briefing, page, unattributed=sum(1 for item in said if not item.speaker),
                       inferred=sum(1 for item in said if item.speaker and item.attribution == "resolved"))


def review_queue(briefings: list[Briefing], pages: dict[str, str]) -> list[ReviewEntry]:
    """The unreviewed briefings, newest first, each with its flag counts."""
    return [review_entry(b, pages[b.id]) for b in newest_first(briefings) if not is_reviewed(b)]
