"""The subjunctive verb of a that-clause the model reads as a noun is read again as a verb."""

from __future__ import annotations

import pytest

from dyadwatch.subjunctive import SubjunctiveRepair, third_person


def test_third_person_of_regular_verbs():
    assert third_person("resign") == "resigns"
    assert third_person("go") == "goes"
    assert third_person("withdraw") == "withdraws"
    assert third_person("apply") == "applies"
    assert third_person("stay") == "stays"
    assert third_person("reach") == "reaches"


@pytest.fixture(scope="module")
def repair():
    from dyadwatch.events import EventCoder
    from dyadwatch.nlp import load_pipeline

    nlp = load_pipeline()
    return nlp, SubjunctiveRepair(nlp, frozenset(EventCoder().patterns.by_verb))


def test_a_bare_verb_read_as_a_noun_becomes_the_clause_verb(repair):
    nlp, fix = repair
    text = "Talks ended on Monday. Peru demanded that the Chilean government resign. Chile refused."
    doc = nlp(text)
    fixed = fix(doc)
    assert fixed.text == doc.text
    assert [s.text for s in fixed.sents] == [s.text for s in doc.sents]
    verb = next(t for t in fixed if t.text == "resign")
    assert (verb.pos_, verb.tag_, verb.lemma_, verb.dep_) == ("VERB", "VB", "resign", "ccomp")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["government"]
    # the other sentences keep their analysis
    assert [(t.dep_, t.head.i) for t in fixed[:5]] == [(t.dep_, t.head.i) for t in doc[:5]]


def test_a_noun_is_left_alone(repair):
    nlp, fix = repair
    doc = nlp("Peru said that the government plan was sound.")
    assert fix(doc) is doc


def test_a_demand_that_someone_resign_is_a_demand_for_a_change_of_leaders(code):
    assert code("Peru demanded that the Chilean government resign.") == {("PER", "CHLGOV", "1041")}
    assert code("Peru demanded that Chile's president resign.") == {("PER", "CHLGOV", "1041")}
