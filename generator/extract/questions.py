"""Open questions: what the article leaves undecided, asked as a reader would ask it next.

Each question is built from one sentence's own words, by a few dependency patterns:

* hedged modals: "it may be prepared to join X" → "Will Canada be prepared to join X?";
* plans and options: "expects to advance X", "is not ruling out participating in X if Y",
  "has signaled openness to deploying X" → "Will <subject> advance / participate in / deploy X?";
* embedded questions the article leaves open, wherever a word of doubt ("it remains unclear
  whether", "debate as to whether"), a pending decision ("is considering whether") or a denied
  telling ("declined to say how many", "did not give a price tag on how much") governs them:
  "We'll see what role Canada might play" → "What role might Canada play?", "whether she is
  ready" → "Is she ready?" (inversion, do-support and tense from the clause's own verb);
* what has not happened yet and decisions announced: "have yet to specify the price", "no
  decision has been made on X", "the council will vote on X";
* obstacles that remain: "hurdles remain to reaching a peace deal — including that Z" →
  "Can a peace deal be reached, given that Z?";
* demands between actors: "X is demanding that Y cede Z" → "Will Y cede Z?".

A hedge or a plan becomes a question only when its subject can decide (a named actor, a pronoun
resolved to one, "the government"), or when the article states the doubt itself: "more people
could drive electric cars" is a forecast, and a forecast is no open question.

Pronouns and descriptions ("it", "he", "the North American nation") are replaced by the actor
they stand for when the article names it just before. A question whose object only points back
("such an effort") joins the question it points back to instead of repeating it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis.actor_mentions import ACTOR_LABELS
from ..analysis.actors import actor_at
from ..analysis.index import is_relative_pronoun
from ..models import Actor, Question
from ..nlp import AnalysedArticle
from ..vocabulary import (
    ANAPHORIC,
    ANSWERING_VERBS,
    COUNTRY_NOUNS,
    DEMAND_VERBS,
    DESCRIPTION_TYPES,
    DOUBT_WORDS,
    FUTURE_AUX,
    HEDGE_MODALS,
    IRREGULAR_PARTICIPLES,
    NEGATED_PLAN_VERBS,
    OBSTACLE_NOUNS,
    OPENNESS_NOUNS,
    ORGANISATION_NOUNS,
    PENDING_VERBS,
    PERSON_NOUNS,
    PLAN_VERBS,
    REFUSAL_VERBS,
    TELLING_VERBS,
    VAGUE,
    VOTING_VERBS,
    WH_WORDS,
)
from ..vocabulary import FIRST_SECOND_PERSON_PRONOUNS as FIRST_PERSON
from .facts import content_lemmas, overlap

LOOKBACK_SENTENCES = 4
MAX_QUESTION_WORDS = 40


def participle(lemma: str) -> str:
    """Past participle of a verb lemma: "reach" → "reached", "make" → "made"."""
    lemma = lemma.lower()
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def sentence_case(text: str) -> str:
    """``text`` with a capital first letter; the empty string stays empty."""
    return text[:1].upper() + text[1:]


def words(tokens: list[Token]) -> str:
    """Tokens back to text with the article's own spacing."""
    text = ""
    for position, token in enumerate(tokens):
        text += token.text
        if position + 1 < len(tokens):
            following = tokens[position + 1]
            if token.whitespace_ or following.i != token.i + 1:
                text += " "
    return text.replace(" ,", ",").replace(" ’s", "’s").strip(" ,;—–-")


def span_words(doc: Doc, start: int, end: int) -> list[Token]:
    tokens = [doc[i] for i in range(start, end)]
    for position, token in enumerate(tokens):
        if token.is_space or (token.text == "," and position + 1 < len(tokens)
                              and tokens[position + 1].lower_ in ("but", "and") and position > 2):
            tokens = tokens[:position]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ in ("cc", "mark")):
        tokens.pop()
    return tokens


def _trim_tail(doc: Doc, start: int, end: int) -> int:
    """Stop before an attribution tail or a closing quotation: ", a senior official said"."""
    for i in range(start, end):
        if doc[i].text in ("”", '"', "—", ";") or (doc[i].text == "," and i + 1 < end
                                                   and doc[i + 1].dep_ in ("det", "nsubj", "amod")
                                                   and any(t.lemma_ in ("say", "tell", "add")
                                                           for t in doc[i + 1:end])):
            return i
    return end


