"""Timeline: dated events, dates resolved against the article's date and the verb's tense.

spaCy finds the date words (DATE entities, and TIME entities that name a day); ``dates.py`` turns
them into calendar dates. The tense comes from the verb that governs the date phrase, so "on
Friday emphasized" looks back and "expects on Sunday to advance" looks ahead. The event is that
verb's clause in the article's own words, without the date phrase and with long side clauses cut
(never the verb's own complement: "Boehner was asked" alone says nothing).

Each event says what kind of thing it is (``Event.kind``, :data:`generator.models.EVENT_KINDS`),
from the same parse: ``conditional`` when it hangs on an "if"/"unless" clause, ``expected`` for a
forecast, a hope or a "will" ("could see rain", "is expected to reach", "will travel"),
``planned`` for an intent or a schedule ("plans to cut", "is set to open", "votes on Tuesday"),
else ``happened``. Only what happened is history; the page labels the rest.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from ..analysis.actor_roles import FINITE_VERBS
from ..analysis.index import is_relative_pronoun
from ..analysis.quotations import quoted_alone
from ..models import Event
from ..nlp import AnalysedArticle
from ..vocabulary import (
    CONDITIONAL_WORDS,
    FORECAST_WORDS,
    FUTURE_AUX,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    SCHEDULE_WORDS,
    SPEAKER_DAYS,
)
from .dates import FUTURE, NEAREST, PAST, WEEKDAYS, is_duration, resolve_date

NEAR_WINDOW_DAYS = 92
BARE_YEAR = re.compile(r"^(?:18|19|20)\d\d$")
DAY_WORDS = set(WEEKDAYS) | SPEAKER_DAYS
SIDE_CLAUSES = {"advcl", "relcl", "parataxis", "conj", "cc", "appos"}
MAX_EVENT_TOKENS = 22
# A fragment is replaced by its whole sentence when the sentence has at most this many words.
MAX_SENTENCE_WORDS = 35
# What a "be" says of its subject, besides a date: "was a winner", "was in Washington".
PREDICATE_DEPS = {"attr", "acomp", "prep", "oprd", "advmod", "npadvmod", "ccomp", "xcomp"}
MIN_EVENT_WORDS = 4
# "SAN FRANCISCO (AP) — ", "Washington (CNN) -- ", "SEOUL, Aug. 20 (Yonhap) -- ": not part of any event.
DATELINE = re.compile(r"^[A-Za-z .,'0-9]{0,40}\([A-Za-z .0-9]+\)\s*(?:—|–|--|-)\s*")


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse (the date phrase's clause)."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def tense_direction(verb: Token | None) -> int:
    """PAST, FUTURE or NEAREST: which way a relative date points from the article's date."""
    if verb is None:
        return PAST
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.lower_ in FUTURE_AUX for aux in auxiliaries):
        return FUTURE
    if any(aux.lower_ == "going" for aux in auxiliaries):
        return FUTURE
    if verb.tag_ in ("VBD",) or any(aux.tag_ == "VBD" or aux.lower_ in ("has", "have", "had")
                                    for aux in auxiliaries):
        return PAST
    if verb.tag_ == "VBN":
        return PAST
    if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.i != verb.i:
        head_direction = tense_direction(verb.head)
        return FUTURE if verb.head.tag_ in ("VBZ", "VBP") else head_direction
    if verb.tag_ == "VBG" and not any(aux.lemma_ == "be" for aux in auxiliaries):
        return NEAREST  # "under fire for indicating in late June": a gerund has no tense of its own
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return FUTURE
    return PAST


def _date_phrase(ent: Span) -> set[int]:
    """Token indices of the date words plus the preposition that introduces them."""
    indices = set(range(ent.start, ent.end))
    if ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS":
        indices.add(ent.end)
    root = ent.root
    if root.dep_ == "compound" and root.head.ent_type_ in ("TIME", "DATE"):
        root = root.head  # "on Tuesday afternoon": the day names the afternoon
        indices.add(root.i)
    head = root.head
    if head.dep_ == "prep" and root.dep_ == "pobj" and head.i < ent.start or root.dep_ == "pobj" and head.pos_ == "ADP":
        indices |= {t.i for t in head.subtree}
    for token in ent:
        for child in token.children:
            if child.i not in indices and child.dep_ in ("det", "amod", "advmod", "npadvmod"):
                indices |= {t.i for t in child.subtree}
    return indices


