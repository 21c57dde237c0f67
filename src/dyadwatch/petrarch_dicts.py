"""Read PETRARCH/TABARI actor and agent dictionaries so they can be imported.

Both formats are line based. What every line may contain besides its content:

* comments: ``#`` (anywhere) and the legacy KEDS/TABARI ``;`` end the line's content; ``<!-- ... -->``
  (also spelt ``<! -- ... -->``) may sit inside a line or run over many lines;
* blank lines and lines left empty by comments carry nothing and are skipped.

**Actors.** An entry is a main line ``NAME [CODE]`` or a bare ``NAME``, followed by any number of
synonym lines ``+NAME`` and code lines ``[CODE ...]`` (usually indented with a tab), in any order, up
to the next main line. Words of a name are joined by spaces or underscores (both become one space;
TABARI's trailing ``_`` "whole word" marker is dropped, as PETRARCH does). Several code blocks may
stand on one line (TABARI's in-line form). A code block is ``[CODE]`` (the default code) or a code
with a date restriction: ``[CODE <DATE]``, ``[CODE >DATE]`` or ``[CODE DATE-DATE]`` (spaces around
``<``, ``>`` and ``-`` allowed). Dates are ``YYYYMMDD`` or ``YYMMDD`` (``00``-``30`` mean 20YY, other
two-digit years 19YY, as in TABARI). A code is letters and digits, or the null codes ``---`` and
``+++``, several of them joined by ``/`` for a compound actor (``[ELR/GAL]``); it is upper-cased.
Synonyms carry no code of their own: they share the entry's codes. An entry that ends with no code
at all is an error (PETRARCH would silently store a codeless actor).

**Agents.** An entry is ``PHRASE {PLURAL} [~CODE]`` (words joined as in actors): ``{PLURAL}`` is
optional, ``{}`` means "no plural", and without braces :func:`default_plural` is added; ``[~GOV]``
puts the agent code after the actor's country code, ``[IGO~]`` before it. Lines
``!NAME! = A, B, C`` define substitution markers: a phrase containing ``!NAME!`` stands for one phrase
per item, with no plurals formed (markers must be defined before use, as in PETRARCH).

Problems are collected over the whole file and raised together as one
:class:`~dyadwatch.errors.DictionaryError`, each as ``file:line: message``.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DictionaryError

_COMMENT_OPEN = re.compile(r"<!\s*--")
_CODE_PART = r"(?:[A-Za-z][A-Za-z0-9]*|-{3}|\+{3})"
_ACTOR_CODE = re.compile(rf"{_CODE_PART}(?:/{_CODE_PART})*")
_RESTRICTION = re.compile(r"(?:(?P<op>[<>])\s*(?P<day>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?")
_BLOCKS = re.compile(r"(?:\s*\[[^\[\]]*\])*\s*")
_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_AGENT_CODE = re.compile(r"(?P<pre>~?)(?P<code>[A-Za-z][A-Za-z0-9]*)(?P<post>~?)")
_MARKER = re.compile(r"!([A-Za-z0-9_]+)!")
_MARKER_DEF = re.compile(r"!(?P<name>[A-Za-z0-9_]+)!\s*=(?P<items>.*)")
_PLURAL = re.compile(r"(?P<root>[^{}]*?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*")
_FORBIDDEN = frozenset("[]{}<>!=~")  # structural characters that cannot occur inside a phrase

Report = Callable[[int, str], None]
Markers = dict[str, tuple[int, list[str]]]  # marker name -> (line defined, substitutions)


@dataclass(frozen=True)
class DatedCode:
    """One code of an actor, optionally restricted to a period.

    The period is half-open, as PETRARCH applies it: ``start <= day < end``. ``[X >D]`` gives
    ``start=D`` (the code holds from ``D`` on), ``[X <D]`` gives ``end=D`` (it holds until the day
    before ``D``), and ``[X D1-D2]`` gives both, so ``[A 19610804-20050103] [B >20050103]`` hand over
    on 3 January 2005 without overlap. A code with neither bound is the entry's default code.
    """

    code: str
    start: datetime.date | None = None
    end: datetime.date | None = None

    @property
    def dated(self) -> bool:
        """Whether the code is restricted to a period (``False`` for the default code)."""
        return self.start is not None or self.end is not None

    @property
    def parts(self) -> tuple[str, ...]:
        """The codes of a compound actor (``"ELR/GAL"`` gives ``("ELR", "GAL")``)."""
        return tuple(self.code.split("/"))

    def covers(self, day: datetime.date) -> bool:
        """Whether ``day`` lies in the code's period (always true for an undated code)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class ActorEntry:
    """An actor: its names (main name first, then synonyms) and its codes in file order."""

    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int

    def code_on(self, day: datetime.date | None) -> str | None:
        """The code in force on ``day``.

        The first dated code (in file order) whose period covers ``day`` wins, as in PETRARCH;
        otherwise, and when ``day`` is ``None``, the undated default code, if any.
        """
        default = next((code.code for code in self.codes if not code.dated), None)
        if day is None:
            return default
        return next((c.code for c in self.codes if c.dated and c.covers(day)), default)


