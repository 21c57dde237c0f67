"""CAMEO event code table: names, root, Goldstein scale, QuadClass and PLOVER type of every code.

The table (``data/cameo_codes.tsv``) follows GDELT's conventions: Goldstein values from GDELT's scale (a
code GDELT lacks takes its parent's value), QuadClass by root (01–05 verbal cooperation, 06–09 material
cooperation, 10–14 verbal conflict, 15–20 material conflict), PLOVER type from the CAMEO-to-PLOVER map
(empty where PLOVER drops the code, as it does for statements and appeals).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import DictionaryError

QUAD_CLASS_LABELS = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}


@dataclass(frozen=True)
class CodeInfo:
    """Facts about one CAMEO event code."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


def quad_class_of_root(root: str) -> int:
    """Return GDELT's QuadClass (1–4) for a two-digit CAMEO root code."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"not a CAMEO root code: {root!r}")
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


class CodeTable:
    """Look-up of CAMEO event codes, loaded once from the packaged TSV."""

    def __init__(self, rows: dict[str, CodeInfo]) -> None:
        self._rows = rows

    def __contains__(self, code: object) -> bool:
        return code in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, code: str) -> CodeInfo:
        """Return the facts of ``code``; raises KeyError for a code CAMEO does not define."""
        return self._rows[code]

    def codes(self) -> list[str]:
        """Every code, in table order."""
        return list(self._rows)


def parse_code_table(lines: list[str], filename: str) -> CodeTable:
    """Parse and validate the code table, reporting every bad row at once."""
    problems: list[str] = []
    rows: dict[str, CodeInfo] = {}
    data = [
        (n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")
    ]
    reader = csv.DictReader((line for _, line in data), delimiter="\t")
    for (number, _), row in zip(data[1:], reader, strict=False):
        code = (row.get("code") or "").strip()
        where = f"{filename}:{number}"
        try:
            if not code.isdigit() or len(code) not in (2, 3, 4) or code[:2] != row["root"]:
                raise ValueError(f"bad code/root {code!r}/{row.get('root')!r}")
            quad = int(row["quad_class"])
            if quad != quad_class_of_root(row["root"]):
                raise ValueError(f"quad_class {quad} does not match root {row['root']}")
            goldstein = float(row["goldstein"])
            if not -10.0 <= goldstein <= 10.0:
                raise ValueError(f"goldstein {goldstein} outside -10..10")
            if code in rows:
                raise ValueError(f"duplicate code {code}")
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{where}: {exc}")
            continue
        rows[code] = CodeInfo(
            code,
            row["root"],
            row["name"],
            goldstein,
            quad,
            row.get("plover_event") or None,
            row.get("plover_mode") or None,
        )
    if problems:
        raise DictionaryError(problems)
    return CodeTable(rows)


@lru_cache(maxsize=1)
def code_table() -> CodeTable:
    """The packaged CAMEO code table (loaded once per process)."""
    text = resources.files("dyadwatch").joinpath("data/cameo_codes.tsv").read_text("utf-8")
    return parse_code_table(text.splitlines(), "cameo_codes.tsv")
