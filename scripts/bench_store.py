"""Benchmark of the store: batch insert rate (with event deduplication) and aggregate queries over a
million synthetic events.

* ``insert`` — synthetic coded articles (``--articles``, 10 event mentions each over 60 countries and
  a year of dates) written through :meth:`Store.write` in batches of 32, as ``dyadwatch run`` writes
  them: articles, mentions, signatures and the incremental derivation of events, one transaction per
  batch. Reports articles/s and event mentions/s, and the time of the last tenth of the batches (to
  show whether writes slow down as the store grows).
* ``aggregate`` — ``--events`` synthetic deduplicated events generated in SQL, then the aggregate
  queries the CLI and the API use (dyad series by day, week and month; dyad totals; actor totals;
  network for a year), each timed as the median of three runs.

Results are printed and written to ``bench-results/bench_store.json``.

Usage: ``python scripts/bench_store.py [--articles 3000] [--events 1000000]``
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "SRB",
    "KSV",
    "FRA",
    "DEU",
    "GBR",
    "JPN",
    "KOR",
    "PRK",
    "IRN",
    "IRQ",
    "SYR",
    "ISR",
    "PSE",
    "EGY",
    "SAU",
    "TUR",
    "UKR",
    "POL",
    "HUN",
    "ITA",
    "ESP",
    "BRA",
    "ARG",
    "MEX",
    "CAN",
    "AUS",
    "IND",
    "PAK",
    "AFG",
    "NGA",
    "ZAF",
    "KEN",
    "ETH",
    "SDN",
    "LBY",
    "DZA",
    "MAR",
    "TUN",
    "JOR",
    "LBN",
    "QAT",
    "ARE",
    "OMN",
    "YEM",
    "VNM",
    "THA",
    "IDN",
    "PHL",
    "MYS",
    "SGP",
    "NZL",
    "CHL",
    "PER",
    "COL",
    "VEN",
    "CUB",
    "GRC",
]
CODES = [
    ("040", 1.0, 1),
    ("036", 4.0, 1),
    ("057", 8.0, 1),
    ("042", 1.9, 1),
    ("071", 7.4, 2),
    ("112", -2.0, 3),
    ("130", -4.4, 3),
    ("163", -8.0, 4),
    ("190", -10.0, 4),
    ("173", -5.0, 4),
]


def synthetic_articles(n: int, seed: int = 7) -> list:
    from dyadwatch.extract import extract_record
    from dyadwatch.pipeline import CodedArticle
    from dyadwatch.records import ActorRef, Event

    rng = random.Random(seed)
    start = date(2024, 1, 1)
    out = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(366))
        text = f"Report {i}\n\n" + " ".join(f"word{rng.randrange(50000)}" for _ in range(120))
        article = extract_record(
            {
                "id": f"a{i}",
                "text": text,
                "published": day.isoformat(),
                "publisher": f"outlet{i % 40}",
            },
            f"a{i}",
        )
        events = []
        for j in range(10):
            s, t = rng.sample(COUNTRIES, 2)
            cameo, goldstein, quad = rng.choice(CODES)
            when = (day - timedelta(days=rng.randrange(3))).isoformat()
            events.append(
                Event(
                    f"m{i}-{j}",
                    f"a{i}",
                    j,
                    "synthetic",
                    0,
                    ActorRef(s + "GOV", s, None, "GOV", s, s),
                    ActorRef(t, t, None, None, t, t),
                    (0, 3),
                    (4, 7),
                    (8, 9),
                    "met",
                    cameo,
                    cameo[:2],
                    quad,
                    goldstein,
                    None,
                    when,
                    "day",
                    None,
                    None,
                    "synthetic",
                    "bench-1",
                )
            )
        out.append(CodedArticle(article, events, 10, "m", "bench-1"))
    return out


def bench_insert(n: int) -> dict[str, float]:
    from dyadwatch.store import Store

    articles = synthetic_articles(n)
    times = []
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "b.duckdb") as store:
        started = time.perf_counter()
        for k in range(0, n, 32):
            begin = time.perf_counter()
            store.write(articles[k : k + 32])
            times.append(time.perf_counter() - begin)
        seconds = time.perf_counter() - started
        counts = store.counts()
    tail = times[-max(1, len(times) // 10) :]
    batch_mentions = 320
    return {
        "articles": n,
        "event_mentions": counts["event_mentions"],
        "events": counts["events"],
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1),
        "event_mentions_per_s": round(counts["event_mentions"] / seconds, 1),
        "first_tenth_mentions_per_s": round(
            batch_mentions * len(tail) / sum(times[: len(tail)]), 1
        ),
        "last_tenth_mentions_per_s": round(batch_mentions * len(tail) / sum(tail), 1),
    }


def bench_aggregate(n: int) -> dict[str, float]:
    import dyadwatch
    from dyadwatch.store import Store

    codes = ", ".join(f"('{c}', {g}, {q})" for c, g, q in CODES)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    out: dict[str, float] = {"events": n}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "agg.duckdb"
        with Store(db) as store:
            begin = time.perf_counter()
            store._rows(f"""
                INSERT INTO events (event_id, group_key, date, date_precision, event_date, date_first,
                    date_last, source_code, source_country, target_code, target_country, cameo,
                    root, quad_class, goldstein, num_mentions, num_sources, num_articles,
                    first_mention_id, first_article_id, is_root_event, background, confidence)
                WITH c AS (SELECT * FROM (VALUES {codes}) t(cameo, goldstein, quad)),
                r AS (
                    SELECT i, {countries}[1 + (hash(i) % 60)::INT] AS s,
                           {countries}[1 + (hash(i * 7 + 1) % 60)::INT] AS t,
                           DATE '2015-01-01' + CAST(hash(i * 13 + 5) % 3650 AS INTEGER) AS d,
                           1 + (hash(i * 3 + 2) % 10)::INT AS k
                    FROM range({n}) g(i)
                )
                SELECT 'e' || i, s || '|' || t, strftime(d, '%Y-%m-%d'), 'day', d, d, d,
                       s || 'GOV', s, t, t, c.cameo, left(c.cameo, 2), c.quad, c.goldstein,
                       1 + (hash(i * 5) % 20)::INT, 1, 1, 'm' || i, 'a' || i, false, false, 0.8
                FROM r JOIN (SELECT row_number() OVER () AS k, * FROM c) c USING (k)
            """)
            out["generate_seconds"] = round(time.perf_counter() - begin, 2)
            out["stored_events"] = store.counts()["events"]
        queries = {
            "dyad_series_day": lambda ds: ds.dyad_series("USA", "CHN", by="day"),
            "dyad_series_week": lambda ds: ds.dyad_series("USA", "CHN", by="week"),
            "dyad_series_month": lambda ds: ds.dyad_series("USA", "CHN", by="month"),
            "dyad_totals": lambda ds: ds.dyads(),
            "actor_totals": lambda ds: ds.actors(),
            "network_one_year": lambda ds: ds.network(start="2020-01-01", end="2020-12-31"),
            "events_of_an_actor_in_a_month": lambda ds: ds.events(
                actor="SRB", start="2020-03-01", end="2020-03-31"
            ),
        }
        with dyadwatch.open(db) as ds:
            for name, query in queries.items():
                runs = []
                for _ in range(3):
                    begin = time.perf_counter()
                    rows = len(query(ds))
                    runs.append(time.perf_counter() - begin)
                out[f"{name}_ms"] = round(statistics.median(runs) * 1000, 1)
                out[f"{name}_rows"] = rows
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="synthetic articles to insert")
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events to query")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench_store.json")
    args = parser.parse_args()
    results = {"insert": bench_insert(args.articles)}
    print(f"insert    {results['insert']}")
    results["aggregate"] = bench_aggregate(args.events)
    print(f"aggregate {results['aggregate']}")
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(f"peak RSS  {results['peak_rss_mb']} MB")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
