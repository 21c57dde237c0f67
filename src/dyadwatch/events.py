"""Events: code CAMEO events from dependency parses and resolved actor mentions.

For each predicate word that a pattern of ``data/verbs.yaml`` knows, the coder

1. picks the most specific pattern whose frame the sentence fills (a light-verb object such as
   "issued an *apology*", a particle such as "walk *out*"), else the bare-word pattern;
2. follows a frame verb into its complement: *intent* ("vowed to deepen cooperation" → 030),
   *direct* ("agreed to lift sanctions" → 085), *refusal* ("refused to meet" → 125), *appeal*
   ("urged Serbia to join talks" → 026 with Serbia as target; the talks are not coded as held);
3. reads negation and modality: a negated act is no event, unless it is a refusal under will/would
   ("would not provide aid" → 121); "may/might/could" and "if" clauses are hypothetical: no event;
4. finds the **source**: the subject (the passive agent for passives; the antecedent for "who"; the
   subject carried over from the first of conjoined verbs, from a controlling verb, or the object of an
   appeal verb), expanded over conjoined subjects; for a nominal event ("a meeting with X") the
   possessor or the subject of the clause the noun hangs on; for ``reverse`` patterns the object of
   "from" ("received weapons from X");
5. finds the **target**: the direct object (or its possessor) unless the pattern consumed it, then the
   object of a preposition the pattern names, attached to the verb or to its object; expanded over
   conjoined objects; for roots of force and violence, the place it happens in when nothing else;
6. codes symmetric events in both directions and ``converse`` events ("hosted" → "visited").

Reported speech is then reinterpreted by :mod:`dyadwatch.speech`. Every event carries the pattern that
fired, how its source and target were found, and a confidence (see :func:`confidence`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .actors import (
    KNOWN_PERSON_RULES,
    PLACE_LABELS,
    Mention,
    actor_code,
    memory_kind,
    mention_at,
)
from .coref import OWN_PRONOUNS
from .knowledge import Agent, knowledge
from .nlp import joined, tokens_of
from .ownership import PLACE_RULES
from .patterns import Figurative, Pattern, Patterns, Step, Weapons, patterns
from .places import gazetteer_place, place_name
from .records import ActorRef, Event
from .syntax import children as _children
from .syntax import governed_directly, head_path
from .syntax import with_coordinates as _with_conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Dependency labels of a clause's subject, active and passive.
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
#: Labels by which a verb inherits the subject of the verb it hangs on ("pledged to deepen",
#: "expressed ... and pledged", "aiming to incite").
SUBJECT_SHARING_DEPS = {"conj", "xcomp", "advcl"}
#: Dependency paths inside a noun phrase that still lead to the phrase's owner ("Chinese tech giant
#: Huawei multiple times" → Huawei; "Australia's call" → Australia).
NOMINAL_DEPS = {"compound", "nmod", "amod", "appos", "poss", "nummod", "det"}
#: People named by whom they are kin to: not that one ("the president's son").
KIN_NOUNS = frozenset(
    {"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "widow",
     "widower", "cousin", "nephew", "niece", "grandson", "granddaughter", "relative", "ex-wife",
     "ex-husband", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "biographer"}
)  # fmt: skip
#: People named by whom they follow: the followed one's own people, not a state's organs ("a Trump
#: supporter" is no US government; "supporters of the opposition leader" are the opposition).
SUPPORTER_NOUNS = frozenset({"supporter", "follower", "loyalist", "fan", "admirer"})
#: People named as the compatriots of someone: that one's country's people ("the president asked
#: his countrymen to stay home" is the country's civilians); "citizens" only with "fellow".
COMPATRIOT_NOUNS = frozenset(
    {"countryman", "countrymen", "countrywoman", "countrywomen", "compatriot"}
)
FELLOW_NOUNS = frozenset({"citizen", "national"})
#: Heads naming a place by its "of" phrase: "the island nation of Nauru", "the state of Qatar".
PLACE_HEADS = {
    "nation",
    "country",
    "state",
    "republic",
    "kingdom",
    "emirate",
    "island",
    "archipelago",
    "principality",
    "territory",
    "enclave",
}
#: Adjectives that announce what their subject is willing to do: "is ready to send troops".
#: Deploying troops (154) "on a peacekeeping mission" or "as peacekeepers" is peacekeeping (074).
#: The note on an intent to cooperate that names no act of its own ("agreed to build a clinic").
GENERIC_INTENT_NOTE = "the complement names no act: an intent to cooperate"
#: Roots of acts on one's own measures (easing or cutting sanctions, aid, ties): with no agent, the
#: measure's owner acted ("UN sanctions were lifted").
OWN_MEASURE_ROOTS = {"08", "16"}
#: Verbs whose subject takes part in the act a noun in their prepositional phrase names ("took part
#: in talks with X", "engaged in fighting with Y", "was involved in the attack").
PARTAKING_VERBS = {
    "participate",
    "engage",
    "take",
    "join",
    "involve",
    "lead",
    "help",
    "assist",
    "collaborate",
    "cooperate",
    "continue",
    "persist",
    "resume",
    "enter",
    "embark",
    "proceed",
    "go",
    "come",
    "be",
    "remain",
    "stay",
    "hold",
    "carry",
    "step",
    "escalate",
    "intensify",
    "succeed",
    "fail",
}
#: Relative pronouns: as an argument of a clause on a noun, they make it a relative clause.
RELATIVE_WORDS = {"that", "which", "who", "whom", "whose"}
#: Yielding (08) and reducing relations (16): never toward the acting state's own country.
SELF_EXCLUDED_ROOTS = {"08", "16"}
#: Force posture (15): shown with one's own forces, aimed at others.
POSTURE_ROOT = "15"
#: Troops sent to keep the peace (a protection, 074).
PEACEKEEPING_CODE = "074"
#: Nouns whose clause says what is claimed, not what happened ("the allegation that X armed Y").
CLAIM_NOUNS = {
    "allegation",
    "accusation",
    "claim",
    "charge",
    "report",
    "suspicion",
    "rumour",
    "rumor",
    "assertion",
    "speculation",
    "theory",
    "belief",
    "fear",
    "suggestion",
    "contention",
}
#: Verbs of a clash that between people is a quarrel, not force ("clashed with Kushner").
QUARREL_VERBS = {"clash", "spar", "feud", "tussle"}
#: Modals that with "have" and a participle make a counterfactual ("would have allowed").
COUNTERFACTUAL_MODALS = {"would", "could", "might", "should"}
#: Prepositions by which a clause happens at a meeting or on a visit its subject took part in, or
#: in an agreement it made.
MEETING_TIME_PREPOSITIONS = {
    "during",
    "at",
    "after",
    "before",
    "following",
    "in",
    "on",
    "ahead",
    "for",
}
#: An official complaint (114), and the protest by people that is a demonstration instead (140).
COMPLAINT_CODE = "114"
DEMONSTRATION_CODE = "140"
PROTEST_VERB = "protest"
#: Sectors of people who protest in the street rather than by note (opposition, civilians,
#: students, workers, farmers, refugees).
CROWD_SECTORS = {"OPP", "CVL", "EDU", "LAB", "AGR", "REF"}
CROWD_NOUNS = {"crowd", "mob", "throng"}
#: People who protest by word for those they lead or speak for ("opposition leaders protested").
SPOKESPEOPLE_NOUNS = {"leader", "official", "politician", "lawmaker", "representative", "spokesman"}
#: Arrest, detention and charges: with no agent, the country they happen in made them.
ARREST_CODE = "173"
RELEASE_CODE = "0841"
MEDIATION_CODE = "045"
#: Participles of holding people, whose agent or place says who held those released.
HOLDING_VERBS = {"hold", "detain", "jail", "imprison", "kidnap", "abduct", "capture", "seize"}
INFERRED_AGENT_NOTE = "no agent named: the country it happened in"
#: Verbs of troops reaching where they are posted ("arrived in Mali").
ARRIVAL_VERBS = {"arrive", "land", "reach"}
#: Words opening a condition on the other side ("until Cuba frees its prisoners").
PRECONDITION_MARKS = {"until", "unless", "till"}
#: Prepositions of the one called on or insisted on ("called on Iran to", "insisted on its demand")
CALLED_ON_PREPS = frozenset({"on", "upon"})
#: Heads under which a "for X to" clause reports what happened ("it took a week for X to agree")
REALISED_FOR_HEADS = frozenset({"take"})
#: Roots of acts that give, ease or withhold something, whose recipient the object's own phrase may
#: name ("sanctions on exports to India").
RECIPIENT_ROOTS = {"07", "08", "16"}
#: Verbs that may name their object as something ("called X a liar", "branded X a threat",
#: "described X as a partner"): no call or appeal then, and what the name says judges the object
#: (``speech``).
NAMING_VERBS = {
    "call",
    "brand",
    "label",
    "dub",
    "term",
    "describe",
    "characterise",
    "characterize",
    "portray",
}
#: What is called in the sense of convened ("called a snap election", "called an emergency meeting").
CONVENED_NOUNS = {
    "meeting",
    "election",
    "referendum",
    "vote",
    "session",
    "summit",
    "conference",
    "poll",
    "inquiry",
}
#: Prepositions before a gerund whose act the clause's subject did ("by accusing", "after meeting").
DONE_GERUND_PREPOSITIONS = {"by", "after", "while", "upon", "on", "through", "in", "since", "when"}
#: Adjectives whose "of"/"for" phrase names the subject's own act ("was guilty of breaching the
#: ceasefire", "was responsible for the killings").
AGENT_ADJECTIVES = {"guilty", "responsible", "culpable", "complicit"}
#: Adjectives whose "in" phrase says how the subject did its act ("was quick in condemning X",
#: "were united in rejecting the plan"; not "was interested in buying", which is not done).
MANNER_ADJECTIVES = {
    "quick", "swift", "fast", "prompt", "first", "forceful", "vocal", "outspoken", "united",
    "unanimous", "alone", "firm", "right", "wrong", "justified", "consistent", "unequivocal",
    "emphatic", "instrumental", "successful", "blunt", "harsh", "fierce", "relentless", "active",
}  # fmt: skip
READY_ADJECTIVES = {"willing", "ready", "prepared", "eager", "keen", "determined", "poised"}
#: Adjectives of the opposite: "is reluctant to send troops" is not ready to, "was unable to reach
#: an agreement" could not (no act).
RELUCTANT_ADJECTIVES = {
    "reluctant",
    "unwilling",
    "loath",
    "loth",
    "hesitant",
    "averse",
    "unprepared",
    "unable",
    "powerless",
    "incapable",
}
#: Participles that state a stance of their subject before "to" ("is opposed to the plan"), not a
#: passive act done to it.
STANCE_PARTICIPLES = {"opposed"}
#: Passive verbs besides those of appeal ("was invited to speak") whose subject does the act of
#: their "to" infinitive ("was hired to investigate", "were reported to have visited").
PASSIVE_CONTROL_VERBS = {
    "hire",
    "appoint",
    "force",
    "order",
    "authorize",
    "authorise",
    "allow",
    "permit",
    "require",
    "compel",
    "report",
    "say",
    "believe",
}
#: Words of judgement after an expletive "it" ("it is wrong to", "it makes no sense to").
EVALUATIVE_WORDS = {
    "important",
    "necessary",
    "wrong",
    "right",
    "essential",
    "crucial",
    "vital",
    "difficult",
    "hard",
    "easy",
    "impossible",
    "possible",
    "unacceptable",
    "acceptable",
    "unfair",
    "fair",
    "urgent",
    "better",
    "best",
    "good",
    "bad",
    "time",
    "sense",
    "mistake",
    "shame",
    "pity",
}
#: entity types of a name that may stand for an actor
NAME_ENTITIES = PLACE_LABELS | {"ORG", "PERSON", "NORP"}
#: adverbs that, right after a verb, are its particle ("stepped down", "backed off")
PARTICLE_WORDS = {"down", "up", "out", "off", "back", "away", "over", "in", "on"}
#: The demand (10x) for an act a speaker says another actor must do, by the act's code or root
#: ("Sudan must return the helicopter" is a demand for the release of property, 1053).
DEMAND_CODES = {
    "04": "106",
    "045": "108",
    "05": "102",
    "06": "101",
    "07": "103",
    "08": "105",
    "081": "1051",
    "082": "1052",
    "083": "104",
    "0831": "1041",  # "pressured the premier to resign": a change of leaders
    "0832": "1042",
    "0833": "1043",
    "0834": "1044",
    "084": "1053",
    "0841": "1053",
    "085": "1054",
    "086": "1055",
    "087": "1056",
}
#: Nouns a verb grants someone that the parser may read as a clause's bare verb ("allowed UN agencies
#: access to the camps" as "UN agencies access ...").
BARE_GRANTED_NOUNS = frozenset({"access"})

#: A curfew or lockdown (1723) and martial law or an emergency (1724) imposed, with their threats
#: (1323, 1324).
EMERGENCY_CODES = frozenset({"1723", "1724"})
EMERGENCY_MEASURE_CODES = EMERGENCY_CODES | {"1323", "1324"}
#: Diseases and disasters: one in the clause ("declared an emergency ahead of the hurricane") or in
#: the story makes its curfews, lockdowns and states of emergency public measures against it, not
#: repression ("extended the city lockdown by a month"). Not "fire", "storm" or "outbreak": troops
#: open fire, protesters storm buildings, violence breaks out.
DISASTER_WORDS = frozenset(
    {
        "coronavirus",
        "covid",
        "covid-19",
        "pandemic",
        "epidemic",
        "virus",
        "ebola",
        "cholera",
        "measles",
        "polio",
        "plague",
        "influenza",
        "flu",
        "dengue",
        "zika",
        "mpox",
        "monkeypox",
        "sars",
        "mers",
        "diphtheria",
        "smallpox",
        "hurricane",
        "cyclone",
        "typhoon",
        "earthquake",
        "tsunami",
        "floods",
        "flooding",
        "wildfire",
        "wildfires",
        "drought",
        "blaze",
    }
)


def without_public_measures(events: list[Event], text: str) -> list[Event]:
    """An article's events without the curfews, lockdowns and states of emergency a state imposes
    at home (no target, or a place of its own) when the article speaks of a disease or a natural
    disaster (``DISASTER_WORDS``): "extended the city lockdown by a month" in a story of the
    epidemic is a public measure, not repression."""

    def at_home(event: Event) -> bool:
        # (on its own country, or on its people: "banned children from public gatherings")
        target = event.target
        return event.cameo in EMERGENCY_MEASURE_CODES and (
            target is None
            or (
                target.country in (event.source.country, None)
                and target.sector in (None, "CVL")
                and not target.igo
            )
        )

    if not any(at_home(e) for e in events):
        return events
    if DISASTER_WORDS.isdisjoint(re.findall(r"[a-z0-9-]+", text.lower())):
        return events
    return [e for e in events if not at_home(e)]


#: Coercion (170), and the verbs of pressure whose "to" complement makes it a demand (100).
COERCE_CODE = "170"
DEMAND_CODE = "100"
PRESSING_VERBS = frozenset({"pressure", "pressurise", "pressurize"})

#: Verbs of getting what was given: "the arms Armenia has bought" were given to Armenia.
RECEIVING_VERBS = frozenset(
    {"receive", "obtain", "buy", "get", "acquire", "import", "purchase", "procure"}
)

#: Frames whose complement is not done, whether or not it codes an event ("kept open": "has not
#: ruled out sending troops").
UNREAL_FRAMES = frozenset(
    {
        "appeal",
        "refusal",
        "intent",
        "halt",
        "denial",
        "kept open",
        "out of the question",
        "refused permission",
    }
)

#: Closing quotation marks a question may end in.
QUOTE_MARKS = frozenset({'"', "'", "\u201d", "\u2019", "''"})

#: Verbs of a phone call made to someone ("called Erdogan", "phoned the minister").
CALL_VERBS = frozenset({"call", "phone", "telephone", "ring"})
#: What a call is made to say, coded as said on it: "called X to apologise" is an apology to X.
CALL_PURPOSE_VERBS = frozenset(
    {
        "apologise",
        "apologize",
        "congratulate",
        "thank",
        "praise",
        "commend",
        "condole",
        "express",
        "convey",
        "offer",
        "extend",
        "reassure",
        "assure",
        "invite",
        "warn",
    }
)

#: Verbs of appeal that press or demand: the act asked for is demanded (10x), not appealed for
#: ("pressured the workers to call off the strike" is 1052).
DEMANDING_VERBS = {"demand", "pressure", "pressurise", "pressurize", "press", "order", "instruct"}
#: Verbs of ordering someone to act: a demand on another, the orderer's own act through its forces.
ORDERING_VERBS = {"order", "instruct"}
#: Those whose acts on order are the orderer's own ("ordered troops to attack").
OWN_FORCE_NOUNS = {
    "troop",
    "force",
    "soldier",
    "army",
    "military",
    "police",
    "officer",
    "policeman",
    "unit",
    "navy",
    "commander",
    "guard",
    "agent",
    "official",
    "minister",
    "ministry",
    "staff",
    "aide",
}
#: Troops sent or deployed somewhere (154); pledged to a country by a cooperative intent verb,
#: they are an intent to provide military protection (0334).
DEPLOYMENT_CODE = "154"
PLEDGED_TROOPS_CODE = "0334"
#: Frame verbs of an attempt: an attempted use of force is coded as that use of force.
ATTEMPT_VERBS = frozenset({"try", "attempt"})
#: Roots whose attempt is coded as the act: coercion, assault, fighting, mass violence.
FORCE_ATTEMPT_ROOTS = frozenset({"17", "18", "19", "20"})
#: ... and a riot: "protesters tried to storm the parliament" rioted.
VIOLENT_PROTEST_CODE = "145"
FORCE_ATTEMPT_CODES = frozenset({VIOLENT_PROTEST_CODE})
#: Acts whose attempt has a code of its own: an attempt to assassinate (185).
ATTEMPTED_CODES = {"186": "185"}
#: Returning or releasing persons or property (0841, 0842) and their intents.
RETURN_CODE_PREFIX = "084"
#: Participles of taking: what was "seized from X" and is returned goes back to X.
TAKING_VERBS = frozenset(
    {"seize", "take", "capture", "confiscate", "steal", "loot", "grab", "impound", "remove"}
)
#: Places that shelter the people their "for" phrase names ("a camp for refugees"): an attack on
#: one is an attack on them.
SHELTER_NOUNS = frozenset(
    {"camp", "shelter", "school", "hospital", "clinic", "home", "hostel", "orphanage", "center"}
)
#: Heads of a noun compound that stand for what the compound names ("curfew hours" for the
#: curfew, "arms shipments" for the arms).
CARRIER_HEADS = frozenset(
    {
        "hour",
        "delivery",
        "shipment",
        "consignment",
        "package",
        "convoy",
        "sale",
        "flow",
        "transfer",
        "material",  # "shelter materials", "relief materials"
        "item",  # "food items", "hygiene items"
    }
)
#: Numbers' scale words: money only with a currency ("$40 million"), not "two million people".
SCALE_WORDS = frozenset({"million", "billion", "trillion"})
#: An amount written with a currency's code: "USD1", "EUR500", "US$5".
CURRENCY_AMOUNT = re.compile(r"(?:[A-Z]{3}|US\$|A\$|C\$|NZ\$)\d")
#: Sums of money: "$2 million in assistance" measures assistance.
MONEY_NOUNS = {
    "million",
    "billion",
    "$",
    "€",
    "£",
    "dollar",
    "euro",
    "pound",
    "yen",
    "yuan",
    "rouble",
    "ruble",
    "franc",
    "shilling",
    "rupee",
}
#: Heads that only count or gather what their "of" phrase names ("thousands of students", "a group
#: of refugees", "some of the soldiers"): the actor is the phrase after "of".
QUANTITY_HEADS = {
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "group",
    "groups",
    "crowd",
    "crowds",
    "band",
    "gang",
    "number",
    "handful",
    "majority",
    "minority",
    "many",
    "most",
    "some",
    "several",
    "all",
    "few",
    "both",
    "each",
    "none",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "contingent",
    "unit",
    "detachment",
    "squad",
    "battalion",
    "column",
    "convoy",
    "delegation",
    "team",
    "batch",  # "a first batch of peacekeepers arrived"
    "wave",
    "rest",
    # whose they are: "supporters of the opposition leader", "members of Hamas"
    "supporters",
    "followers",
    "loyalists",
    "members",
    "relatives",
    "families",
    "remnants",
}
#: Modal words under which a negated act is a refusal ("would not provide") rather than no act.
FUTURE_MODALS = {"will", "would", "shall", "can", "ca", "wo"}
#: Claiming responsibility for an act.
CLAIM_CODE = "015"
#: Modal words that announce an act for the future: CAMEO codes the announcement as an intent.
ANNOUNCING_MODALS = {"will", "shall", "'ll", "wo"}
#: Roots of probing, verbal conflict and protest whose target, when the object is an act
#: ("condemned the attack by X", "protested the abuses by X"), is the act's author.
AUTHOR_TARGET_ROOTS = {"09", "10", "11", "12", "13", "14"}
#: Nouns that measure what a light verb's object really is: "sent Ghana 40 million euros of aid".
MEASURE_NOUNS = MONEY_NOUNS | {
    "state",  # "a state of emergency"
    "part",
    "portion",
    "half",
    "bulk",
    "ton",
    "tonne",
    "kilogram",
    "kg",
    "worth",
    "amount",
    "shipment",
    "delivery",  # "allowed the delivery of food aid": what is delivered
    "consignment",
    "package",
    "batch",
    "load",
    "tranche",
    "round",  # "a new round of talks"
    # what a document is of: "agreed on the final wording of a deal", "the terms of a truce"
    "text",
    "wording",
    "draft",
    "terms",
    "details",
    "framework",
    "outline",
    "version",
    "series",
    "wave",
    "spate",
    # who a body of people is: "hosted a team of monitors", "a squad of inspectors"
    "team",
    "mission",
    "contingent",
    "detachment",
    "squad",
    # people let in or out: "allowed the return of inspectors", "the entry of aid workers"
    "return",
    "entry",
    "deployment",
    "arrival",
    "presence",
    # spans of time: "six weeks of fighting", "years of conflict"
    "day",
    "week",
    "month",
    "year",
    "decade",
}
#: Verbs whose that-clause in the subjunctive is demanded, not done ("insisted that Peru withdraw"),
#: besides the appeal frame's verbs.
DEMAND_VERBS = {"insist", "demand", "require", "recommend", "propose", "suggest"}
#: Verbs whose direct object is an act asked for ("urged talks with X"); "called a meeting" convenes.
APPEAL_OBJECT_VERBS = {"urge", "demand", "request"}
#: Roots of acts an appeal can ask for (02x has a code for each): cooperation, aid, yielding.
APPEALABLE_ROOTS = {"03", "04", "05", "06", "07", "08"}
#: Expulsions of people or diplomats: in the passive, the country they are put out of expelled them.
EXPULSION_CODES = {"166", "1661", "1662", "1663", "174"}
#: Verbs of taking one's own people out: "peacekeepers were withdrawn from X" is no expulsion by X.
WITHDRAWAL_VERBS = {"withdraw", "pull", "recall", "evacuate"}
#: Prepositions of the occasion words were said on: "during the debate", "in an interview".
FORUM_PREPS = {"during", "in", "at", "on"}
#: Participles that lay an act at someone's door: "an attack blamed on X", "ascribed to X".
ATTRIBUTION_VERBS = {"blame", "ascribe", "attribute"}
#: Roots of trips: a place at home is no destination.
TRAVEL_ROOTS = {"04"}
#: Codes of trips (a visit, its intent, a meeting at a third place): a kind of traveller makes none.
TRIP_CODES = {"042", "036", "044"}
#: Verbs of being at a meeting, which may be at home.
ATTENDING_VERBS = {"attend"}
#: Acts a force does to itself: in the passive with no agent, its subject did it ("fighters were
#: demobilized", "peacekeepers were withdrawn from X").
SELF_PASSIVE_CODES = {"0873", "0874", "1661", "1662", "1663"}
#: Calling for an act of conflict against X ("called for sanctions against X") denounces X.
CALL_AGAINST_CODE = "111"
#: Modal words that make an act hypothetical ("might attack"): no event.
HYPOTHETICAL_MODALS = {"may", "might", "could"}
#: Modals of an act put on a condition ("may halt its mediation if ...", "would cut gas unless ...").
CONDITIONAL_MODALS = {"may", "might", "could", "would", "will"}
#: Modals of what may happen to anyone of a kind ("Peruvians flying to Chile may need visas").
GENERIC_MODALS = {"can", "could", "may", "might", "would", "will", "should", "must"}
#: Verbs that would let an act happen: under "would"/"could" the act is not done.
PERMITTING_VERBS = {"allow", "let", "enable", "permit", "authorize", "authorise"}
#: Diplomatic recognition (054), and the sectors of who may receive it besides a state itself.
RECOGNITION_CODE = "054"
RECOGNISED_SECTORS = {"GOV", "REB", "OPP", "INS", "SEP", "PTY"}
#: Verbs of turning to a means, whose "to" gerund is done by their subject ("resorted to throwing
#: stones").
RESORTING_VERBS = {"resort", "turn", "proceed", "revert", "switch"}
#: Nouns of going, coming or taking part, whose "of" phrase is who does it ("the exit of Britain").
DOER_NOUNS = {
    "exit",
    "withdrawal",
    "departure",
    "entry",
    "accession",
    "return",
    "arrival",
    "participation",
    "involvement",
    "intervention",
    "refusal",
    "decision",
    "failure",
    "resignation",
    "retreat",
}
#: Nouns of conduct and stance, whose "of" phrase is whose they are ("criticised the conduct of
#: the president", "welcomed the stance of the Chilean government"); not nouns whose "of" phrase
#: is what is done ("the handling of the crisis", "the treatment of prisoners").
CONDUCT_NOUNS = {
    "conduct",
    "action",
    "activity",
    "policy",
    "behaviour",
    "behavior",
    "stance",
    "position",
    "role",
    "remark",
    "comment",
    "statement",
    "practice",
    "tactic",
    "presence",
    "attitude",
    "rhetoric",
}
#: A business's holdings and dealings: a sum in them is no gift.
HOLDING_NOUNS = {
    "obligation",
    "liability",
    "debt",
    "asset",
    "share",
    "stock",
    "bond",
    "security",
    "revenue",
    "sale",
    "profit",
    "loss",
    "contract",
    "order",
    "pension",
    "premium",
    "deposit",
    "payment",
    "fee",
    "tax",
}
#: Participles that describe people before their noun ("striking teachers", "protesting
#: farmers"), which the parser may take for a gerund with the noun as its object.
DESCRIBING_PARTICIPLES = {
    "striking",
    "protesting",
    "demonstrating",
    "fighting",
    "warring",
    "ruling",
    "rioting",
    "retreating",
    "advancing",
    "invading",
    "occupying",
}
#: Prepositions after which such a participle describes (not "after fighting the rebels").
DESCRIBED_AFTER = {"of", "on", "at", "against", "with", "to", "among", "for", "upon"}
#: Verbs of a wish, with their forms (the lemmatiser reads "hopes" as "hop"): what their clause
#: says ("hopes Russia will withdraw") is not done.
WISHING_VERBS = {"hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing", "pray"}
#: Verbs of weighing an act not yet decided ("is considering shipping food"): no event.
WEIGHING_VERBS = {"consider", "weigh", "mull", "contemplate", "ponder", "debate", "discuss"}
#: Verbs of an act held back ("avoided criticizing", "hesitated to condemn"): not done.
AVOIDING_VERBS = {"avoid", "hesitate", "refrain", "evade"}
#: Subordinators of conditions ("if they attack"): no event.
CONDITION_MARKS = {"if", "unless", "whether"}
#: The marks of a condition an act is put on (not "whether": a question).
CONDITIONING_MARKS = CONDITION_MARKS - {"whether"}
#: Time marks whose clause in the present tense speaks of the future: "before they demobilise",
#: "until Iran halts enrichment", "once the troops withdraw" (not "before they demobilised").
FUTURE_TIME_MARKS = {"before", "until", "till", "once"}
#: Nouns of weapons and attacks whose author is the source of a passive use of force.
INSTRUMENT_NOUNS = {
    "strike",
    "airstrike",
    "attack",
    "raid",
    "bombing",
    "shelling",
    "bombardment",
    "blast",
    "explosion",
    "assault",
    "offensive",
    "ambush",
    "missile",
    "rocket",
    "drone",
    "shell",
    "bomb",
    # the machines of war: "Israeli tanks shelled", "Russian aircraft killed"
    "tank",
    "aircraft",
    "warplane",
    "jet",
    "helicopter",
    "gunship",
    "warship",
    "gunboat",
    "bomber",
    "artillery",
    "mortar",
    "sniper",
}
#: The rule of the unknown author of an attack that names none ("killed in a roadside bombing",
#: "a car bomb killed two soldiers", "a diplomat was kidnapped in Mogadishu"): event data code
#: the victims of such an attack with an unknown source ("---").
UNKNOWN_PERPETRATOR_RULE = "unknown-perpetrator"
#: Weapons and attacks whose use is an attack by someone even when no one is named. An explosion
#: or a blast is one only when a bomb makes it ("a car bomb explosion"; "a gas explosion" is an
#: accident), a strike only from the air or a launcher ("a drone strike", not "a labour strike").
ATTACK_NOUNS = {
    "attack", "bombing", "bomb", "shelling", "bombardment", "airstrike", "ambush", "missile",
    "rocket", "mortar", "grenade", "explosive", "ied", "landmine", "gunfire", "shooting", "sniper",
    "raid", "assault", "offensive", "gunman", "assailant", "attacker", "bomber",
}  # fmt: skip
ATTACK_PHRASES = {
    "air strike", "drone strike", "missile strike", "rocket strike", "artillery strike",
    "bomb blast", "bomb explosion", "explosive device", "suicide blast", "suicide explosion",
}  # fmt: skip
#: Modifiers that make an attack noun no attack by anyone: "a heart attack", "a shark attack",
#: "a panic attack", "a lightning strike", "a hunger strike", "a mock attack".
NOT_ATTACK_MODIFIERS = {
    "heart", "shark", "bear", "dog", "animal", "panic", "asthma", "gas", "boiler", "lightning",
    "hunger", "meteor", "chemical", "factory", "industrial", "accidental", "crocodile", "snake",
    "wolf", "bee", "mock", "cyber", "verbal", "legal", "minefield",
}  # fmt: skip
#: Verbs whose passive with no agent is an attack by someone unknown: "a diplomat was kidnapped",
#: "a judge was shot dead", "the convoy was ambushed" (not "killed" or "wounded": an accident or
#: a disaster kills and wounds too).
ATTACK_VERBS = {
    "kidnap", "abduct", "assassinate", "behead", "decapitate", "shoot", "murder", "ambush", "bomb",
    "shell", "attack", "stab", "lynch",
}  # fmt: skip
#: Prepositions that introduce what an event is about, not where it happens.
TOPIC_PREPS = {"on", "about", "regarding", "concerning", "over", "against"}
#: Roots of force and violence: "fired from Gaza" names who fired.
FORCE_ROOTS = {"15", "18", "19", "20"}
#: Roots of violence done: an attack whose author is unknown is still coded ("---" its source).
VIOLENCE_ROOTS = {"18", "19", "20"}
COOPERATION_ROOTS = {f"{r:02d}" for r in range(1, 10)}
#: Verbs whose "for" names what is sought, not had ("pushed for talks", "hoped for a deal").
STRIVING_VERBS = frozenset(
    {"fight", "push", "press", "hope", "wait", "lobby", "campaign", "strive", "pray", "vie",
     "compete", "struggle", "angle", "hold", "bargain", "clamour", "clamor", "agitate"}
)  # fmt: skip
#: Modifiers of an act noun that say it has not happened: "a planned visit", "the proposed talks".
UNREALISED = {
    "planned",
    "proposed",
    "scheduled",
    "upcoming",
    "forthcoming",
    "expected",
    "possible",
    "potential",
    "prospective",
    "future",
    "mooted",
    "rumoured",
    "rumored",
    "hypothetical",
    "cancelled",
    "canceled",
    "postponed",
    "aborted",
}
#: Verbs that put an act off, besides those that drop it (verbs.yaml, nominal: dropped)
PUT_OFF_VERBS = frozenset({"delay", "defer", "adjourn", "reschedule"})
#: Verbs that arrange an act of others, which is then not yet done: "arranged a meeting between".
ARRANGING_VERBS = {"arrange", "plan", "schedule", "organise", "organize", "prepare", "set"}
#: Roots whose targets are people hurt where the act happened (assault, fight, mass violence).
VICTIM_ROOTS = {"18", "19", "20"}
#: Parts of a place: "in the south of Gaza", "on the outskirts of Kabul" happen in the place.
AREA_NOUNS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "centre",
    "center",
    "heart",
    "outskirts",
    "suburb",
    "suburbs",
    "part",
    "parts",
    "area",
    "region",
    "province",
    "district",
    "city",
    "town",
    "village",
    "capital",
    "port",
    "border",
    "edge",
}
#: Heads naming a part of a place by its "of" phrase, when no actor modifies them, stand for the
#: place as a target: "aid to areas of Yemen", "shelled the north of Gaza", "the town of Bakhmut";
#: but "an Islamic State depot southeast of Damascus", parsed with "southeast" as the head, is the
#: Islamic State's.
#: "Parts of" counts only after a preposition ("aid to parts of Somalia"): in "a militia that holds
#: parts of Chad" it describes the militia more often than it reports an act.
PART_HEADS = (AREA_NOUNS | {"rest"}) - {"part", "parts"}
#: What a document can do on its own: state, appeal, praise, demand, disapprove, reject, threaten.
DOCUMENT_ROOTS = {"01", "02", "05", "10", "11", "12", "13"}
#: Roots of acts on people or things whose owner is their target ("freed an employee of the US
#: consulate", "demolished the house of a Palestinian farmer"); not judgements ("worried about the fate
#: of a reporter" is no criticism of the reporter).
BELONGING_ROOTS = {"08", "14", "17", "18", "19", "20"}
#: Property wrecked (145, rioting) by a state's own forces is its destruction (1712).
RIOT_DAMAGE_CODE = "145"
#: Sectors of who riot or protest: their arson is a riot.
PROTEST_SECTORS = {"OPP", "LAB", "EDU", "AGR"}
STATE_DAMAGE_CODE = "1712"
#: A bombing (183 is CAMEO's non-military bombing) by a state or its forces is from the air (195).
BOMBING_CODE = "183"
AIR_STRIKE_CODE = "195"
#: Sectors whose members strike work, not blows: "teachers striking" is a strike (143).
WORKER_SECTORS = {"LAB", "EDU", "HLH", "CVL", "BUS", "MED", "AGR"}
STRIKE_CODE = "143"
#: Demonstrations and rallies (141): a state's executive (these sectors) rallying at home is no protest.
RALLY_CODE = "141"
#: Sectors of a state's own organs: they act and speak for their state.
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
#: Roots of talks and cooperation whose partner ("with X") the parser may hang on the object.
WITH_OBJECT_ROOTS = frozenset({"03", "04", "05", "06"})
#: ... of which these wreck property as the state, not as rioters (all but the legislature) ...
STATE_FORCE_SECTORS = STATE_SECTORS - {"LEG"}
#: Sectors of armed groups (and a state's forces) whose wrecking of property is its destruction
#: (1712), not a riot (145): CAMEO's manual codes settlers or militants setting fire to offices 1712.
ARMED_SECTORS = STATE_FORCE_SECTORS | {"REB", "RAD", "UAF", "INS", "CRM"}
#: Prepositions of the place an event happens in.
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "over", "throughout"})
#: ... and these are its executive (rallies at home are no protest).
EXECUTIVE_SECTORS = STATE_SECTORS - {"LEG", "JUD"}
#: Parts of a country named by its nationality ("the Chilean side", "the Peruvian sector").
SIDE_NOUNS = {"side", "sector", "part", "zone", "half", "territory", "waters", "airspace", "soil"}
#: Documents that speak for whoever issues them ("published a declaration demanding ...").
DOCUMENT_NOUNS = {
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "letter",
    "resolution",
    "petition",
    "note",
    "memorandum",
    "message",
    "appeal",
    "report",
    "motion",
    "decree",
    "order",
    "bill",
    "ultimatum",
    "manifesto",
}
#: Verbs of a protest's or a crackdown's purpose clause whose actors it is aimed at.
PURPOSE_VERBS = {
    # what repression is for: "fired water cannon to scatter the marchers"
    "disperse",
    "break",
    "quell",
    "suppress",
    "stop",
    "demand",
    "protest",
    "call",
    "press",
    "urge",
    "oppose",
    "denounce",
    "condemn",
    "show",
    "express",
    "voice",
    "seek",
    "force",
    "push",
    "pressure",
    "reject",
    "challenge",
    "defy",
    "decry",
}
#: Participles that say whom a use of force was aimed at ("missiles targeting US troops").
AIMING_VERBS = frozenset({"target", "aim", "hit", "strike"})
#: Roots whose object's nationality is the target when the object is no actor ("the Russian building").
OWNED_OBJECT_ROOTS = {
    "04",
    "05",
    "08",
    "10",
    "11",
    "12",
    "13",
    "14",
    "16",
    "17",
    "18",
    "19",
    "20",
}
#: Roots of answers to what another proposed or asked ("rejected an offer from X", "welcomed a
#: request from X", "met the strikers' demands"): the one the object came from is the target.
ANSWER_ROOTS = {"05", "08", "10", "11", "12", "13"}
#: Pronouns that, as the subject of a reported clause, stand for the speaker.
SPEAKER_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
#: Object dependencies of a verb.
OBJECT_DEPS = {"dobj", "obj", "attr", "nsubjpass", "dative", "oprd"}
#: Punctuation that opens a list or an aside after an object.
LIST_MARKS = {":", ";", "—", "–", "--"}


@dataclass
class CodedEvent:
    """An event found in one sentence, still in token terms."""

    source: Mention
    target: Mention | None
    predicate: Token  # the word the pattern matched (the complement's verb for frame verbs)
    trigger: Token  # the word that carries the event's tense and subject (frame verb or predicate)
    code: str
    pattern: Pattern | None
    frame: str  # how source and target were found, for the evidence field
    intent: bool = False
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.0
    obliged: str = ""  # "demand" ("Y must withdraw") or "appeal" ("Y should withdraw"): not done
    origin: str = "reported speech"  # what coded an event no pattern matched


@dataclass
class Trace:
    """What the coder tried on one sentence: the material of ``dyadwatch explain``."""

    lines: list[str] = field(default_factory=list)

    def add(self, token: Token | None, message: str) -> None:
        """Record a line; a line already recorded (the same verb tried again on another path, as
        a frame's complement and as a verb of its own) is not repeated."""
        where = f"[{token.i}:{token.text}] " if token is not None else ""
        line = where + message
        if line not in self.lines:
            self.lines.append(line)


#: Sectors of private people, whose intents with no party named are no event unless a country
#: is theirs.
PRIVATE_PEOPLE_SECTORS = {"CVL"}

#: Clauses that qualify another ("refugees who break the law", "deported them, breaking an order").
SUBORDINATE_DEPS = {"advcl", "relcl", "acl"}


def confidence(event: CodedEvent) -> float:
    """A heuristic confidence in [0.3, 0.95]: surer for specific patterns and named actors, less sure
    for bare verbs, frames, nominal events, coreferent or unknown actors and place targets."""
    score = 0.9
    pattern = event.pattern
    if pattern is not None and not (
        pattern.objects or pattern.particle or pattern.lower or pattern.upper
    ):
        score -= 0.1
    if pattern is not None and pattern.nouns:
        score -= 0.1
    for mention in (event.source, event.target):
        if mention is not None and mention.rule in (
            "coreference",
            "unknown-name",
            UNKNOWN_PERPETRATOR_RULE,
        ):
            score -= 0.1  # a referent guessed, or a name of no known country
    if "place target" in event.frame:
        score -= 0.15
    if event.predicate.dep_ in SUBORDINATE_DEPS:
        score -= 0.15  # "deported them, breaking a court order": the main clause reports the act
    score -= 0.05 * len(event.notes)
    if GENERIC_INTENT_NOTE in event.notes:
        score -= 0.2  # an intent named by the frame verb alone ranks below any named act
    return round(max(0.3, min(0.95, score)), 2)


#: Offers whose act a refusal turns down: "rejected a proposal to hold talks with X" refuses the talks.
OFFER_NOUNS = frozenset(
    {
        "proposal",
        "offer",
        "invitation",
        "suggestion",
        "initiative",
        "call",
        "request",
        "appeal",
        "demand",
        "plea",
        "bid",
    }
)
#: Prepositions that name the author of an offer or a request ("a call from Chile").
OFFER_AUTHOR_PREPS = frozenset({"from", "by"})
#: Frames a verb opens over the act it governs, in the order they are tried.
COMPLEMENT_FRAMES = ("refusal", "direct", "intent", "appeal", "halt", "denial", "permission")


class EventCoder:
    """Codes events in sentences whose actors are resolved."""

    def __init__(
        self, table: Patterns | None = None, agents: Mapping[str, Agent] | None = None
    ) -> None:
        self.patterns = table or patterns()
        #: the role vocabulary (with any imported dictionaries), for roles the resolver left bare
        self.agents = agents if agents is not None else knowledge().agents

    # -- pattern choice ----------------------------------------------------------------------------

    def match_verb(
        self, verb: Token, trace: Trace | None = None
    ) -> tuple[Pattern, Token | None] | None:
        """The most specific pattern ``verb`` fills, with the object token it consumed."""
        matches = self.match_verb_all(verb, trace)
        return matches[0] if matches else None

    def match_verb_all(
        self, verb: Token, trace: Trace | None = None
    ) -> list[tuple[Pattern, Token | None]]:
        """Every pattern ``verb`` fills, most specific first, each with the object token it consumed."""
        found: list[tuple[Pattern, Token | None]] = []
        candidates = self.patterns.for_verb(verb.lemma_.lower(), verb.lower_)
        if verb.lemma_.lower() in ("let", "set") and _sets_free(verb):
            candidates = self.patterns.for_verb("free", "free")  # "let free", "set free"
        elif _ordered_out(verb):
            # "ordered the French ambassador to leave the country": an expulsion
            candidates = self.patterns.for_verb("expel", "expel")
        if not candidates:
            return found
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        # "stepped down as head", with "down" parsed as an adverb or a preposition without object
        particles |= {
            c.lower_
            for c in verb.children
            if c.dep_ in ("advmod", "prep")
            and c.i == verb.i + 1
            and c.lower_ in PARTICLE_WORDS
            and not _children(c, {"pobj"})
        }
        # "forced the aid group out of the province": "out of" after the object
        particles |= {
            c.lower_
            for c in _children(verb, {"prep", "advmod"})
            if c.lower_ == "out"
            and not _children(c, {"pobj"})
            and any(p.lower_ == "of" for p in _children(c, {"prep"}))
        }
        objects = _with_conjuncts(_children(verb, OBJECT_DEPS))
        if not objects:
            # "will not accept any refugees fleeing the violence", parsed as a clause whose subject
            # is the refugees: the subject of a bare -ing complement is the verb's object
            objects = [
                s
                for c in _children(verb, {"ccomp"})
                if c.tag_ == "VBG" and not _children(c, {"aux", "auxpass"})
                for s in _children(c, {"nsubj"})
                if s.pos_ in ("NOUN", "PROPN")
            ]
        if not objects:
            # "allowed IAEA inspectors to visit the site", parsed as a clause whose subject is the
            # inspectors: the subject of a "to" complement is who is let in
            objects = [
                s
                for c in _children(verb, {"ccomp"})
                if _to_infinitive(c)
                for s in _children(c, {"nsubj"})
                if s.pos_ in ("NOUN", "PROPN")
            ]
        if not objects:
            # "allowed IAEA inspectors access to the site", parsed as a clause whose subject is
            # the inspectors and whose bare verb is "access": the noun given is the object
            objects = [
                c
                for c in _children(verb, {"ccomp"})
                if c.lemma_.lower() in BARE_GRANTED_NOUNS
                and not _children(c, {"aux", "auxpass", "mark", "dobj", "obj"})
            ]
        if not objects:
            # "halted fighting", "stopped shelling": an -ing complement is what is halted
            objects = [c for c in _children(verb, {"xcomp"}) if c.tag_ == "VBG"]
        # "engaged ... in a firefight", "launched attacks on": a light verb's noun may also sit in a PP
        objects += [p for prep in _children(verb, {"prep"}) for p in _children(prep, {"pobj"})]
        # "pulled out of the talks", with "of" hung on a particle read as a preposition
        objects += [
            p
            for particle in _bare_particles(verb)
            for prep in _children(particle, {"prep"})
            for p in _children(prep, {"pobj"})
        ]
        # "held 300 families as human shields", with "as" hung on the object: what they are held as
        objects += [
            p
            for o in _children(verb, {"dobj", "obj"})
            for prep in _children(o, {"prep"})
            if prep.lower_ == "as"
            for p in _children(prep, {"pobj"})
        ]
        naming = verb.lemma_.lower() in NAMING_VERBS and (
            _names_as(verb)
            # "called an emergency meeting", "called elections": convened, nobody was called
            or any(o.lemma_.lower() in CONVENED_NOUNS for o in _children(verb, {"dobj", "obj"}))
        )
        worded = [(o, _object_words(o)) for o in objects]
        if any(o.dep_ in ("dobj", "obj") and _is_money(o) for o in objects) and any(
            p.lower_ == "in" and any(c.pos_ == "NOUN" for c in _children(p, {"pobj"}))
            for p in _children(verb, {"prep"})
        ):
            # "provided $5 million in food aid to X", with "in" hung on the verb: what the sum is in
            things = [
                p
                for prep in _children(verb, {"prep"})
                if prep.lower_ == "in"
                for p in _children(prep, {"pobj"})
                if p.pos_ == "NOUN"
            ]
            spent_on = {w for p in things for w in _object_words(p)}
            # a sum in a business's holdings or dealings is no money given away ("transferred
            # $5 million in pension obligations", "sold $2 billion in bonds"); a sum naming its
            # own thing keeps it ("$100 billion in tariffs on X")
            dealt = any(p.lemma_.lower() in HOLDING_NOUNS for p in things)
            worded = [
                (
                    o,
                    (spent_on if dealt and not _measured(o) else words | spent_on)
                    if o.dep_ in ("dobj", "obj") and _is_money(o)
                    else words,
                )
                for o, words in worded
            ]
        for pattern in candidates:
            if naming and not pattern.objects:
                if trace:
                    trace.add(
                        verb, f"pattern {pattern.code}: '{verb.text}' names or convenes, no call"
                    )
                continue
            if pattern.particle and pattern.particle not in particles:
                if trace:
                    trace.add(
                        verb,
                        f"pattern {pattern.code} '{pattern.name}': no particle '{pattern.particle}'",
                    )
                continue
            if pattern.adverbs and not any(
                c.lower_ in pattern.adverbs for c in _children(verb, {"advmod"})
            ):
                if trace:
                    trace.add(
                        verb,
                        f"pattern {pattern.code} '{pattern.name}': "
                        f"not '{'/'.join(sorted(pattern.adverbs))}'",
                    )
                continue
            if pattern.transitive and not _children(verb, {"dobj", "obj", "nsubjpass"}):
                if trace:
                    trace.add(verb, f"pattern {pattern.code} '{pattern.name}': no direct object")
                continue
            if pattern.intransitive and _children(verb, {"dobj", "obj", "nsubjpass"}):
                if trace:
                    trace.add(
                        verb, f"pattern {pattern.code} '{pattern.name}': takes no direct object"
                    )
                continue
            if pattern.lower or pattern.upper:
                fits = _sequence_fits(pattern, verb)
                if fits is False:
                    if trace:
                        trace.add(verb, f"pattern {pattern.code} '{pattern.name}': words not found")
                    continue
                found.append((pattern, None if isinstance(fits, bool) else fits))
                continue
            filled = self._filled(pattern, worded, verb, trace)
            if filled is not None:
                found.append(filled)
        # among equally specific patterns, a direct object beats a noun in a prepositional phrase:
        # "froze aid to Quito in protest" is about the aid
        found.sort(key=lambda m: (-m[0].specificity, m[1] is not None and m[1].dep_ == "pobj"))
        if found and found[0][0].null:
            # an imported "---" pattern: these words code nothing ("approved the budget")
            if trace:
                trace.add(verb, f"pattern '{found[0][0].name}' codes nothing: no event")
            return []
        return [m for m in found if not m[0].null]

    def match_nominal(
        self, noun: Token, act: str, trace: Trace | None = None
    ) -> list[tuple[Pattern, Token | None]]:
        """Every pattern of the verb ``act`` that a noun naming it fills ("the suspension of aid"
        fills suspend + aid), most specific first, each with the "of" object it consumed."""
        found: list[tuple[Pattern, Token | None]] = []
        objects = _with_conjuncts(_direct_objects(noun, set())) or [
            # "a troop withdrawal", "an aid suspension": a common noun compounded before the act
            c
            for c in noun.children
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i
        ]
        worded = [(o, _object_words(o)) for o in objects]
        for pattern in self.patterns.for_verb(act, act):
            if (
                pattern.particle
                or pattern.adverbs
                or pattern.reverse
                or pattern.lower
                or pattern.upper
                or pattern.null
            ):
                continue
            filled = self._filled(pattern, worded, noun, trace)
            if filled is not None:
                found.append(filled)
        return found

    @staticmethod
    def _filled(
        pattern: Pattern,
        objects: list[tuple[Token, set[str]]],
        word: Token,
        trace: Trace | None,
    ) -> tuple[Pattern, Token | None] | None:
        """The pattern with the object it consumes, when one of ``objects`` (each with its words) is
        one of its object words (or it asks for none); else None, traced."""
        if not pattern.objects:
            return pattern, None
        obj = next((o for o, words in objects if words & pattern.objects), None)
        if obj is None:
            if trace:
                trace.add(
                    word, f"pattern {pattern.code} '{pattern.name}': object not one of its words"
                )
            return None
        return pattern, obj

    def match_noun(self, noun: Token) -> Pattern | None:
        lemma = joined(noun.lemma_.lower())  # "co-operation" is "cooperation"
        if lemma in self.patterns.noun_heads:
            # "mass killings", "ethnic cleansing": the nearest modifiers make a multi-word noun
            for words in sorted(
                _object_words(noun) & self.patterns.noun_heads[lemma], key=len, reverse=True
            ):
                return self.patterns.by_noun[words][0]
        candidates = self.patterns.by_noun.get(lemma)
        return candidates[0] if candidates else None

    # -- actors from syntax ------------------------------------------------------------------------

    def _mention_for(self, token: Token, mentions: list[Mention]) -> Mention | None:
        """The mention a token stands for: its own, or one inside its noun phrase (not a person's
        kin: "the president's son"; a state leader's supporters are the leader's country's
        people: "a Trump supporter" is USACVL)."""
        lemma = token.lemma_.lower()
        if lemma in COMPATRIOT_NOUNS or (
            lemma in FELLOW_NOUNS and any(c.lower_ == "fellow" for c in token.children)
        ):
            own = mention_at(mentions, token)
            if own is None or not (own.actor.country or own.actor.igo):
                return self._compatriots(token, mentions) or own
        if lemma in KIN_NOUNS and mention_at(mentions, token) is None:
            return None
        if lemma in SUPPORTER_NOUNS and mention_at(mentions, token) is None:
            followed = self._mention_in_phrase(token, mentions)
            if followed is None or followed.actor.sector not in STATE_SECTORS:
                return followed
            return _people_of(followed)
        return self._mention_in_phrase(token, mentions)

    def _compatriots(self, token: Token, mentions: list[Mention]) -> Mention | None:
        """ "his countrymen", "her fellow citizens": the people of the country of the one they
        belong to, the possessor or, for a pronoun or none, the subject of the clause they are in."""
        owner: Mention | None = None
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                owner = self._mention_in_phrase(child, mentions)
            elif child.dep_ == "prep" and child.lower_ == "of":
                for of in _children(child, {"pobj"}):
                    owner = self._mention_in_phrase(of, mentions)
        if owner is None:
            clause = token.head
            while (
                clause.dep_ in ("prep", "pobj", "dobj", "dative", "conj")
                and clause.head.i != clause.i
            ):
                clause = clause.head
            for subject in _children(clause, {"nsubj"}):
                owner = self._mention_in_phrase(subject, mentions)
        people = _people_of(owner) if owner is not None else None
        if people is None:
            return None
        return replace(people, start=token.i, end=token.i + 1, head=token.i)

    def _mention_in_phrase(self, token: Token, mentions: list[Mention]) -> Mention | None:
        own = mention_at(mentions, token)
        if (
            own is not None
            and token.i != own.head
            and token.dep_ == "pobj"
            and token.head.lower_ in ("to", "in")
            and token.head.head.lemma_.lower() in POSTED_ROLES
        ):
            # "recalled its ambassador to Italy": the country of the posting, named inside the
            # role's mention, is Italy
            posted = _gazetteer_mention(token)
            if posted is not None and posted.actor.country != own.actor.country:
                return posted
        if own is not None and own.rule == "agent":
            # "his French counterpart, Emmanuel Macron": the person named says more
            for appos in token.children:
                person = mention_at(mentions, appos) if appos.dep_ == "appos" else None
                if person is not None and person.rule in KNOWN_PERSON_RULES:
                    return person
        if own is not None:
            return own if own.rule != "modifier" else None
        if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            antecedent = token.head.head
            if token.lower_ == "who":
                antecedent = _person_antecedent(antecedent)
            return self._mention_for(antecedent, mentions)
        if (
            token.lower_ in QUANTITY_HEADS
            or token.like_num
            or token.lemma_.lower() in PLACE_HEADS
            # "the conduct of the president", "the actions of Chilean troops": whose they are
            or (token.lemma_.lower() in CONDUCT_NOUNS and token.pos_ == "NOUN")
        ):
            found = self._of_phrase(token, mentions)
            if found is not None:
                return found
        reaching: Mention | None = None
        for mention in mentions:
            if mention.rule == "modifier":
                continue
            node = token.doc[mention.head]
            hops = 0
            while (
                node.i != token.i
                and node.dep_ in NOMINAL_DEPS
                and node.head.i != node.i
                and hops < 6
            ):
                node = node.head
                hops += 1
            if node.i == token.i and node.i != token.doc[mention.head].i:
                named = token.doc[mention.head]
                if named.dep_ == "appos" and named.head.i == token.i:
                    return mention  # "NATO ally Turkey": the apposition names who the ally is
                if reaching is None or (
                    # "X's al-Qaeda network": a known actor beats a name of no known country
                    reaching.rule == "unknown-name" and mention.rule != "unknown-name"
                ):
                    reaching = mention
        if reaching is None:
            # "21 countries including Austria and Greece": the members named
            listed = [
                m
                for prep in _children(token, {"prep"})
                if prep.lower_ in ("including", "like")
                for pobj in _children(prep, {"pobj"})
                if (m := mention_at(mentions, pobj)) is not None and m.rule != "modifier"
            ]
            if listed:
                return listed[0]
        if reaching is None and (
            token.lemma_.lower() in PART_HEADS
            # "cut aid to parts of Somalia": after a preposition, parts of a place are the place
            or token.lemma_.lower() == "part"
            and token.dep_ == "pobj"
        ):
            return self._of_phrase(token, mentions)
        return reaching

    def _of_phrase(self, token: Token, mentions: list[Mention]) -> Mention | None:
        """The mention of what ``token``'s "of" phrase names ("thousands of Syrians", "parts of
        Yemen")."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for counted in prep.children:
                    if counted.dep_ == "pobj":
                        found = self._mention_for(counted, mentions)
                        if found is not None:
                            return found
        return None

    def _mentions(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """The mentions for tokens, plus mentions conjoined to any word inside them (the parser may
        attach "and Vladimir Putin" to "Obama" inside "Barack Obama")."""
        found = _dedupe([m for t in tokens if (m := self._mention_for(t, mentions)) is not None])
        for token in tokens:
            for side in _coordinated_sides(token, mentions, self.agents):
                if all(side.start != f.start for f in found):
                    found.append(side)
        for mention in list(found):
            doc = tokens[0].doc
            for token in doc[mention.start : mention.end]:
                for conj in token.conjuncts:
                    other = self._mention_for(conj, mentions)
                    if other is not None and all(other.start != f.start for f in found):
                        found.append(other)
        return found

    def _subject_tokens(self, verb: Token) -> tuple[list[Token], bool]:
        """Subject tokens of ``verb`` and whether the clause is passive."""
        node = verb
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and verb.lemma_.lower() in OBJECT_VERBS
            and verb.head.pos_ in ("NOUN", "PROPN")
            and (
                verb.head.dep_ in ("nsubj", "nsubjpass")
                or (verb.head.dep_ == "attr" and _children(verb.head.head, {"expl"}))
                # "Two Kenyan soldiers killed in Somalia ambush": a headline with no verb of its own
                or _headline_participle(verb)
            )
        ):
            # "there were six soldiers killed in Niger", "two reporters detained by the police
            # were freed": a participle after the clause's subject (or the noun "there is")
            # is a passive whose subject is that noun; after an object ("laid a wreath for a
            # soldier killed in Mali in 2013") it only describes
            return _with_conjuncts([verb.head]), True
        # "civilians imprisoned ... were released by Putin": a passive verb sharing another's subject
        own_passive = any(c.dep_ == "auxpass" for c in verb.children)
        gerund = False  # climbed from a gerund to the clause whose subject does it
        for _ in range(6):
            subjects = _children(node, SUBJECT_DEPS) or [
                # "USAID had announced ...", with the acronym parsed as an adverb of the verb (also
                # after an opening phrase: "After the storm, USAID sent ...")
                c
                for c in node.children
                if c.dep_ in ("advmod", "npadvmod")
                and node.pos_ in ("VERB", "AUX")
                and (
                    (
                        c.i == c.sent.start
                        and c.ent_type_ in ("ORG", "GPE", "PERSON")
                        and (c.pos_ == "PROPN" or c.text.isupper())
                    )
                    or (c.i == node.i - 1 and _acronym(c))
                )
            ]
            # "Peruvian police: bus blast injures nine": who a headline quotes is no subject
            subjects = [s for s in subjects if not _headline_speaker(s, node)]
            if subjects and node.i == verb.i and _reduced_passive(verb):
                # "Yemeni journalist shot dead in Aden": a headline's passive, the subject hit
                return _with_conjuncts(subjects), True
            if subjects:
                return _with_conjuncts(
                    subjects + _headline_partners(node, subjects)
                ), own_passive and node.i != verb.i
            passive = _children(node, PASSIVE_SUBJECT_DEPS)
            if passive and node.i != verb.i and node.lower_ in READY_ADJECTIVES:
                return _with_conjuncts(passive), False  # "Russia is prepared to mediate"
            if (
                passive
                and node.lower_ in STANCE_PARTICIPLES
                and not _children(node, {"agent"})
                and any(p.lower_ == "to" for p in _children(node, {"prep"}))
            ):
                return _with_conjuncts(passive), False  # "Chile is opposed to Brazilian mediation"
            if passive:
                # "he was honoured ... and left the meeting": a finite verb sharing a passive
                # subject is active ("was arrested and charged" stays passive)
                shared_active = (
                    node.i != verb.i
                    and not own_passive
                    and (
                        verb.tag_ in ("VBD", "VBZ", "VBP")
                        # "was elected and will meet": a modal makes the bare verb finite
                        or (
                            verb.tag_ == "VB"
                            and any(a.tag_ == "MD" for a in _children(verb, {"aux"}))
                        )
                    )
                ) or (
                    # "X was invited to speak by Y": X speaks; the "by" is the inviter (not after
                    # "was summoned to protest": the summoner protests)
                    verb.dep_ == "xcomp"
                    and verb.head.i == node.i
                    and not own_passive
                    and (self._is_appeal(node) or node.lemma_.lower() in PASSIVE_CONTROL_VERBS)
                )
                return _with_conjuncts(passive), not (shared_active or gerund)
            if node.dep_ == "xcomp" and self._is_appeal(node.head) and not _call_purpose(node):
                # object control: "asked Obama to help" — Obama is the helper ("called Obama to
                # apologise": the caller apologises)
                objects = _children(node.head, {"dobj", "obj"})
                if objects:
                    return _with_conjuncts(objects), False
            if node.dep_ == "xcomp" and _expletive_it(node.head):
                return [], False  # "it makes little sense to force X": nobody does it
            if node.dep_ == "xcomp" and node.tag_ == "VBG":
                # "expected them surrendering", "caught the men smuggling arms": the object does
                # it ("spent three days touring China" is the subject's)
                objects = [
                    o
                    for o in _children(node.head, {"dobj", "obj"})
                    if o.i < node.i and not _is_time_word(o)
                ]
                if objects:
                    return _with_conjuncts(objects), False
            if (
                node.dep_ == "conj"
                and node.head.dep_ == "xcomp"
                and _finite_after_infinitive(node, node.head)
            ):
                node = node.head.head  # "urged X to reconsider and met Y": the main verb's subject
                continue
            if node.dep_ in SUBJECT_SHARING_DEPS and node.head.i != node.i:
                node = node.head
                continue
            if (
                node.dep_ == "acomp"
                and (node.pos_ == "ADJ" or node.lower_ in STANCE_PARTICIPLES)
                and node.head.i != node.i
            ):
                # "Peru is prepared to supply", "Chile is opposed to": the copula's subject
                node = node.head
                continue
            if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep":
                holder, prep = node.head.head, node.head.lower_
                if (
                    (holder.pos_ in ("VERB", "AUX") and prep in DONE_GERUND_PREPOSITIONS)
                    or (holder.lemma_.lower() in AGENT_ADJECTIVES and prep in ("of", "for"))
                    or (
                        holder.lemma_.lower() in MANNER_ADJECTIVES
                        and holder.dep_ == "acomp"
                        and prep == "in"
                    )
                    # "resorted to throwing stones", "turned to shelling the town"
                    or (holder.lemma_.lower() in RESORTING_VERBS and prep == "to")
                ):
                    # "cut aid by accusing Peru", "after meeting Putin", "was guilty of
                    # breaching the truce": the gerund's doer is its clause's subject ("jailed
                    # him for helping" is his act, "before leaving" not yet done, "without" none),
                    # in the passive too ("were united in rejecting the plan")
                    node, gerund = holder, True
                    continue
            if node.dep_ == "acl" and node.tag_ == "VBN" and self.noun_frame(node) is None:
                # "Doctors from three charities donated and shipped medicine to X", parsed with a
                # noun as the root: a participle with a direct object of its own (or of a verb
                # conjoined with it) is no passive but that root's predicate
                subject = _misparsed_main_subject(node)
                if subject:
                    return subject, False
            if node.dep_ == "relcl" and self.noun_frame(node) is None:
                subject = _misparsed_main_subject(node)
                if subject:
                    return subject, False
                return [node.head], False
            if self.noun_frame(node) is not None:
                # "Peru's decision to expel", "a pledge by Chile to help": the noun's owner does
                # the act; with none, the subject of the verb the noun is the object of ("announced
                # a plan to", "accepted an invitation to"), where that verb makes it the subject's
                noun = node.head
                if noun.lemma_.lower() not in self.patterns.frame("nominal")["invited"]:
                    owners = [
                        c
                        for c in noun.children
                        if c.dep_ in ("poss", "compound", "amod", "nmod")
                        and (
                            c.pos_ == "PROPN" or c.tag_ == "PRP$" or c.ent_type_ in ("NORP", "GPE")
                        )
                    ]
                    by = self._prep_objects([noun], frozenset({"by"}))
                    if by:
                        return by, False
                else:
                    owners = []
                governor = noun.head
                if noun.dep_ in ("dobj", "obj") and self.patterns.is_frame_verb(
                    "nominal", governor.lemma_.lower(), governor.lower_, "owning"
                ):
                    if owners and any(o.tag_ != "PRP$" for o in owners):
                        return [noun], False
                    node = governor  # "reiterated its commitment to": the subject's own
                    continue
                if owners:
                    return [noun], False
                break
            if node.dep_ == "acl" and node.tag_ == "VBG":
                owner = node.head
                if owner.lemma_.lower() in DOCUMENT_NOUNS and owner.dep_ in ("dobj", "obj"):
                    # "issued a statement condemning X": the statement speaks for its issuer
                    node = owner.head
                    continue
                return [owner], False  # "activists demanding reforms"
            if (
                node.dep_ == "acl"
                and node.head.dep_ == "ROOT"
                and node.head.pos_ in ("NOUN", "PROPN")
                and _children(node, {"dobj", "obj"})
                and not _children(node, {"agent", "auxpass"})
            ):
                # "The Peruvian navy carried out two raids" read as a noun phrase: a verb
                # with an object of its own is active, and the noun it hangs on is its subject
                return [node.head], False
            if (
                node.i == verb.i
                and node.dep_ == "acl"
                and node.tag_ == "VBN"
                and _children(node, {"agent"})
                and node.head.pos_ in ("NOUN", "PROPN")
            ):
                # "soldiers killed by militants", "two men detained by the police": a passive
                # participle's noun is what the act was done to, its "by" phrase the doer
                return [node.head], True
            break
        return [], False

    def _holders(self, people: list[Token], mentions: list[Mention]) -> list[Mention]:
        """Who holds people described as held: "held by the government in Libya" → the
        government; "held captive in Libya", "citizens held in Iran" → that country."""
        holding = [
            a
            for t in people
            for a in _children(t, {"acl", "relcl"})
            if a.lemma_.lower() in HOLDING_VERBS
        ]
        return (
            self._mentions([g for a in holding for g in self._agents(a)], mentions)
            or [
                m
                for m in self._mentions(self._prep_objects(holding, frozenset({"in"})), mentions)
                if m.rule in ("country", "capital-metonym")
            ][:1]
        )

    def _agents(self, verb: Token) -> list[Token]:
        found = [p for c in _children(verb, {"agent"}) for p in _children(c, {"pobj"})]
        if not found and verb.dep_ != "agent":
            # "was accused of corruption by Peruvian officials", parsed with "by" hung on the
            # "of" phrase's last word: the passive verb's agent all the same
            found = [
                p
                for prep in _children(verb, {"prep"})
                if prep.lower_ == "of"
                for inner in _children(prep, {"pobj", "pcomp"})
                for c in _children(inner, {"agent", "prep"})
                if c.lower_ == "by" and inner.tag_ != "VBN"
                for p in _children(c, {"pobj"})
            ][:1]
        return _with_conjuncts(found)

    def _prep_objects(self, heads: list[Token], preps: frozenset[str]) -> list[Token]:
        found: list[Token] = []
        for head in heads:
            for prep in _children(head, {"prep", "dative", "agent"}):
                if prep.lower_ in preps:
                    # (or, hung on the preposition, the subject of its clause; not after "with",
                    # whose "with children watching" sets a scene)
                    objects = _children(prep, {"pobj"}) or [
                        s
                        for c in _children(prep, {"pcomp"})
                        if prep.lower_ != "with"
                        for s in _children(c, {"nsubj"})
                    ]
                    if not objects:
                        # "the demands of striking teachers", parsed with "striking" as a gerund
                        # taking the teachers as its object
                        objects = [
                            o
                            for c in _children(prep, {"pcomp"})
                            if c.tag_ == "VBG" and c.lower_ in DESCRIBING_PARTICIPLES
                            for o in _children(c, {"dobj", "obj"})
                        ]
                    if not objects and not list(prep.children):
                        # "sent food to the fighters trapped in ...", parsed with the fighters as
                        # the subject of a clause right after the preposition
                        objects = [
                            s
                            for clause in _children(head, {"advcl", "ccomp", "acl"})
                            for s in _children(clause, {"nsubj"})
                            if s.left_edge.i == prep.i + 1
                        ]
                    found.extend(objects)
        return _with_conjuncts(found)

    def _is_appeal(self, verb: Token) -> bool:
        return self.patterns.is_frame_verb("appeal", verb.lemma_.lower(), verb.lower_)

    # -- coding ------------------------------------------------------------------------------------

    def code_sentence(
        self, sent: Span, mentions: list[Mention], trace: Trace | None = None
    ) -> list[CodedEvent]:
        """Code every event of a sentence (before reported speech is reinterpreted)."""
        if not mentions:
            if trace:
                trace.add(None, "no actors in the sentence: nothing to code")
            return []
        events: list[CodedEvent] = []
        consumed: set[int] = set()
        for token in tokens_of(sent):
            if token.i in consumed:
                continue
            if _describing_participle(token, mentions):
                if trace:
                    trace.add(token, f"'{token.text}' describes the people after it: no act")
                continue
            if token.pos_ in ("VERB", "AUX") or _verb_tagged_noun(token):
                events.extend(self._code_verb(token, mentions, consumed, trace))
            elif token.pos_ in ("NOUN", "PROPN") and (
                joined(token.lemma_.lower()) in self.patterns.by_noun
                or joined(token.lemma_.lower()) in self.patterns.noun_heads
            ):
                events.extend(self._code_noun(token, mentions, trace))
        events = [_armed_clash(e) for e in _without_results(events) if not _unarmed_fight(e)]
        known = _without_unknown_twins(events)
        if trace and len(known) < len(events):
            trace.add(None, "an attack of unknown author dropped: its author is named elsewhere")
        events = known
        specific = _without_unspecified(events)
        if trace and len(specific) < len(events):
            trace.add(None, "an unspecified code dropped: the same act is coded more specifically")
        events = specific
        anchored = [e for e in events if not _unanchored(e)]
        if trace and len(anchored) < len(events):
            trace.add(None, "an event between parties of no known country: dropped")
        for event in anchored:
            event.confidence = confidence(event)
        return _unique(anchored)

    def _frame_of(self, verb: Token) -> tuple[str, Token] | None:
        """The frame a verb opens over its complement verb, if any: (frame name, complement)."""
        lemma, word = verb.lemma_.lower(), verb.lower_
        if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            # "ruled out sending troops": a refusal; "has not ruled out lifting sanctions": the act
            # kept open, an intent (a threat for force)
            ruled = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("xcomp", "advcl", "dobj", "obj", "pcomp")
                    and c.pos_ == "VERB"
                    and c.tag_ == "VBG"
                ),
                None,
            )
            if ruled is None:
                return None
            return ("kept open" if _negated(verb) else "refusal"), ruled
        if lemma == "be" and _out_of_question(verb):
            # "(said that) lifting the sanctions is out of the question": refused by the speaker
            ruled = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("csubj", "nsubj") and c.pos_ == "VERB" and c.tag_ == "VBG"
                ),
                None,
            )
            return ("out of the question", ruled) if ruled is not None else None
        if not self.patterns.in_any_frame(COMPLEMENT_FRAMES, lemma, word):
            return None
        if _expletive_it(verb) or (_expletive_it(verb.head) and verb.dep_ in ("acomp", "attr")):
            return None  # "it was wrong to sanction X": nobody intends it
        complement = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
        )
        if complement is None and self.patterns.is_frame_verb("refusal", lemma, word):
            # "rejected appeals to release X", "refused calls to withdraw": the act appealed for
            # is what is refused
            clauses = [
                *verb.children,
                *(a for o in _children(verb, {"dobj", "obj"}) for a in o.children),
            ]
            asked = next((c for c in clauses if self._appealed_for(c, OFFER_NOUNS)), None)
            if asked is not None and asked.pos_ in ("VERB", "AUX"):
                return "refusal", asked
        if complement is None and self.patterns.is_frame_verb("denial", lemma, word):
            # "denied that it had sent weapons": the clause denied (not "denying them
            # citizenship violated the law", a refusal to grant)
            complement = next(
                (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None
            )
            if (
                complement is None
                or _children(verb, {"dobj", "obj", "dative"})
                or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN")  # "wrote denying them X was"
            ):
                return None
            return "denial", complement
        if complement is None and (
            lemma == "call" or self.patterns.is_frame_verb("appeal", lemma, word)
        ):
            # "called for Iran to free the sailors", "pressed for Kabul to hold talks": the one
            # "for" introduces is asked to do it
            asked = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("advcl", "ccomp", "xcomp")
                    and c.pos_ in ("VERB", "AUX")
                    and _for_subject_infinitive(c)
                ),
                None,
            )
            if asked is not None:
                return "appeal", asked
        if self.patterns.is_frame_verb("permission", lemma, word):
            # "allowed Iran to send aid", "let UN experts visit the camp", the one let often
            # parsed as the subject of a clause of its own
            if _sets_free(verb):
                return None  # "let free": a release
            permitted = complement or next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "ccomp"
                    and c.pos_ in ("VERB", "AUX")
                    and _children(c, {"nsubj"})
                    and (c.tag_ == "VB" or _to_infinitive(c))
                ),
                None,
            )
            return ("permission", permitted) if permitted is not None else None
        if complement is None and not self.patterns.is_frame_verb("appeal", lemma, word):
            return None  # only an appeal takes its act in another shape
        if (
            complement is None
            and lemma not in ("call", "tell")  # "called Moscow to express support": a phone call
            and _children(verb, {"dobj", "obj"})
        ):
            # "asked a coalition of groups, the X, to end a boycott": after a long object the parser
            # may read the appealed act as a purpose clause
            complement = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "advcl" and c.pos_ == "VERB" and _bare_infinitive(c)
                ),
                None,
            )
        if complement is None:
            # "wants Putin to attack": the parser may give the complement its own subject
            clause = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "ccomp"
                    and c.pos_ in ("VERB", "AUX")
                    and _to_infinitive(c)
                    and _children(c, SUBJECT_DEPS)
                ),
                None,
            )
            return ("appeal", clause) if clause is not None else None
        if (
            lemma in ORDERING_VERBS
            and complement is not None
            and not _children(complement, {"auxpass"})
            and any(
                o.lemma_.lower() not in OWN_FORCE_NOUNS for o in _children(verb, {"dobj", "obj"})
            )
        ):
            # "ordered Iraq to destroy its missiles": an order to another is a demand on it
            # ("ordered troops to attack": the orderer's own act, as decided; "ordered the
            # detainees to be freed": a release ordered, not a demand on the detainees)
            return "appeal", complement
        for frame in COMPLEMENT_FRAMES:
            if (
                frame == "appeal"
                and lemma == "call"
                and not any(c.lower_ in CALLED_ON_PREPS and c.i > verb.i for c in verb.children)
            ):
                continue  # "called Erdogan to apologise" is a phone call; "called on X to" appeals
            if self.patterns.is_frame_verb(frame, lemma, word):
                if (
                    frame == "appeal"
                    and not _children(verb, {"dobj", "obj"})
                    and not self._prep_objects([verb], CALLED_ON_PREPS)
                ):
                    # "wants to attack" is an intent, "wants Putin to attack" an appeal
                    if self.patterns.is_frame_verb("intent", lemma, word):
                        return "intent", complement
                    continue
                return frame, complement
        return None

    def _code_verb(
        self, verb: Token, mentions: list[Mention], consumed: set[int], trace: Trace | None
    ) -> list[CodedEvent]:
        if _claimed_by_noun(verb):
            # "an allegation (that) he assaulted X", "the report that Russians were paying
            # bounties": what a claim says is not reported as done, nor are its purposes
            consumed.add(verb.i)
            if trace:
                trace.add(verb, f"act claimed by '{verb.head.text}': not coded as done")
            return []
        if self._in_unreal_purpose(verb, consumed):
            if trace:
                trace.add(
                    verb, "purpose clause of a negated or already coded act: not coded on its own"
                )
            return []
        if _generic_description(verb):
            if trace:
                trace.add(
                    verb, "describes people in general ('Peruvians flying to Chile'): no event"
                )
            return []
        if self._demanded(verb):
            # nor are its own complements done ("that they refuse to recognise")
            consumed.add(verb.i)
            if trace:
                trace.add(verb, f"act demanded by '{verb.head.text}', not done: not coded")
            return []
        framed = self._frame_of(verb)
        if framed is not None and _ordered_out(verb):
            # "told two diplomats to leave": an expulsion, not an appeal to travel
            consumed.add(framed[1].i)
            framed = None
        intended: Token | None = None
        inner = self._frame_of(framed[1]) if framed is not None else None
        if (
            framed is not None
            and framed[0] in ("intent", "direct")
            and inner is not None
            and inner[0] == "appeal"
        ):
            # "vowed to press Kabul to free them", "tried to persuade Oslo to extradite him": the
            # appeal is the act, coded at its own verb (what it asks for is not done)
            if trace:
                trace.add(verb, f"its complement '{framed[1].text}' is an appeal, coded there")
            framed = None
        if framed is not None:
            frame_name, complement = framed
            # frames nest: "agreed to begin talks", "pledged to help restore ties"
            target_verb = (
                inner[1] if inner is not None and inner[0] in ("direct", "intent") else complement
            )
            if frame_name == "refusal" and inner is not None and inner[0] == "permission":
                # "refused to let UN helicopters land": the permission refused (1245)
                frame_name, target_verb = "refused permission", inner[1]
            # "proposed to dispatch engineers to assist X": with nothing to code in the act itself, its
            # purpose is what is offered, refused or appealed for (not what an appeal asks for:
            # "failed to persuade Oslo to extradite him" is no refusal to extradite)
            purposes = [
                c
                for c in target_verb.children
                if c.dep_ in ("advcl", "xcomp")
                and c.pos_ == "VERB"
                and _bare_infinitive(c)
                and not (inner is not None and inner[0] == "appeal" and c.i == inner[1].i)
            ]
            framed_events: list[CodedEvent] = []
            for candidate in [target_verb, *purposes]:
                for pattern, obj in self.match_verb_all(candidate, trace):
                    events = self._code_match(
                        pattern, obj, candidate, verb, frame_name, mentions, trace
                    )
                    if events:
                        consumed.update({complement.i, target_verb.i, candidate.i})
                        if obj is not None and obj.pos_ == "VERB":
                            consumed.add(obj.i)  # "agreed to halt fighting": no fighting coded
                        framed_events = events
                        break
                if framed_events:
                    break
            # "vowed to attack Ukraine and seize Kiev": a conjoined act with no subject of its own
            # is under the same frame
            for conj in target_verb.conjuncts:
                if (
                    conj.i < target_verb.i
                    or conj.pos_ != "VERB"
                    or _children(conj, SUBJECT_DEPS)
                    or _finite_after_infinitive(conj, target_verb)
                ):
                    continue
                for pattern, obj in self.match_verb_all(conj, trace):
                    events = self._code_match(pattern, obj, conj, verb, frame_name, mentions, trace)
                    if events:
                        framed_events += events
                        consumed.add(conj.i)
                        break
                if frame_name in UNREAL_FRAMES or frame_name == "intent":
                    # "have to end the feud and stop attacking X": not done either, only meant
                    consumed.add(conj.i)
            if not framed_events and frame_name in ("permission", "refused permission"):
                framed_events = self._international_permission(
                    verb, complement, target_verb, frame_name, mentions, trace
                )
                if framed_events:
                    consumed.update({complement.i, target_verb.i})
            if not framed_events and frame_name == "intent":
                intended = target_verb  # coded below if the frame verb has no pattern of its own
            if framed_events:
                return framed_events
            if trace:
                trace.add(
                    complement, f"complement of {frame_name} verb '{verb.text}' codes no event"
                )
            if frame_name in UNREAL_FRAMES:
                # "called on the minister to resign": the resignation is not done either way
                consumed.update({complement.i, target_verb.i})
        matches = self.match_verb_all(verb, trace)
        mode, via = "", None
        if matches or self.patterns.is_frame_verb("nominal", verb.lemma_.lower(), verb.lower_):
            # "the decision to expel", "its pledge to rebuild": the noun's frame; "is ready to send
            # troops", "Russia will send troops": an intent, like "vowed to send troops"
            noun_framed = self.noun_frame(verb)
            if noun_framed is not None:
                mode, via = noun_framed
            elif _after_ready(verb) or _announced_future(verb) or _conditional_act(verb):
                mode = "intent"
        for pattern, obj in matches:
            events = self._code_match(pattern, obj, verb, verb, mode, mentions, trace, via)
            if events:
                consumed.add(verb.i)
                if obj is not None and obj.pos_ == "VERB":
                    consumed.add(obj.i)  # "stopped shelling the town": no shelling coded
                return events
        events = self._code_nominal_act(verb, mode, mentions, consumed, trace)
        if not events and intended is not None:
            events = self._cooperative_intent(intended, verb, mentions, trace)
        if not events and _after_ready(verb):
            events = self._cooperative_intent(verb, verb.head, mentions, trace)
        return events

    def _international_permission(
        self,
        verb: Token,
        complement: Token,
        act: Token,
        frame_name: str,
        mentions: list[Mention],
        trace: Trace | None,
    ) -> list[CodedEvent]:
        """ "allowed UN helicopters to land", "refused to let aid agencies operate": an international
        body or aid group let (or not) do what no pattern codes is international involvement
        allowed (086; 0355 announced) or refused (1245), from who allows it to who is let."""
        refused = frame_name == "refused permission"
        allowing = complement if refused else verb
        if not refused and self.match_verb_all(allowing, None):
            return []  # "allowed UN peacekeepers to patrol": the verb's own pattern codes it
        let = _children(act, {"nsubj"}) or _children(allowing, {"dobj", "obj"})
        parties = [
            m
            for m in self._mentions(_with_conjuncts(let), mentions)
            if m.actor.igo or m.actor.sector in ("NGO", "IGO") or m.actor.code.startswith("IGO")
        ]
        subjects, passive = self._subject_tokens(verb)
        sources = [] if passive else self._mentions(subjects, mentions)
        sources = [s for s in sources if not any(_same_source(s, [p]) for p in parties)]
        if not parties or not sources or _negated(verb) and not refused:
            return []
        if refused:
            code = intent_code(self.patterns.frame("refusal").codes, "086")
        elif _announced_future(verb) or _after_ready(verb):
            code = intent_code(self.patterns.frame("intent").codes, "086")
        else:
            code = "086"
        events = [
            CodedEvent(
                source,
                party,
                act,
                verb,
                code,
                None,
                "subject, the one let",
                notes=[f"'{act.text}' let an international party act via '{allowing.lemma_}'"],
                origin="the permission frame",
            )
            for source in sources
            for party in parties
        ]
        if trace:
            for source in sources:
                for party in parties:
                    trace.add(
                        verb,
                        f"EVENT {source.actor.code} -> {party.actor.code} {code} "
                        "(an international party let act)",
                    )
        return events

    def _cooperative_intent(
        self, act: Token, frame_verb: Token, mentions: list[Mention], trace: Trace | None
    ) -> list[CodedEvent]:
        """ "agreed to build a clinic for Bolivia", "stands ready to help with the vote": a
        cooperative intent verb whose complement names no act of its own still expresses the intent
        to cooperate (030), aimed at whom the act is for or with; conjoined parties, at each other."""
        pattern = self.patterns.cooperative_intent
        if pattern is None or act.pos_ not in ("VERB", "AUX"):
            return []
        lemma = frame_verb.lemma_.lower()
        if lemma not in pattern.verbs and frame_verb.lower_ not in pattern.verbs:
            return []
        if act.lemma_.lower() in ADMITTING_VERBS or _compared(frame_verb):
            # "ready to admit", "willing to say": words, not cooperation; "harder than governments
            # are willing to admit": a comparison, no one's intent
            return []
        if act.lemma_.lower() in ENDURING_VERBS or self._conflict_act(act):
            # "ready to fight", "ready to go to war", "ready to die for the cause": a conflict
            # act with no one named to act on, or no act at all, is no cooperation
            if trace:
                trace.add(act, f"'{act.text}' is no cooperative act: no intent to cooperate")
            return []
        # the act's object is what it makes or does ("build a hospital for Bolivia"): no party itself,
        # but its prepositions may name one
        thing = next(iter(_children(act, {"dobj", "obj"})), None)
        owner = self._mention_for(thing, mentions) if thing is not None else None
        act_lemma = act.lemma_.lower()
        if act_lemma in ABOLISHING_VERBS or (act_lemma in SUSPENDING_VERBS and owner is not None):
            # "agreed to suspend parliament", "vowed to dissolve the assembly": shutting a body
            # down is no cooperation with it ("agreed to suspend the dispute" still is)
            if trace:
                trace.add(act, f"'{act.text}' shuts a body down: no intent to cooperate")
            return []
        if owner is not None and (owner.actor.country or owner.actor.igo):
            thing = None  # "agreed to protect Bolivia": the object is the party
        events = self._code_match(pattern, thing, act, frame_verb, "intent", mentions, trace)
        # "agreed to build a hospital": a thing built is no party to the intent
        named = [
            e
            for e in events
            if e.target is not None and (e.target.actor.country or e.target.actor.igo)
        ]
        if events and not named:
            for event in events:
                # ... but it is an intent of a state, a body or a role ("Romania agreed to set up
                # a centre", "opposition leaders agreed to"); a private person of no known country
                # or role ("Ivan Horvat agreed to answer questions"), or people of no country
                # ("residents would be willing to reopen shops"), is no event
                actor, head = event.source.actor, act.doc[event.source.head]
                anchored = (
                    actor.country
                    or actor.igo
                    or (actor.sector and actor.sector not in PRIVATE_PEOPLE_SECTORS)
                    or (not actor.sector and head.ent_type_ != "PERSON")
                )
                if anchored and all(event.source is not e.source for e in named):
                    event.target = None
                    named.append(event)
        for event in named:
            event.notes.append(GENERIC_INTENT_NOTE)
        return named

    def _conflict_act(self, act: Token) -> bool:
        """Whether a verb is one of our patterns of force (roots 18-20), its object or
        prepositional noun included ("fight", "go to war"), or another hostile act."""
        nouns = {
            n.lemma_.lower()
            for c in act.children
            for n in ([c] if c.dep_ in ("dobj", "obj") else _children(c, {"pobj"}))
        }
        if act.lemma_.lower() in HOSTILE_VERBS or (
            nouns & WAR_NOUNS and act.lemma_.lower() in WAR_MAKING_VERBS
        ):
            return True  # "ready to retaliate", "ready to take up arms"
        return any(
            pattern.code[:2] >= "18"
            and (not pattern.objects or bool(nouns & pattern.objects))
            and not pattern.imported
            for pattern in self.patterns.for_verb(act.lemma_.lower(), act.lower_)
        )

    def _code_nominal_act(
        self,
        verb: Token,
        frame_name: str,
        mentions: list[Mention],
        consumed: set[int],
        trace: Trace | None,
    ) -> list[CodedEvent]:
        """ "announced a freeze of aid to Laos", "approved the extradition of X": a noun
        naming an act, as the object of a verb that announces, orders or carries it out, is that
        act, done by the verb's subject."""
        if not self.patterns.is_frame_verb("nominal", verb.lemma_.lower(), verb.lower_):
            return []
        if verb.lemma_.lower() == "carry" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
        ):
            return []
        acts = self.patterns.frame("nominal").acts
        for noun in _children(verb, {"dobj", "obj"}):
            act = acts.get(noun.lemma_.lower())
            if act is None:
                continue
            for pattern, obj in self.match_nominal(noun, act, trace):
                events = self._code_match(pattern, obj, noun, verb, frame_name, mentions, trace)
                own = [e for e in events if _own_country_target(e)]
                if own:
                    # "completed the withdrawal of Britain from the EU": the subject's own country
                    # in the "of" phrase is the one that withdraws, not a party it acts on
                    events = [e for e in events if e not in own]
                    if not events:
                        own[0].target = None
                        events = own[:1]
                if events:
                    for event in events:
                        event.notes.append(f"act named by '{noun.text}' under '{verb.lemma_}'")
                    consumed.update({verb.i, noun.i})
                    return events
        return []

    def _yield_demanded(self, clause: Token) -> tuple[str, str] | None:
        """The demand code (105x, 1041) of a that-clause's act that its subject would yield, and the
        act's own code: "that Russia withdraw its troops" (0874) asks it to de-escalate (1056)."""
        if not self._demanded(clause):
            return None
        for pattern, _obj in self.match_verb_all(clause, None):
            asked = _demand_code(pattern.code)
            if asked is not None:
                return asked, pattern.code
        return None

    def _demanded(self, verb: Token) -> bool:
        """ "demanded that Peru withdraw", "insisted that the talks should resume": a that-clause in
        the subjunctive (a bare verb, or under should/must) after a verb of demanding or urging."""
        head = verb.head
        if verb.dep_ != "ccomp" or head.i == verb.i:
            return False
        demand_nouns = self.patterns.frame("appeal")["nouns"]
        if not (
            self._is_appeal(head)
            or head.lemma_.lower() in DEMAND_VERBS
            # "renewed its demand this week that X scrap the permits", the clause on the verb
            or any(
                o.lemma_.lower() in demand_nouns and o.i < verb.i
                for o in _children(head, {"dobj", "obj"})
            )
        ):
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"should", "must"}:
            return True
        if auxes - {"be"}:
            return False
        if any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children):
            return True  # "demanded that the sailors be released": a bare passive
        # a bare form is the subjunctive; a plural present ("that its partners refuse") reads as one
        # only after a verb that cannot report a claim ("insisted that they refuse" may be one)
        return verb.tag_ == "VB" or (verb.tag_ == "VBP" and head.lemma_.lower() == "demand")

    def _appealed_for(self, verb: Token, also: frozenset[str] = frozenset()) -> bool:
        """ "its call for Riyadh to end the blockade", "the demand that Washington lift sanctions":
        a "to" infinitive or a that-clause hanging from a noun of appeal or demand (or of ``also``:
        the offers a refusal turns down)."""
        noun = verb.head
        if verb.dep_ == "advcl" and noun.pos_ in ("VERB", "AUX") and _bare_infinitive(verb):
            # "rejected appeals to release X", parsed with the infinitive on the verb: the object
            # just before it is the noun it belongs to
            noun = next(
                (
                    o
                    for o in _children(noun, {"dobj", "obj"})
                    if o.i < verb.i and o.right_edge.i + 1 == verb.left_edge.i
                ),
                noun,
            )
        if (
            verb.dep_ not in ("acl", "advcl", "ccomp")
            or noun.pos_ != "NOUN"
            or (
                noun.lemma_.lower() not in self.patterns.frame("appeal")["nouns"]
                and noun.lemma_.lower() not in also
            )
        ):
            return False
        return any(
            (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ == "that")
            for c in verb.children
        ) or (verb.tag_ == "VB" and bool(_children(verb, SUBJECT_DEPS)))

    def noun_frame(self, verb: Token) -> tuple[str, Token] | None:
        """The frame a noun opens over ``verb``, its "to" infinitive, and the noun: "the decision to
        expel" (direct), "its pledge to help" (intent), "a refusal to meet" (refusal)."""
        noun = verb.head
        # (a bare "to" infinitive is sometimes parsed as a relative clause: "a consensus to share")
        if verb.dep_ not in ("acl", "relcl") or noun.pos_ != "NOUN" or not _bare_infinitive(verb):
            return None
        frame = self.patterns.noun_frame(noun.lemma_.lower())
        return (frame, noun) if frame is not None else None

    def _in_unreal_purpose(self, verb: Token, consumed: set[int]) -> bool:
        """ "refused to let Turkey sell arms to Iran": the selling is not reported as done."""
        if self._appealed_for(verb):
            return True  # "its call for Riyadh to end the blockade": asked for, not done
        if _for_subject_infinitive(verb) and verb.head.lemma_.lower() not in REALISED_FOR_HEADS:
            # "set a deadline for Kampala to free the detainees", "paved the way for Quito to
            # join": what someone is to do, not what they did ("it took a week for X to ..." did)
            return True
        if verb.dep_ not in ("xcomp", "advcl", "acl") or not _bare_infinitive(verb):
            return False
        head = verb.head
        governor = head.head if head.pos_ == "NOUN" else head
        if self.noun_frame(verb) is not None and (
            # "has no plans to", "shelved its plan to build a base": no act, nor one intended
            any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "never") for c in head.children)
            or (
                head.dep_ in ("dobj", "obj")
                and self.patterns.is_frame_verb(
                    "nominal", governor.lemma_.lower(), governor.lower_, "dropped"
                )
            )
        ):
            return True
        if self.noun_frame(verb) is not None:
            # "backed Peru's decision to expel": the decision is Peru's, whatever is said of it
            return _negated(governor) or _hypothetical(governor)
        if (
            _has_modal(governor, {"should", "must", "ought"})
            and (verb.dep_ == "advcl" or verb.dep_ == "xcomp" and _children(head, {"dobj", "obj"}))
            and not self.patterns.in_any_frame(
                COMPLEMENT_FRAMES, governor.lemma_.lower(), governor.lower_
            )
        ):
            return True  # "should use the money to support X": what is urged, not done
        if governor.lemma_.lower() in AVOIDING_VERBS and _negated(governor):
            return False  # "did not hesitate to criticize Chile": criticized
        if (
            _call_purpose(verb)
            and self.match_verb(verb) is not None
            and not (_negated(governor) or _hypothetical(governor))
        ):
            return False  # "phoned Erdogan to apologise": the apology is made on the call
        return _negated(governor) or _hypothetical(governor) or governor.i in consumed

    def _code_match(
        self,
        pattern: Pattern,
        consumed_object: Token | None,
        predicate: Token,
        trigger: Token,
        frame_name: str,
        mentions: list[Mention],
        trace: Trace | None,
        via: Token | None = None,
    ) -> list[CodedEvent]:
        """Code one pattern match, with the frame verb (``trigger``) it sits under, if any (or the
        frame noun, ``via``, the act is the infinitive of)."""
        framer = (via or trigger).lemma_
        code = pattern.code
        # the act's own root decides where its target is, whatever frame recodes it (an intent to
        # ease curbs on Brazilian beef still targets the beef's owner)
        root = pattern.code[:2]
        notes: list[str] = []
        unthinkable = frame_name == "out of the question"
        if unthinkable:
            frame_name = "refusal"
            notes.append("said to be out of the question")
        kept_open = frame_name == "kept open"
        if kept_open:
            # "has not ruled out sending troops": an act kept open is intended, or threatened
            frame_name = "intent"
            notes.append(f"not ruled out via '{framer}'")
        if (
            frame_name
            and root in FORCE_ROOTS
            and pattern.preps_only
            and pattern.needs_target
            and not pattern.objects
            and not any(c.lower_ in pattern.preps for c in predicate.children)
        ):
            # "called on the broadcaster to fire its editor": firing someone is no firing at anyone; the
            # use of force needs its preposition ("to fire on the protesters") whoever asks for it
            if trace:
                trace.add(predicate, f"pattern {code} '{pattern.name}': its preposition is missing")
            return []
        if (
            code == COERCE_CODE
            and predicate.lemma_.lower() in PRESSING_VERBS
            and any(c.dep_ in ("xcomp", "ccomp") and _to_infinitive(c) for c in predicate.children)
        ):
            # "pressured Lima to improve conditions for migrants": pressing for an act no pattern
            # names is a demand (100), not coercion
            code = DEMAND_CODE
            notes.append("pressed to act: a demand")
        permitter: Token | None = None
        refused_permission = frame_name == "refused permission"
        if refused_permission:
            frame_name = "permission"
        if frame_name == "permission":
            # "allowed Iran to send aid to Syria": the permission is the act (humanitarian access,
            # inspectors received, a protest allowed), the permitted act is not reported as done
            permitted = intent_code(self.patterns.frame("permission").codes, code)
            if permitted == code:
                if trace:
                    trace.add(trigger, f"pattern {code} permitted via '{framer}', no code: as done")
                return []
            allowing = predicate.head.lemma_ if refused_permission else framer
            notes.append(f"permission for {code} via '{allowing}'")
            code, permitter, frame_name = permitted, trigger, ""
            if refused_permission:
                # the one allowing is the verb the act hangs on; the refusal is the frame verb's
                permitter = predicate.head
                code = intent_code(self.patterns.frame("refusal").codes, code)
                notes.append(f"refused via '{trigger.lemma_}'")
            elif _announced_future(trigger) or _after_ready(trigger):
                code = intent_code(self.patterns.frame("intent").codes, code)
                notes.append("announced: intent")
        keeping = self.patterns.peacekeeping
        if (
            keeping is not None
            and code == keeping.deploy_code
            and (
                any(
                    t.lemma_.lower() in keeping.words
                    for head in (predicate, trigger)
                    for t in head.subtree
                    if t.dep_ not in SUBJECT_DEPS
                )
                # "offered to send soldiers to Chad to help its army": sent to help
                or any(
                    c.lemma_.lower() in keeping.purposes
                    for c in predicate.children
                    if c.dep_ in ("advcl", "xcomp") and _bare_infinitive(c)
                )
            )
        ):
            # "deployed 80 soldiers to Haiti for a peacekeeping operation": troops sent to keep the
            # peace are military protection, not a build-up against the country
            code = keeping.code  # the deployment's own root still finds where they went
            notes.append("troops sent to keep the peace")
        elif (
            keeping is not None
            and predicate.lemma_.lower() in ARRIVAL_VERBS
            and any(t.lemma_.lower() in keeping.words for t in predicate.subtree)
            and any(
                s.lemma_.lower() in keeping.words
                or getattr(self.agents.get(s.lower_), "sector", None) == "MIL"
                for subject in self._subject_tokens(trigger)[0]
                # "hundreds of Irish troops": what the count counts
                for s in (subject, *self._prep_objects([subject], frozenset({"of"})))
            )
        ):
            # "Chinese peacekeepers arrived in South Sudan", "British troops arrived in Mali to join
            # the UN peacekeeping mission": peacekeepers deployed, not a visit
            code = keeping.code
            notes.append("peacekeepers arriving")
        negated = not kept_open and (
            _negated(trigger)
            or (predicate.i != trigger.i and _negated(predicate))
            or _readiness_negated(trigger)
        )
        if _hypothetical(trigger) or (
            # "will decide whether to expel the ambassador": an open question, not an act
            predicate.i != trigger.i
            and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in predicate.children)
        ):
            if trace:
                trace.add(
                    trigger, f"pattern {code} matched but the clause is hypothetical: no event"
                )
            return []
        if (
            code[:2] == CONSULT_ROOT
            and predicate.dep_ == "acl"
            and predicate.head.lemma_.lower() in DOCUMENT_NOUNS
        ):
            # "issued statements speaking of an incursion": a document says, it meets no one
            if trace:
                trace.add(trigger, f"pattern {code}: a document speaking is no consultation")
            return []
        obliged = obligation(trigger) or (obligation(predicate) if predicate.i != trigger.i else "")
        attempt = frame_name in ("intent", "direct") and framer.lower() in ATTEMPT_VERBS
        if attempt and (code[:2] in FORCE_ATTEMPT_ROOTS or code in FORCE_ATTEMPT_CODES):
            # "tried to hack into", "attempted to kill": an attempted use of force is that use of
            # force, as CAMEO codes it (an attempt to assassinate has a code of its own, 185)
            code = ATTEMPTED_CODES.get(code, code)
            notes.append(f"attempted via '{framer}'")
        elif (
            frame_name == "intent"
            and code == DEPLOYMENT_CODE
            and framer.lower() in self.patterns.frame("intent")["cooperative"]
            and any(p.lower_ == "to" for p in _children(predicate, {"prep"}))
        ):
            # "pledged to send two battalions to Estonia": troops pledged to a country are an
            # intent to protect it (0334), not a threat against it
            code = PLEDGED_TROOPS_CODE
            notes.append(f"troops pledged via '{framer}'")
        elif frame_name == "intent":
            code = (
                code
                if code.startswith("03")
                else intent_code(self.patterns.frame("intent").codes, code)
            )
            notes.append(f"intent via '{framer}'")
        elif frame_name == "refusal" or (negated and _has_modal(trigger, FUTURE_MODALS)):
            table = self.patterns.frame("refusal" if frame_name == "refusal" else "negation").codes
            refused = intent_code(table, code)
            if refused == code or (frame_name == "refusal" and negated):
                if trace:
                    trace.add(
                        trigger, f"pattern {code} refused or negated with no refusal code: no event"
                    )
                return []
            notes.append(f"refusal of {code} via '{framer}'" + (" (negated)" if negated else ""))
            code = refused
            negated = False
        elif frame_name == "denial":
            denied = self.patterns.frame("denial").codes.get(code[:2])
            if denied is None or negated:
                if trace:
                    trace.add(trigger, f"pattern {code} denied via '{framer}', no code: no event")
                return []
            notes.append(f"denial of {code} via '{framer}'")
            code = denied
        elif frame_name == "halt":
            halted = intent_code(self.patterns.frame("halt").codes, code)
            if halted == code or negated:
                if trace:
                    trace.add(
                        trigger, f"pattern {code} halted via '{framer}', no halt code: no event"
                    )
                return []
            notes.append(f"halt of {code} via '{framer}'")
            code = halted
        elif frame_name == "appeal" and trigger.lemma_.lower() in DEMANDING_VERBS:
            notes.append(f"demand for {code} via '{trigger.lemma_}'")
            code = demand_code(code)
        elif frame_name == "appeal":
            notes.append(f"appeal for {code} via '{trigger.lemma_}'")
            code = self._appeal_code(code)
        elif frame_name == "direct":
            notes.append(f"decided or scheduled via '{framer}'")
        if negated:
            if trace:
                trace.add(trigger, f"pattern {code} matched but the predicate is negated: no event")
            return []
        if root == CONSULT_ROOT and _on_condition_of_anonymity(predicate):
            # "officials, speaking on condition of anonymity, said ...": who told the news, no talks
            if trace:
                trace.add(trigger, f"pattern {code}: speaking on condition of anonymity, no talks")
            return []
        figurative = self.patterns.figurative
        if (
            figurative is not None
            and predicate.lemma_.lower() in figurative.contest_verbs
            and any(
                t.lemma_.lower() in figurative.contests
                for t in predicate.subtree
                if t.dep_ not in SUBJECT_DEPS
            )
        ):
            # "narrowly beat Clinton in Wisconsin", "beat Chile in the final": a win, not a blow
            if trace:
                trace.add(trigger, f"pattern {code}: a win in a contest, not a use of force")
            return []
        if (
            figurative is not None
            and root in FORCE_ROOTS
            and any(
                _object_words(aim) & figurative.problems
                for aim in _direct_objects(predicate, {"dobj", "obj"})
                + self._prep_objects([predicate], frozenset({"against"}))
                if consumed_object is None or aim.i != consumed_object.i
            )
            or (
                figurative is not None
                and root in FORCE_ROOTS
                and consumed_object is not None
                # the light verb's own noun is the act, not what it fights: "opened fire on
                # protesters" is no fight against a fire; its compounds still name the foe
                # ("waged a malaria offensive")
                and bool(
                    (_object_words(consumed_object) - {consumed_object.lemma_.lower()})
                    & figurative.problems
                )
            )
        ):
            # "fought the measles epidemic in Chad", "battling wildfires": no party is hit
            if trace:
                trace.add(
                    trigger,
                    f"pattern {code}: aimed at a disease, an ill or a camera shot, no use of force",
                )
            return []
        if pattern.code in EMERGENCY_CODES and any(
            t.pos_ in ("NOUN", "PROPN")
            and (t.lemma_.lower() in DISASTER_WORDS or t.lower_ in DISASTER_WORDS)
            for t in predicate.subtree
        ):
            # "declared a state of emergency over the outbreak", "ahead of the hurricane": a
            # disaster met, no one repressed
            if trace:
                trace.add(trigger, f"pattern {code}: an emergency over a disaster or a disease")
            return []
        subjects, passive = self._subject_tokens(trigger)
        if (
            figurative is not None
            and root in FORCE_ROOTS
            and not passive
            and any(
                t.lemma_.lower() in figurative.objects
                and t.dep_ == "nsubj"
                and t.head.i == trigger.i  # not the owner of "a decision to deploy troops"
                and mention_at(mentions, t) is None
                for t in subjects
            )
        ):
            # "the president's comments wounded Algeria", "the decision hit farmers": words and
            # decisions strike no one by force
            if trace:
                trace.add(trigger, f"pattern {code}: done by words or a decision, no force")
            return []
        if (
            figurative is not None
            and (code in figurative.recodes or pattern.code in figurative.recodes)
            and predicate.lemma_.lower() in figurative.verbs
            and _said_of(predicate, figurative, self.patterns.weapons)
        ):
            # "attacked the senator for the vote", "attacked the ruling": words, not blows ("vowed
            # to fight the tariffs": the intent of it)
            code = (
                figurative.code
                if code in figurative.recodes or frame_name != "intent"
                else intent_code(self.patterns.frame("intent").codes, figurative.code)
            )
            notes.append("said of words or conduct: criticism, not force")
        weapons = self.patterns.weapons
        if weapons is not None and weapons.refines(code):
            # "downed by a missile", "two died in an air raid": the weapon says how
            weapon = _weapon_code(predicate, consumed_object, weapons)
            if weapon is not None:
                code = weapon
                notes.append(f"weapon: {weapons.kinds[weapon][0]}")
        roots = {root, code[:2]}  # the act's root and the root it is coded under

        if (
            frame_name == "appeal"
            and pattern.place_target
            and pattern.needs_target
            and not (
                self._prep_objects([predicate], pattern.preps)
                or (not pattern.preps_only and _children(predicate, {"dobj", "obj"}))
            )
        ):
            # "told the reporters to go home", "asked the crowd to leave the square": a journey
            # with no destination named is no appeal to meet anyone
            if trace:
                trace.add(
                    trigger, f"pattern {pattern.code} asked for with no destination: no event"
                )
            return []
        if permitter is not None or frame_name == "appeal":
            # an appeal goes from the subject to the one appealed to ("urged Chile to", "called on
            # Iran to"), a permission from who allows it to who is let ("allowed UN agencies to")
            asker = permitter if permitter is not None else trigger
            askers = self._subject_tokens(asker)[0]
            sources = self._mentions(askers, mentions)
            frame = "subject, the one let" if permitter is not None else "subject, appealed to"
            if not sources:
                # "Chile said it would let the agencies bring in food"
                sources = self._speaker_for_pronoun(askers, asker, mentions)
                if sources:
                    frame += ", pronoun for the speaker"
                    notes.append("the reported clause's pronoun subject is its speaker")
            addressees = (
                _children(asker, {"dobj", "obj"})
                or self._prep_objects([asker], CALLED_ON_PREPS)
                or _children(predicate, SUBJECT_DEPS)
            )
            targets = self._mentions(_with_conjuncts(addressees), mentions)
            return self._emit(
                sources,
                targets,
                predicate,
                trigger,
                code,
                pattern,
                frame,
                notes,
                trace,
                symmetric=False,
            )

        if passive and frame_name and predicate.i != trigger.i:
            passive = False  # "Obama is scheduled to attend": Obama attends
        frame = "subject"
        target_tokens: list[Token] = []
        heads = [predicate] + ([consumed_object] if consumed_object is not None else [])
        if predicate.pos_ in ("NOUN", "PROPN") and trigger.i != predicate.i:
            heads.append(trigger)  # "announced the deployment of troops to Liberia"
        if consumed_object is None and (partner := _shared_object_verb(predicate)) is not None:
            # "donated and delivered rice to North Korea": the next verb's phrases are shared
            heads += [partner, *_children(partner, {"dobj", "obj"})]
        if consumed_object is not None:
            # "launched rocket and drone strikes on X": the preposition may hang on a conjunct
            heads += list(consumed_object.conjuncts)
            # "relaxed the curbs placed on X": the object's participle names the target
            heads += _children(consumed_object, {"acl"})
            # "suspended part of an aid programme for Bosnia", "10 million euros in aid to the
            # Palestinians": what is measured has the target
            heads += _measured(consumed_object)
            if _is_money(consumed_object):
                # "pledged $40 million in relief for X", with "in relief" hung on the verb
                heads += self._prep_objects([predicate], frozenset({"in"}))
        if passive:
            agent_tokens = self._agents(predicate)
            if roots & FORCE_ROOTS and self.patterns.figurative is not None:
                # "passengers killed by a Lufthansa crash": an accident or a disaster
                # kills, and whose plane or country it struck is no attacker
                agent_tokens = [
                    a
                    for a in agent_tokens
                    if a.lemma_.lower() not in ACCIDENTS
                    and not _object_words(a) & self.patterns.figurative.problems
                ]
            sources = self._mentions(agent_tokens, mentions)
            if not sources and roots & FORCE_ROOTS:
                # "killed by Russian shelling", parsed with the nationality as the agent and
                # "shelling" as a verb of its own: the nationality wielded it
                agents = {t.i for t in self._agents(predicate)}
                sources = [m for m in mentions if m.rule == "modifier" and m.head in agents][:1]
            if (
                not sources
                and code in EXPULSION_CODES
                and predicate.lemma_.lower() not in WITHDRAWAL_VERBS
            ):
                # "two inspectors were expelled from North Korea": the country they were put out of
                sources = [
                    m
                    for m in self._mentions(
                        self._prep_objects([predicate], frozenset({"from"})), mentions
                    )
                    if m.rule in PLACE_RULES
                ]
            if not sources and roots & FORCE_ROOTS:
                # "a mortar was fired at Israel from Gaza": where it came from is who fired it
                # (a place: "students were kidnapped from a school in Kaduna" names no kidnapper)
                sources = [
                    m
                    for m in self._mentions(
                        self._prep_objects([predicate], frozenset({"from"})), mentions
                    )
                    if m.rule in PLACE_RULES
                ]
            frame = "passive agent"
            if not sources and code == RELEASE_CODE:
                # "two Russians held by the government in Libya were released": who held them
                # let them go; "fishermen held captive in Libya were freed": that country did
                sources = self._holders(subjects, mentions)
                if sources:
                    frame = "passive, who held them"
            if not sources and code in (ARREST_CODE, RELEASE_CODE):
                # "a reporter was held in Chad on Friday", "prisoners were released in Tripoli":
                # the country's authorities did it
                sources = [
                    m
                    for m in self._mentions(
                        self._prep_objects([predicate], frozenset({"in"})), mentions
                    )
                    if m.rule in ("country", "capital-metonym")
                ][:1]
                if sources:
                    frame = "passive, the country it happened in"
                    notes.append(INFERRED_AGENT_NOTE)
            if not sources and code in SELF_PASSIVE_CODES:
                # "3,000 rebel fighters have been demobilized", "200 peacekeepers were pulled out
                # of X": the force stood down or was taken out by its own side
                sources = self._mentions(_with_conjuncts(subjects), mentions)
                if sources:
                    frame = "passive, the force stood down"
            if not sources and roots & {"18", "19"}:
                # "six Chadian soldiers were killed in Niger": a foreign force hit in a country
                # with no one named was hit by that country's side
                victims = self._mentions(_with_conjuncts(subjects), mentions)
                forces = {
                    v.actor.country
                    for v in victims
                    if v.actor.country and v.actor.sector in ("MIL", "COP")
                }
                hosts = [
                    m
                    for m in self._mentions(
                        self._prep_objects([predicate], frozenset({"in"})), mentions
                    )
                    if m.rule == "country" and m.actor.country not in forces
                ][:1]
                if forces and hosts:
                    sources = hosts
                    frame = "passive, the country its foreign forces were hit in"
                    notes.append(INFERRED_AGENT_NOTE)
            if not sources and consumed_object is not None and roots & OWN_MEASURE_ROOTS:
                # "EU sanctions on Belarus were eased", "Japanese aid to Laos was cut": with
                # no agent, the owner of the measure is who lifted or cut it
                doc = predicate.doc
                sources = [
                    m
                    for m in mentions
                    if m.head >= 0
                    and doc[m.head].head.i == consumed_object.i
                    and doc[m.head].dep_ in ("compound", "amod", "nmod", "poss")
                    and doc[m.head].i < consumed_object.i
                ]
                if sources:
                    frame = "passive, owner of the measure"
            if not sources and roots & FORCE_ROOTS:
                # "died in a raid by army units", "killed in a Turkish drone strike"
                # "blown up by a missile fired by X": the instrument's author
                in_objects = self._prep_objects([predicate], frozenset({"in"}))
                sources = self._instrument_authors(in_objects + self._agents(predicate), mentions)
                if sources:
                    frame = "passive, author of the instrument"
                if not sources:
                    # "soldiers were killed in clashes with Kurdish militants": the other side
                    fights = [o for o in in_objects if o.lemma_.lower() in FIGHT_NOUNS]
                    victims = self._mentions(subjects, mentions)
                    sources = [
                        m
                        for m in self._mentions(
                            self._prep_objects(fights, frozenset({"with"})), mentions
                        )
                        if not _same_source(m, victims)
                    ]
                    if sources:
                        frame = "passive, the other side of the fight"
                if not sources and roots & VIOLENCE_ROOTS:
                    # "were killed in a roadside bombing", "a diplomat was kidnapped": by
                    # someone the sentence does not name
                    sources = self._unknown_perpetrator(
                        in_objects + self._agents(predicate), predicate, True, mentions
                    )
                    if sources:
                        frame = "passive, unknown author of the attack"
            target_tokens = subjects
            if code == MEDIATION_CODE and predicate.dep_ == "acl":
                # "agreed to a truce under a deal brokered by Russia": the parties to the deal
                # are the subjects of the clause it is in
                clause = predicate.head
                while clause.head.i != clause.i and (
                    clause.pos_ not in ("VERB", "AUX") or clause.dep_ in ("pobj", "pcomp")
                ):
                    clause = clause.head  # past a gerund: "end the fighting under a deal"
                parties, parties_passive = self._subject_tokens(clause)
                if not parties_passive:
                    target_tokens = subjects + parties
            if not sources and (code[:2] == POSTURE_ROOT or code == PEACEKEEPING_CODE):
                # "British troops were deployed to Estonia": with no agent, the forces sent stand
                # for whoever sent them, and go to the place named
                sources = [
                    m
                    for m in self._mentions(subjects, mentions)
                    if m.actor.country and m.actor.sector == "MIL"
                ]
                if sources:
                    frame, target_tokens = "passive, the forces sent", []
            if pattern.preps_only and not any(
                c.lower_ in pattern.preps
                and (c.dep_ == "prt" or c.dep_ == "prep" and not _children(c, {"pobj"}))
                for c in predicate.children
            ):
                # "was called on to withdraw" strands its preposition; "was called by X on
                # Friday" is no "called on": the call is 041's
                target_tokens = []
        elif pattern.reverse:
            sources = self._mentions(self._prep_objects(heads, pattern.preps), mentions)
            targets = self._mentions(subjects, mentions)
            return self._emit(
                sources,
                targets,
                predicate,
                trigger,
                code,
                pattern,
                "reverse: from-object to subject",
                notes,
                trace,
                symmetric=False,
            )
        else:
            sources = self._mentions(subjects, mentions)
            if not sources and code[:2] in DOCUMENT_ROOTS:
                # "a paper published in the Chilean capital charged": who issued the document
                sources = self._issuers(subjects, mentions)
                if sources:
                    frame = "issuer of the document"
            # the direct object is a target unless the pattern's own object word is that object
            if pattern.preps_only:
                target_tokens = []  # "left Beijing": where the trip began
            elif consumed_object is None or consumed_object.dep_ == "pobj" or pattern.object_target:
                target_tokens = _with_conjuncts(
                    _direct_objects(predicate, {"dobj", "obj", "dative"})
                )
                if consumed_object is not None and consumed_object.dep_ == "nsubj":
                    target_tokens.append(consumed_object)  # the misparsed "-ing" clause's subject
            else:  # "gave Tanzania a grant": the indirect object receives what the pattern names
                target_tokens = _with_conjuncts(_children(predicate, {"dative"}))
                if consumed_object.dep_ == "ccomp":
                    # "allowed UN agencies access", misparsed as a clause: its subject is given it
                    target_tokens += _with_conjuncts(_children(consumed_object, {"nsubj"}))
        target_tokens += self._prep_objects(heads, pattern.preps)
        if (
            code == MEDIATION_CODE
            and "between" in pattern.preps
            and not self._mentions(target_tokens, mentions)
        ):
            # "brokered a deal establishing relations between A and B", "mediated an agreement
            # ending the war between A and B": the parties are named inside the deal's clause
            acts = [
                o
                for deal in _direct_objects(predicate, {"dobj", "obj"})
                for clause in _children(deal, {"acl"})
                for o in _children(clause, {"dobj", "obj"})
            ]
            target_tokens += self._prep_objects(acts, frozenset({"between"}))
        if "for" in pattern.preps:
            # "set a deadline for the agency to make reforms": "for X to" names X
            target_tokens += [
                subject
                for head in heads
                for clause in _children(head, {"advcl", "acl", "relcl"})
                if any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)
                for subject in _children(clause, {"nsubj"})
            ]
        if consumed_object is not None and consumed_object.pos_ == "VERB":
            # "stopped shelling Gaza": what the halted act was done to
            target_tokens += _with_conjuncts(_children(consumed_object, {"dobj", "obj"}))
        targets = self._mentions(target_tokens, mentions)
        if not targets and _call_purpose(predicate):
            # "called Erdogan to apologise": said to the one called
            targets = self._mentions(_children(predicate.head, {"dobj", "obj"}), mentions)
            if targets:
                frame += ", the one called"
        if pattern.actor_object:
            # "received Peru's nomination", "welcomed Chile's offer": an actor owning or named in
            # the object is no guest ("hosted the Chinese delegation", "his counterpart, X" are)
            named = {t.i for t in target_tokens}
            doc = predicate.doc
            targets = [
                t
                for t in targets
                if any(i in named for i in range(t.start, t.end))
                or (doc[t.head].dep_ == "appos" and doc[t.head].head.i in named)
            ]
        if consumed_object is not None and not pattern.object_target:
            # "reinforced its brigades in the Baltics": the consumed object's own phrase is no target
            targets = [
                t
                for t in targets
                if not (
                    t.start <= consumed_object.i < t.end and not (t.actor.country or t.actor.igo)
                )
                # "completed the withdrawal of its brigades from X": the act's "of" object is what
                # is withdrawn, not whom it is done to
                and not (_of_object(consumed_object, predicate) and t.head == consumed_object.i)
            ]
        if not targets and consumed_object is None and not passive and not pattern.preps_only:
            # "demanded the removal of X", "sought support from X": a bare verb's object that is no
            # actor may still name one through the pattern's prepositions
            objects = _with_conjuncts(_direct_objects(predicate, {"dobj", "obj"}))
            targets = self._mentions(self._prep_objects(objects, pattern.preps), mentions)
            if any(
                (noun_pattern := self.match_noun(o)) is not None
                and noun_pattern.code == RELEASE_CODE
                for o in objects
            ):
                targets = []  # "demanded the release of X": coded with the release asked for
            if targets:
                frame += ", through the object"
        if not targets and consumed_object is not None and roots & RECIPIENT_ROOTS and not passive:
            # "sent supplies and doctors to Nepal", with "to Nepal" hung on the doctors; "lifted
            # sanctions on exports to India": the recipient is named deeper in the object's phrase
            targets = [
                t
                for t in self._mentions(
                    _nested_prep_objects(consumed_object, pattern.preps), mentions
                )
                if not t.start <= consumed_object.i < t.end  # "its ambassador to Moscow"
            ]
            if targets:
                frame += ", inside the object's phrase"
        if not targets and consumed_object is not None and roots & RECIPIENT_ROOTS and not passive:
            # "supplied most of the arms Armenia has bought": who received what was given
            targets = self._mentions(
                [
                    subject
                    for thing in (consumed_object, *_measured(consumed_object))
                    for clause in _children(thing, {"relcl"})
                    if clause.lemma_.lower() in RECEIVING_VERBS
                    for subject in _children(clause, {"nsubj"})
                ],
                mentions,
            )
            if targets:
                frame += ", who received it"
        if not targets and code.startswith(RETURN_CODE_PREFIX) and not passive:
            # "will return the cattle seized from Kenyan herders": whom they were taken from
            taken = [
                p
                for o in _with_conjuncts(_direct_objects(predicate, {"dobj", "obj"}))
                for v in _children(o, {"acl", "relcl"})
                if v.tag_ == "VBN" and v.lemma_.lower() in TAKING_VERBS
                for p in self._prep_objects([v], frozenset({"from"}))
            ]
            targets = self._mentions(taken, mentions)
            if targets:
                frame += ", whom it was taken from"
        if not targets and roots & RECIPIENT_ROOTS and not passive:
            # "won't ease the tariffs till Brazil changes its rules": what the other side must
            # do first names it
            conditions = [
                c
                for head in {predicate.i: predicate, trigger.i: trigger}.values()
                for c in _children(head, {"advcl"})
                if any(m.dep_ == "mark" and m.lower_ in PRECONDITION_MARKS for m in c.children)
            ]
            targets = [
                t
                for t in self._mentions(
                    [s for c in conditions for s in _children(c, {"nsubj"})], mentions
                )
                if not any(_same_actor(t, s) for s in sources)
            ]
            if targets:
                frame += ", the side a condition names"
        if not targets and pattern.place_target and pattern.preps and not passive:
            # "pulled back from the Chilean side of the border", "from the Chilean to the Peruvian":
            # a side or part of a country named by its nationality
            sides = [
                t
                for t in self._prep_objects([predicate], pattern.preps)
                if t.lemma_.lower() in SIDE_NOUNS or t.ent_type_ == "NORP"
            ]
            # the side's nationality, or the nationality standing alone ("from the Chilean")
            targets = (
                self._owners(sides, mentions)[:1]
                or [
                    m
                    for m in mentions
                    if m.rule == "modifier" and any(m.start <= t.i < m.end for t in sides)
                ][:1]
            )
            if targets:
                frame += ", the side named"
        if (
            not targets
            and "with" in pattern.preps
            and not passive
            and code[:2] in WITH_OBJECT_ROOTS
        ):
            # "discussed the case with Trump": the parser hangs the partner on the object
            partners = [
                p
                for o in _direct_objects(predicate, {"dobj", "obj"})
                if o.pos_ == "NOUN" and not any(m.start <= o.i < m.end for m in mentions)
                for p in self._prep_objects([o], frozenset({"with"}))
            ]
            targets = [
                t for t in self._mentions(partners, mentions) if not any(t is s for s in sources)
            ]
            if targets:
                frame += ", partner hung on the object"
        if not targets and not passive and roots & FORCE_ROOTS:
            # "launched missiles targeting US troops", "an attack aimed at Chilean bases": the
            # participle after the act, or its object, says whom it struck
            aimed = [
                g
                for o in [predicate, *_direct_objects(predicate, {"dobj", "obj"})]
                for c in o.children
                if c.dep_ in ("acl", "advcl", "xcomp")
                and c.tag_ in ("VBG", "VBN")  # a participle, not "if Iran strikes X"
                and not _children(c, {"nsubj", "mark"})
                and c.lemma_.lower() in AIMING_VERBS
                for g in (
                    _children(c, {"dobj", "obj"})
                    if c.lemma_.lower() != "aim"
                    else self._prep_objects([c], frozenset({"at"}))
                )
            ]
            targets = [
                t
                for t in self._mentions(aimed, mentions)
                if not any(_same_actor(t, s) for s in sources)
            ] or [
                o
                for o in self._owners(aimed, mentions)
                if o.actor.country and all(o.actor.country != s.actor.country for s in sources)
            ]
            if targets:
                frame += ", whom it was aimed at"
        if not targets and pattern.clause_target and not passive:
            # "demanded that Japan halt the exports", "alleged that Kenya had trained the rebels"
            clauses = [
                c
                for c in _children(predicate, {"ccomp"})
                if not code.startswith("10") or self._demanded(c)  # "insisted that X had": a claim
            ]
            if consumed_object is not None:
                # "reiterated its demand that Washington lift sanctions": the noun's own clause
                clauses += [c for c in consumed_object.children if self._appealed_for(c)]
            # "insisted on its demand that X raise wages": the clause of the noun insisted on
            clauses += [
                c
                for noun in self._prep_objects([predicate], CALLED_ON_PREPS)
                for c in noun.children
                if self._appealed_for(c)
            ]
            clause_subjects = []
            for clause in clauses:
                subject, passive_clause = self._subject_tokens(clause)
                # "alleged that X was poisoned by Y": Y is accused, X suffered it
                clause_subjects += self._agents(clause) if passive_clause else subject
            targets = self._mentions(clause_subjects, mentions)
            if targets:
                frame += ", subject of the that-clause"
                if code == DEMAND_CODE:
                    # "demanded that Russia withdraw its troops": a demand named by what it asks
                    # the target to yield (1056), as "demanded the release of X" is 1053
                    asked = next(
                        (a for a in map(self._yield_demanded, clauses) if a is not None), None
                    )
                    if asked is not None:
                        code, act = asked
                        notes.append(f"demand for {act} in the that-clause")
        if not targets and any(t.lower_ in SPEAKER_PRONOUNS for t in target_tokens):
            # "Israel said a mortar was fired at it": the pronoun object of a reported clause is its speaker
            speakers = [
                m for m in self._speaker_of(trigger, mentions) if all(m is not s for s in sources)
            ]
            if speakers:
                targets, frame = speakers[:1], frame + ", pronoun object for the speaker"
        if not targets and not passive and roots & AUTHOR_TARGET_ROOTS:
            # "condemned the attack by Syrian rebels", "an inquiry into abuses committed by Peruvian
            # troops": judging or probing an act is judging or probing its author
            acts = target_tokens + ([consumed_object] if consumed_object is not None else [])
            acts += self._prep_objects(acts, frozenset({"of"}))  # "the killing of civilians by ..."
            targets = self._mentions(self._authors(acts), mentions)
            if targets:
                frame += ", author of the act"
            else:  # "condemned the coup in Niger", "an inquiry into the violence in Syria"
                places = self._prep_objects(
                    [t for t in acts if t.pos_ == "NOUN"], frozenset({"in", "inside"})
                )
                targets = [m for m in self._mentions(places, mentions) if m.rule in PLACE_RULES]
                if targets:
                    frame += ", where the act happened"
        if (
            not targets
            and (roots & OWNED_OBJECT_ROOTS or pattern.object_target)
            and not pattern.actor_object
        ):
            # "demolished the Russian building", "freed Palestinian prisoners": the object's nationality
            targets = self._owners(
                target_tokens + ([consumed_object] if consumed_object is not None else []),
                mentions,
                belonging=bool(roots & BELONGING_ROOTS),
            )
            # "threatened to pull US funding": a state's own thing names no target (rebels storming
            # their country's base do have one)
            own = {
                s.actor.country
                for s in sources
                if s.actor.country and (s.actor.sector or "GOV") in STATE_SECTORS
            }
            targets = [t for t in targets if t.actor.country not in own]
            if roots <= COOPERATION_ROOTS:
                # "supported peasant farming": a role word with no country owns no policy backed (a
                # conflict's does: "stormed a police headquarters", "rejected rebel demands")
                targets = [t for t in targets if t.actor.country or t.actor.igo]
            if targets:
                frame += ", owner of the object"
        if not targets and frame_name == "refusal" and trigger.i != predicate.i:
            # "rejected an Egyptian offer to mediate", "turned down Qatar's invitation to attend",
            # "rejected a call from Chile to reopen the border": with no one named in the act, the
            # offer or request turned down is whose it is
            offers = [
                o for o in _children(trigger, {"dobj", "obj"}) if o.lemma_.lower() in OFFER_NOUNS
            ]
            owners = self._owners(offers, mentions) + [
                m
                for o in offers
                # "Qatar's invitation", "a call from Chile", "a request by Peru"
                for c in [*_children(o, {"poss"}), *self._prep_objects([o], OFFER_AUTHOR_PREPS)]
                if c.pos_ != "PRON" and (m := mention_at(mentions, c)) is not None
            ]
            targets = [t for t in _dedupe(owners) if t not in sources]
            if targets:
                frame += ", whose offer is refused"
        if not targets and pattern.preps and not passive and root in TALK_ROOTS:
            # "walked out of the talks with Israel", "withdrew from negotiations with the EU": the
            # other party to the talks left or broken off (an appeal "for talks between A and B"
            # goes to A and B on its own terms)
            particles = [p for h in heads for p in _bare_particles(h)]  # "out" of "out of"
            talks = [
                t
                for t in self._prep_objects(heads + particles, pattern.preps)
                if t.lemma_.lower() in TALK_NOUNS
            ]
            targets = self._mentions(
                self._prep_objects(talks, frozenset({"with", "between"})), mentions
            )
            targets = [t for t in targets if not _same_source(t, sources)]
            if targets:
                frame += ", party to the talks"
        if not targets and root in ("03", "07") and pattern.preps:
            # "promised aid to the flooded Bolivian villages": whose the recipients are (not whose
            # the goods are: "sent Russian-made jets" names no recipient)
            targets = self._owners(self._prep_objects(heads, pattern.preps), mentions)
            if targets:
                frame += ", owner of the recipient"
        if not targets and not passive and roots & ANSWER_ROOTS:
            # "refused all cooperation with the tribunal", "turned down a plea by the premier",
            # "would not accept a proposal made by the Commission", "rejected Qatar's invitation"
            objects = target_tokens + ([consumed_object] if consumed_object is not None else [])
            # "welcomed the resumption of talks with Iran": the partner of the relation the object
            # is a stage of; "praised the deal with Iran", parsed with "with Iran" on the verb
            relations = [
                r
                for r in self._prep_objects(
                    [o for o in objects if o.lemma_.lower() in GROWTH_NOUNS], frozenset({"of"})
                )
                if r.lemma_.lower() in RELATION_NOUNS
            ]
            partners = [
                p
                for o in objects
                if o.lemma_.lower() in RELATION_NOUNS
                for p in _children(predicate, {"prep"})
                if p.lower_ in ("with", "between") and p.i == o.right_edge.i + 1
            ]
            # (not where a departure is from: "the exit of Britain from the EU" is Britain's)
            targets = self._mentions(
                self._prep_objects(
                    [o for o in objects if o.lemma_.lower() not in DOER_NOUNS] + relations,
                    frozenset({"from", "with", "between"}),
                )
                + _with_conjuncts([c for p in partners for c in _children(p, {"pobj"})])
                + self._authors(objects)
                # (a pronoun is most often the subject's own: "expressed its support")
                + [p for o in objects for p in _children(o, {"poss"}) if p.pos_ != "PRON"],
                mentions,
            )
            # "rejected the NATO plan", "refused to join the NATO drills": an organisation
            # naming the object is its author (not a place: "the Washington agreement")
            targets += [
                m
                for o in objects
                for c in _children(o, {"compound", "nmod"})
                if (m := mention_at(mentions, c)) is not None
                and m.rule in ("known-organisation", "igo")
                and all(m is not t for t in targets)
            ]
            targets = [
                t
                for t in targets
                if not _same_source(t, sources)
                # "the withdrawal of brigades from Chad": the brigades withdrawn are no partner
                and not (
                    consumed_object is not None
                    and not pattern.object_target
                    and _of_object(consumed_object, predicate)
                    and t.head == consumed_object.i
                )
            ]
            if targets:
                frame += ", author or partner of the answered object"
        if (
            not targets
            and not passive
            and pattern.code == CLAIM_CODE
            and consumed_object is not None
        ):
            # "claimed responsibility for an attack on a mall in Kenya's capital": the claim is aimed
            # at whom or where the claimed act hit
            acts = self._prep_objects([consumed_object], frozenset({"for"}))
            aimed_at = self._prep_objects(acts, frozenset({"on", "against"}))
            hit = self._mentions(aimed_at, mentions) or self._owners(aimed_at, mentions)
            place = self._place_in(acts, mentions, sources) if not hit else None
            targets = hit or ([place] if place is not None else [])
            if targets:
                frame += ", whom the claimed act hit"
        if not targets and not passive and roots & FORCE_ROOTS:
            # "shelled a district of Syria's second city", "bombed the town of Kunduz": the place
            # attacked stands for its country
            # "opened their offensive on the rebel-held half of the town": what the attack was on
            # (for a pattern whose target only follows its prepositions, what they name: "shot at
            # a convoy of Malian soldiers"; "fired the head of the security service" shot no one)
            attacked = (
                self._prep_objects([predicate], pattern.preps)
                if pattern.preps_only
                else _with_conjuncts(_direct_objects(predicate, {"dobj", "obj"}))
            )
            if consumed_object is not None:
                # "began their offensive on Aleppo's eastern districts": on the noun or on the verb
                attacked += self._prep_objects([consumed_object, predicate], pattern.preps)
            # "raids on a handful of Kenyan villages": what the number counts
            attacked += [
                c
                for a in attacked
                if a.lower_ in QUANTITY_HEADS or a.like_num
                for c in self._prep_objects([a], frozenset({"of"}))
            ]
            struck = self._place_in(attacked, mentions, sources)
            if struck is None and roots & VICTIM_ROOTS:
                # "attacked Armenian websites": whose the things attacked are
                owners = [
                    o
                    for o in self._owners(attacked, mentions)
                    if (o.actor.country or o.actor.igo) and not _same_source(o, sources)
                ]
                struck = owners[0] if owners else None
            if struck is not None:
                targets, frame = [struck], frame + ", place or owner of what was attacked"
        if not sources and subjects and not passive and roots & FORCE_ROOTS:
            # "a bombing by the rebels wounded", "rockets launched by the navy hit":
            found = self._instrument_authors(subjects, mentions)
            if not found:
                # "a car bomb killed five people, an attack blamed on the Taliban": the attack an
                # apposition names, and whom it is laid at
                found = self._instrument_authors(
                    [t for t in predicate.subtree if t.dep_ == "appos" and t.head.i != predicate.i]
                    # (or parsed as the object: "killed five, another attack blamed on X")
                    + [
                        t
                        for t in _children(predicate, {"dobj"})
                        if t.lemma_.lower() in INSTRUMENT_NOUNS
                    ],
                    mentions,
                )
            if not found and roots & VIOLENCE_ROOTS:
                # "a roadside bomb killed one soldier": by someone the sentence does not name
                found = self._unknown_perpetrator(subjects, predicate, False, mentions)
            if found:
                sources, frame = found, frame + ", author of the instrument"
        if not sources and not passive:  # "he would be honoured": the one honoured is no source
            speakers = self._speaker_for_pronoun(subjects, trigger, mentions)
            if speakers:
                sources, frame = speakers, frame + ", pronoun for the speaker"
                notes.append("the reported clause's pronoun subject is its speaker")
        if not sources and unthinkable:
            # "officials said lifting the sanctions is out of the question": the speaker refuses
            sources = self._speaker_of(trigger, mentions)
            if sources:
                frame += ", the speaker"
        if not targets and roots & {"14", "17"}:
            # "rallied to press for the minister's dismissal", "marched calling for autonomy from X",
            # "a strike against the government": a protest addresses whom its purpose names
            addressed = self._purpose_targets(predicate, consumed_object, mentions, sources)
            if addressed:
                targets, frame = addressed, frame + ", addressed by its purpose"
        if not targets and "13" in roots and not passive:
            # "threatened to halt fuel deliveries to X", "threatened further action against X": a
            # threat is aimed at whom the threatened act would hit
            threatened = [
                c for c in predicate.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            ]
            threatened += [
                p
                for head in [predicate, *_direct_objects(predicate, {"dobj", "obj"})]
                for p in _children(head, {"prep"})
                if p.lower_ in ("against", "on", "to")
            ]
            # "issued a warning that any incursion into Bolivia would be answered"
            threatened += [
                c
                for obj in _direct_objects(predicate, {"dobj", "obj"})
                for c in obj.children
                if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
            ]
            addressed = self._actors_in(threatened, mentions, sources)
            if addressed:
                targets, frame = addressed, frame + ", aimed at by the threatened act"
        if (
            not targets
            and (pattern.place_target or roots & self.patterns.place_target_roots)
            # "fired its way into the final in Russia": a pattern whose target must follow its
            # prepositions takes a place only when they are there ("fired at targets in Hebron")
            and not (
                pattern.preps_only
                and not pattern.place_target
                # "shot on Monday in Aden": a time is no object of the pattern's "on"
                and not [
                    o
                    for o in self._prep_objects([predicate], pattern.preps)
                    if o.ent_type_ not in ("DATE", "TIME")
                ]
            )
        ):
            place = self._place_target(
                predicate,
                trigger,
                mentions,
                sources,
                preps=pattern.preps if pattern.place_target else (),
                # "visited Shanghai": a bare verb's object may be the place itself (not "left
                # Beijing for Tokyo", whose place is after its preposition)
                objects=(
                    root in TRAVEL_ROOTS
                    and pattern.place_target
                    and not pattern.objects
                    and not pattern.preps
                ),
                # "left a camp in southern Mexico": a trip's place is after its own prepositions
                only_preps=root in TRAVEL_ROOTS and pattern.preps_only and pattern.place_target,
            )
            if place is not None:
                targets, frame = [place], frame + ", place target"
        if (
            not targets
            and root == INVESTIGATE_ROOT
            and predicate.dep_ in ("advcl", "xcomp")
            and _bare_infinitive(predicate)
            and predicate.head.lemma_.lower() in DISPATCH_VERBS
        ):
            # "sent a team of experts to Peru to investigate the bombing": where they were sent
            place = self._place_target(
                predicate.head, predicate.head, mentions, sources, preps=("to", "into")
            )
            if place is not None:
                targets, frame = [place], frame + ", where the investigators were sent"
        if not targets and root == "07" and not passive:
            # "gave 350 million euros to promote development in Ethiopia": aid given for a purpose
            # in a country is aid to that country
            purposes = tuple(
                c
                for head, deps in (
                    (predicate, ("advcl", "xcomp")),
                    (consumed_object, ("relcl", "acl")),  # "5 million dollars to fund schools"
                )
                if head is not None
                for c in head.children
                if c.dep_ in deps and c.pos_ == "VERB" and _bare_infinitive(c)
            )
            if purposes:
                # whom the purpose names ("to fund schools in Mali"), else where it lies
                place = self._place_target(predicate, trigger, mentions, sources, purposes)
                targets = self._actors_in(list(purposes), mentions, sources) or (
                    [place] if place is not None else []
                )
                if targets:
                    frame += ", whom or where the aid's purpose names"
        if not targets and not passive and pattern.imported:
            # an imported (PETRARCH) pattern aims at the first actor of the verb's phrase, however
            # deep ("welcomed a resumption of ties with Gondor")
            first = next(
                (
                    m
                    for t in _phrase_after(predicate)
                    if (m := mention_at(mentions, t)) is not None
                    and m.rule != "modifier"
                    and not _same_source(m, sources)
                ),
                None,
            )
            if first is not None:
                targets = self._mentions([predicate.doc[first.head]], mentions)
                targets = [t for t in targets if not _same_source(t, sources)]
                frame += ", first actor after the verb"
        if targets and roots & VICTIM_ROOTS and any(_placeless(t) for t in targets):
            # "two farmers died in shelling near Rafah": victims of no stated
            # nationality are people of the place where they were hit
            place = self._place_target(
                predicate, trigger, mentions, sources, _instruments(predicate)
            )
            if place is not None and place.actor.country:
                targets = [_located(t, place) if _placeless(t) else t for t in targets]
                notes.append(f"victims located in {place.actor.name}")
        travellers = (
            [predicate.head]
            if predicate.dep_ == "acl"
            else _children(predicate, {"nsubj"})
            if predicate.dep_ == "csubj"
            else []
        )
        if (
            code in TRIP_CODES
            and predicate.tag_ == "VBG"
            and travellers
            and all(
                t.tag_ in ("NNS", "NNPS") and not _children(t, {"det", "nummod", "poss"})
                for t in travellers
            )
        ):
            # "Russians travelling to the UK could face ...": a kind of people, not a trip made
            if trace:
                trace.add(trigger, f"pattern {code}: describes a kind of traveller, no trip")
            return []
        if (
            root in TRAVEL_ROOTS
            and targets
            # (a meeting attended at home is still a meeting: "attended a conference in Riyadh")
            and predicate.lemma_.lower() not in ATTENDING_VERBS
        ):
            # "Macron toured Lyon", "Lula flew to Brasilia": a trip to a place at home visits no
            # one, and a traveller of no known country may be at home in a city
            targets = [t for t in targets if not _at_home(t, sources)]
            if not targets:
                if trace:
                    trace.add(trigger, f"pattern {code}: a trip inside the traveller's own country")
                return []
        if (
            code == COMPLAINT_CODE
            and predicate.lemma_.lower() == PROTEST_VERB
            and sources
            # plural role words for people ("protesters", "students"), not a party or a person
            and all(
                s.rule == "agent"
                and s.actor.sector in CROWD_SECTORS
                and predicate.doc[s.head].lemma_.lower() not in SPOKESPEOPLE_NOUNS
                and (
                    predicate.doc[s.head].tag_ in ("NNS", "NNPS")
                    or predicate.doc[s.head].lemma_.lower() in CROWD_NOUNS
                )
                for s in sources
            )
        ):
            # "demonstrators protesting the results", "students protested the tax": people in
            # the street demonstrate (140); a government protesting a decision complains (114)
            code = DEMONSTRATION_CODE
            notes.append("protest by people, a demonstration")
        if pattern.code == MEDIATION_CODE and not targets:
            # "mediated a halt to the fighting between A and B", "mediated in the quarrel between
            # A and B": the sides named deeper in the phrase of what is mediated
            targets = self._mentions(_with_conjuncts(_nested_between(predicate)), mentions)
            if targets:
                frame += ", sides named inside the object"
        # only the subject refuses, intends or is negated: "refused to meet" is not mutual
        one_way = frame_name in ("refusal", "intent", "halt", "denial") or any(
            n.startswith("refusal") for n in notes
        )
        emitted = self._emit(
            sources,
            targets,
            predicate,
            trigger,
            code,
            pattern,
            frame,
            notes,
            trace,
            symmetric=False if one_way else None,
            converse=not one_way,
        )
        for event in emitted:
            event.obliged = obliged
        return emitted

    def _purpose_targets(
        self,
        predicate: Token,
        consumed_object: Token | None,
        mentions: list[Mention],
        sources: list[Mention],
    ) -> list[Mention]:
        """The actor a protest is aimed at, from its purpose clause ("to demand reforms by the
        government", "calling for autonomy from Spain") or a preposition ("against", "over",
        "in protest at/of", "in defiance of"): the first actor named there that is not the protester."""
        heads = [predicate] + ([consumed_object] if consumed_object is not None else [])
        roots: list[Token] = []
        for head in heads:
            for child in head.children:
                if child.dep_ in ("advcl", "xcomp", "acl") and child.pos_ in ("VERB", "AUX"):
                    if child.lemma_.lower() in PURPOSE_VERBS:
                        roots.append(child)
                elif child.dep_ == "prep" and child.lower_ in ("against", "over"):
                    roots.append(child)
                elif child.dep_ == "prep" and child.lower_ == "in":
                    roots.extend(
                        g
                        for g in _children(child, {"pobj"})
                        if g.lemma_.lower() in ("protest", "defiance", "opposition")
                    )
        return self._actors_in(roots, mentions, sources)

    def _actors_in(
        self, roots: list[Token], mentions: list[Mention], sources: list[Mention]
    ) -> list[Mention]:
        """The first actor named under ``roots`` that is not one of ``sources`` (an actor beats a
        mere nationality modifier)."""
        if not roots:
            return []
        inside = {t.i for root in roots for t in root.subtree}
        # (not in a relative clause of where or when: "to protest the ballot count, where
        # Peru's candidate won" is aimed at no one the clause names; "projects which benefit X"
        # and "the law Peru passed" still name whom or whose)
        inside -= {
            t.i
            for root in roots
            for r in root.subtree
            if r.dep_ == "relcl" and r.i != root.i and r.left_edge.lower_ in ("where", "when")
            for t in r.subtree
        }
        taken = {(m.start, m.end) for m in sources}
        source_codes = {m.actor.code for m in sources}
        source_keys = {m.actor.key for m in sources}
        doc = roots[0].doc
        found = [
            m
            for m in mentions
            if any(i in inside for i in range(m.start, m.end))
            and (m.start, m.end) not in taken
            and m.actor.code not in source_codes
            # "threatened to pull US funding": the source's own country modifying a thing
            and not (
                m.actor.key in source_keys
                and m.head >= 0
                and doc[m.head].dep_ in ("compound", "amod", "nmod", "poss")
                and doc[m.head].head.pos_ == "NOUN"
                and mention_at(mentions, doc[m.head].head) is None
            )
        ]
        found.sort(key=lambda m: (m.rule == "modifier", m.start))
        return found[:1]

    def _place_in(
        self, objects: list[Token], mentions: list[Mention], sources: list[Mention]
    ) -> Mention | None:
        """A country, capital or gazetteer place named inside the object phrases ``objects`` (not a
        mere modifier), as a mention of its country; else the actor the object belongs to ("an
        ammunition dump of the militia", "the rebel-held enclave")."""
        source_codes = {m.actor.code for m in sources}
        countries = _countries(mentions)
        owner: Mention | None = None
        for obj in objects:
            if obj.pos_ not in ("NOUN", "PROPN") or mention_at(mentions, obj) is not None:
                continue
            for holder in _children(obj, {"poss"}):  # "Mosul's Old City" is in Mosul
                owned = _place_at(holder, mentions, countries, source_codes)
                if owned is not None:
                    return owned
            named = _gazetteer_mention(obj, countries)  # "shelled Hyderabad"
            if named is not None and named.actor.code not in source_codes:
                return named
            # a clause on the object describes it: "killed a man who had fought on the Russian
            # side" names no place of the attack
            described = {
                t.i
                for clause in obj.subtree
                if clause.dep_ == "relcl" and clause.i != obj.i
                for t in clause.subtree
            }
            for token in obj.subtree:
                if token.i == obj.i or token.i in described or token.dep_ == "acl":
                    continue
                if token.ent_type_ in ("DATE", "TIME"):
                    continue  # "the ceasefire signed in March": a month is no place
                mention = mention_at(mentions, token)
                if mention is not None:
                    if mention.actor.code in source_codes or not mention.is_actor:
                        continue
                    if mention.rule in PLACE_RULES:
                        return mention
                    head = token.doc[mention.head] if mention.head >= 0 else token
                    if owner is None and head.dep_ in ("pobj", "compound", "npadvmod", "poss"):
                        owner = mention
                    continue
                if (
                    token.dep_ not in ("pobj", "appos", "compound", "poss")
                    or token.head.dep_ == "compound"
                    # "the Niger Delta": a name's first word is looked up with the whole name
                    or (token.dep_ == "compound" and token.head.pos_ == "PROPN")
                ):
                    continue  # "poss": "Mosul's Old City"
                place = _gazetteer_mention(token, countries)
                if place is not None and place.actor.code not in source_codes:
                    return place
        return owner

    def _place_target(
        self,
        predicate: Token,
        trigger: Token,
        mentions: list[Mention],
        sources: list[Mention],
        also: tuple[Token, ...] = (),
        preps: Collection[str] = (),
        objects: bool = False,
        only_preps: bool = False,
    ) -> Mention | None:
        """The place an event happens in ("exercises in Alaska"), as its target: a country or capital
        mention, or a city or state the gazetteer knows (coded as its country); also after the
        pattern's own ``preps`` ("withdrew from the town of Kidal")."""
        source_codes = {s.actor.code for s in sources}
        countries = _countries(mentions)
        for token in trigger.sent:
            anchor = token  # "in the south of Gaza": the area noun anchors the place
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "of"
                and token.head.head.lemma_.lower() in AREA_NOUNS
                and token.head.head.dep_ == "pobj"
            ):
                anchor = token.head.head
            if objects and anchor.dep_ in ("dobj", "obj") and anchor.head.i == predicate.i:
                pass  # "visited Shanghai"
            elif anchor.dep_ != "pobj" or (
                (only_preps or anchor.head.lower_ not in PLACE_PREPOSITIONS)
                and anchor.head.lower_ not in preps
            ):
                continue
            if not governed_directly(anchor, trigger, (predicate, *also)):
                continue
            path = head_path(anchor, trigger) or head_path(anchor, predicate) or []
            if any(step.dep_ == "prep" and step.lower_ in TOPIC_PREPS for step in path[1:]):
                continue  # "a forum on the floods in Chad": a place of the topic, not of the event
            # "in Syria's northern provinces", "in Idlib province": the owner or name of the area
            for spot in (token, *_children(token, {"poss", "compound"})):
                place = _place_at(spot, mentions, countries, source_codes)
                if place is not None:
                    return place
        return None

    def _instrument_authors(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """Who wielded the weapons or attacks among ``tokens``: a "by" object ("a bombing by X"), the
        agent of a participle ("missiles fired by X") or a nationality modifier ("an Israeli raid")."""
        instruments = [
            t
            for t in tokens
            if t.lemma_.lower() in INSTRUMENT_NOUNS
            and not any(c.lower_ == "think" for c in t.children)  # a think tank wields no guns
        ]
        # "an al-Shabab car bomb attack", "a Hamas rocket": an organisation compounded with it
        # (not a place: "a Tehran truck bombing" is where it happened)
        named = [
            m
            for m in mentions
            if m.rule not in PLACE_RULES
            and m.rule != "modifier"
            and any(_compounded_into(tokens[0].doc[m.head], t) for t in instruments)
        ]
        # "a Tehran truck bombing": a city or region named before the attack is where it happened
        return (
            self._mentions(self._authors(instruments), mentions)
            or named
            or [
                m
                for m in self._owners(instruments, mentions)
                if not _names_a_city(m, instruments[0].doc)
            ]
        )

    def _unknown_perpetrator(
        self, tokens: list[Token], predicate: Token, passive: bool, mentions: list[Mention]
    ) -> list[Mention]:
        """The unknown author of an attack that names none: the attack or weapon among ``tokens``
        ("killed in a roadside bombing", "a car bomb killed"), or a passive verb of attack with no
        agent ("was kidnapped"). Empty when nothing says the harm was done by someone, and for an
        attack a clause only describes ("claimed the attack targeting X", "the bombing that
        killed X"), whose author the rest of the sentence names."""
        if (predicate.dep_ in SUBORDINATE_DEPS and not _headline_participle(predicate)) or any(
            t.lemma_.lower() in ATTRIBUTION_VERBS or t.lower_ == "responsibility"
            for t in predicate.sent
        ):
            # "…, an attack blamed on the Taliban", "claimed responsibility for": an author is
            # named or claimed, however the parser hung it
            return []
        for token in _with_conjuncts(tokens):
            if token.pos_ not in ("NOUN", "PROPN") or _not_an_attack(token):
                continue
            words = _object_words(token)
            if token.lemma_.lower() in ATTACK_NOUNS or words & ATTACK_PHRASES:
                start = min([c.i for c in token.lefts if c.dep_ != "punct"] + [token.i])
                if any(
                    m.start <= token.i and m.end > start and not _names_a_city(m, token.doc)
                    for m in mentions
                ):
                    return []  # "Palestinian snipers": the nationality wields them
                return [_unknown_mention(token.doc, start, token.i + 1, token.i)]
        if (
            passive
            and (predicate.tag_ == "VBN" or _reduced_passive(predicate))
            and predicate.lemma_.lower() in ATTACK_VERBS
            and not self._agents(predicate)
        ):
            return [_unknown_mention(predicate.doc, predicate.i, predicate.i + 1, predicate.i)]
        return []

    def _authors(self, acts: list[Token]) -> list[Token]:
        """Who did the acts among ``acts``: a "by" object ("an attack by X") or the agent of a
        participle ("crimes committed by X", "missiles fired by X", "a missile believed to have been
        fired by X")."""
        authors = self._prep_objects(acts, frozenset({"by"}))
        # "the exit of Britain from the EU", "the entry of Serbia into the alliance": the "of"
        # phrase of a noun of going or taking part is who goes
        authors += self._prep_objects(
            [t for t in acts if t.lemma_.lower() in DOER_NOUNS], frozenset({"of"})
        )
        participles = [acl for t in acts for acl in _children(t, {"acl"})]
        # "an attack blamed on the Taliban", "a bombing attributed to Hamas"
        authors += self._prep_objects(
            [p for p in participles if p.lemma_.lower() in ATTRIBUTION_VERBS],
            frozenset({"on", "to"}),
        )
        participles += [
            x for p in participles for x in _children(p, {"xcomp"}) if x.pos_ in ("VERB", "AUX")
        ]
        return authors + [a for p in participles for a in self._agents(p)]

    def _issuers(self, subjects: list[Token], mentions: list[Mention]) -> list[Mention]:
        """Who speaks through a document subject with no actor of its own: its nationality ("a
        Rwandan report"), the agent of its participle ("a report published by X") or, with neither,
        the country it was released in ("a paper published in the Chilean capital")."""
        documents = [t for t in subjects if t.lemma_.lower() in DOCUMENT_NOUNS]
        if not documents:
            return []
        found = self._owners(documents, mentions) or self._mentions(
            self._authors(documents), mentions
        )
        if found:
            return found
        participles = [p for d in documents for p in _children(d, {"acl"})]
        places = self._prep_objects(participles, frozenset({"in", "at"}))
        named = [m for m in self._mentions(places, mentions) if m.rule in PLACE_RULES]
        return named or self._owners(places, mentions)

    def _owners(
        self, tokens: list[Token], mentions: list[Mention], belonging: bool = False
    ) -> list[Mention]:
        """Nationality modifiers of object nouns ("the Russian building"), kept by the MODIFIER gate;
        with ``belonging``, also whom they belong to ("the house of a Palestinian farmer")."""
        found = []
        belongers = [
            g
            for t in (tokens if belonging else [])
            if t.pos_ == "NOUN"
            for c in t.children
            if c.dep_ == "prep"
            and (c.lower_ == "of" or (c.lower_ == "for" and t.lemma_.lower() in SHELTER_NOUNS))
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ] + [
            c
            for t in (tokens if belonging else [])
            if t.pos_ == "NOUN"
            for c in t.children
            if c.dep_ == "poss" and c.pos_ == "NOUN"
        ]
        # "the house of a Palestinian farmer", "a shelter for Eritrean refugees", "a Lebanese
        # banker's assets": the one it belongs to or shelters, an actor or a nationality
        found += [
            m
            for g in belongers
            if (m := mention_at(mentions, g)) is not None and m.rule != "modifier"
        ]
        tokens = tokens + belongers
        for token in tokens:
            for mention in mentions:
                head = token.doc[mention.head]
                if mention.rule != "modifier" or head.dep_ not in ("amod", "compound", "nmod"):
                    continue
                if token.lemma_.lower() in VENUE_NAMED_NOUNS and _names_a_city(mention, token.doc):
                    continue  # "the Vienna agreement", "the Minsk talks": where, not whose
                # "US drone strikes": the nationality may sit on a noun compounded with the object
                ruled = head.head
                while ruled.i != token.i and ruled.dep_ == "compound" and ruled.pos_ == "NOUN":
                    ruled = ruled.head
                if ruled.i == token.i:
                    found.append(mention)
        return _dedupe(found)

    def _speaker_for_pronoun(
        self, subjects: list[Token], trigger: Token, mentions: list[Mention]
    ) -> list[Mention]:
        """The speakers a reported clause's pronoun subjects stand for ("Peru said it would ..."),
        if its subjects are all such pronouns and agree with them."""
        if not subjects or not all(t.lower_ in SPEAKER_PRONOUNS for t in subjects):
            return []
        return [
            m
            for m in self._speaker_of(trigger, mentions)
            if all(_pronoun_agrees(t, m) for t in subjects)
        ]

    def _speaker_of(self, token: Token, mentions: list[Mention]) -> list[Mention]:
        """The speakers of the reported clause ``token`` is in ("Obama and Putin said they ...")."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return []
            head = node.head
            made_clear = (
                node.dep_ in ("ccomp", "advcl")
                and head.lemma_.lower() == "clear"
                and head.head.lemma_.lower() == "make"
            )
            if made_clear:
                head = head.head  # "Chile made it clear it would not drop the ban"
            if made_clear or (
                node.dep_ in ("ccomp", "parataxis")
                and self.patterns.is_frame_verb("reporting", head.lemma_.lower(), head.lower_)
            ):
                subjects, passive = self._subject_tokens(head)
                return [] if passive else self._mentions(subjects, mentions)
            node = node.head
        return []

    def _code_noun(
        self, noun: Token, mentions: list[Mention], trace: Trace | None
    ) -> list[CodedEvent]:
        pattern = self.match_noun(noun)
        if pattern is None:
            return []
        # a noun that is the object of a verb pattern was coded with that verb ("held talks with")
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        governed = None
        made = False  # the sentence makes what the noun names ("the deal ... was signed")
        hosted = False  # "hosted talks between A and B": the host mediates, and A and B talk
        # "an agreement was signed between A and B": the parser hangs the noun's "between" on the
        # passive verb that names no one
        verb_between = (
            pattern.symmetric
            and noun.dep_ == "nsubjpass"
            and governor.pos_ in ("VERB", "AUX")
            and _done(governor)
            and not _children(governor, {"agent"})
            and any(c.lower_ == "between" for c in governor.children)
        )
        if noun.dep_ in ("dobj", "nsubjpass", "pobj") and governor.pos_ in ("VERB", "AUX"):
            governed = self.match_verb(governor)
            hosted = governed is not None and governed[0].code == MEDIATION_CODE
            if (
                governed is not None
                and governed[1] is not None
                and governed[1].i == noun.i
                and noun.dep_ == "nsubjpass"
                and _done(governor)
                and not _children(governor, {"agent"})
                and (verb_between or any(c.lower_ == "between" for c in noun.children))
            ):
                # "talks between A and B were held in Lima": the verb names no one; the noun's
                # "between" does
                governed = None
                made = True
        appeal = self._appeal_over(noun)
        if appeal is not None:
            return self._appealed_act(noun, pattern, appeal, mentions, trace)
        if pattern.appeal_only:
            if trace:
                trace.add(noun, f"pattern {pattern.code}: coded only when asked for")
            return []
        unrealised = next(
            (c for c in noun.children if c.dep_ in ("amod", "compound") and c.lower_ in UNREALISED),
            None,
        )
        if unrealised is None and noun.dep_ in ("dobj", "obj"):
            unrealised = noun.head if noun.head.lemma_.lower() in ARRANGING_VERBS else None
        if (
            unrealised is None
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "for"
            and noun.head.head.lemma_.lower() in STRIVING_VERBS
        ):
            # "fought for a better deal", "pushed for talks with X": sought, not had
            unrealised = noun.head.head
        if (
            unrealised is None
            and noun.dep_ in ("dobj", "obj", "nsubjpass")
            and governor.pos_ in ("VERB", "AUX")
            and (
                governor.lemma_.lower() in PUT_OFF_VERBS
                or (
                    governor.lemma_.lower() in ("call", "put")
                    and any(c.dep_ == "prt" and c.lower_ == "off" for c in governor.children)
                )
                or self.patterns.is_frame_verb(
                    "nominal", governor.lemma_.lower(), governor.lower_, "dropped"
                )
            )
        ):
            # "the talks between A and B were postponed", "the meeting was called off": not held
            unrealised = governor
        if unrealised is not None:
            # "a planned trip to Warsaw", "arranged a meeting between A and B": not held (yet)
            if trace:
                trace.add(noun, f"'{unrealised.text}': an act planned or arranged, not done")
            return []
        if governed is not None and (not _done(governor) if hosted else noun.dep_ != "pobj"):
            # coded with the verb; talks whose hosting is to come ("will host") are not held
            return []
        if (
            governed is not None
            and noun.head.dep_ == "agent"
            and pattern.code[:2] in FORCE_ROOTS
            and governed[0].code[:2] in FORCE_ROOTS
        ):
            # "the fighters were killed by an air strike in X": the strike is the killing, coded
            # with the verb and its victims, not a second attack on the place
            if trace:
                trace.add(noun, f"the instrument of '{governor.text}', coded with it")
            return []
        code = pattern.code
        symmetric: bool | None = None  # the pattern's
        author_tokens: list[Token] = []
        sources = self._mentions(_with_conjuncts(_children(noun, {"poss"})), mentions)
        # "Israeli air strikes", "US sanctions": a nationality word before the noun is its author
        sources += [
            m
            for m in mentions
            if m.rule in ("agent", "country", "demonym", "modifier")
            and m.end <= noun.i
            and noun.doc[m.head].head.i == noun.i
            and noun.doc[m.head].dep_ in ("amod", "compound", "nmod")
        ]
        frame = "possessor"
        if not sources and not pattern.symmetric:
            # "the massacre of villagers by the army"; for force, "attacks carried out by X" (an
            # agreement "forced on Qatar by X" is not X's agreement with anyone)
            authors = (
                self._authors([noun])
                if pattern.code[:2] in FORCE_ROOTS
                else self._prep_objects([noun], frozenset({"by"}))
            )
            if not authors and pattern.code[:2] in FORCE_ROOTS:
                # "the killing of the mayor by rebels": the parser hangs "by" on the victim
                authors = self._prep_objects(
                    self._prep_objects([noun], frozenset({"of"})), frozenset({"by"})
                )
            sources = self._mentions(authors, mentions)
            frame = "author"
            author_tokens = authors
        if not sources and pattern.code == VISIT_CODE:
            # "the visit of the Peruvian president to Chile": the "of" is the visitor
            sources = [
                m
                for m in self._mentions(self._prep_objects([noun], frozenset({"of"})), mentions)
                if m.rule not in PLACE_RULES
            ]
            frame = "visitor"
        if not sources and any(
            c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in noun.children
        ):
            # "the army intensified its bombardment of X": the owner pronoun is the clause's subject
            clause = noun.head.head if noun.dep_ == "pobj" else noun.head
            if (
                noun.dep_ in ("dobj", "obj", "pobj")
                and clause.pos_ in ("VERB", "AUX")
                # "stepped up its attacks", not "postponed their meeting"
                and self.patterns.is_frame_verb("nominal", clause.lemma_.lower(), clause.lower_)
            ):
                subjects, passive = self._subject_tokens(clause)
                if not passive:
                    sources = self._mentions(subjects, mentions)
                    frame = "its owner, the subject of the clause"
        if (
            not sources
            and noun.dep_ in ("dobj", "obj")
            and noun.head.pos_ in ("VERB", "AUX")
            and self.patterns.is_frame_verb(
                "nominal", noun.head.lemma_.lower(), noun.head.lower_, "carrying"
            )
            and _done(noun.head)
            and self._clause_mood(noun.head) == "done"
        ):
            # "carried out ethnic cleansing of X", "committed a massacre of villagers": the act
            # the clause's subject did
            subjects, passive = self._subject_tokens(noun.head)
            if not passive:
                sources = self._mentions(subjects, mentions)
                frame = "subject of the clause that carried it out"
        targets = self._mentions(
            self._prep_objects([noun, governor] if verb_between else [noun], pattern.preps),
            mentions,
        )
        if not targets and frame == "author" and pattern.preps:
            # "a march by Peruvian students against Chile": the parser hangs the target on the
            # author
            targets = [
                t
                for t in self._mentions(self._prep_objects(author_tokens, pattern.preps), mentions)
                if not any(_same_actor(t, s) for s in sources)
            ]
        between = verb_between or (
            pattern.symmetric and any(p.lower_ == "between" for p in noun.children)
        )
        if not sources and between and len(targets) >= 2:
            # "talks between A and B": every pair, both ways (not the subject of "reported on
            # talks between A and B")
            sources, frame = targets, "between"
        if not sources and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            clause = noun.head.head
            responsible = clause.lemma_.lower() in AGENT_ADJECTIVES and clause.dep_ == "acomp"
            if responsible:
                clause = clause.head  # "the militia was responsible for the massacre"
            if (
                clause.pos_ in ("VERB", "AUX")
                and (
                    responsible
                    or clause.lemma_.lower() in PARTAKING_VERBS
                    or self.patterns.is_frame_verb("nominal", clause.lemma_.lower(), clause.lower_)
                    # "during a visit to X, Ghana criticised Y": the subject was on the visit; "agreed
                    # to restore ties in a deal brokered by China": the deal is the subject's
                    or (
                        pattern.code[:2] in ("04", "05")
                        and noun.head.lower_ in MEETING_TIME_PREPOSITIONS
                    )
                )
            ):
                # "took part in talks with X", "engaged in fighting with X" (not "pointed to the
                # attack on X": a noun the subject only speaks of is no act of the subject)
                subjects, passive = self._subject_tokens(clause)
                # "were engaged in ethnic cleansing", "was involved in the attack": a state, whose
                # subject took part
                involved = passive and clause.lemma_.lower() in ("engage", "involve")
                if not passive or involved:
                    if involved:
                        subjects = _children(clause, {"nsubjpass"}) or subjects
                    sources = self._mentions(subjects, mentions)
                    frame = "responsible subject" if responsible else "subject of the clause"
                    # "did not take part in the talks", "will take part in talks with X", "plans
                    # to join the talks": the clause says whether the act was done (a visit or a
                    # deal the clause only happened during or in is the clause's setting; one it
                    # gathers "for" is its purpose)
                    during = (
                        noun.head.lower_ in MEETING_TIME_PREPOSITIONS
                        and noun.head.lower_ != "for"
                        and not (responsible or clause.lemma_.lower() in PARTAKING_VERBS)
                    )
                    mood = "done" if during else self._clause_mood(clause)
                    if sources and mood == "not done":
                        if trace:
                            trace.add(
                                noun,
                                f"pattern {code} '{pattern.name}': '{clause.text}' is negated or "
                                "not done: no event",
                            )
                        return []
                    if sources and mood == "intent":
                        # only the subject means to: "will take part in talks with X" is not X's
                        code = intent_code(self.patterns.frame("intent").codes, code)
                        frame += f", intended ('{clause.text}')"
                        symmetric = False
                    if sources and not targets and pattern.preps:
                        # "engaged in ethnic cleansing against the Aymara of Bolivia": the
                        # target hung on the clause's verb, after the noun (its first actor)
                        targets = self._actors_in(
                            [
                                o
                                for o in self._prep_objects([clause], pattern.preps)
                                if o.i > noun.i
                            ],
                            mentions,
                            sources,
                        )
        if (
            sources
            and not targets
            and pattern.preps
            and pattern.code[:2] in OWNED_OBJECT_ROOTS - {"04", "05"} - FORCE_ROOTS
        ):
            # "Bolivian demonstrations against Chilean policies", "Peru's sanctions on Chilean
            # banks": the owner of what it is against (not the author's own)
            against = self._prep_objects([noun], pattern.preps)
            against += self._prep_objects(author_tokens, pattern.preps - {"of"})
            targets = self._foreign_owners(against, mentions, sources)
            if targets:
                frame += ", owner of what it is against"
        if sources and not targets and pattern.code[:2] in FORCE_ROOTS:
            # "its bombardment of a neighbourhood in Damascus": the place struck stands for its
            # country; "attacks on Chilean bases": the owner of what was struck (not the author's own)
            hit = self._prep_objects([noun], frozenset({"of", "on", "against"}))
            # "the attack by rebels on Chilean bases": hung on the author
            hit += self._prep_objects(author_tokens, frozenset({"on", "against"}))
            struck = self._place_in(hit, mentions, sources)
            if struck is None:
                struck = next(
                    (o for o in self._foreign_owners(hit, mentions, sources) if o.actor.country),
                    None,
                )
            if struck is not None:
                targets, frame = [struck], frame + ", place or owner of what was attacked"
        if (
            sources
            and not targets
            and frame != "subject of the clause"  # condolences "over an attack in X" are no attack
            and pattern.code[:2] in self.patterns.place_target_roots
        ):
            # "responsible for mass killings in northern Mexico": where they happened
            place = self._place_target(noun, noun, mentions, sources)
            if place is not None:
                targets, frame = [place], frame + ", place target"
        if (
            pattern.realised
            and not made
            # "agreed to reopen the border in a deal brokered by X": the subject's own deal
            and not frame.startswith(("subject of the clause", "responsible subject"))
            and not self._made_by_participle(noun, pattern)
            # "announced a deal between A and B", "finalised the pact between A and B", "brokered
            # a deal between A and B"
            and not (
                noun.dep_ in ("dobj", "obj")
                and governor.pos_ in ("VERB", "AUX")
                and (
                    hosted
                    or self.patterns.is_frame_verb(
                        "nominal", governor.lemma_.lower(), governor.lower_
                    )
                )
                and self._clause_mood(governor) == "done"
            )
        ):
            if trace:
                trace.add(
                    noun, f"pattern {pattern.code}: named, not made in this sentence: no event"
                )
            return []
        return self._emit(
            _dedupe(sources), targets, noun, noun, code, pattern, frame, [], trace, symmetric
        )

    def _foreign_owners(
        self, tokens: list[Token], mentions: list[Mention], sources: list[Mention]
    ) -> list[Mention]:
        """The owners of ``tokens`` (their nationality, possessor or organisation) other than the
        sources' own country: whom an act against those things is against."""
        own = {s.actor.country for s in sources if s.actor.country}
        return [
            o
            for o in self._owners(tokens, mentions)
            if (o.actor.country or o.actor.igo) and o.actor.country not in own
        ]

    def _made_by_participle(self, noun: Token, pattern: Pattern) -> bool:
        """Whether a participle after the noun makes it: "a pact between A and B signed on Monday"
        (a verb whose pattern codes the same act with this noun as its object)."""
        words = _object_words(noun)
        return any(
            c.dep_ == "acl"
            and c.tag_ == "VBN"
            and not _negated(c)
            and any(
                (p.code[:2] == pattern.code[:2] or p.code == MEDIATION_CODE)
                and (p.objects & words or p.code == MEDIATION_CODE)
                for p in self.patterns.for_verb(c.lemma_.lower(), c.lower_)
            )
            for c in noun.children
        )

    def _clause_mood(self, clause: Token) -> str:
        """Whether a clause reports its act as done ("done"), meant ("intent": "will take part",
        "plans to join") or neither ("not done": negated, refused, appealed for, denied: "denied
        that its troops committed ...")."""
        if _negated(clause):
            return "not done"
        if _has_modal(clause, FUTURE_MODALS):
            return "intent"
        if clause.dep_ in ("ccomp", "xcomp") and clause.head.i != clause.i:
            framed = self._frame_of(clause.head)
            if framed is not None and framed[1].i == clause.i:
                if framed[0] == "intent":
                    return "intent"
                if framed[0] != "direct":
                    return "not done"
        return "done"

    def _appeal_code(self, code: str) -> str:
        """The appeal (02x) for an act: "urged X to free the hostages" (0841) is 0253."""
        codes = self.patterns.frame("appeal").codes
        appeal = intent_code(codes, code)
        return appeal if appeal in codes.values() else "020"

    def _appeal_over(self, noun: Token) -> Token | None:
        """The verb or noun of appeal that asks for the act ``noun`` names: "called for talks
        between A and B", "urged a meeting with X", "its call for negotiations"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "for":
            head = noun.head.head
            if head.pos_ == "NOUN":
                nouns = self.patterns.frame("appeal")["nouns"]
                return head if head.lemma_.lower() in nouns else None
        elif noun.dep_ in ("dobj", "obj"):
            head = noun.head
            if head.lemma_.lower() not in APPEAL_OBJECT_VERBS:
                return None  # "called a meeting" convenes one
        else:
            return None
        if head.pos_ not in ("VERB", "AUX"):
            return None
        return head if self._is_appeal(head) or head.lemma_.lower() in DEMAND_VERBS else None

    def _appealed_act(
        self,
        noun: Token,
        pattern: Pattern,
        appeal: Token,
        mentions: list[Mention],
        trace: Trace | None,
    ) -> list[CodedEvent]:
        """An act asked for is not done: "France called for talks between A and B" is France's appeal
        to A and B (026), not talks. An act of conflict asked for ("called for sanctions against
        X") has no appeal code: calling for it denounces its target (111)."""
        code = pattern.code
        appealed = self._appeal_code(code) if code[:2] in APPEALABLE_ROOTS else CALL_AGAINST_CODE
        if appeal.lemma_.lower() in DEMAND_WORDS and code[:2] in APPEALABLE_ROOTS:
            # "demanded the release of X": a demand, not a plea; one that the target yields names
            # what it yields (105x), "demanded the resignation of X" a change of leaders (1041),
            # any other is 100
            appealed = _demand_code(code) or DEMAND_CODE
        if appeal.pos_ == "NOUN":
            # "its call for talks", "renewed their call for talks": the owner, or the subject of
            # the clause the call is made in
            owners = _children(appeal, {"poss"})
            own = owners and owners[0].lower_ in OWN_PRONOUNS | {"his", "her"}
            if own and appeal.dep_ in ("dobj", "obj"):
                owners = self._subject_tokens(appeal.head)[0]
            sources = self._mentions(_with_conjuncts(owners), mentions)
        else:
            subjects, passive = self._subject_tokens(appeal)
            sources = [] if passive else self._mentions(subjects, mentions)
        named = self._prep_objects([noun], pattern.preps)
        parties = (
            # "called for the release of the hostages held by Hamas": Hamas is asked (the people
            # released are not: "the release of Israeli hostages" asks no one named)
            self._holders(named, mentions)
            if code == RELEASE_CODE
            else self._mentions(named, mentions)
        )
        if appeal.lemma_.lower() not in DEMAND_WORDS:
            # "called for the release of the reporters by Eritrea" (or "of the reporters detained
            # by Eritrea", the "by" parsed on the reporters): the one to do it is asked (a demand
            # verb names its author itself)
            agents = [
                o
                for t in (noun, *named)
                for p in _children(t, {"prep"})
                if p.lower_ == "by"
                for o in _children(p, {"pobj"})
            ]
            parties += self._mentions(_with_conjuncts(agents), mentions)
        targets = [t for t in _dedupe(parties) if not any(_same_actor(t, s) for s in sources)]
        if not targets:
            if trace:
                trace.add(noun, f"pattern {code} asked for via '{appeal.text}': no party named")
            return []
        notes = [f"appeal for {code} via '{appeal.lemma_}'"]
        if appealed == CALL_AGAINST_CODE:
            notes = [f"calls for {code} against the target: denounces it"]
        return self._emit(
            _dedupe(sources),
            targets,
            noun,
            appeal,
            appealed,
            pattern,
            "subject, against the act's target"
            if appealed == CALL_AGAINST_CODE
            else "subject, appealed to the parties of the act",
            notes,
            trace,
            symmetric=False,
        )

    def _emit(
        self,
        sources: list[Mention],
        targets: list[Mention],
        predicate: Token,
        trigger: Token,
        code: str,
        pattern: Pattern,
        frame: str,
        notes: list[str],
        trace: Trace | None,
        symmetric: bool | None = None,
        converse: bool = True,
    ) -> list[CodedEvent]:
        events: list[CodedEvent] = []
        symmetric = pattern.symmetric if symmetric is None else symmetric
        # group mentions ("the two countries") stand for each of their members
        sources = [part for m in _dedupe(sources) for part in m.split()]
        targets = [part for m in targets for part in m.split()]
        if not sources:
            if trace:
                trace.add(
                    trigger,
                    f"pattern {code} '{pattern.name}' matched but no source actor: no event",
                )
            return events

        if (
            code == YIELD_CODE
            # ("began their withdrawal from Chile": the act's noun under another verb)
            and RETREAT_WORDS & {trigger.lemma_.lower(), predicate.lemma_.lower()}
            and all(s.actor.sector in FIGHTING_SECTORS and not s.actor.igo for s in sources)
        ):
            # "Peruvian troops withdrew from the town", "the rebels retreated": a military retreat
            # (peacekeepers of an international body leaving a zone only pull back)
            code = MILITARY_RETREAT_CODE
            notes.append("an armed force withdrawing: a military retreat")

        if code == VISIT_CODE and all(
            m.rule == "demonym" or m.actor.sector in PRIVATE_MOVERS for m in sources
        ):
            # "52,000 Venezuelans have arrived in Brazil", "tourists flew to Bali": people on the
            # move, not a visit by a state's envoy
            if trace:
                trace.add(trigger, f"pattern {code}: people on the move, no visit")
            return events

        if (
            code[:2] == "19"
            and predicate.lemma_.lower() == "strike"
            and not _children(predicate, {"dobj", "obj"})
            and all(s.actor.sector in WORKER_SECTORS for s in sources)
        ):
            # "teachers striking in West Virginia": a stoppage of work, not a blow
            code, targets = STRIKE_CODE, []
            notes.append("workers striking: a strike, not an attack")
            pattern = replace(pattern, no_target=True)

        # (a base or a mosque stormed by armed men is an attack, coded by the killing that follows)
        armed = ARMED_SECTORS if trigger.lemma_.lower() != "storm" else STATE_FORCE_SECTORS
        if code == RIOT_DAMAGE_CODE and all((s.actor.sector or "") in armed for s in sources):
            # "the army demolished the home of X", "militants torched a church": a state's forces or
            # an armed group destroying property (1712), not rioters (145)
            code = STATE_DAMAGE_CODE
            notes.append("destroyed by armed men: destruction of property")
        elif (
            code == RIOT_DAMAGE_CODE
            and predicate.lemma_.lower() == "set"
            and not any(s.actor.sector in PROTEST_SECTORS for s in sources)
        ):
            # "settlers set fire to a school run by X": arson by others than protesters or rioters
            # is destruction of property
            code = STATE_DAMAGE_CODE
            notes.append("set on fire, not in a protest: destruction of property")

        if code == BOMBING_CODE and all(
            s.actor.country and not s.actor.igo and (s.actor.sector or "GOV") in STATE_FORCE_SECTORS
            for s in sources
        ):
            # "Russia bombed Aleppo", "the coalition bombed the port": a state's bombing is an air
            # strike, not a car bomb
            code = AIR_STRIKE_CODE
            notes.append("bombed by a state or its forces: from the air")

        def make(s: Mention, t: Mention | None, how: str, event_code: str = code) -> CodedEvent:
            return CodedEvent(
                s,
                t,
                predicate,
                trigger,
                event_code,
                pattern,
                how,
                bool(notes and "intent" in notes[0]),
                list(notes),
            )

        if (
            predicate.lemma_.lower() in QUARREL_VERBS
            and code[:2] not in FORCE_ROOTS
            and targets
            and all(memory_kind(m) == "person" for m in (*sources, *targets))
        ):
            # "Kelly clashed with Kushner over clearances": people quarrelling, no clash of forces
            if trace:
                trace.add(trigger, f"pattern {code} '{pattern.name}': a quarrel between people")
            return events
        if code[:2] in SELF_EXCLUDED_ROOTS:
            # "Trump withdrew the US from the treaty": a state yields to or reduces relations with
            # no one in withdrawing itself
            itself = [
                t
                for t in targets
                if t.actor.country
                and not t.actor.sector
                and not t.actor.igo
                and any(s.actor.country == t.actor.country for s in sources)
                # a yielding acts on its own places ("eased the curfew in Cairo"), but does not
                # withdraw itself from anyone ("withdrew America from the accord")
                and (code[:2] == "16" or predicate.doc[t.head].dep_ in ("dobj", "obj"))
            ]
            if itself:
                if trace:
                    trace.add(trigger, f"pattern {code}: its own country is no target")
                targets = [t for t in targets if all(t is not o for o in itself)]
        if code[:2] == POSTURE_ROOT:
            # "France strengthened its forces in Mali": a state's own forces are what it
            # shows, not whom it threatens
            targets = [
                t
                for t in targets
                if not (
                    t.actor.country
                    and (t.actor.sector or "") in STATE_SECTORS
                    and any(s.actor.country == t.actor.country for s in sources)
                )
            ]
        if code == MEDIATION_CODE:
            # "Iraq and Oman, which hosted talks between the two sides": a mediator is no side,
            # and neither is its fellow mediator
            targets = [t for t in targets if not _same_source(t, sources)]
        if pattern.no_target and all(_same_actor(s, t) for t in targets for s in sources):
            # "Jordan lifted the curfew in Amman": an act on one's own place needs no target
            targets = []
        if code == RALLY_CODE and _campaigning(predicate):
            if trace:
                trace.add(trigger, f"pattern {code} '{pattern.name}': campaigning is no protest")
            return events
        if (
            code == RALLY_CODE
            and predicate.lemma_.lower() == "demonstrate"
            and _children(predicate, {"dobj", "obj", "ccomp"})
        ):
            # "to demonstrate the safety of the beef", "demonstrated that it works": shown, not a
            # protest
            if trace:
                trace.add(trigger, f"pattern {code} '{pattern.name}': something shown, no protest")
            return events
        if code == RALLY_CODE:
            # "Trump held a rally in Nevada", "the army staged a march": a state's own organs
            # gathering crowds in their own country protest against no one
            own = {s.actor.country for s in sources if s.actor.sector in EXECUTIVE_SECTORS}
            if own and all(t.actor.country in own and not t.actor.sector for t in targets):
                kept = [s for s in sources if s.actor.sector not in EXECUTIVE_SECTORS]
                if trace and len(kept) < len(sources):
                    trace.add(
                        trigger,
                        f"pattern {code} '{pattern.name}': a state organ's rally at home is no "
                        "protest",
                    )
                sources = kept
                if not sources:
                    return events
        if code == RECOGNITION_CODE and predicate.lemma_.lower() in ("recognise", "recognize"):
            # "recognised Kosovo", "recognised the rebel council": a state, a government or a
            # movement claiming one ("Amnesty recognised him as a prisoner of conscience", "to
            # recognise unions between same-sex couples" grant no diplomatic recognition)
            kept = [
                t for t in targets if t.actor.igo or t.actor.sector in (None, *RECOGNISED_SECTORS)
            ]
            if trace and len(kept) < len(targets):
                trace.add(trigger, f"pattern {code}: only a state or its claimant is recognised")
            targets = kept
            if not targets:
                return events
        if not targets:
            if (symmetric or pattern.symmetric or pattern.mutual) and len(sources) >= 2:
                # "A and B held talks": each with each
                events.extend(
                    make(s, t, "conjoined subjects") for s in sources for t in sources if s is not t
                )
            elif pattern.no_target:
                events.extend(make(s, None, frame) for s in sources)
            elif trace:
                trace.add(
                    trigger,
                    f"pattern {code} '{pattern.name}' matched but no target actor: no event",
                )
            return events
        for s in sources:
            for t in targets:
                if s is t or _same_actor(s, t):
                    continue
                events.append(make(s, t, frame))
                if symmetric:
                    events.append(make(t, s, frame + ", symmetric"))
                if pattern.converse and converse:
                    events.append(make(t, s, frame + f", converse of {code}", pattern.converse))
        if code[:2] == CONSULT_ROOT:
            events = _press_statements(events, trace)
        if trace:
            for event in events:
                trace.add(
                    trigger,
                    f"EVENT {event.source.actor.code} -> "
                    f"{event.target.actor.code if event.target else '-'} {event.code} ({event.frame})",
                )
        return events


def _headline_partners(verb: Token, subjects: list[Token]) -> list[Token]:
    """ "Serbia, China sign free trade agreement": headline style joins subjects with a bare comma, which
    the parser attaches to the verb as a modifier of the same entity type."""
    first = min(subjects, key=lambda t: t.i)
    doc = verb.doc
    return [
        c
        for c in verb.children
        if c.dep_ in ("npadvmod", "dep", "nmod")
        and c.i < first.i
        and c.ent_type_
        and c.ent_type_ == first.ent_type_
        and c.i + 1 < len(doc)
        and doc[c.i + 1].text == ","
    ]


#: Words of a demand (the demand codes of the acts demanded: ``DEMAND_CODES``).
DEMAND_WORDS = {"demand", "insist"}

#: Fights one may be killed or wounded in, whose other side ("in clashes with X") is the source.
FIGHT_NOUNS = {
    "clash",
    "fighting",
    "battle",
    "gunfight",
    "firefight",
    "skirmish",
    "combat",
    "fight",
}

#: Talks a party joins, leaves or breaks off, whose other party is named after "with".
TALK_NOUNS = {"talk", "negotiation", "dialogue", "meeting", "summit", "conference", "consultation"}
#: Roots of acts on talks: joining (04), yielding in (08), rejecting (12) or breaking off (16).
TALK_ROOTS = {"04", "08", "12", "16"}
#: Nouns of a relation's start or growth: "welcomed the resumption of talks with Iran" welcomes the
#: talks (not "welcomed the failure of talks with Iran").
GROWTH_NOUNS = {
    "resumption",
    "restoration",
    "start",
    "launch",
    "opening",
    "renewal",
    "signing",
    "conclusion",
    "establishment",
    "deepening",
    "strengthening",
    "expansion",
    "continuation",
    "revival",
    "normalisation",
    "normalization",
    "progress",
    "improvement",
}
#: Nouns of agreements and talks, often named for the city they were reached in ("the Vienna
#: agreement", "the Minsk accords"): the city is no owner.
VENUE_NAMED_NOUNS = {
    "agreement",
    "accord",
    "deal",
    "treaty",
    "pact",
    "protocol",
    "declaration",
    "memorandum",
    "convention",
    "talk",
    "negotiation",
    "process",
    "format",
    "summit",
    "conference",
    "plan",
    "framework",
}
#: Nouns of a relation between two sides, whose partner follows "with" or "between".
RELATION_NOUNS = TALK_NOUNS | {
    "tie",
    "relation",
    "relationship",
    "cooperation",
    "agreement",
    "deal",
    "treaty",
    "accord",
    "pact",
    "truce",
    "ceasefire",
    "partnership",
    "alliance",
    "reconciliation",
    "rapprochement",
    "normalisation",
    "normalization",
}

#: Roles held in another country: "ambassador to Italy" is posted there.
POSTED_ROLES = {"ambassador", "envoy", "diplomat", "embassy", "consul", "consulate", "mission"}

#: Nouns of single people that a relative "who" refers to.
PERSON_WORDS = {"man", "woman", "person", "boy", "girl", "teenager", "youth", "suspect"}


def _person_antecedent(noun: Token) -> Token:
    """What "who" refers to when the parser hangs it on an organisation or a place named inside a
    person's description: "a man with ties to Hamas who fired at a patrol" — the man fired."""
    if noun.ent_type_ not in ("ORG", "GPE", "NORP") or noun.dep_ != "pobj":
        return noun

    def person(token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and (
            token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_WORDS
        )

    node = noun.head
    for _ in range(5):
        # up through "with ties to", "linked to", "believed linked to"
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0] if person(subjects[0]) else noun
        if node.head.i == node.i:
            break
        node = node.head
        if person(node):
            return node
    return noun


#: Accidents and natural disasters: what they kill or destroy was not attacked by anyone.
ACCIDENTS = {
    "crash", "accident", "collision", "derailment", "earthquake", "quake", "storm", "hurricane",
    "cyclone", "typhoon", "tornado", "tsunami", "landslide", "mudslide", "avalanche", "lightning",
    "stampede", "eruption",
}  # fmt: skip

#: Verbs that always take an object in the active voice: with a subject and none, a headline's
#: passive ("Journalist shot dead in Aden", "Two soldiers killed in Mali").
OBJECT_VERBS = {
    "kill", "shoot", "wound", "injure", "murder", "assassinate", "behead", "stab", "abduct",
    "kidnap", "arrest", "detain", "jail", "deport", "expel", "extradite", "execute", "sentence",
    "convict", "torture", "massacre",
}  # fmt: skip


#: Gatherings and places people are at, which a shooting "at" happens in rather than aims at.
VENUE_NOUNS = {
    "party", "wedding", "funeral", "ceremony", "celebration", "festival", "concert", "parade",
    "rally", "vigil", "game", "match", "school", "university", "campus", "mall", "market",
    "mosque", "church", "synagogue", "temple", "restaurant", "bar", "nightclub", "club",
    "stadium", "home", "house", "office", "hospital", "station", "airport",
}  # fmt: skip


def _verb_tagged_noun(token: Token) -> bool:
    """A headline's present-tense verb the tagger took for a noun: it heads a clause with a subject
    and a direct object or particle ("The Red Cross and UN hand over medicines to Chad")."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and bool(_children(token, {"nsubj"}))
        and bool(_children(token, {"dobj", "prt"}))
    )


def demand_code(code: str) -> str:
    """The demand (10x) for an act, by its code, base code or root (0841 -> 1053, 07 -> 103)."""
    return DEMAND_CODES.get(
        code, DEMAND_CODES.get(code[:3], DEMAND_CODES.get(code[:2], DEMAND_CODE))
    )


def _reduced_passive(verb: Token) -> bool:
    """Whether a main verb with a subject is a passive with its auxiliary left out, as headlines
    write it: a verb that needs an object in the active voice, with no object, auxiliary, clause
    or conjoined verb that could have taken it ("Gunmen shot and killed a policeman")."""
    return (
        verb.dep_ == "ROOT"
        and verb.lemma_.lower() in OBJECT_VERBS
        and verb.tag_ in ("VBD", "VBN")
        and not any(
            c.dep_ in ("dobj", "obj", "aux", "auxpass", "ccomp", "xcomp", "dative", "prt")
            or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
            # "Rebels shot at a convoy", "Troops fired on protesters": aimed at someone (not "shot
            # on Monday")
            # ("Four teenagers shot at graduation party": where, not whom)
            or (
                c.dep_ == "prep"
                and c.lower_ in ("at", "on", "upon")
                and c.i == verb.i + 1
                and not any(
                    o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in VENUE_NOUNS
                    for o in _children(c, {"pobj"})
                )
            )
            for c in verb.children
        )
    )


#: Children of a verb whose words are not in its phrase for an imported pattern's words after it.
_OUTSIDE_PHRASE = {"conj", "cc", "parataxis", "advcl", "punct", "mark"}


def _sequence_fits(pattern: Pattern, verb: Token) -> Token | bool:
    """Whether an imported pattern's words stand around ``verb`` in order: those after it in its
    phrase (its object, complements and prepositional phrases), those before it between its
    subject and itself ("did not", "failed to"). The noun object the words name, if any, is returned
    (it is what the pattern is about, not a target); else True; False when the words are not there."""
    after = _phrase_after(verb)
    matched: list[Token] = []
    if not _steps_fit(pattern.lower, after, verb.i, 1, matched):
        return False
    if pattern.upper:
        holder = verb
        while not _children(holder, SUBJECT_DEPS | {"nsubjpass"}) and holder.dep_ in (
            "xcomp",
            "conj",
        ):
            holder = holder.head
        subjects = _children(holder, SUBJECT_DEPS | {"nsubjpass"})
        start = max((s.right_edge.i + 1 for s in subjects if s.i < verb.i), default=None)
        if start is None:
            start = verb.left_edge.i
        before = [verb.doc[i] for i in range(verb.i - 1, start - 1, -1)]
        if not _steps_fit(pattern.upper, before, verb.i, -1, []):
            return False
    noun = next(
        (
            t
            for t in matched
            if t.dep_ in ("dobj", "obj", "pobj", "attr") and t.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    return noun if noun is not None else True


def _phrase_after(verb: Token) -> list[Token]:
    """The words of a verb's phrase after it: its objects, complements and prepositional phrases,
    not the clauses joined to it."""
    return sorted(
        t
        for c in verb.children
        if c.i > verb.i and c.dep_ not in _OUTSIDE_PHRASE
        for t in c.subtree
    )


def _steps_fit(
    steps: Sequence[Step], tokens: list[Token], anchor: int, direction: int, matched: list[Token]
) -> bool:
    """Match ``steps`` against ``tokens`` (in reading order away from the verb at ``anchor``, going
    ``direction``), each step's phrase at or after where the last one ended; a joined step right
    there. The tokens matched are added to ``matched``."""
    if not steps:
        return True
    step, rest = steps[0], steps[1:]
    for k in range(len(tokens)):
        if step.joined and tokens[k].i != anchor + direction:
            continue
        for phrase in step.phrases:
            words = phrase if direction > 0 else tuple(reversed(phrase))
            run = tokens[k : k + len(words)]
            if (
                len(run) == len(words)
                and all(
                    t.i == run[0].i + direction * n and _word_is(t, w)
                    for n, (t, w) in enumerate(zip(run, words, strict=True))
                )
                and _steps_fit(rest, tokens[k + len(words) :], run[-1].i, direction, matched)
            ):
                matched[:0] = run
                return True
        if step.joined:
            break
    return False


def _word_is(token: Token, word: str) -> bool:
    return word in (token.lower_, token.lemma_.lower()) or (word == "n't" and token.dep_ == "neg")


def _object_words(token: Token, depth: int = 0) -> set[str]:
    """The object's lemma and, for "air strikes", the compound as a whole; for a measure or quantity
    ("40 million euros of aid", "tons of food", "$50,000 worth of medicine", "some of the weapons")
    also what it measures."""
    words = {token.lemma_.lower(), token.lower_}
    words |= {joined(w) for w in words}  # "co-operation" is "cooperation"
    compounds = [c for c in token.children if c.dep_ == "compound"]
    # every run of the nearest compounds: "a two-week relay hunger strike" is a "hunger strike"
    for k in range(1, len(compounds) + 1):
        words.add(" ".join([c.lemma_.lower() for c in compounds[-k:]] + [token.lemma_.lower()]))
        # as written too: "negotiating table", whose first word the lemmatiser makes "negotiate"
        words.add(" ".join([c.lower_ for c in compounds[-k:]] + [token.lemma_.lower()]))
    # "military equipment" is not "medical equipment"
    words |= {
        f"{c.lemma_.lower()} {token.lemma_.lower()}" for c in token.children if c.dep_ == "amod"
    }
    # "a partnership in energy" is an "energy partnership", "cooperation in defence" "defence
    # cooperation"
    words |= {
        f"{g.lemma_.lower()} {token.lemma_.lower()}"
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    }
    # "curfew hours", "aid deliveries", "arms shipments": a head that only measures or carries
    # the thing its compound names
    if token.lemma_.lower() in CARRIER_HEADS:
        words |= {c.lemma_.lower() for c in compounds[-1:]}
    # "USD1 million", "EUR 5 billion": the number's own word says it is money
    words |= {c.lemma_.lower() for c in token.children if _money_number(c)}
    if depth < 2:
        for measured in _measured(token):
            # "a team of doctors, equipment and drugs": each thing the team brings
            for thing in (measured, *measured.conjuncts):
                words |= _object_words(thing, depth + 1)
    return words


def _nested_prep_objects(token: Token, preps: Collection[str], depth: int = 3) -> list[Token]:
    """Objects of the prepositions ``preps`` anywhere in a noun's chain of prepositional phrases
    ("supplies such as doctors to Nepal", "sanctions on exports to India"), not inside a clause."""
    found: list[Token] = []
    nouns = [token, *token.conjuncts]
    for _ in range(depth):
        objects = [
            (prep, pobj)
            for noun in nouns
            for prep in _children(noun, {"prep"})
            for pobj in _children(prep, {"pobj"})
        ]
        found += [pobj for prep, pobj in objects if prep.lower_ in preps]
        nouns = [pobj for _, pobj in objects]
        nouns += [c for n in nouns for c in n.conjuncts]
    return _with_conjuncts(found)


def _is_money(token: Token) -> bool:
    """A sum of money: "$40 million", "10 million euros", "USD1 billion"."""
    return (
        token.lemma_.lower() in MONEY_NOUNS
        or CURRENCY_AMOUNT.match(token.text) is not None
        or any(_money_number(c) for c in token.children)
    )


def _out_of_question(verb: Token) -> bool:
    """ "is out of the question", "is out of question"."""
    return any(
        q.lower_ == "question"
        for out in _children(verb, {"prep", "advmod"})
        if out.lower_ == "out"
        for of in _children(out, {"prep"})
        if of.lower_ == "of"
        for q in _children(of, {"pobj"})
    )


def _acronym(token: Token) -> bool:
    """An organisation's initials: "USAID", "UNHCR" (three letters or more, all capitals)."""
    return len(token.text) > 2 and token.text.isalpha() and token.text.isupper()


def _money_number(token: Token) -> bool:
    """A number that says its noun is money: "USD1 million", "EUR 5 billion" (the NER's MONEY), not
    the scale of a count ("two million people")."""
    return token.dep_ == "nummod" and (
        token.lower_ in MONEY_NOUNS - SCALE_WORDS
        or (
            token.lower_ in SCALE_WORDS
            and (token.ent_type_ == "MONEY" or CURRENCY_AMOUNT.match(token.head.text) is not None)
        )
    )


def _measured(token: Token) -> list[Token]:
    """What a measure or quantity names ("tons of food", "$2 million in assistance", "some of the
    weapons", "94% of the equipment"); nothing for other nouns."""
    if not (
        token.lemma_.lower() in MEASURE_NOUNS
        or token.lower_ in QUANTITY_HEADS  # "gave some of the equipment"
        or token.lower_ in ("%", "percent")  # "supplied 94% of the equipment"
    ):
        return []
    money = _is_money(token)
    return [
        measured
        for prep in token.children
        if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ == "in" and money)
        for measured in prep.children
        if measured.dep_ == "pobj"
    ]


def _people_of(mention: Mention) -> Mention | None:
    """The civilians of the country of the one ``mention`` names (a leader's supporters, someone's
    countrymen); None for no country or an international body."""
    actor = mention.actor
    if not actor.country or actor.igo:
        return None
    return replace(mention, actor=replace(actor, code=f"{actor.country}CVL", sector="CVL"))


def _own_country_target(event: CodedEvent) -> bool:
    """Whether the target is the source's own country itself (an organ's state: GBRGOV -> GBR)."""
    country = event.source.actor.country
    return event.target is not None and bool(country) and event.target.actor.code == country


def _direct_objects(predicate: Token, deps: set[str]) -> list[Token]:
    """The direct objects of a predicate; a noun naming an act takes its "of" phrase as its object
    ("the extradition of the former president")."""
    if predicate.pos_ in ("NOUN", "PROPN"):
        return [
            o
            for p in _children(predicate, {"prep"})
            if p.lower_ == "of"
            for o in _children(p, {"pobj"})
        ]
    found = _children(predicate, deps)
    if len(found) > 1:
        # "won the nomination over two rivals: Ana Ruiz and ...": a list after a colon or a dash,
        # parsed as a second object, names no one the act was done to
        doc = predicate.doc
        found = [
            o
            for o in found
            if o is found[0] or not any(t.text in LIST_MARKS for t in doc[found[0].i + 1 : o.i])
        ]
    if not found and "dobj" in deps:
        # "freed on bail two former ministers": the object moved after a short phrase, parsed as
        # the phrase's second object
        found = [
            o
            for prep in _children(predicate, {"prep"})
            if prep.i == predicate.i + 1
            for o in _children(prep, {"pobj"})[1:]
        ]
    if not found and "dobj" in deps and (partner := _shared_object_verb(predicate)) is not None:
        found = _children(partner, {"dobj", "obj"})
    if not found and predicate.lemma_.lower() in ("let", "set"):
        # "let free 74 political leaders", parsed with "free" as a verb of its own
        found = [o for c in predicate.children if c.lower_ == "free" for o in _children(c, deps)]
    if not found and "dobj" in deps:
        # "Macron called Putin on Friday", parsed with Putin as a predicative complement
        found = _children(predicate, {"oprd"})
    if not found and "dobj" in deps:
        # "kidnapped up to 30 miners", parsed with "up" as the verb's particle: the number's noun
        found = [
            o
            for particle in _children(predicate, {"prt"})
            if particle.lower_ == "up"
            for prep in _children(particle, {"prep"}) + _children(predicate, {"prep"})
            if prep.lower_ == "to" and prep.i == particle.i + 1
            for o in _children(prep, {"pobj"})
            if any(c.dep_ == "nummod" for c in o.children)
        ]
    if not found and "dobj" in deps:
        # "the army chief visited Washington.", parsed with the name as an adverbial noun
        found = [
            c
            for c in _children(predicate, {"npadvmod"})
            if c.i > predicate.i and c.pos_ == "PROPN" and c.ent_type_ in NAME_ENTITIES
        ]
    if not found and "dobj" in deps:
        # "denounced as a crime Peru's crackdown": the object moved after the "as" phrase, parsed
        # as an apposition to it
        found = [
            a
            for prep in _children(predicate, {"prep"})
            if prep.lower_ == "as" and prep.i > predicate.i
            for o in _children(prep, {"pobj"})
            for a in _children(o, {"appos"})
            + [o for first in [o.doc[prep.i + 1]] if _shifted_object(o, first)]
        ]
    return found


def _shifted_object(phrase: Token, first: Token) -> bool:
    """Whether the noun phrase ``phrase`` after "as", starting at ``first``, is an object moved
    after what it is called: a determiner or owner opening a new phrase inside it ("as a crime
    Peru's treatment of X", "as unacceptable Turkey's decision"), not "as a country's right"."""
    if phrase.left_edge.i != first.i:
        return False
    openers = [c for c in phrase.children if c.dep_ in ("det", "poss") and c.i > first.i]
    return any(c.left_edge.i > first.i for c in openers) or (first.pos_ == "ADJ" and bool(openers))


#: Investigations (09): by people sent somewhere, of that place.
INVESTIGATE_ROOT = "09"
#: Verbs of sending people somewhere: a purpose there ("to investigate") is there.
DISPATCH_VERBS = {"send", "dispatch", "deploy", "fly"}
#: Saying or owning up to something, which no "willing to" or "ready to" makes an intent to
#: cooperate ("ready to admit it", "willing to say so").
ADMITTING_VERBS = {"say", "admit", "acknowledge", "confess", "concede", "state", "comment"}
#: Verbs of enduring, no act on anyone: "ready to wait", "willing to die for the cause".
ENDURING_VERBS = {"wait", "die", "suffer", "starve", "struggle", "sacrifice", "endure"}
#: Hostile verbs and nouns of war that no pattern codes without a party acted on: an intent to
#: "retaliate" or to "go to war" is no intent to cooperate.
HOSTILE_VERBS = {"retaliate", "resist", "revolt", "rebel", "avenge", "punish"}
#: Verbs that end a body or a freedom whatever their object: no cooperative intent.
ABOLISHING_VERBS = {"dissolve", "disband", "abolish", "outlaw", "ban", "prorogue"}
#: Verbs that stop a body when their object is one ("suspend parliament", "close the newspaper").
SUSPENDING_VERBS = {"suspend", "shut", "close"}
WAR_NOUNS = {"war", "arms", "arm", "battle", "jihad", "warfare"}
WAR_MAKING_VERBS = {"go", "take", "wage", "declare", "launch", "start", "begin", "resort", "enter"}


def _compared(token: Token) -> bool:
    """Whether a word stands in a comparison's "than" clause ("deeper than they would admit")."""
    for above in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ == "than" for c in above.children):
            return True
    return False


