"""Speech: what reported speech means for the events inside it.

"X said (that) ..." puts the clause's events under X's word. The rules, applied to the events the
coder found in a sentence (:mod:`dyadwatch.events`):

* **speculation by unnamed speakers** — "analysts believe Y will attack Z": beliefs and expectations
  of speakers without a name are not events (SPECULATION gate);
* **self-reports** — the clause's subject is the speaker or a pronoun for it ("Merkel said she would not
  provide aid to Mali"): the event stays, with the speaker as source;
* **reported conflict** — a conflictual act (QuadClass 3 or 4) that X reports of another actor Y is X
  accusing Y (112), not an act of Y: "The US said Iraq had attacked its neighbour" is USA → IRQ 112;
* **reported cooperation** stays as reported ("Vucic stressed ... Serbia will conduct cooperation
  with China" is SRB → CHN);
* **judgements** — what X says Y *does* or *is* codes X's attitude to Y: a disapproved behaviour
  ("Y has been stirring up trouble", "Y's attempt to sabotage ...") is X disapproving of Y (111); a
  praising predicate ("Y is a reliable partner") is X praising Y (051); a blaming one ("Y is a threat")
  is X criticising Y (111).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .actors import Mention, actor_code
from .codes import code_table
from .events import (
    COUNTERFACTUAL_MODALS,
    FORCE_ROOTS,
    INFERRED_AGENT_NOTE,
    NAMING_VERBS,
    STATE_SECTORS,
    UNKNOWN_PERPETRATOR_RULE,
    CodedEvent,
    EventCoder,
    Trace,
    conditional_warning,
    confidence,
    demand_code,
    intent_code,
    named_and_name,
    obligation,
)
from .nlp import tokens_of, verbs_of
from .syntax import children

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .records import ActorRef

#: Verbs of knowing: "people must know that ...", "Peru must understand that ..." ask for no act.
KNOWING_VERBS = {"know", "understand", "realise", "realize", "remember", "learn"}
#: Dependency labels by which a clause reports what its speaker said.
REPORTED_DEPS = {"ccomp", "parataxis"}
SELF_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
#: Roots of verbal acts (statements, appeals, intents, demands, criticism, rejections, threats): a
#: speaker's own future one is not turned into an intent.
VERBAL_ROOTS = {"01", "02", "03", "10", "11", "12", "13"}
#: Verbs by which a speaker claims its own past act; responsibility is claimed for force only.
CLAIM_VERBS = {"claim", "admit", "acknowledge", "confirm"}
#: Modal words of a future act.
FUTURE_MODALS = {"will", "would", "shall", "'ll", "wo"}
#: QuadClasses of conflict: reported, they are accusations.
CONFLICT_QUADS = {3, 4}
#: Reporting verbs that present what they report as a wrongdoing: any act they report of another
#: actor is an accusation, not an act reported as done.
ALLEGING_VERBS = {"allege", "accuse", "charge"}
#: Codes that are a judgement of conduct more than an act ("breaking the law": 128): reported by a
#: speaker who takes no side, they are that speaker's view, not an event.
JUDGEMENT_CODES = {"128"}


@dataclass
class Report:
    """A reporting verb, its speaker and the clause it reports."""

    verb: Token
    speaker: Mention | None
    clause: Token
    speculative: bool
    #: every conjoined speaker ("Obama and Putin said ..."), groups split into their members
    speakers: tuple[Mention, ...] = ()

    @property
    def speaker_codes(self) -> tuple[str, ...]:
        """The actor codes of the speakers."""
        return tuple(m.actor.code for m in self.speakers)


class SpeechInterpreter:
    """Reinterprets a sentence's events under the reporting verbs that govern them."""

    def __init__(self, coder: EventCoder) -> None:
        self.coder = coder
        self.patterns = coder.patterns
        frame = self.patterns.frame("reporting")
        self.unnamed = frame["unnamed"]
        self.codes = code_table()

    def reports(self, sent: Span, mentions: list[Mention]) -> list[Report]:
        """Every reporting verb of the sentence with its speaker and reported clause."""
        found = []
        for token in verbs_of(sent):
            if not self.patterns.is_frame_verb("reporting", token.lemma_.lower(), token.lower_):
                continue
            clauses = [c for c in token.children if c.dep_ in REPORTED_DEPS]
            # "Y did Z, X said": the reported clause is the verb's head
            if (
                not clauses
                and token.dep_ in ("ccomp", "parataxis")
                and token.head.pos_ in ("VERB", "AUX")
            ):
                clauses = [token.head]
            if not clauses:
                continue
            subjects, passive = self.coder._subject_tokens(token)
            speaker = next(
                (m for t in subjects if (m := self.coder._mention_for(t, mentions))), None
            )
            if speaker is None and token.dep_ == "acl":  # "with Chinese experts saying that ..."
                speaker = self.coder._mention_for(token.head, mentions)
            speculative = (
                self.patterns.is_frame_verb("reporting", token.lemma_.lower(), token.lower_)
                and token.lemma_.lower() in self.patterns.frame("reporting")["speculation"]
            )
            speakers = [
                part
                for m in ([] if passive else self.coder._mentions(subjects, mentions))
                for part in m.split()
            ]
            for clause in clauses:
                found.append(
                    Report(
                        token,
                        None if passive else speaker,
                        clause,
                        speculative,
                        tuple(speakers),
                    )
                )
        return found

    def _report_of(self, token: Token, reports: list[Report]) -> Report | None:
        """The innermost report whose clause contains ``token``."""
        best: Report | None = None
        best_depth = -1
        for report in reports:
            if token.i == report.verb.i:
                continue
            if report.clause.left_edge.i <= token.i <= report.clause.right_edge.i and _within(
                token, report.clause
            ):
                depth = _depth(report.clause)
                if depth > best_depth:
                    best, best_depth = report, depth
        return best

    def _unnamed(self, speaker: Mention | None, sent: Span) -> bool:
        if speaker is None:
            return True
        head = sent.doc[speaker.head]
        return (
            speaker.rule == "agent" and head.lower_ in self.unnamed and head.ent_type_ != "PERSON"
        )

    def interpret(
        self,
        sent: Span,
        mentions: list[Mention],
        events: list[CodedEvent],
        trace: Trace | None = None,
    ) -> list[CodedEvent]:
        """Events of the sentence with reported speech taken into account."""
        reports = self.reports(sent, mentions)
        if not reports:
            kept = [e for e in events if not self._unclaimed_obligation(e, trace)]
            return kept + self._namings(sent, mentions, kept, trace)
        out: list[CodedEvent] = []
        for event in events:
            report = self._report_of(event.trigger, reports)
            if report is None:
                if not self._unclaimed_obligation(event, trace):
                    out.append(event)
                continue
            speaker = report.speaker
            if event.obliged:
                demand = self._obligation_event(event, report, sent, trace)
                for part in _by_speaker(demand, report):
                    if not _already(out, part.source, part.target, part.code):
                        out.append(part)  # "Y must mediate between A and B": one demand on Y
                continue
            if report.speculative and self._unnamed(speaker, sent):
                if trace:
                    trace.add(
                        event.trigger,
                        f"event {event.code} is speculation by an unnamed speaker: dropped",
                    )
                continue
            quad = self.codes.get(event.code).quad_class
            alleged = report.verb.lemma_.lower() in ALLEGING_VERBS
            if speaker is None or not _has_stance(speaker):
                if event.code in JUDGEMENT_CODES:
                    # "the government is breaking the law, the petitioner said": a view, not an act
                    if trace:
                        trace.add(
                            event.trigger,
                            f"event {event.code} is a judgement by a speaker of no side: not coded",
                        )
                    continue
                if alleged and quad not in CONFLICT_QUADS:
                    # "a report alleged that Uganda had armed the rebels": the aid is the charge,
                    # not an act reported as done
                    if trace:
                        trace.add(
                            event.trigger, f"event {event.code} is alleged: not coded as done"
                        )
                    continue
                # "officials said", "state media reported": attribution only; an act they report
                # for the future is announced, as "Kenya will send troops" is in the text's voice
                out.append(self._reported_future(event, report))
                continue
            pronoun = (
                sent.doc[event.source.start].lower_ in SELF_PRONOUNS
                and event.source.end - event.source.start == 1
            )
            if event.source.actor.code in report.speaker_codes and not pronoun:
                out.append(self._self_report(event, report))  # one of several speakers, its own act
                continue
            if pronoun or speaker.actor.code == event.source.actor.code:
                event.source = speaker
                out.extend(_by_speaker(self._self_report(event, report), report))
                continue
            if _speaks_for(speaker, event.source):
                # "Japan's trade ministry said Tokyo would lift the curbs": an organ of a state on
                # what its state will do
                out.append(self._self_report(event, report))
                continue
            if _own_organ(speaker, event.source):
                # "the president said the army would impose a curfew": an official on what a state
                # organ of no named country does speaks of their own state's
                event.source = replace(
                    event.source,
                    actor=replace(
                        event.source.actor,
                        code=actor_code(speaker.actor.country, None, event.source.actor.sector),
                        country=speaker.actor.country,
                    ),
                )
                out.append(self._self_report(event, report))
                continue
            if _described(event.predicate, report.verb):
                # "said it would back a motion that seeks to impose a blockade": what a
                # relative clause says of a thing the speaker names is description, not a charge
                out.append(event)
                continue
            if not alleged and (
                _bystander_security(speaker, event)
                or _trailing_bystander(speaker, event, report)
                or (quad == 4 and _monitor(speaker, event))
            ):
                # "Thai police said Burmese troops captured the stronghold": a third country's
                # police or army passing on a fight it is no party to is a source, not an accuser
                event.notes.append(f"reported by {speaker.actor.code} ('{report.verb.text}')")
                out.append(self._reported_future(event, report))
                continue
            if INFERRED_AGENT_NOTE in event.notes:
                # "Kenya alleged that its citizens were detained in Somalia": no one named as doing
                # it, so no one is accused, and a party's claim is no report of the act
                if trace:
                    trace.add(
                        event.trigger, f"event {event.code} has no named doer to accuse: not coded"
                    )
                continue
            if event.source.rule == UNKNOWN_PERPETRATOR_RULE:
                # "three civilians were killed in a car bombing, police said": no one is accused,
                # the speaker passes on the attack
                event.notes.append(f"reported by {speaker.actor.code} ('{report.verb.text}')")
                out.append(self._reported_future(event, report))
                continue
            if (quad in CONFLICT_QUADS or alleged) and event.source.actor.key != speaker.actor.key:
                # "Uganda alleged that Kenya had trained the rebels": alleged, the act is a charge
                if _already(out, speaker, event.source, "112"):
                    continue  # "claimed X had raided two towns and seized a third": one accusation
                accused = CodedEvent(
                    speaker,
                    event.source,
                    event.predicate,
                    report.verb,
                    "112",
                    event.pattern,
                    "speaker of a reported conflict, accused actor",
                    notes=[
                        f"'{report.verb.text}' reports {event.code} of the target: an accusation"
                    ],
                )
                accused.confidence = confidence(accused)
                out.extend(_by_speaker(accused, report))
                if trace:
                    trace.add(report.verb, f"reported conflict {event.code} becomes accusation 112")
                continue
            event.notes.append(f"reported by {speaker.actor.code} ('{report.verb.text}')")
            out.append(self._reported_future(event, report))
        out.extend(self._judgements(sent, mentions, reports, out, trace))
        out.extend(self._namings(sent, mentions, out, trace))
        return out

    def _namings(
        self,
        sent: Span,
        mentions: list[Mention],
        coded: list[CodedEvent],
        trace: Trace | None,
    ) -> list[CodedEvent]:
        """Calling an actor names: "X called Y a traitor", "branded Y a threat", "described Y as a
        reliable partner" is X blaming (111) or praising (051) Y, by the words of the name."""
        found: list[CodedEvent] = []
        for token in verbs_of(sent):
            if token.pos_ != "VERB" or token.lemma_.lower() not in NAMING_VERBS:
                continue
            if _negated_copula(token) or _has_modal(token, COUNTERFACTUAL_MODALS):
                continue
            named, name = named_and_name(token)
            if named is None or name is None:
                continue
            subjects, passive = self.coder._subject_tokens(token)
            speaker = next(
                (m for t in subjects if (m := self.coder._mention_for(t, mentions))), None
            )
            judged = self.coder._mention_for(named, mentions)
            if judged is None:
                # "called the Colombian plan reckless": whose the thing named is
                judged = next(iter(self.coder._owners([named], mentions)), None)
            verdict = self._judge(name)
            if passive or speaker is None or judged is None or verdict is None:
                continue
            code, how = verdict
            if judged.actor.key == speaker.actor.key or _already(
                coded + found, speaker, judged, code[:2]
            ):
                continue
            event = CodedEvent(
                speaker,
                judged,
                token,
                token,
                code,
                None,
                "subject, actor named",
                notes=[f"'{token.text}' names the actor: {how}"],
            )
            event.confidence = confidence(event)
            found.append(event)
            if trace:
                trace.add(
                    token,
                    f"EVENT {speaker.actor.code} -> {judged.actor.code} {code} (named: {how})",
                )
        return found

    def _unclaimed_obligation(self, event: CodedEvent, trace: Trace | None) -> bool:
        """An act someone must or should do, with no speaker to demand it, is no event."""
        if event.obliged and trace:
            trace.add(event.trigger, f"event {event.code} is obliged, not done: dropped")
        return bool(event.obliged)

    def _obligation_event(
        self, event: CodedEvent, report: Report, sent: Span, trace: Trace | None
    ) -> CodedEvent | None:
        """ "X said Y must withdraw": X demands (10x) the withdrawal of Y; "should": X appeals to Y
        (02x). Said of the speaker itself ("we must deepen ties"), it is the speaker's intent."""
        speaker = report.speaker
        if (
            speaker is None
            or not _has_stance(speaker)
            or (report.speculative and self._unnamed(speaker, sent))
        ):
            self._unclaimed_obligation(event, trace)
            return None
        pronoun = (
            sent.doc[event.source.start].lower_ in SELF_PRONOUNS
            and event.source.end - event.source.start == 1
        )
        among = _among_speakers(event.source, report)
        if pronoun or speaker.actor.code == event.source.actor.code or among:
            if not among:
                event.source = speaker  # "Peru said it must": the pronoun is the speaker
            event.obliged = ""
            intent = self.patterns.frame("intent").codes
            if event.code[:2] not in VERBAL_ROOTS and event.code[:2] in intent:
                event.code = intent_code(intent, event.code)
                event.intent = True
                event.notes.append(f"an act it says it must do ('{report.verb.text}'): intent")
            return event
        if "symmetric" in event.frame or "converse" in event.frame:
            return None  # the obliged actor is the clause's subject only
        code = self._obliged_code(event.code, event.obliged)
        demand = CodedEvent(
            speaker,
            event.source,
            event.predicate,
            report.verb,
            code,
            event.pattern,
            "speaker, obliged actor",
            notes=[
                f"'{report.verb.text}': {event.source.actor.code} {event.obliged}ed to do {event.code}"
            ],
        )
        demand.confidence = confidence(demand)
        if trace:
            trace.add(report.verb, f"obliged act {event.code} becomes {event.obliged} {code}")
        return demand

    def _obliged_code(self, code: str, kind: str) -> str:
        if kind == "appeal":
            return self.patterns.frame("appeal").codes.get(code[:2], "020")
        return demand_code(code)

    def _as_intent(self, event: CodedEvent) -> bool:
        """Recode a reported act that is still to come ("said X will/would send aid") as the intent
        CAMEO has for it (033 for 070); whether it was recoded."""
        intent = self.patterns.frame("intent").codes
        if (
            not _future(event)
            or event.intent
            or event.code[:2] in VERBAL_ROOTS
            or event.code[:2] not in intent
        ):
            return False
        event.code = intent_code(intent, event.code)
        event.intent = True
        return True

    def _reported_future(self, event: CodedEvent, report: Report) -> CodedEvent:
        """Another's act that a report gives as still to come: the intent ("officials said Japan
        will resume talks": 036, not 046)."""
        if self._as_intent(event):
            event.notes.append(f"reported as still to come ('{report.verb.text}'): intent")
        return event

    def _self_report(self, event: CodedEvent, report: Report) -> CodedEvent:
        """A speaker's report of its own act: a future act is an intent ("said it would free ..."),
        a past use of force it "claims" is a claim of responsibility (015)."""
        future = _future(event)
        if self._as_intent(event):
            event.notes.append(f"announced as its own future act ('{report.verb.text}'): intent")
        elif (
            not future
            and event.code[:2] in FORCE_ROOTS
            and report.verb.lemma_.lower() in CLAIM_VERBS
        ):
            # responsibility is claimed for force ("confirmed it had suspended aid" is the act)
            event.notes.append(
                f"its own act claimed ('{report.verb.text}'): claim of responsibility"
            )
            event.code = "015"
        else:
            event.notes.append(f"reported by its own source ('{report.verb.text}')")
        event.frame += ", self-report"
        return event

    def _judgements(
        self,
        sent: Span,
        mentions: list[Mention],
        reports: list[Report],
        coded: list[CodedEvent],
        trace: Trace | None,
    ) -> list[CodedEvent]:
        """Disapproval, praise and blame that a speaker expresses through what another actor does or is."""
        frames = self.patterns
        found: list[CodedEvent] = []
        if not any(r.speaker is not None and _has_stance(r.speaker) for r in reports):
            return found  # nobody here takes sides
        for token in tokens_of(sent):
            report = self._report_of(token, reports)
            if report is None or report.speaker is None or not _has_stance(report.speaker):
                continue
            if report.speculative and self._unnamed(report.speaker, sent):
                continue
            if self.coder.patterns.is_frame_verb(
                "denial", report.verb.lemma_.lower(), report.verb.lower_
            ):
                continue  # "Russia denied that Ukraine attacked": a denial judges no one
            speaker = report.speaker
            judged: Mention | None = None
            code = ""
            how = ""
            within_country = False  # a demand may go to one's own government; judgements not
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and frames.is_frame_verb(
                "disapproval", lemma, token.lower_
            ):
                subjects, passive = self.coder._subject_tokens(token)
                if not passive:
                    judged = next(
                        (m for t in subjects if (m := self.coder._mention_for(t, mentions))), None
                    )
                conflict = any(
                    p.code[:2] >= "14" for p in self.patterns.for_verb(lemma, token.lower_)
                )
                code, how = (
                    ("112", f"accused of '{token.text}'")
                    if conflict
                    else ("111", f"disapproved behaviour '{token.text}'")
                )
            elif token.pos_ == "NOUN" and lemma in frames.frame("disapproval")["nouns"]:
                owners = [c for c in token.children if c.dep_ == "poss"]
                judged = next(
                    (m for t in owners if (m := self.coder._mention_for(t, mentions))), None
                )
                code, how = "111", f"disapproved '{token.text}'"
            elif (
                token.pos_ in ("VERB", "AUX")
                and lemma not in KNOWING_VERBS
                and (kind := obligation(token))
                and not any(e.trigger.i == token.i or e.predicate.i == token.i for e in coded)
            ):
                # "X said Y must do more": a demand (or, with "should", an appeal) on Y
                subjects, passive = self.coder._subject_tokens(token)
                if not passive:
                    judged = next(
                        (m for t in subjects if (m := self.coder._mention_for(t, mentions))), None
                    )
                code = "100" if kind == "demand" else "020"
                how = f"{kind} that it '{token.text}'"
                within_country = True
            elif lemma == "be" and not _negated_copula(token):
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                judged = self.coder._mention_for(subject, mentions) if subject is not None else None
                verdict = self._verdict(token)
                if verdict:
                    code, how = verdict
            if (
                judged is None
                or not code
                or judged.actor.key == speaker.actor.key
                and not (within_country and judged.actor.code != speaker.actor.code)
                or _negated_copula(token)
                or within_country
                and _own_state_policy(speaker.actor, judged.actor)
            ):
                continue
            if _already(coded + found, speaker, judged, code[:2]):
                continue
            event = CodedEvent(
                speaker,
                judged,
                token,
                report.verb,
                code,
                None,
                "speaker, judged actor",
                notes=[f"'{report.verb.text}' judges: {how}"],
            )
            event.confidence = confidence(event) - 0.1
            found.extend(_by_speaker(event, report))
            if trace:
                trace.add(
                    token, f"EVENT {speaker.actor.code} -> {judged.actor.code} {code} ({how})"
                )
        return found

    def _verdict(self, copula: Token) -> tuple[str, str] | None:
        for predicate in children(copula, {"attr", "acomp"}):
            verdict = self._judge(predicate)
            if verdict:
                return verdict
        return None

    def _judge(self, predicate: Token) -> tuple[str, str] | None:
        """Praise (051) or blame (111) in what an actor is said to be or is called ("a reliable
        partner", "a threat", "a dangerous man", "hostile")."""
        praise, blame = self.patterns.frame("praise"), self.patterns.frame("blame")
        lemma = predicate.lemma_.lower()
        described = {c.lemma_.lower() for c in predicate.children if c.dep_ in ("amod", "compound")}
        adjective = predicate.pos_ == "ADJ"
        answerable = any(p.lower_ == "for" for p in children(predicate, {"prep"}))
        if adjective and lemma in blame["adjectives"] and answerable:
            # "Russia is responsible for the attack": answerable for an act, not a praise
            return "111", f"blamed as '{predicate.text}' for it"
        if lemma in praise["nouns"] or adjective and lemma in praise["adjectives"]:
            return "051", f"praised as '{predicate.text}'"
        if lemma in blame["nouns"] or adjective and lemma in blame["adjectives"]:
            return "111", f"blamed as '{predicate.text}'"
        if predicate.pos_ == "NOUN" and described & (blame["adjectives"] | blame["nouns"]):
            return "111", f"blamed as '{predicate.text}'"  # "a dangerous man", "a puppet regime"
        return None


