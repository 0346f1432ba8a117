"""`briefing add URL`: a real page served on localhost becomes a Markdown seed with front matter.

The servers are real (http.server in a thread, on loopback addresses only); the command is the
real CLI in a subprocess wherever a user's view is what is tested. Serving from this machine
needs ``--allow-private``: without it, the same URLs are refused, which is tested here too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import frontmatter
import pytest

from generator.fetch import MAX_PAGE_BYTES, address_kind, fetch_page
from generator.readers import ArticleError, read_article

DATA = Path(__file__).parent / "data"
EBOLA = (DATA / "usatoday_ebola.html").read_bytes()
TITLE = b"Liberia says Dallas Ebola patient lied on exit documents"
SLOW_FOR = 30.0  # the slow routes stop by themselves after this long, whoever is listening


def long_article() -> bytes:
    """A plain page whose article is over the 200,000-character limit (about 260,000)."""
    paragraphs = "".join(
        f"<p>In district {n} the council met on Monday and said that the plan for the {n} new homes "
        f"is good, and that the work will start before the end of the year {1900 + n % 120}.</p>\n"
        for n in range(1700))
    return (f"<html><head><title>A very long council report</title></head><body><article>"
            f"<h1>A very long council report</h1>{paragraphs}</article></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    """Files of tests/data, and routes that misbehave the way hostile or broken servers do."""

    requests: list[tuple[str, str]]  # (server address, path) of every request, set per server
    routes: dict[str, bytes | str]  # path → page, or → "redirect:URL"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.requests.append((self.server.server_address[0], self.path))
        route = self.routes.get(self.path)
        if isinstance(route, str) and route.startswith("redirect:"):
            self.send_response(302)
            self.send_header("Location", route.removeprefix("redirect:"))
            self.end_headers()
        elif isinstance(route, bytes):
            self.page(route)
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.trickle(b"<html><body><p>" + b"The council met on Monday. " * 1000)
        elif self.path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            self.trickle(b"a" * 60_000)
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.endless()
        elif self.path == "/announced-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(100 * 2**30))
            self.end_headers()
            self.trickle(b"<html>" * 100_000)
        elif (DATA / self.path.lstrip("/")).is_file() and "/" not in self.path.lstrip("/"):
            self.page((DATA / self.path.lstrip("/")).read_bytes())
        else:
            self.send_error(404)

    def page(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def trickle(self, body: bytes) -> None:
        """One byte every 20 ms: each read gets data long before any socket timeout."""
        start = time.monotonic()
        for byte in body:
            if time.monotonic() - start > SLOW_FOR:
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return  # the client gave up
            time.sleep(0.02)

    def endless(self) -> None:
        """Far more than any page may be (up to 3 × MAX_PAGE_BYTES), as fast as it is taken."""
        chunk = b"<p>The council met on Monday.</p>" * 2000
        self.server.sent = 0  # type: ignore[attr-defined]
        while self.server.sent < 3 * MAX_PAGE_BYTES:  # type: ignore[attr-defined]
            try:
                self.wfile.write(chunk)
            except OSError:
                return
            self.server.sent += len(chunk)  # type: ignore[attr-defined]


class Site:
    """One handler class served on 127.0.0.1 and on 127.0.0.2: two hosts of this machine."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self.routes: dict[str, bytes | str] = {}
        handler = type("SiteHandler", (Handler,), {"requests": self.requests, "routes": self.routes})
        self.servers = [ThreadingHTTPServer((host, 0), handler) for host in ("127.0.0.1", "127.0.0.2")]
        for httpd in self.servers:
            httpd.daemon_threads = True
            threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        httpd = next(s for s in self.servers if s.server_address[0] == host)
        return f"http://{host}:{httpd.server_address[1]}{path}"

    def close(self) -> None:
        for httpd in self.servers:
            httpd.shutdown()
            httpd.server_close()


@pytest.fixture()
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.close()


@pytest.fixture()
def server(site: Site) -> str:
    return site.url("/")


def add(project: Path, *args: str, private: bool = True) -> subprocess.CompletedProcess:
    """The real `briefing add`; ``private`` passes --allow-private, which a local server needs."""
    flags = ["--allow-private"] if private else []
    return subprocess.run([sys.executable, "-m", "generator.cli", "add", *args, *flags, "--project", str(project)],
                          capture_output=True, text=True, check=False, env={**os.environ, "CI": "1"})


def seeds(project: Path) -> list[Path]:
    folder = project / "seeds"
    return sorted(folder.iterdir()) if folder.exists() else []


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


