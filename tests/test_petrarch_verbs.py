"""PETRARCH/TABARI verb dictionary import (dyadwatch.petrarch_verbs) and coding with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.codes import code_table
from dyadwatch.errors import DictionaryError
from dyadwatch.knowledge import build_knowledge
from dyadwatch.patterns import patterns
from dyadwatch.petrarch_verbs import parse_verbs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# A small dictionary in the PETRARCH format, written for these tests: a nested set with a phrase of
# two words, a verb with forms of its own, a null pattern, a pair of codes, codes outside CAMEO and a
# few slips of the kind real dictionaries hold.
VERBS = """\
<!-- test verbs, with a comment
running over two lines -->
&SPYING
+ESPIONAGE
+SPYING
+&LEAKS

&LEAKS
+LEAKING_SECRETS

--- ACCUSE  [112] ---
ACCUSE
CHARGE
- * (OF &SPYING)  [1125]  # spying
- FALSELY_*  [---]
- * (OF &UNDEFINED)  [1121]
BLAME  [1121]

--- HOST  [043:042] ---
HOST
- * {STATE DINNER} (FOR +)  [043:042]

--- GRUMBLE  [802] ---
GRUMBLE {GRUMBLES GRUMBLED}
- * LOUDLY  [111]
- * THING  [075A]
* (WITHOUT DASH) [110]
"""


@pytest.fixture(scope="module")
def verbs_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("verbs") / "test-verbs.txt"
    path.write_text(VERBS)
    return path


@pytest.fixture(scope="module")
def verbs_coder(verbs_file, coder):  # the shared coder makes sure a model is installed
    from dyadwatch.api import get_coder

    with pytest.warns(UserWarning, match="left out"):
        return get_coder(dictionaries=[verbs_file])


def _dictionary():
    return parse_verbs(VERBS, "v.txt", code_table())


def test_blocks_sets_and_codes_become_patterns():
    dictionary = _dictionary()
    assert dictionary.verbs == {
        "accuse",
        "charge",
        "blame",
        "host",
        "grumble",
        "grumbles",
        "grumbled",
    }
    by_name = {p.name: p for p in dictionary.patterns}
    spying = by_name["accuse/charge of espionage|…"]
    assert spying.code == "1125" and spying.line == 14 and spying.origin == "v.txt"
    # the nested set and its phrase of two words are members
    assert spying.lower[1].phrases == {("espionage",), ("spying",), ("leaking", "secrets")}
    assert not spying.lower[0].joined
    bare = by_name["accuse/charge"]
    assert bare.code == "112" and not bare.lower and bare.specificity < spying.specificity
    null = by_name["falsely accuse/charge"]
    assert null.null and null.upper[0].joined  # "FALSELY_*": right before the verb
    dinner = by_name["host state dinner for"]
    assert dinner.code == "043" and dinner.converse == "042" and dinner.preps == {"for"}
    assert by_name["grumble/grumbled/grumbles loudly"].code == "111"
    # a verb with a bare code of its own still takes the block's patterns
    assert by_name["blame"].code == "1121" and by_name["blame of espionage|…"].code == "1125"


def test_lines_that_cannot_be_coded_are_left_out_and_listed():
    skipped = _dictionary().skipped
    assert any(s.startswith("v.txt:16: unknown synonym set &UNDEFINED") for s in skipped)
    assert any(s.startswith("v.txt:27: malformed verb line") for s in skipped)
    assert any(s.startswith("v.txt:24:") and "[802] is not a CAMEO" in s for s in skipped)
    assert any(s.startswith("v.txt:26:") and "[075A] is not a CAMEO" in s for s in skipped)
    assert len(skipped) == 4


def test_a_file_with_no_verb_block_is_an_error():
    with pytest.raises(DictionaryError) as caught:
        parse_verbs("&SET\n+WORD\n", "empty-verbs.txt", code_table())
    assert caught.value.problems == [
        "empty-verbs.txt:1: no verb block ('--- NAME [CODE] ---') in the file"
    ]


def test_imported_verbs_replace_the_packaged_patterns_of_those_verbs_only():
    dictionary = _dictionary()
    merged = patterns().with_imported(dictionary.patterns, dictionary.verbs)
    assert all(p.imported for p in merged.for_verb("accuse", "accused"))
    assert not any(p.imported for p in merged.for_verb("allege", "alleged"))
    assert any(p.imported for p in patterns().for_verb("accuse", "accused")) is False


def test_knowledge_loads_verb_files_by_name(verbs_file):
    with pytest.warns(UserWarning, match=r"4 line\(s\) of the verb dictionaries left out, first: "):
        kb = build_knowledge([verbs_file.parent])
    assert len(kb.verb_patterns) == len(_dictionary().patterns)
    assert "grumbled" in kb.verb_words and len(kb.verb_skipped) == 4


def _events(coder, text: str):
    from dyadwatch.extract import extract_record

    article = extract_record({"id": "v", "text": text, "published": "2024-05-02"}, "v")
    return coder.code_article(article).events


def _coded(coder, text: str) -> set[tuple[str, str, str]]:
    return {
        (e.source.code, e.target.code if e.target else "", e.cameo) for e in _events(coder, text)
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pattern's words after the verb, through a nested set and a phrase of two words
        ("Peru accused Chile of espionage.", {("PER", "CHL", "1125")}),
        ("Peru accused Chile of leaking secrets.", {("PER", "CHL", "1125")}),
        # the block's code for the bare verb
        ("Peru accused Chile of corruption.", {("PER", "CHL", "112")}),
        # "---": the words code nothing
        ("Peru falsely accused Chile of corruption.", set()),
        # a pair of codes, the second for the other direction; the target after "for"
        ("Peru hosted a state dinner for Chile.", {("PER", "CHL", "043"), ("CHL", "PER", "042")}),
        # a verb the packaged patterns do not know, aimed at the first actor after it
        ("Peru grumbled loudly about Chile.", {("PER", "CHL", "111")}),
    ],
)
def test_coding_with_an_imported_verb_dictionary(verbs_coder, text, expected):
    assert _coded(verbs_coder, text) == expected


def test_imported_patterns_name_their_file_and_line(verbs_coder):
    (event,) = _events(verbs_coder, "Peru accused Chile of espionage.")
    assert "(test-verbs.txt:14)" in event.evidence


def test_without_the_import_the_packaged_patterns_code(coder):
    assert _coded(coder, "Peru accused Chile of espionage.") == {("PER", "CHL", "112")}
    assert _coded(coder, "Peru grumbled loudly about Chile.") == set()


def test_peer_validation_verbs_load_when_shared_is_present():
    path = SHARED / "reference/peer/UniversalPetrarch/dev-validate/dictionaries"
    path = path / "PETR_Validate_verbs_2_02.txt"
    if not path.exists():
        pytest.skip(f"{path} not present: ../shared is not beside the checkout")
    dictionary = parse_verbs(path.read_text("utf-8"), str(path), code_table())
    assert len(dictionary.patterns) > 400 and "agree" in dictionary.verbs
    # the slips and KEDS codes of the peer's own file are listed, not fatal
    assert any("unknown synonym set" in s for s in dictionary.skipped)


@pytest.mark.filterwarnings("ignore:.*verb dictionaries left out")
def test_a_store_codes_its_articles_again_when_the_user_dictionaries_change(
    verbs_file, coder, tmp_path
):
    from dyadwatch.api import run
    from dyadwatch.store import Store

    article = tmp_path / "peru-chile.txt"
    article.write_text(
        "Peru accuses Chile of spying\n\nPeru accused Chile of espionage on Monday.\n"
    )
    db = tmp_path / "store.duckdb"

    def codes() -> set[str]:
        with Store(db) as store:
            return {e["cameo"] for e in store.events()}

    assert run([article], db).articles_coded == 1 and codes() == {"112"}
    again = run([article], db, dictionaries=[verbs_file])
    assert again.articles_coded == 1 and again.articles_unchanged == 0 and codes() == {"1125"}
    same = run([article], db, dictionaries=[verbs_file])
    assert same.articles_coded == 0 and same.articles_unchanged == 1 and codes() == {"1125"}


def test_the_cli_warns_of_lines_left_out_in_one_line(verbs_file, coder, tmp_path):
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    copy = tmp_path / "copy-verbs.txt"  # a path of its own, so the knowledge base is built anew
    copy.write_text(VERBS)
    result = CliRunner().invoke(
        app, ["explain", "Peru accused Chile of espionage.", "--dict", str(copy)]
    )
    assert result.exit_code == 0
    assert (
        "dyadwatch: warning: 4 line(s) of the verb dictionaries left out, first: " in result.output
    )
    assert "PER -> CHL  1125" in result.output
