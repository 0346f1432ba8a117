"""Direct quotations with their speakers, and reported (indirect) speech.

A quotation is found in three passes, the way a careful reader does it:

1. *Marks*: quotation marks are paired per paragraph by their context (an opening mark follows a
   space, a closing one precedes one), so sloppy straight quotes and unbalanced marks are
   recovered and never run past the paragraph; a paragraph that reopens a quote without closing
   the previous one continues it (newspaper convention).
2. *Is it a quote?*: titles, names and nicknames (Title Case words), terms (``so-called``, a
   quoted noun modifying a noun) and scare quotes (no reporting verb near them) are dropped;
   quoted words embedded in reported speech are kept as ``partial``.
3. *Who said it?*: the reporting verb that governs the quote or stands next to it (``said``,
   ``according to``, ...) gives a subject; pronouns and descriptions (``he``, ``the minister``,
   ``the 52-year-old``) are resolved against the sentences before (who was the subject, who last
   spoke, which pronouns followed a name); names are mapped to the canonical actor, surnames to
   the full name met most recently. Without a verb, a quote goes on the paragraph's attribution,
   a ``Name:`` prefix, or the turn-taking of an exchange.

Reported speech is the clause a reporting verb governs outside quotation marks. The word lists
live in :mod:`generator.extract.speech`.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from ..models import Actor, Quote, Statement
from ..nlp import AnalysedArticle
from .speech import (
    FEMALE_NOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    INTRANSITIVE_REPORTING_VERBS,
    MALE_NOUNS,
    NAME_SUFFIXES,
    NAMING_CUES,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    REPORTING_VERBS,
    TITLE_FUNCTION_WORDS,
    WEAK_REPORTING_VERBS,
)

DOUBLE_MARKS = "\"“”„‟"
OPENING_ONLY = "“„‟"
CLOSING_ONLY = "”"
BULLETS = "•·*-–—▪● \t"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE", "FAC")
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CLIMB_DEPS = ("csubj", "advcl", "xcomp", "conj", "pcomp", "prep", "relcl", "acl", "ccomp", "dep", "pobj")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
MAX_CONTINUED_PARAGRAPHS = 3
TRANSCRIPT_NAME = re.compile(r"^\s*([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3}):\s*$")
AGE_BEFORE = re.compile(r"\bthe (\d+)-year-old\s*$", re.IGNORECASE)


@dataclass
class _Span:
    """Quoted characters ``[start, end)`` (marks excluded) and the marks around them."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    paragraph: int
    continues: bool = False


@dataclass
class _Speaker:
    name: str | None
    role: str | None
    kind: str = "person"


@dataclass
class _Candidate:
    span: _Span
    text: str
    partial: bool
    sentence: int


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


def _first_mark_closes(text: str, paragraphs: list[tuple[int, int]], index: int) -> int | None:
    """Index of the paragraph whose first mark closes a quote left open before ``index``."""
    for j in range(index, min(index + MAX_CONTINUED_PARAGRAPHS, len(paragraphs))):
        marks = _marks(text, *paragraphs[j])
        if not marks:
            continue
        return j if marks[0][1] in ("close", "either") else None
    return None


def _find_spans(text: str) -> list[_Span]:
    """Pair quotation marks paragraph by paragraph; see the module docstring."""
    paragraphs = _paragraphs(text)
    spans: list[_Span] = []
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
                spans.append(_Span(start, i, opened, i, p, continued))
                inside, continued = False, False
        reopening = False
        if inside:
            spans.append(_Span(start, hi, opened, None, p, continued))
            nxt = p + 1
            if nxt < len(paragraphs) and _opens_with_mark(text, *paragraphs[nxt]):
                reopening = True
            elif nxt < len(paragraphs) and carry_until is None:
                carry_until = _first_mark_closes(text, paragraphs, nxt)
        if carry_until is not None and p >= carry_until:
            carry_until = None
    trimmed = (_trim(text, span) for span in spans)
    return [span for span in trimmed if span is not None]


def _trim(text: str, span: _Span) -> _Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return _Span(start, end, span.open_mark, span.close_mark, span.paragraph, span.continues)


# ------------------------------------------------------------------ pass 2: is it a quote?

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


