"""Who said each quotation, and reported (indirect) speech.

The quotations and the reporting verbs with their sources come from the analysis layer
(:mod:`generator.analysis`: ``doc.spans["quotation"]`` and ``doc.spans["cue"]``). Here is the
reader's last question, *who is it?*: the cue that governs the quote or stands next to it gives
a source; pronouns and descriptions (``he``, ``the minister``, ``the 52-year-old``) are resolved
against the sentences before (who was the subject, who last spoke, which pronouns followed a
name); names are mapped to the canonical actor, surnames to the full name met most recently.
Without a cue, a quote goes on the paragraph's attribution, a ``Name:`` prefix, the
turn-taking of an exchange, the writer's question it answers in an interview, or the
attribution of the paragraph before. Each quote says how its speaker was found (``attribution``).

Reported speech is the clause a reporting verb governs outside quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import islice

from spacy.tokens import Token

from ..analysis.cues import SUBJECT_DEPS
from ..analysis.quotations import Quotation
from ..analysis.referents import Context, Referent, Resolver, definiteness, resolved
from ..analysis.verbs import is_reporting_verb
from ..models import Actor, Quote, Statement
from ..nlp import AnalysedArticle
from ..vocabulary import DOCUMENT_NOUNS, ORGANISATION_NOUNS, WEAK_REPORTING_VERBS

TRANSCRIPT_NAME = re.compile(r"^\s*([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3}):\s*$")


@dataclass
class _Candidate:
    span: Quotation
    text: str
    sentence: int

    @property
    def partial(self) -> bool:
        return self.span.partial

    @property
    def opening(self) -> int:
        """Where the quote opens: its opening mark, or its first character when it has none."""
        return self.span.open_mark if self.span.open_mark is not None else self.span.start


# ------------------------------------------------------------------ public entry point

def _pick_verb(ctx: Context, candidate: _Candidate, first: int, last: int) -> Token | None:
    """The reporting verb that introduces this quote: governs it, or stands closest to it.

    A verb high above the quote's root (``depth`` at most 3) wins, the closest of them; else the
    closest usable verb. The quote's ancestors are walked once, and the closest verb is found by
    bisection from the quote outwards: scoring every verb of a long sentence for each quote in
    it made such sentences quadratic.
    """
    span = candidate.span
    inner = [t for t in ctx.analysed.tokens_between(span.start, span.end) if not t.is_punct]
    verbs, lo, hi = ctx.verbs_in(first, last)
    if lo == hi or not inner:
        return None
    inner_ids = {t.i for t in inner}
    roots = [t for t in inner if t.head.i not in inner_ids or t.head.i == t.i]
    depths: dict[int, int] = {}  # token -> how far up the tree from the quote's roots it sits
    for root in roots:
        for level, ancestor in enumerate(root.ancestors):
            if level < depths.get(ancestor.i, 99):
                depths[ancestor.i] = level

    def distance(verb: Token) -> int:
        if verb.idx < span.start:
            return span.start - verb.idx
        return verb.idx - span.end

    def usable(verb: Token) -> bool:
        return verb.i in depths or (verb.lemma_.lower() not in WEAK_REPORTING_VERBS
                                    and verb.dep_ not in ("relcl", "amod", "acl"))

    positions = (ctx.verb_position(i) for i, level in depths.items() if level <= 3)
    governing = sorted(k for k in positions if k is not None and lo <= k < hi)
    if governing:
        return min((verbs[k] for k in governing), key=distance)
    # verbs are in reading order: distance falls before the quote and grows after it
    split = bisect_left(verbs, span.start, lo, hi, key=lambda verb: verb.idx)
    before = next((verbs[k] for k in range(split - 1, lo - 1, -1) if usable(verbs[k])), None)
    after = next((verbs[k] for k in range(split, hi) if usable(verbs[k])), None)
    if before is None or after is None:
        return after if before is None else before
    return before if distance(before) <= distance(after) else after


def extract_quotes(analysed: AnalysedArticle, actors: list[Actor]) -> tuple[list[Quote], list[Statement]]:
    """Direct quotes (with partial ones flagged) and reported statements, each with its speaker."""
    ctx = Context(analysed)
    candidates = [_Candidate(q, analysed.text[q.start:q.end], analysed.sentence_of_char(q.start))
                  for q in ctx.quotations]
    resolver = Resolver(ctx, actors)
    quotes: list[Quote] = []
    previous: tuple[_Candidate, Referent | None, Token | None] | None = None
    by_paragraph: dict[int, Referent | None] = {}  # speaker of each paragraph's last quote so far
    for candidate in candidates:
        first = candidate.sentence
        last = _last_sentence(ctx, candidate.span)
        speaker: Referent | None = None
        verb = _pick_verb(ctx, candidate, first, last)
        if verb is not None and ctx.cues[verb.i].turn:
            speaker = resolved(_other_party(ctx, resolver, by_paragraph, candidate))
        elif verb is not None:
            speaker = resolver.speaker_of_verb(verb)
            if speaker is not None and speaker.name is None:
                speaker = _dialogue_turn(resolver, by_paragraph, candidate, verb) or speaker
        elif candidate.partial and (own := _own_subject(ctx, resolver, candidate)) is not None:
            speaker = resolved(own)
        elif previous is not None and (candidate.span.continues or _same_run(analysed, previous[0], candidate)):
            speaker = resolved(previous[1])
            verb = previous[2]
        else:
            named = _transcript_name(ctx, resolver, candidate)
            speaker = named or resolved(_from_context(ctx, resolver, candidate)
                                         or _from_following(ctx, resolver, candidate)
                                         or _action_beat(ctx, resolver, candidate)
                                         or _turn_taking(analysed, by_paragraph, candidate)
                                         or _answer(ctx, resolver, candidate)
                                         or _carried_over(ctx, resolver, candidate))
        if speaker is None or speaker.how != "explicit":
            speaker = _self_named(resolver, candidate) or speaker
        quotes.append(Quote(text=candidate.text, speaker=speaker.name if speaker else None,
                            role=speaker.role if speaker else None, partial=candidate.partial,
                            sentence=candidate.sentence, attribution=_attribution(speaker),
                            cue=_cue_words(verb)))
        previous = (candidate, speaker, verb)
        by_paragraph[analysed.sentences[candidate.sentence].paragraph] = speaker
    quotes = _across_paragraphs(candidates, quotes)
    return quotes, _statements(ctx, resolver)


def _across_paragraphs(candidates: list[_Candidate], quotes: list[Quote]) -> list[Quote]:
    """A quote that runs over paragraphs (newspaper style: each paragraph reopens it) names its
    speaker once, often at the end: every part without a speaker takes the run's."""
    runs: list[list[int]] = []
    for k, candidate in enumerate(candidates):
        if candidate.span.continues and runs:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        named = next((quotes[k] for k in run if quotes[k].attribution == "explicit"), None)
        if named is None or len(run) == 1:
            continue
        for k in run:
            if quotes[k].speaker is None:
                quotes[k] = replace(quotes[k], speaker=named.speaker, role=named.role, attribution="resolved",
                                    cue=named.cue)
    return quotes