def _described_noun(verb: Token) -> Token | None:
    """The noun a reduced or full relative clause describes ("support pledged during ...")."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return verb.head
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    previous = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBN" and subjectless and previous is not None and previous.pos_ in ("NOUN", "PROPN"):
        return previous
    return None


def _event_span(verb: Token) -> set[int] | None:
    """For a relative clause, the noun phrase it describes followed by the clause, as one span."""
    noun = _described_noun(verb)
    if noun is None:
        return None
    for _ in range(2):
        if noun.pos_ != "NUM" and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "of") \
                and noun.head.head.pos_ in ("NOUN", "NUM"):
            noun = noun.head.head
        else:
            break
    start = min(t.i for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("relcl",))
    while start < noun.i and noun.doc[start].dep_ in ("det", "punct", "cc"):
        if noun.doc[start].dep_ == "det" and noun.doc[start].lower_ not in ("which", "that"):
            break
        start += 1
    return set(range(start, verb.right_edge.i + 1))


def event_clause(analysed: AnalysedArticle, verb: Token | None, sentence: int, dropped: set[int]) -> str:
    """The verb's clause, article words only, minus the date phrase, trimmed to a short clause."""
    if verb is None:
        return analysed.sentences[sentence].text
    head = verb
    if head.dep_ in ("xcomp",) and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    for _ in range(3):  # "... more carbon than it emits by 2030": the clause "it emits" is too small alone
        small = len([t for t in head.subtree if t.i not in dropped and t.is_alpha]) < MIN_EVENT_WORDS
        if not small or head.head.i == head.i:
            break
        head = head.head
    if head.lemma_ == "be" and not any(c.dep_ in PREDICATE_DEPS and c.i not in dropped for c in head.children):
        # "The last coast-wide strike was in 1977": the date is what the clause says; it stays
        dropped = dropped - {t.i for c in head.children if c.i in dropped for t in c.subtree}
    span = _event_span(head)
    keep = (span if span is not None else {t.i for t in head.subtree}) - dropped
    if span is not None:
        keep -= {t.i for t in head.head.children if t.dep_ == "punct"}
    for child in head.children:
        if child.dep_ in ("mark", "cc", "punct") and child.i < head.i:
            keep -= {t.i for t in child.subtree}
    if len(keep) > MAX_EVENT_TOKENS:
        for child in sorted(head.children, key=lambda c: -c.i):
            if child.dep_ in SIDE_CLAUSES and child.i > head.i:
                keep -= {t.i for t in child.subtree}
            if len(keep) <= MAX_EVENT_TOKENS:
                break
    tokens = [analysed.doc[i] for i in sorted(keep)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark") or tokens[0].lower_ in ("still", "then")
                      or (tokens[0].tag_ == "WRB" and tokens[0].dep_ == "advmod")):  # "when they won Worlds"
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "mark") or tokens[-1].lower_ in ("but", "and")):
        tokens = tokens[:-1]
    text = "".join(t.text + (" " if t.whitespace_ or (i + 1 < len(tokens) and tokens[i + 1].i != t.i + 1) else "")
                   for i, t in enumerate(tokens)).strip()
    text = tidy(text)
    if len(text.split()) < MIN_EVENT_WORDS and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        return event_clause(analysed, head.head, sentence, dropped)  # "it emits": say what it belongs to
    whole = tidy(analysed.sentences[sentence].text)
    # "C$2 billion in support pledged during …", "a security agreement reached with Ukraine": a thing
    # named with what was done to it reads alone; "the actor who won" does not
    named_thing = verb.dep_ == "acl" or (span is not None and head.dep_ != "relcl")
    if not named_thing and not _is_clause(tokens) and len(whole.split()) <= MAX_SENTENCE_WORDS:
        return whole  # "bringing the second award", "the tropics coming alive": a fragment does not read
    return text or whole


def _is_clause(tokens: list[Token]) -> bool:
    """Whether the words hold a clause that reads alone: a subject and its finite verb."""
    kept = {t.i for t in tokens}
    if tokens and tokens[0].tag_ in ("WP", "WDT"):
        return False  # "what we saw in the Dallas area": a noun clause, not an event
    for token in tokens:
        if token.dep_ in ("nsubj", "nsubjpass", "expl") and token.head.i in kept and not is_relative_pronoun(token):
            verb = token.head
            if verb.tag_ in FINITE_VERBS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_VERBS and c.i in kept
                                               for c in verb.children):
                return True
    return False


def tidy(text: str) -> str:
    """Close the gaps left by cut-out words: no space before punctuation, no dangling commas."""
    text = DATELINE.sub("", text)
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = re.sub(r'\s*["“”]\s*', " ", text)  # a quotation cut in half by the clause: drop its marks
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:.])+", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"[,;]?\s*\b(?:but|and|or)$", "", text.strip(" ,;:—–-").rstrip(".").strip())
    return text.strip(" ,;:—–-")