def _describing_participle(token: Token, mentions: list[Mention]) -> bool:
    """ "fired on protesting farmers", "the demands of striking teachers": a participle after a
    preposition, parsed as a gerund whose object is an actor, describes that actor."""
    return (
        token.tag_ == "VBG"
        and token.lower_ in DESCRIBING_PARTICIPLES
        and token.dep_ == "pcomp"
        and token.head.lower_ in DESCRIBED_AFTER
        and any(mention_at(mentions, o) is not None for o in _children(token, {"dobj", "obj"}))
    )


def _shared_object_verb(verb: Token) -> Token | None:
    """ "condemned and rejected Israel's decision", "donated and delivered rice to X": a verb with
    nothing of its own after it, joined right away to the next verb, shares that verb's object and
    prepositional phrases. Returns that next verb."""
    if verb.pos_ != "VERB" or _children(
        verb, {"dobj", "obj", "dative", "prep", "ccomp", "xcomp", "prt", "attr", "oprd"}
    ):
        return None
    for conj in _children(verb, {"conj"}):
        if conj.pos_ != "VERB" or conj.i < verb.i:
            continue
        between = verb.doc[verb.i + 1 : conj.i]
        if (
            any(t.dep_ == "cc" for t in between)
            and all(t.dep_ in ("cc", "advmod", "punct") for t in between)
            and _children(conj, {"dobj", "obj"})
        ):
            return conj
        return None
    return None


