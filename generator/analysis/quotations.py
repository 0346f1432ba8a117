"""Quotations: which words of an article are quoted, and which quoted words are a quotation.

Written once per article to ``doc.spans["quotation"]`` (a direct quotation, full or partial) and
``doc.spans["quoted_term"]`` (quoted words that are no quotation: titles, names, nicknames, terms,
scare quotes), each span with its :class:`Quotation` in ``Span._.quotation``, and
``Token._.in_quotation`` for the tokens of a quotation, its marks included, and
``Doc._.quoted_contents`` (the content character ranges of both groups, for :func:`quoted_alone`:
"is this name or number the whole of a quoted title?"). Every extractor reads these instead of
counting marks its own way.

Two passes, the way a careful reader does it:

1. *Marks*: quotation marks are paired per paragraph by their context (an opening mark follows a
   space, a closing one precedes one), so sloppy straight quotes and unbalanced marks are
   recovered and never run past the paragraph; a paragraph that reopens a quote without closing
   the previous one continues it (newspaper convention).
2. *Is it a quote?*: titles, names and nicknames (Title Case words), terms (``so-called``, a
   quoted noun modifying a noun) and scare quotes (no reporting verb near them) are dropped;
   quoted words embedded in reported speech are kept as ``partial``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..vocabulary import NAMING_CUES, TITLE_FUNCTION_WORDS, WEAK_REPORTING_VERBS
from .guard import guarded_layer
from .index import DocIndex
from .verbs import is_reporting_verb

DOUBLE_MARKS = "\"“”„‟"
OPENING_ONLY = "“„‟"
CLOSING_ONLY = "”"
BULLETS = "•·*-–—▪● \t"
CONTENT_TRAILING = ".,;:!?…"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

if not Span.has_extension("quotation"):
    Span.set_extension("quotation", default=None)
if not Doc.has_extension("quoted_contents"):
    Doc.set_extension("quoted_contents", default=None)
if not Token.has_extension("in_quotation"):
    Token.set_extension("in_quotation", getter=lambda token: in_quotation(token.doc, token.i))


@dataclass(frozen=True)
class Quotation:
    """Quoted characters ``[start, end)`` (marks excluded), the marks around them (None when the
    paragraph ends the quote unclosed), the paragraph, whether it continues an earlier
    paragraph's quote, and whether it is a partial quote embedded in the narrative."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    paragraph: int
    continues: bool = False
    partial: bool = False

    @property
    def bounds(self) -> tuple[int, int]:
        """The characters of the quotation with its marks."""
        return (self.open_mark if self.open_mark is not None else self.start,
                (self.close_mark + 1) if self.close_mark is not None else self.end)


def in_quotation(doc: Doc, token_index: int) -> bool:
    mask = doc._.quoted_tokens
    return bool(mask) and bool(mask[token_index])


