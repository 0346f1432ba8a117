"""A crash census: every real article, and thousands of systematic mutations of them, briefed.

Random characters (tests/test_properties.py) rarely reach the extractors' deeper branches;
real articles bent in the ways real input is bent (no paragraphs, shouting, stray quote
marks, 20-digit numbers, dates at the edges of the calendar, front matter of the wrong
type) do. Each crash is grouped by the line of the generator that raised it, so one bug met
by a thousand articles is one line of the report:

    .venv/bin/python benchmarks/census.py                         # 5,000 variants (8-10 minutes)
    .venv/bin/python benchmarks/census.py --articles 600 --jobs 2 # a quick look

Exit code 1 when any article crashed or went over its time budget.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from spacy.language import Language

from generator.briefing import build_briefing
from generator.cache import BriefingCache
from generator.failures import one_line, raise_site
from generator.models import Article
from generator.nlp import analyse, load_model
from generator.overrides import apply_overrides
from generator.parallel import DEFAULT_TIME_BUDGET, time_limit
from generator.readers import ArticleError, read_article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = 5_000
# A variant still running after this many budgets is stopped, so one endless loop cannot hang the census.
HARD_LIMIT_BUDGETS = 5
# Per-word speed of a one-word article is all fixed cost: rank only articles of some length.
MIN_WORDS_FOR_SPEED = 50
SLOWEST_SHOWN = 10

# --------------------------------------------------------------------------------------------
# The articles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One file to read and brief: a real article, a mutation of one, or a front-matter case."""

    name: str  # the source article, e.g. tests/gold/articles/00_carney_ukraine.txt
    mutations: tuple[str, ...]  # empty for the article as published
    suffix: str  # ".txt", ".md" or ".html": the reader that gets it
    content: bytes


def source_files(root: Path = ROOT) -> list[Path]:
    """Every real article the project has, in a fixed order."""
    patterns = ("tests/gold/articles/*.txt", "tests/heldout/articles/*.txt", "seeds/*.txt",
                "seeds/*.md", "seeds/*.html", "tests/data/*.html")
    return [path for pattern in patterns for path in sorted(root.glob(pattern))]


def read_sources(root: Path = ROOT) -> tuple[list[Case], list[Article]]:
    """The real articles as cases, and those the readers accept as the bases of mutations."""
    originals: list[Case] = []
    bases: list[Article] = []
    for path in source_files(root):
        name = path.relative_to(root).as_posix()
        originals.append(Case(name, (), path.suffix.lower(), path.read_bytes()))
        try:
            article = read_article(path, root)
        except ArticleError:
            continue  # counted as rejected when its case runs
        bases.append(replace(article, path=name))
    return originals, bases


# --------------------------------------------------------------------------------------------
# Mutations: each takes the article's body and a seeded random source, and returns a new body
# --------------------------------------------------------------------------------------------

Mutation = Callable[[str, random.Random], str]
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'(A-Z0-9])")
QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "`", "``", "''"]
STRAIGHT_TO_CURLY = str.maketrans({'"': "”", "'": "’", "“": '"', "”": '"', "‘": "'", "’": "'"})
EMOJI = ["😀", "🇺🇦", "👍🏽", "👨‍👩‍👧", "🔥", "❤️", "🚀", "🤷‍♀️"]
RTL_WORDS = ["مرحبا", "السلام عليكم", "שלום", "ירושלים", "\u200f", "\u202b", "\u202c", "\u200e"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
LONG_DIGITS = "99999999999999999999"
TIME_UNITS = re.compile(r"\b(days?|weeks?|months?|years?|hours?|percent)\b", re.IGNORECASE)
RELATIVE_DATE_WORDS = ["yesterday", "tomorrow", "last week", "next month", "on Jan. 5", "in 30000 years",
                       "30000 years ago", "on Feb. 29", "on Dec. 31", "next year", "last Monday",
                       "on Sept. 31", "in the year 10000", "on 9999-12-31", "on 0001-01-01",
                       f"in {LONG_DIGITS} days", "early next week", "on Jan. 1, 1"]
EDGE_DATES = {"date 0001-01-01": date(1, 1, 1), "date 9999-12-31": date(9999, 12, 31),
              "date 2024-02-29": date(2024, 2, 29)}


def paragraphs_of(text: str) -> list[str]:
    return [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]


def sentences_of(text: str) -> list[str]:
    """Sentences by a plain rule: enough to bend the text, no parse needed."""
    return [part for paragraph in paragraphs_of(text) for part in SENTENCE_BREAK.split(paragraph) if part]


def insert_between_words(text: str, pieces: list[str], rng: random.Random, count: int) -> str:
    words = text.split(" ")
    for _ in range(count):
        words.insert(rng.randrange(len(words) + 1), rng.choice(pieces))
    return " ".join(words)


def insert_paragraphs(text: str, blocks: list[str], rng: random.Random) -> str:
    paragraphs = paragraphs_of(text)
    for block in blocks:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), block)
    return "\n\n".join(paragraphs)


