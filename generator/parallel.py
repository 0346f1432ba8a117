"""Parse and extract on every core: each worker process runs the whole per-article work.

Workers are forked after the model is loaded, so they share it instead of loading their own,
and only articles in and briefings out cross between processes (never parsed documents).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence

from spacy.language import Language

from .briefing import build_briefing
from .models import Article, Briefing
from .nlp import analyse

# The model a forked worker inherited from its parent; set once per worker process.
_worker_nlp: Language | None = None


def _start_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _brief_chunk(articles: list[Article]) -> list[Briefing]:
    assert _worker_nlp is not None
    return [build_briefing(analysed) for analysed in analyse(_worker_nlp, articles)]


def chunks(items: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def brief_articles(nlp: Language, articles: Sequence[Article], *, n_process: int = 1,
                   chunk_size: int = 8) -> Iterator[Briefing]:
    """Briefings in the order of ``articles``, streamed; parallel only when it pays off.

    ``n_process`` 0 means one process per core.
    """
    if n_process <= 0:
        n_process = os.cpu_count() or 1
    if n_process <= 1 or len(articles) < 2 * chunk_size:
        for analysed in analyse(nlp, articles):
            yield build_briefing(analysed)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process, initializer=_start_worker, initargs=(nlp,)) as pool:
        for briefings in pool.imap(_brief_chunk, chunks(articles, chunk_size)):
            yield from briefings
