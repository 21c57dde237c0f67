"""Ingest: turn paths, globs and URLs into raw input items, or into rejects with a reason.

This stage only reads bytes and decides what kind of item they hold (plain text, HTML, or a JSON record
from a JSONL/JSON file, a CSV row or a WARC response). Turning an item into an article is
:mod:`dyadwatch.extract`'s job. Inputs:

* files and folders (recursive, sorted; folders contribute the known suffixes only);
* globs (``data/2024-*/**/*.jsonl``), expanded recursively and sorted;
* ``.csv`` files: one article per row, the text in ``--text-column`` (default: the first of ``text``,
  ``body``, ``content``, ``article``), with ``id``, ``title``, ``url``, ``published``/``date``,
  ``publisher``/``source``, ``author`` and ``section`` columns used when present;
* ``.warc``/``.warc.gz`` web archives: every HTML response, as a record with its URL (``warcio``);
* ``http(s)://`` URLs of RSS/Atom feeds, sitemaps and pages, fetched by :mod:`dyadwatch.fetch`.

Checks run cheapest first, so a 50 MB binary file costs one ``stat`` call, not a read:

1. size (``too_large`` above ``max_bytes``; ``empty`` at zero bytes),
2. binary sniffing on the first block (``not_text``: NUL bytes or many control characters),
3. UTF-8 decoding (``bad_encoding``, naming the byte offset),
4. per line of a JSONL file: JSON parsing (``bad_json``) and shape (``bad_record``).
"""

from __future__ import annotations

import csv
import glob
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IngestError
from .records import RawItem, Reject

if TYPE_CHECKING:
    from .fetch import FetchOptions as FetchSettings

