"""Referents: who a source, a pronoun or a description stands for, computed once per article.

The ``referents`` component runs after the actor layer. Its :class:`Resolver` reads the
quotation, cue and mention layers and answers, for every subject phrase, *who is it?*: a name is
mapped to its actor by position (the mention layer) or to the fullest name the text gives it;
pronouns and descriptions (``he``, ``the minister``, ``the 52-year-old``, ``his father``) are
resolved against the sentences before (who was the subject, who last spoke, which pronouns
followed a name), with ``token.morph`` for agreement and a name of unknown gender still a
candidate. Every third-person pronoun outside quotations that resolves is written to
``doc.spans["referent"]`` with its :class:`Referent` in ``Span._.referent``, so the quote and
question extractors read one answer instead of resolving pronouns each their own way.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..models import Actor
from ..vocabulary import (
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    GROUP_PRONOUNS,
    MALE_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SPEAKER_NAME_SUFFIXES,
    SPEAKER_TITLES,
    SPOKESPERSON_NOUNS,
    WEAK_REPORTING_VERBS,
)
from .actors import actor_at, actors_of
from .cues import NAME_LABELS, SUBJECT_DEPS, Cue, is_titled
from .guard import guarded_layer
from .index import DocIndex
from .quotations import quotations

SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
AGE_BEFORE = re.compile(r"\bthe (\d+)-year-old\s*$", re.IGNORECASE)
# How much of the text before a reporting verb ``AGE_BEFORE`` is first tried on (see ``_age_before``).
AGE_WINDOW = 80


@dataclass
class Referent:
    """Who a phrase stands for; ``how`` is the attribution (see :data:`generator.models.ATTRIBUTIONS`): a name the
    cue's own source gives is ``explicit``, one found through a pronoun or a description ``resolved``."""

    name: str | None
    role: str | None
    kind: str = "person"
    how: str = "explicit"