def _already(events: list[CodedEvent], source: Mention, target: Mention | None, code: str) -> bool:
    """Whether ``events`` has one from ``source`` to ``target`` (by actor code) whose code starts
    with ``code`` (a whole code, or a root for "the same kind of act")."""
    return target is not None and any(
        e.source.actor.code == source.actor.code
        and e.target is not None
        and e.target.actor.code == target.actor.code
        and e.code.startswith(code)
        for e in events
    )


def _future(event: CodedEvent) -> bool:
    """Whether the act is given as still to come ("will send", "would send", "may halt its
    mediation if ...")."""
    return (
        _has_modal(event.trigger, FUTURE_MODALS)
        or _has_modal(event.predicate, FUTURE_MODALS)
        or conditional_warning(event.trigger)
    )


def _within(token: Token, clause: Token) -> bool:
    """Whether ``token`` is in the reported ``clause``, and not in a temporal clause inside it: "the
    union said it had signed an agreement with the army after Thai troops shelled Myawaddy" reports
    the agreement; the shelling is the writer's background, no charge of the speaker's."""
    node = token
    for _ in range(50):
        if node.i == clause.i:
            return True
        if node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in node.children
        ):
            return False
        node = node.head
    return False


#: Conjunctions of a temporal clause, which dates what is reported rather than being reported.
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "when"})


