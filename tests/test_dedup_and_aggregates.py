"""Deduplication (articles and events), aggregates, exports and ``dyadwatch.open`` over hand-built
coded articles (no NLP model needed)."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

import dyadwatch
from dyadwatch.dedup_articles import DuplicateIndex, Signature, similarity, text_key
from dyadwatch.dedup_events import MatchRule
from dyadwatch.errors import DyadwatchError, StoreError
from dyadwatch.exports import GDELT_COLUMNS, export
from dyadwatch.extract import extract_record
from dyadwatch.pipeline import CodedArticle
from dyadwatch.records import ActorRef, Event
from dyadwatch.store import Link, Store, migrations

STORY = (
    "Chile and Peru discuss lithium plant\n\n"
    "Finance ministers of Chile and Peru met in Lima on Thursday to discuss a shared lithium "
    "processing plant near the border.\n\nThe two governments agreed to set up a joint working group "
    "that will report back before the end of the year, officials in both capitals said. Chile's "
    "minister told reporters that the talks had been constructive and that a draft treaty could "
    "follow. Peru's delegation said financing remained the main open question."
)
OTHER = (
    "Protesters in Santiago marched against rising bus fares on Saturday, blocking the main avenue "
    "for several hours. Police used water cannon to clear the square late in the evening."
)

CHL = ActorRef("CHLGOV", "CHL", None, "GOV", "Chile", "Chile")
PER = ActorRef("PERGOV", "PER", None, "GOV", "Peru", "Peru")
LIMA = {"name": "Lima", "country": "PER", "type": "city", "text": "Lima"}
CUSCO = {"name": "Cusco", "country": "PER", "type": "city", "text": "Cusco"}


def article(article_id, text=STORY, publisher="Andes Wire", url=None, published="2025-03-07"):
    record = {"id": article_id, "text": text, "publisher": publisher, "published": published}
    if url:
        record["url"] = url
    return extract_record(record, article_id)


def event(
    mention_id,
    article_id,
    day="2025-03-06",
    cameo="040",
    source=CHL,
    target=PER,
    location=LIMA,
    precision="day",
    sentence_start=0,
):
    root = cameo[:2]
    quad = 1 if root < "06" else 2 if root < "10" else 3 if root < "15" else 4
    return Event(
        event_id=mention_id,
        article_id=article_id,
        sentence_index=0,
        sentence="Chile and Peru met in Lima.",
        sentence_start=sentence_start,
        source=source,
        target=target,
        source_offsets=(0, 5),
        target_offsets=(10, 14),
        verb_offsets=(15, 18),
        verb="met",
        cameo=cameo,
        root=root,
        quad_class=quad,
        goldstein={"040": 1.0, "036": 4.0, "0364": 4.0, "111": -2.0, "190": -10.0}.get(cameo, 0.0),
        plover="CONSULT",
        date=day,
        date_precision=precision,
        date_text=None,
        location=location,
        evidence="hand-built",
        coder_version="t-1",
    )


def coded(art, events):
    return CodedArticle(art, events, 3, "m", "t-1")


# -- article deduplication ------------------------------------------------------------------------


def test_text_key_ignores_case_punctuation_and_spacing():
    assert text_key("Chile and Peru  met.") == text_key("chile AND peru met")
    assert text_key("Chile and Peru met") != text_key("Chile and Bolivia met")


def test_minhash_finds_an_edited_wire_copy_and_not_another_story():
    copy = STORY.replace("on Thursday", "on Thursday (local time)") + " Reporting by staff."
    a, b, c = (Signature.of(i, t) for i, t in (("a", STORY), ("b", copy), ("c", OTHER)))
    assert similarity(a.minhash, b.minhash) >= 0.8
    assert similarity(a.minhash, c.minhash) < 0.2
    index = DuplicateIndex()
    index.add(a)
    match = index.find(b)
    assert match is not None and (match.original_id, match.kind) == ("a", "near")
    assert index.find(c) is None
    exact = index.find(Signature.of("d", STORY.upper()))
    assert exact is not None and (exact.kind, exact.similarity) == ("exact", 1.0)


def test_duplicate_index_finds_originals_stored_by_an_earlier_run(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([coded(article("orig"), [event("m1", "orig")])])
    with Store(tmp_path / "s.duckdb") as store:
        index = store.duplicate_index()
        copy = STORY.replace("Thursday", "Thursday morning")
        match = index.find(Signature.of("copy", copy))
        assert match is not None and match.original_id == "orig"
        assert index.find(Signature.of("orig", STORY)) is None  # never a copy of itself


# -- event deduplication --------------------------------------------------------------------------


def test_wire_copy_counts_as_a_second_article_and_source():
    store = Store(":memory:")
    store.write([coded(article("orig"), [event("m1", "orig")])])
    copy = article("copy", STORY + " More follows.", publisher="Pacific Daily")
    counts = store.write(links=[Link(copy, "orig", "near", 0.93)])
    assert counts.links == 1
    (ev,) = store.events()
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
    assert store.counts()["articles"] == 1  # the copy is linked, not coded
    # the same copy linked again adds nothing
    store.write(links=[Link(copy, "orig", "near", 0.93)])
    assert store.counts()["article_links"] == 1 and store.events()[0]["num_articles"] == 2


def test_reprint_by_the_same_outlet_is_a_second_article_but_not_a_second_source():
    store = Store(":memory:")
    store.write([coded(article("orig"), [event("m1", "orig")])])
    store.write(links=[Link(article("again", STORY), "orig", "exact", 1.0)])
    (ev,) = store.events()
    assert (ev["num_articles"], ev["num_sources"]) == (2, 1)


def test_two_outlets_reporting_the_same_act_make_one_event():
    store = Store(":memory:")
    store.write(
        [
            coded(article("a", publisher="Andes Wire"), [event("m1", "a", day="2025-03-06")]),
            coded(
                article("b", OTHER, publisher="Lima Post"),
                [event("m2", "b", day="2025-03-07"), event("m3", "b", day="2025-03-07")],
            ),
        ]
    )
    (ev,) = store.events()  # one day apart: inside the default one-day window
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (3, 2, 2)
    assert ev["date"] == "2025-03-07"  # the most reported date
    assert {m["event_id"] for m in store.event_mentions()} == {ev["event_id"]}


def test_matching_rule_window_level_and_location():
    store = Store(":memory:")
    store.write(
        [
            coded(
                article("a"),
                [
                    event("m1", "a", day="2025-03-01"),
                    event("m2", "a", day="2025-03-05"),  # four days later: another meeting
                    event("m3", "a", day="2025-03-01", cameo="036"),  # another code
                    event("m4", "a", day="2025-03-01", location=CUSCO),  # another place
                    event("m5", "a", day="2025-03-01", location=None),  # place unknown: joins
                    event("m6", "a", day="2025-03", precision="month"),
                    event("m7", "a", day="2025-03-02", target=None),
                ],
            )
        ]
    )
    assert len(store.events()) == 6
    store.set_match_rule(MatchRule(window_days=7, code_level="root", use_location=False))
    # 040 (m1, m2, m5, m4 now placeless) and the no-target event differ from 036 by root
    assert len(store.events()) == 4
    assert store.match_rule.window_days == 7
    with pytest.raises(StoreError, match="code level"):
        MatchRule(code_level="verb")


def test_recoding_an_article_re_derives_its_events_atomically():
    store = Store(":memory:")
    a = article("a")
    store.write([coded(a, [event("m1", "a"), event("m2", "a", cameo="111")])])
    assert len(store.events()) == 2
    newer = CodedArticle(a, [event("m3", "a")], 3, "m", "t-2")
    store.write([newer])
    (ev,) = store.events()
    assert ev["first_mention_id"] == "m3" and ev["num_mentions"] == 1


def test_writes_are_idempotent_and_independent_of_batching(tmp_path):
    batches = [
        coded(article("a"), [event("m1", "a")]),
        coded(article("b", OTHER, publisher="Lima Post"), [event("m2", "b", day="2025-03-07")]),
    ]
    one, two = Store(tmp_path / "one.duckdb"), Store(tmp_path / "two.duckdb")
    one.write(batches)
    one.write(batches)
    for batch in reversed(batches):
        two.write([batch])
    query = "SELECT * EXCLUDE (first_mention_id, first_article_id) FROM events ORDER BY event_id"
    assert one._rows(query) == two._rows(query)
    assert one.counts() == two.counts()


def test_stores_from_before_deduplication_are_upgraded_with_their_events(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, sql in migrations()[:4]:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, current_timestamp)", [name])
    con.execute(
        "INSERT INTO articles (article_id, content_hash, text, paragraphs) "
        "VALUES ('a', 'h', 'Chile met Peru.', '[]')"
    )
    con.execute(
        "INSERT INTO events (event_id, article_id, sentence_index, sentence, sentence_start, "
        "source_code, target_code, cameo, root, quad_class, goldstein, date, date_precision) "
        "VALUES ('e1', 'a', 0, 'Chile met Peru.', 0, 'CHLGOV', 'PERGOV', '040', '04', 1, 1.0, "
        "'2025-03-06', 'day')"
    )
    con.close()
    with pytest.raises(StoreError, match="older dyadwatch"):
        Store(db, read_only=True)
    with Store(db) as store:
        (ev,) = store.events()
        assert ev["num_mentions"] == 1 and store.event_mentions()[0]["mention_id"] == "e1"
        assert store.counts()["articles"] == 1


# -- aggregates, exports and the Python API -------------------------------------------------------


@pytest.fixture()
def filled(tmp_path):
    db = tmp_path / "f.duckdb"
    with Store(db) as store:
        store.write(
            [
                coded(
                    article("a", url="https://www.andes.example/a"),
                    [
                        event("m1", "a", day="2025-01-10"),
                        event("m2", "a", day="2025-03-06", cameo="036", sentence_start=200),
                        event("m3", "a", day="2025-03-20", cameo="111", source=PER, target=CHL),
                    ],
                )
            ],
            links=[Link(article("copy", STORY, publisher="Pacific Daily"), "a", "exact", 1.0)],
        )
    return db


def test_dyad_series_has_both_directions_events_reports_and_empty_months(filled):
    with dyadwatch.open(filled) as ds:
        series = ds.dyad_series("CHL", "PER", by="month")
    assert (
        list(series["period"].astype(str))
        == ["2025-01-01"] * 2 + ["2025-02-01"] * 2 + ["2025-03-01"] * 2
    )
    march = series[series["period"].astype(str) == "2025-03-01"].set_index("direction")
    assert march.loc["CHL->PER", "events"] == 1 and march.loc["CHL->PER", "reports"] == 2
    assert march.loc["PER->CHL", "verbal_conflict"] == 1
    assert march.loc["PER->CHL", "goldstein_sum"] == -2.0
    february = series[series["period"].astype(str) == "2025-02-01"]
    assert february["events"].sum() == 0


def test_actor_totals_and_network(filled):
    with dyadwatch.open(filled) as ds:
        actors = ds.actors().set_index("actor")
        edges = ds.network(start="2025-03-01")
        coded_edges = ds.network(level="code")
    assert actors.loc["CHL", "events_as_source"] == 2 and actors.loc["CHL", "events_as_target"] == 1
    assert set(zip(edges["source"], edges["target"], strict=True)) == {
        ("CHL", "PER"),
        ("PER", "CHL"),
    }
    assert "CHLGOV" in set(coded_edges["source"])


def test_dataset_filters_and_arrow(filled):
    with dyadwatch.open(filled) as ds:
        assert len(ds.events(actor="PER")) == 3
        assert len(ds.events(source="PERGOV")) == 1
        assert len(ds.events(root="03")) == 1 and len(ds.events(quad_class=3)) == 1
        assert len(ds.events(start="2025-03-01", end="2025-03-10")) == 1
        assert len(ds.events(text="Lima")) == 3
        table = ds.events(limit=1, arrow=True)
        assert isinstance(table, pa.Table) and table.num_rows == 1
        assert isinstance(ds.mentions(), pd.DataFrame)
        with pytest.raises(DyadwatchError, match="not an actor code"):
            ds.events(actor="CHL'; DROP TABLE events; --")
    with pytest.raises(StoreError, match="no store"):
        dyadwatch.open(filled.parent / "missing.duckdb")


# GDELT 2.0 Events codebook order, written out here on purpose.
CODEBOOK = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]


def test_gdelt_export_loads_with_gdelts_column_list(filled, tmp_path):
    assert len(CODEBOOK) == 61 and tuple(CODEBOOK) == GDELT_COLUMNS
    out = tmp_path / "events.tsv"
    with Store(filled, read_only=True) as store:
        assert export(store.con, "events", "gdelt", out) == 3
    frame = pd.read_csv(out, sep="\t", header=None, names=CODEBOOK, dtype=str)
    assert frame.shape == (3, 61)
    first = frame.iloc[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20250110", "202501", "2025")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "CHLGOV",
        "CHL",
        "GOV",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "040",
        "040",
        "04",
    )
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert first["ActionGeo_Type"] == "4" and first["ActionGeo_FullName"] == "Lima, Peru"
    assert first["SOURCEURL"] == "https://www.andes.example/a"
    assert int(first["GLOBALEVENTID"]) > 0 and len(first["DATEADDED"]) == 14
    assert frame["IsRootEvent"].tolist() == ["1", "0", "1"]


def test_table_exports_round_trip(filled, tmp_path):
    with Store(filled, read_only=True) as store:
        assert export(store.con, "events", "parquet", tmp_path / "e.parquet") == 3
        assert export(store.con, "mentions", "csv", tmp_path / "m.csv") == 3
        assert export(store.con, "quotes", "jsonl", tmp_path / "q.jsonl") == 0
        assert export(store.con, "events", "plover", tmp_path / "p.jsonl") == 3
        with pytest.raises(DyadwatchError, match="events only"):
            export(store.con, "quotes", "gdelt", tmp_path / "q.tsv")
        with pytest.raises(DyadwatchError, match="does not exist"):
            export(store.con, "events", "csv", tmp_path / "nowhere" / "e.csv")
    assert len(pd.read_parquet(tmp_path / "e.parquet")) == 3
    assert len(pd.read_csv(tmp_path / "m.csv")) == 3
    plover = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert {p["event_type"] for p in plover} == {"CONSULT"}
    assert plover[0]["actor_country"] == "CHL" and plover[0]["mentions"] == ["m1"]


def test_a_week_dated_mention_is_one_event_per_week_not_merged_with_days():
    store = Store(":memory:")
    store.write(
        [
            coded(
                article("a"),
                [
                    event("m1", "a", day="2025-03-03", precision="week"),
                    event("m2", "a", day="2025-03-03"),  # the Monday itself, known to the day
                ],
            ),
            coded(
                article("b", OTHER, publisher="Lima Post"),
                [event("m3", "b", day="2025-03-03", precision="week")],
            ),
        ]
    )
    events = sorted(store.events(), key=lambda e: e["date_precision"])
    assert [(e["date_precision"], e["num_mentions"]) for e in events] == [("day", 1), ("week", 2)]
    assert events[1]["date"] == "2025-03-03"