class Resolver:
    """Replace pronouns and descriptions by the named actor they stand for."""

    def __init__(self, analysed: AnalysedArticle, actors: list[Actor]) -> None:
        self.analysed = analysed
        self.mentioned = actor_at(analysed.doc)  # per token, the actor it mentions (-1: none)
        self.names: dict[str, str] = {}
        for actor in actors:
            for name in [actor.name, *actor.aliases]:
                self.names[name.lower()] = actor.name

    def canonical(self, text: str) -> str:
        return self.names.get(text.lower(), text)

    def _previous(self, before: int, labels: set[str], *, subject_first: bool) -> str | None:
        sentence = self.analysed.sentence_of_token(before)
        lower = self.analysed.sentences[max(0, sentence - LOOKBACK_SENTENCES)].start
        # the entities from ``lower`` up to ``before``, by bisection: not a walk over all of Doc.ents
        window = self.analysed.ents_within(self.analysed.first_token_from(lower), before)
        entities = [ent for ent in window if ent.label_ in labels]
        if subject_first:
            subjects = [ent for ent in entities if ent.root.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return self.canonical(subjects[-1].text)
        return self.canonical(entities[-1].text) if entities else None

    def phrase(self, head: Token) -> str:
        """The subject phrase of ``head`` with pronouns and descriptions resolved."""
        lowered = head.lower_
        referent = self.analysed.referent_of(head.i)
        if lowered in ("he", "she", "it") and referent is not None:
            return self.canonical(referent)
        if lowered in ("he", "she"):
            return head.text  # the referents layer found no one: say "he", never guess
        if lowered == "it":
            antecedent = self._it_antecedent(head)
            if antecedent:
                return antecedent
        if head.pos_ == "NOUN" and lowered in DESCRIPTION_TYPES:
            determiners = [c for c in head.children if c.dep_ in ("det", "poss")]
            if determiners and determiners[0].lower_ in ("the", "his", "her", "its", "their"):
                found = self._previous(head.i, {DESCRIPTION_TYPES[lowered]}, subject_first=True)
                if found:
                    return found
        if lowered == "they":
            antecedent = self._they_antecedent(head)
            if antecedent:
                return antecedent
        drop = {t.i for c in head.subtree if c.dep_ in ("relcl", "appos") and c.i != head.i for t in c.subtree}
        inner = [t for t in head.subtree if t.i not in drop]
        if inner and (inner[-1].i - inner[0].i + 1 != len(inner) or (inner[-1].pos_ == "ADJ" and inner[-1].i > head.i)):
            # a hole, or a phrase cut after an adjective by the parser: keep the noun and what precedes it
            inner = [t for t in inner if t.i <= head.i]
        while inner and (inner[-1].is_punct or inner[-1].is_space):
            inner.pop()
        doc = head.doc
        while inner and inner[0].i >= 2 and doc[inner[0].i - 1].text == "-" and not doc[inner[0].i - 2].whitespace_:
            inner = [doc[inner[0].i - 2], doc[inner[0].i - 1], *inner]  # "told-you-sos", not "sos"
        text = words(inner or [head])
        if text and inner and inner[0].text.istitle() and inner[0].pos_ != "PROPN" and inner[0].text != "I":
            text = text[0].lower() + text[1:]
        return text or head.text

    def _they_antecedent(self, pronoun: Token) -> str | None:
        """'Both Microsoft and Amazon have come under fire from workers who demanded they stop ...'."""
        sentence = self.analysed.sentence_span(self.analysed.sentence_of_token(pronoun.i))
        if sentence is None:
            return None
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i
                    and t.pos_ != "PRON" and t.tag_ not in ("WDT", "WP")
                    and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children))]
        return self.phrase(subjects[-1]) if subjects else None

    def _it_antecedent(self, pronoun: Token) -> str | None:
        """'his government says it may ...': the subject of the clause that frames the pronoun."""
        frame = pronoun.head.head if pronoun.head.dep_ in ("ccomp", "xcomp") else None
        if frame is not None:
            subjects = [c for c in frame.children if c.dep_ == "nsubj" and c.lower_ != "it"]
            if subjects:
                return self.phrase(subjects[0])
        return None


def _first_person(token: Token) -> bool:
    """ "we", "I", "you" (but not "US", the country)."""
    return token.tag_ == "PRP" and token.lower_ in FIRST_PERSON