class _Context:
    """Token-level facts about the parsed article shared by passes 2 and 3."""

    def __init__(self, analysed: AnalysedArticle, spans: list[_Span]) -> None:
        self.analysed = analysed
        self.doc = analysed.doc
        self.text = analysed.text
        self._token_starts = [t.idx for t in self.doc]
        self.ranges: list[tuple[int, int]] = []
        self.mark_quoted(spans)

    def mark_quoted(self, spans: list[_Span]) -> None:
        """The character ranges, marks included, that hold quoted words (not the narrative)."""
        self.ranges = [(s.open_mark if s.open_mark is not None else s.start,
                        (s.close_mark + 1) if s.close_mark is not None else s.end) for s in spans]

    def in_quote(self, token: Token) -> bool:
        return any(lo <= token.idx < hi for lo, hi in self.ranges)

    def sentence_tokens(self, index: int) -> Span | None:
        return self.analysed.sentence_span(index)

    def reporting_verbs(self, index: int) -> list[Token]:
        span = self.sentence_tokens(index)
        if span is None:
            return []
        return [t for t in span if _is_reporting(t) and not self.in_quote(t)]

    def tokens_between(self, lo: int, hi: int) -> list[Token]:
        """Tokens starting at a character offset in ``[lo, hi)``."""
        first, last = bisect_left(self._token_starts, lo), bisect_left(self._token_starts, hi)
        return list(self.doc[first:last]) if first < last else []


def _is_reporting(token: Token) -> bool:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return True
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in REPORTING_VERBS:
        return False
    if lemma in INTRANSITIVE_REPORTING_VERBS and any(
            c.dep_ in ("xcomp", "dobj", "prep") for c in token.children):
        return False
    return not any(child.dep_ == "neg" for child in token.children)


def _classify(ctx: _Context, spans: list[_Span]) -> list[_Candidate]:
    """Keep quotations (full or partial); drop titles, names, nicknames, terms and scare quotes."""
    kept: list[_Candidate] = []
    terms: set[str] = set()  # phrases already judged terms stay terms ("atypical contracts")
    previous: _Span | None = None
    previous_rejected = False
    for span in spans:
        words = ctx.text[span.start:span.end]
        sentence = ctx.analysed.sentence_of_char(span.start)
        verdict = "full" if span.continues else _judge(ctx, span, sentence, previous, previous_rejected, terms)
        previous, previous_rejected = span, verdict == "reject"
        if verdict == "reject":
            terms.add(words.lower())
        else:
            kept.append(_Candidate(span, words, verdict == "partial", sentence))
    return kept


