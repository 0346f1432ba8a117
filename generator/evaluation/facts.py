"""Evaluation of key facts, figures and timeline against tests/gold/facts/.

Key facts are measured against an editor's hand-picked facts, beside two baselines computed in
the same run: lead-3 (the first three sentences) and TextRank (pytextrank, on a separately loaded
pipeline, asked for as many sentences as we emit for that article).

* The emitted items are the summary's sentences and then the key facts (the page shows the
  summary above the facts, and the facts never repeat it).
* A gold fact is **covered** by an emitted item when the item comes from the gold fact's
  sentence, or when at least ``COVER_SHARE`` of the gold fact's content words (lemmas of nouns,
  verbs, adjectives, names, numbers) appear in the item.
* An emitted item is **redundant** when at least ``REDUNDANT_SHARE`` of its content words
  repeat one earlier item's, or when it covers only gold facts an earlier item already covered.
* Precision = items that cover some gold fact / items; recall = gold facts covered / gold facts.
* lead-N (the first N sentences that do not open with a quotation mark, N = our count) is
  printed too, as the honest "is it more than position?" check.

Figures are matched as a multiset of normalised strings (strict: same text; loose: the same
number and one text inside the other); timeline entries by their date words, then by date.
The baselines there are the raw spaCy number entities and explicit-years-only dating.

Annotation conventions of tests/gold/facts/<id>.json (read and written by hand, article by article):

* key_facts: what an editor would keep, in the article's words, with the index of its sentence
  as split by ``generator.nlp`` (two gold facts may share a sentence).
* figures: every amount, count, share, sum and quantity with the noun it counts, in order.
  Not figures: years, dates, clock times, ordinals, ages, durations ("13 years", "two months"),
  numbers inside names ("Group of Seven"), bare "one", and "the three" pointing back.
  Scores ("3-0") and ratios ("seven out of every 100 children") are figures.
* timeline: every date words that date an event, resolved against the article date by the
  tense rules of ``extract/dates.py``; not the dateline, decades ("the 1980s"), vague spans
  ("in recent years"), holidays without a date, or "today"/"tomorrow" inside a quotation.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..extract.facts import content_lemmas, overlap
from ..nlp import AnalysedArticle, load_model
from ..vocabulary import FIGURE_LABELS
from .corpus import GoldArticle, format_row, prf

COVER_SHARE = 0.6
REDUNDANT_SHARE = 0.5
YEAR = re.compile(r"^(?:in )?(\d{4})$")


Item = tuple[int, frozenset[str]]  # (sentence index, content lemmas)


def _fact_lemmas(analysed: AnalysedArticle, sentence: int, text: str) -> frozenset[str]:
    span = analysed.doc.char_span(*_fact_span(analysed, sentence, text), alignment_mode="expand")
    return content_lemmas(span if span is not None else analysed.sentence_span(sentence))


def score_items(items: Sequence[Item], gold: Sequence[Item]) -> tuple[int, int, int]:
    """(items covering a gold fact, gold facts covered, redundant items)."""
    useful, redundant = 0, 0
    covered: set[int] = set()
    for position, (sentence, lemmas) in enumerate(items):
        hits = {g for g, (gold_sentence, gold_lemmas) in enumerate(gold)
                if gold_sentence == sentence
                or (gold_lemmas and len(gold_lemmas & lemmas) / len(gold_lemmas) >= COVER_SHARE)}
        repeats = any(overlap(lemmas, earlier) >= REDUNDANT_SHARE for _, earlier in items[:position])
        if hits:
            useful += 1
        if repeats or (hits and hits <= covered):
            redundant += 1
        covered |= hits
    return useful, len(covered), redundant


def _textrank_pipeline() -> Any:
    """The TextRank baseline (a test extra): imported only when a baseline is asked for.

    pytextrank prints its install path when first imported: quietly, so it stays out of reports.
    """
    with contextlib.redirect_stdout(io.StringIO()):
        import pytextrank  # noqa: F401  (registers the "textrank" factory)
    nlp = load_model()
    nlp.add_pipe("textrank")
    return nlp


def _sentence_items(analysed: AnalysedArticle, indices: Sequence[int]) -> list[Item]:
    return [(i, content_lemmas(analysed.sentence_span(i))) for i in indices]


def our_fact_items(item: GoldArticle) -> list[Item]:
    """The page gives the summary's sentences above the key facts, which never repeat them:
    together they are what the briefing keeps of the article."""
    analysed = item.analysed
    return _sentence_items(analysed, item.briefing.summary_sentences) + [
        (f.sentence, _fact_lemmas(analysed, f.sentence, f.text)) for f in item.briefing.key_facts]


def key_fact_counts(corpus: list[GoldArticle]) -> dict[str, Counter[str]]:
    """Per method: items, useful items, gold facts covered, redundant items, gold facts."""
    annotated = [(item, item.annotation("facts")) for item in corpus]
    annotated = [(item, gold) for item, gold in annotated if gold and gold.get("key_facts")]
    with_textrank = importlib.util.find_spec("pytextrank") is not None  # a test extra
    textrank = _textrank_pipeline() if with_textrank else load_model()
    names = ("ours", "lead-3", "textrank", "lead-N") if with_textrank else ("ours", "lead-3", "lead-N")
    totals: dict[str, Counter[str]] = {name: Counter() for name in names}
    for item, gold in annotated:
        analysed = item.analysed
        gold_items = [(g["sentence"], content_lemmas(textrank(g["text"]))) for g in gold["key_facts"]]
        ours = our_fact_items(item)
        lead = _sentence_items(analysed, range(min(3, len(analysed.sentences))))
        lead_n = _sentence_items(analysed, [s.index for s in analysed.sentences
                                            if not s.text.startswith(("“", '"'))][:len(ours)])
        methods = {"ours": ours, "lead-3": lead, "lead-N": lead_n}
        if with_textrank:
            ranked = textrank(analysed.text)._.textrank.summary(limit_sentences=max(1, len(ours)),
                                                                 preserve_order=False)
            methods["textrank"] = _sentence_items(analysed, [analysed.sentence_of_char(span.start_char)
                                                             for span in ranked])
        for name, items in methods.items():
            useful, covered, redundant = score_items(items, gold_items)
            totals[name].update(items=len(items), useful=useful, covered=covered, redundant=redundant,
                                gold=len(gold_items), articles=1)
    return totals


def evaluate_key_facts(corpus: list[GoldArticle]) -> list[str]:
    totals = key_fact_counts(corpus)
    if not totals["ours"]["articles"]:
        return ["key facts: no annotated articles"]
    lines = [(f"key facts: {totals['ours']['articles']} annotated articles, "
             f"{totals['ours']['gold']} editor's facts (covered = same sentence or "
             f">= {COVER_SHARE:.0%} of the fact's content words)")]
    for name, counts in totals.items():
        precision, recall, f1 = prf(counts["useful"], counts["items"], counts["gold"])
        recall = counts["covered"] / counts["gold"] if counts["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        lines.append(format_row(f"  key facts {name}", precision, recall, f1,
                                f"covered={counts['covered']}/{counts['gold']}",
                                f"items={counts['items']}", f"redundant={counts['redundant']}"))
    return lines


def _fact_span(analysed: AnalysedArticle, sentence: int, text: str) -> tuple[int, int]:
    """Character span of a fact inside its sentence (the fact is a cut of the sentence)."""
    start = analysed.sentences[sentence].start
    body = text.rstrip(".")
    found = analysed.text.find(body[:40], start)
    if found < 0:
        return start, analysed.sentences[sentence].end
    return found, min(found + len(body), analysed.sentences[sentence].end)


def normalise_figure(text: str) -> str:
    text = text.lower().replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip(" .,;")
    return re.sub(r"^(?:the|a|an) ", "", text)


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*\d|\d", text)) | set(
        re.findall(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|"
                   r"millions|billions|million|billion|half|quarter|thirds?)\b", text.lower()))


def match_figures(predicted: Sequence[str], gold: Sequence[str]) -> tuple[int, int]:
    """(strict matches, loose matches) between two lists of figure strings, one to one."""
    strict_pool = Counter(normalise_figure(g) for g in gold)
    strict = 0
    for text in predicted:
        key = normalise_figure(text)
        if strict_pool[key]:
            strict_pool[key] -= 1
            strict += 1
    remaining = [normalise_figure(g) for g in gold]
    loose = 0
    for text in predicted:
        key = normalise_figure(text)
        for position, candidate in enumerate(remaining):
            if candidate is None:
                continue
            if candidate == key or (_numbers(candidate) & _numbers(key) and (candidate in key or key in candidate)):
                remaining[position] = None  # type: ignore[call-overload]
                loose += 1
                break
    return strict, loose


def baseline_figures(analysed: AnalysedArticle) -> list[str]:
    return [ent.text for ent in analysed.doc.ents if ent.label_ in FIGURE_LABELS]


def figure_counts(corpus: list[GoldArticle]) -> dict[str, Counter[str]]:
    """Per method: strict and loose matches, predicted and gold figures."""
    annotated = [(item, item.annotation("facts")) for item in corpus]
    annotated = [(item, gold) for item, gold in annotated if gold and "figures" in gold]
    rows: dict[str, Counter[str]] = {"ours": Counter(), "spaCy entities": Counter()}
    for item, gold in annotated:
        for name, predicted in (("ours", [f.text for f in item.briefing.figures]),
                                ("spaCy entities", baseline_figures(item.analysed))):
            strict, loose = match_figures(predicted, gold["figures"])
            rows[name].update(strict=strict, loose=loose, predicted=len(predicted), gold=len(gold["figures"]),
                              articles=1)
    return rows


def evaluate_figures(corpus: list[GoldArticle]) -> list[str]:
    rows = figure_counts(corpus)
    lines = [f"figures: {rows['ours']['articles']} annotated articles, {rows['ours']['gold']} gold figures"]
    for name, counts in rows.items():
        for mode in ("strict", "loose"):
            lines.append(format_row(f"  figures {name} {mode}", *prf(counts[mode], counts["predicted"], counts["gold"])))
    return lines


def normalise_date_text(text: str) -> str:
    text = text.lower().replace("’", "'").strip(" .,")
    return re.sub(r"^(?:on|in|during|by|since|the) ", "", text)


def baseline_timeline(analysed: AnalysedArticle) -> list[tuple[str | None, str]]:
    """The first version: every DATE entity, dated only when it is a bare year."""
    result = []
    for ent in analysed.doc.ents:
        if ent.label_ == "DATE":
            match = YEAR.match(ent.text)
            result.append((match.group(1) if match else None, ent.text))
    return result


def pair_events(predicted: Sequence[tuple[str | None, str]],
                gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """(predicted index, gold index) of each entry whose date words match a gold entry's, a gold
    entry with the same date preferred."""
    pool = [(g.get("date"), normalise_date_text(g["date_text"])) for g in gold]
    used = [False] * len(pool)
    pairs = []
    for index, (date, text) in enumerate(predicted):
        key = normalise_date_text(text)
        best = None
        for position, (gold_date, gold_text) in enumerate(pool):
            if used[position] or not (gold_text == key or gold_text in key or key in gold_text):
                continue
            if gold_date == date:
                best = position
                break
            best = position if best is None else best
        if best is not None:
            used[best] = True
            pairs.append((index, best))
    return pairs


def match_events(predicted: Sequence[tuple[str | None, str]],
                 gold: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """(entries whose date words match a gold entry, of those, entries whose date matches too)."""
    pairs = pair_events(predicted, gold)
    return len(pairs), sum(predicted[p][0] == gold[g].get("date") for p, g in pairs)


def gold_event_kinds(gold_dir: Path) -> dict[str, list[str]]:
    """Article id → the kind of each gold timeline entry, in order (``event_kinds.json``,
    labelled blind from the articles: happened, planned, expected, conditional)."""
    path = gold_dir / "event_kinds.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def kind_counts(corpus: list[GoldArticle]) -> Counter[str]:
    """Of the entries matched to a gold entry with a kind: how many, how many of the right kind,
    and how many not yet done (gold planned, expected or conditional) shown as history; beside
    the baseline that calls every event history (the timeline before it had kinds)."""
    counts: Counter[str] = Counter()
    kinds_of: dict[Path, dict[str, list[str]]] = {}
    for item in corpus:
        gold = item.annotation("facts") or {}
        if item.gold_dir not in kinds_of:
            kinds_of[item.gold_dir] = gold_event_kinds(item.gold_dir)
        kinds = kinds_of[item.gold_dir].get(item.id)
        if not gold.get("timeline") or not kinds or len(kinds) != len(gold["timeline"]):
            continue
        events = item.briefing.timeline
        for p, g in pair_events([(e.date, e.date_text) for e in events], gold["timeline"]):
            counts.update(matched=1, right=events[p].kind == kinds[g], baseline_right=kinds[g] == "happened",
                          ahead=kinds[g] != "happened",
                          ahead_as_history=kinds[g] != "happened" and events[p].kind == "happened")
    return counts


def timeline_counts(corpus: list[GoldArticle]) -> dict[str, Counter[str]]:
    """Per method: entries found by date words, of those correctly dated, predicted, gold."""
    annotated = [(item, item.annotation("facts")) for item in corpus]
    annotated = [(item, gold) for item, gold in annotated if gold and "timeline" in gold]
    methods: dict[str, Callable[[GoldArticle], list[tuple[str | None, str]]]] = {
        "ours": lambda item: [(e.date, e.date_text) for e in item.briefing.timeline],
        "years-only": lambda item: baseline_timeline(item.analysed),
    }
    rows: dict[str, Counter[str]] = {name: Counter() for name in methods}
    for item, gold in annotated:
        for name, method in methods.items():
            predicted = method(item)
            found, dated = match_events(predicted, gold["timeline"])
            rows[name].update(found=found, dated=dated, predicted=len(predicted), gold=len(gold["timeline"]),
                              articles=1)
    return rows


def evaluate_timeline(corpus: list[GoldArticle]) -> list[str]:
    rows = timeline_counts(corpus)
    lines = [f"timeline: {rows['ours']['articles']} annotated articles, {rows['ours']['gold']} gold dated events"]
    for name, counts in rows.items():
        lines.append(format_row(f"  timeline {name} date words", *prf(counts["found"], counts["predicted"], counts["gold"])))
        lines.append(format_row(f"  timeline {name} resolved date", *prf(counts["dated"], counts["predicted"], counts["gold"])))
    kinds = kind_counts(corpus)
    if kinds["matched"]:
        lines.append(f"timeline kind (happened / planned / expected / conditional) of {kinds['matched']} matched "
                     f"events: ours {kinds['right'] / kinds['matched']:.3f}, all-happened baseline "
                     f"{kinds['baseline_right'] / kinds['matched']:.3f}; not yet done shown as history: ours "
                     f"{kinds['ahead_as_history']}/{kinds['ahead']}, baseline {kinds['ahead']}/{kinds['ahead']}")
    return lines


def evaluate(corpus: list[GoldArticle]) -> list[str]:
    return evaluate_key_facts(corpus) + evaluate_figures(corpus) + evaluate_timeline(corpus)
