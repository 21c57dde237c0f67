"""Event patterns: load and validate ``data/verbs.yaml`` (which words in which frame make which event).

The file has the patterns proper and the word lists of the frames around them (intent, refusal,
appeal, reporting, disapproval). A broken file raises one :class:`~dyadwatch.errors.DictionaryError`
listing every bad entry with its line.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

from .codes import CodeTable, code_table
from .errors import DictionaryError
from .nlp import joined

PATTERN_KEYS = {
    "code",
    "verbs",
    "nouns",
    "objects",
    "particle",
    "adverbs",
    "preps",
    "symmetric",
    "no_target",
    "needs_target",
    "reverse",
    "converse",
    "place_target",
    "mutual",
    "clause_target",
    "object_target",
    "preps_only",
    "actor_object",
    "transitive",
    "intransitive",
    "appeal_only",
    "realised",
    "armed",
}
#: Frame sections: name -> (word-list keys, whether a root->code map ``codes`` is required)
SECTIONS = {
    "intent": (("verbs", "cooperative", "nouns"), True),
    "direct": (("verbs", "nouns"), False),
    "refusal": (("verbs", "nouns"), True),
    "appeal": (("verbs", "nouns"), True),
    "reporting": (("verbs", "speculation", "unnamed", "unquoting"), False),
    "disapproval": (("verbs", "nouns"), False),
    "praise": (("nouns", "adjectives"), False),
    "blame": (("nouns", "adjectives"), False),
    "negation": ((), True),
    "halt": (("verbs",), True),
    "denial": (("verbs",), True),
    "permission": (("verbs",), True),
    "nominal": (("verbs", "owning", "invited", "dropped", "carrying"), False),
}
#: Frames a noun may open over its "to" infinitive ("the decision to expel", "its pledge to help").
NOUN_FRAMES = ("refusal", "direct", "intent")
#: Sections with a map from a noun to the pattern verb it names (``acts``).
ACT_MAPS = {"nominal"}


@dataclass(frozen=True)
class Step:
    """One word of an imported (PETRARCH) pattern: any of ``phrases``, each a run of words, standing
    right next to the word matched before it (or the verb) when ``joined``."""

    phrases: frozenset[tuple[str, ...]]
    joined: bool = False


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
    reverse: bool = False
    converse: str | None = None
    place_target: bool = False
    mutual: bool = (
        False  # "A and B deepened ties": each with each, but "A deepened ties with B" one way
    )
    clause_target: bool = False  # "demanded that Y withdraw": Y, the complement's subject
    object_target: bool = False  # "trained Iraqi soldiers": the object word names the target
    preps_only: bool = False  # "left Beijing for Tokyo": only a preposition's object is the target
    #: "hosted the Chinese delegation": the direct object is a target only when it is itself an actor,
    #: not a thing an actor owns or names ("received Peru's nomination", "welcomed Chile's offer")
    actor_object: bool = False
    #: the verb must have a direct object (passive: a subject), whatever it is: "returned the
    #: bicycles to Cambodia", not "returned to Beijing"
    transitive: bool = False
    #: imported patterns: the words that must follow the verb in its phrase, in order, and those
    #: that must precede it (nearest first), as PETRARCH writes them ("agree * (to sanctions)")
    lower: tuple[Step, ...] = ()
    upper: tuple[Step, ...] = ()
    #: the words code nothing (PETRARCH's ``---``): matched, the verb makes no event
    null: bool = False
    #: the file the pattern comes from, for the evidence of what it codes
    origin: str = "verbs.yaml"
    #: a noun pattern coded only when the act is asked for ("called for a truce between A and B"),
    #: never as done ("a truce between A and B" may be proposed, broken or over)
    appeal_only: bool = False
    #: a noun pattern for a lasting thing ("an agreement between A and B"), coded only when the
    #: sentence makes it: the subject of a passive verb that codes it ("the deal between A and B was
    #: signed") or that verb's participle ("a pact between A and B signed on Monday"), or asked for
    realised: bool = False
    #: the verb must have no direct object: "appealed to the UN for help", not "appealed the
    #: ruling" (a case taken to a higher court)
    intransitive: bool = False
    #: one side must be armed men, an armed group or a state, and the act must stay a use of
    #: force ("A and B fought": not officials fighting for a deal, a fight of words)
    armed: bool = False
    #: the verb must be modified by one of these adverbs: "sexually assaulted" (1821), "verbally
    #: attacked" (111)
    adverbs: frozenset[str] = frozenset()

    @property
    def imported(self) -> bool:
        """Whether the pattern comes from an imported dictionary rather than ``verbs.yaml``."""
        return self.origin != "verbs.yaml"

    @property
    def specificity(self) -> int:
        """Patterns that ask more of the sentence win over bare ones for the same word."""
        if self.lower or self.upper:
            return 2 + len(self.lower) + len(self.upper)
        return (2 if self.objects else 0) + (1 if self.particle else 0) + (1 if self.adverbs else 0)

    @property
    def name(self) -> str:
        """A readable name for the evidence field."""
        words = sorted(self.verbs or self.nouns)
        parts = ["/".join(words[:3]) + ("/…" if len(words) > 3 else "")]
        if self.adverbs:
            parts.insert(0, "/".join(sorted(self.adverbs)))
        if self.lower or self.upper:

            def shown(step: Step) -> str:
                return " ".join(min(step.phrases)) + ("|…" if len(step.phrases) > 1 else "")

            before = [shown(s) for s in reversed(self.upper)]
            return " ".join([*before, parts[0], *(shown(s) for s in self.lower)])
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            objs = sorted(self.objects)
            parts.append("+" + "/".join(objs[:3]) + ("/…" if len(objs) > 3 else ""))
        return " ".join(parts)


@dataclass
class Frame:
    """A frame section of ``verbs.yaml``: its word lists and its root -> code map."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    #: noun -> pattern verb ("suspension" -> "suspend"), for the ``nominal`` section
    acts: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.words.get(key, frozenset())


