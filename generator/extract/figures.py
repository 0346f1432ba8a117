"""Figures: amounts, counts, percentages, money and quantities, with what they count."""

from __future__ import annotations

from ..models import Figure
from ..nlp import AnalysedArticle

FIGURE_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


def extract_figures(analysed: AnalysedArticle) -> list[Figure]:
    figures = []
    for ent in analysed.doc.ents:
        if ent.label_ not in FIGURE_LABELS:
            continue
        end = ent.end
        head = ent.root.head
        if head.i >= ent.end and head.pos_ in ("NOUN", "PROPN") and head.i - ent.end < 4:
            end = head.i + 1
        text = analysed.doc[ent.start:end].text
        figures.append(Figure(text=text, sentence=analysed.sentence_of_token(ent.start)))
    return figures
