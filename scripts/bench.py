"""Benchmark: how close the full pipeline runs to the speed of spaCy itself, on the same articles.

Stages, each in its own process so that each peak RSS is its own (summed over worker processes,
sampled every 0.25 s, the list of workers every 2 s):

* ``tokenize`` — spaCy's tokenizer only: the physical limit;
* ``parse`` / ``parse2`` — spaCy's parser and NER alone (with the tok2vec layer they listen to; tagger,
  attribute ruler and lemmatiser off) on one and on two processes (``nlp.pipe(n_process=2)``): the
  parse bound;
* ``pipeline`` — the whole spaCy pipeline dyadwatch loads (tagger, lemmatiser and attribute ruler too),
  one process: what the coder's inputs cost before any coding;
* ``full`` / ``full2`` — ``dyadwatch run`` end to end (extract, deduplicate, parse, actors, events,
  quotes, DuckDB writes and event derivation) on one process and with ``--workers 2``, worker start-up
  included; ``full2skip`` the same with ``--skip-sentences``. ``full2cold`` is ``full2`` run first,
  with the bench's memo folder (:mod:`dyadwatch.fastpipe`) still empty, as on a first run after
  installing; every later stage finds the memo it left, as every later run would;
* ``resolve`` — the pipeline again with the time spent in actor resolution and event coding measured
  inside the full coder (instrumented), to report what resolution and coding add; and all the work
  done to a parsed article (actors, events, reported speech, dates, places, quotes), against the
  parse of the same articles in the same run (``after_parse_vs_parse``: the median of its runs'
  ratios, each run's under ``after_parse_vs_parse_runs``).

Articles: the Wikinews articles of ``../shared/reference/news`` when present, else the bundled examples
repeated. The machine's speed varies from minute to minute, so the stages the ratios compare are run
``--repeat`` times (default 3), interleaved, and each is reported by its fastest run (all runs are
kept under ``runs_seconds``; the two-process ratios are also given from the medians). The bench uses a memo folder of its own, empty at the start. Results are printed
and written to ``bench-results/bench.json``.

Usage: ``python scripts/bench.py [--shared ../shared] [--limit N] [--out bench-results/bench.json]``
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = (
    "tokenize",
    "full2cold",
    "pipeline",
    "parse",
    "parse2",
    "full",
    "full2",
    "full2skip",
    "resolve",
)
#: Stages the ratios compare: run ``--repeat`` times, interleaved.
REPEATED = ("parse", "parse2", "full", "full2", "full2skip", "resolve")


def load_articles(shared: Path, limit: int) -> list[dict[str, str]]:
    folder = shared / "reference" / "news" / "wikinews-vanatteveldt"
    rows: list[dict[str, str]] = []
    if folder.exists():
        csv.field_size_limit(10**8)
        for path in sorted(folder.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    rows.append(
                        {
                            "id": row["url"].rsplit("/", 1)[-1],
                            "title": row["title"],
                            "text": row["text"],
                            "published": row["date"],
                        }
                    )
    else:
        from dyadwatch.extract import extract
        from dyadwatch.ingest import read_paths

        examples = [
            extract(item)
            for item in read_paths([ROOT / "examples" / "articles"])
            if not hasattr(item, "reason")
        ]
        for copy in range(
            20
        ):  # the same texts again: "repeated" keeps them from being linked as copies
            rows += [
                {
                    "id": f"{a.article_id}-{copy}",
                    "title": a.title or "",
                    "text": a.text,
                    "published": a.published or "",
                    "repeated": True,
                }
                for a in examples
            ]
    return rows[:limit] if limit else rows


class PeakRSS:
    """Peak resident memory of this process and its children, summed, sampled in a thread."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        processes: list[psutil.Process] = []
        listed = 0.0
        while not self._stop.is_set():
            if time.monotonic() - listed > 2.0:  # listing children scans /proc: not every sample
                processes, listed = [me, *me.children(recursive=True)], time.monotonic()
            total = 0
            for proc in processes:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total / 2**20)
            self._stop.wait(0.25)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def stage(name: str, data: Path) -> dict[str, float]:
    with PeakRSS() as sampled:
        result = _stage(name, data)
    result["peak_rss_mb"] = round(max(result["peak_rss_mb"], sampled.peak), 1)
    return result


