"""`briefing add URL`: a real page served on localhost becomes a Markdown seed with front matter."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import frontmatter
import pytest

from generator.readers import read_article

DATA = Path(__file__).parent / "data"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(DATA)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def add(project: Path, *urls: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "add", *urls, "--project", str(project)],
                          capture_output=True, text=True, check=False, env={**os.environ, "CI": "1"})


def test_a_fetched_page_becomes_a_seed_that_reads_back(tmp_path, server):
    url = server + "usatoday_ebola.html"
    result = add(tmp_path, url)
    assert result.returncode == 0, result.stderr
    (seed,) = (tmp_path / "seeds").iterdir()
    assert seed.name == "2014-10-02-liberia-says-dallas-ebola-patient-lied-on-exit.md"
    post = frontmatter.load(seed)
    assert post["title"] == "Liberia says Dallas Ebola patient lied on exit documents"
    assert post["url"] == url
    assert "Thomas Eric Duncan" in post.content
    article = read_article(seed)
    assert article.date.isoformat() == "2014-10-02"


def test_adding_the_same_page_twice_never_overwrites(tmp_path, server):
    url = server + "usatoday_ebola.html"
    assert add(tmp_path, url).returncode == 0
    (seed,) = (tmp_path / "seeds").iterdir()
    seed.write_text(seed.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    again = add(tmp_path, url)
    assert again.returncode == 1
    assert "already exists; not overwritten" in again.stderr
    assert seed.read_text(encoding="utf-8").endswith("An editor's note.\n")


def test_missing_pages_and_foreign_languages_are_refused_by_name(tmp_path, server):
    result = add(tmp_path, server + "nowhere.html", server + "liberation_fr.html")
    assert result.returncode == 1
    assert f"{server}nowhere.html: could not be fetched" in result.stderr
    assert f"{server}liberation_fr.html: the article does not look like English" in result.stderr
    assert not (tmp_path / "seeds").exists() or not list((tmp_path / "seeds").iterdir())
