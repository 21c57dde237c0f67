"""References: pronouns and definite descriptions resolved to actors named earlier.

These rules run after the phrases of a sentence are resolved (:mod:`dyadwatch.actors`) and use the
article's memory (:class:`~dyadwatch.coref.ArticleContext`):

* **pronouns** — "he/she/him/her/his" → a person named earlier in the sentence (for a subject or
  owner pronoun, the subject of a clause above it first: "X refused to meet Y, saying he ..." is X),
  else the most recent person; an *object* pronoun never refers to the subject of its own clause
  ("Macron urged him" is not Macron). "its" → the most recent country or organisation;
* **possessive owners** — "its forces", "her government": a role word with a possessive pronoun is
  owned by the pronoun's referent: a country's role word takes the role's sector (RUS MIL); a person's
  or organisation's keeps the referent's code (a prime minister's government is SRB GOV);
* **descriptions** — "the company/the firm" → the most recent company; "the country" → the most recent
  country; a description that the agent vocabulary already knows as a bare role word ("the company" →
  ---BUS) is replaced by its referent;
* **pairs** — "the two countries / both countries / the two governments / the two sides" → the last two
  different countries, as a group actor carrying the role word's sector.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .coref import (
    COMPANY_NOUNS,
    COUNTRY_NOUNS,
    OWN_PRONOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    ArticleContext,
    plural_things,
)
from .gender import agrees
from .mentions import PERSON_RULES, Mention
from .nlp import tokens_of
from .ownership import unowned_role
from .records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


#: Nouns that name a pair after "two"/"both" ("the two countries", "both governments").
PAIR_NOUNS = {"countries", "nations", "states", "governments", "neighbours", "neighbors", "leaders"}
#: "sides" names a pair only after "two": "both sides" is as often an idiom ("playing both sides").
PAIR_NOUNS_AFTER_TWO = {"sides", "parties"}
PAIR_WORDS = {"two", "both"}
#: The rule of an "its"/"their" whose owner is named in its own sentence: as sure as "Peru's army".
OWNER_PRONOUN_RULE = "owner-pronoun"
#: Organs only a state has, which "its"/"their" may give to a country of the same sentence.
STATE_ORGANS = {
    "government",
    "army",
    "military",
    "force",
    "forces",
    "troop",
    "soldier",
    "police",
    "navy",
    "ministry",
    "parliament",
    "legislature",
    "cabinet",
    "embassy",
    "ambassador",
    "envoy",
    "diplomat",
    "authority",
    "authorities",
    "regime",
    "judiciary",
    "citizen",
    "national",
}
#: Armed organs, which "their" does not give to a country (see _role_owner).
ARMED_ORGANS = {"army", "military", "force", "forces", "troop", "soldier", "police", "navy"}
#: What "its" may stand for, as the article's memory files it.
THING_KINDS = {"country", "organisation", "company"}
#: Every noun the description and pair rules below can resolve (others are skipped at once).
DESCRIPTION_NOUNS = PAIR_NOUNS | PAIR_NOUNS_AFTER_TWO | COMPANY_NOUNS | COUNTRY_NOUNS
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "obj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}

CountryActor = Callable[[str, "str | None", str], ActorRef]


def _person_kind(mention: Mention, doc: Doc) -> bool:
    from .actors import memory_kind

    return memory_kind(mention, doc) == "person"


def _thing_kind(mention: Mention) -> bool:
    from .actors import memory_kind

    return memory_kind(mention) in THING_KINDS


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` belongs to."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _subjects_of(verb: Token) -> set[int]:
    """Token indices of the subjects of ``verb``."""
    return {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}


def _clause_subjects(token: Token) -> set[int]:
    """Token indices of the subjects of the clause ``token`` belongs to."""
    return _subjects_of(_clause_verb(token))


def _governing_subjects(token: Token) -> set[int]:
    """Head indices of the subjects of the clauses above ``token``'s own, and, when its clause
    reports another ("..., his office said"), of the clause reported."""
    found: set[int] = set()
    verb = _clause_verb(token)
    own = verb
    for _ in range(4):
        if verb.head.i == verb.i or verb.dep_ not in ("advcl", "xcomp", "ccomp", "conj", "acl"):
            break
        verb = verb.head
        found |= {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    found |= {
        s.i
        for c in own.children
        if c.dep_ == "ccomp" and c.i < own.i
        for s in c.children
        if s.dep_ in SUBJECT_DEPS
    }
    return found


#: Plural pronouns resolved to plural role words: a subject "they", an object "them".
PLURAL_PRONOUNS = {"they", "them"}


def _head_of(mention: Mention, doc: Doc) -> Token:
    """The token of a mention whose head is outside it (mention heads are set after this stage)."""
    from .actors import _span_head

    return doc[_span_head(doc, mention.start, mention.end)]


def _plural_role(mention: Mention, doc: Doc) -> bool:
    """A plural role word ("protesters", "Chilean troops"), not a group of named parties."""
    return (
        mention.rule == "agent"
        and bool(mention.actor.sector)
        and not mention.members
        and _head_of(mention, doc).tag_ == "NNS"
    )


def _resolve_plural(
    token: Token, mentions: list[Mention], context: ArticleContext
) -> ActorRef | None:
    """ "Protesters gathered in Lima, where they clashed with police", "Chilean troops crossed the
    border. They attacked ...", "Protesters marched. Police arrested them": a plural role word
    earlier in the sentence (a subject, for "they"; not the subject of the pronoun's own clause,
    for "them"), else the plural subject of the sentence before. Any other actor that is a
    subject before the pronoun ("Peru and Chile said they ...") may be what it stands for: then
    it is not guessed, nor when two plural role words could be (the PLURAL gate)."""
    doc = token.doc
    subject = token.dep_ in ("nsubj", "nsubjpass")
    if not subject and token.dep_ not in OBJECT_DEPS:
        return None
    excluded = set() if subject else _clause_subjects(token)
    earlier = [
        m
        for m in mentions
        if m.end <= token.i
        and not _person_kind(m, doc)
        and _head_of(m, doc).i not in excluded  # "Police arrested them": not the police
    ]
    if any(not _plural_role(m, doc) and _head_of(m, doc).dep_ in SUBJECT_DEPS for m in earlier):
        return None
    plural = [m for m in earlier if _plural_role(m, doc)]
    if subject and any(_head_of(m, doc).dep_ not in SUBJECT_DEPS for m in plural):
        return None  # "Police arrested protesters, and they ...": either, not guessed
    if plural:
        codes = {m.actor.code for m in plural}
        if len(codes) != 1 or plural_things(token.sent, plural[-1].end, token.i, mentions):
            return None  # "obtained the messages and released them": the messages, maybe
        return plural[-1].actor
    if plural_things(token.sent, token.sent.start, token.i, mentions):
        return None
    return context.resolve_they()


def resolve_pronoun(
    token: Token, mentions: list[Mention], context: ArticleContext
) -> ActorRef | None:
    """The referent of a pronoun token, or None."""
    word = token.lower_
    if word in PLURAL_PRONOUNS:
        return _resolve_plural(token, mentions, context)
    if word in PERSON_PRONOUNS:
        if token.dep_ in ("nsubj", "nsubjpass", "poss") and any(
            token.doc[s].ent_type_ == "PERSON" and not any(m.start <= s < m.end for m in mentions)
            for s in _governing_subjects(token)
        ):
            # "Mr Smithers made headlines when he criticised Iran": the clause's subject is a person of
            # no known actor, and "he" is that person, not someone named before
            return None
        excluded = _clause_subjects(token) if token.dep_ in OBJECT_DEPS else set()
        earlier = [
            m
            for m in mentions
            if m.end <= token.i
            and _person_kind(m, token.doc)
            and m.head not in excluded
            and m.start not in excluded
            and agrees(word, m.actor)
        ]
        if earlier:
            if token.dep_ in ("nsubj", "nsubjpass", "poss"):
                # "Erdogan refused to meet Mitsotakis, saying he was unwell, his office said": a
                # subject or owner pronoun takes the subject of a clause it is part of (or that its
                # own reporting clause reports) over a nearer object
                subjects = _governing_subjects(token)
                preferred = [m for m in earlier if m.head in subjects]
                if preferred:
                    return preferred[-1].actor
            return earlier[-1].actor
        avoid = {m.actor.name for m in mentions if m.start in excluded or m.head in excluded}
        return context.resolve_pronoun(word, avoid)
    found = context.resolve_pronoun(word)
    if word in THING_PRONOUNS and found is not None and found.country in context.regions:
        # "Europe welcomed him. Gore led Peru for a decade as its premier": no region stands for
        # "its"; a country or organisation earlier in the sentence may
        things = [m for m in mentions if m.end <= token.i and _thing_kind(m)]
        if things:
            return things[-1].actor
    return found


def _role_owner(
    token: Token, mentions: list[Mention], country_actor: CountryActor
) -> ActorRef | None:
    """ "Peru said its army attacked", "Chinese students criticised their government": with no
    antecedent before the sentence, "its"/"their" before a state organ with no country is the
    country of the subject of its clause or of the clause that one depends on; "its", with no such
    subject, of the nearest actor before it in the sentence."""
    if token.lower_ not in OWN_PRONOUNS or token.dep_ != "poss":
        return None
    role = next((m for m in mentions if m.start <= token.head.i < m.end), None)
    if role is None or not unowned_role(role) or token.head.lemma_.lower() not in STATE_ORGANS:
        return None  # "its president" may be an association's
    if token.lower_ == "their" and token.head.lemma_.lower() in ARMED_ORGANS:
        # "the militants in Syria said their fighters": armed groups with no country have forces too,
        # and the country before them is then where they fight
        return None
    before = [
        m
        for m in mentions
        if m.end <= token.i
        and m.actor.country
        and (token.lower_ == "their" or _thing_kind(m) or m.rule == "agent")
    ]
    # the subject of the pronoun's clause, else of the clause it depends on ("Biden and Putin
    # agreed to send their ambassadors", "officials from Iran admitted their government had ...")
    verb = _clause_verb(token)
    own: list[Mention] = []
    for _ in range(3):
        subjects = _subjects_of(verb)
        own = [m for m in before if m.head in subjects or m.start in subjects]
        if own or verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    # "their" needs a subject; "its" may take the nearest country before it
    candidates = own or (before[-1:] if token.lower_ == "its" else [])
    if len({m.actor.country for m in candidates}) != 1:
        return None  # "Britain and France told their citizens": whose is not said
    return country_actor(str(candidates[0].actor.country), None, token.text)


def references(
    sent: Span,
    mentions: list[Mention],
    context: ArticleContext,
    country_actor: CountryActor,
    titles: Collection[str] = frozenset(),
) -> list[Mention]:
    """Mentions for pronouns, descriptions and pairs; replaces bare role-word mentions they cover."""
    out = list(mentions)
    for token in tokens_of(sent):
        pos = token.pos_
        if pos not in ("PRON", "NOUN", "PROPN") or (
            pos != "PRON" and token.lower_ not in DESCRIPTION_NOUNS
        ):
            continue  # only pronouns, pair words and descriptions are resolved here
        covering = next((m for m in out if m.start <= token.i < m.end), None)
        if pos == "PRON" and covering is None:
            group = (
                context.resolve_they_group()
                if token.lower_ == "they"
                and token.dep_ in ("nsubj", "nsubjpass")
                and not any(m.end <= token.i and m.is_actor for m in out)
                and context.resolve_they() is None
                else ()
            )
            if group:
                # "Peru and Chile held talks. They agreed ...": each of the two
                members = tuple(replace(a, text=token.text) for a in group)
                out.append(Mention(token.i, token.i + 1, members[0], "coreference", -1, members))
                continue
            actor = resolve_pronoun(token, out, context)
            rule = "coreference"
            if actor is None:
                actor, rule = _role_owner(token, out, country_actor), OWNER_PRONOUN_RULE
            if actor is not None:
                out.append(Mention(token.i, token.i + 1, replace(actor, text=token.text), rule))
            continue
        if pos == "PRON":
            continue
        bare = (
            covering is not None
            and covering.rule == "agent"
            and not covering.actor.country
            and not covering.actor.igo
            and not covering.members
        )
        if covering is not None and not bare:
            continue
        noun = token.lower_
        markers = {
            c.lower_
            for c in token.children
            if c.dep_ in ("det", "nummod", "predet", "amod")
            # "two dozen countries", "two hundred soldiers": a count, not a pair
            and not any(q.dep_ in ("quantmod", "compound", "nummod") for q in c.children)
        }
        left = min([token.left_edge.i] + ([covering.start] if covering else []))
        words = sent.doc[left : token.i + 1].text
        replacement: Mention | None = None
        their = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "their"), None)
        owned = (
            _their_countries(their, out)
            # "deepen ties between their countries": the parties themselves, as the subject says
            if their is not None
            and noun in PAIR_NOUNS
            and not (token.dep_ == "pobj" and token.head.lower_ in ("between", "among"))
            else []
        )
        sector = covering.actor.sector if covering is not None else None
        if len(owned) >= 2:
            # "Hungarian and Romanian officials said their countries would ...": the countries
            # of the parties named before in the sentence
            replacement = _country_group(owned, sector, words, left, token.i + 1, country_actor)
        elif markers & PAIR_WORDS and (
            noun in PAIR_NOUNS or ("two" in markers and noun in PAIR_NOUNS_AFTER_TWO)
        ):
            pair = context.resolve_pair([m.actor for m in out if m.end <= left])
            if pair is not None:
                replacement = _country_group(pair, sector, words, left, token.i + 1, country_actor)
        elif (
            "the" in markers
            and token.tag_ == "NN"
            and (noun in COMPANY_NOUNS or noun in COUNTRY_NOUNS)
        ):
            described = context.resolve_description(noun)
            if described is not None:
                replacement = Mention(
                    left, token.i + 1, replace(described, text=words), "coreference"
                )
        if replacement is not None:
            out = [m for m in out if m is not covering] + [replacement]
    return _titled_descriptions(sent, out, context, country_actor, titles)


def _country_group(
    codes: Sequence[str],
    sector: str | None,
    words: str,
    start: int,
    end: int,
    country_actor: CountryActor,
) -> Mention:
    """A group mention of the countries ``codes``, each with the role word's ``sector``."""
    members = tuple(country_actor(code, sector, words) for code in codes)
    group = ActorRef("---", None, None, sector, " and ".join(m.name for m in members), words)
    return Mention(start, end, group, "coreference", members=members)


