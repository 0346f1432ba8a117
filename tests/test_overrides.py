"""Every kind of override, through a real `mkdocs build`, and the JSON of `briefing extract` beside it.

The seed is the project's own article (Mark Carney in Kyiv) as a Markdown seed whose front
matter corrects every section; one correction names an actor who is not there, and is skipped
with a message listing the actors there are, while every other correction applies.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from helpers import SEED, make_project

from generator.models import Actor, Briefing, Quote, Statement
from generator.overrides import apply_overrides

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
OVERRIDES = """\
overrides:
  title: Carney pledges support on Kyiv visit
  summary: [1, 16]
  facts:
    drop: ["Canada lacks the capacity"]
    order: ["Canada has long been a military"]
    add: [13]
  actors:
    add: [{name: European allies, type: group, role: the coalition's leaders}]
    rename: {"Kremlin": "The Kremlin", "Ruiz": "Ana Ruiz"}
    merge: {"Kyiv": "Ukraine"}
    drop: [Riga]
    type: {"Group of Seven": group}
    role: {"Mark Carney": Prime Minister of Canada}
  quotes:
    speaker: {"“Any security guarantee": Mark Carney}
    drop: ["There has to be security"]
  statements:
    speaker: {"The North American nation": Mark Carney}
    drop: ["Carney is visiting Kyiv"]
  questions:
    add: [{question: Will Canada send troops to Ukraine?, sentence: 12}]
    drop: ["Will the US"]
"""


def sections(page: str) -> dict[str, str]:
    """The page's text under each `## ` heading, by its words without the `{ #id }` (and "head" for
    what comes before the first)."""
    parts = re.split(r"^## (.+?)(?: \{[^}]*\})?$", page, flags=re.MULTILINE)
    return {"head": parts[0], **dict(zip(parts[1::2], parts[2::2]))}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> tuple[dict[str, str], subprocess.CompletedProcess, dict]:
    project = make_project(tmp_path_factory.mktemp("overrides"), [])
    body = SEED.read_text(encoding="utf-8").split(" ", 2)[2]
    seed = project / "seeds" / "carney.md"
    seed.write_text("---\ndate: 2025-08-24\n" + OVERRIDES + "---\n" + body, encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
                           env=ENV, check=False)
    assert built.returncode == 0, built.stderr
    page = (project / "briefings" / "2025" / "carney.md").read_text(encoding="utf-8")
    assert (project / "site" / "2025" / "carney" / "index.html").exists()
    extracted = subprocess.run([sys.executable, "-m", "generator.cli", "extract", str(seed), "--format", "json"],
                               cwd=project, capture_output=True, text=True, env=ENV, check=False)
    (briefing,) = json.loads(extracted.stdout)
    assert "no actor named 'Ruiz'" in extracted.stderr  # the same problem, from the same function
    return sections(page), built, briefing


def actor_rows(actors_section: str) -> dict[str, list[str]]:
    rows = {}
    for line in actors_section.splitlines():
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] not in ("Actor", "---"):
            rows[re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", cells[0])] = cells[1:]
    return rows


def test_a_bad_override_is_skipped_with_the_names_there_are(corrected):
    _, built, _ = corrected
    warning = next(line for line in built.stderr.splitlines() if "Ruiz" in line)
    assert "carney.md" in warning and "override `actors.rename`" in warning and "skipped" in warning
    assert "'Mark Carney'" in warning and "'Ukraine'" in warning  # the valid choices


def test_title_and_summary(corrected):
    page, _, briefing = corrected
    assert "# Carney pledges support on Kyiv visit" in page["head"]
    assert briefing["title"] == "Carney pledges support on Kyiv visit"
    assert briefing["summary_sentences"] == [0, 15]
    assert "Carney is visiting Kyiv to mark Ukraine’s Independence Day" in page["head"]
    assert "sentence 16" in page["head"]


def test_key_facts_dropped_reordered_added(corrected):
    page, _, briefing = corrected
    facts = [line for line in page["Key facts"].splitlines() if line.startswith("1. ")]
    assert facts[0].startswith("1. Canada has long been a military spending laggard")
    assert not any("Canada lacks the capacity" in fact for fact in facts)
    assert any(fact.startswith("1. Its small military faces a shortfall") for fact in facts)
    shown = [fact.rsplit(" [source]", 1)[0].replace("\\[", "[").replace("\\]", "]") for fact in facts]
    assert [f"1. {fact['text']}" for fact in briefing["key_facts"]] == shown  # a name written in is \[escaped\]


def test_actors_added_renamed_merged_dropped_typed_and_given_roles(corrected):
    page, _, briefing = corrected
    rows = actor_rows(page["Actors"])
    assert rows["European allies"][0].endswith("group") and rows["European allies"][1] == "the coalition's leaders"
    assert rows["European allies"][2] == "1"  # its mentions are counted in the article
    assert "The Kremlin" in rows and "Kremlin" not in rows
    assert "Kyiv" not in rows and "Riga" not in rows
    assert rows["Group of Seven"][0].endswith("group")
    assert rows["Mark Carney"][1] == "Prime Minister of Canada"
    ukraine = next(actor for actor in briefing["actors"] if actor["name"] == "Ukraine")
    assert "Kyiv" in ukraine["aliases"] and ukraine["mentions"] == 9 + 2
    assert sorted(rows) == sorted(actor["name"] for actor in briefing["actors"])


def test_speakers_and_roles_reach_quotes_and_statements(corrected):
    page, _, briefing = corrected
    quotes = page["Quotes"]
    assert "There has to be security" not in quotes
    guarantee = quotes[quotes.index("Any security guarantee"):]
    caption = guarantee[guarantee.index("<figcaption"):guarantee.index("</figcaption>")]
    assert "Mark Carney" in caption and "Prime Minister of Canada" in caption and "check" not in caption
    statements = page["Quotes"][page["Quotes"].index("### Reported statements"):]
    (nation,) = [line for line in statements.splitlines() if "The North American nation" in line]
    assert "Mark Carney" in nation and "Prime Minister of Canada" in nation
    assert "Carney is visiting Kyiv" not in statements
    by_text = {quote["text"][:22]: quote for quote in briefing["quotes"]}
    assert by_text["Any security guarantee"]["attribution"] == "editor"


def test_questions_added_and_dropped(corrected):
    page, _, briefing = corrected
    assert "Will Canada send troops to Ukraine? [source](#s-11)" in page["Open questions"]
    assert "Will the US" not in page["Open questions"]
    assert {"question": "Will Canada send troops to Ukraine?", "sentence": 11} in briefing["open_questions"]


def small_briefing() -> Briefing:
    sentences = ["Ana Ruiz, a councillor, said the vote was close.", "“We will appeal,” Ruiz said."]
    return Briefing(
        id="x", title="Vote", date=None, source="seeds/x.txt", summary=sentences[0], key_facts=[],
        quotes=[Quote("We will appeal", "Ruiz", None, False, 1, "explicit", "said")],
        statements=[Statement("the vote was close", "Ana Ruiz", "a councillor", 0, "explicit", "said")],
        actors=[Actor("Ana Ruiz", "person", mentions=1), Actor("Ruiz", "person", mentions=1, first_sentence=1)],
        open_questions=[], timeline=[], figures=[], sentences=sentences, sentence_paragraphs=[0, 0])


def test_renaming_onto_an_actor_merges_the_two_and_their_quotes():
    briefing, problems = apply_overrides(small_briefing(), {"actors": {"rename": {"Ruiz": "Ana Ruiz"}}})
    assert problems == []
    assert [(a.name, a.aliases, a.mentions) for a in briefing.actors] == [("Ana Ruiz", ["Ruiz"], 2)]
    assert briefing.quotes[0].speaker == "Ana Ruiz"


@pytest.mark.parametrize(("overrides", "message"), [
    ({"actors": {"renam": {}}}, "unknown key (known: add, rename, merge"),
    ({"actorz": {}}, "unknown section (known: title, summary, facts"),
    ({"actors": {"type": {"Ana Ruiz": "city"}}}, "must be one of country, group, organization, person, place"),
    ({"actors": {"add": [{"name": "Bo Li"}]}}, "'Bo Li' is not named in the article"),
    ({"actors": {"merge": {"Ruiz": "Nobody"}}}, "no actor named 'Nobody' in this briefing (its actors: 'Ana Ruiz', 'Ruiz')"),
    ({"summary": [3]}, "sentence 3 does not exist (the article has 2 sentences)"),
    ({"facts": {"add": [True]}}, "True is not a sentence number (1 to 2)"),
    ({"quotes": {"drop": ["We will not"]}}, "nothing begins with 'We will not' (they begin: 'We will appeal')"),
    ({"questions": {"add": [{"question": "Why?"}]}}, "each item needs `question` (text) and `sentence`"),
    (["not", "a", "mapping"], "must be a mapping of sections"),
])
def test_each_bad_override_names_the_key_and_the_choices_and_the_rest_applies(overrides, message):
    if isinstance(overrides, dict):
        overrides = {**overrides, "title": "Corrected title"}
    briefing, problems = apply_overrides(small_briefing(), overrides)
    assert len(problems) == 1 and message in problems[0], problems
    assert problems[0].startswith("override `") and problems[0].endswith("skipped")
    assert briefing.title == ("Corrected title" if isinstance(overrides, dict) else "Vote")


def test_a_txt_seed_takes_its_title_and_overrides_from_its_sidecar(tmp_path, nlp):
    from generator.pipeline import Project, build

    project = make_project(tmp_path, [])
    (project / "seeds" / "carney.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "seeds" / "carney.yml").write_text(
        "title: Carney in Kyiv\noverrides:\n  actors:\n    role: {Mark Carney: Prime Minister of Canada}\n"
        "    rename: {Ruiz: Ana Ruiz}\n", encoding="utf-8")
    report = build(Project.at(project), nlp_factory=lambda: nlp)
    assert not report.errors, report.lines()
    assert [note for note in report.skipped_overrides if "seeds/carney.txt" in note and "'Ruiz'" in note]
    page = sections((project / "briefings" / "2025" / "carney.md").read_text(encoding="utf-8"))
    assert "# Carney in Kyiv" in page["head"]
    assert actor_rows(page["Actors"])["Mark Carney"][1] == "Prime Minister of Canada"
    assert not (project / "briefings" / "2025" / "carney.yml").exists()


@pytest.mark.parametrize(("yaml_overrides", "message"), [
    ("{questions: {add: [{question: 'Why?', sentence: 1, when: 2025-01-01}]}}", "'when': '2025-01-01'"),
    ("{actors: {drop: !!set {Ruiz: null}}}", None),
    ("&o {actors: {drop: [*o]}}", "no actor named '<a YAML alias inside its own anchor>'"),
    ("{actors: {drop: [!!binary aGVsbG8=]}}", "no actor named '<a binary value>'"),
])
def test_overrides_without_a_json_form_are_read_as_plain_data(tmp_path, yaml_overrides, message):
    """A date, a set, a binary value or an alias inside its own anchor: the article is read,
    its overrides stored and hashed as JSON, and a value with no JSON form is reported."""
    from generator.cache import BriefingCache
    from generator.readers import read_article

    seed = tmp_path / "vote.md"
    seed.write_text(f"---\noverrides: {yaml_overrides}\n---\nThe council voted on Monday.\n",
                    encoding="utf-8")
    overrides = read_article(seed, tmp_path).meta["overrides"]
    json.dumps(overrides)  # what the cache does with it
    briefing, problems = apply_overrides(small_briefing(), overrides)
    BriefingCache.content_digest(briefing)
    if message is None:
        assert not problems and [actor.name for actor in briefing.actors] == ["Ana Ruiz"]
    else:
        assert len(problems) == 1 and message in problems[0], problems
