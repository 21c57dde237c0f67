"""The ``dyadwatch`` command line: a thin wrapper over :mod:`dyadwatch.api`.

Exit codes: 0 success; 1 some input items were rejected (the rest was processed) or a quality floor
was not met; 2 bad usage; 3 an error stopped the command (one line on stderr; ``--debug`` shows the
traceback).
"""

from __future__ import annotations

import json
import sys
import warnings
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .errors import DyadwatchError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Event data from news: who did what to whom, when and where.",
)

EXIT_REJECTS = 1
MAX_BYTES = 10 * 1024 * 1024  # the ingest default, repeated here for the option's help text
EXIT_ERROR = 3
_state = {"debug": False}


class EventFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


# Options several commands share.
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store.")]
ModelOption = Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")]
DictOption = Annotated[
    list[Path] | None,
    typer.Option("--dict", help="User dictionary file or folder (repeatable)."),
]
FormatOption = Annotated[TableFormat, typer.Option("--format", "-f")]
StartOption = Annotated[str | None, typer.Option(help="First event date (YYYY-MM-DD).")]
EndOption = Annotated[str | None, typer.Option(help="Last event date (YYYY-MM-DD).")]


def _fail(exc: BaseException) -> None:
    if _state["debug"]:
        raise exc
    typer.echo(f"dyadwatch: error: {exc}", err=True)
    raise typer.Exit(EXIT_ERROR)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()  # noqa: E731
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells])


def _actor_cell(actor: dict[str, Any] | None) -> str:
    return actor["code"] if actor else "-"


def events_table(events: list[dict[str, Any]]) -> str:
    """Events as a plain aligned table (with an article column when there are several articles)."""
    several = len({e["article_id"] for e in events}) > 1
    headers = ["sent", "date", "source", "cameo", "target", "quad", "goldstein", "verb", "sentence"]
    rows = []
    for e in events:
        sentence = e["sentence"] if len(e["sentence"]) <= 60 else e["sentence"][:59] + "…"
        row = [
            e["sentence_index"],
            e["date"],
            _actor_cell(e["source"]),
            e["cameo"],
            _actor_cell(e["target"]),
            e["quad_class"],
            f"{e['goldstein']:+.1f}",
            e["verb"],
            sentence,
        ]
        rows.append(([e["article_id"]] if several else []) + row)
    return _table((["article"] if several else []) + headers, rows)


def quotes_table(quotes: list[dict[str, Any]]) -> str:
    """Quotes as a plain aligned table."""
    rows = []
    for q in quotes:
        text = q["text"] if len(q["text"]) <= 50 else q["text"][:49] + "…"
        speaker = (q.get("speaker") or {}).get("code") or "?"
        via = (q.get("via") or {}).get("name") or ""
        rows.append(
            [
                q["sentence_index"],
                q["kind"],
                speaker,
                q.get("speaker_text") or "",
                q.get("verb") or "",
                via,
                text,
            ]
        )
    return _table(["sent", "kind", "speaker", "speaker text", "verb", "via", "quote"], rows)


def _write_rows(rows: list[dict[str, Any]], fmt: TableFormat) -> None:
    if fmt is TableFormat.json:
        typer.echo(json.dumps(rows, indent=2, default=str))
    elif fmt is TableFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
    elif rows:
        typer.echo(_table(list(rows[0]), [list(r.values()) for r in rows]))
    else:
        typer.echo("(no rows)")


