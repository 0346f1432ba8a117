"""Helpers for tests that build a real project on disk."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_fb56c33a028a11f9.txt"
GOLD_ARTICLES = ROOT / "tests" / "gold" / "articles"
# A second article of the seed's story (Carney and Zelenskiy again): with it, their actors are in
# two briefings and get pages of their own.
FOLLOW_UP = ROOT / "tests" / "data" / "carney_kyiv_followup.txt"


def make_project(tmp_path: Path, articles: list[Path]) -> Path:
    """A copy of this project's configuration and templates with the given articles as seeds."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", project / "templates")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "briefings").mkdir()
    for assets in ("stylesheets", "javascripts"):
        if (ROOT / "briefings" / assets).is_dir():
            shutil.copytree(ROOT / "briefings" / assets, project / "briefings" / assets)
    (project / "seeds").mkdir()
    for article in articles:
        shutil.copy(article, project / "seeds" / article.name)
    return project


# Browser viewports: a phone (the width the reader issues were found at) and a desktop.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def build_site(project: Path, **env: str) -> Path:
    """A real `mkdocs build --strict` of the project (extra environment variables, e.g. SITE_URL);
    the built site, or the test fails with MkDocs' messages."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1", **env}, check=False)
    assert result.returncode == 0, result.stderr
    return project / "site"


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def built_site(folder: Path) -> dict[str, bytes]:
    """A built site's files, without what differs between any two builds (the sitemap's gzip stamp)."""
    return {name: data for name, data in tree_bytes(folder).items() if not name.endswith(".gz")}


class QuietHandler(SimpleHTTPRequestHandler):
    """A static server that answers like GitHub Pages: a missing file is the site's 404.html.

    GitHub Pages serves a project site's own root 404.html (status 404) for any URL under it it
    has no file for, so a test sees the page a reader would. The folder served is the site
    (``<directory>/404.html``) or, for a site under a sub-path, holds it (``<directory>/REPO/``:
    the 404.html of the URL's first path segment). Without either, Python's bare error page.
    """

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found_page() if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def not_found_page(self) -> Path | None:
        """The 404.html that answers this request's URL, or None."""
        root = Path(self.directory)
        first = unquote(urlsplit(self.path).path).lstrip("/").partition("/")[0]
        candidates = [root / "404.html"]
        if first not in ("", ".", "..") and "\\" not in first:
            candidates.append(root / first / "404.html")
        return next((page for page in candidates if page.is_file()), None)


def serve(directory: Path) -> Iterator[str]:
    """A folder served at the root of a localhost port, for as long as the generator runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Links of a built site, as a static web server resolves them (tests/test_links.py, test_zensical.py).
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
SITE = "http://site.invalid/"


class PageParser(HTMLParser):
    """The ids a page defines and the URLs it points to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        url = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if url is not None:
            self.links.append(url)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url: str) -> Path | None:
    """The file an in-site URL serves, as a static web server would; None when it is missing."""
    path = site / unquote(urlsplit(url).path).removeprefix(urlsplit(SITE).path)
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def broken_links(site: Path) -> list[str]:
    pages = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for path, parsed in pages.items():
        page_url = urljoin(SITE, path.relative_to(site).as_posix())
        for link in parsed.links:
            url, fragment = urldefrag(urljoin(page_url, link))
            if not url.startswith(SITE):
                continue
            target = target_file(site, url)
            shown = f"{path.relative_to(site)}: {link}"
            if target is None:
                problems.append(f"{shown} (no such file)")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in pages[target].ids:
                problems.append(f"{shown} (no #{fragment} there)")
    return problems
