"""Headline and summary, both cut from the article's own words."""

from __future__ import annotations

import re

from ..nlp import AnalysedArticle
from ..vocabulary import CLAUSE_BREAKS

# ", the company said" / ", a senior official told reporters": who said it, not what happened.
ATTRIBUTION_TAIL = re.compile(r",\s+(?:[\w’'.-]+\s+){1,6}(?:said|says|told|added|announced)\b[^,]*$")
# A wire dateline is not news: "SAN FRANCISCO (AP) — ", "Washington (CNN) -- ", "(CNN) -- ",
# "SEOUL, Aug. 20 (Yonhap) -- ", "MONTGOMERY, Ala. -- ", "NEW YORK--".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z0-9.,'’ ]{0,40}?)?\s*(?P<agency>\([A-Za-z0-9.,' ]{1,30}\))?\s*"
    r"(?:--|—|–|\s-\s)\s*")


def dateline_length(text: str) -> int:
    """How many leading characters of ``text`` are a dateline (0 when there is none)."""
    match = DATELINE.match(text)
    if not match:
        return 0
    place = (match.group("place") or "").strip(" ,")
    first_word = place.split(",")[0].replace(".", "")
    return match.end() if match.group("agency") or (first_word and first_word.isupper()) else 0


def without_dateline(text: str) -> str:
    return text[dateline_length(text):]


def lead_sentence(analysed: AnalysedArticle) -> int:
    """The first sentence with news in it (a dateline alone is not)."""
    for sentence in analysed.sentences[:2]:
        if len(without_dateline(sentence.text).split()) >= 4:
            return sentence.index
    return 0


def lead_clause(analysed: AnalysedArticle) -> str:
    """The lead sentence without its dateline and without appositions of its subject ("Steve Jobs,
    the mind behind …, resigned" → "Steve Jobs resigned"): the article's words, in their order."""
    if not analysed.sentences:
        return ""  # an article of blank lines: nothing to lead with
    sentence = analysed.sentences[lead_sentence(analysed)]
    skip = dateline_length(sentence.text)
    span = analysed.sentence_span(sentence.index)
    if span is None:
        return sentence.text[skip:]
    dropped = {t.i for t in span if t.idx < sentence.start + skip}
    for token in span:
        if token.i in dropped:
            continue
        head = token.head
        if (token.dep_ == "appos" and head.dep_ in ("nsubj", "nsubjpass") and head.i not in dropped
                and head.i < token.i):
            subtree = list(token.subtree)
            dropped.update(t.i for t in subtree)
            for edge in (subtree[0].i - 1, subtree[-1].i + 1):
                if span.start <= edge < span.end and span.doc[edge].text in (",", "—", "–"):
                    dropped.add(edge)
    kept = [t for t in span if t.i not in dropped]
    words = "".join(t.text + (t.whitespace_ if t.i + 1 not in dropped else " ") for t in kept)
    return " ".join(words.split())


def headline(analysed: AnalysedArticle, *, max_words: int = 14) -> str:
    """The lead sentence's main clause: a faithful headline that invents nothing."""
    if analysed.article.title:
        return analysed.article.title
    lead = ATTRIBUTION_TAIL.sub("", lead_clause(analysed).rstrip(".!?"))
    for marker in CLAUSE_BREAKS:
        cut = lead.find(marker)
        if cut > 0 and len(lead[:cut].split()) >= 4:
            lead = lead[:cut]
    words = lead.split()
    if len(words) > max_words:
        lead = " ".join(words[:max_words]) + " …"
    return lead[:1].upper() + lead[1:]


def summarise(analysed: AnalysedArticle, *, max_words: int = 60) -> tuple[str, list[int]]:
    """The first one or two sentences, as long as they stay short (a wire dateline left out)."""
    if not analysed.sentences:
        return "", []  # an article of blank lines: nothing to summarise
    first = lead_sentence(analysed)
    chosen = [analysed.sentences[first]]
    if len(analysed.sentences) > first + 1:
        second = analysed.sentences[first + 1]
        if len(chosen[0].text.split()) + len(second.text.split()) <= max_words:
            chosen.append(second)
    return without_dateline(" ".join(s.text for s in chosen)), [s.index for s in chosen]
