"""Extraction on a Dask cluster (generator/cluster.py): the same pages and cache entries as a
local build, and the same isolation: one article's failure, hang or killed worker is that
article's alone. Every cluster here is a real local Dask cluster of worker processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FOLLOW_UP, GOLD_ARTICLES, ROOT, SEED, make_project

pytest.importorskip("distributed")

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
INJECT = ROOT / "tests" / "fault_injection.py"
ARTICLES = [SEED, FOLLOW_UP, GOLD_ARTICLES / "02_jobs_resigns_apple.txt", GOLD_ARTICLES / "08_north_korea_drill.txt"]
FAILING = GOLD_ARTICLES / "03_parasite_sag_awards.txt"


def briefing(project: Path, *args: str, fault: tuple[str, str] | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    command = [str(INJECT), *fault, "briefing"] if fault else ["-m", "generator.cli"]
    return subprocess.run([sys.executable, *command, "build", "--project", ".", *args], cwd=project,
                          capture_output=True, text=True, env=env or ENV, check=False, timeout=600)


def outputs(project: Path) -> dict[str, bytes]:
    """Every briefing page and every cache entry, by path."""
    return {path.relative_to(project).as_posix(): path.read_bytes()
            for folder in ("briefings", ".briefing-cache") for path in sorted((project / folder).rglob("*"))
            if path.is_file() and (folder == "briefings" or path.name.endswith(".briefing.json"))}


def test_a_cluster_build_writes_what_a_local_build_writes(tmp_path):
    (tmp_path / "local").mkdir()
    (tmp_path / "cluster").mkdir()
    local, cluster = make_project(tmp_path / "local", ARTICLES), make_project(tmp_path / "cluster", ARTICLES)
    assert briefing(local, "--jobs", "1").returncode == 0
    result = briefing(cluster, "--jobs", "2", "--cluster", "local")
    assert result.returncode == 0, result.stderr
    assert "4 analysed, 0 from cache" in result.stdout
    assert outputs(cluster) == outputs(local)
    assert len([name for name in outputs(local) if name.endswith(".briefing.json")]) == len(ARTICLES)
    # The entries are the local build's own: a local build over them analyses nothing.
    again = briefing(cluster, "--jobs", "1")
    assert "0 analysed, 4 from cache" in again.stdout, again.stdout


@pytest.mark.parametrize(("kind", "reason"), [
    ("crash", "briefing failed: RuntimeError: injected fault outside the extractors"),
    ("kill", "analysis failed: the cluster worker died on this article"),
    ("hang", "analysis stopped after 20 s, the time budget for"),
])
def test_an_article_that_fails_on_the_cluster_is_named_and_the_others_are_published(tmp_path, kind, reason):
    project = make_project(tmp_path, [*ARTICLES[2:], FAILING])
    result = briefing(project, "--jobs", "2", "--cluster", "local", "--time-budget", "20",
                      fault=(kind, FAILING.stem))
    assert result.returncode == 1, result.stderr
    assert f"error: could not process seeds/{FAILING.name}: {reason}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    pages = sorted(p.name for p in (project / "briefings").glob("[0-9]*/*.md"))
    assert len(pages) == 2 and not any("parasite" in name for name in pages), (pages, result.stdout, result.stderr)
    entries = sorted(p.name for p in (project / ".briefing-cache").glob("*.briefing.json"))
    assert entries == sorted(f"{p.stem}.briefing.json" for p in ARTICLES[2:])


def test_a_scheduler_that_does_not_answer_is_one_clear_error(tmp_path):
    project = make_project(tmp_path, ARTICLES[:1])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = briefing(project, "--cluster", f"tcp://127.0.0.1:{port}",
                      env={**ENV, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert result.returncode != 0
    assert f"no Dask scheduler answered at tcp://127.0.0.1:{port}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list((project / "briefings").glob("[0-9]*/*.md"))
