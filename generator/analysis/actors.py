"""Actors: the people, organisations, countries, places and groups an article involves.

One entry per real-world actor. The statistical tagger's mentions are resolved at document
level, the way an editor reads: a surname or first name goes to the full name met in the
article (the nearest one before it), an acronym to the name it abbreviates, "the X", "X's" and
"X Inc." to X, a demonym to its country when the article talks about that country, and a
party's nickname to the party. Each actor's type is then decided once, for all its mentions:
the gazetteer settles countries and places, a full personal name settles people, and the
remaining mentions vote, so one mention's tagging error is outvoted by the others.

Demonyms (documented choice): "Ukrainian forces" counts as a mention of Ukraine when the
article names Ukraine. Otherwise a demonym is a ``group`` only when it names people, i.e. is
used as a plural noun ("Americans", "Hispanics") or before "people"; an adjective on its own
("European allies", "Korean student") is not an actor.

``mentions`` counts every naming of the actor (full name, surname, acronym, demonym, each
occurrence); pronouns are not counted. ``first_sentence`` is where the first of them stands.

Computed once per article as the ``actor_mentions`` component: ``doc.spans["mention"]`` holds
every naming with its actor's number in ``Span._.actor``, and ``Doc._.actors`` the actors, so
the quote resolver maps a cue's source to its actor by position, never by re-matching strings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..models import Actor
from ..vocabulary import (
    ACRONYM_STOPWORDS,
    COMPASS_WORDS,
    CORPORATE_SUFFIXES,
    GENERIC_HEADS,
    INSTITUTION_METONYMS,
    LABEL_TYPES,
    LOCATIVE_PREPS,
    MEDIA_VERBS,
    NICKNAMES,
    ORG_LOCATIVE_PREPS,
    ORG_NOUNS,
    PARTIES,
    PLACE_NOUNS,
    PLACE_SUFFIXES,
    ROLE_WORDS,
)
from ..vocabulary import GENERATIONAL_SUFFIXES as NAME_SUFFIXES
from .actor_mentions import Mention, collect_mentions
from .actor_roles import apposition_after, apposition_before, find_role, title_before
from .gazetteer import Gazetteer, gazetteer, normalise
from .guard import guarded_layer
from .index import DocIndex

PARENTHESIS = re.compile(r"^\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")


# Memoised per text: the resolver asks these of the same few names over and over.
TEXT_CACHE_SIZE = 1 << 16


@dataclass
class Cluster:
    """The mentions of one actor while the article is being read.

    ``texts`` (the distinct texts of the mentions, in reading order) and ``last_start`` are kept
    as mentions join: the resolver compares every new mention with every cluster, and reading
    every mention of each cluster again for that made long articles quadratic. Its questions
    depend on a mention's text only, so each distinct text is asked once.
    """

    kind: str
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None
    person_anchor: bool = False
    extra_aliases: list[str] = field(default_factory=list)
    texts: dict[str, None] = field(default_factory=dict, compare=False, repr=False)
    last_start: int = field(default=-1, compare=False, repr=False)

    @property
    def first(self) -> int:
        return min(m.sentence for m in self.mentions)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.texts.setdefault(mention.text)
        self.last_start = max(self.last_start, mention.start)

    def absorb(self, other: Cluster) -> None:
        """Take ``other``'s mentions (and aliases), keeping reading order."""
        self.mentions.extend(other.mentions)
        self.mentions.sort(key=lambda m: m.start)
        self.texts = dict.fromkeys(m.text for m in self.mentions)
        self.last_start = max(self.last_start, other.last_start)
        self.extra_aliases.extend(other.extra_aliases)


if not Span.has_extension("actor"):
    Span.set_extension("actor", default=None)
if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_STOPWORDS]
    return "".join(w[0] for w in words).upper()


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 \
        and letters[0].isupper() and " " not in text