@dataclass(frozen=True)
class AgentEntry:
    """An agent: its phrases (singular first, then plural, or every marker expansion) and code."""

    phrases: tuple[str, ...]
    code: str
    prefix: bool
    line: int


def default_plural(phrase: str) -> str:
    """PETRARCH's automatic plural of an agent phrase, applied to its last word.

    The rules are those of PETRARCH's agent reader (not its documentation, which asks for ``SS``):
    a final ``Y`` becomes ``IES``, a final ``S`` takes ``ES``, anything else takes ``S``. The suffix
    follows the case of the last letter.
    """
    last = phrase[-1]
    stem, suffix = (phrase[:-1], "IES") if last in "Yy" else (phrase, "ES" if last in "Ss" else "S")
    return stem + (suffix.lower() if last.islower() else suffix)


def parse_actors(text: str, filename: str) -> list[ActorEntry]:
    """Parse a PETRARCH/TABARI actor dictionary.

    Args:
        text: the dictionary's content.
        filename: the name used in problem messages.

    Returns:
        The entries in file order.

    Raises:
        DictionaryError: listing every malformed line of the file.
    """
    problems: list[tuple[int, str]] = []
    report = _reporter(filename, problems)
    entries: list[ActorEntry] = []
    draft: _Draft | None = None

    def close() -> None:
        if draft is None or not draft.ok:
            return
        if not draft.codes:
            report(draft.line, f"actor {draft.phrases[0]!r} has no code")
        else:
            phrases = tuple(dict.fromkeys(draft.phrases))
            entries.append(ActorEntry(phrases, tuple(draft.codes), draft.line))

    for number, content in _content_lines(text, report):
        line = content.strip()
        if line[0] not in "+[":  # a main line starts a new entry
            close()
            name, bracket, rest = line.partition("[")
            phrase = _phrase(name, number, report)
            draft = _Draft([phrase or ""], number, ok=phrase is not None)
            if bracket:
                draft.add_codes(bracket + rest, number, report)
        elif draft is None:
            report(number, "synonym or code line before the first actor entry")
        elif line[0] == "[":
            draft.add_codes(line, number, report)
        elif "[" in line or "]" in line:
            report(number, "a synonym cannot carry a code: put it on the entry or a code line")
        elif (phrase := _phrase(line[1:], number, report)) is not None:
            draft.phrases.append(phrase)
    close()
    _raise_if_any(problems)
    return entries


def parse_agents(text: str, filename: str) -> list[AgentEntry]:
    """Parse a PETRARCH agent dictionary.

    Args:
        text: the dictionary's content.
        filename: the name used in problem messages.

    Returns:
        The entries in file order (substitution marker definitions are consumed, not returned).

    Raises:
        DictionaryError: listing every malformed line of the file.
    """
    problems: list[tuple[int, str]] = []
    report = _reporter(filename, problems)
    markers: Markers = {}
    entries: list[AgentEntry] = []
    for number, content in _content_lines(text, report):
        line = content.strip()
        if "=" in line:
            _define_marker(line, number, markers, report)
            continue
        phrase_part, bracket, rest = line.partition("[")
        if not bracket:
            report(number, "missing agent code: expected 'PHRASE [~CODE]'")
            continue
        if (found := _split_blocks(bracket + rest, number, report)) is None:
            continue
        if len(found) > 1:
            report(number, "an agent takes exactly one code block")
            continue
        code = _agent_code(found[0], number, report)
        phrases = _agent_phrases(phrase_part, markers, number, report)
        if code is not None and phrases:
            entries.append(AgentEntry(phrases, code[0], code[1], number))
    _raise_if_any(problems)
    return entries


