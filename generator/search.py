"""The site's search index: Pagefind, run over the built HTML.

Pagefind splits its index into small fragments that the browser fetches as the reader types,
so the first result stays fast at thousands of briefings, and it works offline on any static
host, GitHub Pages under a project path included.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def index_site(site_dir: Path) -> str | None:
    """Build ``site_dir/pagefind``; the reason when it could not, else None."""
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent",
             "--exclude-selectors", ".headerlink"],
            capture_output=True, text=True, check=False, timeout=1800,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"Pagefind did not run ({error})"
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        return f"Pagefind failed: {detail[-1] if detail else f'exit code {result.returncode}'}"
    return None