def _judge(ctx: _Context, span: _Span, sentence: int, previous: _Span | None, previous_rejected: bool,
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
    after_tokens = [t for t in ctx.tokens_between(after_end, sent.end) if not t.is_punct][:5]
    attributed_after = any(_is_reporting(t) for t in after_tokens)
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


def _governed(ctx: _Context, span: _Span) -> bool:
    """A reporting verb takes the quoted words as its own object (``calling agents "pimps"``)."""
    for token in ctx.tokens_between(span.start, span.end):
        head = token.head
        if not (span.start <= head.idx < span.end) and _is_reporting(head):
            return True
    return False


def _verb_before(ctx: _Context, lo: int, hi: int) -> bool:
    return any(_is_reporting(t) for t in ctx.tokens_between(lo, hi))


def _modifier_term(ctx: _Context, span: _Span) -> bool:
    """``"gig economy" workers``: a short quoted noun phrase used as a modifier is a term."""
    inner = [t for t in ctx.tokens_between(span.start, span.end) if not t.is_punct]
    if not inner or len(inner) > 3 or span.close_mark is None:
        return False
    if all(t.pos_ in ("ADJ", "CCONJ", "ADV") for t in inner):
        return False
    if any(t.lemma_.lower() in WEAK_REPORTING_VERBS and t.pos_ == "VERB" and t.dep_ not in ("relcl", "amod")
           for root in inner for t in root.ancestors if not ctx.in_quote(t)):
        return False
    following = ctx.tokens_between(span.close_mark + 1, span.close_mark + 40)
    nxt = next((t for t in following if not t.is_space), None)
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
        return False
    return ctx.text[span.close_mark + 1:nxt.idx] in (" ", "")


def _licensed(ctx: _Context, sentence: int, paragraph: int, words: str) -> bool:
    """A reporting verb in the sentence, or (for a quoted phrase of some length, not a lone
    word) in the one before it in the same paragraph."""
    if ctx.reporting_verbs(sentence):
        return True
    if len(WORD.findall(words)) >= 3 and sentence > 0 and ctx.analysed.sentences[sentence - 1].paragraph == paragraph:
        return bool([v for v in ctx.reporting_verbs(sentence - 1) if v.lemma_ not in WEAK_REPORTING_VERBS])
    return False


# ------------------------------------------------------------------ pass 3: who said it?

class _Resolver:
    """Maps subject tokens to canonical speakers, remembering who was last talked about."""

    def __init__(self, ctx: _Context, actors: list[Actor]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.actors = actors
        self.people: list[tuple[int, _Speaker]] = []  # (token index, referent) of subjects
        self.orgs: list[tuple[int, _Speaker]] = []
        self.described: list[tuple[int, str, _Speaker]] = []  # (token, head lemma, referent)
        self._roles: dict[str, str | None] = {}
        self._ents = [e for e in self.doc.ents if e.label_ in NAME_LABELS and not ctx.in_quote(e[0])]
        self._person_words = {w for e in self.doc.ents if e.label_ == "PERSON"
                              for w in self._clean_name(e.text).lower().split()}
        self._person_words |= {w for a in actors if a.type == "person"
                               for w in self._clean_name(a.name).lower().split()}
        self._person_names = {self._clean_name(e.text).lower() for e in self._ents
                              if e.label_ == "PERSON" or self._titled(e.root)}
        self._person_words |= {w for n in self._person_names for w in n.split()}
        self.speakers: dict[int, _Speaker] = {}  # reporting verb index -> who spoke
        self._genders: dict[str, str] = {}
        self._scan_subjects()
        self._learn_genders()
        for token in self.doc:  # who spoke, in reading order, for "the minister said" later on
            if _is_reporting(token) and not ctx.in_quote(token):
                self.speaker_of_verb(token)

    # -- names -------------------------------------------------------------------------
    def _entity_of(self, token: Token) -> Span | None:
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end and ent.label_ in NAME_LABELS:
                return ent
        return None

    def _name_entity(self, head: Token) -> Span | None:
        """The named entity a subject phrase stands for: the head, its appositive or compound."""
        ent = self._entity_of(head)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return ent
        for child in head.children:  # "the minister, Lewis Brown," / "the company, Acme Corp,"
            if child.dep_ == "appos":
                for tok in child.subtree:
                    ent = self._entity_of(tok)
                    if ent is not None and (ent.label_ == "PERSON" or (ent.label_ == "ORG" and tok.i == child.i)):
                        return ent
        if head.pos_ == "PROPN":
            left = head.i
            while left > 0 and self.doc[left - 1].pos_ == "PROPN" and self.doc[left - 1].head.i == head.i:
                left -= 1
            return self.doc[left:head.i + 1]
        return None

    @staticmethod
    @cache  # called for every entity at every mention: the same few strings each time
    def _clean_name(text: str) -> str:
        text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip(" \"“”'‘’,;:()"))
        words = text.split()
        while words and words[0].lower() == "the":
            words = words[1:]
        titles = [i for i, w in enumerate(words)
                  if w.lower().rstrip(".") in HONORIFICS or w.lower() in PERSON_NOUNS]
        if titles:  # "Patrol Chief James Hall", "Sen. Harry Reid": the name after the last title
            rest = len(words) - titles[-1] - 1
            if rest >= 2 or (rest == 1 and titles == list(range(len(titles)))):
                words = words[titles[-1] + 1:]
        cleaned = " ".join(words).strip(" ,;:") if words else text
        last = cleaned.rsplit(" ", 1)[-1].rstrip(".").lower()
        if cleaned.endswith(".") and last not in NAME_SUFFIXES and len(last) > 1:
            cleaned = cleaned[:-1]  # a full stop glued to the name, not "Jr." or an initial
        return cleaned

    @staticmethod
    def _titled(head: Token) -> bool:
        """``Shannon Cross, an analyst``, ``tomato farmer Lana Boatwright``: a person by description."""
        return any(c.dep_ in ("appos", "compound") and c.lemma_.lower() in PERSON_NOUNS for c in head.children)

    def _is_person(self, name: str, head: Token | None = None) -> bool:
        words = set(self._clean_name(name).lower().split())
        if words and words <= self._person_words:
            return True
        return head is not None and self._titled(head)

    def canonical(self, mention: str, at: int | None = None) -> str:
        """The actor's canonical name for a mention, else the fullest name the text gives it.

        A surname goes to the fullest name mentioned most recently before it (``Roosevelt``
        after ``James Roosevelt Jr.`` is not ``Franklin Roosevelt``).
        """
        name = self._clean_name(mention)
        lowered = name.lower()
        exact = None
        for actor in self.actors:
            if lowered == actor.name.lower() or lowered in (a.lower() for a in actor.aliases):
                exact = actor.name
                if len(lowered.split()) > 1 or not self._longer_names(lowered, at):
                    break
                exact = None
        if exact is not None and (len(lowered.split()) > 1 or exact.lower() != lowered):
            return exact
        longer = self._longer_names(lowered, at)
        if longer:
            best = max(longer, key=lambda item: (self._is_person(item[0]), item[1]))[0]
            for actor in self.actors:
                if self._clean_name(actor.name).lower() == best.lower():
                    return actor.name
            return best
        if len(lowered.split()) == 1:
            surnames = {self._clean_name(a.name).split()[-1].lower(): a.name
                        for a in self.actors if a.type == "person" and len(a.name.split()) > 1}
            surnames.update({self._clean_name(e.text).split()[-1].lower(): self._clean_name(e.text)
                             for e in self._ents if e.label_ == "PERSON" and len(e.text.split()) > 1})
            close = difflib.get_close_matches(lowered, list(surnames), n=1, cutoff=0.8)
            if close and close[0][:1] == lowered[:1]:
                return surnames[close[0]]
            written = self._written_full_name(name)
            if written:
                return written
        return exact or name

    def _written_full_name(self, surname: str) -> str | None:
        """``Trip Chowdhry`` when the tagger only saw ``Chowdhry``: capitalised words before it."""
        pattern = re.compile(r"((?:[A-Z][\w'’.-]*\s){1,2})" + re.escape(surname) + r"\b")
        for match in pattern.finditer(self.ctx.text):
            if any(lo <= match.start() < hi for lo, hi in self.ctx.ranges):
                continue
            words = match.group(1).split()
            while words and (self.doc.vocab[words[0].lower()].is_stop
                             or words[0].lower().rstrip(".") in HONORIFICS
                             or words[0].lower() in PERSON_NOUNS):
                words = words[1:]
            if words:
                return " ".join(words + [surname])
        return None

    def _longer_names(self, lowered: str, at: int | None) -> list[tuple[str, tuple[int, int]]]:
        """Fuller names containing the mention's words, ranked by how recently they were used."""
        tokens = set(lowered.split())
        if not tokens:
            return []
        limit = at if at is not None else len(self.doc)
        found: dict[str, tuple[int, int]] = {}
        for ent in self._ents:
            full = self._clean_name(ent.text)
            words = set(full.lower().split())
            if tokens < words and tokens <= words:
                rank = (1, ent.start) if ent.start < limit else (0, -ent.start)
                found[full] = max(found.get(full, rank), rank)
        for actor in self.actors:
            full = self._clean_name(actor.name)
            if tokens < set(full.lower().split()) and full not in found:
                found[full] = (0, -len(self.doc) - actor.first_sentence)
        return list(found.items())

    def role_of(self, name: str) -> str | None:
        if name in self._roles:
            return self._roles[name]
        role = next((a.role for a in self.actors if a.name == name and a.role), None)
        if role is None:
            role = self._role_from_text(name)
        self._roles[name] = role
        return role

    def _role_from_text(self, name: str) -> str | None:
        """The first appositive, title or ``as ...`` phrase the article gives the speaker."""
        keys = set(self._clean_name(name).lower().split())
        for ent in self._ents:
            words = set(self._clean_name(ent.text).lower().split())
            if ent.label_ not in SPEAKER_LABELS or not words or not words <= keys:
                continue
            if words != keys and self.canonical(ent.text, ent.start) != name:
                continue  # "President Franklin Roosevelt" is not "James Roosevelt Jr."
            root = ent.root
            for child in root.children:
                if child.dep_ == "appos" and child.i > root.i and child.pos_ == "NOUN":
                    return self._phrase(child)
            if root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN":
                return self._phrase(root.head, stop=ent.start)
            inside = [t for t in ent if t.lower_.rstrip(".") in HONORIFICS or t.lower_ in PERSON_NOUNS]
            before = [t for t in self.doc[max(ent.start - 6, 0):ent.start]
                      if t.head.i in range(ent.start, ent.end) and t.dep_ in ("compound", "amod", "poss", "nmod")]
            title = before + [t for t in inside if t.i < ent.end - 1]
            if title and any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in HONORIFICS for t in title):
                start = min(t.left_edge.i for t in title)
                end = max(t.i for t in title) + 1
                text = self.doc[start:end].text.strip(" ,\"“”")
                if text.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr") and text:
                    return text
            if root.dep_ in SUBJECT_DEPS:
                for tok in root.head.subtree:
                    if tok.lower_ == "as" and tok.dep_ == "prep":
                        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                        if obj is not None and obj.lemma_.lower() in PERSON_NOUNS:
                            return self._phrase(obj)
        return None

    def _phrase(self, head: Token, stop: int | None = None) -> str:
        skip = set()
        for child in head.children:
            if child.dep_ in ("relcl", "acl", "appos") or (child.dep_ == "punct" and child.i > head.i):
                skip.update(t.i for t in child.subtree)
        tokens = [t for t in head.subtree if t.i not in skip and (stop is None or t.i < stop)]
        if not tokens:
            return head.text
        span = self.doc[tokens[0].i:tokens[-1].i + 1]
        return span.text.strip(" ,;") if len(span) <= 14 else head.text

    # -- tracking who is talked about -----------------------------------------------------
    def _scan_subjects(self) -> None:
        """Who each sentence is about, in reading order, for pronouns and descriptions later on."""
        orphans = set()
        for token in self.doc:
            if _is_reporting(token) and not self.ctx.in_quote(token):
                subject = self.subject_of(token)
                if subject is not None and subject.dep_ not in SUBJECT_DEPS:
                    orphans.add(subject.i)
        for token in self.doc:
            if self.ctx.in_quote(token) or not self._talked_about(token, orphans):
                continue
            if token.lower_ in PERSON_PRONOUNS or token.lower_ in GROUP_PRONOUNS:
                continue
            speaker = self.describe(token, resolve=False)
            if speaker is None:
                continue
            if speaker.kind == "person" and (speaker.name is not None or token.tag_ in ("NN", "NNP")):
                self.people.append((token.i, speaker))  # a singular referent for "he"/"she"
            elif speaker.kind == "org":
                self.orgs.append((token.i, speaker))
            if speaker.name is None or token.pos_ == "NOUN":
                self.described.append((token.i, token.lemma_.lower(), speaker))

    @staticmethod
    def _talked_about(token: Token, orphans: set[int]) -> bool:
        """Subjects, ``according to X``, ``X's`` owning a subject, and names the parser left verbless."""
        if token.i in orphans or token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            return True
        return token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN"

    def _last(self, items: list[tuple[int, _Speaker]], before: int, sentence_start: int,
              gender: str | None = None) -> _Speaker | None:
        """The most recent referent: earlier in this sentence, else the main one of the last sentence."""
        earlier = [(i, s) for i, s in items if i < before and self._gender_fits(i, gender)]
        if not earlier:
            return None
        same = [(i, s) for i, s in earlier if i >= sentence_start]
        if same:
            return same[-1][1]
        sentence_of = self.ctx.analysed.sentence_of_token
        last_sentence = sentence_of(earlier[-1][0])
        in_last = [(i, s) for i, s in earlier if sentence_of(i) == last_sentence]
        for i, speaker in in_last:
            if self.doc[i].head.dep_ == "ROOT" and self.doc[i].dep_ in SUBJECT_DEPS:
                return speaker
        return in_last[0][1]

    def _learn_genders(self) -> None:
        """``Elizabeth Prelogar is ... She responds``: the pronouns that follow a lone named person."""
        votes: dict[str, list[str]] = {}
        sentences = self.ctx.analysed.sentences
        named: dict[int, set[str]] = {}
        for i, speaker in self.people:
            if speaker.name is not None:
                named.setdefault(self.ctx.analysed.sentence_of_token(i), set()).add(speaker.name)
        for index in range(len(sentences)):
            names = named.get(index, set())
            if len(names) != 1:
                continue
            window = [index] + ([index + 1] if index + 1 < len(sentences) and not named.get(index + 1) else [])
            for k in window:
                span = self.ctx.sentence_tokens(k)
                for token in span if span is not None else []:
                    if self.ctx.in_quote(token):
                        continue
                    if token.lower_ in ("he", "him", "his"):
                        votes.setdefault(next(iter(names)), []).append("male")
                    elif token.lower_ in ("she", "her", "hers"):
                        votes.setdefault(next(iter(names)), []).append("female")
        for name, said in votes.items():
            male, female = said.count("male"), said.count("female")
            if male != female:
                self._genders[name] = "male" if male > female else "female"

    def _gender_fits(self, index: int, gender: str | None) -> bool:
        if gender is None:
            return True
        token = self.doc[index]
        words = {token.lemma_.lower()} | {c.lower_.rstrip(".") for c in token.children}
        known = next((self._genders.get(s.name or "") for i, s in self.people if i == index), None)
        if known is not None:
            return known == gender
        if gender == "male":
            return not words & FEMALE_NOUNS
        return not words & MALE_NOUNS

    # -- from a subject token to a speaker -------------------------------------------------
    def describe(self, token: Token, resolve: bool = True) -> _Speaker | None:
        lower = token.lower_
        sentence_start = token.sent.start
        if lower in PERSON_PRONOUNS:
            if not resolve:
                return None
            gender = "male" if lower in ("he", "him") else "female"
            return self._last(self.people, token.i, sentence_start, gender)
        if lower in GROUP_PRONOUNS:
            if not resolve or lower != "it":
                return None
            return self._last(self.orgs, token.i, sentence_start)
        ent = self._name_entity(token)
        if ent is not None and (token.pos_ == "PROPN" or ent.label_ == "PERSON" or not ent.start <= token.i < ent.end):
            name = self.canonical(ent.text, token.i)
            kind = "person" if ent.label_ == "PERSON" or self._is_person(name, token) else "org"
            return _Speaker(name, self.role_of(name), kind)
        if token.pos_ not in ("NOUN", "PRON", "NUM", "ADJ"):
            return None
        lemma = token.lemma_.lower()
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if (possessor is not None and lemma in ORGANISATION_NOUNS and lemma not in PERSON_NOUNS
                and self._entity_of(possessor) is not None):
            return _Speaker(self.doc[possessor.left_edge.i:token.i + 1].text, None, "org")
        is_person = lemma in PERSON_NOUNS or token.lower_.endswith("year-old")
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        if not is_person:
            if lemma in ORGANISATION_NOUNS and determiner == "the" and resolve:
                return self._definite(token, lemma, "org")
            if token.pos_ == "NOUN" and resolve:
                return _Speaker(None, self._phrase(token), "other")
            return None
        if (determiner == "the" or possessor is not None) and resolve:
            return self._definite(token, lemma, "person")
        return _Speaker(None, self._phrase(token), "person")

    def _definite(self, token: Token, lemma: str, kind: str) -> _Speaker | None:
        """``the minister``: an earlier phrase with the same noun, a speaker so described, or the last one."""
        for i, head_lemma, speaker in reversed(self.described):
            if i < token.i and head_lemma == lemma:
                return speaker
        age = re.match(r"(\d+)-year-old", token.lower_)
        if age:
            return self._aged(age.group(1), token.i)
        for actor in self.actors:
            role = (actor.role or self.role_of(actor.name) or "").lower()
            if lemma in role.split():
                return _Speaker(actor.name, actor.role or self.role_of(actor.name), kind)
        spoken = [s for i, s in sorted(self.speakers.items()) if i < token.i and s.kind == kind]
        if spoken:
            return spoken[-1]
        items = self.people if kind == "person" else self.orgs
        return self._last(items, token.i, token.sent.start)

    def _aged(self, age: str, before: int) -> _Speaker | None:
        """``the 52-year-old``: the person introduced as ``Name, 52,``."""
        for ent in reversed(self._ents):
            following = [t.text for t in self.doc[ent.end:ent.end + 3]]
            if ent.start < before and age in following:
                name = self.canonical(ent.text, ent.start)
                return _Speaker(name, self.role_of(name), "person")
        return self._last(self.people, before, self.doc[before].sent.start)

    def subject_of(self, verb: Token) -> Token | None:
        if verb.lower_ == "according":
            to = next((c for c in verb.children if c.lower_ == "to"), None)
            if to is not None:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        current, hops = verb, 0
        while hops < 4:
            subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and not self.ctx.in_quote(c)]
            subject = min(subjects, key=lambda c: abs(c.i - current.i)) if subjects else None
            if subject is not None:
                return subject
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                return current.head
            if current.dep_ not in CLIMB_DEPS or current.head.i == current.i or self.ctx.in_quote(current.head):
                break
            current, hops = current.head, hops + 1
        return self._nearby_name(verb)

    def _nearby_name(self, verb: Token) -> Token | None:
        """Parser gave the verb no subject: the name just before it (``..., Chief Executive X said``)."""
        sent = verb.sent
        before = [e for e in self._ents if sent.start <= e.start and verb.i - 3 <= e.end <= verb.i
                  and (e.root.dep_ != "pobj" or e.label_ == "PERSON")]
        if before:
            return before[-1].root
        if verb.i > 0 and self.doc[verb.i - 1].text == ",":  # "X, chairman of Y, told reporters"
            named = [e for e in self._ents if sent.start <= e.start and e.end < verb.i
                     and self.doc[e.end].text == "," and self._titled(e.root)]
            if named:
                return named[-1].root
        after = [e for e in self._ents if verb.i < e.start <= verb.i + 2 and e.end <= sent.end]
        return after[0].root if after else None

    def speaker_of_verb(self, verb: Token) -> _Speaker | None:
        sent = verb.sent
        age = AGE_BEFORE.search(self.ctx.text[sent.start_char:verb.idx])
        subject = self.subject_of(verb)
        if age is not None and (subject is None or subject.i < sent.start):
            speaker = self._aged(age.group(1), verb.i)
        elif subject is None:
            return None
        else:
            speaker = self.describe(subject)
        if speaker is not None:
            self.speakers[verb.i] = speaker
        return speaker


