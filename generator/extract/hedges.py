"""Word lists for open questions: the words that mark a decision as still pending."""

from __future__ import annotations

# Modal verbs that leave an action undecided ("it may be prepared to join").
HEDGE_MODALS = {"may", "might", "could"}

# Verbs whose complement is a plan or an option, not a fact: "expects to advance",
# "is not ruling out participating", "has signaled openness to deploying".
PLAN_VERBS = {"expect", "plan", "hope", "aim", "intend", "consider", "weigh", "seek", "propose",
              "threaten", "mull", "explore"}
# Verbs that plan only when negated: "not ruling out", "not excluding".
NEGATED_PLAN_VERBS = {"rule", "exclude"}
# Nouns of willingness: "signaled openness to deploying", "readiness to send".
OPENNESS_NOUNS = {"openness", "willingness", "readiness", "intention", "plan", "plans"}

# Verbs that introduce an undecided embedded question: "We'll see what role Canada might play",
# "it is unclear whether ...", "has not decided whether ...".
WONDER_VERBS = {"see", "know", "decide", "determine", "wonder", "ask", "clear", "unclear", "uncertain"}
WH_WORDS = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether", "if"}

# Subjects of "remain" that name an obstacle: "major hurdles remain to reaching a peace deal".
OBSTACLE_NOUNS = {"hurdle", "obstacle", "question", "issue", "challenge", "problem", "doubt",
                  "concern", "difference", "gap", "sticking", "barrier", "uncertainty"}

# Verbs of demand between actors: "the Kremlin is demanding that Kyiv cede control".
DEMAND_VERBS = {"demand", "insist", "urge", "require"}

# Descriptions that stand for an earlier named actor: "the North American nation" → Canada.
DESCRIPTION_TYPES = {
    "nation": "GPE", "country": "GPE", "government": "GPE", "state": "GPE", "kingdom": "GPE",
    "republic": "GPE", "company": "ORG", "firm": "ORG", "group": "ORG", "organization": "ORG",
    "organisation": "ORG", "party": "ORG", "agency": "ORG", "carmaker": "ORG", "bank": "ORG",
}
FIRST_PERSON = {"i", "we", "you", "me", "us"}

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
