"""Event patterns: load and validate ``data/verbs.yaml`` (which words in which frame make which event).

A broken file raises one :class:`~dyadwatch.errors.DictionaryError` listing every bad entry with its
line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .codes import CodeTable, code_table
from .errors import DictionaryError

PATTERN_KEYS = {
    "code",
    "verbs",
    "nouns",
    "objects",
    "particle",
    "preps",
    "symmetric",
    "no_target",
    "needs_target",
}


@dataclass(frozen=True)
class Pattern:
    """One event pattern of ``verbs.yaml`` (see the file's header for the meaning of each field)."""

    code: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str]
    particle: str | None
    preps: frozenset[str]
    symmetric: bool
    no_target: bool
    needs_target: bool
    line: int

    @property
    def specificity(self) -> int:
        """Patterns that ask more of the sentence win over bare ones for the same word."""
        return (2 if self.objects else 0) + (1 if self.particle else 0)

    @property
    def name(self) -> str:
        """A readable name for the evidence field."""
        words = sorted(self.verbs or self.nouns)
        head = "/".join(words[:3]) + ("/…" if len(words) > 3 else "")
        parts = [head]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            objs = sorted(self.objects)
            parts.append("+" + "/".join(objs[:3]) + ("/…" if len(objs) > 3 else ""))
        return " ".join(parts)


@dataclass
class Patterns:
    patterns: list[Pattern]
    intent_verbs: frozenset[str]
    intent_codes: dict[str, str]
    intent_own_codes: dict[str, str]
    version: int
    by_verb: dict[str, list[Pattern]] = field(default_factory=dict)
    by_noun: dict[str, list[Pattern]] = field(default_factory=dict)
    #: inflected form -> lemmas, so a lemmatiser slip ("staged" -> "stag") does not hide a verb
    verb_forms: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            for verb in pattern.verbs:
                self.by_verb.setdefault(verb, []).append(pattern)
            for noun in pattern.nouns:
                self.by_noun.setdefault(noun, []).append(pattern)
        for table in (self.by_verb, self.by_noun):
            for entries in table.values():
                entries.sort(key=lambda p: -p.specificity)
        for lemma in list(self.by_verb) + list(self.intent_verbs):
            for form in inflections(lemma):
                self.verb_forms.setdefault(form, set()).add(lemma)

    def verb_lemmas(self, lemma: str, word: str) -> list[str]:
        """Pattern verbs a token may be: its lemma, or the lemma its inflected form belongs to."""
        found = [lemma] if lemma in self.by_verb or lemma in self.intent_verbs else []
        found += sorted(self.verb_forms.get(word, set()) - {lemma})
        return found

    def for_verb(self, lemma: str, word: str) -> list[Pattern]:
        """Patterns for a verb token, most specific first."""
        out: list[Pattern] = []
        for candidate in self.verb_lemmas(lemma, word):
            out += self.by_verb.get(candidate, [])
        return sorted(out, key=lambda p: -p.specificity)


