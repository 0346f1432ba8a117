"""Evaluation of quotes against tests/gold/quotes/ (to be written with the quotes extractor)."""

from __future__ import annotations

from .corpus import GoldArticle


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    annotated = [item for item in corpus if item.annotation("quotes") is not None]
    return [f"quotes: {len(annotated)} annotated articles; no evaluation written yet"]