def _their_countries(their: Token, mentions: list[Mention]) -> list[str]:
    """The countries "their" gives a plural country noun ("their countries", "their
    governments"): those of the parties named before it in the sentence as one group ("Peruvian
    and Chilean officials"), else of the conjoined subject of its clause or the clause above."""
    before = [m for m in mentions if m.end <= their.i]
    groups = [m for m in before if m.members]
    if groups:
        return list(dict.fromkeys(str(a.country) for a in groups[-1].members if a.country))
    subjects = _clause_subjects(their) | {
        t.i for h in _governing_subjects(their) for t in their.doc[h].subtree
    }
    return list(
        dict.fromkeys(
            str(m.actor.country)
            for m in before
            if m.head in subjects and m.actor.country and not m.actor.igo
        )
    )


#: Sectors of the state organs a bare "the government", "the army" may stand for.
ORGAN_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _titled_descriptions(
    sent: Span,
    mentions: list[Mention],
    context: ArticleContext,
    country_actor: CountryActor,
    titles: Collection[str],
) -> list[Mention]:
    """ "The president said": a bare title with "the" is the person the article last named with it;
    "the government said": a bare state organ (not a person's title: "the judge" is someone) is that
    organ of the one country whose organs of the kind the article named just before."""
    out = list(mentions)
    doc = sent.doc
    for mention in mentions:
        if not unowned_role(mention):
            continue
        start = mention.start - 1 if mention.start > sent.start else mention.start
        if doc[start].lower_ != "the":
            continue
        words = doc[start : mention.end]
        role = doc[mention.start : mention.end].text.lower()
        actor = context.resolve_title(role)
        sector = mention.actor.sector
        if actor is None and sector in ORGAN_SECTORS and not mention.members and role not in titles:
            country = context.resolve_organ(str(sector))
            if country is not None:
                actor = country_actor(country, sector, words.text)
        if actor is not None:
            replacement = Mention(
                start,
                mention.end,
                replace(actor, text=words.text),
                "coreference",
                mention.head,
            )
            out = [replacement if m is mention else m for m in out]
    return out


