"""Extraction throughput on a local Dask cluster beside the built-in process pool, in one run.

Both brief the same distinct articles of the realistic corpus (benchmarks/realistic_corpus.py)
with the same number of processes; the figures are printed with their ratio, since these
machines are noisy. The cluster's start (scheduler, workers, each loading the model) is
timed apart from its extraction: a backfill pays it once, for hours of articles.

    .venv/bin/python benchmarks/bench_cluster.py                  # 200 articles, 2 workers
    .venv/bin/python benchmarks/bench_cluster.py --articles 50 --rounds 1   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from realistic_corpus import realistic_corpus

from generator.cluster import LOCAL, brief_with_client, cluster_client, prepare_workers
from generator.nlp import load_model
from generator.parallel import brief_articles, warm_up
from generator.readers import read_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of pool and cluster")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefing-bench-cluster-") as folder:
        articles = []
        for name, content in realistic_corpus(load_model(), args.articles):
            path = Path(folder) / name
            path.write_text(content, encoding="utf-8")
            articles.append(read_article(path, Path(folder)))
    words = sum(len(article.text.split()) for article in articles)
    print(f"{len(articles)} distinct articles, {words:,} words; {args.workers} processes each way", flush=True)

    # A model fresh from disk, as each cluster worker loads it (the one that made the corpus has
    # every word of it in its vocabulary already, which would flatter the pool), warmed up alike.
    nlp = load_model()
    warm_up(nlp)
    ratios: list[float] = []
    start = time.perf_counter()
    with cluster_client(LOCAL, args.workers) as client:
        prepare_workers(client)
        started = time.perf_counter() - start
        print(f"{'local Dask cluster: start, each worker loading the model':<58} {started:7.1f} s", flush=True)
        # Alternating rounds, since these machines are noisy: the same work has taken 15 s and 24 s.
        for round_ in range(1, args.rounds + 1):
            start = time.perf_counter()
            pool = [result.to_dict() for result in brief_articles(nlp, articles, n_process=args.workers)]
            pooled = time.perf_counter() - start
            start = time.perf_counter()
            on_cluster = [result.to_dict() for result in brief_with_client(client, articles, time_budget=10.0)]
            extracted = time.perf_counter() - start
            ratios.append(extracted / pooled)
            same = json.dumps(on_cluster, sort_keys=True) == json.dumps(pool, sort_keys=True)
            print(f"round {round_}: built-in pool {pooled:6.1f} s, Dask cluster {extracted:6.1f} s, "
                  f"ratio {extracted / pooled:5.2f}, briefings identical: {'yes' if same else 'NO'}", flush=True)
            if not same:
                raise SystemExit(1)
    print(f"{'  ratio cluster extraction / pool, median (goal: <= 1.15)':<58} {statistics.median(ratios):7.2f}")


if __name__ == "__main__":
    main()
