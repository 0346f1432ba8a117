"""Open questions: what the article leaves undecided, asked as a reader would ask it next.

Each question is built from one sentence's own words, by a few dependency patterns:

* hedged modals: "it may be prepared to join X" → "Will Canada be prepared to join X?";
* plans and options: "expects to advance X", "is not ruling out participating in X if Y",
  "has signaled openness to deploying X" → "Will <subject> advance / participate in / deploy X?";
* embedded questions: "We'll see what role Canada might play" → "What role might Canada play?";
* obstacles that remain: "hurdles remain to reaching a peace deal — including that Z" →
  "Can a peace deal be reached, given that Z?";
* demands between actors: "X is demanding that Y cede Z" → "Will Y cede Z?".

Pronouns and descriptions ("it", "he", "the North American nation") are replaced by the actor
they stand for when the article names it just before. A question whose object only points back
("such an effort") joins the question it points back to instead of repeating it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..models import Actor, Question
from ..nlp import AnalysedArticle
from ..vocabulary import (
    ANAPHORIC,
    DEMAND_VERBS,
    DESCRIPTION_TYPES,
    HEDGE_MODALS,
    IRREGULAR_PARTICIPLES,
    NEGATED_PLAN_VERBS,
    OBSTACLE_NOUNS,
    OPENNESS_NOUNS,
    PLAN_VERBS,
    VAGUE,
    WH_WORDS,
    WONDER_VERBS,
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
        # who each pronoun stands for, as the referents layer resolved it for every extractor
        self.referents: dict[int, str] = {span.start: span._.referent.name
                                          for span in analysed.doc.spans.get("referent", [])}
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
        if lowered in ("he", "she", "it") and head.i in self.referents:
            return self.canonical(self.referents[head.i])
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
    if lowered in ("no-one", "nobody", "nothing", "none", "noone", "no one"):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)


def _relative_pronoun(token: Token) -> bool:
    return token.tag_ in ("WDT", "WP") or (token.lower_ == "that" and token.dep_ == "nsubj" and token.head.dep_ == "relcl")


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
    if subject is None or _first_person(subject) or subject.i > verb.i or _relative_pronoun(subject):
        return None
    if _vague_subject(subject) or subject.text == "It":
        return None  # "That could have an effect": what "that" is, the sentence does not say
    following = doc_after(modal)
    if any(c.dep_ == "neg" for c in verb.children) or (following is not None and following.lower_ == "have"):
        return None  # "could not cope", "might have come": a statement about the past, not a pending choice
    doc = verb.doc
    end = _trim_tail(doc, modal.i + 1, verb.right_edge.i + 1)
    rest = words(span_words(doc, modal.i + 1, end))
    return f"Will {resolver.phrase(subject)} {rest}?" if len(rest.split()) >= 2 else None


def _from_plan(verb: Token, resolver: Resolver) -> str | None:
    """ "expects to advance X" / "not ruling out participating in X" / "openness to deploying X"."""
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)
    if past and verb.pos_ != "NOUN":
        return None  # "had planned to drive": a plan the article may already have overtaken
    if lemma in PLAN_VERBS or (lemma in NEGATED_PLAN_VERBS and negated):
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
    if subject is None or _first_person(subject) or _relative_pronoun(subject) or _vague_subject(subject):
        return None
    return _yes_no(resolver.phrase(subject), action, action.i + 1, action.right_edge.i + 1, _condition(verb))


def _from_embedded(verb: Token, resolver: Resolver) -> str | None:
    """ "We'll see what role Canada might play within that group" → "What role might Canada play ...?"."""
    if verb.lemma_.lower() not in WONDER_VERBS:
        return None
    doc = verb.doc
    negated = any(c.dep_ == "neg" for c in verb.children) or any(
        c.lower_ in ("nor", "not") for c in verb.children) or verb.lower_ in ("unclear", "uncertain")
    future_see = verb.lemma_ == "see" and any(c.lower_ in ("will", "'ll", "’ll") for c in verb.children)
    if not (negated or future_see or verb.lemma_ in ("wonder", "ask")):
        return None  # "knowing what consumers want" is knowledge, not an open question
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.i < verb.i:
            continue
        start = clause.left_edge.i
        first = doc[start]
        if first.lower_ not in WH_WORDS:
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        auxiliary = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i), None)
        end = _trim_tail(doc, clause.i, clause.right_edge.i + 1)
        if subject is None or subject.i <= start:
            if first.lower_ in ("whether", "if"):
                return None
            body = words(span_words(doc, start, end))  # "what happened next": the wh-word is the subject
            return sentence_case(body) + "?" if body else None
        subject_text = resolver.phrase(subject)
        after_subject = subject.right_edge.i + 1
        if auxiliary is not None:
            rest = [t for t in span_words(doc, after_subject, end) if t.i != auxiliary.i]
            aux_text = auxiliary.text.lower()
        else:
            rest = span_words(doc, clause.i, end)
            plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "you", "i")
            aux_text = "did" if clause.tag_ == "VBD" else ("do" if plural else "does")
            rest = [t for t in rest if t.i != clause.i]
            rest = [clause] + rest
            rest_text = clause.lemma_ + (" " + words(rest[1:]) if len(rest) > 1 else "")
        if first.lower_ in ("whether", "if"):
            lead = aux_text.capitalize() if auxiliary is not None else "Will"
            body = words(rest) if auxiliary is not None else rest_text
            if len(body.split()) < 2:
                return None
            return f"{lead} {subject_text} {body}?"
        wh = words(span_words(doc, start, subject.left_edge.i))
        if not wh:
            return None  # "which team wins": the wh-word belongs to the subject, no question word is left
        body = words(rest) if auxiliary is not None else rest_text
        return f"{sentence_case(wh)} {aux_text} {subject_text} {body}?"
    return None


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
        elif token.pos_ in ("VERB", "AUX", "NOUN"):
            for builder in (_from_plan, _from_embedded, _from_obstacle, _from_demand):
                question = builder(token, resolver)
                if question:
                    break
        question_words = question.split() if question else []
        if 2 <= len(question_words) <= MAX_QUESTION_WORDS and question_words[1].lower() not in VAGUE:
            found.append(question)  # one word ("What?") asks nothing; "Will it ...?" asks about no one
    return found


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