@dataclass(frozen=True)
class Weapons:
    """An unspecified use of force (``force_code``, and the ``also`` codes) made specific by its
    weapons (``kinds``: code -> (label, weapon words))."""

    force_code: str
    kinds: dict[str, tuple[str, frozenset[str]]]
    also: frozenset[str] = frozenset()

    def refines(self, code: str) -> bool:
        """Whether the weapon words make ``code`` specific."""
        return code == self.force_code or code in self.also

    @cached_property
    def words(self) -> frozenset[str]:
        """Every weapon word of every kind."""
        return frozenset(w for _label, words in self.kinds.values() for w in words)


@dataclass(frozen=True)
class Peacekeeping:
    """A deployment (``deploy_code``) recoded as military protection (``code``) when the clause
    names peacekeeping (``words``) or the troops are sent to help or protect (``purposes``)."""

    deploy_code: str
    code: str
    words: frozenset[str]
    purposes: frozenset[str]


@dataclass(frozen=True)
class Figurative:
    """A use of force (``recodes``) said of words, not blows: one of ``verbs`` with a reason or a
    characterisation after one of ``preps`` ("attacked the senator for the vote", "attacked the plan
    as reckless"), or with a direct object among ``objects`` ("attacked the ruling"), is coded ``code``
    (criticism)."""

    code: str
    recodes: frozenset[str]
    verbs: frozenset[str]
    preps: frozenset[str]
    objects: frozenset[str] = frozenset()
    #: verbs that name a win when a contest or a margin is in their clause ("narrowly beat")
    contest_verbs: frozenset[str] = frozenset()
    contests: frozenset[str] = frozenset()
    #: what a use of force may be aimed at that is no party ("fought the epidemic")
    problems: frozenset[str] = frozenset()
    #: where words are exchanged: a use of force during one is verbal ("attacked X in the debate")
    forums: frozenset[str] = frozenset()


