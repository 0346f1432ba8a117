"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from generator.evaluation.corpus import GoldArticle, load_corpus
from generator.nlp import load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def gold_corpus(nlp: Language) -> list[GoldArticle]:
    """The gold articles parsed and briefed once, for every quality gate."""
    return load_corpus(Path(__file__).resolve().parent / "gold", nlp)