def _vague_subject(token: Token) -> bool:
    """ "that", "this", "no-one", "nobody": a subject the question could not name (or a mis-parse)."""
    lowered = token.lower_
    if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return True  # "told-you-sos": the parser split a hyphenated word
    if lowered in ("that", "this", "there", "so", "these", "those") and token.dep_.startswith("nsubj"):
        return True
    if lowered == "one" and not list(token.children):
        return True  # "the kind of summer one might imagine": anyone, no one in particular
    if lowered in ("no-one", "nobody", "nothing", "none", "noone", "no one"):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)


def _names_an_actor(subject: Token, resolver: Resolver) -> bool:
    """Whether a subject is someone who can decide: a named actor, a pronoun resolved to one, or an
    actor's description ("the government", "his father"); not "more people" or "the summer"."""
    if subject.pos_ == "PRON":
        return resolver.phrase(subject) != subject.text
    if resolver.mentioned[subject.i] >= 0 or subject.ent_type_ in ACTOR_LABELS:
        return True
    lemma = subject.lemma_.lower()
    described = any(c.dep_ in ("det", "poss") and c.lower_ != "no" and c.lower_ not in ("a", "an")
                    for c in subject.children)
    return described and (lemma in PERSON_NOUNS or lemma in ORGANISATION_NOUNS or lemma in COUNTRY_NOUNS)


def _under_doubt(verb: Token) -> bool:
    """ "raise questions about the possibility that the sunken oil could float up": a doubt the
    article states, whoever the subject is."""
    current = verb
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in DOUBT_WORDS:
            return True
    return False


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if current.dep_ in ("xcomp", "conj", "pcomp", "prep") and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


