"""The Python API: code text and files, run a batch into a store, open a store.

The CLI (and later the HTTP API) are thin wrappers over these functions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dedup_articles import DEFAULT_THRESHOLD, Signature
from .errors import DyadwatchError, ExtractError
from .extract import extract
from .ingest import IngestOptions, read_paths, read_text
from .records import Article, Event, RawItem, Reject

if TYPE_CHECKING:
    from .pipeline import CodedArticle, Coder
    from .store import Link, Store

_CODERS: dict[tuple[str | None, int, tuple[str, ...], bool], Coder] = {}
#: What ``get_coder`` uses when it is not told whether to skip sentences (``dyadwatch eval
#: --skip-sentences`` turns it on for every suite).
DEFAULTS = {"skip_sentences": False}


def get_coder(
    model: str | None = None,
    batch_size: int = 32,
    dictionaries: Sequence[str | Path] = (),
    skip_sentences: bool | None = None,
) -> Coder:
    """The process-wide :class:`~dyadwatch.pipeline.Coder` for ``model``, user ``dictionaries`` and
    sentence skipping (loaded once; the spaCy pipeline itself is shared)."""
    from .pipeline import Coder

    if skip_sentences is None:
        skip_sentences = DEFAULTS["skip_sentences"]
    key = (model, batch_size, tuple(str(d) for d in dictionaries), skip_sentences)
    if key not in _CODERS:
        _CODERS[key] = Coder(model, batch_size, dictionaries, skip_sentences)
    return _CODERS[key]


def code_text(
    text: str,
    *,
    published: str | None = None,
    article_id: str | None = None,
    title: str | None = None,
    model: str | None = None,
    dictionaries: Sequence[str | Path] = (),
) -> list[Event]:
    """Code one article given as text (or HTML) and return its events.

    Args:
        text: the article: plain text (paragraphs separated by blank lines) or HTML.
        published: publication date (ISO), the anchor for "on Friday", "three days later".
        article_id: id recorded in the events (default: a hash of the text).
        title: headline, if not already the first line of ``text``.
        model: an installed spaCy pipeline name.
        dictionaries: user dictionary files or folders (our TSV format, or PETRARCH .actors/.agents).
    """
    from .records import content_hash

    record = {"id": article_id or content_hash(text), "published": published}
    item: RawItem = read_text(text, article_id=str(record["id"]))
    if item.kind == "html":
        record["html"] = text
    else:
        record["text"] = f"{title}\n\n{text}" if title else text
    if title:
        record["title"] = title
    article = extract(RawItem(item.item, "record", record, str(record["id"])))
    return get_coder(model, dictionaries=dictionaries).code_article(article).events


def code_files(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    options: IngestOptions | None = None,
    dictionaries: Sequence[str | Path] = (),
) -> Iterator[CodedArticle | Reject]:
    """Read, extract and code every article under ``paths``; rejects come out in order, as records."""
    yield from get_coder(model, dictionaries=dictionaries).code_items(read_paths(paths, options))


@dataclass
class RunReport:
    """What a run did."""

    run_id: str = ""
    articles_read: int = 0
    articles_coded: int = 0
    articles_unchanged: int = 0
    articles_linked: int = 0
    events_added: int = 0
    rejects: list[Reject] = field(default_factory=list)


@dataclass
class _Prepared:
    """A batch after the checks made before NLP: what to code, what to link, what to skip."""

    read: int
    todo: list[Article]
    links: list[Link]
    signatures: list[Signature]
    unchanged: int
    rejects: list[Reject]


def run(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    model: str | None = None,
    batch_size: int = 32,
    options: IngestOptions | None = None,
    dictionaries: Sequence[str | Path] = (),
    progress: Callable[[RunReport], None] | None = None,
    dedup_threshold: float | None = DEFAULT_THRESHOLD,
    workers: int = 1,
    dask: str | None = None,
    shards: str | Path | None = None,
    skip_sentences: bool = False,
) -> RunReport:
    """Code everything under ``paths`` (files, folders, globs, feed/sitemap/page URLs) into the store
    ``db``.

    Articles already stored with the same content and coder version are not parsed again; changed ones
    are replaced whole. Copies of an article stored or read earlier (exact, or near above
    ``dedup_threshold``; None turns it off) are linked to it before NLP instead of being coded. Each
    batch (articles, links, mentions, derived events, rejects, run counters) is written in one
    transaction, so a run stopped at any point leaves only complete articles behind, and running it
    again completes it to what a clean run gives. The run is recorded in the ``runs`` table.

    ``workers`` > 1 codes in that many local processes, ``dask`` (``local:N`` or a scheduler address)
    on a Dask cluster through Parquet shards (kept in ``shards`` when given); the store is the same as
    with one process (see :mod:`dyadwatch.engines`). ``skip_sentences`` leaves out of the parse the
    sentences a cheap pass finds cannot yield an event (:mod:`dyadwatch.prefilter`).
    """
    from .engines import DaskEngine, LocalEngine, PoolEngine
    from .pipeline import coder_version
    from .store import Store

    if workers < 1:
        raise DyadwatchError(f"workers must be at least 1, not {workers}")
    paths = list(paths)
    dicts = [str(d) for d in dictionaries]
    engine: LocalEngine | PoolEngine | DaskEngine
    if dask:
        engine = DaskEngine(dask, model, batch_size, dicts, shards, skip_sentences)
    elif workers > 1:
        engine = PoolEngine(model, batch_size, dicts, workers, skip_sentences)
    else:
        engine = LocalEngine(model, batch_size, dicts, skip_sentences)
    version = coder_version(dicts)
    options = replace(options or IngestOptions())
    report = RunReport()
    config = {
        "coder_version": version,
        "model": engine.label,
        "batch_size": batch_size,
        "dedup_threshold": dedup_threshold,
        "max_bytes": options.max_bytes,
        "text_column": options.text_column,
        "dictionaries": dicts,
        "workers": workers,
        "dask": dask,
        "skip_sentences": skip_sentences,
    }
    try:
        with Store(db) as store:
            options.skip_url = store.has_url
            report.run_id = store.start_run(config, [str(p) for p in paths])
            try:
                _run_batches(
                    store,
                    engine,
                    paths,
                    options,
                    batch_size,
                    dedup_threshold,
                    version,
                    report,
                    progress,
                )
            except BaseException as exc:
                status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
                store.finish_run(report.run_id, status, f"{type(exc).__name__}: {exc}"[:500])
                raise
            store.finish_run(report.run_id)
    finally:
        engine.close()
    return report


def _run_batches(
    store: Store,
    engine: Any,
    paths: Iterable[str | Path],
    options: IngestOptions,
    batch_size: int,
    dedup_threshold: float | None,
    version: str,
    report: RunReport,
    progress: Callable[[RunReport], None] | None,
) -> None:
    from .store import Link

    index = store.duplicate_index(dedup_threshold or 1.0)

    def prepare(batch: list[Article], rejects: list[Reject]) -> _Prepared:
        known = store.known_articles(a.article_id for a in batch)
        linked = store.known_links(a.article_id for a in batch)
        prepared = _Prepared(len(batch), [], [], [], 0, list(rejects))
        fresh = [
            article
            for article in batch
            if not (
                known.get(article.article_id) == (article.content_hash, version)
                or (
                    article.article_id in linked
                    and linked[article.article_id][0] == article.content_hash
                )
            )
        ]
        prepared.unchanged = len(batch) - len(fresh)
        signatures = [Signature.of(a.article_id, a.text) for a in fresh]
        if dedup_threshold is not None:
            index.prefetch(signatures)  # one look-up in the store for the whole batch
        for article, signature in zip(fresh, signatures, strict=True):
            match = index.find(signature) if dedup_threshold is not None else None
            if match is not None:
                prepared.links.append(
                    Link(article, match.original_id, match.kind, match.similarity)
                )
                continue
            index.add(signature)
            prepared.signatures.append(signature)
            prepared.todo.append(article)
        return prepared

    def store_batch(prepared: _Prepared, handle: Any) -> None:
        rows = engine.result(handle)
        counts = store.write_rows(
            rows,
            prepared.rejects,
            prepared.links,
            prepared.signatures,
            report.run_id,
            {
                "articles_read": prepared.read,
                "articles_coded": len(rows.articles),
                "articles_unchanged": prepared.unchanged,
                "articles_linked": len(prepared.links),
                "event_mentions_added": 0,  # replaced by what the write stored
                "rejects": len(prepared.rejects),
            },
        )
        report.articles_unchanged += prepared.unchanged
        report.articles_coded += len(rows.articles)
        report.articles_linked += len(prepared.links)
        report.events_added += counts.event_mentions
        report.rejects.extend(prepared.rejects)
        if progress is not None:
            progress(report)

    pending: deque[tuple[_Prepared, Any]] = deque()

    def submit(batch: list[Article], rejects: list[Reject]) -> None:
        prepared = prepare(batch, rejects)
        pending.append((prepared, engine.submit(prepared.todo)))
        while len(pending) > engine.inflight:
            store_batch(*pending.popleft())

    batch: list[Article] = []
    rejects: list[Reject] = []
    seen: set[str] = set()
    for item in read_paths(paths, options):
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        try:
            article = extract(item)
        except ExtractError as exc:
            rejects.append(Reject(exc.item, "extract", exc.reason, exc.detail))
            continue
        report.articles_read += 1
        if article.article_id in seen:
            rejects.append(
                Reject(
                    item.item,
                    "extract",
                    "duplicate_id",
                    f"article id {article.article_id!r} already used earlier in this run",
                )
            )
            continue
        seen.add(article.article_id)
        batch.append(article)
        if len(batch) >= batch_size:
            submit(batch, rejects)
            batch, rejects = [], []
    submit(batch, rejects)
    while pending:
        store_batch(*pending.popleft())


def open_store(path: str | Path = "dyadwatch.duckdb", read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) a dyadwatch DuckDB store."""
    from .store import Store

    return Store(path, read_only=read_only)
