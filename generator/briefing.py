"""Build a :class:`Briefing` from an analysed article by running every extractor.

Each extractor runs on its own: one that raises leaves its section empty and records a
:class:`SectionError`, and the rest of the briefing is still built and published.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .analysis import LAYERS, LayerError, layer_errors
from .extract.actors import extract_actors, rank_actors, speakers_as_actors
from .extract.facts import extract_key_facts
from .extract.figures import extract_figures
from .extract.questions import extract_open_questions
from .extract.quotes import extract_quotes
from .extract.summary import headline, summarise
from .extract.timeline import extract_timeline
from .failures import one_line, raise_site, trace
from .models import Briefing, SectionError
from .nlp import AnalysedArticle

T = TypeVar("T")


class Sections:
    """Runs extractors one at a time, each failure kept as a :class:`SectionError`.

    A section whose analysis layer failed on this article is not run: it reads what the layer
    would have written, so it stays empty and says why.
    """

    def __init__(self, source: str, layer_failures: list[LayerError] | None = None) -> None:
        self.source = source
        self.errors: list[SectionError] = []
        self.unreadable: dict[str, LayerError] = {}
        for failure in layer_failures or []:
            for section in LAYERS.get(failure.layer, ()):
                self.unreadable.setdefault(section, failure)

    def run(self, section: str, extractor: Callable[[], T], fallback: T) -> T:
        if section in self.unreadable:
            layer = self.unreadable[section]
            if all(error.section != section for error in self.errors):
                failure = SectionError(section, f"the {layer.layer} layer failed: {layer.reason}", layer.site)
                failure.detail = layer.detail
                self.errors.append(failure)
            return fallback
        try:
            return extractor()
        except Exception as error:  # noqa: BLE001 - any bug in one extractor must spare the rest
            failure = SectionError(section, one_line(error), raise_site(error))
            failure.detail = trace(error)
            self.errors.append(failure)
            return fallback


def lead_text(analysed: AnalysedArticle) -> str:
    """The headline when the headline extractor fails: the article's title or its first sentence, verbatim."""
    if analysed.article.title:
        return analysed.article.title
    return analysed.sentences[0].text if analysed.sentences else analysed.article.id


def build_briefing(analysed: AnalysedArticle) -> Briefing:
    article = analysed.article
    sections = Sections(article.path, layer_errors(analysed.doc))
    actors = sections.run("actors", lambda: extract_actors(analysed), [])
    quotes, statements = sections.run("quotes", lambda: extract_quotes(analysed, actors), ([], []))
    actors, quotes, statements = sections.run(
        "actors", lambda: speakers_as_actors(actors, quotes, statements), (actors, quotes, statements))
    actors = sections.run("actors", lambda: rank_actors(actors, quotes), actors)
    summary, summary_sentences = sections.run("summary", lambda: summarise(analysed), ("", []))
    return Briefing(
        id=article.id,
        title=sections.run("headline", lambda: headline(analysed), lead_text(analysed)),
        date=article.date.isoformat() if article.date else None,
        source=article.path,
        summary=summary,
        summary_sentences=summary_sentences,
        key_facts=sections.run("key facts", lambda: extract_key_facts(
            analysed, actors, quotes, summary_sentences=summary_sentences), []),
        quotes=quotes,
        statements=statements,
        actors=actors,
        open_questions=sections.run("open questions", lambda: extract_open_questions(analysed, actors), []),
        timeline=sections.run("timeline", lambda: extract_timeline(analysed), []),
        figures=sections.run("figures", lambda: extract_figures(analysed), []),
        sentences=[s.text for s in analysed.sentences],
        sentence_paragraphs=[s.paragraph for s in analysed.sentences],
        meta=dict(article.meta),
        errors=sections.errors,
    )