def _misparsed_main_subject(verb: Token) -> list[Token]:
    """ "Peru, a group of parties and the rebels on Monday condemned X": a long conjoined subject
    may leave the parser with a noun as the sentence's root and the main verb as a relative clause
    of one conjunct. A finite verb with no subject and no relative word of its own, after a root
    noun, is that root's predicate; its subject is the root with its appositions and conjuncts."""
    if _children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        return []
    if verb.tag_ == "VBN":
        if _children(verb, {"agent"}) or not any(
            _children(v, {"dobj", "obj"}) for v in (verb, *verb.conjuncts)
        ):
            return []
    elif verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    if any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.lower_ == "that" for c in verb.children):
        return []
    top = verb.head
    while top.dep_ in ("appos", "conj", "pobj", "prep") and top.head.i != top.i:
        top = top.head
    if top.dep_ != "ROOT" or top.pos_ not in ("NOUN", "PROPN") or top.i > verb.i:
        return []
    return [top] + [
        t
        for t in verb.doc[top.i + 1 : verb.i]
        if t.dep_ in ("appos", "conj") and t.pos_ in ("NOUN", "PROPN") and t.head.i < t.i
    ]


def _coordinated_sides(
    token: Token, mentions: list[Mention], agents: Mapping[str, Agent]
) -> list[Mention]:
    """ "the Indian and US navies", "Swiss and EU negotiators": a role noun whose modifiers are
    conjoined names stands for one actor per name, each with the role's sector."""
    agent = agents.get(token.lower_) or agents.get(token.lemma_.lower())
    if agent is None or not agent.sector:
        return []
    sides: list[Mention] = []
    for modifier in _children(token, {"amod", "compound", "nmod"}):
        group = [modifier, *modifier.conjuncts]
        if len(group) < 2:
            continue
        named = [m for word in group if (m := mention_at(mentions, word)) is not None]
        if len(named) < len(group) or any(not (m.actor.country or m.actor.igo) for m in named):
            return []
        for mention in named:
            actor = mention.actor
            if actor.sector:
                sides.append(mention)
                continue
            ref = replace(
                actor, code=actor_code(None, actor.code, agent.sector), sector=agent.sector
            )
            sides.append(replace(mention, actor=ref, rule="coordinated modifier"))
    return sides


