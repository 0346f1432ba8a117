"""The pages of the last `mkdocs build`, reused when nothing they are built from changed.

MkDocs renders every page at every build: at 1,000 briefings that is 2,500 pages of Markdown
and Material templates, most of a minute, when one article changed or none did. A page the
generator owns is a pure function of its Markdown file and of the site's settings (the
configuration, the theme and its overrides, the navigation, the versions of MkDocs, Material
and the Markdown extensions), so when neither changed its HTML is the one built last time.

Before MkDocs empties the site folder, the last build's site is set aside (a rename, no copy:
into the cache folder, or beside the site folder when the cache is on another filesystem, as
`mkdocs serve`'s temporary site is); each reused page is answered from it, with a one-line
template instead of Material's and no Markdown to convert; then the set-aside folder is
removed. The search index is reused the same way when no searchable page's HTML changed, since
Pagefind has no incremental mode. Anything unexpected turns reuse off for that build, never the
build off. `mkdocs build` keeps the list of built pages in the cache folder; `mkdocs serve`,
whose site lives as long as the server, keeps it in memory (``previous``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path

from . import __version__

MANIFEST_NAME = "built-pages.json"
SET_ASIDE_NAME = "last-site"
# The template a reused page is rendered with: its content is replaced by the stored HTML anyway.
REUSED_TEMPLATE = "briefings-reused-page.html"
SEARCH_FOLDER = "pagefind"
SEARCH_MARKER = "data-pagefind-body"
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pagefind")


def package_versions() -> str:
    out = [f"briefing-generator {__version__}"]
    for name in PACKAGES:
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} -")
    return "; ".join(out)


def folder_digest(folder: Path | None) -> str:
    hasher = hashlib.sha256()
    if folder is not None and folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            hasher.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        # surrogatepass: a page may carry a lone surrogate (MkDocs writes it as a character
        # reference); hashing it must not be what fails the build.
        hasher.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


class BuiltPages:
    """One build's reuse of the last build's pages (see the module docstring)."""

    def __init__(self, cache_dir: Path, site_dir: Path, previous: dict[str, dict] | None = None) -> None:
        """``previous``: the last build's pages when the caller kept them (``mkdocs serve``);
        None reads them from the cache folder, and :meth:`finish` writes this build's there."""
        self.cache_dir = cache_dir
        self.site_dir = site_dir
        self.set_aside = set_aside_folder(cache_dir, site_dir)
        self.manifest_path = cache_dir / MANIFEST_NAME if previous is None else None
        # Page URL → {"key", "html" (its digest), "searchable", "anchors"} of the last build, this build.
        self.previous: dict[str, dict] = previous or {}
        self.current: dict[str, dict] = {}
        self.settings = ""
        self.enabled = False
        self.reused = 0

    def put_aside(self, settings: str) -> None:
        """Move the last build's site out of MkDocs' way (it empties ``site_dir`` next)."""
        self.settings = settings
        try:
            shutil.rmtree(self.set_aside, ignore_errors=True)
            if self.manifest_path is not None:
                self.previous = json.loads(self.manifest_path.read_text(encoding="utf-8"))["pages"]
            if not isinstance(self.previous, dict) or not self.previous or not self.site_dir.is_dir():
                return
            self.site_dir.rename(self.set_aside)  # same folder tree: a rename; else OSError, no reuse
            self.site_dir.mkdir()
        except (OSError, ValueError, KeyError, TypeError):
            self.previous = {}
            return
        self.enabled = True

    def page_key(self, markdown: str, meta: dict, url: str, navigation: str) -> str:
        """What the page's HTML is made of: its Markdown and front matter as MkDocs read them."""
        return digest(self.settings, navigation, url, markdown, json.dumps(meta, sort_keys=True, default=str))

    def anchors(self, url: str) -> list[str]:
        """The ids the page had last time, so that links into a reused page are still checked."""
        entry = self.previous.get(url)
        anchors = entry.get("anchors") if isinstance(entry, dict) else None
        return anchors if isinstance(anchors, list) else []

    def known(self, url: str, key: str) -> bool:
        """True when the last build made this page from the same inputs (its HTML may be reused)."""
        entry = self.previous.get(url)
        return self.enabled and isinstance(entry, dict) and entry.get("key") == key

    def reusable(self, url: str, key: str) -> str | None:
        """The HTML built last time for this page from the same inputs, if it is still there."""
        if not self.known(url, key):
            return None
        entry = self.previous[url]
        path = self.set_aside / output_path(url)
        try:
            html = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if digest(html) != entry.get("html"):
            return None  # edited or damaged since: build it again
        self.reused += 1
        return html

    def record(self, url: str, key: str | None, html: str, anchors: set[str] | list[str] | None) -> None:
        self.current[url] = {"key": key or "", "html": digest(html), "searchable": str(SEARCH_MARKER in html),
                             "anchors": sorted(anchors or ())}

    def search_index_reusable(self) -> bool:
        """True when the last search index covers exactly this build's searchable pages."""
        if not self.enabled or not (self.set_aside / SEARCH_FOLDER).is_dir():
            return False

        def searchable(pages: dict[str, dict]) -> dict[str, str]:
            return {url: entry.get("html", "") for url, entry in pages.items()
                    if isinstance(entry, dict) and entry.get("searchable") == "True"}

        return searchable(self.previous) == searchable(self.current)

    def reuse_search_index(self) -> bool:
        """Put the last search index back in the site; False (index again) when it cannot be."""
        try:
            (self.set_aside / SEARCH_FOLDER).rename(self.site_dir / SEARCH_FOLDER)
        except OSError:
            return False
        return True

    def finish(self) -> None:
        """Remember this build's pages; remove the set-aside site."""
        if self.manifest_path is not None:
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                self.manifest_path.write_text(json.dumps({"pages": self.current}, sort_keys=True),
                                              encoding="utf-8")
            except OSError:
                pass
        shutil.rmtree(self.set_aside, ignore_errors=True)


def set_aside_folder(cache_dir: Path, site_dir: Path) -> Path:
    """Where the last site can be moved by a rename: the cache folder when it is on the site's
    filesystem, else a hidden folder beside the site (a rename cannot cross filesystems)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if os.stat(cache_dir).st_dev == os.stat(site_dir.parent).st_dev:
            return cache_dir / SET_ASIDE_NAME
    except OSError:
        pass
    return site_dir.parent / f".{site_dir.name}.{SET_ASIDE_NAME}"


def output_path(url: str) -> str:
    """Where MkDocs writes a page of this URL (``a/b/`` → ``a/b/index.html``)."""
    if not url or url.endswith("/"):
        return url + "index.html"
    return url
