"""Arbitrary text and front matter never crash reading or extraction, and stay grounded."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.briefing import build_briefing
from generator.nlp import AnalysedArticle
from generator.overrides import apply_overrides
from generator.readers import ArticleError, read_article

WORDS = st.sampled_from([
    "The", "minister", "said", "Canada", "Mark Carney", "“", "”", '"', "may", "on Friday", "in June",
    "2024", "C$2 billion", "30", "percent", "—", ",", ".", "?", "he", "told", "reporters", "\n\n",
    "if", "the coalition", "agrees", "will", "remain", "Kyiv", "NATO", "’s", "(", ")", "'",
])
TEXT = st.one_of(
    st.lists(WORDS, min_size=1, max_size=80).map(" ".join),
    st.text(min_size=1, max_size=400),
)
META = st.dictionaries(
    st.sampled_from(["title", "date", "author", "tags", "url", "overrides", "other"]),
    st.one_of(st.text(max_size=20), st.integers(), st.lists(st.text(max_size=8), max_size=3),
              st.just("2024-02-29"), st.just({"actors": {"drop": ["Canada"]}})),
    max_size=4,
)


def check_grounded(briefing, text: str) -> None:
    count = len(briefing.sentences)
    for sentence in briefing.sentences:
        assert sentence in text
    for items in (briefing.key_facts, briefing.quotes, briefing.statements, briefing.open_questions,
                  briefing.timeline, briefing.figures):
        for item in items:
            assert 0 <= item.sentence < count
    for quote in briefing.quotes:
        assert quote.text in text
    for actor in briefing.actors:
        assert 0 <= actor.first_sentence < count


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=TEXT, meta=META)
def test_any_markdown_article_reads_and_extracts_or_fails_cleanly(tmp_path_factory, nlp, body, meta):
    folder = tmp_path_factory.mktemp("prop")
    path: Path = folder / "article.md"
    try:
        front = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    try:
        article = read_article(path)
    except ArticleError as error:
        assert str(path) in str(error)
        return
    briefing = build_briefing(AnalysedArticle(article, nlp(article.text)))
    check_grounded(briefing, article.text)
    corrected, _ = apply_overrides(briefing, article.meta.get("overrides"))
    check_grounded(corrected, article.text)
