"""Dates: resolve the temporal expressions of a sentence and give each event its date.

Resolution is relative to an *anchor*: the publication date, or inside a photo caption the caption's
own explicit date. Supported forms, each with the precision it yields:

* explicit dates — "Sept. 11, 2020", "11 September 2020", "September 11", "2020-09-11" (``day``);
  a date without a year takes the anchor's year, or the year before when that would put it more than
  a month after the anchor (news reports the past);
* weekdays — "on Friday": the latest such weekday on or before the anchor; "last Friday" the one
  before the anchor, "next Friday" the one after (``day``);
* relative days — "today", "yesterday", "N days/weeks later|earlier|ago", "the next day" (``day``);
  "later"/"after" count from the previous dated event of the article, "ago" from the anchor;
* weeks — "last week": the Monday that starts it (``week``);
* months — "in (early|mid|late) September [2020]", "last/next December", "last month", "(earlier)
  this month" (``month``);
  years — "in 2019", "last year", "(earlier) this year" (``year``).

An event takes the date expression in its predicate's syntactic subtree, else that of the clause its
participle or conjoined verb hangs on ("backed down on March 4, choosing instead to ..."; not a reported
clause's), else a sentence-initial one ("On March 4, ..."), else the sentence's only date expression,
else the publication date (``date_text`` is then null, so it can be told apart). A weekday, or a
month or day without a year or a direction, then moves with the tense of the event's verb
(:func:`for_tense`): "will meet on Friday" is the coming Friday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .syntax import distance, governed_directly

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
NUMBERS = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
#: Words that set a weekday or a month before or after the anchor ("last December", "next
#: Friday"); a weekday or month without one follows the tense of its event's verb.
PAST_WORDS = {"last", "past", "this past"}
NEXT_WORDS = {"next", "coming", "this coming"}
#: Pattern kinds whose value can move with the tense of the event's verb (see :func:`for_tense`).
MOVABLE_FORMS = {"weekday", "month", "mdy", "dmy"}
#: A month-less day more than this far after the anchor is taken to be last year's.
FUTURE_TOLERANCE = timedelta(days=31)

MONTH_RE = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    (
        "mdy",
        re.compile(
            MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.I
        ),
    ),
    (
        "dmy",
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + MONTH_RE
            + r"(?:,?\s+(?P<year>\d{4}))?\b",
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<count>\d+|one|a|an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
            r"(?P<unit>day|days|week|weeks)\s+(?P<dir>later|earlier|before|after|ago)\b",
            re.I,
        ),
    ),
    ("nextday", re.compile(r"\b(?:the\s+)?(?P<which>next|following|previous)\s+day\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>today|yesterday|tonight|tomorrow)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?"
            r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?:in|during|by|since)\s+)?(?:(?P<part>early|mid|late|the end of|the beginning of)[\s-]+)?"
            r"(?:(?P<rel>last|next|this\s+past|past|this\s+coming|coming)\s+)?"
            + MONTH_RE
            + r"(?:\s+(?P<year>\d{4}))?\b",
            re.I,
        ),
    ),
    ("last", re.compile(r"\blast\s+(?P<unit>week|month|year)\b", re.I)),
    ("this", re.compile(r"\b(?:earlier\s+)?this\s+(?P<unit>month|year)\b", re.I)),
    ("year", re.compile(r"\bin\s+(?P<year>(?:1[89]|20)\d{2})\b", re.I)),
]


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT = "0123456789"
#: What a pattern cannot match without: for each kind, groups of lower-case substrings, one of each
#: group present in the text. Most sentences lack them all and skip every regex.
NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "iso": (tuple(_DIGIT),),
    "mdy": (_MONTH_STEMS, tuple(_DIGIT)),
    "dmy": (_MONTH_STEMS, tuple(_DIGIT)),
    "relative": (("day", "week"),),
    "nextday": (("day",),),
    "deictic": (("today", "yesterday", "tonight", "tomorrow"),),
    "weekday": (("day",),),
    "month": (_MONTH_STEMS,),
    "last": (("last",), ("week", "month", "year")),
    "this": (("this",), ("month", "year")),
    "year": (tuple(_DIGIT),),
}

#: per pattern kind, its word groups, each one regex for any of the group's words (a group shared
#: by several kinds is the same regex, so a text is searched for it once)
_GROUP_RES = {
    group: re.compile("|".join(re.escape(word) for word in group))
    for groups in NEEDS.values()
    for group in groups
}
_NEEDED = {kind: [_GROUP_RES[group] for group in groups] for kind, groups in NEEDS.items()}
#: any word of any group: a text with none of them has no date expression (one search for most
#: sentences)
_ANY_NEEDED = re.compile(
    "|".join(sorted({re.escape(w) for groups in NEEDS.values() for g in groups for w in g}))
)


@dataclass
class DateMention:
    """A resolved temporal expression: character span within the sentence text, value and precision."""

    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, week (value: its Monday), month or year
    relative_to_previous: bool = False
    #: the pattern kind that matched ("weekday", "month", "mdy", ...)
    form: str = ""
    #: whether the value may move to the next or previous such day or month with the tense of the
    #: event's verb: a weekday, or a month or a day written without a year and without a direction
    #: ("last", "next")
    movable: bool = False


def _direction(groups: dict[str, str | None]) -> str:
    """The "last"/"next" written before a weekday or month, spaces normalised ("" for none)."""
    return " ".join((groups.get("rel") or "").lower().split())


def _year_for(month: int, day: int | None, anchor: date) -> int:
    year = anchor.year
    try:
        candidate = date(year, month, day or 1)
    except ValueError:
        return year
    if candidate - anchor > FUTURE_TOLERANCE:
        return year - 1
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, anchor: date | None, previous: date | None = None) -> list[DateMention]:
    """Find and resolve the date expressions of ``text`` (non-overlapping, leftmost-longest)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    if _ANY_NEEDED.search(lowered) is None:
        return found
    present: dict[re.Pattern[str], bool] = {}  # word group -> in the text (searched once)

    def has(words: re.Pattern[str]) -> bool:
        if words not in present:
            present[words] = words.search(lowered) is not None
        return present[words]

    for kind, regex in PATTERNS:
        if not all(has(words) for words in _NEEDED[kind]):
            continue
        for match in regex.finditer(text):
            span = match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            resolved = _resolve(kind, match, anchor, previous)
            if resolved is None:
                continue
            value, precision, relative = resolved
            taken.append(span)
            rel = _direction(match.groupdict())
            movable = (kind == "weekday" or not match.groupdict().get("year")) and rel in (
                "",
                "this",
            )
            found.append(
                DateMention(
                    span[0],
                    span[1],
                    match.group(0),
                    value,
                    precision,
                    relative,
                    kind,
                    movable and kind in MOVABLE_FORMS,
                )
            )
    found.sort(key=lambda d: d.start)
    return found


