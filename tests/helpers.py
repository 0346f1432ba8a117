"""Helpers for tests that build a real project on disk."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_fb56c33a028a11f9.txt"
GOLD_ARTICLES = ROOT / "tests" / "gold" / "articles"


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


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


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
