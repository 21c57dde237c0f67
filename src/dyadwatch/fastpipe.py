"""Memoising stand-ins for spaCy's attribute ruler and rule lemmatiser: the same output, a dictionary
look-up per token, remembered across runs.

spaCy's ``attribute_ruler`` maps fine-grained tags to coarse POS, morphology and some lemmas by running a
``Matcher`` over every token. In the English pipelines almost all of its patterns look at one token
only, and a one-token pattern's verdict depends on nothing but that token's own attributes. So the
attributes the ruler leaves on a token are a function of what the token carries when it arrives:
``(ORTH, TAG, DEP, POS, MORPH, LEMMA)`` — all fixed by its text and the components before.

:class:`MemoAttributeRuler` runs the ruler's one-token patterns once per unseen key (all of a
document's unseen tokens together, as one synthetic document), remembers the result, and from then on
writes the remembered attributes directly. Where one of the few multi-token patterns matches
("gon na", "there is"), the tokens of the match go through the real ruler again, on a document made
of just the matched stretch, since there a token's result depends on its neighbour. If any pattern
tests something outside the key or has a variable length, nothing is memoised.

:class:`MemoLemmatizer` does the same for the rule lemmatiser, whose own cache misses the most
common case (base forms are recomputed for every token): a token's lemma follows from its text, POS,
morphology and any lemma already set.

Both memos are kept on disk between runs (:class:`MemoFile`), one file per pipeline — name, version,
spaCy version and a digest of the ruler's patterns and the lemmatiser's tables — under
``$DYADWATCH_CACHE_DIR`` (default ``$XDG_CACHE_HOME/dyadwatch`` or ``~/.cache/dyadwatch``; ``off``
disables it). A new process starts warm instead of rebuilding the memo token by token. The file holds
numbers and the strings they stand for, nothing executable; a file that cannot be read is ignored.

On the small English pipeline this turns the ruler from about as costly as the parser into a few
per cent of it, with token attributes identical to spaCy's (checked on the Wikinews articles by the
test suite when ``../shared`` is present).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Value = tuple[int, int, int, int, int]
#: Token attributes a pattern may test for its verdict to follow from the memo key: the text (and
#: everything derived from it) and the annotation already on the token.
TOKEN_KEYS = frozenset(
    [
        "ORTH",
        "TEXT",
        "LOWER",
        "NORM",
        "SHAPE",
        "PREFIX",
        "SUFFIX",
        "LENGTH",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_CURRENCY",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
        "TAG",
        "DEP",
        "POS",
        "MORPH",
        "LEMMA",
    ]
)
#: Attributes whose literal values a multi-token pattern may require, so a document without any of
#: them cannot match and the matcher need not run.
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "TAG", "DEP")
#: Version of the memo file layout.
FILE_FORMAT = 1
#: Entries a memo file keeps at most (a few hundred thousand cover years of news).
MAX_ENTRIES = 2_000_000
#: Seconds between saves of a growing memo during a run (it is also saved when the process exits).
SAVE_EVERY = 20.0


def _literal(spec: Any) -> list[str] | None:
    if isinstance(spec, str):
        return [spec]
    if (
        isinstance(spec, dict)
        and set(spec) == {"IN"}
        and all(isinstance(v, str) for v in spec["IN"])
    ):
        return list(spec["IN"])
    return None


class MemoAttributeRuler:
    """Wraps an ``attribute_ruler`` component (see the module docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher
        from spacy.strings import get_string_id

        self.ruler = ruler
        self.cache: dict[tuple[int, ...], Value] = {}
        self.added = 0
        self.multi = Matcher(ruler.vocab, validate=False)
        self.enabled = True
        #: attribute name → hashes one of which every multi-token match needs; None: always match
        self.triggers: dict[str, set[int]] | None = {}
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if any("OP" in spec or not set(spec) <= TOKEN_KEYS for spec in pattern):
                    self.enabled = False  # variable length, or a test beyond the token itself
                if len(pattern) > 1:
                    self.multi.add(f"multi-{number}", [pattern])
                    self._add_trigger(pattern, get_string_id)

    def _add_trigger(self, pattern: list[dict[str, Any]], hash_of: Any) -> None:
        if self.triggers is None:
            return
        for spec in pattern:
            for key in _LITERAL_KEYS:
                values = _literal(spec.get(key))
                if values is not None:
                    column = "ORTH" if key == "TEXT" else key
                    if key == "LOWER":
                        values = [v.lower() for v in values]
                    self.triggers.setdefault(column, set()).update(hash_of(v) for v in values)
                    return
        self.triggers = None  # no literal to look for: run the matcher on every document

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled or not len(doc):
            return self.ruler(doc)
        import numpy
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

        columns: Any = doc.to_array([ORTH, TAG, DEP, POS, MORPH, LEMMA])
        keys = [tuple(row) for row in columns.tolist()]
        cache = self.cache
        values: list[Value | None] = [cache.get(key) for key in keys]
        missing: dict[tuple[int, ...], int] = {}
        for i, value in enumerate(values):
            if value is None and keys[i] not in missing:
                missing[keys[i]] = i
        if missing:
            done = self._rule_many(doc, columns, list(missing.values()))
            for key, value in zip(missing, done, strict=True):
                cache[key] = value
            self.added += len(missing)
            values = [cache[key] for key in keys]
        # multi-token patterns see the tokens as they arrived: match before writing
        stretches = self._stretches(doc) if self._may_match(doc, columns) else []
        table: Any = numpy.array(values, dtype="uint64")
        if (table[:, 4] != columns[:, 2]).any():  # a rule changed a dependency label
            heads = doc.to_array([HEAD]).reshape(-1, 1)
            full: Any = numpy.hstack([table, heads])
            doc.from_array([TAG, POS, MORPH, LEMMA, DEP, HEAD], full)
        else:
            doc.from_array([TAG, POS, MORPH, LEMMA], table[:, :4])
        for start, end in stretches:
            self._rerun(doc, columns, start, end)
        return doc

    def _may_match(self, doc: Doc, columns: Any) -> bool:
        if self.triggers is None:
            return True
        from spacy.attrs import IDS

        position = {"ORTH": 0, "TAG": 1, "DEP": 2}
        for name, hashes in self.triggers.items():
            column = columns[:, position[name]] if name in position else doc.to_array([IDS[name]])
            if not hashes.isdisjoint(column.tolist()):
                return True
        return False

    def _stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """Merged token ranges covered by multi-token matches."""
        merged: list[tuple[int, int]] = []
        for _id, start, end in sorted(self.multi(doc, allow_missing=True), key=lambda m: m[1]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _synthetic(self, doc: Doc, columns: Any, indices: list[int]) -> Doc:
        """A document of the given tokens carrying their attributes as they arrived."""
        import numpy
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
        from spacy.tokens import Doc

        words = [doc[i].text for i in indices]
        alone = Doc(doc.vocab, words=words, spaces=[False] * len(words))
        rows = columns[indices][:, [1, 3, 4, 5, 2]]  # TAG, POS, MORPH, LEMMA, DEP
        heads = numpy.zeros((len(words), 1), dtype="uint64")
        table: Any = numpy.hstack([rows, heads])
        alone.from_array([TAG, POS, MORPH, LEMMA, DEP, HEAD], table)
        return alone

    def _rule_many(self, doc: Doc, columns: Any, indices: list[int]) -> list[Value]:
        """What the ruler's one-token patterns do to each of these tokens (each alone)."""
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

        alone = self._synthetic(doc, columns, indices)
        matches = [m for m in self.ruler.match(alone) if m[3] - m[2] == 1]
        self.ruler.set_annotations(alone, matches)
        return [tuple(row) for row in alone.to_array([TAG, POS, MORPH, LEMMA, DEP]).tolist()]

    def _rerun(self, doc: Doc, columns: Any, start: int, end: int) -> None:
        """Run the real ruler on a stretch covered by multi-token matches and copy its result."""
        stretch = self._synthetic(doc, columns, list(range(start, end)))
        self.ruler(stretch)
        token: Any
        done: Any
        for token, done in zip(doc[start:end], stretch, strict=True):
            token.tag, token.pos, token.lemma = done.tag, done.pos, done.lemma
            token.set_morph(done.morph.key or None)
            if token.dep != done.dep:
                token.dep = done.dep

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class MemoLemmatizer:
    """Wraps a rule ``lemmatizer`` component (see the module docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = _with_set_indexes(lemmatizer)
        self.cache: dict[tuple[int, ...], int] = {}
        self.added = 0

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        cache, lemmatizer = self.cache, self.lemmatizer
        strings = doc.vocab.strings
        lemmas = []
        for i, row in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            key = tuple(row)
            lemma = cache.get(key)
            if lemma is None:
                lemma = row[3]
                if lemmatizer.overwrite or lemma == 0:
                    lemma = strings.add(lemmatizer.lemmatize(doc[i])[0])
                cache[key] = lemma
                self.added += 1
            lemmas.append(lemma)
        column: Any = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _with_set_indexes(lemmatizer: Any) -> Any:
    """A shallow copy of a rule lemmatiser whose word indexes are sets instead of lists.

    The rule lemmatiser checks each candidate form against a list of the known words of its part of
    speech (tens of thousands for nouns), a scan per test; a set answers the same question at once.
    Only the copy is changed: the pipeline's own component, and what it would save, stay as they are.
    """
    import copy

    from spacy.lookups import Lookups, Table

    if "lemma_index" not in lemmatizer.lookups.tables:
        return lemmatizer
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            indexed = Table(name=name)
            for key, words in table.items():
                indexed[key] = frozenset(words) if isinstance(words, list) else words
            table = indexed
        lookups.set_table(name, table)
    fast = copy.copy(lemmatizer)
    fast.lookups = lookups
    fast.lemmatize = getattr(fast, f"{fast.mode}_lemmatize")  # bound to the copy, not the original
    return fast


def cache_dir() -> Path | None:
    """Where memo files live, or None when ``DYADWATCH_CACHE_DIR`` is ``off``."""
    configured = os.environ.get("DYADWATCH_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in ("", "off", "none", "0", "false"):
            return None
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadwatch"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (where the platform has ``fcntl``) while saving."""
    try:
        import fcntl
    except ImportError:  # not on this platform: saves may race, which loses entries, not data
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _signature(nlp: Language) -> str:
    import spacy

    ruler: Any = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    lemmatizer: Any = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    described = {
        "format": FILE_FORMAT,
        "spacy": spacy.__version__,
        "pipeline": [nlp.meta.get("lang"), nlp.meta.get("name"), nlp.meta.get("version")],
        "components": nlp.pipe_names,
        "ruler": ruler.patterns if ruler is not None else None,
        "lemmatizer": None
        if lemmatizer is None
        else [
            getattr(lemmatizer, "mode", ""),
            getattr(lemmatizer, "overwrite", None),
            {name: len(lemmatizer.lookups.get_table(name)) for name in lemmatizer.lookups.tables},
        ],
    }
    text = json.dumps(described, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class MemoFile:
    """The on-disk copy of a pipeline's memos (see the module docstring)."""

    def __init__(self, nlp: Language, folder: Path) -> None:
        self.nlp = nlp
        name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}"
        self.path = folder / f"memo-{name}-{nlp.meta.get('version', '0')}-{_signature(nlp)}.npz"
        self.saved_at = time.monotonic()
        self._stamp: tuple[float, int] | None = None

    def _memos(self) -> tuple[MemoAttributeRuler | None, MemoLemmatizer | None]:
        def memo(name: str) -> Any:
            if name not in self.nlp.pipe_names:
                return None
            return getattr(self.nlp.get_pipe(name), "_dyadwatch_memo", None)

        return memo("attribute_ruler"), memo("lemmatizer")

    def _file_stamp(self) -> tuple[float, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_mtime, stat.st_size)

    def load(self) -> int:
        """Merge the file's entries into the memos; return how many were read (0 if none/unreadable)."""
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return 0
        import numpy

        ruler, lemmatizer = self._memos()
        vocab = self.nlp.vocab
        try:
            with numpy.load(self.path, allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
            for text in arrays["strings"].tolist():
                vocab.strings.add(text)
            morphs = {vocab.morphology.add(text) for text in arrays["morphs"].tolist()} | {0}
            read = 0
            if ruler is not None:
                keys, values = arrays["ruler_keys"], arrays["ruler_values"]
                fine = numpy.isin(values[:, 2], numpy.array(sorted(morphs), dtype="uint64"))
                for key, value in zip(keys[fine].tolist(), values[fine].tolist(), strict=True):
                    ruler.cache.setdefault(tuple(key), tuple(value))
                read += int(fine.sum())
            if lemmatizer is not None:
                keys, lemmas = arrays["lemma_keys"], arrays["lemma_values"]
                for key, lemma in zip(keys.tolist(), lemmas.tolist(), strict=True):
                    lemmatizer.cache.setdefault(tuple(key), lemma)
                read += len(lemmas)
        except (OSError, KeyError, ValueError, IndexError, EOFError) as exc:
            log.debug("memo file %s not used: %s", self.path, exc)
            return 0
        self._stamp = stamp
        return read

    def save(self, force: bool = False) -> bool:
        """Write the memos if they grew (at most every ``SAVE_EVERY`` seconds unless ``force``)."""
        ruler, lemmatizer = self._memos()
        added = (ruler.added if ruler else 0) + (lemmatizer.added if lemmatizer else 0)
        if not added or (not force and time.monotonic() - self.saved_at < SAVE_EVERY):
            return False
        import numpy

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_name(self.path.name + ".lock")):
                self.load()  # keep what another process saved meanwhile
                arrays = self._arrays(ruler, lemmatizer)
                if arrays is None:
                    return False
                with tempfile.NamedTemporaryFile(
                    dir=self.path.parent, prefix=".memo-", suffix=".npz", delete=False
                ) as handle:
                    try:
                        numpy.savez(handle, **arrays)
                    except BaseException:
                        os.unlink(handle.name)
                        raise
                os.replace(handle.name, self.path)
        except OSError as exc:
            log.debug("memo not saved to %s: %s", self.path, exc)
            return False
        self._stamp = self._file_stamp()
        self.saved_at = time.monotonic()
        if ruler:
            ruler.added = 0
        if lemmatizer:
            lemmatizer.added = 0
        return True

    def _arrays(
        self, ruler: MemoAttributeRuler | None, lemmatizer: MemoLemmatizer | None
    ) -> dict[str, Any] | None:
        """The memos as arrays, with the strings their values stand for."""
        import numpy

        vocab = self.nlp.vocab
        strings: set[str] = set()
        morphs: set[str] = set()

        def text(value: int) -> str:
            return vocab.strings[value] if value else ""

        try:
            ruler_items = list(ruler.cache.items())[:MAX_ENTRIES] if ruler else []
            lemma_items = list(lemmatizer.cache.items())[:MAX_ENTRIES] if lemmatizer else []
            for _key, (tag, _pos, morph, lemma, dep) in ruler_items:
                strings.update((text(tag), text(lemma), text(dep)))
                morphs.add(text(morph))
            for _key, lemma in lemma_items:
                strings.add(text(lemma))
        except KeyError as exc:  # a value whose string the vocabulary lost: do not save
            log.debug("memo not saved: %s", exc)
            return None
        return {
            "ruler_keys": numpy.array([k for k, _ in ruler_items], dtype="uint64").reshape(-1, 6),
            "ruler_values": numpy.array([v for _, v in ruler_items], dtype="uint64").reshape(-1, 5),
            "lemma_keys": numpy.array([k for k, _ in lemma_items], dtype="uint64").reshape(-1, 4),
            "lemma_values": numpy.array([v for _, v in lemma_items], dtype="uint64"),
            "strings": numpy.array(sorted(strings - {""}), dtype=str),
            "morphs": numpy.array(sorted(morphs - {""}), dtype=str),
        }


def memoise(nlp: Language) -> list[str]:
    """Make ``nlp.pipe`` use the memoising stand-ins of its attribute ruler and rule lemmatiser;
    return the components it did this for. The memos are read from and saved to the cache folder
    (:func:`cache_dir`) unless it is switched off.

    The components stay in place (``nlp(text)`` still calls them directly); their ``pipe`` method,
    which ``nlp.pipe`` uses, is replaced on the instance.
    """
    done = []
    for name, make in (("attribute_ruler", MemoAttributeRuler), ("lemmatizer", MemoLemmatizer)):
        if name not in nlp.pipe_names:
            continue
        component: Any = nlp.get_pipe(name)
        if getattr(component, "_dyadwatch_memo", None) is not None:
            done.append(name)
            continue
        if name == "lemmatizer" and getattr(component, "mode", "") != "rule":
            continue
        memo = make(component)
        if not getattr(memo, "enabled", True):
            continue
        component._dyadwatch_memo = memo
        component.pipe = memo.pipe
        done.append(name)
    folder = cache_dir()
    if done and folder is not None and getattr(nlp, "_dyadwatch_memo_file", None) is None:
        memo_file = MemoFile(nlp, folder)
        memo_file.load()
        nlp._dyadwatch_memo_file = memo_file  # type: ignore[attr-defined]
        atexit.register(memo_file.save, True)
    return done


def save_memos(nlp: Language, force: bool = False) -> bool:
    """Save the pipeline's memos to its memo file if they grew (see :meth:`MemoFile.save`)."""
    memo_file: MemoFile | None = getattr(nlp, "_dyadwatch_memo_file", None)
    return memo_file.save(force) if memo_file is not None else False