def _resolve(
    kind: str, m: re.Match[str], anchor: date | None, previous: date | None
) -> tuple[str, str, bool] | None:
    groups = m.groupdict()
    if kind == "iso":
        day = _safe_date(int(groups["year"]), int(groups["mnum"]), int(groups["day"]))
        return (day.isoformat(), "day", False) if day else None
    if kind in ("mdy", "dmy"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        number = int(groups["day"])
        if groups.get("year"):
            year = int(groups["year"])
        elif anchor is not None:
            year = _year_for(month, number, anchor)
        else:
            return None
        day = _safe_date(year, month, number)
        return (day.isoformat(), "day", False) if day else None
    if kind == "month":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        if groups["month"].lower() == "may" and not (
            groups.get("year")
            or groups.get("part")
            or groups.get("rel")
            or m.group(0).lower().startswith(("in ", "during ", "by ", "since "))
        ):
            return None  # the modal verb "may"
        rel = _direction(groups)
        if groups.get("year"):
            year = int(groups["year"])
        elif anchor is None:
            return None
        elif rel in PAST_WORDS:
            # "last December": the latest December before the anchor's month
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif rel in NEXT_WORDS:
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = _year_for(month, None, anchor)
        return f"{year:04d}-{month:02d}", "month", False
    if kind == "year":
        return groups["year"], "year", False
    if anchor is None:
        return None
    if kind == "weekday":
        rel = _direction(groups)
        weekday = WEEKDAYS[groups["weekday"].lower()]
        if rel in NEXT_WORDS:
            # "next Friday": the first Friday after the anchor
            ahead = (weekday - anchor.weekday()) % 7 or 7
            return (anchor + timedelta(days=ahead)).isoformat(), "day", False
        back = (anchor.weekday() - weekday) % 7
        if rel in PAST_WORDS:
            back = back or 7  # "last Friday" written on a Friday is a week before
        return (anchor - timedelta(days=back)).isoformat(), "day", False
    if kind == "deictic":
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[groups["word"].lower()]
        return (anchor + timedelta(days=offset)).isoformat(), "day", False
    if kind == "last":
        unit = groups["unit"].lower()
        if unit == "week":
            # the Monday that starts the week before the anchor's
            return (anchor - timedelta(days=anchor.weekday() + 7)).isoformat(), "week", False
        if unit == "month":
            first = anchor.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}", "month", False
        return f"{anchor.year - 1:04d}", "year", False
    if kind == "this":
        if groups["unit"].lower() == "month":
            return f"{anchor.year:04d}-{anchor.month:02d}", "month", False
        return f"{anchor.year:04d}", "year", False
    if kind == "nextday":
        base = previous or anchor
        step = -1 if groups["which"].lower() == "previous" else 1
        return (base + timedelta(days=step)).isoformat(), "day", previous is not None
    if kind == "relative":
        count_word = groups["count"].lower()
        count = int(count_word) if count_word.isdigit() else NUMBERS[count_word]
        days = count * (7 if groups["unit"].lower().startswith("week") else 1)
        direction = groups["dir"].lower()
        if direction == "ago":
            return (anchor - timedelta(days=days)).isoformat(), "day", False
        base = previous or anchor
        sign = 1 if direction in ("later", "after") else -1
        return (base + timedelta(days=sign * days)).isoformat(), "day", previous is not None
    return None