def quoted_alone(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` are the whole content of a quotation or quoted term between two
    marks: the film “1917”, “Joker”, “Catch-22”. A trailing stop or comma inside the marks
    (“Joker,” “Is This It?”) is allowed. One lookup in ``Doc._.quoted_contents``; False when
    the layer is missing."""
    contents = doc._.quoted_contents
    if not contents or not 0 <= start < end <= len(doc):
        return False
    last = doc[end - 1]
    return (doc[start].idx, last.idx + len(last.text)) in contents


def _content_keys(text: str, quotation: Quotation) -> set[tuple[int, int]]:
    """The character ranges :func:`quoted_alone` accepts for a quotation: its content, and the
    content without trailing punctuation."""
    start, end = quotation.start, quotation.end
    keys = {(start, end)}
    while end > start and (text[end - 1] in CONTENT_TRAILING or text[end - 1].isspace()):
        end -= 1
    if end > start:
        keys.add((start, end))
    return keys


def quotations(doc: Doc) -> list[tuple[Span, Quotation]]:
    """The document's quotations in reading order, with their spans."""
    return [(span, span._.quotation) for span in doc.spans.get("quotation", [])]


# --------------------------------------------------------------------------- pass 1: marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _mark_kind(text: str, i: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` from the characters around the mark at ``i``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_open = prev.isspace() or prev in "([{—–-/:;" or prev in DOUBLE_MARKS
    right_open = not nxt.isspace()
    left_close = not prev.isspace()
    right_close = nxt.isspace() or nxt in ".,;:!?)]}—–-…'’" or nxt in DOUBLE_MARKS
    opens, closes = left_open and right_open, left_close and right_close
    if text[i] in OPENING_ONLY:
        return "close" if closes and not opens else "open"
    if text[i] in CLOSING_ONLY:
        return "open" if opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    found = []
    for i in range(lo, hi):
        if text[i] not in DOUBLE_MARKS:
            continue
        if i > lo and text[i - 1] in DOUBLE_MARKS:  # a doubled mark (""Tim's) counts once
            continue
        found.append((i, _mark_kind(text, i, lo, hi)))
    return found


def _content_start(text: str, lo: int, hi: int) -> int:
    while lo < hi and text[lo] in BULLETS:
        lo += 1
    return lo


def _opens_with_mark(text: str, lo: int, hi: int) -> bool:
    start = _content_start(text, lo, hi)
    return start < hi and text[start] in DOUBLE_MARKS


def _first_mark_closes(text: str, paragraphs: list[tuple[int, int]], index: int, reach: int) -> int | None:
    """Index of the paragraph whose first mark closes a quote left open before ``index``."""
    for j in range(index, min(index + reach, len(paragraphs))):
        marks = _marks(text, *paragraphs[j])
        if not marks:
            continue
        return j if marks[0][1] in ("close", "either") else None
    return None


def _find_spans(text: str, reach: int) -> list[Quotation]:
    """Pair quotation marks paragraph by paragraph; see the module docstring."""
    paragraphs = _paragraphs(text)
    spans: list[Quotation] = []
    carry_until: int | None = None  # paragraphs up to this one continue a quote without marks
    reopening = False  # the next paragraph's opening mark continues the current quote
    for p, (lo, hi) in enumerate(paragraphs):
        first = _content_start(text, lo, hi)
        inside, start, opened, continued = False, first, None, False
        if carry_until is not None and p <= carry_until:
            inside, continued = True, True
        else:
            carry_until = None
        for i, kind in _marks(text, lo, hi):
            if kind == "either":
                kind = "close" if inside else "open"
            if kind == "open":
                # an opening mark inside an open quote: the earlier one was stray, start again
                inside, start, opened = True, i + 1, i
                continued = reopening and i == first
            elif inside:
                spans.append(Quotation(start, i, opened, i, p, continued))
                inside, continued = False, False
        reopening = False
        if inside:
            spans.append(Quotation(start, hi, opened, None, p, continued))
            nxt = p + 1
            if nxt < len(paragraphs) and _opens_with_mark(text, *paragraphs[nxt]):
                reopening = True
            elif nxt < len(paragraphs) and carry_until is None:
                carry_until = _first_mark_closes(text, paragraphs, nxt, reach)
        if carry_until is not None and p >= carry_until:
            carry_until = None
    trimmed = (_trim(text, span) for span in spans)
    return [span for span in trimmed if span is not None]


def _trim(text: str, span: Quotation) -> Quotation | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Quotation(start, end, span.open_mark, span.close_mark, span.paragraph, span.continues)



def _title_like(words: list[str]) -> bool:
    """Titles and names: every word capitalised except short function words."""
    if not words or len(words) > 12:
        return False
    capitalised = 0
    for i, word in enumerate(words):
        if word[0].isupper() or word[0].isdigit():
            capitalised += 1
        elif not (i > 0 and word.lower() in TITLE_FUNCTION_WORDS):
            return False
    return capitalised > 0



# ------------------------------------------------------------------ pass 2: is it a quote?

def _token_mask(index: DocIndex, spans: list[Quotation]) -> bytearray:
    """One byte per token: 1 for the tokens of ``spans``, marks included."""
    mask = bytearray(len(index.doc))
    for span in spans:
        lo, hi = span.bounds
        first, last = index.first_token_from(lo), index.first_token_from(hi)
        mask[first:last] = b"\x01" * (last - first)
    return mask


class _Reading:
    """Token-level facts pass 2 asks about: what is quoted (all marked spans, before judging),
    and each sentence's reporting verbs outside them, once."""

    def __init__(self, index: DocIndex, spans: list[Quotation]) -> None:
        self.analysed = index
        self.doc = index.doc
        self.text = index.text
        self.quoted = _token_mask(index, spans)
        self._verbs: dict[int, list[Token]] = {}

    def in_quote(self, token: Token) -> bool:
        return bool(self.quoted[token.i])

    def reporting_verbs(self, index: int) -> list[Token]:
        if index not in self._verbs:
            span = self.analysed.sentence_span(index)
            self._verbs[index] = [] if span is None else [
                t for t in span if is_reporting_verb(t) and not self.quoted[t.i]]
        return self._verbs[index]


def _classify(ctx: _Reading, spans: list[Quotation]) -> tuple[list[Quotation], list[Quotation]]:
    """Quotations (full or partial), and the rest: titles, names, nicknames, terms, scare quotes."""
    kept: list[Quotation] = []
    rejected: list[Quotation] = []
    terms: set[str] = set()  # phrases already judged terms stay terms ("atypical contracts")
    previous: Quotation | None = None
    previous_rejected = False
    for span in spans:
        words = ctx.text[span.start:span.end]
        sentence = ctx.analysed.sentence_of_char(span.start)
        verdict = "full" if span.continues else _judge(ctx, span, sentence, previous, previous_rejected, terms)
        previous, previous_rejected = span, verdict == "reject"
        if verdict == "reject":
            terms.add(words.lower())
            rejected.append(span)
        else:
            kept.append(replace(span, partial=verdict == "partial"))
    return kept, rejected


def _judge(ctx: _Reading, span: Quotation, sentence: int, previous: Quotation | None, previous_rejected: bool,
           terms: set[str]) -> str:
    """``full``, ``partial`` or ``reject`` for one quoted span, from the words around it."""
    text = ctx.text
    sent = ctx.analysed.sentences[sentence]
    words = text[span.start:span.end]
    opening = span.open_mark if span.open_mark is not None else span.start
    previous_close = previous.close_mark if previous is not None else None
    left_bound = sent.start
    if previous_close is not None and previous_close < span.start:
        left_bound = max(left_bound, previous_close + 1)
    before = text[left_bound:opening].strip().lstrip(BULLETS)
    after_end = (span.close_mark + 1) if span.close_mark is not None else span.end
    after_tokens = list(islice((t for t in ctx.analysed.tokens_from(after_end, sent.end) if not t.is_punct), 5))
    attributed_after = any(is_reporting_verb(t) for t in after_tokens)
    at_start = before == "" or before.endswith((":", ";"))
    split_continuation = (before.endswith(",") and previous_close is not None and previous_close >= sent.start
                          and _verb_before(ctx, previous_close, opening))
    last_word = before.split()[-1].lower().strip(",") if before.split() else ""
    gloss = (previous_rejected and previous_close is not None and 0 <= opening - previous_close < 12
             and text[previous_close + 1:opening].strip(" ,") in ("or", "and", ""))
    if (gloss  # "Schutzverträge," or "protection contracts,"
            or last_word in NAMING_CUES or before.lower().endswith(("known as", "so-called"))
            or (_title_like(WORD.findall(words)) and not ((at_start or split_continuation) and attributed_after))
            or (words.lower() in terms and not _governed(ctx, span))):
        return "reject"
    if at_start or split_continuation or (before.endswith(",") and words[:1].isupper()
                                          and _verb_before(ctx, left_bound, opening)):
        return "full"
    # embedded in the sentence: a partial quote inside reported speech, or a scare quote / term
    if _modifier_term(ctx, span) or not (attributed_after or _licensed(ctx, sentence, sent.paragraph, words)):
        return "reject"
    return "partial"


def _governed(ctx: _Reading, span: Quotation) -> bool:
    """A reporting verb takes the quoted words as its own object (``calling agents "pimps"``)."""
    for token in ctx.analysed.tokens_between(span.start, span.end):
        head = token.head
        if not (span.start <= head.idx < span.end) and is_reporting_verb(head):
            return True
    return False


def _verb_before(ctx: _Reading, lo: int, hi: int) -> bool:
    return any(is_reporting_verb(t) for t in ctx.analysed.tokens_between(lo, hi))


def _modifier_term(ctx: _Reading, span: Quotation) -> bool:
    """``"gig economy" workers``: a short quoted noun phrase used as a modifier is a term."""
    inner = [t for t in ctx.analysed.tokens_between(span.start, span.end) if not t.is_punct]
    if not inner or len(inner) > 3 or span.close_mark is None:
        return False
    if all(t.pos_ in ("ADJ", "CCONJ", "ADV") for t in inner):
        return False
    if any(t.lemma_.lower() in WEAK_REPORTING_VERBS and t.pos_ == "VERB" and t.dep_ not in ("relcl", "amod")
           for root in inner for t in root.ancestors if not ctx.in_quote(t)):
        return False
    following = ctx.analysed.tokens_between(span.close_mark + 1, span.close_mark + 40)
    nxt = next((t for t in following if not t.is_space), None)
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
        return False
    return ctx.text[span.close_mark + 1:nxt.idx] in (" ", "")


def _licensed(ctx: _Reading, sentence: int, paragraph: int, words: str) -> bool:
    """A reporting verb in the sentence, or (for a quoted phrase of some length, not a lone
    word) in the one before it in the same paragraph."""
    if ctx.reporting_verbs(sentence):
        return True
    if len(WORD.findall(words)) >= 3 and sentence > 0 and ctx.analysed.sentences[sentence - 1].paragraph == paragraph:
        return bool([v for v in ctx.reporting_verbs(sentence - 1) if v.lemma_ not in WEAK_REPORTING_VERBS])
    return False



def find_quotations(doc: Doc, max_continued_paragraphs: int = 3) -> dict[str, list[Span]]:
    """The quotation and quoted-term spans of a parsed document; marks its quoted tokens.

    A quote left open at a paragraph's end continues into the next paragraphs (up to
    ``max_continued_paragraphs``) when one of them closes it."""
    index = DocIndex(doc)
    marked = _find_spans(index.text, max_continued_paragraphs)
    kept, rejected = _classify(_Reading(index, marked), marked)
    groups: dict[str, list[Span]] = {"quotation": [], "quoted_term": []}
    contents: dict[tuple[int, int], str] = {}
    for key, found in (("quotation", kept), ("quoted_term", rejected)):
        for quotation in found:
            lo, hi = quotation.bounds
            span = doc.char_span(lo, hi, label=key, alignment_mode="expand")
            if span is None:
                continue
            span._.quotation = quotation
            groups[key].append(span)
            if quotation.open_mark is not None and quotation.close_mark is not None:
                for content in _content_keys(index.text, quotation):
                    contents.setdefault(content, key)
    doc._.quoted_contents = contents
    doc._.quoted_tokens = bytes(_token_mask(index, kept))
    return groups


@Language.factory("quotations", assigns=["doc.spans", "token._.in_quotation", "doc._.quoted_contents"],
                  requires=["token.dep", "token.pos", "token.lemma", "token.is_sent_start"],
                  default_config={"max_continued_paragraphs": 3})
def make_quotation_finder(nlp: Language, name: str, max_continued_paragraphs: int) -> Callable[[Doc], Doc]:
    return guarded_layer(name, lambda doc: find_quotations(doc, max_continued_paragraphs))