def _by_speaker(event: CodedEvent | None, report: Report) -> list[CodedEvent]:
    """An event a report's speaker is the source of, once per conjoined speaker ("Peru and Chile
    said Bolivia must withdraw": both demand it; "Peruvian and Chilean officials said": each
    member of the group); none for none."""
    if event is None:
        return []
    if event.source is not report.speaker or len(report.speakers) < 2:
        return [event]
    return [
        replace(event, source=speaker, notes=list(event.notes))
        for speaker in report.speakers
        if event.target is None or speaker.actor.code != event.target.actor.code
    ]


def _among_speakers(source: Mention, report: Report) -> bool:
    """Whether ``source`` is one of a report's conjoined speakers, or the state one of them is an
    organ of ("Peruvian and Chilean officials agreed that their countries should ...")."""
    return source.actor.code in report.speaker_codes or any(
        _speaks_for(speaker, source) for speaker in report.speakers
    )


def _speaks_for(speaker: Mention, source: Mention) -> bool:
    """Whether ``speaker`` is an organ of the state ``source`` names (a country or its capital)."""
    return (
        source.actor.sector is None
        and source.actor.igo is None
        and source.actor.country is not None
        and speaker.actor.country == source.actor.country
        and speaker.actor.sector in STATE_SECTORS
    )