#: Irregular past forms of pattern verbs (regular ones are derived by rule).
IRREGULAR = {
    "meet": ("met",),
    "hold": ("held",),
    "send": ("sent",),
    "give": ("gave", "given"),
    "make": ("made",),
    "seek": ("sought",),
    "fight": ("fought",),
    "strike": ("struck", "stricken"),
    "lead": ("led",),
    "shoot": ("shot",),
    "bring": ("brought",),
    "begin": ("began", "begun"),
    "break": ("broke", "broken"),
    "sell": ("sold",),
    "tell": ("told",),
    "lend": ("lent",),
    "withdraw": ("withdrew", "withdrawn"),
    "forgive": ("forgave", "forgiven"),
    "go": ("went", "gone"),
    "fly": ("flew", "flown"),
    "cut": ("cut",),
    "put": ("put",),
    "beat": ("beat", "beaten"),
    "freeze": ("froze", "frozen"),
    "undertake": ("undertook", "undertaken"),
    "pay": ("paid",),
    "have": ("had", "has"),
    "seal": ("sealed",),
    "slay": ("slew", "slain"),
    "spend": ("spent",),
    "win": ("won",),
    "hit": ("hit",),
    "set": ("set",),
    "keep": ("kept",),
    "leave": ("left",),
    "bear": ("bore", "borne"),
    "offer": ("offered",),
    "rise": ("rose", "risen"),
    "say": ("said",),
    "stand": ("stood",),
    "take": ("took", "taken"),
    "arise": ("arose",),
    "ink": ("inked",),
    "deal": ("dealt",),
    "drive": ("drove", "driven"),
    "overrun": ("overran",),
    "know": ("knew", "known"),
}
VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """Regular (and listed irregular) inflected forms of an English verb."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    if " " in lemma or not lemma.isalpha():
        return forms
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        forms |= {plural, lemma + "ed", lemma + "ing"}
        # a short verb ending consonant-vowel-consonant doubles it ("stop" -> "stopped")
        if (
            len(lemma) <= 4
            and lemma[-1] not in VOWELS | {"w", "x", "y"}
            and lemma[-2] in VOWELS
            and lemma[-3] not in VOWELS
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _line_of(text: str, needle: str, after: int = 0) -> int:
    index = text.find(needle, after)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def parse_patterns(text: str, filename: str, codes: CodeTable) -> Patterns:
    """Parse and validate a pattern file; every bad entry is reported at once."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError([f"{filename}: not valid YAML: {exc}"]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DictionaryError([f"{filename}: expected a mapping with a 'patterns' list"])
    problems: list[str] = []
    patterns: list[Pattern] = []
    search_from = 0
    for index, entry in enumerate(data["patterns"], 1):
        line = _line_of(text, "- {code:", search_from) or index
        search_from = (
            text.find("- {code:", search_from) + 1
            if "- {code:" in text[search_from:]
            else search_from
        )
        where = f"{filename}:{line} (pattern {index})"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping, got {type(entry).__name__}")
            continue
        unknown = set(entry) - PATTERN_KEYS
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        code = str(entry.get("code", ""))
        if code not in codes:
            problems.append(f"{where}: {code!r} is not a CAMEO event code")
            continue
        lists: dict[str, frozenset[str]] = {}
        bad = False
        for key in ("verbs", "nouns", "objects", "preps"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"{where}: {key} must be a list of words")
                bad = True
                continue
            lists[key] = frozenset(v.lower() for v in value)
        if bad:
            continue
        if bool(lists["verbs"]) == bool(lists["nouns"]):
            problems.append(f"{where}: give either verbs or nouns")
            continue
        patterns.append(
            Pattern(
                code,
                lists["verbs"],
                lists["nouns"],
                lists["objects"],
                entry.get("particle"),
                lists["preps"],
                bool(entry.get("symmetric")),
                bool(entry.get("no_target")),
                bool(entry.get("needs_target")),
                line,
            )
        )
    intent = data.get("intent") or {}
    intent_codes = {str(k): str(v) for k, v in (intent.get("codes") or {}).items()}
    own_codes = {str(k): str(v) for k, v in (intent.get("own_codes") or {}).items()}
    for root, code in list(intent_codes.items()) + list(own_codes.items()):
        if code not in codes:
            problems.append(
                f"{filename}: intent code {code!r} (for {root!r}) is not a CAMEO event code"
            )
    if problems:
        raise DictionaryError(problems)
    return Patterns(
        patterns,
        frozenset(intent.get("verbs") or []),
        intent_codes,
        own_codes,
        int(data.get("version", 1)),
    )


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The packaged event patterns, validated (loaded once per process)."""
    text = resources.files("dyadwatch").joinpath("data/verbs.yaml").read_text("utf-8")
    return parse_patterns(text, "verbs.yaml", code_table())


def describe(obj: Any) -> str:
    """Short description of a knowledge entry, for evidence strings."""
    return getattr(obj, "name", None) or getattr(obj, "term", None) or str(obj)
