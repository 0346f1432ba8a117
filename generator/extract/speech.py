"""Word lists for quotes and reported speech: reporting verbs, cues that a quoted phrase is a name.

Kept apart from the extractor so the rules read as code and the vocabulary as data.
"""

from __future__ import annotations

# Lemmas of verbs that report what someone said or wrote (textacy's English list, plus the
# verbs of attribution newspapers use most: quip, remember, tweet, blast, ...).
REPORTING_VERBS = frozenset({
    "accuse", "acknowledge", "add", "admit", "advise", "affirm", "agree", "allege", "announce",
    "answer", "argue", "ask", "assert", "assure", "blast", "boast", "brand", "call", "caution",
    "charge", "claim", "comment", "compare", "complain", "concede", "conclude", "confirm", "contend",
    "continue", "counter", "cry", "declare", "deny", "describe", "disclose", "dismiss",
    "emphasise", "emphasize", "exclaim", "interject", "interrupt", "explain", "grumble", "inform", "insist",
    "joke", "label", "lament", "maintain", "mention", "muse", "note", "object", "observe",
    "predict", "proclaim", "quip", "recall", "recount", "reiterate", "remark", "remember",
    "rejoin", "reply", "report", "respond", "retort", "reveal", "say", "scoff", "shout", "speak", "state",
    "stress", "suggest", "swear", "tell", "testify", "tweet", "urge", "vow", "warn", "whisper",
    "write",
})

# Reporting verbs that also have a common non-speech sense: they attribute only when they
# govern a quote or a clause (``she wrote that ...``), never on their own.
WEAK_REPORTING_VERBS = frozenset({"call", "compare", "describe", "label", "brand", "report", "speak"})

# Reporting verbs only when used on their own (``Alito continued: "..."``, not ``continue to``).
INTRANSITIVE_REPORTING_VERBS = frozenset({"continue"})

# Words right before a quoted phrase that make it a name, a title or a term, not a quotation.
NAMING_CUES = frozenset({
    "called", "named", "nicknamed", "dubbed", "titled", "entitled", "so-called", "term",
    "word", "words", "phrase", "slogan", "hashtag", "nickname", "motto", "known",
})

# Words that open no speaker: the subject is a pronoun to resolve against earlier sentences.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "we"})

# Titles and honorifics stripped from a speaker's name (lowercase, without full stop).
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "sen",
    "rep", "representative", "gov", "governor", "mayor", "judge", "gen",
    "col", "colonel", "capt", "captain", "lt", "sgt", "chief", "pope", "king", "queen",
    "prince", "princess", "rev", "reverend", "father", "sister", "brother", "coach", "chairman",
    "chairwoman", "commissioner", "ambassador", "sheikh", "st", "saint", "former", "late",
    "president-elect", "congressman", "congresswoman", "councillor", "councilor", "director",
})

# Nouns that describe a person when they head a speaker phrase without a name
# (``a government official said``, ``the 52-year-old said``).
PERSON_NOUNS = frozenset({
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources",
    "resident", "residents", "woman", "man", "person", "people", "analyst", "expert", "aide",
    "minister", "president", "secretary", "chief", "director", "officer", "lawyer", "attorney",
    "witness", "student", "scientist", "researcher", "professor", "doctor", "teacher", "worker",
    "employee", "executive", "manager", "owner", "farmer", "driver", "academic", "diplomat",
    "member", "leader", "chairman", "chairwoman", "founder", "campaigner", "activist",
    "politician", "lawmaker", "senator", "mayor", "governor", "adviser", "advisor", "economist",
    "investor", "trader", "author", "writer", "coach", "player", "fan", "mother", "father",
    "daughter", "son", "wife", "husband", "friend", "neighbour", "neighbor", "victim", "survivor",
    "police", "commander", "general", "soldier", "journalist", "reporter", "editor",
    "year-old", "teenager", "boy", "girl", "colleague", "partner", "insider", "observer",
})

# Nouns that make a possessive phrase an organisation that can speak (``Reid's campaign``).
ORGANISATION_NOUNS = frozenset({
    "campaign", "office", "administration", "government", "ministry", "department", "team",
    "company", "firm", "spokesman", "spokeswoman", "spokesperson", "paper", "newspaper",
    "agency", "committee", "party", "union", "council", "court", "organisation", "organization",
})

# Function words that may stay lowercase inside a title ("Once Upon A Time in Hollywood").
TITLE_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "into", "as", "vs", "via", "de", "la", "le", "von", "van", "du", "der",
})

# Corporate suffixes and name suffixes ignored when comparing speaker names.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "corp", "inc", "co", "ltd", "plc", "llc", "ag"})

# Nouns with a grammatical gender: a pronoun never refers back to a noun of the other gender.
MALE_NOUNS = frozenset({"man", "husband", "father", "son", "brother", "boy", "king", "spokesman",
                        "chairman", "congressman", "grandfather", "uncle", "nephew", "mr", "sir"})
FEMALE_NOUNS = frozenset({"woman", "wife", "mother", "daughter", "sister", "girl", "queen",
                          "spokeswoman", "chairwoman", "congresswoman", "grandmother", "aunt",
                          "niece", "mrs", "ms", "miss"})
