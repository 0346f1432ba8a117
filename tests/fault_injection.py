"""Run a real command with a fault injected for one article: the tests' way to make a bug happen.

    python tests/fault_injection.py KIND ARTICLE_ID briefing|mkdocs ARGS...

KIND is what goes wrong while the article ``ARTICLE_ID`` (its file name without extension) is
briefed, everything else being the product as users run it:
- ``raise``: the open-questions extractor raises ``IndexError`` (a bug in one extractor);
- ``crash``: briefing the article raises outside any extractor (a bug that costs the article);
- ``hang``: the figures extractor never returns (a pathological input), stopped by the budget;
- ``kill``: the process briefing the article is killed, as the kernel's OOM killer would;
- ``convert-raise`` / ``convert-kill``: converting the article's page from Markdown ahead of
  MkDocs (generator/converted_pages.py) raises, or kills the worker converting it.

With ``--cluster`` the articles are briefed in Dask worker processes, which this process does
not fork: the fault is passed to them in the environment and injected there by
:func:`dask_setup`, which Dask runs in every worker it starts (``distributed.worker.preload``).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import generator.briefing
import generator.converted_pages


def inject(kind: str, article_id: str) -> None:
    questions = generator.briefing.extract_open_questions
    figures = generator.briefing.extract_figures
    build = generator.briefing.build_briefing

    def failing_questions(analysed, actors):
        if analysed.article.id == article_id:
            raise IndexError("injected fault: list index out of range")
        return questions(analysed, actors)

    def hanging_figures(analysed):
        if analysed.article.id == article_id:
            time.sleep(3600)
        return figures(analysed)

    def failing_build(analysed):
        if analysed.article.id == article_id:
            if kind == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError("injected fault outside the extractors")
        return build(analysed)

    convert = generator.converted_pages._convert
    page = article_id.replace("_", "-")

    def failing_conversion(file, *args):
        if page in file.src_uri:
            if kind == "convert-kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RecursionError("injected fault: maximum recursion depth exceeded")
        return convert(file, *args)

    if kind in ("convert-raise", "convert-kill"):
        # the conversion workers are forked from this process, so they get this one.
        generator.converted_pages._convert = failing_conversion
    elif kind == "raise":
        generator.briefing.extract_open_questions = failing_questions
    elif kind == "hang":
        generator.briefing.extract_figures = hanging_figures
    elif kind in ("crash", "kill"):
        # parallel imports it from generator.briefing when it briefs an article, so it gets this one.
        generator.briefing.build_briefing = failing_build
    else:
        raise SystemExit(f"unknown fault {kind!r}")


FAULT_VARIABLE = "BRIEFING_INJECTED_FAULT"


def dask_setup(worker: object) -> None:
    """Dask's preload hook: the same fault in a cluster worker."""
    inject(*os.environ[FAULT_VARIABLE].split(":", 1))


def main() -> int:
    kind, article_id, program, *args = sys.argv[1:]
    inject(kind, article_id)
    os.environ[FAULT_VARIABLE] = f"{kind}:{article_id}"
    os.environ["DASK_DISTRIBUTED__WORKER__PRELOAD"] = json.dumps([os.path.abspath(__file__)])
    if program == "briefing":
        from generator.cli import main as briefing
        return briefing(args)
    from mkdocs.__main__ import cli
    sys.argv = ["mkdocs", *args]
    try:
        cli()
    except SystemExit as exit:
        return exit.code or 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