#: Verbs that, with an object told to leave, expel it: "ordered the envoy to leave".
ORDERING_OUT_VERBS = {"order", "tell", "ask", "instruct", "direct", "force", "compel"}
#: Forces ordered to leave a place are withdrawn, not expelled.
WITHDRAWN_FORCES = {"troop", "force", "soldier", "army", "unit", "fighter", "militia"}
#: What one is told to leave: the country, or nothing named.
LEAVING_VERBS = {"leave", "depart", "quit", "exit"}


def _ordered_out(verb: Token) -> bool:
    """ "ordered the French ambassador to leave the country", "told two diplomats to leave within
    72 hours": the one told to go is expelled (not "ordered the troops to leave Kherson", a
    withdrawal, nor "to leave for the front", a departure somewhere)."""
    if verb.lemma_.lower() not in ORDERING_OUT_VERBS:
        return False
    ordered = _children(verb, {"dobj", "obj"})
    if not ordered:
        return False
    if any(o.lemma_.lower() in WITHDRAWN_FORCES for o in ordered):
        return False
    for leaving in _children(verb, {"xcomp", "advcl"}):
        if leaving.lemma_.lower() not in LEAVING_VERBS:
            continue
        if any(p.lower_ in ("for", "to") for p in _children(leaving, {"prep"})):
            return False
        left = _children(leaving, {"dobj", "obj"})
        return all(
            o.lemma_.lower() in ("country", "territory") or o.ent_type_ == "GPE" for o in left
        )
    return False


