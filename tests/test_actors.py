"""Actors: composition, titles with host countries, coreference, appositions, modifiers.

Parses are built by hand so the rules are tested, not the statistical model.
"""

from __future__ import annotations

from datetime import date

from conftest import parse
from dyadwatch.actors import actor_code

DAY = date(2020, 9, 18)

ENVOY = """
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
"""


def _mentions(resolver, doc, day=DAY, context=None):
    context = context or resolver.new_article(day)
    (mentions,) = resolver.resolve_doc(doc, context)
    return [
        (doc[m.start : m.end].text, m.actor.code, m.rule) for m in mentions if m.is_actor
    ], context


def test_actors_title_with_host_country_codes_the_envoys_own_country(resolver, blank_nlp):
    found, _ = _mentions(resolver, parse(blank_nlp.vocab, ENVOY))
    assert found == [
        ("Chinese Ambassador to Kenya Zhou Ping", "CHNGOV", "title+name"),
        ("Kenyan officials", "KENGOV", "agent"),
    ]


def test_actors_resolves_surname_to_earlier_full_mention(resolver, blank_nlp):
    _, context = _mentions(resolver, parse(blank_nlp.vocab, ENVOY))
    later = parse(
        blank_nlp.vocab,
        """
Zhou PROPN NNP nsubj 1 - B-ORG
criticised VERB VBD ROOT 1 criticise
Kenya PROPN NNP dobj 1 - B-GPE
. PUNCT . punct 1
""",
    )
    found, _ = _mentions(resolver, later, context=context)
    assert found[0] == ("Zhou", "CHNGOV", "coreference")  # tagged ORG by NER: the rule ignores that


def test_actors_possessive_country_owns_the_agency(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Russia PROPN NNP poss 3
's PART POS case 0
defence NOUN NN compound 3
ministry NOUN NN nsubj 4
accused VERB VBD ROOT 4 accuse
Ukraine PROPN NNP dobj 4
. PUNCT . punct 4
""",
    )
    found, _ = _mentions(resolver, doc)
    assert found == [
        ("Russia's defence ministry", "RUSMIL", "agent"),
        ("Ukraine", "UKR", "country"),
    ]


def test_actors_known_person_is_coded_by_office_held_on_the_article_date(resolver, blank_nlp):
    table = """
Aleksandar PROPN NNP compound 1
Vucic PROPN NNP nsubj 2
spoke VERB VBD ROOT 2 speak
. PUNCT . punct 2
"""
    found, _ = _mentions(resolver, parse(blank_nlp.vocab, table), day=date(2020, 9, 18))
    assert found == [("Aleksandar Vucic", "SRBGOV", "known-person")]
    # Ana Brnabic left the premiership in May 2024: afterwards she is coded by her next office
    brnabic = parse(blank_nlp.vocab, table.replace("Aleksandar", "Ana").replace("Vucic", "Brnabic"))
    assert _mentions(resolver, brnabic, day=date(2020, 1, 1))[0][0][1] == "SRBGOV"
    assert _mentions(resolver, brnabic, day=date(2025, 1, 1))[0][0][1] == "SRBLEG"


def test_actors_country_word_modifying_a_non_actor_noun_is_not_an_actor(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
The DET DT det 2
Washington PROPN NNP compound 2
agreement NOUN NN nsubj 3
angered VERB VBD ROOT 3 anger
Serbia PROPN NNP dobj 3
. PUNCT . punct 3
""",
    )
    found, _ = _mentions(resolver, doc)
    assert found == [("Serbia", "SRB", "country")]