@dataclass
class Patterns:
    patterns: list[Pattern]
    frames: dict[str, Frame]
    place_target_roots: frozenset[str]
    version: int
    by_verb: dict[str, list[Pattern]] = field(default_factory=dict)
    by_noun: dict[str, list[Pattern]] = field(default_factory=dict)
    #: "agreed to build a clinic": the intent to cooperate a cooperative intent verb expresses when
    #: its complement names no act of its own (built from the intent section's ``cooperative`` list)
    cooperative_intent: Pattern | None = None
    #: last word of a multi-word noun ("cleansing" of "ethnic cleansing") -> those nouns
    noun_heads: dict[str, set[str]] = field(default_factory=dict)
    #: inflected form -> lemmas, so a lemmatiser slip ("staged" -> "stag") does not hide a verb
    verb_forms: dict[str, set[str]] = field(default_factory=dict)
    #: the ``weapons`` section: the unspecified force code and, per specific code, its label and
    #: weapon words ("190" -> "194" for artillery, "195" for aircraft)
    weapons: Weapons | None = None
    #: the ``peacekeeping`` section: troops sent to keep the peace or to protect are not a build-up
    peacekeeping: Peacekeeping | None = None
    #: the ``figurative`` section: "attacked X for Y" is criticism, not a use of force
    figurative: Figurative | None = None
    #: (frame, lemma, word) -> membership, filled as tokens are asked about
    _frame_memo: dict[tuple[str, str, str], bool] = field(default_factory=dict, repr=False)
    #: (frames, lemma, word) -> membership in any of the frames, filled likewise
    _frames_memo: dict[tuple[tuple[str, ...], str, str], bool] = field(
        default_factory=dict, repr=False
    )
    #: (lemma, word) -> the patterns of that verb token, filled as tokens are asked about
    _verb_memo: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            for verb in pattern.verbs:
                self.by_verb.setdefault(verb, []).append(pattern)
            for noun in pattern.nouns:
                self.by_noun.setdefault(noun, []).append(pattern)
                if " " in noun:
                    self.noun_heads.setdefault(noun.split()[-1], set()).add(noun)
        for table in (self.by_verb, self.by_noun):
            for entries in table.values():
                entries.sort(key=lambda p: -p.specificity)
        frame_verbs = {w for frame in self.frames.values() for w in frame["verbs"]}
        for lemma in set(self.by_verb) | frame_verbs:
            for form in inflections(lemma):
                self.verb_forms.setdefault(form, set()).add(lemma)

    def frame(self, name: str) -> Frame:
        return self.frames.get(name, Frame())

    def with_imported(self, imported: Sequence[Pattern], verbs: Collection[str]) -> Patterns:
        """These patterns with imported ones (a PETRARCH verb dictionary's) added: the imported
        patterns replace the packaged ones of the ``verbs`` they describe; frames stay as they are."""
        if not imported and not verbs:
            return self
        replaced = frozenset(verbs)
        kept = []
        for pattern in self.patterns:
            if pattern.verbs & replaced:
                if not pattern.verbs - replaced:
                    continue
                pattern = replace(pattern, verbs=pattern.verbs - replaced)
            kept.append(pattern)
        return replace(
            self,
            patterns=[*kept, *imported],
            by_verb={},
            by_noun={},
            noun_heads={},
            verb_forms={},
            _frame_memo={},
            _frames_memo={},
            _verb_memo={},
        )

    def noun_frame(self, lemma: str) -> str | None:
        """The frame a noun opens over its "to" infinitive, if any: "decision to expel" is a
        ``direct`` frame, "pledge to help" an ``intent``, "refusal to meet" a ``refusal``; an
        invitation (the nominal section's ``invited`` nouns) is an intent of the one invited."""
        if lemma in self.frame("nominal")["invited"]:
            return "intent"
        return next((name for name in NOUN_FRAMES if lemma in self.frame(name)["nouns"]), None)

    def verb_lemmas(self, lemma: str, word: str) -> list[str]:
        """Lemmas a verb token may be: its own, or the one its inflected form belongs to."""
        lemmas = [lemma] + sorted(self.verb_forms.get(word, set()) - {lemma})
        whole = joined(word)
        if whole != word:
            # "re-imposed" is "reimposed": its lemma is the whole word's ("reimpose")
            lemmas += sorted((self.verb_forms.get(whole, set()) | {joined(lemma)}) - set(lemmas))
        return lemmas

    def in_any_frame(self, frames: tuple[str, ...], lemma: str, word: str) -> bool:
        """Whether a verb token belongs to the word list of any of ``frames`` (asked of every verb
        of every sentence, so answered once per token kind)."""
        memo = (frames, lemma, word)
        known = self._frames_memo.get(memo)
        if known is None:
            known = self._frames_memo[memo] = any(
                self.is_frame_verb(frame, lemma, word) for frame in frames
            )
        return known

    def is_frame_verb(self, frame: str, lemma: str, word: str, key: str = "verbs") -> bool:
        """Whether a verb token belongs to a frame's word list (``intent``, ``reporting``, ...;
        ``key`` names another list of verbs in the section, such as the nominal ``owning``)."""
        memo = (frame if key == "verbs" else f"{frame}.{key}", lemma, word)
        known = self._frame_memo.get(memo)
        if known is None:
            words = self.frame(frame)[key]
            known = any(candidate in words for candidate in self.verb_lemmas(lemma, word))
            self._frame_memo[memo] = known
        return known

    def for_verb(self, lemma: str, word: str) -> list[Pattern]:
        """Patterns for a verb token, most specific first (a shared list: not to be changed)."""
        known = self._verb_memo.get((lemma, word))
        if known is None:
            out: list[Pattern] = []
            for candidate in self.verb_lemmas(lemma, word):
                out += self.by_verb.get(candidate, [])
            known = self._verb_memo[(lemma, word)] = sorted(out, key=lambda p: -p.specificity)
        return known


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
    "slay": ("slew", "slain"),
    "spend": ("spent",),
    "win": ("won",),
    "hit": ("hit",),
    "set": ("set",),
    "keep": ("kept",),
    "leave": ("left",),
    "bear": ("bore", "borne"),
    "rise": ("rose", "risen"),
    "say": ("said",),
    "stand": ("stood",),
    "take": ("took", "taken"),
    "deal": ("dealt",),
    "drive": ("drove", "driven"),
    "know": ("knew", "known"),
    "think": ("thought",),
    "seize": ("seized",),
    "overrun": ("overran",),
    "blow": ("blew", "blown"),
    "shake": ("shook", "shaken"),
    "speak": ("spoke", "spoken"),
    "write": ("wrote", "written"),
    "sit": ("sat",),
    "feel": ("felt",),
    "hear": ("heard",),
    "get": ("got", "gotten"),
    "come": ("came",),
    "see": ("saw", "seen"),
    "become": ("became",),
    "run": ("ran",),
    "swear": ("swore", "sworn"),
    "forbid": ("forbade", "forbidden"),
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
        # a verb ending consonant-vowel-consonant may double it ("stop" -> "stopped", "expel" ->
        # "expelled", British "cancelled"); a doubled form that English lacks is never met
        if (
            len(lemma) >= 3
            and lemma[-1] not in VOWELS | {"w", "x", "y"}
            and lemma[-2] in VOWELS
            and lemma[-3] not in VOWELS
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _entry_lines(text: str) -> list[int]:
    """Line numbers of the pattern entries ("  - {code: ...}"), in order."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith("- {")]


def _words(value: Any, where: str, key: str, problems: list[str]) -> frozenset[str] | None:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        flagged = isinstance(value, bool) or (
            isinstance(value, list) and any(isinstance(v, bool) for v in value)
        )
        hint = " (a bare on/off/yes/no is read as true/false: quote it)" if flagged else ""
        problems.append(f"{where}: {key} must be a list of words{hint}")
        return None
    return frozenset(v.lower() for v in value)


def _pattern(
    entry: Any, where: str, codes: CodeTable, line: int, problems: list[str]
) -> Pattern | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected a mapping, got {type(entry).__name__}")
        return None
    unknown = set(entry) - PATTERN_KEYS
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    code = str(entry.get("code", ""))
    if code not in codes:
        problems.append(f"{where}: {code!r} is not a CAMEO event code")
        return None
    lists: dict[str, frozenset[str]] = {}
    for key in ("verbs", "nouns", "objects", "preps", "adverbs"):
        words = _words(entry.get(key), where, key, problems)
        if words is None:
            return None
        lists[key] = words
    if bool(lists["verbs"]) == bool(lists["nouns"]):
        problems.append(f"{where}: give either verbs or nouns")
        return None
    converse = entry.get("converse")
    if converse is not None and str(converse) not in codes:
        problems.append(f"{where}: converse {converse!r} is not a CAMEO event code")
        return None
    particle = entry.get("particle")
    if particle is not None and not isinstance(particle, str):
        problems.append(f"{where}: particle must be a word (quote on/off/yes/no)")
        return None
    if entry.get("transitive") and entry.get("intransitive"):
        problems.append(f"{where}: transitive and intransitive both set")
    if lists["adverbs"] and not lists["verbs"]:
        problems.append(f"{where}: adverbs are for verb patterns")
        return None
    if entry.get("appeal_only") and not lists["nouns"]:
        problems.append(f"{where}: appeal_only is for noun patterns")
        return None
    if entry.get("realised") and not lists["nouns"]:
        problems.append(f"{where}: realised is for noun patterns")
        return None
    return Pattern(
        code,
        lists["verbs"],
        lists["nouns"],
        lists["objects"],
        particle,
        lists["preps"],
        bool(entry.get("symmetric")),
        bool(entry.get("no_target")),
        bool(entry.get("needs_target")),
        line,
        bool(entry.get("reverse")),
        str(converse) if converse is not None else None,
        bool(entry.get("place_target")),
        bool(entry.get("mutual")),
        bool(entry.get("clause_target")),
        bool(entry.get("object_target")),
        bool(entry.get("preps_only")),
        bool(entry.get("actor_object")),
        bool(entry.get("transitive")),
        appeal_only=bool(entry.get("appeal_only")),
        realised=bool(entry.get("realised")),
        intransitive=bool(entry.get("intransitive")),
        armed=bool(entry.get("armed")),
        adverbs=lists["adverbs"],
    )


def _frame(name: str, value: Any, filename: str, codes: CodeTable, problems: list[str]) -> Frame:
    keys, needs_codes = SECTIONS[name]
    where = f"{filename}: section {name}"
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping")
        return Frame()
    frame = Frame()
    for key in keys:
        words = _words(value.get(key), where, key, problems)
        if words is not None:
            frame.words[key] = words
    allowed = set(keys) | {"codes"} | ({"acts"} if name in ACT_MAPS else set())
    unknown = set(value) - allowed
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    raw_codes = value.get("codes") or {}
    if needs_codes and not raw_codes:
        problems.append(f"{where}: needs a 'codes' map from root to code")
    for root, code in raw_codes.items():
        if str(code) not in codes:
            problems.append(f"{where}: code {code!r} (for root {root!r}) is not a CAMEO event code")
        else:
            frame.codes[str(root)] = str(code)
    raw_acts = value.get("acts") or {}
    if not isinstance(raw_acts, dict):
        problems.append(f"{where}: 'acts' must map a noun to a verb")
        raw_acts = {}
    for noun, verb in raw_acts.items():
        if not isinstance(noun, str) or not isinstance(verb, str):
            problems.append(f"{where}: acts entry {noun!r}: {verb!r} must map a noun to a verb")
        else:
            frame.acts[noun.lower()] = verb.lower()
    return frame


def parse_patterns(text: str, filename: str, codes: CodeTable) -> Patterns:
    """Parse and validate a pattern file; every bad entry is reported at once."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError([f"{filename}: not valid YAML: {exc}"]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DictionaryError([f"{filename}: expected a mapping with a 'patterns' list"])
    problems: list[str] = []
    lines = _entry_lines(text)
    patterns: list[Pattern] = []
    for index, entry in enumerate(data["patterns"], 1):
        line = lines[index - 1] if index <= len(lines) else index
        pattern = _pattern(entry, f"{filename}:{line} (pattern {index})", codes, line, problems)
        if pattern is not None:
            patterns.append(pattern)
    frames = {
        name: _frame(name, data[name], filename, codes, problems)
        for name in SECTIONS
        if name in data
    }
    unknown = (
        set(data)
        - set(SECTIONS)
        - {
            "patterns",
            "version",
            "place_target_roots",
            "weapons",
            "peacekeeping",
            "figurative",
        }
    )
    if unknown:
        problems.append(f"{filename}: unknown section(s) {', '.join(sorted(unknown))}")
    verbs = {v for p in patterns for v in p.verbs}
    for noun, verb in frames["nominal"].acts.items() if "nominal" in frames else ():
        if verb not in verbs:
            problems.append(
                f"{filename}: section nominal: act {noun!r} names {verb!r}, no pattern verb"
            )
    roots = data.get("place_target_roots") or []
    if not all(isinstance(r, str) and len(r) == 2 and r.isdigit() for r in roots):
        problems.append(f"{filename}: place_target_roots must be two-digit root strings")
        roots = []
    intent = frames.get("intent")
    cooperative = None
    if intent is not None and intent["cooperative"]:
        code = intent.codes.get("03", "030")
        line = next(
            (
                n
                for n, row in enumerate(text.splitlines(), 1)
                if row.strip().startswith("cooperative:")
            ),
            0,
        )
        cooperative = Pattern(
            code,
            intent["cooperative"],
            frozenset(),
            frozenset(),
            None,
            frozenset({"to", "with", "for"}),
            False,
            True,
            False,
            line,
            mutual=True,
        )
    weapons = _weapons(data.get("weapons"), filename, codes, problems)
    peacekeeping = _peacekeeping(data.get("peacekeeping"), filename, codes, problems)
    figurative = _figurative(data.get("figurative"), filename, codes, problems)
    if problems:
        raise DictionaryError(problems)
    return Patterns(
        patterns,
        frames,
        frozenset(roots),
        int(data.get("version", 1)),
        cooperative_intent=cooperative,
        weapons=weapons,
        peacekeeping=peacekeeping,
        figurative=figurative,
    )


def _code(value: Any, where: str, codes: CodeTable, problems: list[str]) -> str | None:
    if str(value) not in codes:
        problems.append(f"{where}: {value!r} is not a CAMEO event code")
        return None
    return str(value)


def _weapons(value: Any, filename: str, codes: CodeTable, problems: list[str]) -> Weapons | None:
    """The ``weapons`` section: ``force_code``, ``kinds`` (code -> {label, words}) and, optionally,
    ``also`` (other codes the weapons make specific)."""
    if value is None:
        return None
    where = f"{filename}: section weapons"
    if not isinstance(value, dict) or not isinstance(value.get("kinds"), dict):
        problems.append(
            f"{where}: expected force_code and a 'kinds' map from code to label and words"
        )
        return None
    unknown = set(value) - {"force_code", "kinds", "also"}
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    force = _code(value.get("force_code", ""), f"{where}: force_code", codes, problems)
    kinds: dict[str, tuple[str, frozenset[str]]] = {}
    for code, kind in value["kinds"].items():
        at = f"{where}: kind {code!r}"
        checked = _code(code, at, codes, problems)
        if not isinstance(kind, dict) or not isinstance(kind.get("label"), str):
            problems.append(f"{at}: needs a label and a list of words")
            continue
        words = _words(kind.get("words"), at, "words", problems)
        if checked is not None and words:
            kinds[checked] = (kind["label"], words)
    also: set[str] = set()
    if not isinstance(value.get("also", []), list):
        problems.append(f"{where}: also: expected a list of codes")
    else:
        for code in value.get("also", []):
            checked = _code(code, f"{where}: also", codes, problems)
            if checked is not None:
                also.add(checked)
    return Weapons(force, kinds, frozenset(also)) if force is not None else None


def _peacekeeping(
    value: Any, filename: str, codes: CodeTable, problems: list[str]
) -> Peacekeeping | None:
    """The ``peacekeeping`` section: ``deploy_code``, ``code``, ``words`` and ``purposes``."""
    if value is None:
        return None
    where = f"{filename}: section peacekeeping"
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping")
        return None
    unknown = set(value) - {"deploy_code", "code", "words", "purposes"}
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    deploy = _code(value.get("deploy_code", ""), f"{where}: deploy_code", codes, problems)
    code = _code(value.get("code", ""), f"{where}: code", codes, problems)
    words = _words(value.get("words"), where, "words", problems)
    purposes = _words(value.get("purposes"), where, "purposes", problems)
    if deploy is None or code is None or words is None or purposes is None:
        return None
    return Peacekeeping(deploy, code, words, purposes)


def _figurative(
    value: Any, filename: str, codes: CodeTable, problems: list[str]
) -> Figurative | None:
    """The ``figurative`` section: ``code``, ``recodes`` (codes), ``verbs``, ``preps`` and, optionally,
    ``objects``, ``problems``, ``forums`` and the pair ``contest_verbs`` / ``contests``."""
    if value is None:
        return None
    where = f"{filename}: section figurative"
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a mapping")
        return None
    unknown = set(value) - {
        "code",
        "recodes",
        "verbs",
        "preps",
        "objects",
        "contest_verbs",
        "contests",
        "problems",
        "forums",
    }
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    code = _code(value.get("code", ""), f"{where}: code", codes, problems)
    recodes: set[str] = set()
    if not isinstance(value.get("recodes"), list) or not value["recodes"]:
        problems.append(f"{where}: recodes: expected a list of codes")
    else:
        for each in value["recodes"]:
            checked = _code(each, f"{where}: recodes", codes, problems)
            if checked is not None:
                recodes.add(checked)
    verbs = _words(value.get("verbs"), where, "verbs", problems)
    preps = _words(value.get("preps"), where, "preps", problems)
    objects = _words(value.get("objects"), where, "objects", problems)
    contest_verbs = _words(value.get("contest_verbs"), where, "contest_verbs", problems)
    contests = _words(value.get("contests"), where, "contests", problems)
    aims = _words(value.get("problems"), where, "problems", problems)
    forums = _words(value.get("forums"), where, "forums", problems)
    for key, words in (("verbs", verbs), ("preps", preps)):
        if words == frozenset():
            problems.append(f"{where}: {key} must list at least one word")
    if bool(contest_verbs) != bool(contests):
        problems.append(f"{where}: contest_verbs and contests go together")
    if code is None or not recodes or not verbs or not preps or objects is None:
        return None
    if contest_verbs is None or contests is None or aims is None or forums is None:
        return None
    return Figurative(
        code, frozenset(recodes), verbs, preps, objects, contest_verbs, contests, aims, forums
    )


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The packaged event patterns, validated (loaded once per process)."""
    text = resources.files("dyadwatch").joinpath("data/verbs.yaml").read_text("utf-8")
    return parse_patterns(text, "verbs.yaml", code_table())