def load_actors(path: str | Path) -> list[ActorEntry]:
    """Read and parse an actor dictionary file (UTF-8); see :func:`parse_actors`."""
    return parse_actors(_read(Path(path)), str(path))


def load_agents(path: str | Path) -> list[AgentEntry]:
    """Read and parse an agent dictionary file (UTF-8); see :func:`parse_agents`."""
    return parse_agents(_read(Path(path)), str(path))


# --- helpers -------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """An actor entry being read; ``ok`` is false once its main line was found broken."""

    phrases: list[str]
    line: int
    ok: bool
    codes: list[DatedCode] = field(default_factory=list)

    def add_codes(self, blocks: str, number: int, report: Report) -> None:
        bodies = _split_blocks(blocks, number, report)
        if bodies is None:
            self.ok = False
        for body in bodies or []:
            try:
                code = _dated_code(body)
            except ValueError as exc:
                report(number, str(exc))
                self.ok = False
                continue
            if not code.dated and any(not known.dated for known in self.codes):
                report(number, f"second undated code [{body.strip()}] for the same actor")
                self.ok = False
            self.codes.append(code)


def _reporter(filename: str, problems: list[tuple[int, str]]) -> Report:
    def report(number: int, message: str) -> None:
        problems.append((number, f"{filename}:{number}: {message}"))

    return report


def _raise_if_any(problems: list[tuple[int, str]]) -> None:
    """Raise every problem at once, in line order (a sort that keeps same-line problems in order)."""
    if problems:
        raise DictionaryError([text for _, text in sorted(problems, key=lambda p: p[0])])


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DictionaryError([f"{path}:{line}: not valid UTF-8"]) from exc