#: Clauses that share the date of the verb they hang on, and how far up to look.
SHARING_CLAUSE_DEPS = {"advcl", "xcomp", "conj"}
MAX_CLAUSE_STEPS = 4
#: Adverbs that set a clause at another time than the one it hangs on.
SEQUENCE_WORDS = {
    "later",
    "afterwards",
    "afterward",
    "subsequently",
    "then",
    "earlier",
    "previously",
    "eventually",
    "since",
    "now",
}
#: Words that may open a sentence before its date ("On March 4, ...").
SENTENCE_OPENERS = {"", "on", "in", "by", "since", "during", "early on", "late on", "then on"}


def date_for_predicate(
    sent: Span, dates: list[DateMention], trigger: Token, predicate: Token | None = None
) -> DateMention | None:
    """The date expression of an event: in its own clause, else the sentence's only one, else a
    sentence-initial one ("Three days later, ..."), else None."""
    if not dates:
        return None
    also = (predicate,) if predicate is not None else ()
    clause = trigger
    for _ in range(MAX_CLAUSE_STEPS):
        inside: list[tuple[int, DateMention]] = []
        for mention in dates:
            tokens = [t for t in sent if mention.start <= t.idx - sent.start_char < mention.end]
            if any(governed_directly(t, clause, also) for t in tokens):
                inside.append((min(distance(t, clause) for t in tokens), mention))
        if inside:
            return min(inside, key=lambda pair: pair[0])[1]
        # "backed down on March 4, choosing instead to ...": a participle or a conjoined verb with no
        # date of its own happens when the clause it hangs on does (not a reported clause)
        if (
            clause.dep_ not in SHARING_CLAUSE_DEPS
            or clause.head.pos_ not in ("VERB", "AUX")
            or _another_time(clause)
        ):
            break  # "... and later banned gatherings": another time
        clause, also = clause.head, ()
    first = dates[0]
    if sent.text[: first.start].strip(" ,\"'“‘(").lower() in SENTENCE_OPENERS:
        return first  # a sentence-initial adverbial ("On March 4, ...") scopes over the sentence
    root = sent.root
    if _another_time(clause):
        return None  # "closed the border on May 3 and later expelled ...": not on May 3
    if len(dates) == 1 and governed_directly(trigger, root):
        tokens = [t for t in sent if first.start <= t.idx - sent.start_char < first.end]
        if any(governed_directly(t, root) for t in tokens):
            return first  # the sentence's only date, in the same main clause as the event
    return None


