"""Store: the embedded DuckDB database of runs, articles, event mentions, events, quotes and rejects.

* The schema is created and upgraded by named, ordered SQL migrations (``migrations/NNNN_name.sql``),
  each applied once and recorded in ``schema_migrations``.
* Rows are keyed by content hashes (``mention_id``, ``reject_id``) or the article id, and written with
  ``INSERT ... ON CONFLICT DO NOTHING``, so loading the same input again adds no rows.
* Writes go in batches through Arrow tables (never row by row), one transaction per batch: an article,
  its mentions, its links and the events derived from them are stored together or not at all, so a
  process killed at any point leaves a store that the next run completes to exactly what a clean run
  gives.
* ``event_mentions`` are what the coder found in sentences; ``events`` are the real-world events they
  report, derived by :mod:`dyadwatch.dedup_events` inside the same transaction as every write.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import duckdb
import pyarrow as pa

from .dedup_articles import DEFAULT_THRESHOLD, DuplicateIndex, Signature, signature_from_blob
from .dedup_events import EVENT_COLUMNS as DERIVED_EVENT_COLUMNS
from .dedup_events import MENTION_QUERY, MatchRule, derive_events
from .errors import StoreError
from .pipeline import CodedArticle
from .records import ActorMention, Article, Event, Quote, Reject, content_hash

ARTICLE_COLUMNS = (
    "article_id",
    "content_hash",
    "title",
    "author",
    "publisher",
    "published",
    "section",
    "url",
    "source_item",
    "text",
    "paragraphs",
    "extra",
    "sentences",
    "model",
    "coder_version",
    "run_id",
)
MENTION_EVENT_COLUMNS = (
    "mention_id",
    "article_id",
    "sentence_index",
    "sentence",
    "sentence_start",
    "source_code",
    "source_country",
    "source_igo",
    "source_sector",
    "source_name",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_igo",
    "target_sector",
    "target_name",
    "target_text",
    "target_start",
    "target_end",
    "verb",
    "verb_start",
    "verb_end",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "date",
    "date_precision",
    "date_text",
    "location",
    "evidence",
    "coder_version",
    "confidence",
    "background",
)
REJECT_COLUMNS = ("reject_id", "item", "stage", "reason", "message")
QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "sentence_index",
    "kind",
    "text",
    "start_offset",
    "end_offset",
    "speaker_code",
    "speaker_name",
    "speaker_text",
    "verb",
    "via_name",
    "via_code",
    "audience_name",
    "audience_code",
    "mention_ids",
)
LINK_COLUMNS = (
    "article_id",
    "original_id",
    "kind",
    "similarity",
    "content_hash",
    "title",
    "author",
    "publisher",
    "published",
    "url",
    "source_item",
    "run_id",
)
MENTION_COLUMNS = (
    "mention_id",
    "article_id",
    "sentence_index",
    "start_offset",
    "end_offset",
    "text",
    "code",
    "country",
    "igo",
    "sector",
    "name",
    "rule",
)
INT_COLUMNS = {
    "sentence_index",
    "sentence_start",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "verb_start",
    "verb_end",
    "quad_class",
    "start_offset",
    "end_offset",
    "sentences",
    "num_mentions",
    "num_sources",
    "num_articles",
    "band",
    "bucket",
    "shingles",
}
FLOAT_COLUMNS = {"goldstein", "confidence", "similarity"}
BOOL_COLUMNS = {"background", "is_root_event"}
DATE_COLUMNS = {"event_date", "date_first", "date_last"}
BLOB_COLUMNS = {"minhash"}
SETTINGS_MATCH_RULE = "event_match_rule"
COUNTED_TABLES = (
    "articles",
    "article_links",
    "event_mentions",
    "events",
    "actor_mentions",
    "quotes",
    "rejects",
)
SIGNATURE_COLUMNS = ("article_id", "text_key", "minhash", "shingles")
BAND_COLUMNS = ("band", "bucket", "article_id")
#: Groups re-derived per query when events are derived.
DERIVE_CHUNK = 2000
#: The run-counter columns of ``runs`` a write may advance.
RUN_COUNTERS = (
    "articles_read",
    "articles_coded",
    "articles_unchanged",
    "articles_linked",
    "event_mentions_added",
    "rejects",
)


def migrations() -> list[tuple[str, str]]:
    """The packaged migrations as ``(name, sql)``, in order."""
    folder = resources.files("dyadwatch").joinpath("migrations")
    files = sorted((f.name, f) for f in folder.iterdir() if f.name.endswith(".sql"))
    return [(name.removesuffix(".sql"), f.read_text("utf-8")) for name, f in files]


def _schema(columns: Sequence[str]) -> pa.Schema:
    fields = []
    for column in columns:
        kind = pa.string()
        if column in INT_COLUMNS:
            kind = pa.int64()
        elif column in FLOAT_COLUMNS:
            kind = pa.float64()
        elif column in BOOL_COLUMNS:
            kind = pa.bool_()
        elif column in DATE_COLUMNS:
            kind = pa.date32()
        elif column in BLOB_COLUMNS:
            kind = pa.binary()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def event_row(event: Event) -> dict[str, Any]:
    """Flatten a coded event into a row of the ``event_mentions`` table."""
    target = event.target
    row = {
        "mention_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "source_code": event.source.code,
        "source_country": event.source.country,
        "source_igo": event.source.igo,
        "source_sector": event.source.sector,
        "source_name": event.source.name,
        "source_text": event.source.text,
        "source_start": event.source_offsets[0],
        "source_end": event.source_offsets[1],
        "target_code": target.code if target else None,
        "target_country": target.country if target else None,
        "target_igo": target.igo if target else None,
        "target_sector": target.sector if target else None,
        "target_name": target.name if target else None,
        "target_text": target.text if target else None,
        "target_start": event.target_offsets[0] if event.target_offsets else None,
        "target_end": event.target_offsets[1] if event.target_offsets else None,
        "verb": event.verb,
        "verb_start": event.verb_offsets[0],
        "verb_end": event.verb_offsets[1],
        "cameo": event.cameo,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "location": json.dumps(event.location) if event.location else None,
        "evidence": event.evidence,
        "confidence": event.confidence,
        "background": event.background,
        "coder_version": event.coder_version,
    }
    return row


def quote_row(quote: Quote) -> dict[str, Any]:
    """Flatten a quote into a row of the ``quotes`` table."""
    speaker, via, audience = quote.speaker, quote.via or {}, quote.audience or {}
    return {
        "quote_id": quote.quote_id,
        "article_id": quote.article_id,
        "sentence_index": quote.sentence_index,
        "kind": quote.kind,
        "text": quote.text,
        "start_offset": quote.start,
        "end_offset": quote.end,
        "speaker_code": speaker.code if speaker else None,
        "speaker_name": speaker.name if speaker else None,
        "speaker_text": quote.speaker_text,
        "verb": quote.verb,
        "via_name": via.get("name"),
        "via_code": via.get("code"),
        "audience_name": audience.get("name"),
        "audience_code": audience.get("code"),
        "mention_ids": json.dumps(quote.event_ids),
    }


def mention_row(mention: ActorMention) -> dict[str, Any]:
    """Flatten an actor mention into a row of the ``actor_mentions`` table."""
    actor = mention.actor
    return {
        "mention_id": mention.mention_id,
        "article_id": mention.article_id,
        "sentence_index": mention.sentence_index,
        "start_offset": mention.start,
        "end_offset": mention.end,
        "text": actor.text,
        "code": actor.code,
        "country": actor.country,
        "igo": actor.igo,
        "sector": actor.sector,
        "name": actor.name,
        "rule": mention.rule,
    }


def article_row(coded: CodedArticle, run_id: str | None = None) -> dict[str, Any]:
    """Flatten a coded article into a row of the ``articles`` table."""
    article = coded.article
    return {
        "run_id": run_id,
        "article_id": article.article_id,
        "content_hash": article.content_hash,
        "title": article.title,
        "author": article.author,
        "publisher": article.publisher,
        "published": article.published,
        "section": article.section,
        "url": article.url,
        "source_item": article.source_item,
        "text": article.text,
        "paragraphs": json.dumps(
            [{"start": p.start, "end": p.end, "kind": p.kind} for p in article.paragraphs]
        ),
        "extra": json.dumps(article.extra, default=str),
        "sentences": coded.sentences,
        "model": coded.model,
        "coder_version": coded.coder_version,
    }


@dataclass
class Link:
    """An article found to copy a stored or earlier one: linked, not coded."""

    article: Article
    original_id: str
    kind: str
    similarity: float

    def row(self, run_id: str | None = None) -> dict[str, Any]:
        """The ``article_links`` row."""
        a = self.article
        return {
            "article_id": a.article_id,
            "original_id": self.original_id,
            "kind": self.kind,
            "similarity": self.similarity,
            "content_hash": a.content_hash,
            "title": a.title,
            "author": a.author,
            "publisher": a.publisher,
            "published": a.published,
            "url": a.url,
            "source_item": a.source_item,
            "run_id": run_id,
        }


@dataclass
class CodedRows:
    """Coded articles flattened into the rows of their tables."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    event_mentions: list[dict[str, Any]] = field(default_factory=list)
    actor_mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)

    #: table name -> the columns of its rows
    TABLES: ClassVar[dict[str, tuple[str, ...]]] = {
        "articles": ARTICLE_COLUMNS,
        "event_mentions": MENTION_EVENT_COLUMNS,
        "actor_mentions": MENTION_COLUMNS,
        "quotes": QUOTE_COLUMNS,
    }

    @classmethod
    def of(cls, coded: Iterable[CodedArticle]) -> CodedRows:
        """The rows of coded articles."""
        coded = list(coded)
        return cls(
            [article_row(c) for c in coded],
            [event_row(e) for c in coded for e in c.events],
            [mention_row(m) for c in coded for m in c.mentions],
            [quote_row(q) for c in coded for q in c.quotes],
        )

    def extend(self, other: CodedRows) -> None:
        """Append another batch's rows."""
        for name in self.TABLES:
            getattr(self, name).extend(getattr(other, name))

    def to_parquet(self, folder: Path, name: str) -> dict[str, str]:
        """Write each non-empty table as ``<folder>/<table>/<name>.parquet``; return the paths."""
        import pyarrow.parquet as pq

        paths = {}
        for table, columns in self.TABLES.items():
            rows = getattr(self, table)
            if not rows:
                continue
            target = folder / table / f"{name}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(rows, schema=_schema(columns)), target)
            paths[table] = str(target)
        return paths

    @classmethod
    def from_parquet(cls, paths: dict[str, str]) -> CodedRows:
        """Read what :meth:`to_parquet` wrote."""
        import pyarrow.parquet as pq

        rows = cls()
        for table, path in paths.items():
            getattr(rows, table).extend(pq.read_table(path).to_pylist())
        return rows


