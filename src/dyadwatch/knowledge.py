"""Knowledge: the actor knowledge base — countries and regions, role words, organisations, companies
and media, people with dated offices, provinces as places — loaded from validated data files.

The packaged files live in ``data/``. Users add or override entries with their own files, passed as
``dictionaries`` (CLI: ``--dict PATH``, repeatable; a folder means every file in it):

* files in our format, recognised by name: ``*countries*.tsv``, ``*regions*.tsv``, ``*agents*.tsv``,
  ``*igos*.tsv``, ``*entities*.tsv``, ``*people*.tsv`` — same columns as the packaged files. A user
  entry replaces the packaged one with the same key (country code, term, acronym, name; for people
  every packaged office of that name); the provinces (``provinces.tsv``) are packaged only, as the
  gazetteer is built once per process;
* PETRARCH/TABARI dictionaries: ``*.actors`` / ``*actors*.txt`` (actors with date-ranged codes) and
  ``*.agents`` / ``*agents*.txt`` (role words), read by :mod:`dyadwatch.petrarch_dicts`.

Every file is validated and every bad entry of every file is reported at once, as ``file:line:
message``, in one :class:`~dyadwatch.errors.DictionaryError`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DictionaryError

if TYPE_CHECKING:
    from .patterns import Pattern

#: Version of the packaged dictionaries, recorded with every coded event; raised too when the coding
#: rules change what they code, so that a store codes its articles again on the next run.
DICTIONARY_VERSION = "2026.12.03.165"
#: One or more three-letter CAMEO agent codes ("GOV", "GOVFRM").
SECTOR_CODE = re.compile(r"^(?:[A-Z]{3})+$")
#: A whole actor code: three-letter parts, the first may be "---" (no country).
FULL_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})+$")
COUNTRY_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")  # a country, or a territory ("PSEGZA")


@dataclass(frozen=True)
class Country:
    """A country, or a CAMEO region when ``region`` is true (codes such as WST, EUR, BLK)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    region: bool = False
    imported: bool = False  # from a PETRARCH dictionary: matched without regard to case
    seats: tuple[tuple[str, str], ...] = ()  # seats of government and their agent code


@dataclass(frozen=True)
class Agent:
    """A role word and the agent code it carries; ``title`` when it is used before a name."""

    term: str
    sector: str | None
    title: bool
    imported: bool = False  # from a PETRARCH agents dictionary: its code is used as given


@dataclass(frozen=True)
class Igo:
    igo: str
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    """A company, medium, party or armed group with its home country and agent code."""

    name: str
    country: str | None
    igo: str | None
    sector: str | None
    aliases: tuple[str, ...]
    code: str | None = None  # a full CAMEO code when the parts do not make it (IMGMUSISI)


@dataclass(frozen=True)
class Province:
    """A province, state or region inside a country: a place, never an actor by itself."""

    name: str
    country: str  # CAMEO country code
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    """An office a person held from ``start`` (inclusive) to ``end`` (exclusive; None: still held)."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    igo: str | None
    sector: str | None
    office: str
    start: date | None
    end: date | None
    code: str | None = None  # a full CAMEO code from an imported dictionary, used as given

    def held_on(self, day: date | None) -> bool:
        """Whether the office was held on ``day`` (the current office counts when the day is unknown)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Knowledge:
    """Everything the actor resolver knows."""

    countries: dict[str, Country]
    agents: dict[str, Agent]
    igos: dict[str, Igo]
    entities: list[Entity]
    offices: list[Office]
    version: str = DICTIONARY_VERSION
    sources: tuple[str, ...] = ()
    people: dict[str, list[Office]] = field(default_factory=dict)
    #: provinces, states and regions inside a country, by every name written: name -> province
    provinces: dict[str, Province] = field(default_factory=dict)
    #: event patterns imported from PETRARCH verb dictionaries, the verbs they describe (whose
    #: packaged patterns they replace), and the patterns left out (``file:line: why``)
    verb_patterns: tuple[Pattern, ...] = ()
    verb_words: frozenset[str] = frozenset()
    verb_skipped: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.people = {}
        for office in self.offices:
            self.people.setdefault(office.name, []).append(office)
        for offices in self.people.values():
            offices.sort(key=lambda o: o.start or date.min)

    def igo_by_code(self, code: str) -> Igo | None:
        """The organisation whose CAMEO code starts ``code`` (longest match), if any."""
        best = None
        for igo in self.igos.values():
            if code.startswith(igo.code) and (best is None or len(igo.code) > len(best.code)):
                best = igo
        return best


