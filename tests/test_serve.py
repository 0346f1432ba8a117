"""`mkdocs serve` watches seeds/: an article dropped in while it runs appears on the site,
with the other pages reused from the last build and the search index made after it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from helpers import FOLLOW_UP, GOLD_ARTICLES, SEED, make_project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and needle in page:
            return True
        time.sleep(0.5)
    return False


def indexed_pages(home: str) -> int | None:
    entry = fetch(home + "pagefind/pagefind-entry.json")
    return json.loads(entry)["languages"]["en"]["page_count"] if entry else None


def wait_for_index(home: str, more_than: int, seconds: float) -> int | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        count = indexed_pages(home)
        if count is not None and count > more_than:
            return count
        time.sleep(0.5)
    return None


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_new_article_appears_while_serving(tmp_path, dirty):
    project = make_project(tmp_path, [SEED, FOLLOW_UP])
    port = free_port()
    log = tmp_path / "serve.log"
    temporary = tmp_path / "tmp"  # where `mkdocs serve` puts its site (tempfile.mkdtemp)
    temporary.mkdir()
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])],
            cwd=project, stdout=log_file, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
        )
    try:
        home = f"http://127.0.0.1:{port}/"
        assert wait_for(home, "Mark Carney", 120), "the site was not served"
        first_index = wait_for_index(home, 0, 120)
        assert first_index, "the first build's search index never came"
        shutil.copy(GOLD_ARTICLES / "02_jobs_resigns_apple.txt", project / "seeds" / "jobs.txt")
        assert wait_for(home, "2011-08-24", 120), "the new article did not appear"
        if dirty:
            # The briefing first; the cross-article pages it changes in the build after.
            assert "left for the next build" in log.read_text(), log.read_text()[-2000:]
            assert wait_for(home + "actors/", "Steve Jobs", 60), "the actors index never followed"
        else:
            # The second build reused the pages that did not change (the two Carney briefings).
            assert "pages unchanged since the last build, reused" in log.read_text(), log.read_text()[-2000:]
        # The search index is made again after the build, and then covers the new briefing.
        assert wait_for_index(home, first_index, 120), "the new article never reached the search index"
        # Unchanged files are not rewritten, so the server settles instead of rebuilding forever.
        pages = {p: p.stat().st_mtime_ns for p in (project / "briefings").rglob("*.md")}
        time.sleep(4)
        assert {p: p.stat().st_mtime_ns for p in (project / "briefings").rglob("*.md")} == pages
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs then removes its site
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    # Nothing of the served site, its set-aside pages or its index is left behind.
    assert not [p.name for p in temporary.iterdir() if "mkdocs_" in p.name]
