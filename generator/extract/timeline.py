"""Timeline: dated events, dates resolved against the article's date."""

from __future__ import annotations

import re

from ..models import Event
from ..nlp import AnalysedArticle

YEAR = re.compile(r"^(?:in )?(\d{4})$")


def extract_timeline(analysed: AnalysedArticle) -> list[Event]:
    """First version: explicit years only; relative dates kept unresolved."""
    events = []
    for ent in analysed.doc.ents:
        if ent.label_ != "DATE":
            continue
        match = YEAR.match(ent.text)
        sentence = analysed.sentence_of_token(ent.start)
        events.append(Event(
            date=match.group(1) if match else None,
            text=analysed.sentences[sentence].text,
            sentence=sentence,
            date_text=ent.text,
        ))
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.sentence))
