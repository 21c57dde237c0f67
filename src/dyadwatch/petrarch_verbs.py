"""Read PETRARCH/TABARI verb dictionaries and turn their patterns into event patterns.

A verb dictionary has two parts, in any order:

* **synonym sets**: a line ``&NAME`` followed by member lines ``+WORD`` (a member may be several
  words, joined by spaces or ``_`` or written in parentheses, or another set, ``+&OTHER``); the set
  ends at the next line that is not a member;
* **verb blocks**: a header ``--- NAME [CODE] ---``, then verb lines and pattern lines. A verb line
  is ``WORD``, ``WORD {FORM FORM ...}`` (its inflected forms, when irregular) or ``WORD [CODE]`` (a
  verb whose bare use has a code of its own); ``+GO_BY {+WENT_BY ...}`` is a verb of several words.
  A pattern line is ``- WORDS [CODE]``: the words around ``*`` (the verb) that must stand before and
  after it, in order. Words joined by ``_`` must be adjacent; ``(...)`` and ``{...}`` group a
  prepositional or noun phrase; ``&NAME`` is any member of a set; ``+`` marks where the target
  stands, ``$`` the source, ``%`` a compound actor (the two of "A and B agreed"); ``^`` skips a word.
  The header's code is the code of the block's verbs used bare.

A code is a CAMEO event code, ``---`` (the words code nothing: "approved the budget" is no
approval), or two codes ``[A:B]``, the second for the other direction. Codes that are not CAMEO
event codes (the KEDS/WEIS codes old dictionaries still carry) cannot be coded: such patterns are
left out, and each is listed in :attr:`VerbDictionary.skipped` with its line.

Comments are as in actor dictionaries (``#`` and ``<!-- -->``). Verb dictionaries in use hold
slips (a pattern line without its ``-``, a set used but never defined) that PETRARCH passes over, so a
malformed line (a pattern outside a block or without ``*``, an unbalanced bracket, an unknown set, a
missing code) is left out too and listed in :attr:`VerbDictionary.skipped` with its line and why; a
file with no verb block at all raises :class:`~dyadwatch.errors.DictionaryError`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .codes import CodeTable
from .patterns import Pattern, Step
from .petrarch_dicts import Report, _content_lines, _raise_if_any, _reporter

#: "--- AGREE [050] ---"; a second code block and the closing dashes are passed over, as PETRARCH does
_HEADER = re.compile(
    r"^-{3}\s*(?P<name>[^\[\]-][^\[\]]*?)\s*\[(?P<code>[^\[\]]*)\](?:\s*\[[^\[\]]*\])*\s*(?:-{3})?\s*$"
)
_CODE = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*$")
_CAMEO = re.compile(r"^\d{2,4}$")
#: Prepositions a pattern's ``+`` (or ``$``) may follow to say which phrase holds that actor.
PREPOSITIONS = frozenset(
    {
        "about",
        "across",
        "against",
        "among",
        "at",
        "between",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "over",
        "through",
        "to",
        "toward",
        "towards",
        "under",
        "upon",
        "with",
        "within",
    }
)
#: Targets a bare verb's prepositional phrases may name, as for the packaged patterns.
DEFAULT_PREPS = frozenset({"with", "to", "against", "on", "at"})


@dataclass
class _Block:
    name: str
    code: str
    line: int
    verbs: list[tuple[str, tuple[str, ...], str | None, int]] = field(default_factory=list)
    patterns: list[tuple[str, str, int]] = field(default_factory=list)  # (body, code, line)


@dataclass
class VerbDictionary:
    """The event patterns of one verb dictionary, and what was left out."""

    patterns: list[Pattern]
    #: ``file:line: why`` for each line left out: malformed, or with a code that cannot be coded
    skipped: list[str]
    #: the verbs the dictionary describes: their packaged patterns give way to these
    verbs: frozenset[str]


def _words(raw: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s_()]+", raw.lower()) if w)


def _read_sets(lines: list[tuple[int, str]], report: Report) -> dict[str, list[tuple[str, ...]]]:
    """Synonym sets, each a list of members (word runs, or ``("&NAME",)`` for a nested set)."""
    sets: dict[str, list[tuple[str, ...]]] = {}
    current: str | None = None
    for number, content in lines:
        text = content.strip()
        if text.startswith("&") and " " not in text.rstrip("_"):
            current = _set_name(text)
            sets.setdefault(current, [])
        elif text.startswith("+") and current is not None:
            member = text[1:].strip()
            if member.startswith("&"):
                sets[current].append(("&" + _set_name(member),))
            else:
                words = _words(member)
                if not words:
                    report(number, f"empty member of set &{current}")
                else:
                    sets[current].append(words)
        else:
            current = None
    return sets


def _expand(
    name: str, sets: dict[str, list[tuple[str, ...]]], seen: tuple[str, ...] = ()
) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for member in sets.get(name, []):
        if len(member) == 1 and member[0].startswith("&"):
            inner = member[0][1:]
            if inner not in seen and inner != name:  # a set that holds itself adds nothing
                found |= _expand(inner, sets, (*seen, name))
        else:
            found.add(member)
    return found


def parse_verbs(text: str, filename: str, codes: CodeTable) -> VerbDictionary:
    """Parse and validate a PETRARCH verb dictionary into event patterns."""
    problems: list[tuple[int, str]] = []
    report = _reporter(filename, problems)
    lines = list(_content_lines(text, report))
    sets = _read_sets(lines, report)
    blocks: list[_Block] = []
    in_set = False
    for number, content in lines:
        text_line = content.strip()
        if text_line.startswith("&") and " " not in text_line.rstrip("_"):
            in_set = True
            continue
        if text_line.startswith("---"):
            in_set = False
            header = _HEADER.match(text_line)
            if header is None:
                report(number, f"malformed verb block header {text_line!r}")
                blocks.append(_Block("", "---", number))  # its lines still belong to a block
                continue
            blocks.append(_Block(header["name"].strip(), header["code"].strip(), number))
            continue
        if text_line.startswith("+") and in_set:
            continue
        in_set = False
        if not blocks:
            report(number, f"line outside any verb block: {text_line!r}")
            continue
        block = blocks[-1]
        if text_line.startswith("-"):
            body = text_line[1:]
            code = _CODE.search(body)
            if code is None:
                report(number, f"pattern without a [code]: {text_line!r}")
                continue
            body = body[: code.start()]
            if body.count("(") != body.count(")") or body.count("{") != body.count("}"):
                report(number, f"unbalanced brackets in pattern {text_line!r}")
                continue
            if "*" not in body:
                report(number, f"pattern without the verb '*': {text_line!r}")
                continue
            block.patterns.append((body, code["code"].strip(), number))
            continue
        verb = re.match(
            r"^(?P<word>\+?[A-Za-z][A-Za-z0-9'._ +-]*?)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?\s*$",
            text_line,
        )
        if verb is None:
            report(number, f"malformed verb line {text_line!r}")
            continue
        forms = tuple(f.lstrip("+").lower() for f in (verb["forms"] or "").split())
        own = verb["code"].strip() if verb["code"] is not None else None
        word = "_".join(verb["word"].lstrip("+").lower().split())  # "LASH OUT" is "LASH_OUT"
        block.verbs.append((word, forms, own, number))
    for block in blocks:
        for body, raw, number in list(block.patterns):
            unknown = [
                symbol
                for symbol, _joined in _tokens(body, sets)
                if symbol.startswith("&") and _set_name(symbol) not in sets
            ]
            if unknown:
                report(number, f"unknown synonym set {unknown[0]}")
                block.patterns.remove((body, raw, number))
    if not blocks:
        report(1, "no verb block ('--- NAME [CODE] ---') in the file")
        _raise_if_any(problems)
    dictionary = _convert(blocks, sets, filename, codes)
    left_out = [f"{text}; left out" for _, text in sorted(problems, key=lambda p: p[0])]
    dictionary.skipped[:0] = left_out
    return dictionary


def _code_of(raw: str) -> tuple[str, str | None, bool]:
    """(code, converse, null) of a code block's text: ``---`` is null, ``A:B`` a pair."""
    first, _, second = raw.partition(":")
    first, second = first.strip(), second.strip()
    return first, second or None, first == "---"