def doc_after(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


def _condition(verb: Token) -> str:
    """ "if the coalition agrees to it": a condition hung on the plan verb, kept in the question."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
            doc = verb.doc
            start = child.left_edge.i
            return words(span_words(doc, start, _trim_tail(doc, start, child.right_edge.i + 1)))
    return ""


def _yes_no(subject: str, verb: Token, rest_start: int, rest_end: int, condition: str = "") -> str | None:
    doc = verb.doc
    end = _trim_tail(doc, rest_start, rest_end)
    for i in range(rest_start, end - 1):
        if doc[i].lower_ == "and" and doc[i + 1].lower_ == "that":
            end = i  # "... by 2030 and that by 2050 it hopes ...": a second claim, not this plan
            break
    rest = words(span_words(doc, rest_start, end))
    if condition and condition not in rest:
        rest = f"{rest} {condition}"
    return f"Will {subject} {verb.lemma_} {rest}?" if rest else None


def _from_modal(analysed: AnalysedArticle, modal: Token, resolver: Resolver) -> str | None:
    verb = modal.head
    if any(t.lower_ in WH_WORDS for c in verb.lefts if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree):
        return None  # "how much heat the competitors could take": an embedded question, not a plan
    subject = _subject(verb)
    if subject is None or _first_person(subject) or subject.i > verb.i or is_relative_pronoun(subject):
        return None
    if _vague_subject(subject) or subject.text == "It":
        return None  # "That could have an effect": what "that" is, the sentence does not say
    following = doc_after(modal)
    if any(c.dep_ == "neg" for c in verb.children) or (following is not None and following.lower_ in ("have", "as")):
        return None  # "could not cope", "might have come", "might as well": the past or an idiom, not a choice
    if not (_names_an_actor(subject, resolver) or _under_doubt(verb)):
        return None  # "more people could drive electric cars": a forecast, not a decision anyone faces
    doc = verb.doc
    end = _trim_tail(doc, modal.i + 1, verb.right_edge.i + 1)
    rest = words(span_words(doc, modal.i + 1, end))
    return f"Will {resolver.phrase(subject)} {rest}?" if len(rest.split()) >= 2 else None


def _from_plan(verb: Token, resolver: Resolver) -> str | None:
    """ "expects to advance X" / "not ruling out participating in X" / "openness to deploying X"."""
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    not_yet = lemma == "have" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in verb.children)
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)
    if past and verb.pos_ != "NOUN" and not not_yet:
        return None  # "had planned to drive": a plan the article may already have overtaken
    if lemma in PLAN_VERBS or (lemma in NEGATED_PLAN_VERBS and negated) or not_yet:
        complements = [c for c in verb.children if c.dep_ in ("xcomp", "pcomp") and c.pos_ in ("VERB", "AUX")]
    elif verb.pos_ == "NOUN" and verb.lower_ in OPENNESS_NOUNS:
        complements = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                       for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
        verb = verb.head
    else:
        return None
    if not complements:
        return None
    action = complements[0]
    subject = _subject(verb)
    if subject is None or _first_person(subject) or is_relative_pronoun(subject) or _vague_subject(subject):
        return None
    if not not_yet and not _names_an_actor(subject, resolver):
        return None  # "rainfall totals are expected to reach": a forecast, nobody's plan
    return _yes_no(resolver.phrase(subject), action, action.i + 1, action.right_edge.i + 1, _condition(verb))


def _denied(word: Token) -> bool:
    """ "did not say", "It's not clear", "declined to say", "has yet to explain", "no one knows"."""
    holders = [word, word.head] if word.dep_ in ("acomp", "xcomp", "attr", "oprd") else [word]
    for holder in holders:
        if any(c.dep_ == "neg" or (c.lower_ == "yet" and c.dep_ == "advmod") for c in holder.children):
            return True
        subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (subject.lower_ in ("nobody", "no-one")
                                    or any(c.lower_ == "no" and c.dep_ == "det" for c in subject.children)):
            return True
    return word.dep_ == "xcomp" and word.head.lemma_.lower() in REFUSAL_VERBS


def _leaves_open(word: Token) -> bool:
    """Whether ``word`` makes the embedded question it governs one the article leaves open."""
    lemma = word.lemma_.lower()
    if lemma in DOUBT_WORDS:
        return True
    if lemma in PENDING_VERBS and word.pos_ == "VERB":
        if word.dep_ == "relcl":
            return False  # "one of 10 people who decides what rates borrowers pay": a role, not a decision
        return word.tag_ in ("VB", "VBZ", "VBP", "VBG") or _denied(word)  # not "decided", "all things considered"
    if lemma == "see":
        return any(c.lower_.replace("’", "'") in FUTURE_AUX and c.dep_ == "aux" for c in word.children)  # "we'll see what ..."
    return lemma in TELLING_VERBS and _denied(word)


def _embedded_clause(wh: Token, governor: Token, scope: Token) -> Token | None:
    """The verb of the embedded question ``wh`` opens, when that question is an argument of
    ``scope`` (not a relative clause, an adverbial "when ..." or a clause of its own further down:
    "I'm not saying this is what's going to happen")."""
    current = wh
    verb = None
    while current.i != scope.i:
        asked_if = (current.dep_ == "advcl" and current.head.i == governor.i and wh.dep_ == "mark"
                    and governor.lemma_.lower() not in PENDING_VERBS)  # "was asked if", not "will decide if"
        if current.dep_ in ("relcl", "advcl", "acl", "appos", "parataxis") and not asked_if:
            return None
        infinitive = current.dep_ == "xcomp" and current.head.i in (governor.i, scope.i)  # "curious to know"
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            if verb is not None and not infinitive:
                return None
            verb = verb or current
        if current.head.i == current.i:
            return None
        current = current.head
    if verb is not None and wh.tag_ == "WDT" and any(c.i == wh.i and c.dep_ == "nsubj" for c in verb.children):
        # "which devices the feature will work with", parsed with "devices" as the verb of "which":
        # the clause is the verb below with its own subject
        below = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                 and any(g.dep_ in ("nsubj", "nsubjpass") and g.i > verb.i for g in c.children)]
        if below:
            return below[0]
    return verb


def _answered(governor: Token) -> bool:
    """ "answered "no" to questions about whether he had cared for a patient": a question the
    article says was answered is not open."""
    current = governor
    for _ in range(2):
        current = current.head
        if current.lemma_.lower() in ANSWERING_VERBS:
            return True
    return False


def _clause_end(verb: Token) -> int:
    """Where the clause of ``verb`` ends: before a second embedded question joined to it
    ("which devices ..., or whether it will support group calls")."""
    doc = verb.doc
    end = _trim_tail(doc, verb.i, verb.right_edge.i + 1)
    for token in verb.subtree:
        if token.dep_ == "conj" and token.i > verb.i and doc[token.left_edge.i].lower_ in WH_WORDS:
            end = min(end, token.left_edge.i)
    return end


def _embedded_question(wh: Token, verb: Token, governor: Token, resolver: Resolver) -> str | None:
    """ "what exactly he would accept" → "What exactly would he accept?"; "how many people were
    arrested" → "How many people were arrested?"; "whether it works" → "Does it work?"."""
    doc = verb.doc
    end = _clause_end(verb)
    kept = span_words(doc, wh.i, end)
    if not kept or kept[-1].pos_ == "DET" or (kept[-1].pos_ == "ADP" and end < len(doc) and doc[end].is_quote):
        return None  # "what President Obama calls the": cut at a quotation it cannot hold
    asks_whether = wh.lower_ in ("whether", "if")
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        if asks_whether and verb.tag_ == "VB":  # "is considering whether to pursue it": the governor's subject
            owner = _subject(governor)
            if owner is None or _first_person(owner):
                return None
            rest = words(span_words(doc, verb.i + 1, end))
            return f"Will {resolver.phrase(owner)} {verb.lemma_} {rest}".rstrip() + "?"
        return None
    if subject.left_edge.i <= wh.i:
        if asks_whether:
            return None
        body = words(span_words(doc, wh.i, end))  # "what caused him", "how many people were": no inversion
        return sentence_case(body) + "?" if len(body.split()) >= 2 else None
    lead = "" if asks_whether else words(span_words(doc, wh.i, subject.left_edge.i))
    if not asks_whether and not lead:
        return None
    auxiliary = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and subject.i < c.i < verb.i), None)
    after = span_words(doc, subject.right_edge.i + 1, end)
    if auxiliary is not None:
        inverted, rest = auxiliary.text.lower(), [t for t in after if t.i != auxiliary.i]
        body = words(rest)
    elif verb.lemma_ == "be":  # "whether she is leading lady material" → "Is she ...", never "Does she be"
        inverted, rest = verb.text.lower(), [t for t in after if t.i != verb.i]
        body = words(rest)
    else:
        inverted = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(verb.tag_)
        if inverted is None:
            return None
        rest = [t for t in after if t.i != verb.i]
        body = verb.lemma_ + (" " + words(rest) if rest else "")
    if not body:
        return None
    subject_text = resolver.phrase(subject)
    question = f"{lead} {inverted} {subject_text} {body}" if lead else f"{inverted} {subject_text} {body}"
    return sentence_case(question) + "?"