def join_paragraphs(text: str, rng: random.Random) -> str:
    return " ".join(paragraphs_of(text))


def lower_case(text: str, rng: random.Random) -> str:
    return text.lower()


def upper_case(text: str, rng: random.Random) -> str:
    return text.upper()


def strip_punctuation(text: str, rng: random.Random) -> str:
    return "".join(char for char in text if not unicodedata.category(char).startswith("P"))


def swap_quote_styles(text: str, rng: random.Random) -> str:
    return text.translate(STRAIGHT_TO_CURLY)


def remove_one_quote_mark(text: str, rng: random.Random) -> str:
    positions = [i for i, char in enumerate(text) if char in "\"“”‘’'"]
    if not positions:
        return text
    position = rng.choice(positions)
    return text[:position] + text[position + 1:]


def add_stray_quote_marks(text: str, rng: random.Random) -> str:
    return insert_between_words(text, QUOTE_MARKS, rng, rng.randint(1, 6))


def mix_quote_marks(text: str, rng: random.Random) -> str:
    return "".join(rng.choice(QUOTE_MARKS[:6]) if char in "\"“”‘’" else char for char in text)


def duplicate_sentences(text: str, rng: random.Random) -> str:
    sentences = sentences_of(text)
    for _ in range(rng.randint(1, max(1, len(sentences) // 3))):
        position = rng.randrange(len(sentences))
        sentences.insert(position, sentences[position])
    return regroup(sentences, rng)


def drop_sentences(text: str, rng: random.Random) -> str:
    sentences = sentences_of(text)
    kept = [sentence for sentence in sentences if rng.random() > 0.4] or sentences[:1]
    return regroup(kept, rng)


def shuffle_sentences(text: str, rng: random.Random) -> str:
    sentences = sentences_of(text)
    rng.shuffle(sentences)
    return regroup(sentences, rng)


def regroup(sentences: list[str], rng: random.Random) -> str:
    """Sentences back into paragraphs of one to four sentences."""
    paragraphs, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if rng.random() < 0.35:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def one_long_sentence(text: str, rng: random.Random) -> str:
    joined = " ".join(paragraphs_of(text))
    return re.sub(r"[.!?](?=\s|$)", ",", joined).rstrip(",") + "."


def insert_lists(text: str, rng: random.Random) -> str:
    sentences = sentences_of(text)
    bullets = "\n".join(f"{rng.choice(['-', '*', '•', '1.', '2)', 'a.'])} {rng.choice(sentences)}"
                        for _ in range(rng.randint(2, 5)))
    return insert_paragraphs(text, [bullets, "- \n- \n-"], rng)


def insert_headings(text: str, rng: random.Random) -> str:
    headings = [f"{'#' * rng.randint(1, 6)} {rng.choice(sentences_of(text))[:60]}", "## Background",
                "BREAKING NEWS", "Related:", "==========", "Advertisement"]
    return insert_paragraphs(text, rng.sample(headings, 3), rng)


def insert_tables(text: str, rng: random.Random) -> str:
    table = ("| Country | Troops | Cost |\n|---|---:|:---:|\n| Canada | 30 | C$2 billion |\n"
             "| France | 1,000 | €5 million |\n| | | |")
    tab_table = "Name\tAge\tTitle\nMark Carney\t60\tPrime Minister\nJane Smith\t\t"
    return insert_paragraphs(text, [table, tab_table], rng)


def insert_markdown_markup(text: str, rng: random.Random) -> str:
    markup = ["**bold**", "_emphasis_", "[a link](https://example.com/a_(b))", "`code`", "> quoted",
              "![image](x.png)", "***", "~~struck~~", "[^1]", "<!-- comment -->", "```", "\\*"]
    text = insert_between_words(text, markup, rng, rng.randint(3, 10))
    return insert_paragraphs(text, ["> “A quoted block,” he said.", "```\ncode block\n```", "---"], rng)


def insert_html_markup(text: str, rng: random.Random) -> str:
    markup = ["<p>", "</p>", "<b>", "</i>", '<a href="https://example.com">', "</a>", "<br/>", "&amp;",
              "&#8220;", "&#8221;", "&nbsp;", "&quot;", "&lt;script&gt;", "<script>alert(1)</script>",
              "&#0;", "&#x1F600;", "&bogus;", "<div class='x'>"]
    return insert_between_words(text, markup, rng, rng.randint(3, 12))


def insert_emoji(text: str, rng: random.Random) -> str:
    return insert_between_words(text, EMOJI, rng, rng.randint(2, 10))


def insert_right_to_left(text: str, rng: random.Random) -> str:
    return insert_between_words(text, RTL_WORDS, rng, rng.randint(2, 8))


def insert_zero_width(text: str, rng: random.Random) -> str:
    characters = list(text)
    for _ in range(rng.randint(3, 30)):
        characters.insert(rng.randrange(len(characters) + 1), rng.choice(ZERO_WIDTH))
    return "".join(characters)


def crlf_line_ends(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n")


def byte_order_marks(text: str, rng: random.Random) -> str:
    return "\ufeff" + insert_between_words(text, ["\ufeff"], rng, 2)


def tabs(text: str, rng: random.Random) -> str:
    indented = "\n".join("\t" + line for line in text.split("\n"))
    return re.sub(" ", lambda _: "\t" if rng.random() < 0.1 else " ", indented)


def long_digit_strings(text: str, rng: random.Random) -> str:
    text = TIME_UNITS.sub(lambda match: f"{LONG_DIGITS} {match.group(0)}", text)
    pieces = [LONG_DIGITS, f"${LONG_DIGITS} billion", f"{LONG_DIGITS}%", f"{LONG_DIGITS}.5",
              f"{LONG_DIGITS} people", "1" * 400, f"in {LONG_DIGITS}", f"{LONG_DIGITS},{LONG_DIGITS}"]
    return insert_between_words(text, pieces, rng, rng.randint(2, 6))


def one_word_article(text: str, rng: random.Random) -> str:
    return rng.choice(text.split())


def single_quotation(text: str, rng: random.Random) -> str:
    opening, closing = rng.choice([("“", "”"), ('"', '"'), ("‘", "’"), ("“", "")])
    return f"{opening}{rng.choice(sentences_of(text))}{closing}"


def relative_date_words(text: str, rng: random.Random) -> str:
    sentences = sentences_of(text)
    for _ in range(rng.randint(2, 6)):
        position = rng.randrange(len(sentences))
        sentence = sentences[position]
        phrase = rng.choice(RELATIVE_DATE_WORDS)
        if sentence[-1:] in ".!?":
            sentences[position] = f"{sentence[:-1]} {phrase}{sentence[-1]}"
        else:
            sentences[position] = f"{sentence} {phrase}"
    return regroup(sentences, rng)


TEXT_MUTATIONS: dict[str, Mutation] = {
    "paragraphs joined": join_paragraphs,
    "lower case": lower_case,
    "upper case": upper_case,
    "punctuation stripped": strip_punctuation,
    "quote styles swapped": swap_quote_styles,
    "one quote mark removed": remove_one_quote_mark,
    "stray quote marks": add_stray_quote_marks,
    "quote marks mixed": mix_quote_marks,
    "sentences duplicated": duplicate_sentences,
    "sentences dropped": drop_sentences,
    "sentences shuffled": shuffle_sentences,
    "one long sentence": one_long_sentence,
    "lists": insert_lists,
    "headings": insert_headings,
    "tables": insert_tables,
    "markdown markup": insert_markdown_markup,
    "html markup": insert_html_markup,
    "emoji": insert_emoji,
    "right-to-left words": insert_right_to_left,
    "zero-width characters": insert_zero_width,
    "crlf line ends": crlf_line_ends,
    "byte order marks": byte_order_marks,
    "tabs": tabs,
    "long digit strings": long_digit_strings,
    "one-word article": one_word_article,
    "single quotation": single_quotation,
    "relative date words": relative_date_words,
}
# Mutations after which another one makes no sense (nothing left to bend).
TERMINAL_MUTATIONS = {"one-word article", "single quotation"}
MUTATION_KINDS = [*TEXT_MUTATIONS, *EDGE_DATES]


def as_txt(body: str, article_date: date | None) -> bytes:
    """A ``.txt`` seed: ``date YYYY-MM-DD`` on the first line when there is a date."""
    header = f"date {article_date.isoformat()} " if article_date else ""
    return (header + body).encode("utf-8")


def mutate(base: Article, primary: str, rng: random.Random) -> Case:
    """``base`` bent by ``primary`` and up to two more mutations picked at random."""
    kinds = [primary]
    if primary not in TERMINAL_MUTATIONS:
        extras = [kind for kind in MUTATION_KINDS if kind != primary and kind not in TERMINAL_MUTATIONS]
        kinds += rng.sample(extras, rng.choice([0, 0, 1, 1, 2]))
        if rng.random() < 0.05:
            kinds.append(rng.choice(sorted(TERMINAL_MUTATIONS)))
    body, article_date = base.text, base.date
    for kind in kinds:
        if kind in EDGE_DATES:
            article_date = EDGE_DATES[kind]
            body = relative_date_words(body, rng)
        else:
            body = TEXT_MUTATIONS[kind](body, rng) or body
    return Case(base.path, tuple(kinds), ".txt", as_txt(body, article_date))


def mutated_cases(bases: list[Article], count: int, seed: int) -> Iterator[Case]:
    """``count`` variants spread over all articles; every mutation kind leads in turn."""
    rng = random.Random(seed)
    order: list[Article] = []
    for index in range(count):
        if not order:
            order = list(bases)
            rng.shuffle(order)
        yield mutate(order.pop(), MUTATION_KINDS[index % len(MUTATION_KINDS)], rng)


# --------------------------------------------------------------------------------------------
# Front matter of every wrong shape and type, read as real .md files
# --------------------------------------------------------------------------------------------

FRONT_MATTER_CASES: list[str] = [
    "date: 2025-09-31", "date: 2025-13-01", "date: 2023-02-29", "date: 2024-02-29", "date: 0001-01-01",
    "date: 9999-12-31", "date: 2025-09-30 25:61:00", "date: 2025-09-30 12:00:00", "date: yesterday",
    "date: 20250101", "date: [2025-01-01]", "date: {a: 1}", "date: null", "date: ''", "date: 0000-00-00",
    "tags: [2025-09-30]", "tags: 5", "tags: [[a]]", "tags: [null]", "tags: {a: b}", "tags: ''",
    "tags: !!binary aGVsbG8=", "tags: [true, 1.5]",
    "author: 2024-05-01", "author: !!set {a: null}", "author: [a, b]", "author: {name: x}", "author: true",
    "title: 12", "title: null", "title: [x]", "title: !!binary aGVsbG8=", "title: \"a\\nb\"",
    "title: " + "x" * 5000, "url: !!python/object/apply:os.system [echo]", "publisher: 1e400",
    "overrides: {actors: [1]}", "overrides: {questions: [1]}",
    'overrides: {actors: {rename: {"Jane Smith": 5}}}', "overrides: {actors: {rename: null}}",
    "overrides: {quotes: {drop: [1]}}", "overrides: {actors: {role: {X: [a, b]}}}", "overrides: 5",
    "overrides: [1]", "overrides: null", "overrides: {}", "overrides: {actors: null}",
    "overrides: {actors: {drop: [null]}}", "overrides: {actors: {rename: {a: null}}}",
    "overrides: {quotes: {speaker: {null: null}}}", "overrides: {questions: {add: [null]}}",
    "overrides: {questions: {add: [{question: null, sentence: null}]}}",
    f"overrides: {{questions: {{add: [{{question: 'Why?', sentence: {LONG_DIGITS}}}]}}}}",
    "overrides: {questions: {add: [{question: 'Why?', sentence: -1}]}}",
    "overrides: {questions: {add: [{question: 'Why?', sentence: true}]}}",
    "overrides: {questions: {add: [{question: 'Why?', sentence: 0}]}, questions2: 1}",
    "overrides: {questions: {add: [{question: 'Why?', sentence: 1.5}]}}",
    "overrides: {questions: {add: [{question: 'Why?', sentence: 1, when: 2025-01-01}]}}",
    "overrides: {questions: {drop: ['']}}", "overrides: {actors: {type: {Canada: alien}}}",
    "overrides: {actors: {type: {Canada: place}, rename: {Canada: Canada}}}",
    'overrides: {actors: {rename: {"Mark Carney": ""}}}', 'overrides: {quotes: {speaker: {"": X}}}',
    "overrides: {actors: {drop: [Mark Carney, Canada]}, quotes: {speaker: {It: Nobody}, drop: [T]}}",
    "overrides: {actors: {rename: {Mark Carney: Canada, Canada: Mark Carney}}}",
    "overrides: {actors: {role: {Mark Carney: ''}}}", "overrides: {2: x}", "overrides: {actors: {1: [a]}}",
    "overrides: &o {actors: {drop: [*o]}}", "overrides: {actors: {drop: !!set {a: null}}}",
    "overrides: {actors: {rename: !!omap [{a: b}]}}",
    "foo: bar", "5: x", "null: x", "<<: {title: merged}", "title: a\ntitle: b",
    "- a\n- b", "just text", "42", "title: [unclosed", "title:\n\t- tab", "''",
]


def front_matter_cases(bases: list[Article]) -> list[Case]:
    """Every front-matter case on a short real body (the first two paragraphs of the first article)."""
    body = "\n\n".join(paragraphs_of(bases[0].text)[:2]) if bases else "Mark Carney said so."
    cases = [Case(bases[0].path if bases else "front matter", (f"front matter `{header}`",), ".md",
                  f"---\n{header}\n---\n{body}\n".encode()) for header in FRONT_MATTER_CASES]
    cases.append(Case("front matter", ("front matter only, no body",), ".md", b"---\ntitle: x\n---\n"))
    cases.append(Case("front matter", ("empty front matter",), ".md", f"---\n---\n{body}".encode()))
    cases.append(Case("front matter", ("BOM before front matter",), ".md",
                      f"\ufeff---\ntitle: x\n---\n{body}".encode()))
    cases.append(Case("front matter", ("unclosed front matter",), ".md", f"---\ntitle: x\n{body}".encode()))
    return cases


# --------------------------------------------------------------------------------------------
# Running one case (in a worker process)
# --------------------------------------------------------------------------------------------


@dataclass
class Crash:
    site: str  # generator/extract/dates.py:88 in _relative
    reason: str  # IndexError: list index out of range
    stage: str  # "reader", "analyse", "build", "overrides" or the briefing section


@dataclass
class CaseResult:
    name: str
    mutations: tuple[str, ...]
    status: str  # "ok", "rejected" or "crash"
    chars: int = 0
    words: int = 0
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0
    budget_seconds: float = 0.0
    rejection: str = ""
    crashes: list[Crash] = field(default_factory=list)

    @property
    def total_seconds(self) -> float:
        return self.parse_seconds + self.extract_seconds

    @property
    def over_budget(self) -> bool:
        return self.status != "rejected" and self.total_seconds > self.budget_seconds


class HardLimit(BaseException):
    """Raised by the alarm when a case runs far over its budget; not an Exception, so no extractor catches it."""


# The model and settings of the census in progress: set before the workers fork, so each inherits them.
WORKER_STATE: dict[str, Any] = {}


def on_alarm(signum: int, frame: FrameType | None) -> None:
    raise HardLimit


def crash_of(error: BaseException, stage: str) -> Crash:
    return Crash(raise_site(error) or stage, one_line(error), stage)


def run_case(indexed: tuple[int, Case]) -> CaseResult:
    """Read, parse and brief one case; every outcome is data, never an exception."""
    index, case = indexed
    nlp: Language = WORKER_STATE["nlp"]
    folder: Path = WORKER_STATE["folder"]
    result = CaseResult(case.name, case.mutations, "ok")
    path = folder / f"case{index:06d}{case.suffix}"
    path.write_bytes(case.content)
    try:
        article = read_article(path)
    except ArticleError as error:
        result.status, result.rejection = "rejected", error.reason
        return result
    except Exception as error:  # noqa: BLE001 - the census records every crash and goes on
        result.status, result.crashes = "crash", [crash_of(error, "reader")]
        return result
    finally:
        path.unlink(missing_ok=True)
    result.chars, result.words = len(article.text), len(article.text.split())
    # The product's own budget: an article over it here is one a build would stop.
    result.budget_seconds = time_limit(article, WORKER_STATE["budget"]) or float("inf")
    timed = threading.current_thread() is threading.main_thread() and math.isfinite(result.budget_seconds)
    if timed:
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, result.budget_seconds * HARD_LIMIT_BUDGETS)
    stage, started = "analyse", time.perf_counter()
    try:
        analysed = next(analyse(nlp, [article]))
        result.parse_seconds = time.perf_counter() - started
        stage, started = "build", time.perf_counter()
        briefing = build_briefing(analysed)
        if article.meta.get("overrides"):
            stage = "overrides"
            apply_overrides(briefing, article.meta["overrides"])
        stage = "storing"
        BriefingCache.content_digest(briefing)  # the JSON form every build stores and hashes
        result.extract_seconds = time.perf_counter() - started
        result.crashes = [Crash(error.site or error.section, error.reason, error.section)
                          for error in briefing.errors]
    except HardLimit:
        elapsed = time.perf_counter() - started
        if stage == "analyse":
            result.parse_seconds = elapsed
        else:
            result.extract_seconds = elapsed
        result.rejection = f"stopped in {stage} after {elapsed:.1f} s"
    except Exception as error:  # noqa: BLE001
        result.crashes = [crash_of(error, stage)]
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
    if result.crashes:
        result.status = "crash"
    return result


# --------------------------------------------------------------------------------------------
# The census
# --------------------------------------------------------------------------------------------


@dataclass
class SiteTally:
    site: str
    count: int
    example: CaseResult
    reason: str


@dataclass
class CensusResult:
    results: list[CaseResult]
    seconds: float

    @property
    def rejected(self) -> list[CaseResult]:
        return [result for result in self.results if result.status == "rejected"]

    @property
    def crashed(self) -> list[CaseResult]:
        return [result for result in self.results if result.status == "crash"]

    @property
    def over_budget(self) -> list[CaseResult]:
        return [result for result in self.results if result.over_budget]

    def sites(self) -> list[SiteTally]:
        """Crashes by the line that raised them: how many articles met each, and the first that did."""
        tallies: dict[str, SiteTally] = {}
        for result in self.crashed:
            for crash in result.crashes:
                key = crash.site
                if key in tallies:
                    tallies[key].count += 1
                else:
                    tallies[key] = SiteTally(key, 1, result, crash.reason)
        return sorted(tallies.values(), key=lambda tally: (-tally.count, tally.site))

    def slowest(self, count: int = SLOWEST_SHOWN) -> list[CaseResult]:
        timed = [result for result in self.results
                 if result.status != "rejected" and result.words >= MIN_WORDS_FOR_SPEED]
        return sorted(timed, key=lambda result: -result.total_seconds / result.words)[:count]


def warm_up(nlp: Language) -> None:
    """Brief one short article before timing, so no case pays for lazy loading (done before the fork)."""
    article = Article(id="warm-up", path="warm-up", text="“We will go,” Mark Carney said on Friday in Kyiv.",
                      date=date(2025, 8, 24))
    build_briefing(next(analyse(nlp, [article])))


def all_cases(count: int, seed: int, include_originals: bool = True) -> list[Case]:
    originals, bases = read_sources()
    cases = list(originals) if include_originals else []
    cases += front_matter_cases(bases)
    cases += mutated_cases(bases, count, seed)
    return cases


def run_census(count: int, seed: int, jobs: int, budget: float, nlp: Language,
               include_originals: bool = True) -> CensusResult:
    """The real articles, every front-matter case and ``count`` seeded variants, read and briefed."""
    started = time.perf_counter()
    cases = all_cases(count, seed, include_originals)
    folder = Path(tempfile.mkdtemp(prefix="census-"))
    WORKER_STATE.update(nlp=nlp, folder=folder, budget=budget)
    try:
        warm_up(nlp)
        indexed = list(enumerate(cases))
        if jobs <= 1:
            results = [run_case(item) for item in indexed]
        else:
            context = multiprocessing.get_context("fork")
            chunk = max(1, min(8, len(indexed) // (jobs * 8)))
            with context.Pool(jobs) as pool:
                results = list(pool.imap(run_case, indexed, chunksize=chunk))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        WORKER_STATE.clear()
    return CensusResult(results, time.perf_counter() - started)


def describe(result: CaseResult) -> str:
    mutations = " + ".join(result.mutations) if result.mutations else "as published"
    return f"{result.name} [{mutations}]"


def report(census: CensusResult, budget: float) -> str:
    lines = [
        (f"articles run:        {len(census.results):,} "
         f"({sum(not r.mutations for r in census.results)} as published) in {census.seconds:.0f} s"),
        f"rejected by reader:  {len(census.rejected):,}",
        f"crashes:             {len(census.crashed):,} articles",
        f"over budget:         {len(census.over_budget):,} (budget {budget:g} s per 10,000 characters)",
    ]
    tallies = census.sites()
    if tallies:
        lines += ["", f"crashes by site ({len(tallies)} sites):"]
        for tally in tallies:
            lines += [f"  {tally.count:6,}  {tally.site}", f"          {tally.reason}",
                      f"          e.g. {describe(tally.example)}"]
    if census.over_budget:
        lines += ["", "over budget:"]
        for result in sorted(census.over_budget, key=lambda r: -r.total_seconds)[:20]:
            note = f"; {result.rejection}" if result.rejection else ""
            lines.append(f"  {result.total_seconds:7.2f} s of {result.budget_seconds:.1f} s  "
                         f"{describe(result)}{note}")
    lines += ["", f"slowest per word (articles of {MIN_WORDS_FOR_SPEED}+ words; s per 1,000 words):",
              "    parse  extract   words  article"]
    for result in census.slowest():
        lines.append(f"  {result.parse_seconds * 1000 / result.words:7.3f}  "
                     f"{result.extract_seconds * 1000 / result.words:7.3f}  {result.words:6,}  {describe(result)}")
    reasons: dict[str, int] = {}
    for result in census.rejected:
        reason = re.sub(r"\d[\d,.%]*", "N", result.rejection)
        reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        lines += ["", "rejections by reason:"]
        lines += [f"  {n:6,}  {reason[:100]}" for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES,
                        help="mutated articles to run in total (default %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="fixes every random choice (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default %(default)s)")
    parser.add_argument("--budget", type=float, default=DEFAULT_TIME_BUDGET,
                        help="seconds of parse + extraction allowed per 10,000 characters (default %(default)s)")
    args = parser.parse_args(argv)
    nlp = load_model()
    census = run_census(args.articles, args.seed, args.jobs, args.budget, nlp)
    print(report(census, args.budget))
    return 1 if census.crashed or census.over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
