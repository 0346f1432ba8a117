"""Per-article extraction on a Dask cluster, for archives one machine cannot get through.

A newsroom backfilling 200,000 articles needs the NLP on many machines. This runs the same
per-article step as :mod:`generator.parallel` (``_brief``: parse, then brief) on the workers of
a Dask ``distributed`` cluster, and keeps its contract: one result per article, in input
order, a :class:`~generator.models.Briefing` or an :class:`~generator.readers.ArticleError`
naming the file and the reason. The cache entries and pages are written here, by the build,
from those results, so they are byte-identical to a local run's.

Why Dask distributed rather than Ray: it is a pure-Python wheel with a few small dependencies,
its ``LocalCluster`` runs the same scheduler and worker processes on one machine (which is how
CI tests it), and its nanny restarts a worker the kernel killed. Ray brings a large binary, its
own object store and dashboard, none of which this needs: only articles go out and briefings
come back.

Isolation, as in the local pool:
- an exception while an article is parsed or briefed is that article's failure (``_brief``);
- a worker that dies on an article (killed by the kernel, a crash in C) makes that article's
  failure; the scheduler is not asked to try it again on another worker, since an article that
  kills one worker would kill the next (``allowed-failures`` 0 on a local cluster; a shared
  cluster keeps its own setting);
- an article past its time budget is cancelled and its worker restarted by its nanny.
Each worker runs one article at a time, and no more articles are out than there are worker
threads, so an article's budget runs from when it was handed out, as in the local pool.

Workers must run this same generator (its version and extraction code): a worker whose
extraction code differs would write cache entries under another code's key, so each worker
checks the code digest it was sent and refuses every article with the reason if it differs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, get_worker, wait

from .cache import code_digest
from .failures import failure_reason, trace
from .models import Article, Briefing
from .parallel import _as_result, _brief, _Failed, over_budget, time_limit, warm_up
from .readers import ArticleError

LOCAL = "local"
MODEL_PLUGIN = "briefing-generator-model"


class ClusterUnavailable(Exception):
    """No cluster to run on: every article is stopped alike, so the build is."""


class ModelOnWorker(WorkerPlugin):
    """Loads the model once per worker process (as the local pool forks after loading it)."""

    name = MODEL_PLUGIN
    idempotent = True

    def __init__(self, code: str) -> None:
        self.code = code
        self.nlp = None
        self.problem = ""

    def setup(self, worker) -> None:
        if code_digest() != self.code:
            self.problem = (f"the cluster worker at {worker.address} runs other extraction code than this "
                            "build (install the same briefing-generator on every worker)")
            return
        from . import briefing  # noqa: F401 - the extractors, imported once per worker
        from .nlp import load_model

        self.nlp = load_model()
        warm_up(self.nlp)


def brief_on_worker(article: Article) -> Briefing | _Failed:
    """The task a worker runs for one article."""
    plugin = get_worker().plugins[MODEL_PLUGIN]
    if plugin.problem or plugin.nlp is None:
        return _Failed(plugin.problem or "the model did not load on the cluster worker", "")
    return _brief(plugin.nlp, article)


@contextmanager
def cluster_client(address: str, n_workers: int):
    """A client of the cluster at ``address``, or of a local cluster of ``n_workers`` processes."""
    import dask

    if address != LOCAL:
        try:
            client = Client(address)  # waits distributed.comm.timeouts.connect (30 s) for it
        except (OSError, TimeoutError) as error:
            raise ClusterUnavailable(f"no Dask scheduler answered at {address} ({error})") from None
        with client:
            yield client
        return
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _worker_death(error: BaseException) -> str:
    return f"analysis failed: the cluster worker died on this article ({type(error).__name__})"


def brief_on_cluster(articles: Sequence[Article], address: str, *, n_workers: int = 2,
                     time_budget: float) -> Iterator[Briefing | ArticleError]:
    """A briefing, or the reason there is none, for each article in order, streamed.

    ``address`` is a Dask scheduler (``tcp://host:8786``) or ``"local"`` for a local cluster of
    ``n_workers`` worker processes. ``time_budget`` is seconds per 10,000 characters; 0: no limit.
    """
    if not articles:
        return
    with cluster_client(address, max(1, n_workers)) as client:
        prepare_workers(client)
        yield from brief_with_client(client, articles, time_budget=time_budget)


def prepare_workers(client: Client) -> None:
    """Every worker, and any that joins later, loads the model once (ModelOnWorker)."""
    client.register_plugin(ModelOnWorker(code_digest()), name=MODEL_PLUGIN)


def brief_with_client(client: Client, articles: Sequence[Article], *,
                      time_budget: float) -> Iterator[Briefing | ArticleError]:
    """:func:`brief_on_cluster` on a cluster already at hand, its workers prepared."""
    slots = max(1, sum(client.nthreads().values()))
    out: dict = {}  # future → (index, deadline or None, limit)
    done: dict[int, Briefing | ArticleError] = {}
    next_task = next_out = 0
    while next_out < len(articles):
        while next_task < len(articles) and len(out) < slots:
            article = articles[next_task]
            limit = time_limit(article, time_budget)
            future = client.submit(brief_on_worker, article, pure=False)
            out[future] = (next_task, None if limit is None else time.monotonic() + limit, limit)
            next_task += 1
        deadlines = [deadline for _, deadline, _ in out.values() if deadline is not None]
        timeout = max(0.05, min(deadlines) - time.monotonic()) if deadlines else None
        try:
            finished = wait(list(out), timeout=timeout, return_when="FIRST_COMPLETED").done
        except TimeoutError:
            finished = set()
        for future in finished:
            index, _, _ = out.pop(future)
            done[index] = _outcome(future, articles[index])
        now = time.monotonic()
        for future, (index, deadline, limit) in list(out.items()):
            if deadline is not None and now >= deadline and not future.done():
                _stop(client, future)
                del out[future]
                done[index] = over_budget(articles[index], limit)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _outcome(future, article: Article) -> Briefing | ArticleError:
    if future.status == "finished":
        try:
            return _as_result(article, future.result())
        except Exception as error:  # noqa: BLE001 - e.g. a result that could not be sent back
            return ArticleError(article.path, failure_reason("analysis failed", error), trace(error))
    error = future.exception()
    if isinstance(error, KilledWorker):
        return ArticleError(article.path, _worker_death(error))
    return ArticleError(article.path, failure_reason("analysis failed", error), trace(error))


def _stop(client, future) -> None:
    """Cancel an article past its budget and restart the worker it is on (a thread cannot be
    stopped from outside; the worker's nanny starts a fresh process, which loads the model)."""
    workers = [worker for worker, keys in client.processing().items() if future.key in keys]
    future.cancel()
    if workers:
        try:
            client.restart_workers(workers, raise_for_error=False)
        except Exception:  # noqa: BLE001, S110 - the worker is gone either way; the next task goes elsewhere
            pass
