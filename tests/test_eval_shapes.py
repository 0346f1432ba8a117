"""The evaluation's input shapes: paragraphs joined into one line and straight quotation marks."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ROOT

from generator.evaluation.corpus import load_corpus, one_line, straight_quotes
from generator.nlp import AnalysedArticle
from generator.readers import read_article

ARTICLE = "02_jobs_resigns_apple"


def test_one_line_joins_paragraphs_and_tracks_every_offset():
    text = "First para.\n\nSecond  one\nwraps.  \n\n Third."
    joined, moved = one_line(text)
    assert joined == "First para. Second  one wraps. Third."
    for word in ("First", "Second", "wraps", "Third"):
        assert joined[moved(text.index(word)):].startswith(word)


def test_straight_quotes_keeps_every_offset():
    text = "“It’s over,” she said. ‘Fine.’"
    straight, moved = straight_quotes(text)
    assert straight == "\"It's over,\" she said. 'Fine.'"
    assert all(moved(i) == i for i in range(len(text)))


def test_gold_sentences_follow_their_sentence_into_the_one_line_shape(tmp_path: Path, nlp):
    gold = tmp_path / "gold"
    for kind in ("articles", "facts"):
        (gold / kind).mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "gold" / "articles" / f"{ARTICLE}.txt", gold / "articles")
    shutil.copy(ROOT / "tests" / "gold" / "facts" / f"{ARTICLE}.json", gold / "facts")
    published = AnalysedArticle(article := read_article(gold / "articles" / f"{ARTICLE}.txt"), nlp(article.text))
    (flat,) = load_corpus(gold, nlp, shape="one line")
    assert "\n" not in flat.analysed.text
    (as_published,) = load_corpus(gold, nlp)
    facts = as_published.annotation("facts")["key_facts"]
    moved = flat.annotation("facts")["key_facts"]
    assert len(facts) == len(moved) >= 5
    for fact, reshaped in zip(facts, moved):
        words = published.sentences[fact["sentence"]].text.split()[:6]
        assert flat.analysed.sentences[reshaped["sentence"]].text.split()[:6] == words


def test_a_question_covers_a_gold_question_from_its_sentence_or_its_words():
    from generator.evaluation.questions import _matched

    gold = [(3, frozenset({"union", "accept", "offer"})), (7, frozenset({"port", "reopen"}))]
    assert _matched([(3, frozenset())], gold) == 1  # same sentence
    assert _matched([(9, frozenset({"port", "reopen", "when"}))], gold) == 1  # its words
    assert _matched([(9, frozenset({"strike"})), (3, frozenset()), (3, frozenset())], gold) == 1  # one to one
