"""Exceptions raised by dyadwatch.

Every error the library raises on purpose derives from :class:`DyadwatchError`::

    DyadwatchError
    ├── IngestError       reading an input item failed (file, line, archive member)
    ├── ExtractError      no usable article text or metadata could be recovered
    ├── DictionaryError   a data file (actors, patterns, code tables) is invalid
    ├── NLPError          the spaCy pipeline could not be loaded or run
    ├── CodingError       the event coder met a state it cannot handle
    ├── StoreError        the DuckDB store could not be opened, migrated or written
    └── EvaluationError   a gold or prediction file is malformed

Per-item errors carry a short machine-readable ``reason`` (``empty``, ``not_text``, ``bad_encoding``,
``too_large``, ``bad_json``, ``no_text``, ...) so a batch can record them as rejects and go on.
"""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class of every error dyadwatch raises on purpose."""


class IngestError(DyadwatchError):
    """An input item could not be read.

    Attributes:
        item: the item's name (a path, or ``path:line`` for one line of a JSONL file).
        reason: a short code for the failure, stored in the ``rejects`` table.
    """

    def __init__(self, item: str, reason: str, message: str) -> None:
        super().__init__(f"{item}: {message}")
        self.item = item
        self.reason = reason
        self.detail = message


class ExtractError(IngestError):
    """An item was read but holds no usable article (no text, no body after boilerplate removal)."""


class DictionaryError(DyadwatchError):
    """One or more entries of a data file are invalid.

    Attributes:
        problems: every problem found, each as ``file:line: message`` — all of them, not just the first.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = "\n  ".join(self.problems)
        super().__init__(
            f"{len(self.problems)} invalid dictionary entr"
            f"{'y' if len(self.problems) == 1 else 'ies'}:\n  {shown}"
        )


class NLPError(DyadwatchError):
    """The spaCy pipeline could not be loaded or run."""


class CodingError(DyadwatchError):
    """The event coder could not code an article."""


class StoreError(DyadwatchError):
    """The DuckDB store could not be opened, migrated or written."""


class EvaluationError(DyadwatchError):
    """A gold or prediction file is malformed."""
