"""Resolve the date words of an article against its publication date and the verb's tense.

python-dateutil does the calendar work (parsing "Aug. 20", weekday arithmetic); the anchoring is
ours, because no library knows that "on Friday emphasized" in a Sunday paper means two days ago
while "will meet on Friday" means five days ahead:

* past tense: the most recent matching day on or before the article date (news is often
  published on the day of the event, so the article's own weekday counts as "today");
* present or future: the next matching day on or after the article date;
* a month or month-and-day without a year: the nearest such month in the tense's direction,
  across year boundaries ("in December" in a January paper is last December when past);
* with no article date, only explicit years resolve; relative words stay ``None``;
* a date the arithmetic would put outside the calendar (before year 1 or after year 9999: "800000
  days ago", "tomorrow" in a paper dated 9999-12-31) is not a date either, and gives ``None``.

A resolved date is a string at the precision the words support: ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``. Durations ("13 years", "several months") are not dates and give ``None``.
"""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, datetime

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from dateutil.relativedelta import weekday as relative_weekday

from ..vocabulary import NUMBER_WORDS, SAME_DAY, SEASONS, WEEKDAY_NAMES

PAST, NEAREST, FUTURE = -1, 0, 1

WEEKDAYS = dict(zip(WEEKDAY_NAMES, (MO, TU, WE, TH, FR, SA, SU), strict=True))
# Words that shade a date without changing which day, month or year it names.
SOFTENERS = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|through|during|of|the|early|earlier|mid|late|later|"
    r"around|about|before|after|last|this|next|past|coming|beginning|end|start|middle)\b[\s-]*",
    re.IGNORECASE,
)
PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|overnight)\b", re.IGNORECASE)
AGO = re.compile(r"^(?:about |nearly |almost |some |more than |roughly )?(\w+) (year|month|week|day)s? ago$",
                 re.IGNORECASE)
RELATIVE_UNIT = re.compile(r"^(?:(?:earlier|later) )?(this|last|next|the past|the coming) (year|month|week|weekend)$",
                           re.IGNORECASE)
SEASON = re.compile(r"^(this|last|next|this past|the past) (spring|summer|fall|autumn|winter)$")
MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)
YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)(?:'s)?$")
# "9999999 days ago" already lies before year 1: longer digit strings are never a calendar date.
MAX_AGO_DIGITS = 7
DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies)|"
                      r"seasons?)\b", re.IGNORECASE)


def _moved(anchor: date, *, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0,
           weekday: relative_weekday | None = None) -> date | None:
    """``anchor`` moved by a calendar offset, or ``None`` when the result would leave the calendar.

    Every date arithmetic of this module goes through here, so "tomorrow" in a paper dated
    9999-12-31 or "800000 days ago" gives no date instead of an exception.
    """
    try:
        return anchor + relativedelta(years=years, months=months, weeks=weeks, days=days, weekday=weekday)
    except (OverflowError, ValueError):
        return None


def _calendar_year(year: int) -> str | None:
    """A year as resolved text, or ``None`` for a year outside the calendar (before 1, after 9999)."""
    return str(year) if MINYEAR <= year <= MAXYEAR else None


def _clean(text: str) -> str:
    text = text.strip().rstrip(".,;:").replace("’", "'")
    text = re.sub(r"'s$", "", text)
    return re.sub(r"\s+", " ", text)


def _strip_softeners(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = SOFTENERS.sub("", text).strip()
    return text


def _season(which: str, name: str, anchor: date) -> str | None:
    """ "this summer" is this year's; "last winter" the most recent one that is over."""
    first, last = SEASONS[name]
    year = anchor.year
    if which == "last":
        over = anchor.month > last if first <= last else anchor.month in range(last + 1, first)
        return _calendar_year(year if over else year - 1)
    if which == "next":
        return _calendar_year(year if anchor.month < first else year + 1)
    return str(year)


def _month_of_week(anchor: date, offset_weeks: int) -> str | None:
    """A week named relative to the anchor: its month when the whole week falls in one month."""
    monday = _moved(anchor, weeks=offset_weeks, days=-anchor.weekday())
    sunday = _moved(monday, days=6) if monday is not None else None
    if monday is None or sunday is None:
        return None
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday:%Y-%m}"
    return f"{monday:%Y}" if monday.year == sunday.year else None


def _day(then: date | None) -> str | None:
    return then.isoformat() if then is not None else None


def _month(then: date | None) -> str | None:
    return f"{then:%Y-%m}" if then is not None else None


def _relative(text: str, anchor: date, direction: int) -> str | None:
    lowered = text.lower()
    season = SEASON.match(lowered)
    if season:
        return _season(season.group(1), season.group(2), anchor)
    if lowered in SAME_DAY:
        return anchor.isoformat()
    if lowered in ("yesterday", "last night"):
        return _day(_moved(anchor, days=-1))
    if lowered == "tomorrow":
        return _day(_moved(anchor, days=1))
    match = AGO.match(lowered)
    if match:
        number = match.group(1)
        if number.isdigit() and len(number) > MAX_AGO_DIGITS:
            return None
        amount = NUMBER_WORDS.get(number) or (int(number) if number.isdigit() else 0)
        if not amount:
            return None
        unit = match.group(2)
        if unit == "year":
            return _calendar_year(anchor.year - amount)
        if unit == "month":
            return _month(_moved(anchor, months=-amount))
        if unit == "week":
            return _month(_moved(anchor, weeks=-amount))
        return _day(_moved(anchor, days=-amount))
    if lowered == "weekend":
        lowered = "this weekend"
    match = RELATIVE_UNIT.match(lowered)
    if match:
        which, unit = match.groups()
        step = {"this": 0, "last": -1, "the past": -1, "next": 1, "the coming": 1}[which]
        if which == "the past" and unit != "weekend":
            return None  # "the past year" is a duration, not a date
        if unit == "year":
            return _calendar_year(anchor.year + step)
        if unit == "month":
            return _month(_moved(anchor, months=step))
        if unit == "weekend":
            if step == 0:
                step = -1 if direction == PAST else 0
            saturday = _moved(anchor, weekday=SA(-1 if step < 0 else 1))
            if saturday is not None and step > 0 and saturday <= anchor:
                saturday = _moved(saturday, weeks=1)
            return _month(saturday)
        return _month_of_week(anchor, step)
    return None