def _strip_corporate(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in CORPORATE_SUFFIXES:
        words.pop()
    if len(words) == 1 and words[0].lower().endswith(".com"):
        words[0] = words[0][:-4]
    return " ".join(words)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _name_parts(text: str) -> tuple[str, ...]:
    """A name's words as lookup keys, without "Jr." and the like."""
    return tuple(normalise(p) for p in text.split() if normalise(p) not in NAME_SUFFIXES)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _word_keys(text: str) -> tuple[str, ...]:
    """Every word of a name as a lookup key."""
    return tuple(normalise(w) for w in text.split())


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def name_initials(text: str) -> str:
    """The acronym a name makes: "People for the Ethical Treatment of Animals" → "PETA"."""
    return _initials(_strip_corporate(text))


def _one_edit(a: str, b: str) -> bool:
    """Same length, one letter different: "Hanson" for "Hansen", "Hauser" for "Houser"."""
    return len(a) == len(b) >= 5 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) == 1


def _party_of(mention: Mention, parties_named: set[str]) -> str | None:
    key = mention.key
    for party, forms in PARTIES.items():
        if key in forms["nouns"]:
            return party
        if key in forms["adjectives"] and party in parties_named:
            return party
    return None


def _names_people(analysed: DocIndex, mention: Mention) -> bool:
    """A demonym used as a plural noun ("Americans") or before "people" names a group."""
    doc = analysed.doc
    last = doc[mention.end - 1]
    if last.tag_ in ("NNS", "NNPS") or (mention.text.endswith("s") and last.pos_ in ("NOUN", "PROPN")
                                        and last.dep_ not in ("amod",)):
        return True
    return mention.end < len(doc) and doc[mention.end].lower_ in ("people", "peoples", "community")


def _place_cue(analysed: DocIndex, mention: Mention) -> bool:
    """"the state of Amazonas", "the island of Redonda": a place noun introduces the name."""
    token = analysed.doc[mention.end - 1]
    head = token.head
    while token.dep_ == "conj" and head.i != token.i:
        token, head = head, head.head
    if token.dep_ == "pobj" and head.lower_ in ("of", "as", "like", "including"):
        noun = head.head
        if noun.lower_ in ("such", "cities", "places") and noun.head.i != noun.i:
            noun = noun.head
        if noun.lower_ in PLACE_NOUNS:
            return True
    if token.dep_ == "appos" and head.lower_ in PLACE_NOUNS:
        return True
    return any(child.dep_ == "appos" and child.lower_ in PLACE_NOUNS for child in token.children)


def _role_says_person(analysed: DocIndex, mention: Mention) -> bool:
    """A title or an apposition with an office word: "tomato farmer Lana Boatwright"."""
    for text in (mention.title, title_before(analysed, mention), apposition_after(analysed, mention),
                 apposition_before(analysed, mention)):
        if text and any(w.lower().strip(",") in ROLE_WORDS for w in text.split()):
            return not any(w.lower() in ORG_NOUNS for w in text.split()[-1:])
    return False


def _person_like(mention: Mention) -> bool:
    """Two or three capitalised words with no organisational word: "Binyah Kesselly"."""
    words = mention.words
    return 1 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        normalise(w) in GENERIC_HEADS or normalise(w) in ORG_NOUNS for w in words)


