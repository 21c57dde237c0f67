"""The ``dyadwatch`` command line: a thin wrapper over :mod:`dyadwatch.api`.

Exit codes: 0 success; 1 some input items were rejected (the rest was processed) or a quality floor
was not met; 2 bad usage; 3 an error stopped the command (one line on stderr; ``--debug`` shows the
traceback).
"""

from __future__ import annotations

import json
import sys
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


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Event data from news: who did what to whom, when and where."""
    _state["debug"] = debug
    if version:
        typer.echo(f"dyadwatch {__version__}")
        raise typer.Exit(0)


@app.command()
def code(
    files: Annotated[
        list[Path], typer.Argument(help="Articles: .txt, .html, .jsonl, .json or folders.")
    ],
    format: Annotated[
        EventFormat, typer.Option("--format", "-f", help="Output format.")
    ] = EventFormat.jsonl,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = MAX_BYTES,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dict", help="User dictionary file or folder (repeatable)."),
    ] = None,
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
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB store (created if missing).")] = Path(
        "dyadwatch.duckdb"
    ),
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per batch and transaction.")
    ] = 32,
    max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = MAX_BYTES,
    summary: Annotated[bool, typer.Option(help="Print events per dyad at the end.")] = True,
    top: Annotated[int, typer.Option(min=0, help="Dyads shown in the summary (0: all).")] = 12,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dict", help="User dictionary file or folder (repeatable)."),
    ] = None,
) -> None:
    """Code articles into a DuckDB store: articles, events and rejects. Re-running adds nothing."""
    from .api import RunReport
    from .api import run as run_batch
    from .ingest import IngestOptions

    show = sys.stderr.isatty()

    def progress(report: RunReport) -> None:
        if show:
            typer.echo(
                f"\r{report.articles_read} articles read, {report.articles_coded} coded, "
                f"{report.events_added} events",
                err=True,
                nl=False,
            )

    try:
        report = run_batch(
            paths,
            db,
            model=model,
            batch_size=batch_size,
            options=IngestOptions(max_bytes=max_bytes),
            dictionaries=dictionaries or [],
            progress=progress,
        )
    except DyadwatchError as exc:
        _fail(exc)
        return
    if show:
        typer.echo("", err=True)
    typer.echo(
        f"{report.articles_read} articles read: {report.articles_coded} coded, "
        f"{report.articles_unchanged} unchanged; {report.events_added} events added; "
        f"{len(report.rejects)} rejected -> {db}"
    )
    _report_rejects(report.rejects)
    if summary:
        typer.echo("")
        _print_dyads(db, TableFormat.table, top or None)
    if report.rejects:
        raise typer.Exit(EXIT_REJECTS)


def _print_dyads(db: Path, fmt: TableFormat, top: int | None = None) -> None:
    from .store import Store

    with Store(db, read_only=True) as store:
        rows = store.dyad_summary()
    shown = rows[:top] if top else rows
    _write_rows(shown, fmt)
    if fmt is TableFormat.table and len(shown) < len(rows):
        typer.echo(f"... {len(rows) - len(shown)} more dyads: dyadwatch dyads --db {db}")


@app.command()
def dyads(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store.")] = Path("dyadwatch.duckdb"),
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    top: Annotated[int, typer.Option(min=0, help="Dyads shown (0: all).")] = 0,
) -> None:
    """Events per directed dyad in a store, with QuadClass counts and mean Goldstein."""
    if not db.exists():
        _fail(DyadwatchError(f"no store at {db}"))
    try:
        _print_dyads(db, format, top or None)
    except DyadwatchError as exc:
        _fail(exc)


@app.command(name="eval")
def eval_command(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold JSON/JSONL files or peer suites (JSONL).")
    ] = None,  # type: ignore[assignment]
    predictions: Annotated[
        Path | None, typer.Option(help="Score these saved predictions instead of coding.")
    ] = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    floors: Annotated[
        Path | None, typer.Option(help="Check every suite of this floors file.")
    ] = None,
    shared: Annotated[
        Path, typer.Option(help="Folder the floors file's paths are relative to.")
    ] = Path("../shared"),
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dict", help="User dictionary file or folder (repeatable)."),
    ] = None,
) -> None:
    """Score coding quality against gold articles and peer suites (P/R/F1 by level and root)."""
    from .evaluate import format_gold_table, format_peer_table
    from .quotes_eval import format_quotes_table
    from .scoring import (
        check_floors,
        evaluate_file,
        format_geowebnews_table,
        format_pentaclass_table,
    )

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
    db: Annotated[Path, typer.Option("--db", help="DuckDB store.")] = Path("dyadwatch.duckdb"),
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
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dict", help="User dictionary file or folder (repeatable)."),
    ] = None,
) -> None:
    """List resolved actors (totals, or every mention with its text and the rule that resolved it)."""
    from .store import Store

    try:
        if paths:
            from .api import code_files
            from .pipeline import CodedArticle

            store = Store(":memory:")
            store.write(
                [
                    r
                    for r in code_files(paths, model=model, dictionaries=dictionaries or [])
                    if isinstance(r, CodedArticle)
                ]
            )
        elif not db.exists():
            raise DyadwatchError(
                f"no store at {db}: run `dyadwatch run` first or give article files"
            )
        else:
            store = Store(db, read_only=True)
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
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dict", help="User dictionary file or folder (repeatable)."),
    ] = None,
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
    db: Annotated[Path, typer.Option("--db", help="DuckDB store.")] = Path("dyadwatch.duckdb"),
    speaker: Annotated[
        str | None, typer.Option(help="Only speakers whose code starts with this (SRBGOV).")
    ] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's quotes.")] = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
) -> None:
    """List quotes: who said what, through whom, and the events coded from it."""
    from .store import Store

    try:
        if paths:
            from .api import code_files
            from .pipeline import CodedArticle

            store = Store(":memory:")
            store.write([r for r in code_files(paths, model=model) if isinstance(r, CodedArticle)])
        elif not db.exists():
            raise DyadwatchError(
                f"no store at {db}: run `dyadwatch run` first or give article files"
            )
        else:
            store = Store(db, read_only=True)
        with store:
            rows = store.quotes(speaker, article)
    except DyadwatchError as exc:
        _fail(exc)
        return
    _write_rows(rows, format)


def main() -> None:
    """Entry point of the ``dyadwatch`` script."""
    app()


if __name__ == "__main__":
    main()