def _content_lines(text: str, report: Report) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, content)`` for each line that has content once comments are removed."""
    open_since: int | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        rest, kept = raw.rstrip("\r"), []
        while rest:
            if open_since is not None:
                close = rest.find("-->")
                rest = "" if close < 0 else rest[close + 3 :]
                open_since = None if close >= 0 else open_since
                continue
            opener = _COMMENT_OPEN.search(rest)
            stops = [i for i in (rest.find("#"), rest.find(";")) if i >= 0]
            stop = min(stops, default=len(rest))
            if opener is not None and opener.start() < stop:
                kept.append(rest[: opener.start()])
                rest, open_since = rest[opener.end() :], number
            else:
                kept.append(rest[:stop])
                rest = ""
        content = "".join(kept)
        if content.strip():
            yield number, content
    if open_since is not None:
        report(open_since, "'<!--' comment is never closed")


def _phrase(raw: str, number: int, report: Report) -> str | None:
    """Normalise a written phrase (underscores and runs of spaces become one space)."""
    bad = sorted(set(raw) & _FORBIDDEN)
    if bad:
        report(number, f"unexpected {' '.join(repr(c) for c in bad)} in phrase {raw.strip()!r}")
        return None
    phrase = " ".join(raw.replace("_", " ").split())
    if not phrase:
        report(number, "empty phrase")
        return None
    return phrase


def _split_blocks(text: str, number: int, report: Report) -> list[str] | None:
    """The contents of the ``[...]`` blocks making up ``text``, or ``None`` (reported) if malformed."""
    if _BLOCKS.fullmatch(text):
        return _BLOCK.findall(text)
    if text.count("[") != text.count("]"):
        report(number, f"unbalanced brackets in {text.strip()!r}")
    else:
        report(number, f"unexpected text around code block {text.strip()!r}")
    return None


def _dated_code(body: str) -> DatedCode:
    """Parse the inside of an actor code block; raise ``ValueError`` with a message if malformed."""
    body = body.strip()
    code = _ACTOR_CODE.match(body)
    if code is None:
        raise ValueError(f"missing or ill-formed code in [{body}]")
    restriction = _RESTRICTION.fullmatch(body[code.end() :].strip())
    if restriction is None:
        raise ValueError(f"ill-formed date restriction in [{body}]")
    op, day, start, end = restriction.group("op", "day", "start", "end")
    name = code.group().upper()
    if op == "<":
        return DatedCode(name, None, _date(day))
    if op == ">":
        return DatedCode(name, _date(day), None)
    if start is None:
        return DatedCode(name)
    first, last = _date(start), _date(end)
    if first >= last:
        raise ValueError(f"empty date range in [{body}]: {start} is not before {end}")
    return DatedCode(name, first, last)


def _date(token: str) -> datetime.date:
    """A ``YYYYMMDD`` or ``YYMMDD`` date (two-digit years 00-30 are 20YY, others 19YY)."""
    if len(token) == 8:
        year = int(token[:4])
    elif len(token) == 6:
        year = int(token[:2]) + (2000 if int(token[:2]) <= 30 else 1900)
    else:
        raise ValueError(f"bad date {token!r}: expected YYYYMMDD or YYMMDD")
    try:
        return datetime.date(year, int(token[-4:-2]), int(token[-2:]))
    except ValueError:
        raise ValueError(f"bad date {token!r}: no such day") from None


def _define_marker(line: str, number: int, markers: Markers, report: Report) -> None:
    """Record the substitution marker defined by ``line`` (``!NAME! = A, B, C``)."""
    found = _MARKER_DEF.fullmatch(line)
    if found is None:
        report(
            number, f"ill-formed substitution marker definition {line!r}: expected '!NAME! = A, B'"
        )
        return
    name = found.group("name")
    items = [item.strip() for item in found.group("items").split(",")]
    if name in markers:
        report(number, f"substitution marker !{name}! already defined on line {markers[name][0]}")
    elif not all(items):
        report(number, f"empty item in the list of substitution marker !{name}!")
    elif all(_phrase(item, number, report) is not None for item in items):
        markers[name] = (number, items)


def _agent_code(body: str, number: int, report: Report) -> tuple[str, bool] | None:
    """``(code, prefix)`` from the inside of an agent code block, or ``None`` (reported)."""
    found = _AGENT_CODE.fullmatch(body.strip())
    if found is None or bool(found.group("pre")) == bool(found.group("post")):
        report(number, f"ill-formed agent code [{body.strip()}]: expected [~CODE] or [CODE~]")
        return None
    return found.group("code").upper(), bool(found.group("post"))


def _agent_phrases(raw: str, markers: Markers, number: int, report: Report) -> tuple[str, ...]:
    """The phrases of an agent entry (plural forms or marker expansions), empty if reported."""
    if raw.count("{") != raw.count("}"):
        report(number, f"unbalanced braces in {raw.strip()!r}")
        return ()
    found = _PLURAL.fullmatch(raw)
    if found is None:
        report(number, f"ill-formed plural in {raw.strip()!r}: expected 'PHRASE {{PLURAL}}'")
        return ()
    root, plural = found.group("root"), found.group("plural")
    names = _MARKER.findall(root)
    if names:
        return _expand_markers(root, names, plural, markers, number, report)
    singular = _phrase(root, number, report)
    if singular is None:
        return ()
    if plural is None:
        return (singular, default_plural(singular))
    if not plural.strip():
        return (singular,)
    written = _phrase(plural, number, report)
    return () if written is None else tuple(dict.fromkeys((singular, written)))


def _expand_markers(
    root: str,
    names: list[str],
    plural: str | None,
    markers: Markers,
    number: int,
    report: Report,
) -> tuple[str, ...]:
    """Every phrase ``root`` stands for, one per combination of its markers' substitutions."""
    if plural is not None:
        report(number, "a phrase with a substitution marker cannot have a {plural}")
        return ()
    undefined = [name for name in names if name not in markers]
    if undefined:
        report(number, f"undefined substitution marker !{undefined[0]}!")
        return ()
    pieces = _MARKER.split(root)  # literal text at even positions, marker names at odd ones
    phrases: list[str] = []
    for choice in itertools.product(*(markers[name][1] for name in names)):
        text = "".join(p if i % 2 == 0 else choice[i // 2] for i, p in enumerate(pieces))
        phrase = _phrase(text, number, report)
        if phrase is None:
            return ()
        phrases.append(phrase)
    return tuple(dict.fromkeys(phrases))
