"""What an editor sees of the review state: the banner, the check flags, the review page.

A project of its own: the seed article twice, once marked reviewed in its front matter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SEED, make_project, serve

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}


@pytest.fixture(scope="module")
def review_url(chromium: Path, tmp_path_factory) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("review-browser"), [])
    body = SEED.read_text(encoding="utf-8").split(" ", 2)[2]
    (project / "seeds" / "checked.md").write_text(
        "---\ndate: 2025-08-24\nreviewed: true\nreviewer: J. Editor\nreviewed_on: 2025-08-25\n---\n" + body,
        encoding="utf-8")
    (project / "seeds" / "draft.md").write_text(
        "---\ndate: 2025-08-25\n---\n" + body.replace("Mark Carney is visiting", "Mark Carney was visiting", 1),
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
    yield from serve(project / "site")


def test_an_unreviewed_briefing_shows_its_banner_and_flags(page, review_url: str):
    page.goto(f"{review_url}2025/draft/")
    banner = page.locator(".review-state.unreviewed")
    assert banner.is_visible() and "Not reviewed yet" in banner.inner_text()
    flags = page.locator(".attribution-check")
    assert flags.count() >= 2 and flags.first.is_visible()
    assert f"{flags.count()} attributions to check" in banner.inner_text()
    page.locator(".review-state a").click()
    page.wait_for_url("**/review/")
    rows = page.locator("article table tbody tr")
    assert rows.count() == 1 and "draft" in (rows.first.locator("a").get_attribute("href") or "")


def test_a_reviewed_briefing_says_who_reviewed_it_and_shows_no_flags(page, review_url: str):
    page.goto(f"{review_url}2025/checked/")
    badge = page.locator(".review-state.reviewed")
    assert badge.is_visible() and "Reviewed by J. Editor on 2025-08-25" in badge.inner_text()
    assert page.locator(".attribution-check").count() == 0
    assert page.locator(".review-state.unreviewed").count() == 0
