"""Extraction speed against an earlier version of the generator, in the same run.

Parses and briefs every real article of the gold corpora (tests/gold and tests/heldout: distinct
articles, distinct actors) with this checkout and with the generator at ``--against`` (a git
revision, checked out to a temporary worktree), each in its own process, alternating rounds so
both see the same machine load. Prints seconds per round for each and the ratio of the medians:
these machines are noisy, so only the ratio within one run means anything.

    .venv/bin/python benchmarks/bench_extract.py                 # against f6fa19d (before the analysis layer)
    .venv/bin/python benchmarks/bench_extract.py --against HEAD~3 --rounds 5

Exit code 1 when this checkout is slower than ``--limit`` times the other (default 1.10).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The last commit before the analysis layer (issue 14): the speed the layer must keep.
BEFORE_ANALYSIS_LAYER = "f6fa19d"

WORKER = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.briefing import build_briefing
from generator.nlp import AnalysedArticle, load_model
from generator.readers import read_article
paths = json.loads(sys.argv[2])
nlp = load_model()
articles = [read_article(Path(p)) for p in paths]
build_briefing(AnalysedArticle(articles[0], nlp(articles[0].text)))  # warm up caches (gazetteer)
start = time.perf_counter()
for article in articles:
    build_briefing(AnalysedArticle(article, nlp(article.text)))
print(json.dumps({"seconds": time.perf_counter() - start, "articles": len(articles)}))
"""


def articles() -> list[str]:
    return [str(p) for corpus in ("gold", "heldout") for p in sorted((ROOT / "tests" / corpus / "articles").glob("*.txt"))]


def run(source: Path, paths: list[str]) -> float:
    done = subprocess.run([sys.executable, "-c", WORKER, str(source), json.dumps(paths)], cwd=source,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default=BEFORE_ANALYSIS_LAYER, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=float, default=1.10, help="largest acceptable ratio (this / other)")
    args = parser.parse_args()
    paths = articles()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "worktree", "add", "--detach", str(other), args.against], cwd=ROOT,
                       check=True, capture_output=True)
        try:
            ours, theirs = [], []
            for round_number in range(args.rounds):
                pair = [(ours, ROOT), (theirs, other)]
                for times, source in pair if round_number % 2 == 0 else reversed(pair):
                    times.append(run(source, paths))
                print(f"round {round_number + 1}: this checkout {ours[-1]:.2f} s, {args.against} {theirs[-1]:.2f} s")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, capture_output=True,
                           check=False)
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"{len(paths)} real articles parsed and briefed, median of {args.rounds} rounds: "
          f"this checkout {statistics.median(ours):.2f} s, {args.against} {statistics.median(theirs):.2f} s, "
          f"ratio {ratio:.3f} (limit {args.limit:.2f})")
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
