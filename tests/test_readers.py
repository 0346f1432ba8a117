import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from helpers import SEED, make_project

from generator.cache import cache_key
from generator.pipeline import BuildReport, Project, read_seeds, seed_files
from generator.readers import (
    MAX_ARTICLE_CHARS,
    MAX_HTML_BYTES,
    MAX_TEXT_BYTES,
    ArticleError,
    drop_headline,
    normalise_text,
    read_article,
)

DATA = Path(__file__).parent / "data"


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_seed_format_takes_the_date_off_the_first_line(tmp_path):
    path = write(tmp_path, "a.txt", "date 2025-08-24 Mark Carney is visiting Ukraine.\n\nSecond paragraph.\n")
    article = read_article(path)
    assert article.date == date(2025, 8, 24)
    assert article.text == "Mark Carney is visiting Ukraine.\n\nSecond paragraph."
    assert article.id == "a"


def test_seed_without_date_line(tmp_path):
    article = read_article(write(tmp_path, "b.txt", "Just an article.\nwrapped line.\n"))
    assert article.date is None
    assert article.text == "Just an article. wrapped line."


def test_non_breaking_spaces_entities_and_crlf_are_normalised(tmp_path):
    article = read_article(write(tmp_path, "c.txt", "One\u00a0two &amp; &#8220;three&#8221;&nbsp;four.\r\n\r\nFive."))
    assert article.text == "One two & “three” four.\n\nFive."


def test_markdown_front_matter(tmp_path):
    path = write(tmp_path, "d.md", "---\ntitle: A title\ndate: 2024-01-02\nauthor: Ann\n---\nBody text.\n")
    article = read_article(path)
    assert (article.title, article.date, article.meta["author"]) == ("A title", date(2024, 1, 2), "Ann")
    assert article.text == "Body text."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "article is empty"),
        ("blank.txt", "  \n\n \t\n", "article is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("broken.txt", "The café’s owner said".encode() + b" \xff\xfe it closed.", "not valid UTF-8"),
        ("baddate.txt", "date 2025-02-30 Text.", "not a valid calendar date"),
        ("notdate.txt", "date yesterday Text.", "not a date"),
        ("bad.md", "---\ntitle: [unclosed\n---\nBody", "front matter is not valid YAML"),
    ],
)
def test_bad_input_names_the_file_and_the_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert name in str(caught.value)
    assert reason in str(caught.value)


def test_normalise_keeps_paragraphs_apart():
    assert normalise_text("a\n\n\n\nb\n c") == "a\n\nb c"


def test_other_encodings_are_detected_and_decoded(tmp_path):
    text = "Le café est fermé, said the owner of the café in the town centre on Monday morning."
    article = read_article(write(tmp_path, "latin.txt", text.encode("cp1252")))
    assert article.text == text


def test_saved_web_page_gives_text_title_and_date():
    article = read_article(Path(__file__).parent / "data" / "usatoday_ebola.html")
    assert article.title == "Liberia says Dallas Ebola patient lied on exit documents"
    assert article.date == date(2014, 10, 2)
    assert "Thomas Eric Duncan" in article.text
    assert "<" not in article.text


def test_an_article_in_another_language_is_refused():
    with pytest.raises(ArticleError, match="does not look like English"):
        read_article(Path(__file__).parent / "data" / "liberation_fr.html")


def test_a_huge_article_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "huge.txt", "The council met on Monday and said the plan is good. " * 400_000)
    assert path.stat().st_size > 20_000_000
    with pytest.raises(ArticleError, match="the limit is"):
        read_article(path)


def test_unknown_front_matter_is_reported_and_bad_overrides_are_kept_for_later(tmp_path):
    """Overrides are checked where they apply (a bad one is reported and skipped there, and the
    article keeps its briefing), so the reader keeps them as written."""
    path = write(tmp_path, "o.md", "---\nttile: typo\noverrides:\n  actors:\n    renam: {}\n---\nBody.")
    with pytest.raises(ArticleError, match="unknown front matter key") as caught:
        read_article(path)
    assert "ttile" in str(caught.value)
    assert "known: title, date, url, source, author, publisher, tags, overrides, reviewed, reviewer, " \
           "reviewed_on" in str(caught.value)
    path = write(tmp_path, "p.md", "---\noverrides:\n  actors:\n    renam: {}\n    type: {X: city}\n---\nBody.")
    assert read_article(path).meta["overrides"] == {"actors": {"renam": {}, "type": {"X": "city"}}}


