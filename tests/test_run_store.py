"""Runs through the real pipeline into the store: wire copies, crash safety, the dyad command."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, SEED, shared_path
from dyadwatch.api import run
from dyadwatch.cli import app
from dyadwatch.store import Store

runner = CliRunner()

ORIGINAL = (
    "Chile and Peru sign lithium agreement\n\n"
    "Chile and Peru signed an agreement on lithium mining in Lima on Tuesday, the two governments "
    "said.\n\n"
    "The accord sets up a joint fund for processing plants near the border and a commission that "
    "will meet twice a year. Officials said the first plant could open within three years.\n\n"
    "Chilean President Gabriel Boric said the deal showed that neighbours could share the benefits "
    "of the energy transition."
)
# The same wire story re-published by another outlet: new headline, last paragraph cut.
COPY = (
    "Lithium deal for Andean neighbours\n\n"
    "Chile and Peru signed an agreement on lithium mining in Lima on Tuesday, the two governments "
    "said.\n\n"
    "The accord sets up a joint fund for processing plants near the border and a commission that "
    "will meet twice a year. Officials said the first plant could open within three years."
)
# Another outlet's own report of the same act, in other words.
OWN_REPORT = (
    "Peru, Chile seal mining pact\n\n"
    "Chile and Peru signed an agreement on lithium mining in Lima on Tuesday.\n\n"
    "Mining companies from both countries welcomed the pact, which had been under negotiation "
    "since 2023, and said they hoped investment would follow quickly."
)


def _write_feed(folder: Path) -> None:
    records = [
        ("lithium-andes-wire", ORIGINAL, "Andes Wire"),
        ("lithium-pacific-daily", COPY, "Pacific Daily"),
        ("lithium-lima-post", OWN_REPORT, "Lima Post"),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lithium.jsonl").open("w") as out:
        for article_id, text, publisher in records:
            record = {
                "id": article_id,
                "text": text,
                "publisher": publisher,
                "published": "2025-03-12",
                "url": f"https://{publisher.lower().replace(' ', '')}.example/{article_id}",
            }
            out.write(json.dumps(record) + "\n")


def test_wire_copy_is_linked_not_coded_and_counted_in_the_event(coder, tmp_path):
    _write_feed(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    report = run([tmp_path / "in"], db)
    assert (report.articles_coded, report.articles_linked) == (2, 1)
    with Store(db, read_only=True) as store:
        (link,) = store.article_links()
        signed = [e for e in store.events() if e["cameo"] == "057"]
        counts = store.counts()
    assert (link["article_id"], link["original_id"]) == (
        "lithium-pacific-daily",
        "lithium-andes-wire",
    )
    assert counts["articles"] == 2
    # CHL->PER and PER->CHL (a signing, 057): each reported by the three articles of three outlets
    assert {(e["source_code"], e["target_code"]) for e in signed} == {
        ("CHL", "PER"),
        ("PER", "CHL"),
    }
    for event in signed:
        assert (event["num_articles"], event["num_sources"]) == (3, 3), event
        assert event["date"] == "2025-03-11"
    again = run([tmp_path / "in"], db)
    assert (again.articles_coded, again.articles_linked, again.articles_unchanged) == (0, 0, 3)


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every data table without the columns that record when or by which run a row was written."""
    volatile = {"coded_at", "run_id", "linked_at", "first_seen"}
    tables = [
        "articles",
        "article_links",
        "article_signatures",
        "article_bands",
        "event_mentions",
        "events",
        "actor_mentions",
        "quotes",
        "rejects",
    ]
    out = {}
    with Store(db, read_only=True) as store:
        for table in tables:
            columns = [
                r[0]
                for r in store._rows(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                )
                if r[0] not in volatile
            ]
            names = ", ".join(columns)
            out[table] = store._rows(f"SELECT {names} FROM {table} ORDER BY ALL")
    return out


def test_a_run_killed_mid_way_and_run_again_equals_a_clean_run(coder, tmp_path):
    source = tmp_path / "in"
    shutil.copytree(EXAMPLES, source)
    _write_feed(source / "feed")
    (source / "empty.txt").write_text("")  # a reject, recorded once
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    command = [
        sys.executable,
        "-m",
        "dyadwatch.cli",
        "run",
        str(source),
        "--db",
        str(killed_db),
        "--batch-size",
        "2",
        "--progress",
        "--no-summary",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stderr is not None
    batches = 0
    for line in process.stderr:
        if "event mentions stored" in line:
            batches += 1
            if batches == 2:
                process.send_signal(signal.SIGKILL)
                break
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    with Store(killed_db, read_only=True) as store:
        partial = store.counts()
    assert 0 < partial["articles"] < 16
    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 1, rerun.stderr  # the empty file is rejected again
    run([source], clean_db, batch_size=2)
    assert _snapshot(killed_db) == _snapshot(clean_db)
    with Store(killed_db, read_only=True) as store:
        statuses = sorted(r["status"] for r in store.runs())
    assert statuses == ["finished", "interrupted"]


@pytest.mark.shared
def test_dyad_command_on_the_seed_store_shows_cooperation_and_draws_it(coder, tmp_path):
    seed = shared_path("seed", SEED.name)
    db = tmp_path / "seed.duckdb"
    assert runner.invoke(app, ["run", str(seed), "--db", str(db), "--no-summary"]).exit_code == 0
    png = tmp_path / "srb-chn.png"
    result = runner.invoke(
        app, ["dyad", "SRB", "CHN", "--db", str(db), "--by", "month", "--plot", str(png)]
    )
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    forward = [r for r in rows if r[1] == "SRB->CHN"]
    assert forward and sum(int(r[2]) for r in forward) > 0
    assert sum(int(r[4]) + int(r[5]) for r in forward) == sum(int(r[2]) for r in forward)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    as_json = runner.invoke(app, ["dyad", "SRB", "CHN", "--db", str(db), "-f", "json"])
    series = json.loads(as_json.stdout)
    assert {"reports", "reports_verbal_coop", "goldstein_sum"} <= set(series[0])
