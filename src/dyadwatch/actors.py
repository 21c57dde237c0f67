"""Actors: find who is named in each sentence and resolve them to CAMEO actor codes.

The resolver is a cascade, surest first; each step is named, and the name is stored with the mention
(``rule``) so "why is this SRBGOV?" has an answer:

1. ``known-person`` / ``known-organisation`` — phrase matches of the knowledge base: people by the
   office held on the article's date (``data/people.tsv``, or an imported dictionary's dated codes),
   organisations, companies and media. ``known-surname``: a surname no other known person has, for a
   person in office on the article's date (IN-OFFICE gate), not after "in/to/at" (PLACE gate:
   "moved to Austin"), and, unless a head of state or government or an office-holder of a G20
   state, only in an article that names the person's country (COUNTRY gate).
2. ``title+known-surname`` / ``title+name`` — a title followed by a name: the title gives the sector,
   a nationality word before it the country. ``to/in`` + country after the title names the *host*:
   "Chinese Ambassador to Serbia Chen Bo" is CHN GOV. This does not rely on the NER span, which the small
   English model gets wrong here ("Serbia Chen Bo").
3. ``coreference`` — a bare surname after the full name ("Wang said"), on tokens, not NER labels (the
   model often tags bare surnames ORG); pronouns and descriptions through :mod:`dyadwatch.references`.
4. ``apposition`` — an unknown name with an appositive role ("Wang Yiwei, a professor at ... Renmin
   University of China") takes the role's sector and the country named inside the apposition; a name
   in apposition to a role ("Russia's ambassador, Anatoly Antonov,") takes the role's actor, as does
   the subject of a verb that names its office after "as" ("resigned as the governor of Peru").
5. ``ner+nationality`` — an unknown name the NER tags as a person or organisation, with a nationality
   word in its phrase ("Serbian tennis player Novak Djokovic", "Chinese firm Sinovac"), is coded with
   that country (and the role word's sector when there is one). ``unknown-name``: any other such
   name of two words or more (or an organisation's initials) heading its phrase is an actor of no
   known country (``---``), unless it only modifies a thing
   ("the BAK missile"), is a piece of a longer name, follows a role's "of", or is a place the gazetteer
   knows; a country inside the rest of its name is its own ("the National Front of Liberia").
6. ``agent`` — role words with their owner ("Serbian leaders", "Russia's defence ministry"; owners
   through "of/from" and conjoined nationalities are in :mod:`dyadwatch.ownership`).
7. ``country`` / ``capital-metonym`` / ``seat-metonym`` / ``demonym`` / ``region`` — places and peoples
   ("the Kremlin" is RUS GOV, "the Pentagon" USA MIL).
8. Anything else stays unresolved and is not coded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from .coref import ArticleContext, plural_things
from .gazetteer import LOCAL_READINGS, gazetteer
from .gender import given_names
from .knowledge import Agent, Knowledge, Office, knowledge
from .mentions import PERSON_RULES, Mention
from .nlp import doc_text, doc_tokens, slice_text, tokens_of
from .ownership import (
    PLACE_RULES,
    CountryActor,
    appositive_owners,
    conjoined_owners,
    drop_apposition_roles,
    drop_conjoined_titles,
    drop_modifiers,
    owned_by_phrase,
    titled_name_owners,
)
from .records import ActorRef
from .references import possessive_owners, references

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from .gazetteer import Place

#: Words that say an office written with a name is no longer held ("former President X").
FORMER_WORDS = frozenset({"former", "ex", "onetime", "erstwhile", "late"})
#: ... and the adverb that may stand before the role's article ("formerly the mayor of Lima").
FORMER_ADVERBS = frozenset({"formerly"})
#: The sector of someone who held a state office and holds none now (CAMEO's elites).
FORMER_SECTOR = "ELI"
#: Dependencies of the words that stand before a role noun in its phrase.
#: (an owner's words are not: "the former colony's government" is no former government)
PRENOMINAL_DEPS = frozenset({"amod", "compound", "nmod", "punct", "advmod"})
#: Sectors of state offices, whose former holders are elites ("a former defence minister").
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
#: Words that may sit inside an actor phrase between the pieces that matter ("senior", "former").
FILLER_POS = {"ADJ", "DET", "NUM"}
#: First words of the names of storms, which the NER may take for people ("Cyclone Idai").
STORM_WORDS = frozenset(
    {"hurricane", "cyclone", "typhoon", "storm", "tropical", "tornado", "superstorm", "bushfire"}
)
#: Parts of speech that never make a piece of an actor's phrase on their own (possessive "'s",
#: dashes and the parts of hyphenated names are looked at whatever their tag).
NEVER_PIECE_POS = frozenset(
    {"VERB", "AUX", "ADP", "ADV", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT", "SYM", "INTJ", "SPACE"}
)
#: Prepositions that introduce a host after a title or agency ("Ambassador to Serbia").
HOST_PREPOSITIONS = {"to", "in", "at", "for", "throughout", "across", "from"}
#: Sectors of people who are from where they came from ("refugees from Syria"); troops or officials
#: "from" a place may only have left it ("withdrew troops from Syria").
ORIGIN_SECTORS = {"REF"}
#: Sectors of role words that a "to"/"for" host belongs to ("envoys to the UN", "judges for Kosovo").
ENVOY_SECTORS = {"GOV", "LEG", "JUD", "ELI"}
#: Words in an organisation's name that make it a news outlet.
MEDIA_NAME_WORDS = {
    "News",
    "Times",
    "Post",
    "Radio",
    "Television",
    "TV",
    "Press",
    "Daily",
    "Herald",
    "Tribune",
    "Gazette",
    "Journal",
    "Broadcasting",
    "Telegraph",
    "Observer",
    "Chronicle",
}
#: Words in an organisation's name that make it a body of the state (a news agency has "News" or
#: "Press" too: "the Peruvian Food Safety Agency" is no outlet, "the Kenya News Agency" one).
STATE_BODY_NAME_WORDS = {"Agency", "Ministry", "Department", "Bureau", "Commission"}
#: Host prepositions that make the place the owner ("officials in Belgrade", "students across Chile").
OWNER_PREPOSITIONS = {"in", "throughout", "across"}
#: Prepositions before a place: a surname there is a place name ("offices in Austin").
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside"}
#: NER labels of places: a surname the model tags so is a place ("moved its headquarters to Austin").
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
#: Countries whose people's names are commonly written family name first.
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "SGP", "KHM"}
#: NER labels under which an unknown name may be an actor (the NER+nationality step).
ACTOR_NER_LABELS = {"PERSON", "ORG", "NORP"}
#: NER labels under which a name of no known country is still an actor ("---").
UNKNOWN_NAME_LABELS = {"PERSON", "ORG"}
#: Words such a name needs: a full name ("Marta Quispe", "Action Against Hunger"), not one word
#: (an organisation's initials excepted).
MIN_UNKNOWN_NAME_WORDS = 2
#: Words that continue a personal name ("Abdallah al-Mouallimi", "Ahmed ould Abdallah"): the word
#: before them is a given name, not a surname.
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "ben", "bint", "abu", "ould", "van", "von", "de", "da", "di", "del"}
)
#: NER labels of proper nouns that are never part of an actor's name.
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
#: Titles an office is written with that its formal name does not spell out.
OFFICE_TITLES = {
    "foreign affairs": ("foreign minister",),
    "external affairs": ("foreign minister",),
    "minister of defence": ("defence minister", "defense minister"),
    "minister of defense": ("defence minister", "defense minister"),
    "secretary of defense": ("defense secretary",),
    "defence secretary": ("defence secretary",),
    "foreign secretary": ("foreign secretary",),
}
#: Forms of address before a surname, which are no part of the name ("Mrs Ardern").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mme", "madam", "madame", "dr", "m"})
#: Marks joining the parts of a name ("Jean-Claude"), when the tokenizer splits them off.
HYPHENS = frozenset({"-", "‐", "–"})
#: Shortest surname that may name a known person on its own.
MIN_SURNAME_CHARS = 4
#: Prefixes that turn a country name into a side taken ("pro-Russian", "anti-American").
STANCE_PREFIXES = {"pro", "anti"}
#: Participles after "X-" that make X a sponsor of the group, not its nationality ("Russia-backed
#: separatists" are not Russian); "US-led", "Pakistan-based" do name the group's country.
SPONSOR_SUFFIXES = frozenset(
    {
        "backed",
        "supported",
        "sponsored",
        "funded",
        "financed",
        "armed",
        "allied",
        "aligned",
        "affiliated",
        "linked",
        "friendly",
        "trained",
        "installed",
        "appointed",
    }
)
#: Shortest country or organisation name matched in another case than the dictionary's ("IRAN",
#: "iSrael"); capitals need one more letter ("MALE" in a headline is rarely the Maldives).
MIN_RECASED_CHARS = 4
#: Role words whose sector the article decides: term -> (sector, words that make it so, words that
#: keep the dictionary's). "Officers" in a story that speaks of police and of no army are police
#: officers; "deputies" in one that names a sheriff are his deputies, not members of a parliament.
POLICE_STORY_WORDS = (
    r"police|policem[ae]n|policewom[ae]n|sheriffs?|troopers?|detectives?|constables?|"
    r"precincts?|patrol(?:led|ling|s)?|law enforcement"
)
ARMY_STORY_WORDS = (
    r"army|armies|military|militaries|troops|soldiers?|navy|naval|air force|armed forces|"
    r"battalions?|brigades?|regiments?|marines|militias?|rebels?|insurgents?|coup"
)
_POLICE_STORY = re.compile(rf"\b(?:{POLICE_STORY_WORDS})\b", re.IGNORECASE)
_ARMY_STORY = re.compile(rf"\b(?:{ARMY_STORY_WORDS})\b", re.IGNORECASE)
_SHERIFF_STORY = re.compile(r"\bsheriffs?\b", re.IGNORECASE)
ARTICLE_SECTORS: dict[str, tuple[str, re.Pattern[str], re.Pattern[str] | None]] = {
    "officer": ("COP", _POLICE_STORY, _ARMY_STORY),
    "officers": ("COP", _POLICE_STORY, _ARMY_STORY),
    "deputies": ("COP", _SHERIFF_STORY, None),
}
ROLE_READINGS: ContextVar[dict[str, str] | None] = ContextVar("role_readings", default=None)
#: The given names the article writes before each surname ("Ted Cruz": "Cruz" -> {"Ted"}), read by
#: the known-surname step until the next article starts.
ARTICLE_FULL_NAMES: ContextVar[dict[str, set[str]] | None] = ContextVar(
    "article_full_names", default=None
)
#: A capitalised word and the capitalised word after it (overlapping: "Senator Ted Cruz" gives
#: "Senator Ted" and "Ted Cruz"): a given name and a surname, maybe.
FULL_NAME = re.compile(r"\b([A-Z][^\W\d_]+)\s+(?=([A-Z][^\W\d_]+(?:[-'][^\W\d_]+)?)\b)")


def full_names(text: str) -> dict[str, set[str]]:
    """Surname -> the capitalised words written before it in ``text``: given names ("Ted Cruz",
    "Ivanka Trump") and titles ("President Cruz")."""
    found: dict[str, set[str]] = {}
    for match in FULL_NAME.finditer(text):
        first, surname = match.groups()
        found.setdefault(surname, set()).add(first)
    return found


def role_readings(text: str) -> dict[str, str]:
    """The sectors ``text`` gives the role words of :data:`ARTICLE_SECTORS` that it uses (term ->
    sector). A term the text does not contain is never looked up, so most articles are searched
    for no story words at all."""
    found: dict[str, str] = {}
    seen: dict[re.Pattern[str], bool] = {}  # each story pattern searched once per text
    lowered = text.lower()

    def has(words: re.Pattern[str]) -> bool:
        if words not in seen:
            seen[words] = words.search(text) is not None
        return seen[words]

    for term, (sector, when, unless) in ARTICLE_SECTORS.items():
        if term in lowered and has(when) and not (unless is not None and has(unless)):
            found[term] = sector
    return found


#: "the Chinese side", "both sides": the parties to talks, a dispute or a war (not "the Lebanese
#: side of the frontier", "at the side of the president").
SIDE_WORDS = {"side", "sides"}
#: Role words that say nothing about the organ they speak for: "army spokesman" is the army's.
GENERIC_ROLES = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "source",
    "sources",
    "representative",
    "representatives",
    "member",
    "members",
    # "militia groups", "rebel factions": the kind of group is the role
    "group",
    "groups",
    "faction",
    "factions",
    # "church leaders", "union leaders", "army leadership": leaders of their kind
    "leader",
    "leaders",
    "leadership",
    # "rebel commanders", "police commander": a commander of their kind (the army's when alone)
    "commander",
    "commanders",
    # a leader's or an office's chief of staff is civilian; an army's is the army's
    "chief of staff",
    "chiefs of staff",
    # "the rebel side", "the government side": a party to talks or a conflict, of its kind
    *SIDE_WORDS,
}
#: Piece kinds that name a specific actor; they beat generic words when matches overlap.
RANK = {
    "person": 0,
    "surname": 1,
    "entity": 1,
    "igo": 2,
    "seat": 2,
    "country": 3,
    "capital": 4,
    "adjective": 5,
    "agent": 6,
}
#: Kinds that can own a role word placed after them.
OWNER_KINDS = ("adjective", "country", "capital", "seat")


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # a RANK kind, or name, possessive, filler, host
    value: Any = None


def actor_code(country: str | None, igo_code: str | None, sector: str | None) -> str:
    """Build the full CAMEO actor code from its parts (``SRB`` + ``GOV`` → ``SRBGOV``)."""
    base = igo_code or country or "---"
    if sector and not base.endswith(sector):
        return base + sector
    return base


#: Resolver rules that name a person the knowledge base knows.
KNOWN_PERSON_RULES = {"known-person", "known-surname", "title+known-surname"}
#: Rules of a person's mention whose words may carry a title to remember ("President Vucic").
TITLED_RULES = {"known-person", "title+known-surname", "title+name"}
#: sectors whose titles ("Senator", "Judge") no minister or head of state holds: before the surname of
#: a known person who held no office of the kind, the title names someone else
OTHER_PERSON_SECTORS = {"LEG", "JUD"}
#: Sectors of people with no public office: an apposition naming one ("Johnson, a retired
#: teacher") says a bare surname is not the known office-holder's.
PRIVATE_SECTORS = {"EDU", "BUS", "MED", "CVL", "AGR", "LAB", "HLH", "CRM", "REF"}


def memory_kind(mention: Mention, doc: Doc | None = None) -> str:
    """How the article's memory files a mention: person, country, company, organisation or agent.

    With the sentence's ``doc``, a business actor the NER calls a person ("businessman Ana Ruiz")
    is a person, so that a later "he"/"she" can find it; without it, every business actor is a
    company."""
    if mention.rule in PLACE_RULES:
        return "country"
    if mention.actor.sector == "BUS":
        if doc is not None and any(
            t.ent_type_ == "PERSON" for t in doc[mention.start : mention.end]
        ):
            return "person"
        return "company"
    if mention.rule in PERSON_RULES or (
        mention.rule == "coreference" and mention.actor.sector and not mention.members
    ):
        return "person"
    if mention.rule == "known-organisation":
        return "organisation"
    return "agent"


def _value_code(piece: _Piece) -> str:
    return str(piece.value[0] if piece.kind == "seat" else piece.value)


class ActorResolver:
    """Finds and resolves actor mentions in parsed sentences.

    Build one per process (it compiles phrase matchers over the knowledge base) and call
    :meth:`new_article`, then :meth:`resolve_doc` for each paragraph in order.
    """

    def __init__(self, nlp: Language, kb: Knowledge | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.kb = kb or knowledge()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lowered = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Country and organisation names written in another case than the dictionary's: headlines
        # in capitals ("CHINA AND RUSSIA SIGN GAS DEAL"), careless typing ("iSrael"). Kept apart so
        # that a match written all in lower case ("turkey", "china") can be refused.
        self.recased = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[str, tuple[str, Any]] = {}
        make = nlp.make_doc

        def add(matcher: PhraseMatcher, kind: str, value: Any, phrases: list[str]) -> None:
            unique = [p for p in dict.fromkeys(phrases) if p]
            if unique:
                label = f"{kind}:{len(self._labels)}"
                self._labels[label] = (kind, value)
                matcher.add(label, [make(p) for p in unique])

        for country in self.kb.countries.values():
            if country.imported:  # PETRARCH dictionaries are upper case, matched regardless of case
                add(self.lowered, "country", country.code, [country.name, *country.aliases])
            add(self.names, "country", country.code, [country.name, *country.aliases])
            add(self.names, "adjective", country.code, list(country.adjectives))
            add(self.names, "capital", country.code, list(country.capitals))
            add(self.recased, "country", country.code, _recasable([country.name, *country.aliases]))
            add(self.recased, "adjective", country.code, _recasable(country.adjectives))
            add(
                self.recased,
                "capital",
                country.code,
                [c for c in _recasable(country.capitals) if len(c) > MIN_RECASED_CHARS],
            )
            for seat, sector in country.seats:
                add(self.names, "seat", (country.code, sector), [seat])
        for igo in self.kb.igos.values():
            spellings = [igo.name, *igo.aliases]
            add(self.names, "igo", igo.igo, [*spellings, *_title_cased(spellings)])
            add(self.recased, "igo", igo.igo, _recasable(spellings))
        for entity in self.kb.entities:
            the = (
                []
                if entity.name.lower().startswith("the ")
                else [f"the {entity.name}", f"The {entity.name}"]
            )
            spellings = [entity.name, *entity.aliases]
            add(self.names, "entity", entity, [*spellings, *the, *_title_cased(spellings)])
        for name, offices in self.kb.people.items():
            imported = any(o.code for o in offices)
            add(
                self.lowered if imported else self.names,
                "person",
                name,
                [name, *_all_aliases(offices)],
            )
        for agent in self.kb.agents.values():
            add(self.lowered, "agent", agent, [agent.term])
        self.titles = {a.term for a in self.kb.agents.values() if a.title}
        self._surnames: dict[str, set[str]] = {}
        for name, offices in self.kb.people.items():
            surname = _surname_of(name, offices[0].country)
            self._surnames.setdefault(surname, set()).add(name)
            for alias in _all_aliases(offices):
                # another spelling of the same surname ("Erdoğan" for "Erdogan"); an alias that is a
                # title ("King of Jordan") or a nickname gives no surname
                if len(alias.split()) < 2:
                    continue
                written = _surname_of(alias, offices[0].country)
                if written != surname and _similar(written, surname):
                    self._surnames.setdefault(written, set()).add(name)
        # UNIQUE-SURNAME gate: a surname alone may name a known person only when no other known
        # person has it, it is long enough not to be an initialism, and the family name is not
        # written first (Chinese and Korean surnames are shared by too many people).
        # A surname that is also the name of a country or capital ("Montenegro") is the place when it
        # stands alone; the person is still found by full name.
        place_names = {
            n for c in self.kb.countries.values() for n in (c.name, *c.aliases, *c.capitals)
        }
        # SHARED-SURNAME gate: a surname several known people share ("Clinton", "Castro",
        # "Rajapaksa", "Maduro") names the one in office on the article's day (of several in office,
        # the one whose country the article names); it is none of them when it is also the given
        # name of a known person then in office ("Salman" while King Salman reigns, "Michel").
        self._given_names: dict[str, set[str]] = {}
        for name, offices in self.kb.people.items():
            for written in (name, *_all_aliases(offices)):
                self._given_names.setdefault(written.split()[0], set()).add(name)
        for surname, names in self._surnames.items():
            if len(surname) < MIN_SURNAME_CHARS or not surname.isalpha():
                continue
            if surname in place_names:
                continue
            firsts = [self.kb.people[name][0] for name in sorted(names)]
            if any(f.country in FAMILY_NAME_FIRST or f.code for f in firsts):
                continue
            if len(names) == 1:
                add(self.names, "surname", next(iter(names)), [surname])
            else:
                add(self.names, "surname", tuple(sorted(names)), [surname])
        self._doc_matches: (
            tuple[Doc, list[_Piece], tuple[Mapping[str, Place], dict[str, str]]] | None
        ) = None
        self._regions = frozenset(c.code for c in self.kb.countries.values() if c.region)

    # -- knowledge look-ups ------------------------------------------------------------------------

    def in_office(self, name: str, day: date | None) -> bool:
        """Whether a known person held an office on ``day``."""
        return any(o.held_on(day) for o in self.kb.people[name])

    def person_actor(self, name: str, text: str, day: date | None) -> ActorRef:
        """Code a known person by the office held on ``day``; a former office-holder keeps the country of
        the last office held, without its sector."""
        offices = self.kb.people[name]
        held = [o for o in offices if o.held_on(day)]
        if not held and day is not None:
            # the day an office is handed over, its holder still holds it until the successor
            # takes it: "Prime Minister Theresa May" on her last day (not "former")
            written_words = {w.strip(".,") for w in re.split(r"[\s\-–]+", text.lower())}
            held = [o for o in offices if o.end == day and not written_words & FORMER_WORDS]
        if not held and day is None:
            # no publication date: the title written with the name says which office it was
            # ("President Michel Suleiman" in an undated text)
            words = text.lower().replace("-", " ").replace("–", " ").split()
            written = {w.strip(".,") for w in words}
            titles = self._titles_in(words)
            held = [
                o
                for o in offices
                if o.office
                and (
                    o.office.split()[0].lower() in written
                    # "opposition leader Alexei Navalny": the office's title, however worded
                    or titles & self._titles_in(o.office.lower().split())
                )
            ]
        office: Office = held[-1] if held else offices[0]
        sector = office.sector if held else None
        if not held:
            earlier = [o for o in offices if day is None or o.start is None or o.start <= day]
            office = earlier[-1] if earlier else offices[0]
            if (
                day is not None
                and earlier
                and office.end is not None
                and office.end <= day
                and office.country
                and not office.igo
                and not office.code
            ):
                # CAMEO's elites are former office-holders: "former President X" is XXXELI
                sector = FORMER_SECTOR
        if office.code:
            code = office.code if held or not office.sector else office.code[: -len(office.sector)]
            return ActorRef(code, office.country, office.igo, sector, name, text)
        igo_code = self.kb.igos[office.igo].code if office.igo else None
        return ActorRef(
            actor_code(office.country, igo_code, sector),
            office.country,
            office.igo,
            sector,
            name,
            text,
        )

    def country_actor(self, code: str, sector: str | None, text: str) -> ActorRef:
        """A country (or region) as an actor, with an optional agent code."""
        return ActorRef(
            actor_code(code, None, sector), code, None, sector, self.kb.countries[code].name, text
        )

    # -- per article / per document ----------------------------------------------------------------

    def new_article(self, day: date | None, text: str = "") -> ArticleContext:
        """Start a new article; ``day`` (the publication date) selects who held which office, and
        ``text`` (the article's) which American places its shared names are (read by every
        gazetteer look-up until the next article starts, :meth:`Gazetteer.local_readings`) and
        which sector its officers and deputies have (:func:`role_readings`)."""
        LOCAL_READINGS.set(gazetteer().local_readings(text) if text else None)
        ROLE_READINGS.set(role_readings(text) if text else None)
        ARTICLE_FULL_NAMES.set(full_names(text) if text else None)
        return ArticleContext(day, regions=self._regions)

    def _matches(self, doc: Doc) -> list[_Piece]:
        """Knowledge matches over a whole paragraph doc (computed once per doc)."""
        local = LOCAL_READINGS.get() or {}
        roles = ROLE_READINGS.get() or {}
        cached = self._doc_matches
        if cached is not None and cached[0] is doc and cached[2] == (local, roles):
            return cached[1]
        found: list[_Piece] = []
        for matcher in (self.names, self.lowered):
            for match_id, start, end in matcher(doc):
                kind, value = self._labels[doc.vocab.strings[match_id]]
                found.append(_Piece(start, end, kind, value))
        exact = {(p.start, p.end) for p in found}
        roles_at = {p.start for p in found if p.kind == "agent"}
        for match_id, start, end in self.recased(doc):
            text = doc[start:end].text
            kind, value = self._labels[doc.vocab.strings[match_id]]
            # all in lower case it is most likely a word ("turkey", "chad"), not the name; a
            # nationality right before a role word is the nationality ("tunisian rioters")
            if (start, end) not in exact and (
                not text.islower() or (kind == "adjective" and end in roles_at)
            ):
                found.append(_Piece(start, end, kind, value))
        if local:
            # "Georgia" in a story from Atlanta, "Lebanon police" in county news: an American
            # place like any other
            found = [
                p for p in found if not (p.kind == "country" and doc[p.start : p.end].text in local)
            ]
        if roles:
            # "officers" in a story of police: police officers
            found = [
                replace(p, value=replace(p.value, sector=roles[p.value.term]))
                if p.kind == "agent" and p.value.term in roles
                else p
                for p in found
            ]
        self._doc_matches = (doc, found, (local, roles))
        return found

    def _starts_province(self, doc: Doc, piece: _Piece) -> bool:
        """Whether a country or nationality word begins a longer name of a region in another country
        ("the Niger Delta" is in Nigeria), however the parser tags it."""
        for end in range(piece.end + 1, min(piece.end + 4, len(doc)) + 1):
            province = self.kb.provinces.get(slice_text(doc, piece.start, end))
            if province is not None:
                return province.country != piece.value
        return False

    def name_tokens(self, doc: Doc) -> set[int]:
        """Indices of the tokens the knowledge base matches as names (countries, peoples, capitals,
        seats, organisations, people; not role words)."""
        return {i for p in self._matches(doc) if p.kind != "agent" for i in range(p.start, p.end)}

    def resolve_doc(self, doc: Doc, context: ArticleContext) -> list[list[Mention]]:
        """Resolve every sentence of a paragraph doc, in order; one list of mentions per sentence."""
        out = []
        for sent in doc.sents:
            out.append(self.resolve_sentence(sent, context))
            context.next_sentence()
        return out

    # -- pieces and phrases ------------------------------------------------------------------------

    def _pieces(self, sent: Span) -> list[_Piece]:
        doc = sent.doc
        tokens = doc_tokens(doc)
        first, last = sent.start, sent.end
        found = [p for p in self._matches(doc) if first <= p.start and p.end <= last]
        # Longest match wins; on a tie, knowledge about a specific actor beats a generic word, and a
        # user's dictionary beats the built-in one ("New Zealand" coded NZE by an imported file).
        # (a leading "the" is no word of the name: "the West" loses to "West Bank")
        found.sort(
            key=lambda p: (
                -(p.end - p.start - (tokens[p.start].lower_ == "the")),
                RANK[p.kind],
                not self._imported(p),
                p.start,
            )
        )
        taken: set[int] = set()
        pieces: list[_Piece] = []
        for piece in found:
            span = set(range(piece.start, piece.end))
            if span & taken:
                continue
            if (
                piece.kind == "agent"
                and tokens[piece.end - 1].pos_ not in ("NOUN", "PROPN")
                and not _modifies_role(tokens[piece.end - 1], found)
            ):
                continue  # "firm relations", "general agreement": the word is not a role here
            if (
                piece.kind == "agent"
                and tokens[piece.end - 1].lower_ in SIDE_WORDS
                and piece.end < len(doc)
                and tokens[piece.end].lower_ == "of"
            ):
                continue  # "the Lebanese side of the frontier": a part of a place or a thing
            if piece.kind == "agent" and _names_owner(doc, piece):
                continue  # "the Women's World Championship", "Children's Hospital": a name's word
            if piece.kind == "surname" and (
                _not_a_surname(tokens[piece.start])
                or (
                    # "King Abdullah", "Bishop Tutu": a title before a name (not Mr King); "the
                    # Pope": a title after an article, as no surname is
                    tokens[piece.start].lower_ in self.titles
                    and (
                        (piece.end < len(doc) and tokens[piece.end].pos_ == "PROPN")
                        or (piece.start > 0 and tokens[piece.start - 1].pos_ == "DET")
                    )
                )
            ):
                continue
            if (
                piece.kind == "entity"
                and tokens[piece.start].ent_type_ == "PERSON"
                and tokens[piece.start].ent_iob_ == "I"
            ):
                continue  # "Michael Bloomberg": the end of a person's name, not the organisation
            if piece.kind == "capital" and _inside_plain_name(doc, piece, found):
                continue  # "Real Madrid", "Dinamo Zagreb": a club's name, not the capital
            if piece.kind in OWNER_KINDS and (
                _inside_longer_place(doc, piece) or self._starts_province(doc, piece)
            ):
                continue  # "New Mexico", "New South Wales", "West Virginia": another place
            # "pro-Russia rebels", "anti-American protesters": a side taken, not a nationality;
            # "Russia-backed separatists", "Iran-allied militias": a sponsor (with its hyphen and
            # participle), not the owner
            # ("pro-Taliban newspapers", "anti-NATO protesters": an organisation is a side too)
            side = piece.kind in (
                "country",
                "adjective",
                "capital",
                "igo",
                "entity",
            ) and _after_stance_prefix(doc, piece.start)
            # ("Al-Qaeda-linked rebels", "Hezbollah-backed militias": an organisation too)
            sponsor = piece.kind in (*OWNER_KINDS, "igo", "entity") and _before_sponsor_suffix(
                doc, piece.end
            )
            if side or sponsor:
                if sponsor and not side:
                    span |= {piece.end, piece.end + 1}
                taken |= span
                pieces.extend(_Piece(i, i + 1, "filler") for i in sorted(span))
                continue
            taken |= span
            pieces.append(piece)
        doc_chars = doc_text(doc)
        title_ends = {p.end for p in pieces if p.kind == "agent" and p.value.title}
        agent_heads = {p.end - 1 for p in pieces if p.kind == "agent"}
        for token in tokens_of(sent):
            index = token.i
            if index in taken:
                continue
            pos, text = token.pos_, token.text
            possessive = text in ("'s", "’s") or token.tag_ == "POS"
            if (
                pos in NEVER_PIECE_POS
                and not possessive
                and text not in ("-", "–")
                and not (token.idx and doc_chars[token.idx - 1] == "-")
            ):
                continue  # a verb, a preposition, a comma: no part of a name or a phrase
            if possessive:
                pieces.append(_Piece(index, index + 1, "possessive"))
            elif _is_name_token(token) or (
                # careless case after a title: "President obama"
                index in title_ends
                and token.is_lower
                and token.is_alpha
                and pos in ("PROPN", "NOUN")
                and len(self._surnames.get(text.capitalize(), ())) == 1
            ):
                pieces.append(_Piece(index, index + 1, "name"))
            elif (
                pos in FILLER_POS
                or text in ("-", "–")
                or (pos == "NOUN" and _describes_a_name(token))
                # "Argentine dock workers", "the Kenyan education minister": a field of the role
                or (
                    pos == "NOUN"
                    and token.dep_ == "compound"
                    and token.head.i in agent_heads
                    and token.head.i > index
                )
            ):
                pieces.append(_Piece(index, index + 1, "filler"))
        pieces.sort(key=lambda p: p.start)
        return pieces

    def _titles_in(self, words: Span | list[str]) -> set[str]:
        """The longest titles written in a person's phrase ("Foreign Minister Wang Yi": "foreign
        minister", not "minister"; "Vice President X" is no "president")."""
        tokens = [w.lower() if isinstance(w, str) else w.lower_ for w in words]
        found: set[str] = set()
        taken: set[int] = set()
        for size in (3, 2, 1):
            for i in range(len(tokens) - size + 1):
                phrase = " ".join(tokens[i : i + size])
                hyphened = i > 0 and tokens[i - 1] in ("-", "–")  # "Vice-President"
                if phrase in self.titles and not hyphened and not taken & set(range(i, i + size)):
                    found.add(phrase)
                    taken |= set(range(i, i + size))
        return found

    def _office_titles(self, name: str, day: date | None) -> set[str]:
        """The titles of the offices a known person holds on ``day`` ("President of the United
        States": "president"; "Vice President of ...": "vice president", not "president")."""
        found: set[str] = set()
        for office in self.kb.people.get(name, ()):
            if not office.office or not office.held_on(day):
                continue
            written = office.office.lower()
            found |= self._titles_in(written.split())
            # "Minister of Foreign Affairs" is written "the foreign minister" too
            found |= {
                title
                for phrase, titles in OFFICE_TITLES.items()
                if phrase in written
                for title in titles
                if title in self.titles
            }
        return found

    def _imported(self, piece: _Piece) -> bool:
        """Whether a country piece comes from an imported dictionary."""
        if piece.kind not in ("country", "adjective", "capital"):
            return False
        country = self.kb.countries.get(str(piece.value))
        return bool(country and country.imported)

    def _groups(self, pieces: list[_Piece], doc: Doc) -> list[list[_Piece]]:
        """Adjacent pieces form one phrase; a host after a title or agency joins it."""
        groups: list[list[_Piece]] = []
        current: list[_Piece] = []
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            if current and piece.start != current[-1].end:
                # the one word between a title or agency and a host ("minister of Serbia")
                gap = (
                    doc_tokens(doc)[current[-1].end] if piece.start - current[-1].end == 1 else None
                )
                host = piece
                if (
                    piece.kind == "filler"
                    and doc[piece.start].pos_ == "DET"
                    and index + 1 < len(pieces)
                ):
                    host = pieces[index + 1] if pieces[index + 1].start == piece.end else piece
                if (
                    current[-1].kind == "agent"
                    and gap is not None
                    and host.kind in ("country", "capital", "igo")
                    and _takes_host(gap.lower_, current[-1].value)
                    # "extradited the leader to the US": a destination of the verb names no host
                    and not (gap.lower_ in ("to", "for") and gap.head.pos_ in ("VERB", "AUX"))
                ):
                    current.append(_Piece(host.start, host.end, "host", host.value))
                    index += 2 if host is not piece else 1
                    continue
                groups.append(current)
                current = []
            current.append(piece)
            index += 1
            # A possessive closes the phrase ("a Russian official's post") unless only a country
            # precedes it ("Russia's defence ministry", where the country owns what follows).
            if piece.kind == "possessive" and any(
                p.kind not in ("country", "capital", "seat", "possessive", "filler")
                for p in current
            ):
                groups.append(current)
                current = []
        if current:
            groups.append(current)
        return groups

    # -- one sentence ------------------------------------------------------------------------------

    def resolve_sentence(self, sent: Span, context: ArticleContext) -> list[Mention]:
        """Return the actor mentions of one sentence, updating the article's memory."""
        doc = sent.doc
        filed = dateline(sent)
        if filed is not None:
            # "ILOILO: -- Cordova Mayor X ...": the country the report was filed in comes first
            # for a town's name before a role word
            context.filed_from.add(filed[1].country)
        pieces = self._pieces(sent)
        if filed is not None:
            # "ATLANTA - Texas police ...": the dateline is no part of the first phrase
            pieces = [p for p in pieces if p.start >= filed[0]]
        mentions: list[Mention] = []
        for group in self._groups(pieces, doc):
            mentions.extend(self._compose(group, doc, context))
        for mention in mentions:
            mention.head = _span_head(doc, mention.start, mention.end)
        nationality_at = {
            i: p
            # the longest match wins at each word ("South Sudanese", not its "Sudanese")
            for p in sorted(self._matches(doc), key=lambda p: p.end - p.start)
            if p.kind in ("adjective", "country")
            for i in range(p.start, p.end)  # "South Sudanese": the parser's head is its last word
        }
        mentions = owned_by_phrase(doc, mentions, self.country_actor, self.titles)
        mentions, owned = titled_name_owners(doc, mentions, self.country_actor, self.titles)
        mentions, described = appositive_owners(doc, mentions, self.country_actor)
        for person in owned + described:  # a later "Dupont said" is the owned person
            context.remember_person(person.actor.name, person.actor, person.actor.name)
        mentions = conjoined_owners(doc, mentions, nationality_at, self.country_actor)
        mentions = drop_apposition_roles(doc, mentions)
        mentions = drop_conjoined_titles(doc, mentions)
        mentions = references(sent, mentions, context, self.country_actor, self.titles)
        mentions = _nationality_descriptions(sent, mentions, nationality_at, context)
        for mention in mentions:
            mention.head = _span_head(doc, mention.start, mention.end)
        mentions = possessive_owners(doc, mentions, self.country_actor)
        mentions = _counterparts(doc, mentions)
        mentions = drop_modifiers(doc, sorted(mentions, key=lambda m: m.start))
        # a role word with no owner and no sector ("countries", "experts") says nothing about who acts
        mentions = [
            m
            for m in mentions
            if m.members or m.rule != "agent" or m.actor.country or m.actor.igo or m.actor.sector
        ]
        mentions = _city_country(doc, mentions, self.country_actor, self.kb)
        mentions = _bracketed_short_names(doc, mentions, context)
        # "go to school", "was taken to hospital", "appeared in court": an institution named
        # bare for what is done there is no actor
        mentions = [m for m in mentions if not _institution_as_activity(doc, m)]
        if filed is not None:
            # "NABLUS, West Bank: ...", "BEIRUT (Reuters) - ...": where the report was
            # filed and who filed it take no part in what it reports
            mentions = [m for m in mentions if m.start >= filed[0]]
        for mention in mentions:
            if mention.rule == "modifier":
                continue
            written: set[str] = set()
            if mention.rule in TITLED_RULES and not mention.members and mention.actor.sector:
                written = self._titles_in(doc[mention.start : mention.end])
                for title in written:
                    context.remember_title(title, mention.actor)  # for a later "the president"
            if (
                not written
                and not any(t.lower_ in self.titles for t in doc[mention.start : mention.end])
                and mention.rule in KNOWN_PERSON_RULES
                and not mention.members
                and mention.actor.sector
            ):
                # "Trump met Erdogan. The president said ...": the office the person holds, when
                # the text writes no title with the name
                for title in self._office_titles(mention.actor.name, context.day):
                    context.remember_title(title, mention.actor)
            for member in mention.split():
                context.mentioned(member.actor, memory_kind(mention, doc))
            head = doc[mention.head] if mention.head >= 0 else None
            if (
                head is not None
                and mention.rule == "agent"
                and not mention.members
                and mention.actor.sector
                and head.tag_ == "NNS"
            ):
                # "Protesters marched on Monday. They asked ...": who a later "they" may be
                context.remember_plural(mention.actor, head.dep_ in ("nsubj", "nsubjpass"))
            if mention.rule == "agent" and mention.actor.country and not mention.members:
                # "Serbia's president said ... The country" refers to the owner
                context.mentioned(self.country_actor(mention.actor.country, None, ""), "country")
        if plural_things(sent, sent.start, sent.end, mentions):
            # "Protesters carried banners. They ...": the banners may be what "they" are
            context.remember_plural_things()
        conjoined = conjoined_subject(doc, mentions)
        if conjoined:
            # "Peru and Chile held talks. They agreed ...": who a later "they" may be
            context.remember_conjoined(conjoined)
        return mentions

    def _compose(self, group: list[_Piece], doc: Doc, context: ArticleContext) -> list[Mention]:
        untrimmed = group
        while group and group[0].kind in ("filler", "possessive"):
            group = group[1:]
        while group and group[-1].kind in ("filler", "possessive"):
            group = group[:-1]
        if not group:
            return []
        start, end = group[0].start, group[-1].end
        text = slice_text(doc, start, end)
        owner_piece = next((p for p in group[:-1] if p.kind in OWNER_KINDS), None)
        owner = _value_code(owner_piece) if owner_piece is not None else None
        # a capital or seat before a name is a place ("the Beijing Olympics"), not a nationality
        nationality = (
            owner
            if owner_piece is not None and owner_piece.kind in ("adjective", "country")
            else None
        )
        agent = _effective_agent([p.value for p in group if p.kind == "agent"])
        if agent is not None:
            agent = _as_former(doc, start, group, agent)

        # a known surname inside a longer name is just part of that name ("Zhou Ping" is not
        # "Jean Ping"): titles and coreference decide who it is
        # (and "Jean-Claude Duval": a hyphen joins a name's parts)
        for index, piece in enumerate(group):
            neighbours = group[max(index - 1, 0) : index] + group[index + 1 : index + 2]
            joined = [n for n in neighbours if n.kind == "filler" and doc[n.start].text in HYPHENS]
            name_parts = [
                n
                for n in neighbours
                if n.kind in ("name", "surname")
                and doc[n.start : n.end].text.rstrip(".").lower() not in HONORIFICS
            ]
            if piece.kind == "surname" and (joined or name_parts):
                group[index] = _Piece(piece.start, piece.end, "name")

        # step 1: the knowledge base names this actor
        core = [p for p in group if p.kind in ("person", "surname", "entity", "igo")]
        if core:
            # of two known names the phrase's head wins: "a Korean Air Boeing jet" is the
            # airline's; else the last ("UN chief Antonio Guterres")
            head = _span_head(doc, start, end)
            headed = next(
                (
                    p
                    for p in group
                    if p.kind == "country"
                    and (
                        p.start <= head < p.end
                        # "NATO ally Turkey": the role noun's appositive
                        or (doc[p.end - 1].dep_ == "appos" and doc[p.end - 1].head.i == head)
                    )
                ),
                None,
            )
            if headed is not None and not any(p.start <= head < p.end for p in core):
                # "NATO-member Norway", "NATO ally Turkey": the country the phrase is about
                code = str(headed.value)
                return [Mention(start, end, self.country_actor(code, None, text), "country", head)]
            piece = next((p for p in core if p.start <= head < p.end), core[-1])
            known = self._known(piece, group, start, end, text, owner, agent, doc, context)
            if known is None and piece.kind == "surname":
                # a known surname naming none of its bearers here ("King Faisal of Iraq" in an
                # undated text, "Senator Clinton"): read it as any other name
                renamed = _Piece(piece.start, piece.end, "name")
                return self._compose([renamed if p is piece else p for p in group], doc, context)
            return [known] if known is not None else []

        # steps 2-5: a name at the end of the phrase
        if group[-1].kind == "name":
            run: list[_Piece] = []
            for piece in reversed(group):
                if piece.kind != "name":
                    break
                run.insert(0, piece)
            if owner is None and agent is not None and agent.title:
                # "Wisconsin Governor Tony Evers", "Moscow Mayor Sergei Sobyanin"
                owner = _city_owner(
                    doc,
                    untrimmed,
                    titled=True,
                    prefer=lambda: self._article_countries(doc, untrimmed[0].start, context),
                )
            named = self._name(run, start, end, text, owner, nationality, agent, doc, context)
            if named is not None:
                return [named]
            rest = group[: group.index(run[0])]
            return self._compose(rest, doc, context) if rest else []

        # a title before a name the dictionary codes as a bare country ("Prime Minister Romendacil")
        if (
            agent is not None
            and agent.title
            and group[-1].kind == "country"
            and group[-2].kind == "agent"
        ):
            return [
                Mention(
                    start,
                    end,
                    self.country_actor(str(group[-1].value), agent.sector, text),
                    "title+name",
                )
            ]

        # step 6: role words with their owner
        if agent is not None and group[-1].kind in ("agent", "host"):
            host = next((p for p in group if p.kind == "host"), None)
            country = owner
            if (
                country is None
                and host is not None
                # "refugees from Syria": only people of origin take a "from" host at all
                and _word_before(doc, host.start) in (*OWNER_PREPOSITIONS, "from")
                and host.value in self.kb.countries
                # "the alliance reinforced its brigades in the Baltics": the brigades are its own
                and not (start > 0 and doc[start - 1].tag_ == "PRP$")
            ):
                country = str(host.value)  # "officials in Belgrade": the place is the owner
            if (
                country is None
                and host is not None
                and _word_before(doc, host.start) in ("for", "at")
                and host.value in self.kb.igos
            ):
                # "a spokesman for the UN", "officials at NATO": the organisation's own people
                igo = self.kb.igos[str(host.value)]
                actor = ActorRef(
                    actor_code(None, igo.code, agent.sector),
                    None,
                    igo.igo,
                    agent.sector,
                    igo.name,
                    text,
                )
                return [Mention(start, end, actor, "agent")]
            if country is None:
                country = self._leaders_government(doc, untrimmed, context.day)
            if country is None:
                # "Delhi police", "the Kharkiv governor" (a namesake in a country the article
                # names first: "Alexandria police" in a story from Virginia)
                country = _city_owner(
                    doc, untrimmed, prefer=lambda: self._article_countries(doc, start, context)
                )
            return [
                Mention(
                    start,
                    end,
                    ActorRef(
                        actor_code(country, None, agent.sector),
                        country,
                        None,
                        agent.sector,
                        text,
                        text,
                    ),
                    "agent",
                )
            ]

        # step 7: places and peoples
        mentions = []
        for piece in group:
            words = doc[piece.start : piece.end].text
            if piece.kind == "seat":
                code, sector = piece.value
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self.country_actor(code, sector, words),
                        "seat-metonym",
                    )
                )
                continue
            code = str(piece.value)
            region = code in self.kb.countries and self.kb.countries[code].region
            if piece.kind == "country":
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self.country_actor(code, None, words),
                        "region" if region else "country",
                    )
                )
            elif piece.kind == "capital":
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self.country_actor(code, None, words),
                        "capital-metonym",
                    )
                )
            elif piece.kind == "adjective":
                people = _is_people_word(doc, piece)
                rule = ("region" if region else "demonym") if people else "modifier"
                # a nationality adjective on a non-actor noun is no actor, but events may read the
                # owner of an object from it ("the Russian building")
                mentions.append(
                    Mention(piece.start, piece.end, self.country_actor(code, None, words), rule)
                )
        return mentions

    def _known(
        self,
        piece: _Piece,
        group: list[_Piece],
        start: int,
        end: int,
        text: str,
        owner: str | None,
        agent: Agent | None,
        doc: Doc,
        context: ArticleContext,
    ) -> Mention | None:
        titled = (
            agent is not None
            and agent.title
            and any(p.kind == "agent" and p.start < piece.start for p in group)
        )
        if piece.kind == "surname":
            word = doc[piece.start].text
            remembered = context.aliases.get(word)
            if remembered is not None:  # the article's own "Wang" beats the knowledge base's
                return Mention(start, end, _retext(remembered, text), "coreference")
            token = doc[piece.start]
            if isinstance(piece.value, tuple):
                shared = self._shared_surname(
                    piece.value,
                    context.day,
                    self._article_countries(doc, piece.start, context),
                    self._given_names.get(word, set()),
                )
                if shared is None:
                    return None
                name = shared
            else:
                name = str(piece.value)
            if token.pos_ != "PROPN" and not titled and not _named_entity_word(token):
                return None
            # a subject tagged GPE is still the person ("Obama ends US ban": the NER reads a
            # headline's subject as a place); a place-tagged name elsewhere is the place when
            # there is a place of the name ("moved to Austin"), not otherwise ("met Modi")
            place = (
                token.ent_type_ in PLACE_LABELS
                and token.dep_ not in SUBJECT_DEPS
                and gazetteer().lookup(token.text) is not None
            ) or (token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS)
            if not titled and (
                place
                or (context.day is not None and not self.in_office(name, context.day))
                or not self._surname_corroborated(name, doc, piece.start, context)
                or self._described_otherwise(token, name, context)
                or self._named_otherwise(name, word)
            ):
                # the PLACE and IN-OFFICE gates; an undated text may name a former office-holder
                # ("Obama will hold talks"), coded by the country of the last office
                return None
            following = doc[piece.end] if piece.end < len(doc) else None
            continued = following is not None and following.lower_ in NAME_PARTICLES
            actor = self.person_actor(name, text, context.day)
            if (
                continued
                or (titled and owner and actor.country and owner != actor.country)
                or (titled and self._office_from_title(actor, owner, agent, context.day))
                or (titled and self._title_contradicts(agent, name))
            ):
                # "ambassador Abdallah al-Mouallimi": a given name, not the known surname; "Saudi
                # Arabia's ambassador Abdallah": the title's country says it is someone else
                if not titled or agent is None:
                    return None
                actor = ActorRef(
                    actor_code(owner, None, agent.sector), owner, None, agent.sector, text, text
                )
                return Mention(start, end, actor, "title+name")
            trailing = next((p for p in group if p.kind == "agent" and p.start >= piece.end), None)
            if trailing is not None and agent is not None and agent.sector and actor.country:
                # "the Bush administration", "Obama aides": the person's government or people,
                # whether or not the person still holds an office
                actor = replace(self.country_actor(actor.country, agent.sector, text), name=name)
                return Mention(start, end, actor, "agent")
            context.remember(word, actor)
            return Mention(start, end, actor, "title+known-surname" if titled else "known-surname")
        if piece.kind == "person":
            name = str(piece.value)
            actor = self.person_actor(name, text, context.day)
            if (
                owner
                and agent is not None
                and self._office_from_title(actor, owner, agent, context.day)
            ):
                actor = replace(self.country_actor(owner, agent.sector, text), name=name)
                context.remember_person(name, actor, doc[piece.start : piece.end].text)
                return Mention(start, end, actor, "title+name")
            if actor.sector is None and not actor.igo:
                # out of office on this date: an apposition may say what the person is now
                appositive = self._appositive(doc, piece.start, piece.end)
                if appositive is not None and appositive.sector:
                    actor = replace(
                        appositive,
                        name=name,
                        text=text,
                        country=appositive.country or actor.country,
                        code=actor_code(
                            appositive.country or actor.country, None, appositive.sector
                        ),
                    )
                    context.remember_person(name, actor, doc[piece.start : piece.end].text)
                    return Mention(start, end, actor, "apposition")
            context.remember_person(name, actor, doc[piece.start : piece.end].text)
            return Mention(start, end, actor, "known-person")
        if piece.kind == "entity":
            remembered = context.aliases.get(text) if end - start == 1 else None
            if remembered is not None:
                # "Clara Siemens ... Siemens praised Peru": the person the article named
                # beats the company of that name
                return Mention(start, end, _retext(remembered, text), "coreference")
            entity = piece.value
            igo_code = self.kb.igos[entity.igo].code if entity.igo else None
            country = entity.country or owner
            return Mention(
                start,
                end,
                ActorRef(
                    entity.code or actor_code(country, igo_code, entity.sector),
                    country,
                    entity.igo,
                    entity.sector,
                    entity.name,
                    text,
                ),
                "known-organisation",
            )
        igo = self.kb.igos[str(piece.value)]
        # "EU foreign ministers": a role word after the organisation gives the sector
        later = [p.value for p in group if p.kind == "agent" and p.start > piece.start]
        sector = later[-1].sector if later else None
        return Mention(
            start,
            end,
            ActorRef(actor_code(None, igo.code, sector), None, igo.igo, sector, igo.name, text),
            "known-organisation",
        )

    def _name(
        self,
        run: list[_Piece],
        start: int,
        end: int,
        text: str,
        owner: str | None,
        nationality: str | None,
        agent: Agent | None,
        doc: Doc,
        context: ArticleContext,
    ) -> Mention | None:
        name_start, name_end = run[0].start, run[-1].end
        name_text = slice_text(doc, name_start, name_end)
        # step 2: a title before the name
        if agent is not None and agent.title:
            known = self._known_by_surname(name_text, context.day, agent.term)
            if known is not None and (
                known == name_text or not self._title_contradicts(agent, known)
            ):
                actor = self.person_actor(known, text, context.day)
                context.remember_person(known, actor, name_text)
                return Mention(start, end, actor, "title+known-surname")
            actor = ActorRef(
                actor_code(owner, None, agent.sector), owner, None, agent.sector, name_text, text
            )
            context.remember_person(name_text, actor, name_text)
            return Mention(start, end, actor, "title+name")
        # step 3: the name was used before in this article
        remembered = context.aliases.get(name_text)
        words = name_text.split()
        if remembered is None and len(words) >= 3:
            # "Robert Gabriel Mugabe" after "Robert Mugabe": the same person with a middle name
            remembered = context.aliases.get(f"{words[0]} {words[-1]}")
        if remembered is not None and (remembered.country or remembered.igo or nationality is None):
            return Mention(name_start, name_end, _retext(remembered, name_text), "coreference")
        # a person first named bare (a headline) and now described with a nationality ("Former
        # Peruvian minister Ana Ruiz") takes the country from here on: steps 4 and 5 remember it
        # step 4: an apposition says who this is, or the name is in apposition to a role (not
        # for a place: "a Topeka, Kan., police officer")
        appositive = None
        if not self._place_with_role(doc, name_start, name_end):
            appositive = self._appositive(doc, name_start, name_end) or self._named_role(
                doc, name_start, name_end, context
            )
        if appositive is not None:
            actor = replace(appositive, name=name_text, text=name_text)
            context.remember_person(name_text, actor, name_text)
            return Mention(name_start, name_end, actor, "apposition")
        # step 5: the NER calls it a person or organisation and a nationality word owns it
        labels = {doc[p.start].ent_type_ for p in run}
        if nationality is not None and labels & ACTOR_NER_LABELS:
            sector = agent.sector if agent is not None else None
            if sector is None and "ORG" in labels and set(name_text.split()) & MEDIA_NAME_WORDS:
                sector = "MED"  # "Asian News International", "the Kenyan Daily Nation"
            elif (
                sector is None
                and "ORG" in labels
                and set(name_text.split()) & STATE_BODY_NAME_WORDS
            ):
                sector = "GOV"  # "the Peruvian Food Safety Agency"
            actor = ActorRef(
                actor_code(nationality, None, sector), nationality, None, sector, name_text, text
            )
            if "PERSON" in labels:
                context.remember_person(name_text, actor, name_text)
            return Mention(start, end, actor, "ner+nationality")
        # step 5b: a name the NER calls a person or organisation, of no known country, heading its
        # phrase ("the BAK missile", "a USDA proposal": a modifier of a thing is no actor)
        name_head = doc[_span_head(doc, name_start, name_end)]
        if (
            labels & UNKNOWN_NAME_LABELS
            and not labels & NOT_NAMES
            # one word is too little to go on ("Brexit", "Twitter", a storm, a surname alone),
            # unless it is an organisation's initials ("the CLO", "CBP")
            and (
                name_end - name_start >= MIN_UNKNOWN_NAME_WORDS
                or (labels == {"ORG"} and name_text.isupper() and len(name_text) >= 2)
            )
            and not (
                name_head.dep_ in ("compound", "amod", "nmod") and name_head.head.pos_ == "NOUN"
            )
        ):
            entity = _entity_at(doc, name_start)
            if entity is None or any(t.pos_ != "DET" for t in doc[entity[0] : name_start]):
                return None  # a piece of a longer name ("the Tigray People's Liberation Front")
            if any(t.pos_ == "ADP" for t in doc[start:name_start]):
                return None  # "the governor of Kharkiv": the name is where the role is, not who
            if doc[name_start].lower_ in STORM_WORDS:
                return None  # "Cyclone Idai", "Hurricane Maria": a storm acts on no one's behalf
            from .places import gazetteer_place  # places imports this module

            if name_end - name_start == 1 and gazetteer_place(doc[name_start]) is not None:
                return None  # a place the NER took for a name ("Kharkiv")
            # "the National Front of Liberia": a country inside the rest of the name is its own
            country = next(
                (
                    _value_code(p)
                    for p in self._matches(doc)
                    if p.kind in ("country", "capital")
                    and name_end <= p.start
                    and p.end <= entity[1]
                ),
                None,
            )
            if country is None and "PERSON" in labels:
                # "Ohio man James Doe": the place before the person's name says where they are
                # from
                homes = {
                    str(place["country"])
                    for t in doc[start:name_start]
                    if t.dep_ == "compound" and (place := gazetteer_place(t)) is not None
                }
                country = homes.pop() if len(homes) == 1 else None
            sector = agent.sector if agent is not None else None
            actor = ActorRef(
                actor_code(country, None, sector), country, None, sector, name_text, text
            )
            if "PERSON" in labels:
                context.remember_person(name_text, actor, name_text)
            return Mention(start, end, actor, "unknown-name")
        return None

    def _named_role(
        self, doc: Doc, start: int, end: int, context: ArticleContext
    ) -> ActorRef | None:
        """ "Russia's ambassador to the United States, Anatoly Antonov,": the name is the role's
        holder; so is the subject of a verb that says in which office it acts ("Jane Doe resigned
        as the governor of Puerto Rico", "served as Kenya's envoy")."""
        head = doc[_span_head(doc, start, end)]
        role = head.head if head.dep_ == "appos" else _role_as(head)
        if role is None:
            return None
        pieces = [p for p in self._matches(doc) if p.start <= role.i < p.end and p.kind == "agent"]
        if not pieces:
            return None
        agent: Agent = pieces[0].value
        # the owner before the role ("Kenya's envoy") or after its "of" ("the governor of Peru")
        of_phrase = [c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"]
        after = (of_phrase[0].i, of_phrase[0].right_edge.i + 1) if of_phrase else (0, 0)
        owners = [
            p
            for p in self._matches(doc)
            if p.kind in OWNER_KINDS
            and (
                role.left_edge.i <= p.start
                and p.end <= role.i
                or after[0] < p.start
                and p.end <= after[1]
            )
        ]
        if not agent.title or not owners:
            return None
        codes = [_value_code(o) for o in owners]
        # "the governor of the US commonwealth of Puerto Rico": the region, not its country
        country = next(
            (c for c in codes if any(c != o and c.startswith(o) for o in codes)), codes[0]
        )
        return ActorRef(
            actor_code(country, None, agent.sector), country, None, agent.sector, "", ""
        )

    def _title_contradicts(self, agent: Agent | None, name: str) -> bool:
        """ "Senator Graham", "Judge Kennedy": a legislator's or judge's title before the bare surname
        of someone who held no such office names somebody else (the full name, or the surname after
        it in the same article, is the person)."""
        if agent is None or agent.sector not in OTHER_PERSON_SECTORS:
            return False
        return all(o.sector != agent.sector for o in self.kb.people[name])

    def _office_from_title(
        self, actor: ActorRef, owner: str | None, agent: Agent | None, day: date | None
    ) -> bool:
        """Whether the title written before a known person names their office, not the table: in an
        undated text, for someone the table has in no office then, a title with a country other
        than the person's ("American trade representative Robert Zoellick", later the World
        Bank's)."""
        return (
            day is None
            and actor.sector is None
            and agent is not None
            and agent.title
            and agent.sector is not None
            and owner is not None
            and owner in self.kb.countries
            and owner != actor.country
        )

    def _leaders_government(self, doc: Doc, group: list[_Piece], day: date | None) -> str | None:
        """ "the Bush administration", "Obama aides": the country of the member of a government
        whose surname stands before a role word, in office then or not (not a town of that name:
        "Obama" is also a Japanese city, "Bush" an Egyptian one)."""
        role = next((i for i, p in enumerate(group) if p.kind == "agent"), None)
        if not role:
            return None
        before = group[role - 1]
        if before.end != group[role].start or before.end - before.start != 1:
            return None
        token = doc[before.start]
        if token.pos_ != "PROPN" or token.ent_type_ == "NORP":
            return None  # "a Christian group": a word for people, not a President Christian
        names = self._surnames.get(token.text) or set()
        leaders = [
            (o.start or date.min, o.country)
            for n in names
            for o in self.kb.people[n]
            if o.sector == "GOV"
            and o.country
            and (day is None or o.start is None or o.start <= day)
        ]
        if not leaders:
            return None
        held = {o.country for n in names for o in self.kb.people[n] if o.country and o.held_on(day)}
        if len(held) == 1:
            return held.pop()
        return max(leaders)[1]  # the latest to take office before the day

    def _known_by_surname(
        self, name_text: str, day: date | None, title: str | None = None
    ) -> str | None:
        """The one known person in office on ``day`` whose surname ends ``name_text`` (and whose
        given name begins it, when written); of several, the one whose office ``title`` names
        ("Foreign Minister Wang" in 2021 is Wang Yi, not Vice President Wang Qishan)."""
        if name_text in self.kb.people:
            return name_text
        words = name_text.split()
        last = words[-1]
        candidates = self._surnames.get(last) or self._surnames.get(last.capitalize(), set())
        if len(words) > 1:
            # "Bassam Haj Mustafa" is not "Mohammad Mustafa": a given name written must be theirs
            candidates = {n for n in candidates if self._given_name_fits(n, words[0])}
        held = [n for n in candidates if self.in_office(n, day)]
        if len(held) > 1 and title:
            held = [n for n in held if title in self._office_titles(n, day)]
        return held[0] if len(held) == 1 else None

    def _offices_held(self, name: str, day: date | None) -> list[Office]:
        """The known person's offices held on ``day``, or all of them when none was held then."""
        return [o for o in self.kb.people[name] if o.held_on(day)] or self.kb.people[name]

    def _heads_state(self, name: str, day: date | None) -> bool:
        """Whether the known person is (or was, when no office was held on ``day``) a head of
        state or government."""
        return any(_heads(o.office) for o in self._offices_held(name, day))

    def _described_otherwise(self, token: Token, name: str, context: ArticleContext) -> bool:
        """Whether an apposition says a bare surname is someone else than the known person, who
        holds no office: "Smith, a bus driver", "Johnson, a retired teacher" (not "Lavrov, the
        foreign minister"; a head of state or government keeps the name: "Trump, a businessman")."""
        appos = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if appos is None:
            return False
        if self._heads_state(name, context.day):
            return False
        words = (appos.lower_, appos.lemma_.lower())
        agent = next((self.kb.agents[w] for w in words if w in self.kb.agents), None)
        return agent is None or agent.sector in PRIVATE_SECTORS

    def _named_otherwise(self, name: str, surname: str) -> bool:
        """Whether the article names someone else of this surname in full and never the known
        person: a headline's "Cruz" in a story about "Ted Cruz" is not Cuba's prime minister (a
        story naming "Donald Trump", or "President Trump", as well as "Ivanka Trump" keeps him)."""
        written = (ARTICLE_FULL_NAMES.get() or {}).get(surname, set())
        if any(w.lower() in self.titles for w in written):
            return False  # "President Biden" as well as "Hunter Biden": the office-holder is named
        table = given_names()
        given = [w for w in written if w.lower() in table]
        return bool(given) and not any(self._given_name_fits(name, g) for g in given)

    def _surname_corroborated(
        self, name: str, doc: Doc, index: int, context: ArticleContext
    ) -> bool:
        """Whether a bare surname may name the known person: a head of state or government, or
        anyone in office in a major power, may be named by surname alone ("Putin warned", "Lavrov
        said"); anyone else only where the article names the person's country (a "Cummings" in an
        article on Congress is no Guyanese minister)."""
        if self._heads_state(name, context.day):
            return True
        held = self._offices_held(name, context.day)
        homes = {o.country for o in held if o.country}
        return (
            not homes
            or bool(homes & MAJOR_POWERS)
            or bool(homes & self._article_countries(doc, index, context))
        )

    def _shared_surname(
        self,
        names: tuple[str, ...],
        day: date | None,
        countries: frozenset[str] = frozenset(),
        given_by: set[str] | frozenset[str] = frozenset(),
    ) -> str | None:
        """Which of the known people sharing a surname it names: the one in office on ``day`` (or
        any of those in office, when all are coded alike; of several coded differently, the only one
        whose country is in ``countries``, those the article names); in an undated text, the one in
        office now, or, when none is, the one whose last office began the latest (of people of
        several countries, only after all the others had left office). None of them while
        someone of their countries whose given name it is (``given_by``: King Salman) holds an
        office."""
        homes = {o.country or o.igo for n in names for o in self.kb.people[n]}
        given_elsewhere = {n for n in given_by if n not in names}
        given_here = {
            n
            for n in given_elsewhere
            if any((o.country or o.igo) in homes for o in self.kb.people[n])
        }
        if day is not None:
            held = [n for n in names if self.in_office(n, day)]
            if any(self.in_office(n, day) for n in given_here):
                return None
        else:
            held = [n for n in names if any(o.held_on(None) for o in self.kb.people[n])]
            if any(o.held_on(None) for n in given_here for o in self.kb.people[n]):
                return None
        if day is None and len(homes) > 1:
            # an undated text: of people of several countries, one of a country it names first
            held = [n for n in names if self.kb.people[n][-1].country in countries] or held
        if held:
            # two in office with the same code ("Rajapaksa" as president and prime minister)
            actors = {n: self.person_actor(n, "", day) for n in held}
            if len({a.code for a in actors.values()}) == 1:
                return held[0]
            local = [n for n in held if actors[n].country in countries]
            return local[0] if len({actors[n].code for n in local}) == 1 else None
        if day is not None:
            return None

        def began(name: str) -> date:
            return max((o.start for o in self.kb.people[name] if o.start), default=date.min)

        latest = max(names, key=began)
        if len(homes) > 1 and (
            given_elsewhere
            or any(
                o.end is None or o.end > began(latest)
                for n in names
                if n != latest
                for o in self.kb.people[n]
            )
        ):
            # people of several countries: only the latest, when all others had gone, and not a
            # name others bear as a given name ("Abdullah")
            return None
        return latest

    def _article_countries(self, doc: Doc, index: int, context: ArticleContext) -> frozenset[str]:
        """The countries the article has named so far, and those named in the sentence of token
        ``index`` (by name, adjective or capital)."""
        sent = doc[index].sent
        here = {
            str(_value_code(p))
            for p in self._matches(doc)
            if p.kind in ("country", "adjective", "capital") and sent.start <= p.start < sent.end
        }
        return frozenset(
            here
            | {item.actor.country for item in context.history if item.actor.country}
            | context.filed_from
        )

    def _place_with_role(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a name the NER tags as a place the gazetteer knows stands before a role word
        parsed as its apposition ("a Topeka, Kan., police officer"): a place is no person
        (it may be described: "Haifa, Israel's third city")."""
        if not all(t.ent_type_ in ("GPE", "LOC") for t in doc[start:end]):
            return False
        if gazetteer().lookup(doc[start:end].text) is None:
            return False
        head = doc[_span_head(doc, start, end)]
        return any(
            a.lower_ in self.kb.agents or a.lemma_.lower() in self.kb.agents
            for a in head.children
            if a.dep_ == "appos"
        )

    def _given_name_fits(self, name: str, given: str) -> bool:
        """Whether ``given`` begins the known person's name or one of its spellings (an initial
        "V." fits "Vladimir")."""
        given = given.rstrip(".").lower()
        for written in (name, *_all_aliases(self.kb.people[name])):
            first = written.split()[0].lower()
            if first == given or (len(given) == 1 and first.startswith(given)):
                return True
        return False

    def _appositive(self, doc: Doc, start: int, end: int) -> ActorRef | None:
        """Resolve "Name, a professor at X University of <Country>" from the apposition."""
        head = doc[_span_head(doc, start, end)]
        for child in head.children:
            if child.dep_ != "appos":
                continue
            # the apposition's own phrase, not a clause in it ("Kenosha, where police shot a man")
            clauses = [t for t in child.subtree if t.dep_ in CLAUSE_DEPS and t.i != child.i]
            outside = {c.i for clause in clauses for c in clause.subtree}
            inside = [
                p
                for p in self._matches(doc)
                if child.left_edge.i <= p.start
                and p.end <= child.right_edge.i + 1
                and not outside.intersection(range(p.start, p.end))
            ]
            roles = [p.value for p in inside if p.kind == "agent"]
            at_head = [p.value for p in inside if p.kind == "agent" and p.start <= child.i < p.end]
            agent: Agent | None = (at_head or roles or [None])[0]
            if agent is not None:
                agent = _as_former(doc, child.left_edge.i, inside, agent)
            country: str | None = None
            sector = agent.sector if agent else None
            for piece in inside:
                if piece.kind == "entity":
                    country = country or piece.value.country
                    sector = sector or piece.value.sector
                elif piece.kind in OWNER_KINDS and piece.value not in self._regions:
                    country = country or _value_code(piece)
            if agent is not None or country is not None:
                return ActorRef(actor_code(country, None, sector), country, None, sector, "", "")
        return None


def _role_as(name: Token) -> Token | None:
    """The office a name holds, written after "as": on the verb the name is the subject of, when
    the verb has no object ("resigned as the governor", "who was sworn in as president"), or on
    the name as an object ("appointed Jane Doe as Kenya's envoy")."""

    def objectless(verb: Token) -> bool:
        return not any(c.dep_ in ("dobj", "dative") for c in verb.children)

    holders = [
        c
        for c in name.children
        if c.dep_ == "relcl"
        and objectless(c)
        and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children)
    ]
    if name.dep_ in ("nsubj", "nsubjpass") and objectless(name.head):
        holders.append(name.head)
    elif name.dep_ == "dobj":
        holders += [name, name.head]
    return next(
        (
            p
            for holder in holders
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )


#: Clauses inside an apposition that say something of it without naming what it is.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp"}


#: Rules of a city's mention that a country written after it with a comma may qualify.
CITY_RULES = {"capital-metonym", "seat-metonym", "apposition", "known-organisation"}


def _city_country(
    doc: Doc, mentions: list[Mention], country_actor: CountryActor, kb: Knowledge
) -> list[Mention]:
    """ "Visited Brussels, Belgium", "in Lviv, Ukraine": a country in apposition right after a
    city names where the city is; the two are one place, the city of that country (not an
    organisation whose seat the city also is), not two actors."""
    out = list(mentions)
    for mention in mentions:
        head = doc[mention.head] if mention.head >= 0 else None
        if (
            head is None
            or mention.rule != "country"
            or head.dep_ != "appos"
            or mention.start < 2
            or doc[mention.start - 1].text != ","
            # "Washington, Iran and Israel": a list of parties, not a city and its country
            or any(c.dep_ in ("conj", "cc") for c in head.children)
            or (mention.end < len(doc) and doc[mention.end].lower_ in ("and", "or"))
        ):
            continue
        city = next((m for m in out if m.end == mention.start - 1 and m.rule in CITY_RULES), None)
        if city is None or city.members or city.actor.sector:
            continue
        country = str(mention.actor.country)
        if city.actor.country != country:
            # "Brussels, Belgium": the capital of the country written, not the EU's seat
            text = doc[city.start : city.end].text
            if text not in kb.countries[country].capitals:
                continue
            capital = Mention(
                city.start,
                city.end,
                country_actor(country, None, text),
                "capital-metonym",
                city.head,
            )
            out = [capital if m is city else m for m in out]
        out = [m for m in out if m is not mention]
    return out


#: Role words that take the sector of the one they are the counterpart of.
COUNTERPART_WORDS = {"counterpart", "counterparts"}


def _counterparts(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "The Chinese defence minister met his Russian counterpart": a counterpart holds the office of
    the one it is the counterpart of (RUS + MIL), found through the possessive or the subject of the
    clause."""
    out = []
    for mention in mentions:
        head = doc[mention.head] if mention.head >= 0 else None
        actor = mention.actor
        if (
            head is None
            or head.lower_ not in COUNTERPART_WORDS
            or mention.rule != "agent"
            or actor.sector
        ):
            out.append(mention)
            continue
        owner_tokens = [c for c in head.children if c.dep_ == "poss"]
        verb = head.head
        if head.dep_ in ("dobj", "obj", "pobj", "conj"):
            while verb.dep_ in ("prep", "conj") and verb.head.i != verb.i:
                verb = verb.head
            # "his counterpart" with "his" unresolved: the subject whose counterpart it is
            owner_tokens += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        owner = next((m for t in owner_tokens if (m := mention_at(mentions, t)) is not None), None)
        sector = owner.actor.sector if owner is not None else None
        if not sector or owner is mention:
            out.append(mention)
            continue
        members = tuple(
            replace(m, code=m.code + sector, sector=sector) if not m.sector else m
            for m in mention.members
        )
        if members:
            out.append(replace(mention, members=members))
        elif actor.country:
            code = actor.code + sector
            out.append(replace(mention, actor=replace(actor, code=code, sector=sector)))
        else:
            out.append(mention)
    return out


def _nationality_descriptions(
    sent: Span,
    mentions: list[Mention],
    nationality_at: Mapping[int, _Piece],
    context: ArticleContext,
) -> list[Mention]:
    """ "Activist Ana Ruiz won the award. The 16-year-old Peruvian ...": "the" before a singular
    nationality noun (no name after it) is the person last named, and tells their country when the
    article had not; a person already of another country is not it (no mention). The word's
    mention as a mere modifier is replaced."""
    doc = sent.doc
    out = list(mentions)
    for token in sent:
        piece = nationality_at.get(token.i)
        if (
            piece is None
            or piece.kind != "adjective"
            or token.pos_ not in ("NOUN", "PROPN")
            or token.tag_ not in ("NN", "NNP")
            or token.dep_ in ("compound", "amod", "nmod", "appos")
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            or any(m.start <= token.i < m.end and m.is_actor for m in mentions)
        ):
            continue
        person = context.recent_person()
        if person is None:
            continue
        country = str(piece.value)
        if person.country and person.country != country:
            continue
        if not person.country and not person.igo:
            person = replace(person, code=actor_code(country, None, person.sector), country=country)
            context.remember_person(person.name, person, person.name)
        left = token.left_edge.i
        out = [m for m in out if not m.start <= token.i < m.end]
        out.append(
            Mention(
                left, token.i + 1, replace(person, text=doc[left : token.i + 1].text), "coreference"
            )
        )
    return out


def _modifies_role(token: Token, found: list[_Piece]) -> bool:
    """Whether a role word the tagger took for an adjective modifies a generic role word right
    after it ("a rebel leader", "militant commanders"): it names the kind of that role."""
    head = token.head
    return (
        token.dep_ in ("amod", "compound")
        and head.i == token.i + 1
        and any(
            p.kind == "agent" and p.start == head.i and p.value.term in GENERIC_ROLES for p in found
        )
    )


def _as_former(doc: Doc, start: int, pieces: Sequence[_Piece], agent: Agent) -> Agent:
    """An office written after "former" ("former Peruvian president", "ex-army chief") is held by
    an elite, CAMEO's sector for former office-holders; other roles, and the roles of an imported
    agents dictionary, keep their sector."""
    if agent.sector not in OFFICE_SECTORS or agent.imported:
        return agent
    at = next((p.start for p in pieces if p.kind == "agent" and p.value.term == agent.term), None)
    if at is None:
        return agent
    # the words of the role's own phrase before it: "Former Peruvian", "a onetime army"
    index = at - 1
    # ("formerly the mayor of Lima": an adverb before the article)
    while index >= max(start - 3, 0) and doc[index].dep_ in PRENOMINAL_DEPS | {"det"}:
        if doc[index].lower_.strip("-") in FORMER_WORDS | FORMER_ADVERBS:
            return replace(agent, sector=FORMER_SECTOR)
        index -= 1
    return agent


def _effective_agent(agents: list[Agent]) -> Agent | None:
    """The role word that decides the sector: the last, unless it is generic ("army spokesman")."""
    if not agents:
        return None
    last = agents[-1]
    if last.term in GENERIC_ROLES and len(agents) > 1 and agents[-2].sector:
        return replace(last, sector=agents[-2].sector)
    return last


def _word_before(doc: Doc, start: int) -> str:
    """The word before a name, past its article ("for the UN" -> "for")."""
    before = start - 1
    if before > 0 and doc[before].pos_ == "DET":
        before -= 1
    return doc[before].lower_ if before >= 0 else ""


#: Leaders, who are accredited to no one: after them "to" is where they go.
LEADER_ROLES = {
    "president",
    "vice president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "monarch",
    "leader",
    "head of state",
    "head of government",
    "governor",
    "mayor",
}


def _takes_host(preposition: str, agent: Agent) -> bool:
    """Whether a role word takes the country after ``preposition`` as its host: "officials in
    Belgrade", "Ambassador to Serbia", "envoys to the UN", "refugees from Syria"; but "troops to
    Lebanon" is a destination and "troops from Syria" may only have left it."""
    if preposition not in HOST_PREPOSITIONS:
        return False
    if preposition == "from":
        return agent.sector in ORIGIN_SECTORS
    if preposition in ("to", "for"):
        if preposition == "to" and agent.term in LEADER_ROLES:
            return False  # "the visit of the Peruvian president to Chile": where he went
        return agent.title or agent.sector in ENVOY_SECTORS
    return True


def _after_stance_prefix(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows "pro-" or "anti-" ("pro-Russian", "anti - US")."""
    if start >= 2 and doc[start - 1].text in ("-", "–"):
        return doc[start - 2].lower_ in STANCE_PREFIXES
    before = doc[start - 1].lower_ if start >= 1 else ""
    return before.endswith(("-", "–")) and before[:-1] in STANCE_PREFIXES


#: Kinds of gazetteer place whose name before a role word gives the role its country ("Delhi
#: police", "Kansas officials", "Borno State police", "Tigray rebels").
OWNING_PLACES = {"city", "state", "region"}
#: Titles a city has; a city before another title may be a namesake of a province ("Ontario
#: Premier" is not of Ontario, California).
CITY_TITLES = {"mayor", "governor"}


#: Entity types of names of things (events, buildings, bodies, works), whose words are no roles.
NAMED_THING_ENTITIES = {"EVENT", "FAC", "ORG", "WORK_OF_ART", "LAW", "PRODUCT"}


def _names_owner(doc: Doc, piece: _Piece) -> bool:
    """Whether a role word is the capitalised possessor inside a longer name the NER tags as an
    event, organisation or building ("the Women's World Championship", "Children's Hospital",
    "International Women's Day"): the name's word, no role."""
    after = piece.end
    if after + 1 >= len(doc) or doc[after].tag_ != "POS":
        return False
    words = doc[piece.start : piece.end]
    following = doc[after + 1]
    return (
        all(t.text.istitle() and t.ent_type_ in NAMED_THING_ENTITIES for t in words)
        and following.text.istitle()
        and following.ent_type_ in NAMED_THING_ENTITIES
    )


def _city_owner(
    doc: Doc,
    group: list[_Piece],
    titled: bool = False,
    prefer: Callable[[], Collection[str]] = frozenset,
) -> str | None:
    """The country of a city or state whose name stands right before a role word ("Delhi police",
    "the Kharkiv governor", "New Jersey police"), as the gazetteer knows it; before a title
    (``titled``: "Wisconsin Governor Tony Evers"), a state, or a city before a city's title. A
    namesake in a country ``prefer`` gives (asked only when a name is looked up) comes first."""
    role = next((i for i, p in enumerate(group) if p.kind == "agent"), None)
    if not role:
        return None
    from .places import gazetteer_place  # places imports this module

    first = role
    while first > 0 and group[first - 1].kind == "name" and role - first < 3:
        first -= 1
    run = group[first:role]
    if not run or run[-1].end != group[role].start:
        # "Mumbai police" opening a sentence, tagged a common noun but a place by the NER
        name = group[role - 1]
        token = doc[name.start]
        if not (
            name.kind == "filler"
            and name.end == group[role].start
            and name.end - name.start == 1
            and token.ent_type_ == "GPE"
            and token.text.istitle()
        ):
            return None
        run, first = [name], role - 1
    if any(p.kind == "name" for p in group[:first]):
        return None  # "Paris Hilton Hotel staff": a longer name, not a city
    start, end = run[0].start, run[-1].end
    if end - start == 1:
        place = gazetteer_place(doc[start], proper=False, prefer=prefer())
    else:  # "South Carolina Governor", "New Jersey police"
        found = gazetteer().lookup(doc[start:end].text, prefer())
        place = found.to_dict(doc[start:end].text) if found is not None else None
    if not place or place.get("type") not in OWNING_PLACES:
        return None
    if (
        titled
        and place.get("type") == "city"
        and doc[group[role].end - 1].lower_ not in CITY_TITLES
    ):
        return None
    return str(place["country"])


def _before_sponsor_suffix(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is joined by a hyphen to a sponsor's participle
    ("Russia-backed", "Iran - allied", "US-funded")."""
    if end + 1 < len(doc) and doc[end].text in ("-", "–"):
        return doc[end + 1].lower_ in SPONSOR_SUFFIXES
    return False


#: Shortest acronym also matched as a word in title case ("Nato", "Unicef", "Ecowas"), as some
#: newspapers write them.
MIN_TITLED_ACRONYM = 4
#: Acronyms whose title-case form is a name or word of its own.
TITLED_NOT_ACRONYM = frozenset({"Sana", "Wafa", "Ansa"})


def _title_cased(names: Iterable[str]) -> list[str]:
    """The title-case forms of the acronyms among ``names`` ("NATO" -> "Nato")."""
    return [
        n.capitalize()
        for n in names
        if n.isupper()
        and n.isalpha()
        and len(n) >= MIN_TITLED_ACRONYM
        and n.capitalize() not in TITLED_NOT_ACRONYM
    ]


def _recasable(names: Iterable[str]) -> list[str]:
    """Names that may also be matched in another case: not acronyms ("WHO", "US" would match the
    words "who" and "us") and not short words."""
    return [n for n in names if len(n) >= MIN_RECASED_CHARS and not n.isupper()]


def _folded(text: str) -> str:
    """Lower-case ASCII letters of a name: "Erdoğan" -> "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalpha()).lower()


def _similar(one: str, other: str) -> bool:
    """Two spellings of one name ("Erdoğan", "Erdogan"; "Lukashenka", "Lukashenko")."""
    return SequenceMatcher(None, _folded(one), _folded(other)).ratio() >= 0.8


def _is_name_token(token: Token) -> bool:
    """A proper-noun token of a name, including the parts of hyphenated names ("Ing-wen")."""
    if not token.is_alpha or token.ent_type_ in NOT_NAMES:
        return False  # "Friday", "March": dates are not parts of names
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    tokens = doc_tokens(token.doc)
    hyphen = token.i > 0 and tokens[token.i - 1].text == "-" and not tokens[token.i - 1].whitespace_
    return bool(
        hyphen
        and token.is_alpha
        and token.i > 1
        and tokens[token.i - 2].pos_ == "PROPN"
        and not tokens[token.i - 2].whitespace_
    )


#: Words before a country's name that make a part of it ("Northern Ireland", "South Wales").
DIRECTION_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
}
#: Words that make a part of a capital ("East Jerusalem", "Greater London"), not another name.
PLACE_PART_WORDS = DIRECTION_WORDS | {
    "greater",
    "old",
    "new",
    "downtown",
    "metro",
    "inner",
    "outer",
    "upper",
    "lower",
}


#: Words of a state's formal name before its short name ("the Republic of San Marino").
STATE_FORM_WORDS = {
    "republic",
    "kingdom",
    "state",
    "states",
    "federation",
    "principality",
    "emirate",
    "sultanate",
    "commonwealth",
    "people",
    "democratic",
    "federal",
    "islamic",
    "united",
    "union",
    "socialist",
    "arab",
    "grand",
    "duchy",
}


def _inside_longer_place(doc: Doc, piece: _Piece) -> bool:
    """Whether a country, capital or nationality word is only part of a longer place name the parser
    tags as one place: "New Mexico", "New South Wales" (a word other than a direction before it),
    "West Virginia" (the place goes on after it)."""
    first = doc[piece.start]
    if first.ent_type_ not in ("GPE", "LOC"):
        return False
    begin = piece.start
    while begin > 0 and doc[begin].ent_iob_ == "I":
        begin -= 1
    end = piece.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if any(t.pos_ not in ("PART", "PUNCT") for t in doc[piece.end : end]):
        return True
    return any(
        t.lower_ not in DIRECTION_WORDS
        and t.lower_ not in STATE_FORM_WORDS
        and t.pos_ not in ("DET", "PUNCT", "PART", "ADP")
        for t in doc[begin : piece.start]
    )


def _inside_plain_name(doc: Doc, piece: _Piece, found: list[_Piece]) -> bool:
    """Whether a capital ends a longer proper name that is no place: a capitalised word of no known
    meaning right before it ("Real Madrid", "Dinamo Zagreb", "Red Star Belgrade"); not a part of the
    city ("East Jerusalem") nor a role or another known name ("University of Belgrade")."""
    if piece.start == 0:
        return False
    before = doc[piece.start - 1]
    return (
        before.pos_ == "PROPN"
        and before.is_title
        and before.head.i >= piece.start
        and before.head.i < piece.end
        and before.lower_ not in PLACE_PART_WORDS
        and not any(p.start <= before.i < p.end for p in found)
    )


def _describes_a_name(token: Token) -> bool:
    """A common noun inside a name's phrase ("Serbian tennis player Novak Djokovic"), or one the
    name right after it is in apposition to ("the Haitian group Veye Yo")."""
    head = token.head
    if token.pos_ == "NOUN" and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == token.i + 1
        for c in token.children
    ):
        return True
    return (
        token.pos_ == "NOUN"
        and token.dep_ in ("compound", "nmod", "amod")
        and head.pos_ in ("PROPN", "NOUN")
        and head.i > token.i
        and (head.pos_ == "PROPN" or _describes_a_name(head))
    )


def _is_people_word(doc: Doc, piece: _Piece) -> bool:
    """A nationality word used as a noun for people ("Serbs", "Kosovars"), not as an adjective."""
    last = doc[piece.end - 1]
    if last.tag_ in ("NNS", "NNPS"):
        return True
    return (
        last.pos_ in ("NOUN", "PROPN")
        and last.text.endswith("s")
        and last.dep_ not in ("amod", "compound")
    )


def _retext(actor: ActorRef, text: str) -> ActorRef:
    return replace(actor, text=text)


def _surname_of(name: str, country: str | None) -> str:
    parts = name.split()
    return parts[0] if country in FAMILY_NAME_FIRST else parts[-1]


def _bracketed_short_names(
    doc: Doc, mentions: list[Mention], context: ArticleContext
) -> list[Mention]:
    """A short name in brackets after a known actor's name is that actor: "the Syrian Democratic
    Forces (SDF)" is one mention, and a later "SDF" in the article is the same actor."""
    out = list(mentions)
    for short in mentions:
        if short.rule != "unknown-name" or short.start == 0 or short.end >= len(doc):
            continue
        if doc[short.start - 1].text != "(" or doc[short.end].text != ")":
            continue
        named = next((m for m in out if m.end == short.start - 1 and m is not short), None)
        if named is None or named.members or not (named.actor.country or named.actor.igo):
            continue
        context.remember(slice_text(doc, short.start, short.end), named.actor)
        out = [m for m in out if m is not short]
    return out


#: Offices of heads of state or government, or of international bodies (by their first words: not
#: "Vice President" or "Foreign Minister"): their holders are named by bare surname anywhere.
HEAD_OFFICES = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "supreme leader",
    "secretary-general",
    "secretary general",
)

