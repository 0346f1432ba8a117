from datetime import date
from pathlib import Path

import pytest

from generator.readers import ArticleError, normalise_text, read_article


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


def test_non_breaking_spaces_and_crlf_are_normalised(tmp_path):
    article = read_article(write(tmp_path, "c.txt", "One\u00a0two.\r\n\r\nThree."))
    assert article.text == "One two.\n\nThree."


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
        ("latin.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
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
