"""The ``briefing`` command line."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from .crossref import actor_index, briefing_pages, pages_of_actors
from .failures import section_failures
from .fetch import add_article
from .nlp import load_model
from .parallel import DEFAULT_TIME_BUDGET, brief_articles
from .pipeline import BuildError, Project, build, corrected
from .readers import ArticleError, read_article
from .render import Renderer


def show_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def print_error(error: ArticleError, debug: bool) -> None:
    """One line per failure; with ``--debug`` also the traceback, for whoever fixes the bug."""
    print(f"error: could not process {error}", file=sys.stderr)
    if debug and error.detail:
        print(error.detail, file=sys.stderr)


def command_build(args: argparse.Namespace) -> int:
    project = Project.at(Path(args.project))
    report = build(project, force=[project.page_name(page) for page in args.force], n_process=args.jobs,
                   progress=show_progress() if args.progress is None else args.progress,
                   time_budget=args.time_budget, cluster=args.cluster)
    for line in report.lines():
        print(line, file=sys.stderr if line.startswith(("error", "warning")) else sys.stdout)
    if args.debug:
        for error in report.errors:
            if error.detail:
                print(f"{error.path}:\n{error.detail}", file=sys.stderr)
    return 0 if report.ok else 1


def command_site(args: argparse.Namespace) -> int:
    """The whole site with either engine: MkDocs (its plugin does every step) or Zensical."""
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"error: {config_file}: no such configuration file", file=sys.stderr)
        return 1
    if args.engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file)]
        return subprocess.run(command + (["--strict"] if args.strict else []), check=False).returncode
    from .engines import zensical_build

    report, problems = zensical_build(config_file, progress=show_progress())
    for line in report.lines():
        print(line, file=sys.stderr if line.startswith(("error", "warning")) else sys.stdout)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    # As MkDocs: a failed article is a warning (its page says so), which --strict makes fatal.
    warned = bool(report.errors or report.kept or report.skipped_overrides)
    return 1 if problems or (args.strict and warned) else 0


def command_accept(args: argparse.Namespace) -> int:
    """A build that records the named hand-edited pages as the editor's versions."""
    project = Project.at(Path(args.project))
    report = build(project, accept=[project.page_name(page) for page in args.pages], n_process=args.jobs,
                   progress=show_progress())
    for line in report.lines():
        print(line, file=sys.stderr if line.startswith(("error", "warning")) else sys.stdout)
    return 0 if report.ok else 1


def command_add(args: argparse.Namespace) -> int:
    status = 0
    for url in args.urls:
        try:
            path = add_article(url, Project.at(Path(args.project)).seeds_dir, timeout=args.timeout,
                               allow_private=args.allow_private, allow=tuple(args.allow_address))
        except ArticleError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
        else:
            print(f"added: {path}")
    return status


def command_extract(args: argparse.Namespace) -> int:
    """The briefings of the files that could be processed; every failure named, exit 1 if any."""
    articles, errors = [], []
    for name in args.files:
        try:
            articles.append(read_article(Path(name)))
        except ArticleError as error:
            errors.append(error)
    briefings, skipped = [], []
    results = brief_articles(load_model(), articles, n_process=args.jobs, time_budget=args.time_budget) \
        if articles else []
    for article, result in zip(articles, results):
        if isinstance(result, ArticleError):
            errors.append(result)
            continue
        errors.extend(section_failures(result))
        result, problems = corrected(result, article)
        skipped.extend(problems)
        briefings.append(result)
    if args.format == "json":
        payload = [b.to_dict() for b in briefings]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        renderer = Renderer(Path(args.project) / "templates")
        pages = briefing_pages(briefings)
        actor_pages = pages_of_actors(actor_index(briefings, pages))  # as the site would link them
        for briefing in briefings:
            print(renderer.briefing(briefing, page_path=pages[briefing.id], actor_pages=actor_pages))
    for note in skipped:
        print(f"warning: {note}", file=sys.stderr)
    for error in errors:
        print_error(error, args.debug)
    if errors:
        print(f"{len({e.path for e in errors})} of {len(args.files)} file(s) failed", file=sys.stderr)
    return 1 if errors else 0


