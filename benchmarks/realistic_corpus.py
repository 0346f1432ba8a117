"""A benchmark corpus that grows actors the way real news does.

Repeating a few real articles repeats their actors: a 1,000-briefing site of 24 articles had
about 480 actor pages. Real news does not repeat. Measured on 300 real articles, each brings
about 4 new actors and three quarters of all actors appear in one article only (distinct
actors 82 → 531 → 1,213 at 10 → 100 → 300 articles: ``REAL_DISTINCT_ACTORS``).

So every copy of a real article (tests/gold and tests/heldout, rotated and thinned as before)
gets its people and organisations replaced, consistently within the copy ("Mark Carney" and
"Carney" become "Dana Whitfield" and "Whitfield"; an acronym becomes another acronym). Each
replacement is, with probability ``recurring``, an identity from a shared pool drawn with
Zipf weights (a few people are in the news every day, most are not), and otherwise a new
name used by this copy only. Places are kept: real news repeats its countries and cities.

Names come from Faker, seeded, so the same arguments give the same corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate, combinations
from pathlib import Path

from faker import Faker
from spacy.language import Language

from generator.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests/gold/articles", ROOT / "tests/heldout/articles")
# Distinct actors in the briefings of the first N real articles (measured on 300 real articles).
REAL_DISTINCT_ACTORS = {10: 82, 100: 531, 300: 1213}
REPLACED_LABELS = ("PERSON", "ORG")
ORG_KINDS = ("Group", "Institute", "Foundation", "Holdings", "Authority", "Council", "Partners",
             "Labs", "Agency", "Bank", "Union", "Systems", "Alliance", "Trust", "Network")
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
FIRST_DAY = date(2024, 1, 1)


@dataclass(frozen=True)
class Actor:
    """A person or organisation of a source article, by the fullest name the article gives it."""

    name: str
    label: str
    gender: str  # "Masc", "Fem" or "": from the first pronoun after its first mention
    parts: tuple[str, ...]  # the name's words, for the article's later "Carney" or "Mark"


@dataclass(frozen=True)
class Identity:
    first: str
    last: str
    full: str


@dataclass(frozen=True)
class SourceArticle:
    name: str
    date: date | None
    paragraphs: list[str]
    actors: list[Actor]


def pronoun_gender(doc, after: int) -> str:
    """Gender of the first third-person pronoun within two sentences after token ``after``."""
    sentence = doc[after].sent
    following = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    for token in doc[after:following]:
        if token.pos_ == "PRON" and token.morph.get("Person") == ["3"]:
            gender = token.morph.get("Gender")
            if gender and gender[0] in ("Masc", "Fem"):
                return gender[0]
    return ""


def article_actors(nlp: Language, text: str) -> list[Actor]:
    """People and organisations spaCy finds in an article, a person's later surname folded in."""
    doc = nlp(text)
    actors: dict[str, Actor] = {}
    for ent in doc.ents:
        name = ent.text.strip()
        if ent.label_ not in REPLACED_LABELS or not name[:1].isupper() or name in actors:
            continue
        parts = tuple(t.text for t in ent if t.text[:1].isupper()) if ent.label_ == "PERSON" else (name,)
        if ent.label_ == "PERSON" and len(parts) == 1 and any(parts[0] in a.parts for a in actors.values()):
            continue  # "Carney" after "Mark Carney"
        gender = pronoun_gender(doc, ent.end - 1) if ent.label_ == "PERSON" else ""
        actors[name] = Actor(name, ent.label_, gender, parts)
    return list(actors.values())


def load_sources(nlp: Language) -> list[SourceArticle]:
    paths = sorted(path for folder in SOURCES for path in folder.glob("*.txt"))
    out = []
    for path in paths:
        article = read_article(path)
        paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
        out.append(SourceArticle(path.stem, article.date, paragraphs, article_actors(nlp, article.text)))
    return out


def paragraph_orders(count: int) -> Iterator[list[int]]:
    """Distinct bodies of one article: paragraphs rotated, with none, one or two left out."""
    left_out = [(), *((i,) for i in range(count)), *combinations(range(count), 2)]
    for dropped in left_out:
        kept = [i for i in range(count) if i not in dropped]
        if len(kept) < 2:
            continue
        for rotation in range(len(kept)):
            yield kept[rotation:] + kept[:rotation]