class Context:
    """What the analysis layers say about the article, indexed for the resolver's questions.

    The quotations and cues come from the document (:mod:`generator.analysis`); each sentence's
    cues and the quoted ranges are indexed once: scanning every quote range for each token, and
    a sentence's tokens for each quote in it, made long articles (and long sentences) quadratic.
    """

    def __init__(self, analysed: DocIndex) -> None:
        self.analysed = analysed
        self.doc = analysed.doc
        self.text = analysed.text
        self._quoted = analysed.quoted
        self.quotations = [quotation for _span, quotation in quotations(self.doc)]
        ordered = sorted(quotation.bounds for quotation in self.quotations)
        self._range_starts = [lo for lo, _ in ordered]
        self._range_reach = list(accumulate((hi for _, hi in ordered), max))  # furthest end so far
        self.cues: dict[int, Cue] = {span.start: span._.cue for span in self.doc.spans.get("cue", [])}
        self._verbs: dict[int, list[Token]] = {}
        for verb in self.cues:
            self._verbs.setdefault(analysed.sentence_of_token(verb), []).append(self.doc[verb])
        self._verb_list: list[Token] | None = None
        self._verb_position: dict[int, int] = {}
        self._verb_offsets: list[int] = []
        self._attributing: list[int] | None = None
        self._main_subjects: dict[int, Token | None] = {}

    def in_quote(self, token: Token) -> bool:
        return bool(self._quoted[token.i])

    def quoted_token(self, index: int) -> bool:
        return bool(self._quoted[index])

    def covers(self, offset: int) -> bool:
        """Whether character ``offset`` lies in a quoted range."""
        last = bisect_right(self._range_starts, offset) - 1
        return last >= 0 and self._range_reach[last] > offset

    def quoted_within(self, start: int, end: int) -> bool:
        """Whether any quoted range reaches into characters ``start`` to ``end``."""
        first = bisect_left(self._range_starts, start)
        return self.covers(start) or (first < len(self._range_starts) and self._range_starts[first] < end)

    def sentence_tokens(self, index: int) -> Span | None:
        return self.analysed.sentence_span(index)

    def reporting_verbs(self, index: int) -> list[Token]:
        """The cues of sentence ``index`` (the cue layer's reporting verbs), in reading order."""
        return self._verbs.get(index, [])

    def verbs_in(self, first: int, last: int) -> tuple[list[Token], int, int]:
        """The reporting verbs of sentences ``first`` to ``last``: all verbs in reading order, and
        the bounds of these sentences' verbs in it (the sentences' lists joined, without copying)."""
        if self._verb_list is None:
            self._verb_list = []
            for index in range(len(self.analysed.sentences)):
                self._verb_offsets.append(len(self._verb_list))
                self._verb_list += self.reporting_verbs(index)
            self._verb_offsets.append(len(self._verb_list))
            self._verb_position = {verb.i: k for k, verb in enumerate(self._verb_list)}
        return self._verb_list, self._verb_offsets[first], self._verb_offsets[last + 1]

    def verb_position(self, token_index: int) -> int | None:
        """Where a token stands in the list of :meth:`verbs_in`, if it is a reporting verb there."""
        return self._verb_position.get(token_index)

    def attributing_verb(self, index: int) -> Token | None:
        """The last strong reporting verb of sentence ``index`` or of the nearest sentence before it
        in the same paragraph (one pass over the sentences, not a walk back per quote)."""
        if self._attributing is None:
            sentences = self.analysed.sentences
            self._attributing = []
            for k, sentence in enumerate(sentences):
                if self._strong_verbs(k):
                    self._attributing.append(k)
                elif k > 0 and sentences[k - 1].paragraph == sentence.paragraph:
                    self._attributing.append(self._attributing[-1])
                else:
                    self._attributing.append(-1)
        found = self._attributing[index]
        return self._strong_verbs(found)[-1] if found >= 0 else None

    def _strong_verbs(self, index: int) -> list[Token]:
        return [v for v in self.reporting_verbs(index) if v.lemma_.lower() not in WEAK_REPORTING_VERBS]

    def main_subject(self, index: int) -> Token | None:
        """The first unquoted subject of the sentence's root, once per sentence."""
        if index not in self._main_subjects:
            span = self.sentence_tokens(index)
            self._main_subjects[index] = None if span is None else next(
                (t for t in span if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT" and not self._quoted[t.i]),
                None)
        return self._main_subjects[index]


# ------------------------------------------------------------------ pass 3: who said it?

class Resolver:
    """Maps subject tokens to canonical speakers, remembering who was last talked about.

    Names are looked up in indexes built once per article (mentions by word, by full name and
    by position; actors by name and by word; referents by sentence and by noun): the resolver
    is asked about every subject of the article, and scanning every entity, actor or referent
    for each question made long articles quadratic. Each lookup returns what the scan did.
    """

    def __init__(self, ctx: Context, actors: list[Actor]) -> None:
        self.ctx = ctx
        self.analysed = ctx.analysed
        self.doc = ctx.doc
        self.actors = actors
        self.people: list[tuple[int, Referent]] = []  # (token index, referent) of subjects
        self.orgs: list[tuple[int, Referent]] = []
        # people and the names that may be people (a surname the tagger left unlabelled or took
        # for a one-word organisation): the candidates for "he"/"she", in reading order
        self.animate: list[tuple[int, Referent]] = []
        self.named_people: list[tuple[int, Referent]] = []  # every PERSON name outside quotes, any role
        self.described: list[tuple[int, str, Referent]] = []  # (token, head lemma, referent)
        self._person_at: dict[int, Referent] = {}  # token index -> its first entry in people
        self._roles: dict[str, str | None] = {}
        self._ents = [e for e in self.analysed.ents if e.label_ in NAME_LABELS and not ctx.quoted_token(e.start)]
        self._actor_of_token = actor_at(self.doc)
        self._layer_referents: dict[int, Referent] = {
            span.start: span._.referent for span in self.doc.spans.get("referent", [])}
        self._layer_actors = self.doc._.actors or []
        self._mentions_of: dict[str, list[int]] = {}  # actor name -> token starts of its mentions
        for span in self.doc.spans.get("mention", []):
            self._mentions_of.setdefault(self._layer_actors[span._.actor].name, []).append(span.start)
        self._index_names()
        self._surnames: dict[str, str] | None = None
        self._written: dict[str, str | None] = {}
        self._fits: dict[tuple[int, int, int, str | None], tuple[list[int], list[Referent]]] = {}
        self._by_lemma: dict[str, tuple[list[int], list[Referent]]] | None = None
        self._by_lemma_count = 0
        self._person_words = {w for e in self.analysed.ents if e.label_ == "PERSON"
                              for w in self._clean_name(e.text).lower().split()}
        self._person_words |= {w for a in actors if a.type == "person"
                               for w in self._clean_name(a.name).lower().split()}
        self._person_names = {self._clean_name(e.text).lower() for e in self._ents
                              if e.label_ == "PERSON" or is_titled(e.root)}
        self._person_words |= {w for n in self._person_names for w in n.split()}
        self.speakers: dict[int, Referent] = {}  # reporting verb index -> who spoke
        self._genders: dict[str, str] = {}
        self._scan_subjects()
        self._learn_genders()
        for verb in ctx.cues:  # who spoke, in reading order, for "the minister said" later on
            self.speaker_of_verb(self.doc[verb])

    # -- names -------------------------------------------------------------------------
    def _index_names(self) -> None:
        """Where each name is mentioned and which names and actors hold each word, once."""
        self._ent_starts = [e.start for e in self._ents]
        self._ent_ends = [e.end for e in self._ents]
        self._ent_names = [self._clean_name(e.text) for e in self._ents]
        self._ents_with_word: dict[str, list[int]] = {}  # word -> positions in _ents
        self._mention_starts: dict[str, list[int]] = {}  # cleaned name -> token starts of its mentions
        self._name_words: dict[str, set[str]] = {}
        self._names_with_word: dict[str, list[str]] = {}  # word -> cleaned names, by first mention
        for k, (ent, full) in enumerate(zip(self._ents, self._ent_names, strict=True)):
            words = set(full.lower().split())
            if full not in self._mention_starts:
                self._mention_starts[full], self._name_words[full] = [], words
                for word in words:
                    self._names_with_word.setdefault(word, []).append(full)
            self._mention_starts[full].append(ent.start)
            for word in words:
                self._ents_with_word.setdefault(word, []).append(k)
        self._actors_named: dict[str, list[Actor]] = {}  # lower-cased name or alias -> actors
        self._actor_by_clean: dict[str, str] = {}  # cleaned lower-cased name -> first actor's name
        self._actor_roles: dict[str, str] = {}  # name -> role of the first actor so named with one
        self._actors_with_word: dict[str, list[tuple[str, set[str], int]]] = {}
        for actor in self.actors:
            for key in dict.fromkeys([actor.name.lower(), *(a.lower() for a in actor.aliases)]):
                self._actors_named.setdefault(key, []).append(actor)
            if actor.role:
                self._actor_roles.setdefault(actor.name, actor.role)
            full = self._clean_name(actor.name)
            self._actor_by_clean.setdefault(full.lower(), actor.name)
            words = set(full.lower().split())
            for word in words:
                self._actors_with_word.setdefault(word, []).append((full, words, actor.first_sentence))

    def _entity_of(self, token: Token) -> Span | None:
        ent = self.analysed.entity_at(token.i)
        return ent if ent is not None and ent.label_ in NAME_LABELS else None

    def _name_entity(self, head: Token) -> Span | None:
        """The named entity a subject phrase stands for: the head, its appositive or compound."""
        ent = self._entity_of(head)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return ent
        for child in head.children:  # "the minister, Lewis Brown," / "the company, Acme Corp,"
            if child.dep_ == "appos":
                for tok in child.subtree:
                    ent = self._entity_of(tok)
                    if ent is not None and (ent.label_ == "PERSON" or (ent.label_ == "ORG" and tok.i == child.i)):
                        return ent
        if (head.pos_ == "PROPN" and head.text[:1].isupper()) or (head.text.isupper() and len(head.text) > 1
                                                                   and head.text.isalpha()):
            # the tagger's lowercase "president" is no name; its "PETA" tagged as a noun is one
            left = head.i
            while left > 0 and self.doc[left - 1].pos_ == "PROPN" and self.doc[left - 1].head.i == head.i:
                left -= 1
            return self.doc[left:head.i + 1]
        return None

    @staticmethod
    @cache  # called for every entity at every mention: the same few strings each time
    def _clean_name(text: str) -> str:
        text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip(" \"“”'‘’,;:()"))
        words = text.split()
        while words and words[0].lower() == "the":
            words = words[1:]
        titles = [i for i, w in enumerate(words)
                  if w.lower().rstrip(".") in SPEAKER_TITLES or w.lower() in PERSON_NOUNS]
        if titles:  # "Patrol Chief James Hall", "Sen. Harry Reid": the name after the last title
            rest = len(words) - titles[-1] - 1
            if rest >= 2 or (rest == 1 and titles == list(range(len(titles)))):
                words = words[titles[-1] + 1:]
        cleaned = " ".join(words).strip(" ,;:") if words else text
        last = cleaned.rsplit(" ", 1)[-1].rstrip(".").lower()
        if cleaned.endswith(".") and last not in SPEAKER_NAME_SUFFIXES and len(last) > 1:
            cleaned = cleaned[:-1]  # a full stop glued to the name, not "Jr." or an initial
        return cleaned

    def _is_person(self, name: str, head: Token | None = None) -> bool:
        words = set(self._clean_name(name).lower().split())
        if words and words <= self._person_words:
            return True
        return head is not None and is_titled(head)

    def canonical(self, mention: str, at: int | None = None) -> str:
        """The actor's canonical name for a mention, else the fullest name the text gives it.

        A mention the actor layer clustered is that actor, by position (``Trump`` is Donald Trump,
        not Trump Tower). Otherwise a surname goes to the fullest name mentioned most recently
        before it (``Roosevelt`` after ``James Roosevelt Jr.`` is not ``Franklin Roosevelt``).
        """
        if at is not None and 0 <= at < len(self.doc) and (number := self._actor_of_token[at]) >= 0:
            known = self._actors_named.get(self._layer_actors[number].name.lower())
            if known:  # the briefing's actor (its name may have been edited) with that name or alias
                clustered = known[0].name
                if " " in clustered:
                    return clustered
                written = self._written_full_name(clustered)  # "Trip Chowdhry", when the tagger saw "Chowdhry"
                return written if written is not None and written.endswith(clustered) else clustered
        name = self._clean_name(mention)
        lowered = name.lower()
        exact = None
        for actor in self._actors_named.get(lowered, ()):  # the actors so named, in their order
            exact = actor.name
            if len(lowered.split()) > 1 or not self._longer_names(lowered, at):
                break
            exact = None
        if exact is not None and (len(lowered.split()) > 1 or exact.lower() != lowered):
            return exact
        longer = self._longer_names(lowered, at)
        if longer:
            best = max(longer, key=lambda item: (self._is_person(item[0]), item[1]))[0]
            return self._actor_by_clean.get(best.lower(), best)
        if len(lowered.split()) == 1:
            surnames = self._surnames_known()
            close = difflib.get_close_matches(lowered, list(surnames), n=1, cutoff=0.8)
            if close and close[0][:1] == lowered[:1]:
                return surnames[close[0]]
            written = self._written_full_name(name)
            if written:
                return written
        return exact or name

    def _surnames_known(self) -> dict[str, str]:
        """Last word of each full personal name -> the name (actors first, then mentions), once."""
        if self._surnames is None:
            surnames = {self._clean_name(a.name).split()[-1].lower(): a.name
                        for a in self.actors if a.type == "person" and len(a.name.split()) > 1}
            surnames.update({self._clean_name(e.text).split()[-1].lower(): self._clean_name(e.text)
                             for e in self._ents if e.label_ == "PERSON" and len(e.text.split()) > 1})
            self._surnames = surnames
        return self._surnames

    def _written_full_name(self, surname: str) -> str | None:
        """``Trip Chowdhry`` when the tagger only saw ``Chowdhry``: capitalised words before it.

        Each surname's answer is kept: the search reads the whole article.
        """
        if surname not in self._written:
            self._written[surname] = self._search_full_name(surname)
        return self._written[surname]

    def _search_full_name(self, surname: str) -> str | None:
        pattern = re.compile(r"((?:[A-Z][\w'’.-]*\s){1,2})" + re.escape(surname) + r"\b")
        matches = (match for start, end in _stretches_before(self.ctx.text, surname)
                   for match in pattern.finditer(self.ctx.text, start, end + 1))
        for match in matches:
            if self.ctx.covers(match.start()):
                continue
            words = match.group(1).split()
            while words and (self.doc.vocab[words[0].lower()].is_stop
                             or words[0].lower().rstrip(".") in SPEAKER_TITLES
                             or words[0].lower() in PERSON_NOUNS):
                words = words[1:]
            if words:
                return " ".join(words + [surname])
        return None

    def _longer_names(self, lowered: str, at: int | None) -> list[tuple[str, tuple[int, int]]]:
        """Fuller names containing the mention's words, ranked by how recently they were used."""
        tokens = set(lowered.split())
        if not tokens:
            return []
        limit = at if at is not None else len(self.doc)
        probe = next(iter(tokens))  # a fuller name holds every word of the mention, this one too
        found: dict[str, tuple[int, int]] = {}
        for full in self._names_with_word.get(probe, ()):
            if tokens < self._name_words[full]:
                starts = self._mention_starts[full]
                before = bisect_left(starts, limit)  # last mention before ``at``, else the first one
                found[full] = (1, starts[before - 1]) if before else (0, -starts[0])
        for full, words, first_sentence in self._actors_with_word.get(probe, ()):
            if tokens < words and full not in found:
                found[full] = (0, -len(self.doc) - first_sentence)
        return list(found.items())

    def role_of(self, name: str) -> str | None:
        if name in self._roles:
            return self._roles[name]
        role = self._actor_roles.get(name)
        if role is None:
            role = self._role_from_text(name)
        self._roles[name] = role
        return role

    def _role_from_text(self, name: str) -> str | None:
        """The first appositive, title or ``as ...`` phrase the article gives the speaker."""
        keys = set(self._clean_name(name).lower().split())
        # only mentions sharing a word with the name can pass the test below
        for k in sorted(set().union(*(self._ents_with_word.get(key, ()) for key in keys))):
            ent = self._ents[k]
            words = set(self._ent_names[k].lower().split())
            if ent.label_ not in SPEAKER_LABELS or not words or not words <= keys:
                continue
            if words != keys and self.canonical(ent.text, ent.start) != name:
                continue  # "President Franklin Roosevelt" is not "James Roosevelt Jr."
            root = ent.root
            for child in root.children:
                if child.dep_ == "appos" and child.i > root.i and child.pos_ == "NOUN":
                    return self.phrase(child)
            if root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN":
                return self.phrase(root.head, stop=ent.start)
            inside = [t for t in ent if t.lower_.rstrip(".") in SPEAKER_TITLES or t.lower_ in PERSON_NOUNS]
            before = [t for t in self.doc[max(ent.start - 6, 0):ent.start]
                      if t.head.i in range(ent.start, ent.end) and t.dep_ in ("compound", "amod", "poss", "nmod")]
            title = before + [t for t in inside if t.i < ent.end - 1]
            if title and any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in SPEAKER_TITLES for t in title):
                start = min(t.left_edge.i for t in title)
                end = max(t.i for t in title) + 1
                text = self.doc[start:end].text.strip(" ,\"“”")
                if text.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr") and text:
                    return text
            if root.dep_ in SUBJECT_DEPS:
                for tok in root.head.subtree:
                    if tok.lower_ == "as" and tok.dep_ == "prep":
                        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                        if obj is not None and obj.lemma_.lower() in PERSON_NOUNS:
                            return self.phrase(obj)
        return None

    def phrase(self, head: Token, stop: int | None = None) -> str:
        skip = set()
        for child in head.children:
            if child.dep_ in ("relcl", "acl", "appos") or (child.dep_ == "punct" and child.i > head.i):
                skip.update(t.i for t in child.subtree)
        tokens = [t for t in head.subtree if t.i not in skip and (stop is None or t.i < stop)]
        if not tokens:
            return head.text
        span = self.doc[tokens[0].i:tokens[-1].i + 1]
        return span.text.strip(" ,;") if len(span) <= 14 else head.text

    # -- tracking who is talked about -----------------------------------------------------
    def _scan_subjects(self) -> None:
        """Who each sentence is about, in reading order, for pronouns and descriptions later on."""
        orphans = set()
        for cue in self.ctx.cues.values():
            if cue.source is not None and self.doc[cue.source].dep_ not in SUBJECT_DEPS:
                orphans.add(cue.source)
        for ent in self._ents:  # full names only: a lone "PERSON" word is often a film or a grape
            if ent.label_ == "PERSON" and len(ent) > 1 and all(t.pos_ == "PROPN" and t.is_title for t in ent):
                name = self.canonical(ent.text, ent.root.i)
                self.named_people.append((ent.root.i, Referent(name, None, "person")))
        for token in self.doc:
            if self.ctx.in_quote(token) or not self._talked_about(token, orphans):
                continue
            if token.lower_ in PERSON_PRONOUNS or token.lower_ in GROUP_PRONOUNS:
                continue
            speaker = self.describe(token, resolve=False)
            if speaker is None:
                continue
            if speaker.kind == "person" and (speaker.name is not None or token.tag_ in ("NN", "NNP")):
                self.people.append((token.i, speaker))  # a singular referent for "he"/"she"
                self.animate.append((token.i, speaker))
                self._person_at.setdefault(token.i, speaker)
            elif speaker.kind == "org":
                self.orgs.append((token.i, speaker))
                if self._may_be_person(token):
                    self.animate.append((token.i, replace(speaker, kind="person")))
            if speaker.name is None or token.pos_ == "NOUN":
                self.described.append((token.i, token.lemma_.lower(), speaker))

    def _may_be_person(self, token: Token) -> bool:
        """A name of unknown gender is still a candidate for "he": one the tagger gave no label, or
        a lone capitalised word it took for an organisation ("Burton explained"), not an acronym."""
        if token.pos_ != "PROPN" or token.text.isupper() or any(c.dep_ == "compound" for c in token.children):
            return False
        ent = self._entity_of(token)
        if ent is not None and (ent.label_ != "ORG" or len(ent) > 1):
            return False
        known = self._actors_named.get(self._clean_name(token.text).lower(), [])
        return not any(actor.type != "person" and actor.mentions > 1 for actor in known)

    @staticmethod
    def _talked_about(token: Token, orphans: set[int]) -> bool:
        """Subjects, ``according to X``, ``X's`` owning a subject, and names the parser left verbless."""
        if token.i in orphans or token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            return True
        return token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN"

    def _last(self, items: list[tuple[int, Referent]], before: int, sentence_start: int,
              gender: str | None = None) -> Referent | None:
        """The most recent referent: earlier in this sentence, else the main one of the last sentence."""
        indices, speakers = self._fitting(items, gender)
        count = bisect_left(indices, before)  # the referents before ``before``
        if not count:
            return None
        if indices[count - 1] >= sentence_start:
            return speakers[count - 1]
        sentence_of = self.ctx.analysed.sentence_of_token
        last_sentence = sentence_of(indices[count - 1])
        first = count - 1
        while first > 0 and sentence_of(indices[first - 1]) == last_sentence:
            first -= 1
        for k in range(first, count):
            if self.doc[indices[k]].head.dep_ == "ROOT" and self.doc[indices[k]].dep_ in SUBJECT_DEPS:
                return speakers[k]
        return speakers[first]

    def _pronoun_referent(self, token: Token, sentence_start: int, gender: str) -> Referent | None:
        """Who "he"/"she" is: the person last talked about (a subject), unless the sentence just
        before talks about no one so and names a person in full otherwise ("Police arrested John
        Smith. “I am innocent,” he said."): then that person."""
        subject = self._last(self.animate, token.i, sentence_start, gender)
        sentence_of = self.analysed.sentence_of_token
        previous = sentence_of(token.i) - 1
        indices, _ = self._fitting(self.animate, gender)
        count = bisect_left(indices, token.i)
        if count and sentence_of(indices[count - 1]) >= previous:
            return subject
        indices, speakers = self._fitting(self.named_people, gender)
        count = bisect_left(indices, token.i)
        if count and sentence_of(indices[count - 1]) >= previous:
            return speakers[count - 1]
        return subject

    def _fitting(self, items: list[tuple[int, Referent]], gender: str | None) -> tuple[list[int], list[Referent]]:
        """The referents of ``items`` (``people`` or ``orgs``, in reading order) that fit ``gender``,
        filtered once: both lists (and the genders learnt) are complete before anyone asks."""
        key = (id(items), len(items), len(self._genders), gender)
        if key not in self._fits:
            kept = [(i, s) for i, s in items if self._gender_fits(i, gender)]
            self._fits[key] = ([i for i, _ in kept], [s for _, s in kept])
        return self._fits[key]

    def _learn_genders(self) -> None:
        """``Elizabeth Prelogar is ... She responds``: the pronouns that follow a lone named person."""
        votes: dict[str, list[str]] = {}
        sentences = self.ctx.analysed.sentences
        named: dict[int, set[str]] = {}
        for i, speaker in self.people:
            if speaker.name is not None:
                named.setdefault(self.ctx.analysed.sentence_of_token(i), set()).add(speaker.name)
        for index in range(len(sentences)):
            names = named.get(index, set())
            if len(names) != 1:
                continue
            window = [index] + ([index + 1] if index + 1 < len(sentences) and not named.get(index + 1) else [])
            for k in window:
                span = self.ctx.sentence_tokens(k)
                for token in span if span is not None else []:
                    if self.ctx.in_quote(token):
                        continue
                    if token.lower_ in ("he", "him", "his"):
                        votes.setdefault(next(iter(names)), []).append("male")
                    elif token.lower_ in ("she", "her", "hers"):
                        votes.setdefault(next(iter(names)), []).append("female")
        for name, said in votes.items():
            male, female = said.count("male"), said.count("female")
            if male != female:
                self._genders[name] = "male" if male > female else "female"

    def _gender_fits(self, index: int, gender: str | None) -> bool:
        if gender is None:
            return True
        token = self.doc[index]
        words = {token.lemma_.lower()} | {c.lower_.rstrip(".") for c in token.children}
        first = self._person_at.get(index)
        known = self._genders.get(first.name or "") if first is not None else None
        if known is not None:
            return known == gender
        if gender == "male":
            return not words & FEMALE_NOUNS
        return not words & MALE_NOUNS

    # -- from a subject token to a speaker -------------------------------------------------
    def describe(self, token: Token, resolve: bool = True) -> Referent | None:
        lower = token.lower_
        sentence_start = self.analysed.sent_bounds(token.i)[0]
        if resolve and token.i in self._layer_referents:  # resolved once, by the referents layer
            found = self._layer_referents[token.i]
            return replace(found, name=self.canonical(found.name) if found.name else None)
        if lower in PERSON_PRONOUNS:
            if not resolve:
                return None
            gender = "male" if lower in ("he", "him") else "female"
            return resolved(self._pronoun_referent(token, sentence_start, gender))
        if lower in GROUP_PRONOUNS:
            if not resolve or lower != "it":
                return None
            return resolved(self._last(self.orgs, token.i, sentence_start))
        ent = self._name_entity(token)
        if ent is not None and ent.label_ == "NORP" and token.tag_ == "NNP" and definiteness(token):
            # "said a Texas Democrat": a description, not a name; "the California Republican"
            # is someone introduced so before, or stays unnamed
            if definiteness(token) == "Ind" or not resolve:
                return Referent(None, self.phrase(token), "person")
            return (resolved(self._apposed(token) or self.latest_person(token.i, sentences_back=1))
                    or Referent(None, self.phrase(token), "person"))
        acronym = token.text.isupper() and len(token.text) > 1 and token.text.isalpha()
        if ent is not None and (token.pos_ == "PROPN" or acronym or ent.label_ == "PERSON"
                                or not ent.start <= token.i < ent.end):
            name = self.canonical(ent.text, token.i)
            kind = "person" if ent.label_ == "PERSON" or self._is_person(name, token) else "org"
            partners = self._joint_speakers(token) if resolve else []
            if partners:  # "reply Burton and Nick": they speak together
                return Referent(" and ".join([name, *partners]), None, kind)
            return Referent(name, self.role_of(name), kind)
        if token.pos_ not in ("NOUN", "PRON", "NUM", "ADJ") and not (token.pos_ == "PROPN" and token.is_lower):
            return None
        if token.dep_ == "appos" and token.head.i < token.i and self._entity_of(token.head) is not None:
            return self.describe(token.head, resolve)  # "SAG-AFTRA, the actors' union, called ..."
        lemma = token.lemma_.lower()
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        if determiner == "the" and resolve and (named := self._actor_so_described(token)) is not None:
            return resolved(named)  # "the hurricane center" is the National Hurricane Center
        if (possessor is not None and lemma in ORGANISATION_NOUNS and lemma not in PERSON_NOUNS
                and self._entity_of(possessor) is not None):
            return Referent(self.doc[possessor.left_edge.i:token.i + 1].text, None, "org")
        is_person = lemma in PERSON_NOUNS or token.lower_.endswith("year-old")
        if lemma in SPOKESPERSON_NOUNS and (employer := self._employer(token)) is not None:
            return Referent(employer, self.phrase(token), "org")
        if not is_person:
            if lemma in ORGANISATION_NOUNS and determiner == "the" and resolve:
                return resolved(self._definite(token, lemma, "org"))
            if lemma in DOCUMENT_NOUNS and resolve and (issuer := self._issuer(token)) is not None:
                return issuer  # "a statement from Delta Air Lines", "Microsoft's report"
            if lemma in DOCUMENT_NOUNS and (determiner == "the" or possessor is not None) and resolve:
                return self._document_author(token, lemma)
            if token.pos_ == "NOUN" and resolve:
                return Referent(None, self.phrase(token), "other")
            return None
        if (determiner == "the" or possessor is not None) and resolve:
            return resolved(self._definite(token, lemma, "person"))
        return Referent(None, self.phrase(token), "person")

    def _definite(self, token: Token, lemma: str, kind: str) -> Referent | None:
        """``the minister``: an earlier phrase with the same noun, a speaker so described, or the last one.

        ``his father``, ``her lawyer``: a noun with a possessor names someone *related to* the
        possessor, so it never falls back to whoever was last talked about (the gunman's father is
        not the gunman); unmatched, it stays a description with no name."""
        indices, speakers = self._described_as(lemma)
        earlier = bisect_left(indices, token.i)
        if earlier:
            return speakers[earlier - 1]
        age = re.match(r"(\d+)-year-old", token.lower_)
        if age:
            return self._aged(age.group(1), token.i)
        described = [actor for actor in self.actors
                     if lemma in (actor.role or self.role_of(actor.name) or "").lower().split()]
        if described:  # "the president" of two presidents is the one named last before it
            actor = max(described, key=lambda a: (self._last_mention(a.name, token.i), -self.actors.index(a)))
            return Referent(actor.name, actor.role or self.role_of(actor.name), kind)
        if any(c.dep_ == "poss" for c in token.children):
            return Referent(None, self.phrase(token), kind)
        spoken = [s for i, s in sorted(self.speakers.items()) if i < token.i and s.kind == kind]
        if spoken:
            return spoken[-1]
        items = self.people if kind == "person" else self.orgs
        return self._last(items, token.i, self.analysed.sent_bounds(token.i)[0])

    def _last_mention(self, name: str, before: int) -> int:
        """Where the actor ``name`` was last named before token ``before`` (-1: not before it)."""
        starts = self._mentions_of.get(name, [])
        count = bisect_left(starts, before)
        return starts[count - 1] if count else -1

    def _employer(self, token: Token) -> str | None:
        """The organisation a spokesperson speaks for, as the article names it: "a spokesman for
        Google", "a Google spokeswoman", "Google's spokesperson"."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ in ("compound", "poss", "nmod"):
                target = child
            else:
                continue
            ent = self._entity_of(target) if target is not None else None
            if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and not self.ctx.in_quote(target):
                return self.canonical(ent.text, target.i)
        return None

    def _actor_so_described(self, token: Token) -> Referent | None:
        """``the hurricane center``: the one organisation whose name holds every word of the
        description (two or more words, so "the company" alone is left to the other rules)."""
        words = {t.lower_ for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct")}
        if len(words) < 2:
            return None
        named = [a for a in self.actors if a.type == "organization"
                 and words <= set(self._clean_name(a.name).lower().split())]
        if len(named) != 1:
            return None
        return Referent(named[0].name, self.role_of(named[0].name), "org")

    def _joint_speakers(self, token: Token) -> list[str]:
        """The other names a source is coordinated with ("Burton and Nick"), each canonical."""
        partners = []
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ == "PROPN" and not self.ctx.in_quote(child):
                ent = self._name_entity(child)
                if ent is not None:
                    partners.append(self.canonical(ent.text, child.i))
        return partners

    def _apposed(self, token: Token) -> Referent | None:
        """``the California Republican``: the person named earlier with those words in their
        apposition (``Rep. Ed Royce, a California Republican,``), the latest first."""
        words = {t.lower_ for t in token.subtree if t.dep_ != "det" and not t.is_punct}
        for k in range(bisect_left(self._ent_starts, token.i) - 1, -1, -1):
            ent = self._ents[k]
            if ent.label_ != "PERSON":
                continue
            for child in ent.root.children:
                if child.dep_ == "appos" and words <= {t.lower_ for t in child.subtree}:
                    name = self.canonical(ent.text, ent.start)
                    return Referent(name, self.role_of(name), "person")
        return None

    def latest_person(self, before: int, sentences_back: int, other_than: str | None = None) -> Referent | None:
        """The person named most recently before token ``before``, at most ``sentences_back``
        sentences back, who is not ``other_than``: who "the Alabama Republican" of newswire is
        ("Sen. Tommy Tuberville was blunt ... “...,” the Alabama Republican said"), or the other
        party of a two-person exchange."""
        first_sentence = self.analysed.sentence_of_token(min(before, len(self.doc) - 1)) - sentences_back
        for k in range(bisect_left(self._ent_starts, before) - 1, -1, -1):
            ent = self._ents[k]
            if self.analysed.sentence_of_token(ent.start) < first_sentence:
                break
            if ent.label_ != "PERSON":
                continue
            name = self.canonical(ent.text, ent.start)
            if other_than is None or (name != other_than and not set(name.split()) <= set(other_than.split())):
                return Referent(name, self.role_of(name), "person")
        return None

    def _issuer(self, token: Token) -> Referent | None:
        """The organisation or person a document names as its source: "a statement from X",
        "a report by X", "X's statement"."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "poss":
                target = child
            else:
                continue
            ent = self._entity_of(target) if target is not None else None
            if ent is not None and ent.label_ in SPEAKER_LABELS and not self.ctx.in_quote(target):
                name = self.canonical(ent.text, target.i)
                kind = "person" if ent.label_ == "PERSON" else "org"
                return Referent(name, self.phrase(token), kind)
        return None

    def _document_author(self, token: Token, lemma: str) -> Referent:
        """``the report said``: whoever released the report, named as the subject of the verb that
        takes an earlier mention of it as object ("The district released its internal report"),
        with that mention as the role; else the document itself, unnamed."""
        for k in range(token.i - 1, -1, -1):
            earlier = self.doc[k]
            if earlier.lemma_.lower() != lemma or earlier.dep_ not in ("dobj", "nsubjpass", "pobj") or self.ctx.in_quote(earlier):
                continue
            verb = earlier.head if earlier.dep_ != "pobj" else earlier.head.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and not self.ctx.in_quote(c)), None)
            if subject is None or subject.lower_ in PERSON_PRONOUNS or subject.lower_ in GROUP_PRONOUNS:
                continue
            author = self.describe(subject)
            if author is not None:
                role = " ".join(t.text for t in earlier.subtree if t.dep_ not in ("poss", "det", "case")
                                and earlier.left_edge.i <= t.i <= earlier.i)
                return Referent(author.name, role or self.phrase(token), author.kind,
                                "resolved" if author.name else "explicit")
            break
        return Referent(None, self.phrase(token), "other")

    def _described_as(self, lemma: str) -> tuple[list[int], list[Referent]]:
        """The phrases headed by ``lemma`` (token indices in reading order, referents), indexed once."""
        if self._by_lemma is None or self._by_lemma_count != len(self.described):
            self._by_lemma, self._by_lemma_count = {}, len(self.described)
            for i, head_lemma, speaker in self.described:
                indices, speakers = self._by_lemma.setdefault(head_lemma, ([], []))
                indices.append(i)
                speakers.append(speaker)
        return self._by_lemma.get(lemma, ([], []))

    def _aged(self, age: str, before: int) -> Referent | None:
        """``the 52-year-old``: the person introduced as ``Name, 52,``."""
        for k in range(bisect_left(self._ent_starts, before) - 1, -1, -1):  # the names before, latest first
            ent = self._ents[k]
            following = [t.text for t in self.doc[ent.end:ent.end + 3]]
            if age in following:
                name = self.canonical(ent.text, ent.start)
                return Referent(name, self.role_of(name), "person")
        return self._last(self.people, before, self.analysed.sent_bounds(before)[0])

    def subject_of(self, verb: Token) -> Token | None:
        """The source the cue layer found for a reporting verb."""
        cue = self.ctx.cues.get(verb.i)
        return self.doc[cue.source] if cue is not None and cue.source is not None else None

    def speaker_of_verb(self, verb: Token) -> Referent | None:
        sent_start = self.analysed.sent_bounds(verb.i)[0]
        age = _age_before(self.ctx.text, self.analysed.token_starts[sent_start], verb.idx)
        subject = self.subject_of(verb)
        if age is not None and (subject is None or subject.i < sent_start):
            speaker = resolved(self._aged(age.group(1), verb.i))
        elif subject is None:
            return None
        else:
            speaker = self.describe(subject)
        if speaker is not None:
            self.speakers[verb.i] = speaker
        return speaker


