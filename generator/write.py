"""Write generated pages safely: atomically, only when changed, never over a hand edit.

Each generated page carries a stamp in its front matter: the generator's name, a hash of
the rest of the file and the path it was written to. A page whose hash no longer matches
was edited by someone: it is overwritten or deleted only when the caller names it. A page
without a stamp was written by someone, and a stamped page found at another path than the
one it records is someone's copy: neither is ever overwritten or deleted.

An edit an editor accepted (``briefing accept``) is stamped again with the hash of the edited
text and ``accepted:`` the hash of the generator's version it replaced: it is the page's
version from then on, until someone edits it again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from . import __version__

STAMP_KEY = "briefing_generated"
TEMP_SUFFIX = ".briefing-tmp"


class Ownership(Enum):
    MISSING = "missing"
    GENERATED = "generated"
    EDITED = "edited"
    ACCEPTED = "accepted"  # an edit recorded with `briefing accept`: the editor's version
    FOREIGN = "foreign"  # no stamp, or a stamped page copied to another path: the user's file


class Outcome(Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept (edited by hand)"
    KEPT_FOREIGN = "kept (not written by the generator)"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stamp(text: str, inputs: str | None = None, page: str | None = None, accepted: str | None = None) -> str:
    """Insert the stamp line as the first front-matter key (the page must start with ``---``).

    ``inputs`` records what the page was rendered from, so an unchanged page need not be
    rendered again to know it is unchanged; ``page`` records where it was written, so a copy
    of it elsewhere is recognised as the user's own file; ``accepted`` is the hash of the
    generator's version an accepted edit replaced.
    """
    if not text.startswith("---\n"):
        raise ValueError("generated pages must start with YAML front matter")
    if page is not None and (not page or any(char.isspace() for char in page)):
        raise ValueError(f"a page path cannot be recorded in the stamp: {page!r}")
    recorded_page = f" page:{page}" if page else ""
    recorded_inputs = f" inputs:{inputs}" if inputs else ""
    recorded_acceptance = f" accepted:{accepted}" if accepted else ""
    return (f"---\n{STAMP_KEY}: {__version__} sha256:{digest(text)}{recorded_page}{recorded_inputs}"
            f"{recorded_acceptance}\n{text[4:]}")


def stamp_fields(line: str) -> dict[str, str]:
    return dict(field.partition(":")[::2] for field in line.split() if ":" in field)


def unstamp(text: str) -> tuple[str | None, str]:
    """The recorded hash and the text as it was before stamping."""
    prefix = f"---\n{STAMP_KEY}: "
    if not text.startswith(prefix):
        return None, text
    line_end = text.find("\n", len(prefix))
    if line_end < 0:
        return None, text
    recorded = stamp_fields(text[len(prefix):line_end]).get("sha256")
    return recorded, "---\n" + text[line_end + 1:]


@dataclass(frozen=True)
class PageState:
    """What is on disk at a page's path, from one read: who wrote it, its text, its recorded inputs
    and, for an accepted edit, the hash of the generator's version it replaced."""

    ownership: Ownership
    text: str | None = None
    inputs: str | None = None
    accepted: str | None = None


def page_state(path: Path, page: str | None = None) -> PageState:
    """``page`` is the path, relative to the docs folder, that a generated page there would record."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return PageState(Ownership.MISSING)
    except (UnicodeDecodeError, OSError):
        return PageState(Ownership.FOREIGN)
    recorded, original = unstamp(text)
    if recorded is None:
        return PageState(Ownership.FOREIGN, text)
    fields = stamp_fields(text[4:text.find("\n", 4)])
    if page is not None and fields.get("page", page) != page:
        return PageState(Ownership.FOREIGN, text)
    accepted = fields.get("accepted")
    if recorded != digest(original):
        state = Ownership.EDITED
    else:
        state = Ownership.ACCEPTED if accepted else Ownership.GENERATED
    return PageState(state, text, fields.get("inputs"), accepted)


def ownership(path: Path, page: str | None = None) -> Ownership:
    return page_state(path, page).ownership


def restamp_page(text: str, page: str) -> str:
    """The same stamped page recorded at another path: an edit moved along with its article."""
    line_end = text.find("\n", 4)
    fields = text[4:line_end].split(" ")
    kept = [field for field in fields if not field.startswith("page:")]
    kept.insert(min(3, len(kept)), f"page:{page}")
    return "---\n" + " ".join(kept) + text[line_end:]


def atomic_write(path: Path, text: str) -> None:
    """Temporary file in the same folder, then rename: readers see the old or the new file, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_page(path: Path, text: str, *, force: bool = False, inputs: str | None = None,
               state: PageState | None = None, page: str | None = None) -> Outcome:
    """``state`` is what the caller already read at ``path``, so the page is read once.

    ``force`` overwrites a hand edit of a generated page, never a file the user wrote.
    """
    stamped = stamp(text, inputs, page)
    state = state or page_state(path, page)
    if state.text == stamped:
        return Outcome.UNCHANGED
    if not force and state.ownership in (Ownership.EDITED, Ownership.ACCEPTED):
        return Outcome.KEPT_EDITED
    if state.ownership is Ownership.FOREIGN:
        return Outcome.KEPT_FOREIGN
    atomic_write(path, stamped)
    return Outcome.WRITTEN


def generated_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page that carries the generator's stamp, edited or not (copies included)."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            with path.open(encoding="utf-8") as handle:
                head = handle.read(len(STAMP_KEY) + 8)
        except (OSError, UnicodeDecodeError):
            continue
        if head.startswith(f"---\n{STAMP_KEY}:"):
            pages.append(path)
    return pages


def remove_stale_temporaries(docs_dir: Path) -> None:
    """What an interrupted build left behind; never a finished page."""
    for path in docs_dir.rglob(f".*{TEMP_SUFFIX}"):
        path.unlink(missing_ok=True)
