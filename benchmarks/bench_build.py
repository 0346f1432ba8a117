"""Speed and memory of the whole path at 1,000 and 5,000 articles, in one run.

The corpus (``--corpus realistic``, the default) is the real articles of tests/gold and
tests/heldout, rotated and thinned, with their people and organisations replaced so that
actors grow as in real news (benchmarks/realistic_corpus.py); the run prints its distinct-
actor curve beside the one measured on real news. ``--corpus repeated`` is the old variant,
kept as a labelled extra: the gold articles repeated with their own actors, which makes a
site with far fewer actor pages than real use. Every figure is printed next to a baseline
measured in the same run, since these machines are noisy:

    .venv/bin/python benchmarks/bench_build.py            # 1,000 and 5,000 (about 25 minutes)
    .venv/bin/python benchmarks/bench_build.py --sizes 300 --nlp-articles 300   # a quick look
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from realistic_corpus import REAL_DISTINCT_ACTORS, paragraph_orders, realistic_corpus

from generator.nlp import load_model
from generator.pipeline import Project, build
from generator.readers import read_article

ROOT = Path(__file__).resolve().parent.parent


def paragraph_variants(paragraphs: list[str]) -> Iterator[list[str]]:
    return ([paragraphs[i] for i in order] for order in paragraph_orders(len(paragraphs)))


def repeated_corpus(n: int) -> list[tuple[str, str]]:
    """``n`` distinct seed files (name, content) made from the real gold articles, round robin,
    each keeping its own actors: the labelled extra, not what real use looks like."""
    originals = [read_article(path) for path in sorted((ROOT / "tests/gold/articles").glob("*.txt"))]
    sources = [(article, paragraph_variants(article.text.split("\n\n"))) for article in originals]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    k = 0
    while len(out) < n and sources:
        for article, bodies in list(sources):
            body = next(bodies, None)
            if body is None:
                sources.remove((article, bodies))
                continue
            text = "\n\n".join(body)
            if text in seen:
                continue
            seen.add(text)
            day = (article.date or date(2024, 1, 1)) + timedelta(days=k)
            out.append((f"{article.id}-v{k:04d}.txt", f"date {day.isoformat()} {text}\n"))
            if len(out) >= n:
                break
        k += 1
    if len(out) < n:
        raise SystemExit(f"only {len(out)} distinct variants can be made from the gold articles")
    return out


def make_project(folder: Path, seeds: list[tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", folder / "templates", dirs_exist_ok=True)
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", folder / "overrides", dirs_exist_ok=True)
    for assets in ("stylesheets", "javascripts"):
        if (ROOT / "briefings" / assets).is_dir():
            shutil.copytree(ROOT / "briefings" / assets, folder / "briefings" / assets, dirs_exist_ok=True)
    (folder / "seeds").mkdir(exist_ok=True)
    for name, content in seeds:
        (folder / "seeds" / name).write_text(content, encoding="utf-8")
    return folder


def add_article(project: Path, seed: tuple[str, str]) -> None:
    """One new article: the corpus's next one, which this site does not have yet."""
    name, content = seed
    (project / "seeds" / name).write_text(content, encoding="utf-8")


