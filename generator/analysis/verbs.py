"""Which tokens are verbs of saying used as such: the one test the quotation and cue layers share."""

from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import INTRANSITIVE_REPORTING_VERBS, REPORTING_VERBS


def is_reporting_verb(token: Token) -> bool:
    """A verb of saying used as one (not negated; ``continue`` only on its own), or ``according to``."""
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in REPORTING_VERBS:
        return False
    if lemma in INTRANSITIVE_REPORTING_VERBS and any(
            c.dep_ in ("xcomp", "dobj", "prep") for c in token.children):
        return False
    return not any(child.dep_ == "neg" for child in token.children)
