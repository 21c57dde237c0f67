"""Actors: find who is named in each sentence and resolve them to CAMEO actor codes.

The resolver is a cascade, surest first; each step is named, and the name is stored with the mention
(``rule``) so "why is this SRBGOV?" has an answer:

1. ``known-person`` / ``known-organisation`` — phrase matches of the knowledge base: people by the
   office held on the article's date (``data/people.tsv``, or an imported dictionary's dated codes),
   organisations, companies and media.
2. ``title+known-surname`` / ``title+name`` — a title followed by a name: the title gives the sector,
   a nationality word before it the country. ``to/in`` + country after the title names the *host*:
   "Chinese Ambassador to Serbia Chen Bo" is CHN GOV. This does not rely on the NER span, which the small
   English model gets wrong here ("Serbia Chen Bo").
3. ``coreference`` — a bare surname after the full name ("Wang said"), on tokens, not NER labels (the
   model often tags bare surnames ORG); pronouns and descriptions ("he", "its", "the company",
   "the two countries") through :mod:`dyadwatch.coref`.
4. ``apposition`` — an unknown name with an appositive role ("Wang Yiwei, a professor at ... Renmin
   University of China") takes the role's sector and the country named inside the apposition.
5. ``ner+nationality`` — an unknown name the NER tags as a person or organisation, with a nationality
   word in its phrase ("Russian billionaire Ivan Petrov"), is coded with that country.
6. ``agent`` — role words with their owner ("Serbian leaders", "Russia's defence ministry").
7. ``country`` / ``capital-metonym`` / ``demonym`` / ``region`` — place and people names.
8. Anything else stays unresolved and is not coded.

Country words that only modify a non-actor noun ("the Washington agreement", "Serbian energy imports")
are not actors (the MODIFIER gate).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from .coref import PAIR_NOUNS, PAIR_WORDS, PERSON_PRONOUNS, ArticleContext
from .knowledge import Agent, Knowledge, Office, knowledge
from .records import ActorRef

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: Words that may sit inside an actor phrase between the pieces that matter ("senior", "former").
FILLER_POS = {"ADJ", "DET", "NUM"}
#: Prepositions that introduce a host country after a title or agency ("Ambassador to Serbia").
HOST_PREPOSITIONS = {"to", "in", "at", "for"}
#: Dependency labels of a word that only modifies the noun it hangs on (the MODIFIER gate).
MODIFIER_DEPS = {"compound", "amod", "nmod"}
#: Countries whose people's names are commonly written family name first.
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "SGP", "KHM"}
#: NER labels under which an unknown name may be an actor (the NER+nationality step).
ACTOR_NER_LABELS = {"PERSON", "ORG", "NORP"}
#: Prepositions through which a place or organisation owns a role word ("dissidents from Myanmar").
OWNER_PREPOSITIONS = {"of", "from"}
#: Rules of mentions that name a place (country, capital, people, region).
PLACE_RULES = {"country", "capital-metonym", "demonym", "region"}
#: Shortest surname that may name a known person on its own.
MIN_SURNAME_CHARS = 4
#: Piece kinds that name a specific actor; they beat generic words when matches overlap.
RANK = {"person": 0, "surname": 1, "entity": 1, "igo": 2, "country": 3, "capital": 4, "adjective": 5, "agent": 6}


@dataclass
class Mention:
    """An actor mention: token span (paragraph-doc indices), resolved actor and the rule that fired.

    ``members`` holds the actors of a group mention ("the two countries"); events code each member.
    """

    start: int
    end: int
    actor: ActorRef
    rule: str
    head: int = -1
    members: tuple[ActorRef, ...] = ()

    def split(self) -> list[Mention]:
        """One mention per member for a group mention, else the mention itself."""
        if not self.members:
            return [self]
        return [replace(self, actor=member, members=()) for member in self.members]


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # country, adjective, capital, igo, entity, person, agent, name, possessive, filler, host
    value: Any = None


def actor_code(country: str | None, igo_code: str | None, sector: str | None) -> str:
    """Build the full CAMEO actor code from its parts (``SRB`` + ``GOV`` → ``SRBGOV``)."""
    base = igo_code or country or "---"
    if sector and not base.endswith(sector):
        return base + sector
    return base


def _memory_kind(mention: Mention) -> str:
    if mention.rule in ("country", "capital-metonym", "demonym", "region"):
        return "country"
    if mention.actor.sector == "BUS":
        return "company"
    if mention.rule in (
        "known-person",
        "title+known-surname",
        "title+name",
        "apposition",
        "ner+nationality",
    ) or (mention.rule == "coreference" and mention.actor.sector):
        return "person"
    if mention.rule == "known-organisation":
        return "organisation"
    return "agent"


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
        self._labels: dict[str, tuple[str, Any]] = {}
        make = nlp.make_doc

        def add(matcher: PhraseMatcher, kind: str, value: Any, phrases: list[str]) -> None:
            unique = [p for p in dict.fromkeys(phrases) if p]
            if unique:
                label = f"{kind}:{len(self._labels)}"
                self._labels[label] = (kind, value)
                matcher.add(label, [make(p) for p in unique])

        for country in self.kb.countries.values():
            if country.imported:
                add(self.lowered, "country", country.code, [country.name, *country.aliases])
            add(self.names, "country", country.code, [country.name, *country.aliases])
            add(self.names, "adjective", country.code, list(country.adjectives))
            add(self.names, "capital", country.code, list(country.capitals))
        for igo in self.kb.igos.values():
            add(self.names, "igo", igo.igo, [igo.name, *igo.aliases])
        for entity in self.kb.entities:
            the = (
                []
                if entity.name.lower().startswith("the ")
                else [f"the {entity.name}", f"The {entity.name}"]
            )
            add(self.names, "entity", entity, [entity.name, *entity.aliases, *the])
        for name, offices in self.kb.people.items():
            imported = any(o.code for o in offices)
            # imported dictionaries are upper case and matched without regard to case, as PETRARCH does
            add(
                self.lowered if imported else self.names,
                "person",
                name,
                [name, *offices[0].aliases],
            )
        for agent in self.kb.agents.values():
            add(self.lowered, "agent", agent, [agent.term])
        self._surnames: dict[str, set[str]] = {}
        for name, offices in self.kb.people.items():
            self._surnames.setdefault(_surname_of(name, offices[0].country), set()).add(name)
        # A surname alone names a known person when no other known person has it (UNIQUE-SURNAME
        # gate), it is long enough not to be an initialism, and the person's family name is not
        # written first (Chinese and Korean surnames are shared by too many people).
        for surname, names in self._surnames.items():
            if len(names) != 1 or len(surname) < MIN_SURNAME_CHARS or not surname.isalpha():
                continue
            name = next(iter(names))
            if self.kb.people[name][0].country in FAMILY_NAME_FIRST or self.kb.people[name][0].code:
                continue
            add(self.names, "surname", name, [surname])
        self._doc_matches: tuple[Doc, list[_Piece]] | None = None
        self._regions = frozenset(c.code for c in self.kb.countries.values() if c.region)

    # -- knowledge look-ups ------------------------------------------------------------------------

    def person_actor(self, name: str, text: str, day: date | None) -> ActorRef:
        """Code a known person by the office held on ``day``; a former office-holder keeps the country of
        the last office held, without its sector."""
        offices = self.kb.people[name]
        held = [o for o in offices if o.held_on(day)]
        office: Office = held[-1] if held else offices[0]
        sector = office.sector if held else None
        if not held:
            earlier = [o for o in offices if day is None or o.start is None or o.start <= day]
            office = earlier[-1] if earlier else offices[0]
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

    def _country_actor(self, code: str, sector: str | None, text: str) -> ActorRef:
        return ActorRef(
            actor_code(code, None, sector), code, None, sector, self.kb.countries[code].name, text
        )

    # -- per article / per document ----------------------------------------------------------------

    def new_article(self, day: date | None) -> ArticleContext:
        """Start a new article; ``day`` (the publication date) selects who held which office."""
        return ArticleContext(day, regions=self._regions)

    def _matches(self, doc: Doc) -> list[_Piece]:
        """Knowledge matches over a whole paragraph doc (run once per doc, not per sentence)."""
        found: list[_Piece] = []
        for matcher in (self.names, self.lowered):
            for match_id, start, end in matcher(doc):
                kind, value = self._labels[doc.vocab.strings[match_id]]
                found.append(_Piece(start, end, kind, value))
        return found

    def resolve_doc(self, doc: Doc, context: ArticleContext) -> list[list[Mention]]:
        """Resolve every sentence of a paragraph doc, in order; one list of mentions per sentence."""
        self._doc_matches = (doc, self._matches(doc))
        out = []
        for sent in doc.sents:
            out.append(self.resolve_sentence(sent, context))
            context.next_sentence()
        return out

    # -- per sentence ------------------------------------------------------------------------------

    def _pieces(self, sent: Span) -> list[_Piece]:
        doc = sent.doc
        cached = self._doc_matches
        matches = cached[1] if cached is not None and cached[0] is doc else self._matches(doc)
        found = [p for p in matches if sent.start <= p.start and p.end <= sent.end]
        # Longest match wins; on a tie, knowledge about a specific actor beats a generic word.
        found.sort(key=lambda p: (-(p.end - p.start), RANK[p.kind], p.start))
        taken: set[int] = set()
        pieces: list[_Piece] = []
        for piece in found:
            span = set(range(piece.start, piece.end))
            if span & taken:
                continue
            if piece.kind == "agent" and doc[piece.end - 1].pos_ not in ("NOUN", "PROPN"):
                continue  # "firm relations", "general agreement": the word is not a role here
            taken |= span
            pieces.append(piece)
        for token in sent:
            if token.i in taken:
                continue
            if token.tag_ == "POS" or token.text in ("'s", "’s"):
                pieces.append(_Piece(token.i, token.i + 1, "possessive"))
            elif token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha:
                pieces.append(_Piece(token.i, token.i + 1, "name"))
            elif token.pos_ in FILLER_POS or token.text in ("-", "–"):
                pieces.append(_Piece(token.i, token.i + 1, "filler"))
        pieces.sort(key=lambda p: p.start)
        return pieces

    def _groups(self, pieces: list[_Piece], doc: Doc) -> list[list[_Piece]]:
        """Adjacent pieces form one phrase; a host country after a title joins it."""
        groups: list[list[_Piece]] = []
        current: list[_Piece] = []
        for piece in pieces:
            if current and piece.start != current[-1].end:
                gap = doc[current[-1].end : piece.start]
                if (
                    current[-1].kind == "agent"
                    and len(gap) == 1
                    and gap[0].lower_ in HOST_PREPOSITIONS
                    and piece.kind in ("country", "capital")
                ):
                    current.append(_Piece(piece.start, piece.end, "host", piece.value))
                    continue
                groups.append(current)
                current = []
            current.append(piece)
            # A possessive closes the phrase ("a Russian official's post") unless only a country
            # precedes it ("Russia's defence ministry", where the country owns what follows).
            if piece.kind == "possessive" and any(
                p.kind not in ("country", "capital", "possessive", "filler") for p in current
            ):
                groups.append(current)
                current = []
        if current:
            groups.append(current)
        return groups

    def resolve_sentence(self, sent: Span, context: ArticleContext) -> list[Mention]:
        """Return the actor mentions of one sentence, updating the article's memory."""
        doc = sent.doc
        mentions: list[Mention] = []
        for group in self._groups(self._pieces(sent), doc):
            mentions.extend(self._compose(group, doc, context))
        mentions.extend(self._references(sent, mentions, context))
        mentions.sort(key=lambda m: m.start)
        for mention in mentions:
            mention.head = _span_head(doc, mention.start, mention.end)
        mentions = self._owned_by_phrase(doc, mentions)
        mentions = self._conjoined_owners(doc, mentions)
        kept = [m for m in mentions if not self._is_mere_modifier(m, doc, mentions)]
        for mention in kept:
            for member in mention.split():
                context.mentioned(member.actor, _memory_kind(mention))
        return kept

    def _owned_by_phrase(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Role words owned through "of"/"from": "dissidents from Myanmar" → MMR OPP; "leaders of the
        Muslim Brotherhood" → the organisation. The owning mention joins the role word's span."""
        out = list(mentions)
        for mention in mentions:
            if mention.rule != "agent" or mention.actor.country or mention.actor.igo:
                continue
            head = doc[mention.head]
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in OWNER_PREPOSITIONS:
                    continue
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                owner = mention_at(out, pobj) if pobj is not None else None
                if owner is None or owner is mention or owner.members:
                    continue
                actor = owner.actor
                if owner.rule in PLACE_RULES:
                    actor = self._country_actor(str(actor.country), mention.actor.sector, "")
                elif actor.sector is None:
                    actor = replace(actor, code=actor.code + (mention.actor.sector or ""),
                                    sector=mention.actor.sector)
                words = doc[mention.start : owner.end].text
                joined = Mention(mention.start, owner.end, replace(actor, text=words), "agent",
                                 mention.head)
                out = [joined if m is mention else m for m in out if m is not owner]
                break
        return out

    def _conjoined_owners(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"French and German leaders", "US and British activists": each nationality owns the role
        word; the mention becomes a group of one actor per nationality."""
        out = list(mentions)
        pieces = {p.start: p for p in self._doc_pieces(doc) if p.kind in ("adjective", "country")}
        for mention in mentions:
            if mention.rule != "agent" or not mention.actor.country:
                continue
            extra: list[tuple[_Piece, Mention | None]] = []
            for token in doc[mention.start : mention.end]:
                for conj in token.conjuncts:
                    piece = pieces.get(conj.i)
                    existing = mention_at(out, conj)
                    if conj.i >= mention.start or piece is None:
                        continue
                    if existing is not None and existing.rule not in PLACE_RULES:
                        continue
                    extra.append((piece, existing))
            if not extra:
                continue
            sector = mention.actor.sector
            start = min(p.start for p, _ in extra)
            words = doc[start : mention.end].text
            members = tuple(self._country_actor(str(p.value), sector, words) for p, _ in extra)
            members += (replace(mention.actor, text=words),)
            group = ActorRef("---", None, None, sector, " and ".join(m.code for m in members), words)
            joined = Mention(start, mention.end, group, "agent", mention.head, members)
            dropped = [m for _, m in extra if m is not None]
            out = [joined if m is mention else m for m in out if all(m is not d for d in dropped)]
        return out

    def _doc_pieces(self, doc: Doc) -> list[_Piece]:
        cached = self._doc_matches
        return cached[1] if cached is not None and cached[0] is doc else self._matches(doc)

    def _compose(self, group: list[_Piece], doc: Doc, context: ArticleContext) -> list[Mention]:
        while group and group[0].kind in ("filler", "possessive"):
            group = group[1:]
        while group and group[-1].kind in ("filler", "possessive"):
            group = group[:-1]
        if not group:
            return []
        start, end = group[0].start, group[-1].end
        text = doc[start:end].text
        owner = next(
            (str(p.value) for p in group[:-1] if p.kind in ("adjective", "country", "capital")),
            None,
        )
        agents = [p for p in group if p.kind == "agent"]
        agent: Agent | None = agents[-1].value if agents else None

        # a known surname inside a longer name is just part of that name ("Zhou Ping" is not
        # "Jean Ping"): titles and coreference decide who it is
        for index, piece in enumerate(group):
            neighbours = group[max(index - 1, 0) : index] + group[index + 1 : index + 2]
            if piece.kind == "surname" and any(n.kind == "name" for n in neighbours):
                group[index] = _Piece(piece.start, piece.end, "name")

        # step 1: the knowledge base names this actor
        core = [p for p in group if p.kind in ("person", "surname", "entity", "igo")]
        if core:
            known = self._known(core[-1], group, start, end, text, owner, doc, context)
            return [known] if known is not None else []

        # steps 2-5: a name at the end of the phrase
        if group[-1].kind == "name":
            run: list[_Piece] = []
            for piece in reversed(group):
                if piece.kind != "name":
                    break
                run.insert(0, piece)
            named = self._name(run, group, start, end, text, owner, agent, doc, context)
            if named is not None:
                return [named]
            rest = group[: group.index(run[0])]
            return self._compose(rest, doc, context) if rest else []

        # step 6: role words with their owner
        if agent is not None and group[-1].kind in ("agent", "host"):
            host = next((p for p in group if p.kind == "host"), None)
            country = owner
            if country is None and host is not None and doc[host.start - 1].lower_ == "in":
                country = str(host.value)  # "officials in Belgrade": the place is the owner
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

        # a title before a name the dictionary codes as a bare country ("Prime Minister Romendacil")
        if (
            agent is not None
            and agent.title
            and group[-1].kind == "country"
            and group[-2].kind == "agent"
        ):
            code = str(group[-1].value)
            return [
                Mention(start, end, self._country_actor(code, agent.sector, text), "title+name")
            ]

        # step 7: place and people names
        mentions = []
        for piece in group:
            code = str(piece.value)
            words = doc[piece.start : piece.end].text
            region = code in self.kb.countries and self.kb.countries[code].region
            if piece.kind == "country":
                rule = "region" if region else "country"
                mentions.append(
                    Mention(piece.start, piece.end, self._country_actor(code, None, words), rule)
                )
            elif piece.kind == "capital":
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self._country_actor(code, None, words),
                        "capital-metonym",
                    )
                )
            elif piece.kind == "adjective" and doc[piece.end - 1].tag_ in ("NNS", "NNPS"):
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self._country_actor(code, None, words),
                        "region" if region else "demonym",
                    )
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
        doc: Doc,
        context: ArticleContext,
    ) -> Mention | None:
        if piece.kind == "surname":
            word = doc[piece.start].text
            remembered = context.aliases.get(word)
            if remembered is not None:  # the article's own "Wang" beats the knowledge base's
                return Mention(start, end, _retext(remembered, text), "coreference")
            if doc[piece.start].pos_ != "PROPN":
                return None
            name = str(piece.value)
            actor = self.person_actor(name, text, context.day)
            context.remember(word, actor)
            return Mention(start, end, actor, "known-surname")
        if piece.kind == "person":
            name = str(piece.value)
            actor = self.person_actor(name, text, context.day)
            context.remember_person(name, actor, doc[piece.start : piece.end].text)
            return Mention(start, end, actor, "known-person")
        if piece.kind == "entity":
            entity = piece.value
            igo_code = self.kb.igos[entity.igo].code if entity.igo else None
            country = entity.country or owner
            return Mention(
                start,
                end,
                ActorRef(
                    actor_code(country, igo_code, entity.sector),
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
        group: list[_Piece],
        start: int,
        end: int,
        text: str,
        owner: str | None,
        agent: Agent | None,
        doc: Doc,
        context: ArticleContext,
    ) -> Mention | None:
        name_start, name_end = run[0].start, run[-1].end
        name_text = doc[name_start:name_end].text
        # step 2: a title before the name
        if agent is not None and agent.title:
            known = self._known_by_surname(name_text, context.day)
            if known is not None:
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
        if remembered is not None:
            return Mention(name_start, name_end, _retext(remembered, name_text), "coreference")
        # step 4: an apposition says who this is
        appositive = self._appositive(doc, name_start, name_end)
        if appositive is not None:
            actor = replace(appositive, name=name_text, text=name_text)
            context.remember_person(name_text, actor, name_text)
            return Mention(name_start, name_end, actor, "apposition")
        # step 5: the NER calls it a person or organisation and a nationality word owns it
        labels = {doc[p.start].ent_type_ for p in run}
        if owner is not None and labels & ACTOR_NER_LABELS:
            actor = ActorRef(actor_code(owner, None, None), owner, None, None, name_text, text)
            if "PERSON" in labels:
                context.remember_person(name_text, actor, name_text)
            return Mention(start, end, actor, "ner+nationality")
        return None

    def _references(
        self, sent: Span, mentions: list[Mention], context: ArticleContext
    ) -> list[Mention]:
        """Pronouns and definite descriptions ("he", "its", "the company", "the two countries")."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found: list[Mention] = []
        for token in sent:
            if token.i in taken:
                continue
            if token.pos_ == "PRON":
                # a person named earlier in the same sentence comes first ("Vucic said ... for him")
                earlier = [m for m in mentions if m.end <= token.i and _memory_kind(m) == "person"]
                actor: ActorRef | None
                if token.lower_ in PERSON_PRONOUNS and earlier:
                    actor = earlier[-1].actor
                else:
                    actor = context.resolve_pronoun(token.lower_)
                if actor is not None:
                    found.append(
                        Mention(token.i, token.i + 1, _retext(actor, token.text), "coreference")
                    )
                continue
            if token.pos_ != "NOUN" or not any(
                c.lower_ in ("the", "both") or c.lower_ in PAIR_WORDS for c in token.children
            ):
                continue
            left = token.left_edge.i
            words = sent.doc[left : token.i + 1].text
            if token.lower_ in PAIR_NOUNS and any(c.lower_ in PAIR_WORDS for c in token.children):
                pair = context.resolve_pair([m.actor for m in mentions if m.end <= token.i])
                if pair is not None:
                    members = tuple(self._country_actor(code, None, words) for code in pair)
                    group_actor = ActorRef(
                        "---", None, None, None, " and ".join(m.name for m in members), words
                    )
                    found.append(
                        Mention(left, token.i + 1, group_actor, "coreference", members=members)
                    )
                continue
            described = context.resolve_description(token.lower_)
            if described is not None and token.tag_ == "NN":
                actor = described
                found.append(Mention(left, token.i + 1, _retext(actor, words), "coreference"))
        return found

    def _known_by_surname(self, name_text: str, day: date | None) -> str | None:
        if name_text in self.kb.people:
            return name_text
        candidates = self._surnames.get(name_text.split()[-1], set())
        held = [n for n in candidates if any(o.held_on(day) for o in self.kb.people[n])]
        return held[0] if len(held) == 1 else None

    def _appositive(self, doc: Doc, start: int, end: int) -> ActorRef | None:
        """Resolve "Name, a professor at X University of <Country>" from the apposition."""
        head = doc[_span_head(doc, start, end)]
        for child in head.children:
            if child.dep_ != "appos":
                continue
            inside = [
                p
                for p in self._matches(doc)
                if child.left_edge.i <= p.start and p.end <= child.right_edge.i + 1
            ]
            roles = [p.value for p in inside if p.kind == "agent" and p.start <= child.i < p.end]
            agent: Agent | None = roles[0] if roles else None
            country: str | None = None
            sector = agent.sector if agent else None
            for piece in inside:
                if piece.kind == "entity":
                    country = country or piece.value.country
                    sector = sector or piece.value.sector
                elif piece.kind in ("country", "adjective", "capital"):
                    country = country or str(piece.value)
            if agent is not None or country is not None:
                return ActorRef(actor_code(country, None, sector), country, None, sector, "", "")
        return None

    def _is_mere_modifier(self, mention: Mention, doc: Doc, mentions: list[Mention]) -> bool:
        """The MODIFIER gate: a bare country or role word that only modifies a non-actor noun."""
        head = doc[mention.head]
        if mention.rule == "agent":
            if head.dep_ != "compound":  # "the presidency building"
                return False
        elif mention.rule not in ("country", "capital-metonym", "demonym", "region"):
            return False
        if head.dep_ not in MODIFIER_DEPS:
            return False
        governor = head.head
        return not any(m.start <= governor.i < m.end for m in mentions)


def _retext(actor: ActorRef, text: str) -> ActorRef:
    return replace(actor, text=text)


def _surname_of(name: str, country: str | None) -> str:
    parts = name.split()
    return parts[0] if country in FAMILY_NAME_FIRST else parts[-1]


def _span_head(doc: Doc, start: int, end: int) -> int:
    """The token of ``doc[start:end]`` whose syntactic head lies outside the span (its root)."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token.i
    return end - 1


def mention_at(mentions: list[Mention], token: Token) -> Mention | None:
    """The mention covering ``token``, if any."""
    for mention in mentions:
        if mention.start <= token.i < mention.end:
            return mention
    return None