# ------------------------------------------------------------------ public entry point

def _pick_verb(ctx: _Context, candidate: _Candidate, first: int, last: int) -> Token | None:
    """The reporting verb that introduces this quote: governs it, or stands closest to it."""
    span = candidate.span
    inner = [t for t in ctx.tokens_between(span.start, span.end) if not t.is_punct]
    verbs = [v for s in range(first, last + 1) for v in ctx.reporting_verbs(s)]
    if not verbs or not inner:
        return None
    inner_ids = {t.i for t in inner}
    roots = [t for t in inner if t.head.i not in inner_ids or t.head.i == t.i]

    def depth(verb: Token) -> int:
        """How far up the tree from the quote's root the verb sits (99: not above it)."""
        best = 99
        for root in roots:
            for level, ancestor in enumerate(root.ancestors):
                if ancestor.i == verb.i:
                    best = min(best, level)
                    break
        return best

    def distance(verb: Token) -> int:
        if verb.idx < span.start:
            return span.start - verb.idx
        return verb.idx - span.end

    usable = [v for v in verbs
              if depth(v) < 99 or (v.lemma_.lower() not in WEAK_REPORTING_VERBS
                                   and v.dep_ not in ("relcl", "amod", "acl"))]
    if not usable:
        return None
    return min(usable, key=lambda v: (depth(v) > 3, distance(v)))