def _quoted(analysed: AnalysedArticle, ent: Span) -> tuple[bool, bool]:
    """(inside a quotation, is itself a quoted title such as the film “1917”), from the
    quotations layer."""
    return analysed.in_quotation(ent.start), quoted_alone(analysed.doc, ent.start, ent.end)


def _attached_to_noun(ent: Span) -> bool:
    """A date that dates a thing ("the Oscars on Feb. 9"), not the clause's verb."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") and ent.root.dep_ not in ("npadvmod",)


def _dated_thing(analysed: AnalysedArticle, ent: Span, dropped: set[int]) -> str:
    """ "condemned the bombings of the weekend that killed 40 people": the date dates the bombings,
    which a clause of their own describes, not the condemnation. The noun phrase, or "" when the
    date is not on a noun so described."""
    if not _attached_to_noun(ent):
        return ""
    noun = ent.root.head.head if ent.root.dep_ == "pobj" and ent.root.head.dep_ == "prep" else ent.root.head
    # a clause the parser hung on the date word describes the noun: "the bombings of the weekend that killed"
    described = [c for c in (*noun.children, *ent.root.children) if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
    if not described:
        return ""
    clauses = {t.i for c in described for t in c.subtree}
    phrase = [t for t in noun.subtree if t.i not in dropped or t.i in clauses]
    text = tidy("".join(t.text_with_ws for t in phrase))
    return text if len(text.split()) >= MIN_EVENT_WORDS else ""


def _bare_years(doc: Doc, date_ents: list[Span]) -> list[Span]:
    """Years the recogniser left inside a name or a list: "won Worlds 2013, 2015, and 2016"."""
    taken = {i for ent in date_ents for i in range(ent.start, ent.end)}
    return [Span(doc, token.i, token.i + 1, label="DATE") for token in doc
            if token.i not in taken and BARE_YEAR.match(token.text)
            and (token.dep_ != "nummod" or token.ent_type_ == "EVENT" or _after_name(token))
            and token.ent_type_ not in ("MONEY", "QUANTITY", "PERCENT")]


def _after_name(token: Token) -> bool:
    """ "Worlds 2023 playoffs": a year that follows a name dates it."""
    return token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN" and token.doc[token.i - 1].ent_type_ != "ORG"


def _first_day(resolved: str) -> date:
    parts = [int(part) for part in resolved.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _after(resolved: str | None, anchor: date | None) -> bool:
    """The date begins after the article was written: whatever the tense, not yet history."""
    return bool(resolved and anchor and _first_day(resolved) > anchor)


def _reports_the_past(verb: Token | None) -> bool:
    """A quotation dates an event only when it tells what happened ("We signed it on Tuesday")."""
    if verb is None:
        return False
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _conditional(token: Token) -> bool:
    """The clause is an "if"/"unless" clause, or hangs on one, and is not told in the past: "will
    intervene if the talks fail" is conditional, "was asked if they would campaign" is not."""
    if token.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children):
        return False
    clauses = [token] + [c for c in token.children if c.dep_ == "advcl"]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_WORDS for m in c.children)
               for c in clauses)


def _compared(token: Token) -> bool:
    """ "than it emits by 2030": the standard of a comparison, whose kind is its main clause's."""
    return token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "than" for m in token.children)


def _someone_acts(verb: Token) -> bool:
    """ "Moscow will start loading", "the council will vote", "will be launched": an actor's own
    step (a plan), not "the earth will pass 1.5°C" (a forecast)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True  # someone will do it
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.pos_ in ("PRON", "PROPN") or bool(subject.ent_type_)
                                    or subject.lower_ in PERSON_NOUNS | ORGANISATION_NOUNS)


def _before(resolved: str | None, anchor: date | None) -> bool:
    """The date is a period that ended before the article's date ("June" in a July article)."""
    return bool(resolved and anchor and resolved < anchor.isoformat()[:len(resolved)])


