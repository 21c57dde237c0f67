"""Load and validate the packaged knowledge files (actors, agents, organisations, people, patterns).

Knowledge is data: every list lives in ``data/`` as TSV or YAML and is validated on load. A broken file
raises one :class:`~dyadwatch.errors.DictionaryError` listing *every* bad entry with file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .codes import CodeTable, code_table
from .errors import DictionaryError

#: Version of the packaged dictionaries, recorded with every coded event.
DICTIONARY_VERSION = "2026.11.1"
SECTOR_CODE = re.compile(r"^[A-Z]{3}$")
COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Agent:
    term: str
    sector: str | None
    title: bool


@dataclass(frozen=True)
class Igo:
    igo: str
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    name: str
    country: str | None
    igo: str | None
    sector: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Office:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    igo: str | None
    sector: str
    office: str
    start: date
    end: date | None

    def held_on(self, day: date | None) -> bool:
        """Whether the office was held on ``day`` (the last office counts when the day is unknown)."""
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class Knowledge:
    """Everything the actor resolver knows, loaded from the packaged (and user) data files."""

    countries: dict[str, Country]
    agents: dict[str, Agent]
    igos: dict[str, Igo]
    entities: list[Entity]
    offices: list[Office]
    version: str = DICTIONARY_VERSION
    people: dict[str, list[Office]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for office in self.offices:
            self.people.setdefault(office.name, []).append(office)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _read_tsv(filename: str, columns: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """Rows of a packaged TSV file as ``(file:line, row)``; comment lines start with ``#``."""
    text = resources.files("dyadwatch").joinpath(f"data/{filename}").read_text("utf-8")
    return parse_tsv(text, filename, columns)


def parse_tsv(
    text: str, filename: str, columns: tuple[str, ...]
) -> list[tuple[str, dict[str, str]]]:
    """Parse TSV text with a header row, checking the header names ``columns``."""
    numbered = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        raise DictionaryError([f"{filename}: no header row"])
    header = numbered[0][1].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise DictionaryError(
            [f"{filename}:{numbered[0][0]}: header lacks column(s) {', '.join(missing)}"]
        )
    rows = []
    for number, line in numbered[1:]:
        cells = line.split("\t")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        rows.append((f"{filename}:{number}", {k: (v or "").strip() for k, v in row.items()}))
    return rows