def _attribution(speaker: Referent | None) -> str:
    return speaker.how if speaker is not None and speaker.name is not None else "unknown"


def _cue_words(verb: Token | None) -> str | None:
    """The cue as the article words it: "said", "according to"."""
    if verb is None:
        return None
    return "according to" if verb.lower_ == "according" else verb.text.lower()


def _last_sentence(ctx: Context, span: Quotation) -> int:
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
    head = list(islice((t for t in ctx.analysed.tokens_from(match.start(1), ctx.analysed.sentences[following].end)
                        if not t.is_punct), 6))
    if ctx.text[span.end - 1] in "?!…" and any(is_reporting_verb(t) for t in head):
        return following  # “Is there not some risk?” Justice Samuel Alito asked.
    return last


def _transcript_name(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """``Prelogar: "I can't think of ..."``: a name and a colon introduce the quote."""
    sent = ctx.analysed.sentences[candidate.sentence]
    opening = candidate.opening
    last = opening
    while last > sent.start and ctx.text[last - 1].isspace():
        last -= 1
    if last == sent.start or ctx.text[last - 1] != ":":
        return None  # TRANSCRIPT_NAME ends in a colon: no need to copy a long sentence to know it fails
    match = TRANSCRIPT_NAME.match(ctx.text[sent.start:opening])
    if match is None:
        return None
    name = resolver.canonical(match.group(1), ctx.analysed.tokens_between(sent.start, opening)[0].i)
    return Referent(name, resolver.role_of(name), "person")


def _turn_taking(analysed: AnalysedArticle, by_paragraph: dict[int, Referent | None],
                 candidate: _Candidate) -> Referent | None:
    """An unattributed quote paragraph right after quote paragraphs: the exchange goes on.

    After A then B in the two paragraphs before, it is A's turn again; after a single speaker's
    paragraph, that speaker goes on. ``by_paragraph`` holds the speaker of the last quote of
    each paragraph so far (kept up to date by the caller, not rebuilt from all quotes each time).
    """
    last, before = _exchange(by_paragraph, analysed.sentences[candidate.sentence].paragraph)
    if last is None:
        return None
    return before if before is not None and before.name != last.name else last


def _exchange(by_paragraph: dict[int, Referent | None], paragraph: int) -> tuple[Referent | None, Referent | None]:
    """The named speakers of the two quote paragraphs before ``paragraph`` (the last one first)."""
    last, before = by_paragraph.get(paragraph - 1), by_paragraph.get(paragraph - 2)
    return (last if last is not None and last.name else None,
            before if before is not None and before.name else None)


def _other_party(ctx: Context, resolver: Resolver, by_paragraph: dict[int, Referent | None],
                 candidate: _Candidate) -> Referent | None:
    """``"...," came the reply``: the one of the exchange who did not speak last — the speaker
    before the last, else the person named most recently (within a few sentences) who is not
    the last speaker."""
    paragraph = ctx.analysed.sentences[candidate.sentence].paragraph
    last, before = _exchange(by_paragraph, paragraph)
    if last is None:
        return None
    if before is not None and before.name != last.name:
        return before
    start = ctx.analysed.first_token_from(candidate.span.start)
    return resolver.latest_person(start, sentences_back=6, other_than=last.name)


def _dialogue_turn(resolver: Resolver, by_paragraph: dict[int, Referent | None], candidate: _Candidate,
                   verb: Token) -> Referent | None:
    """``"Every day," the patriarch added`` in an exchange of A then B: a description that names
    no one earlier is A's turn (kept as the role)."""
    source = resolver.subject_of(verb)
    if source is None or source.pos_ != "NOUN" or source.tag_ != "NN" or definiteness(source) != "Def":
        return None
    if source.lemma_.lower() in DOCUMENT_NOUNS or source.lemma_.lower() in ORGANISATION_NOUNS:
        return None
    last, before = _exchange(by_paragraph, resolver.analysed.sentences[candidate.sentence].paragraph)
    if last is None or before is None or before.name == last.name:
        return None
    return Referent(before.name, resolver.phrase(source), "person", "resolved")


def _same_run(analysed: AnalysedArticle, before: _Candidate, now: _Candidate) -> bool:
    """Quotes in one paragraph, the later one without its own reporting verb, share a speaker."""
    para_before = analysed.sentences[before.sentence].paragraph
    return para_before == analysed.sentences[now.sentence].paragraph


def _own_subject(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """A partial quote with no reporting verb: the person its sentence is about, if named."""
    subject = ctx.main_subject(candidate.sentence)
    found = resolver.describe(subject) if subject is not None else None
    return found if found is not None and found.name is not None else None


def _from_context(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """No verb in the quote's sentence(s): the attribution of an earlier sentence of the paragraph."""
    analysed = ctx.analysed
    index = candidate.sentence - 1
    if index < 0 or analysed.sentences[index].paragraph != analysed.sentences[candidate.sentence].paragraph:
        return None
    return _attribution_of(ctx, resolver, index)


def _attribution_of(ctx: Context, resolver: Resolver, index: int) -> Referent | None:
    """Who sentence ``index`` attributes something to, through its attributing cue."""
    verb = ctx.attributing_verb(index)
    return resolver.speaker_of_verb(verb) if verb is not None else None


def _from_following(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """``"It was a mistake." ¶ That was how Maria Alvarez described the decision``: the sentence
    right after the quote points back at it (a demonstrative opens it) and has a cue."""
    sentences = ctx.analysed.sentences
    following = _last_sentence(ctx, candidate.span) + 1
    while following < len(sentences) and not any(c.isalpha() for c in sentences[following].text):
        following += 1  # a closing mark the splitter left on its own
    if following >= len(sentences):
        return None
    span = ctx.sentence_tokens(following)
    first = next((t for t in span if not t.is_space and not t.is_punct), None) if span is not None else None
    if first is None or "Dem" not in first.morph.get("PronType") or first.head.pos_ not in ("AUX", "VERB"):
        return None
    cues = [span.doc[i] for i in range(span.start, span.end) if i in ctx.cues]
    return resolver.speaker_of_verb(cues[0]) if cues else None


def _answer(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """``But hasn't she had to turn down lots of offers?`` ¶ ``"I mean. Yes, no..."``: in an
    interview written as a feature, a paragraph that opens on a quote with no cue answers the
    writer's question of the paragraph before (a paragraph of questions, nothing quoted), and
    the one who answers is the person the question asks about (its subject: a name, or a
    pronoun resolved as any other)."""
    sentences = ctx.analysed.sentences
    asked = _paragraph_before(ctx, candidate)
    if not asked or not sentences[asked[-1]].text.rstrip().endswith("?") or any(ctx.reporting_verbs(i) for i in asked):
        return None  # a cue in it: not the writer's own question
    for index in asked:
        subject = ctx.main_subject(index) if sentences[index].text.rstrip().endswith("?") else None
        about = resolver.describe(subject) if subject is not None else None
        if _named_person(about):
            return about
    return None


def _paragraph_before(ctx: Context, candidate: _Candidate) -> range:
    """The sentences of the paragraph before the one the quote opens, when that paragraph quotes
    nothing; empty when the quote does not open its paragraph."""
    sentences = ctx.analysed.sentences
    here = sentences[candidate.sentence]
    last = candidate.sentence - 1
    if last < 0 or sentences[last].paragraph != here.paragraph - 1 or ctx.text[here.start:candidate.opening].strip():
        return range(0)
    first = last
    while first > 0 and sentences[first - 1].paragraph == sentences[last].paragraph:
        first -= 1
    return range(0) if ctx.quoted_within(sentences[first].start, sentences[last].end) else range(first, last + 1)


def _carried_over(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """``He also attacked state programs that he argues indoctrinate children.`` ¶ ``"Families did
    not ask for this."``: a paragraph that opens on a quote with no cue goes on the attribution
    of the paragraph before it, when that one quotes nothing and its last cue names a person."""
    for index in reversed(_paragraph_before(ctx, candidate)):
        if ctx.attributing_verb(index) is not None:
            speaker = _attribution_of(ctx, resolver, index)
            return speaker if _named_person(speaker) else None
    return None


def _named_person(referent: Referent | None) -> bool:
    return referent is not None and referent.name is not None and referent.kind == "person"


SELF_NAMING = re.compile(r"(?:^|[\s(“\"])I,\s+((?:[A-Z][\w'’.-]+\s?){1,4}),|\b[Mm]y name is ((?:[A-Z][\w'’-]+\s?){1,4})")


def _self_named(resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """``"I, Seddique Mateen, am declaring myself a candidate"``: the quote names its speaker."""
    match = SELF_NAMING.search(candidate.text)
    if match is None:
        return None
    name = resolver.canonical((match.group(1) or match.group(2)).strip())
    return Referent(name, resolver.role_of(name), "person")


def _action_beat(ctx: Context, resolver: Resolver, candidate: _Candidate) -> Referent | None:
    """``"It's not like I have boxes of scripts." Wiig looks mortified.``, ``Tuberville was blunt:
    "..."``: in a feature, a quote with no cue goes to the person a sentence right beside it (or
    the clause introducing it with a colon) is about (its subject, or the owner of
    its subject: "Her expression fixes"), when that sentence, in the quote's paragraph, names
    one person only."""
    analysed = ctx.analysed
    paragraph = analysed.sentences[candidate.sentence].paragraph
    last = _last_sentence(ctx, candidate.span)
    opening = candidate.opening
    introduced = ctx.text[analysed.sentences[candidate.sentence].start:opening].rstrip().endswith(":")
    for index in (candidate.sentence, last + 1, candidate.sentence - 1):
        if not 0 <= index < len(analysed.sentences) or analysed.sentences[index].paragraph != paragraph:
            continue
        if index == candidate.sentence and not introduced:
            continue  # "Tuberville was blunt: “...”": the clause before the colon introduces it
        if (index != candidate.sentence and index in (candidate.sentence, last)) or ctx.reporting_verbs(index):
            continue
        if index == candidate.sentence:
            subject = next((t for t in ctx.analysed.tokens_between(analysed.sentences[index].start, opening)
                            if t.dep_ in SUBJECT_DEPS and not ctx.in_quote(t)), None)
        else:
            subject = ctx.main_subject(index)
        if subject is None:
            continue
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        about = resolver.describe(owner if subject.pos_ == "NOUN" and owner is not None else subject)
        if about is not None and about.name is not None and about.kind == "person":
            span = ctx.sentence_tokens(index)
            others = {ent.text for ent in analysed.ents_within(span.start, span.end)
                      if ent.label_ == "PERSON"} if span is not None else set()
            if len({resolver.canonical(name) for name in others} - {about.name}) == 0:
                return about
    return None


def _statements(ctx: Context, resolver: Resolver) -> list[Statement]:
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
                if clause_root is None or is_reporting_verb(clause_root):
                    continue
                verb_end = max(x.i for x in verb.subtree)
                tokens = [t for t in clause_root.subtree if t.i < verb.i or t.i > verb_end]
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
                                        role=speaker.role if speaker else None, sentence=index,
                                        attribution=_attribution(speaker), cue=_cue_words(verb)))
    return statements
