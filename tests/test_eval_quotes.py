"""The quotes evaluation: matching rules, and the quality gate on the hand-checked gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.evaluation import quotes as evaluation
from generator.evaluation.corpus import GoldArticle
from generator.evaluation.quotes import Predicted, Scores, jaccard, match, normalise_name, same_speaker
from generator.models import Article
from generator.nlp import analyse

GOLD = Path(__file__).parent / "gold"


def test_jaccard_ignores_case_and_punctuation():
    assert jaccard("It’s a fluid situation.", "it’s a FLUID situation") == 1.0
    assert jaccard("one two three four", "one two") == 0.5
    assert jaccard("", "anything") == 0.0


def test_match_is_one_to_one_and_greedy_by_best_overlap():
    predicted = [Predicted("we will fight on the beaches", None), Predicted("we will fight on the beaches", None)]
    gold = [{"text": "we will fight on the beaches", "speaker": None}]
    assert match(predicted, gold) == [(0, 0)]
    predicted = [Predicted("a b c d e f g h i j", None), Predicted("a b c d e f g h i", None)]
    gold = [{"text": "a b c d e f g h i", "speaker": None}, {"text": "a b c d e f g h i j", "speaker": None}]
    assert sorted(match(predicted, gold)) == [(0, 1), (1, 0)]


def test_a_quote_merged_with_its_second_half_does_not_match():
    merged = [Predicted("It was a difficult part. A guy who gets high and takes his shirt off", None)]
    assert match(merged, [{"text": "It was a difficult part", "speaker": None}]) == []


def test_speaker_names_are_compared_canonically():
    assert normalise_name("James Roosevelt Jr.") == normalise_name("james roosevelt")
    assert same_speaker("Microsoft Corp", "Microsoft")
    assert same_speaker("President Obama", "Obama")
    assert same_speaker(None, None)
    assert not same_speaker("Mark Carney", None)
    assert not same_speaker("Tim Cook", "Shannon Cross")


def test_scores_count_speakers_only_on_matched_quotes():
    scores = Scores()
    evaluation.score([Predicted("we dodged a bullet", "Steve Cowan"), Predicted("not in gold at all", "X")],
                     [{"text": "We dodged a bullet", "speaker": "Steve Cowan"},
                      {"text": "It looks good", "speaker": "James Hall"}], scores)
    assert (scores.true_positives, scores.predicted, scores.gold, scores.speakers_right) == (1, 2, 2, 1)


def test_textacy_baseline_survives_unbalanced_marks(nlp):
    analysed = next(analyse(nlp, [Article(id="u", path="u.txt", text='"Open quote, she said. Nothing closes.')]))

    class Item:
        pass

    item = Item()
    item.analysed = analysed
    assert evaluation.textacy_quotes(item) is None


def test_every_gold_article_is_annotated_with_the_required_fields():
    articles = sorted((GOLD / "articles").glob("*.txt"))
    assert len(articles) >= 15
    for path in articles:
        if (GOLD / "annotations" / f"{path.stem}.json").exists():
            continue  # the guide's format: checked by tests/test_gold_annotations.py
        annotation = json.loads((GOLD / "quotes" / f"{path.stem}.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        for quote in annotation["quotes"]:
            assert set(quote) == {"text", "partial", "speaker"}
            assert quote["text"] in text, (path.stem, quote["text"])


@pytest.fixture(scope="module")
def corpus(gold_corpus: list[GoldArticle]) -> list[GoldArticle]:
    return gold_corpus


def test_ours_beats_textacy_on_the_gold_set(corpus):
    """The floors are pinned by the gate (tests/test_eval_gate.py); here: above the baseline."""
    ours, baseline, _ = evaluation.run(corpus)
    assert ours.f1 > baseline.f1 and ours.speaker_accuracy > baseline.speaker_accuracy


def test_evaluate_prints_ours_and_the_baseline_side_by_side(corpus):
    lines = evaluation.evaluate(corpus)
    assert "annotated articles" in lines[0]
    assert lines[1].startswith("quotes (ours)") and lines[2].startswith("quotes (textacy baseline)")
    for line in lines[1:3]:
        assert "P=" in line and "R=" in line and "F1=" in line and "speaker=" in line
