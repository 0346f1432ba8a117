"""The site's search index: Pagefind, run over the built HTML.

Pagefind splits its index into small fragments that the browser fetches as the reader types,
so the first result stays fast at thousands of briefings, and it works offline on any static
host, GitHub Pages under a project path included.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

INDEX_FOLDER = "pagefind"


def pagefind_command(site_dir: Path, output: Path | None = None) -> list[str]:
    """Pagefind over the built HTML of ``site_dir``, into ``output`` (default ``site_dir/pagefind``)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent",
               "--exclude-selectors", ".headerlink"]
    return command + ["--output-path", str(output)] if output is not None else command


def index_site(site_dir: Path) -> str | None:
    """Build ``site_dir/pagefind``; the reason when it could not, else None."""
    try:
        result = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False,
                                timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"Pagefind did not run ({error})"
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        return f"Pagefind failed: {detail[-1] if detail else f'exit code {result.returncode}'}"
    return None


class BackgroundIndex:
    """The search index of a site being served, made after the build rather than in it.

    Pagefind indexes every page each time (it has no incremental mode): about 15 s at 1,000
    briefings, which under `mkdocs serve` would stand between saving an article and seeing it.
    So the served site keeps its last index while Pagefind writes the new one beside the site,
    and the new one replaces it once whole. A new build stops an index still being made (its
    pages are about to be replaced); :meth:`stop` also removes what it left.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._thread: threading.Thread | None = None
        self._staging: Path | None = None

    def start(self, site_dir: Path) -> None:
        self.stop()
        staging = site_dir.parent / f".{site_dir.name}.{INDEX_FOLDER}-next"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            process = subprocess.Popen(pagefind_command(site_dir, staging), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        except OSError:
            return  # no index this time; the served site keeps the last one
        with self._lock:
            self._process, self._staging = process, staging
        self._thread = threading.Thread(target=self._swap_in, args=(process, site_dir, staging), daemon=True)
        self._thread.start()

    def _swap_in(self, process: subprocess.Popen, site_dir: Path, staging: Path) -> None:
        returncode = process.wait()
        with self._lock:
            if process is not self._process:
                return  # stopped: stop() removes the staging folder
            self._process = None
            if returncode == 0 and staging.is_dir():
                current = site_dir / INDEX_FOLDER
                old = staging.with_name(staging.name + "-old")
                try:
                    if current.exists():
                        current.rename(old)
                    staging.rename(current)
                except OSError:
                    pass
                shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(staging, ignore_errors=True)

    def stop(self) -> bool:
        """Stop making the index; True when one was being made, so the site's index is stale."""
        with self._lock:
            process, staging = self._process, self._staging
            self._process = None
        if process is not None:
            process.kill()
            process.wait()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        return process is not None