def event_kind(verb: Token | None, resolved: str | None, anchor: date | None, on_a_noun: bool = False) -> str:
    """Happened, planned, expected or conditional: from the verb that governs the date, the verbs it
    completes ("plans to cut", "is expected to reach", "is likely to see") and their auxiliaries;
    ``on_a_noun``: the date dates a thing ("the Oscars on Feb. 9"), which the calendar plans."""
    after = _after(resolved, anchor)
    if on_a_noun and after:
        return "planned"
    if verb is None:
        return "expected" if after else "happened"
    chain = [verb]
    while (chain[-1].dep_ in ("xcomp", "conj") or _compared(chain[-1])) and chain[-1].head.i != chain[-1].i \
            and len(chain) < 4:
        chain.append(chain[-1].head)  # "plans to cut", "will pass … and exceed", "aims to remove more than it emits by"
    if any(_conditional(token) for token in chain):
        return "conditional"
    auxiliaries = [c.lower_ for token in chain for c in token.children if c.dep_ in ("aux", "auxpass")]
    # the verbs the date's verb completes ("plans" of "plans to cut"), not one it is only joined to
    # ("said … and plans": the saying is no plan)
    heads = [above.lemma_.lower() for below, above in pairwise(chain) if below.dep_ != "conj"] + [
        c.lemma_.lower() for token in chain for c in token.children if c.dep_ == "acomp"]
    if any(word in FORECAST_WORDS for word in auxiliaries + heads):
        return "expected"
    if any(word in SCHEDULE_WORDS for word in auxiliaries + heads):
        return "planned"
    if any(word in FUTURE_AUX for word in auxiliaries):
        acting = next((t for t in chain if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), verb)
        return "planned" if _someone_acts(acting) else "expected"
    present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children))
    if present and resolved and not _before(resolved, anchor) and (after or verb.tag_ == "VBG"):
        return "planned"  # "the council votes on Tuesday", "is launching in January": a schedule
    return "expected" if after else "happened"


def _is_day_time(ent: Span) -> bool:
    return any(token.lower_ in DAY_WORDS for token in ent)


def extract_timeline(analysed: AnalysedArticle) -> list[Event]:
    """Every dated event, sorted by date; relative dates stay unresolved when the article is undated."""
    anchor = analysed.article.date
    events = []
    date_ents = [ent for ent in analysed.doc.ents
                 if ent.label_ == "DATE" or (ent.label_ == "TIME" and _is_day_time(ent))]
    date_ents = sorted(date_ents + _bare_years(analysed.doc, date_ents), key=lambda e: e.start)
    first = analysed.sentences[0] if analysed.sentences else None
    dateline = DATELINE.match(first.text) if first else None
    dateline_end = first.start + dateline.end() if first and dateline else 0
    all_dates = set()
    for ent in date_ents:  # only the date words that date something; "three weeks in a coma" stays
        if not _quoted(analysed, ent)[1] and not is_duration(ent.text) and (
                resolve_date(ent.text, anchor or date(2000, 1, 1)) or any(BARE_YEAR.match(t.text) for t in ent)):
            all_dates |= _date_phrase(ent)
    for ent in date_ents:
        text = ent.text.strip()
        if is_duration(text) or text.isdigit() and len(text) != 4:
            continue
        if ent.start_char < dateline_end:
            continue  # "SEOUL, Aug. 20 (Yonhap) --": when the story was filed, not an event
        inside_quote, title = _quoted(analysed, ent)
        if title or (inside_quote and any(t.lower_ in SPEAKER_DAYS for t in ent)):
            continue  # a film called “1917”; "today" in a quotation is the speaker's day
        verb = governing_verb(ent.root)
        if inside_quote and not _reports_the_past(verb):
            continue  # "We will be lucky to be in business next year": the speaker's hope, no event
        # "is expected to reach on Saturday", "is set to open Friday": a forecast or a plan points ahead
        ahead = event_kind(verb, None, None) != "happened"
        resolved = resolve_date(text, anchor, FUTURE if ahead else tense_direction(verb))
        month_day = bool(re.search(r"[A-Za-z]{3}.*\d|\d.*[A-Za-z]{3}", text)) and not re.search(r"\d{4}", text)
        if (month_day or _attached_to_noun(ent)) and anchor is not None:
            nearest = resolve_date(text, anchor, NEAREST)
            if nearest and abs((_first_day(nearest) - anchor).days) <= NEAR_WINDOW_DAYS:
                resolved = nearest  # "the Oscars on Feb. 9": the coming one, whatever the verb
        sentence = analysed.sentence_of_token(ent.start)
        years = [t for t in ent if BARE_YEAR.match(t.text)]
        if resolved is None and years:  # "2013, 2015" or "Worlds 2017": one entry per year named
            clause = event_clause(analysed, verb, sentence, all_dates)
            events.extend(Event(date=t.text, text=clause, sentence=sentence, date_text=t.text,
                                kind=event_kind(verb, t.text, anchor)) for t in years)
            continue
        if resolved is None and anchor is not None:
            continue  # a vague or unparseable date ("the years", "that day", "the 2000s")
        if resolved is None and not (_is_day_time(ent) or any(w in text.lower() for w in ("week", "month", "year"))):
            continue
        events.append(Event(
            date=resolved,
            text=_dated_thing(analysed, ent, all_dates) or event_clause(analysed, verb, sentence, all_dates),
            sentence=sentence,
            date_text=text,
            kind=event_kind(verb, resolved, anchor, _attached_to_noun(ent)),
        ))
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.sentence))
