"""End to end with the real pipeline: the seed article's acceptance checks, the CLI and the API."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, REPO, SEED, SEED_GOLD, shared_path
from dyadwatch.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_events(coder):
    result = runner.invoke(app, ["code", str(shared_path("seed", SEED.name)), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_seed_headline_is_serbia_to_china_intent_to_cooperate(seed_events):
    headline = [e for e in seed_events if e["sentence_index"] == 0]
    assert any(
        e["source"]["country"] == "SRB" and e["target"]["country"] == "CHN" and e["root"] == "03"
        for e in headline
    )
    event = next(e for e in headline if e["root"] == "03")
    assert event["sentence"].startswith("Serbia vows to deepen")
    assert "pattern 030" in event["evidence"] and "intent" in event["evidence"]
    assert event["date"] == "2020-09-18" and event["quad_class"] == 1 and event["goldstein"] == 4.0


def test_seed_caption_is_a_government_meeting_dated_september_11(seed_events):
    caption = [e for e in seed_events if e["sentence_index"] == 1 and e["root"] == "04"]
    meeting = next(
        e for e in caption if e["source"]["code"] == "SRBGOV" and e["target"]["code"] == "CHNGOV"
    )
    assert meeting["date"] == "2020-09-11" and meeting["date_precision"] == "day"
    assert meeting["sentence"].startswith("Serbian President Aleksandar Vucic meets with")
    assert meeting["source"]["name"] == "Aleksandar Vucic"
    assert meeting["target"]["name"] == "Chen Bo"  # not the NER span "Serbia Chen Bo"
    assert meeting["location"]["name"] == "Belgrade" and meeting["location"]["country"] == "SRB"
    assert meeting["verb"] == "meets" and "pattern 040" in meeting["evidence"]


def test_seed_event_offsets_index_the_extracted_text(coder):
    from dyadwatch.extract import extract_text

    article = extract_text(shared_path("seed", SEED.name).read_text(), "seed")
    for event in coder.code_article(article).events:
        start, end = event.source_offsets
        assert article.text[start:end] == event.source.text
        start, end = event.verb_offsets
        assert article.text[start:end] == event.verb
        assert article.text[event.sentence_start :].startswith(event.sentence)


def test_cli_eval_scores_the_seed_gold(coder):
    result = runner.invoke(
        app, ["eval", str(shared_path("gold", SEED_GOLD.name)), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    (scores,) = json.loads(result.stdout)
    assert scores["kind"] == "gold" and scores["recall"] >= 0.8 and scores["precision"] >= 0.9


# the peer's verb dictionaries hold slips and KEDS codes, left out with a warning
@pytest.mark.filterwarnings("ignore:.*verb dictionaries left out")
def test_quality_floors_hold(coder):
    from dyadwatch.scoring import check_floors

    shared_path("gold")
    results, failures = check_floors(REPO / "eval" / "floors.json", REPO.parent / "shared")
    assert failures == [], failures
    assert any(r.get("suite") == "seed-gold" and "figures" in r for r in results)


def test_cli_code_reports_bad_items_and_still_codes_the_rest(coder, tmp_path):
    shutil.copy(EXAMPLES / "2024-05-08-xi-visits-serbia.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Japan and South Korea held talks."}\nnot json\n'
    )
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "table"])
    assert result.exit_code == 1
    assert "good" in result.stdout and "040" in result.stdout
    for item, reason in (
        ("empty.txt", "empty"),
        ("bin.txt", "not_text"),
        ("nav.html", "no_text"),
        ("lines.jsonl:2", "bad_json"),
    ):
        assert f"{item}: {reason}" in result.stderr


def test_cli_run_twice_adds_nothing_the_second_time(coder, tmp_path):
    db = tmp_path / "w.duckdb"
    first = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    from dyadwatch.store import Store

    with Store(db, read_only=True) as store:
        counts = store.counts()
    second = runner.invoke(app, ["run", str(EXAMPLES), "--db", str(db)])
    assert "0 coded" in second.stdout and "0 event mentions added" in second.stdout
    with Store(db, read_only=True) as store:
        assert store.counts() == counts
        statuses = [r["status"] for r in store.runs()]
    assert counts["articles"] >= 10 and counts["events"] > 0 and counts["rejects"] == 0
    assert counts["event_mentions"] >= counts["events"]
    assert statuses == ["finished", "finished"]
    assert "source" in first.stdout and "goldstein_mean" in first.stdout  # the dyad summary


def test_cli_run_records_rejects_in_the_store(coder, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Serbia and Hungary signed an energy agreement on Monday."
    )
    (tmp_path / "in" / "b.txt").write_text("")
    db = tmp_path / "r.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 1
    runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(db)])
    from dyadwatch.store import Store

    with Store(db, read_only=True) as store:
        assert [(r["reason"], r["stage"]) for r in store.rejects()] == [("empty", "ingest")]
        assert store.counts()["articles"] == 1


def test_python_api_codes_text(coder):
    import dyadwatch

    events = dyadwatch.code_text(
        "Serbia and Hungary signed an energy agreement on Monday.", published="2023-10-18"
    )
    pairs = {(e.source.code, e.target.code if e.target else None, e.cameo, e.date) for e in events}
    assert ("SRB", "HUN", "057", "2023-10-16") in pairs and (
        "HUN",
        "SRB",
        "057",
        "2023-10-16",
    ) in pairs


def test_cli_exits_with_a_clear_error_for_an_unknown_model(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Serbia met Hungary.")
    result = runner.invoke(app, ["code", str(path), "--model", "no_such_pipeline_xx"])
    assert result.exit_code == 3
    assert "no_such_pipeline_xx" in result.stderr and "Traceback" not in result.stderr
