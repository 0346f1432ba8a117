"""Run a real command with a fault injected for one article: the tests' way to make a bug happen.

    python tests/fault_injection.py KIND ARTICLE_ID briefing|mkdocs ARGS...

KIND is what goes wrong while the article ``ARTICLE_ID`` (its file name without extension) is
briefed, everything else being the product as users run it:
- ``raise``: the open-questions extractor raises ``IndexError`` (a bug in one extractor);
- ``crash``: briefing the article raises outside any extractor (a bug that costs the article);
- ``hang``: the figures extractor never returns (a pathological input), stopped by the budget;
- ``kill``: the process briefing the article is killed, as the kernel's OOM killer would.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import generator.briefing


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

    if kind == "raise":
        generator.briefing.extract_open_questions = failing_questions
    elif kind == "hang":
        generator.briefing.extract_figures = hanging_figures
    elif kind in ("crash", "kill"):
        # parallel imports it from generator.briefing when it briefs an article, so it gets this one.
        generator.briefing.build_briefing = failing_build
    else:
        raise SystemExit(f"unknown fault {kind!r}")


def main() -> int:
    kind, article_id, program, *args = sys.argv[1:]
    inject(kind, article_id)
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