#: Default size limit of one input file (JSONL files are limited per line instead).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Bytes inspected to decide whether a file is text.
SNIFF_BYTES = 8192
#: Share of control characters (other than tab, newline, carriage return, form feed) above which a
#: block is taken for binary data. Real text has none; 5% tolerates a few stray bytes.
MAX_CONTROL_SHARE = 0.05

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
KNOWN_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES
)
TEXT_COLUMNS = ("text", "body", "content", "article")
#: CSV columns read as record fields, by the record field they fill.
CSV_FIELDS = {
    "id": ("id", "article_id", "doc_id"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publication_date"),
    "publisher": ("publisher", "source", "outlet"),
    "author": ("author", "byline"),
    "section": ("section", "category"),
}


def suffix_of(path: Path) -> str:
    """The input kind's suffix: ``.warc.gz`` counts as one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


@dataclass
class IngestOptions:
    """Options of the ingest stage.

    Attributes:
        max_bytes: the largest file (or JSONL line, CSV row, WARC record, web response) accepted;
            larger ones are rejected ``too_large``.
        text_column: the CSV column holding the article text (default: found by name).
        fetch: how URLs are fetched (default :class:`~dyadwatch.fetch.FetchOptions`).
        skip_url: a URL for which it returns True is not fetched (already stored).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    text_column: str | None = None
    fetch: FetchSettings | None = None
    skip_url: Callable[[str], bool] | None = field(default=None, repr=False)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | Reject]:
    """Expand files and directories (recursively, sorted) into input files.

    Directories contribute files with a known suffix only (README and other documentation files are
    skipped); a path named explicitly is always taken. A path that does not exist becomes a reject.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and suffix_of(child) in KNOWN_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        elif glob.has_magic(str(raw)):
            matches = sorted(glob.glob(str(raw), recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                yield Reject(str(raw), "ingest", "missing", "no file matches the pattern")
            yield from files
        else:
            yield Reject(str(path), "ingest", "missing", "no such file or directory")


def _looks_binary(block: bytes) -> bool:
    if b"\x00" in block:
        return True
    if not block:
        return False
    control = sum(1 for b in block if b < 32 and b not in (9, 10, 12, 13))
    return control / len(block) > MAX_CONTROL_SHARE


def _decode(data: bytes, item: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            item,
            "bad_encoding",
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})",
        ) from exc


def _kind_of(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text.lstrip()[:1000].lower()
    if head.startswith("<!doctype html") or "<html" in head or head.startswith("<article"):
        return "html"
    return "text"


def _record_items(
    lines: Iterable[tuple[int, str | None]], name: str, stem: str, options: IngestOptions
) -> Iterator[RawItem | Reject]:
    for number, line in lines:
        item = f"{name}:{number}"
        if line is None:
            yield Reject(item, "ingest", "bad_encoding", "line is not valid UTF-8")
            continue
        if not line.strip():
            continue
        if len(line) > options.max_bytes:
            yield Reject(
                item,
                "ingest",
                "too_large",
                f"line of {len(line)} characters exceeds the limit of {options.max_bytes} bytes",
            )
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(
                item, "ingest", "bad_json", f"line is not JSON ({exc.msg} at column {exc.colno})"
            )
            continue
        if not isinstance(obj, dict):
            yield Reject(
                item, "ingest", "bad_record", f"expected a JSON object, got {type(obj).__name__}"
            )
            continue
        yield RawItem(item=item, kind="record", content=obj, default_id=f"{stem}-{number}")


def read_path(path: Path, options: IngestOptions | None = None) -> Iterator[RawItem | Reject]:
    """Read one file into raw items (one for text/HTML, one per line for JSONL) or rejects."""
    options = options or IngestOptions()
    name = str(path)
    suffix = suffix_of(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise IngestError(name, "empty", "file is empty")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, options)
            return
        if suffix in WARC_SUFFIXES:
            yield from _read_warc(path, options)
            return
        if suffix in CSV_SUFFIXES:
            yield from _read_csv(path, options)
            return
        if size > options.max_bytes:
            raise IngestError(
                name,
                "too_large",
                f"file of {size} bytes exceeds the limit of {options.max_bytes} bytes",
            )
        with path.open("rb") as handle:
            data = handle.read()
        if _looks_binary(data[:SNIFF_BYTES]):
            raise IngestError(name, "not_text", "binary data, not text")
        text = _decode(data, name)
        if not text.strip():
            raise IngestError(name, "empty", "file holds only whitespace")
        if suffix in JSON_SUFFIXES:
            yield from _read_json(text, name, path.stem, options)
            return
        yield RawItem(item=name, kind=_kind_of(path, text), content=text, default_id=path.stem)
    except IngestError as exc:
        yield Reject(exc.item, "ingest", exc.reason, exc.detail)
    except OSError as exc:
        yield Reject(name, "ingest", "unreadable", f"cannot read: {exc.strerror or exc}")


def _read_jsonl(path: Path, options: IngestOptions) -> Iterator[RawItem | Reject]:
    name = str(path)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if _looks_binary(head):
            raise IngestError(name, "not_text", "binary data, not JSON lines")
        handle.seek(0)

        def lines() -> Iterator[tuple[int, str | None]]:
            for number, raw in enumerate(handle, start=1):
                try:
                    yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    yield number, None  # a bad line is its own reject; the rest of the file goes on

        yield from _record_items(lines(), name, path.stem, options)


def _read_json(
    text: str, name: str, stem: str, options: IngestOptions
) -> Iterator[RawItem | Reject]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(name, "bad_json", f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    objects = obj if isinstance(obj, list) else [obj]
    for index, entry in enumerate(objects, start=1):
        item = name if len(objects) == 1 else f"{name}[{index}]"
        if not isinstance(entry, dict):
            yield Reject(
                item, "ingest", "bad_record", f"expected a JSON object, got {type(entry).__name__}"
            )
            continue
        default = stem if len(objects) == 1 else f"{stem}-{index}"
        yield RawItem(item=item, kind="record", content=entry, default_id=default)


def _read_csv(path: Path, options: IngestOptions) -> Iterator[RawItem | Reject]:
    name = str(path)
    with path.open("rb") as handle:
        if _looks_binary(handle.read(SNIFF_BYTES)):
            raise IngestError(name, "not_text", "binary data, not CSV")
    csv.field_size_limit(max(options.max_bytes, 131072))
    try:
        handle_text = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise IngestError(name, "unreadable", f"cannot read: {exc}") from exc
    with handle_text as text:
        reader = csv.DictReader(text)
        header = [h.strip() for h in reader.fieldnames or []]
        lowered = {h.lower(): h for h in header}
        wanted = options.text_column
        column = (
            lowered.get(wanted.lower())
            if wanted
            else next((lowered[c] for c in TEXT_COLUMNS if c in lowered), None)
        )
        if column is None:
            raise IngestError(
                name,
                "bad_csv",
                f"no text column {'named ' + repr(wanted) if wanted else 'found'} "
                f"among {', '.join(header) or 'no columns'} (use --text-column)",
            )
        fields = {
            key: next((lowered[c] for c in names if c in lowered), None)
            for key, names in CSV_FIELDS.items()
        }
        try:
            for number, row in enumerate(reader, start=2):
                item = f"{name}:{number}"
                body = (row.get(column) or "").strip()
                if not body:
                    yield Reject(item, "ingest", "empty", f"column {column!r} is empty")
                    continue
                if len(body) > options.max_bytes:
                    yield Reject(item, "ingest", "too_large", f"row text of {len(body)} characters")
                    continue
                record = {k: row[c].strip() for k, c in fields.items() if c and row.get(c)}
                record["text"] = body
                yield RawItem(item, "record", record, f"{path.stem}-{number}")
        except (csv.Error, UnicodeDecodeError) as exc:
            yield Reject(f"{name}:{reader.line_num}", "ingest", "bad_csv", str(exc))


def _read_warc(path: Path, options: IngestOptions) -> Iterator[RawItem | Reject]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .fetch import url_id

    name = str(path)
    with path.open("rb") as handle:
        head = handle.read(5)
        handle.seek(0)
        if head[:2] != b"\x1f\x8b" and head != b"WARC/":
            raise IngestError(name, "bad_warc", "not a WARC file (no WARC/1.x header or gzip data)")
        try:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{number}"
                item = f"{name}:{url}"
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type:
                    continue  # images, scripts, styles: not articles
                status = record.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                body = record.content_stream().read(options.max_bytes + 1)
                if len(body) > options.max_bytes:
                    yield Reject(item, "ingest", "too_large", f"response over {options.max_bytes}")
                    continue
                charset = "utf-8"
                if "charset=" in content_type:
                    charset = content_type.split("charset=", 1)[1].split(";")[0].strip("\"' ")
                try:
                    html = body.decode(charset, errors="replace")
                except LookupError:
                    html = body.decode("utf-8", errors="replace")
                record_dict = {
                    "id": url_id(url),
                    "url": url,
                    "html": html,
                    "crawled": record.rec_headers.get_header("WARC-Date"),
                }
                yield RawItem(item, "record", record_dict, url_id(url))
        except (ArchiveLoadFailed, OSError, ValueError) as exc:
            yield Reject(name, "ingest", "bad_warc", f"not a readable WARC file: {exc}")


def read_paths(
    paths: Iterable[str | Path], options: IngestOptions | None = None
) -> Iterator[RawItem | Reject]:
    """Read every input under ``paths`` (files, folders, globs, URLs) into raw items and rejects,
    in a stable order."""
    from .fetch import Fetcher, FetchOptions, is_url, read_url

    options = options or IngestOptions()
    fetcher: Fetcher | None = None
    try:
        for raw in paths:
            if is_url(str(raw)):
                if fetcher is None:
                    fetcher = Fetcher(options.fetch or FetchOptions(max_bytes=options.max_bytes))
                yield from read_url(str(raw), fetcher, options.skip_url)
                continue
            for entry in iter_paths([raw]):
                if isinstance(entry, Reject):
                    yield entry
                else:
                    yield from read_path(entry, options)
    finally:
        if fetcher is not None:
            fetcher.close()


def read_text(text: str, item: str = "<text>", article_id: str | None = None) -> RawItem:
    """Wrap a string (text or HTML) as a raw item, for coding text that is not in a file."""
    kind = _kind_of(Path(item), text)
    return RawItem(item=item, kind=kind, content=text, default_id=article_id or "text")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestOptions",
    "iter_paths",
    "read_path",
    "read_paths",
    "read_text",
]