def extract_quotes(analysed: AnalysedArticle, actors: list[Actor]) -> tuple[list[Quote], list[Statement]]:
    """Direct quotes (with partial ones flagged) and reported statements, each with its speaker."""
    spans = _find_spans(analysed.text)
    ctx = _Context(analysed, spans)
    candidates = _classify(ctx, spans)
    ctx.mark_quoted([c.span for c in candidates])
    resolver = _Resolver(ctx, actors)
    quotes: list[Quote] = []
    previous: tuple[_Candidate, _Speaker | None] | None = None
    history: list[tuple[_Candidate, _Speaker | None]] = []
    for candidate in candidates:
        first = candidate.sentence
        last = _last_sentence(ctx, candidate.span)
        speaker: _Speaker | None = None
        verb = None if candidate.span.continues else _pick_verb(ctx, candidate, first, last)
        if verb is not None:
            speaker = resolver.speaker_of_verb(verb)
        elif candidate.partial and (own := _own_subject(ctx, resolver, candidate)) is not None:
            speaker = own
        elif previous is not None and (candidate.span.continues or _same_run(analysed, previous[0], candidate)):
            speaker = previous[1]
        else:
            speaker = (_transcript_name(ctx, resolver, candidate) or _from_context(ctx, resolver, candidate)
                       or _turn_taking(analysed, history, candidate))
        quotes.append(Quote(text=candidate.text, speaker=speaker.name if speaker else None,
                            role=speaker.role if speaker else None, partial=candidate.partial,
                            sentence=candidate.sentence))
        previous = (candidate, speaker)
        history.append(previous)
    return quotes, _statements(ctx, resolver)


