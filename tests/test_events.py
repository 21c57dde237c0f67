"""Event coder: patterns, sources and targets from syntax, intent, negation, symmetry.

Parses are built by hand (see ``conftest.parse``) so the coding rules are what is tested.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import parse
from dyadwatch.events import EventCoder
from dyadwatch.patterns import patterns

DAY = date(2020, 9, 18)


@pytest.fixture(scope="module")
def event_coder():
    return EventCoder(patterns())


def _code(resolver, event_coder, doc, day=DAY):
    context = resolver.new_article(day)
    out = []
    for sent, mentions in zip(doc.sents, resolver.resolve_doc(doc, context), strict=True):
        for event in event_coder.code_sentence(sent, mentions):
            out.append(
                (
                    event.source.actor.code,
                    event.target.actor.code if event.target else None,
                    event.code,
                )
            )
    return out


def test_events_intent_verb_codes_its_complement_as_intent_to_cooperate(
    resolver, event_coder, blank_nlp
):
    doc = parse(
        blank_nlp.vocab,
        """
Serbia PROPN NNP nsubj 1
vows VERB VBZ ROOT 1 vow
to PART TO aux 3
deepen VERB VB xcomp 1
cooperation NOUN NN dobj 3
with ADP IN prep 4
Hungary PROPN NNP pobj 5
. PUNCT . punct 1
""",
    )
    assert _code(resolver, event_coder, doc) == [("SRB", "HUN", "030")]


def test_events_subject_carried_over_conjoined_verbs(resolver, event_coder, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Greece PROPN NNP nsubj 1
explained VERB VBD ROOT 1 explain
its PRON PRP$ poss 3
views NOUN NNS dobj 1 view
and CCONJ CC cc 1
pledged VERB VBD conj 1 pledge
to PART TO aux 7
strengthen VERB VB xcomp 5
ties NOUN NNS dobj 7 tie
with ADP IN prep 8
Cyprus PROPN NNP pobj 9
. PUNCT . punct 1
""",
    )
    assert _code(resolver, event_coder, doc) == [("GRC", "CYP", "030")]


def test_events_meeting_is_symmetric_and_titled_people_keep_their_country(
    resolver, event_coder, blank_nlp
):
    doc = parse(
        blank_nlp.vocab,
        """
Chinese ADJ JJ amod 1
Ambassador PROPN NNP compound 5
to ADP IN prep 1
Kenya PROPN NNP pobj 2
Zhou PROPN NNP compound 5
Ping PROPN NNP nsubj 6
met VERB VBD ROOT 6 meet
Kenyan ADJ JJ amod 8
officials NOUN NNS dobj 6 official
. PUNCT . punct 6
""",
    )
    assert _code(resolver, event_coder, doc) == [
        ("CHNGOV", "KENGOV", "040"),
        ("KENGOV", "CHNGOV", "040"),
    ]


def test_events_negated_predicate_is_no_event(resolver, event_coder, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Serbia PROPN NNP nsubj 3
did AUX VBD aux 3 do
not PART RB neg 3
meet VERB VB ROOT 3
Kosovo PROPN NNP dobj 3
. PUNCT . punct 3
""",
    )
    assert _code(resolver, event_coder, doc) == []


def test_events_passive_agent_is_the_source(resolver, event_coder, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Brazilian ADJ JJ amod 1
activists NOUN NNS nsubjpass 3 activist
were AUX VBD auxpass 3 be
arrested VERB VBN ROOT 3 arrest
by ADP IN agent 3
Guyanese ADJ JJ amod 6
police NOUN NNS pobj 4
. PUNCT . punct 3
""",
    )
    assert _code(resolver, event_coder, doc) == [("GUYCOP", "BRAOPP", "173")]


def test_events_light_verb_object_selects_the_specific_pattern(resolver, event_coder, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Putin PROPN NNP nsubj 1
issued VERB VBD ROOT 1 issue
an DET DT det 3
apology NOUN NN dobj 1
to ADP IN prep 1
Macron PROPN NNP pobj 4
. PUNCT . punct 1
""",
    )
    # a surname no other known person has names that person, by the office held on the date
    assert _code(resolver, event_coder, doc) == [("RUSGOV", "FRAGOV", "055")]
    doc = parse(
        blank_nlp.vocab,
        """
Vladimir PROPN NNP compound 1
Putin PROPN NNP nsubj 2
issued VERB VBD ROOT 2 issue
an DET DT det 4
apology NOUN NN dobj 2
to ADP IN prep 2
Emmanuel PROPN NNP compound 7
Macron PROPN NNP pobj 5
. PUNCT . punct 2
""",
    )
    assert _code(resolver, event_coder, doc) == [("RUSGOV", "FRAGOV", "055")]


def test_events_conjoined_subjects_of_symmetric_event_without_target(
    resolver, event_coder, blank_nlp
):
    doc = parse(
        blank_nlp.vocab,
        """
Japan PROPN NNP nsubj 4
and CCONJ CC cc 0
South PROPN NNP compound 3
Korea PROPN NNP conj 0
held VERB VBD ROOT 4 hold
talks NOUN NNS dobj 4 talk
. PUNCT . punct 4
""",
    )
    assert sorted(_code(resolver, event_coder, doc)) == [
        ("JPN", "KOR", "046"),
        ("KOR", "JPN", "046"),
    ]


def test_events_nominal_meeting_takes_the_clause_subject_as_source(
    resolver, event_coder, blank_nlp
):
    doc = parse(
        blank_nlp.vocab,
        """
During ADP IN prep 7
a DET DT det 2
meeting NOUN NN pobj 0
with ADP IN prep 2
Nigeria PROPN NNP pobj 3
, PUNCT , punct 7
Ghana PROPN NNP nsubj 7
criticised VERB VBD ROOT 7 criticise
Togo PROPN NNP dobj 7
. PUNCT . punct 7
""",
    )
    assert sorted(_code(resolver, event_coder, doc)) == [
        ("GHA", "NGA", "040"),
        ("GHA", "TGO", "111"),
        ("NGA", "GHA", "040"),
    ]


def test_events_needs_a_target_unless_the_pattern_says_otherwise(resolver, event_coder, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Serbia PROPN NNP nsubj 1
criticised VERB VBD ROOT 1 criticise
the DET DT det 3
decision NOUN NN dobj 1
. PUNCT . punct 1
""",
    )
    assert _code(resolver, event_coder, doc) == []
    doc = parse(
        blank_nlp.vocab,
        """
Serbian ADJ JJ amod 1
protesters NOUN NNS nsubj 2 protester
demonstrated VERB VBD ROOT 2 demonstrate
. PUNCT . punct 2
""",
    )
    assert _code(resolver, event_coder, doc) == [("SRBOPP", None, "141")]


def test_events_possessor_of_the_object_is_the_target(resolver, event_coder, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
China PROPN NNP nsubj 1
criticised VERB VBD ROOT 1 criticise
Australia PROPN NNP poss 4
's PART POS case 2
call NOUN NN dobj 1
. PUNCT . punct 1
""",
    )
    assert _code(resolver, event_coder, doc) == [("CHN", "AUS", "111")]
