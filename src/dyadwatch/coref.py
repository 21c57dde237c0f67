"""Coreference within one article: names, pronouns and definite descriptions back to actors.

:class:`ArticleContext` remembers, sentence by sentence, which actors the article has named. Three
kinds of later reference are resolved, each behind a named gate:

* **names** — a bare surname (or, for names written family name first, the first token) after the
  person was named in full: "Wang said" → Wang Yiwei. A key claimed by two different people is dropped
  (``AMBIGUOUS``), never guessed.
* **pronouns** — "he/she/his/her" → the most recent person; "its" → the most recent country or
  organisation; only within ``PRONOUN_WINDOW`` sentences, since a pronoun further away is more likely to
  point at something we did not code (the rules that pick among the candidates are in
  :mod:`dyadwatch.references`). "They"/"them" → a plural role word of the sentence, else the plural
  subject of the sentence before ("Protesters marched on Monday. They asked ..."), unless two could
  be meant or a plural thing stands between (``PLURAL``).
* **nationality nouns** — "the Peruvian", "the Briton" → the person named last, who takes that
  country if the article had given none.
* **descriptions** — "the company/the firm" → the most recent company; "the country" → the most recent
  country; "the president", "the foreign minister" → the one person named with that title within
  ``DESCRIPTION_WINDOW`` sentences (none when two were, the ``TITLE`` gate); "the government", "the
  army", "the police" → that organ of the one country whose organs of the kind were named there
  (the ``ORGAN`` gate); "the two countries /
  both countries / the two sides" → the last two different countries, as a group actor (the events
  stage codes each member).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .gender import agrees
from .records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .mentions import Mention

#: How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 2
#: How many sentences back a definite description ("the company") may look.
DESCRIPTION_WINDOW = 6

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
#: Only the possessive: a bare "it" is too often expletive ("it is expected that ...").
THING_PRONOUNS = {"its"}
#: Possessives that make what they own the clause subject's ("intensified its bombardment") or a
#: country's named in the sentence ("Peru said its army").
OWN_PRONOUNS = {"its", "their"}
COMPANY_NOUNS = {"company", "firm", "group", "corporation", "giant", "carrier", "manufacturer"}
COUNTRY_NOUNS = {"country", "nation"}


#: Dependencies of a noun that makes it a candidate for "they"/"them": a subject or an object.
CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "attr", "dative"}


def plural_things(sent: Span, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """Whether ``sent`` has, between token ``start`` and ``end``, a plural noun that is no actor
    mention and is a subject or object (or conjoined to one): "released the messages" before
    "them"."""
    for token in sent.doc[max(start, sent.start) : min(end, sent.end)]:
        if token.tag_ not in ("NNS", "NNPS") or any(m.start <= token.i < m.end for m in mentions):
            continue
        dep = token.head.dep_ if token.dep_ == "conj" else token.dep_
        if dep in CORE_DEPS:
            return True
    return False


@dataclass
class Remembered:
    """An actor the article has mentioned, and where."""

    actor: ActorRef
    sentence: int
    kind: str  # person, country, organisation, company, agent


@dataclass
class ArticleContext:
    """What the resolver remembers across the sentences of one article."""

    day: date | None
    aliases: dict[str, ActorRef] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    history: list[Remembered] = field(default_factory=list)
    sentence: int = 0
    regions: frozenset[str] = frozenset()  # region codes, which are not countries
    #: countries of the places the article was filed from (its dateline: "ILOILO: ...")
    filed_from: set[str] = field(default_factory=set)
    #: title words written with a named person ("President Vucic"): title -> (person, sentence)
    titled: list[tuple[str, ActorRef, int]] = field(default_factory=list)
    #: plural role words ("protesters", "officials"): (actor, sentence, whether a subject)
    plurals: list[tuple[ActorRef, int, bool]] = field(default_factory=list)
    #: sentences with a plural noun that is no actor as a subject or object ("carried banners")
    plural_thing_sentences: set[int] = field(default_factory=set)
    #: conjoined actors that were a sentence's subject ("Peru and Chile held talks"): sentence ->
    #: the actors, for a "they" that opens the next sentence
    conjoined: dict[int, tuple[ActorRef, ...]] = field(default_factory=dict)

    def remember(self, key: str, actor: ActorRef) -> None:
        """Register a name key for ``actor``; a key claimed by two people is dropped (AMBIGUOUS gate)."""
        if key in self.ambiguous:
            return
        known = self.aliases.get(key)
        if known is not None and known.name != actor.name:
            del self.aliases[key]
            self.ambiguous.add(key)
            return
        self.aliases[key] = actor

    def remember_person(self, name: str, actor: ActorRef, written: str) -> None:
        """Register a person's full name and the single names a later sentence may use alone."""
        self.remember(name, actor)
        self.remember(written, actor)
        parts = written.split()
        if len(parts) >= 2:
            self.remember(parts[-1], actor)
            self.remember(parts[0], actor)  # family name first ("Wang Yiwei" → "Wang")
        if len(parts) >= 3 and parts[-2][:1].isupper() and parts[-2][-1:] != ".":
            # a father's surname before a mother's ("Ricardo Rosselló Nevares" → "Rosselló",
            # "Andrés Manuel López Obrador" → "López Obrador")
            self.remember(parts[-2], actor)
            self.remember(" ".join(parts[-2:]), actor)

    def mentioned(self, actor: ActorRef, kind: str) -> None:
        """Record that the current sentence mentions ``actor`` (for later pronouns and descriptions)."""
        self.history.append(Remembered(actor, self.sentence, kind))

    def next_sentence(self) -> None:
        self.sentence += 1

    def _recent(
        self, kinds: set[str], window: int, before_sentence: bool = False
    ) -> ActorRef | None:
        for item in reversed(self.history):
            if self.sentence - item.sentence > window:
                return None
            if before_sentence and item.sentence == self.sentence:
                continue
            if item.kind in kinds:
                return item.actor
        return None

    def resolve_pronoun(
        self, word: str, avoid: set[str] | frozenset[str] = frozenset()
    ) -> ActorRef | None:
        """The antecedent of a personal or possessive pronoun within the pronoun window, skipping
        actors named in ``avoid``."""
        word = word.lower()
        kinds = (
            {"person"}
            if word in PERSON_PRONOUNS
            else ({"country", "organisation", "company"} if word in THING_PRONOUNS else set())
        )
        if not kinds:
            return None
        for item in reversed(self.history):
            if self.sentence - item.sentence > PRONOUN_WINDOW:
                return None
            if item.kind in kinds and item.actor.name not in avoid and agrees(word, item.actor):
                return item.actor  # "she" passes over a man the article named since (GENDER gate)
        return None

    def recent_person(self) -> ActorRef | None:
        """The person the article named last, within the description window."""
        return self._recent({"person"}, DESCRIPTION_WINDOW)

    def remember_plural(self, actor: ActorRef, subject: bool) -> None:
        """Record that the current sentence has ``actor``, a plural role word (its clause's subject
        or not)."""
        self.plurals.append((actor, self.sentence, subject))

    def remember_plural_things(self) -> None:
        """Record that the current sentence has a plural noun, no actor, as a subject or object."""
        self.plural_thing_sentences.add(self.sentence)

    def remember_conjoined(self, actors: Sequence[ActorRef]) -> None:
        """Record that the current sentence's subject is ``actors``, conjoined ("Peru and Chile")."""
        self.conjoined.setdefault(self.sentence, tuple(actors))

    def resolve_they_group(self) -> tuple[ActorRef, ...]:
        """The conjoined subject of the sentence before, for a subject "they" with nothing before it
        in its own sentence: "Peru and Chile held talks. They agreed ..." is both (not when that
        sentence had a plural role word, which "they" may be; a plural thing, "talks", is taken
        for no doer of what "they" do)."""
        before = self.sentence - 1
        if any(s == before for _, s, _ in self.plurals):
            return ()
        return self.conjoined.get(before, ())

    def resolve_they(self) -> ActorRef | None:
        """The antecedent of a subject "they": the plural role word that was the subject of the
        sentence before, when that sentence had no other plural role word (the ``PLURAL`` gate:
        after "Peruvian officials met Chilean officials" or "Rebels and soldiers clashed", "they"
        may be both, and is not guessed)."""
        if self.sentence - 1 in self.plural_thing_sentences:
            return None  # "Protesters carried banners. They ...": the banners, maybe
        before = [
            (actor, subject)
            for actor, sentence, subject in self.plurals
            if sentence == self.sentence - 1
        ]
        if len({actor.code for actor, _ in before}) != 1 or not any(s for _, s in before):
            return None
        return before[0][0]

    def remember_title(self, title: str, actor: ActorRef) -> None:
        """Record that the current sentence names ``actor`` with the title ``title``."""
        self.titled.append((title, actor, self.sentence))

    def resolve_title(self, title: str) -> ActorRef | None:
        """The antecedent of "the president", "the foreign minister": the person last named with that
        title within the description window, unless another person had it there too (TITLE gate);
        past the window, the one person the article has named with it."""
        earlier = [
            (actor, sentence)
            for written, actor, sentence in self.titled
            if written == title and sentence < self.sentence
        ]
        holders = [a for a, sentence in earlier if self.sentence - sentence <= DESCRIPTION_WINDOW]
        if not holders:
            holders = [a for a, _ in earlier]
        if not holders or len({a.name for a in holders}) != 1:
            return None
        return holders[-1]

    def resolve_organ(self, sector: str) -> str | None:
        """The country of "the government", "the army", "the police": the one country whose actors
        of that sector the article named in the description window (none when two were, the
        ``ORGAN`` gate)."""
        countries = {
            item.actor.country
            for item in self.history
            if item.actor.sector == sector
            and item.actor.country
            and not item.actor.igo
            and 0 < self.sentence - item.sentence <= DESCRIPTION_WINDOW
        }
        return str(next(iter(countries))) if len(countries) == 1 else None

    def resolve_description(self, noun: str) -> ActorRef | None:
        """The antecedent of "the company" / "the country"."""
        noun = noun.lower()
        if noun in COMPANY_NOUNS:
            return self._recent({"company"}, DESCRIPTION_WINDOW)
        if noun in COUNTRY_NOUNS:
            return self._recent({"country"}, DESCRIPTION_WINDOW, before_sentence=True)
        return None

    def resolve_pair(self, current: Sequence[ActorRef] = ()) -> tuple[str, str] | None:
        """The last two different countries mentioned — by actors earlier in the current sentence
        (``current``) first, then by earlier sentences: the referents of "the two countries"."""
        found: list[str] = []
        recent = [a for a in reversed(current)] + [
            item.actor
            for item in reversed(self.history)
            if self.sentence - item.sentence <= DESCRIPTION_WINDOW
        ]
        for actor in recent:
            country = actor.country
            if (
                country
                and actor.igo is None
                and country not in found
                and country not in self.regions
            ):
                found.append(country)
                if len(found) == 2:
                    return found[1], found[0]
        return None
