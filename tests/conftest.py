"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from generator.nlp import load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()
