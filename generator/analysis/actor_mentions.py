"""Mentions: every place the article names someone, cleaned of what the tagger gets wrong.

spaCy's spans are the starting point; this module repairs the spans (possessives, a leading
"the", honorifics, names cut short such as "Group of" + "Seven"), adds nicknamed names
(Lee “Faker” Sang-hyeok) and drops what names no actor (works in quotation marks, programmes,
events).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span

from ..vocabulary import (
    AWARD_WORDS,
    CREDIT_LINE_STARTS,
    EVENT_WORDS,
    GEOLOGICAL_SUFFIXES,
    HONORIFICS,
    NON_ACTORS,
    PORTFOLIOS,
    POSSESSIVES,
    ROLE_WORDS,
    SURNAME_EVENT_WORDS,
    VESSEL_PREFIXES,
)
from .gazetteer import gazetteer, normalise
from .index import DocIndex
from .quotations import quoted_alone

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
NICKNAME = re.compile(
    r"\b(?P<given>[A-Z][\w-]*) [“\"](?P<nick>[^”\"\s]{2,20})[”\"] (?P<family>[A-Z][\w]*(?:-[\w]+)?)"
)


@dataclass
class Mention:
    """One naming of an actor: ``text`` is the core name, ``surface`` what the article wrote."""

    text: str
    surface: str
    label: str
    start: int
    end: int
    sentence: int
    title: str = ""
    extra_aliases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return normalise(self.text)

    @property
    def words(self) -> list[str]:
        return self.text.split()


def strip_possessive(text: str) -> str:
    for suffix in POSSESSIVES[:2]:
        if text.endswith(suffix):
            return text[: -len(suffix)].rstrip()
    if text.endswith(POSSESSIVES[2:]) and text[:-1].endswith("s"):
        return text[:-1]
    return text


def _extend(doc: Doc, span: Span) -> Span:
    """Repair names the tagger cut short: "Group of" + "Seven", "Center for Medium-Range" + "Weather"."""
    end = span.end
    while end < len(doc):
        last, token = doc[end - 1], doc[end]
        connector = last.lower_ in ("of", "for", "and", "&") and (
            token.is_title or token.ent_type_ == "CARDINAL" or token.is_upper)
        continued = (span.label_ == "ORG" and token.is_title and not token.is_sent_start
                     and token.ent_type_ in ("", "ORG") and token.pos_ in ("PROPN", "NOUN")
                     and "\n" not in last.whitespace_ and token.lower_ not in ROLE_WORDS
                     and last.text not in POSSESSIVES)
        if not (connector or continued):
            break
        end += 1
    if end < len(doc) and doc[end].lower_ in ROLE_WORDS and doc[end - 1].lower_ not in ("of", "for"):
        end = max(span.end, min(end, span.end))
    return doc[span.start:end] if end != span.end else span


def _is_quoted_title(doc: Doc, start: int, end: int) -> bool:
    """“Joker”, “The Irishman”: a name alone inside quotation marks (the whole of a quoted span
    of the quotations layer, maybe after "the" or "a") is a work's title."""
    if quoted_alone(doc, start, end):
        return True
    return start > 0 and doc[start - 1].lower_ in ("the", "a") and quoted_alone(doc, start - 1, end)


def _split_list(doc: Doc, span: Span) -> list[Span]:
    """"Meyer, Saban" tagged as one name: a list of single names is split into its names."""
    if "," not in span.text:
        return [span]
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            parts.append(doc[start:token.i])
            start = token.i + 1
    parts.append(doc[start:span.end])
    if all(len(part) == 1 and part[0].is_title for part in parts):
        return parts
    return [span]


def _is_event_year(doc: Doc, end: int) -> bool:
    """"Worlds 2023", "Euro 2024": a name followed by a year is an event."""
    return end < len(doc) and doc[end].shape_ == "dddd" and doc[end].ent_type_ in ("DATE", "CARDINAL", "")


def _is_portfolio(doc: Doc, start: int, end: int, text: str) -> bool:
    """"State" in "Secretary of State", "Defense" in "Defense Secretary": part of a title."""
    if end - start != 1 or text.lower() not in PORTFOLIOS:
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    before = [t.lower_ for t in doc[max(start - 2, 0):start]]
    return after in ROLE_WORDS or (len(before) == 2 and before[1] == "of" and before[0] in ROLE_WORDS)


def _nickname_mentions(analysed: DocIndex) -> list[Mention]:
    doc = analysed.doc
    mentions = []
    for match in NICKNAME.finditer(analysed.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        full = f"{match['given']} “{match['nick']}” {strip_possessive(match['family'])}"
        plain = f"{match['given']} {strip_possessive(match['family'])}"
        mentions.append(Mention(
            text=full, surface=full, label="PERSON", start=span.start, end=span.end,
            sentence=analysed.sentence_of_token(span.start), extra_aliases=[match["nick"], plain],
        ))
    return mentions


# "WASHINGTON (AP) —", "LONDON (Reuters) -": a dateline in capitals, then the agency in brackets.
DATELINE_CREDIT = re.compile(r"(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+)*)\s*\(([^()\n]{1,40})\)\s*[-—–]")


def collect_mentions(analysed: DocIndex) -> list[Mention]:
    """Every actor-like name in reading order, cleaned; no two mentions overlap."""
    doc = analysed.doc
    mentions = _nickname_mentions(analysed)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    credits = _credited(analysed)
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or ent.start in credits:
            continue
        ent = _within_sentence(analysed, ent)
        span = _extend(doc, ent)
        if any(i in taken for i in range(span.start, span.end)):
            continue
        for part in _split_list(doc, span):
            mention = _clean(analysed, part, ent.label_)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(part.start, part.end))
    mentions += _gazetteer_mentions(analysed, taken | {t.i for ent in doc.ents for t in ent})
    events = {m.key for m in mentions if _is_event_year(doc, m.end)}
    mentions = [m for m in mentions if m.key not in events]
    mentions.sort(key=lambda m: m.start)
    return mentions


