"""How a failure is told: one line for the editor, the traceback for whoever debugs it.

Every entry point (the plugin, each ``briefing`` command, the worker processes) turns an
exception raised for one article into these words, so the same failure reads the same
everywhere.
"""

from __future__ import annotations

import traceback
from pathlib import Path

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