def _report_rejects(rejects: list[Any]) -> None:
    for reject in rejects:
        typer.echo(f"rejected {reject.item}: {reject.reason}: {reject.message}", err=True)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """Warnings (a dictionary's lines left out) as one line each, without the code location."""
    typer.echo(f"dyadwatch: warning: {message}", err=True)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Event data from news: who did what to whom, when and where."""
    _state["debug"] = debug
    if not debug:
        warnings.showwarning = _show_warning
    if version:
        typer.echo(f"dyadwatch {__version__}")
        raise typer.Exit(0)


@app.command()
def code(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt, .html, .jsonl, .json, .csv, .warc(.gz), folders, globs or URLs."
        ),
    ],
    format: Annotated[
        EventFormat, typer.Option("--format", "-f", help="Output format.")
    ] = EventFormat.jsonl,
    model: ModelOption = None,
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = MAX_BYTES,
    dictionaries: DictOption = None,
) -> None:
    """Code articles and print their events (nothing is stored)."""
    from .api import code_files
    from .ingest import IngestOptions
    from .records import Reject

    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    rejects: list[Reject] = []
    try:
        for result in code_files(
            files,
            model=model,
            options=IngestOptions(max_bytes=max_bytes),
            dictionaries=dictionaries or [],
        ):
            if isinstance(result, Reject):
                rejects.append(result)
                continue
            for event in result.events:
                record = event.to_dict()
                if format is EventFormat.jsonl:
                    typer.echo(json.dumps(record, ensure_ascii=False))
                else:
                    events.append(record)
            for quote in result.quotes:
                record = {"record": "quote", **quote.to_dict()}
                if format is EventFormat.jsonl:
                    typer.echo(json.dumps(record, ensure_ascii=False))
                else:
                    quotes.append(record)
    except DyadwatchError as exc:
        _fail(exc)
    if format is EventFormat.json:
        typer.echo(json.dumps({"events": events, "quotes": quotes}, ensure_ascii=False, indent=2))
    elif format is EventFormat.table:
        typer.echo(events_table(events) if events else "(no events)")
        if quotes:
            typer.echo("\n" + quotes_table(quotes))
    _report_rejects(rejects)
    if rejects:
        raise typer.Exit(EXIT_REJECTS)


@app.command()
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, globs (quoted), .csv, .warc(.gz), or http(s) URLs of RSS/Atom "
            "feeds, sitemaps and pages."
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="DuckDB store (created if missing).")] = Path(
        "dyadwatch.duckdb"
    ),
    model: ModelOption = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per batch and transaction.")
    ] = 32,
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = MAX_BYTES,
    summary: Annotated[bool, typer.Option(help="Print events per dyad at the end.")] = True,
    top: Annotated[int, typer.Option(min=0, help="Dyads shown in the summary (0: all).")] = 12,
    dictionaries: DictOption = None,
    dedup_threshold: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Similarity from which an article is linked as a copy, not coded (0: off).",
        ),
    ] = 0.8,
    progress_lines: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Report each stored batch on stderr (default: on a terminal only).",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Local worker processes that parse and code.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(help="Code on a Dask cluster: local:N or tcp://scheduler:8786."),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(help="With --dask: keep the Parquet shards in this (shared) folder."),
    ] = None,
    text_column: Annotated[
        str | None, typer.Option(help="CSV column holding the article text.")
    ] = None,
    user_agent: Annotated[
        str | None, typer.Option(help="User-Agent sent when fetching URLs.")
    ] = None,
    host_interval: Annotated[
        float, typer.Option(min=0.0, help="Seconds between two requests to one host.")
    ] = 1.0,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait for a web server's answer.")
    ] = 20.0,
    retries: Annotated[
        int, typer.Option(min=0, help="Retries of a fetch that failed with a timeout or 5xx.")
    ] = 2,
    skip_sentences: Annotated[
        bool,
        typer.Option(
            help="Do not parse sentences a cheap pass finds cannot yield an event (faster; "
            "quotes and actors in them are lost)."
        ),
    ] = False,
) -> None:
    """Code articles into a DuckDB store: articles, copies, event mentions, deduplicated events,
    quotes and rejects. Re-running adds nothing; a killed run is completed by running it again."""
    import time

    from .api import RunReport
    from .api import run as run_batch
    from .fetch import DEFAULT_USER_AGENT, FetchOptions
    from .ingest import IngestOptions

    terminal = sys.stderr.isatty()
    show = terminal if progress_lines is None else progress_lines
    started = time.monotonic()
    bar = None
    if show and terminal:  # a live bar (the total is unknown while input streams in)
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        task = bar.add_task("starting", total=None, rate=0.0)
        bar.start()

    def progress(report: RunReport) -> None:
        if not show:
            return
        done = report.articles_coded + report.articles_linked + report.articles_unchanged
        rate = done / max(time.monotonic() - started, 1e-6)
        counts = (
            f"{report.articles_read} articles read, {report.articles_coded} coded, "
            f"{report.articles_linked} linked, {report.events_added} event mentions stored"
        )
        if bar is not None:
            bar.update(task, description=counts, completed=done, rate=rate)
        else:  # a log gets one line per stored batch
            typer.echo(f"{counts} ({rate:.1f} articles/s)", err=True)

    try:
        report = run_batch(
            paths,
            db,
            model=model,
            batch_size=batch_size,
            options=IngestOptions(
                max_bytes=max_bytes,
                text_column=text_column,
                fetch=FetchOptions(
                    user_agent=user_agent or DEFAULT_USER_AGENT,
                    read_timeout=timeout,
                    connect_timeout=min(timeout, 10.0),
                    retries=retries,
                    max_bytes=max_bytes,
                    host_interval=host_interval,
                ),
            ),
            dictionaries=dictionaries or [],
            progress=progress,
            dedup_threshold=dedup_threshold or None,
            workers=workers,
            dask=dask,
            shards=shards,
            skip_sentences=skip_sentences,
        )
    except DyadwatchError as exc:
        _fail(exc)
        return
    finally:
        if bar is not None:
            bar.stop()
    typer.echo(
        f"{report.articles_read} articles read: {report.articles_coded} coded, "
        f"{report.articles_linked} linked as copies, {report.articles_unchanged} unchanged; "
        f"{report.events_added} event mentions added; {len(report.rejects)} rejected -> {db}"
    )
    _report_rejects(report.rejects)
    if summary:
        typer.echo("")
        _print_dyads(db, TableFormat.table, top or None)
    if report.rejects:
        raise typer.Exit(EXIT_REJECTS)


#: Columns of the dyad tables printed as text (csv and json carry every column).
SUMMARY_COLUMNS = (
    "events",
    "reports",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
)


def _compact(rows: list[dict[str, Any]], keys: tuple[str, ...], fmt: TableFormat) -> list[dict]:
    if fmt is not TableFormat.table:
        return rows
    return [{k: r[k] for k in (*keys, *SUMMARY_COLUMNS)} for r in rows]


def _print_dyads(
    db: Path,
    fmt: TableFormat,
    top: int | None = None,
    start: str | None = None,
    end: str | None = None,
) -> None:
    from .aggregates import dyad_totals
    from .store import Store

    with Store(db, read_only=True) as store:
        rows = store.query(*dyad_totals(start, end))
    shown = rows[:top] if top else rows
    _write_rows(_compact(shown, ("source", "target"), fmt), fmt)
    if fmt is TableFormat.table and len(shown) < len(rows):
        typer.echo(f"... {len(rows) - len(shown)} more dyads: dyadwatch dyads --db {db}")


def _require_store(db: Path, hint: str = "run `dyadwatch run` first") -> None:
    if not db.exists():
        raise DyadwatchError(f"no store at {db}: {hint}")


def _open_store(db: Path, hint: str = "run `dyadwatch run` first") -> Any:
    from .store import Store

    _require_store(db, hint)
    return Store(db, read_only=True)


def _store_for(
    paths: list[Path] | None, db: Path, model: str | None, dictionaries: list[Path] | None
) -> Any:
    """A store of the articles in ``paths`` coded now (in memory), or else the store at ``db``."""
    if not paths:
        return _open_store(db, "run `dyadwatch run` first or give article files")
    from .api import code_files
    from .pipeline import CodedArticle
    from .store import Store

    store = Store(":memory:")
    coded = code_files(paths, model=model, dictionaries=dictionaries or [])
    store.write([r for r in coded if isinstance(r, CodedArticle)])
    return store


@app.command()
def dyads(
    db: DbOption = Path("dyadwatch.duckdb"),
    format: FormatOption = TableFormat.table,
    top: Annotated[int, typer.Option(min=0, help="Dyads shown (0: all).")] = 0,
    start: StartOption = None,
    end: EndOption = None,
) -> None:
    """Deduplicated events and the reports behind them per directed dyad, with QuadClass counts and
    Goldstein sum and mean."""
    try:
        _require_store(db)
        _print_dyads(db, format, top or None, start, end)
    except DyadwatchError as exc:
        _fail(exc)


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor: country (SRB), code (SRBGOV) or IGO:EU.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOption = Path("dyadwatch.duckdb"),
    by: Annotated[Period, typer.Option("--by", help="Period of the series.")] = Period.month,
    start: StartOption = None,
    end: EndOption = None,
    format: FormatOption = TableFormat.table,
    plot: Annotated[
        Path | None, typer.Option(help="Also draw both directions to this PNG file.")
    ] = None,
) -> None:
    """The series of a dyad in both directions: events and reports per QuadClass, Goldstein sum and
    mean, per day, week, month, quarter or year (periods without events are zeros)."""
    from .aggregates import dyad_series

    try:
        with _open_store(db) as store:
            rows = store.query(*dyad_series(a, b, by.value, start, end))
        if plot is not None:
            from .plots import plot_dyad_series

            plot_dyad_series(rows, f"{a.upper()} and {b.upper()} by {by.value}", plot)
    except DyadwatchError as exc:
        _fail(exc)
        return
    if not rows and format is TableFormat.table:
        typer.echo(f"(no dated events between {a.upper()} and {b.upper()})")
    else:
        _write_rows(_compact(rows, ("period", "direction"), format), format)
    if plot is not None:
        typer.echo(f"chart written to {plot}", err=True)


@app.command()
def network(
    db: DbOption = Path("dyadwatch.duckdb"),
    start: StartOption = None,
    end: EndOption = None,
    level: Annotated[
        str, typer.Option(help="Actor level: country (countries and IGOs) or code.")
    ] = "country",
    min_events: Annotated[int, typer.Option(min=1, help="Smallest edge shown.")] = 1,
    format: FormatOption = TableFormat.table,
) -> None:
    """Directed actor network edges over a date range: events, reports, QuadClass, Goldstein."""
    from .aggregates import network as network_query

    try:
        with _open_store(db) as store:
            rows = store.query(*network_query(level, start, end, min_events))
    except DyadwatchError as exc:
        _fail(exc)
        return
    _write_rows(_compact(rows, ("source", "target"), format), format)


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"
    plover = "plover"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="File to write.")],
    db: DbOption = Path("dyadwatch.duckdb"),
    table: Annotated[
        str,
        typer.Option(help="events, mentions, quotes, articles, links, actors, rejects or runs."),
    ] = "events",
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.parquet,
) -> None:
    """Export a table as Parquet, CSV or JSON Lines; events also as GDELT 2.0 TSV or PLOVER JSON."""
    from .exports import export as export_table

    try:
        with _open_store(db) as store:
            rows = export_table(store.con, table, format.value, out)
    except DyadwatchError as exc:
        _fail(exc)
        return
    typer.echo(f"{rows} {table} rows written to {out} ({format.value})")


@app.command()
def dedup(
    db: DbOption = Path("dyadwatch.duckdb"),
    window: Annotated[
        int | None, typer.Option(min=0, help="Days between mentions of one event.")
    ] = None,
    level: Annotated[
        str | None, typer.Option(help="Code level that must agree: code, base or root.")
    ] = None,
    location: Annotated[
        bool | None,
        typer.Option("--location/--no-location", help="Different places: different events."),
    ] = None,
) -> None:
    """Show the rule that merges event mentions into events, or change it and re-derive every event."""
    from dataclasses import replace

    from .store import Store

    try:
        _require_store(db)
        with Store(db) as store:
            rule = store.match_rule
            before = store.counts()["events"]
            changes: dict[str, Any] = {}
            if window is not None:
                changes["window_days"] = window
            if level is not None:
                changes["code_level"] = level
            if location is not None:
                changes["use_location"] = location
            if changes:
                rule = replace(rule, **changes)
                after = store.set_match_rule(rule)
            else:
                after = before
            mentions = store.counts()["event_mentions"]
    except DyadwatchError as exc:
        _fail(exc)
        return
    typer.echo(
        f"rule: window {rule.window_days} day(s), code level {rule.code_level}, "
        f"location {'on' if rule.use_location else 'off'}"
    )
    typer.echo(
        f"{mentions} event mentions -> {after} events" + (f" (was {before})" if changes else "")
    )


@app.command()
def runs(
    db: DbOption = Path("dyadwatch.duckdb"),
    format: FormatOption = TableFormat.table,
) -> None:
    """Runs recorded in a store: versions, configuration hash, status and counts."""
    try:
        with _open_store(db) as store:
            rows = store.runs()
    except DyadwatchError as exc:
        _fail(exc)
        return
    _write_rows(rows, format)


@app.command(name="eval")
def eval_command(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold JSON/JSONL files or peer suites (JSONL).")
    ] = None,  # type: ignore[assignment]
    predictions: Annotated[
        Path | None, typer.Option(help="Score these saved predictions instead of coding.")
    ] = None,
    format: FormatOption = TableFormat.table,
    floors: Annotated[
        Path | None, typer.Option(help="Check every suite of this floors file.")
    ] = None,
    shared: Annotated[
        Path, typer.Option(help="Folder the floors file's paths are relative to.")
    ] = Path("../shared"),
    model: ModelOption = None,
    dictionaries: DictOption = None,
    skip_sentences: Annotated[
        bool, typer.Option(help="Score with sentence skipping on (to measure what it costs).")
    ] = False,
) -> None:
    """Score coding quality against gold articles and peer suites (P/R/F1 by level and root)."""
    from .api import DEFAULTS
    from .evaluate import format_gold_table, format_peer_table
    from .quotes_eval import format_quotes_table
    from .scoring import (
        check_floors,
        evaluate_file,
        format_geowebnews_table,
        format_pentaclass_table,
        format_plover_table,
    )

    DEFAULTS["skip_sentences"] = skip_sentences
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    try:
        for path in gold or []:
            results.append(evaluate_file(path, predictions, model, dictionaries or [], shared))
        if floors is not None:
            checked, failures = check_floors(floors, shared, model)
            results.extend(checked)
    except DyadwatchError as exc:
        _fail(exc)
    if not results:
        _fail(DyadwatchError("nothing to evaluate: give gold files or --floors"))
    if format is TableFormat.json:
        typer.echo(json.dumps(results, indent=2, default=str))
    else:
        for result in results:
            title = result.get("suite") or result.get("file")
            typer.echo(f"== {title}")
            if "skipped" in result:
                typer.echo(f"skipped: {result['skipped']}\n")
                continue
            if result["kind"] == "quotes":
                table = format_quotes_table(result)
            elif result["kind"] == "geowebnews":
                table = format_geowebnews_table(result)
            elif result["kind"] == "pentaclass":
                table = format_pentaclass_table(result)
            elif result["kind"] == "plover":
                table = format_plover_table(result)
            elif result["kind"] == "peer":
                table = format_peer_table(result)
            else:
                table = format_gold_table(result)
                quotes = result.get("quotes") or {}
                if quotes.get("quotes"):
                    table += (
                        f"\nquotes: {quotes['found']}/{quotes['quotes']} found, speaker accuracy "
                        f"{quotes['speaker_accuracy']}, via accuracy {quotes['via_accuracy']}"
                    )
            typer.echo(table + "\n")
    for failure in failures:
        typer.echo(f"floor not met: {failure}", err=True)
    if failures:
        raise typer.Exit(EXIT_REJECTS)


@app.command()
def actors(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Articles to resolve now (default: read the store).")
    ] = None,
    db: DbOption = Path("dyadwatch.duckdb"),
    code: Annotated[
        str | None, typer.Option(help="Only actors whose code starts with this (SRBGOV, SRB).")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Only actors whose name or text contains this.")
    ] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's mentions.")] = None,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="List every mention, not totals.")
    ] = False,
    format: FormatOption = TableFormat.table,
    model: ModelOption = None,
    dictionaries: DictOption = None,
) -> None:
    """List resolved actors (totals, or every mention with its text and the rule that resolved it)."""
    try:
        store = _store_for(paths, db, model, dictionaries)
        with store:
            rows = (
                store.actor_mentions(code, name, article)
                if mentions or article
                else store.actor_summary(code, name)
            )
    except DyadwatchError as exc:
        _fail(exc)
        return
    _write_rows(rows, format)


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="A sentence or short text to code.")],
    date: Annotated[
        str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD).")
    ] = None,
    model: ModelOption = None,
    dictionaries: DictOption = None,
) -> None:
    """Show the parse, the actors, every pattern tried and why each event was or was not emitted."""
    from .api import get_coder
    from .pipeline import explain as explain_text

    try:
        result = explain_text(get_coder(model, dictionaries=dictionaries or []), text, date)
    except DyadwatchError as exc:
        _fail(exc)
        return
    for number, sentence in enumerate(result.sentences):
        typer.echo(f"== sentence {number}: {sentence['sentence']}")
        typer.echo(
            _table(
                ["i", "word", "lemma", "pos", "dep", "head", "ent"],
                [list(t) for t in sentence["tokens"]],
            )
        )
        typer.echo("actors:")
        for words, code, rule in sentence["actors"] or [("(none)", "", "")]:
            typer.echo(f"  {words}  ->  {code}  [{rule}]")
        typer.echo("decisions:")
        for line in sentence["trace"] or ["(no pattern word in this sentence)"]:
            typer.echo(f"  {line}")
        typer.echo("")
    typer.echo("events:")
    if not result.events:
        typer.echo("  (none)")
    for event in result.events:
        target = event.target.code if event.target else "-"
        typer.echo(
            f"  {event.source.code} -> {target}  {event.cameo}  date {event.date}  "
            f"confidence {event.confidence:.2f}\n    {event.evidence}"
        )


@app.command()
def quotes(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Articles to read now (default: read the store).")
    ] = None,
    db: DbOption = Path("dyadwatch.duckdb"),
    speaker: Annotated[
        str | None, typer.Option(help="Only speakers whose code starts with this (SRBGOV).")
    ] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's quotes.")] = None,
    format: FormatOption = TableFormat.table,
    model: ModelOption = None,
) -> None:
    """List quotes: who said what, through whom, and the events coded from it."""
    try:
        store = _store_for(paths, db, model, None)
        with store:
            rows = store.quotes(speaker, article)
    except DyadwatchError as exc:
        _fail(exc)
        return
    _write_rows(rows, format)


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store to serve.")] = Path(
        "dyadwatch.duckdb"
    ),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DYADWATCH_TOKEN",
            help="Bearer token that POST endpoints need when not on loopback.",
        ),
    ] = None,
    max_body: Annotated[
        int, typer.Option(min=1024, help="Largest request body accepted, in bytes.")
    ] = 2 * 1024 * 1024,
    model: ModelOption = None,
    get: Annotated[
        str | None,
        typer.Option("--get", help="Answer one GET request (e.g. /api/health) and exit."),
    ] = None,
) -> None:
    """Serve the HTTP API over a store (see docs/api.md), or answer one request with --get."""
    try:
        _require_store(db)
        from .server import create_app

        application = create_app(str(db), host=host, token=token, max_body=max_body, model=model)
    except DyadwatchError as exc:
        _fail(exc)
        return
    if get is not None:
        from .server import answer_one

        status, body = answer_one(application, get)
        typer.echo(json.dumps(body, indent=2, ensure_ascii=False))
        if status >= 400:
            raise typer.Exit(EXIT_REJECTS)
        return
    import uvicorn

    typer.echo(f"dyadwatch API on http://{host}:{port}/api/health (Ctrl-C stops)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def main() -> None:
    """Entry point of the ``dyadwatch`` script."""
    app()


if __name__ == "__main__":
    main()