def _last_sentence(ctx: _Context, span: _Span) -> int:
    """The sentence where the quote ends, or the next one when the parser split off ``said X``."""
    last = ctx.analysed.sentence_of_char(max(span.end - 1, span.start))
    if span.close_mark is None:
        return last
    match = re.compile(r"[ \t,]*(\w)").match(ctx.text, span.close_mark + 1)
    if match is None:
        return last
    following = ctx.analysed.sentence_of_char(match.start(1))
    if following <= last:
        return last
    if match.group(1).islower():
        return following
    head = [t for t in ctx.tokens_between(match.start(1), ctx.analysed.sentences[following].end)
            if not t.is_punct][:6]
    if ctx.text[span.end - 1] in "?!…" and any(_is_reporting(t) for t in head):
        return following  # “Is there not some risk?” Justice Samuel Alito asked.
    return last


def _transcript_name(ctx: _Context, resolver: _Resolver, candidate: _Candidate) -> _Speaker | None:
    """``Prelogar: "I can't think of ..."``: a name and a colon introduce the quote."""
    sent = ctx.analysed.sentences[candidate.sentence]
    opening = candidate.span.open_mark if candidate.span.open_mark is not None else candidate.span.start
    match = TRANSCRIPT_NAME.match(ctx.text[sent.start:opening])
    if match is None:
        return None
    name = resolver.canonical(match.group(1), ctx.tokens_between(sent.start, opening)[0].i)
    return _Speaker(name, resolver.role_of(name), "person")