def test_the_pages_headline_is_the_title_and_not_the_first_paragraph(tmp_path, server):
    """trafilatura's text of this page begins with its <h1>: the seed's body must not, or every
    summary would read "Dockworkers strike shuts East Coast ports About 45,000 dockworkers…"."""
    result = add(tmp_path, server + "headline_page.html")
    assert result.returncode == 0, result.stderr
    (seed,) = seeds(tmp_path)
    assert seed.name == "2024-10-01-dockworkers-strike-shuts-east-coast-ports.md"
    post = frontmatter.load(seed)
    assert post["title"] == "Dockworkers strike shuts East Coast ports"
    assert post.content.startswith("About 45,000 dockworkers walked off the job on Tuesday")
    assert "Dockworkers strike shuts East Coast ports" not in post.content
    article = read_article(seed)
    assert article.title == "Dockworkers strike shuts East Coast ports"
    assert article.text.startswith("About 45,000 dockworkers")


def test_adding_the_same_page_twice_never_overwrites(tmp_path, server):
    url = server + "usatoday_ebola.html"
    assert add(tmp_path, url).returncode == 0
    (seed,) = (tmp_path / "seeds").iterdir()
    seed.write_text(seed.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    again = add(tmp_path, url)
    assert again.returncode == 1
    assert "already exists; not overwritten" in again.stderr
    assert seed.read_text(encoding="utf-8").endswith("An editor's note.\n")
    assert seeds(tmp_path) == [seed]


def test_missing_pages_and_foreign_languages_are_refused_by_name(tmp_path, server):
    result = add(tmp_path, server + "nowhere.html", server + "liberation_fr.html")
    assert result.returncode == 1
    assert f"{server}nowhere.html: could not be fetched" in result.stderr
    assert f"{server}liberation_fr.html: the article does not look like English" in result.stderr
    assert not seeds(tmp_path)


@pytest.mark.parametrize("url", ["file:///etc/hostname", "data:text/html,<p>The council met.</p>",
                                 "ftp://127.0.0.1/article.html", "gopher://127.0.0.1/1", "example.com/news"])
def test_only_http_and_https_pages_are_fetched(tmp_path, url):
    result = add(tmp_path, url)
    assert result.returncode == 1
    assert f"error: {url}: only http:// and https:// pages can be fetched" in result.stderr
    assert not seeds(tmp_path)


def test_this_machine_is_refused_without_allow_private_and_never_contacted(tmp_path, site):
    url = site.url("/usatoday_ebola.html")
    port = url.split(":")[2].split("/")[0]
    secure = f"https://127.0.0.1:{port}/usatoday_ebola.html"
    result = add(tmp_path, url, f"http://localhost:{port}/usatoday_ebola.html", secure, private=False)
    assert result.returncode == 1
    assert f"error: {url}: refused: 127.0.0.1 is a loopback address (pass --allow-private" in result.stderr
    assert f"error: {secure}: refused: 127.0.0.1 is a loopback address" in result.stderr
    assert "localhost resolves to" in result.stderr and "a loopback address" in result.stderr
    assert site.requests == []
    assert not seeds(tmp_path)


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "a loopback address"), ("::1", "a loopback address"),
    ("10.1.2.3", "a private address"), ("172.16.0.1", "a private address"), ("192.168.1.1", "a private address"),
    ("169.254.169.254", "a link-local address"), ("fe80::1%eth0", "a link-local address"),
    ("224.0.0.1", "a multicast address"), ("ff02::1", "a multicast address"),
    ("0.0.0.0", "an unspecified address"), ("240.0.0.1", "a reserved address"),
    ("100.64.0.1", "not a public address"), ("fd00::1", "a private address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("::ffff:10.0.0.1", "a private address"),
    ("2002:a00:1::", "a private address"), ("64:ff9b::7f00:1", "a loopback address"),
    ("93.184.216.34", None), ("2606:2800:220:1:248:1893:25c8:1946", None),
])
def test_every_kind_of_non_public_address_is_named(address, kind):
    """The rule alone, on addresses never connected to (no traffic leaves this machine)."""
    assert address_kind(address) == kind


def test_a_redirect_to_this_machine_is_refused_before_it_is_followed(tmp_path, site):
    """127.0.0.2 is let through by --allow-address; its redirect to 127.0.0.1 is not."""
    target = site.url("/usatoday_ebola.html")
    site.routes["/moved"] = f"redirect:{target}"
    url = site.url("/moved", host="127.0.0.2")
    result = add(tmp_path, url, "--allow-address", "127.0.0.2", private=False)
    assert result.returncode == 1
    assert (f"error: {url}: refused: it redirects to {target}, and 127.0.0.1 is a loopback address"
            in result.stderr)
    assert site.requests == [("127.0.0.2", "/moved")]  # 127.0.0.1 was never asked
    assert not seeds(tmp_path)
    followed = add(tmp_path, url)  # --allow-private: the same redirect is followed
    assert followed.returncode == 0, followed.stderr
    assert site.requests[-1] == ("127.0.0.1", "/usatoday_ebola.html")
    (seed,) = seeds(tmp_path)
    assert frontmatter.load(seed)["url"] == url


@pytest.mark.parametrize("location", ["file:///etc/hostname", "ftp://127.0.0.1/page.html",
                                      "data:text/html,<p>The council met.</p>"])