def test_a_missing_file_is_no_such_file_and_a_listed_one_disappeared(tmp_path):
    """A path someone named that was never there, against one a folder listing found."""
    with pytest.raises(ArticleError) as caught:
        read_article(tmp_path / "gone.txt")
    assert str(caught.value) == f"{tmp_path / 'gone.txt'}: no such file"
    with pytest.raises(ArticleError, match="file disappeared before it could be read"):
        read_article(tmp_path / "gone.txt", listed=True)
    with pytest.raises(ArticleError, match="file disappeared before it could be read"):
        read_article(tmp_path / "gone.txt", tmp_path)  # read for a project: it was listed
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ArticleError, match="is a link to a file that does not exist"):
        read_article(tmp_path / "dangling.txt")


FRONT_MATTER = ("---\ntitle: Council backs the plan\nauthor: Ann Lee\noverrides:\n  actors:\n"
                "    drop: [Monday]\n---\nThe council met on Monday.\n\nIt backed the plan.\n")


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr-only"])
def test_front_matter_is_found_whatever_the_line_endings(tmp_path, ending):
    """Windows and old-Mac files: the front matter is parsed, not published as body text."""
    path = write(tmp_path, "endings.md", FRONT_MATTER.replace("\n", ending).encode())
    article = read_article(path)
    assert article.title == "Council backs the plan"
    assert article.meta["author"] == "Ann Lee"
    assert article.meta["overrides"] == {"actors": {"drop": ["Monday"]}}
    assert article.text == "The council met on Monday.\n\nIt backed the plan."


@pytest.mark.parametrize(("name", "limit"), [("big.txt", MAX_TEXT_BYTES), ("big.md", MAX_TEXT_BYTES),
                                             ("big.html", MAX_HTML_BYTES)])
def test_a_file_over_its_byte_limit_is_refused_by_its_size(tmp_path, name, limit):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(limit + 1)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value) == (f"{path}: file is {limit + 1:,} bytes; the limit is {limit:,} bytes for a "
                                 f"{path.suffix} article (room for {MAX_ARTICLE_CHARS:,} characters; "
                                 "split it or trim it)")


def test_the_byte_limits_leave_room_for_every_article_the_character_limit_allows(tmp_path):
    """The largest article in the most bytes UTF-8 needs still passes the size check."""
    assert MAX_TEXT_BYTES >= MAX_ARTICLE_CHARS * 4 and MAX_HTML_BYTES >= MAX_TEXT_BYTES
    sentence = "𝐓𝐡𝐞 𝐜𝐨𝐮𝐧𝐜𝐢𝐥 𝐦𝐞𝐭 and said that the 𝐩𝐥𝐚𝐧 is 𝐠𝐨𝐨𝐝. "
    path = write(tmp_path, "wide.txt", (sentence * 10_000)[:MAX_ARTICLE_CHARS])
    assert path.stat().st_size > MAX_ARTICLE_CHARS * 2.2  # twice the 200,000 bytes of plain ASCII
    assert len(read_article(path).text) <= MAX_ARTICLE_CHARS