def _bare_particles(verb: Token) -> list[Token]:
    """Particles of ``verb`` with no object of their own, which a preposition may hang on: "out"
    in "pulled out of the talks", read as a preposition."""
    return [
        c
        for c in _children(verb, {"prep", "advmod", "prt"})
        if c.lower_ in PARTICLE_WORDS and not _children(c, {"pobj"})
    ]


def _done(verb: Token) -> bool:
    """Whether a verb reports its act as done: a finite verb in the past or present, with no
    modal, negation or infinitive marker ("hosted", "has hosted"; not "will host", "did not host",
    "to host")."""
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP", "VBN")
        and verb.dep_ not in ("xcomp", "acl", "advcl", "pcomp")
        and not any(
            c.dep_ == "neg" or (c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to"))
            for c in verb.children
        )
    )


def _sets_free(verb: Token) -> bool:
    """ "let free a dozen dissidents", "set free two reporters" (free may be parsed as the
    object's adjective)."""
    if any(c.lower_ == "free" for c in verb.children):
        return True
    return any(
        c.lower_ == "free" and c.i == verb.i + 1
        for o in _children(verb, {"dobj", "obj"})
        for c in o.children
        if c.dep_ == "amod"
    )


def _names_as(verb: Token) -> bool:
    """ "called the decision a mistake", "called the ambassador a very stupid guy": the verb names
    its object as something (a second, predicative noun), it is no call or appeal."""
    if _children(verb, {"oprd"}) and _children(verb, {"dobj", "obj"}):
        return True  # "called the decision a mistake" (a lone "oprd" is the parser's object:
        # "called Putin on Friday")
    if len(_children(verb, {"oprd"})) > 1:
        return True  # "called the Peruvian president nasty", both parsed as predicates
    if verb.tag_ == "VBN" and not _children(verb, {"aux", "nsubj"}):
        # "a device called Flyboard Air", "was called a traitor"; not "has called X", nor "was
        # called by X" (a call received)
        return not (_children(verb, {"agent"}) and not _children(verb, {"oprd", "attr"}))
    return any(
        a.pos_ == "NOUN" and any(d.lower_ in ("a", "an") for d in _children(a, {"det"}))
        for o in _children(verb, {"dobj", "obj", "oprd"})
        for a in _children(o, {"appos"})
    )


