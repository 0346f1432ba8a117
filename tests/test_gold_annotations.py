"""The gold annotations in the format of tests/gold/GUIDE.md are well formed and grounded.

Every string an annotator copied from an article is in it, character for character (up to
line breaks inside a multi-paragraph span), so the gold cannot drift from its article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ANNOTATIONS = sorted(path for split in ("gold", "heldout") for path in (TESTS / split / "annotations").glob("*.json"))
KEYS = {"quotes", "actors", "key_facts", "questions", "timeline", "figures", "notes"}
TYPES = {"person", "organization", "country", "place", "group"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda path: path.stem)
def test_an_annotation_follows_the_guide_and_quotes_its_article(path: Path) -> None:
    article = flat((path.parent.parent / "articles" / f"{path.stem}.txt").read_text(encoding="utf-8"))
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) <= KEYS and {"quotes", "actors", "key_facts", "timeline", "figures"} <= set(gold)
    names = set()
    for actor in gold["actors"]:
        assert actor["type"] in TYPES, actor
        assert isinstance(actor.get("aliases", []), list)
        names |= {actor["name"], *actor.get("aliases", [])}
    for quote in gold["quotes"]:
        assert flat(quote["text"]) in article, quote["text"]
        assert isinstance(quote["partial"], bool)
        assert quote["speaker"] is None or isinstance(quote["speaker"], str)
    for fact in gold["key_facts"]:
        assert flat(fact["sentence"]) in article, fact["sentence"]
    for question in gold.get("questions", []):
        assert question["question"].strip().endswith("?") and flat(question["sentence"]) in article, question
    for event in gold["timeline"]:
        assert DATE.match(event["date"]), event
        assert flat(event["date_text"]) in article, event
    for figure in gold["figures"]:
        assert flat(figure["text"]) in article and figure["counts"].strip(), figure


def test_the_split_keeps_publishers_apart_and_holds_out_forty_percent() -> None:
    """``outlet``: who wrote and published it, one name per newsroom (a wire story's agency)."""
    outlets: dict[str, set[str]] = {}
    for split in ("gold", "heldout"):
        entries = json.loads((TESTS / split / "articles.json").read_text(encoding="utf-8"))
        stems = {path.stem for path in (TESTS / split / "articles").glob("*.txt")}
        assert {entry["id"] for entry in entries} == stems
        outlets[split] = {entry["outlet"] for entry in entries}
    assert not outlets["gold"] & outlets["heldout"]
    counts = {split: len(list((TESTS / split / "articles").glob("*.txt"))) for split in ("gold", "heldout")}
    assert counts["heldout"] >= 0.4 * (counts["gold"] + counts["heldout"]), counts