#: Rules of a named person's mention, and of a name named again.
NAMED_PERSON_RULES = PERSON_RULES | {"coreference"}
#: Sectors of a state's people a named person's possessive gives the person's country ("Vucic's
#: spokesman", "the minister's aides"; not "Trump's lawyer" or "Putin's supporters").
PERSON_STAFF_SECTORS = {"GOV", "MIL", "COP", "SPY"}


def _possessor(doc: Doc, mention: Mention) -> Token:
    """The token that would carry the possessive: a pronoun's own, an organisation name's head, a
    person's name's last word."""
    if mention.rule == "known-organisation":
        return doc[mention.head]
    return doc[mention.end - 1 if mention.rule in NAMED_PERSON_RULES else mention.start]


def _person_owner(mention: Mention, role: Mention) -> bool:
    """A named person of a known country owning a state role ("Vucic's chief of staff")."""
    return (
        mention.rule in NAMED_PERSON_RULES
        and bool(mention.actor.country)
        and not mention.actor.igo
        and role.actor.sector in PERSON_STAFF_SECTORS
    )


def possessive_owners(
    doc: Doc, mentions: list[Mention], country_actor: CountryActor
) -> list[Mention]:
    """ "its forces", "her government": the pronoun's referent owns the role word; "Toyota's
    president", "NATO's chief": so does a named organisation (a company's president is no head of
    state); "Vucic's spokesman": a named person of a known country, of a state role."""
    out = list(mentions)
    for mention in mentions:
        if not unowned_role(mention):
            continue
        head = doc[mention.head]
        owner = next(
            (
                m
                for m in out
                if not m.members
                and (
                    m.rule == "known-organisation"
                    or m.rule in ("coreference", OWNER_PRONOUN_RULE)
                    and m.end - m.start == 1
                    and m.actor.country
                    or _person_owner(m, mention)
                )
                and _possessor(doc, m).dep_ == "poss"
                and _possessor(doc, m).head.i == head.i
            ),
            None,
        )
        if owner is None:
            continue
        words = doc[owner.start : mention.end].text
        sector = mention.actor.sector
        if owner.actor.sector:
            # a person's or organisation's own people keep its code: "his fighters" of the Wagner
            # Group's founder are Wagner's, "her government" of a prime minister is the government
            actor = replace(owner.actor, text=words)
        elif owner.rule == "known-organisation":
            # "NATO's envoy": the organisation, with the role's sector when it has none of its own
            code = owner.actor.code + (sector or "")
            actor = replace(owner.actor, code=code, sector=sector, text=words)
        else:
            actor = country_actor(str(owner.actor.country), sector, words)
        rule = "coreference" if owner.rule == "coreference" else "agent"
        joined = type(mention)(owner.start, mention.end, actor, rule, mention.head)
        out = [joined if m is mention else m for m in out if m is not owner]
    return out