def _within_sentence(analysed: DocIndex, ent: Span) -> Span:
    """An entity the tagger ran across a sentence break ("... in May. Apple said") keeps its part
    in the sentence where it ends."""
    start = analysed.sent_bounds(ent.end - 1)[0]
    return ent if ent.start >= start else Span(analysed.doc, start, ent.end, label=ent.label_)


def _credited(analysed: DocIndex) -> set[int]:
    """Tokens that credit the article's makers: the agency of a dateline ("WASHINGTON (AP) —")
    and credit lines ("Reporting by ...", "Copyright ...")."""
    doc, text = analysed.doc, analysed.text
    credited: set[int] = set()
    for sentence in analysed.sentences:
        line = text[sentence.start:sentence.end].lower()
        span = analysed.sentence_span(sentence.index)
        if span is None:
            continue
        if line.startswith(CREDIT_LINE_STARTS):
            credited.update(range(span.start, span.end))
            continue
        match = DATELINE_CREDIT.match(text, sentence.start)
        if match is not None:
            first = analysed.first_token_from(match.start(1))
            credited.update(range(first, analysed.first_token_from(match.end(1))))
    return {i for i in credited if i < len(doc)}


def _gazetteer_mentions(analysed: DocIndex, taken: set[int]) -> list[Mention]:
    """Countries and capitals the tagger missed ("... demanding that Kyiv cede control")."""
    doc = analysed.doc
    gaz = gazetteer()
    mentions = []
    i = 0
    while i < len(doc):
        found = None
        for size in (3, 2, 1):
            span = doc[i:i + size]
            if len(span) < size or any(t.i in taken or not t.is_title or t.is_sent_start for t in span):
                continue
            before = doc[span.start - 1] if span.start else None
            after = doc[span.end] if span.end < len(doc) else None
            if (before is not None and before.is_title and not before.is_sent_start) or (
                    after is not None and after.is_title):
                continue
            if gaz.country(span.text) or gaz.is_capital(span.text):
                found = span
                break
        if found is None:
            i += 1
            continue
        mentions.append(Mention(text=found.text, surface=found.text, label="GPE", start=found.start,
                                end=found.end, sentence=analysed.sentence_of_token(found.start)))
        i = found.end
    return mentions


def _is_language(text: str) -> bool:
    """"Swahili", "Korean": a major language's name (pycountry's ISO 639-1 languages)."""
    return text.casefold() in _major_languages()


@lru_cache(maxsize=1)
def _major_languages() -> frozenset[str]:
    return frozenset(lang.name.split(" (")[0].casefold() for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def _clean(analysed: DocIndex, span: Span, label: str) -> Mention | None:
    doc = analysed.doc
    start, end = span.start, span.end
    last_word = doc[end - 1].lower_
    if end - start > 1 and last_word in EVENT_WORDS and not (label == "PERSON" and last_word in SURNAME_EVENT_WORDS):
        return None
    for i in range(start + 1, end - 1):
        if doc[i].text in POSSESSIVES[:2] or (doc[i].text in POSSESSIVES[2:] and doc[i - 1].text.endswith("s")):
            end = i
            break
    if _is_quoted_title(doc, start, end):
        return None
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".",)
                           or doc[end - 1].text in POSSESSIVES):
        end -= 1
    if start >= end:
        return None
    title_tokens = []
    if label == "PERSON":
        while end - start > 1 and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in ROLE_WORDS):
            title_tokens.append(doc[start].text)
            start += 1
    surface = doc[start:end].text
    text = strip_possessive(surface)
    lead_the = text.lower().startswith("the ")
    if lead_the:
        text = text[4:]
    text = " ".join(text.split())
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return None
    if normalise(text) in NON_ACTORS or _is_quoted_title(doc, start, end):
        return None
    words = text.split()
    last_word = words[-1].lower()
    if len(words) > 1 and last_word in EVENT_WORDS and not (label == "PERSON" and last_word in SURNAME_EVENT_WORDS):
        return None
    if end < len(doc) and doc[end].lower_ in AWARD_WORDS:
        return None
    if _is_portfolio(doc, start, end, text) or text.lower().endswith(GEOLOGICAL_SUFFIXES):
        return None
    if words[0] in VESSEL_PREFIXES or (label != "NORP" and len(words) == 1 and _is_language(text)):
        return None
    if len(text) < 2 or "\n" in text:
        return None
    alias = ("the " + text) if lead_the else text
    return Mention(
        text=text, surface=alias, label=label, start=start, end=end,
        sentence=analysed.sentence_of_token(start), title=" ".join(title_tokens),
    )
