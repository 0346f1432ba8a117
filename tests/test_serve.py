"""`mkdocs serve` watches seeds/: an article dropped in while it runs appears on the site."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from helpers import GOLD_ARTICLES, SEED, make_project


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


def test_a_new_article_appears_while_serving(tmp_path):
    project = make_project(tmp_path, [SEED])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        assert wait_for(home, "Mark Carney", 120), "the site was not served"
        shutil.copy(GOLD_ARTICLES / "02_jobs_resigns_apple.txt", project / "seeds" / "jobs.txt")
        assert wait_for(home, "2011-08-24", 120), "the new article did not appear"
        # Unchanged files are not rewritten, so the server settles instead of rebuilding forever.
        pages = {p: p.stat().st_mtime_ns for p in (project / "briefings").rglob("*.md")}
        time.sleep(4)
        assert {p: p.stat().st_mtime_ns for p in (project / "briefings").rglob("*.md")} == pages
    finally:
        server.terminate()
        server.wait(timeout=30)
