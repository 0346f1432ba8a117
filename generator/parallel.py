"""Parse and extract every article in isolation, on every core, each within a time budget.

One article's failure is that article's alone. Whatever goes wrong while it is parsed or
briefed (an exception, a parse or regex that never ends, a worker killed by the kernel)
comes back as an :class:`ArticleError` in its place, and every other article still gets its
briefing, in input order, byte-identical to a single-process run.

Workers are forked after the model is loaded, so they share it instead of loading their own;
only articles in and briefings out cross between processes (never parsed documents). Each
worker takes one article at a time, so the parent knows which article a worker is on and
since when: a worker past its article's deadline is killed and replaced, and the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

from .failures import failure_reason, trace
from .models import Article, Briefing
from .readers import ArticleError

if TYPE_CHECKING:
    from spacy.language import Language

# Seconds per 10,000 characters (a short article gets as long as a 10,000-character one).
# A normal article takes well under a second per 10,000 characters on one core.
DEFAULT_TIME_BUDGET = 10.0
BUDGET_CHARS = 10_000


def time_limit(article: Article, budget: float) -> float | None:
    """Seconds this article may take, in proportion to its length; None when there is no budget."""
    if budget <= 0:
        return None
    return budget * max(1.0, len(article.text) / BUDGET_CHARS)


def over_budget(article: Article, limit: float) -> ArticleError:
    return ArticleError(article.path, f"analysis stopped after {limit:.0f} s, the time budget for "
                                      f"{len(article.text):,} characters (see the `time_budget` option)")


class _OutOfTime(BaseException):
    """Raised by the alarm in the middle of an article; a BaseException so no extractor's
    ``except Exception`` swallows it."""


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """A deadline for in-process work, where signals can be had (the main thread, POSIX)."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class _Failed:
    """What a worker sends back for an article that raised: plain strings, safe to pickle."""

    reason: str
    detail: str


def _brief(nlp: Language, article: Article) -> Briefing | _Failed:
    """Parse and brief one article; an exception in either is the article's failure, not ours."""
    # Imported here: a build whose articles all come from the cache never loads the extractors.
    from .briefing import build_briefing
    from .nlp import AnalysedArticle

    stage = "parsing"
    try:
        doc = nlp(article.text)
        stage = "briefing"
        return build_briefing(AnalysedArticle(article, doc))
    except Exception as error:  # noqa: BLE001 - one article's bug must not stop the others
        return _Failed(failure_reason(f"{stage} failed", error), trace(error))


def _as_result(article: Article, outcome: Briefing | _Failed) -> Briefing | ArticleError:
    if isinstance(outcome, Briefing):
        return outcome
    return ArticleError(article.path, outcome.reason, outcome.detail)


def brief_in_process(nlp: Language, article: Article, budget: float) -> Briefing | ArticleError:
    limit = time_limit(article, budget)
    try:
        with _alarm(limit):
            outcome = _brief(nlp, article)
    except _OutOfTime:
        assert limit is not None
        return over_budget(article, limit)
    return _as_result(article, outcome)


WARM_UP_TEXT = 'The council met in Paris on Monday. "We agreed," said Maria Alvarez, the mayor.'


def warm_up(nlp: Language) -> None:
    """Brief a few words once, so that what the components load on first use (the gazetteer,
    about a second) is loaded before the first real article rather than during it."""
    _brief(nlp, Article(id="warm-up", path="warm-up", text=WARM_UP_TEXT))


# ---------------------------------------------------------------- worker processes

def _serve(nlp: Language, tasks: Connection) -> None:
    """A worker's life: one article in, its briefing (or its failure) out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends us
    while True:
        try:
            task = tasks.recv()
        except EOFError:
            return
        if task is None:
            return
        index, article = task
        tasks.send((index, _brief(nlp, article)))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    index: int | None = None  # the article it is on
    limit: float | None = None  # its time budget in seconds
    deadline: float | None = None


class _Pool:
    """Worker processes that can each be killed and replaced without touching the others."""

    def __init__(self, nlp: Language, size: int) -> None:
        self.nlp = nlp
        self.context = multiprocessing.get_context("fork")
        self.workers = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(self.nlp, child), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def replace(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.connection.close()
        self.workers[self.workers.index(worker)] = self._start()

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.connection.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()


def _death(process: multiprocessing.process.BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        return f"the worker process was killed by signal {signal.Signals(-code).name}"
    return f"the worker process exited with status {code}"


def _brief_in_pool(nlp: Language, articles: Sequence[Article], n_process: int,
                   budget: float) -> Iterator[Briefing | ArticleError]:
    from . import briefing  # noqa: F401 - loaded before the workers fork, so they share it

    pool = _Pool(nlp, min(n_process, len(articles)))
    done: dict[int, Briefing | ArticleError] = {}
    next_task, next_out = 0, 0
    try:
        while next_out < len(articles):
            for worker in pool.workers:
                if worker.index is None and next_task < len(articles):
                    article = articles[next_task]
                    limit = time_limit(article, budget)
                    worker.connection.send((next_task, article))
                    worker.index, worker.limit = next_task, limit
                    worker.deadline = None if limit is None else time.monotonic() + limit
                    next_task += 1
            busy = [w for w in pool.workers if w.index is not None]
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout)
            for worker in busy:
                index = worker.index
                assert index is not None
                article = articles[index]
                if worker.connection in ready:
                    try:
                        received, outcome = worker.connection.recv()
                    except (EOFError, OSError):
                        done[index] = ArticleError(article.path, f"analysis failed: {_death(worker.process)}")
                        pool.replace(worker)
                        continue
                    done[received] = _as_result(article, outcome)
                    worker.index = worker.limit = worker.deadline = None
                elif worker.process.sentinel in ready:
                    worker.process.join()
                    done[index] = ArticleError(article.path, f"analysis failed: {_death(worker.process)}")
                    pool.replace(worker)
                elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                    assert worker.limit is not None
                    done[index] = over_budget(article, worker.limit)
                    pool.replace(worker)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        pool.close()


def brief_articles(nlp: Language, articles: Sequence[Article], *, n_process: int = 1,
                   time_budget: float = DEFAULT_TIME_BUDGET) -> Iterator[Briefing | ArticleError]:
    """A briefing, or the reason there is none, for each article in order, streamed.

    ``n_process`` 0 means one process per core; 1 runs in this process (as under ``mkdocs
    serve``, whose threads make forking unsafe), where the budget holds only in the main thread.
    ``time_budget`` is seconds per 10,000 characters; 0 means no limit.
    """
    if n_process <= 0:
        n_process = os.cpu_count() or 1
    if n_process <= 1 or len(articles) < 2:
        for article in articles:
            yield brief_in_process(nlp, article, time_budget)
        return
    yield from _brief_in_pool(nlp, articles, n_process, time_budget)
