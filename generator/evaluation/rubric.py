"""The editor's rubric (tests/gold/GUIDE.md), counted from blind ratings of briefings.

A rater who did not write the code rates every item of a briefing against its article alone and
writes one JSON file per article (the shape below); this module only counts them, so the
figures can be printed again from the committed ratings of a given version (``briefing eval
--ratings DIR``). Each folder under ``tests/ratings/`` holds one rating round, named by what
was rated.

    {"article": id, "headline": {"rating": "good", "ellipsis": false},
     "key_facts": [{"n": 1, "rating": "keeper", "repeats_summary": false}],
     "questions": [{"n": 1, "rating": "good"}], "raises_open_question": true,
     "timeline": [{"n": 1, "rating": "right"}], "figures": [{"n": 1, "rating": "meaningful"}]}
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Each rated section and its ratings, the first being the one whose share is reported.
RATINGS = {
    "headline": ("good", "acceptable", "poor"),
    "key_facts": ("keeper", "minor", "wrong"),
    "questions": ("good", "weak", "wrong"),
    "timeline": ("right", "wrong date", "not an event", "garbled"),
    "figures": ("meaningful", "noise", "noun missing"),
}


@dataclass
class RubricCounts:
    articles: int = 0
    ratings: dict[str, Counter[str]] = field(default_factory=lambda: {section: Counter() for section in RATINGS})
    ellipses: int = 0
    facts_repeating_summary: int = 0
    raising_a_question: int = 0  # articles the rater found to raise an open question
    raising_with_questions: int = 0  # of those, the ones the briefing gives questions for

    def share(self, section: str) -> float:
        counts = self.ratings[section]
        total = sum(counts.values())
        return counts[RATINGS[section][0]] / total if total else 0.0


def count(folder: Path) -> RubricCounts:
    """The counts of every rating file in ``folder``; a rating outside the rubric is an error."""
    counts = RubricCounts()
    for path in sorted(folder.glob("*.json")):
        rated = json.loads(path.read_text(encoding="utf-8"))
        counts.articles += 1
        sections = {"headline": [rated["headline"]], **{s: rated[s] for s in RATINGS if s != "headline"}}
        for section, items in sections.items():
            for item in items:
                if item["rating"] not in RATINGS[section]:
                    raise ValueError(f"{path}: {section} rating {item['rating']!r} is not one of {RATINGS[section]}")
                counts.ratings[section][item["rating"]] += 1
        counts.ellipses += bool(rated["headline"].get("ellipsis"))
        counts.facts_repeating_summary += sum(bool(f.get("repeats_summary")) for f in rated["key_facts"])
        if rated["raises_open_question"]:
            counts.raising_a_question += 1
            counts.raising_with_questions += bool(rated["questions"])
    return counts


def evaluate(folder: Path) -> list[str]:
    counts = count(folder)
    lines = [f"rubric ratings in {folder}: {counts.articles} articles"]
    for section, names in RATINGS.items():
        ratings = counts.ratings[section]
        detail = ", ".join(f"{name} {ratings[name]}" for name in names)
        lines.append(f"  {section}: {counts.share(section):.0%} {names[0]} of {sum(ratings.values())} ({detail})")
    headlines = counts.ratings["headline"]
    total = sum(headlines.values())
    if total:
        lines.append(f"  headlines good or acceptable: {(headlines['good'] + headlines['acceptable']) / total:.0%}, "
                     f"with an ellipsis: {counts.ellipses}")
    lines.append(f"  key facts repeating the summary: {counts.facts_repeating_summary}")
    if counts.raising_a_question:
        lines.append(f"  articles raising an open question that get one: {counts.raising_with_questions} of "
                     f"{counts.raising_a_question} ({counts.raising_with_questions / counts.raising_a_question:.0%})")
    return lines