def named_and_name(verb: Token) -> tuple[Token | None, Token | None]:
    """Whom an active naming verb names and the name it gives, however parsed: "called Y a
    traitor" (object and object predicate), "branded Y a threat" (dative and object, or two
    objects), "described Y as a partner", "dubbed Y a troublemaker" (an apposition of the
    object), "called Britain's envoy a stupid man" (the envoy parsed as the predicate, the name as
    its apposition). (``_names_as`` only tells whether a verb names at all.)"""
    objects = _children(verb, {"dobj"})
    named = objects[0] if objects else None
    predicates = _children(verb, {"oprd"})
    if named is None and len(predicates) > 1:
        return predicates[0], predicates[1]  # "called the prime minister nasty"
    for name in predicates:
        if named is None:
            return name, next(iter(_children(name, {"appos", "dobj"})), None)
        return named, name
    datives = _children(verb, {"dative"})
    if datives and named is not None:
        return datives[0], named
    if len(objects) > 1:
        return objects[0], objects[1]
    if named is None:
        return None, None
    for preposition in _children(verb, {"prep"}):
        if preposition.lower_ == "as":
            for name in _children(preposition, {"pobj"}):
                return named, name
    for name in _children(named, {"appos"}):
        return named, name
    return named, None


def _claimed_by_noun(verb: Token) -> bool:
    """Whether a clause is what a noun of claim says ("the allegation that Kenya armed the rebels",
    "reports he had fled"), not a relative clause on it ("the report that was published")."""
    noun = verb.head
    if (
        verb.dep_ not in ("acl", "relcl", "ccomp")
        or noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in CLAIM_NOUNS
        or verb.i < noun.i
    ):
        return False
    if any(c.lower_ in RELATIVE_WORDS and c.dep_ != "mark" for c in verb.children):
        return False  # "the report that Chile published": "that" is the object, not a conjunction
    return bool(_children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))


