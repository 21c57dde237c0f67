"""Ownership: who a role word belongs to when the owner is not simply the adjective before it.

Rules applied to a sentence's resolved phrases (:mod:`dyadwatch.actors`), each with a named gate:

* **of/from** — "dissidents from Myanmar" → MMR OPP; "leaders of the Muslim Brotherhood" → the
  organisation; "the leaders of France and Germany" → FRA GOV and DEU GOV. "from" after a *title* is a
  posting, not an owner ("recalled its ambassador from Canberra"), so the FROM-TITLE gate skips it;
* **conjoined nationalities** — "French and German leaders", "US and British activists": each
  nationality owns the role word, and so does each country conjoined with the one after "in" or
  "from" ("lawmakers in Norway and Sweden");
* **apposition roles** — "Wang Yiwei, a professor at ...": the role word is the person's description,
  not another actor (APPOSITION gate);
* **modifiers** — a country or role word that only modifies a non-actor noun is not an actor
  ("the Washington agreement", "the presidency building", "the Belgrade-Pristina dialogue"), checked
  until nothing changes since removing one modifier can expose another (MODIFIER gate).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .mentions import Mention
from .records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Prepositions through which a place or organisation owns a role word ("dissidents from Myanmar").
OWNER_PREPOSITIONS = {"of", "from", "in"}
#: Nouns for a body an organisation or state runs ("the UN nuclear agency", "the EU mission"): a
#: role "of" one belongs to whoever names it.
BODY_NOUNS = {
    "agency",
    "body",
    "commission",
    "council",
    "mission",
    "office",
    "committee",
    "organisation",
    "organization",
    "programme",
    "program",
    "team",
    "delegation",
    "panel",
}
#: Rules of mentions that name a place (country, capital, seat, people, region).
PLACE_RULES = {"country", "capital-metonym", "seat-metonym", "demonym", "region"}
#: Dependency labels of a word that only modifies the noun it hangs on.
MODIFIER_DEPS = {"compound", "amod", "nmod"}

CountryActor = Callable[[str, "str | None", str], ActorRef]


#: Nouns that name a place by its proper name after "of" ("the city of Hebron").
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "state",
    "county",
    "port",
}


def _at(mentions: list[Mention], index: int) -> Mention | None:
    return next((m for m in mentions if m.start <= index < m.end), None)


def unowned_role(mention: Mention) -> bool:
    """A bare role word ("the ministry", "forces") whose owner is still to be found."""
    actor = mention.actor
    return mention.rule == "agent" and not (actor.country or actor.igo or mention.members)


#: Mentions of people by name (a role "of" them keeps its own sector).
PERSON_RULES = {"known-person", "known-surname", "title+known-surname", "title+name"}


#: Verbs and nouns of taking people out of a place: "from" after what they take out is the place.
TAKING_OUT = {
    "withdraw",
    "withdrawal",
    "pull",
    "pullout",
    "evacuate",
    "evacuation",
    "recall",
    "redeploy",
    "redeployment",
    "remove",
    "removal",
    "drawdown",
}


def _taken_out(role: Token) -> bool:
    """ "withdrew its forces from Syria", "the withdrawal of brigades from Chad": the role word is
    what is taken out of the place after "from"."""
    governor = role.head
    if role.dep_ == "pobj" and governor.lower_ == "of":
        governor = governor.head
    elif role.dep_ not in ("dobj", "obj"):
        return False
    return governor.lemma_.lower() in TAKING_OUT


def owned_by_phrase(
    doc: Doc, mentions: list[Mention], country_actor: CountryActor, titles: set[str]
) -> list[Mention]:
    """Role words owned through "of"/"from"; the owning mention joins the role word's span."""
    out = list(mentions)
    for mention in mentions:
        if not unowned_role(mention):
            continue
        head = doc[mention.head]
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in (*OWNER_PREPOSITIONS, "for"):
                continue
            if prep.lower_ in ("from", "in") and head.lower_ in titles:
                continue  # FROM-TITLE gate: "its ambassador from Canberra" is posted there
            if prep.lower_ == "from" and _taken_out(head):
                continue  # "the withdrawal of brigades from Chad": where they leave, not whose
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            owners = [
                m
                for t in (pobj, *pobj.conjuncts)
                if (m := _at(out, t.i)) is not None and m is not mention and not m.members
            ]
            if prep.lower_ == "for":
                # "a spokesman for the UN", "inspectors for the UN nuclear agency": an organisation
                # owns who works for it; a country after "for" is what the role deals with ("the
                # UN envoy for Syria")
                owners = [m for m in owners if m.rule == "known-organisation"]
            body_end = None
            if not owners and prep.lower_ in ("of", "for") and pobj.lemma_.lower() in BODY_NOUNS:
                # "inspectors of the UN nuclear agency": the organisation or state naming the body
                owners = [
                    m
                    for m in out
                    if m.rule in ("known-organisation", "country")
                    and m is not mention
                    and not m.members
                    and doc[m.head].head.i == pobj.i
                    and doc[m.head].dep_ in ("compound", "nmod")
                ][:1]
                body_end = pobj.i + 1
            if pobj.lower_ in ("republic", "kingdom", "state", "federation", "principality"):
                # "officials in the People's Republic of China": the state its formal name names
                owners += [
                    m
                    for c in pobj.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                    and (m := _at(out, g.i)) is not None
                    and m.rule in PLACE_RULES
                ]
            if prep.lower_ == "in":
                # "protesters in Kosovo", "police in the eastern Kosovan town": only a place owns
                owners = [m for m in owners if m.rule in PLACE_RULES]
                owners += [
                    m
                    for m in out
                    if m.rule in PLACE_RULES | {"modifier"}
                    and m is not mention
                    and doc[m.head].head.i == pobj.i
                    and doc[m.head].dep_ in ("amod", "compound", "nmod")
                    and all(m is not o for o in owners)
                ]
            if not owners and prep.lower_ in ("of", "in"):
                place = _gazetteer_owner(pobj, country_actor, mention.actor.sector)
                if place is not None:
                    actor, last = place
                    words = doc[mention.start : last + 1].text
                    joined = Mention(
                        mention.start, last + 1, replace(actor, text=words), "agent", mention.head
                    )
                    out = [joined if m is mention else m for m in out]
                    break
            if not owners:
                continue
            sector = mention.actor.sector
            actors: list[ActorRef] = []
            for owner in owners:
                actor = owner.actor
                if owner.rule in PLACE_RULES:
                    actor = country_actor(str(actor.country), sector, "")
                elif owner.rule in PERSON_RULES and sector and actor.country:
                    # "opponents of President Assad", "aides of Putin": the role's own sector, in
                    # the person's country (not the person's office)
                    actor = country_actor(str(actor.country), sector, "")
                elif actor.sector is None and sector:
                    actor = replace(actor, code=actor.code + sector, sector=sector)
                actors.append(actor)
            end = max([o.end for o in owners] + ([body_end] if body_end else []))
            words = doc[mention.start : end].text
            actors = [replace(a, text=words) for a in actors]
            if len(actors) == 1:
                joined = Mention(mention.start, end, actors[0], "agent", mention.head)
            else:
                group = ActorRef(
                    "---", None, None, sector, " and ".join(a.name for a in actors), words
                )
                joined = Mention(mention.start, end, group, "agent", mention.head, tuple(actors))
            out = [joined if m is mention else m for m in out if all(m is not o for o in owners)]
            break
    return _shared_owner(doc, out, country_actor)


