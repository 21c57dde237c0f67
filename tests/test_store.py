"""Store: named migrations, idempotent batched writes, atomic replacement."""

from __future__ import annotations

import os
from pathlib import Path

from dyadwatch.extract import extract_text
from dyadwatch.pipeline import CodedArticle
from dyadwatch.records import ActorRef, Event, Reject
from dyadwatch.store import Store, migrations

GOLDEN = Path(__file__).parent / "golden" / "schema.txt"


def _article(article_id="a1", text="Leaders meet\n\nSerbia met China in Belgrade on Friday."):
    return extract_text(text, article_id)


def _event(article_id="a1", event_id="e1", cameo="040"):
    src = ActorRef("SRB", "SRB", None, None, "Serbia", "Serbia")
    tgt = ActorRef("CHN", "CHN", None, None, "China", "China")
    return Event(
        event_id,
        article_id,
        1,
        "Serbia met China in Belgrade on Friday.",
        14,
        src,
        tgt,
        (14, 20),
        (25, 30),
        (21, 24),
        "met",
        cameo,
        cameo[:2],
        1,
        1.0,
        "CONSULT",
        "2020-09-18",
        "day",
        "Friday",
        {"name": "Belgrade", "country": "SRB", "type": "city", "text": "Belgrade"},
        "pattern test",
        "test-1",
    )


def _coded(article_id="a1", events=None, version="test-1", text=None):
    article = _article(article_id, text) if text else _article(article_id)
    return CodedArticle(
        article, events if events is not None else [_event(article_id)], 2, "m", version
    )


def test_store_records_named_migrations_once(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.applied_migrations() == [name for name, _ in migrations()]
        assert store.migrate() == []
    with Store(db) as store:  # reopening applies nothing again
        assert store.migrate() == []


def test_store_schema_matches_golden_file(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        rows = store._rows(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        )
    text = "\n".join("\t".join(map(str, r)) for r in rows) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text(), (
        "schema changed: add a migration and run UPDATE_GOLDEN=1 pytest"
    )


def test_store_writing_the_same_batch_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        reject = Reject("bad.txt", "ingest", "empty", "file is empty")
        first = store.write([_coded()], [reject])
        second = store.write([_coded()], [reject])
        assert (first.articles, first.event_mentions, first.rejects) == (1, 1, 1)
        assert (second.articles, second.event_mentions, second.rejects) == (0, 0, 0)
        assert store.counts() == {
            "articles": 1,
            "article_links": 0,
            "event_mentions": 1,
            "events": 1,
            "rejects": 1,
            "actor_mentions": 0,
            "quotes": 0,
        }


def test_store_replaces_an_article_recoded_by_a_new_version_atomically(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([_coded(events=[_event(event_id="e1"), _event(event_id="e2", cameo="042")])])
        store.write([_coded(events=[_event(event_id="e3")], version="test-2")])
        assert [e["mention_id"] for e in store.event_mentions("a1")] == ["e3"]
        assert store.counts()["articles"] == 1
        (event,) = store.events()  # the old mentions' events went with them
        assert event["cameo"] == "040" and event["num_mentions"] == 1


def test_store_event_row_round_trips_offsets_and_location(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([_coded()])
        (row,) = store.event_mentions()
    assert (row["source_start"], row["target_end"], row["verb"]) == (14, 30, "met")
    assert '"Belgrade"' in row["location"] and row["date_text"] == "Friday"


def test_store_dyad_summary_counts_by_quad_class(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([_coded(events=[_event(event_id="e1"), _event(event_id="e2", cameo="111")])])
        (row,) = store.dyad_summary()
    assert (row["source"], row["target"], row["events"]) == ("SRB", "CHN", 2)
