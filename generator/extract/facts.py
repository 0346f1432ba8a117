"""Key facts: the few statements an editor would keep, ranked, none repeating another.

Why not plain lead-3 or TextRank: lead-3 stops at the third sentence and TextRank favours long
sentences that share many words, so both repeat themselves and skip the "how much" and "when".
Here each sentence (outside direct quotations) is taken whole, with its attribution (", the WHO
says": who says so is part of the fact, and a sentence is never cut inside a list, a
coordination, a negation or a condition), without a dateline or a leading connective, and
scored on:

* position (news puts what matters first, and each paragraph opens with its point);
* who / where / when / how much: the kinds of named entities and numbers it carries;
* centrality: how many of its content words the rest of the article repeats;

then picked greedily, skipping any clause whose content words largely repeat a chosen one or the
summary (the page shows the summary above the facts: a fact that says it again is a wasted line)
and favouring clauses that answer a question (who, when, how much) not answered yet.

A fact must stand alone: one whose subject is a pronoun ("He signed …", "They said …") is
kept only when the referents layer knows who it is, and then the name is written in, marked as
added in newsroom style, as a story names someone again ("[Carney] signed …"); otherwise another
sentence is taken.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..models import Actor, Fact, Quote
from ..nlp import AnalysedArticle
from ..vocabulary import FIRST_SECOND_PERSON_SUBJECTS as FIRST_PERSON
from ..vocabulary import FRAMING_VERBS, SPEAKER_NAME_SUFFIXES
from .timeline import DATELINE

ASPECTS = {
    "who": {"PERSON", "ORG", "NORP"},
    "where": {"GPE", "LOC", "FAC"},
    "when": {"DATE", "TIME"},
    "how much": {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"},
}
CLOSING_MARKS = "”\"’'"
OPENERS = re.compile(r"^(?:Still|But|And|However|Meanwhile|Also|So|Yet),?\s+", re.IGNORECASE)
MIN_WORDS = 7
# Weights of position, answered aspects and centrality, and the bonus of a paragraph's first sentence.
WEIGHTS = (2.0, 0.6, 0.5)
PARAGRAPH_BONUS = 0.0
# Bonus for each of who / where / when / how much that a fact answers and the chosen ones do not yet.
ASPECT_BONUS = 0.8
# One more fact per this many sentences, from 3 up to 7 (besides the summary's sentences).
COUNT_DIVISOR = 6
FEWEST, MOST = 3, 7
REDUNDANT_OVERLAP = 0.5
# A sentence with more than this share of its tokens inside a quotation is direct speech.
QUOTED_SHARE = 0.5


@dataclass
class Candidate:
    sentence: int
    text: str
    lemmas: frozenset[str]
    aspects: frozenset[str]
    score: float


def content_lemmas(span: Span) -> frozenset[str]:
    """Lower-cased lemmas of the nouns, verbs, adjectives, names and numbers of a span."""
    return frozenset(
        token.lemma_.lower() for token in span
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not token.is_stop and token.is_alpha
        or token.like_num
    )


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Share of the smaller set's words found in the other: 1.0 when one repeats the other."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def core_clause(analysed: AnalysedArticle, index: int) -> Span | None:
    """The sentence itself, its attribution kept ("..., the WHO says": who says so is part of the
    fact); only a framing clause gives way to the news it frames ("The comments come after ...")."""
    span = analysed.sentence_span(index)
    if span is None:
        return None
    root = span.root
    if root.lemma_ in FRAMING_VERBS:  # "The comments come after Carney on Friday emphasized ...": the news is the clause
        clauses = [c for c in root.children if c.dep_ == "advcl" and any(m.lower_ == "after" for m in c.children)]
        if clauses and clauses[0].right_edge.i - clauses[0].left_edge.i >= MIN_WORDS:
            clause = clauses[0]
            start = min(t.i for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i))
            return span.doc[start:clause.right_edge.i + 1]
    return span


def clean(text: str) -> str:
    """Drop a dateline and a leading connective; end with a full stop."""
    text = DATELINE.sub("", text.strip())
    text = OPENERS.sub("", text)
    text = text.strip(" ,;—–-")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and not text.rstrip(CLOSING_MARKS).endswith((".", "!", "?")):
        text += "."  # a stop inside closing marks ends it too: ... in “Marriage Story.”
    return text


def _subject(span: Span) -> Token | None:
    """The subject of the sentence's main clause."""
    return next((c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _points_back(token: Token) -> bool:
    """A third-person or demonstrative pronoun or determiner ("he", "it", "that", "their", "those")."""
    morph = token.morph
    return "Dem" in morph.get("PronType") or ("Prs" in morph.get("PronType") and "3" in morph.get("Person"))


def _expletive(token: Token) -> bool:
    """ "It remains unclear whether …", "It is easy to …": an "it" that points forward, not back."""
    if token.dep_ == "expl":
        return True
    head = token.head
    clauses = [c for c in head.children if c.i > head.i]
    clauses += [g for c in clauses if c.dep_ in ("acomp", "attr") for g in c.children]
    return any(c.dep_ in ("ccomp", "csubj", "xcomp") for c in clauses)


def second_reference(actor: Actor, actors: list[Actor]) -> str:
    """How a news story names an actor again: a person by the surname ("[Carney]") unless another
    person of the article has it too, anyone else by the name."""
    surname = _surname(actor.name)
    if actor.type != "person" or surname == actor.name or sum(
            other.type == "person" and _surname(other.name) == surname for other in actors) > 1:
        return actor.name
    return surname


def _surname(name: str) -> str:
    """ "Martin Luther King Jr." → "King": the last word that is not a suffix."""
    words = [w for w in name.split() if w.lower().rstrip(".,") not in SPEAKER_NAME_SUFFIXES]
    return words[-1] if words else name


def standalone_text(analysed: AnalysedArticle, span: Span, names: dict[str, str]) -> str | None:
    """The span's words, with a "he" or "she" subject replaced by "[Name]" when the referents
    layer resolved it (as ``names``, lowered name or alias → how to name the actor, names it);
    None when the subject points back to something the fact alone does not name: another
    pronoun ("They said …", "That was …") or a demonstrative or possessive ("That trend …",
    "Her co-star …"). A lone definite noun ("The paper said …") is kept: it is as often a
    readable "The opposition voted …" as a pointer back, and only a word list could tell them apart."""
    subject = _subject(span)
    if subject is None:
        return span.text
    if subject.pos_ == "PRON" and _points_back(subject):
        if subject.lower_ == "it" and _expletive(subject):
            return span.text
        referent = analysed.person_referent_of(subject)
        if referent is None:
            return None
        start, end = subject.idx - span.start_char, subject.idx + len(subject.text) - span.start_char
        return f"{span.text[:start]}[{names.get(referent.lower(), referent)}]{span.text[end:]}"
    if any(c.dep_ in ("det", "poss") and _points_back(c) for c in subject.children):
        return None
    return span.text


def _is_quotation(analysed: AnalysedArticle, index: int) -> bool:
    """Direct speech (the quotes section has it): the sentence opens inside or at a quotation of
    the quotations layer (a quote running on from the sentence before counts), or most of its
    words are quoted."""
    span = analysed.sentence_span(index)
    tokens = [t.i for t in span if not t.is_space] if span is not None else []
    if not tokens:
        return False
    if analysed.in_quotation(tokens[0]):
        return True
    return sum(analysed.in_quotation(i) for i in tokens) > QUOTED_SHARE * len(tokens)


def candidates(analysed: AnalysedArticle, quotes: list[Quote], actors: list[Actor] | None = None) -> list[Candidate]:
    quoted = {quote.sentence for quote in quotes if not quote.partial}
    names = {name.lower(): second_reference(actor, actors or []) for actor in actors or []
             for name in (actor.name, *actor.aliases)}
    spans = {}
    for sentence in analysed.sentences:
        if sentence.index in quoted or _is_quotation(analysed, sentence.index) or sentence.text.endswith("?"):
            continue
        if not (sentence.text[:1].isupper() or sentence.text[:1].isdigit() or sentence.text.startswith("(")):
            continue  # "of oil that spilled ...", "— about 17% ...": a fragment the splitter cut off its sentence
        span = core_clause(analysed, sentence.index)
        if span is None or len([t for t in span if t.is_alpha]) < MIN_WORDS:
            continue
        if any(t.dep_ == "nsubj" and t.lower_ in FIRST_PERSON and t.head.i == span.root.i for t in span):
            continue  # "I covered Saban ...": the writer's voice, not a fact
        text = standalone_text(analysed, span, names)
        if text is None:
            continue  # "They said …": unreadable alone, and no one to put in brackets
        spans[sentence.index] = span, text
    frequency: Counter[str] = Counter()
    lemmas = {index: content_lemmas(span) for index, (span, _) in spans.items()}
    for words in lemmas.values():
        frequency.update(words)
    paragraph_first = {}
    for sentence in analysed.sentences:
        paragraph_first.setdefault(sentence.paragraph, sentence.index)
    result = []
    for index, (span, text) in spans.items():
        words = lemmas[index]
        if not words:
            continue
        sentence = analysed.sentences[index]
        ents = analysed.ents_within(span.start, span.end)  # span.ents walks all the article's entities
        aspects = frozenset(
            aspect for aspect, labels in ASPECTS.items()
            if any(ent.label_ in labels for ent in ents)
        )
        centrality = sum(math.log1p(frequency[w] - 1) for w in words) / math.sqrt(len(words))
        position = 1.0 / math.sqrt(1 + index) + (PARAGRAPH_BONUS if paragraph_first[sentence.paragraph] == index else 0.0)
        score = WEIGHTS[0] * position + WEIGHTS[1] * len(aspects) + WEIGHTS[2] * centrality
        result.append(Candidate(index, clean(text), words, aspects, score))
    return result


def fact_count(analysed: AnalysedArticle) -> int:
    """3 facts for a short piece, up to 7 for a long one."""
    return max(FEWEST, min(MOST, FEWEST + len(analysed.sentences) // COUNT_DIVISOR))


def extract_key_facts(analysed: AnalysedArticle, actors: list[Actor], quotes: list[Quote],
                      *, summary_sentences: list[int] | tuple[int, ...] = (), limit: int | None = None) -> list[Fact]:
    """Ranked facts answering who, what, when, where and how much, none repeating another or the
    summary (made of ``summary_sentences``)."""
    limit = limit or fact_count(analysed)
    pool = sorted(candidates(analysed, quotes, actors), key=lambda c: (-c.score, c.sentence))
    summary = [content_lemmas(span) for span in map(analysed.sentence_span, summary_sentences) if span is not None]
    pool = [c for c in pool if c.sentence not in summary_sentences]
    chosen: list[Candidate] = []
    answered: set[str] = set()
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda c: (c.score + ASPECT_BONUS * len(c.aspects - answered), -c.sentence))
        pool.remove(best)
        said = summary + [other.lemmas for other in chosen]
        if any(overlap(best.lemmas, words) >= REDUNDANT_OVERLAP for words in said):
            continue
        chosen.append(best)
        answered |= best.aspects
    return [Fact(text=c.text, sentence=c.sentence) for c in chosen]
