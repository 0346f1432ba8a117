"""The actors evaluation: its matching rule, and the quality gate on the hand-checked gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.evaluation.actors import Score, baseline_actors, match, score
from generator.evaluation.corpus import GoldArticle, prf
from generator.models import Actor

GOLD = Path(__file__).parent / "gold"
TYPES = {"person", "organization", "country", "place", "group"}

MARGIN = 0.05


def test_alias_match_is_case_insensitive() -> None:
    gold = [{"name": "United States", "type": "country", "aliases": ["US", "the U.S."]}]
    assert match([Actor("united states", "country")], gold) == [(0, 0)]
    assert match([Actor("America", "country", ["THE U.S."])], gold) == [(0, 0)]
    assert match([Actor("Canada", "country")], gold) == []


def test_unresolved_duplicate_costs_precision() -> None:
    gold = [{"name": "Mark Carney", "type": "person", "aliases": ["Carney"]}]
    result = score([Actor("Mark Carney", "person"), Actor("Carney", "country")], gold)
    assert (result.matched, result.predicted, result.gold) == (1, 2, 1)


def test_matching_is_maximal_one_to_one() -> None:
    gold = [{"name": "Tim Cook", "type": "person", "aliases": ["Cook"]},
            {"name": "Cook Islands", "type": "country", "aliases": []}]
    predicted = [Actor("Cook", "person", ["Cook Islands"]), Actor("Tim Cook", "person")]
    assert len(match(predicted, gold)) == 2


def test_type_accuracy_over_matched_pairs() -> None:
    gold = [{"name": "Kyiv", "type": "place", "aliases": []},
            {"name": "NATO", "type": "organization", "aliases": []}]
    result = score([Actor("Kyiv", "person"), Actor("NATO", "organization"), Actor("Riga", "place")], gold)
    assert result.matched == 2 and result.typed == 1 and result.type_accuracy == 0.5


def test_gold_files_are_well_formed() -> None:
    articles = sorted(p.stem for p in (GOLD / "articles").glob("*.txt"))
    assert articles, "no gold articles"
    for article in articles:
        if (GOLD / "annotations" / f"{article}.json").exists():
            continue  # the guide's format: checked by tests/test_gold_annotations.py
        data = json.loads((GOLD / "actors" / f"{article}.json").read_text(encoding="utf-8"))
        names = [a["name"].casefold() for a in data["actors"]]
        assert len(names) == len(set(names)), article
        for actor in data["actors"]:
            assert actor["type"] in TYPES, (article, actor)
            assert isinstance(actor["aliases"], list)


@pytest.fixture(scope="module")
def gold_scores(gold_corpus: list[GoldArticle]) -> tuple[Score, Score]:
    system, baseline = Score(), Score()
    for item in gold_corpus:
        gold = item.annotation("actors")
        system.add(score(item.briefing.actors, gold["actors"]))
        baseline.add(score(baseline_actors(item.analysed), gold["actors"]))
    return system, baseline


def test_the_system_beats_raw_spacy_on_the_gold_set(gold_scores: tuple[Score, Score]) -> None:
    """The floors of every figure are pinned by the gate (tests/test_eval_gate.py); here: above the baseline."""
    system, baseline = gold_scores
    f1 = prf(system.matched, system.predicted, system.gold)[2]
    baseline_f1 = prf(baseline.matched, baseline.predicted, baseline.gold)[2]
    assert f1 >= baseline_f1 + MARGIN
    assert system.type_accuracy >= baseline.type_accuracy + MARGIN
