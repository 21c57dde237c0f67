"""Actors: find who is named in each sentence and resolve them to CAMEO actor codes.

The resolver is a cascade, cheapest and surest first:

1. **Exact knowledge** — phrase matches of known people (``data/people.tsv``, by the office held on the
   article's date), organisations (``igos.tsv``), companies and media (``entities.tsv``), country names,
   adjectives and seat-of-government metonyms (``countries.tsv``), and role words (``agents.tsv``).
2. **Composition** — adjacent pieces make one actor: ``Serbian`` + ``President`` + ``Aleksandar Vucic``
   is one SRB GOV person; ``Russia 's defence ministry`` is RUS MIL; ``Chinese tech giant Huawei`` is CHN
   BUS. A title followed by ``to``/``in`` + country names the *host*, not the owner: ``Chinese Ambassador
   to Serbia Chen Bo`` is CHN GOV. This does not rely on the NER span, which the small English model gets
   wrong here ("Serbia Chen Bo").
3. **Titles and appositions** — an unknown name after a title takes the title's sector; an unknown name
   with an appositive role ("Wang Yiwei, a professor at ... Renmin University of China") takes the
   role's sector and the country named inside the apposition.
4. **In-article coreference** — once a person is named in full, the bare surname (or, for names written
   family-name first, the first token) refers to them for the rest of the article ("Wang said"). This is
   done on tokens, not on NER labels, because the model often tags bare surnames as ORG.
5. Anything else stays unresolved and is not coded.

Country words used only as a modifier of a non-actor noun ("the Washington agreement", "Serbia-China
projects", "Serbian energy imports") are not actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .dictionaries import Agent, Knowledge, Office, knowledge
from .records import ActorRef

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: Words that may sit inside an actor phrase between the pieces that matter ("senior", "former").
FILLER_POS = {"ADJ", "DET", "NUM"}
#: Prepositions that introduce a host country after a title or agency ("Ambassador to Serbia").
HOST_PREPOSITIONS = {"to", "in", "at", "for"}
#: Dependency labels of a word that only modifies the noun it hangs on.
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
#: Countries whose people's names are commonly written family name first.
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MAC", "SGP", "KHM"}


@dataclass
class Mention:
    """An actor mention: token span (paragraph-doc indices), resolved actor and the rule that fired."""

    start: int
    end: int
    actor: ActorRef
    rule: str
    head: int = -1
    kind: str = "actor"  # "actor", or "place" for a capital used only as a location


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # country, adjective, capital, igo, entity, person, agent, name, possessive, filler
    value: Any = None


@dataclass
class ArticleContext:
    """What the resolver remembers across the sentences of one article."""

    day: date | None
    aliases: dict[str, ActorRef] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)

    def remember(self, key: str, actor: ActorRef) -> None:
        """Register ``key`` (a surname or full name) for ``actor``; a key claimed twice is dropped."""
        if key in self.ambiguous:
            return
        known = self.aliases.get(key)
        if known is not None and known.name != actor.name:
            del self.aliases[key]
            self.ambiguous.add(key)
            return
        self.aliases[key] = actor


def actor_code(country: str | None, igo_code: str | None, sector: str | None) -> str:
    """Build the full CAMEO actor code from its parts (``SRB``+``GOV`` → ``SRBGOV``)."""
    base = igo_code or country or "---"
    if sector and not base.endswith(sector):
        return base + sector
    return base


class ActorResolver:
    """Finds and resolves actor mentions in parsed sentences.

    Build one per process (it compiles phrase matchers over the knowledge base) and call
    :meth:`new_article` then :meth:`resolve_sentence` for each sentence in order.
    """

    def __init__(self, nlp: Language, kb: Knowledge | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.kb = kb or knowledge()
        self.nlp = nlp
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[str, tuple[str, object]] = {}
        make = nlp.make_doc

        def add(matcher: PhraseMatcher, kind: str, value: object, phrases: list[str]) -> None:
            phrases = [p for p in dict.fromkeys(phrases) if p]
            if not phrases:
                return
            label = f"{kind}:{len(self._labels)}"
            self._labels[label] = (kind, value)
            matcher.add(label, [make(p) for p in phrases])

        for country in self.kb.countries.values():
            add(self.names, "country", country.code, [country.name, *country.aliases])
            add(self.names, "adjective", country.code, list(country.adjectives))
            add(self.names, "capital", country.code, list(country.capitals))
        for igo in self.kb.igos.values():
            add(self.names, "igo", igo.igo, [igo.name, *igo.aliases])
        for entity in self.kb.entities:
            add(self.names, "entity", entity, [entity.name, *entity.aliases])
            add(
                self.names,
                "entity",
                entity,
                [f"the {entity.name}", f"The {entity.name}"]
                if not entity.name.lower().startswith("the ")
                else [],
            )
        for name, offices in self.kb.people.items():
            add(self.names, "person", name, [name, *offices[0].aliases])
        for agent in self.kb.agents.values():
            add(self.roles, "agent", agent, [agent.term])
        self._surnames: dict[str, set[str]] = {}
        for name in self.kb.people:
            self._surnames.setdefault(_surname_of(name, self._person_country(name)), set()).add(
                name
            )

    # -- knowledge look-ups ------------------------------------------------------------------------

    def _person_country(self, name: str) -> str | None:
        offices = self.kb.people.get(name) or []
        return offices[0].country if offices else None

    def person_actor(self, name: str, text: str, day: date | None) -> ActorRef:
        """Code a known person by the office held on ``day`` (the latest earlier office otherwise)."""
        offices = self.kb.people[name]
        held = [o for o in offices if o.held_on(day)]
        office: Office | None = held[0] if held else None
        sector: str | None = office.sector if office else None
        if office is None:
            earlier = [o for o in offices if day is None or o.start <= day] or offices
            office = max(earlier, key=lambda o: o.start)
        igo_code = self.kb.igos[office.igo].code if office.igo else None
        return ActorRef(
            actor_code(office.country, igo_code, sector),
            office.country,
            office.igo,
            sector,
            name,
            text,
        )

    def _country_actor(
        self, code: str, sector: str | None, text: str, name: str | None = None
    ) -> ActorRef:
        return ActorRef(
            actor_code(code, None, sector),
            code,
            None,
            sector,
            name or self.kb.countries[code].name,
            text,
        )

    # -- per article / per sentence ----------------------------------------------------------------

    def new_article(self, day: date | None) -> ArticleContext:
        """Start a new article; ``day`` (the publication date) selects who held which office."""
        return ArticleContext(day)

    def _matches(self, doc: Doc) -> list[_Piece]:
        """Knowledge matches over a whole paragraph doc (run once per doc, not per sentence)."""
        found: list[_Piece] = []
        for matcher in (self.names, self.roles):
            for match_id, start, end in matcher(doc):
                kind, value = self._labels[doc.vocab.strings[match_id]]
                found.append(_Piece(start, end, kind, value))
        return found

    def resolve_doc(self, doc: Doc, context: ArticleContext) -> list[list[Mention]]:
        """Resolve every sentence of a paragraph doc, in order; one list of mentions per sentence."""
        matches = self._matches(doc)
        self._doc_matches = (doc, matches)
        return [self.resolve_sentence(sent, context) for sent in doc.sents]

    def _pieces(self, sent: Span) -> list[_Piece]:
        doc = sent.doc
        cached = getattr(self, "_doc_matches", None)
        matches = cached[1] if cached is not None and cached[0] is doc else self._matches(doc)
        found = [p for p in matches if sent.start <= p.start and p.end <= sent.end]
        # Longest match wins; on a tie, knowledge about a specific actor beats a generic word.
        rank = {
            "person": 0,
            "entity": 1,
            "igo": 2,
            "country": 3,
            "capital": 4,
            "adjective": 5,
            "agent": 6,
        }
        found.sort(key=lambda p: (-(p.end - p.start), rank[p.kind], p.start))
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

    def resolve_sentence(self, sent: Span, context: ArticleContext) -> list[Mention]:
        """Return the actor mentions of one sentence, updating the article's coreference memory."""
        pieces = self._pieces(sent)
        groups: list[list[_Piece]] = []
        current: list[_Piece] = []
        doc = sent.doc
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            if current and piece.start != current[-1].end:
                # "Ambassador to Serbia": a host country right after a title or an agency.
                gap = doc[current[-1].end : piece.start]
                if (
                    current[-1].kind == "agent"
                    and len(gap) == 1
                    and gap[0].lower_ in HOST_PREPOSITIONS
                    and piece.kind in ("country", "capital")
                ):
                    current.append(_Piece(piece.start, piece.end, "host", piece.value))
                    index += 1
                    continue
                groups.append(current)
                current = []
            current.append(piece)
            index += 1
            # A possessive closes the phrase ("a Russian official's post") unless only a country
            # precedes it ("Russia's defence ministry", where the country owns what follows).
            if piece.kind == "possessive" and any(
                p.kind not in ("country", "capital", "possessive", "filler") for p in current
            ):
                groups.append(current)
                current = []
        if current:
            groups.append(current)
        mentions: list[Mention] = []
        for group in groups:
            mentions.extend(self._compose(group, doc, context))
        for mention in mentions:
            mention.head = _span_head(doc, mention.start, mention.end)
        return [m for m in mentions if not self._is_mere_modifier(m, doc, mentions)]

    def _compose(self, group: list[_Piece], doc: Doc, context: ArticleContext) -> list[Mention]:
        # Trim fillers and possessives at the edges: they belong to no actor on their own.
        while group and group[0].kind in ("filler", "possessive"):
            group = group[1:]
        while group and group[-1].kind in ("filler", "possessive"):
            group = group[:-1]
        if not group:
            return []
        text_of = lambda s, e: doc[s:e].text  # noqa: E731
        start, end = group[0].start, group[-1].end
        text = text_of(start, end)
        owner: str | None = None  # country named as modifier ("Serbian", "Russia 's")
        for piece in group:
            if piece.kind in ("adjective", "country", "capital") and piece is not group[-1]:
                owner = str(piece.value)
                break
        agents = [p.value for p in group if p.kind == "agent"]
        agent: Agent | None = agents[-1] if agents else None
        core = [p for p in group if p.kind in ("person", "entity", "igo")]
        if core:
            piece = core[-1]
            if piece.kind == "person":
                actor = self.person_actor(str(piece.value), text, context.day)
                self._remember_person(
                    context, str(piece.value), actor, text_of(piece.start, piece.end)
                )
                return [Mention(start, end, actor, "known-person")]
            if piece.kind == "entity":
                entity = piece.value
                igo_code = self.kb.igos[entity.igo].code if entity.igo else None
                country = entity.country or owner
                sector = entity.sector
                return [
                    Mention(
                        start,
                        end,
                        ActorRef(
                            actor_code(country, igo_code, sector),
                            country,
                            entity.igo,
                            sector,
                            entity.name,
                            text,
                        ),
                        "known-organisation",
                    )
                ]
            igo = self.kb.igos[str(piece.value)]
            # "EU foreign ministers": a role word after the organisation gives the sector
            later = [p.value for p in group if p.kind == "agent" and p.start > piece.start]
            sector = later[-1].sector if later else None
            return [
                Mention(
                    start,
                    end,
                    ActorRef(
                        actor_code(None, igo.code, sector), None, igo.igo, sector, igo.name, text
                    ),
                    "known-organisation",
                )
            ]
        names = [p for p in group if p.kind == "name"]
        last = group[-1]
        if names and last.kind == "name":
            name_start = names[0].start
            # the name run is the trailing run of name pieces
            run: list[_Piece] = []
            for p in reversed(group):
                if p.kind != "name":
                    break
                run.insert(0, p)
            name_start = run[0].start
            name_text = text_of(name_start, last.end)
            if agent is not None and agent.title:
                known = self._known_by_surname(name_text, context.day)
                if known is not None:
                    actor = self.person_actor(known, text, context.day)
                    self._remember_person(context, known, actor, name_text)
                    return [Mention(start, end, actor, "title+known-surname")]
                actor = ActorRef(
                    actor_code(owner, None, agent.sector),
                    owner,
                    None,
                    agent.sector,
                    name_text,
                    text,
                )
                self._remember_person(context, name_text, actor, name_text)
                return [Mention(start, end, actor, "title+name")]
            remembered = context.aliases.get(name_text)
            if remembered is not None:
                return [
                    Mention(name_start, last.end, _retext(remembered, name_text), "coreference")
                ]
            appositive = self._appositive(doc, name_start, last.end, context)
            if appositive is not None:
                actor = ActorRef(
                    appositive.code,
                    appositive.country,
                    appositive.igo,
                    appositive.sector,
                    name_text,
                    name_text,
                )
                self._remember_person(context, name_text, actor, name_text)
                return [Mention(name_start, last.end, actor, "apposition")]
            # an unknown name: the pieces before it may still be actors ("Serbia Chen Bo" is not)
            group = group[: group.index(run[0])]
            return self._compose(group, doc, context) if group else []
        if agent is not None and last.kind in ("agent", "host"):
            host = next((p for p in group if p.kind == "host"), None)
            country = owner
            if (
                country is None
                and host is not None
                and host.start > 0
                and doc[host.start - 1].lower_ == "in"
            ):
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
        mentions = []
        for piece in group:
            if piece.kind == "country":
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self._country_actor(
                            str(piece.value), None, text_of(piece.start, piece.end)
                        ),
                        "country",
                    )
                )
            elif piece.kind == "capital":
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self._country_actor(
                            str(piece.value), None, text_of(piece.start, piece.end)
                        ),
                        "capital-metonym",
                    )
                )
            elif (
                piece.kind == "adjective"
                and doc[piece.start].pos_ in ("NOUN", "PROPN")
                and doc[piece.end - 1].tag_ in ("NNS", "NNPS")
            ):
                mentions.append(
                    Mention(
                        piece.start,
                        piece.end,
                        self._country_actor(
                            str(piece.value), None, text_of(piece.start, piece.end)
                        ),
                        "demonym",
                    )
                )
        return mentions

    def _remember_person(
        self, context: ArticleContext, name: str, actor: ActorRef, written: str
    ) -> None:
        context.remember(name, actor)
        context.remember(written, actor)
        parts = written.split()
        if len(parts) >= 2:
            context.remember(parts[-1], actor)
            context.remember(parts[0], actor)  # family name first ("Wang Yiwei" → "Wang")

    def _known_by_surname(self, name_text: str, day: date | None) -> str | None:
        if name_text in self.kb.people:
            return name_text
        candidates = self._surnames.get(name_text.split()[-1], set())
        held = [n for n in candidates if any(o.held_on(day) for o in self.kb.people[n])]
        if len(held) == 1:
            return held[0]
        return None

    def _appositive(
        self, doc: Doc, start: int, end: int, context: ArticleContext
    ) -> ActorRef | None:
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
                kind, value = piece.kind, piece.value
                if kind == "entity":
                    country = country or value.country
                    sector = sector or value.sector
                elif kind in ("country", "adjective", "capital"):
                    country = country or str(value)
            if agent is not None or country is not None:
                return ActorRef(actor_code(country, None, sector), country, None, sector, "", "")
        return None

    def _is_mere_modifier(self, mention: Mention, doc: Doc, mentions: list[Mention]) -> bool:
        """A bare country word that only modifies a non-actor noun is not an actor."""
        head = doc[mention.head]
        if mention.rule == "agent":
            # "the presidency building": a role word compounded onto a non-actor noun
            if head.dep_ != "compound":
                return False
        elif mention.rule not in ("country", "capital-metonym", "demonym"):
            return False
        if head.dep_ not in MODIFIER_DEPS or head.dep_ == "poss":
            return False
        governor = head.head
        return not any(m.start <= governor.i < m.end for m in mentions)


def _retext(actor: ActorRef, text: str) -> ActorRef:
    return ActorRef(actor.code, actor.country, actor.igo, actor.sector, actor.name, text)


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