# --- reading files --------------------------------------------------------------------------------


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def parse_tsv(
    text: str, filename: str, columns: tuple[str, ...]
) -> list[tuple[str, dict[str, str]]]:
    """Rows of TSV text with a header row as ``(file:line, row)``; ``#`` lines are comments.

    Raises:
        DictionaryError: the header lacks one of ``columns``.
    """
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


# --- row validators: each appends its problems and returns the entry or None ------------------------


def country_from_row(
    where: str, row: dict[str, str], problems: list[str], region: bool = False
) -> Country | None:
    code = row["code"]
    if not COUNTRY_CODE.match(code):
        problems.append(
            f"{where}: code {code!r} is not three (or, for a territory, six) capital letters"
        )
        return None
    if not row["name"]:
        problems.append(f"{where}: {code} has no name")
        return None
    seats: list[tuple[str, str]] = []
    for seat in _split(row.get("seats")):
        name, _, sector = seat.partition("=")
        if not name or not SECTOR_CODE.match(sector):
            problems.append(f"{where}: seat {seat!r} must be written name=AGENT (e.g. Kremlin=GOV)")
            continue
        seats.append((name, sector))
    return Country(
        code,
        row["name"],
        _split(row.get("aliases")),
        _split(row.get("adjectives")),
        _split(row.get("capitals")),
        region,
        seats=tuple(seats),
    )


#: Agent terms that are plural or uncountable already: no plural is made for them.
NO_PLURAL = {"people", "police", "media", "military", "children", "women", "staff", "personnel"}


def plural(term: str) -> str:
    """The regular English plural of a role term: of its last word, or of the word before "of"
    ("army" → "armies", "spokesman" → "spokesmen", "head of state" → "heads of state")."""
    words = term.split(" ")
    at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    word = words[at]
    if word.endswith("man"):
        word = word[:-3] + "men"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        word = word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        word += "es"
    else:
        word += "s"
    return " ".join([*words[:at], word, *words[at + 1 :]])


def with_plurals(agents: dict[str, Agent]) -> dict[str, Agent]:
    """``agents`` with the plural of every singular term that has no entry of its own ("armies",
    "foreign ministers"); a plural is never a title ("President Obama", not "presidents Obama")."""
    out = dict(agents)
    for term, agent in agents.items():
        last = term.split(" ")[-1]
        if last in NO_PLURAL or last.endswith(("s", "men", "people")):
            continue
        many = plural(term)
        if many not in out:
            out[many] = Agent(many, agent.sector, False, agent.imported)
    return out


def agent_from_row(where: str, row: dict[str, str], problems: list[str]) -> Agent | None:
    term, sector = row["term"], row["sector"]
    if not term or term != term.lower():
        problems.append(f"{where}: agent term {term!r} must be non-empty lower case")
        return None
    if sector != "-" and not SECTOR_CODE.match(sector):
        problems.append(f"{where}: sector {sector!r} of {term!r} is not a CAMEO agent code")
        return None
    if row["title"] not in ("yes", "no"):
        problems.append(f"{where}: title of {term!r} must be yes or no, not {row['title']!r}")
        return None
    return Agent(term, None if sector == "-" else sector, row["title"] == "yes")


def igo_from_row(where: str, row: dict[str, str], problems: list[str]) -> Igo | None:
    if not row["igo"] or not row["code"].startswith("IGO") or not row["name"]:
        problems.append(f"{where}: organisation needs igo, a code starting IGO, and a name")
        return None
    return Igo(row["igo"], row["code"], row["name"], _split(row["aliases"]))


def _owner(
    value: str, where: str, countries: dict[str, Country], igos: dict[str, Igo], problems: list[str]
) -> tuple[str | None, str | None, bool]:
    if value in ("", "---"):
        return None, None, True
    if value in countries:
        return value, None, True
    if value in igos:
        return None, value, True
    problems.append(f"{where}: {value!r} is neither a country or region code nor an igo acronym")
    return None, None, False