def _turn_taking(analysed: AnalysedArticle, history: list[tuple[_Candidate, _Speaker | None]],
                 candidate: _Candidate) -> _Speaker | None:
    """An unattributed quote paragraph right after quote paragraphs: the exchange goes on.

    After A then B in the two paragraphs before, it is A's turn again; after a single speaker's
    paragraph, that speaker goes on.
    """
    paragraph = analysed.sentences[candidate.sentence].paragraph
    by_paragraph: dict[int, _Speaker | None] = {}
    for done, speaker in history:
        by_paragraph[analysed.sentences[done.sentence].paragraph] = speaker
    last, before = by_paragraph.get(paragraph - 1), by_paragraph.get(paragraph - 2)
    if last is None or last.name is None:
        return None
    if before is not None and before.name is not None and before.name != last.name:
        return before
    return last


def _same_run(analysed: AnalysedArticle, before: _Candidate, now: _Candidate) -> bool:
    """Quotes in one paragraph, the later one without its own reporting verb, share a speaker."""
    para_before = analysed.sentences[before.sentence].paragraph
    return para_before == analysed.sentences[now.sentence].paragraph


def _own_subject(ctx: _Context, resolver: _Resolver, candidate: _Candidate) -> _Speaker | None:
    """A partial quote with no reporting verb: the person its sentence is about, if named."""
    span = ctx.sentence_tokens(candidate.sentence)
    if span is None:
        return None
    subject = next((t for t in span if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"
                    and not ctx.in_quote(t)), None)
    found = resolver.describe(subject) if subject is not None else None
    return found if found is not None and found.name is not None else None


