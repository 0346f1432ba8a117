"""Open questions against the gold ``questions`` of tests/*/annotations/ (the guide's format).

A predicted question covers a gold one when it comes from the gold question's sentence, or when
at least ``COVER_SHARE`` of the gold question's content words are in it; one to one. The
baseline asks the article's own question sentences (those ending in "?" outside a quotation),
the obvious first try. Only articles whose annotation has a ``questions`` key are scored, and
an article with no gold questions counts every predicted one against precision.
"""

from __future__ import annotations

from collections import Counter

from .corpus import GoldArticle, format_row, prf

COVER_SHARE = 0.5


def question_counts(corpus: list[GoldArticle]) -> dict[str, Counter[str]]:
    """Per method: predicted, matched and gold questions, over the articles with gold questions."""
    rows = {"ours": Counter(), "question sentences": Counter()}
    for item in corpus:
        gold = item.annotation("questions")
        if gold is None:
            continue
        wanted = [(item.sentence_holding(g["sentence"]), item.lemmas_of(g["question"])) for g in gold]
        analysed = item.analysed
        methods = {
            "ours": [(q.sentence, item.lemmas_of(q.question)) for q in item.briefing.open_questions],
            "question sentences": [(s.index, item.lemmas_of(s.text)) for s in analysed.sentences
                                   if s.text.rstrip().endswith("?") and not s.text.lstrip().startswith(("“", '"'))],
        }
        for name, predicted in methods.items():
            rows[name].update(predicted=len(predicted), matched=_matched(predicted, wanted), gold=len(wanted),
                              articles=1)
    return rows


def _matched(predicted: list[tuple[int, frozenset[str]]], gold: list[tuple[int, frozenset[str]]]) -> int:
    used: set[int] = set()
    for sentence, lemmas in predicted:
        for position, (gold_sentence, gold_lemmas) in enumerate(gold):
            if position in used:
                continue
            if gold_sentence == sentence or (gold_lemmas and len(gold_lemmas & lemmas) / len(gold_lemmas) >= COVER_SHARE):
                used.add(position)
                break
    return len(used)


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    rows = question_counts(corpus)
    lines = [(f"open questions: {rows['ours']['articles']} annotated articles, {rows['ours']['gold']} gold questions "
             f"(covered = same sentence or >= {COVER_SHARE:.0%} of its content words)")]
    lines += [format_row(f"  questions {name}", *prf(counts["matched"], counts["predicted"], counts["gold"]))
              for name, counts in rows.items()]
    return lines
