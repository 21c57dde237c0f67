"""Events: code CAMEO events from dependency parses and resolved actor mentions.

For each predicate word that a pattern of ``data/verbs.yaml`` knows, the coder

1. picks the most specific pattern whose frame the sentence fills (a light-verb object such as
   "issued an *apology*", a particle such as "walk *out*"), else the bare-word pattern;
2. follows an *intent* verb ("vows to deepen cooperation") into its complement, coding the complement's
   event as the intent to do it (CAMEO 03x / 13x);
3. finds the **source**: the subject (passive agent for passives; the antecedent for "who"; the subject
   carried over from the first of conjoined verbs or from a controlling verb), expanded over
   conjoined subjects; for a nominal event ("a meeting with X") the possessor or the subject of the
   clause the noun hangs on;
4. finds the **target**: the direct object (or its possessor) unless the pattern consumed it, then the
   object of a preposition the pattern names, attached to the verb or to its object; expanded over
   conjoined objects; symmetric events are also coded in the other direction;
5. drops negated predicates ("did not meet"), which are not events of the coded kind.

The output is :class:`CodedEvent` records holding token indices; :mod:`dyadwatch.pipeline` turns them
into :class:`~dyadwatch.records.Event` with offsets, dates and places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .actors import Mention, mention_at
from .patterns import Pattern, Patterns, patterns
from .syntax import children as _children
from .syntax import with_conjuncts as _with_conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Dependency labels of a clause's subject, active and passive.
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
#: Labels by which a verb inherits the subject of the verb it hangs on ("pledged to deepen",
#: "expressed ... and pledged").
SUBJECT_SHARING_DEPS = {"conj", "xcomp"}
#: Dependency paths inside a noun phrase that still lead to the phrase's owner ("Chinese tech giant
#: Huawei multiple times" → Huawei; "Australia's call" → Australia).
NOMINAL_DEPS = {"compound", "nmod", "amod", "appos", "poss", "nummod", "det"}
#: Words that make the clause hypothetical or a denial rather than a report of the event.
NEGATION_DEPS = {"neg"}


@dataclass
class CodedEvent:
    """An event found in one sentence, still in token terms."""

    source: Mention
    target: Mention | None
    predicate: Token  # the word the pattern matched (the complement's verb for intent events)
    trigger: Token  # the word that carries the event's tense and subject (intent verb or predicate)
    code: str
    pattern: Pattern
    frame: str  # how source and target were found, for the evidence field
    intent: bool = False


class EventCoder:
    """Codes events in sentences whose actors are resolved."""

    def __init__(self, table: Patterns | None = None) -> None:
        self.patterns = table or patterns()

    # -- pattern choice ----------------------------------------------------------------------------

    def _objects(self, verb: Token) -> list[Token]:
        objs = _children(verb, {"dobj", "obj", "attr", "nsubjpass", "dative"})
        # "launch air strikes": the compound's words count too
        return objs

    def match_verb(self, verb: Token) -> tuple[Pattern, Token | None] | None:
        """The most specific pattern ``verb`` fills, with the object token it consumed."""
        candidates = self.patterns.for_verb(verb.lemma_.lower(), verb.lower_)
        if not candidates:
            return None
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        objects = self._objects(verb)
        for pattern in candidates:
            if pattern.particle and pattern.particle not in particles:
                continue
            if pattern.objects:
                found = next(
                    (o for o in _with_conjuncts(objects) if _object_words(o) & pattern.objects),
                    None,
                )
                if found is None:
                    continue
                return pattern, found
            return pattern, None
        return None

    def match_noun(self, noun: Token) -> Pattern | None:
        candidates = self.patterns.by_noun.get(noun.lemma_.lower())
        return candidates[0] if candidates else None

    # -- actors from syntax ------------------------------------------------------------------------

    def _mention_for(self, token: Token, mentions: list[Mention]) -> Mention | None:
        """The mention a token stands for: its own, or one inside its noun phrase."""
        own = mention_at(mentions, token)
        if own is not None:
            return own
        if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            return self._mention_for(token.head.head, mentions)
        best: Mention | None = None
        for mention in mentions:
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
                best = mention
                break
        return best

    def _subject_tokens(self, verb: Token) -> tuple[list[Token], bool]:
        """Subject tokens of ``verb`` and whether the clause is passive."""
        node = verb
        for _ in range(6):
            subjects = _children(node, SUBJECT_DEPS)
            if subjects:
                return _with_conjuncts(subjects), False
            passive = _children(node, PASSIVE_SUBJECT_DEPS)
            if passive:
                return _with_conjuncts(passive), True
            if node.dep_ in SUBJECT_SHARING_DEPS and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "relcl":
                return [node.head], False
            break
        return [], False

    def _agents(self, verb: Token) -> list[Token]:
        return _with_conjuncts(
            [p for c in _children(verb, {"agent"}) for p in _children(c, {"pobj"})]
        )

    def _prep_objects(self, heads: list[Token], preps: frozenset[str]) -> list[Token]:
        found: list[Token] = []
        for head in heads:
            for prep in _children(head, {"prep", "dative"}):
                if prep.lower_ in preps:
                    found.extend(_children(prep, {"pobj"}))
        return _with_conjuncts(found)

    # -- coding ------------------------------------------------------------------------------------

    def code_sentence(self, sent: Span, mentions: list[Mention]) -> list[CodedEvent]:
        """Code every event of a sentence."""
        if not mentions:
            return []
        events: list[CodedEvent] = []
        consumed: set[int] = set()
        for token in sent:
            if token.i in consumed:
                continue
            if token.pos_ in ("VERB", "AUX"):
                events.extend(self._code_verb(token, mentions, consumed))
            elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.patterns.by_noun:
                events.extend(self._code_noun(token, mentions))
        return _unique(events)

    def _intent_complement(self, verb: Token) -> Token | None:
        lemmas = self.patterns.verb_lemmas(verb.lemma_.lower(), verb.lower_)
        if not any(lemma in self.patterns.intent_verbs for lemma in lemmas):
            return None
        return next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
        )

    def _code_verb(
        self, verb: Token, mentions: list[Mention], consumed: set[int]
    ) -> list[CodedEvent]:
        trigger, predicate, intent = verb, verb, False
        complement = self._intent_complement(verb)
        match = None
        if complement is not None and self.match_verb(complement) is not None:
            predicate, intent = complement, True
            consumed.add(complement.i)
            match = self.match_verb(complement)
        if match is None:
            match = self.match_verb(verb)
            predicate, intent = verb, False
        if match is None:
            return []
        pattern, consumed_object = match
        if _negated(trigger) or (predicate is not trigger and _negated(predicate)):
            return []
        code = pattern.code
        if intent:
            code = self._intent_code(pattern.code)
        subjects, passive = self._subject_tokens(trigger)
        sources: list[Mention] = []
        target_tokens: list[Token] = []
        frame = "subject"
        if passive:
            sources = [m for t in self._agents(predicate) if (m := self._mention_for(t, mentions))]
            target_tokens = subjects
            frame = "passive agent"
        else:
            sources = [m for t in subjects if (m := self._mention_for(t, mentions))]
            if not pattern.objects:
                target_tokens = _with_conjuncts(_children(predicate, {"dobj", "obj", "dative"}))
        heads = [predicate] + ([consumed_object] if consumed_object is not None else [])
        target_tokens += self._prep_objects(heads, pattern.preps)
        targets = _dedupe([m for t in target_tokens if (m := self._mention_for(t, mentions))])
        return self._emit(sources, targets, predicate, trigger, code, pattern, frame, intent)

    def _intent_code(self, code: str) -> str:
        if code.startswith("03"):
            return code
        return self.patterns.intent_codes.get(code[:2], code)

    def _code_noun(self, noun: Token, mentions: list[Mention]) -> list[CodedEvent]:
        pattern = self.match_noun(noun)
        if pattern is None:
            return []
        # a noun that is the object of a verb pattern was coded with that verb ("held talks with")
        if noun.dep_ in ("dobj", "nsubjpass") and self.match_verb(noun.head) is not None:
            return []
        sources = [
            m
            for t in _with_conjuncts(_children(noun, {"poss"}))
            if (m := self._mention_for(t, mentions))
        ]
        frame = "possessor"
        if not sources and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            clause = noun.head.head
            if clause.pos_ in ("VERB", "AUX"):
                subjects, passive = self._subject_tokens(clause)
                if not passive:
                    sources = [m for t in subjects if (m := self._mention_for(t, mentions))]
                    frame = "subject of the clause"
        targets = _dedupe(
            [
                m
                for t in self._prep_objects([noun], pattern.preps)
                if (m := self._mention_for(t, mentions))
            ]
        )
        if (
            not sources
            and pattern.symmetric
            and len(targets) >= 2
            and any(p.lower_ == "between" for p in noun.children)
        ):
            # "talks between A and B": every pair, both ways
            sources, frame = targets, "between"
        return self._emit(sources, targets, noun, noun, pattern.code, pattern, frame, False)

    def _emit(
        self,
        sources: list[Mention],
        targets: list[Mention],
        predicate: Token,
        trigger: Token,
        code: str,
        pattern: Pattern,
        frame: str,
        intent: bool,
    ) -> list[CodedEvent]:
        events: list[CodedEvent] = []
        # group mentions ("the two countries") stand for each of their members
        sources = [part for m in _dedupe(sources) for part in m.split()]
        targets = [part for m in targets for part in m.split()]
        if not sources:
            return events
        if not targets:
            if pattern.no_target:
                events.extend(
                    CodedEvent(s, None, predicate, trigger, code, pattern, frame, intent)
                    for s in sources
                )
            elif pattern.symmetric and len(sources) >= 2:
                # "A and B held talks": each with each
                for s in sources:
                    for t in sources:
                        if s is not t:
                            events.append(
                                CodedEvent(
                                    s,
                                    t,
                                    predicate,
                                    trigger,
                                    code,
                                    pattern,
                                    "conjoined subjects",
                                    intent,
                                )
                            )
            return events
        for s in sources:
            for t in targets:
                if s is t or (s.actor.code == t.actor.code and s.actor.name == t.actor.name):
                    continue
                events.append(CodedEvent(s, t, predicate, trigger, code, pattern, frame, intent))
                if pattern.symmetric:
                    events.append(
                        CodedEvent(
                            t, s, predicate, trigger, code, pattern, frame + ", symmetric", intent
                        )
                    )
        return events


def _object_words(token: Token) -> set[str]:
    """The object's lemma and, for "air strikes", the compound as a whole."""
    words = {token.lemma_.lower(), token.lower_}
    compounds = [c for c in token.children if c.dep_ == "compound"]
    if compounds:
        words.add(" ".join([c.lemma_.lower() for c in compounds] + [token.lemma_.lower()]))
    return words


def _negated(token: Token) -> bool:
    return any(c.dep_ in NEGATION_DEPS for c in token.children)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if all(mention is not m for m in out):
            out.append(mention)
    return out


def _unique(events: list[CodedEvent]) -> list[CodedEvent]:
    seen: set[tuple[int, str, int, str, str]] = set()
    out = []
    for event in events:
        key = (
            event.source.start,
            event.source.actor.code,
            event.target.start if event.target else -1,
            event.target.actor.code if event.target else "",
            event.code,
        )
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
