"""Evaluation of actors against tests/gold/actors/ (to be written with the actors extractor)."""

from __future__ import annotations

from .corpus import GoldArticle


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    annotated = [item for item in corpus if item.annotation("actors") is not None]
    return [f"actors: {len(annotated)} annotated articles; no evaluation written yet"]
