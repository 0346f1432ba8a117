"""Roles: the office or description the article itself gives an actor, in its own words.

Three constructions carry a role in news copy: a title before the name ("Defense Secretary
Robert Gates"), an apposition ("Binyah Kesselly, chairman of the board ...", "Liberia's
information minister, Lewis Brown,") and "as" ("visiting Ukraine as Canada’s prime minister").

The sentence around a mention comes from the article's index (``DocIndex.sent_bounds``),
not ``Token.sent``, which walks the sentence on every call: once per mention, that made long
sentences quadratic.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..vocabulary import (
    CLAUSE_STARTS,
    DETERMINERS,
    HONORIFICS,
    ROLE_SUFFIXES,
    ROLE_WORDS,
    TITLE_CONNECTORS,
)
from .actor_mentions import Mention
from .index import DocIndex

STOPS = frozenset({",", ".", ";", ":", "—", "–", "--", "(", ")", '"', "“", "”"})
MAX_APPOSITION = 20
HEAD_ZONE = 4  # the office word must come early: "a senior climate scientist at ...", not "... Sen."
FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_role_word(token: Token) -> bool:
    word = token.lower_
    if word in ROLE_WORDS:
        return True
    return token.pos_ == "NOUN" and len(word) > 4 and word.endswith(ROLE_SUFFIXES)


def _text(doc: Doc, start: int, end: int) -> str:
    while start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1
    return doc[start:end].text if start < end else ""


def title_before(analysed: DocIndex, mention: Mention) -> str:
    """Capitalised words (and lower-case office words) right before the name: "House Minority Leader"."""
    doc = analysed.doc
    sentence_start = analysed.sent_bounds(mention.start)[0]
    i = mention.start - 1
    if i >= 0 and doc[i].lower_ in DETERMINERS:
        return ""
    if i >= 0 and doc[i].lower_ in TITLE_CONNECTORS and doc[i].lower_ not in ("-", "elect"):
        return ""
    while i >= sentence_start:
        token = doc[i]
        if token.text in (".", ",") or token.is_space or token.text in STOPS or token.ent_type_ == "PERSON":
            break
        if token.lower_ in TITLE_CONNECTORS or (token.is_title or token.is_upper or token.lower_ in ROLE_WORDS):
            if token.lower_ in DETERMINERS:
                break
            i -= 1
            continue
        break
    start = i + 1
    while start < mention.start and doc[start].lower_ in TITLE_CONNECTORS:
        start += 1
    tokens = doc[start:mention.start]
    words = [t for t in tokens if t.lower_ not in TITLE_CONNECTORS]
    if not words or not any(t.lower_ in ROLE_WORDS or t.lower_ in HONORIFICS for t in words):
        return ""
    if all(t.lower_ in HONORIFICS for t in words):
        return ""
    return tokens.text


def apposition_after(analysed: DocIndex, mention: Mention) -> str:
    """"NAME, a spokesman for the Pennsylvania Department of Transportation," → the description."""
    doc = analysed.doc
    end = mention.end
    if end >= len(doc) or doc[end].text != ",":
        return ""
    sentence_end = analysed.sent_bounds(mention.start)[1]
    j = end + 1
    while j < sentence_end and doc[j].text not in STOPS and j - end <= MAX_APPOSITION:
        j += 1
    phrase = doc[end + 1:j]
    if not len(phrase) or len(phrase) > MAX_APPOSITION or phrase[0].lower_ in CLAUSE_STARTS:
        return ""
    first = phrase[0]
    if (first.pos_ in ("AUX", "PRON", "NUM", "ADP") or first.like_num
            or (first.pos_ == "VERB" and first.tag_ != "VBG")):
        return ""
    if any(t.tag_ in FINITE_VERBS for t in phrase):
        return ""
    head_zone = [t for t in phrase if t.lower_ not in DETERMINERS][:HEAD_ZONE]
    if not any(_is_role_word(t) for t in head_zone):
        return ""
    return _text(doc, phrase.start, phrase.end)


def apposition_before(analysed: DocIndex, mention: Mention) -> str:
    """"Liberia's information minister, Lewis Brown, said" → "Liberia's information minister"."""
    doc = analysed.doc
    start = mention.start
    if start < 2 or doc[start - 1].text != "," or mention.end >= len(doc) or doc[mention.end].text != ",":
        return ""
    sentence_start = analysed.sent_bounds(start)[0]
    i = start - 2
    while i >= sentence_start and doc[i].text not in STOPS:
        i -= 1
    phrase = doc[i + 1:start - 1]
    if not len(phrase) or len(phrase) > 10 or not _is_role_word(phrase[-1]):
        return ""
    if any(t.tag_ in FINITE_VERBS for t in phrase):
        return ""
    return _text(doc, phrase.start, phrase.end)


def as_phrase(doc: Doc, mention: Mention) -> str:
    """"Carney is visiting Ukraine ... as Canada’s prime minister" → "Canada’s prime minister"."""
    root = doc[mention.end - 1]
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    verb = root.head
    for token in verb.subtree:
        if token.lower_ != "as" or token.dep_ != "prep":
            continue
        ancestor = token.head
        while ancestor != verb and ancestor.pos_ not in ("VERB", "AUX"):
            ancestor = ancestor.head
        if ancestor != verb:
            continue
        objects = [child for child in token.children if child.dep_ == "pobj"]
        if not objects or not _is_role_word(objects[0]):
            continue
        subtree = list(objects[0].subtree)
        return _text(doc, subtree[0].i, subtree[-1].i + 1)
    return ""


def find_role(analysed: DocIndex, mentions: list[Mention]) -> tuple[str | None, list[str]]:
    """The first role the article gives, and the descriptions that can stand for the actor.

    Appositions and "as" phrases beat a bare title at the same mention: they are the fuller
    wording. Definite descriptions ("Canada’s prime minister") are returned as aliases too.
    """
    doc = analysed.doc
    role: str | None = None
    descriptions: list[str] = []
    for mention in mentions:
        found = [
            (as_phrase(doc, mention), True),
            (apposition_after(analysed, mention), True),
            (apposition_before(analysed, mention), True),
            (mention.title or title_before(analysed, mention), False),
        ]
        for text, descriptive in found:
            if not text:
                continue
            if role is None:
                role = text
            if descriptive and _definite(text) and text not in descriptions:
                descriptions.append(text)
    return role, descriptions


def _definite(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and ("'s" in text or "’s" in text or words[0][0].isupper())