def _stage(name: str, data: Path) -> dict[str, float]:
    from dyadwatch.extract import extract_record

    rows = [json.loads(line) for line in data.read_text("utf-8").splitlines()]
    articles = [extract_record(r, r["id"]) for r in rows]
    texts = [a.text[p.start : p.end] for a in articles for p in a.paragraphs]
    started = time.perf_counter()
    sentences = 0
    extra: dict[str, float] = {}
    if name == "tokenize":
        from dyadwatch.nlp import load_pipeline

        nlp = load_pipeline()
        started = time.perf_counter()
        for _doc in nlp.tokenizer.pipe(texts, batch_size=32):
            pass  # the tokenizer finds no sentences: the parse stage's count is used for its rate
    elif name in ("parse", "parse2", "pipeline"):
        from dyadwatch.nlp import load_pipeline

        nlp = load_pipeline()
        if name != "pipeline":
            nlp.select_pipes(enable=["tok2vec", "parser", "ner"])
        started = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=32, n_process=2 if name == "parse2" else 1):
            sentences += sum(1 for _ in doc.sents)
    elif name in ("full", "full2", "full2skip", "full2cold"):
        from dyadwatch.api import get_coder, run

        if name == "full":
            get_coder()  # as the parse stages load their pipeline before the clock
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            repeated = any(r.get("repeated") for r in rows)
            report = run(
                [data],
                Path(folder) / "bench.duckdb",
                dedup_threshold=None if repeated else 0.8,
                workers=1 if name == "full" else 2,
                skip_sentences=name == "full2skip",
            )
        extra["events"] = report.events_added
        extra["linked_as_copies"] = report.articles_linked
    elif name == "resolve":
        from dyadwatch.api import get_coder

        coder = get_coder()
        spent = {"resolve": 0.0, "code": 0.0, "after_parse": 0.0}
        resolve, code, interpret, after_parse = (
            coder.resolver.resolve_doc,
            coder.coder.code_sentence,
            coder.speech.interpret,
            coder.code_parsed,
        )

        def timed(key: str, function):  # type: ignore[no-untyped-def]
            def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
                begin = time.perf_counter()
                try:
                    return function(*args, **kwargs)
                finally:
                    spent[key] += time.perf_counter() - begin

            return wrapper

        coder.resolver.resolve_doc = timed("resolve", resolve)  # type: ignore[method-assign]
        coder.coder.code_sentence = timed("code", code)  # type: ignore[method-assign]
        coder.speech.interpret = timed("code", interpret)  # type: ignore[method-assign]
        # everything done to an article once it is parsed (actors, events, reported speech, dates,
        # places, quotes, ids), against the parse of the same articles in the same run (the
        # headline repairs, which re-parse, are counted with the parse they are part of)
        coder.code_parsed = timed("after_parse", after_parse)  # type: ignore[method-assign]
        started = time.perf_counter()
        for coded in coder.code_articles(articles):
            sentences += coded.sentences
        total = time.perf_counter() - started
        extra.update(
            {
                "resolve_seconds": spent["resolve"],
                "code_seconds": spent["code"],
                "after_parse_seconds": spent["after_parse"],
                "parse_seconds": total - spent["after_parse"],
            }
        )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": round(seconds, 2),
        "docs": len(articles),
        "docs_per_s": round(len(articles) / seconds, 2),
        "sentences": sentences,
        "sentences_per_s": round(sentences / seconds, 1) if sentences else 0.0,
        "peak_rss_mb": round(peak, 1),
        **{k: round(v, 2) for k, v in extra.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="articles to use (0: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench.json")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the compared stages")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.data)))
        return
    rows = load_articles(args.shared, args.limit)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in STAGES}
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "articles.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        memo = Path(folder) / "memo"

        def measure(name: str) -> None:
            env = {**os.environ, "DYADWATCH_CACHE_DIR": str(memo)}
            done = subprocess.run(
                [sys.executable, __file__, "--stage", name, "--data", str(data)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            runs[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"{name:9} {runs[name][-1]}", flush=True)

        for name in STAGES:
            if name not in REPEATED:
                measure(name)
        for _ in range(max(1, args.repeat)):
            for name in REPEATED:
                measure(name)
    results = {}
    for name in STAGES:
        best = min(runs[name], key=lambda r: r["seconds"])
        results[name] = {
            **best,
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs[name]),
            "runs_seconds": [r["seconds"] for r in runs[name]],
        }
    seconds = {name: results[name]["seconds"] for name in STAGES}
    for name in STAGES:
        results[name]["sentences"] = results["parse"]["sentences"]
        results[name]["sentences_per_s"] = round(results["parse"]["sentences"] / seconds[name], 1)
    resolve = results["resolve"]
    after_parse = [r["after_parse_seconds"] / r["parse_seconds"] for r in runs["resolve"]]
    median = {name: statistics.median(r["seconds"] for r in runs[name]) for name in STAGES}
    summary = {
        "articles": len(rows),
        "full2_vs_parse2_speed": round(seconds["parse2"] / seconds["full2"], 3),
        "full2skip_vs_parse2_speed": round(seconds["parse2"] / seconds["full2skip"], 3),
        "full2cold_vs_parse2_speed": round(seconds["parse2"] / seconds["full2cold"], 3),
        "full2_vs_parse2_speed_medians": round(median["parse2"] / median["full2"], 3),
        "full2skip_vs_parse2_speed_medians": round(median["parse2"] / median["full2skip"], 3),
        "full_vs_parse_speed": round(seconds["parse"] / seconds["full"], 3),
        "full_vs_pipeline_speed": round(seconds["pipeline"] / seconds["full"], 3),
        "full2_vs_tokenizer_speed": round(seconds["tokenize"] / seconds["full2"], 3),
        "full_vs_tokenizer_speed": round(seconds["tokenize"] / seconds["full"], 3),
        "full2_peak_rss_mb": results["full2"]["peak_rss_mb"],
        "resolution_share_of_pipeline": round(resolve["resolve_seconds"] / seconds["pipeline"], 3),
        "coding_share_of_pipeline": round(resolve["code_seconds"] / seconds["pipeline"], 3),
        # what coding adds to the parse, each run against its own parse (the ``resolve`` stage)
        "after_parse_vs_parse": round(statistics.median(after_parse), 3),
        "after_parse_vs_parse_runs": [round(ratio, 3) for ratio in after_parse],
    }
    print(json.dumps(summary, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"stages": results, "summary": summary}, indent=2) + "\n", "utf-8"
    )


if __name__ == "__main__":
    main()
