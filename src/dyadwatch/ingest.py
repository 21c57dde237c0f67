"""Ingest: turn paths into raw input items, or into rejects with a reason.

This stage only reads bytes and decides what kind of item they hold (plain text, HTML, or a JSON record
from a JSONL file). Turning an item into an article is :mod:`dyadwatch.extract`'s job.

Checks run cheapest first, so a 50 MB binary file costs one ``stat`` call, not a read:

1. size (``too_large`` above ``max_bytes``; ``empty`` at zero bytes),
2. binary sniffing on the first block (``not_text``: NUL bytes or many control characters),
3. UTF-8 decoding (``bad_encoding``, naming the byte offset),
4. per line of a JSONL file: JSON parsing (``bad_json``) and shape (``bad_record``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError
from .records import RawItem, Reject

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
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES


@dataclass
class IngestOptions:
    """Options of the ingest stage.

    Attributes:
        max_bytes: the largest file (or JSONL line) accepted; larger ones are rejected ``too_large``.
    """

    max_bytes: int = DEFAULT_MAX_BYTES


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | Reject]:
    """Expand files and directories (recursively, sorted) into input files.

    Directories contribute files with a known suffix only (README and other documentation files are
    skipped); a path named explicitly is always taken. A path that does not exist becomes a reject.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
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
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size == 0:
            raise IngestError(name, "empty", "file is empty")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, options)
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


def read_paths(
    paths: Iterable[str | Path], options: IngestOptions | None = None
) -> Iterator[RawItem | Reject]:
    """Read every input under ``paths`` into raw items and rejects, in a stable order."""
    for entry in iter_paths(paths):
        if isinstance(entry, Reject):
            yield entry
        else:
            yield from read_path(entry, options)


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
