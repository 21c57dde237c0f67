"""Exports: the store's tables as Parquet, CSV or JSON Lines; events as GDELT 2.0 Events TSV or
PLOVER-style JSON Lines.

Everything is written by DuckDB's ``COPY`` from SQL over the store (no row loop in Python), so exports
of millions of rows stream at disk speed.

**GDELT 2.0 Events** (:data:`GDELT_COLUMNS`, GDELT's 61 columns in GDELT's order, tab-separated, no
header, as GDELT publishes them): ``GLOBALEVENTID`` is a 60-bit integer taken from the event id;
``SQLDATE``/``MonthYear``/``Year``/``FractionDate`` come from the event date (an event known only to
the month or year is placed on its first day); actor codes, names (upper case, as GDELT writes them),
countries, known-group codes (the three letters after ``IGO``/``NGO``) and type codes (the three-letter
roles after the country: ``SRBGOVMIL`` → ``GOV``, ``MIL``); ``IsRootEvent`` (reported in a headline or
lead paragraph); CAMEO event, base and root codes, QuadClass, Goldstein, NumMentions/NumSources/
NumArticles; ``ActionGeo_*`` type (1 country, 3 US city, 4 other city), full name, latitude and
longitude; ``DATEADDED`` (when the first report was coded, ``YYYYMMDDHHMMSS`` UTC) and ``SOURCEURL``.
Left empty because dyadwatch does not produce them: ethnic and religion codes, ``AvgTone``, the actors'
own geography, and the FIPS country and ADM1/ADM2 codes of ``ActionGeo``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .errors import DyadwatchError

if TYPE_CHECKING:
    import duckdb

GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: GDELT 2.0 Events columns, in the codebook's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{actor}{field}"
        for actor in ("Actor1", "Actor2")
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
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
    *(f"{geo}_{field}" for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for field in GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

TABLES = {
    "events": "SELECT * FROM events ORDER BY event_date NULLS LAST, event_id",
    "mentions": "SELECT * FROM event_mentions ORDER BY article_id, sentence_index, mention_id",
    "quotes": "SELECT * FROM quotes ORDER BY article_id, start_offset, quote_id",
    "articles": "SELECT * FROM articles ORDER BY article_id",
    "links": "SELECT * FROM article_links ORDER BY original_id, article_id",
    "actors": "SELECT * FROM actor_mentions ORDER BY article_id, start_offset, mention_id",
    "rejects": "SELECT * FROM rejects ORDER BY item, stage, reason",
    "runs": "SELECT * FROM runs ORDER BY started_at, run_id",
}
FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
_COPY = {
    "parquet": "(FORMAT parquet)",
    "csv": "(FORMAT csv, HEADER true)",
    "jsonl": "(FORMAT json)",
}


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _actor_columns(side: str, n: int) -> list[str]:
    """GDELT's ten actor columns from one side of an event."""
    rest = (
        f"CASE WHEN {side}_country IS NOT NULL AND starts_with({side}_code, {side}_country) "
        f"THEN substr({side}_code, length({side}_country) + 1) "
        f"WHEN {side}_igo IS NOT NULL THEN substr({side}_code, 7) "
        f"WHEN starts_with({side}_code, '---') THEN substr({side}_code, 4) ELSE '' END"
    )
    group = f"CASE WHEN left({side}_code, 3) IN ('IGO', 'NGO') THEN substr({side}_code, 4, 3) END"
    return [
        f"{side}_code AS Actor{n}Code",
        f"upper({side}_name) AS Actor{n}Name",
        f"{side}_country AS Actor{n}CountryCode",
        f"{group} AS Actor{n}KnownGroupCode",
        f"NULL AS Actor{n}EthnicCode",
        f"NULL AS Actor{n}Religion1Code",
        f"NULL AS Actor{n}Religion2Code",
        *(
            f"nullif(substr({rest}, {1 + 3 * i}, 3), '') AS Actor{n}Type{i + 1}Code"
            for i in range(3)
        ),
    ]


