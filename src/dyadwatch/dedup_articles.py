"""Article deduplication before NLP: wire copies and reprints are linked, not coded again.

* **Exact duplicates**: the same text after normalisation (case, punctuation and whitespace folded)
  share a ``text_key`` digest.
* **Near duplicates** (a copy re-published with a new headline, a trimmed paragraph, a changed
  byline): MinHash over word 5-grams (128 hash functions), indexed by locality-sensitive hashing in 32
  bands of 4 rows, so a lookup touches only the few stored articles that share a band. A candidate is
  confirmed when the new article is *contained* in it: the share of the new article's 5-grams that
  the earlier one also has, estimated from the signatures' Jaccard similarity J and the two 5-gram
  counts as J·(|A|+|B|)/((1+J)·|B|), is at least ``threshold`` (0.8 by default). Containment rather
  than Jaccard similarity, so that a trimmed reprint links (nothing in it is new) while an updated
  story that adds a quarter of new text is coded again (its new paragraphs may hold new events).

The index lives in the store (``article_signatures``, ``article_bands``), so a copy is found whether its
original was coded in this batch, this run or a run a year ago. A copy is linked to the first copy seen
(``article_links``) and its reports count in the events' NumArticles and NumSources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

#: Hash functions, bands and rows per band of the MinHash/LSH index.
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
DEFAULT_THRESHOLD = 0.8

_PRIME = np.uint64((1 << 31) - 1)
_rng = np.random.default_rng(20200918)
_A = _rng.integers(1, (1 << 31) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The text's words, lower-cased, without punctuation."""
    return _WORD.findall(text.casefold())


def text_key(text: str) -> str:
    """Digest of the normalised text: equal for texts that differ only in case, punctuation and
    spacing."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()[:32]


def _hash32(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=4).digest(), "big")


def shingles(text: str) -> set[str]:
    """The text's word 5-grams (the whole text when it is shorter)."""
    tokens = words(text)
    if len(tokens) >= SHINGLE:
        return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    return {" ".join(tokens)}


