"""``dyadwatch.open()``: a store as pandas DataFrames (or Arrow tables) for analysis.

Example::

    import dyadwatch
    with dyadwatch.open("dyadwatch.duckdb") as ds:
        series = ds.dyad_series("SRB", "CHN", by="month")      # both directions, events and reports
        events = ds.events(actor="SRB", root="03")              # deduplicated events
        edges = ds.network(start="2020-01-01", end="2020-12-31")
        table = ds.sql("SELECT root, count(*) AS n FROM events GROUP BY root", arrow=True)

The queries are those of :mod:`dyadwatch.aggregates`, shared with the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import aggregates
from .errors import DyadwatchError, StoreError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .store import Store


class Dataset:
    """Read access to a dyadwatch store with query helpers.

    Args:
        path: the DuckDB file written by ``dyadwatch run``.
        read_only: open without the right to write (default), so several readers can share the file.
    """

    def __init__(self, path: str | Path = "dyadwatch.duckdb", read_only: bool = True) -> None:
        from .store import Store

        if str(path) != ":memory:" and not Path(path).exists():
            raise StoreError(f"no store at {path}: run `dyadwatch run` first")
        self.path = str(path)
        self.store: Store = Store(path, read_only=read_only)

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sql(
        self, query: str, params: list[Any] | None = None, arrow: bool = False
    ) -> pd.DataFrame | pa.Table:
        """Run any SQL over the store (with ``?`` parameters) as a DataFrame or an Arrow table."""
        try:
            if arrow:
                return self.store.con.sql(query, params=params or None).to_arrow_table()
            return self.store.con.execute(query, params or []).df()
        except Exception as exc:
            raise DyadwatchError(f"query failed on {self.path}: {exc}") from exc

    def events(
        self,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        code: str | None = None,
        root: str | None = None,
        quad_class: int | None = None,
        start: str | None = None,
        end: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        arrow: bool = False,
    ) -> pd.DataFrame | pa.Table:
        """Deduplicated events, filtered by actor (either side), source, target, CAMEO code prefix,
        root, QuadClass, date range and words of any sentence reporting them."""
        clauses, params = _event_filters(actor, source, target, code, root, quad_class, start, end)
        if text:
            clauses.append(
                "event_id IN (SELECT event_id FROM event_mentions WHERE sentence ILIKE ?)"
            )
            params.append(f"%{text}%")
        where = " AND ".join(clauses) or "TRUE"
        query = f"SELECT * FROM events WHERE {where} ORDER BY event_date NULLS LAST, event_id"
        if limit is not None:
            query += " LIMIT ?"
            params.append(int(limit))
        return self.sql(query, params, arrow)

    def mentions(self, event_id: str | None = None, arrow: bool = False) -> pd.DataFrame | pa.Table:
        """Event mentions (all, or one event's reports), with their sentences and offsets."""
        if event_id:
            return self.sql(
                "SELECT * FROM event_mentions WHERE event_id = ? ORDER BY article_id, mention_id",
                [event_id],
                arrow,
            )
        return self.sql(
            "SELECT * FROM event_mentions ORDER BY article_id, sentence_index, mention_id",
            None,
            arrow,
        )

    def quotes(self, speaker: str | None = None, arrow: bool = False) -> pd.DataFrame | pa.Table:
        """Quotes (all, or those of speakers whose code starts with ``speaker``)."""
        if speaker:
            return self.sql(
                "SELECT * FROM quotes WHERE speaker_code LIKE ? ORDER BY article_id, start_offset",
                [speaker.upper() + "%"],
                arrow,
            )
        return self.sql("SELECT * FROM quotes ORDER BY article_id, start_offset", None, arrow)

    def articles(self, arrow: bool = False) -> pd.DataFrame | pa.Table:
        """Coded articles (without their text)."""
        return self.sql(
            "SELECT * EXCLUDE (text) FROM articles ORDER BY published NULLS LAST, article_id",
            None,
            arrow,
        )

    def dyad_series(
        self,
        a: str,
        b: str,
        by: str = "month",
        start: str | None = None,
        end: str | None = None,
        arrow: bool = False,
    ) -> pd.DataFrame | pa.Table:
        """Both directions of a dyad per period (see :func:`dyadwatch.aggregates.dyad_series`)."""
        return self.sql(*aggregates.dyad_series(a, b, by, start, end), arrow=arrow)

    def dyads(
        self, start: str | None = None, end: str | None = None, arrow: bool = False
    ) -> pd.DataFrame | pa.Table:
        """Totals per directed dyad of countries and organisations."""
        return self.sql(*aggregates.dyad_totals(start, end), arrow=arrow)

    def actors(
        self,
        level: str = "country",
        start: str | None = None,
        end: str | None = None,
        arrow: bool = False,
    ) -> pd.DataFrame | pa.Table:
        """Per actor: events and reports as source and target."""
        return self.sql(*aggregates.actor_totals(level, start, end), arrow=arrow)

    def network(
        self,
        level: str = "country",
        start: str | None = None,
        end: str | None = None,
        min_events: int = 1,
        arrow: bool = False,
    ) -> pd.DataFrame | pa.Table:
        """Directed actor network edges with events, reports and Goldstein."""
        return self.sql(*aggregates.network(level, start, end, min_events), arrow=arrow)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return self.store.counts()


def _event_filters(
    actor: str | None,
    source: str | None,
    target: str | None,
    code: str | None,
    root: str | None,
    quad_class: int | None,
    start: str | None,
    end: str | None,
) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        src, p1 = aggregates.actor_match("source", actor)
        tgt, p2 = aggregates.actor_match("target", actor)
        clauses.append(f"({src} OR {tgt})")
        params += p1 + p2
    if source:
        sql, p = aggregates.actor_match("source", source)
        clauses.append(sql)
        params += p
    if target:
        sql, p = aggregates.actor_match("target", target)
        clauses.append(sql)
        params += p
    if code:
        clauses.append("cameo LIKE ?")
        params.append(code.strip() + "%")
    if root:
        clauses.append("root = ?")
        params.append(root.strip().zfill(2))
    if quad_class is not None:
        clauses.append("quad_class = ?")
        params.append(int(quad_class))
    when, p = aggregates.date_filter(start, end)
    if when != "TRUE":
        clauses.append(when)
        params += p
    return clauses, params


def open(path: str | Path = "dyadwatch.duckdb", read_only: bool = True) -> Dataset:  # noqa: A001
    """Open a dyadwatch store for analysis (see :class:`Dataset`)."""
    return Dataset(path, read_only)
