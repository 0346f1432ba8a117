"""Figures: amounts, counts, percentages, money sums and quantities, with the noun they count.

spaCy's number entities (MONEY, PERCENT, QUANTITY, CARDINAL) are the candidates, plus bare
number words the tagger missed ("billions in financial aid"). Each figure grows to the noun it
counts ("about 30 nations") or, for sums and shares, to what they are of or in ("C$2 billion in
support", "74% of the oil"). Dates, years, ages, ordinals and numbers inside names ("Group of
Seven", "World War One", the film "1917") are not figures.

A sum or a share alone does not say what it measures ("$900 million", "5.4 percent"): each
figure also carries its clause (``Figure.context``): the subject of the verb it belongs to,
that verb and the words up to the figure ("Apple lost $900 million", "Apple stock quickly fell
5.4 percent"), a pronoun subject named in brackets when the referents layer resolved it, and
nothing when the clause is too long to be a label or its subject cannot be named.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..analysis.actor_roles import FINITE_VERBS
from ..analysis.cues import SUBJECT_DEPS
from ..analysis.quotations import quoted_alone
from ..models import Figure
from ..nlp import AnalysedArticle
from ..vocabulary import (
    BIG_NUMBER_WORDS,
    CURRENCY,
    FIGURE_LABELS,
    LINKING_PREPOSITIONS,
    PRONOUN_ONE,
    UNITS,
)

NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC", "DATE", "TIME", "ORDINAL", "PERSON"}
NAME_LIKE = re.compile(r"^[A-Za-z]+-?\d+$|^\d+(?:st|nd|rd|th)\b", re.IGNORECASE)  # "T1", "S-300", "3rd-4th"
CLOCK = re.compile(r"^\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)$", re.IGNORECASE)
YEAR_LIKE = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
MAX_NOUN_DISTANCE = 4
MULTIPLIER = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|\d+)-?fold$", re.IGNORECASE)
RATIO = re.compile(r"^\s*out of(?: every)?\s*$")


SCORE = re.compile(r"^\d+-\d+$")


def _name_tokens(doc: Doc) -> set[int]:
    """Tokens inside names and dates; a score the tagger took for a product ("3-2") is no name."""
    return {i for ent in doc.ents if ent.label_ in NAME_LABELS and not SCORE.match(ent.text)
            for i in range(ent.start, ent.end)}


def _is_score(doc: Doc, token: Token) -> bool:
    return (token.like_num and token.i + 2 < len(doc) and doc[token.i + 1].text == "-"
            and doc[token.i + 2].like_num and not token.whitespace_ and not doc[token.i + 1].whitespace_)


def _inside_name(span: Span) -> bool:
    """A capitalised number word mid-sentence is part of a name ("Group of Seven")."""
    first = span[0]
    if first.is_sent_start or not first.is_alpha:
        return False
    return first.text[0].isupper()


def _counted_noun_end(span: Span) -> int:
    """End (exclusive) of the noun the number counts, when it follows closely."""
    root = span[-1]  # "an estimated 185,000": the number itself, not the determiner, counts
    head = root.head
    between = span.doc[span.end:head.i] if head.i >= span.end else []
    inside_phrase = all(span.end <= t.head.i <= head.i for t in between)  # "three New York-area airports"
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and head.i >= span.end \
            and head.pos_ in ("NOUN", "PROPN") and head.i - span.end < MAX_NOUN_DISTANCE + 2 * inside_phrase \
            and not any(t.is_punct and t.text not in ("-",) for t in between):
        return head.i + 1
    return span.end


def _linked_phrase_end(doc: Doc, last: Token, in_allowed: bool = True) -> int | None:
    """"in support", "of the oil": the prepositional phrase saying what an amount is of."""
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is None or following.dep_ != "prep" or following.lower_ not in LINKING_PREPOSITIONS:
        return None
    if following.lower_ == "in" and (following.head not in (last, last.head) or not in_allowed):
        return None  # "5.4 percent in after-hours trading": where, not what
    for child in [following]:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                return None
            obj = objects[0]
            if obj.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "ORG", "PERSON", "NORP"):
                return None  # "3,338 in Guinea", "2 million in its first 12 months"
            end = obj.i + 1
            if obj.lower_ in ("those", "them", "these"):  # "66 percent of those surveyed"
                end = max([end] + [c.right_edge.i + 1 for c in obj.children if c.dep_ in ("acl", "relcl")])
            for grandchild in obj.children:  # "support for Ukraine" stays "support"; compounds kept
                if grandchild.i > obj.i and grandchild.dep_ in ("compound",):
                    end = max(end, grandchild.i + 1)
            return end if end - last.i <= 6 else None
    return None


def _is_figure_candidate(span: Span, names: set[int]) -> bool:
    text = span.text.strip()
    if not text or any(i in names for i in range(span.start, span.end)):
        return False
    if _inside_name(span) or quoted_alone(span.doc, span.start, span.end):  # the film “1917”
        return False
    if YEAR_LIKE.match(text) and span.label_ != "MONEY" or CLOCK.match(text) or NAME_LIKE.match(text):
        return False
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.lower_ in ("a.m.", "p.m.", "am", "pm"):
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    bare = span.label_ == "CARDINAL" and _counted_noun_end(span) == span.end
    if bare and before is not None and span[-1].is_alpha and (
            before.lower_ in ("the", "first", "last", "next", "other", "top")  # "the three above", "the first two"
            or (before.tag_ == "NN" and before.i == span.start - 1)):              # "game four", "level six"
        return False
    # "one of the most powerful", "One academic said", "more than one time": not a count
    return span[-1].lower_ not in PRONOUN_ONE


def _bare_number_spans(doc: Doc, taken: set[int], names: set[int]) -> list[Span]:
    """Number words the entity recogniser left out: "billions in financial aid", "two executives"."""
    spans = []
    for token in doc:
        if token.i in taken or token.i in names:
            continue
        word = token.lower_
        if word in BIG_NUMBER_WORDS or MULTIPLIER.match(word) or _is_score(doc, token) or (
                token.like_num and token.pos_ == "NUM" and token.dep_ == "nummod"):
            if YEAR_LIKE.match(token.text) or word in PRONOUN_ONE:
                continue
            if token.dep_ in ("compound", "quantmod") and (token.head.like_num or token.head.lower_ in BIG_NUMBER_WORDS):
                continue  # "44" in "more than 44 million": the phrase is built from "million"
            start = min([token.i] + [c.left_edge.i for c in token.children
                                     if c.dep_ in ("compound", "quantmod", "advmod", "amod") and c.i < token.i])
            spans.append(Span(doc, start, token.i + 1, label="CARDINAL"))
    return spans


def figure_span(span: Span) -> Span:
    """The figure with its noun: the number entity widened to what it counts."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in CURRENCY:
        span = Span(doc, span.start - 1, span.end, label="MONEY")
    end = _counted_noun_end(span)
    if end == span.end and end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].like_num \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        return doc[span.start:end + 2]  # a score or range: "3-0", "500-600"
    last = doc[end - 1]
    grows = span.label_ in ("MONEY", "PERCENT", "QUANTITY") or last.lower_ in BIG_NUMBER_WORDS \
        or end == span.end or last.lower_.rstrip(".") in UNITS
    if grows:
        linked = _linked_phrase_end(doc, last, span.label_ == "MONEY" or last.lower_ in BIG_NUMBER_WORDS)
        if linked:
            end = linked
    return doc[span.start:end]