def minhash(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` unsigned 32-bit values) of the text's word 5-grams."""
    return _minhash(shingles(text))


def _minhash(shingles: set[str]) -> np.ndarray:
    values = np.fromiter((_hash32(s) for s in shingles), dtype=np.uint64, count=len(shingles))
    values %= _PRIME
    # (a·x + b) mod p for every hash function and shingle; a, x < 2^31 so nothing overflows 64 bits.
    table = (np.outer(_A, values) + _B[:, None]) % _PRIME
    return table.min(axis=1).astype(np.uint32)


def bands(signature: np.ndarray) -> list[int]:
    """One bucket number per band: a signed 64-bit digest of the band's rows."""
    out = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def containment(new: Signature, old: Signature) -> float:
    """Estimated share of ``new``'s 5-grams that ``old`` has too."""
    jaccard = similarity(new.minhash, old.minhash)
    if jaccard == 0.0 or new.size == 0:
        return 0.0
    common = jaccard * (new.size + old.size) / (1.0 + jaccard)
    return min(1.0, common / new.size)


@dataclass
class Signature:
    """What the index keeps of an article."""

    article_id: str
    text_key: str
    minhash: np.ndarray
    bands: list[int]
    size: int  # number of distinct 5-grams

    @classmethod
    def of(cls, article_id: str, text: str) -> Signature:
        """Sign an article's text."""
        grams = shingles(text)
        signature = _minhash(grams)
        return cls(article_id, text_key(text), signature, bands(signature), len(grams))

    def row(self) -> dict[str, object]:
        """The ``article_signatures`` row."""
        return {
            "article_id": self.article_id,
            "text_key": self.text_key,
            "minhash": self.minhash.astype("<u4").tobytes(),
            "shingles": self.size,
        }

    def band_rows(self) -> list[dict[str, object]]:
        """The ``article_bands`` rows."""
        return [
            {"band": band, "bucket": bucket, "article_id": self.article_id}
            for band, bucket in enumerate(self.bands)
        ]


def signature_from_blob(article_id: str, key: str, blob: bytes, size: int) -> Signature:
    """A stored signature."""
    values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
    return Signature(article_id, key, values, bands(values), size)


@dataclass
class Match:
    """An article found to copy another."""

    original_id: str
    kind: str  # "exact" or "near"
    similarity: float  # 1.0 for exact copies, else the estimated containment


class DuplicateIndex:
    """Finds copies among the articles of a run and those already stored.

    Args:
        lookup_keys: returns, for each of the given ``text_key`` values, the stored articles with it.
        lookup_bands: returns stored signatures sharing any of the given band buckets.
        threshold: the estimated containment from which an article is a near copy.

    :meth:`prefetch` asks the store about a whole batch of signatures at once (two queries);
    :meth:`find` asks about one signature that was not prefetched.
    """

    def __init__(
        self,
        lookup_keys: Callable[[list[str]], dict[str, list[str]]] | None = None,
        lookup_bands: Callable[[list[int]], list[Signature]] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.lookup_keys = lookup_keys
        self.lookup_bands = lookup_bands
        self.threshold = threshold
        self._keys: dict[str, str] = {}
        self._buckets: dict[tuple[int, int], list[Signature]] = {}
        self._stored_keys: dict[str, list[str]] = {}
        self._stored_buckets: dict[int, list[Signature]] = {}
        self._prefetched: set[str] = set()

    def add(self, signature: Signature) -> None:
        """Index an article coded in this run (its original text, not a copy)."""
        self._keys.setdefault(signature.text_key, signature.article_id)
        for band, bucket in enumerate(signature.bands):
            self._buckets.setdefault((band, bucket), []).append(signature)

    def prefetch(self, signatures: list[Signature]) -> None:
        """Fetch what the store holds for these signatures (replacing an earlier prefetch)."""
        self._stored_keys, self._stored_buckets = {}, {}
        self._prefetched = {s.article_id for s in signatures}
        if self.lookup_keys is not None and signatures:
            self._stored_keys = self.lookup_keys(sorted({s.text_key for s in signatures}))
        if self.lookup_bands is not None and signatures:
            wanted = {b for s in signatures for b in s.bands}
            for other in self.lookup_bands(sorted(wanted)):
                for bucket in set(other.bands) & wanted:
                    self._stored_buckets.setdefault(bucket, []).append(other)

    def _stored(self, signature: Signature) -> tuple[list[str], list[Signature]]:
        if signature.article_id not in self._prefetched:
            self.prefetch([signature])
        keys = self._stored_keys.get(signature.text_key, [])
        others = [o for b in signature.bands for o in self._stored_buckets.get(b, [])]
        return keys, others

    def find(self, signature: Signature) -> Match | None:
        """The article ``signature`` copies, if any: an exact copy first, else the article that
        contains most of it, from the threshold up (ties: the smallest article id)."""
        if signature.text_key in self._keys:
            return Match(self._keys[signature.text_key], "exact", 1.0)
        stored_keys, stored_others = self._stored(signature)
        stored = [a for a in stored_keys if a != signature.article_id]
        if stored:
            return Match(min(stored), "exact", 1.0)
        candidates: dict[str, Signature] = {}
        for band, bucket in enumerate(signature.bands):
            for other in self._buckets.get((band, bucket), []):
                candidates.setdefault(other.article_id, other)
        for other in stored_others:
            candidates.setdefault(other.article_id, other)
        candidates.pop(signature.article_id, None)
        best: Match | None = None
        for article_id in sorted(candidates):
            score = containment(signature, candidates[article_id])
            if score >= self.threshold and (best is None or score > best.similarity):
                best = Match(article_id, "near", round(score, 4))
        return best


def sign_all(articles: Iterable[tuple[str, str]]) -> list[Signature]:
    """Signatures of ``(article_id, text)`` pairs."""
    return [Signature.of(article_id, text) for article_id, text in articles]
