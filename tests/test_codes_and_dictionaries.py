"""Code table and data files: facts right, every bad entry reported at once."""

from __future__ import annotations

import csv

import pytest

from conftest import shared_path
from dyadwatch.codes import code_table, parse_code_table, quad_class_of_root
from dyadwatch.errors import DictionaryError
from dyadwatch.knowledge import knowledge, parse_tsv
from dyadwatch.patterns import parse_patterns, patterns


def test_code_table_follows_gdelt_quadclass_by_root():
    table = code_table()
    assert len(table) == 316
    for code in table.codes():
        assert table.get(code).quad_class == quad_class_of_root(code[:2])
    assert (
        quad_class_of_root("05"),
        quad_class_of_root("09"),
        quad_class_of_root("14"),
        quad_class_of_root("15"),
    ) == (1, 2, 3, 4)


def test_code_table_known_values():
    table = code_table()
    assert (table.get("040").goldstein, table.get("057").goldstein, table.get("190").goldstein) == (
        1.0,
        8.0,
        -10.0,
    )
    assert table.get("036").plover == "AGREE" and table.get("010").plover is None
    assert table.get("1951").goldstein == table.get("195").goldstein  # inherited from its parent


def test_code_table_matches_the_reference_facts_when_present():
    path = shared_path("reference", "cameo_event_codes.tsv")
    with path.open(encoding="utf-8") as handle:
        reference = {row["code"]: row for row in csv.DictReader(handle, delimiter="\t")}
    table = code_table()
    assert set(reference) == set(table.codes())
    for code, row in reference.items():
        assert table.get(code).goldstein == float(row["goldstein"]), code
        assert table.get(code).quad_class == int(row["quadclass"]), code


def test_code_table_reports_every_bad_row():
    lines = [
        "code\troot\tname\tgoldstein\tquad_class\tplover_event\tplover_mode",
        "040\t04\tConsult\t1.0\t3\t\t",
        "0x1\t01\tBad\t0\t1\t\t",
        "190\t19\tFight\t-12\t4\t\t",
    ]
    with pytest.raises(DictionaryError) as info:
        parse_code_table(lines, "codes.tsv")
    assert len(info.value.problems) == 3
    assert info.value.problems[0].startswith("codes.tsv:2:")


def test_pattern_file_reports_every_bad_entry_with_its_line():
    text = """version: 1
patterns:
  - {code: "040", verbs: [meet]}
  - {code: "999", verbs: [foo]}
  - {code: "111", verbs: [blame], nouns: [blame]}
  - {code: "020", verbs: [call], preps: [on]}
  - {code: "051", verbs: [praise], colour: red}
  - {code: "0871", verbs: [declare], objects: [truce], appeal_only: true}
  - {code: "1821", nouns: [assault], adverbs: [sexually]}
  - {code: "057", verbs: [sign], objects: [treaty], realised: true}
"""
    with pytest.raises(DictionaryError) as info:
        parse_patterns(text, "p.yaml", code_table())
    problems = info.value.problems
    assert len(problems) == 7
    assert "p.yaml:4" in problems[0] and "'999'" in problems[0]
    assert "either verbs or nouns" in problems[1]
    assert "preps must be a list of words" in problems[2]  # YAML reads a bare `on` as true
    assert "quote it" in problems[2]  # and the message says so
    assert "unknown key(s) colour" in problems[3]
    assert "appeal_only is for noun patterns" in problems[4]
    assert "p.yaml:9" in problems[5] and "adverbs are for verb patterns" in problems[5]
    assert "p.yaml:10" in problems[6] and "realised is for noun patterns" in problems[6]


def test_nominal_acts_must_name_a_pattern_verb():
    text = """version: 1
nominal:
  verbs: [announce]
  acts: {suspension: suspend, extradition: extradite}
patterns:
  - {code: "162", verbs: [suspend], objects: [aid]}
"""
    with pytest.raises(DictionaryError) as info:
        parse_patterns(text, "p.yaml", code_table())
    assert info.value.problems == [
        "p.yaml: section nominal: act 'extradition' names 'extradite', no pattern verb"
    ]
    packaged = patterns().frame("nominal")
    assert packaged.acts["suspension"] == "suspend" and "announce" in packaged["verbs"]


def test_frame_nouns_are_read_from_their_sections():
    text = """version: 1
intent:
  verbs: [pledge]
  nouns: [pledge]
  codes: {"07": "033"}
refusal:
  verbs: [refuse]
  nouns: [refusal]
  codes: {"07": "121"}
nominal:
  verbs: [announce]
  owning: [announce, reaffirm]
  invited: [invitation]
  dropped: [shelve]
patterns:
  - {code: "070", verbs: [send], objects: [aid]}
"""
    loaded = parse_patterns(text, "p.yaml", code_table())
    assert loaded.noun_frame("pledge") == "intent" and loaded.noun_frame("refusal") == "refusal"
    assert loaded.noun_frame("invitation") == "intent"  # the invited one's intent
    assert loaded.noun_frame("plan") is None
    assert loaded.is_frame_verb("nominal", "reaffirm", "reaffirmed", "owning")
    assert not loaded.is_frame_verb("nominal", "reaffirm", "reaffirmed")  # not a nominal verb
    with pytest.raises(DictionaryError, match="unknown key"):
        parse_patterns(text.replace("dropped:", "abandoned:"), "p.yaml", code_table())


