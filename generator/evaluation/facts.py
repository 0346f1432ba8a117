"""Evaluation of facts against tests/gold/facts/ (to be written with the facts extractor)."""

from __future__ import annotations

from .corpus import GoldArticle


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    annotated = [item for item in corpus if item.annotation("facts") is not None]
    return [f"facts: {len(annotated)} annotated articles; no evaluation written yet"]