def test_a_300_mb_file_is_refused_before_it_is_read(tmp_path):
    """Sparse, so the test is fast; in a fresh process, so its peak memory is its own."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(300 * 2**20)
    script = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from generator.readers import ArticleError, read_article\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "start = time.monotonic()\n"
        "try:\n"
        "    read_article(Path(sys.argv[1]))\n"
        "except ArticleError as error:\n"
        "    print(error)\n"
        "print(time.monotonic() - start)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parent.parent)
    message, seconds, grown_kib = result.stdout.splitlines()
    assert message.startswith(f"{path}: file is 314,572,800 bytes; the limit is {MAX_TEXT_BYTES:,} bytes")
    assert float(seconds) < 0.5
    assert int(grown_kib) < 20 * 1024  # reading it all would have taken 300 MB and more


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(ArticleError, match="is not a regular file; not read"):
        read_article(path)


# --- .txt header lines -------------------------------------------------------------------------

BODY = "The council met on Monday.\n\nIt backed the plan."


@pytest.mark.parametrize("header", [
    "title Council backs the plan\ndate 2025-08-24\n\n",
    "date 2025-08-24\ntitle Council backs the plan\n\n",
    "\n\ntitle Council backs the plan\n\ndate 2025-08-24\n\n",  # blank lines before and between
    "title Council backs the plan\ndate 2025-08-24\n",  # the first sentence right after the date line
    "title Council backs the plan\ndate 2025-08-24 ",  # ... or on the date's own line
    "  title   Council backs the plan  \n\tdate 2025-08-24\n\n",
], ids=["title-date", "date-title", "blank-lines", "no-blank-after", "date-shares-line", "spaces"])
def test_txt_header_lines_give_title_and_date_in_either_order(tmp_path, header):
    article = read_article(write(tmp_path, "h.txt", header + BODY))
    assert article.title == "Council backs the plan"
    assert article.date == date(2025, 8, 24)
    assert article.text == BODY


def test_a_title_line_alone_and_entities_in_it(tmp_path):
    article = read_article(write(tmp_path, "t.txt", "title AT&amp;T  wins   the &#8220;bid&#8221;\n\n" + BODY))
    assert (article.title, article.date, article.text) == ("AT&T wins the “bid”", None, BODY)


@pytest.mark.parametrize(("content", "title", "day"), [
    # The article's own first words, never a header:
    ("Title fights are back in the city.\n\nThe council met.", None, None),
    ("title fights are back in the city, the promoter said\non Monday.\n\nThe council met.", None, None),
    ("Date palms grow here.\n\ntitle of the report\n\nThe council met.", None, None),
    ("date 2025-08-24 title fights are back in the city.\n\nThe council met.", None, date(2025, 8, 24)),
    ("The council met.\n\ntitle Not a header\n\ndate 2025-08-24\n\nIt backed the plan.", None, None),
    ("titles are back in the city.\n\nThe council met.", None, None),
    # A header title, then a first sentence that begins with "title" too:
    ("title Boxing returns\n\ntitle fights are back in the city,\nthe promoter said.", "Boxing returns", None),
])
def test_an_article_that_begins_with_title_or_date_keeps_its_words(tmp_path, content, title, day):
    article = read_article(write(tmp_path, "w.txt", content))
    assert (article.title, article.date) == (title, day)
    header_free = content.split("\n\n", 1)[1] if title else content.removeprefix("date 2025-08-24 ")
    assert article.text == normalise_text(header_free)


@pytest.mark.parametrize(("content", "reason"), [
    ("title One\ntitle Two\n\nThe council met.", "the header has two `title` lines"),
    ("date 2025-08-24\ndate 2025-08-25\n\nThe council met.", "the header has two `date` lines"),
    ("title One\ndate 2025-08-24\ntitle Two\n\nThe council met.", "the header has two `title` lines"),
    ("title One\ndate yesterday\n\nThe council met.", "date 'yesterday' is not a date in the form YYYY-MM-DD"),
])
def test_a_header_key_twice_or_a_bad_date_is_an_error(tmp_path, content, reason):
    path = write(tmp_path, "twice.txt", content)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value).startswith(f"{path}: {reason}")


# --- review keys -------------------------------------------------------------------------------

def test_review_keys_are_kept_in_meta(tmp_path):
    path = write(tmp_path, "r.md", "---\nreviewed: true\nreviewer: Ana Ruiz\nreviewed_on: 2024-10-02\n---\nBody.")
    assert read_article(path).meta == {"reviewed": True, "reviewer": "Ana Ruiz", "reviewed_on": "2024-10-02"}
    path = write(tmp_path, "s.md", "---\nreviewed: false\nreviewed_on: '2024-10-02'\n---\nBody.")
    assert read_article(path).meta == {"reviewed": False, "reviewed_on": "2024-10-02"}
    assert read_article(write(tmp_path, "u.md", "---\nreviewed:\nreviewed_on:\n---\nBody.")).meta == {}


@pytest.mark.parametrize(("front", "reason"), [
    ("reviewed: maybe", "front matter `reviewed` must be true or false, not a text ('maybe')"),
    ("reviewed: 1", "front matter `reviewed` must be true or false, not a number (1)"),
    ("reviewed: [yes]", "front matter `reviewed` must be true or false, not a list"),
    ("reviewer: [Ana, Bo]", "front matter `reviewer` must be text, not a list"),
    ("reviewed_on: tomorrow", "front matter `reviewed_on` 'tomorrow' is not a date in the form YYYY-MM-DD"),
    ("reviewed_on: '2025-02-30'", "front matter `reviewed_on` '2025-02-30' is not a valid calendar date"),
    ("reviewed_on: true", "front matter `reviewed_on` must be a date in the form YYYY-MM-DD, not a true/false"),
    ("reviewed_on: {day: 1}", "front matter `reviewed_on` must be a date in the form YYYY-MM-DD, not a mapping"),
])
def test_a_bad_review_key_names_the_file_and_the_key(tmp_path, front, reason):
    path = write(tmp_path, "bad review.md", f"---\n{front}\n---\nBody.")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: {reason}"


# --- sidecars ----------------------------------------------------------------------------------

SIDECAR = """\
title: Dockworkers end their strike
date: 2024-10-04
author: Dana Whitfield
tags: [ports, labour]
reviewed: true
reviewer: Ana Ruiz
reviewed_on: 2024-10-05
overrides:
  actors:
    drop: [Monday]
