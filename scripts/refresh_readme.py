"""Re-run the commands whose output README.md shows and write their real output into it.

Blocks look like ``<!-- begin output: COMMAND -->`` ... ``<!-- end output -->``; COMMAND runs from the
repository root with ``.venv/bin`` first on PATH.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(
    r"(<!-- begin output: (?P<cmd>.+?) -->\n)(?P<body>.*?)(<!-- end output -->)", re.S
)


def run(command: str) -> str:
    env = dict(os.environ, PATH=f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}")
    if command.startswith("make run"):
        (ROOT / "dyadwatch.duckdb").unlink(missing_ok=True)  # show a first run, not a re-run
    result = subprocess.run(command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if not line.startswith(".venv/bin/")]
    return "\n".join(lines).strip()


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text("utf-8")

    def replace(match: re.Match[str]) -> str:
        output = run(match["cmd"])
        return f"{match.group(1)}```console\n$ {match['cmd']}\n{output}\n```\n{match.group(4)}"

    readme.write_text(BLOCK.sub(replace, text), "utf-8")


if __name__ == "__main__":
    main()
