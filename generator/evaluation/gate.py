"""A pinned quality gate: the held-out figures may not drop, and the gold may not change unseen.

In the manner of trafilatura's ``tests/eval_gate.py``: ``tests/eval_baseline.json`` stores, per
gold folder and input shape, the figures measured when the baseline was last updated, the
floors (those figures minus a stated noise allowance) and a digest of every article and
annotation. The gate fails when a figure is below its floor, or when the corpus or its
annotations changed and the baseline was not updated with them (new gold must be measured
before it can gate anything). Updating never lowers a floor unless told to: a drop must be a
decision, not an accident.

Only our own extractors are measured here (no baselines), so the gate needs no test extras.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from ..extract.facts import content_lemmas
from . import actors as actor_evaluation
from . import quotes as quote_evaluation
from .corpus import SHAPES, GoldArticle, load_corpus, prf
from .facts import kind_counts, match_events, match_figures, our_fact_items, score_items
from .questions import question_counts

NOISE_ALLOWANCE = 0.02
# The figures gated, each a share in [0, 1]: name → what it is.
FIGURES = {
    "quotes_f1": "quotes F1",
    "speaker_accuracy": "speaker accuracy of matched quotes",
    "explicit_speaker_accuracy": "speakers marked explicit that are right",
    "actors_f1": "actors F1",
    "actor_type_accuracy": "actor type accuracy of matched actors",
    "key_facts_recall": "editor's facts covered",
    "figures_f1": "figures F1 (exact text)",
    "timeline_f1": "timeline F1 (resolved date right)",
    "timeline_kind_accuracy": "timeline events of the right kind (happened, planned …)",
    "questions_f1": "open questions F1",
}


def corpus_digest(gold_dir: Path) -> str:
    """Every article and annotation file, by path and content."""
    hasher = hashlib.sha256()
    for path in sorted(p for p in gold_dir.rglob("*") if p.is_file() and p.suffix in {".txt", ".json"}):
        hasher.update(path.relative_to(gold_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def measure(corpus: list[GoldArticle], nlp: Language) -> dict[str, float]:
    """Our figures on one corpus in one shape."""
    quotes = quote_evaluation.Scores()
    actors = actor_evaluation.Score()
    facts_covered = facts_gold = 0
    figures = [0, 0, 0]  # strict matches, predicted, gold
    events = [0, 0, 0]  # correctly dated, predicted, gold
    for item in corpus:
        if (gold := item.annotation("quotes")) is not None:
            quote_evaluation.score(quote_evaluation.our_quotes(item), gold["quotes"], quotes)
        if (gold := item.annotation("actors")) is not None:
            actors.add(actor_evaluation.score(item.briefing.actors, gold["actors"]))
        gold = item.annotation("facts") or {}
        if gold.get("key_facts"):
            wanted = [(fact["sentence"], content_lemmas(nlp(fact["text"]))) for fact in gold["key_facts"]]
            facts_covered += score_items(our_fact_items(item), wanted)[1]
            facts_gold += len(wanted)
        if "figures" in gold:
            predicted = [figure.text for figure in item.briefing.figures]
            figures[0] += match_figures(predicted, gold["figures"])[0]
            figures[1] += len(predicted)
            figures[2] += len(gold["figures"])
        if "timeline" in gold:
            predicted_events = [(event.date, event.date_text) for event in item.briefing.timeline]
            events[0] += match_events(predicted_events, gold["timeline"])[1]
            events[1] += len(predicted_events)
            events[2] += len(gold["timeline"])
    asked = question_counts(corpus)["ours"]
    kinds = kind_counts(corpus)
    return {
        "quotes_f1": quotes.f1,
        "speaker_accuracy": quotes.speaker_accuracy,
        "explicit_speaker_accuracy": quotes.explicit_accuracy,
        "actors_f1": prf(actors.matched, actors.predicted, actors.gold)[2],
        "actor_type_accuracy": actors.type_accuracy,
        "key_facts_recall": facts_covered / facts_gold if facts_gold else 0.0,
        "figures_f1": prf(*figures)[2],
        "timeline_f1": prf(*events)[2],
        "timeline_kind_accuracy": kinds["right"] / kinds["matched"] if kinds["matched"] else 0.0,
        "questions_f1": prf(asked["matched"], asked["predicted"], asked["gold"])[2],
    }


@dataclass(frozen=True)
class Measured:
    gold: str  # the gold folder, as given
    digest: str
    figures: dict[str, dict[str, float]]  # shape → figure → value


def measure_all(gold_dirs: Iterable[Path], nlp: Language, shapes: Iterable[str] = SHAPES) -> list[Measured]:
    shapes = list(shapes)
    results = []
    for gold_dir in gold_dirs:
        published: dict = {}  # each article as published is parsed once for all its shapes
        figures = {shape: {name: round(value, 4) for name, value in
                           measure(load_corpus(gold_dir, nlp, shape=shape, published=published), nlp).items()}
                   for shape in shapes}
        results.append(Measured(gold_dir.as_posix(), corpus_digest(gold_dir), figures))
    return results


def side_by_side(measured: list[Measured]) -> str:
    """One row per figure, one column per gold folder and shape: held out and development together."""
    columns = [(result.gold, shape) for result in measured for shape in result.figures]
    values = {(result.gold, shape): figures for result in measured for shape, figures in result.figures.items()}
    width = max(len(label) for label in FIGURES.values())
    heads = [f"{gold} ({shape})" for gold, shape in columns]
    lines = [" " * width + "  " + "  ".join(heads)]
    for name, label in FIGURES.items():
        cells = [f"{values[column][name]:.3f}".rjust(len(head)) for column, head in zip(columns, heads)]
        lines.append(label.ljust(width) + "  " + "  ".join(cells))
    return "\n".join(lines)


def check(baseline: dict, measured: list[Measured]) -> list[str]:
    """Every reason the gate fails; empty when it passes."""
    problems = []
    for result in measured:
        pinned = baseline.get("corpora", {}).get(result.gold)
        if pinned is None:
            problems.append(f"{result.gold}: not in the baseline; run `briefing eval --update-baseline`")
            continue
        if pinned["digest"] != result.digest:
            problems.append(f"{result.gold}: articles or annotations changed since the baseline was measured; "
                            "run `briefing eval --update-baseline` and commit it with the change")
        for shape, figures in result.figures.items():
            for name, value in figures.items():
                floor = pinned["floors"].get(shape, {}).get(name)
                if floor is not None and value < floor:
                    problems.append(f"{result.gold} ({shape}): {FIGURES[name]} {value:.3f} is below its floor {floor:.3f}")
    return problems


def updated(baseline: dict, measured: list[Measured], *, allow_lower: bool = False,
            allowance: float = NOISE_ALLOWANCE) -> tuple[dict, list[str]]:
    """The new baseline, and the floors it refused to lower (nothing is written when any)."""
    corpora = dict(baseline.get("corpora", {}))
    refused = []
    for result in measured:
        old_floors = corpora.get(result.gold, {}).get("floors", {})
        floors: dict[str, dict[str, float]] = {}
        for shape, figures in result.figures.items():
            floors[shape] = {}
            for name, value in figures.items():
                floor = round(max(value - allowance, 0.0), 4)
                old = old_floors.get(shape, {}).get(name)
                if old is not None and floor < old and not allow_lower:
                    refused.append(f"{result.gold} ({shape}): {FIGURES[name]} floor would drop "
                                   f"{old:.3f} → {floor:.3f}")
                    floor = old
                floors[shape][name] = floor
        corpora[result.gold] = {"digest": result.digest, "measured": result.figures, "floors": floors}
    return {"noise_allowance": allowance, "figures": FIGURES, "corpora": corpora}, refused


def read_baseline(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_baseline(path: Path, baseline: dict) -> None:
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
