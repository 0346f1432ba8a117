"""The rubric counts: what `briefing eval --ratings` prints from a folder of blind ratings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.evaluation.rubric import count

RATINGS = Path(__file__).resolve().parent / "ratings"


def rated(folder: Path, name: str, **sections) -> None:
    data = {"article": name, "headline": {"rating": "good", "ellipsis": False}, "key_facts": [], "questions": [],
            "raises_open_question": False, "timeline": [], "figures": [], **sections}
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_the_first_rating_of_each_section_is_the_share_reported(tmp_path):
    rated(tmp_path, "a", key_facts=[{"n": 1, "rating": "keeper", "repeats_summary": True},
                                    {"n": 2, "rating": "wrong"}],
          raises_open_question=True, questions=[{"n": 1, "rating": "weak"}])
    rated(tmp_path, "b", headline={"rating": "poor", "ellipsis": True}, raises_open_question=True,
          timeline=[{"n": 1, "rating": "right"}, {"n": 2, "rating": "garbled"}, {"n": 3, "rating": "right"}])
    counts = count(tmp_path)
    assert counts.articles == 2
    assert counts.share("key_facts") == 0.5 and counts.share("timeline") == 2 / 3 and counts.share("headline") == 0.5
    assert counts.share("figures") == 0.0  # nothing rated
    assert (counts.ellipses, counts.facts_repeating_summary) == (1, 1)
    assert (counts.raising_a_question, counts.raising_with_questions) == (2, 1)


def test_a_rating_outside_the_rubric_is_an_error(tmp_path):
    rated(tmp_path, "a", figures=[{"n": 1, "rating": "fine"}])
    with pytest.raises(ValueError, match="figures rating 'fine'"):
        count(tmp_path)


@pytest.mark.parametrize("folder", sorted(p.name for p in RATINGS.iterdir() if p.is_dir()))
def test_every_committed_round_rates_every_held_out_article(folder, capsys):
    articles = {p.stem for p in (RATINGS.parent / "heldout" / "articles").glob("*.txt")}
    assert {p.stem for p in (RATINGS / folder).glob("*.json")} == articles
    assert main(["eval", "--ratings", str(RATINGS / folder)]) == 0
    assert f"{len(articles)} articles" in capsys.readouterr().out