def _date(value: str, where: str, what: str, problems: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: {what} {value!r} is not an ISO date")
        return None


def load_countries(problems: list[str]) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for where, row in _read_tsv(
        "countries.tsv", ("code", "name", "aliases", "adjectives", "capitals")
    ):
        code = row["code"]
        if not COUNTRY_CODE.match(code):
            problems.append(f"{where}: country code {code!r} is not three capital letters")
            continue
        if not row["name"]:
            problems.append(f"{where}: country {code} has no name")
            continue
        if code in countries:
            problems.append(f"{where}: duplicate country {code}")
            continue
        countries[code] = Country(
            code,
            row["name"],
            _split(row["aliases"]),
            _split(row["adjectives"]),
            _split(row["capitals"]),
        )
    return countries


def load_agents(problems: list[str]) -> dict[str, Agent]:
    agents: dict[str, Agent] = {}
    for where, row in _read_tsv("agents.tsv", ("term", "sector", "title")):
        term, sector = row["term"], row["sector"]
        if not term or term != term.lower():
            problems.append(f"{where}: agent term {term!r} must be non-empty lower case")
            continue
        if sector != "-" and not SECTOR_CODE.match(sector):
            problems.append(f"{where}: sector {sector!r} of {term!r} is not a CAMEO agent code")
            continue
        if row["title"] not in ("yes", "no"):
            problems.append(f"{where}: title of {term!r} must be yes or no, not {row['title']!r}")
            continue
        if term in agents:
            problems.append(f"{where}: duplicate agent term {term!r}")
            continue
        agents[term] = Agent(term, None if sector == "-" else sector, row["title"] == "yes")
    return agents


def load_igos(problems: list[str]) -> dict[str, Igo]:
    igos: dict[str, Igo] = {}
    for where, row in _read_tsv("igos.tsv", ("igo", "code", "name", "aliases")):
        if not row["igo"] or not row["code"].startswith("IGO") or not row["name"]:
            problems.append(f"{where}: organisation needs igo, a code starting IGO, and a name")
            continue
        if row["igo"] in igos:
            problems.append(f"{where}: duplicate organisation {row['igo']}")
            continue
        igos[row["igo"]] = Igo(row["igo"], row["code"], row["name"], _split(row["aliases"]))
    return igos


def _country_or_igo(
    value: str, where: str, countries: dict[str, Country], igos: dict[str, Igo], problems: list[str]
) -> tuple[str | None, str | None, bool]:
    if value in ("", "---"):
        return None, None, True
    if value in countries:
        return value, None, True
    if value in igos:
        return None, value, True
    problems.append(
        f"{where}: {value!r} is neither a country code in countries.tsv nor an igo in igos.tsv"
    )
    return None, None, False


def load_entities(
    countries: dict[str, Country], igos: dict[str, Igo], problems: list[str]
) -> list[Entity]:
    entities = []
    for where, row in _read_tsv("entities.tsv", ("name", "country", "sector", "aliases")):
        country, igo, ok = _country_or_igo(row["country"], where, countries, igos, problems)
        sector = row["sector"] or None
        if sector and not SECTOR_CODE.match(sector):
            problems.append(f"{where}: sector {sector!r} is not a CAMEO agent code")
            ok = False
        if ok:
            entities.append(Entity(row["name"], country, igo, sector, _split(row["aliases"])))
    return entities


def load_offices(
    countries: dict[str, Country], igos: dict[str, Igo], problems: list[str]
) -> list[Office]:
    offices = []
    for where, row in _read_tsv(
        "people.tsv", ("name", "aliases", "country", "sector", "office", "start", "end")
    ):
        country, igo, ok = _country_or_igo(row["country"], where, countries, igos, problems)
        if not SECTOR_CODE.match(row["sector"]):
            problems.append(f"{where}: sector {row['sector']!r} is not a CAMEO agent code")
            ok = False
        start = _date(row["start"], where, "start", problems)
        end = _date(row["end"], where, "end", problems)
        if start is None:
            if not row["start"]:
                problems.append(f"{where}: office of {row['name']} has no start date")
            ok = False
        elif end is not None and end <= start:
            problems.append(f"{where}: office of {row['name']} ends before it starts")
            ok = False
        if ok and start is not None:
            offices.append(
                Office(
                    row["name"],
                    _split(row["aliases"]),
                    country,
                    igo,
                    row["sector"],
                    row["office"],
                    start,
                    end,
                )
            )
    return offices


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The packaged actor knowledge, validated (loaded once per process)."""
    problems: list[str] = []
    countries = load_countries(problems)
    igos = load_igos(problems)
    kb = Knowledge(
        countries=countries,
        agents=load_agents(problems),
        igos=igos,
        entities=load_entities(countries, igos, problems),
        offices=load_offices(countries, igos, problems),
    )
    if problems:
        raise DictionaryError(problems)
    return kb


# --- event patterns -------------------------------------------------------------------------------

PATTERN_KEYS = {
    "code",
    "verbs",
    "nouns",
    "objects",
    "particle",
    "preps",
    "symmetric",
    "no_target",
    "needs_target",
}


@dataclass(frozen=True)
class Pattern:
    """One event pattern of ``verbs.yaml`` (see the file's header for the meaning of each field)."""

    code: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str]
    particle: str | None
    preps: frozenset[str]
    symmetric: bool
    no_target: bool
    needs_target: bool
    line: int

    @property
    def specificity(self) -> int:
        """Patterns that ask more of the sentence win over bare ones for the same word."""
        return (2 if self.objects else 0) + (1 if self.particle else 0)

    @property
    def name(self) -> str:
        """A readable name for the evidence field."""
        words = sorted(self.verbs or self.nouns)
        head = "/".join(words[:3]) + ("/…" if len(words) > 3 else "")
        parts = [head]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            objs = sorted(self.objects)
            parts.append("+" + "/".join(objs[:3]) + ("/…" if len(objs) > 3 else ""))
        return " ".join(parts)


@dataclass
class Patterns:
    patterns: list[Pattern]
    intent_verbs: frozenset[str]
    intent_codes: dict[str, str]
    intent_own_codes: dict[str, str]
    version: int
    by_verb: dict[str, list[Pattern]] = field(default_factory=dict)
    by_noun: dict[str, list[Pattern]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            for verb in pattern.verbs:
                self.by_verb.setdefault(verb, []).append(pattern)
            for noun in pattern.nouns:
                self.by_noun.setdefault(noun, []).append(pattern)
        for table in (self.by_verb, self.by_noun):
            for entries in table.values():
                entries.sort(key=lambda p: -p.specificity)


def _line_of(text: str, needle: str, after: int = 0) -> int:
    index = text.find(needle, after)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def parse_patterns(text: str, filename: str, codes: CodeTable) -> Patterns:
    """Parse and validate a pattern file; every bad entry is reported at once."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError([f"{filename}: not valid YAML: {exc}"]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DictionaryError([f"{filename}: expected a mapping with a 'patterns' list"])
    problems: list[str] = []
    patterns: list[Pattern] = []
    search_from = 0
    for index, entry in enumerate(data["patterns"], 1):
        line = _line_of(text, "- {code:", search_from) or index
        search_from = (
            text.find("- {code:", search_from) + 1
            if "- {code:" in text[search_from:]
            else search_from
        )
        where = f"{filename}:{line} (pattern {index})"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping, got {type(entry).__name__}")
            continue
        unknown = set(entry) - PATTERN_KEYS
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        code = str(entry.get("code", ""))
        if code not in codes:
            problems.append(f"{where}: {code!r} is not a CAMEO event code")
            continue
        lists: dict[str, frozenset[str]] = {}
        bad = False
        for key in ("verbs", "nouns", "objects", "preps"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"{where}: {key} must be a list of words")
                bad = True
                continue
            lists[key] = frozenset(v.lower() for v in value)
        if bad:
            continue
        if bool(lists["verbs"]) == bool(lists["nouns"]):
            problems.append(f"{where}: give either verbs or nouns")
            continue
        patterns.append(
            Pattern(
                code,
                lists["verbs"],
                lists["nouns"],
                lists["objects"],
                entry.get("particle"),
                lists["preps"],
                bool(entry.get("symmetric")),
                bool(entry.get("no_target")),
                bool(entry.get("needs_target")),
                line,
            )
        )
    intent = data.get("intent") or {}
    intent_codes = {str(k): str(v) for k, v in (intent.get("codes") or {}).items()}
    own_codes = {str(k): str(v) for k, v in (intent.get("own_codes") or {}).items()}
    for root, code in list(intent_codes.items()) + list(own_codes.items()):
        if code not in codes:
            problems.append(
                f"{filename}: intent code {code!r} (for {root!r}) is not a CAMEO event code"
            )
    if problems:
        raise DictionaryError(problems)
    return Patterns(
        patterns,
        frozenset(intent.get("verbs") or []),
        intent_codes,
        own_codes,
        int(data.get("version", 1)),
    )


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The packaged event patterns, validated (loaded once per process)."""
    text = resources.files("dyadwatch").joinpath("data/verbs.yaml").read_text("utf-8")
    return parse_patterns(text, "verbs.yaml", code_table())


def describe(obj: Any) -> str:
    """Short description of a knowledge entry, for evidence strings."""
    return getattr(obj, "name", None) or getattr(obj, "term", None) or str(obj)
