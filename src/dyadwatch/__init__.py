"""dyadwatch — event data from news: who did what to whom, when and where.

Quick start::

    import dyadwatch
    events = dyadwatch.code_text("Serbia and China signed a free trade agreement on Tuesday.",
                                 published="2023-10-17")
    print(events[0].cameo, events[0].source.code, events[0].target.code)

    with dyadwatch.open("dyadwatch.duckdb") as ds:   # a store written by `dyadwatch run`
        print(ds.dyad_series("SRB", "CHN", by="month"))
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import code_files, code_text, open_store  # noqa: E402
from .dataset import Dataset, open  # noqa: E402, A004
from .errors import (  # noqa: E402
    CodingError,
    DictionaryError,
    DyadwatchError,
    EvaluationError,
    ExtractError,
    IngestError,
    NLPError,
    StoreError,
)
from .records import ActorRef, Article, Event, Reject  # noqa: E402

__all__ = [
    "ActorRef",
    "Article",
    "CodingError",
    "Dataset",
    "DictionaryError",
    "DyadwatchError",
    "EvaluationError",
    "Event",
    "ExtractError",
    "IngestError",
    "NLPError",
    "Reject",
    "StoreError",
    "__version__",
    "code_files",
    "code_text",
    "open",
    "open_store",
]