# A context longer than this many words is no label: the figure is shown alone.
MAX_CONTEXT_WORDS = 14
MAX_SUBJECT_WORDS = 7
# Dependents that lead from a number to the verb whose clause it belongs to.
TOWARDS_THE_VERB = ("nummod", "quantmod", "compound", "amod", "npadvmod", "pobj", "prep", "dobj", "attr",
                    "conj", "appos", "nmod", "advmod", "acomp", "oprd")


def _words(doc: Doc, indices: list[int]) -> str:
    """The tokens in order, "…" where words between them were left out."""
    text = ""
    for position, i in enumerate(indices):
        if position and i != indices[position - 1] + 1:
            text = text.rstrip() + " … "
        text += doc[i].text_with_ws
    return text.strip().rstrip(",;:—–-").strip()


def _subject_words(analysed: AnalysedArticle, subject: Token) -> list[int] | None:
    """The subject phrase, short: whole when small, else its head with its determiners,
    compounds and possessives ("the company", "Apple stock"); None for a pronoun no one resolved."""
    if subject.pos_ == "PRON":
        return [subject.i] if analysed.person_referent_of(subject) else None
    phrase = [t.i for t in subject.subtree]
    if len(phrase) <= MAX_SUBJECT_WORDS:
        return phrase
    core = [t.i for t in subject.subtree if t.i <= subject.i and t.head.i == subject.i
            and t.dep_ in ("det", "compound", "poss", "amod", "nummod")] + [subject.i]
    return sorted(set(core))