def command_eval(args: argparse.Namespace) -> int:
    from .evaluation import actors, facts, headlines, questions, quotes
    from .evaluation.corpus import SHAPES, load_corpus

    if args.gate or args.update_baseline:
        return command_gate(args)
    if args.ratings:
        from .evaluation import rubric
        for folder in args.ratings:
            for line in rubric.evaluate(Path(folder)):
                print(line)
        return 0
    evaluations = {"quotes": quotes.evaluate, "actors": actors.evaluate, "facts": facts.evaluate,
                   "questions": questions.evaluate, "headlines": headlines.evaluate}
    errors: list[str] = []
    nlp = load_model()
    shapes = list(SHAPES) if args.shapes else ["as published"]
    published: dict = {}  # each article as published is parsed once for all its shapes
    for shape in shapes:
        if args.shapes:
            print(f"== {shape} ==")
        corpus = load_corpus(Path(args.gold), nlp, errors, shape=shape, published=published)
        for name in args.only or list(evaluations):
            for line in evaluations[name](corpus):
                print(line)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


GATED = {"tests/heldout": None, "tests/gold": ("as published",)}  # gold folder → shapes (None: all)
BASELINE = Path("tests/eval_baseline.json")


def command_gate(args: argparse.Namespace) -> int:
    """``--gate``: the held-out and development figures against their pinned floors."""
    from .evaluation import gate
    from .evaluation.corpus import SHAPES

    nlp = load_model()
    measured = [result for folder, shapes in GATED.items()
                for result in gate.measure_all([Path(folder)], nlp, shapes or SHAPES)]
    baseline = gate.read_baseline(BASELINE)
    if args.update_baseline:
        new, refused = gate.updated(baseline, measured, allow_lower=args.allow_lower)
        for line in refused:
            print(f"error: {line} (pass --allow-lower to accept the drop)", file=sys.stderr)
        if refused:
            return 1
        gate.write_baseline(BASELINE, new)
        print(f"wrote {BASELINE}")
    print(gate.side_by_side(measured))
    problems = gate.check(gate.read_baseline(BASELINE), measured)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def add_budget(command: argparse.ArgumentParser) -> None:
    command.add_argument("--time-budget", type=float, default=DEFAULT_TIME_BUDGET, metavar="SECONDS",
                         help="stop and report an article that takes longer than this per 10,000 "
                              f"characters (default {DEFAULT_TIME_BUDGET:g}; 0: no limit)")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="briefing", description=__doc__.replace("``", ""))  # plain text
    main.add_argument("--debug", action="store_true", help="show the traceback of every failure")
    commands = main.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="generate every stale briefing and the site pages")
    build_cmd.add_argument("--project", default=".", help="project folder (default: here)")
    build_cmd.add_argument("--force", nargs="+", default=[], metavar="PAGE",
                           help="replace these hand-edited pages with the generated ones (or remove them "
                                "if their article is gone); nothing else is overwritten")
    build_cmd.add_argument("--jobs", type=int, default=0,
                           help="processes for the NLP (default 0: one per core)")
    build_cmd.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                           help="progress bar (default: only in an interactive terminal)")
    build_cmd.add_argument("--cluster", default=None, metavar="ADDRESS",
                           help="run the NLP on a Dask cluster: its scheduler's address (tcp://host:8786), "
                                "or `local` for a local cluster of --jobs workers (needs the `cluster` extra)")
    add_budget(build_cmd)
    build_cmd.set_defaults(run=command_build)

    site_cmd = commands.add_parser("site", help="build the whole site: briefings, pages, feed and search")
    site_cmd.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                          help="mkdocs (default; the plugin runs every step) or zensical (Material's "
                               "successor: reads mkdocs.yml, runs no plugins, so the steps run from here)")
    site_cmd.add_argument("--config-file", default="mkdocs.yml", metavar="FILE")
    site_cmd.add_argument("--strict", action="store_true", help="fail on warnings, as `mkdocs build --strict`")
    site_cmd.set_defaults(run=command_site)

    accept_cmd = commands.add_parser(
        "accept", help="keep hand-edited pages as the editor's versions (the generator's are kept in accepted/)",
        description="Record hand-edited briefing pages as the editor's versions: later builds keep them "
                    "without a warning while the generator would write what it wrote now, and warn with "
                    "a diff when the article changes. The generator's version is kept in accepted/.")
    accept_cmd.add_argument("pages", nargs="+", metavar="PAGE",
                            help="an edited page, e.g. briefings/2025/port-strike.md")
    accept_cmd.add_argument("--project", default=".", help="project folder (default: here)")
    accept_cmd.add_argument("--jobs", type=int, default=0, help="processes for the NLP (default 0: one per core)")
    accept_cmd.set_defaults(run=command_accept)

    from . import fetch  # already imported above, for add_article; named here for its defaults

    add_cmd = commands.add_parser("add", help="fetch web pages and save their articles in seeds/")
    add_cmd.add_argument("urls", nargs="+", metavar="URL")
    add_cmd.add_argument("--project", default=".", help="project folder (default: here)")
    add_cmd.add_argument("--timeout", type=float, default=fetch.DEFAULT_TIMEOUT, metavar="SECONDS",
                         help="give up on a page after this long in all: connecting, redirects and "
                              f"download (default {fetch.DEFAULT_TIMEOUT:g})")
    add_cmd.add_argument("--allow-private", action="store_true",
                         help="also fetch from this machine and private networks (refused by default, "
                              "so a pasted link cannot read local services)")
    add_cmd.add_argument("--allow-address", action="append", type=fetch.network, default=[],
                         metavar="ADDRESS", help="also fetch from this private address or network "
                                                 "(e.g. 10.1.2.3 or 10.1.0.0/16), and no other; repeatable")
    add_cmd.set_defaults(run=command_add)

    extract_cmd = commands.add_parser("extract", help="print briefings for article files")
    extract_cmd.add_argument("files", nargs="+")
    extract_cmd.add_argument("--format", choices=("json", "md"), default="json")
    extract_cmd.add_argument("--jobs", type=int, default=0,
                             help="processes for the NLP (default 0: one per core)")
    extract_cmd.add_argument("--project", default=".", help="project folder whose templates to use")
    add_budget(extract_cmd)
    extract_cmd.set_defaults(run=command_extract)

    eval_cmd = commands.add_parser("eval", help="precision, recall and F1 on the gold set, beside baselines")
    eval_cmd.add_argument("--gold", default="tests/gold", help="gold folder (default: tests/gold)")
    eval_cmd.add_argument("--only", action="append", choices=("quotes", "actors", "facts", "questions", "headlines"))
    eval_cmd.add_argument("--gate", action="store_true",
                          help=f"check the figures against the floors pinned in {BASELINE}")
    eval_cmd.add_argument("--update-baseline", action="store_true",
                          help=f"measure again and pin the figures and floors in {BASELINE}")
    eval_cmd.add_argument("--allow-lower", action="store_true", help="let --update-baseline lower a floor")
    eval_cmd.add_argument("--shapes", action="store_true",
                          help="also score each article with its paragraphs joined into one line and "
                               "with straight quotation marks, against the same gold")
    eval_cmd.add_argument("--ratings", action="append", metavar="DIR",
                          help="count the editor's rubric from a folder of blind ratings (tests/ratings/…), "
                               "without running the NLP")
    eval_cmd.set_defaults(run=command_eval)
    return main


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        try:
            status = args.run(args)
        except BuildError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
        sys.stdout.flush()  # a reader that went away (``| head``) is found here, not at exit
        return status
    except BrokenPipeError:
        # What the signal module's "Note on SIGPIPE" recommends: the rest of the output goes
        # nowhere (Python flushes stdout again at exit), and the exit status is a shell's for a
        # command stopped by SIGPIPE, 128 + 13.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
