"""The gold corpus: real articles, each parsed once and briefed once for every evaluation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..briefing import build_briefing
from ..failures import failure_reason, section_failures
from ..models import Briefing
from ..nlp import AnalysedArticle
from ..readers import read_article


@dataclass
class GoldArticle:
    id: str
    analysed: AnalysedArticle
    briefing: Briefing
    gold_dir: Path

    def annotation(self, kind: str) -> Any | None:
        """``tests/gold/<kind>/<id>.json``, or None when this article has no such annotation."""
        path = self.gold_dir / kind / f"{self.id}.json"
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))


def load_corpus(gold_dir: Path, nlp: Language, errors: list[str] | None = None) -> list[GoldArticle]:
    """Every gold article parsed and briefed; a failure is named in ``errors`` (when given) and
    costs only that article, whose gold items then count as missed by every section that failed."""
    corpus = []
    for path in sorted((gold_dir / "articles").glob("*.txt")):
        try:
            article = read_article(path)
            analysed = AnalysedArticle(article, nlp(article.text))
            briefing = build_briefing(analysed)
        except Exception as error:  # one article's failure is reported, not fatal
            if errors is None:
                raise
            errors.append(f"could not process {path}: {failure_reason('briefing failed', error)}")
            continue
        if errors is not None:
            errors.extend(f"could not process {error}" for error in section_failures(briefing))
        corpus.append(GoldArticle(id=article.id, analysed=analysed, briefing=briefing, gold_dir=gold_dir))
    return corpus


def prf(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def format_row(name: str, precision: float, recall: float, f1: float, *extra: str) -> str:
    return f"{name:<28} P={precision:.3f} R={recall:.3f} F1={f1:.3f}" + "".join(f" {e}" for e in extra)
