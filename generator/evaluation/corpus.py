"""The gold corpus: real articles, each parsed once and briefed once for every evaluation.

Real input comes in other shapes than the published page: paragraphs joined into one line,
curly quotation marks typed straight. Each shape is scored against the same gold, with the
gold's own strings given the same shape and its sentence numbers carried over by position.
"""

from __future__ import annotations

import dataclasses
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..briefing import build_briefing
from ..extract.facts import content_lemmas
from ..failures import failure_reason, section_failures
from ..models import Briefing
from ..nlp import AnalysedArticle
from ..readers import read_article

BASELINE_MISSING = "baseline not computed: {package} is a test extra (pip install -e '.[test]')"
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
                          "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})
LINE_BREAKS = re.compile(r"[ \t]*\n\s*")


def straight_quotes(text: str) -> tuple[str, Callable[[int], int]]:
    """Curly marks typed straight; every character keeps its place."""
    return text.translate(STRAIGHT), lambda offset: offset


def one_line(text: str) -> tuple[str, Callable[[int], int]]:
    """Every paragraph joined into one line with a space, as pasted or scraped text often is."""
    pieces, old_starts, new_starts = [], [0], [0]
    position = 0
    for match in LINE_BREAKS.finditer(text):
        pieces += [text[position:match.start()], " "]
        position = match.end()
        old_starts.append(position)
        new_starts.append(sum(map(len, pieces)))
    pieces.append(text[position:])

    def moved(offset: int) -> int:
        at = bisect_right(old_starts, offset) - 1
        return new_starts[at] + max(offset - old_starts[at], 0)
    return "".join(pieces), moved


SHAPES: dict[str, Callable[[str], tuple[str, Callable[[int], int]]] | None] = {
    "as published": None,
    "one line": one_line,
    "straight quotes": straight_quotes,
}


@dataclass
class GoldArticle:
    id: str
    analysed: AnalysedArticle
    briefing: Briefing
    gold_dir: Path
    shape: str = "as published"
    nlp: Language | None = None  # the pipeline the article was parsed with, for gold texts
    # Gold sentence numbers (of the article as published) → sentence numbers in this shape.
    sentence_of: Callable[[int], int] | None = None

    def annotation(self, kind: str) -> Any | None:
        """The gold of one kind (quotes, actors, facts), or None when this article has none.

        Read from ``<gold>/annotations/<id>.json`` (the format of tests/gold/GUIDE.md, one file
        per article, sentences given by their words) or else ``<gold>/<kind>/<id>.json`` (the
        first corpus's format, sentences given by number).
        """
        combined = self.gold_dir / "annotations" / f"{self.id}.json"
        if combined.exists():
            return self._from_guide_format(kind, json.loads(combined.read_text(encoding="utf-8")))
        path = self.gold_dir / kind / f"{self.id}.json"
        if not path.exists():
            return None
        gold = json.loads(path.read_text(encoding="utf-8"))
        shape = SHAPES[self.shape]
        if shape is None:
            return gold
        return _reshaped(gold, lambda text: shape(text)[0], self.sentence_of or (lambda index: index))

    def _from_guide_format(self, kind: str, gold: dict[str, Any]) -> Any | None:
        shape = SHAPES[self.shape]
        if shape is not None:
            gold = _reshaped(gold, lambda text: shape(text)[0], lambda index: index)
        if kind in ("quotes", "actors"):
            return {kind: gold.get(kind, [])}
        if kind == "facts":
            return {
                "key_facts": [{"text": fact["text"], "sentence": self.sentence_holding(fact["sentence"], fact["text"])}
                              for fact in gold.get("key_facts", [])],
                "figures": [figure["text"] for figure in gold.get("figures", [])],
                "timeline": [{"date": event["date"], "date_text": event["date_text"]}
                             for event in gold.get("timeline", [])],
            }
        return gold.get(kind)

    def lemmas_of(self, text: str) -> frozenset[str]:
        """Content lemmas of a text, parsed with the article's own pipeline."""
        return content_lemmas(self.nlp(text))

    def sentence_holding(self, *texts: str) -> int:
        """The number of the analysed sentence where the first of ``texts`` found in the article starts."""
        for text in texts:
            offset = self.analysed.text.find(text.strip())
            if offset >= 0:
                return self.analysed.sentence_of_char(offset)
        return 0


