"""Store: the embedded DuckDB database of articles, events and rejects.

* The schema is created and upgraded by named, ordered SQL migrations (``migrations/NNNN_name.sql``),
  each applied once and recorded in ``schema_migrations``.
* Rows are keyed by content hashes (``event_id``, ``reject_id``) or the article id, and written with
  ``INSERT ... ON CONFLICT DO NOTHING``, so loading the same input again adds no rows.
* Writes go in batches through Arrow tables (never row by row), one transaction per batch: an article
  and its events are stored together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .errors import StoreError
from .pipeline import CodedArticle
from .records import ActorMention, Event, Quote, Reject

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
)
EVENT_COLUMNS = (
    "event_id",
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
    "event_ids",
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
}
FLOAT_COLUMNS = {"goldstein", "confidence"}
BOOL_COLUMNS = {"background"}


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
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def event_row(event: Event) -> dict[str, Any]:
    """Flatten an event into a row of the ``events`` table."""
    target = event.target
    row = {
        "event_id": event.event_id,
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
        "event_ids": json.dumps(quote.event_ids),
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


def article_row(coded: CodedArticle) -> dict[str, Any]:
    """Flatten a coded article into a row of the ``articles`` table."""
    article = coded.article
    return {
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
class WriteCounts:
    """Rows actually added by a write (rows already present are not counted)."""

    articles: int = 0
    events: int = 0
    rejects: int = 0
    mentions: int = 0
    quotes: int = 0


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

    def applied_migrations(self) -> list[str]:
        """Names of the migrations recorded in the database, in order."""
        return [r[0] for r in self._rows("SELECT name FROM schema_migrations ORDER BY name")]

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

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _count(self, table: str) -> int:
        return int(self._rows(f"SELECT count(*) FROM {table}")[0][0])

    def write(
        self, coded: Iterable[CodedArticle] = (), rejects: Iterable[Reject] = ()
    ) -> WriteCounts:
        """Store a batch of coded articles and rejects in one transaction."""
        coded = list(coded)
        article_rows = [article_row(c) for c in coded]
        event_rows = [event_row(e) for c in coded for e in c.events]
        mention_rows = [mention_row(m) for c in coded for m in c.mentions]
        quote_rows = [quote_row(q) for c in coded for q in c.quotes]
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
            # An article stored before with other content or by another coder version is replaced
            # whole, in the same transaction: its old events never outlive it.
            stale = [
                r["article_id"]
                for r in article_rows
                if self.known_articles([r["article_id"]]).get(r["article_id"])
                not in (None, (r["content_hash"], r["coder_version"]))
            ]
            if stale:
                self._rows("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [stale])
                self._rows(
                    "DELETE FROM actor_mentions WHERE article_id IN (SELECT unnest(?))", [stale]
                )
                self._rows("DELETE FROM quotes WHERE article_id IN (SELECT unnest(?))", [stale])
                self._rows("DELETE FROM articles WHERE article_id IN (SELECT unnest(?))", [stale])
            counts.articles = self._insert("articles", ARTICLE_COLUMNS, article_rows)
            counts.events = self._insert("events", EVENT_COLUMNS, event_rows)
            counts.rejects = self._insert("rejects", REJECT_COLUMNS, reject_rows)
            counts.mentions = self._insert("actor_mentions", MENTION_COLUMNS, mention_rows)
            counts.quotes = self._insert("quotes", QUOTE_COLUMNS, quote_rows)
            self._rows("COMMIT")
        except duckdb.Error as exc:
            self._rows("ROLLBACK")
            raise StoreError(f"writing to {self.path} failed: {exc}") from exc
        return counts

    # -- reads -------------------------------------------------------------------------------------

    def known_articles(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """``article_id -> (content_hash, coder_version)`` of the given articles already stored."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        rows = self._rows(
            "SELECT article_id, content_hash, coder_version FROM articles "
            "WHERE article_id IN (SELECT unnest(?))",
            [ids],
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return {
            t: self._count(t) for t in ("articles", "events", "rejects", "actor_mentions", "quotes")
        }

    def dyad_summary(self) -> list[dict[str, Any]]:
        """Events per directed dyad (source → target keys), with QuadClass counts and Goldstein mean."""
        sql = """
            SELECT coalesce('IGO:' || source_igo, source_country, source_code) AS source,
                   coalesce('IGO:' || target_igo, target_country, target_code, '-') AS target,
                   count(*) AS events,
                   count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
                   count(*) FILTER (WHERE quad_class = 2) AS material_coop,
                   count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                   round(avg(goldstein), 2) AS goldstein_mean
            FROM events GROUP BY 1, 2 ORDER BY events DESC, source, target
        """
        return self._dicts(sql)

    def events(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Stored event rows (all, or one article's), ordered by article and sentence."""
        sql = "SELECT * FROM events"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        return self._dicts(
            sql + " ORDER BY article_id, sentence_index, verb_start, event_id", params
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