def _own_organ(speaker: Mention, source: Mention) -> bool:
    """Whether ``source`` is a state organ of no named country ("the government", "the army") and
    ``speaker`` an official of a state, whose own organ it then is."""
    return (
        source.rule == "agent"
        and not source.members
        and source.actor.country is None
        and source.actor.igo is None
        and source.actor.sector in STATE_SECTORS
        and speaker.actor.country is not None
        and speaker.actor.igo is None
        and speaker.actor.sector in STATE_SECTORS
    )


def _described(token: Token, verb: Token) -> bool:
    """Whether ``token`` sits in a relative clause between itself and the reporting ``verb``."""
    node = token
    for _ in range(50):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ == "relcl":
            return True
        node = node.head
    return False


def _depth(token: Token) -> int:
    depth = 0
    node = token
    while node.head.i != node.i and depth < 50:
        node, depth = node.head, depth + 1
    return depth


#: Sectors whose reports of fighting are news sources when their country is no party to it.
SECURITY_SECTORS = {"COP", "MIL"}


def _bystander_security(speaker: Mention, event: CodedEvent) -> bool:
    """Whether ``speaker`` is a police or military source of a country that is neither side of
    ``event`` ("Thai police said Burmese troops took the post")."""
    actor = speaker.actor
    if actor.sector not in SECURITY_SECTORS or not actor.country:
        return False
    sides = {event.source.actor.country, event.target.actor.country if event.target else None}
    return actor.country not in sides