def _reshaped(value: Any, shape: Callable[[str], str], sentence_of: Callable[[int], int]) -> Any:
    if isinstance(value, str):
        return shape(value)
    if isinstance(value, list):
        return [_reshaped(item, shape, sentence_of) for item in value]
    if isinstance(value, dict):
        return {key: sentence_of(item) if key == "sentence" and isinstance(item, int)
                else _reshaped(item, shape, sentence_of) for key, item in value.items()}
    return value


def load_corpus(gold_dir: Path, nlp: Language, errors: list[str] | None = None,
                shape: str = "as published", published: dict[str, Doc] | None = None) -> list[GoldArticle]:
    """Every gold article parsed and briefed; a failure is named in ``errors`` (when given) and
    costs only that article, whose gold items then count as missed by every section that failed.

    ``shape`` (a key of :data:`SHAPES`) briefs the article in that shape instead; ``published``
    keeps the parses of the articles as published across calls, so several shapes parse each
    published text once."""
    published = {} if published is None else published

    def parse_published(text: str) -> Doc:
        if text not in published:
            published[text] = nlp(text)
        return published[text]

    corpus = []
    dates = article_dates(gold_dir)
    for path in sorted((gold_dir / "articles").glob("*.txt")):
        try:
            article = read_article(path)
            if article.date is None and dates.get(article.id):
                article = dataclasses.replace(article, date=date.fromisoformat(dates[article.id]))
            sentence_of = None
            reshape = SHAPES[shape]
            if reshape is None:
                doc = parse_published(article.text)
            else:
                as_published = AnalysedArticle(article, parse_published(article.text))
                text, moved = reshape(article.text)
                article = dataclasses.replace(article, text=text)
                sentence_of = _sentence_map(as_published, moved)
                doc = nlp(article.text)
            analysed = AnalysedArticle(article, doc)
            if sentence_of is not None:
                sentence_of = _gold_sentence_lookup(analysed, sentence_of)
            briefing = build_briefing(analysed)
        except Exception as error:  # one article's failure is reported, not fatal
            if errors is None:
                raise
            errors.append(f"could not process {path}: {failure_reason('briefing failed', error)}")
            continue
        if errors is not None:
            errors.extend(f"could not process {error}" for error in section_failures(briefing))
        corpus.append(GoldArticle(id=article.id, analysed=analysed, briefing=briefing, gold_dir=gold_dir,
                                  shape=shape, sentence_of=sentence_of, nlp=nlp))
    return corpus


def article_dates(gold_dir: Path) -> dict[str, str]:
    """Article id → publication date from ``articles.json``, for articles whose text has no date line."""
    path = gold_dir / "articles.json"
    if not path.exists():
        return {}
    return {entry["id"]: entry["date"] for entry in json.loads(path.read_text(encoding="utf-8"))
            if isinstance(entry.get("id"), str) and entry.get("date")}


def _sentence_map(published: AnalysedArticle, moved: Callable[[int], int]) -> list[int]:
    """Where each sentence of the published article starts in the reshaped text."""
    return [moved(sentence.start) for sentence in published.sentences]


def _gold_sentence_lookup(analysed: AnalysedArticle, starts: list[int]) -> Callable[[int], int]:
    """Gold sentence number → the reshaped article's sentence holding that sentence's start."""
    return lambda index: analysed.sentence_of_char(starts[index]) if 0 <= index < len(starts) else index


def prf(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def format_row(name: str, precision: float, recall: float, f1: float, *extra: str) -> str:
    return f"{name:<28} P={precision:.3f} R={recall:.3f} F1={f1:.3f}" + "".join(f" {e}" for e in extra)
