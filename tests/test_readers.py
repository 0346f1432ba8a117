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