#: Sectors of organisations that monitor and report what others do (rights groups, aid agencies,
#: the press).
MONITOR_SECTORS = {"NGO", "HRI", "MED"}


def _monitor(speaker: Mention, event: CodedEvent) -> bool:
    """Whether ``speaker`` is an international monitor that is neither side of ``event``: a rights
    group, aid agency or news organisation of no country, or an intergovernmental body ("Human
    Rights Watch said security forces tortured refugees", "the UN said troops shelled the camp").
    What such a speaker reports of material conflict is the act, not its own accusation."""
    actor = speaker.actor
    if actor.igo:
        return _no_side(speaker, event)
    return actor.sector in MONITOR_SECTORS and not actor.country


def _sides(event: CodedEvent) -> list[ActorRef]:
    return [event.source.actor] + ([event.target.actor] if event.target else [])


def _no_side(speaker: Mention, event: CodedEvent) -> bool:
    """Whether an intergovernmental speaker is neither side of ``event``."""
    return all(side.igo != speaker.actor.igo for side in _sides(event))


#: Plain verbs of attribution: "..., officials in Nairobi said", "..., the UN agency reported".
ATTRIBUTING_VERBS = {"say", "report", "tell", "add"}


def _trailing_bystander(speaker: Mention, event: CodedEvent, report: Report) -> bool:
    """Whether a report is wire attribution by a third party: a plain verb after the clause it
    reports, spoken by an organisation or a country that is neither side of ``event`` ("Sudanese
    rebels shelled Wau, officials in Nairobi said"). Such a speaker is the story's source, not an
    accuser; a side reporting what it suffered still accuses ("..., Israel said")."""
    if (
        report.verb.lemma_.lower() not in ATTRIBUTING_VERBS
        or report.clause.i > report.verb.i
        or event.trigger.i > report.verb.i
    ):
        return False
    actor = speaker.actor
    if actor.igo:
        return _no_side(speaker, event)
    return bool(actor.country) and all(side.country != actor.country for side in _sides(event))


def _has_stance(speaker: Mention) -> bool:
    """Whether a speaker takes sides: a named country, organisation or person, not the press or an
    unplaced "officials"."""
    actor = speaker.actor
    if speaker.members:
        # "Peruvian and Chilean officials": a group takes sides when its members do
        return any(_has_stance(member) for member in speaker.split())
    if speaker.rule == "region":
        return False  # "Asian News International reported": a region does not speak
    if actor.sector in ("NGO", "HRI") and speaker.rule == "known-organisation":
        return True  # "Amnesty said", "the Red Cross said": a named organisation with a cause
    return bool(actor.country or actor.igo) and actor.sector != "MED"


def _has_modal(token: Token, modals: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in token.children)


def _negated_copula(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _own_state_policy(speaker: ActorRef, judged: ActorRef) -> bool:
    """ "the prime minister said Britain must leave by then": a state's own officials saying what
    their country must do state its policy; they make no demand on it (an opposition's demand on
    its own government is one)."""
    return (
        judged.country is not None
        and judged.sector is None
        and not judged.igo
        and speaker.country == judged.country
        and (speaker.sector or "") in STATE_SECTORS - {"LEG", "JUD"}
    )
