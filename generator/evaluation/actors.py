"""Evaluation of actors against tests/gold/actors/, beside the raw spaCy baseline.

A predicted actor matches a gold actor when its name or one of its aliases equals the gold
name or one of its aliases (case-insensitive); matching is one-to-one (maximum bipartite
matching), so an unresolved duplicate ("Carney" beside "Mark Carney") costs precision.
Type accuracy is measured over the matched pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Actor
from ..nlp import AnalysedArticle
from ..vocabulary import LABEL_TYPES
from .corpus import GoldArticle, format_row, prf

BASELINE_TYPES = {**LABEL_TYPES, "GPE": "country"}


@dataclass
class Score:
    matched: int = 0
    predicted: int = 0
    gold: int = 0
    typed: int = 0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold
        self.typed += other.typed

    @property
    def type_accuracy(self) -> float:
        return self.typed / self.matched if self.matched else 0.0


def _forms(name: str, aliases: list[str]) -> set[str]:
    return {form.strip().casefold().replace("’", "'") for form in [name, *aliases] if form.strip()}


def match(predicted: list[Actor], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of predicted to gold actors (Kuhn's augmenting paths)."""
    gold_forms = [_forms(g["name"], g.get("aliases", [])) for g in gold]
    edges = [
        [j for j, forms in enumerate(gold_forms) if forms & _forms(actor.name, actor.aliases)]
        for actor in predicted
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def score(predicted: list[Actor], gold: list[dict[str, Any]]) -> Score:
    pairs = match(predicted, gold)
    typed = sum(1 for i, j in pairs if predicted[i].type == gold[j]["type"])
    return Score(matched=len(pairs), predicted=len(predicted), gold=len(gold), typed=typed)


def baseline_actors(analysed: AnalysedArticle) -> list[Actor]:
    """Raw spaCy: one actor per distinct entity text, typed by its first label."""
    actors: dict[str, Actor] = {}
    for ent in analysed.doc.ents:
        if ent.label_ in BASELINE_TYPES and ent.text not in actors:
            actors[ent.text] = Actor(name=ent.text, type=BASELINE_TYPES[ent.label_])
    return list(actors.values())


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    system, baseline = Score(), Score()
    per_article = []
    for item in corpus:
        annotation = item.annotation("actors")
        if annotation is None:
            continue
        gold = annotation["actors"]
        mine = score(item.briefing.actors, gold)
        system.add(mine)
        baseline.add(score(baseline_actors(item.analysed), gold))
        per_article.append((item.id, mine))
    lines = [f"actors: {len(per_article)} annotated articles, {system.gold} gold actors"]
    for name, result in (("actors (system)", system), ("actors (baseline: raw spaCy)", baseline)):
        lines.append(format_row(name, *prf(result.matched, result.predicted, result.gold),
                                f"type_acc={result.type_accuracy:.3f}"))
    worst = sorted(per_article, key=lambda pair: prf(pair[1].matched, pair[1].predicted, pair[1].gold)[2])[:3]
    lines.append("  lowest F1: " + ", ".join(
        f"{article} {prf(s.matched, s.predicted, s.gold)[2]:.2f}" for article, s in worst))
    return lines