class _Resolver:
    """Document-level alias resolution: which cluster does each mention belong to."""

    def __init__(self, analysed: DocIndex, gaz: Gazetteer) -> None:
        self.analysed = analysed
        self.gaz = gaz
        self.clusters: list[Cluster] = []
        self.by_key: dict[str, Cluster] = {}
        self._merged: list[Cluster] = []  # taken into another cluster; kept alive so their ids stay theirs
        self._merged_ids: set[int] = set()

    # -- bookkeeping -------------------------------------------------------------------------
    def _new(self, kind: str, mention: Mention, canonical: str | None = None) -> Cluster:
        cluster = Cluster(kind=kind, canonical=canonical)
        self.clusters.append(cluster)
        self._add(cluster, mention)
        if canonical:
            self._index(cluster, canonical)
        return cluster

    def _index(self, cluster: Cluster, text: str) -> None:
        self.by_key.setdefault(normalise(text), cluster)

    def _add(self, cluster: Cluster, mention: Mention) -> None:
        cluster.add(mention)
        self._index(cluster, mention.text)
        self._index(cluster, _strip_corporate(mention.text))
        for alias in mention.extra_aliases:
            self._index(cluster, alias)

    def _is_live(self, cluster: Cluster) -> bool:
        """``cluster in self.clusters``, without comparing it with every cluster: only merging removes one."""
        return id(cluster) not in self._merged_ids

    def _merge(self, keep: Cluster, gone: Cluster) -> None:
        keep.absorb(gone)
        self.clusters.remove(gone)
        self._merged.append(gone)
        self._merged_ids.add(id(gone))
        for key, value in list(self.by_key.items()):
            if value is gone:
                self.by_key[key] = keep

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, mentions: list[Mention]) -> list[Cluster]:
        countries = {c for m in mentions if m.label != "NORP" and (c := self.gaz.country(m.text))}
        parties = {p for m in mentions if (p := _party_of(m, set())) is not None}
        for mention in mentions:
            self._place(mention, countries, parties)
        self._parenthesised_acronyms()
        self._backward_short_forms()
        return self.clusters

    def _is_person_anchor(self, mention: Mention) -> bool:
        if len(mention.words) < 2 or self.gaz.country(mention.text) or self.gaz.is_place(mention.text, 1):
            return False
        if _place_cue(self.analysed, mention) or mention.text.lower().endswith(PLACE_SUFFIXES):
            return False
        if mention.extra_aliases:
            return True
        if mention.label == "PERSON":
            return True
        return _person_like(mention) and _role_says_person(self.analysed, mention)

    def _place(self, mention: Mention, countries: set[str], parties: set[str]) -> None:
        country = self.gaz.country(mention.text)
        if country is not None:
            self._join_or_new("country", mention, country)
            return
        party = _party_of(mention, parties)
        if party is not None:
            self._join_or_new("party", mention, party)
            return
        surname = self._person_short_form(mention)
        if surname is not None:
            self._add(surname, mention)
            return
        for key in (mention.key, mention.key + "s", mention.key[:-1] if mention.key.endswith("s") else ""):
            if key in self.by_key and (key == mention.key or len(mention.words) == 1):
                self._add(self.by_key[key], mention)
                return
        if mention.label == "NORP":
            self._place_demonym(mention, countries)
            return
        epithet = self.gaz.epithet_country(mention.text, countries)
        if epithet is not None:
            self._join_or_new("country", mention, epithet)
            return
        stripped = normalise(_strip_corporate(mention.text))
        if stripped in self.by_key:
            self._add(self.by_key[stripped], mention)
            return
        national = self._without_country(mention)
        if national is not None:  # "the U.S. Senate" after "the Senate"
            self._add(national, mention)
            return
        if self._is_person_anchor(mention):
            longer = self._longer_person(mention)
            if longer is not None:
                self._add(longer, mention)
            else:
                self._new("person", mention).person_anchor = True
            return
        target = self._short_form(mention)
        if target is not None:
            self._add(target, mention)
            return
        self._new("name", mention)

    def _place_demonym(self, mention: Mention, countries: set[str]) -> None:
        demonym = self.gaz.demonym_country(mention.text, sorted(countries))
        if demonym is not None:
            self._join_or_new("country", mention, demonym)
            return
        singular = mention.key.removesuffix("s")
        for cluster in self.clusters:
            if cluster.kind == "name" and any(
                    len(keys := _word_keys(text)) > 1 and keys[0] == singular for text in cluster.texts):
                self._add(cluster, mention)
                return
        if _names_people(self.analysed, mention):
            text = mention.text
            key = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
            self._join_or_new("group", mention, None, key=key)

    def _without_country(self, mention: Mention) -> Cluster | None:
        """The organisation already met under this name without its country ("U.S. Senate" →
        "Senate", "British Museum" stays: no "Museum" was met)."""
        words = mention.words
        if len(words) < 2 or mention.label not in ("ORG", "FAC") or self.gaz.country(words[0]) is None:
            return None
        cluster = self.by_key.get(normalise(" ".join(words[1:])))
        return cluster if cluster is not None and cluster.kind == "name" else None

    def _join_or_new(self, kind: str, mention: Mention, canonical: str | None, key: str | None = None) -> None:
        lookup = normalise(canonical or key or mention.text)
        cluster = self.by_key.get(lookup)
        if cluster is not None and cluster.kind == kind:
            self._add(cluster, mention)
            return
        cluster = self._new(kind, mention, canonical)
        self._index(cluster, canonical or key or mention.text)

    def _person_short_form(self, mention: Mention) -> Cluster | None:
        """A surname or first name (or a slip of one letter, or "Jim") of a full name in the article."""
        words = mention.words
        if len(words) != 1 or is_acronym(mention.text) or self.gaz.country(mention.text):
            return None
        word = normalise(words[0])
        surnames, given, near = [], [], []
        for cluster in self.clusters:
            if not cluster.person_anchor:
                continue
            for text in cluster.texts:
                parts = _name_parts(text)
                if len(parts) < 2:
                    continue
                if word == parts[-1]:
                    surnames.append(cluster)
                    break
                if word == parts[0] or parts[0] in NICKNAMES.get(word, ()):
                    given.append(cluster)
                    break
                if _one_edit(word, parts[-1]) and mention.label in ("PERSON", "ORG"):
                    near.append(cluster)
                    break
        # a lone name is a surname before it is a first name: "Trump" is Donald Trump, not Trump Tower
        candidates = surnames or given or near
        if not candidates:
            return None
        before = [c for c in candidates if c.mentions[0].start < mention.start]
        # Two people share the name ("Seddique Mir Mateen ... his son, Omar Mateen"): the bare
        # surname is one the article has made a subject, not one named only in passing (an
        # apposition, an object); among those, the one named last.
        return max(before or candidates, key=lambda c: (self._is_subject(c), c.last_start))

    def _is_subject(self, cluster: Cluster) -> bool:
        """Some mention is a clause's subject, or stands in apposition to one ("His grandson James
        Roosevelt Jr. spoke")."""
        subjects = ("nsubj", "nsubjpass")
        for mention in cluster.mentions:
            head = self.analysed.doc[mention.start:mention.end].root
            if head.dep_ in subjects or (head.dep_ == "appos" and head.head.dep_ in subjects):
                return True
        return False

    def _longer_person(self, mention: Mention) -> Cluster | None:
        """"De Niro" after "Robert De Niro": the end of a full name met before; "Seddique Mateen"
        after "Seddique Mir Mateen": its first and last names without the middle one."""
        words = _word_keys(mention.text)
        for cluster in reversed(self.clusters):
            if cluster.person_anchor and any(
                    len(keys := _word_keys(text)) > len(words)
                    and (keys[-len(words):] == words
                         or (len(words) == 2 and keys[0] == words[0] and keys[-1] == words[-1]))
                    for text in cluster.texts):
                return cluster
        return None

    def _short_form(self, mention: Mention) -> Cluster | None:
        """An acronym, an organisation's first word, or the end of a longer name met before."""
        words = _word_keys(mention.text)
        if is_acronym(mention.text):
            letters = mention.text.replace(".", "").upper()
            for cluster in self.clusters:
                if cluster.kind == "name" and any(
                        len(text.split()) > 1 and name_initials(text) == letters for text in cluster.texts):
                    return cluster
            return None
        if len(words) == 1 and words[0] in COMPASS_WORDS:
            divided = [c for c in self.clusters if c.kind == "country" and c.canonical
                       and normalise(c.canonical).split()[0] == words[0]]
            if len(divided) == 1:
                return divided[0]
        for cluster in reversed(self.clusters):
            if cluster.kind not in ("name", "person"):
                continue
            for text in cluster.texts:
                longer = _word_keys(text)
                if len(longer) <= len(words):
                    continue
                if longer[-len(words):] == words and (
                        cluster.person_anchor or mention.label in ("ORG", "NORP")) and not (
                        len(words) == 1 and self.gaz.is_place(mention.text, 1)):
                    return cluster
                if len(words) == 1 and longer[0] == words[0] and not cluster.person_anchor and (
                        longer[1] == "of" or (all(w in GENERIC_HEADS for w in longer[1:])
                                              and not self.gaz.is_place(mention.text, 1))):
                    return cluster
        return None

    def _backward_short_forms(self) -> None:
        """A surname met before its full name ("the Peterson family" … "Jennifer Peterson")."""
        for cluster in list(self.clusters):
            if cluster.kind != "name" or not self._is_live(cluster):
                continue
            names = {normalise(text) for text in cluster.texts}
            if any(len(text.split()) > 1 for text in cluster.texts):
                continue
            targets = [c for c in self.clusters if c.person_anchor and any(
                len(p := _name_parts(text)) > 1 and p[-1] in names for text in c.texts)]
            if len(targets) == 1:
                self._merge(targets[0], cluster)

    def _parenthesised_acronyms(self) -> None:
        """"the University of Georgia (UGA)": the acronym in brackets joins the name before it."""
        doc = self.analysed.doc
        for cluster in list(self.clusters):
            if not self._is_live(cluster) or cluster.kind not in ("name", "person"):
                continue
            for mention in list(cluster.mentions):
                last = doc[mention.end - 1]
                match = PARENTHESIS.match(self.analysed.text[last.idx + len(last.text):][:16])
                if not match:
                    continue
                acronym = match.group(1)
                if not is_acronym(acronym) or acronym[0].upper() != mention.text[0].upper():
                    continue
                other = self.by_key.get(normalise(acronym))
                if other is not None and other is not cluster and other.kind == "name":
                    self._merge(cluster, other)
                elif other is None:
                    cluster.extra_aliases.append(acronym)