#: The G20's member states: their office-holders are named by bare surname in news from anywhere
#: ("Lavrov said", "Pelosi criticised"); other countries' ministers seldom are.
MAJOR_POWERS = frozenset(
    {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA"}
    | {"JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
)


def _heads(office: str) -> bool:
    """Whether an office is that of a head of state, of government or of an international body
    ("President of Ghana", "Prime Minister of Nepal"; not "Vice President", "Foreign Minister")."""
    return office.lower().startswith(HEAD_OFFICES)


def _all_aliases(offices: Sequence[Office]) -> list[str]:
    """Every other spelling a person's rows give, in order, once."""
    return list(dict.fromkeys(alias for office in offices for alias in office.aliases))


def _not_a_surname(token: Token) -> bool:
    """A word that is some known person's surname but here is a day, a faith or people, a word
    before a people, or the first word of a longer name: "on Friday", "a Christian aid worker",
    "Young Kenyans", "Salih Muslim"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.ent_type_ in NOT_NAMES
        or token.ent_type_ == "NORP"
        or (token.dep_ in ("compound", "amod") and token.head.ent_type_ == "NORP")
        or (
            token.ent_type_ == "PERSON"
            and token.ent_iob_ == "B"
            and following is not None
            and following.ent_iob_ == "I"
            and following.is_alpha
        )
    )


def _named_entity_word(token: Token) -> bool:
    """A capitalised word the NER reads as a name though the tagger made it a common noun: a bare
    surname that is also an English word ("Trump has cut funding", tagged NOUN and ORG)."""
    if not token.is_title or token.dep_ in ("compound", "amod"):
        return False
    # a sentence's first word is capitalised anyway: as its subject it is the name ("Trump and the
    # emir will meet")
    return token.ent_type_ in ("PERSON", "ORG", "NORP") or (
        token.i == token.sent.start and token.dep_ in SUBJECT_DEPS
    )


def _entity_at(doc: Doc, index: int) -> tuple[int, int] | None:
    """Start and end of the named entity the token at ``index`` is in, read from the tokens' IOB
    tags (cheaper than building every entity span of the paragraph)."""
    if not doc[index].ent_type:
        return None
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _span_head(doc: Doc, start: int, end: int) -> int:
    """The token of ``doc[start:end]`` whose syntactic head lies outside the span (its root)."""
    if end - start == 1:
        return start
    for token in doc_tokens(doc)[start:end]:
        head = token.head.i
        if not start <= head < end or head == token.i:
            return token.i
    return end - 1


def mention_at(mentions: list[Mention], token: Token) -> Mention | None:
    """The mention covering ``token``, if any."""
    for mention in mentions:
        if mention.start <= token.i < mention.end:
            return mention
    return None


#: Words that end a wire dateline ("BEIRUT (Reuters) - ", "NABLUS, West Bank: ").
DATELINE_SEPARATORS = {":", "-", "--", "—", "–"}


#: Institutions named bare, with no article, for what is done there ("go to school", "in court").
#: Words for the kind of an institution named bare ("high school", "federal court").
INSTITUTION_KINDS = {
    "high",
    "middle",
    "primary",
    "secondary",
    "elementary",
    "grade",
    "boarding",
    "medical",
    "law",
    "federal",
    "district",
    "county",
    "state",
    "juvenile",
    "family",
    "criminal",
    "civil",
    "magistrates",
    "magistrate",
    "crown",
}
ACTIVITY_INSTITUTIONS = {
    "school",
    "college",
    "university",
    "church",
    "mosque",
    "temple",
    "synagogue",
    "hospital",
    "court",
    "prison",
    "jail",
    "work",
    "class",
    "market",
}


def _institution_as_activity(doc: Doc, mention: Mention) -> bool:
    """Whether an agent mention is a bare singular institution word after a preposition ("go to
    school", "was taken to hospital", "appeared in court"), not an actor."""
    if mention.rule != "agent" or mention.end - mention.start != 1 or mention.actor.country:
        return False
    token = doc[mention.start]
    return (
        token.lower_ in ACTIVITY_INSTITUTIONS
        and token.tag_ == "NN"
        and token.dep_ == "pobj"
        and not any(
            c.dep_ in ("det", "poss", "nummod", "prep")
            # "went to high school", "in federal court": still the activity, not a named one
            or (c.dep_ in ("amod", "compound") and c.lower_ not in INSTITUTION_KINDS)
            for c in token.children
        )
    )


def conjoined_subject(doc: Doc, mentions: Sequence[Mention]) -> list[ActorRef]:
    """The actors of a subject made of two or more different conjoined actors ("Peru and Chile",
    "the presidents of Peru and Chile", "the two countries"), the first such subject in the
    sentence; none for role words ("police and soldiers": a later "they" is either)."""
    groups: dict[int, list[ActorRef]] = {}
    for mention in mentions:
        if not mention.is_actor or mention.head < 0:
            continue
        if mention.members:
            if doc[mention.head].dep_ in ("nsubj", "nsubjpass"):
                groups.setdefault(mention.head, []).extend(mention.members)
            continue
        if mention.rule == "agent" and doc[mention.head].tag_ == "NNS":
            return []
        token = doc[mention.head]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ in ("nsubj", "nsubjpass"):
            groups.setdefault(token.i, []).append(mention.actor)
    for subject in sorted(groups):
        actors = list({a.code: a for a in groups[subject]}.values())
        if len(actors) >= 2:
            return actors
    return []


def dateline(sent: Span) -> tuple[int, Place] | None:
    """Where a sentence-initial wire dateline ends (a token index) and the place it names, or None.

    A dateline opens with a place written in capitals that the gazetteer knows ("NABLUS",
    "MOSCOW"), may go on with a region, a date and the agency in brackets, and ends at a colon or a
    dash; nothing in it is lower case.
    """
    if not len(sent) or not (sent[0].is_upper and sent[0].is_alpha):
        return None  # the common case, decided without building the first tokens
    tokens = list(sent[:20])
    caps = 0
    while caps < len(tokens) and tokens[caps].is_upper and tokens[caps].is_alpha:
        caps += 1
    if not caps or len("".join(t.text for t in tokens[:caps])) < 3:
        return None
    place = gazetteer().lookup(" ".join(t.text.capitalize() for t in tokens[:caps]))
    if place is None:
        return None
    for token in tokens[caps:]:
        if token.text in DATELINE_SEPARATORS:
            return token.i + 1, place
        if token.is_lower or (token.is_alpha and not token.is_title and not token.is_upper):
            return None
    return None