def _shared_owner(doc: Doc, mentions: list[Mention], country_actor: CountryActor) -> list[Mention]:
    """ "the president, premier and defence minister of Lithuania": a country
    after the last of conjoined role words owns the earlier ones too."""
    out = list(mentions)
    for mention in mentions:
        if not unowned_role(mention):
            continue
        head = doc[mention.head]
        # conjoined or set side by side ("the president, prime minister and ..."), either way
        related = list(head.conjuncts) + [a for a in head.children if a.dep_ == "appos"]
        related += [c for a in related for c in a.conjuncts if c not in related and c != head]
        if head.dep_ == "appos":
            related.append(head.head)
        owners = [
            m
            for c in related
            for m in mentions
            if m is not mention
            and m.rule == "agent"
            and m.actor.country
            and not m.members
            and m.start <= c.i < m.end
            and any(p.lower_ == "of" for p in c.children if p.dep_ == "prep")
        ]
        if not owners:
            continue
        actor = country_actor(str(owners[0].actor.country), mention.actor.sector, "")
        owned = replace(mention, actor=replace(actor, text=mention.actor.text))
        out = [owned if m is mention else m for m in out]
    return out


def _gazetteer_owner(
    pobj: Token, country_actor: CountryActor, sector: str | None
) -> tuple[ActorRef, int] | None:
    """A city or region the gazetteer knows owns the role word: "the mayor of Nablus", "police in
    the city of Kharkiv" (its country, with the role's sector). Returns the actor and the last token."""
    from .places import gazetteer_place

    place_token = pobj
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children) and pobj.pos_ == "PROPN":
        return None  # "in the People's Republic of China": a state's formal name, not a town
    if pobj.pos_ != "PROPN":
        # "the city of Hebron", "the southern port city of Odesa"
        inner = [
            g
            for c in pobj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN"
        ]
        if pobj.lower_ not in PLACE_NOUNS or not inner:
            return None
        place_token = inner[0]
    place = gazetteer_place(place_token)
    if place is None or not place.get("country"):
        return None
    return country_actor(str(place["country"]), sector, ""), place_token.i


