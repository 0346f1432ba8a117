"""Headline and summary, both cut from the article's own words."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..nlp import AnalysedArticle
from ..vocabulary import (
    AGE_WORDS,
    CONDITIONAL_WORDS,
    EXCEPTIVE_PREPS,
    FIGURE_LABELS,
    MEANING_ADJECTIVES,
    MEANING_ADVERBS,
    PARTITIVE_NOUNS,
    PERFECT_ADVERBS,
    PERSON_NOUNS,
    RECENT_TIME_WORDS,
    ROLE_WORDS,
    TENSE_KEPT_VERBS,
    TIMELINE_REPORTING_VERBS,
)

# A wire dateline is not news: "SAN FRANCISCO (AP) — ", "Washington (CNN) -- ", "(CNN) -- ",
# "SEOUL, Aug. 20 (Yonhap) -- ", "MONTGOMERY, Ala. -- ", "NEW YORK--".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z0-9.,'’ ]{0,40}?)?\s*(?P<agency>\([A-Za-z0-9.,' ]{1,30}\))?\s*"
    r"(?:--|—|–|\s-\s)\s*")


def dateline_length(text: str) -> int:
    """How many leading characters of ``text`` are a dateline (0 when there is none)."""
    match = DATELINE.match(text)
    if not match:
        return 0
    place = (match.group("place") or "").strip(" ,")
    first_word = place.split(",")[0].replace(".", "")
    return match.end() if match.group("agency") or (first_word and first_word.isupper()) else 0


def without_dateline(text: str) -> str:
    return text[dateline_length(text):]


def lead_sentence(analysed: AnalysedArticle) -> int:
    """The first sentence with news in it (a dateline alone is not)."""
    for sentence in analysed.sentences[:2]:
        if len(without_dateline(sentence.text).split()) >= 4:
            return sentence.index
    return 0


def lead_clause(analysed: AnalysedArticle) -> str:
    """The lead sentence without its dateline and without appositions of its subject ("Steve Jobs,
    the mind behind …, resigned" → "Steve Jobs resigned"): the article's words, in their order."""
    if not analysed.sentences:
        return ""  # an article of blank lines: nothing to lead with
    sentence = analysed.sentences[lead_sentence(analysed)]
    skip = dateline_length(sentence.text)
    span = analysed.sentence_span(sentence.index)
    if span is None:
        return sentence.text[skip:]
    dropped = {t.i for t in span if t.idx < sentence.start + skip}
    for token in span:
        if token.i in dropped:
            continue
        head = token.head
        if (token.dep_ == "appos" and head.dep_ in ("nsubj", "nsubjpass") and head.i not in dropped
                and head.i < token.i):
            subtree = list(token.subtree)
            dropped.update(t.i for t in subtree)
            for edge in (subtree[0].i - 1, subtree[-1].i + 1):
                if span.start <= edge < span.end and span.doc[edge].text in (",", "—", "–"):
                    dropped.add(edge)
    kept = [t for t in span if t.i not in dropped]
    words = "".join(t.text + (t.whitespace_ if t.i + 1 not in dropped else " ") for t in kept)
    return " ".join(words.split())


# ---------------------------------------------------------------------------------------------
# The headline: deletion-based compression of the lead sentence (Filippova & Strube 2008)
# ---------------------------------------------------------------------------------------------
#
# The lead sentence's dependency tree is pruned: each dependent either stays with its head
# (subject, verb, auxiliaries and negation, objects and complements, the words inside a noun
# phrase), is always dropped (appositions set off by punctuation, relative clauses, parentheses,
# asides, adverbial clauses, "according to", dates that only say "lately", a reporting verb
# around what was reported), or is an option (other prepositional phrases, adverbs, participle
# phrases, coordinated clauses). The options are chosen to keep the most significant words
# within HEADLINE_CHARS: a word counts more the more often the article repeats it, a name or a
# number more; each character costs LENGTH_COST. The tree makes the choice a small tree knapsack,
# solved exactly. Conditions, negations, modals, hedges and numbers inside the kept phrases never
# go, and every word comes from the lead sentence, in its order; only the main verb may change to
# the headline's present tense ("resigned", "has resigned" → "resigns").

HEADLINE_CHARS = 80
# Cost of a character of headline, against a word's significance (1 for a word the article does
# not repeat): at 0.05 an unrepeated word pays for 20 characters, so the headline says what it can
# in HEADLINE_CHARS rather than as little as it can. Chosen on tests/gold (0 to 0.1 measured there).
LENGTH_COST = 0.05
# Weight of an option by what it is: a date or an adverb says less than a phrase of its length,
# the first phrase of a verb with no object is most likely its argument ("are coming to
# smartphones"), a phrase with a number may be the news.
DATED, ADVERB, PARTICIPLE, LOOSE, TITLE, ADJECTIVE = 0.6, 0.5, 0.8, 0.5, 1.0, 0.8
ARGUMENT, FIGURE, OF_PHRASE = 2.0, 2.0, 1.5
# A relative clause not set off by commas says which thing is meant ("the kind of summer one
# might imagine to be life-changing"): an option, weighed like a phrase the verb needs.
RESTRICTIVE = 2.0
# A content word's significance: WORD_VALUE, and REPEAT_VALUE for each doubling of the times the
# rest of the article repeats its lemma (a word the article keeps using is what it is about).
WORD_VALUE, REPEAT_VALUE = 1.0, 1.0

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"})
TIME_LABELS = frozenset({"DATE", "TIME"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The phrases whose plain adjectives a headline may leave out: the subject's, the object's.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
COMPLEMENT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What hangs on a phrase rather than modifying its word: "the day" of "the day of the vote".
PHRASE_BREAKS = frozenset({"prep", "acl", "relcl", "appos", "conj", "cc", "advcl", "punct", "parataxis"})
# Dependents always dropped, whatever they hold.
DROPPED_DEPS = frozenset({"relcl", "parataxis", "intj", "meta"})
OPENING_QUOTES = frozenset({"“", "‘", "«"})
CLOSING_QUOTES = frozenset({"”", "’", "»"})
BRACKETS = {"(": ")", "[": "]"}
DASHES = frozenset({"--", "—", "–"})
HYPHENS = frozenset({"-", "‐", "–"})
# Punctuation a headline never ends on (a question or an exclamation it keeps).
TRAILING = frozenset({".", ",", ";", ":", "--", "—", "–", "-"})


@dataclass
class _Unit:
    """A piece of the tree kept or dropped whole: its own words and the options under it."""

    parent: int
    weight: float
    tokens: list[int] = field(default_factory=list)
    children: list[int] = field(default_factory=list)


def headline(analysed: AnalysedArticle) -> str:
    """The article's title when it has one, else its lead sentence compressed: the subject, the
    main verb and what it acts on, at most HEADLINE_CHARS characters, never cut with an ellipsis."""
    if analysed.article.title:
        return analysed.article.title
    if not analysed.sentences:
        return ""  # an article of blank lines: nothing to lead with
    return _Compression(analysed).headline()


def third_person(lemma: str) -> str:
    """The third-person singular present of a regular verb: resign → resigns, deny → denies."""
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


class _Compression:
    """The lead sentence (without its dateline) as a tree of the words a headline may keep."""

    def __init__(self, analysed: AnalysedArticle) -> None:
        self.analysed = analysed
        index = lead_sentence(analysed)
        sentence = analysed.sentences[index]
        self.sentence_text = without_dateline(sentence.text)
        span = analysed.sentence_span(index)
        start = sentence.start + dateline_length(sentence.text)
        self.tokens: list[Token] = [] if span is None else [
            t for t in span if t.idx >= start and not t.is_space]
        self.order = {t.i: position for position, t in enumerate(self.tokens)}
        self.head: dict[int, int] = {}
        self.dep: dict[int, str] = {}
        self.children: dict[int, list[int]] = {t.i: [] for t in self.tokens}
        self.dropped: set[int] = set()
        self.verb_text: dict[int, str] = {}  # the main verb in the headline's tense
        self.loose = False  # when nothing else fits: the names of a list may go too
        self._bounds: dict[int, tuple[int, int]] = {}
        self.root = self._link() if self.tokens else -1
        if self.root >= 0:
            self._drop_asides()
            self._reattach_loose_appositions()
            self._mend_ages()
            self._mend_noun_root()
            self._drop_attribution()
            self._drop_fronted_clause()
            self._headline_tense()
        self.frequency = Counter(t.lemma_.lower() for t in analysed.doc
                                 if t.pos_ in CONTENT_POS and t.i not in self.order)

    # -- the tree ------------------------------------------------------------------------------

    def token(self, i: int) -> Token:
        return self.analysed.doc[i]

    def _link(self) -> int:
        """Heads and labels within the kept words: a word whose head is in the dateline takes the
        dateline word's place ("SAN FRANCISCO (AP) — Steve Jobs, …, resigned": Jobs is the subject)."""
        tops = []
        for t in self.tokens:
            head, dep = t.head, t.dep_
            while head.i not in self.order and head.head.i != head.i:
                head, dep = head.head, head.dep_
            if head.i == t.i or head.i not in self.order:
                tops.append(t)
                continue
            self.head[t.i], self.dep[t.i] = head.i, dep
            self.children[head.i].append(t.i)
        root = max(tops, key=lambda t: (t.pos_ in VERB_POS, len(list(t.subtree))))
        for top in tops:
            if top.i != root.i:
                self.head[top.i], self.dep[top.i] = root.i, "dep"
                self.children[root.i].append(top.i)
        self.children[root.i].sort()
        self.dep[root.i] = "ROOT"
        return root.i

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if c not in self.dropped and (not deps or self.dep[c] in deps)]

    def subtree(self, i: int) -> Iterator[int]:
        pending = [i]
        while pending:
            i = pending.pop()
            yield i
            pending.extend(self.children[i])

    def bounds(self, i: int) -> tuple[int, int]:
        """The first and last word of the phrase at ``i`` (read once the tree is mended)."""
        if i not in self._bounds:
            inside = list(self.subtree(i))
            self._bounds[i] = (min(inside), max(inside))
        return self._bounds[i]

    def drop(self, i: int) -> None:
        self.dropped.update(self.subtree(i))

    def _reattach(self, child: int, head: int, dep: str) -> None:
        self._bounds.clear()
        self.children[self.head[child]].remove(child)
        self.head[child], self.dep[child] = head, dep
        self.children[head] = sorted(self.children[head] + [child])

    # -- what is always dropped ----------------------------------------------------------------

    def _drop_asides(self) -> None:
        """Words in brackets, and between two dashes, unless the main verb is among them."""
        text = [t.text for t in self.tokens]
        position = 0
        while position < len(text):
            word = text[position]
            closing = BRACKETS.get(word)
            if closing is None and word not in DASHES:
                position += 1
                continue
            end = next((k for k in range(position + 1, len(text))
                        if text[k] == closing or (closing is None and text[k] in DASHES)), None)
            if end is None:
                position += 1
                continue
            aside = [t.i for t in self.tokens[position:end + 1]]
            if self.root not in aside:
                self.dropped.update(aside)
            position = end + 1

    def _drop_attribution(self) -> None:
        """Who said it, when the speaker is also who acts: "Microsoft said it aims to …" (→
        "Microsoft aims to …"). A claim ("…, a union said", "X said the minister lied") keeps its
        attribution: without it the headline would state the claim as a fact."""
        root = self.token(self.root)
        if root.lemma_ not in TIMELINE_REPORTING_VERBS or self.kids(self.root, "neg"):
            return
        complements = self.kids(self.root, "ccomp")
        if not complements:
            return
        said = complements[0]
        keep = set(self.subtree(said))
        if said < self.root:  # "…, a union said": the claim is the union's, not a fact; keep who
            # says it, in headline style: "…, union says" (the tense is set with the main verb's)
            speakers = self.kids(self.root, *SUBJECT_DEPS)
            for speaker in speakers:
                self.dropped.update(d for d in self.kids(speaker, "det") if self.token(d).lower_ in ("the", "a", "an"))
            if (len(speakers) == 1 and root.tag_ == "VBD" and not self.kids(self.root, "aux", "auxpass")
                    and self.token(speakers[0]).tag_ in ("NNS", "NNPS") and root.lemma_.isalpha()):
                self.verb_text[self.root] = root.lemma_.lower()  # "officials said" → "officials say"
            return
        speakers = self.kids(self.root, *SUBJECT_DEPS)
        pronouns = self.kids(said, *SUBJECT_DEPS)
        if not speakers or not pronouns or not self._same_actor(self.token(speakers[0]), self.token(pronouns[0])):
            return
        speaker = speakers[0]
        keep |= set(self.subtree(speaker))
        self.dropped.update(t.i for t in self.tokens if t.i not in keep and not t.is_punct)
        self.dropped.add(pronouns[0])
        self.dropped.update(c for c in self.kids(said, "mark") if self.token(c).lower_ == "that")
        self._reattach(speaker, said, "nsubj")
        self._make_root(said)

    def _same_actor(self, speaker: Token, pronoun: Token) -> bool:
        """Whether "X said <pronoun> …" has X as the pronoun's referent, by agreement."""
        if speaker.tag_ == "PRP" or pronoun.tag_ != "PRP":
            return False
        plural = self._plural(speaker)
        word = pronoun.lower_
        if word == "they":
            return plural or speaker.ent_type_ == "ORG"
        if word == "it":
            return not plural and speaker.ent_type_ != "PERSON"
        if word in ("he", "she"):
            return not plural and (speaker.ent_type_ == "PERSON" or speaker.lower_ in PERSON_NOUNS
                                   or speaker.lower_ in ROLE_WORDS)
        return False

    def _plural(self, token: Token) -> bool:
        return (token.tag_ in ("NNS", "NNPS") or "Plur" in token.morph.get("Number")
                or bool(self.kids(token.i, "conj")))

    def _make_root(self, i: int) -> None:
        self._bounds.clear()
        if i in self.head:
            self.children[self.head[i]].remove(i)
            del self.head[i]
        self.dep[i] = "ROOT"
        self.root = i

    def _drop_fronted_clause(self) -> None:
        """A clause before the subject, parsed as the complement ("Declaring the soul of the Marine
        Corps at stake, Gates has ordered …"): it frames the news, it is not what was said."""
        if self.token(self.root).lemma_ in TIMELINE_REPORTING_VERBS:
            return
        subjects = self.kids(self.root, *SUBJECT_DEPS)
        for clause in self.kids(self.root, "ccomp", "csubj"):
            if subjects and clause < subjects[0] and max(self.subtree(clause)) < subjects[0]:
                self.drop(clause)

    # -- tense ---------------------------------------------------------------------------------

    def _headline_tense(self) -> None:
        """"resigned" / "has resigned" → "resigns", for a third-person singular subject only, and
        only when nothing dates the news in the past; else the verb stays as written."""
        verb = self.token(self.root)
        auxiliaries = self.kids(self.root, "aux", "auxpass")
        if verb.lemma_ in TENSE_KEPT_VERBS or self.kids(self.root, "neg") or not verb.lemma_.isalpha():
            return
        perfect = (verb.tag_ == "VBN" and len(auxiliaries) == 1 and self.token(auxiliaries[0]).lower_ == "has"
                   and not any(self.token(c).lower_ in PERFECT_ADVERBS
                               for c in self.kids(self.root, "advmod", "prep", "npadvmod")))
        if not (perfect or (verb.tag_ == "VBD" and not auxiliaries)):
            return
        subjects = self.kids(self.root, "nsubj")
        if len(subjects) != 1:
            return
        subject = self.token(subjects[0])
        singular = (subject.lower_ in ("he", "she", "it")
                    or (subject.tag_ in ("NN", "NNP") and not self._plural(subject)))
        if not singular or self._dated_in_the_past(self.root):
            return
        lemma = verb.lemma_.lower()
        self.verb_text[self.root] = third_person(lemma)
        if perfect:
            self.dropped.add(auxiliaries[0])

    def _dated_in_the_past(self, verb: int) -> bool:
        """Whether a date of the verb's own clause says more than "lately" ("in 1988", "last year")."""
        for i in self.subtree(verb):
            clause = i
            while clause != verb and not (self.token(clause).pos_ in VERB_POS and clause != i):
                clause = self.head[clause]
            if (clause == verb and self.token(i).ent_type_ in TIME_LABELS and not self._age(self.token(i))
                    and self._date(i) == "dated"):
                return True
        return False

    def _date(self, i: int) -> str | None:
        """"recent" for "on Wednesday", "over the weekend", "now"; "dated" for any other date or
        time ("in 1988", "by 2030"); None for no date (an age, "at age 61", is none)."""
        heads = self.kids(i, "pobj") if self.dep.get(i) == "prep" else [i]
        words = [self.token(k) for head in heads for k in self._phrase(head)]
        words = [t for t in words if not self._age(t)]
        dated = any(t.ent_type_ in TIME_LABELS for t in words)
        if not dated and not (self.dep.get(i) == "advmod" and words):
            return None
        if all(t.lower_ in RECENT_TIME_WORDS for t in words if not t.is_punct):
            return "recent"
        return "dated" if dated else None

    def _phrase(self, i: int) -> Iterator[int]:
        """A word and its modifiers, without the phrases and clauses that hang on it."""
        yield i
        for child in self.kids(i):
            if self.dep[child] not in PHRASE_BREAKS:
                yield from self._phrase(child)

    def _age(self, t: Token) -> bool:
        """A word of an age the tagger took for a date: "age 61" of "at age 61 Monday"."""
        entity = self.analysed.entity_at(t.i)
        return (t.ent_type_ in TIME_LABELS and entity is not None and entity[0].lower_ in AGE_WORDS
                and t.i <= entity.start + 1)

    # -- what each dependent is ----------------------------------------------------------------

    def _kind(self, i: int) -> float | str:
        """"keep" (stays with its head), "drop", "punct", or an option's weight."""
        t, dep = self.token(i), self.dep[i]
        head = self.token(self.head[i])
        if t.is_punct:
            return "punct"
        if self._glued(i):
            return "keep"  # "planet-cooking", "single-dish": one word, kept whole
        if dep == "relcl" and not self._set_off(i):
            return RESTRICTIVE  # "a new feature that corrects eye contact": the clause says which one
        if dep in DROPPED_DEPS:
            return "drop"
        if dep == "appos":
            return "drop" if self._set_off(i) else "keep"
        if dep == "advcl":
            if self._conditional(i) or any(self.token(c).lower_ == "than" for c in self.kids(i, "mark")):
                return "keep"  # a condition, or what a comparison is against ("more carbon than it emits")
            marked = self.kids(i, "mark") or any(self.token(c).tag_ == "WRB" for c in self.kids(i, "advmod"))
            if t.tag_ in FINITE_TAGS and not marked and not self.kids(i, *SUBJECT_DEPS):
                return "keep"  # a finite verb with neither subordinator nor subject: the parser's slip
            purpose = any(self.token(c).tag_ == "TO" for c in self.kids(i, "aux")) and not marked
            return 1.0 if purpose else "drop"
        if dep == "acl":
            return PARTICIPLE
        if self._title(i):
            return TITLE
        if (dep == "amod" and head.pos_ == "NOUN" and self.dep.get(head.i) in ARGUMENT_DEPS
                and self._plain_adjective(t)):
            return ADJECTIVE
        if dep == "prep":
            return self._preposition(i, head)
        if dep in ("npadvmod", "advmod"):
            if head.pos_ not in VERB_POS:
                return "keep"
            if dep == "advmod" and (t.tag_ == "WRB" or any(
                    self.token(k).lower_ in MEANING_ADVERBS for k in self.subtree(i))):
                return "keep"
            date = self._date(i)
            if date == "recent":
                return "drop"
            return DATED if date == "dated" else ADVERB
        if dep == "conj":
            return 1.0 if (t.pos_ in VERB_POS and head.pos_ in VERB_POS) or self.loose else "keep"
        if dep == "dep":
            return LOOSE
        return "keep"

    def _glued(self, i: int) -> bool:
        """Whether the word is written together with its head by a hyphen ("planet-cooking")."""
        head = self.head[i]
        low, high = sorted((i, head))
        between = self.analysed.doc[low:high + 1]
        return high - low == 2 and between[1].text in HYPHENS and not between[0].whitespace_ and not between[1].whitespace_

    def _title(self, i: int) -> bool:
        """A description before a name, not part of it: "Former Defense Secretary" of "Former
        Defense Secretary Robert Gates", "South Korean thriller" of "South Korean thriller “Parasite”"."""
        head = self.token(self.head[i])
        if self.dep[i] not in ("compound", "amod", "nmod") or head.pos_ != "PROPN" or i > head.i:
            return False
        entity = self.analysed.entity_at(i)
        return entity is None or entity != self.analysed.entity_at(head.i)

    def _preposition(self, i: int, head: Token) -> float | str:
        word = self.token(i).lower_
        if word == "according":
            return "drop"
        if not self.kids(i):
            return "keep"  # a preposition with no object is a particle: "is already in"
        if word in EXCEPTIVE_PREPS or (word == "of" and self._partitive(head)):
            return "keep"  # "cannot resume without a ceasefire", "thousands of staff"
        date = self._date(i)
        if date == "recent":
            return "drop"
        if date == "dated":
            return DATED
        if head.pos_ in VERB_POS and not self.kids(head.i, *COMPLEMENT_DEPS):
            first = next((c for c in self.kids(head.i, "prep") if self._date(c) is None), None)
            if first == i:  # "was in Washington", "are coming to smartphones": the verb's argument
                return "keep" if head.lemma_ == "be" else ARGUMENT
        if any(self.token(k).like_num or self.token(k).ent_type_ in FIGURE_LABELS for k in self.subtree(i)):
            return FIGURE  # "for some 560,000 borrowers": a number that may be the news
        return OF_PHRASE if word == "of" else 1.0

    def _partitive(self, head: Token) -> bool:
        """A head that needs its "of" ("thousands of", "one of", "lots of", "the kind of")."""
        return (head.pos_ in ("NUM", "PRON", "DET") or head.like_num or head.ent_type_ in FIGURE_LABELS
                or head.lower_ in PARTITIVE_NOUNS)

    def _plain_adjective(self, t: Token) -> bool:
        """An adjective a headline can do without ("federal student loans" → "student loans"):
        not a name, a number, a superlative or comparative, nor one that changes what the noun is."""
        if t.tag_ != "JJ" or t.ent_type_ or t.lower_ in MEANING_ADJECTIVES or self.kids(t.i):
            return False
        doc = self.analysed.doc
        before = doc[t.i - 1] if t.i > 0 else None
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        joined = not t.whitespace_ or (before is not None and not before.whitespace_)  # "single-dish"
        article = before is not None and before.lower_ in ("a", "an")  # "an ominous gradient"
        return not joined and not article and after is not None

    def _set_off(self, i: int) -> bool:
        """An apposition between commas, dashes or brackets ("Steve Jobs, the mind behind …,"),
        not a name after its title ("Justice Samuel Alito")."""
        first = self.bounds(i)[0]
        before = self.order[first] - 1
        return before >= 0 and self.tokens[before].text in {",", "(", *DASHES}

    def _mend_ages(self) -> None:
        """"at age 61 Monday": the tagger may hang "61" on "Monday"; it belongs to "age"."""
        for t in self.tokens:
            entity = self.analysed.entity_at(t.i)
            if (entity is not None and entity[0].lower_ in AGE_WORDS and t.i == entity.start + 1
                    and entity.start in self.order and self.head.get(t.i) != entity.start and t.i != self.root
                    and entity.start not in self.subtree(t.i)):
                self._reattach(t.i, entity.start, "nummod")

    def _mend_noun_root(self) -> None:
        """A sentence whose root the parser made its subject ("A top Federal Reserve official
        sharply criticized Friday the Fed's policy", "criticized" an ``acl``): the verb leads."""
        root = self.token(self.root)
        if root.pos_ not in ("NOUN", "PROPN"):
            return
        verbs = [c for c in self.kids(self.root, "acl") if self.token(c).tag_ in ("VBD", "VBN")
                 and self.kids(c, "dobj", "ccomp", "xcomp", "prep")]
        if not verbs:
            return
        verb = verbs[0]
        self._make_root(verb)  # (which forgets the phrases' bounds, as the tree changes)
        self.head[root.i], self.dep[root.i] = verb, "nsubj"
        self.children[verb] = sorted(self.children[verb] + [root.i])

    def _reattach_loose_appositions(self) -> None:
        """An apposition neither set off nor next to its head is the parser's slip ("winner at the
        Screen Actors Guild (SAG) awards": "awards" is no apposition of "winner"): it goes with the
        word before it."""
        for t in self.tokens:
            i = t.i
            if self.dep.get(i) != "appos" or i in self.dropped or self._set_off(i):
                continue
            head = self.head[i]
            span = sorted(self.subtree(i))
            if head in (span[0] - 1, span[-1] + 1):
                continue
            before = next((u.i for u in reversed(self.tokens[:self.order[span[0]]])
                           if u.i not in self.dropped and not u.is_punct), None)
            if before is not None and before != head and before not in span:
                self._reattach(i, before, "compound")

    def _conditional(self, i: int) -> bool:
        first = self.token(self.bounds(i)[0])
        return first.lower_ in CONDITIONAL_WORDS or any(
            self.token(c).lower_ in CONDITIONAL_WORDS for c in self.kids(i, "mark", "advmod"))

    # -- the choice ----------------------------------------------------------------------------

    def _units(self, top: int) -> list[_Unit]:
        units = [_Unit(parent=-1, weight=1.0)]

        def place(i: int, unit: int) -> None:
            units[unit].tokens.append(i)
            conjuncts = self.kids(i, "conj")
            titles: dict[int, int] = {}
            # the descriptions of a name first, from the name leftwards, so each nests in the next
            for child in sorted(self.kids(i), key=lambda c: (not self._title(c), -c if self._title(c) else c)):
                kind = self._kind(child)
                if kind == "drop":
                    continue
                if kind == "punct":
                    continue
                if kind == "keep" and self.dep[child] in ("cc", "preconj"):
                    following = [c for c in conjuncts if c > child]
                    if following and not isinstance(self._kind(following[0]), str):
                        continue  # goes with its conjunct, placed there
                if kind == "keep":
                    place(child, unit)
                    continue
                parent = unit
                if self._title(child):  # a name's descriptions go from the left: "South Korean" before "thriller"
                    parent = next((titles[c] for c in sorted(titles, reverse=True) if c > child), unit)
                units.append(_Unit(parent=parent, weight=float(kind)))
                units[parent].children.append(len(units) - 1)
                new = len(units) - 1
                if self._title(child):
                    titles[child] = new
                if self.dep[child] == "conj":  # "but" and "not only" go with the conjunct
                    earlier = [c for c in conjuncts if c < child]
                    for joint in self.kids(i, "cc", "preconj"):
                        if joint < child and (not earlier or joint > earlier[-1]):
                            place(joint, new)
                place(child, new)

        place(top, 0)
        # a word written onto the one before it ("I’m", "can't", "$5.8B") goes where that one goes
        unit_of = {i: n for n, unit in enumerate(units) for i in unit.tokens}
        doc = self.analysed.doc
        for t in self.tokens:
            before = doc[t.i - 1] if t.i > 0 else None
            if (t.i in unit_of and before is not None and before.i in self.order and not before.whitespace_
                    and not before.is_punct and not t.is_punct):
                units[unit_of[t.i]].tokens.remove(t.i)
                if before.i in unit_of:
                    units[unit_of[before.i]].tokens.append(t.i)
                    unit_of[t.i] = unit_of[before.i]
                else:
                    del unit_of[t.i]
        return units

    def _value(self, i: int) -> float:
        t = self.token(i)
        number = t.like_num or t.ent_type_ in FIGURE_LABELS  # "two" is a stop word, not here
        if not number and (t.pos_ not in CONTENT_POS or t.is_stop):
            return 0.3 if t.pos_ == "ADV" else 0.0
        value = WORD_VALUE + REPEAT_VALUE * math.log1p(self.frequency[t.lemma_.lower()])
        if t.ent_type_ in NAME_LABELS:
            value += 0.5
        if number:
            value += 1.0
        return value

    def _length(self, i: int) -> int:
        if i in self.verb_text:
            return len(self.verb_text[i]) + 1
        t = self.token(i)
        return len(t.text) + (1 if t.whitespace_ else 0)

    def _choose(self, units: list[_Unit], limit: int) -> tuple[float, set[int]] | None:
        """The options to keep, as a tree knapsack: for each length, the best value of a unit with
        some of its options, merged child by child (the unit's own words are kept whole). Each
        merge remembers, per length, the length before it and the child's share (None: left out)."""
        stages: dict[int, list[dict[int, tuple[int, int | None]]]] = {}

        def solve(u: int) -> dict[int, float]:
            unit = units[u]
            length = sum(self._length(i) for i in unit.tokens)
            if length > limit:
                return {}
            table = {length: unit.weight * sum(self._value(i) for i in unit.tokens)}
            stages[u] = []
            for child in unit.children:
                options = solve(child)
                merged = dict(table)
                steps: dict[int, tuple[int, int | None]] = {have: (have, None) for have in table}
                for have, value in table.items():
                    for more, extra in options.items():
                        total = have + more
                        if total <= limit and (total not in merged or merged[total] < value + extra):
                            merged[total], steps[total] = value + extra, (have, more)
                stages[u].append(steps)
                table = merged
            return table

        def kept(u: int, length: int) -> Iterator[int]:
            yield u
            for child, steps in zip(reversed(units[u].children), reversed(stages[u]), strict=True):
                length, share = steps[length]
                if share is not None:
                    yield from kept(child, share)

        table = solve(0)
        if not table:
            return None
        length = max(table, key=lambda have: (table[have] - LENGTH_COST * have, -have))
        return table[length] - LENGTH_COST * length, {i for u in kept(0, length) for i in units[u].tokens}

    def _best(self, top: int, limit: int) -> tuple[float, str] | None:
        """The best compression of the subtree at ``top`` that fits ``limit`` characters."""
        units = self._units(top)
        while limit > 0:
            chosen = self._choose(units, limit)
            if chosen is None:
                return None
            text = self._text(chosen[1])
            if len(text) <= HEADLINE_CHARS:
                return chosen[0], text
            limit -= len(text) - HEADLINE_CHARS  # the punctuation kept made it longer: tighter
        return None

    def headline(self) -> str:
        if self.root < 0:
            return _first_words(self.sentence_text)
        best = self._best(self.root, HEADLINE_CHARS)
        for clause in self._contrasts():  # "X, but Y": Y on its own may be the better headline
            best = max(filter(None, [best, self._best(clause, HEADLINE_CHARS)]), default=None)
        if best is None or self.token(self.root).pos_ not in VERB_POS | NOUN_POS:
            # nothing fits, or the parser found no verb to lead with: the best shorter subtree
            best = max(filter(None, [best, self._fallback()]), default=None)
        if best is None:  # a list too long for any headline ("A, B, C, … and Z resigned"): shorten it
            self.loose = True
            best = self._best(self.root, HEADLINE_CHARS)
        return best[1] if best else _first_words(self.sentence_text)

    def _contrasts(self) -> list[int]:
        """Clauses coordinated with the main one by "but", each with its own subject."""
        joints = [c for c in self.kids(self.root, "cc") if self.token(c).lower_ == "but"]
        return [c for c in self.kids(self.root, "conj")
                if joints and c > joints[0] and self.token(c).pos_ in VERB_POS and self.kids(c, *SUBJECT_DEPS)
                and not any(self._conditional(a) for a in self.kids(self.root, "advcl"))]

    def _fallback(self) -> tuple[float, str] | None:
        """No compression of the whole clause fits: the best shorter subtree, a coordinated clause
        with its own subject or a noun phrase (which asserts nothing it could get wrong)."""
        conditional = any(self._conditional(c) for c in self.kids(self.root, "advcl"))
        candidates = []
        for t in self.tokens:
            i = t.i
            if i in self.dropped or i == self.root:
                continue
            clause = (self.dep[i] == "conj" and self.head.get(i) == self.root and t.pos_ in VERB_POS
                      and self.kids(i, *SUBJECT_DEPS) and not conditional)
            phrase = (self.dep[i] in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") and t.pos_ in ("NOUN", "PROPN")
                      and not any(self.token(c).tag_ == "PRP$" for c in self.kids(i, "poss")))
            if clause or phrase:
                found = self._best(i, HEADLINE_CHARS)
                if found:
                    # a clause asserts the news, a phrase only names it; the subject names it best
                    bonus = 0.0 if clause else (-1.0 if self.dep[i] in SUBJECT_DEPS else -2.0)
                    candidates.append((found[0] + bonus, found[1]))
        return max(candidates, default=None)

    # -- the words, as written -----------------------------------------------------------------

    def _text(self, kept: set[int]) -> str:
        kept = kept | self._punctuation(kept)
        words = [t for t in self.tokens if t.i in kept]
        while words and words[0].is_punct and not (words[0].text in OPENING_QUOTES or words[0].text in BRACKETS
                                                   or words[0].text == '"'):
            words.pop(0)
        while words and (words[-1].text in TRAILING or words[-1].pos_ in ("CCONJ", "DET")):
            words.pop()  # nor on "and" or "the", which only a parser's slip leaves there
        pieces = []
        for position, t in enumerate(words):
            pieces.append(self.verb_text.get(t.i, t.text))
            if position + 1 < len(words):
                following = words[position + 1]
                gap = range(t.i, following.i)
                spaced = any(self.token(k).whitespace_ for k in gap)
                attaches = following.i != t.i + 1 and following.is_punct and following.text in {",", ";", ":", "."}
                pieces.append(" " if spaced and not attaches else "")
        text = "".join(pieces)
        if text[:1].islower() and text[1:2].islower():
            text = text[:1].upper() + text[1:]  # "iOS 13" stays as written
        return text

    def _punctuation(self, kept: set[int]) -> set[int]:
        """The punctuation that goes with the kept words: a comma or dash between two kept words,
        quotation marks and brackets around kept words."""
        marks: set[int] = set()
        tokens = self.tokens
        opened: list[int] = []
        pairs: dict[int, int] = {}
        for position, t in enumerate(tokens):
            if t.text in BRACKETS or t.text in OPENING_QUOTES or (t.text == '"' and not _opened_straight(opened, tokens)):
                opened.append(position)
            elif (t.text in BRACKETS.values() or t.text in CLOSING_QUOTES or t.text == '"') and opened:
                start = opened.pop()
                pairs[start], pairs[position] = position, start
        for position, t in enumerate(tokens):
            if not t.is_punct or t.i in self.dropped:
                continue
            if position in pairs:
                low, high = sorted((position, pairs[position]))
                if any(u.i in kept for u in tokens[low + 1:high]):
                    marks.add(t.i)
                continue
            before = _neighbour(tokens, position, -1)
            after = _neighbour(tokens, position, 1)
            if t.text in OPENING_QUOTES or t.text in CLOSING_QUOTES or t.text == '"' or t.text in BRACKETS:
                inner = after if (t.text in OPENING_QUOTES or t.text == '"') else before
                if inner is not None and inner.i in kept:
                    marks.add(t.i)
            elif before is not None and after is not None and before.i in kept and after.i in kept:
                marks.add(t.i)
            elif (t.text == "," and after is not None and after.i in kept and self.dep.get(after.i) == "cc"
                  and any(self.dep.get(c) == "conj" and c in kept and self.token(c).pos_ in VERB_POS
                          for c in self.children[self.head[after.i]] if c > after.i)):
                marks.add(t.i)  # "…, but he summed up …": two clauses keep their comma
            elif t.text == "," and before is not None and any(u.i in kept for u in tokens[position + 1:]):
                clause = self._closed_by(before.i)
                if clause is not None and clause in kept and self.dep.get(clause) in ("advcl", "ccomp", "csubj"):
                    marks.add(t.i)  # "If you believe …, they rank …": the clause keeps its comma
        return marks

    def _closed_by(self, i: int) -> int | None:
        """The outermost word whose phrase ends with word ``i``."""
        end = self.bounds(i)[1]
        while i in self.head and self.bounds(self.head[i])[1] == end:
            i = self.head[i]
        return i if self.bounds(i)[1] == end else None


def _opened_straight(opened: list[int], tokens: list[Token]) -> bool:
    """Whether the innermost open mark is a straight double quote (so this one closes it)."""
    return bool(opened) and tokens[opened[-1]].text == '"'


def _neighbour(tokens: list[Token], position: int, step: int) -> Token | None:
    """The nearest token that is not a quotation mark, before (-1) or after (1) ``position``."""
    position += step
    while 0 <= position < len(tokens):
        if tokens[position].text not in OPENING_QUOTES | CLOSING_QUOTES | {'"'}:
            return tokens[position]
        position += step
    return None


def _first_words(text: str) -> str:
    """The sentence's whole words up to HEADLINE_CHARS: only when there is no parse to compress."""
    words: list[str] = []
    for word in text.rstrip(".").split():
        if len(" ".join([*words, word])) > HEADLINE_CHARS:
            break
        words.append(word)
    return " ".join(words)


def summarise(analysed: AnalysedArticle, *, max_words: int = 60) -> tuple[str, list[int]]:
    """The first one or two sentences, as long as they stay short (a wire dateline left out)."""
    if not analysed.sentences:
        return "", []  # an article of blank lines: nothing to summarise
    first = lead_sentence(analysed)
    chosen = [analysed.sentences[first]]
    if len(analysed.sentences) > first + 1:
        second = analysed.sentences[first + 1]
        if len(chosen[0].text.split()) + len(second.text.split()) <= max_words:
            chosen.append(second)
    return without_dateline(" ".join(s.text for s in chosen)), [s.index for s in chosen]