def entity_from_row(
    where: str,
    row: dict[str, str],
    countries: dict[str, Country],
    igos: dict[str, Igo],
    problems: list[str],
) -> Entity | None:
    country, igo, ok = _owner(row["country"], where, countries, igos, problems)
    sector = row["sector"] or None
    if sector and not SECTOR_CODE.match(sector):
        problems.append(f"{where}: sector {sector!r} is not a CAMEO agent code")
        ok = False
    if not row["name"]:
        problems.append(f"{where}: entity has no name")
        ok = False
    code = row.get("code") or None
    if code and not FULL_CODE.match(code):
        problems.append(f"{where}: code {code!r} is not a CAMEO actor code")
        ok = False
    return Entity(row["name"], country, igo, sector, _split(row["aliases"]), code) if ok else None


def province_from_row(
    where: str, row: dict[str, str], countries: dict[str, Country], problems: list[str]
) -> Province | None:
    ok = True
    if not row["name"]:
        problems.append(f"{where}: province has no name")
        ok = False
    country = countries.get(row["country"])
    if country is None or country.region:
        problems.append(f"{where}: country {row['country']!r} is not a known country code")
        ok = False
    return Province(row["name"], row["country"], _split(row["aliases"])) if ok else None


def office_from_row(
    where: str,
    row: dict[str, str],
    countries: dict[str, Country],
    igos: dict[str, Igo],
    problems: list[str],
) -> Office | None:
    country, igo, ok = _owner(row["country"], where, countries, igos, problems)
    if not SECTOR_CODE.match(row["sector"]):
        problems.append(f"{where}: sector {row['sector']!r} is not a CAMEO agent code")
        ok = False
    if not row["name"]:
        problems.append(f"{where}: person has no name")
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
    if not ok:
        return None
    return Office(
        row["name"], _split(row["aliases"]), country, igo, row["sector"], row["office"], start, end
    )


COUNTRY_COLUMNS = ("code", "name", "aliases", "adjectives", "capitals")
AGENT_COLUMNS = ("term", "sector", "title")
IGO_COLUMNS = ("igo", "code", "name", "aliases")
ENTITY_COLUMNS = ("name", "country", "sector", "aliases")
PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "office", "start", "end")
PROVINCE_COLUMNS = ("name", "country", "aliases")


@dataclass
class _Tables:
    """Knowledge under construction, keyed for overriding."""

    provinces: dict[str, Province] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    igos: dict[str, Igo] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    people: dict[str, list[Office]] = field(default_factory=dict)


def _add_unique(
    rows: Iterable[tuple[str, dict[str, str]]],
    build: Callable[[str, dict[str, str]], Any],
    key: Callable[[Any], str],
    what: str,
    table: dict[str, Any],
    problems: list[str],
) -> None:
    """Add the entries built from ``rows`` to ``table`` by key; a key seen twice in one file is a
    problem (``what`` formats the key for the message), and the later row is ignored."""
    seen: set[str] = set()
    for where, row in rows:
        entry = build(where, row)
        if entry is None:
            continue
        name = key(entry)
        if name in seen:
            problems.append(f"{where}: duplicate {what.format(name)}")
            continue
        seen.add(name)
        table[name] = entry


def _add_tsv(
    kind: str, text: str, filename: str, tables: _Tables, problems: list[str], replace_people: bool
) -> None:
    """Add one TSV file of ``kind`` to ``tables``, later entries replacing earlier ones by key."""
    if kind in ("countries", "regions"):
        region = kind == "regions"
        _add_unique(
            parse_tsv(text, filename, COUNTRY_COLUMNS[:2] if region else COUNTRY_COLUMNS),
            lambda where, row: country_from_row(where, row, problems, region=region),
            lambda entry: entry.code,
            "code {}",
            tables.countries,
            problems,
        )
    elif kind == "agents":
        _add_unique(
            parse_tsv(text, filename, AGENT_COLUMNS),
            lambda where, row: agent_from_row(where, row, problems),
            lambda agent: agent.term,
            "agent term {!r}",
            tables.agents,
            problems,
        )
    elif kind == "igos":
        _add_unique(
            parse_tsv(text, filename, IGO_COLUMNS),
            lambda where, row: igo_from_row(where, row, problems),
            lambda igo: igo.igo,
            "organisation {}",
            tables.igos,
            problems,
        )
    elif kind == "entities":
        for where, row in parse_tsv(text, filename, ENTITY_COLUMNS):
            entity = entity_from_row(where, row, tables.countries, tables.igos, problems)
            if entity is not None:
                tables.entities[entity.name] = entity
    elif kind == "provinces":
        _add_unique(
            parse_tsv(text, filename, PROVINCE_COLUMNS),
            lambda where, row: province_from_row(where, row, tables.countries, problems),
            lambda province: province.name,
            "province {!r}",
            tables.provinces,
            problems,
        )
    elif kind == "people":
        fresh: dict[str, list[Office]] = {}
        for where, row in parse_tsv(text, filename, PEOPLE_COLUMNS):
            office = office_from_row(where, row, tables.countries, tables.igos, problems)
            if office is not None:
                fresh.setdefault(office.name, []).append(office)
        for name, offices in fresh.items():
            tables.people[name] = (
                offices if replace_people else tables.people.get(name, []) + offices
            )