def _locative_share(analysed: DocIndex, cluster: Cluster, preps: frozenset[str]) -> float:
    """Share of mentions standing where only a place can: "on Redonda", "the state of Amazonas"."""
    votes = 0
    for mention in cluster.mentions:
        token = analysed.doc[mention.end - 1]
        prep = token.head
        if (token.dep_ == "pobj" and prep.lower_ in preps and prep.head.lemma_ not in MEDIA_VERBS) or _place_cue(
                analysed, mention):
            votes += 1
    return votes / len(cluster.mentions)


def _org_cue(analysed: DocIndex, cluster: Cluster) -> bool:
    """"charity CHAS", "affiliate KFSM", "Pixar, the computer-animation company"."""
    doc = analysed.doc
    for mention in cluster.mentions:
        before = doc[mention.start - 1] if mention.start else None
        if before is not None and before.lower_ in ORG_NOUNS and before.pos_ == "NOUN":
            return True
        description = apposition_after(analysed, mention) or ""
        if description and description.split()[-1].lower() in ORG_NOUNS:
            return True
        head = doc[mention.end - 1]
        if any(child.dep_ == "appos" and child.lower_ in ORG_NOUNS for child in head.children):
            return True
    return False


def _decide_type(analysed: DocIndex, cluster: Cluster, gaz: Gazetteer, name: str) -> str:
    """Gazetteer and anchors first; otherwise the mentions' labels vote, helped by context cues."""
    if cluster.kind == "country":
        return "country" if gaz.is_sovereign(cluster.canonical or "") else "place"
    if cluster.kind == "party":
        return "organization"
    if cluster.kind == "group":
        return "group"
    if cluster.person_anchor:
        return "person"
    key = normalise(name)
    if key in INSTITUTION_METONYMS:
        return "organization"
    words = key.split()
    votes: Counter[str] = Counter()
    for mention in cluster.mentions:
        label = LABEL_TYPES[mention.label]
        weight = 1.0
        if mention.label == "GPE" and not gaz.is_place(mention.text, 1):
            weight = 0.5
        votes[label] += weight
    all_org = all(m.label == "ORG" for m in cluster.mentions)
    if not is_acronym(name) and ((gaz.is_place(name) and not all_org) or key.endswith(PLACE_SUFFIXES)):
        votes["place"] += len(cluster.mentions) + 1
    if (len(words) > 1 and any(w in GENERIC_HEADS for w in words)) or _org_cue(analysed, cluster):
        votes["organization"] += len(cluster.mentions) + 0.5
    if any(_place_cue(analysed, m) for m in cluster.mentions):
        votes["place"] += 2 * len(cluster.mentions)
    elif len(words) == 1 and votes["person"]:
        share = _locative_share(analysed, cluster, LOCATIVE_PREPS)
        if share >= 0.5 or share * len(cluster.mentions) >= 2:
            votes["place"] += 2 * len(cluster.mentions)
    elif (votes["organization"] and votes["organization"] >= votes["place"]
          and not any(w in GENERIC_HEADS or w in ORG_NOUNS for w in words)
          and _locative_share(analysed, cluster, ORG_LOCATIVE_PREPS) >= 0.5):
        votes["place"] += 2 * len(cluster.mentions)
    first = {LABEL_TYPES[m.label]: -m.start for m in reversed(cluster.mentions)}
    return max(votes, key=lambda label: (votes[label], first.get(label, -10**9)))


