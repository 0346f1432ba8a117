"""Quotes against tests/gold/quotes/, beside textacy's ``direct_quotations`` on the same parses.

A predicted quote matches a gold one when their word sets overlap closely (token Jaccard
>= 0.8), one-to-one, best overlap first. Speaker accuracy is over matched quotes: the same
canonical name after folding case, punctuation, honorifics and suffixes (``Jr.``, ``Corp``);
``null == null`` counts as correct.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..vocabulary import SPEAKER_NAME_SUFFIXES as NAME_SUFFIXES
from ..vocabulary import SPEAKER_TITLES as HONORIFICS
from .corpus import BASELINE_MISSING, GoldArticle, format_row, prf

MATCH_THRESHOLD = 0.8
WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Predicted:
    text: str
    speaker: str | None
    speaker_ok: Callable[[str | None], bool] | None = None  # baseline: its own fair comparison
    attribution: str | None = None  # ours: explicit, resolved or unknown


@dataclass
class Scores:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    speakers_right: int = 0
    refused: int = 0  # articles the method declined to process
    explicit: int = 0  # matched quotes whose attribution is explicit
    explicit_right: int = 0

    def row(self, name: str) -> str:
        precision, recall, f1 = prf(self.true_positives, self.predicted, self.gold)
        accuracy = self.speakers_right / self.true_positives if self.true_positives else 0.0
        explicit = f" explicit={self.explicit_accuracy:.3f} of {self.explicit}" if self.explicit else ""
        return format_row(name, precision, recall, f1, f"speaker={accuracy:.3f}{explicit}",
                          f"(tp={self.true_positives} pred={self.predicted} gold={self.gold})")

    @property
    def f1(self) -> float:
        return prf(self.true_positives, self.predicted, self.gold)[2]

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.true_positives if self.true_positives else 0.0

    @property
    def explicit_accuracy(self) -> float:
        """How often a speaker marked ``explicit`` (its own cue names it) is right."""
        return self.explicit_right / self.explicit if self.explicit else 0.0


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def jaccard(a: str, b: str) -> float:
    left, right = words(a), words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def normalise_name(name: str | None) -> str | None:
    """Fold a speaker name for comparison: case, punctuation, honorifics, Jr./Corp suffixes."""
    if name is None:
        return None
    tokens = [w.lower() for w in WORD.findall(name.replace("’", "'").replace("'s", ""))]
    while len(tokens) > 1 and tokens[0] in HONORIFICS | {"the"}:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens = tokens[:-1]
    return " ".join(tokens)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    return normalise_name(predicted) == normalise_name(gold)


def match(predicted: Sequence[Predicted], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), greedy by best overlap."""
    pairs = []
    for i, item in enumerate(predicted):
        for j, wanted in enumerate(gold):
            score = jaccard(item.text, wanted["text"])
            if score >= MATCH_THRESHOLD:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_p, used_g, matched = set(), set(), []
    for _score, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    return sorted(matched)


def score(predicted: Sequence[Predicted], gold: Sequence[dict[str, Any]], into: Scores) -> list[str]:
    """Add one article's counts to ``into``; return readable notes on every miss."""
    matched = match(predicted, gold)
    into.predicted += len(predicted)
    into.gold += len(gold)
    into.true_positives += len(matched)
    notes = []
    for i, j in matched:
        item, wanted = predicted[i], gold[j]
        check = item.speaker_ok or (lambda g, s=item.speaker: same_speaker(s, g))
        right = check(wanted["speaker"])
        if right:
            into.speakers_right += 1
        else:
            notes.append(f"  speaker {item.speaker!r} != {wanted['speaker']!r}: {wanted['text'][:60]!r}")
        if item.attribution == "explicit":
            into.explicit += 1
            into.explicit_right += right
    hit_p, hit_g = {i for i, _ in matched}, {j for _, j in matched}
    notes += [f"  extra: {item.text[:70]!r}" for i, item in enumerate(predicted) if i not in hit_p]
    notes += [f"  missed: {wanted['text'][:70]!r}" for j, wanted in enumerate(gold) if j not in hit_g]
    return notes


def baseline_available() -> bool:
    """textacy is a test extra: ``briefing eval`` runs without it and says the baseline is missing."""
    return importlib.util.find_spec("textacy") is not None


def textacy_quotes(article: GoldArticle) -> list[Predicted] | None:
    """textacy's rule-based direct quotations; None when it refuses a document (odd number of marks)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(article.analysed.doc))
    except ValueError:
        return None
    found = []
    for triple in triples:
        content = triple.content.text.strip().strip("\"“”").strip().rstrip(",").strip()
        speaker_tokens = list(triple.speaker)
        found.append(Predicted(content, " ".join(t.text for t in speaker_tokens),
                               speaker_ok=_textacy_speaker_check(speaker_tokens)))
    return found


def _textacy_speaker_check(tokens: list) -> Callable[[str | None], bool]:
    """Fairest mapping we can give textacy: any proper noun of its speaker in the gold name."""
    names = {t.text.lower() for t in tokens if t.pos_ == "PROPN"}

    def check(gold: str | None) -> bool:
        if gold is None:
            return not names
        return bool(names & set((normalise_name(gold) or "").split()))

    return check


def our_quotes(article: GoldArticle) -> list[Predicted]:
    return [Predicted(q.text, q.speaker, attribution=q.attribution) for q in article.briefing.quotes]


def run(corpus: list[GoldArticle], verbose: bool = False,
        accepted: tuple[Scores, Scores] | None = None) -> tuple[Scores, Scores, list[str]]:
    """Scores of ours and of the baseline; with ``verbose``, a note on every miss of ours.

    ``accepted`` (ours, baseline) receives the scores on the articles textacy does not refuse.
    """
    ours, baseline = Scores(), Scores()
    notes: list[str] = []
    with_baseline = baseline_available()
    for article in corpus:
        gold = article.annotation("quotes")
        if gold is None:
            continue
        wanted = gold["quotes"]
        article_notes = score(our_quotes(article), wanted, ours)
        if not with_baseline:
            continue
        theirs = textacy_quotes(article)
        if theirs is None:
            baseline.refused += 1
        elif accepted is not None:
            score(our_quotes(article), wanted, accepted[0])
            score(theirs, wanted, accepted[1])
        score(theirs or [], wanted, baseline)
        if verbose and article_notes:
            notes.append(article.id)
            notes.extend(article_notes)
    return ours, baseline, notes


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    annotated = sum(1 for item in corpus if item.annotation("quotes") is not None)
    subset = (Scores(), Scores())
    ours, baseline, _ = run(corpus, accepted=subset)
    header = (f"quotes: {annotated} annotated articles, {ours.gold} gold quotes "
              f"(match: token Jaccard >= {MATCH_THRESHOLD}, one-to-one)")
    if not baseline_available():
        return [header, ours.row("quotes (ours)"), f"  {BASELINE_MISSING.format(package='textacy')}"]
    return [
        header,
        ours.row("quotes (ours)"),
        baseline.row("quotes (textacy baseline)"),
        f"  textacy refused {baseline.refused} of {annotated} articles (odd number of marks); on the others:",
        subset[0].row("  quotes (ours)"),
        subset[1].row("  quotes (textacy baseline)"),
    ]