def definiteness(token: Token) -> str | None:
    """``Def`` or ``Ind`` from the token's article (the model's ``Definite`` feature), if it has one."""
    for child in token.children:
        if child.dep_ == "det" and child.morph.get("Definite"):
            return child.morph.get("Definite")[0]
    return None


def resolved(speaker: Referent | None) -> Referent | None:
    """The speaker, marked as found through a pronoun, a description or the context."""
    return None if speaker is None else replace(speaker, how="resolved")


NAME_WORD_CHAR = re.compile(r"[\w'’.-]")
SPACE_CHAR = re.compile(r"\s")


def _stretches_before(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``((?:[A-Z][\\w'’.-]*\\s){1,2})word\\b`` can match, in reading order: ``word`` after a
    space with the two words before it (overlapping stretches joined).

    A match lies inside one stretch, so searching the stretches (a fast ``str.find`` for the
    word, then the pattern on a few characters) finds the matches a search of the whole text
    finds, in the same order; running the pattern over the whole article for each name made
    long articles quadratic.
    """
    current: tuple[int, int] | None = None
    found = text.find(word)
    while found != -1:
        if found > 0 and SPACE_CHAR.match(text, found - 1):
            start, spaces = found, 0
            while start > 0:  # back over at most two words, each ended by one space
                if SPACE_CHAR.match(text, start - 1):
                    if spaces == 2:
                        break
                    spaces += 1
                elif not NAME_WORD_CHAR.match(text, start - 1):
                    break
                start -= 1
            end = found + len(word)
            if current is not None and start <= current[1]:
                current = (current[0], end)
            else:
                if current is not None:
                    yield current
                current = (start, end)
        found = text.find(word, found + 1)
    if current is not None:
        yield current


def _age_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``AGE_BEFORE.search(text[lo:hi])`` (``..., the 52-year-old said``), reading only the end of
    a long stretch: the match must end the stretch, so the words before a reporting verb need not
    be copied and searched again for every verb of a long sentence."""
    start = max(lo, hi - AGE_WINDOW)
    tail = text[start:hi]
    match = AGE_BEFORE.search(tail)
    if start == lo or (match is not None and match.start() > 0):
        return match
    stripped = tail.rstrip()
    if match is None and len(stripped) >= len("-year-old") and not stripped.lower().endswith("-year-old"):
        return None  # a match starting before the tail would end the tail with "-year-old"
    return AGE_BEFORE.search(text[lo:hi])



if not Span.has_extension("referent"):
    Span.set_extension("referent", default=None)


# The pronouns the layer resolves: "he"/"she" to people, "it" to organisations.
RESOLVED_PRONOUNS = PERSON_PRONOUNS | {"it"}


def find_referents(doc: Doc) -> dict[str, list[Span]]:
    """The resolved third-person pronouns outside quotations, in reading order."""
    index = DocIndex(doc)
    resolver = Resolver(Context(index), actors_of(doc))
    spans = []
    for token in doc:
        if token.pos_ != "PRON" or index.in_quotation(token.i) or token.lower_ not in RESOLVED_PRONOUNS:
            continue
        referent = resolver.describe(token)
        if referent is not None and referent.name is not None:
            span = Span(doc, token.i, token.i + 1, label=referent.kind)
            span._.referent = referent
            spans.append(span)
    return {"referent": spans}


@Language.factory("referents", assigns=["doc.spans"], requires=["doc.spans", "token.morph"])
def make_referent_finder(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return guarded_layer(name, find_referents)
