"""The ``briefing`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .crossref import actor_slug, briefing_pages
from .fetch import add_article
from .nlp import load_model
from .parallel import brief_articles
from .pipeline import Project, build
from .readers import ArticleError, read_article
from .render import Renderer


def show_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def command_build(args: argparse.Namespace) -> int:
    report = build(Project.at(Path(args.project)), force=args.force, n_process=args.jobs,
                   progress=show_progress() if args.progress is None else args.progress)
    for line in report.lines():
        print(line, file=sys.stderr if line.startswith(("error", "warning")) else sys.stdout)
    return 0 if report.ok else 1


def command_add(args: argparse.Namespace) -> int:
    status = 0
    for url in args.urls:
        try:
            path = add_article(url, Project.at(Path(args.project)).seeds_dir)
        except ArticleError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
        else:
            print(f"added: {path}")
    return status


def command_extract(args: argparse.Namespace) -> int:
    articles, status = [], 0
    for name in args.files:
        try:
            articles.append(read_article(Path(name)))
        except ArticleError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
    briefings = list(brief_articles(load_model(), articles, n_process=args.jobs)) if articles else []
    if args.format == "json":
        payload = [b.to_dict() for b in briefings]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        renderer = Renderer(Path(args.project) / "templates")
        pages = briefing_pages(briefings)
        for briefing in briefings:
            actor_pages = {a.name: f"actors/{actor_slug(a.name)}.md" for a in briefing.actors}
            print(renderer.briefing(briefing, page_path=pages[briefing.id], actor_pages=actor_pages))
    return status


def command_eval(args: argparse.Namespace) -> int:
    from .evaluation import actors, facts, quotes
    from .evaluation.corpus import load_corpus

    evaluations = {"quotes": quotes.evaluate, "actors": actors.evaluate, "facts": facts.evaluate}
    corpus = load_corpus(Path(args.gold), load_model())
    for name in args.only or list(evaluations):
        for line in evaluations[name](corpus):
            print(line)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="generate every stale briefing and the site pages")
    build_cmd.add_argument("--project", default=".", help="project folder (default: here)")
    build_cmd.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    build_cmd.add_argument("--jobs", type=int, default=0,
                           help="processes for the NLP (default 0: one per core)")
    build_cmd.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                           help="progress bar (default: only in an interactive terminal)")
    build_cmd.set_defaults(run=command_build)

    add_cmd = commands.add_parser("add", help="fetch web pages and save their articles in seeds/")
    add_cmd.add_argument("urls", nargs="+", metavar="URL")
    add_cmd.add_argument("--project", default=".", help="project folder (default: here)")
    add_cmd.set_defaults(run=command_add)

    extract_cmd = commands.add_parser("extract", help="print briefings for article files")
    extract_cmd.add_argument("files", nargs="+")
    extract_cmd.add_argument("--format", choices=("json", "md"), default="json")
    extract_cmd.add_argument("--jobs", type=int, default=0,
                             help="processes for the NLP (default 0: one per core)")
    extract_cmd.add_argument("--project", default=".", help="project folder whose templates to use")
    extract_cmd.set_defaults(run=command_extract)

    eval_cmd = commands.add_parser("eval", help="precision, recall and F1 on the gold set, beside baselines")
    eval_cmd.add_argument("--gold", default="tests/gold", help="gold folder (default: tests/gold)")
    eval_cmd.add_argument("--only", action="append", choices=("quotes", "actors", "facts"))
    eval_cmd.set_defaults(run=command_eval)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
