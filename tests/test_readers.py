import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.readers import (
    MAX_ARTICLE_CHARS,
    MAX_HTML_BYTES,
    MAX_TEXT_BYTES,
    ArticleError,
    normalise_text,
    read_article,
)


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


def test_unknown_front_matter_and_bad_overrides_are_all_reported(tmp_path):
    path = write(tmp_path, "o.md", "---\nttile: typo\noverrides:\n  actors:\n    renam: {}\n---\nBody.")
    with pytest.raises(ArticleError, match="unknown front matter key"):
        read_article(path)
    path = write(tmp_path, "p.md", "---\noverrides:\n  actors:\n    renam: {}\n    type: {X: city}\n---\nBody.")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert "actors.renam" in str(caught.value) and "must be one of" in str(caught.value)


def test_a_missing_file_says_it_disappeared(tmp_path):
    with pytest.raises(ArticleError, match="disappeared"):
        read_article(tmp_path / "gone.txt")


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
