"""Cross-article structure: where each briefing lives, and the pages that span briefings.

Built only from per-article results (never re-reading articles), so the whole site's index
costs little even when one article changed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .models import Briefing, Quote, Statement
from .slugs import slugify
from .vocabulary import CORPORATE_SUFFIXES, SPEAKER_TITLES


@dataclass
class Appearance:
    briefing: Briefing
    page: str
    role: str | None
    mentions: int
    quotes: list[Quote]
    statements: list[Statement] = field(default_factory=list)


# An actor gets a page of its own when it is in at least this many briefings. Measured on the
# realistic benchmark corpus (1,000 briefings, 4,454 actors, three quarters in one briefing):
# actors in two or more briefings need 1.40 actor pages per briefing, 2.48 pages in all per
# briefing; adding every quoted actor makes it 2.17 actor pages, adding each briefing's most
# mentioned actor 1.53. An actor of one briefing is all on that briefing's page anyway: a page
# of its own would repeat it, and cost build time and search noise at every build.
ACTOR_PAGE_MIN_BRIEFINGS = 2


@dataclass(frozen=True)
class Split:
    """In these briefings, ``name`` is another actor than elsewhere: ``other``."""

    name: str
    briefings: frozenset[str]  # their sources, as ``seeds/ai-lab.txt``
    other: str


@dataclass(frozen=True)
class ActorRules:
    """The editors' word on who is who across briefings, where the merge key is wrong
    (``actors.yml``, read by pipeline.read_actor_rules): each ``same`` group is one actor in
    every briefing, named as its first name; each ``Split`` is another actor in its briefings."""

    same: tuple[tuple[str, ...], ...] = ()
    splits: tuple[Split, ...] = ()


@dataclass
class ActorEntry:
    name: str
    slug: str
    type: str
    appearances: list[Appearance] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # every spelling the briefings use for it
    only_in: frozenset[str] | None = None  # a split actor: its spellings mean it in these briefings alone

    @property
    def mentions(self) -> int:
        return sum(a.mentions for a in self.appearances)

    @property
    def briefing_count(self) -> int:
        return len({a.briefing.id for a in self.appearances})

    @property
    def has_page(self) -> bool:
        return self.briefing_count >= ACTOR_PAGE_MIN_BRIEFINGS


def merge_key(name: str, actor_type: str) -> str:
    """What two briefings' names of one actor share, and two actors' names do not.

    Folded: case, punctuation, spacing ("ExxonMobil", "Exxon Mobil", "Exxon-Mobil."), a
    company's legal ending ("Apple Inc."), a person's title when a full name remains
    ("President Barack Obama" is "Barack Obama"). Never a name to its surname: "Obama" and
    "Michelle Obama" stay apart, as do "President Obama" and "Obama"; and "Jr." is kept, since
    across briefings "Ken Griffey Jr." and "Ken Griffey" are as likely son and father.
    """
    words = re.sub(r"[^\w\s]+", " ", unicodedata.normalize("NFKC", name).casefold()).split()
    if actor_type == "person":
        while len(words) > 2 and words[0] in SPEAKER_TITLES:
            words = words[1:]
    elif len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words = words[:-1]
    return "".join(words) or name


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


def month_of(briefing: Briefing) -> str:
    """The archive month a briefing is listed under ("2024-08", or "undated")."""
    return briefing.date[:7] if briefing.date else "undated"


def by_month(briefings: list[Briefing]) -> dict[str, list[Briefing]]:
    months: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in newest_first(briefings):
        months[month_of(briefing)].append(briefing)
    return dict(sorted(months.items(), reverse=True))


def actor_slug(name: str) -> str:
    return slugify(name, max_words=12)


NO_RULES = ActorRules()


def folded(name: str) -> str:
    """A name with case, punctuation and spacing folded (how actors.yml names are matched)."""
    return merge_key(name, "")


def actor_index(briefings: list[Briefing], pages: dict[str, str],
                rules: ActorRules = NO_RULES) -> dict[str, ActorEntry]:
    """Canonical actor name → every briefing it appears in, oldest first.

    One actor across briefings is the same ``merge_key``; its name is the spelling used in the
    most briefings (ties: the most mentions, then the longest, then alphabetical). ``rules``
    overrule the key: a ``same`` group is one actor named as its first name, a split another.
    """
    groups = {folded(name): group for group in rules.same for name in group}
    splits = {(folded(split.name), source): split for split in rules.splits for source in split.briefings}
    named: dict[str, str] = {}  # key → the name the rules give it
    only_in: dict[str, frozenset[str]] = {}
    by_key: dict[str, ActorEntry] = {}
    type_votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    spellings: dict[str, Counter] = defaultdict(Counter)  # key → spelling → briefings using it
    mentions: dict[str, Counter] = defaultdict(Counter)  # key → spelling → mentions
    for briefing in sorted(briefings, key=lambda b: (b.date or "", b.id)):
        for actor in briefing.actors:
            key = merge_key(actor.name, actor.type)
            split = splits.get((folded(actor.name), briefing.source))
            if split is not None:
                key = "split\0" + folded(split.other)
                named[key] = split.other
                only_in[key] = split.briefings
            elif folded(actor.name) in groups:
                group = groups[folded(actor.name)]
                key = "same\0" + folded(group[0])
                named[key] = group[0]
            entry = by_key.get(key)
            if entry is None:
                entry = by_key[key] = ActorEntry(actor.name, "", actor.type)
            entry.names.add(actor.name)
            type_votes[key][actor.type] += actor.mentions
            spellings[key][actor.name] += 1
            mentions[key][actor.name] += actor.mentions
            entry.appearances.append(Appearance(
                briefing=briefing,
                page=pages[briefing.id],
                role=actor.role,
                mentions=actor.mentions,
                quotes=[q for q in briefing.quotes if q.speaker == actor.name],
                statements=[s for s in briefing.statements if s.speaker == actor.name],
            ))
    entries: dict[str, ActorEntry] = {}
    for key, entry in by_key.items():
        entry.name = named.get(key) or min(entry.names,
                                           key=lambda n: (-spellings[key][n], -mentions[key][n], -len(n), n))
        entry.only_in = only_in.get(key)
        entry.slug = actor_slug(entry.name)
        entry.type = max(sorted(type_votes[key].items()), key=lambda kv: kv[1])[0]
        entries[entry.name] = entry
    slugs: set[str] = set()
    for name in sorted(entries):
        entry = entries[name]
        while entry.slug in slugs:
            entry.slug += "-2"
        slugs.add(entry.slug)
    return dict(sorted(entries.items(), key=lambda kv: kv[0].lower()))


def pages_of_actors(actors: dict[str, ActorEntry]) -> dict[str, str]:
    """Every spelling of every actor with a page of its own → that page (a split actor's
    spellings lead to it only from its own briefings: see :func:`links_of`)."""
    return {name: f"actors/{entry.slug}.md" for entry in actors.values() if entry.has_page
            for name in sorted({entry.name} if entry.only_in is not None else entry.names)}


def links_of(briefing: Briefing, split: list[ActorEntry], actor_pages: dict[str, str]) -> dict[str, str]:
    """The actor pages a briefing's names lead to: a split actor's (``split``: the entries
    with ``only_in``), in its own briefings."""
    links = actor_pages
    for entry in split:
        if entry.only_in is not None and briefing.source in entry.only_in:
            links = dict(links) if links is actor_pages else links
            for name in entry.names:
                if entry.has_page:
                    links[name] = f"actors/{entry.slug}.md"
                else:
                    links.pop(name, None)
    return links



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
    kind: str = "happened"


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
    """Every event with a resolved date across all briefings, newest first (stable on ties; on the
    same date, what happened before what was planned or expected)."""
    entries = [
        TimelineEntry(event.date, event.text, event.sentence, briefing, pages[briefing.id], event.kind)
        for briefing in sorted(briefings, key=lambda b: b.id)
        for event in briefing.timeline
        if event.date
    ]
    return sorted(entries, key=lambda e: (e.date, e.kind == "happened", e.briefing.date or "", e.briefing.id,
                                          -e.sentence), reverse=True)


@dataclass
class TimelinePage:
    """One page of the timeline: a decade ("1940s"), a year ("2024") or a month ("2024-08")."""

    period: str
    events: list[TimelineEntry] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # its shorter periods with pages of their own, newest first


def decade_of(date: str) -> str:
    return date[:3] + "0s"


def timeline_pages(events: list[TimelineEntry], most: int) -> dict[str, TimelinePage]:
    """The timeline's pages, none with more than ``most`` events unless one month has more.

    A decade's events are on one page when they are at most ``most``; else each of its years
    has a page instead, which likewise holds its events or, beyond ``most``, the events dated by
    the year alone and a page per month. So a page never grows with the whole archive, and the
    sparse past (a year with one event) does not cost a page per year. Newest first, order kept.
    """
    pages: dict[str, TimelinePage] = {}
    decades: dict[str, list[TimelineEntry]] = defaultdict(list)
    for event in events:
        decades[decade_of(event.date)].append(event)
    for decade, decade_events in sorted(decades.items(), reverse=True):
        if len(decade_events) <= most:
            pages[decade] = TimelinePage(decade, decade_events)
            continue
        years: dict[str, list[TimelineEntry]] = defaultdict(list)
        for event in decade_events:
            years[event.date[:4]].append(event)
        for year in sorted(years, reverse=True):
            year_page = pages[year] = TimelinePage(year)
            if len(years[year]) <= most:
                year_page.events = years[year]
                continue
            months: dict[str, list[TimelineEntry]] = defaultdict(list)
            for event in years[year]:
                if len(event.date) >= 7:
                    months[event.date[:7]].append(event)
                else:
                    year_page.events.append(event)
            year_page.parts = sorted(months, reverse=True)
            for month in year_page.parts:
                pages[month] = TimelinePage(month, months[month])
    return pages


def initial(name: str) -> str:
    """The letter an actor is listed under: its name's first letter without accents, or "#"."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalnum():
            letter = char.upper()
            return letter if "A" <= letter <= "Z" else "#"
    return "#"


def letter_page(letter: str) -> str:
    return f"actors/a-z/{letter.lower() if letter != '#' else 'other'}.md"


def by_initial(actors: dict[str, ActorEntry]) -> dict[str, list[ActorEntry]]:
    """Actors by the letter they are listed under, A to Z, then "#"; order kept within a letter."""
    letters: dict[str, list[ActorEntry]] = defaultdict(list)
    for entry in actors.values():
        letters[initial(entry.name)].append(entry)
    return dict(sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0])))


def most_named(actors: dict[str, ActorEntry], per_type: int) -> list[ActorEntry]:
    """The actors of each type in the most briefings (ties: most mentions, then by name)."""
    shown: list[ActorEntry] = []
    by_type: dict[str, list[ActorEntry]] = defaultdict(list)
    for entry in actors.values():
        by_type[entry.type].append(entry)
    for members in by_type.values():
        shown.extend(sorted(members, key=lambda e: (-e.briefing_count, -e.mentions, e.name.lower()))[:per_type])
    return shown


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