def _convert(
    blocks: list[_Block], sets: dict[str, list[tuple[str, ...]]], filename: str, codes: CodeTable
) -> VerbDictionary:
    patterns: list[Pattern] = []
    skipped: list[str] = []
    described: set[str] = set()

    def codable(raw: str, line: int) -> tuple[str, str | None, bool] | None:
        code, converse, null = _code_of(raw)
        if null:
            return "---", None, True
        if code not in codes or not _CAMEO.match(code):
            skipped.append(f"{filename}:{line}: [{raw}] is not a CAMEO event code; left out")
            return None
        if converse is not None and (converse not in codes or not _CAMEO.match(converse)):
            converse = None
        return code, converse, False

    for block in blocks:
        # the block's verbs, grouped by the words written after them ("GO_BY") and their own bare
        # code: (extra words, own code) -> (verbs and forms, first line)
        groups: dict[tuple[tuple[str, ...], str | None], tuple[set[str], int]] = {}
        for word, forms, own, line in block.verbs:
            head, *extra = [w for w in word.split("_") if w] or [word]
            written = {head} | {f.split("_")[0] for f in forms if f}
            group = groups.setdefault((tuple(extra), own), (set(), line))
            group[0].update(written)
            described.update(written)
        if not groups and block.name:
            # a block whose verbs are not listed describes the verb it is named after
            name = block.name.lower().split()[0]
            groups[((), None)] = ({name}, block.line)
            described.add(name)
        for (rest, own), (verb_set, line) in groups.items():
            heads: frozenset[str] = frozenset(verb_set)
            bare = codable(own if own is not None else block.code, line)
            if bare is not None and not bare[2]:
                lower = tuple(Step(frozenset({(w,)}), True) for w in rest)
                patterns.append(
                    Pattern(
                        bare[0],
                        heads,
                        frozenset(),
                        frozenset(),
                        None,
                        DEFAULT_PREPS,
                        bare[1] == bare[0],
                        False,
                        False,
                        line,
                        converse=bare[1] if bare[1] != bare[0] else None,
                        lower=lower,
                        origin=filename,
                    )
                )
            # the block's patterns hold for every verb of the block, one with a code of its own too
            for body, raw, number in block.patterns:
                coded = codable(raw, number)
                if coded is not None:
                    patterns.append(_pattern(body, coded, heads, rest, sets, number, filename))
    return VerbDictionary(patterns, skipped, frozenset(described))