def conjoined_owners(
    doc: Doc, mentions: list[Mention], nationality_at: dict[int, Any], country_actor: CountryActor
) -> list[Mention]:
    """Each of several conjoined nationality words owns the role word after them."""
    out = list(mentions)
    for mention in mentions:
        if mention.rule != "agent" or not mention.actor.country or mention.members:
            continue
        extra: list[tuple[int, int, str, Mention | None]] = []
        for token in doc[mention.start : mention.end]:
            conjuncts = list(token.conjuncts)
            if token.i == mention.start and token.i >= 2 and doc[token.i - 1].lower_ == "and":
                # "Chadian and Sudanese armed forces", parsed with both words on the noun
                before = doc[token.i - 2]
                if before.head.i == token.head.i and before.dep_ == token.dep_:
                    conjuncts.append(before)
            for conj in conjuncts:
                piece = nationality_at.get(conj.i)
                existing = _at(out, conj.i)
                if conj.i >= mention.start or piece is None:
                    continue
                if existing is not None and existing.rule not in PLACE_RULES | {"modifier"}:
                    continue
                extra.append((piece.start, piece.end, str(piece.value), existing))
        hosts = _conjoined_hosts(doc, mention, out)
        if not extra and not hosts:
            continue
        sector = mention.actor.sector
        start = min([e[0] for e in extra] + [mention.start])
        end = max([h.end for h in hosts] + [mention.end])
        words = doc[start:end].text
        members = tuple(country_actor(code, sector, words) for _, _, code, _ in extra)
        members += (replace(mention.actor, text=words),)
        members += tuple(country_actor(str(h.actor.country), sector, words) for h in hosts)
        group = ActorRef("---", None, None, sector, " and ".join(m.code for m in members), words)
        joined = Mention(start, end, group, "agent", mention.head, members)
        dropped = [e[3] for e in extra if e[3] is not None] + hosts
        out = [joined if m is mention else m for m in out if all(m is not d for d in dropped)]
    return out


def _conjoined_hosts(doc: Doc, mention: Mention, mentions: list[Mention]) -> list[Mention]:
    """ "lawmakers in France and Germany", "refugees from Syria and Iraq": the role word of a
    country after "in"/"from" (joined into its phrase) belongs to the countries conjoined with it
    as well."""
    if not mention.actor.sector:
        return []
    last = doc[mention.end - 1]
    prep = last.head
    if not (
        last.dep_ == "pobj"
        and prep.lower_ in ("in", "from")
        and mention.start <= prep.head.i < mention.end
    ):
        return []
    return [
        m
        for conj in last.conjuncts
        if conj.i >= mention.end
        and (m := _at(mentions, conj.i)) is not None
        and m.rule in PLACE_RULES
        and m.actor.country
        and not m.actor.sector
    ]


def drop_apposition_roles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The APPOSITION gate: a country-less role word describing a person named just before it."""
    out = []
    for mention in mentions:
        head = doc[mention.head]
        if (
            mention.rule == "agent"
            and not mention.actor.country
            and not mention.actor.igo
            and head.dep_ == "appos"
            and _at(mentions, head.head.i) is not None
            and _at(mentions, head.head.i) is not mention
        ):
            continue
        out.append(mention)
    return out


def drop_conjoined_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Deputy Prime Minister and Foreign Minister X": a role with no name of its own, joined by
    "and" to a named person whose phrase opens with another role, is one of that person's titles,
    not a second actor."""
    dropped: set[int] = set()
    for mention in mentions:
        if mention.rule != "agent" or mention.members or mention.end >= len(doc):
            continue
        if doc[mention.end].lower_ != "and":
            continue
        head = doc[mention.head]
        if any(c.dep_ == "det" for c in head.children):
            continue  # "the president and Foreign Minister X": two people
        for conj in head.children:
            if conj.dep_ != "conj":
                continue
            person = _at(mentions, conj.i)
            if (
                person is not None
                and person.rule in PERSON_RULES
                and person.start == mention.end + 1
                and doc[person.start].ent_type_ != "PERSON"  # the name follows a role of its own
                and mention.actor.country in (None, person.actor.country)
            ):
                dropped.add(id(mention))
    return [m for m in mentions if id(m) not in dropped]