PACKAGED = (
    ("countries", "countries.tsv"),
    ("regions", "regions.tsv"),
    ("igos", "igos.tsv"),
    ("agents", "agents.tsv"),
    ("entities", "entities.tsv"),
    ("people", "people.tsv"),
    ("provinces", "provinces.tsv"),
)
KINDS = ("countries", "regions", "igos", "agents", "entities", "people")


def kind_of_file(path: Path) -> str | None:
    """The kind of a user dictionary file, from its name; None when it is not one."""
    name = path.name.lower()
    if name.endswith(".actors") or (name.endswith(".txt") and "actors" in name):
        return "petrarch-actors"
    if name.endswith(".agents") or (name.endswith(".txt") and "agents" in name):
        return "petrarch-agents"
    if name.endswith(".verbs") or (name.endswith(".txt") and "verbs" in name):
        return "petrarch-verbs"
    if name.endswith(".tsv"):
        for kind in KINDS:
            if kind in name:
                return kind
    return None


def _expand(paths: Iterable[str | Path], problems: list[str]) -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    for raw in paths:
        path = Path(raw)
        candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            kind = kind_of_file(candidate)
            if not candidate.exists():
                problems.append(f"{candidate}: no such dictionary file")
            elif kind is None:
                if not path.is_dir():
                    problems.append(
                        f"{candidate}: not a dictionary file (name it *people.tsv, "
                        "*agents.tsv, *.actors ...)"
                    )
            else:
                files.append((kind, candidate))
    # Countries and organisations first: other files refer to them.
    order = {
        kind: i
        for i, kind in enumerate(
            (
                "countries",
                "regions",
                "igos",
                "petrarch-actors",
                "agents",
                "petrarch-agents",
                "petrarch-verbs",
                "entities",
                "people",
            )
        )
    }
    return sorted(files, key=lambda f: order[f[0]])