def _tokens(body: str, sets: Collection[str]) -> list[tuple[str, bool]]:
    """The pattern's symbols in order, each with whether it is joined (``_``) to the one before; a
    set's name may itself hold ``_`` ("&FIGHT_OF_WORDS"), the longest known name wins."""
    out: list[tuple[str, bool]] = []
    for chunk in re.sub(r"[(){}]", " ", body).split():
        parts = chunk.split("_")
        k = 0
        while k < len(parts):
            part, joined = parts[k], k > 0 and bool(parts[k - 1])
            end = k + 1
            if part.startswith("&"):
                end = max(
                    (
                        j
                        for j in range(k + 1, len(parts) + 1)
                        if _set_name("_".join(parts[k:j])) in sets
                    ),
                    default=k + 1,
                )
                part = "&" + _set_name("_".join(parts[k:end]))
            if part:
                # "IN_*" and "*_ON" are joined to the verb; "OFF_" ends with TABARI's whole-word mark
                out.append((part, joined))
            k = end
    return out


def _set_name(raw: str) -> str:
    return raw.lstrip("&").upper().rstrip("_")


def _pattern(
    body: str,
    coded: tuple[str, str | None, bool],
    heads: frozenset[str],
    rest: tuple[str, ...],
    sets: dict[str, list[tuple[str, ...]]],
    line: int,
    filename: str,
) -> Pattern:
    """One pattern line as an event pattern of the verbs ``heads``."""
    symbols = _tokens(body, sets)
    star = next(k for k, (s, _) in enumerate(symbols) if s == "*")
    before, after = symbols[:star], symbols[star + 1 :]
    lower: list[Step] = [Step(frozenset({(w,)}), True) for w in rest]
    upper: list[Step] = []
    positions: list[int] = []  # where in ``before`` each upper step stands
    roles: dict[str, str | None] = {}
    compound = False
    for side, seq in (("upper", before), ("lower", after)):
        previous_word: str | None = None
        for k, (symbol, joined) in enumerate(seq):
            if symbol in ("+", "$"):
                role = "target" if symbol == "+" else "source"
                prep = previous_word if previous_word in PREPOSITIONS else None
                roles[role] = f"{side}:{prep or ''}"
                previous_word = None
                continue
            if symbol == "%":
                compound = True
                continue
            if symbol == "^":
                previous_word = None
                continue
            if symbol.startswith("&"):
                phrases = frozenset(_expand(_set_name(symbol), sets))
            else:
                phrases = frozenset({(symbol.lower(),)})
                previous_word = symbol.lower()
            if side == "upper":
                upper.append(Step(phrases, joined))
                positions.append(k)
            else:
                lower.append(Step(phrases, joined))
            if symbol.startswith("&"):
                previous_word = None
    code, converse, null = coded
    target, source = roles.get("target"), roles.get("source")
    preps = set(DEFAULT_PREPS)
    reverse = False
    if target is not None and target.startswith("lower:") and target != "lower:":
        preps = {target.split(":", 1)[1]}
    if source is not None and source.startswith("lower:"):
        # "+ * IN $": the target stands before the verb, the source in the phrase after it
        reverse = True
        preps = {source.split(":", 1)[1]} if source != "lower:" else preps
    # upper steps are matched from the verb backwards: nearest first, each joined to what follows it
    # (the next word, or the verb)
    upper_steps = [
        Step(upper[k].phrases, symbols[positions[k] + 1][1]) for k in range(len(upper) - 1, -1, -1)
    ]
    return Pattern(
        code,
        heads,
        frozenset(),
        frozenset(),
        None,
        frozenset(preps),
        converse == code,
        False,
        False,
        line,
        reverse=reverse,
        converse=converse if converse != code else None,
        mutual=compound,
        lower=tuple(lower),
        upper=tuple(upper_steps),
        null=null,
        origin=filename,
    )
