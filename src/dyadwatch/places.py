"""Places: where an event happened, from locative phrases in its sentence.

An event's location is the nearest "in <place>" / "at <place>" phrase in its predicate's subtree whose
object is a known country or seat of government. Seats of government ("the White House", "the Kremlin")
resolve to their capital city ("Washington", "Moscow"). A gazetteer of cities is a later stage's job;
places unknown to the actor knowledge base are left out rather than guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .actors import Mention
from .knowledge import Knowledge
from .syntax import distance, governed_directly

if TYPE_CHECKING:
    from spacy.tokens import Token

LOCATIVE_PREPOSITIONS = {"in", "at"}
PLACE_RULES = {"country": "country", "capital-metonym": "city"}


def place_of(mention: Mention, kb: Knowledge) -> dict[str, Any] | None:
    """A location record for a country or capital mention, or None for other actors."""
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


def location_for_predicate(
    trigger: Token,
    predicate: Token,
    mentions: list[Mention],
    kb: Knowledge,
    exclude: tuple[Mention | None, ...] = (),
) -> dict[str, Any] | None:
    """The location of the event whose clause is headed by ``trigger`` (and ``predicate``), or None."""
    best: tuple[int, dict[str, Any]] | None = None
    for mention in mentions:
        if any(mention is other for other in exclude if other is not None):
            continue
        head = trigger.doc[mention.head]
        if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPOSITIONS:
            continue
        if not governed_directly(head, trigger, (predicate,)):
            continue
        place = place_of(mention, kb)
        if place is None:
            continue
        hops = distance(head, trigger)
        if best is None or hops < best[0]:
            best = (hops, place)
    return best[1] if best else None
