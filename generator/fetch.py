"""`briefing add URL`: fetch a web page and save its article in ``seeds/`` as Markdown.

A URL is whatever someone pastes, so the fetch is fenced in. Only ``http`` and ``https``: no
local files, ``data:`` or FTP. Only public addresses, unless ``allow_private``: every address
the host name resolves to is checked, at every redirect and again on the connection itself,
which is made to the checked address, so a name that resolves differently the second time
cannot reach this machine or its network. One deadline covers the whole fetch (name look-ups,
connections, redirects and every read), not each read, so a server that trickles bytes cannot
hold the command. At most MAX_PAGE_BYTES are read. The seed is written only when it is an
article every later build will accept, and it never replaces a file.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import threading
import time
import urllib.request
from datetime import date
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import trafilatura
import yaml

from . import __version__
from .pipeline import seed_files
from .readers import (
    MAX_ARTICLE_CHARS,
    MAX_HTML_BYTES,
    ArticleError,
    decode,
    drop_headline,
    english_share,
    front_matter,
    normalise_text,
    parse_article,
    read_bounded,
)
from .slugs import slugify

USER_AGENT = f"briefing-generator/{__version__} (+https://github.com/)"
# The largest saved page a build would read: a page is refused at the same size either way.
MAX_PAGE_BYTES = MAX_HTML_BYTES
DEFAULT_TIMEOUT = 60.0  # seconds for one page, everything included
CHUNK_BYTES = 64 * 1024
MAX_REDIRECTS = 10
SCHEMES = ("http", "https")
# File names stay well under the 255 bytes most file systems allow, with room for "-N.md".
MAX_STEM_CHARS = 100
# One line of plain text: no control characters or line breaks (they would end a YAML line or a
# heading), and no bidirectional overrides, which can make a title read as something else.
LINE_BREAKS_AND_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
ALLOW_HINT = "pass --allow-private to fetch from this machine or a private network"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def network(text: str) -> Network:
    """An address or a network (``10.1.2.3``, ``10.1.0.0/16``) that may be fetched though private."""
    return ipaddress.ip_network(text.strip("[]"), strict=False)


def plain_line(value: str) -> str:
    """Text as one clean line, for front matter: the page's markup is not ours to trust."""
    value = LINE_BREAKS_AND_CONTROLS.sub(" ", BIDI_CONTROLS.sub("", value))
    return " ".join(value.split())


def address_kind(address: str) -> str | None:
    """What kind of non-public address this is ("a loopback address"), or None when it is public.

    An IPv6 address that carries an IPv4 one (``::ffff:127.0.0.1``, 6to4, NAT64) is judged by
    the IPv4 address it leads to.
    """
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    candidates = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            candidates.insert(0, ip.ipv4_mapped)
        if ip.sixtofour:
            candidates.insert(0, ip.sixtofour)
        if ip in NAT64:
            candidates.insert(0, ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    for candidate in candidates:
        for kind, flag in (("a loopback", candidate.is_loopback), ("an unspecified", candidate.is_unspecified),
                           ("a link-local", candidate.is_link_local), ("a multicast", candidate.is_multicast),
                           ("a reserved", candidate.is_reserved), ("a private", candidate.is_private)):
            if flag:
                return f"{kind} address"
        if not candidate.is_global:
            return "not a public address"
    return None


def check_scheme(url: str, shown: str) -> None:
    """Only web pages: ``file:``, ``data:``, ``ftp:`` and the like are refused before anything."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        what = f"a {scheme}: address" if scheme else "not an address with a scheme"
        raise ArticleError(shown, f"only http:// and https:// pages can be fetched; this is {what}")


class Fetch:
    """One page's fetch: its deadline, its rule on addresses and the connections it opened.

    The deadline is kept by a timer that shuts every connection down when it passes: a read
    that is waiting returns at once, however slowly the server sends, which a socket timeout
    (it restarts at every byte) cannot do.
    """

    def __init__(self, url: str, *, allow_private: bool, timeout: float, allow: tuple[Network, ...] = ()) -> None:
        self.url = url
        self.allow_private = allow_private
        self.allow = allow
        self.timeout = timeout
        self.end = time.monotonic() + timeout
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._timer.cancel()

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.end

    def too_slow(self) -> ArticleError:
        return ArticleError(self.url, f"took longer than {self.timeout:g} s to fetch (the limit for the "
                                      "whole download); not saved")

    def remaining(self) -> float:
        """Seconds left; past the deadline the fetch stops here."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.too_slow()
        return left

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
        if self.expired:
            self._expire()

    def _expire(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed, or a plain socket since wrapped in TLS

    def resolve(self, host: str, port: int, *, redirect: str | None = None) -> list[Any]:
        """Every address of ``host``, each checked; the look-up itself is bound by the deadline."""
        result: dict[str, Any] = {}

        def lookup() -> None:
            try:
                result["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as error:
                result["error"] = error

        thread = threading.Thread(target=lookup, daemon=True)
        thread.start()
        thread.join(self.remaining())
        if thread.is_alive():
            raise self.too_slow()
        if "error" in result:
            raise result["error"]
        infos = result["infos"]
        if not self.allow_private:
            for info in infos:
                address = info[4][0]
                kind = address_kind(address)
                if kind and not any(ipaddress.ip_address(address.split("%", 1)[0]) in allowed
                                    for allowed in self.allow):
                    where = f"{host} is {kind}" if host.strip("[]") == address else \
                        f"{host} resolves to {address}, {kind}"
                    lead = f"it redirects to {redirect}, and " if redirect else ""
                    raise ArticleError(self.url, f"refused: {lead}{where} ({ALLOW_HINT})")
        return infos

    def connect(self, address: tuple[str, int], timeout: float | None = None,
                source_address: tuple[str, int] | None = None) -> socket.socket:
        """``socket.create_connection``, but to an address checked here rather than to the name."""
        host, port = address
        last_error: OSError | None = None
        for family, kind, proto, _, sockaddr in self.resolve(host, port):
            sock = socket.socket(family, kind, proto)
            try:
                self.register(sock)
                sock.settimeout(self.remaining())
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as error:
                sock.close()
                last_error = error
            except BaseException:
                sock.close()
                raise
        raise last_error or OSError(f"no address found for {host}")


class GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, fetch: Fetch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = fetch.connect


class GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, fetch: Fetch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = fetch.connect
        self.fetch = fetch

    def connect(self) -> None:
        super().connect()
        self.fetch.register(self.sock)  # the TLS socket the reads go through, for the deadline


class GuardedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, fetch: Fetch) -> None:
        super().__init__()
        self.fetch = fetch

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(GuardedHTTPConnection, fetch=self.fetch), req)


class GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, fetch: Fetch) -> None:
        super().__init__()
        self.fetch = fetch

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(GuardedHTTPSConnection, fetch=self.fetch), req, context=self._context)


class GuardedRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Each redirect target passes the same checks as the URL given, before it is followed.

    The body of a redirect is not read (urllib would read all of it into memory, whatever size).
    """

    max_redirections = MAX_REDIRECTS

    def __init__(self, fetch: Fetch) -> None:
        self.fetch = fetch

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                       headers: Any) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            self.check_scheme(urljoin(req.full_url, location.strip()))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def check_scheme(self, newurl: str) -> None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise ArticleError(self.fetch.url, f"refused: it redirects to {newurl}; only http:// and "
                                               "https:// pages can be fetched")

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        fp.close()
        self.check_scheme(newurl)
        parts = urlsplit(newurl)
        scheme = parts.scheme.lower()
        if not parts.hostname:
            raise ArticleError(self.fetch.url, f"refused: it redirects to {newurl}, which names no host")
        self.fetch.resolve(parts.hostname, parts.port or (443 if scheme == "https" else 80), redirect=newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener(fetch: Fetch) -> urllib.request.OpenerDirector:
    """Only the handlers a web page needs: no file, FTP or data handler, and no proxy (a proxy
    would resolve and connect where the address check cannot see)."""
    director = urllib.request.OpenerDirector()
    for handler in (urllib.request.UnknownHandler(), GuardedHTTPHandler(fetch), GuardedHTTPSHandler(fetch),
                    urllib.request.HTTPDefaultErrorHandler(), GuardedRedirectHandler(fetch),
                    urllib.request.HTTPErrorProcessor()):
        director.add_handler(handler)
    return director


def too_large(url: str) -> ArticleError:
    return ArticleError(url, f"page is larger than {MAX_PAGE_BYTES:,} bytes, the most a saved page may be; "
                             "not saved")


def read_body(response: http.client.HTTPResponse, fetch: Fetch) -> bytes:
    """The page in chunks, stopping at the deadline or once it is over MAX_PAGE_BYTES."""
    length = (response.headers.get("Content-Length") or "").strip()
    if length.isdigit() and int(length) > MAX_PAGE_BYTES:
        raise too_large(fetch.url)
    chunks: list[bytes] = []
    total = 0
    while True:
        fetch.remaining()
        chunk = response.read1(CHUNK_BYTES)
        if not chunk:
            break
        total += len(chunk)
        if total > MAX_PAGE_BYTES:
            raise too_large(fetch.url)
        chunks.append(chunk)
    if fetch.expired:  # the deadline shut the connection: what came is not the whole page
        raise fetch.too_slow()
    return b"".join(chunks)


def fetch_page(url: str, *, timeout: float = DEFAULT_TIMEOUT, allow_private: bool = False,
               allow: tuple[Network, ...] = ()) -> bytes:
    """The page's bytes, within ``timeout`` seconds in all; every refusal names the URL.

    ``allow`` lets through these addresses or networks alone (one intranet server, say) while
    every other private address is still refused; ``allow_private`` lets through all of them.
    """
    check_scheme(url, url)
    if not urlsplit(url).hostname:
        raise ArticleError(url, "is not a web address: it names no host")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with Fetch(url, allow_private=allow_private, timeout=timeout, allow=tuple(allow)) as fetch:
        try:
            with opener(fetch).open(request, timeout=fetch.remaining()) as response:
                return read_body(response, fetch)
        except (OSError, http.client.HTTPException, ValueError) as error:
            if fetch.expired:
                raise fetch.too_slow() from None
            reason = getattr(error, "reason", None) or error
            raise ArticleError(url, f"could not be fetched ({reason})") from None


def page_to_markdown(url: str, page: bytes) -> tuple[str, str]:
    """The seed file name and its content: front matter from the page's metadata, then the text
    (without the headline when the text begins with it: see :func:`readers.drop_headline`).

    The content is read back with the readers' own checks before it is returned: a seed that
    every build would refuse (too long, not English, bad front matter) is never written.
    """
    if len(page) > MAX_PAGE_BYTES:
        raise too_large(url)
    document = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False)
    if document is None or not (document.text or "").strip():
        raise ArticleError(url, "no article text found on this page")
    # The page's headline is often the text's first paragraph: it is the title, not the body.
    headline, paragraphs = drop_headline(document.title or None,
                                         [line.strip() for line in document.text.splitlines() if line.strip()])
    text = "\n\n".join(paragraphs)
    length = len(normalise_text(text))
    if length > MAX_ARTICLE_CHARS:
        raise ArticleError(url, f"the article is {length:,} characters long; the limit is "
                                f"{MAX_ARTICLE_CHARS:,}, so no build would take it; not saved")
    if english_share(text) < 0.2:
        raise ArticleError(url, "the article does not look like English; only English is supported")
    title = plain_line(headline or "")
    meta: dict[str, object] = {"title": title, "url": url}
    if document.date:
        try:
            meta["date"] = date.fromisoformat(document.date[:10]).isoformat()
        except ValueError:
            pass
    if document.author:
        meta["author"] = plain_line(document.author)
    if document.sitename:
        meta["publisher"] = plain_line(document.sitename)
    front = yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False)
    stem = slugify(title or url, max_words=8)[:MAX_STEM_CHARS].rstrip("-") or "untitled"
    if "date" in meta:
        stem = f"{meta['date']}-{stem}"
    name, content = f"{stem}.md", f"---\n{front}---\n\n{text}\n"
    try:
        parse_article(Path(name), content.encode("utf-8"))
    except ArticleError as error:
        raise ArticleError(url, f"{error.reason}; not saved") from None
    return name, content


def seed_url(path: Path) -> str | None:
    """The ``url`` in a seed's front matter; None for a link, or a file that cannot be read."""
    if path.is_symlink():
        return None
    try:
        meta, _ = front_matter(decode(read_bounded(path), path), path)
    except ArticleError:
        return None
    url = meta.get("url")
    return url if isinstance(url, str) else None