def test_weapon_and_peacekeeping_sections_are_validated_and_read():
    text = """version: 1
weapons:
  force_code: "190"
  kinds:
    "194": {label: "guns that fire shells", words: [howitzer, "tank fire"]}
    "999": {label: "no such code", words: [catapult]}
    "195": {words: [drone]}
  also: ["183", "777"]
peacekeeping:
  deploy_code: "154"
  code: "074"
  words: [peacekeeper]
  purposes: [protect]
  tanks: [abrams]
patterns:
  - {code: "190", verbs: [attack]}
"""
    with pytest.raises(DictionaryError) as info:
        parse_patterns(text, "p.yaml", code_table())
    assert info.value.problems == [
        "p.yaml: section weapons: kind '999': '999' is not a CAMEO event code",
        "p.yaml: section weapons: kind '195': needs a label and a list of words",
        "p.yaml: section weapons: also: '777' is not a CAMEO event code",
        "p.yaml: section peacekeeping: unknown key(s) tanks",
    ]
    good = text.replace('    "999": {label: "no such code", words: [catapult]}\n', "")
    good = good.replace('    "195": {words: [drone]}\n', "").replace("  tanks: [abrams]\n", "")
    good = good.replace('"183", "777"', '"183"')
    loaded = parse_patterns(good, "p.yaml", code_table())
    assert loaded.weapons is not None and loaded.weapons.force_code == "190"
    assert loaded.weapons.refines("183") and not loaded.weapons.refines("173")
    assert loaded.weapons.kinds == {"194": ("guns that fire shells", {"howitzer", "tank fire"})}
    assert loaded.peacekeeping is not None and loaded.peacekeeping.purposes == {"protect"}
    packaged = patterns()
    assert packaged.weapons is not None and set(packaged.weapons.kinds) == {
        "183",
        "1831",
        "1832",
        "1833",
        "194",
        "195",
    }
    assert packaged.peacekeeping is not None and packaged.peacekeeping.code == "074"


def test_figurative_section_is_validated_and_read():
    text = """version: 1
figurative:
  code: "111"
  recodes: ["190", "888"]
  verbs: [attack]
  preps: []
  objects: decision
  contest_verbs: [beat]
patterns:
  - {code: "190", verbs: [attack]}
"""
    with pytest.raises(DictionaryError) as info:
        parse_patterns(text, "p.yaml", code_table())
    assert info.value.problems == [
        "p.yaml: section figurative: recodes: '888' is not a CAMEO event code",
        "p.yaml: section figurative: objects must be a list of words",
        "p.yaml: section figurative: preps must list at least one word",
        "p.yaml: section figurative: contest_verbs and contests go together",
    ]
    text = text.replace("contest_verbs: [beat]", "contest_verbs: [beat]\n  contests: [final]")
    good = text.replace(', "888"', "").replace("preps: []", "preps: [for]")
    loaded = parse_patterns(
        good.replace("objects: decision", "objects: [ruling]"), "p.yaml", code_table()
    )
    assert loaded.figurative is not None
    assert (loaded.figurative.code, loaded.figurative.recodes) == ("111", {"190"})
    assert (loaded.figurative.preps, loaded.figurative.objects) == ({"for"}, {"ruling"})
    assert (loaded.figurative.contest_verbs, loaded.figurative.contests) == ({"beat"}, {"final"})
    packaged = patterns().figurative
    assert packaged is not None and "attack" in packaged.verbs and "decision" in packaged.objects


def test_agent_plurals_are_made_for_singular_terms_without_one():
    from dyadwatch.knowledge import Agent, plural, with_plurals

    assert [plural(t) for t in ("army", "spokesman", "head of state", "church", "navy")] == [
        "armies",
        "spokesmen",
        "heads of state",
        "churches",
        "navies",
    ]
    agents = {
        "army": Agent("army", "MIL", False),
        "president": Agent("president", "GOV", True),
        "presidents": Agent("presidents", "ELI", False),  # a listed plural is kept as it is
        "police": Agent("police", "COP", False),
    }
    made = with_plurals(agents)
    assert made["armies"] == Agent("armies", "MIL", False)
    assert made["presidents"].sector == "ELI"
    assert "polices" not in made
    assert knowledge().agents["foreign ministers"].sector == "GOV"
    assert not knowledge().agents["foreign ministers"].title


def test_tsv_header_is_checked():
    with pytest.raises(DictionaryError, match="lacks column"):
        parse_tsv("name\tcountry\nHuawei\tCHN\n", "entities.tsv", ("name", "country", "sector"))


def test_packaged_knowledge_loads_and_covers_the_basics():
    kb = knowledge()
    assert kb.countries["KSV"].name == "Kosovo"
    assert "Belgrade" in kb.countries["SRB"].capitals
    assert kb.igos["EU"].code == "IGOEUREEC"
    assert {"president", "ambassador", "troops", "court", "company"} <= set(kb.agents)
    assert len(patterns().patterns) > 100
    roots = {p.code[:2] for p in patterns().patterns}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_every_cameo_country_code_is_in_the_knowledge_base():
    path = shared_path("reference", "cameo_country_codes.tsv")
    with path.open(encoding="utf-8") as handle:
        codes = {row["cameo_code"] for row in csv.DictReader(handle, delimiter="\t")}
    kb = knowledge()
    assert codes - set(kb.countries) == set()
    assert {"WST", "EUR", "BLK", "MEA", "AFR"} <= {
        c.code for c in kb.countries.values() if c.region
    }