def test_actors_names_in_capitals_or_careless_case_but_not_words_in_lower_case(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
SERBIA PROPN NNP nsubj 1
thanked VERB VBD ROOT 1 thank
iRaq PROPN NNP dobj 1
and CCONJ CC cc 2
the DET DT det 6
UN PROPN NNP compound 6
MISSION NOUN NN conj 2 mission
for ADP IN prep 1
the DET DT det 9
turkey NOUN NN pobj 7
. PUNCT . punct 1
""",
    )
    found, _ = _mentions(resolver, doc)
    assert [(text, code) for text, code, _ in found] == [
        ("SERBIA", "SRB"),
        ("iRaq", "IRQ"),
        ("UN", "IGOUNO"),
    ]


def test_actors_apposition_gives_sector_and_country_of_an_unknown_person(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Li PROPN NNP compound 1
Wei PROPN NNP nsubj 11
, PUNCT , punct 1
a DET DT det 4
professor NOUN NN appos 1
at ADP IN prep 4
a DET DT det 7
university NOUN NN pobj 5
in ADP IN prep 7
Vietnam PROPN NNP pobj 8
, PUNCT , punct 1
spoke VERB VBD ROOT 11 speak
. PUNCT . punct 11
""",
    )
    found, context = _mentions(resolver, doc)
    assert found[0] == ("Li Wei", "VNMEDU", "apposition")
    assert context.aliases["Li"].code == "VNMEDU"


def test_actors_organisations_and_companies(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Chinese ADJ JJ amod 2
tech NOUN NN compound 2
giant NOUN NN nsubj 4
Huawei PROPN NNP appos 2
joined VERB VBD ROOT 4 join
the DET DT det 6
EU PROPN NNP dobj 4
. PUNCT . punct 4
""",
    )
    found, _ = _mentions(resolver, doc)
    assert found == [
        ("Chinese tech giant Huawei", "CHNBUS", "known-organisation"),
        ("EU", "IGOEUREEC", "known-organisation"),
    ]


def test_actors_role_word_used_as_adjective_is_not_an_agent(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Serbia PROPN NNP nsubj 1
has VERB VBZ ROOT 1 have
firm ADJ JJ amod 3
relations NOUN NNS dobj 1 relation
. PUNCT . punct 1
""",
    )
    found, _ = _mentions(resolver, doc)
    assert found == [("Serbia", "SRB", "country")]


def test_actor_code_joins_parts():
    assert actor_code("SRB", None, "GOV") == "SRBGOV"
    assert actor_code(None, "IGOEUREEC", None) == "IGOEUREEC"
    assert actor_code(None, None, "REB") == "---REB"


def test_actors_a_place_before_a_role_parsed_as_its_apposition_is_no_person(resolver, blank_nlp):
    # "a Topeka, Kan., police officer was hurt", parsed with the officer as Topeka's apposition
    doc = parse(
        blank_nlp.vocab,
        """
a DET DT det 1
Topeka PROPN NNP nsubjpass 9 - B-GPE
, PUNCT , punct 1
Kan. PROPN NNP appos 1 - B-GPE
, PUNCT , punct 1
police NOUN NN compound 6
officer NOUN NN appos 1
was AUX VBD auxpass 9 be
badly ADV RB advmod 9
hurt VERB VBN ROOT 9
. PUNCT . punct 9
""",
    )
    found, context = _mentions(resolver, doc)
    assert ("Topeka", "---COP", "apposition") not in found
    assert "Topeka" not in context.aliases


def test_actors_an_institution_named_bare_for_what_is_done_there_is_no_actor(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Children NOUN NNS nsubj 1 child
go VERB VBP ROOT 1
to ADP IN prep 1
school NOUN NN pobj 2
on ADP IN prep 1
foot NOUN NN pobj 4
. PUNCT . punct 1
""",
    )
    found, _ = _mentions(resolver, doc)
    assert all(text != "school" for text, _, _ in found)
    # with an article it is the place or body itself
    doc = parse(
        blank_nlp.vocab,
        """
Protesters NOUN NNS nsubj 1 protester
marched VERB VBD ROOT 1 march
to ADP IN prep 1
the DET DT det 4
court NOUN NN pobj 2
. PUNCT . punct 1
""",
    )
    found, _ = _mentions(resolver, doc)
    assert ("court", "---JUD", "agent") in found


def test_actors_a_group_of_a_kind_has_that_kind_as_its_role(resolver, blank_nlp):
    doc = parse(
        blank_nlp.vocab,
        """
Iraqi ADJ JJ amod 2 iraqi B-NORP
militia NOUN NN compound 2
groups NOUN NNS nsubj 3 group
attacked VERB VBD ROOT 3 attack
the DET DT det 5
base NOUN NN dobj 3
. PUNCT . punct 3
""",
    )
    found, _ = _mentions(resolver, doc)
    assert found == [("Iraqi militia groups", "IRQUAF", "agent")]