"""


def test_a_sidecar_wins_over_a_txt_header(tmp_path):
    seed = write(tmp_path, "strike.txt", "title Strike goes on\ndate 2024-10-01\n\n" + BODY)
    write(tmp_path, "strike.yml", SIDECAR)
    article = read_article(seed)
    assert (article.title, article.date, article.text) == ("Dockworkers end their strike", date(2024, 10, 4), BODY)
    assert article.meta == {"author": "Dana Whitfield", "overrides": {"actors": {"drop": ["Monday"]}},
                            "reviewed": True, "reviewed_on": "2024-10-05", "reviewer": "Ana Ruiz",
                            "tags": ["ports", "labour"]}


def test_a_sidecar_only_fills_in_what_it_names(tmp_path):
    seed = write(tmp_path, "strike.txt", "title Strike goes on\ndate 2024-10-01\n\n" + BODY)
    write(tmp_path, "strike.yaml", "reviewed: false\n")
    article = read_article(seed)
    assert (article.title, article.date, article.meta) == ("Strike goes on", date(2024, 10, 1), {"reviewed": False})
    write(tmp_path, "strike.yaml", "")  # empty: as if there were none
    assert read_article(seed).meta == {}


def test_a_sidecar_wins_over_a_saved_pages_own_metadata(tmp_path):
    seed = tmp_path / "port.html"
    seed.write_bytes((DATA / "headline_page.html").read_bytes())
    write(tmp_path, "port.yml", "title: Ports shut as 45,000 walk out\nauthor: The desk\nurl: https://example.com/a\n")
    article = read_article(seed)
    assert article.title == "Ports shut as 45,000 walk out"
    assert article.date == date(2024, 10, 1)  # the page's, which the sidecar does not name
    assert article.meta == {"author": "The desk", "publisher": "Harbour Daily", "url": "https://example.com/a"}


@pytest.mark.parametrize(("sidecar", "reason"), [
    ("- title\n- date\n", "must be a mapping of keys to values (title: …, date: …), not a list"),
    ("just some words\n", "must be a mapping of keys to values (title: …, date: …), not a text"),
    ("title: [unclosed\n", "is not valid YAML ("),
    ("date: 2025-02-30\n", "has a value that is not valid ("),
    ("ttile: typo\n", ("unknown key(s): ttile; known: title, date, url, source, author, publisher, tags, "
                      "overrides, reviewed, reviewer, reviewed_on")),
    ("author: [a, b]\n", "`author` must be text, not a list"),
    ("reviewed: maybe\n", "`reviewed` must be true or false, not a text ('maybe')"),
    ("reviewed_on: soon\n", "`reviewed_on` 'soon' is not a date in the form YYYY-MM-DD"),
    ("date: last Tuesday\n", "date 'last Tuesday' is not a date in the form YYYY-MM-DD"),
    ("tags: [[a]]\n", "`tags` must be a list of texts"),
    (b"title: caf\xe9 \xff\xfe\n\x00", "file is binary, not text"),
])
def test_a_bad_sidecar_names_the_seed_the_sidecar_and_the_key(tmp_path, sidecar, reason):
    seed = write(tmp_path, "strike.txt", BODY)
    write(tmp_path, "strike.yml", sidecar)
    with pytest.raises(ArticleError) as caught:
        read_article(seed, tmp_path)
    assert str(caught.value).startswith(f"{seed}: sidecar strike.yml: {reason}")


def test_a_sidecar_is_read_bounded_and_never_through_a_link(tmp_path):
    seed = write(tmp_path, "strike.txt", BODY)
    with (tmp_path / "strike.yml").open("wb") as handle:
        handle.truncate(MAX_TEXT_BYTES + 1)
    with pytest.raises(ArticleError, match=r"sidecar .*strike\.yml: file is 1,600,001 bytes; the limit"):
        read_article(seed)
    (tmp_path / "strike.yml").unlink()
    outside = write(tmp_path, "private.yaml", "title: A private file\n")
    (tmp_path / "strike.yml").symlink_to(outside)
    with pytest.raises(ArticleError, match=r"sidecar .*strike\.yml: is a link; a sidecar must be a file"):
        read_article(seed)
    (tmp_path / "strike.yml").unlink()
    write(tmp_path, "strike.yml", "title: One\n")
    write(tmp_path, "strike.yaml", "title: Two\n")
    with pytest.raises(ArticleError, match="has two sidecars, strike.yml and strike.yaml; keep one"):
        read_article(seed)


def test_a_md_seed_has_no_sidecar(tmp_path):
    seed = write(tmp_path, "strike.md", "---\ntitle: From the front matter\n---\n" + BODY)
    write(tmp_path, "strike.yml", "title: From a sidecar\n")
    assert read_article(seed).title == "From the front matter"


def test_seed_files_leaves_out_sidecars_but_not_a_lone_yml(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "old").mkdir(parents=True)
    for name in ("strike.txt", "strike.yml", "port.HTML", "port.yaml", "old/court.htm", "old/court.yml",
                 "lone.yml", "notes.md", "notes.yml", "strike.YML"):
        write(seeds, name, "title: x\n")
    assert [p.relative_to(seeds).as_posix() for p in seed_files(seeds)] == [
        "lone.yml", "notes.md", "notes.yml", "old/court.htm", "port.HTML", "strike.YML", "strike.txt"]


@pytest.mark.parametrize(("name", "beside", "reason"), [
    ("lone.yml", [], "is a sidecar with no seed beside it (expected lone.txt, lone.html or lone.htm)"),
    ("notes.yaml", ["notes.md"], ("is a sidecar with no seed beside it (expected notes.txt, notes.html or "
                                 "notes.htm); a .md seed has its metadata in its own front matter")),
    ("strike.yml", ["strike.txt"], "is the sidecar of strike.txt, read with it; not an article itself"),
    ("strike.YML", ["strike.txt"], ("is not read as the sidecar of strike.txt: a sidecar's name ends in "
                                   "lowercase .yml or .yaml (rename it strike.yml)")),
])
def test_a_yml_read_as_an_article_says_what_it_is(tmp_path, name, beside, reason):
    for other in beside:
        write(tmp_path, other, BODY)
    path = write(tmp_path, name, "title: x\n")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_a_build_reads_the_sidecar_with_its_seed_and_reports_a_lone_one(tmp_path):
    project = make_project(tmp_path, [])
    seeds = project / "seeds"
    write(seeds, "strike.txt", BODY)
    write(seeds, "strike.yml", "title: Dockworkers end their strike\n")
    write(seeds, "lone.yml", "title: Nobody's\n")
    report = BuildReport()
    (article,) = read_seeds(Project.at(project), report)
    assert (article.id, article.title) == ("strike", "Dockworkers end their strike")
    assert [(e.path, e.reason) for e in report.errors] == [
        ("seeds/lone.yml", "is a sidecar with no seed beside it (expected lone.txt, lone.html or lone.htm)")]


def test_the_cache_key_follows_what_the_sidecar_changes_for_extraction(tmp_path):
    """Title and date are what extraction sees of a sidecar; its other keys land in Article.meta,
    which every build copies into the briefing (see generator/cache.py)."""
    seed = write(tmp_path, "strike.txt", "title Strike goes on\n\n" + BODY)
    keys = [cache_key(read_article(seed))]
    for sidecar in ("title: Ports shut\n", "title: Ports shut\ndate: 2024-10-01\n",
                    "title: Ports shut\ndate: 2024-10-02\n"):
        write(tmp_path, "strike.yml", sidecar)
        keys.append(cache_key(read_article(seed)))
    assert len(set(keys)) == len(keys)
    write(tmp_path, "strike.yml", "title: Ports shut\ndate: 2024-10-02\nreviewed: true\nauthor: Ana\n")
    assert read_article(seed).meta == {"author": "Ana", "reviewed": True}


# --- the headline of a saved page --------------------------------------------------------------

def test_a_saved_pages_headline_is_its_title_not_its_first_paragraph():
    """trafilatura's text of this page begins with its <h1>; the briefing's must not."""
    article = read_article(DATA / "headline_page.html")
    assert article.title == "Dockworkers strike shuts East Coast ports"
    assert article.text.startswith("About 45,000 dockworkers walked off the job on Tuesday")
    assert "Dockworkers strike shuts East Coast ports" not in article.text
    assert article.date == date(2024, 10, 1)


@pytest.mark.parametrize(("title", "first", "kept_title"), [
    ("Dockworkers strike shuts East Coast ports", "Dockworkers strike shuts East Coast ports", None),
    ("Dockworkers strike shuts East Coast ports", "Dockworkers strike shuts East Coast ports.", None),
    ("Dockworkers strike shuts East Coast ports", "“Dockworkers  strike shuts East-Coast ports”", None),
    ("DOCKWORKERS STRIKE SHUTS EAST COAST PORTS", "Dockworkers strike shuts East Coast ports", None),
    ("Dockworkers strike shuts East Coast ports | Harbour Daily", "Dockworkers strike shuts East Coast ports",
     "Dockworkers strike shuts East Coast ports"),
    ("Strike: ports shut – Harbour Daily – News", "Strike: ports shut", "Strike: ports shut"),
])
def test_a_first_paragraph_that_is_the_headline_is_dropped(title, first, kept_title):
    rest = ["About 45,000 dockworkers walked off the job.", "The union said so."]
    assert drop_headline(title, [first, *rest]) == (kept_title or title, rest)


@pytest.mark.parametrize(("title", "paragraphs"), [
    ("Dockworkers strike shuts East Coast ports", [("Dockworkers strike shuts East Coast ports today, the union "
                                                   "said."), "More."]),
    ("Dockworkers strike", ["Dockworkers strike shuts East Coast ports", "More."]),
    ("Dockworkers strike shuts East Coast ports", ["Dockworkers strike shuts East Coast ports"]),  # all there is
    (None, ["Dockworkers strike shuts East Coast ports", "More."]),
    ("Ports | Harbour Daily", ["Harbour Daily", "More."]),
])
def test_a_first_paragraph_that_is_not_the_headline_stays(title, paragraphs):
    assert drop_headline(title, paragraphs) == (title, paragraphs)


def test_reading_an_article_does_not_import_spacy():
    """A build in which no article changed reads every article but analyses none: the English
    check must not cost the 1 to 2 s of importing spaCy (benchmarks/bench_build.py, no-change)."""
    code = ("import sys; from pathlib import Path; from generator.readers import read_article; "
            f"read_article(Path({str(SEED)!r})); print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_english_check_uses_spacys_own_stop_words():
    from spacy.lang.en.stop_words import STOP_WORDS

    from generator.readers import english_stop_words
    assert english_stop_words() == STOP_WORDS