@dataclass
class WriteCounts:
    """Rows actually added by a write (rows already present are not counted)."""

    articles: int = 0
    event_mentions: int = 0
    rejects: int = 0
    mentions: int = 0
    quotes: int = 0
    links: int = 0


class Store:
    """A DuckDB file holding articles, events and rejects.

    Args:
        path: the database file (created if missing), or ``":memory:"``.
        read_only: open without the right to write (several readers may share the file).
    """

    def __init__(self, path: str | Path = "dyadwatch.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self.migrate()
            self._complete()
            return
        try:
            tables = {r[0] for r in self._rows("SELECT table_name FROM information_schema.tables")}
            done = (
                {r[0] for r in self._rows("SELECT name FROM schema_migrations")}
                if "schema_migrations" in tables
                else set()
            )
        except duckdb.Error as exc:
            raise StoreError(f"cannot read store {self.path}: {exc}") from exc
        missing = [name for name, _ in migrations() if name not in done]
        if missing:
            self.con.close()
            raise StoreError(
                f"store {self.path} was written by an older dyadwatch (missing {', '.join(missing)});"
                " open it once for writing to upgrade it (e.g. `dyadwatch dedup --db FILE`)"
            )

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return the names applied."""
        self._rows(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        done = {row[0] for row in self._rows("SELECT name FROM schema_migrations")}
        applied = []
        for name, sql in migrations():
            if name in done:
                continue
            try:
                self._rows("BEGIN TRANSACTION")
                self._rows(sql)
                self._rows("INSERT INTO schema_migrations (name) VALUES (?)", [name])
                self._rows("COMMIT")
            except duckdb.Error as exc:
                self._rows("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {exc}") from exc
            applied.append(name)
        return applied

    def _complete(self) -> None:
        """Sign articles that have no signature and derive the events of mentions that have none:
        what a store written before deduplication existed needs (its own transaction, after the
        migration's: DuckDB does not bind queries over a table renamed in the same transaction)."""
        unsigned = self._rows(
            "SELECT count(*) FROM articles WHERE article_id NOT IN "
            "(SELECT article_id FROM article_signatures)"
        )[0][0]
        underived = self._rows("SELECT count(*) FROM event_mentions WHERE event_id IS NULL")[0][0]
        if not unsigned and not underived:
            return
        try:
            self._rows("BEGIN TRANSACTION")
            articles = self._rows(
                "SELECT article_id, text FROM articles WHERE article_id NOT IN "
                "(SELECT article_id FROM article_signatures) ORDER BY article_id"
            )
            signatures = [Signature.of(article_id, text) for article_id, text in articles]
            self._insert("article_signatures", SIGNATURE_COLUMNS, [s.row() for s in signatures])
            self._insert(
                "article_bands", BAND_COLUMNS, [b for s in signatures for b in s.band_rows()]
            )
            rule = self.match_rule
            groups = self._rows(
                f"SELECT DISTINCT {rule.key_sql()} FROM event_mentions WHERE event_id IS NULL"
            )
            self._derive({g[0] for g in groups}, rule)
            self._rows("COMMIT")
        except duckdb.Error as exc:
            self._rows("ROLLBACK")
            raise StoreError(f"upgrading {self.path} failed: {exc}") from exc

    def applied_migrations(self) -> list[str]:
        """Names of the migrations recorded in the database, in order."""
        return [r[0] for r in self._rows("SELECT name FROM schema_migrations ORDER BY name")]

    # -- settings and runs -------------------------------------------------------------------------

    @property
    def match_rule(self) -> MatchRule:
        """The rule that merges event mentions into events (stored; the default until changed)."""
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [SETTINGS_MATCH_RULE])
        return MatchRule.from_json(rows[0][0]) if rows else MatchRule()

    def set_match_rule(self, rule: MatchRule) -> int:
        """Store a new matching rule and re-derive every event with it; return the events now held."""
        try:
            self._rows("BEGIN TRANSACTION")
            self._rows(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                [SETTINGS_MATCH_RULE, rule.to_json()],
            )
            self._derive_all()
            self._rows("COMMIT")
        except duckdb.Error as exc:
            self._rows("ROLLBACK")
            raise StoreError(f"re-deriving events in {self.path} failed: {exc}") from exc
        return self._count("events")

    def start_run(self, config: dict[str, Any], inputs: Sequence[str]) -> str:
        """Record a run as started (committed at once, so a killed run stays visible) and return its
        id. Runs still marked running are from processes that died: DuckDB lets one process write, so
        they are marked interrupted."""
        from .knowledge import DICTIONARY_VERSION
        from .patterns import patterns

        text = json.dumps(config, sort_keys=True, default=str)
        run_id = content_hash(text, list(inputs), datetime.now(UTC).isoformat(), os.getpid())
        self._rows(
            "UPDATE runs SET status = 'interrupted' WHERE status = 'running' AND run_id <> ?",
            [run_id],
        )
        self._rows(
            "INSERT INTO runs (run_id, started_at, status, coder_version, model, "
            "patterns_version, dictionary_version, config_hash, config, inputs) "
            "VALUES (?, current_timestamp, 'running', ?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                config.get("coder_version"),
                config.get("model"),
                patterns().version,
                DICTIONARY_VERSION,
                content_hash(text),
                text,
                json.dumps(list(inputs)),
            ],
        )
        return run_id

    def finish_run(self, run_id: str, status: str = "finished", error: str | None = None) -> None:
        """Record the end of a run."""
        self._rows(
            "UPDATE runs SET finished_at = current_timestamp, status = ?, error = ? "
            "WHERE run_id = ?",
            [status, error, run_id],
        )

    def runs(self) -> list[dict[str, Any]]:
        """Recorded runs, newest first."""
        return self._dicts(
            "SELECT run_id, started_at, finished_at, status, coder_version, model, config_hash, "
            + ", ".join(RUN_COUNTERS)
            + ", error FROM runs ORDER BY started_at DESC, run_id"
        )

    # -- writes ------------------------------------------------------------------------------------

    def _insert(self, table: str, columns: Sequence[str], rows: list[dict[str, Any]]) -> int:
        if not rows:
            return 0
        batch = pa.Table.from_pylist(rows, schema=_schema(columns))
        names = ", ".join(columns)
        before = self._count(table)
        self.con.register("dyadwatch_batch", batch)
        try:
            self._rows(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM dyadwatch_batch "
                "ON CONFLICT DO NOTHING"
            )
        finally:
            self.con.unregister("dyadwatch_batch")
        return self._count(table) - before

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a statement and fetch its whole result (DuckDB keeps a statement open until then)."""
        return self.con.execute(sql, params or []).fetchall()

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of any (parameterised) query as dicts, e.g. the SQL of :mod:`dyadwatch.aggregates`."""
        return self._dicts(sql, params)

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _count(self, table: str) -> int:
        return int(self._rows(f"SELECT count(*) FROM {table}")[0][0])

    def _groups_of_articles(self, article_ids: Sequence[str], rule: MatchRule) -> set[str]:
        if not article_ids:
            return set()
        rows = self._rows(
            f"SELECT DISTINCT {rule.key_sql()} FROM event_mentions "
            "WHERE article_id IN (SELECT unnest(?))",
            [list(article_ids)],
        )
        return {r[0] for r in rows}

    def _delete_articles(self, article_ids: list[str]) -> None:
        for table in (
            "event_mentions",
            "actor_mentions",
            "quotes",
            "article_signatures",
            "article_bands",
            "articles",
        ):
            self._rows(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids])

    def write(
        self,
        coded: Iterable[CodedArticle] = (),
        rejects: Iterable[Reject] = (),
        links: Iterable[Link] = (),
        signatures: Iterable[Signature] = (),
        run_id: str | None = None,
        run_counts: dict[str, int] | None = None,
    ) -> WriteCounts:
        """Store a batch in one transaction: coded articles (with their mentions and quotes), copies
        linked to an original, rejects, article signatures, and the run's counters; then re-derive the
        events of every group the batch touched.

        An article stored before with other content or by another coder version is replaced whole; a
        copy linked before with other content is linked again.
        """
        return self.write_rows(CodedRows.of(coded), rejects, links, signatures, run_id, run_counts)

    def write_rows(
        self,
        rows: CodedRows,
        rejects: Iterable[Reject] = (),
        links: Iterable[Link] = (),
        signatures: Iterable[Signature] = (),
        run_id: str | None = None,
        run_counts: dict[str, int] | None = None,
    ) -> WriteCounts:
        """:meth:`write` for articles already flattened into rows (by this process, a worker
        process, or a Parquet shard written on a cluster)."""
        links = list(links)
        rule = self.match_rule
        article_rows = [{**r, "run_id": run_id} for r in rows.articles]
        event_rows, mention_rows, quote_rows = rows.event_mentions, rows.actor_mentions, rows.quotes
        link_rows = [link.row(run_id) for link in links]
        known_signatures = {s.article_id: s for s in signatures}
        for r in article_rows:
            if r["article_id"] not in known_signatures:
                known_signatures[r["article_id"]] = Signature.of(r["article_id"], r["text"])
        reject_rows = [
            {
                "reject_id": r.reject_id,
                "item": r.item,
                "stage": r.stage,
                "reason": r.reason,
                "message": r.message,
            }
            for r in rejects
        ]
        counts = WriteCounts()
        try:
            self._rows("BEGIN TRANSACTION")
            touched: set[str] = set()
            # An article stored before with other content or by another coder version is replaced
            # whole, in the same transaction: its old mentions never outlive it.
            known = self.known_articles(r["article_id"] for r in article_rows)
            stale = [
                r["article_id"]
                for r in article_rows
                if known.get(r["article_id"]) not in (None, (r["content_hash"], r["coder_version"]))
            ]
            fresh = [r["article_id"] for r in article_rows if r["article_id"] not in known]
            if stale:
                touched |= self._groups_of_articles(stale, rule)
                self._delete_articles(stale)
            # A copy coded now as an article of its own, or linked again: drop the old link (its
            # original's counts change).
            new_links = {r["article_id"]: (r["original_id"], r["content_hash"]) for r in link_rows}
            old_links = self._rows(
                "SELECT article_id, original_id, content_hash FROM article_links "
                "WHERE article_id IN (SELECT unnest(?))",
                [[*new_links, *(r["article_id"] for r in article_rows)]],
            )
            dropped = [(a, o) for a, o, h in old_links if new_links.get(a) != (o, h)]
            if dropped:
                touched |= self._groups_of_articles([o for _, o in dropped], rule)
                self._rows(
                    "DELETE FROM article_links WHERE article_id IN (SELECT unnest(?))",
                    [[a for a, _ in dropped]],
                )
            counts.articles = self._insert("articles", ARTICLE_COLUMNS, article_rows)
            counts.event_mentions = self._insert(
                "event_mentions", MENTION_EVENT_COLUMNS, event_rows
            )
            counts.rejects = self._insert("rejects", REJECT_COLUMNS, reject_rows)
            counts.mentions = self._insert("actor_mentions", MENTION_COLUMNS, mention_rows)
            counts.quotes = self._insert("quotes", QUOTE_COLUMNS, quote_rows)
            counts.links = self._insert("article_links", LINK_COLUMNS, link_rows)
            new_signatures = [known_signatures[a] for a in stale + fresh if a in known_signatures]
            self._insert("article_signatures", SIGNATURE_COLUMNS, [s.row() for s in new_signatures])
            self._insert(
                "article_bands", BAND_COLUMNS, [b for s in new_signatures for b in s.band_rows()]
            )
            touched |= {
                rule.key(e["source_code"], e["target_code"], e["cameo"], e["root"])
                for e in event_rows
            }
            if counts.links:
                touched |= self._groups_of_articles([r["original_id"] for r in link_rows], rule)
            self._derive(touched, rule)
            if run_id is not None and run_counts:
                if "event_mentions_added" in run_counts:  # what was stored, not what was coded
                    run_counts = {**run_counts, "event_mentions_added": counts.event_mentions}
                sets = ", ".join(f"{k} = {k} + ?" for k in run_counts if k in RUN_COUNTERS)
                values = [v for k, v in run_counts.items() if k in RUN_COUNTERS]
                if sets:
                    self._rows(f"UPDATE runs SET {sets} WHERE run_id = ?", [*values, run_id])
            self._rows("COMMIT")
        except duckdb.Error as exc:
            self._rows("ROLLBACK")
            raise StoreError(f"writing to {self.path} failed: {exc}") from exc
        return counts

    # -- event derivation --------------------------------------------------------------------------

    def _derive(self, groups: set[str], rule: MatchRule) -> None:
        """Re-derive the events of whole groups (inside the caller's transaction)."""
        keys = sorted(groups)
        for start in range(0, len(keys), DERIVE_CHUNK):
            chunk = keys[start : start + DERIVE_CHUNK]
            self._rows("DELETE FROM events WHERE group_key IN (SELECT unnest(?))", [chunk])
            key = rule.key_sql("m")
            mentions = self._dicts(
                MENTION_QUERY.format(key=key) + f" WHERE {key} IN (SELECT unnest(?))", [chunk]
            )
            self._store_derived(rule, mentions)

    def _derive_all(self) -> None:
        """Re-derive every event (inside the caller's transaction)."""
        rule = self.match_rule
        self._rows("DELETE FROM events")
        self._rows("UPDATE event_mentions SET event_id = NULL WHERE event_id IS NOT NULL")
        keys = self._rows(f"SELECT DISTINCT {rule.key_sql()} FROM event_mentions")
        self._derive({k[0] for k in keys}, rule)

    def _store_derived(self, rule: MatchRule, mentions: list[dict[str, Any]]) -> None:
        if not mentions:
            return
        originals = sorted({m["article_id"] for m in mentions})
        copies: dict[str, list[dict[str, Any]]] = {}
        for row in self._dicts(
            "SELECT article_id, original_id, publisher, url FROM article_links "
            "WHERE original_id IN (SELECT unnest(?)) ORDER BY article_id",
            [originals],
        ):
            copies.setdefault(row["original_id"], []).append(row)
        rows, assignment = derive_events(rule, mentions, copies)
        self._insert("events", DERIVED_EVENT_COLUMNS, rows)
        batch = pa.table(
            {
                "mention_id": pa.array(list(assignment), pa.string()),
                "event_id": pa.array(list(assignment.values()), pa.string()),
            }
        )
        self.con.register("dyadwatch_assign", batch)
        try:
            self._rows(
                "UPDATE event_mentions SET event_id = a.event_id FROM dyadwatch_assign a "
                "WHERE event_mentions.mention_id = a.mention_id "
                "AND event_mentions.event_id IS DISTINCT FROM a.event_id"
            )
        finally:
            self.con.unregister("dyadwatch_assign")

    # -- article deduplication ---------------------------------------------------------------------

    def known_links(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``article_id -> (content_hash, original_id)`` of the given articles stored as copies."""
        return self._by_article(
            "SELECT article_id, content_hash, original_id FROM article_links", article_ids
        )

    def _by_article(self, select: str, article_ids: Iterable[str]) -> dict[str, Any]:
        """``article_id -> (other columns)`` of ``select`` for the given articles."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        rows = self._rows(select + " WHERE article_id IN (SELECT unnest(?))", [ids])
        return {r[0]: tuple(r[1:]) for r in rows}

    def has_url(self, url: str) -> bool:
        """Whether a web page needs no fetching: stored as an article or a linked copy, or rejected
        for good (too large, not HTML, gone, no article text)."""
        from .fetch import PERMANENT_REASONS, url_id

        key = url_id(url)
        rows = self._rows(
            "SELECT 1 FROM articles WHERE article_id = ? "
            "UNION ALL SELECT 1 FROM article_links WHERE article_id = ? "
            "UNION ALL SELECT 1 FROM rejects WHERE item = ? AND (stage = 'extract' "
            "OR (stage = 'fetch' AND reason IN (SELECT unnest(?)))) LIMIT 1",
            [key, key, url, list(PERMANENT_REASONS)],
        )
        return bool(rows)

    def duplicate_index(self, threshold: float = DEFAULT_THRESHOLD) -> DuplicateIndex:
        """A copy finder over the articles stored here (and those added to it during a run)."""

        def by_keys(keys: list[str]) -> dict[str, list[str]]:
            found: dict[str, list[str]] = {}
            for article_id, key in self._rows(
                "SELECT article_id, text_key FROM article_signatures "
                "WHERE text_key IN (SELECT unnest(?))",
                [keys],
            ):
                found.setdefault(key, []).append(article_id)
            return found

        def by_bands(buckets: list[int]) -> list[Signature]:
            rows = self._rows(
                "SELECT s.article_id, s.text_key, s.minhash, s.shingles FROM article_signatures s "
                "WHERE s.article_id IN (SELECT article_id FROM article_bands "
                "WHERE bucket IN (SELECT unnest(?)))",
                [buckets],
            )
            return [signature_from_blob(a, k, bytes(b), n) for a, k, b, n in rows]

        return DuplicateIndex(by_keys, by_bands, threshold)

    # -- reads -------------------------------------------------------------------------------------

    def known_articles(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """``article_id -> (content_hash, coder_version)`` of the given articles already stored."""
        return self._by_article(
            "SELECT article_id, content_hash, coder_version FROM articles", article_ids
        )

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return {t: self._count(t) for t in COUNTED_TABLES}

    def dyad_summary(self) -> list[dict[str, Any]]:
        """Deduplicated events per directed dyad (source → target keys), with the reports behind
        them, QuadClass counts and the Goldstein mean."""
        from .aggregates import dyad_totals

        return self._dicts(*dyad_totals())

    def event_mentions(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Stored event mentions (all, or one article's), ordered by article and sentence."""
        sql = "SELECT * FROM event_mentions"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        return self._dicts(
            sql + " ORDER BY article_id, sentence_index, verb_start, mention_id", params
        )

    def events(self) -> list[dict[str, Any]]:
        """Deduplicated events, by date and id."""
        return self._dicts("SELECT * FROM events ORDER BY event_date NULLS LAST, event_id")

    def article_links(self) -> list[dict[str, Any]]:
        """Copies linked to their original."""
        return self._dicts(
            "SELECT article_id, original_id, kind, similarity, publisher, url FROM article_links "
            "ORDER BY original_id, article_id"
        )

    def actor_summary(
        self, code: str | None = None, name: str | None = None
    ) -> list[dict[str, Any]]:
        """Actors by code and name: mentions, articles, and the cascade steps that resolved them."""
        where, params = self._actor_filter(code, name)
        return self._dicts(
            "SELECT code, name, count(*) AS mentions, count(DISTINCT article_id) AS articles, "
            "string_agg(DISTINCT rule, ',' ORDER BY rule) AS rules FROM actor_mentions"
            f"{where} GROUP BY code, name ORDER BY mentions DESC, code, name",
            params,
        )

    def actor_mentions(
        self, code: str | None = None, name: str | None = None, article_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Stored mentions (filtered by code prefix, name substring, article), in text order."""
        where, params = self._actor_filter(code, name, article_id)
        return self._dicts(
            "SELECT article_id, sentence_index, start_offset, end_offset, text, code, name, rule "
            f"FROM actor_mentions{where} ORDER BY article_id, start_offset",
            params,
        )

    @staticmethod
    def _actor_filter(
        code: str | None, name: str | None, article_id: str | None = None
    ) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if code:
            clauses.append("code LIKE ?")
            params.append(code.upper() + "%")
        if name:
            clauses.append("(lower(name) LIKE ? OR lower(text) LIKE ?)")
            params += [f"%{name.lower()}%"] * 2
        if article_id:
            clauses.append("article_id = ?")
            params.append(article_id)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def quotes(
        self, speaker: str | None = None, article_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Stored quotes (filtered by speaker code prefix or article), in text order."""
        clauses, params = [], []
        if speaker:
            clauses.append("speaker_code LIKE ?")
            params.append(speaker.upper() + "%")
        if article_id:
            clauses.append("article_id = ?")
            params.append(article_id)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return self._dicts(
            "SELECT article_id, sentence_index, kind, speaker_code, speaker_text, verb, via_name, "
            f"audience_name, text, event_ids FROM quotes{where} ORDER BY article_id, start_offset",
            params,
        )

    def rejects(self) -> list[dict[str, Any]]:
        """Stored rejects."""
        return self._dicts("SELECT item, stage, reason, message FROM rejects ORDER BY item")