def _from_doubt(governor: Token, resolver: Resolver) -> list[str]:
    """Embedded questions that a word of doubt, a pending decision or a denied telling leaves open:
    "It remains unclear whether X will Y", "declined to say how many", "debate as to whether",
    "We'll see what role Canada might play"; one question per embedded question."""
    if not _leaves_open(governor) or _answered(governor):
        return []
    scope = governor.head if governor.dep_ in ("acomp", "attr", "oprd") and governor.pos_ in ("ADJ", "NOUN") \
        else governor
    questions: list[str] = []
    seen: set[int] = set()
    for token in scope.subtree:
        if token.i <= governor.i or token.lower_ not in WH_WORDS:
            continue
        if not (token.tag_ in ("WDT", "WP", "WP$", "WRB") or token.dep_ == "mark"):
            continue
        verb = _embedded_clause(token, governor, scope)
        if verb is None or verb.i in seen:
            continue
        seen.add(verb.i)
        question = _embedded_question(token, verb, governor, resolver)
        if question:
            questions.append(question)
    return questions


def _from_obstacle(verb: Token, resolver: Resolver) -> str | None:
    """ "hurdles remain to reaching a peace deal — including that Z" → "Can a peace deal be reached, given that Z?"."""
    if verb.lemma_.lower() != "remain":
        return None
    subject = _subject(verb)
    if subject is None or subject.lemma_.lower() not in OBSTACLE_NOUNS:
        return None
    doc = verb.doc
    actions = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "over", "in")
               for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    if not actions:
        return None
    action = actions[0]
    objects = [c for c in action.children if c.dep_ == "dobj"]
    if not objects:
        return None
    target = words(span_words(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1))
    question = f"Can {target} be {participle(action.lemma_)}"
    including = [c for c in verb.children if c.lower_ == "including"]
    if including:
        clause = including[0]
        start = clause.i + 1
        if start < len(doc) and doc[start].lower_ == "that":
            start += 1
        given = words(span_words(doc, start, _trim_tail(doc, start, clause.right_edge.i + 1)))
        if given:
            question += f", given that {given}"
    return question + "?"


