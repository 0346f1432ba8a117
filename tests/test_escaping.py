"""Articles come from the web and the site is public: every value is escaped for where it lands.

A real project is built (`mkdocs build --strict`, as the site tests do) from the hostile articles
in tests/data/hostile/ and one seed with a hostile file name, and the built HTML is read back:
no script, handler or ``javascript:`` URL of an article's making, titles and descriptions that
read the original characters (escaped once, never twice), Markdown and emoji shortcodes in
articles shown as words. The filters themselves are checked on their own, and by property on
every kind of text, through the site's own Markdown extensions.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from helpers import ROOT, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator.feed import atom_feed
from generator.models import Actor, Briefing
from generator.render import (
    anchor_id,
    code_text,
    html_text,
    link_target,
    markdown_text,
    plain_line,
    safe_url,
    yaml_value,
)

HOSTILE = ROOT / "tests" / "data" / "hostile"
# Closes a one-backtick code span and opens an image; made at test time (no such name in git).
HOSTILE_NAME = "e`<img src=x onerror=alert(1)>`.txt"
SITE_NAME = "Briefings"
PLAIN_TITLE = "AT&T wins \"big\" deal, 'sources' say"
IMG_TITLE = "<img src=x onerror=alert(1)>"
SCRIPT_HEADLINE = 'Hackers wrote "><script>alert(1)</script>'
SVG_NAME = "<svg onload=alert(1)>"
SPEAKER = "</title><script>alert(1)</script>"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_hostile_site(tmp_path: Path) -> Path:
    """A project of the hostile articles (and the hostile file name), built as `make site` does.

    ``--strict``: the corpus is meant to build cleanly, so a warning is a failure here too.
    Shared with tests/browser/test_hostile_site.py.
    """
    project = make_project(tmp_path, sorted(HOSTILE.glob("[0-9]*")))
    shutil.copy(HOSTILE / "hostile_name.txt", project / "seeds" / HOSTILE_NAME)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
    return project


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: int = 0


@dataclass
class Page:
    """What a browser would make of a built page: elements, attributes and text, entities decoded."""

    elements: list[Element] = field(default_factory=list)
    title: str = ""
    body_text: str = ""


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _Reader(HTMLParser):
    """Builds a :class:`Page`; the body text is what is inside ``<article>`` (the page content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[Element] = []
        self.body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.page.elements.append(element)
        if self.stack:
            self.stack[-1].children += 1
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if any(element.tag == tag for element in self.stack):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data
        if self.stack and self.stack[-1].tag == "title":
            self.page.title += data
        if any(e.tag == "article" for e in self.stack) and self.stack[-1].tag not in ("script", "style"):
            self.body.append(data)


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    reader.page.body_text = "".join(reader.body)
    return reader.page


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile")) / "site"


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return {path.relative_to(site).as_posix(): read_page(path) for path in sorted(site.rglob("*.html"))}


def page_name(pages: dict[str, Page], seed: str) -> str:
    """The built page of a seed, found by its byline (``seeds/NAME`` in ``<code>``), not by its
    path: how page paths are chosen is not this test's business."""
    (name,) = [name for name, page in pages.items()
               if any(e.tag == "code" and e.text == f"seeds/{seed}" for e in page.elements)]
    return name


def briefing_page(pages: dict[str, Page], seed: str) -> Page:
    return pages[page_name(pages, seed)]


def actor_page(pages: dict[str, Page], name: str) -> Page:
    """The page of an actor: the one whose heading is the name and that lists briefings."""
    (page,) = [page for page in pages.values()
               if h1(page) == name and any(e.tag == "h2" and e.text.startswith("Briefings") for e in page.elements)]
    return page


def meta(page: Page, key: str, value: str) -> str:
    (content,) = [e.attrs["content"] for e in page.elements if e.tag == "meta" and e.attrs.get(key) == value]
    return content


def header_topic(page: Page) -> str:
    (topic,) = [e for e in page.elements if e.attrs.get("data-md-component") == "header-topic"]
    return " ".join(topic.text.split())


def h1(page: Page) -> str:
    return " ".join(next(e for e in page.elements if e.tag == "h1").text.replace("¶", "").split())


# --- the filters, one by one ---------------------------------------------------------------

def test_md_uses_entities_for_html_and_neutralises_shortcodes():
    assert markdown_text("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert "\\<" not in markdown_text("<")
    assert markdown_text(":material-alert:") == "&#58;material-alert&#58;"
    assert markdown_text("*x* _y_ [z](w) {: .c } `q` a|b #1 \\") == (
        "\\*x\\* \\_y\\_ \\[z\\](w) \\{&#58; .c \\} \\`q\\` a\\|b \\#1 \\\\")
    # What would open a block at the start of a line, and a value that tries to leave its line.
    assert markdown_text("- item") == "\\- item"
    assert markdown_text("1. first") == "1\\. first"
    assert markdown_text("!!! note") == "\\!!! note"
    assert markdown_text("??? x") == "&#63;?? x"
    assert markdown_text("a\n\n<script>\x02wzxhzdk:0\x03") == "a  &lt;script&gt;wzxhzdk&#58;0"


def test_safe_url_keeps_only_web_addresses_and_encodes_what_ends_a_link():
    for bad in ("javascript:alert(document.domain)", " JavaScript:alert(1)", "data:text/html,<script>",
                "vbscript:x", "//e.example/x", "/relative", "https:", "https://", "http://\nx",
                "java\tscript:alert(1)", "javascript&#58;alert(1)", None, 3):
        assert safe_url(bad) == "", bad
    assert safe_url('https://e.example/b){ onclick="alert(1)" }') == (
        "https://e.example/b%29%7B%20onclick=%22alert%281%29%22%20%7D")
    assert safe_url("HTTPS://e.example/a?b=1&c=<2>") == "HTTPS://e.example/a?b=1&c=%3C2%3E"
    assert safe_url("https://e.example/%20ok") == "https://e.example/%20ok"


def test_link_code_anchor_and_html_filters():
    assert link_target("../actors/a b(1){x}.md#s-1") == "../actors/a%20b%281%29%7Bx%7D.md#s-1"
    assert link_target("javascript:alert(1)") == "javascript%3Aalert%281%29"
    assert anchor_id("q-x } onclick=1 {") == "q-xonclick1"
    assert code_text(HOSTILE_NAME) == "<code>e\\`&lt;img src=x onerror=alert(1)&gt;\\`.txt</code>"
    assert html_text(PLAIN_TITLE) == "AT&amp;T wins &quot;big&quot; deal, &#x27;sources&#x27; say"


MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
                       "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.emoji"]
# Where templates put article text, with the words the context itself shows: a paragraph, a
# list item, a heading, a table cell, link text, a markdown HTML block, an indented block
# (admonitions, folds).
CONTEXTS = [("{}", ""), ("- {}", ""), ("# {}", ""), ("| a |\n| - |\n| {} |", "a"), ("[{}](x.md)", ""),
            ("<p markdown>\n{}\n</p>", ""), ("1. x\n\n    {}", "x")]
TRICKS = st.sampled_from(list("\\`*_[]<>|{}()#+-.!:=?~&;\"' \t\n\x02\x03") + [
    ":smile:", ":material-alert:", "&amp;", "&#58;", "<b>", "</p>", "1. ", "---", "```", "~~~", "<!--",
    "{: .x}", "](javascript:x)", "\u2028", "    ", "!!! note", "??? x", "=== \"t\"", "<script>"])


@cache
def site_markdown() -> markdown.Markdown:
    """Python-Markdown with mkdocs.yml's extensions and their options, as MkDocs loads them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    names = [name for name in config.markdown_extensions if not name.startswith("mkdocs.")]
    assert set(names) >= set(MARKDOWN_EXTENSIONS), "the property below must cover every extension the site uses"
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


class _Text(HTMLParser):
    """The elements and the text of rendered Markdown, without the headings' permalinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []
        self.in_permalink = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        self.in_permalink = ("class", "headerlink") in attrs

    def handle_endtag(self, tag: str) -> None:
        self.in_permalink = False

    def handle_data(self, data: str) -> None:
        if not self.in_permalink:
            self.parts.append(data)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(TRICKS, st.text(max_size=3)), max_size=12).map("".join), st.sampled_from(CONTEXTS))