def _another_time(clause: Token) -> bool:
    """Whether a clause sets itself at another time than the one it hangs on ("later banned")."""
    return any(c.dep_ == "advmod" and c.lower_ in SEQUENCE_WORDS for c in clause.children)


#: Auxiliaries of the future ("will meet", "won't sign", "shall").
FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo", "ll"}
PAST_AUXILIARIES = {"had", "has", "have", "was", "were", "'d"}
#: Verbs whose infinitive complement is a planned act ("is scheduled to visit on Friday").
PLANNING_VERBS = {"plan", "schedule", "due", "set", "expect", "intend", "prepare", "go"}


def _tense(predicate: Token) -> str | None:
    """``"future"``, ``"past"`` or None (present, or not told) for an event's verb."""
    verb = predicate
    if verb.pos_ in ("NOUN", "PROPN") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "held talks on Friday": the tense of "held"
    for step in range(3):
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & FUTURE_AUXILIARIES:
            return "future"
        if step and verb.lemma_ in PLANNING_VERBS:
            return "future"
        if verb.dep_ != "xcomp" or verb.head.pos_ not in ("VERB", "AUX", "ADJ"):
            break
        verb = verb.head  # "plans to meet", "will try to sign"
    if step:
        return None  # "agreed to meet on Monday": a time of its own, before or after the agreement
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries & PAST_AUXILIARIES):
        return "past"  # "warned", "has signed", "was arrested"
    return None


def for_tense(mention: DateMention, predicate: Token, anchor: date | None) -> DateMention:
    """``mention`` moved to the next or previous such weekday, month or day when its event's verb
    says so: "will meet on Friday" is the coming Friday, "will vote in March" written in November
    next March; "warned in December" written in November was last December."""
    if not mention.movable or anchor is None:
        return mention
    tense = _tense(predicate)
    if tense is None:
        return mention
    value = mention.value
    if mention.precision == "day":
        day = date.fromisoformat(value)
        if tense == "future" and day < anchor:
            if mention.form == "weekday":
                value = (day + timedelta(days=7)).isoformat()
            elif day.year < anchor.year:
                # a day the rule for the past put a year back ("on December 20" written in
                # October): undone
                later = _safe_date(day.year + 1, day.month, day.day)
                value = later.isoformat() if later else value
        elif tense == "past" and day > anchor:  # (a weekday never is)
            earlier = _safe_date(day.year - 1, day.month, day.day)
            value = earlier.isoformat() if earlier else value
    elif mention.precision == "month":
        year, month = int(value[:4]), int(value[5:7])
        if tense == "future" and (year, month) < (anchor.year, anchor.month):
            value = f"{year + 1:04d}-{month:02d}"
        elif tense == "past" and (year, month) > (anchor.year, anchor.month):
            value = f"{year - 1:04d}-{month:02d}"
    if value == mention.value:
        return mention
    return replace(mention, value=value)


#: A year written before an event noun: "a 2015 meeting", "on a 2017 trip".
YEAR_WORD = re.compile(r"(?:1[89]|20)\d{2}")


def noun_year(sent: Span, predicate: Token) -> DateMention | None:
    """The year an event noun carries itself ("a 2015 meeting between ...", "on a 2017 trip to
    France"): that is when the event happened, whatever else the sentence dates."""
    if predicate.pos_ != "NOUN":
        return None
    for child in predicate.children:
        if (
            child.i < predicate.i
            and child.dep_ in ("nummod", "compound", "amod", "npadvmod")
            and YEAR_WORD.fullmatch(child.text)
        ):
            start = child.idx - sent.start_char
            return DateMention(start, start + len(child.text), child.text, child.text, "year")
    return None


def parse_anchor(published: str | None) -> date | None:
    """The calendar date of an ISO publication date-time, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