def _from_nothing_yet(verb: Token, resolver: Resolver) -> str | None:
    """ "No decision has been made on X" → "Will a decision be made on X?"; "no charges have been
    filed" → "Will charges be filed?"."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return None  # "has been made" so far, not "no child will be denied" or "was approved" back then
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ != "NOUN" or not any(
            c.lower_ == "no" and c.dep_ == "det" for c in subject.children):
        return None
    doc = verb.doc
    rest = words(span_words(doc, verb.i + 1, _trim_tail(doc, verb.i + 1, verb.right_edge.i + 1)))
    named = subject.text if subject.tag_ == "NNS" else ("an " if subject.text[0] in "aeiou" else "a ") + subject.text
    return f"Will {named} be {verb.text} {rest}".rstrip() + "?"


def _from_vote(verb: Token, resolver: Resolver) -> str | None:
    """ "The council will vote on the proposal next week" → "How will the council vote on the
    proposal next week?": a decision announced and not yet taken."""
    if verb.lemma_.lower() not in VOTING_VERBS or verb.pos_ != "VERB":
        return None
    if not any(c.dep_ == "aux" and c.lower_.replace("’", "'") in ("will", "'ll", "shall") for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children if c.i > verb.i) and verb.lemma_ == "vote":
        return None  # "will vote to approve": the article says how
    subject = _subject(verb)
    if subject is None or _first_person(subject) or not _names_an_actor(subject, resolver):
        return None
    doc = verb.doc
    rest = words(span_words(doc, verb.i + 1, _trim_tail(doc, verb.i + 1, verb.right_edge.i + 1)))
    return f"How will {resolver.phrase(subject)} {verb.lemma_} {rest}".rstrip() + "?"


def _from_demand(verb: Token, resolver: Resolver) -> str | None:
    """ "X is demanding that Y cede Z" → "Will Y cede Z?"."""
    if verb.lemma_.lower() not in DEMAND_VERBS:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or _first_person(subject):
            return None
        return _yes_no(resolver.phrase(subject), clause, clause.i + 1, clause.right_edge.i + 1)
    return None


def _sentence_questions(analysed: AnalysedArticle, index: int, resolver: Resolver) -> list[str]:
    span: Span | None = analysed.sentence_span(index)
    text = analysed.sentences[index].text
    if span is None or text.endswith("?") or text[:1].islower():
        return []  # a question already, or a fragment cut off its sentence
    found = []
    for token in span:
        question = None
        if token.tag_ == "MD" and token.lower_ in HEDGE_MODALS and token.dep_ == "aux":
            if not analysed.in_quotation(token.i):  # the speaker's hedge: the quotes section has it
                question = _from_modal(analysed, token, resolver)
        elif token.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            asked = _from_doubt(token, resolver)
            for builder in (_from_plan, _from_obstacle, _from_demand, _from_nothing_yet, _from_vote):
                if asked:
                    break
                question = builder(token, resolver)
                asked = [question] if question else []
            found.extend(q for q in asked if _asks_something(q))
            continue
        if question and _asks_something(question):
            found.append(question)
    return found


def _asks_something(question: str) -> bool:
    """One word ("What?") asks nothing; "Will it ...?" asks about no one; a run-on is no question."""
    question_words = question.split()
    return 2 <= len(question_words) <= MAX_QUESTION_WORDS and question_words[1].lower() not in VAGUE


def _anaphoric(question: str) -> bool:
    return any(word in ANAPHORIC for word in question.lower().replace("?", "").split()[3:])


def extract_open_questions(analysed: AnalysedArticle, actors: list[Actor]) -> list[Question]:
    """Questions the article leaves open, each resting on one sentence, none asked twice."""
    resolver = Resolver(analysed, actors)
    nlp_lemmas = {}
    questions: list[Question] = []
    for sentence in analysed.sentences:
        for text in _sentence_questions(analysed, sentence.index, resolver):
            text = sentence_case(text)
            lemmas = content_lemmas(analysed.sentence_span(sentence.index))
            subject = text.split()[1] if text.startswith("Will ") else None
            earlier = [q for q in questions if sentence.index - q.sentence <= LOOKBACK_SENTENCES]
            same_subject = [q for q in earlier if subject and q.question.startswith(f"Will {subject} ")]
            if same_subject and _anaphoric(text):
                condition = text[text.find(" if "):].rstrip("?") if " if " in text else ""
                if condition and " if " not in same_subject[-1].question:
                    target = same_subject[-1]
                    target.question = target.question.rstrip("?") + "," + condition + "?"
                continue  # "such an effort" points back to the question already asked
            if any(q.question == text for q in questions):
                continue
            if any(overlap(nlp_lemmas[id(q)], lemmas) >= 0.9 and q.sentence == sentence.index for q in questions):
                continue
            question = Question(question=text, sentence=sentence.index)
            nlp_lemmas[id(question)] = lemmas
            questions.append(question)
    return questions