def _weekday(text: str, anchor: date, direction: int) -> str | None:
    words = text.lower().replace(",", " ").split()
    days = [w for w in words if w in WEEKDAYS]
    if len(days) != 1 or len(words) > 3:
        return None
    weekday = WEEKDAYS[days[0]]
    if "last" in words or "past" in words:
        direction, strict = PAST, True
    elif "next" in words or "coming" in words:
        direction, strict = FUTURE, True
    else:
        strict = False
    if direction == NEAREST:
        before = _moved(anchor, weekday=weekday(-1))
        after = _moved(anchor, weekday=weekday(+1))
        if before is None or after is None:
            return None  # the nearest such day may be the one outside the calendar
        return _day(before if (anchor - before) <= (after - anchor) else after)
    step = -1 if direction == PAST else 1
    then = _moved(anchor, weekday=weekday(step))
    if then is not None and strict and then == anchor:
        then = _moved(then, weeks=step)
    return _day(then)


def _explicit(text: str, anchor: date | None, direction: int) -> str | None:
    """Calendar dates such as "Aug. 20", "June 2019", "Jan. 19, 2020" or "in June"."""
    cleaned = _strip_softeners(text).replace(".", "")
    cleaned = PART_OF_DAY.sub("", cleaned).strip()
    if not cleaned or not re.search(r"[A-Za-z]", cleaned) and not YEAR.match(cleaned):
        match = YEAR.match(cleaned)
        return match.group(1) if match else None
    match = YEAR.match(cleaned)
    if match:
        return match.group(1)
    if any(word.lower() in WEEKDAYS for word in cleaned.split()):
        cleaned = " ".join(w for w in cleaned.split() if w.lower().strip(",") not in WEEKDAYS).strip(", ")
    try:
        fuzzy = bool(MONTH_NAME.search(cleaned + " "))  # "Sept. 15, days before": the date, not the rest
        first = date_parser.parse(cleaned, default=datetime(1, 1, 1), fuzzy=fuzzy)
        second = date_parser.parse(cleaned, default=datetime(2, 2, 2), fuzzy=fuzzy)
    except (ValueError, OverflowError):
        return None
    has_year = first.year == second.year
    has_month = first.month == second.month
    has_day = first.day == second.day
    if not has_month:
        return f"{first.year:04d}" if has_year else None
    if has_year:
        return f"{first:%Y-%m-%d}" if has_day else f"{first:%Y-%m}"
    if anchor is None:
        return None
    year = anchor.year
    if has_day:
        candidate: date | None = date(year, first.month, min(first.day, 28 if first.month == 2 else first.day))
        if direction == NEAREST:
            options = [_moved(candidate, years=step) for step in (-1, 0, 1)]
            if None in options:
                return None  # the nearest such day may be the one outside the calendar
            candidate = min(options, key=lambda option: (abs((option - anchor).days), option > anchor))
        elif direction == PAST and candidate > anchor:
            candidate = _moved(candidate, years=-1)
        elif direction == FUTURE and candidate < anchor:
            candidate = _moved(candidate, years=1)
        return _day(candidate)
    if direction == NEAREST:
        distance = (first.month - anchor.month) % 12
        if distance > 6 or distance == 6:
            year -= 1 if first.month > anchor.month else 0
        elif first.month < anchor.month:
            year += 1
    elif direction == PAST and first.month > anchor.month:
        year -= 1
    elif direction == FUTURE and first.month < anchor.month:
        year += 1
    return f"{year:04d}-{first.month:02d}" if _calendar_year(year) else None


def is_duration(text: str) -> bool:
    """ "13 years", "several months", "the following 10 years": spans of time, not dates."""
    lowered = _clean(text).lower()
    if AGO.match(lowered) or RELATIVE_UNIT.match(lowered) or MONTH_NAME.search(lowered) or lowered in SAME_DAY:
        return False
    if re.match(r"^(?:earlier|later|early|late|mid|the end of|the start of)?\s*(?:this|last|next) ", lowered):
        return False
    return bool(DURATION.search(lowered))


def resolve_date(text: str, anchor: date | None, direction: int = PAST) -> str | None:
    """The date that ``text`` names, seen from ``anchor`` in the tense ``direction`` (PAST/FUTURE)."""
    text = _clean(text)
    if not text:
        return None
    bare = _strip_softeners(text)
    year = YEAR.match(bare.replace("in ", ""))
    if year:
        return year.group(1)
    if is_duration(text):
        return None
    if anchor is None:
        return _explicit(text, None, direction) if re.search(r"\b(1[6-9]|20)\d\d\b", text) else None
    lowered = text.lower()
    for candidate in (lowered, _strip_softeners(lowered) if not lowered.startswith(("this", "last", "next"))
                      else lowered):
        resolved = _relative(candidate, anchor, direction)
        if resolved:
            return resolved
    resolved = _weekday(PART_OF_DAY.sub("", lowered).strip(), anchor, direction)
    if resolved:
        return resolved
    return _explicit(text, anchor, direction)
