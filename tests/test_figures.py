"""Figures: every amount with what it counts, in order; no years, dates, ordinals or names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from generator.briefing import build_briefing
from generator.extract.figures import extract_figures
from generator.models import Article
from generator.nlp import AnalysedArticle, analyse
from generator.readers import read_article
from generator.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "gold" / "articles" / "00_carney_ukraine.txt"


def parse(nlp: Language, text: str) -> AnalysedArticle:
    return next(analyse(nlp, [Article(id="t", path="t.txt", text=text, date=date(2020, 1, 20))]))


def figures_of(nlp: Language, text: str) -> list[str]:
    return [figure.text for figure in extract_figures(parse(nlp, text))]


def test_seed_figures_with_their_nouns(nlp: Language) -> None:
    analysed = next(analyse(nlp, [read_article(SEED)]))
    figures = extract_figures(analysed)
    assert [(f.text, f.sentence) for f in figures] == [
        ("about 30 nations", 1),
        ("billions in financial aid", 11),
        ("C$2 billion in support", 16),
    ]


def test_shares_say_what_they_are_a_share_of(nlp: Language) -> None:
    text = ("Experts estimated that 74% of the oil had been captured. "
            "Sixty-six percent of those surveyed said they had reservations.")
    assert figures_of(nlp, text) == ["74% of the oil", "Sixty-six percent of those surveyed"]


def test_place_and_time_phrases_stay_out_of_the_figure(nlp: Language) -> None:
    text = ("After his announcement, Apple stock quickly fell 5.4 percent in after-hours trading. "
            "The latest Ebola outbreak has killed 3,338 in Guinea, Sierra Leone and Liberia.")
    assert figures_of(nlp, text) == ["5.4 percent", "3,338"]


def test_years_dates_ordinals_clock_times_and_names_are_not_figures(nlp: Language) -> None:
    text = ("In 2019, the third report of the Group of Seven came out on Aug. 20 at 4pm. "
            "The most notorious of the three is Carl Peters.")
    assert figures_of(nlp, text) == []


def test_counts_ratios_and_missed_number_words(nlp: Language) -> None:
    text = ("The figures show seven out of every 100 Hispanic children were out of school. "
            "It emitted more than 44 million metric tons of carbon in 2018, and spent thousands of dollars.")
    assert figures_of(nlp, text) == ["seven out of every 100 Hispanic children",
                                     "more than 44 million metric tons of carbon", "thousands of dollars"]


def test_figures_are_article_text_in_order(nlp: Language) -> None:
    analysed = parse(nlp, "A further 69,000 academic staff were on atypical contracts, while an estimated "
                          "6,500 were on zero-hours contracts, up 21.9%.")
    figures = extract_figures(analysed)
    assert [f.text for f in figures] == ["69,000 academic staff", "an estimated 6,500", "21.9%"]
    positions = [analysed.text.index(f.text) for f in figures]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("text", "figure", "context"), [
    ("Apple stock quickly fell 5.4 percent in after-hours trading after the news.", "5.4 percent",
     "Apple stock quickly fell 5.4 percent"),
    ("Apple lost $900 million as Windows-based PCs dominated the computer market.", "$900 million",
     "Apple lost $900 million"),
    ("The iPad was introduced less than a year ago but has already sold nearly 29 million units.",
     "nearly 29 million units", "The iPad … has already sold nearly 29 million units"),
    # the figure is the subject: it says what it counts
    ("About 30 nations have pledged to defend Ukraine.", "About 30 nations", ""),
    # a pronoun no one can be named for, and an infinitive: no clause that reads alone
    ("It emitted more than 44 million metric tons of carbon last year.",
     "more than 44 million metric tons of carbon", ""),
    ("Hoenig wants the Fed to increase its rate from zero to 1 percent.", "1 percent", ""),
])
def test_a_figure_says_what_it_measures(nlp: Language, text: str, figure: str, context: str) -> None:
    """Issue 15: "$900 million" alone is noise to an editor; "Apple lost $900 million" is a figure.
    The context is the article's words, "…" where some were left out, or nothing when unsure."""
    found = {f.text: f for f in extract_figures(parse(nlp, text))}
    assert found[figure].context == context
    if context:
        assert all(part in text for part in context.split(" … "))


def test_the_page_shows_the_figure_in_bold_inside_its_clause(nlp: Language) -> None:
    analysed = parse(nlp, "Apple stock quickly fell 5.4 percent in after-hours trading after the news. "
                          "About 30 nations have pledged to defend Ukraine.")
    page = Renderer(ROOT / "templates").briefing(build_briefing(analysed), page_path="t.md", actor_pages={})
    figures = page.split("## Figures")[1]
    assert "- Apple stock quickly fell **5.4 percent** [source]" in figures
    assert "- **About 30 nations** [source]" in figures
