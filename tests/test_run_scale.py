"""Runs at scale through the real pipeline: a feed fetched from a local server, local worker
processes, and a Dask LocalCluster — each giving exactly the store of a single-process run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import EXAMPLES
from dyadwatch.api import run
from dyadwatch.fetch import FetchOptions
from dyadwatch.ingest import IngestOptions
from test_run_store import _snapshot
from webfixture import WebFixture, page, rss

PAIRS = [
    ("Ghana", "Togo", "Accra", "cocoa exports"),
    ("Norway", "Sweden", "Oslo", "power lines"),
    ("Chile", "Peru", "Lima", "lithium mining"),
    ("Kenya", "Uganda", "Nairobi", "a railway link"),
    ("Vietnam", "Laos", "Hanoi", "river dams"),
    ("Poland", "Lithuania", "Warsaw", "gas storage"),
    ("Egypt", "Sudan", "Cairo", "Nile water"),
    ("Canada", "Mexico", "Ottawa", "truck safety"),
    ("Japan", "Australia", "Tokyo", "hydrogen fuel"),
    ("Morocco", "Senegal", "Rabat", "fishing quotas"),
    ("Greece", "Cyprus", "Athens", "ferry routes"),
    ("Argentina", "Uruguay", "Buenos Aires", "port fees"),
    ("India", "Nepal", "New Delhi", "border trade"),
    ("Indonesia", "Malaysia", "Jakarta", "palm oil"),
    ("Hungary", "Slovakia", "Budapest", "a bridge"),
    ("Ethiopia", "Djibouti", "Addis Ababa", "a pipeline"),
    ("Colombia", "Ecuador", "Bogota", "refugee camps"),
    ("Thailand", "Cambodia", "Bangkok", "temple tourism"),
    ("Portugal", "Spain", "Lisbon", "wildfire crews"),
    ("Finland", "Estonia", "Helsinki", "a rail tunnel"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _story(n: int) -> bytes:
    a, b, city, topic = PAIRS[n]
    return page(
        f"{a} and {b} agree on {topic}",
        f"{a} and {b} signed an agreement on {topic} in {city} on {DAYS[n % 5]}, the two "
        f"governments said in a joint statement issued after {n + 2} hours of talks.",
        f"Under the deal on {topic}, experts from {a} will visit {b} before the end of the "
        f"year. Ministers from both sides described the {topic} talks as open and friendly.",
    )


@pytest.fixture()
def feed_site():
    state = {"broken": 0}

    def broken():  # 500, then a timeout, then an oversized page
        state["broken"] += 1
        if state["broken"] == 1:
            return 500, "text/html", b"server error"
        if state["broken"] == 2:
            import time

            time.sleep(1.5)
            return 200, "text/html", _story(0)
        return 200, "text/html", b"<html>" + b"x" * 60_000 + b"</html>"

    routes = {}
    items = []
    for n in range(20):
        path = f"/world/story-{n}.html"
        routes[path] = (
            broken if n == 7 else (lambda n=n: (200, "text/html; charset=utf-8", _story(n)))
        )
        items.append((path, f"Story {n}", f"Mon, 0{1 + n % 9} Sep 2025 08:00:00 GMT"))
    feed = rss("Meridian News", items)
    routes["/feed.xml"] = lambda: (200, "application/rss+xml", feed)
    with WebFixture(routes) as web:
        yield web


def test_feed_with_a_broken_item_codes_19_rejects_1_and_a_rerun_fetches_nothing_new(
    coder, feed_site, tmp_path
):
    options = IngestOptions(
        fetch=FetchOptions(
            read_timeout=0.5,
            connect_timeout=1.0,
            retries=2,
            backoff=0.01,
            host_interval=0.0,
            max_bytes=30_000,
        )
    )
    db = tmp_path / "feed.duckdb"
    feed = feed_site.url("/feed.xml")
    first = run([feed], db, options=options)
    assert first.articles_coded == 19
    (reject,) = first.rejects
    assert (reject.item, reject.stage, reject.reason) == (
        feed_site.url("/world/story-7.html"),
        "fetch",
        "too_large",
    )
    assert feed_site.hits["/world/story-7.html"] == 3  # 500, timeout, oversized
    pages = sum(v for k, v in feed_site.hits.items() if k.startswith("/world/"))
    second = run([feed], db, options=options)
    assert (second.articles_read, second.articles_coded, second.rejects) == (0, 0, [])
    assert sum(v for k, v in feed_site.hits.items() if k.startswith("/world/")) == pages
    assert feed_site.hits["/feed.xml"] == 2


def test_two_worker_processes_store_exactly_what_one_process_stores(coder, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run([EXAMPLES], one, batch_size=4)
    report = run([EXAMPLES], two, batch_size=4, workers=2)
    assert report.articles_coded == 15
    assert _snapshot(one) == _snapshot(two)


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="dask[distributed] not installed (pip install 'dyadwatch[dask]')",
)
def test_dask_local_cluster_stores_exactly_what_a_local_run_stores(coder, tmp_path):
    local, cluster = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    shards = tmp_path / "shards"
    run([EXAMPLES], local, batch_size=4)
    report = run([EXAMPLES], cluster, batch_size=4, dask="local:2", shards=shards)
    assert report.articles_coded == 15
    assert _snapshot(local) == _snapshot(cluster)
    written = sorted(p.relative_to(shards).parts[0] for p in Path(shards).rglob("*.parquet"))
    assert {"articles", "event_mentions", "actor_mentions", "quotes"} <= set(written)
