"""One sense per document for personal names: a surname the tagger knows is a person's somewhere
in the article is a person's everywhere it stands as a name.

The small English model labels names from the words around them, so one article can tag the
same "Mateen" PERSON, PRODUCT, CARDINAL and DATE, and leave "Seddique Mir Mateen" untagged; each
wrong label then misleads every reader of ``doc.ents`` (a surname becomes a date on the
timeline, a figure, or no actor at all). This component runs right after the model's tagger and
relabels, as PERSON, each run of proper nouns (or a capitalised word mid-sentence the tagger took
for a common noun: "Crews wrote") that ends in the surname of a PERSON the article names in
full, when the tagger gave the run no label or a label that no name can have (numbers, dates,
products, works). Names it took for organisations, places or nationalities are left alone:
"Ford" may be the company.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..vocabulary import SPEAKER_TITLES
from .guard import guarded_layer

# Labels no personal name can carry: a surname under one of them is a tagging error.
NON_NAME_LABELS = frozenset({"CARDINAL", "DATE", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "TIME", "PRODUCT",
                             "WORK_OF_ART"})


def _surnames(doc: Doc) -> set[str]:
    """Last words of the multi-word PERSON names the tagger found."""
    return {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title}


def _proper_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs ``[start, end)`` of capitalised proper nouns within one sentence."""
    runs, start = [], None
    for token in doc:
        inside = token.pos_ == "PROPN" and token.is_title and (start is None or not token.is_sent_start)
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append((start, token.i))
            start = token.i if token.pos_ == "PROPN" and token.is_title else None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def consistent_person_names(doc: Doc) -> list[Span]:
    """The entities with every mislabelled run of a known surname relabelled PERSON."""
    surnames = _surnames(doc)
    if not surnames:
        return list(doc.ents)
    label_of = [""] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            label_of[i] = ent.label_
    relabelled = []
    runs = _proper_runs(doc)
    in_run = {i for start, end in runs for i in range(start, end)}
    # a surname the tagger took for a common noun mid-sentence ("“...,” Crews wrote")
    runs += [(t.i, t.i + 1) for t in doc if t.i not in in_run and t.pos_ == "NOUN" and t.is_title
             and t.text in surnames and not t.is_sent_start and doc[t.i - 1].text not in (".", "\n")]
    for start, end in sorted(runs):
        titles = [i for i in range(start, end - 1) if doc[i].lower_.rstrip(".") in SPEAKER_TITLES]
        if titles:  # "Patrol Chief James Hall": the name is what follows the last title
            start = titles[-1] + 1
        if doc[end - 1].text not in surnames or not all(
                label_of[i] == "" or label_of[i] in NON_NAME_LABELS for i in range(start, end)):
            continue
        if all(label_of[i] == "" for i in range(start, end)) and end - start == 1 and doc[start].is_sent_start:
            continue  # a lone capitalised word opening a sentence may be an ordinary word
        relabelled.append(Span(doc, start, end, label="PERSON"))
    if not relabelled:
        return list(doc.ents)
    taken = {i for span in relabelled for i in range(span.start, span.end)}
    # an entity the new names cut into loses only its overlap when it is a name-less label
    kept = [ent for ent in doc.ents if not any(i in taken for i in range(ent.start, ent.end))]
    return sorted(kept + relabelled, key=lambda span: span.start)


def _annotate(doc: Doc) -> dict[str, list[Span]]:
    doc.set_ents(consistent_person_names(doc))
    return {}


@Language.factory("person_names", assigns=["doc.ents"], requires=["doc.ents", "token.pos"])
def make_person_name_keeper(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return guarded_layer(name, _annotate)
