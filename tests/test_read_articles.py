"""A build reads again only the seeds that changed (generator/cache.py ``ReadArticles``).

What is taken from the store must always be what reading the file gives: a changed seed is
read again even when its size and modification time were put back, a damaged store or one
written by other reading code is ignored, and front matter that JSON would change is never
stored.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from pathlib import Path

import pytest
from helpers import GOLD_ARTICLES, make_project

from generator import pipeline
from generator.cache import READ_ARTICLES_NAME, article_to_json
from generator.models import Article
from generator.pipeline import Project, build

ARTICLES = [GOLD_ARTICLES / "06_edinburgh_chilli_contest.txt", GOLD_ARTICLES / "08_north_korea_drill.txt"]


def settle(project: Path) -> None:
    """Seeds written a while ago: a file changed within the last 2 s is never trusted."""
    old = time.time() - 60
    for path in (project / "seeds").iterdir():
        os.utime(path, (old, old))


def pages(project: Path) -> dict[str, str]:
    docs = project / "briefings"
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}


def no_reading(monkeypatch) -> None:
    def read_article(path, root):
        raise AssertionError(f"{path} was read again")
    monkeypatch.setattr(pipeline, "read_article", read_article)


@pytest.fixture()
def project(tmp_path, nlp) -> Path:
    project = make_project(tmp_path, ARTICLES)
    settle(project)
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert not report.errors and len(report.analysed) == 2
    return project


def test_a_build_with_no_seed_changed_reads_no_seed(project, nlp, monkeypatch):
    stored = json.loads((project / ".briefing-cache" / READ_ARTICLES_NAME).read_text(encoding="utf-8"))
    assert len(stored["articles"]) == 2
    before = pages(project)
    no_reading(monkeypatch)
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert not report.errors and len(report.briefings) == 2 and not report.written
    assert pages(project) == before


def test_a_seed_changed_in_place_is_read_again_even_with_its_size_and_time_put_back(project, nlp):
    seed = project / "seeds" / ARTICLES[0].name
    text = seed.read_text(encoding="utf-8")
    stat = seed.stat()
    changed = text.replace("Edinburgh", "Edinburgx", 1)
    assert changed != text and len(changed.encode()) == len(text.encode())
    seed.write_text(changed, encoding="utf-8")
    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same modification time
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert len(report.analysed) == 1
    briefing = next(page for name, page in pages(project).items() if name.startswith("20") and "chilli" in name)
    assert "Edinburgx" in briefing


def test_a_damaged_store_is_read_past_and_written_again(project, nlp):
    store = project / ".briefing-cache" / READ_ARTICLES_NAME
    for damage in ("{not json", "[]", json.dumps({"code": "other code", "articles": {}}),
                   json.dumps({"code": json.loads(store.read_text(encoding="utf-8"))["code"],
                               "articles": {"seeds/x.txt": [[None], {"id": 1}]}})):
        store.write_text(damage, encoding="utf-8")
        report = build(Project.at(project), nlp_factory=lambda: nlp)
        assert not report.errors and len(report.briefings) == 2
        assert len(json.loads(store.read_text(encoding="utf-8"))["articles"]) == 2


def test_a_store_made_by_other_reading_code_is_not_used(project, nlp, monkeypatch):
    store = project / ".briefing-cache" / READ_ARTICLES_NAME
    data = json.loads(store.read_text(encoding="utf-8"))
    data["code"] = "the digest of some other version"
    store.write_text(json.dumps(data), encoding="utf-8")
    no_reading(monkeypatch)
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert len(report.errors) == 2 and all("read again" in error.reason for error in report.errors)


def test_front_matter_that_json_would_change_is_not_stored():
    article = Article(id="a", path="seeds/a.md", text="Text.", title="A", date=datetime.date(2024, 5, 1),
                      meta={"tags": ["a", "b"]})
    assert article_to_json(article) is not None
    for meta in ({"when": datetime.date(2024, 5, 1)}, {"pair": (1, 2)}, {1: "a"}, {"nan": float("nan")}):
        assert article_to_json(Article(id="a", path="seeds/a.md", text="Text.", meta=meta)) is None
    when = datetime.datetime(2024, 5, 1, 12, 0)
    assert article_to_json(Article(id="a", path="seeds/a.md", text="Text.", date=when)) is None
