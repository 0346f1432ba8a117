"""Headline and summary, both cut from the article's own words."""

from __future__ import annotations

from ..nlp import AnalysedArticle

CLAUSE_BREAKS = (", as ", ", while ", ", which ", ", after ", "; ", " — ", ", but ")


def headline(analysed: AnalysedArticle, *, max_words: int = 14) -> str:
    """The lead sentence's main clause: a faithful headline that invents nothing."""
    if analysed.article.title:
        return analysed.article.title
    lead = analysed.sentences[0].text.rstrip(".!?")
    for marker in CLAUSE_BREAKS:
        cut = lead.find(marker)
        if cut > 0 and len(lead[:cut].split()) >= 5:
            lead = lead[:cut]
    words = lead.split()
    if len(words) > max_words:
        lead = " ".join(words[:max_words]) + " …"
    return lead


def summarise(analysed: AnalysedArticle, *, max_words: int = 60) -> tuple[str, list[int]]:
    """The first one or two sentences, as long as they stay short."""
    chosen = [analysed.sentences[0]]
    if len(analysed.sentences) > 1:
        second = analysed.sentences[1]
        if len(chosen[0].text.split()) + len(second.text.split()) <= max_words:
            chosen.append(second)
    return " ".join(s.text for s in chosen), [s.index for s in chosen]
