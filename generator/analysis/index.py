"""Indexes of one parsed document, built once and answered by lookup or bisection.

The analysis components (:mod:`generator.analysis`) and the extractors (through
:class:`generator.nlp.AnalysedArticle`, which extends this class with the article) read them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..models import Sentence


def is_relative_pronoun(token: Token) -> bool:
    """ "who", "which", "that" heading a relative clause: "the actor who won" is a noun phrase."""
    return token.tag_ in ("WDT", "WP") or (token.lower_ == "that" and token.dep_ == "nsubj" and token.head.dep_ == "relcl")


if not Doc.has_extension("quoted_tokens"):
    Doc.set_extension("quoted_tokens", default=None)


class DocIndex:
    """A parsed document's sentences (with their paragraphs) and the indexes every reader shares.

    It holds the per-document indexes the extractors share (entities by token, sentence
    bounds by token, token and character offsets). spaCy answers these by scanning:
    ``Doc.ents`` rebuilds every entity span on each access, ``Span.ents`` walks ``Doc.ents``,
    ``Token.sent`` walks the sentence; asked once per token or per mention, each scan made
    long articles quadratic. Here they are built once per document and answered by lookup or
    bisection, with the same results.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # What the quotation layer marked (one byte per token): all 0 before it ran or when it failed.
        self.quoted: bytes = doc._.quoted_tokens or bytes(len(doc))
        self._referents: dict[int, str] | None = None  # read from the referents layer when first asked
        # Doc.text and Doc.sents are rebuilt from the tokens on every access: read them once here.
        self.text: str = doc.text
        self.sentences: list[Sentence] = []
        self._sentence_of_token: list[int] = [0] * len(doc)
        # spaCy's own sentence (what ``Token.sent`` returns) of every token, as token bounds.
        self._sent_start: list[int] = [0] * len(doc)
        self._sent_end: list[int] = [0] * len(doc)
        paragraph = 0
        for span in doc.sents:
            for i in range(span.start, span.end):
                self._sent_start[i], self._sent_end[i] = span.start, span.end
            start_token = span.start
            while start_token < span.end and doc[start_token].is_space:
                start_token += 1
            text = span.text.strip()
            if not text:
                for token in span:
                    self._sentence_of_token[token.i] = max(len(self.sentences) - 1, 0)
                continue
            if self.sentences:
                gap = self.text[self.sentences[-1].end:span.start_char]
                paragraph += gap.count("\n\n")
            start = doc[start_token].idx
            index = len(self.sentences)
            self.sentences.append(
                Sentence(index=index, text=text, start=start, end=start + len(text), paragraph=paragraph)
            )
            for token in span:
                self._sentence_of_token[token.i] = index
        self._starts = [sentence.start for sentence in self.sentences]
        self.token_starts: list[int] = [token.idx for token in doc]
        # The named entities, read once (``Doc.ents`` builds a new span for each on every access);
        # in document order and never overlapping, so their starts and ends are both sorted.
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts = [ent.start for ent in self.ents]
        self._ent_ends = [ent.end for ent in self.ents]
        self._entity_of_token: list[int] = [-1] * len(doc)
        for number, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                self._entity_of_token[i] = number

    def in_quotation(self, token_index: int) -> bool:
        """``Token._.in_quotation``, read from the mask without building the token."""
        return bool(self.quoted[token_index])

    def sentence_of_token(self, token_index: int) -> int:
        return self._sentence_of_token[token_index]

    def sentence_of_char(self, offset: int) -> int:
        """Index of the sentence that holds character ``offset`` (or the one just before it)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def sentence_span(self, index: int) -> Span | None:
        sentence = self.sentences[index]
        return self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")

    def sent_bounds(self, token_index: int) -> tuple[int, int]:
        """Token bounds ``[start, end)`` of ``Token.sent`` (spaCy's sentence), without walking it."""
        return self._sent_start[token_index], self._sent_end[token_index]

    def tokens_between(self, lo: int, hi: int) -> list[Token]:
        """Tokens starting at a character offset in ``[lo, hi)``."""
        first, last = bisect_left(self.token_starts, lo), bisect_left(self.token_starts, hi)
        return list(self.doc[first:last]) if first < last else []

    def tokens_from(self, lo: int, hi: int) -> Iterator[Token]:
        """:meth:`tokens_between`, one token at a time: for reading only the first few."""
        doc = self.doc
        for i in range(bisect_left(self.token_starts, lo), bisect_left(self.token_starts, hi)):
            yield doc[i]

    def first_token_from(self, offset: int) -> int:
        """Index of the first token starting at character ``offset`` or after it."""
        return bisect_left(self.token_starts, offset)

    def entity_at(self, token_index: int) -> Span | None:
        """The named entity the token is part of, if any."""
        number = self._entity_of_token[token_index]
        return self.ents[number] if number >= 0 else None

    def referent_of(self, token_index: int) -> str | None:
        """Who the pronoun at ``token_index`` stands for, as the referents layer resolved it
        (None before that layer ran, or when it found no one)."""
        if self._referents is None:
            self._referents = {span.start: span._.referent.name for span in self.doc.spans.get("referent", [])}
        return self._referents.get(token_index)

    def person_referent_of(self, token: Token) -> str | None:
        """Who a "he" or "she" stands for (see :meth:`referent_of`). An "it" or a "they" is not
        named this way: whether it is the company, the plan or the country is a guess the layer
        too often gets wrong for a name to be written in."""
        if token.morph.get("Gender") not in (["Masc"], ["Fem"]):
            return None
        return self.referent_of(token.i)

    def ents_within(self, start: int, end: int) -> list[Span]:
        """The entities inside tokens ``[start, end)``: ``doc[start:end].ents``, by bisection."""
        first = bisect_left(self._ent_starts, start)
        last = bisect_right(self._ent_ends, end, lo=first)
        return list(self.ents[first:last])
