"""Every actor of the seed gold resolves to the code the gold lists."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, SEED_GOLD, shared_path


@pytest.fixture(scope="module")
def seed_mentions(coder):
    from dyadwatch.extract import extract_text

    article = extract_text(shared_path("seed", SEED.name).read_text(), "seed")
    return coder.code_article(article).mentions


def _gold_actors():
    path = SEED_GOLD
    if not path.exists():
        return []
    return json.loads(path.read_text())["actors"]


@pytest.mark.parametrize("actor", _gold_actors(), ids=lambda a: a["name"])
def test_seed_gold_actor_resolves_to_its_code(seed_mentions, actor):
    found = [m.actor for m in seed_mentions if m.actor.name == actor["name"]]
    assert found, f"{actor['name']} never resolved"
    for ref in found:
        if "igo" in actor:
            assert ref.igo == actor["igo"]
            continue
        assert ref.country in [actor["country"], *actor.get("alt_country", [])]
        if "sector" in actor:
            assert ref.sector == actor["sector"], (ref.text, ref.code)


def test_seed_gold_is_present_or_skipped():
    shared_path("gold", SEED_GOLD.name)
    assert _gold_actors(), "the seed gold lists no actors"