def drop_modifiers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The MODIFIER gate, repeated until stable. A mere modifier is kept with the rule ``modifier``: it
    is no actor, but the events stage may use it as the owner of an object ("the Russian building")."""
    kept = list(mentions)
    while True:
        remaining = [m for m in kept if not _is_mere_modifier(m, doc, kept)]
        if len(remaining) == len(kept):
            break
        kept = remaining
    return [m if any(m is k for k in kept) else replace(m, rule="modifier") for m in mentions]


def _is_mere_modifier(mention: Mention, doc: Doc, mentions: list[Mention]) -> bool:
    head = doc[mention.head]
    if mention.rule == "agent":
        if head.dep_ != "compound" or mention.actor.country:  # "the presidency building"
            return False
    elif mention.rule not in PLACE_RULES:
        return False
    if head.dep_ not in MODIFIER_DEPS:
        return False
    governor = head.head
    return not any(m.start <= governor.i < m.end for m in mentions if m is not mention)


def titled_name_owners(
    doc: Doc, mentions: list[Mention], country_actor: CountryActor, titles: set[str]
) -> tuple[list[Mention], list[Mention]]:
    """A name of no known country owned through "of": "President Jean Dupont of Gabon" is GABGOV,
    "Kestrel Air of Gabon" GAB, and the country joins the name's span. A name conjoined after a plural title shares it
    ("Presidents A of X and B of Y"). Returns the new mentions and the persons so owned (for the
    article's memory of names)."""
    out = list(mentions)
    owned: list[Mention] = []
    for mention in mentions:
        actor = mention.actor
        if mention.rule not in ("title+name", "unknown-name") or actor.country or actor.igo:
            continue
        if mention.members or doc[mention.head].ent_type_ not in ("PERSON", "ORG", ""):
            continue  # ("Mahan Air of Iran": an organisation too)
        sector = actor.sector
        head = doc[mention.head]
        if sector is None and head.dep_ == "conj":
            first = _at(out, head.head.i)
            plural = doc[first.start].lower_ if first is not None else ""
            if first is not None and plural.endswith("s") and plural[:-1] in titles:
                sector = first.actor.sector  # "Presidents A of X and B of Y"
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if prep is None:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        owner = _at(out, pobj.i) if pobj is not None else None
        if owner is None or owner.members or owner.rule not in PLACE_RULES:
            continue
        if any(t.dep_ != "det" for t in doc[prep.i + 1 : owner.start]):
            continue  # "of the Gabonese capital": not the country itself
        joined = _person_of(
            mention,
            owner.end,
            country_actor(str(owner.actor.country), sector, ""),
            doc[mention.start : owner.end].text,
            "title+name" if sector else mention.rule,
        )
        owned.append(joined)
        out = [joined if m is mention else m for m in out if m is not owner]
    return out, owned


def appositive_owners(
    doc: Doc, mentions: list[Mention], country_actor: CountryActor
) -> tuple[list[Mention], list[Mention]]:
    """A person of no known country in apposition to a role a place owns: "Jane Doe, the mayor of
    Chicago," is USAGOV (the role's country is found only once its "of" phrase is read). Returns
    the new mentions and the persons so owned (for the article's memory of names)."""
    out = list(mentions)
    owned: list[Mention] = []
    for mention in mentions:
        actor = mention.actor
        if mention.rule != "apposition" or actor.country or actor.igo or mention.members:
            continue
        roles = [
            m
            for m in out
            if m.rule == "agent"
            and m.actor.country
            and not m.actor.igo
            and not m.members
            and doc[m.head].dep_ == "appos"
            and mention.start <= doc[m.head].head.i < mention.end
        ]
        if not roles:
            continue
        role = roles[0]
        sector = actor.sector or role.actor.sector
        person = _person_of(
            mention,
            mention.end,
            country_actor(str(role.actor.country), sector, ""),
            actor.text,
            mention.rule,
        )
        owned.append(person)
        out = [person if m is mention else m for m in out]
    return out, owned


def _person_of(mention: Mention, end: int, state: ActorRef, text: str, rule: str) -> Mention:
    """The person ``mention`` names, now of the country (and sector) of ``state``, spanning to
    ``end``: the name is the person's, the code the state's."""
    actor = replace(state, name=mention.actor.name, text=text)
    return Mention(mention.start, end, actor, rule, mention.head)
