"""Extraction time grows linearly with the article's length.

The reader accepts articles of up to 200,000 characters. An extractor that scans the whole
article (every entity, every quote, the sentence so far) once per token, per mention or per
quote is quadratic, and such an article then takes minutes instead of seconds. Here real
article text is made into one long article at two sizes, in two shapes, and the extraction
alone (the parse is done beforehand, outside the clock) must cost about as much per character
at the big size as at the small one.

* ``news``: real paragraphs one after another, as a long report reads;
* ``one sentence``: the quoted paragraphs run into one paragraph with every full stop a comma,
  which the parser reads as a few sentences thousands of words long.

The machines are noisy (two cores, other tests running alongside), so each timing is the best
of a few runs and the bound is generous: a quadratic step shows up as 4x per character here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from itertools import cycle

import pytest
from spacy.language import Language
from test_census import load_census

from generator.briefing import build_briefing
from generator.models import Article
from generator.nlp import AnalysedArticle, analyse

census = load_census()

SMALL, BIG = 20_000, 80_000
REPEATS = 3
# Seconds per character at BIG over seconds per character at SMALL; linear is about 1.
MAX_PER_CHAR_RATIO = 2.0
QUOTE_MARKS = ('"', "“", "”")


@cache
def real_articles() -> tuple[Article, ...]:
    """Every real article the project has (gold, held-out, seeds), as the census reads them."""
    _, bases = census.read_sources()
    return tuple(bases)


def real_paragraphs(quoted_only: bool = False) -> Iterator[str]:
    """The paragraphs of the real articles, over and over."""
    paragraphs = [paragraph for base in real_articles() for paragraph in census.paragraphs_of(base.text)
                  if not quoted_only or any(mark in paragraph for mark in QUOTE_MARKS)]
    return cycle(paragraphs)


def first_chars(paragraphs: Iterator[str], size: int) -> str:
    """Paragraphs (blank line between them) up to ``size`` characters."""
    kept: list[str] = []
    total = 0
    while total < size:
        kept.append(next(paragraphs))
        total += len(kept[-1]) + 2
    return "\n\n".join(kept)[:size]


def news(size: int) -> str:
    return first_chars(real_paragraphs(), size)


def one_sentence(size: int) -> str:
    """Quoted paragraphs in one paragraph, no full stop left: the census's "one long sentence",
    with the stops inside closing quotation marks moved out first so that they go too."""
    text = first_chars(real_paragraphs(quoted_only=True), size * 2)
    for stop in ".!?":
        for mark in QUOTE_MARKS:
            text = text.replace(stop + mark, mark + stop)
    return census.one_long_sentence(text, None)[:size]


def parsed(nlp: Language, text: str) -> AnalysedArticle:
    article = replace(real_articles()[0], id="long", path="long.txt", text=text, title=None, meta={})
    return next(analyse(nlp, [article]))


def extraction_seconds(analysed: AnalysedArticle) -> float:
    """The best of a few runs of every extractor on the parsed article."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        briefing = build_briefing(analysed)
        best = min(best, time.perf_counter() - started)
        assert briefing.errors == []
    return best


@pytest.mark.parametrize("shape", [news, one_sentence], ids=["news", "one sentence"])
def test_extraction_time_per_character_does_not_grow_with_length(nlp: Language,
                                                                 shape: Callable[[int], str]) -> None:
    build_briefing(parsed(nlp, news(2_000)))  # load the gazetteer and warm the caches first
    small, big = parsed(nlp, shape(SMALL)), parsed(nlp, shape(BIG))
    assert len(small.text) == SMALL and len(big.text) == BIG
    if shape is one_sentence:  # the shape holds: sentences of thousands of words, not a few dozen
        assert max(len(s.text) for s in big.sentences) > 5_000
    per_char_small = extraction_seconds(small) / SMALL
    per_char_big = extraction_seconds(big) / BIG
    ratio = per_char_big / per_char_small
    assert ratio < MAX_PER_CHAR_RATIO, (
        f"extraction took {per_char_big * 1e6:.1f} µs per character at {BIG:,} characters, "
        f"{per_char_small * 1e6:.1f} µs at {SMALL:,}: {ratio:.1f}x (at most {MAX_PER_CHAR_RATIO}x)")
