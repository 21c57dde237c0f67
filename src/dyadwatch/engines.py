"""Engines: where articles are coded during a run — this process, a pool of local worker processes,
or a Dask cluster.

The run (:func:`dyadwatch.api.run`) reads, extracts and deduplicates articles in the main process, hands
each batch to an engine, and writes the results to the store in input order, so every engine gives
the same store as a single-process run. Each worker process loads the NLP pipeline and dictionaries
once.

* :class:`LocalEngine` — codes in this process (``--workers 1``).
* :class:`PoolEngine` — ``--workers N`` processes (spawned, so no DuckDB connection or model state is
  inherited); a batch is split across them and at most two batches per worker are in flight, which
  bounds memory to about ``2 × N × batch_size`` articles plus N pipelines.
* :class:`DaskEngine` — ``--dask local:N`` (a ``LocalCluster`` of N single-threaded worker processes)
  or ``--dask tcp://scheduler:8786``. Each task codes one partition on a worker and writes it as
  Parquet shards (``articles``, ``event_mentions``, ``actor_mentions``, ``quotes``) under the shard
  folder, which the run then loads into DuckDB. The shard folder must be readable by the process that
  runs ``dyadwatch run`` (a shared file system on a real cluster); ``--shards DIR`` keeps the Parquet
  dataset for cluster-side querying.
"""

from __future__ import annotations

import math
import multiprocessing
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .errors import DyadwatchError
from .records import Article
from .store import CodedRows


def _split(articles: Sequence[Article], parts: int) -> list[list[Article]]:
    size = max(1, math.ceil(len(articles) / max(1, parts)))
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


class LocalEngine:
    """Codes in this process."""

    inflight = 0

    def __init__(
        self,
        model: str | None,
        batch_size: int,
        dictionaries: Sequence[str],
        skip_sentences: bool = False,
    ) -> None:
        from .api import get_coder

        self.coder = get_coder(model, batch_size, dictionaries, skip_sentences)
        self.label = self.coder.model

    def submit(self, articles: list[Article]) -> Any:
        """Start coding a batch; return a handle for :meth:`result`."""
        return articles

    def result(self, handle: Any) -> CodedRows:
        """The rows of a submitted batch."""
        return CodedRows.of(self.coder.code_articles(handle))

    def close(self) -> None:
        """Release the engine's resources."""


_WORKER: dict[str, Any] = {}


def _init_worker(
    model: str | None, batch_size: int, dictionaries: Sequence[str], skip_sentences: bool
) -> None:
    from .api import get_coder

    _WORKER["coder"] = get_coder(model, batch_size, dictionaries, skip_sentences)


def _ready() -> bool:
    return "coder" in _WORKER


def _code_chunk(articles: list[Article]) -> CodedRows:
    return CodedRows.of(_WORKER["coder"].code_articles(articles))


class PoolEngine:
    """Codes in ``workers`` local processes."""

    def __init__(
        self,
        model: str | None,
        batch_size: int,
        dictionaries: Sequence[str],
        workers: int,
        skip_sentences: bool = False,
    ) -> None:
        from .nlp import resolve_model_name

        self.workers = workers
        self.inflight = 2 * workers
        self.label = resolve_model_name(model)
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(model, batch_size, list(dictionaries), skip_sentences),
        )
        # start the workers now, so that loading the pipeline overlaps reading the first batch
        for _ in range(workers):
            self.pool.submit(_ready)

    def submit(self, articles: list[Article]) -> list[Future[CodedRows]]:
        """Split a batch across the workers."""
        return [self.pool.submit(_code_chunk, chunk) for chunk in _split(articles, self.workers)]

    def result(self, handle: list[Future[CodedRows]]) -> CodedRows:
        """The rows of a batch, in input order."""
        rows = CodedRows()
        for future in handle:
            rows.extend(future.result())
        return rows

    def close(self) -> None:
        """Stop the worker processes."""
        self.pool.shutdown(cancel_futures=True)


def code_shard(
    articles: list[Article],
    folder: str,
    name: str,
    model: str | None,
    batch_size: int,
    dictionaries: Sequence[str],
    skip_sentences: bool = False,
) -> dict[str, str]:
    """Dask task: code a partition on a worker (pipeline loaded once per worker process) and write
    its rows as Parquet shards; return the shard paths by table."""
    from .api import get_coder

    coder = get_coder(model, batch_size, dictionaries, skip_sentences)
    return CodedRows.of(coder.code_articles(articles)).to_parquet(Path(folder), name)


class DaskEngine:
    """Codes on a Dask cluster, through Parquet shards."""

    def __init__(
        self,
        address: str,
        model: str | None,
        batch_size: int,
        dictionaries: Sequence[str],
        shards: str | Path | None = None,
        skip_sentences: bool = False,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise DyadwatchError(
                "--dask needs the dask extra: pip install 'dyadwatch[dask]'"
            ) from exc
        from .nlp import resolve_model_name

        self.cluster = None
        if address.startswith("local"):
            _, _, count = address.partition(":")
            if count and not count.isdigit():
                raise DyadwatchError(f"--dask {address}: expected local:N (N worker processes)")
            self.cluster = LocalCluster(
                n_workers=int(count or 2),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise DyadwatchError(
                    f"cannot reach the Dask scheduler at {address}: {exc}"
                ) from exc
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.inflight = 2 * self.workers
        self.label = resolve_model_name(model)
        self.args = (model, batch_size, list(dictionaries), skip_sentences)
        self._temporary = None if shards else tempfile.TemporaryDirectory(prefix="dyadwatch-")
        self.folder = str(Path(shards) if shards else Path(self._temporary.name))  # type: ignore[union-attr]
        self.count = 0

    def submit(self, articles: list[Article]) -> list[Any]:
        """Send a batch's partitions to the cluster."""
        futures = []
        for chunk in _split(articles, self.workers):
            self.count += 1
            futures.append(
                self.client.submit(
                    code_shard, chunk, self.folder, f"part-{self.count:06d}", *self.args, pure=False
                )
            )
        return futures

    def result(self, handle: list[Any]) -> CodedRows:
        """The rows of a batch, read back from its shards, in input order."""
        rows = CodedRows()
        for future in handle:
            rows.extend(CodedRows.from_parquet(future.result()))
        return rows

    def close(self) -> None:
        """Disconnect (and stop a local cluster); temporary shards are removed."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._temporary is not None:
            self._temporary.cleanup()
