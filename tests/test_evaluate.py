"""Tests for dyadwatch.evaluate: made-up gold/peer cases and a reproduction of the peer's scores."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.errors import EvaluationError
from dyadwatch.evaluate import (
    event_actor_key,
    event_to_peer_triple,
    events_to_peer_predictions,
    format_gold_table,
    format_peer_table,
    is_dyadic,
    load_gold,
    load_jsonl,
    load_peer_predictions,
    score_gold,
    score_peer,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# --- Helpers building made-up events -----------------------------------------------------------


def actor(country: str | None = None, igo: str | None = None, sector: str | None = None) -> dict:
    code = (f"IGO{igo}" if igo else (country or "---")) + (sector or "")
    return {"code": code, "country": country, "igo": igo, "sector": sector, "name": code}


def event(
    src: dict,
    tgt: dict | None,
    cameo: str,
    *,
    idx: int = 0,
    date: str | None = None,
    article: str | None = "art-1",
    eid: str | None = None,
) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "event_id": eid or f"ev-{idx}-{cameo}",
        "sentence_index": idx,
        "sentence": "Made-up sentence.",
        "source": src,
        "target": tgt,
        "cameo": cameo,
        "root": cameo[:2],
        "date": date,
    }
    if article is not None:
        ev["article_id"] = article
    return ev


GOLD = {
    "id": "art-1",
    "events": [
        {
            "id": "a",
            "must": True,
            "src": "AAA",
            "src_sector": "GOV",
            "tgt": "BBB",
            "roots": ["04"],
            "date": "2021-03-02",
        },
        {
            "id": "b",
            "must": True,
            "src": "AAA",
            "tgt": "CCC",
            "alt_tgt": ["CCX", "CCY"],
            "roots": ["05"],
            "either_direction": True,
            "date_month": "2021-03",
        },
        {"id": "c", "must": True, "src": "IGO:XU", "tgt": "BBB", "roots": ["11", "12"]},
        {"id": "d", "must": False, "src": "BBB", "tgt": "AAA", "roots": ["01"]},
        {"id": "e", "must": True, "src": "DDD", "tgt": "AAA", "roots": ["19"]},
    ],
}


# --- Gold scoring ------------------------------------------------------------------------------


def test_event_actor_key() -> None:
    assert event_actor_key(actor("AAA", sector="GOV")) == "AAA"
    assert event_actor_key(actor(igo="XU")) == "IGO:XU"
    assert event_actor_key(actor(None)) is None
    assert event_actor_key(None) is None


def test_score_gold_counts_directions_alts_igo_and_must() -> None:
    events = [
        # matches a (sector GOV ok, date ok)
        event(actor("AAA", sector="GOV"), actor("BBB"), "042", idx=0, date="2021-03-02"),
        # matches a again with wrong sector and date: a stays sector-ok (one match suffices)
        event(actor("AAA", sector="BUS"), actor("BBB"), "040", idx=1, date="2021-03-05"),
        # matches b reversed (either_direction) through the alternative code CCY, month ok
        event(actor("CCY"), actor("AAA"), "057", idx=2, date="2021-03-20"),
        # IGO source matches c
        event(actor(igo="XU"), actor("BBB"), "128", idx=3),
        # matches only the non-must d: counts for precision, not recall
        event(actor("BBB"), actor("AAA"), "010", idx=4),
        # reversed dyad of e, but e is not either_direction: false positive
        event(actor("AAA"), actor("DDD"), "190", idx=5),
        # right dyad, wrong root: false positive
        event(actor("AAA"), actor("BBB"), "111", idx=6),
    ]
    s = score_gold([GOLD], events)
    json.dumps(s)
    assert (s["emitted"], s["emitted_matched"]) == (7, 5)
    assert (s["must_events"], s["must_found"]) == (4, 3)
    assert s["precision"] == round(5 / 7, 3) == 0.714
    assert s["recall"] == 0.75
    assert s["f1"] == round(2 * (5 / 7) * 0.75 / (5 / 7 + 0.75), 3)
    assert s["sector_agreement"] == {"checked": 1, "agree": 1, "rate": 1.0}
    assert s["date_agreement"] == {"checked": 2, "agree": 2, "rate": 1.0}
    found = {g["id"]: g["found"] for g in s["gold_events"]}
    assert found == {"a": True, "b": True, "c": True, "d": True, "e": False}
    by_id = {g["id"]: g for g in s["gold_events"]}
    assert by_id["a"]["matched_by"] == ["ev-0-042", "ev-1-040"]
    assert by_id["e"]["matched_by"] == []
    fps = [
        (f["sentence_index"], f["source"], f["target"], f["cameo"]) for f in s["false_positives"]
    ]
    assert fps == [(5, "AAA", "DDD", "190"), (6, "AAA", "BBB", "111")]


def test_score_gold_sector_and_date_disagreement_and_direction() -> None:
    gold = {
        "id": "g",
        "events": [
            {
                "id": "x",
                "must": True,
                "src": "AAA",
                "src_sector": "GOV",
                "tgt": "BBB",
                "tgt_sector": "BUS",
                "roots": ["03"],
                "either_direction": True,
                "date": "2022-01-01",
            },
            {"id": "y", "must": True, "src": "AAA", "tgt": "BBB", "roots": ["04"]},
        ],
    }
    # Reversed match: gold src (AAA, GOV) is the event target, gold tgt (BBB, BUS) the source.
    reversed_ok = event(
        actor("BBB", sector="BUS"),
        actor("AAA", sector="GOV"),
        "036",
        date="2022-01-01",
        article=None,
    )
    s = score_gold([gold], [reversed_ok])
    assert s["sector_agreement"] == {"checked": 1, "agree": 1, "rate": 1.0}
    assert s["date_agreement"]["agree"] == 1
    assert s["recall"] == 0.5 and s["precision"] == 1.0

    wrong = event(
        actor("AAA", sector="BUS"),
        actor("BBB", sector="GOV"),
        "036",
        date="2022-01-02",
        article=None,
    )
    s = score_gold([gold], [wrong])
    assert s["sector_agreement"] == {"checked": 1, "agree": 0, "rate": 0.0}
    assert s["date_agreement"] == {"checked": 1, "agree": 0, "rate": 0.0}
    assert s["gold_events"][0]["sector_ok"] is False and s["gold_events"][1]["sector_ok"] is None


def test_score_gold_matches_articles_by_id() -> None:
    gold2 = {
        "id": "art-2",
        "events": [
            {"id": "a", "must": True, "src": "EEE", "tgt": "FFF", "roots": ["04"]},
        ],
    }
    events = [
        event(actor("AAA"), actor("BBB"), "040", article="art-1"),  # gold a of art-1
        event(actor("EEE"), actor("FFF"), "040", article="art-1"),  # wrong article: FP
        event(actor("EEE"), actor("FFF"), "043", article="art-2"),  # gold a of art-2
        event(actor("EEE"), actor("FFF"), "043", article="art-9"),  # no gold: ignored
    ]
    s = score_gold([GOLD, gold2], events)
    assert (s["emitted"], s["emitted_matched"], s["events_ignored"]) == (3, 2, 1)
    assert (s["must_events"], s["must_found"]) == (5, 2)
    assert [(f["article_id"], f["source"]) for f in s["false_positives"]] == [("art-1", "EEE")]
    # One gold article and no event with its id: every event is scored against it.
    s = score_gold([GOLD], [event(actor("AAA"), actor("BBB"), "040", article="other")])
    assert (s["emitted"], s["must_found"]) == (1, 1)


def test_score_gold_empty_and_malformed() -> None:
    s = score_gold([GOLD], [])
    assert (s["precision"], s["recall"], s["f1"]) == (0.0, 0.0, 0.0)
    with pytest.raises(EvaluationError):
        score_gold([{"events": []}], [])


def test_load_gold_json_and_jsonl(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps(GOLD), encoding="utf-8")
    assert [a["id"] for a in load_gold(one)] == ["art-1"]
    many = tmp_path / "many.jsonl"
    many.write_text(json.dumps(GOLD) + "\n" + json.dumps({"id": "z", "events": []}) + "\n")
    assert [a["id"] for a in load_gold(many)] == ["art-1", "z"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "q"}), encoding="utf-8")
    with pytest.raises(EvaluationError):
        load_gold(bad)


def test_format_gold_table() -> None:
    s = score_gold([GOLD], [event(actor("AAA"), actor("DDD"), "190", idx=5)])
    text = format_gold_table(s)
    assert "precision" in text and "0/1" in text and "0/4" in text
    assert "AAA" in text and "DDD" in text and "190" in text


# --- Peer scoring ------------------------------------------------------------------------------


def triple(source: str, target: str, code: str) -> dict[str, str]:
    return {"source": source, "target": target, "code": code}


RECORDS = [
    {
        "id": "r1",
        "expected_events": [triple("AAA", "BBB", "042"), triple("BBB", "AAA", "042")],
        "expect_no_events": False,
    },
    {"id": "r2", "expected_events": [triple("CCC", "DDD", "111")], "evaluate": False},
    {"id": "r3", "expected_events": [], "expect_no_events": True},
    {"id": "r4", "expected_events": [triple("DDD", "CCC", "173")], "evaluate": None},
]
PREDICTIONS = {
    # exact: 1 hit; the duplicate-dyad 043 and the one-actor 040 are misses
    "r1": [triple("AAA", "BBB", "042"), triple("AAA", "BBB", "043"), triple("---", "BBB", "040")],
    "r2": [triple("CCC", "DDD", "111")],  # record not evaluated: ignored
    "r3": [triple("---GOV", "DDD", "190")],  # expect_no_events: a false positive
    "r9": [triple("AAA", "BBB", "010")],  # no such record
}


def test_is_dyadic() -> None:
    assert is_dyadic(triple("AAA", "BBB", "010"))
    assert not is_dyadic(triple("---", "BBB", "010"))
    assert not is_dyadic(triple("AAA", "---GOV", "010"))
    assert not is_dyadic(triple("", "BBB", "010"))


def test_score_peer_levels_one_to_one_and_variants() -> None:
    s = score_peer(RECORDS, PREDICTIONS)
    json.dumps(s)
    assert (s["records"], s["records_scored"], s["records_skipped"]) == (4, 3, 1)
    assert s["expected_events"] == 3
    assert s["unscored_prediction_ids"] == ["r2", "r9"]
    full = s["all"]
    assert full["predicted_events"] == 4
    # exact: r1 tp 1 fp 2 fn 1; r3 fp 1; r4 fn 1
    assert full["levels"]["exact"] == {
        "precision": 0.25,
        "recall": 0.333,
        "f1": 0.286,
        "tp": 1,
        "fp": 3,
        "fn": 2,
    }
    # dyad+root: the 043 now has the same key as the 042 hit, but one-to-one allows one match
    assert full["levels"]["dyad+root"] == full["levels"]["exact"]
    # rootonly: r1 expects 04 twice and predicts 04 three times -> tp 2 fp 1; r3 fp; r4 fn
    assert full["levels"]["rootonly"] == {
        "precision": 0.5,
        "recall": 0.667,
        "f1": 0.571,
        "tp": 2,
        "fp": 2,
        "fn": 1,
    }
    dyadic = s["dyadic_only"]
    assert dyadic["predicted_events"] == 2
    assert dyadic["levels"]["exact"] == {
        "precision": 0.5,
        "recall": 0.333,
        "f1": 0.4,
        "tp": 1,
        "fp": 1,
        "fn": 2,
    }
    assert dyadic["levels"]["rootonly"] == {
        "precision": 1.0,
        "recall": 0.667,
        "f1": 0.8,
        "tp": 2,
        "fp": 0,
        "fn": 1,
    }
    roots = full["per_root"]["rootonly"]
    assert {r: (c["tp"], c["fp"], c["fn"]) for r, c in roots.items()} == {
        "04": (2, 1, 0),
        "17": (0, 0, 1),
        "19": (0, 1, 0),
    }
    exact_roots = full["per_root"]["exact"]
    assert {r: (c["tp"], c["fp"], c["fn"]) for r, c in exact_roots.items()} == {
        "04": (1, 2, 1),
        "17": (0, 0, 1),
        "19": (0, 1, 0),
    }


def test_score_peer_duplicate_ids_are_pooled_and_empty_is_zero() -> None:
    records = [
        {"id": "d", "expected_events": [triple("AAA", "BBB", "050")]},
        {"id": "d", "expected_events": [triple("AAA", "CCC", "050")]},
    ]
    s = score_peer(records, {"d": [triple("AAA", "CCC", "050")]})
    assert s["all"]["levels"]["exact"]["tp"] == 1 and s["all"]["levels"]["exact"]["fn"] == 1
    s = score_peer([], {})
    assert s["all"]["levels"]["exact"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 0,
    }
    with pytest.raises(EvaluationError):
        score_peer([{"expected_events": []}], {})


def test_event_to_peer_triple_and_grouping() -> None:
    ev = event(actor("AAA", sector="GOV"), actor(igo="XU"), "036", article="r1")
    ev["source"]["code"] = "AAAGOV"
    assert event_to_peer_triple(ev) == triple("AAAGOV", "IGOXU", "036")
    countryless = {"code": "MIL", "country": None, "igo": None, "sector": "MIL"}
    ev2 = event(countryless, None, "190", article="r3")
    assert event_to_peer_triple(ev2) == triple("---MIL", "---", "190")
    ev3 = {"source": {"code": "---GOV"}, "target": {}, "cameo": None}
    assert event_to_peer_triple(ev3) == triple("---GOV", "---", "")
    militarised = {"code": "IMGMUSISI", "country": None, "igo": None, "sector": "REB"}
    ev4 = event(countryless, militarised, "190", article="r4")
    assert event_to_peer_triple(ev4) == triple("---MIL", "IMGMUSISI", "190")  # a whole code
    grouped = events_to_peer_predictions([ev, ev2, ev])
    assert grouped == {
        "r1": [triple("AAAGOV", "IGOXU", "036")] * 2,
        "r3": [triple("---MIL", "---", "190")],
    }


def test_load_peer_predictions_and_jsonl_errors(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    lines = [
        {"id": "x", "predicted_events": [triple("AAA", "BBB", "010")]},
        {"id": "y", "predicted_events": []},
        {"id": "x", "predicted_events": [triple("BBB", "AAA", "020")]},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    preds = load_peer_predictions(path)
    assert preds == {"x": [triple("AAA", "BBB", "010"), triple("BBB", "AAA", "020")], "y": []}
    assert len(load_jsonl(path)) == 3
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError):
        load_peer_predictions(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=":1:"):
        load_jsonl(path)


def test_format_peer_table() -> None:
    text = format_peer_table(score_peer(RECORDS, PREDICTIONS))
    lines = text.splitlines()
    assert any(line.split()[:2] == ["all", "exact"] and "0.250" in line for line in lines)
    assert any(
        line.split()[:2] == ["dyadic_only", "rootonly"] and "1.000" in line for line in lines
    )
    assert any(line.startswith("04 ") for line in lines)


# --- Reproduction of the peer's own scores (reads ../shared at run time) -----------------------

UP = SHARED / "reference" / "peer" / "UniversalPetrarch"
SUITE_FILES = {
    "up-petr2-gsr": "up_petr2_gsr_validation.jsonl",
    "up-unittest-udpipe2": "up_unittest_udpipe2.jsonl",
    "up-validate-2.02": "dev-validate/up_validate_records_2_02.jsonl",
}
SUITE_XML = {
    "up-petr2-gsr": "PETR2_GSR_validation.xml",
    "up-unittest-udpipe2": "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml",
    "up-validate-2.02": "dev-validate/PETR_Validate_records_2_02.xml",
}


def _restore_blank_ids(records: list[dict], pred_path: Path, xml_path: Path) -> list[dict]:
    """Repair records whose id the XML-to-JSONL conversion lost.

    The conversion started one validate record at a ``<Sentence ... evaluate="false">`` example in
    the XML header comment, so it has ``id == ""`` and ``evaluate: false``. The baseline outputs
    are line-aligned with the records; take the id from there and the evaluate flag from the XML.
    """
    pred_ids = [row["id"] for row in load_jsonl(pred_path)]
    assert len(pred_ids) == len(records)
    xml = xml_path.read_text(encoding="utf-8", errors="replace")
    fixed = []
    for record, pred_id in zip(records, pred_ids, strict=True):
        if record["id"] == "":
            tag = re.search(rf'<Sentence\b[^>]*\bid="{re.escape(pred_id)}"[^>]*>', xml)
            assert tag, f"no <Sentence id={pred_id!r}> in {xml_path.name}"
            flag = re.search(r'\bevaluate="(\w+)"', tag.group(0))
            record = {**record, "id": pred_id, "evaluate": not flag or flag.group(1) != "false"}
        else:
            assert record["id"] == pred_id
        fixed.append(record)
    return fixed


@pytest.mark.shared
def test_reproduces_peer_scores_tsv() -> None:
    scores_path = UP / "baseline_outputs" / "scores.tsv"
    if not scores_path.exists():
        pytest.skip(f"../shared not present: {scores_path}")
    with scores_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 18
    mismatches = []
    for row in rows:
        pred_path = UP / "baseline_outputs" / f"{row['suite']}__{row['parse']}.jsonl"
        records = _restore_blank_ids(
            load_jsonl(UP / SUITE_FILES[row["suite"]]), pred_path, UP / SUITE_XML[row["suite"]]
        )
        scores = score_peer(records, load_peer_predictions(pred_path))
        variant = scores[row["predictions"]]
        label = f"{row['suite']}/{row['parse']}/{row['predictions']}"
        for field, got in [
            ("records", scores["records"]),
            ("expected_events", scores["expected_events"]),
            ("predicted_events", variant["predicted_events"]),
        ]:
            if got != int(row[field]):
                mismatches.append(f"{label} {field}: {got} != {row[field]}")
        for level in ("exact", "dyad+root", "rootonly"):
            got_level = variant["levels"][level]
            for short, name in (("P", "precision"), ("R", "recall"), ("F1", "f1")):
                want = float(row[f"{level}_{short}"])
                if abs(got_level[name] - want) > 0.001 + 1e-9:
                    mismatches.append(f"{label} {level}_{short}: {got_level[name]} != {want}")
    assert not mismatches, "\n".join(mismatches)


def test_pentaclass_classes_and_sentence_scoring() -> None:
    from dyadwatch.scoring import pentaclass, score_pentaclass

    assert [pentaclass(r) for r in ("01", "02", "03", "05", "06", "08", "09", "13")] == [
        0,
        0,
        1,
        1,
        2,
        2,
        3,
        3,
    ]
    # reducing relations is verbal conflict in Phoenix's classes; protests and force are material
    assert [pentaclass(r) for r in ("14", "15", "16", "17", "20", "163")] == [4, 4, 3, 4, 4, 3]
    records = [
        {
            "id": "a",
            "pentaclass_label": 3,
            "spans": {"S_source": ["Ruritania"], "T_target": ["Oz"]},
        },
        {"id": "b", "pentaclass_label": 0, "spans": {}},
        {"id": "c", "pentaclass_label": 4, "spans": {"S_source": ["rebels"], "T_target": ["town"]}},
        # no gold source span: the sentence says nothing about source agreement
        {"id": "d", "pentaclass_label": 2, "spans": {}},
        # spans tokenised apart from their possessive still overlap
        {"id": "e", "pentaclass_label": 3, "spans": {"S_source": ["Lilliput 's government"]}},
        # and so do spans tokenised apart at their hyphens
        {"id": "f", "pentaclass_label": 3, "spans": {"S_source": ["Blefuscu - based rebels"]}},
    ]
    events = [
        {
            "article_id": "a",
            "root": "16",
            "confidence": 0.9,
            "source": {"text": "Ruritania"},
            "target": {"text": "the land of Oz"},
        },
        {
            "article_id": "a",
            "root": "04",
            "confidence": 0.5,
            "source": {"text": "Oz"},
            "target": {"text": "Ruritania"},
        },
        {
            "article_id": "c",
            "root": "19",
            "confidence": 0.8,
            "source": {"text": "soldiers"},
            "target": None,
        },
    ]
    events += [
        {
            "article_id": "d",
            "root": "07",
            "confidence": 0.8,
            "source": {"text": "Oz"},
            "target": None,
        },
        {
            "article_id": "e",
            "root": "11",
            "confidence": 0.8,
            "source": {"text": "Lilliput’s government"},
            "target": None,
        },
        {
            "article_id": "f",
            "root": "11",
            "confidence": 0.8,
            "source": {"text": "Blefuscu-based"},
            "target": None,
        },
    ]
    result = score_pentaclass(records, events)
    assert result["accuracy"] == 1.0  # a: the surer event decides; b: no event is class 0
    assert result["with_event"] == 5
    assert result["source_agreement"] == 0.75 and result["target_agreement"] == 0.5
    assert result["confusion"] == {"0->0": 1, "2->2": 1, "3->3": 3, "4->4": 1}


def test_plover_suite_scores_types_actors_and_the_manuals_codes(tmp_path: Path) -> None:
    from dyadwatch.scoring import format_plover_table, is_plover_suite, score_plover

    def gold(kind: str, actors: list[str], recipients: list[str]) -> dict[str, Any]:
        return {
            "event": kind,
            "actor": [{"actorText": a, "code": a} for a in actors],
            "recipient": [{"actorText": r, "code": r} for r in recipients],
        }

    records = [
        # an older type name counts as the type it was merged into
        {
            "id": "a",
            "expected_events": [gold("DISAPPROVE", ["LIL"], ["BLE"])],
            "cameo_code_from_manual": ["111"],
        },
        {
            "id": "b",
            "expected_events": [gold("AGREE", ["LIL", "BLE"], [])],
            "cameo_code_from_manual": ["057"],
        },
        {"id": "c", "expected_events": [gold("RETREAT", ["BLE"], [])]},
    ]

    def event(rid: str, plover: str, cameo: str, source: str, target: str | None) -> dict[str, Any]:
        return {
            "article_id": rid,
            "plover": plover,
            "cameo": cameo,
            "source": {"code": source},
            "target": {"code": target} if target else None,
        }

    events = [
        event("a", "ACCUSE", "112", "LILGOV", "BLE"),  # type and actors right, root only
        event("b", "AGREE", "057", "BLE", "LIL"),  # code right
        event("b", "ASSAULT", "190", "BLE", "LIL"),  # a type the record has not
    ]
    result = score_plover(records, events)
    assert result["type_precision"] == round(2 / 3, 3) and result["type_recall"] == round(2 / 3, 3)
    assert result["source_agreement"] == 1.0 and result["target_agreement"] == 1.0
    assert result["cameo_records"] == 2
    assert result["cameo_exact"] == 0.5 and result["cameo_root"] == 1.0
    assert result["recall_by_type"] == {"ACCUSE": "1/1", "AGREE": "1/1", "RETREAT": "0/1"}
    table = format_plover_table(result)
    assert "\nPLOVER type F1                         0.667\n" in table
    assert table.endswith("recall by type: ACCUSE 1/1, AGREE 1/1, RETREAT 0/1")
    # a PLOVER suite is told from CAMEO peer suites by its typed events
    path = tmp_path / "plover.jsonl"
    path.write_text(json.dumps(records[0]) + "\n", "utf-8")
    assert is_plover_suite(path)
    path.write_text(
        json.dumps({"id": "x", "expected_events": [{"source": "A", "target": "B", "code": "040"}]})
        + "\n",
        "utf-8",
    )
    assert not is_plover_suite(path)