def gdelt_query() -> str:
    """SQL producing GDELT 2.0 Events rows from ``events`` (needs the ``dyadwatch_countries`` view)."""
    loc = "e.location"
    country = f"json_extract_string({loc}, '$.country')"
    kind = f"json_extract_string({loc}, '$.type')"
    name = f"json_extract_string({loc}, '$.name')"
    columns = [
        "CAST(('0x' || left(e.event_id, 15)) AS UBIGINT) AS GLOBALEVENTID",
        "CAST(strftime(e.event_date, '%Y%m%d') AS INTEGER) AS SQLDATE",
        "CAST(strftime(e.event_date, '%Y%m') AS INTEGER) AS MonthYear",
        "year(e.event_date) AS Year",
        "round(year(e.event_date) + (dayofyear(e.event_date) - 1) / 365.0, 4) AS FractionDate",
        *_actor_columns("e.source", 1),
        *_actor_columns("e.target", 2),
        "CAST(e.is_root_event AS INTEGER) AS IsRootEvent",
        "e.cameo AS EventCode",
        "left(e.cameo, 3) AS EventBaseCode",
        "e.root AS EventRootCode",
        "e.quad_class AS QuadClass",
        "e.goldstein AS GoldsteinScale",
        "e.num_mentions AS NumMentions",
        "e.num_sources AS NumSources",
        "e.num_articles AS NumArticles",
        "NULL AS AvgTone",
    ]
    for n in (1, 2):  # the actors' own geography is not produced
        columns += [f"NULL AS Actor{n}Geo_{field}" for field in GEO_FIELDS]
    columns += [
        f"CASE WHEN {loc} IS NULL THEN NULL WHEN {kind} = 'country' THEN 1 "
        f"WHEN {country} = 'USA' THEN 3 ELSE 4 END AS ActionGeo_Type",
        f"CASE WHEN {loc} IS NULL THEN NULL WHEN {kind} = 'country' THEN coalesce(c.name, {name}) "
        f"ELSE concat_ws(', ', {name}, c.name) END AS ActionGeo_FullName",
        "NULL AS ActionGeo_CountryCode",
        "NULL AS ActionGeo_ADM1Code",
        "NULL AS ActionGeo_ADM2Code",
        f"round(CAST(json_extract({loc}, '$.latitude') AS DOUBLE), 4) AS ActionGeo_Lat",
        f"round(CAST(json_extract({loc}, '$.longitude') AS DOUBLE), 4) AS ActionGeo_Long",
        "NULL AS ActionGeo_FeatureID",
        "strftime(a.coded_at, '%Y%m%d%H%M%S') AS DATEADDED",
        "coalesce(e.source_url, '') AS SOURCEURL",
    ]
    return (
        f"SELECT {', '.join(columns)} FROM events e "
        "LEFT JOIN articles a ON a.article_id = e.first_article_id "
        f"LEFT JOIN dyadwatch_countries c ON c.code = {country} "
        "WHERE e.event_date IS NOT NULL ORDER BY e.event_date, e.event_id"
    )


PLOVER_QUERY = """
    SELECT e.event_id AS id, e.date, e.date_precision, e.plover AS event_type, e.cameo,
           e.quad_class, e.goldstein,
           e.source_name AS actor, e.source_code AS actor_code, e.source_country AS actor_country,
           e.source_sector AS actor_sector,
           e.target_name AS recipient, e.target_code AS recipient_code,
           e.target_country AS recipient_country, e.target_sector AS recipient_sector,
           CAST(e.location AS JSON) AS location,
           e.num_mentions, e.num_sources, e.num_articles, e.source_url,
           m.sentence AS event_text, m.article_id, m.verb AS trigger, m.evidence,
           (SELECT list(x.mention_id ORDER BY x.mention_id) FROM event_mentions x
            WHERE x.event_id = e.event_id) AS mentions
    FROM events e LEFT JOIN event_mentions m ON m.mention_id = e.first_mention_id
    ORDER BY e.event_date NULLS LAST, e.event_id
"""


def export(con: duckdb.DuckDBPyConnection, what: str, fmt: str, path: str | Path) -> int:
    """Write table ``what`` (``events``, ``mentions``, ``quotes``, ``articles``, ``links``,
    ``actors``, ``rejects``, ``runs``) to ``path`` in ``fmt``; return the rows written.

    ``gdelt`` and ``plover`` apply to ``events`` only.
    """
    if fmt not in FORMATS:
        raise DyadwatchError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if what not in TABLES:
        raise DyadwatchError(f"export table must be one of {', '.join(TABLES)}, not {what!r}")
    if fmt in ("gdelt", "plover") and what != "events":
        raise DyadwatchError(f"the {fmt} format exports events only, not {what}")
    target = Path(path)
    if target.parent and not target.parent.exists():
        raise DyadwatchError(f"cannot write {target}: folder {target.parent} does not exist")
    if fmt == "gdelt":
        _register_countries(con)
        query, options = gdelt_query(), "(FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '')"
    elif fmt == "plover":
        query, options = PLOVER_QUERY, "(FORMAT json)"
    else:
        query, options = TABLES[what], _COPY[fmt]
    try:
        con.execute(f"COPY ({query}) TO {_quote(target)} {options}")
        rows = con.execute(f"SELECT count(*) FROM ({query})").fetchone()
    except Exception as exc:  # duckdb.Error and OS errors surface the same way
        raise DyadwatchError(f"export of {what} to {target} failed: {exc}") from exc
    return int(rows[0]) if rows else 0


def _register_countries(con: duckdb.DuckDBPyConnection) -> None:
    from .knowledge import knowledge

    kb = knowledge()
    table: Any = pa.table(
        {
            "code": pa.array(list(kb.countries), pa.string()),
            "name": pa.array([c.name for c in kb.countries.values()], pa.string()),
        }
    )
    con.register("dyadwatch_countries", table)
