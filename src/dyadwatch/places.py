"""Places: where an event happened, from locative phrases of its own clause.

An event's location is the nearest "in/at <place>" phrase in its predicate's clause (not in another
clause: "agreement signed in Washington" hanging on an object is the signing's place). The place is a
country or capital the actor knowledge names, or any city or US state of the gazetteer
(:mod:`dyadwatch.gazetteer`). Seats of government resolve to their capital city ("at the White House"
→ Washington, USA). A place name in a subject or object position is an actor (a metonym: "Washington
said"), never a location.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from .actors import Mention
from .dates import MONTHS
from .gazetteer import Gazetteer, gazetteer
from .knowledge import Knowledge
from .syntax import distance, governed_directly

if TYPE_CHECKING:
    from spacy.tokens import Token

LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "across", "over"}
PLACE_RULES = {"country": "country", "capital-metonym": "city", "seat-metonym": "city"}
#: entity types no place has: "in March 2019" is a date, not March in Cambridgeshire
NOT_PLACE_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def place_of(mention: Mention, kb: Knowledge) -> dict[str, Any] | None:
    """A location record for a country, capital or seat mention, or None for other actors."""
    kind = PLACE_RULES.get(mention.rule)
    country = mention.actor.country
    if kind is None or country is None:
        return None
    entry = kb.countries[country]
    if kind == "country":
        return {
            "name": entry.name,
            "country": country,
            "type": "country",
            "text": mention.actor.text,
        }
    city = entry.capitals[0] if entry.capitals else mention.actor.text
    return {"name": city, "country": country, "type": "city", "text": mention.actor.text}


def place_name(token: Token) -> str:
    """The proper-noun phrase a token ends ("South Carolina", "Golan Heights"): the compound names
    right before it (not a dateline's: "ATLANTA - Texas police")."""
    parts = {c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
    start = token.i
    while start - 1 in parts:
        start -= 1
    return token.doc[start : token.i + 1].text


def gazetteer_place(
    token: Token,
    places: Gazetteer | None = None,
    prefer: Collection[str] = (),
    proper: bool = True,
) -> dict[str, Any] | None:
    """A location record for a proper noun the gazetteer knows (a namesake in a ``prefer`` country
    first); with ``proper`` false, for a token of any part of speech."""
    if proper and token.pos_ != "PROPN":
        return None
    if token.ent_type_ in NOT_PLACE_ENTITIES or _dated_month(token):
        return None
    name = place_name(token)
    place = (places or gazetteer()).lookup(name, prefer)
    return place.to_dict(name) if place is not None else None


def _dated_month(token: Token) -> bool:
    """A month with a day or a year ("in May 2019", "on March 3"), even where the tagger saw no
    date."""
    if token.lower_.rstrip(".") not in MONTHS:
        return False
    following = token.doc[token.i + 1 : token.i + 2]
    return any(t.like_num for t in (*token.children, *following))


def location_for_predicate(
    trigger: Token,
    predicate: Token,
    mentions: list[Mention],
    kb: Knowledge,
    exclude: tuple[Mention | None, ...] = (),
) -> dict[str, Any] | None:
    """The location of the event whose clause is headed by ``trigger`` (and ``predicate``), or None."""
    best: tuple[int, dict[str, Any]] | None = None
    for token in trigger.sent:
        if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        if not governed_directly(token, trigger, (predicate,)):
            continue
        mention = next((m for m in mentions if m.start <= token.i < m.end), None)
        if mention is not None and any(mention is other for other in exclude if other is not None):
            continue
        place = place_of(mention, kb) if mention is not None else gazetteer_place(token)
        if place is None:
            continue
        hops = distance(token, trigger)
        if best is None or hops < best[0]:
            best = (hops, place)
    return best[1] if best else None
