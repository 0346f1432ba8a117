"""How a failure is told: one line for the editor, the traceback for whoever debugs it.

Every entry point (the plugin, each ``briefing`` command, the worker processes) turns an
exception raised for one article into these words, so the same failure reads the same
everywhere.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from .models import Briefing
from .readers import ArticleError

PACKAGE = Path(__file__).resolve().parent


def one_line(error: BaseException) -> str:
    """``IndexError: list index out of range``: the type and the first line of the message."""
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__


def raise_site(error: BaseException) -> str:
    """The innermost frame in the generator's own code, e.g. ``generator/extract/dates.py:88 in _relative``.

    A crash census groups failures by this, so one bug met by many articles counts once.
    """
    site = ""
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(PACKAGE):
            site = f"generator/{path.relative_to(PACKAGE).as_posix()}:{frame.lineno} in {frame.name}"
    if not site:
        frames = traceback.extract_tb(error.__traceback__)
        if frames:
            last = frames[-1]
            site = f"{Path(last.filename).name}:{last.lineno} in {last.name}"
    return site


def trace(error: BaseException) -> str:
    return "".join(traceback.format_exception(error)).rstrip()


def failure_reason(what: str, error: BaseException) -> str:
    """``briefing failed: IndexError: … (at generator/…:12 in f)``: what failed, why, and where."""
    site = raise_site(error)
    return f"{what}: {one_line(error)}" + (f" (at {site})" if site else "")


def article_failure(path: str, what: str, error: BaseException) -> ArticleError:
    """An article's failure from a bug: the reason in one line, the traceback kept for --debug."""
    return ArticleError(path, failure_reason(what, error), trace(error))


def section_failures(briefing: Briefing) -> list[ArticleError]:
    """One error per section the extractors could not fill, named as everywhere else."""
    return [ArticleError(briefing.source, f"extraction failed in {error.section}: {error.reason}"
                         + (f" (at {error.site})" if error.site else ""), error.detail)
            for error in briefing.errors]
