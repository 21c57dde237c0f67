"""PETRARCH/TABARI actor and agent dictionary import (dyadwatch.petrarch_dicts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyadwatch.errors import DictionaryError
from dyadwatch.petrarch_dicts import (
    ActorEntry,
    DatedCode,
    default_plural,
    load_actors,
    load_agents,
    parse_actors,
    parse_agents,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _problems(parse, text: str) -> list[str]:
    with pytest.raises(DictionaryError) as caught:
        parse(text, "test.txt")
    return caught.value.problems


# --- actors -------------------------------------------------------------------------------------

ACTORS = """\
<!-- Middle-earth test actors -->
GONDOR [GON]
+MINAS_TIRITH
+ ANORIEN   # the province

KING_ELESSAR_  [GONELI 29310301-30190325] [GONGOV 30190325-31200401] [GONELI >31200401]
DENETHOR
+LORD_OF_THE_CITY
\t[GONGOV 29840101 - 30190315]
\t[gonmil <840101]
\t[GON]
BARAD-DUR  [MOR/ORC]
ISENGARD [---]  ; legacy TABARI comment
"""


def test_actor_entries_phrases_and_codes() -> None:
    gondor, elessar, denethor, barad_dur, isengard = parse_actors(ACTORS, "test.txt")
    assert gondor == ActorEntry(("GONDOR", "MINAS TIRITH", "ANORIEN"), (DatedCode("GON"),), 2)
    assert elessar.phrases == ("KING ELESSAR",)  # trailing "_" dropped, "_" joins words
    assert elessar.codes == (
        DatedCode("GONELI", date(2931, 3, 1), date(3019, 3, 25)),
        DatedCode("GONGOV", date(3019, 3, 25), date(3120, 4, 1)),
        DatedCode("GONELI", date(3120, 4, 1), None),
    )
    assert denethor.line == 7
    assert denethor.phrases == ("DENETHOR", "LORD OF THE CITY")
    assert denethor.codes == (
        DatedCode("GONGOV", date(2984, 1, 1), date(3019, 3, 15)),
        DatedCode("GONMIL", None, date(1984, 1, 1)),  # upper-cased; YYMMDD 84 is 1984
        DatedCode("GON"),
    )
    assert barad_dur.phrases == ("BARAD-DUR",)
    assert barad_dur.codes[0].parts == ("MOR", "ORC")
    assert isengard.codes == (DatedCode("---"),)


def test_code_on_is_half_open_and_falls_back_to_the_undated_code() -> None:
    _, elessar, denethor, _, _ = parse_actors(ACTORS, "test.txt")
    assert elessar.code_on(date(3019, 3, 24)) == "GONELI"
    assert elessar.code_on(date(3019, 3, 25)) == "GONGOV"  # start inclusive, end exclusive
    assert elessar.code_on(date(3200, 1, 1)) == "GONELI"
    assert elessar.code_on(date(2000, 1, 1)) is None  # before every period, no default code
    assert elessar.code_on(None) is None
    assert denethor.code_on(date(1983, 12, 31)) == "GONMIL"
    assert denethor.code_on(date(1984, 1, 1)) == "GON"
    assert denethor.code_on(date(3000, 6, 1)) == "GONGOV"
    assert denethor.code_on(None) == "GON"


def test_first_matching_dated_code_wins() -> None:
    text = "SAMWISE [HOB]\n\t[HOBGOV 20100101-20201231]\n\t[HOBMIL 20150101-20160101]\n"
    (samwise,) = parse_actors(text, "test.txt")
    assert samwise.code_on(date(2015, 6, 1)) == "HOBGOV"
    assert samwise.code_on(date(2021, 1, 1)) == "HOB"


def test_comments_of_every_kind_are_skipped() -> None:
    text = """\
# a full-line comment
<!-- a block comment
ROHAN [ROH]
still inside -->
<! -- legacy spelling -->
EDORAS <!-- inline --> [ROHCAP]   # trailing
HELMS_DEEP<!--x-->_FORTRESS [ROHMIL]#no space before the hash
"""
    entries = parse_actors(text, "test.txt")
    assert [(e.phrases, e.line) for e in entries] == [
        (("EDORAS",), 6),
        (("HELMS DEEP FORTRESS",), 7),
    ]


def test_actor_errors_are_all_reported_with_line_numbers() -> None:
    text = """\
