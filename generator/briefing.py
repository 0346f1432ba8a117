"""Build a :class:`Briefing` from an analysed article by running every extractor."""

from __future__ import annotations

from .extract.actors import extract_actors, rank_actors
from .extract.facts import extract_key_facts
from .extract.figures import extract_figures
from .extract.questions import extract_open_questions
from .extract.quotes import extract_quotes
from .extract.summary import headline, summarise
from .extract.timeline import extract_timeline
from .models import Briefing
from .nlp import AnalysedArticle


def build_briefing(analysed: AnalysedArticle) -> Briefing:
    article = analysed.article
    actors = extract_actors(analysed)
    quotes, statements = extract_quotes(analysed, actors)
    actors = rank_actors(actors, quotes)
    summary, summary_sentences = summarise(analysed)
    return Briefing(
        id=article.id,
        title=headline(analysed),
        date=article.date.isoformat() if article.date else None,
        source=article.path,
        summary=summary,
        summary_sentences=summary_sentences,
        key_facts=extract_key_facts(analysed, actors, quotes),
        quotes=quotes,
        statements=statements,
        actors=actors,
        open_questions=extract_open_questions(analysed, actors),
        timeline=extract_timeline(analysed),
        figures=extract_figures(analysed),
        sentences=[s.text for s in analysed.sentences],
        sentence_paragraphs=[s.paragraph for s in analysed.sentences],
        meta=dict(article.meta),
    )