def _from_context(ctx: _Context, resolver: _Resolver, candidate: _Candidate) -> _Speaker | None:
    """No verb in the quote's sentence(s): the attribution of an earlier sentence of the paragraph."""
    analysed = ctx.analysed
    paragraph = analysed.sentences[candidate.sentence].paragraph
    index = candidate.sentence - 1
    while index >= 0 and analysed.sentences[index].paragraph == paragraph:
        verbs = [v for v in ctx.reporting_verbs(index) if v.lemma_.lower() not in WEAK_REPORTING_VERBS]
        if verbs:
            return resolver.speaker_of_verb(verbs[-1])
        index -= 1
    return None


def _statements(ctx: _Context, resolver: _Resolver) -> list[Statement]:
    """Reported speech: a reporting verb with a clause of what was said, outside quotation marks."""
    statements: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    non_speakers = {actor.name for actor in resolver.actors if actor.type == "place"}
    for index in range(len(ctx.analysed.sentences)):
        for verb in ctx.reporting_verbs(index):
            if verb.lemma_.lower() in WEAK_REPORTING_VERBS:
                continue
            if verb.lower_ == "according":
                clause_root = verb.head if verb.head.i != verb.i else None
                if clause_root is None or _is_reporting(clause_root):
                    continue
                tokens = [t for t in clause_root.subtree if t.i < verb.i or t.i > max(x.i for x in verb.subtree)]
                tokens = [t for t in tokens if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
            else:
                clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
                if clause is None:
                    continue
                tokens = list(clause.subtree)
            tokens = [t for t in tokens if not t.is_punct or t.i not in (tokens[0].i, tokens[-1].i)]
            while tokens and (tokens[0].lower_ == "that" or tokens[0].is_punct):
                tokens = tokens[1:]
            while tokens and tokens[-1].is_punct:
                tokens = tokens[:-1]
            if len(tokens) < 3:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            quoted = sum(1 for t in tokens if ctx.in_quote(t))
            if quoted > len(tokens) / 2 or (start, end) in seen:
                continue
            seen.add((start, end))
            speaker = resolver.speaker_of_verb(verb)
            # Reported speech is not measured against gold: keep only attributions that can be right.
            if speaker and speaker.name and (speaker.name in ctx.text[start:end]
                                             or speaker.name in non_speakers):
                continue
            statements.append(Statement(text=ctx.text[start:end], speaker=speaker.name if speaker else None,
                                        role=speaker.role if speaker else None, sentence=index))
    return statements
