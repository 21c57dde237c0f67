"""Fetch: RSS/Atom feeds, sitemaps and web pages over HTTP, politely.

``dyadwatch run https://example.org/feed.xml`` reads the feed (RSS 2.0, Atom, or a sitemap /
sitemap index), then fetches each item's page and hands it to extraction as an HTML record carrying the
item's title, date and link, with the feed's title as publisher. A URL that serves HTML is one article.

Politeness and safety (:class:`FetchOptions`):

* an identifying ``User-Agent``;
* connect and read timeouts;
* retries with exponential back-off (honouring ``Retry-After``) on timeouts, connection errors, 429
  and 5xx answers;
* a response size limit, checked on ``Content-Length`` and again while streaming;
* a per-host interval between requests;
* content-type checks: feeds must be XML, pages HTML;
* XML parsed without entity expansion or network access.

Item pages already stored (as an article or a linked copy, under the id ``web-<digest of the URL>``) or
rejected for good (too large, not HTML, gone) are not fetched again: a re-run reads the feed and
fetches only what is new. Failures that may pass (timeouts, server errors) are retried on the next run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from . import __version__
from .records import RawItem, Reject, content_hash

DEFAULT_USER_AGENT = f"dyadwatch/{__version__} (news event coding; polite fetcher)"
XML_TYPES = ("xml", "rss", "atom")
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Reasons after which a URL is not fetched again by later runs.
PERMANENT_REASONS = ("too_large", "content_type", "not_found")


def is_url(value: str) -> bool:
    """Whether an input names a web resource rather than a file."""
    return value.startswith(("http://", "https://"))


def url_id(url: str) -> str:
    """The article id of a fetched page: stable per URL, so a page is stored once."""
    return "web-" + content_hash(url.strip())


@dataclass
class FetchOptions:
    """How to fetch.

    Attributes:
        user_agent: sent with every request.
        connect_timeout / read_timeout: seconds.
        retries: further attempts after a failure that may pass.
        backoff: seconds before the first retry, doubled for each next one.
        max_bytes: the largest response accepted.
        host_interval: seconds between two requests to the same host.
        max_items: items taken from one feed or sitemap (0: all).
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    host_interval: float = 1.0
    max_items: int = 0


class FetchError(Exception):
    """A fetch that failed for good, with a reject reason."""

    def __init__(
        self, url: str, reason: str, detail: str, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}: {detail}")
        self.url, self.reason, self.detail = url, reason, detail
        self.retry_after = retry_after


@dataclass
class Response:
    """What a fetch returns."""

    url: str
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 by default, bad bytes replaced)."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"'")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class Fetcher:
    """An HTTP client with retries, limits and per-host pacing (see the module docstring)."""

    def __init__(
        self, options: FetchOptions | None = None, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.options = options or FetchOptions()
        self.sleep = sleep
        self.requests = 0
        self._last: dict[str, float] = {}
        self.client = httpx.Client(
            headers={"User-Agent": self.options.user_agent},
            timeout=httpx.Timeout(self.options.read_timeout, connect=self.options.connect_timeout),
            follow_redirects=True,
            max_redirects=5,
        )

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last.get(host, -1e9) + self.options.host_interval - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last[host] = time.monotonic()

    def get(self, url: str, accept: tuple[str, ...]) -> Response:
        """Fetch ``url`` whose content type must contain one of ``accept``.

        Raises:
            FetchError: ``timeout``, ``connection``, ``server_error`` (after the retries),
                ``not_found`` (4xx), ``too_large`` or ``content_type``.
        """
        last: FetchError | None = None
        for attempt in range(self.options.retries + 1):
            if attempt:
                delay = self.options.backoff * 2 ** (attempt - 1)
                if last is not None and last.retry_after is not None:
                    delay = min(last.retry_after, 60.0)
                self.sleep(delay)
            try:
                return self._get_once(url, accept)
            except FetchError as exc:
                if exc.reason not in ("timeout", "connection", "server_error"):
                    raise
                last = exc
        assert last is not None
        raise FetchError(url, last.reason, f"{last.detail} (after {self.options.retries} retries)")

    def _get_once(self, url: str, accept: tuple[str, ...]) -> Response:
        self._pace(url)
        self.requests += 1
        limit = self.options.max_bytes
        try:
            with self.client.stream("GET", url) as answer:
                status = answer.status_code
                if status == 429 or status >= 500:
                    after = answer.headers.get("retry-after", "")
                    raise FetchError(
                        url,
                        "server_error",
                        f"HTTP {status}",
                        float(after) if after.isdigit() else None,
                    )
                if status >= 400:
                    raise FetchError(url, "not_found", f"HTTP {status}")
                content_type = answer.headers.get("content-type", "").lower()
                if not any(kind in content_type for kind in accept):
                    raise FetchError(
                        url, "content_type", f"{content_type or 'no content type'} is not wanted"
                    )
                declared = answer.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, "too_large", f"{declared} bytes exceed {limit}")
                body = bytearray()
                for chunk in answer.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(url, "too_large", f"more than {limit} bytes")
                return Response(
                    str(answer.url), status, content_type, bytes(body), dict(answer.headers)
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, "timeout", type(exc).__name__) from exc
        except httpx.TransportError as exc:
            raise FetchError(url, "connection", str(exc) or type(exc).__name__) from exc