def _negated(token: Token) -> bool:
    if any(
        c.dep_ == "neg"
        or c.lower_ in ("never", "not", "n't")
        and c.dep_ in ("neg", "advmod")
        or c.lower_ == "neither"  # "neither condemned nor praised"
        for c in token.children
    ):
        return True
    if any(
        # "neither Chile nor Peru signed", "no country has recognized": the subject denies it
        s.dep_ in ("nsubj", "nsubjpass")
        and any(d.lower_ in ("neither", "no") and d.dep_ in ("preconj", "det") for d in s.children)
        for s in token.children
    ):
        return True
    # "did not invite him nor do we endorse his views": a conjunct after "nor" is denied too
    return token.dep_ == "conj" and any(
        c.lower_ == "nor" and token.head.i < c.i < token.i for c in token.head.children
    )


def _has_modal(token: Token, modals: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in token.children)


#: Modal words that oblige the subject: the act is demanded ("must") or urged ("should"), not done.
OBLIGATION_MODALS = {"must": "demand", "should": "appeal", "ought": "appeal"}


def obligation(token: Token) -> str:
    """ "Y must withdraw", "Y has to withdraw", "Y needs to withdraw" ("demand"); "Y should
    withdraw" ("appeal"); "" when the act is not obliged (or "must have known": a guess)."""
    auxes = [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
    # the parser may hang "must" on "be" ("must also be prepared to")
    auxes += [
        g.lower_
        for c in token.children
        if c.dep_ in ("aux", "auxpass")
        for g in c.children
        if g.dep_ == "aux"
    ]
    for word in auxes:
        if word in OBLIGATION_MODALS:
            return "" if "have" in auxes else OBLIGATION_MODALS[word]
    head = token.head
    if token.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return obligation(head.head)  # "Chile must be ready to host the talks"
    if _after_ready(token):
        return obligation(head)  # "must be prepared to", parsed as a passive verb
    if (
        token.dep_ == "xcomp"
        and head.i != token.i
        and head.lemma_.lower() in ("have", "need")
        and head.pos_ in ("VERB", "AUX")
        and "to" in auxes
    ):
        return obligation(head) or "demand"
    if (
        token.dep_ == "conj"
        and head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
    ):
        return obligation(head)  # "must withdraw its troops and stop the shelling"
    return ""


def _after_ready(token: Token) -> bool:
    """ "is ready / willing / prepared to <token>" ("prepared" may be parsed as a passive verb)."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.i != token.i
        and (head.lemma_.lower() in READY_ADJECTIVES or head.lower_ in READY_ADJECTIVES)
    )


def _readiness_negated(token: Token) -> bool:
    """ "is not ready to help", "they are not prepared to sign": the readiness (the adjective, or the
    copula it completes) is negated, for the act after it or the adjective itself."""
    if (
        token.dep_ == "xcomp"
        and token.head.i != token.i
        and (
            token.head.lemma_.lower() in RELUCTANT_ADJECTIVES
            or token.head.lower_ in RELUCTANT_ADJECTIVES
        )
        and not _negated(token.head)
        and not (token.head.head.i != token.head.i and _negated(token.head.head))
    ):
        return True  # "is reluctant to send troops": not ready to
    ready = token.head if _after_ready(token) else token
    if ready.lemma_.lower() not in READY_ADJECTIVES and ready.lower_ not in READY_ADJECTIVES:
        return False
    copula = ready.head if ready.dep_ in ("acomp", "xcomp") and ready.head.i != ready.i else None
    return _negated(ready) or (copula is not None and _negated(copula))


def _announced_future(token: Token) -> bool:
    """ "Russia will send troops": an act announced for the future in the sentence's own voice (not
    under a speaker, whose future acts the speech rules weigh, nor in a clause of time or purpose)."""
    if token.dep_ not in ("ROOT", "conj") or _negated(token):
        return False  # "will not ease the curbs" is a refusal
    node, modal = token, _has_modal(token, ANNOUNCING_MODALS)
    while node.dep_ == "conj" and node.head.i != node.i:
        if _children(node, {"aux", "nsubj", "nsubjpass"}):
            break  # "Russia will attack and Ukraine resists": a clause of its own
        node = node.head  # "will attack Ukraine and seize Kiev": the modal is shared
        modal = modal or _has_modal(node, ANNOUNCING_MODALS)
    return modal and node.dep_ == "ROOT"


def _pronoun_agrees(pronoun: Token, mention: Mention) -> bool:
    """Whether a singular pronoun can stand for the mention: "it" and "he"/"she" are not plural
    people ("officials said it had killed three": "it" is something else), and "it" is no person."""
    word = pronoun.lower_
    if word not in ("it", "he", "she"):
        return True
    if mention.members:
        return False  # "Obama and Putin said it": not the pair
    head = pronoun.doc[mention.head]
    if head.tag_ == "NNS":
        return False  # a plural common noun; "the United States", "the Philippines" are singular
    # "it" is no person ("Putin said it"), but may be a person's regime or government
    return not (word == "it" and mention.rule in KNOWN_PERSON_RULES and head.pos_ == "PROPN")


def _bare_infinitive(token: Token) -> bool:
    """A "to" infinitive with no subject of its own ("to help X", not "for Y to help X")."""
    return _to_infinitive(token) and not _children(token, SUBJECT_DEPS)


def _to_infinitive(token: Token) -> bool:
    """A verb with "to" before it ("to help", "for Y to help")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _demand_code(code: str) -> str | None:
    """The demand an act names when demanded of the one to do it: what it yields (105x: "the
    release of X" is 1053) or a change of leaders (1041); None for any other act (a bare 100)."""
    asked = intent_code(DEMAND_CODES, code)
    return asked if asked.startswith(("105", "104")) and asked != "104" else None