def test_md_text_reads_as_written_in_every_context(text: str, context: tuple[str, str]):
    """Whatever the text, the rendered page shows exactly its characters and no element of its own."""
    template, scaffold = context
    converter = site_markdown()
    converter.reset()
    reader = _Text()
    reader.feed(converter.convert(template.format(markdown_text(text))))
    assert " ".join("".join(reader.parts).split()) == " ".join(f"{scaffold} {plain_line(text)}".split())
    assert reader.tags <= {"p", "ul", "ol", "li", "h1", "table", "thead", "tbody", "tr", "th", "td", "a"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_yaml_front_matter_reads_back_any_text(text: str):
    """JSON alone is not enough: YAML refuses \\x7f-\\x9f and turns \\x85 into a line break."""
    assert yaml.safe_load(f"title: {yaml_value(text)}\n")["title"] == text


def test_feed_escapes_markup_and_drops_what_xml_cannot_hold():
    """ElementTree escapes; a control character in an article would otherwise make the whole
    feed unreadable (ElementTree writes it as it is)."""
    title = SPEAKER + " \x00\x0b\x1f\ufffe AT&T"
    briefing = Briefing(id="x", title=title, date="2025-01-01", source="seeds/x.txt", summary='a "b" <c> & d\x08',
                        key_facts=[], quotes=[], statements=[], actors=[Actor(SVG_NAME + "\x01", "person")],
                        open_questions=[], timeline=[], figures=[], sentences=[title], sentence_paragraphs=[0])
    xml = atom_feed([briefing], {"x": "2025/x.md"}, title="B")
    assert "<script>" not in xml and "<svg" not in xml
    entry = ET.fromstring(xml).find("{http://www.w3.org/2005/Atom}entry")
    assert entry.findtext("{http://www.w3.org/2005/Atom}title") == SPEAKER + "  AT&T"
    assert entry.findtext("{http://www.w3.org/2005/Atom}summary") == 'a "b" <c> & d'
    assert entry.find("{http://www.w3.org/2005/Atom}category").get("term") == SVG_NAME


# --- the built site --------------------------------------------------------------------------

def test_no_script_handler_or_script_url_comes_from_an_article(pages: dict[str, Page]):
    """Every page has exactly the theme's scripts (as many as the search page), none with a
    payload in it, no ``on…`` attribute at all and no ``javascript:``/``data:`` link."""
    theme_scripts = sum(e.tag == "script" for e in pages["search/index.html"].elements)
    for name, page in pages.items():
        scripts = [e for e in page.elements if e.tag == "script"]
        assert len(scripts) == theme_scripts, name
        for script in scripts:
            assert "alert" not in script.text, name
            assert not script.attrs.get("src") or re.match(r"/?(\.\./)*(assets|pagefind|javascripts)/",
                                                           script.attrs["src"]), (name, script.attrs)
        for element in page.elements:
            assert element.tag not in ("img", "iframe", "object", "embed"), (name, element)
            for attr, value in element.attrs.items():
                assert not attr.startswith("on"), (name, element)
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if attr in ("href", "src", "action", "formaction", "xlink:href", "data"):
                    assert not scheme.startswith(("javascript:", "vbscript:", "data:")), (name, element)


def test_title_description_and_header_read_the_original_text(pages: dict[str, Page]):
    """Material prints these unescaped: the override escapes them, once."""
    cases = [("01_script_headline.txt", SCRIPT_HEADLINE), ("03_front_matter.md", IMG_TITLE),
             ("04_plain_specials.md", PLAIN_TITLE)]
    for seed, title in cases:
        page = briefing_page(pages, seed)
        assert page.title.strip().startswith(title), seed
        assert page.title.strip().endswith(f" - {SITE_NAME}"), seed
        assert header_topic(page).startswith(title), seed
        assert meta(page, "property", "og:title").startswith(title), seed
        assert h1(page).startswith(title), seed
    plain = briefing_page(pages, "04_plain_specials.md")
    assert plain.title.strip() == f"{PLAIN_TITLE} - {SITE_NAME}"
    description = meta(plain, "name", "description")
    assert description.startswith('AT&T won the "big" contract to wire 5,000 schools')
    assert "1 < 2 levels and a <b>bold</b> bid" in description
    assert meta(plain, "property", "og:description") == description
    assert meta(briefing_page(pages, "01_script_headline.txt"), "name", "description").startswith(SCRIPT_HEADLINE)
    for name in (SVG_NAME, SPEAKER):
        page = actor_page(pages, name)
        assert page.title.strip() == f"{name} - {SITE_NAME}"
        assert h1(page) == name and header_topic(page) == name
        assert meta(page, "name", "description").startswith(name + ", person, in 2 briefing")


def test_nothing_is_escaped_twice_or_shown_with_backslashes(pages: dict[str, Page]):
    """``\\<`` was how the old ``md`` filter escaped; ``&amp;lt;`` is double escaping."""
    for name, page in pages.items():
        for text in (page.body_text, page.title, *(e.attrs.get("content", "") for e in page.elements)):
            for shown in ("\\<", "\\>", "\\*", "\\_", "\\[", "\\|", "\\{", "\\#", "&lt;", "&gt;", "&amp;", "&quot;",
                          "&#58;", "&#"):
                assert shown not in text, (name, shown)
    assert "AT&T" in briefing_page(pages, "04_plain_specials.md").body_text


def test_markdown_and_shortcodes_in_articles_stay_words(pages: dict[str, Page]):
    page = briefing_page(pages, "04_plain_specials.md")
    text = page.body_text
    for words in (":material-alert: day and a *very* good one", "[and move on](javascript:alert(1)) { onclick=alert(1) }",
                  "C:\\bids\\ohio_2025.txt", "#1 on the list of C# projects", "1 < 2 levels and a <b>bold</b> bid"):
        assert words in text, words
    sentences = [e for e in page.elements if "sentence" in e.attrs.get("class", "").split()]
    assert sentences and all(s.children == 0 for s in sentences), "an article sentence grew an element (icon, link)"
    assert not any(e.tag in ("b", "em", "strong") and "bold" in e.text for e in page.elements)


def test_links_are_web_addresses_only_and_cannot_add_attributes(pages: dict[str, Page]):
    def original(seed: str) -> list[Element]:
        return [e for e in briefing_page(pages, seed).elements if e.tag == "a" and e.text == "original article"]

    assert original("02_entity_body.md") == []  # url: javascript:alert(document.domain)
    (link,) = original("03_front_matter.md")
    assert link.attrs == {"href": "https://e.example/b%29%7B%20onclick=%22alert%281%29%22%20%7D"}
    (link,) = original("04_plain_specials.md")
    assert link.attrs == {"href": "https://news.example/at-t?deal=1&year=2025"}


def test_hostile_file_name_is_shown_as_written(pages: dict[str, Page]):
    page = briefing_page(pages, HOSTILE_NAME)
    codes = [e.text for e in page.elements if e.tag == "code"]
    assert f"seeds/{HOSTILE_NAME}" in codes


def test_overrides_names_roles_and_questions_are_text(pages: dict[str, Page]):
    page = briefing_page(pages, "03_front_matter.md")
    assert SVG_NAME in page.body_text and SPEAKER in page.body_text
    assert '"><img src=x onerror=alert(1)>' in page.body_text  # the role override
    assert "<script>alert(1)</script> Who paid?" in page.body_text  # the added question


def test_feed_is_well_formed_and_keeps_the_original_characters(site: Path):
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert IMG_TITLE in titles and PLAIN_TITLE in titles
    assert any(title.startswith(SCRIPT_HEADLINE) for title in titles)
    terms = {c.get("term") for c in feed.iter(f"{atom}category")}
    assert SVG_NAME in terms


def pagefind_fragments(site: Path) -> dict[str, dict]:
    """Pagefind's fragments: gzip, a signature, then the JSON of one page (url, meta, content)."""
    fragments = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{"):])
        fragments[fragment["url"]] = fragment
    return fragments


def test_search_index_reads_the_original_characters(site: Path):
    fragments = pagefind_fragments(site)
    by_title = {fragment["meta"]["title"]: fragment for fragment in fragments.values()}
    assert {PLAIN_TITLE, IMG_TITLE, SVG_NAME, SPEAKER} <= set(by_title)
    assert ":material-alert: day" in by_title[PLAIN_TITLE]["content"]
    assert "1 < 2 levels" in by_title[PLAIN_TITLE]["content"]
    for url, fragment in fragments.items():
        for shown in ("\\<", "&lt;", "&amp;", "&#58;", "&quot;"):
            assert shown not in fragment["content"] and shown not in fragment["meta"]["title"], (url, shown)