def _common_noun(analysed: DocIndex, cluster: Cluster, name: str, lowercase: set[str]) -> bool:
    """"Coal has been ..." (and "coal" elsewhere): a capitalised common noun, not a name."""
    doc = analysed.doc
    return (cluster.kind == "name" and not cluster.person_anchor and " " not in name
            and name.lower() in lowercase and not name.isupper()
            and all(doc[m.start].is_sent_start for m in cluster.mentions)
            and not _org_cue(analysed, cluster))


def _canonical_name(cluster: Cluster) -> str:
    if cluster.canonical:
        return cluster.canonical
    if cluster.kind == "group":
        plural = [m.text for m in cluster.mentions if m.text.endswith("s")]
        return plural[0] if plural else cluster.mentions[0].text
    texts = [_strip_corporate(m.text) for m in cluster.mentions]
    full = [t for t in texts if not is_acronym(t)] or texts
    counts = Counter(full)
    first_seen: dict[str, int] = {}
    for position, text in enumerate(full):
        first_seen.setdefault(text, position)  # full.index(t), without a scan per mention
    name = max(full, key=lambda t: (len(t.split()), counts[t], -first_seen[t]))
    if name.isupper() and not is_acronym(name) and len(name) > 5:
        return name.title()
    if is_acronym(name) and cluster.kind == "name":
        return name.replace(".", "")
    return name