+ORPHAN_SYNONYM
\t[MOR]
MORIA [MOR
MINAS_MORGUL [MOR] extra
ANGMAR [950601-990815]
RIVENDELL [ELF 20230231-20240101]
LOTHLORIEN [ELF 20200101-20100101]
ERYN_LASGALEN [ELF >2020]
DOL_GULDUR [MOR] [DGL]
UMBAR
+CORSAIRS [UMB]
+
HARAD{S} [HAR]
EREBOR [DWF]
# a comment between errors does not shift the numbers
__ [DWF]
SHIRE [SHR 20200101-20210101 junk]
IRON_HILLS
<!-- never closed
"""
    assert _problems(parse_actors, text) == [
        "test.txt:1: synonym or code line before the first actor entry",
        "test.txt:2: synonym or code line before the first actor entry",
        "test.txt:3: unbalanced brackets in '[MOR'",
        "test.txt:4: unexpected text around code block '[MOR] extra'",
        "test.txt:5: missing or ill-formed code in [950601-990815]",
        "test.txt:6: bad date '20230231': no such day",
        "test.txt:7: empty date range in [ELF 20200101-20100101]: 20200101 is not before 20100101",
        "test.txt:8: bad date '2020': expected YYYYMMDD or YYMMDD",
        "test.txt:9: second undated code [DGL] for the same actor",
        "test.txt:10: actor 'UMBAR' has no code",
        "test.txt:11: a synonym cannot carry a code: put it on the entry or a code line",
        "test.txt:12: empty phrase",
        "test.txt:13: unexpected '{' '}' in phrase 'HARAD{S}'",
        "test.txt:16: empty phrase",
        "test.txt:17: ill-formed date restriction in [SHR 20200101-20210101 junk]",
        "test.txt:18: actor 'IRON HILLS' has no code",
        "test.txt:19: '<!--' comment is never closed",
    ]


def test_load_actors_reads_utf8_and_reports_bad_bytes(tmp_path: Path) -> None:
    good = tmp_path / "good.actors.txt"
    good.write_text("\ufeffLOTHLORIEN [ELF]\n", encoding="utf-8")
    assert load_actors(good)[0].phrases == ("LOTHLORIEN",)
    bad = tmp_path / "bad.actors.txt"
    bad.write_bytes(b"LOTHLORIEN [ELF]\nCARAS \xff [ELF]\n")
    with pytest.raises(DictionaryError) as caught:
        load_actors(bad)
    assert caught.value.problems == [f"{bad}:2: not valid UTF-8"]


# --- agents -------------------------------------------------------------------------------------

AGENTS = """\
<!-- test agents -->
!RIDER! = RIDER, RIDERS, HORSEMAN, HORSEMEN
!HOUSE! = HOUSE , HALL

MARSHAL [~MIL]
STEWARD_OF_THE_CITY  [~GOV]   # default plural on the last word
ROYAL_ENVOY_ {ROYAL_ENVOYS_EXTRAORDINARY} [~GOVDIP]
ENT {}  [~ENV]
EAGLE_EYRIE [ ~SPY ]
COUNTY [~LOC]
ORDER_OF_WIZARDS {} [~REL]  <!-- no plural -->
PASS [~LOC]
ERRAND_RIDER [  NGO~]
!RIDER!_OF_THE_MARK [~MIL]
GOLDEN_!HOUSE!_OF_!RIDER! [~GOV]
"""


def test_agent_plurals_prefix_and_markers() -> None:
    entries = {e.phrases[0]: e for e in parse_agents(AGENTS, "test.txt")}
    assert entries["ORDER OF WIZARDS"].phrases == ("ORDER OF WIZARDS",)
    assert entries["MARSHAL"].phrases == ("MARSHAL", "MARSHALS")
    assert entries["MARSHAL"].line == 5
    assert entries["STEWARD OF THE CITY"].phrases == (
        "STEWARD OF THE CITY",
        "STEWARD OF THE CITIES",
    )
    assert entries["ROYAL ENVOY"].phrases == ("ROYAL ENVOY", "ROYAL ENVOYS EXTRAORDINARY")
    assert entries["ENT"].phrases == ("ENT",)
    assert (entries["EAGLE EYRIE"].code, entries["EAGLE EYRIE"].prefix) == ("SPY", False)
    assert entries["COUNTY"].phrases == ("COUNTY", "COUNTIES")
    assert entries["PASS"].phrases == ("PASS", "PASSES")
    errand = entries["ERRAND RIDER"]
    assert (errand.code, errand.prefix) == ("NGO", True)
    assert entries["RIDER OF THE MARK"].phrases == (
        "RIDER OF THE MARK",
        "RIDERS OF THE MARK",
        "HORSEMAN OF THE MARK",
        "HORSEMEN OF THE MARK",
    )
    golden = entries["GOLDEN HOUSE OF RIDER"]
    assert len(golden.phrases) == 8  # every combination of the two markers, no plurals
    assert "GOLDEN HALL OF HORSEMEN" in golden.phrases
    assert [e.line for e in parse_agents(AGENTS, "test.txt")][-2:] == [14, 15]


def test_default_plural_follows_petrarch() -> None:
    assert default_plural("ARMY") == "ARMIES"
    assert default_plural("WITNESS") == "WITNESSES"
    assert default_plural("GUARD") == "GUARDS"
    assert default_plural("elder") == "elders"


def test_agent_errors_are_all_reported_with_line_numbers() -> None:
    text = """\
!ORC! = ORC, , GOBLIN
!TROLL = TROLL, TROLLS
WARG [MIL]
URUK_HAI [~MIL~]
CAVE_TROLL
OLIPHAUNT {OLIPHAUNTS [~MIL]
MUMAK} [~MIL]
SWERTING {A} {B} [~MIL]
!BALROG!_OF_MORGOTH [~ELI]
!TROLL!_CHIEF {} [~MIL]
{WOSES} [~PPL]
NAZGUL [~ELI] [~GOV]
!TROLL! = TROLL, TROLLS
!TROLL! = OLOG
<!-- open comment
"""
    assert _problems(parse_agents, text) == [
        "test.txt:1: empty item in the list of substitution marker !ORC!",
        "test.txt:2: ill-formed substitution marker definition '!TROLL = TROLL, TROLLS': "
        "expected '!NAME! = A, B'",
        "test.txt:3: ill-formed agent code [MIL]: expected [~CODE] or [CODE~]",
        "test.txt:4: ill-formed agent code [~MIL~]: expected [~CODE] or [CODE~]",
        "test.txt:5: missing agent code: expected 'PHRASE [~CODE]'",
        "test.txt:6: unbalanced braces in 'OLIPHAUNT {OLIPHAUNTS'",
        "test.txt:7: unbalanced braces in 'MUMAK}'",
        "test.txt:8: ill-formed plural in 'SWERTING {A} {B}': expected 'PHRASE {PLURAL}'",
        "test.txt:9: undefined substitution marker !BALROG!",
        "test.txt:10: a phrase with a substitution marker cannot have a {plural}",
        "test.txt:11: empty phrase",
        "test.txt:12: an agent takes exactly one code block",
        "test.txt:14: substitution marker !TROLL! already defined on line 13",
        "test.txt:15: '<!--' comment is never closed",
    ]


def test_load_agents(tmp_path: Path) -> None:
    path = tmp_path / "test.agents.txt"
    path.write_text("!X! = SCOUT, RANGER\nNORTHERN_!X! [~MIL]\n", encoding="utf-8")
    (entry,) = load_agents(path)
    assert entry.phrases == ("NORTHERN SCOUT", "NORTHERN RANGER")


# --- the peers' validation dictionaries (../shared) ---------------------------------------------


@pytest.mark.shared
def test_shared_petrarch_dictionaries_parse() -> None:
    if not SHARED.exists():
        pytest.skip("../shared not present: PETRARCH dictionary checks skipped")
    peer = SHARED / "reference" / "peer"
    petr2 = peer / "petrarch2" / "dictionaries"
    upetr = peer / "UniversalPetrarch" / "dev-validate" / "dictionaries"

    actors = load_actors(petr2 / "PETR.Validate.actors.txt")
    assert (len(actors), sum(len(a.phrases) for a in actors)) == (128, 161)
    by_name = {a.phrases[0]: a for a in actors}
    assert by_name["PRESIDENT GEORGE W. BUSH"].code_on(None) == "USAGOV"
    assert by_name["PALESTINIAN"].code_on(None) == "PSE"
    assert by_name["UNITED NATIONS"].phrases[1:] == (
        "U.N.",
        "SECRETARY GENERAL",
        "SECURITY COUNCIL",
        "UN",
    )
    gollum = by_name["GOLLUM"]
    assert gollum.phrases == ("GOLLUM", "SMEAGOL", "SLINKER", "STINKER")
    assert gollum.code_on(date(1995, 5, 31)) == "HOB"
    assert gollum.code_on(date(1997, 1, 1)) == "HOBGOV"
    assert gollum.code_on(date(1999, 8, 16)) == "HOBREB"
    sam = by_name["SAM GAMGEE"]
    assert sam.code_on(date(2010, 1, 10)) == "ORCHOB"  # listed first, so it overrides HOBMIL
    assert sam.code_on(date(2011, 1, 1)) == "HOBMIL"
    assert sam.code_on(None) == "HOB"
    assert by_name["INTERNATIONAL CRIMINAL POLICE ORGANIZATION"].codes == (DatedCode("IGOCOPITP"),)

    actors2 = load_actors(upetr / "PETR_Validate_actors_2_02.txt")
    assert (len(actors2), sum(len(a.phrases) for a in actors2)) == (133, 167)
    assert actors2[-1].phrases == ("MCGONAGALL",)

    for path in (petr2 / "PETR.Validate.agents.txt", upetr / "PETR_Validate_agents_2_02.txt"):
        agents = load_agents(path)
        assert (len(agents), sum(len(a.phrases) for a in agents)) == (88, 165)
        by_phrase = {a.phrases[0]: a for a in agents}
        assert by_phrase["CONGRESS"].phrases == ("CONGRESS", "CONGRESSES")
        assert len(by_phrase["CONGRESSMAN"].phrases) == 5
        assert by_phrase["ATTORNEY GENERAL"].phrases[1] == "ATTORNEYS GENERAL"
        assert by_phrase["POLICE"].phrases == ("POLICE",)
        assert sum(a.prefix for a in agents) == 3