# -- feeds and sitemaps ----------------------------------------------------------------------------


@dataclass
class FeedItem:
    """One entry of a feed or sitemap."""

    url: str
    title: str | None = None
    published: str | None = None


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(node: Any, *names: str) -> str | None:
    for child in node:
        if _local(child.tag) in names and (child.text or "").strip():
            return str(child.text).strip()
    return None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()  # RSS: RFC 822 dates
    except (TypeError, ValueError, IndexError):
        return value  # Atom and sitemaps: ISO 8601 already


def parse_feed(body: bytes, base: str) -> tuple[str, str | None, list[FeedItem]]:
    """Read RSS, Atom or a sitemap: ``(kind, title, items)``; kind is ``feed``, ``sitemap`` or
    ``sitemapindex``.

    Raises:
        ValueError: when the body is not one of these.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from exc
    kind = _local(root.tag)
    items: list[FeedItem] = []
    if kind in ("urlset", "sitemapindex"):
        for entry in root:
            loc = _child_text(entry, "loc")
            if loc:
                items.append(FeedItem(urljoin(base, loc), None, _child_text(entry, "lastmod")))
        return ("sitemap" if kind == "urlset" else "sitemapindex"), None, items
    if kind == "rss":
        channel = next((c for c in root if _local(c.tag) == "channel"), None)
        if channel is None:
            raise ValueError("RSS without a channel")
        for entry in channel:
            if _local(entry.tag) != "item":
                continue
            link = _child_text(entry, "link") or _child_text(entry, "guid")
            if link:
                items.append(
                    FeedItem(
                        urljoin(base, link),
                        _child_text(entry, "title"),
                        _date(_child_text(entry, "pubdate", "date")),
                    )
                )
        return "feed", _child_text(channel, "title"), items
    if kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            links = [c for c in entry if _local(c.tag) == "link"]
            chosen = next(
                (c for c in links if c.get("rel") in (None, "alternate") and c.get("href")), None
            )
            if chosen is not None:
                items.append(
                    FeedItem(
                        urljoin(base, chosen.get("href")),
                        _child_text(entry, "title"),
                        _child_text(entry, "published", "updated"),
                    )
                )
        return "feed", _child_text(root, "title"), items
    raise ValueError(f"an XML document of type <{kind}>, not a feed or sitemap")


def read_url(
    url: str, fetcher: Fetcher, skip: Callable[[str], bool] | None = None, depth: int = 0
) -> Iterator[RawItem | Reject]:
    """Raw items of a feed, sitemap or page URL (rejects name the URL and the reason)."""
    try:
        response = fetcher.get(url, XML_TYPES + HTML_TYPES)
    except FetchError as exc:
        yield Reject(url, "fetch", exc.reason, exc.detail)
        return
    if any(kind in response.content_type for kind in HTML_TYPES):
        yield _page_item(url, response, FeedItem(url), None)
        return
    try:
        kind, title, items = parse_feed(response.body, response.url)
    except ValueError as exc:
        yield Reject(url, "fetch", "bad_feed", str(exc))
        return
    limit = fetcher.options.max_items
    for item in items[:limit] if limit else items:
        if kind == "sitemapindex":
            if depth < 2:
                yield from read_url(item.url, fetcher, skip, depth + 1)
            continue
        if skip is not None and skip(item.url):
            continue
        try:
            page = fetcher.get(item.url, HTML_TYPES)
        except FetchError as exc:
            yield Reject(item.url, "fetch", exc.reason, exc.detail)
            continue
        yield _page_item(item.url, page, item, title)


def _page_item(url: str, response: Response, item: FeedItem, publisher: str | None) -> RawItem:
    record: dict[str, Any] = {
        "id": url_id(url),
        "url": url,
        "html": response.text(),
        "fetched_from": response.url,
    }
    if item.title:
        record["title"] = item.title
    if item.published:
        record["published"] = item.published
    if publisher:
        record["publisher"] = publisher
    return RawItem(item=url, kind="record", content=record, default_id=url_id(url))