def dictionaries_digest(dictionaries: Sequence[str | Path]) -> str:
    """A short digest of the user dictionary files' names and contents ("" when there are none), so
    that a store codes its articles again when the dictionaries it was coded with change."""
    import hashlib

    files = _expand(dictionaries, [])
    if not files:
        return ""
    digest = hashlib.sha256()
    for kind, path in sorted(files, key=lambda f: (f[0], f[1].name, str(f[1]))):
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        digest.update(f"{kind}\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:12]


def build_knowledge(dictionaries: Sequence[str | Path] = ()) -> Knowledge:
    """Load the packaged knowledge plus user ``dictionaries``, validating everything.

    Raises:
        DictionaryError: listing every bad entry of every file.
    """
    problems: list[str] = []
    tables = _Tables()
    data = resources.files("dyadwatch").joinpath("data")
    for kind, filename in PACKAGED:
        _add_tsv(
            kind, data.joinpath(filename).read_text("utf-8"), filename, tables, problems, False
        )
    imported: list[Office] = []
    verb_patterns: list[Pattern] = []
    verb_words: set[str] = set()
    verb_skipped: list[str] = []
    for kind, path in _expand(dictionaries, problems):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: cannot read: {exc}")
            continue
        try:
            if kind.startswith("petrarch"):
                from .petrarch_dicts import parse_actors, parse_agents
            if kind == "petrarch-actors":
                imported.extend(
                    _offices_from_petrarch(parse_actors(text, str(path)), tables, problems)
                )
            elif kind == "petrarch-verbs":
                from .codes import code_table
                from .petrarch_verbs import parse_verbs

                verbs = parse_verbs(text, str(path), code_table())
                verb_patterns.extend(verbs.patterns)
                verb_words.update(verbs.verbs)
                verb_skipped.extend(verbs.skipped)
            elif kind == "petrarch-agents":
                for entry in parse_agents(text, str(path)):
                    for phrase in entry.phrases:
                        term = phrase.lower()
                        known = tables.agents.get(term)  # keep our title flag for "president" etc.
                        title = known.title if known else False
                        tables.agents[term] = Agent(term, entry.code or None, title, imported=True)
            else:
                _add_tsv(kind, text, str(path), tables, problems, True)
        except DictionaryError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DictionaryError(problems)
    if verb_skipped:
        warnings.warn(
            f"{len(verb_skipped)} line(s) of the verb dictionaries left out, first: "
            f"{verb_skipped[0]} (Knowledge.verb_skipped lists them all)",
            UserWarning,
            stacklevel=2,
        )
    offices = [o for offices in tables.people.values() for o in offices] + imported
    return Knowledge(
        countries=tables.countries,
        agents=with_plurals(tables.agents),
        igos=tables.igos,
        entities=list(tables.entities.values()),
        offices=offices,
        sources=tuple(str(p) for p in dictionaries),
        provinces={
            name: province
            for province in tables.provinces.values()
            for name in (province.name, *province.aliases)
        },
        verb_patterns=tuple(verb_patterns),
        verb_words=frozenset(verb_words),
        verb_skipped=tuple(verb_skipped),
    )


def _offices_from_petrarch(
    entries: Sequence[object], tables: _Tables, problems: list[str]
) -> list[Office]:
    """PETRARCH actors become named actors whose full code is used as given, by date.

    An entry whose only code is an undated three-letter code ("ARNOR [ARN]", "ERIADORIAN [ERI]") is a
    country as far as coding goes: it joins (or creates) that country, so role words compose with it
    ("Arnor government" → ARNGOV) as they do with packaged countries.
    """
    offices: list[Office] = []
    for entry in entries:
        phrases = [p for p in entry.phrases if p]  # type: ignore[attr-defined]
        name = phrases[0].title()
        aliases = tuple(dict.fromkeys(phrases))
        codes = [d.code.upper() for d in entry.codes]  # type: ignore[attr-defined]
        undated = all(d.start is None and d.end is None for d in entry.codes)  # type: ignore[attr-defined]
        if len(codes) == 1 and undated and re.fullmatch("[A-Z]{3}", codes[0]):
            known = tables.countries.get(codes[0])
            tables.countries[codes[0]] = (
                Country(codes[0], name, aliases, (), (), imported=True)
                if known is None
                else replace(known, aliases=known.aliases + aliases, imported=True)
            )
            continue
        for dated in entry.codes:  # type: ignore[attr-defined]
            # a compound code ("ELR/GAL") is coded as its first part; "---"/"+++" mark non-actors
            code = dated.code.upper().split("/")[0]
            if code in ("---", "+++"):
                continue
            country = (
                code[:3] if COUNTRY_CODE.match(code[:3]) and not code.startswith("IGO") else None
            )
            igo = tables.igos.get(code[3:6]) if code.startswith("IGO") else None
            sector = code[3:6] if len(code) >= 6 and not code.startswith("IGO") else None
            end = dated.end
            offices.append(
                Office(
                    name,
                    aliases,
                    country,
                    igo.igo if igo else None,
                    sector,
                    "imported dictionary actor",
                    dated.start,
                    end,
                    code=code,
                )
            )
    return offices


@lru_cache(maxsize=8)
def _cached(dictionaries: tuple[str, ...]) -> Knowledge:
    return build_knowledge(dictionaries)


def knowledge(dictionaries: Sequence[str | Path] = ()) -> Knowledge:
    """The knowledge base (packaged plus ``dictionaries``), loaded once per process and set of files."""
    return _cached(tuple(str(p) for p in dictionaries))


def with_people(kb: Knowledge, offices: Iterable[Office]) -> Knowledge:
    """A copy of ``kb`` with more offices (used by tests)."""
    return replace(kb, offices=[*kb.offices, *offices])