def _call_purpose(verb: Token) -> bool:
    """ "called Erdogan to apologise", "phoned his counterpart to congratulate him": what a phone
    call to someone is made to say, said on the call (a statement, an apology, thanks)."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "advcl")
        and head.lemma_.lower() in CALL_VERBS
        and not any(c.lower_ in ("on", "upon", "for") and c.i > head.i for c in head.children)
        and bool(_children(head, {"dobj", "obj"}))
        and _bare_infinitive(verb)
        and verb.lemma_.lower() in CALL_PURPOSE_VERBS
    )


def _for_subject_infinitive(verb: Token) -> bool:
    """ "for Y to help X": a "to" infinitive whose own subject "for" introduces."""
    return (
        any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and _to_infinitive(verb)
        and bool(_children(verb, SUBJECT_DEPS))
    )


def _generic_description(verb: Token) -> bool:
    """ "Peruvians flying to Chile may need visas", "visitors entering Peru must ...":
    an -ing participle describing a bare plural (no article, number or owner) says what such people
    do in general, not what some did."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "acl" or verb.tag_ != "VBG":
        return False
    noun, clause = node.head, node.head.head
    return (
        (noun.tag_ == "NNS" or noun.tag_ == "NNPS" and noun.ent_type_ == "NORP")
        and not any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in noun.children)
        # said of such people in general: the subject of a modal or of the present tense
        # ("teachers striking in Ohio won a raise" is what some teachers did)
        and noun.dep_ in ("nsubj", "nsubjpass")
        and (_has_modal(clause, GENERIC_MODALS) or clause.tag_ in ("VBZ", "VBP"))
    )


def _expletive_it(verb: Token) -> bool:
    """ "it makes sense to", "it is important to", "it would be wrong to": "it" stands for the
    infinitive that follows, so the infinitive's act has no doer in the sentence."""
    return (
        verb.lemma_.lower() in ("be", "make", "seem", "appear", "remain")
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)
        and any(
            c.dep_ in ("dobj", "acomp", "attr") and c.lemma_.lower() in EVALUATIVE_WORDS
            for c in verb.children
        )
    )


def _finite_after_infinitive(conj: Token, verb: Token) -> bool:
    """ "urged Chile to reconsider and met Bolivia", parsed with "met" joined to "reconsider": a
    past or present-tense verb does not continue an infinitive; it is the main clause's."""
    # "plans to expel X and cut ties": a past form spelt as the bare verb may be either
    bare = conj.tag_ == "VBD" and conj.lower_ == conj.lemma_.lower()
    return conj.tag_ in ("VBD", "VBZ") and verb.tag_ == "VB" and not bare


#: Adjectives that doubt a that-clause: "it is unlikely that Peru will sign".
DOUBTING_ADJECTIVES = {"unlikely", "doubtful", "uncertain", "unclear", "improbable", "impossible"}


def conditional_warning(token: Token) -> bool:
    """ "China may impose sanctions if Japan sends troops", "could cut gas unless Kiev pays": an act
    put on a condition is a warning (or an offer) made now, coded as the intent to do it (a threat,
    131x, for sanctions), not a mere possibility."""
    return (
        _has_modal(token, CONDITIONAL_MODALS)
        and not _negated(token)
        and any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in CONDITIONING_MARKS for m in c.children)
            for c in token.children
        )
    )


def _conditional_act(verb: Token) -> bool:
    """A conditional warning in the sentence's own voice ("Russia would cut gas if ..."); under a
    speaker, the speech rules weigh it as a future act."""
    return verb.dep_ in ("ROOT", "conj") and conditional_warning(verb)


def _yes_no_question(token: Token) -> bool:
    """ "Will China attack Taiwan?", "Did Russia send troops?": asked, not told (a wh-question, "why
    did Russia attack?", takes the act as known)."""
    sentence = token.sent
    last = next(
        (t for t in reversed(sentence) if not t.is_space and t.text not in QUOTE_MARKS), None
    )
    if last is None or last.text != "?":
        return False
    node = token
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    subjects = _children(node, {"nsubj", "nsubjpass"})
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    return bool(
        subjects
        and auxes
        and min(a.i for a in auxes) < min(s.i for s in subjects)
        and not any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in sentence if t.i < node.i)
    )


def _hypothetical(token: Token) -> bool:
    """ "might attack", "if they attack": the act is not reported as happening."""
    if _yes_no_question(token):
        return True
    if (
        _has_modal(token, HYPOTHETICAL_MODALS) and not conditional_warning(token)
    ) or _counterfactual(token):
        return True
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return True
        if any(
            c.dep_ == "mark" and c.lower_ in FUTURE_TIME_MARKS for c in node.children
        ) and _present_tense(node):
            return True  # "must agree to reforms before they demobilise": not done (yet)
        if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in WEIGHING_VERBS:
            return True  # "is considering shipping food": not decided, not done
        if (
            node.dep_ in ("xcomp", "ccomp", "pcomp", "advcl")
            and node.head.lemma_.lower() in AVOIDING_VERBS
            and not _negated(node.head)
            # "shunned work to protest": with an object of its own, the clause is a purpose
            and not _children(node.head, {"dobj", "obj"})
        ):
            return True  # "avoided criticizing Peru" ("did not hesitate to criticize" did)
        if node.dep_ == "ccomp" and any(
            c.tag_ in ("WP", "WP$") and c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "dative")
            for c in node.children
        ):
            return True  # "did not say whom they would support": a question, no act
        if node.dep_ == "ccomp" and (
            node.head.lemma_.lower() in WISHING_VERBS or node.head.lower_ in WISHING_VERBS
        ):
            return True  # "Germany hopes Russia will withdraw": a wish, not an act
        if node.dep_ == "ccomp" and any(
            c.lower_ in DOUBTING_ADJECTIVES for c in (node.head, *_children(node.head, {"acomp"}))
        ):
            return True  # "it is unlikely that Peru will sign": doubted, not done
        if (
            node.dep_ in ("xcomp", "ccomp")
            and node.head.lemma_.lower() in PERMITTING_VERBS
            and _has_modal(node.head, HYPOTHETICAL_MODALS | {"would"})
        ):
            return True  # "the bill would allow people visiting X to be removed": not done
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _present_tense(verb: Token) -> bool:
    """Whether a clause's verb is in the present tense ("withdraw", "halts", "have withdrawn", "is
    lifted"), not the past ("withdrew", "had withdrawn", "was lifted")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes):
        return False
    return verb.tag_ in ("VBP", "VBZ", "VB") or any(a.tag_ in ("VBP", "VBZ") for a in auxes)


def _counterfactual(token: Token) -> bool:
    """ "a treaty that would have let Japan extradite": what would have been, was not; carried into
    complements and "and" conjuncts, not past "but" ("would have faced impeachment but resigned")."""
    node = token
    for _ in range(3):
        auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if node.tag_ == "VBN" and "have" in auxes and auxes & COUNTERFACTUAL_MODALS:
            return True
        if node.dep_ not in ("conj", "xcomp", "ccomp") or node.head.i == node.i:
            return False
        if node.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ in ("but", "yet") and node.head.i < c.i < node.i
            for c in node.head.children
        ):
            return False
        node = node.head
    return False


def _place_at(
    token: Token, mentions: list[Mention], countries: list[str], source_codes: set[str]
) -> Mention | None:
    """The place ``token`` names, as a mention of its country: a country or capital mention, a
    nationality-tagged place name, or a gazetteer place; None for an actor or a source's own place."""
    mention = mention_at(mentions, token)
    if mention is not None:
        is_place = mention.rule in PLACE_RULES or (
            mention.rule == "ner+nationality" and token.ent_type_ in ("GPE", "LOC", "FAC")
        )
        return mention if is_place and mention.actor.code not in source_codes else None
    place = _gazetteer_mention(token, countries)
    return place if place is not None and place.actor.code not in source_codes else None


def _gazetteer_mention(token: Token, prefer: Collection[str] = ()) -> Mention | None:
    """A city or state the gazetteer knows, as a mention of its country (a namesake in a ``prefer``
    country first: "Tripoli" for Lebanese actors)."""
    place = gazetteer_place(token, prefer=prefer)
    if place is None:
        return None
    code = str(place["country"])
    name = place_name(token)
    start = token.i - len(name.split()) + 1
    return Mention(
        start,
        token.i + 1,
        ActorRef(code, code, None, None, str(place["name"]), name),
        "place",
        token.i,
    )


def _same_source(mention: Mention, sources: list[Mention]) -> bool:
    return any(_same_actor(mention, s) for s in sources)


#: Words that make a rally an election campaign's: "a campaign rally", "an election rally".
CAMPAIGN_WORDS = {"campaign", "election", "electoral", "reelection", "re-election", "campaigning"}


def _campaigning(predicate: Token) -> bool:
    """Whether a demonstration is an election campaign's ("held a campaign rally", "an election
    rally") or a candidate gathering supporters ("rallied supporters in Ohio"): no protest."""
    if predicate.lemma_.lower() == "rally" and _children(predicate, {"dobj", "obj"}):
        return True
    gatherings = [predicate] + _children(predicate, {"dobj", "obj", "nsubjpass"})
    return any(
        c.lemma_.lower() in CAMPAIGN_WORDS
        for g in gatherings
        for c in g.children
        if c.dep_ in ("compound", "amod", "nmod")
    )


#: Consultations (04): with the press they are statements (010) to it, made by the other party.
CONSULT_ROOT = "04"
PRESS_SECTOR = "MED"
#: Visits made and hosted: with the press, still visits.
VISIT_CODES = {"042", "043"}
#: Yielding (080) by an armed force withdrawing is a military retreat (0874).
YIELD_CODE = "080"
MILITARY_RETREAT_CODE = "0874"
FIGHTING_SECTORS = {"MIL", "REB", "UAF", "INS"}
RETREAT_WORDS = {"withdraw", "withdrawal", "retreat", "pull", "pullout", "pullback"}
#: A visit; and the kinds of people whose travels are no visit (civilians, refugees, migrants).
VISIT_CODE = "042"
PRIVATE_MOVERS = {"CVL", "REF"}
STATEMENT_CODE = "010"


def _press_statements(events: list[CodedEvent], trace: Trace | None) -> list[CodedEvent]:
    """ "spoke to reporters", "speaking to the BBC", "a reporter reached out to X to discuss": talking
    with the press is a statement to it (010) by the party that is not the press, not a consultation
    between the two."""
    out: list[CodedEvent] = []
    seen: set[tuple[int, int]] = set()
    for event in events:
        target = event.target
        doc = event.trigger.doc
        press = [
            m
            for m in (event.source, target)
            if m is not None
            and (_is_press(m) or _is_audience(m, doc) or _addressed(m, event.trigger))
        ]
        if target is None or len(press) != 1 or event.code in VISIT_CODES:
            # a journalist travelling to a summit, or hosted by a ministry, says nothing to anyone
            out.append(event)
            continue
        speaker = target if press[0] is event.source else event.source
        if (speaker.start, press[0].start) in seen:
            continue
        seen.add((speaker.start, press[0].start))
        event.source, event.target, event.code = speaker, press[0], STATEMENT_CODE
        hearer = "the press" if _is_press(press[0]) else "an audience"
        event.frame += f", talking to {hearer}: a statement"
        out.append(event)
        if trace:
            trace.add(event.trigger, f"{speaker.actor.code} talking to {hearer}: 010, not 04x")
    return out


def _is_press(mention: Mention) -> bool:
    return (mention.actor.sector or "").startswith(PRESS_SECTOR)


#: Those a speaker addresses, not consults: "spoke to a crowd of supporters" is a statement (010).
AUDIENCE_NOUNS = {
    "crowd",
    "audience",
    "gathering",
    "congregation",
    "throng",
    "rally",
    "onlooker",
    "spectator",
    "attendee",
}


#: Plain people a speaker talks to as a body ("spoke to village elders", "talked to the troops").
ADDRESSED_SECTORS = {"CVL", "ELI", "EDU", "LAB", "AGR", "MIL", "REF"}
SPEAKING_VERBS = {"speak", "talk", "address"}


def _addressed(mention: Mention, trigger: Token) -> bool:
    """Whether a mention is a body of plain people of no named country a speaker talks to:
    "speaking to village elders", "talked to the troops" (not "spoke to officials", a
    consultation)."""
    head = trigger.doc[mention.head if mention.head >= 0 else mention.end - 1]
    return (
        trigger.lemma_.lower() in SPEAKING_VERBS
        and head.tag_ == "NNS"
        and mention.rule == "agent"
        and not mention.members
        and mention.actor.sector in ADDRESSED_SECTORS
        and _placeless(mention)  # "spoke with Ugandan farmers": a party named, consulted
    )


def _is_audience(mention: Mention, doc: Doc) -> bool:
    """Whether a mention is an audience ("a crowd of supporters"), by its head noun."""
    head = mention.head if mention.head >= 0 else mention.end - 1
    return doc[head].lemma_.lower() in AUDIENCE_NOUNS


def _compound_runs(noun: Token) -> set[str]:
    """Every run of the words compounded into ``noun`` that ends with it, through compounds of
    compounds: "a car bomb attack" gives "car bomb attack" and "bomb attack"."""
    chain = sorted(
        (t for t in noun.subtree if t.i < noun.i and _compounded_into(t, noun)), key=lambda t: t.i
    )
    lemmas = [t.lemma_.lower() for t in chain] + [noun.lemma_.lower()]
    return {" ".join(lemmas[k:]) for k in range(len(lemmas))}


def _compounded_into(word: Token, noun: Token) -> bool:
    """Whether ``word`` modifies ``noun`` as a compound, directly or through other compounds ("al-
    Shabab" in "an al-Shabab car bomb attack")."""
    while word.dep_ == "compound" and word.head.i != word.i:
        word = word.head
        if word.i == noun.i:
            return True
    return False


def _not_an_attack(token: Token) -> bool:
    """An attack noun that names no attack by anyone: "a heart attack", "a gas explosion"."""
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
    if modifiers & NOT_ATTACK_MODIFIERS:
        return True
    return (
        token.lemma_.lower() in ("explosion", "blast") and not _object_words(token) & ATTACK_PHRASES
    )


def _unknown_mention(doc: Doc, start: int, end: int, head: int) -> Mention:
    """A mention of the unknown author of an attack, over the words that name the attack."""
    text = doc[start:end].text
    actor = ActorRef("---", None, None, None, "unknown", text)
    return Mention(start, end, actor, UNKNOWN_PERPETRATOR_RULE, head=head)


def _same_actor(one: Mention, other: Mention) -> bool:
    """The same actor under two mentions ("Jordan … in Amman"): no event between them."""
    return one.actor.code == other.actor.code and one.actor.name == other.actor.name


#: CAMEO's violent repression (175), which a clash with protesters or rioters is.
REPRESSION_CODE = "175"
#: CAMEO's unspecified use of conventional military force.
FORCE_CODE = "190"


def _headline_participle(verb: Token) -> bool:
    """ "Two Kenyan soldiers killed in Somalia ambush": a participle on the noun a verbless
    sentence (a headline) is made of is that sentence's passive verb."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in verb.sent)
    )


def _nested_between(predicate: Token) -> list[Token]:
    """The objects of a "between" inside the noun phrases of ``predicate``'s object or
    prepositions, through nouns and prepositions only ("a halt to the fighting between A and B";
    not a clause in them)."""
    found: list[Token] = []
    stack = [
        t
        for c in predicate.children
        if c.dep_ in ("dobj", "obj", "prep")
        for t in ([c] if c.dep_ != "prep" else _children(c, {"pobj"}))
    ]
    while stack:
        noun = stack.pop()
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for prep in _children(noun, {"prep"}):
            objects = _children(prep, {"pobj"})
            if prep.lower_ == "between":
                found += objects
            else:
                stack += objects
    return found


def _armed_clash(event: CodedEvent) -> CodedEvent:
    """ "Ecuadorian and Peruvian forces clashed", "police clashed with militants": a clash between
    armed forces or groups on both sides is a use of force (190), not the repression (175) a clash
    of the police with protesters is; the protesters' side of that clash is a violent protest
    (145)."""
    sectors = [m.actor.sector if m is not None else None for m in (event.source, event.target)]
    if (
        event.code == REPRESSION_CODE
        and event.predicate.lemma_.lower() == "clash"
        and all(s in FIGHTING_SECTORS | {"COP"} for s in sectors)
        and any(s in FIGHTING_SECTORS for s in sectors)
    ):
        event.code = FORCE_CODE
        event.notes.append("armed men on both sides: a use of force")
    elif (
        event.code == REPRESSION_CODE
        and event.predicate.lemma_.lower() == "clash"
        and event.target is not None
        and sectors[0] not in ARMED_SECTORS | STATE_SECTORS
        and sectors[1] in STATE_FORCE_SECTORS
    ):
        # "protesters clashed with police": the police repress (175), the protesters riot (145)
        event.code = VIOLENT_PROTEST_CODE
        event.notes.append("a crowd clashing with the state's forces: a violent protest")
    return event


def _unarmed_fight(event: CodedEvent) -> bool:
    """An event of a pattern flagged ``armed`` ("Ecuadorian and Peruvian forces fought") with no
    armed men or state on either side, or no longer a use of force: "Peruvian and Chilean
    officials fought for a better deal" is a fight of words, none at all."""
    if event.pattern is None or not event.pattern.armed:
        return False
    sides = [m for m in (event.source, event.target) if m is not None]
    armed = any(
        m.actor.sector in ARMED_SECTORS
        or m.actor.code.startswith("IMG")
        or (m.actor.sector is None and bool(m.actor.country))  # a state: "Peru fought Chile"
        for m in sides
    )
    return event.code != FORCE_CODE or not armed


def _unanchored(event: CodedEvent) -> bool:
    """An event between a name of no known country (or its later mentions) and another party of no
    known country ("a judge sentenced Jane Doe", "a web site asked a researcher"): too little is
    known of who acted on whom for an event; so is a role of no known country acting on the same
    role ("---MIL" on "---MIL"). One party alone ("Jane Doe resigned") is kept."""
    sides = [m for m in (event.source, event.target) if m is not None]
    unknown = any(m.actor.code == "---" and not m.members for m in sides) or (
        # "the Coast Guard directed its units": one role of no known country on both sides
        len({m.actor.code for m in sides}) == 1 and sides[0].actor.code.startswith("---")
    )
    return len(sides) == 2 and unknown and not any(m.actor.country or m.actor.igo for m in sides)


def _placeless(mention: Mention) -> bool:
    """A role with no country or organisation: "civilians", "children", "gunmen"."""
    actor = mention.actor
    return bool(actor.sector) and not actor.country and not actor.igo and not mention.members


def _located(mention: Mention, place: Mention) -> Mention:
    """``mention`` as people of ``place``'s country."""
    actor = mention.actor
    code = actor_code(place.actor.country, None, actor.sector)
    return replace(mention, actor=replace(actor, code=code, country=place.actor.country))


def _instruments(predicate: Token) -> tuple[Token, ...]:
    """The attacks a predicate names as its means ("died in artillery shelling by X", "died in an
    air strike"): their places are the predicate's."""
    found = [
        obj
        for prep in _children(predicate, {"prep", "agent"})
        if prep.lower_ in ("in", "by", "during")
        for obj in _children(prep, {"pobj"})
    ]
    found += _children(predicate, {"advcl"})  # "killed in tank shelling" parsed as a clause
    return tuple(
        t for t in found if t.lemma_.lower() in INSTRUMENT_NOUNS or t.lower_ in INSTRUMENT_NOUNS
    )


#: Nouns of a span of time ("spent three days touring China", "for three days").
TIME_NOUNS = {
    "time",
    "hour",
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
    "decade",
    "while",
    "period",
}
#: Objects of "for"/"over" that are a time, a prize or a purpose of fighting, not a reason to criticise:
#: "attacked the town for three days", "over the weekend", "for control of the pass".
NOT_REASONS = TIME_NOUNS | {
    "control",
    "possession",
    "territory",
    "revenge",
    "retaliation",
}


def _on_condition_of_anonymity(verb: Token) -> bool:
    """ "speaking on condition of anonymity", "talked on the condition that they not be named"."""
    return any(
        noun.lemma_.lower() == "condition"
        for prep in _children(verb, {"prep"})
        if prep.lower_ == "on"
        for noun in _children(prep, {"pobj"})
    )


def _headline_speaker(subject: Token, verb: Token) -> bool:
    """Whether ``subject`` is a headline's source before a colon ("Peruvian police: bus blast
    injures nine"), with the colon between it and ``verb``."""
    if not subject.i < verb.i:
        return False
    for token in subject.doc[subject.i + 1 : verb.i]:
        if token.text == ":":
            return True  # the colon closes the speaker's phrase
        if not subject.is_ancestor(token):
            return False  # "officials said on Monday: ..." is no headline's source
    return False


def _is_time_word(token: Token) -> bool:
    """ "three days", "the whole morning", "Monday": a span or point of time."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in TIME_NOUNS


def _said_of(predicate: Token, figurative: Figurative, weapons: Weapons | None) -> bool:
    """Whether a use-of-force verb is said of someone's words or conduct: its object is something
    said or decided ("attacked the ruling"), or it gives a reason ("for the remark", "for accumulating
    wealth", "over its handling of") or a judgement ("as a liar", "as reckless"), and no weapon is
    named anywhere in the clause."""
    if weapons is not None and any(
        t.lemma_.lower() in weapons.words or t.lower_ in weapons.words for t in predicate.subtree
    ):
        return False
    if any(
        o.lemma_.lower() in figurative.objects
        for o in _with_conjuncts(_children(predicate, {"dobj"}))
    ):
        return True
    for prep in _children(predicate, {"prep"}):
        if prep.lower_ in FORUM_PREPS and any(
            o.lemma_.lower() in figurative.forums for o in _children(prep, {"pobj"})
        ):
            return True  # "attacked Biden during the debates", "hit out at X in an interview"
        if prep.lower_ not in figurative.preps:
            continue
        if _children(prep, {"pcomp"}):  # "for accumulating wealth"
            return True
        for obj in _children(prep, {"pobj"}):
            if prep.lower_ == "as":  # "as a liar", "as reckless"
                if obj.pos_ in ("NOUN", "ADJ"):
                    return True
            elif (
                obj.pos_ == "NOUN"
                and obj.lemma_.lower() not in NOT_REASONS
                and obj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
                and not _children(obj, {"nummod"})
            ):
                return True
    return False


def _weapon_code(predicate: Token, consumed_object: Token | None, weapons: Weapons) -> str | None:
    """The code of the one kind of weapon an unspecified use of force names ("in tank shelling", "by
    a missile", "with air strikes", "launched rocket attacks", "Israeli tanks attacked": 194 or 195
    with the packaged ``weapons`` section); None when it names none or more than one kind."""
    tokens = [
        obj
        for prep in _children(predicate, {"prep", "agent"})
        if prep.lower_ in ("in", "by", "with", "during", "using")
        for obj in _children(prep, {"pobj"})
    ]
    if consumed_object is not None:
        tokens.append(consumed_object)
    tokens += _children(predicate, {"nsubj"})  # "Israeli tanks attacked Gaza"
    kinds: set[str] = set()
    for token in _with_conjuncts(tokens):
        for words in sorted(_object_words(token) | _compound_runs(token), key=len, reverse=True):
            kind = next((c for c, (_label, ws) in weapons.kinds.items() if words in ws), None)
            if kind is not None:
                kinds.add(kind)
                break
    return kinds.pop() if len(kinds) == 1 else None


def _countries(mentions: list[Mention]) -> list[str]:
    """The countries of a sentence's actors, in order of mention."""
    return list(dict.fromkeys(m.actor.country for m in mentions if m.actor.country))


def _without_results(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "shelled the town, killing eight people": the participle tells the toll of the same attack,
    not a second one, once the attack itself is coded with a target."""
    attacks = {
        (e.trigger.i, e.source.actor.code)
        for e in events
        if e.code[:2] in FORCE_ROOTS and e.target is not None
    }
    return [
        e
        for e in events
        if not (
            e.code[:2] in FORCE_ROOTS
            and e.predicate.dep_ == "advcl"
            and e.predicate.tag_ == "VBG"
            and (e.predicate.head.i, e.source.actor.code) in attacks
        )
    ]


def _without_unknown_twins(events: list[CodedEvent]) -> list[CodedEvent]:
    """ "children were killed in Israeli shelling": one attack read twice, once with its author
    and once (the parser reading "shelling" as a verb) without, is coded with its author."""
    harmed = {
        (e.target.actor.code, e.code[:2])
        for e in events
        if e.target is not None and e.source.rule != UNKNOWN_PERPETRATOR_RULE
    }
    return [
        e
        for e in events
        if not (
            e.source.rule == UNKNOWN_PERPETRATOR_RULE
            and e.target is not None
            and (e.target.actor.code, e.code[:2]) in harmed
        )
    ]


def _without_unspecified(events: list[CodedEvent]) -> list[CodedEvent]:
    """One act of a verb on a pair, at its most specific: "demanded the release of the sailors held
    by X" is a demand for a release (1053), not also a bare demand (100); an unspecified code of a
    root (``X0``) gives way to a code of the same root from the same verb on the same pair."""

    def act(event: CodedEvent) -> tuple[int, str, str, str]:
        target = event.target.actor.code if event.target else ""
        return event.trigger.i, event.source.actor.code, target, event.code[:2]

    specific = {act(e) for e in events if not _unspecified(e.code)}
    return [e for e in events if not (_unspecified(e.code) and act(e) in specific)]


def _unspecified(code: str) -> bool:
    """Whether a code is its root's "not specified below" one (010, 100, 190)."""
    return len(code) == 3 and code.endswith("0")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if all(mention is not m for m in out):
            out.append(mention)
    return out


def _unique(events: list[CodedEvent]) -> list[CodedEvent]:
    """One event per act and dyad: the same mentions found twice, or one verb's act on two mentions
    coded alike ("cracked down on critics and alleged critics": one crackdown on ---OPP)."""
    seen: set[tuple[int, str, int, str, str]] = set()
    acts: set[tuple[int, str, str, str]] = set()
    out = []
    for event in events:
        key = (
            event.source.start,
            event.source.actor.code,
            event.target.start if event.target else -1,
            event.target.actor.code if event.target else "",
            event.code,
        )
        act = (
            event.trigger.i,
            event.source.actor.code,
            event.target.actor.code if event.target else "",
            event.code,
        )
        if key not in seen and act not in acts:
            seen.add(key)
            acts.add(act)
            out.append(event)
    return out


def _names_a_city(mention: Mention, doc: Doc) -> bool:
    """Whether a modifier mention is the name of a city or region the gazetteer knows ("Kabul",
    "Texas"), not of a country or a nationality ("US", "Israeli")."""
    place = gazetteer_place(doc[mention.head])
    return place is not None and place.get("type") != "country"


def _at_home(place: Mention, travellers: list[Mention]) -> bool:
    """Whether a place target is the travellers' own country, or a city the gazetteer knows that
    a traveller of no known country may live in."""
    if place.rule not in PLACE_RULES | {"place"} or not place.actor.country or not travellers:
        return False
    if place.rule == "place" and not all(s.actor.country for s in travellers):
        return True
    return all(s.actor.country == place.actor.country for s in travellers)


def _of_object(token: Token, noun: Token) -> bool:
    """Whether ``token`` is the "of" object of the act noun ``noun`` ("the withdrawal of troops")."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == noun.i


def intent_code(codes: dict[str, str], code: str) -> str:
    """The intent code of an act: the act's own (0841 → 0353), its base code's (0862 → 086 →
    0355), else its root's (19 → 138), else the act."""
    return codes.get(code, codes.get(code[:3], codes.get(code[:2], code)))
