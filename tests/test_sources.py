"""Input sources without the NLP model: globs, CSV, WARC, feeds and sitemaps, and the polite fetcher
(against a local HTTP server only)."""

from __future__ import annotations

import io
import time

import pytest

from dyadwatch.fetch import Fetcher, FetchError, FetchOptions, parse_feed, read_url, url_id
from dyadwatch.ingest import IngestOptions, read_paths
from dyadwatch.records import RawItem, Reject
from webfixture import WebFixture, page, rss

# Quick retries, but patient reads: a loaded machine can take more than half a second to answer,
# and a read that times out is retried, which would count an extra hit (timeouts have their own test).
QUICK = FetchOptions(
    read_timeout=10.0,
    connect_timeout=10.0,
    retries=2,
    backoff=0.01,
    host_interval=0.0,
    max_bytes=20_000,
)


def _items(results):
    return [r for r in results if isinstance(r, RawItem)]


def _rejects(results):
    return [r for r in results if isinstance(r, Reject)]


def test_globs_expand_recursively_and_a_glob_without_match_is_a_reject(tmp_path):
    (tmp_path / "2024" / "may").mkdir(parents=True)
    (tmp_path / "2024" / "may" / "a.txt").write_text("Ghana and Togo met in Accra.")
    (tmp_path / "2024" / "b.txt").write_text("Norway and Sweden met in Oslo.")
    (tmp_path / "2024" / "notes.md").write_text("not an article")
    found = list(read_paths([str(tmp_path / "2024" / "**" / "*.txt")]))
    assert sorted(i.default_id for i in _items(found)) == ["a", "b"]
    (missing,) = _rejects(read_paths([str(tmp_path / "2025-*" / "*.txt")]))
    assert (missing.reason, missing.message) == ("missing", "no file matches the pattern")


def test_csv_rows_become_records_with_their_metadata(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,headline,date,source,body\n"
        'n1,Ghana and Togo meet,2024-05-02,Accra Daily,"Ghana and Togo met in Accra, officials said."\n'
        "n2,Empty,2024-05-03,Accra Daily,\n"
    )
    found = list(read_paths([path]))
    (item,) = _items(found)
    assert item.content == {
        "id": "n1",
        "title": "Ghana and Togo meet",
        "published": "2024-05-02",
        "publisher": "Accra Daily",
        "text": "Ghana and Togo met in Accra, officials said.",
    }
    (empty,) = _rejects(found)
    assert empty.item.endswith("news.csv:3") and empty.reason == "empty"
    (bad,) = _rejects(read_paths([path], IngestOptions(text_column="story")))
    assert bad.reason == "bad_csv" and "'story'" in bad.message and "headline" in bad.message


def test_warc_html_responses_become_records_and_the_rest_is_skipped(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, status, kind, body in [
            (
                "https://news.example/a",
                "200 OK",
                "text/html; charset=utf-8",
                page("Ghana and Togo meet", "Ghana and Togo met in Accra on Monday."),
            ),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
            ("https://news.example/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    (item,) = _items(read_paths([tmp_path]))  # folders take .warc.gz files too
    assert item.content["url"] == "https://news.example/a"
    assert item.content["id"] == url_id("https://news.example/a")
    assert "Ghana and Togo met" in item.content["html"] and item.content["crawled"]
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is not a web archive at all\n" * 10)
    (reject,) = _rejects(read_paths([broken]))
    assert reject.reason == "bad_warc"


def test_feed_parsing_reads_rss_atom_and_sitemaps():
    kind, title, items = parse_feed(
        rss("Accra Daily", [("/a", "Ghana and Togo meet", "Thu, 02 May 2024 09:00:00 GMT")]),
        "http://h.example/feed",
    )
    assert (kind, title) == ("feed", "Accra Daily")
    assert (items[0].url, items[0].published) == ("http://h.example/a", "2024-05-02T09:00:00+00:00")
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Oslo Post</title>'
        b'<entry><title>Nordic talks</title><link rel="alternate" href="https://o.example/n"/>'
        b"<published>2024-05-03T10:00:00Z</published></entry></feed>"
    )
    kind, title, items = parse_feed(atom, "https://o.example/")
    assert (kind, title, items[0].url, items[0].title) == (
        "feed",
        "Oslo Post",
        "https://o.example/n",
        "Nordic talks",
    )
    sitemap = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        b"<loc>https://o.example/x</loc><lastmod>2024-05-04</lastmod></url></urlset>"
    )
    assert parse_feed(sitemap, "https://o.example/")[2][0].published == "2024-05-04"
    with pytest.raises(ValueError, match="not a feed"):
        parse_feed(b"<html><body>hi</body></html>", "https://o.example/")
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><rss><channel>&a;</channel></rss>'
    assert parse_feed(bomb, "https://o.example/")[2] == []  # entities are not expanded


def test_fetcher_retries_then_rejects_and_names_the_url():
    answers = iter([(503, "text/html", b"busy"), (200, "text/html", page("Ok", "Fine text."))])
    with (
        WebFixture(
            {
                "/flaky": lambda: next(answers),
                "/huge": lambda: (200, "text/html", b"x" * 30_000),
                "/image": lambda: (200, "image/png", b"png"),
                "/down": lambda: (500, "text/html", b"down"),
            }
        ) as web,
        Fetcher(QUICK) as f,
    ):
        assert f.get(web.url("/flaky"), ("text/html",)).status == 200
        assert web.hits["/flaky"] == 2
        with pytest.raises(FetchError) as huge:
            f.get(web.url("/huge"), ("text/html",))
        assert huge.value.reason == "too_large" and web.hits["/huge"] == 1  # not retried
        with pytest.raises(FetchError) as image:
            f.get(web.url("/image"), ("text/html",))
        assert image.value.reason == "content_type"
        with pytest.raises(FetchError) as down:
            f.get(web.url("/down"), ("text/html",))
        assert down.value.reason == "server_error" and web.hits["/down"] == 3
        assert "after 2 retries" in down.value.detail
    assert all(agent.startswith("dyadwatch/") for agent in web.agents)


def test_fetcher_times_out_and_paces_requests_to_one_host():
    def slow():
        time.sleep(1.0)
        return 200, "text/html", b"late"

    waits: list[float] = []
    paced = FetchOptions(read_timeout=0.3, retries=0, host_interval=5.0)
    routes = {"/slow": slow, "/a": lambda: (200, "text/html", b"<p>a</p>")}
    with WebFixture(routes) as web, Fetcher(paced, sleep=waits.append) as f:
        with pytest.raises(FetchError) as late:
            f.get(web.url("/slow"), ("text/html",))
        assert late.value.reason == "timeout"
        f.get(web.url("/a"), ("text/html",))
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0  # the second request waited for the first


def test_read_url_skips_pages_already_stored():
    feed = rss(
        "Accra Daily",
        [
            ("/a", "A", "Thu, 02 May 2024 09:00:00 GMT"),
            ("/b", "B", "Thu, 02 May 2024 10:00:00 GMT"),
        ],
    )
    routes = {
        "/feed": lambda: (200, "application/rss+xml", feed),
        "/a": lambda: (200, "text/html", page("A", "Ghana met Togo.")),
        "/b": lambda: (200, "text/html", page("B", "Togo met Ghana.")),
    }
    with WebFixture(routes) as web, Fetcher(QUICK) as f:
        done = {web.url("/a")}
        items = _items(read_url(web.url("/feed"), f, done.__contains__))
        assert [i.content["url"] for i in items] == [web.url("/b")]
        assert items[0].content["publisher"] == "Accra Daily"
        assert (web.hits["/a"], web.hits["/b"]) == (0, 1)