def test_a_redirect_to_another_scheme_is_refused_even_with_allow_private(tmp_path, site, location):
    site.routes["/moved"] = f"redirect:{location}"
    url = site.url("/moved")
    result = add(tmp_path, url)
    assert result.returncode == 1
    assert f"error: {url}: refused: it redirects to {location}; only http:// and https://" in result.stderr
    assert not seeds(tmp_path)


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_a_server_that_trickles_bytes_is_cut_off_at_the_deadline(site, path):
    """Each read gets a byte every 20 ms, so only a deadline over the whole fetch stops it."""
    start = time.monotonic()
    with pytest.raises(ArticleError, match=r"took longer than 1 s to fetch"):
        fetch_page(site.url(path), timeout=1.0, allow_private=True)
    assert time.monotonic() - start < 1.5


def test_the_deadline_is_a_command_option(tmp_path, site):
    start = time.monotonic()
    result = add(tmp_path, site.url("/trickle"), "--timeout", "1")
    elapsed = time.monotonic() - start
    assert result.returncode == 1
    assert f"error: {site.url('/trickle')}: took longer than 1 s to fetch" in result.stderr
    assert elapsed < SLOW_FOR / 2  # the server alone would have gone on for 30 s
    assert not seeds(tmp_path)


def test_a_page_is_read_only_up_to_the_limit(tmp_path, site):
    result = add(tmp_path, site.url("/endless"))
    assert result.returncode == 1
    assert f"page is larger than {MAX_PAGE_BYTES:,} bytes" in result.stderr
    # It stopped reading: the server got rid of little more than the limit (socket buffers).
    assert site.servers[0].sent < MAX_PAGE_BYTES + 16 * 2**20
    assert not seeds(tmp_path)


def test_a_page_announced_as_too_large_is_refused_without_reading_it(site):
    start = time.monotonic()
    with pytest.raises(ArticleError, match="page is larger than"):
        fetch_page(site.url("/announced-huge"), timeout=20, allow_private=True)
    assert time.monotonic() - start < 1.0


def test_an_article_over_the_length_limit_is_never_saved(tmp_path, site):
    """A page whose article every build would refuse as too long is refused here instead."""
    site.routes["/long.html"] = long_article()
    result = add(tmp_path, site.url("/long.html"))
    assert result.returncode == 1
    assert "characters long; the limit is 200,000" in result.stderr
    assert "not saved" in result.stderr
    assert not seeds(tmp_path)


def test_two_pages_with_one_headline_get_two_files(tmp_path, site):
    site.routes["/other/ebola.html"] = EBOLA.replace(b"Thomas Eric Duncan", b"Mr Duncan")
    first, second = site.url("/usatoday_ebola.html"), site.url("/other/ebola.html")
    assert add(tmp_path, first).returncode == 0
    assert add(tmp_path, second).returncode == 0
    stem = "2014-10-02-liberia-says-dallas-ebola-patient-lied-on-exit"
    assert [p.name for p in seeds(tmp_path)] == [f"{stem}-2.md", f"{stem}.md"]
    assert frontmatter.load(tmp_path / "seeds" / f"{stem}-2.md")["url"] == second
    for url in (first, second):  # the same URL again is still refused, whichever name it got
        again = add(tmp_path, url)
        assert again.returncode == 1 and "already exists; not overwritten" in again.stderr
    assert len(seeds(tmp_path)) == 2


def test_a_name_another_seed_uses_in_any_format_is_skipped(tmp_path, site):
    stem = "2014-10-02-liberia-says-dallas-ebola-patient-lied-on-exit"
    (tmp_path / "seeds" / "older").mkdir(parents=True)
    shutil.copy(DATA / "usatoday_ebola.html", tmp_path / "seeds" / "older" / f"{stem}.html")
    assert add(tmp_path, site.url("/usatoday_ebola.html")).returncode == 0
    assert (tmp_path / "seeds" / f"{stem}-2.md").is_file()
    assert not (tmp_path / "seeds" / f"{stem}.md").exists()


def test_the_title_is_one_line_of_plain_text(tmp_path, site):
    """Line breaks, controls and bidi overrides go; markup stays as written (escaped when shown)."""
    nasty = "Liberia says\n---\nurl: http://evil.example/\r<b>Ebola</b> \u202epatient\u202c\x07 lied"
    site.routes["/nasty.html"] = EBOLA.replace(TITLE, nasty.encode())
    result = add(tmp_path, site.url("/nasty.html"))
    assert result.returncode == 0, result.stderr
    (seed,) = seeds(tmp_path)
    post = frontmatter.load(seed)
    assert post["url"] == site.url("/nasty.html")
    title = post["title"]
    assert "\n" not in title and "\r" not in title and "\x07" not in title and "\u202e" not in title
    assert "<b>Ebola</b>" in title and "&lt;" not in title
    assert read_article(seed).title == title