def _aliases(analysed: DocIndex, cluster: Cluster, name: str, actor_type: str,
             descriptions: list[str]) -> list[str]:
    """Every surface form: "the United States" and "US"; "President Volodymyr Zelenskiy"."""
    candidates: list[str] = []
    for mention in cluster.mentions:
        candidates += [mention.surface, mention.text]
        if actor_type == "person":
            title = mention.title or title_before(analysed, mention)
            if title:
                candidates.append(f"{title} {mention.text}")
        candidates += mention.extra_aliases
    candidates += cluster.extra_aliases + descriptions
    aliases: list[str] = []
    for candidate in candidates:
        if candidate and candidate != name and candidate not in aliases:
            aliases.append(candidate)
    return aliases


def cluster_actors(analysed: DocIndex) -> list[tuple[Actor, list[Mention]]]:
    """Everyone the article names, one entry each with its mentions, in order of first appearance."""
    gaz = gazetteer()
    clusters = _Resolver(analysed, gaz).resolve(collect_mentions(analysed))
    actors: list[tuple[Actor, list[Mention]]] = []
    lowercase = {t.text for t in analysed.doc if t.is_lower}
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].start):
        name = _canonical_name(cluster)
        if _common_noun(analysed, cluster, name, lowercase):
            continue
        actor_type = _decide_type(analysed, cluster, gaz, name)
        role, descriptions = find_role(analysed, cluster.mentions)
        if actor_type in ("country", "place", "group"):
            role, descriptions = None, []
        actors.append((Actor(
            name=name, type=actor_type, aliases=_aliases(analysed, cluster, name, actor_type, descriptions),
            role=role, mentions=len(cluster.mentions), first_sentence=cluster.first,
        ), cluster.mentions))
    return actors


def find_actor_mentions(doc: Doc) -> dict[str, list[Span]]:
    """The mention spans of a document (``Span._.actor``: the actor's number in ``Doc._.actors``)."""
    found = cluster_actors(DocIndex(doc))
    spans = []
    for number, (actor, mentions) in enumerate(found):
        for mention in mentions:
            span = Span(doc, mention.start, mention.end, label=actor.type)
            span._.actor = number
            spans.append(span)
    doc._.actors = [actor for actor, _ in found]
    return {"mention": sorted(spans, key=lambda span: (span.start, span.end))}


@Language.factory("actor_mentions", assigns=["doc.spans", "doc._.actors"],
                  requires=["token.dep", "token.pos", "doc.ents"])
def make_actor_mention_finder(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return guarded_layer(name, find_actor_mentions)


def actors_of(doc: Doc) -> list[Actor]:
    """The actors the mention layer found, as fresh copies (a briefing may re-rank or edit them)."""
    return [replace(actor, aliases=list(actor.aliases)) for actor in doc._.actors or []]


def actor_at(doc: Doc) -> list[int]:
    """For every token, the number of the actor whose mention it is part of (-1: none)."""
    owner = [-1] * len(doc)
    for span in doc.spans.get("mention", []):
        for i in range(span.start, span.end):
            owner[i] = span._.actor
    return owner