class Names:
    """Fresh and recurring identities, seeded: the same seed gives the same names in the same order."""

    def __init__(self, seed: int, *, recurring: float, pool: int, zipf: float = 1.0) -> None:
        self.random = random.Random(seed)
        self.faker = Faker("en_US")
        self.faker.seed_instance(seed)
        self.recurring = recurring
        self.pools: dict[tuple[str, str], list[Identity]] = {}
        self.weights = list(accumulate(1 / (rank + 1) ** zipf for rank in range(pool)))
        self.used: set[str] = set()

    def fresh(self, label: str, gender: str, acronym: bool) -> Identity:
        for _ in range(1000):
            identity = self._make(label, gender, acronym)
            if identity.full not in self.used:
                self.used.add(identity.full)
                return identity
        raise RuntimeError("the name generator ran out of distinct names")

    def _make(self, label: str, gender: str, acronym: bool) -> Identity:
        if label == "PERSON":
            first = {"Masc": self.faker.first_name_male, "Fem": self.faker.first_name_female}.get(
                gender, self.faker.first_name)()
            last = self.faker.last_name()
            return Identity(first, last, f"{first} {last}")
        if acronym:
            letters = "".join(self.random.choice("ABCDEFGHKLMNPRSTUVW") for _ in range(self.random.randint(3, 4)))
            return Identity(letters, letters, letters)
        stem = self.faker.last_name() if self.random.random() < 0.6 else self.faker.city()
        full = f"{stem} {self.random.choice(ORG_KINDS)}"
        return Identity(full, full, full)

    def draw(self, label: str, gender: str, acronym: bool) -> Identity:
        """A recurring identity (Zipf-weighted from a shared pool) or a new one."""
        if self.random.random() >= self.recurring:
            return self.fresh(label, gender, acronym)
        key = (label, gender if label == "PERSON" else ("A" if acronym else ""))
        pool = self.pools.setdefault(key, [])
        rank = self.random.choices(range(len(self.weights)), cum_weights=self.weights)[0]
        while len(pool) <= rank:
            pool.append(self.fresh(label, gender, acronym))
        return pool[rank]


def replacements(actors: list[Actor], cast: dict[str, Identity]) -> dict[str, str]:
    """Every way the article writes an actor's name → the same way for its new identity."""
    out: dict[str, str] = {}
    for actor in actors:
        identity = cast[actor.name]
        out[actor.name] = identity.full
        if actor.label == "PERSON" and len(actor.parts) >= 2:
            out.setdefault(actor.parts[-1], identity.last)
            if len(actor.parts[0]) > 2:
                out.setdefault(actor.parts[0], identity.first)
        elif actor.label == "PERSON":
            out[actor.name] = identity.last  # the article calls them by one name: a surname
    return out


def rewrite(text: str, table: dict[str, str]) -> str:
    """``text`` with every whole-word occurrence of a key replaced, longest keys first."""
    if not table:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
                         + r")(?!\w)")
    return pattern.sub(lambda match: table[match.group(1)], text)


def realistic_corpus(nlp: Language, n: int, *, seed: int = 2026, recurring: float = 0.93,
                     pool: int = 3000, zipf: float = 1.2) -> list[tuple[str, str]]:
    """``n`` seed files (name, content): real articles, rotated and thinned, with new actors."""
    sources = load_sources(nlp)
    names = Names(seed, recurring=recurring, pool=pool, zipf=zipf)
    orders = {source.name: paragraph_orders(len(source.paragraphs)) for source in sources}
    out: list[tuple[str, str]] = []
    while len(out) < n and orders:
        for source in sources:
            order = next(orders.get(source.name, iter(())), None)
            if order is None:
                orders.pop(source.name, None)
                continue
            cast = {actor.name: names.draw(actor.label, actor.gender,
                                           actor.label == "ORG" and bool(ACRONYM.fullmatch(actor.name)))
                    for actor in source.actors}
            text = rewrite("\n\n".join(source.paragraphs[i] for i in order), replacements(source.actors, cast))
            day = FIRST_DAY + timedelta(days=len(out) // 3)
            out.append((f"{len(out):05d}-{source.name}.txt", f"date {day.isoformat()} {text}\n"))
            if len(out) >= n:
                break
    if len(out) < n:
        raise SystemExit(f"only {len(out)} distinct articles can be made from the real ones")
    return out