def zensical_build(project: Path, *, clean: bool) -> tuple[float, str | None]:
    """Seconds of `briefing site --engine zensical` (from an empty site and Zensical cache with
    ``clean``), or the reason it could not run."""
    if clean:
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator.cli", "site", "--engine", "zensical"], cwd=project,
                            capture_output=True, text=True, check=False, env={**os.environ, "CI": "1"})
    if result.returncode != 0:
        return 0.0, "failed: " + (result.stderr.strip().splitlines() or ["?"])[-1]
    return time.perf_counter() - start, None


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def one_process_config(project: Path) -> Path:
    """The project's configuration with ``jobs: 1``: MkDocs converts every page itself, one by one."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    one = text.replace("      search: pagefind\n", "      search: pagefind\n      jobs: 1\n", 1)
    assert one != text, "the benchmark project's plugin options have changed"
    path = project / "mkdocs-one-process.yml"
    path.write_text(one, encoding="utf-8")
    return path


def mkdocs_build(project: Path, config: Path | None = None) -> tuple[float, float]:
    """Wall time and peak resident memory (MiB) of a real `mkdocs build` in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    options = ["-f", str(config)] if config is not None else []
    result = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "mkdocs", "build", "-q", *options],
                            cwd=project, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr[-3000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak_kib / 1024


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def first_search_result(site: Path, query: str) -> tuple[float, float, int] | None:
    """Seconds from opening the search page to the first result and from the last keystroke,
    and the bytes of search index the browser fetched for it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists():
        return None
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url + "search/")
        page.fill("input.pagefind-ui__search-input", query)
        typed = time.perf_counter()
        page.wait_for_selector(".pagefind-ui__result", timeout=120_000)
        done = time.perf_counter()
        fetched = page.evaluate("""performance.getEntriesByType("resource")
            .filter(entry => entry.name.includes("/pagefind/"))
            .reduce((total, entry) => total + entry.encodedBodySize, 0)""")
        browser.close()
    return done - start, done - typed, int(fetched)


def url_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def indexed_pages(home: str) -> int:
    try:
        with urllib.request.urlopen(home + "pagefind/pagefind-entry.json", timeout=5) as response:
            return json.loads(response.read())["languages"]["en"]["page_count"]
    except (OSError, ValueError, KeyError):
        return 0


def poll(condition, seconds: float, every: float = 0.05) -> float | None:
    """Seconds until ``condition()`` is true, or None if it was not within ``seconds``."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if condition():
            return time.perf_counter() - start
        time.sleep(every)
    return None


def serve_new_article(project: Path, seed: tuple[str, str], *,
                      dirty: bool) -> tuple[float | None, float | None, float | None]:
    """Under a real `mkdocs serve` (``--dirty``, as `make serve`, or not): seconds to the first
    served site with its search index, then, after saving one new article, seconds until its
    page is served and until search finds it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    home = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q", "--dev-addr", f"127.0.0.1:{port}",
                               *(["--dirty"] if dirty else [])],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        started = poll(lambda: url_status(home) == 200 and indexed_pages(home) > 0, 1800, every=0.5)
        if started is None:
            return None, None, None
        before = indexed_pages(home)
        pages = set((project / "briefings").rglob("*.md"))
        saved = time.perf_counter()
        add_article(project, seed)
        new_page = []

        def page_served() -> bool:
            if not new_page:
                new_page.extend(set((project / "briefings").rglob("*.md")) - pages)
                new_page[:] = [p for p in new_page if p.parts[-2][:1].isdigit() or p.parts[-2] == "undated"]
            if not new_page:
                return False
            url = home + new_page[0].relative_to(project / "briefings").with_suffix("").as_posix() + "/"
            return url_status(url) == 200

        visible = poll(page_served, 600)
        visible = None if visible is None else time.perf_counter() - saved
        searchable = poll(lambda: indexed_pages(home) > before, 600, every=0.2)
        searchable = None if searchable is None else time.perf_counter() - saved
        return started, visible, searchable
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def actor_curve(briefings: list, points: list[int]) -> list[tuple[int, int, float]]:
    """Distinct actors in the first N briefings (corpus order), and the share of them in one only."""
    ordered = sorted(briefings, key=lambda b: b.id)
    out = []
    for n in points:
        if n > len(ordered):
            break
        counts = Counter(name for b in ordered[:n] for name in {a.name for a in b.actors})
        out.append((n, len(counts), sum(1 for c in counts.values() if c == 1) / max(len(counts), 1)))
    return out


def page_counts(docs: Path) -> tuple[int, int, int]:
    """Markdown pages in ``docs``: briefings, actor pages, the rest (indexes, quotes, timeline)."""
    pages = [p.relative_to(docs) for p in docs.rglob("*.md")]
    briefings = sum(1 for p in pages if p.parts[0][:1].isdigit() or p.parts[0] == "undated")
    actors = sum(1 for p in pages if p.parts[0] == "actors" and p.name != "index.md")
    return briefings, actors, len(pages) - briefings - actors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000", help="site sizes for mkdocs build (comma separated)")
    parser.add_argument("--nlp-articles", type=int, default=1000, help="articles for the NLP comparison")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--query", default="Ukraine")
    parser.add_argument("--corpus", choices=("realistic", "repeated"), default="realistic",
                        help="realistic: new actors at the rate of real news; repeated: the old extra")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the sites here and reuse their extraction caches in the next run "
                             "(default: a temporary folder, removed)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[str, str]] = []

    def report(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name:<62} {value}", flush=True)

    report("machine", f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        nlp = load_model()
        wanted = max(max(sizes), args.nlp_articles) + 3  # three more: each size's new articles
        seconds, corpus = timed(lambda: realistic_corpus(nlp, wanted) if args.corpus == "realistic"
                                else repeated_corpus(wanted))
        report(f"corpus: {args.corpus}, {len(corpus):,} articles", f"{seconds:7.1f} s to make")
        nlp_corpus = corpus[:args.nlp_articles]
        words = sum(len(content.split()) for _, content in nlp_corpus)
        shutil.rmtree(workdir / "site", ignore_errors=True)  # the NLP figures are from scratch
        project = make_project(workdir / "site", nlp_corpus)
        articles = [read_article(path) for path in sorted((project / "seeds").iterdir())]
        raw, _ = timed(lambda: sum(1 for _ in nlp.pipe((a.text for a in articles), batch_size=16)))
        report(f"raw nlp.pipe, 1 process, {len(articles)} articles ({words:,} words)", f"{raw:7.1f} s")
        full, result = timed(build, Project.at(project), nlp_factory=lambda: nlp, n_process=args.jobs)
        assert result.ok, result.lines()[:5]
        report(f"briefing build from scratch, {args.jobs} processes (all pages)", f"{full:7.1f} s")
        report("  ratio build / raw nlp.pipe (goal: <= 1.0)", f"{full / raw:7.2f}")
        for n, distinct, once in actor_curve(result.briefings, [10, 100, 300, 1000, 5000]):
            real = REAL_DISTINCT_ACTORS.get(n)
            report(f"  distinct actors in the first {n:,} briefings (real news: {real or '-'})",
                   f"{distinct:7,} ({once:.0%} in one briefing only)")
        again, result = timed(build, Project.at(project), nlp_factory=load_model, n_process=args.jobs)
        report(f"rebuild, nothing changed ({result.cached} cached, {len(result.written)} written)",
               f"{again:7.2f} s")
        changed = sorted((project / "seeds").iterdir())[len(articles) // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nThe council said on Monday it agreed.\n",
                           encoding="utf-8")
        one, result = timed(build, Project.at(project), nlp_factory=lambda: nlp, n_process=args.jobs)
        report(f"rebuild, one article changed ({len(result.analysed)} analysed, "
               f"{len(result.written)} pages written)", f"{one:7.2f} s")
        report("  ratio one-article rebuild / raw nlp.pipe", f"{one / raw:7.3f}")

        analysed = project  # the largest site whose extractions are cached, to start the next from
        for size in sorted(sizes):
            site = workdir / f"site-{size}"
            for folder in ("site", "briefings", "seeds"):  # a kept site starts again but for its cache
                shutil.rmtree(site / folder, ignore_errors=True)
            site = make_project(site, corpus[:size])
            shutil.copytree(analysed / ".briefing-cache", site / ".briefing-cache", dirs_exist_ok=True)
            generate, _ = timed(build, Project.at(site), nlp_factory=lambda: nlp, n_process=args.jobs)
            report(f"briefing build at {size:,} articles (cache as available)", f"{generate:7.1f} s")
            analysed = site
            briefings, actor_pages, other = page_counts(site / "briefings")
            report(f"  pages at {size:,}: briefings, actor pages, others; per briefing (goal: <= 2.5)",
                   f"{briefings:,}, {actor_pages:,}, {other:,}; {(briefings + actor_pages + other) / size:.2f}")
            one_process, _ = mkdocs_build(site, one_process_config(site))
            report(f"mkdocs build at {size:,} briefings, every page rendered, one process (jobs: 1)",
                   f"{one_process:7.1f} s")
            shutil.rmtree(site / "site")
            seconds, peak = mkdocs_build(site)
            report(f"mkdocs build at {size:,} briefings, every page rendered (the baseline)", f"{seconds:7.1f} s")
            report("  ratio pages converted on every core / one process", f"{seconds / one_process:7.2f}")
            report(f"  peak memory of mkdocs build at {size:,} (goal: <= 3072 MiB at 5,000)", f"{peak:7.0f} MiB")
            again, _ = mkdocs_build(site)
            report(f"mkdocs build at {size:,}, nothing changed (goal: <= 10 s)", f"{again:7.1f} s")
            report("  ratio no-change build / full build", f"{again / seconds:7.2f}")
            add_article(site, corpus[size])
            one, _ = mkdocs_build(site)
            report(f"mkdocs build at {size:,}, one new article (NLP included)", f"{one:7.1f} s")
            report("  ratio one-article build / full build", f"{one / seconds:7.2f}")
            for label, dirty, new in (("mkdocs serve --dirty (make serve)", True, corpus[size + 1]),
                                      ("mkdocs serve", False, corpus[size + 2])):
                started, visible, searchable = serve_new_article(site, new, dirty=dirty)
                report(f"{label} at {size:,}: first site with its search index", f"{started or 0:7.1f} s")
                report("  one new article saved: its page served (goal: <= 5 s at 1,000)",
                       f"{visible:7.1f} s" if visible is not None else "not seen")
                report("  one new article saved: found by search (index made after the build)",
                       f"{searchable:7.1f} s" if searchable is not None else "not seen")
            for label, run in (("from scratch", True), ("again, nothing changed", False)):
                zensical, problem = zensical_build(site, clean=run)
                report(f"zensical site at {size:,}, {label} (briefings, Zensical, feed, Pagefind)",
                       problem or f"{zensical:7.1f} s")
            entry = json.loads((site / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
            size_bytes, files = folder_size(site / "site" / "pagefind")
            report(f"  Pagefind index at {size:,}: pages, size on disk, files",
                   f"{entry['languages']['en']['page_count']:,} pages, {size_bytes / 2**20:.1f} MiB, {files:,} files")
            timing = first_search_result(site / "site", args.query)
            if timing is None:
                report("  first search result in headless Chromium", "skipped (no playwright/chromium)")
            else:
                report(f"  first result for {args.query!r}: from opening search, from last keystroke",
                       f"{timing[0]:7.2f} s, {timing[1]:.2f} s")
                report("  search index fetched by the browser for that query", f"{timing[2] / 2**20:7.2f} MiB")
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
