"""Stable, readable file names."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, *, max_words: int = 8) -> str:
    """ASCII, lowercase, hyphenated; accents folded so URLs stay readable everywhere."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower().replace("'", "").replace("’", ""))
    return "-".join(words[:max_words]) or "untitled"
