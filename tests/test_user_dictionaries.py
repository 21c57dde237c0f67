"""User dictionaries: our TSV format overrides packaged entries; PETRARCH files import; every bad
entry of every file is reported at once."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from dyadwatch.cli import app
from dyadwatch.errors import DictionaryError
from dyadwatch.knowledge import build_knowledge

PEOPLE = """name\taliases\tcountry\tsector\toffice\tstart\tend
Mira Testovic\t\tSRB\tGOV\tMinister of Examples of Serbia\t2019-01-01\t2021-01-01
Mira Testovic\t\tSRB\tLEG\tMember of the National Assembly of Serbia\t2021-01-01\t
"""
AGENTS = "term\tsector\ttitle\nenvoy\tMIL\tyes\nharbour master\tGOV\tyes\n"
ACTORS = """# a small PETRARCH-format actor file
GONDOR_ [GON]
+GONDORIAN
ARAGORN_ [GONREB <20100101] [GONGOV >20100101]
"""
AGENTS_PETRARCH = "STEWARD [~GOV]\nRANGERS {} [~MIL]\n"


@pytest.fixture()
def user_dir(tmp_path):
    (tmp_path / "my-people.tsv").write_text(PEOPLE)
    (tmp_path / "my-agents.tsv").write_text(AGENTS)
    (tmp_path / "middle-earth.actors").write_text(ACTORS)
    (tmp_path / "middle-earth.agents").write_text(AGENTS_PETRARCH)
    return tmp_path


def _codes(coder_for, text, published):
    from dyadwatch.extract import extract_record

    article = extract_record({"id": "u", "text": text, "published": published}, "u")
    return {(m.actor.text, m.actor.code) for m in coder_for.code_article(article).mentions}


def test_user_files_add_people_override_agents_and_import_petrarch(user_dir):
    kb = build_knowledge([user_dir])
    assert kb.agents["envoy"].sector == "MIL"  # overrides the packaged GOV
    assert kb.agents["harbour master"].title
    assert [o.sector for o in kb.people["Mira Testovic"]] == ["GOV", "LEG"]
    assert kb.countries["GON"].imported and "GONDORIAN" in kb.countries["GON"].aliases
    assert kb.agents["steward"].sector == "GOV" and kb.agents["rangers"].sector == "MIL"
    assert {o.code for o in kb.people["Aragorn"]} == {"GONREB", "GONGOV"}
    assert "Aleksandar Vucic" in kb.people  # packaged knowledge stays


def test_user_dictionaries_change_coding_by_date(coder, user_dir):
    from dyadwatch.api import get_coder

    custom = get_coder(dictionaries=[user_dir])
    early = _codes(custom, "Mira Testovic met Chinese officials in Belgrade.", "2020-03-01")
    late = _codes(custom, "Mira Testovic met Chinese officials in Belgrade.", "2022-03-01")
    assert ("Mira Testovic", "SRBGOV") in early and ("Mira Testovic", "SRBLEG") in late
    gondor = _codes(custom, "Aragorn criticised the Gondorian rangers.", "2012-05-01")
    assert ("Aragorn", "GONGOV") in gondor and ("Gondorian rangers", "GONMIL") in gondor
    assert ("Aragorn", "GONREB") in _codes(custom, "Aragorn criticised the rangers.", "2005-05-01")
    # an imported role's code is used as given, "former" or not (packaged offices: elites, ELI)
    former = _codes(custom, "Former Gondorian rangers criticised Aragorn.", "2012-05-01")
    assert ("Gondorian rangers", "GONMIL") in former


def test_every_bad_entry_of_every_file_is_reported_at_once(tmp_path):
    (tmp_path / "bad-people.tsv").write_text(
        PEOPLE
        + "No Start\t\tSRB\tGOV\tMinister\t\t\nBad Country\t\tXXX\tGOV\tMinister\t2020-01-01\t\n"
    )
    (tmp_path / "bad-agents.tsv").write_text(
        "term\tsector\ttitle\nLoud Word\tGOV\tyes\nok\tgov\tno\n"
    )
    (tmp_path / "bad.actors").write_text("GONDOR_ [GON]\nMORDOR_\n")
    with pytest.raises(DictionaryError) as info:
        build_knowledge([tmp_path])
    problems = info.value.problems
    assert any(
        p.startswith(f"{tmp_path / 'bad-people.tsv'}:4:") and "no start date" in p for p in problems
    )
    assert any(p.startswith(f"{tmp_path / 'bad-people.tsv'}:5:") and "'XXX'" in p for p in problems)
    assert any(p.startswith(f"{tmp_path / 'bad-agents.tsv'}:2:") for p in problems)
    assert any(p.startswith(f"{tmp_path / 'bad-agents.tsv'}:3:") for p in problems)
    assert any(str(tmp_path / "bad.actors") in p and "MORDOR" in p for p in problems)
    assert len(problems) == 5


def test_organisations_may_carry_a_whole_code(coder, tmp_path):
    (tmp_path / "groups-entities.tsv").write_text(
        "name\tcountry\tsector\taliases\tcode\n"
        "Black Crows\t---\tREB\tthe Crows\tIMGREBBCR\n"
        "Grey Owls\t---\tREB\t\tIMG-OWL\n"
    )
    with pytest.raises(DictionaryError) as info:
        build_knowledge([tmp_path])
    (problem,) = info.value.problems
    assert "groups-entities.tsv:3" in problem and "'IMG-OWL'" in problem
    (tmp_path / "groups-entities.tsv").write_text(
        "name\tcountry\tsector\taliases\tcode\nBlack Crows\t---\tREB\t\tIMGREBBCR\n"
    )
    from dyadwatch.api import code_text

    events = code_text(
        "The Black Crows attacked Ghanaian soldiers near the border on Monday.",
        published="2025-03-12",
        dictionaries=[tmp_path],
    )
    assert [
        (e.source.code, e.source.country, e.cameo[:2], e.target.code if e.target else None)
        for e in events
    ] == [("IMGREBBCR", None, "19", "GHAMIL")]


def test_a_file_that_is_not_a_dictionary_is_named(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(DictionaryError, match="not a dictionary file"):
        build_knowledge([path])


def test_cli_actors_lists_who_was_coded_and_from_which_text(coder, tmp_path):
    runner = CliRunner()
    example = EXAMPLES / "2024-05-08-xi-visits-serbia.txt"
    totals = runner.invoke(app, ["actors", str(example), "--code", "SRBGOV", "--format", "json"])
    assert totals.exit_code == 0, totals.output
    assert "Aleksandar Vucic" in totals.stdout and "known-person" in totals.stdout
    db = tmp_path / "a.duckdb"
    runner.invoke(app, ["run", str(example), "--db", str(db)])
    listed = runner.invoke(
        app, ["actors", "--db", str(db), "--name", "vucic", "--mentions", "-f", "csv"]
    )
    assert listed.exit_code == 0, listed.output
    rows = listed.stdout.strip().splitlines()
    assert rows[0].startswith("article_id,sentence_index,start_offset")
    assert len(rows) > 2 and all("SRBGOV" in row for row in rows[1:])
