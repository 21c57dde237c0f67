"""Charts drawn with matplotlib (headless: the Agg backend, no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import DyadwatchError


def plot_dyad_series(rows: list[dict[str, Any]], title: str, path: str | Path) -> Path:
    """Draw a dyad series (rows of :func:`dyadwatch.aggregates.dyad_series`) to a PNG: events and
    reports per period for both directions on the upper chart (bars and marks), the Goldstein sum of each direction on
    the lower one."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if not rows:
        raise DyadwatchError(f"nothing to plot for {title}: the dyad has no dated events")
    target = Path(path)
    if not target.parent.exists():
        raise DyadwatchError(f"cannot write {target}: folder {target.parent} does not exist")
    directions = list(dict.fromkeys(r["direction"] for r in rows))
    periods = list(dict.fromkeys(str(r["period"]) for r in rows))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, height_ratios=[3, 2])
    width = 0.8 / len(directions)
    colours = ["tab:blue", "tab:red"]
    for n, (colour, direction) in enumerate(zip(colours, directions, strict=False)):
        mine = {str(r["period"]): r for r in rows if r["direction"] == direction}
        xs = [i + (n - (len(directions) - 1) / 2) * width for i in range(len(periods))]
        events = [mine[p]["events"] if p in mine else 0 for p in periods]
        reports = [mine[p]["reports"] if p in mine else 0 for p in periods]
        goldstein = [mine[p]["goldstein_sum"] if p in mine else 0 for p in periods]
        top.bar(xs, events, width, color=colour, label=f"{direction} events")
        top.scatter(
            xs,
            reports,
            color="black",
            marker="_",
            s=200,
            zorder=3,
            label="reports" if n == 0 else None,
        )
        bottom.bar(xs, goldstein, width, color=colour, label=f"{direction} Goldstein sum")
    step = max(1, len(periods) // 24)
    bottom.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")
    top.set_ylabel("events (bars), reports (marks)")
    top.set_title(title)
    top.legend(loc="upper left", fontsize="small")
    bottom.axhline(0, color="grey", linewidth=0.8)
    bottom.set_ylabel("Goldstein sum")
    bottom.legend(loc="upper left", fontsize="small")
    fig.tight_layout()
    try:
        fig.savefig(target, dpi=100)
    except OSError as exc:
        raise DyadwatchError(f"cannot write {target}: {exc}") from exc
    finally:
        plt.close(fig)
    return target