def write_seed(seeds_dir: Path, name: str, content: str, url: str) -> Path:
    """Write ``name``, or ``name-2``, ``name-3``… when a different page holds the name already.

    Two headlines can slug alike; the same URL again is refused, as the file it gave is there.
    A name whose stem another seed uses in any folder or format is skipped too: two seeds with
    one stem would be one page, and the build refuses the second.
    """
    taken = {path.stem for path in seed_files(seeds_dir)}
    stem = name.removesuffix(".md")
    number = 1
    while True:
        candidate = stem if number == 1 else f"{stem}-{number}"
        path = seeds_dir / f"{candidate}.md"
        if path.exists() or path.is_symlink():
            if seed_url(path) == url:
                raise ArticleError(path, "already exists; not overwritten (remove it first to fetch again)")
        elif candidate not in taken:
            try:
                with path.open("x", encoding="utf-8") as handle:
                    handle.write(content)
            except FileExistsError:
                continue  # written meanwhile: look at it again
            return path
        number += 1


def add_article(url: str, seeds_dir: Path, *, timeout: float = DEFAULT_TIMEOUT,
                allow_private: bool = False, allow: tuple[Network, ...] = ()) -> Path:
    """Write the fetched article as a new seed; an existing file is never replaced."""
    page = fetch_page(url, timeout=timeout, allow_private=allow_private, allow=allow)
    name, content = page_to_markdown(url, page)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    return write_seed(seeds_dir, name, content, url)
