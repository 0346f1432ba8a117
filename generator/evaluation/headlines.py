"""Evaluation of headlines against the headlines the articles were published with.

For every gold article whose published headline is known (``title`` in ``<gold>/articles.json``,
not null), the headline generated from its text is compared with the published one. The gold
``.txt`` articles carry no title line, so the generator never sees the published headline (an
article read with a title would get that title back: it is withheld here all the same).

Two baselines are computed in the same run:

* **truncation (old)**: the headline the generator made before the compression, the lead
  sentence's main clause cut at 14 words with " …" (:func:`truncated_headline`, kept here as
  it was);
* **lead 10 words**: the first ten words of the lead sentence, without its dateline.

Figures, each averaged over the articles:

* ROUGE-1 and ROUGE-2 F1: clipped unigram and bigram overlap with the published headline, words
  lowercased with punctuation removed (:func:`words`), no stemming, no stop list;
* ellipsis: share of headlines holding "…" or "...";
* over 80: share longer than 80 characters;
* grounded: share whose every word is a word of the lead sentence, in the lead's order, where a
  verb may stand in its headline present tense ("resigned" → "resigns");
* mean length, in characters.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from ..extract.summary import (
    HEADLINE_CHARS,
    headline,
    lead_clause,
    lead_sentence,
    third_person,
    without_dateline,
)
from ..nlp import AnalysedArticle
from ..vocabulary import CLAUSE_BREAKS
from .corpus import GoldArticle

LEAD_WORDS = 10
NOT_A_WORD = re.compile(r"[^\w\s]")
# ", the company said" / ", a senior official told reporters": the old headline cut these off.
ATTRIBUTION_TAIL = re.compile(r",\s+(?:[\w’'.-]+\s+){1,6}(?:said|says|told|added|announced)\b[^,]*$")


def truncated_headline(analysed: AnalysedArticle, *, max_words: int = 14) -> str:
    """The baseline: ``extract.summary.headline`` as it was before the compression, unchanged."""
    if analysed.article.title:
        return analysed.article.title
    lead = ATTRIBUTION_TAIL.sub("", lead_clause(analysed).rstrip(".!?"))
    for marker in CLAUSE_BREAKS:
        cut = lead.find(marker)
        if cut > 0 and len(lead[:cut].split()) >= 4:
            lead = lead[:cut]
    words = lead.split()
    if len(words) > max_words:
        lead = " ".join(words[:max_words]) + " …"
    return lead[:1].upper() + lead[1:]


def lead_words(analysed: AnalysedArticle, count: int = LEAD_WORDS) -> str:
    """The baseline: the first ``count`` words of the lead sentence, without its dateline."""
    if not analysed.sentences:
        return ""
    return " ".join(without_dateline(analysed.sentences[lead_sentence(analysed)].text).split()[:count])


def words(text: str) -> list[str]:
    """The words compared: lowercased, punctuation removed ("U.S." → "us", "world’s" → "worlds")."""
    return NOT_A_WORD.sub("", text.lower()).split()


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[k:k + n]) for k in range(len(tokens) - n + 1))


def rouge_f1(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 with clipped counts (Lin 2004), on :func:`words`."""
    ours, theirs = ngrams(words(candidate), n), ngrams(words(reference), n)
    overlap = sum((ours & theirs).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def lead_forms(analysed: AnalysedArticle) -> list[set[str]]:
    """Each word of the lead sentence as :func:`words` splits it, with the forms it may take in a
    headline: itself and, for a verb, its lemma's present tense."""
    if not analysed.sentences:
        return []
    span = analysed.sentence_span(lead_sentence(analysed))
    if span is None:
        return [{word} for word in words(analysed.sentences[lead_sentence(analysed)].text)]
    groups: list[list[Token]] = [[]]  # tokens written together, as words() reads them
    for token in span:
        groups[-1].append(token)
        if token.whitespace_:
            groups.append([])
    forms: list[set[str]] = []
    for group in groups:
        written = [t for t in group if not t.is_punct]
        # the group as written ("NEW YORK--Verizon" → "yorkverizon"), and each of its words, which
        # a headline may keep apart ("Verizon")
        for position, word in enumerate(words("".join(t.text for t in group))):
            forms.append({word} | (_forms(written[0]) if position == 0 and written else set()))
        for token in written[1:]:
            forms.append(_forms(token))
    return forms


def _forms(token: Token) -> set[str]:
    """A word of the lead and, for a verb, its headline present tense."""
    forms = set(words(token.text))
    if token.pos_ in ("VERB", "AUX") and token.lemma_.isalpha():
        forms |= {token.lemma_.lower(), third_person(token.lemma_.lower())}
    return forms


def grounded(text: str, forms: Sequence[set[str]]) -> bool:
    """Whether every word of ``text`` is a word of the lead, in the lead's order."""
    position = 0
    for word in words(text):
        while position < len(forms) and word not in forms[position]:
            position += 1
        if position == len(forms):
            return False
        position += 1
    return True


@cache
def published_headlines(gold_dir: Path) -> dict[str, str]:
    """Article id → the headline it was published with, from ``articles.json`` (null: unknown)."""
    path = gold_dir / "articles.json"
    if not path.exists():
        return {}
    return {entry["id"]: entry["title"] for entry in json.loads(path.read_text(encoding="utf-8"))
            if isinstance(entry.get("id"), str) and isinstance(entry.get("title"), str) and entry["title"].strip()}


def untitled(item: GoldArticle) -> AnalysedArticle:
    """The article as the generator reads it, its title (if it had one) withheld."""
    analysed = item.analysed
    if not analysed.article.title:
        return analysed
    return AnalysedArticle(dataclasses.replace(analysed.article, title=None), analysed.doc)


def ours(item: GoldArticle) -> str:
    """The headline of the briefing (the same function, when the article had a title to withhold)."""
    return item.briefing.title if not item.analysed.article.title else headline(untitled(item))


def methods() -> dict[str, Callable[[GoldArticle], str]]:
    """The headline makers compared: ours and the two baselines, by the name printed."""
    return {
        "ours": ours,
        "truncation (old)": lambda item: truncated_headline(untitled(item)),
        f"lead {LEAD_WORDS} words": lambda item: lead_words(item.analysed),
    }


def headline_scores(corpus: list[GoldArticle]) -> dict[str, dict[str, float]]:
    """Per method: articles, ROUGE-1 and ROUGE-2 F1, shares with an ellipsis, over 80 characters
    and grounded, mean characters; and "published", the published headlines' own length."""
    scored = [(item, published_headlines(item.gold_dir)[item.id]) for item in corpus
              if item.id in published_headlines(item.gold_dir)]
    makers = methods()
    totals: dict[str, Counter[str]] = {name: Counter() for name in makers}
    published: Counter[str] = Counter()
    for item, reference in scored:
        forms = lead_forms(item.analysed)
        published.update(articles=1, chars=len(reference), words=len(words(reference)))
        for name, method in makers.items():
            text = method(item)
            totals[name].update(articles=1, rouge1=rouge_f1(text, reference, 1), rouge2=rouge_f1(text, reference, 2),
                                ellipsis="…" in text or "..." in text, over=len(text) > HEADLINE_CHARS,
                                grounded=grounded(text, forms), chars=len(text), words=len(words(text)))
    rows = {name: {key: value / counts["articles"] if key != "articles" else value for key, value in counts.items()}
            for name, counts in totals.items() if counts["articles"]}
    if published["articles"]:
        rows["published"] = {key: value / published["articles"] if key != "articles" else value
                             for key, value in published.items()}
    return rows


def examples(corpus: list[GoldArticle]) -> list[tuple[str, str, str]]:
    """(article id, generated headline, published headline) of every article with a published one."""
    return [(item.id, ours(item), published_headlines(item.gold_dir)[item.id]) for item in corpus
            if item.id in published_headlines(item.gold_dir)]


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    rows = headline_scores(corpus)
    if "published" not in rows:
        return ["headlines: no article with a published headline"]
    published = rows.pop("published")
    lines = [(f"headlines: {published['articles']:.0f} articles with a published headline (its title withheld; "
             f"published ones {published['chars']:.1f} characters, {published['words']:.1f} words on average)")]
    for name, row in rows.items():
        lines.append(f"  {'headlines ' + name:<26} ROUGE-1 F1={row['rouge1']:.3f} ROUGE-2 F1={row['rouge2']:.3f} "
                     f"ellipsis={row['ellipsis']:.3f} over {HEADLINE_CHARS}={row['over']:.3f} "
                     f"grounded={row['grounded']:.3f} mean chars={row['chars']:.1f} words={row['words']:.1f}")
    return lines