def figure_context(analysed: AnalysedArticle, figure: Span) -> str:
    """The clause that says what ``figure`` measures; "" when there is none short enough."""
    doc = figure.doc
    verb = figure.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i or verb.dep_ not in TOWARDS_THE_VERB:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    holder = owner = verb  # the verb with the subject; the verb whose words are shown
    subject = next((c for c in holder.children if c.dep_ in SUBJECT_DEPS), None)
    while subject is None and holder.dep_ in ("xcomp", "conj") and holder.head.i != holder.i:
        if holder.dep_ == "xcomp":  # "had to maintain $50 million": "had" and its subject
            owner = holder.head
        holder = holder.head  # "was introduced … but has sold 29 million units": the subject they share
        subject = next((c for c in holder.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not (owner.tag_ in FINITE_VERBS or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_VERBS for c in owner.children)):
        return ""  # no subject, or "the Fed to increase its rate": no clause that reads alone
    phrase = _subject_words(analysed, subject)
    if phrase is None or any(doc[i].dep_ == "mark" for i in phrase):
        return ""  # "as the economy adjusts": a clause the tagger took for the subject
    if phrase[0] <= figure.start and figure.end - 1 <= phrase[-1]:
        return ""  # the figure is the subject: "About 30 nations have pledged" says what it counts
    start = owner.i
    for child in owner.children:  # the verb with its auxiliaries and negation: "did not lose"
        if child.i < owner.i and child.i > phrase[-1] and child.dep_ in ("aux", "auxpass", "neg", "advmod"):
            start = min(start, child.i)
    if figure.start < start:
        return ""  # the figure comes before its verb: no short clause to show
    stretch = list(range(start, figure.end))
    path = {holder.i, owner.i, verb.i}
    link = verb
    while link.i != holder.i and link.head.i != link.i:
        link = link.head
        path.add(link.i)
    skipped = range(phrase[-1] + 1, start)
    if any(doc[i].pos_ == "VERB" and i not in path and not figure.start <= i < figure.end
           for i in [*skipped, *stretch]):
        return ""  # the words would run over another clause: "as the economy adjusts, then raise it"
    indices = sorted(set(phrase) | set(stretch))
    if len([i for i in indices if not doc[i].is_punct]) > MAX_CONTEXT_WORDS:
        return ""
    text = _words(doc, indices)
    if subject.pos_ == "PRON":
        name = analysed.person_referent_of(subject)
        text = f"[{name}]" + text[len(subject.text):] if text.startswith(subject.text) else ""
    return text[:1].upper() + text[1:]


def extract_figures(analysed: AnalysedArticle) -> list[Figure]:
    """Every figure in the order it appears, each with the sentence it comes from."""
    doc = analysed.doc
    names = _name_tokens(doc)
    spans = [ent for ent in doc.ents if ent.label_ in FIGURE_LABELS]
    taken = {i for ent in spans for i in range(ent.start, ent.end)}
    spans += _bare_number_spans(doc, taken, names)
    figures: list[Figure] = []
    covered: set[int] = set()
    last_start, last_end = 0, None
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in covered or not _is_figure_candidate(span, names):
            continue
        widened = figure_span(span)
        covered |= set(range(widened.start, widened.end))
        if figures and last_end is not None and RATIO.match(doc[last_end:widened.start].text):
            merged = doc[last_start:widened.end]  # "seven out of every 100 Hispanic children"
            figures[-1] = Figure(text=merged.text.strip(), sentence=figures[-1].sentence,
                                 context=figure_context(analysed, merged))
        else:
            figures.append(Figure(text=widened.text.strip(), sentence=analysed.sentence_of_token(span.start),
                                  context=figure_context(analysed, widened)))
            last_start = widened.start
        last_end = widened.end
    return figures
