"""Ingest: every bad input becomes a reject with a reason naming the item; the batch goes on."""

from __future__ import annotations

import json

from dyadwatch.ingest import IngestOptions, read_paths
from dyadwatch.records import RawItem, Reject


def _by_item(results):
    return {r.item: r for r in results}


def test_ingest_rejects_each_bad_file_with_its_reason_and_keeps_going(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protested in Paris.".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Leaders meet\n\nThe two leaders met in Paris on Monday.")
    results = list(read_paths([tmp_path]))
    by_item = _by_item(results)
    assert by_item[str(tmp_path / "empty.txt")].reason == "empty"
    assert by_item[str(tmp_path / "blank.txt")].reason == "empty"
    assert by_item[str(tmp_path / "binary.txt")].reason == "not_text"
    latin = by_item[str(tmp_path / "latin1.txt")]
    assert latin.reason == "bad_encoding" and "byte 3" in latin.message
    good = by_item[str(tmp_path / "good.txt")]
    assert isinstance(good, RawItem) and good.kind == "text" and good.default_id == "good"


def test_ingest_rejects_a_50_mb_file_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: size is checked before any read
    (reject,) = list(read_paths([big]))
    assert isinstance(reject, Reject)
    assert reject.reason == "too_large" and "52428800 bytes" in reject.message


def test_ingest_size_limit_is_an_option(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x" * 100)
    (reject,) = list(read_paths([path], IngestOptions(max_bytes=10)))
    assert reject.reason == "too_large"


def test_ingest_jsonl_bad_line_is_rejected_by_line_number_and_other_lines_survive(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Serbia and China signed a deal."}),
        "{not json",
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "a2", "text": "Kosovo protested."}),
    ]
    path.write_bytes(("\n".join(lines)).encode() + b"\n" + b"\xff\xfe bad bytes\n")
    results = list(read_paths([path]))
    items = {r.item: r for r in results}
    assert isinstance(items[f"{path}:1"], RawItem) and items[f"{path}:1"].content["id"] == "a1"
    assert items[f"{path}:2"].reason == "bad_json"
    assert items[f"{path}:3"].reason == "bad_record"
    assert items[f"{path}:5"].content["id"] == "a2"
    assert items[f"{path}:6"].reason == "bad_encoding"
    assert f"{path}:4" not in items  # blank lines are not items


def test_ingest_directories_recurse_in_order_and_skip_documentation(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "README.md").write_text("# not an article")
    (tmp_path / "notes.yaml").write_text("a: b")
    items = list(read_paths([tmp_path]))
    assert [i.item for i in items] == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.html")]
    assert items[1].kind == "html"


def test_ingest_missing_path_is_a_reject(tmp_path):
    (reject,) = list(read_paths([tmp_path / "nope.txt"]))
    assert reject.reason == "missing"


def test_ingest_sniffs_html_in_a_file_without_html_suffix(tmp_path):
    path = tmp_path / "page.dat"
    path.write_text("<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    (item,) = list(read_paths([path]))
    assert item.kind == "html"
