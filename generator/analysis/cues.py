"""Attribution cues: the reporting verbs (and "according to") and the source each attributes to.

One cue per reporting verb outside a quotation, in reading order, written to
``doc.spans["cue"]``; each span carries a :class:`Cue` in ``Span._.cue``. The source is the
verb's subject as the parse gives it, climbing from a participle or a clause to the verb that
has one ("..., Smith said, adding ..."), else the name standing next to the verb when the parser
left it without a subject ("..., Chief Executive X said"). Who that source *is* (a pronoun, a
description, a surname) is the reader's question, answered by the quote extractor's resolver;
here is only where the words are.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..vocabulary import ANSWER_NOUNS, DOCUMENT_NOUNS, PERSON_NOUNS, WEAK_REPORTING_VERBS
from .guard import guarded_layer
from .index import DocIndex
from .verbs import is_reporting_verb

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Labels of the entities that can name a source.
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE", "FAC")
# Dependencies a cue climbs through to find the subject of the verb above it.
CLIMB_DEPS = ("csubj", "advcl", "xcomp", "conj", "pcomp", "prep", "relcl", "acl", "ccomp", "dep", "pobj")

if not Span.has_extension("cue"):
    Span.set_extension("cue", default=None)


@dataclass(frozen=True)
class Cue:
    """A reporting verb and the source it attributes to, by token index.

    ``weak`` verbs (``call``, ``describe``) have a common sense that is not speech: they attribute
    only what they govern. ``source`` is the head token of the phrase naming who spoke, if any.
    A ``turn`` cue ("came the reply") names no one: the other party of the exchange speaks.
    """

    verb: int
    lemma: str
    weak: bool
    source: int | None
    turn: bool = False


def is_titled(head: Token) -> bool:
    """``Shannon Cross, an analyst``, ``tomato farmer Lana Boatwright``: a person by description."""
    return any(c.dep_ in ("appos", "compound") and c.lemma_.lower() in PERSON_NOUNS for c in head.children)


class _Sources:
    """Finds each verb's source; the named entities outside quotations are indexed once."""

    def __init__(self, index: DocIndex, quoted: Callable[[int], bool]) -> None:
        self.index = index
        self.doc = index.doc
        self.quoted = quoted
        self.ents = [e for e in index.ents if e.label_ in NAME_LABELS and not quoted(e.start)]
        self.ent_starts = [e.start for e in self.ents]
        self.ent_ends = [e.end for e in self.ents]
        # "X, chairman of Y," ahead of a verb: the mentions followed by a comma and titled
        self.titled_before_comma = [k for k, e in enumerate(self.ents) if e.end < len(self.doc)
                                    and self.doc[e.end].text == "," and is_titled(e.root)]
        self.titled_ends = [self.ents[k].end for k in self.titled_before_comma]

    def source_of(self, verb: Token) -> Token | None:
        if verb.lower_ == "according":
            to = next((c for c in verb.children if c.lower_ == "to"), None)
            if to is not None:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        current, hops = verb, 0
        while hops < 4:
            subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and not self.quoted(c.i)]
            subject = min(subjects, key=lambda c: abs(c.i - current.i)) if subjects else None
            if subject is not None:
                return subject
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                return current.head
            if current.dep_ == "xcomp":  # "prompted Engoron to quip": the object speaks, not the subject
                controller = next((c for c in current.head.children if c.dep_ == "dobj" and not self.quoted(c.i)), None)
                if controller is not None and controller.pos_ in ("PROPN", "NOUN", "PRON"):
                    return controller
            if current.dep_ not in CLIMB_DEPS or current.head.i == current.i or self.quoted(current.head.i):
                break
            current, hops = current.head, hops + 1
        return self._nearby_name(verb)

    def _nearby_name(self, verb: Token) -> Token | None:
        """Parser gave the verb no subject: the name just before it (``..., Chief Executive X said``)."""
        sent_start, sent_end = self.index.sent_bounds(verb.i)
        ending = self.ents[bisect_left(self.ent_ends, verb.i - 3):bisect_right(self.ent_ends, verb.i)]
        before = [e for e in ending if sent_start <= e.start and (e.root.dep_ != "pobj" or e.label_ == "PERSON")]
        if before:
            return before[-1].root
        if verb.i > 0 and self.doc[verb.i - 1].text == ",":  # "X, chairman of Y, told reporters"
            last = bisect_left(self.titled_ends, verb.i) - 1
            if last >= 0 and self.ents[self.titled_before_comma[last]].start >= sent_start:
                return self.ents[self.titled_before_comma[last]].root
        starting = self.ents[bisect_right(self.ent_starts, verb.i):bisect_right(self.ent_starts, verb.i + 2)]
        after = [e for e in starting if e.end <= sent_end]
        return after[0].root if after else None


def _is_turn_cue(token: Token) -> bool:
    """``came the reply``, ``the answer came``: an answer noun as the subject of "come"."""
    return token.lemma_ == "come" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ANSWER_NOUNS for c in token.children)


def _is_document_reading(token: Token) -> bool:
    """``the statement read``: a document "reads" what its authors wrote."""
    return token.lemma_ == "read" and token.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children)


def find_cues(doc: Doc) -> list[Span]:
    """The cue spans of a document whose quotations are already marked."""
    index = DocIndex(doc)
    quoted = index.quoted
    sources = _Sources(index, quoted.__getitem__)
    cues = []
    for token in doc:
        if quoted[token.i]:
            continue
        if _is_turn_cue(token):
            span = Span(doc, token.i, token.i + 1, label="cue")
            span._.cue = Cue(token.i, token.lemma_.lower(), False, None, turn=True)
            cues.append(span)
            continue
        if not (is_reporting_verb(token) or _is_document_reading(token)):
            continue
        source = sources.source_of(token)
        span = Span(doc, token.i, token.i + 1, label="cue")
        span._.cue = Cue(token.i, token.lemma_.lower(), token.lemma_.lower() in WEAK_REPORTING_VERBS,
                         source.i if source is not None else None)
        cues.append(span)
    return cues


@Language.factory("attribution_cues", assigns=["doc.spans"], requires=["token.dep", "token.lemma", "doc.ents"],
                  default_config={"spans_key": "cue"})
def make_cue_finder(nlp: Language, name: str, spans_key: str) -> Callable[[Doc], Doc]:
    return guarded_layer(name, lambda doc: {spans_key: find_cues(doc)})
