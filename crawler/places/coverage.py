"""Coverage: how many stories each province or regency got over time, as a table and an SVG chart."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

UNKNOWN = "unknown"
TERMINAL_PERIODS = 12  # the last 12 years or months fit a 120-column terminal
CHART_REGIONS = 40  # rows of the chart: the regions with the most stories (a page-high figure)
CELL_W, CELL_H = 34, 16  # pixels of one period x region cell
LABEL_W = 230  # room for `Kabupaten Ogan Komering Ulu Selatan`
TOTAL_W = 70
SHADES = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")
"""Colorbrewer's sequential `Blues` without its palest class (white is an empty cell): prints in
grey and reads for colour-blind eyes."""


@dataclass
class Coverage:
    """Stories per region and period (originals only)."""

    level: str
    """`province` or `regency`."""
    period: str
    """`year` or `month`."""
    periods: list[str] = field(default_factory=list)
    regions: list[tuple[str, str]] = field(default_factory=list)
    """(code, name) by stories, most first; `unknown` for stories of no known place."""
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    """(region code, period) -> stories."""

    def total(self, code: str) -> int:
        """All stories of one region."""
        return sum(n for (c, _), n in self.counts.items() if c == code)


def coverage(archive, *, level: str = "province", period: str = "year", **where) -> Coverage:
    """Stories per story region and period of publication from the archive (`Archive.coverage`);
    `where` takes `site`, `since`, `until`."""
    found = Coverage(level=level, period=period)
    names: dict[str, str] = {}
    periods: set[str] = set()
    for code, name, when, count in archive.coverage(level=level, period=period, **where):
        key = code or UNKNOWN
        names[key] = name or UNKNOWN
        when = when or UNKNOWN
        periods.add(when)
        found.counts[(key, when)] = found.counts.get((key, when), 0) + count
    found.periods = sorted(periods, key=lambda p: (p == UNKNOWN, p))
    totals: dict[str, int] = defaultdict(int)
    for (code, _), count in found.counts.items():
        totals[code] += count
    found.regions = sorted(
        names.items(), key=lambda item: (item[0] == UNKNOWN, -totals[item[0]], item[0])
    )
    return found


def table(found: Coverage, *, periods: int = TERMINAL_PERIODS) -> list[str]:
    """Terminal lines: one row per region, the last `periods` periods as columns, and a total."""
    shown = found.periods[-periods:]
    width = max([len(f"{name} ({code})") for code, name in found.regions] + [len(found.level)])
    head = f"{found.level:{width}} " + " ".join(f"{p:>7}" for p in shown) + f" {'total':>8}"
    lines = [head]
    for code, name in found.regions:
        label = name if code == UNKNOWN else f"{name} ({code})"
        cells = " ".join(f"{found.counts.get((code, p), 0):>7}" for p in shown)
        lines.append(f"{label:{width}} {cells} {found.total(code):>8}")
    if len(found.periods) > len(shown):
        lines.append(
            f"(the last {len(shown)} of {len(found.periods)} {found.period}s; --json: all)"
        )
    return lines


def _shade(count: int, top: int) -> str:
    if count <= 0 or top <= 0:
        return "#ffffff"
    return SHADES[min(len(SHADES) - 1, (count * len(SHADES) - 1) // top)]


def svg(found: Coverage, *, title: str | None = None, regions: int = CHART_REGIONS) -> str:
    """A heat map (regions x periods, darker = more stories) with totals and a legend, as an SVG
    document: vector, so it scales into a paper; every cell carries its count as a tooltip."""
    rows = [r for r in found.regions if r[0] != UNKNOWN][:regions]
    periods = found.periods
    top = max((found.counts.get((c, p), 0) for c, _ in rows for p in periods), default=0)
    grid_x, grid_y = LABEL_W, 90  # room above the grid for the title and the slanted periods
    total_x = grid_x + CELL_W * len(periods) + 8
    width = total_x + TOTAL_W
    legend_y = grid_y + CELL_H * len(rows) + 22
    height = legend_y + 48
    title = title or f"Stories per {found.level} and {found.period} (where the stories happened)"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for j, when in enumerate(periods):
        x, y = grid_x + CELL_W * j + CELL_W / 2 - 3, grid_y - 6
        out.append(f'<text x="{x}" y="{y}" transform="rotate(-45 {x} {y})">{escape(when)}</text>')
    out.append(f'<text x="{total_x}" y="{grid_y - 6}" font-weight="bold">total</text>')
    for i, (code, name) in enumerate(rows):
        y = grid_y + CELL_H * i
        out.append(
            f'<text x="{grid_x - 6}" y="{y + CELL_H - 4}" text-anchor="end">'
            f"{escape(name)} ({escape(code)})</text>"
        )
        for j, when in enumerate(periods):
            count = found.counts.get((code, when), 0)
            out.append(
                f'<rect x="{grid_x + CELL_W * j}" y="{y}" width="{CELL_W - 1}"'
                f' height="{CELL_H - 1}" fill="{_shade(count, top)}" stroke="#dddddd">'
                f"<title>{escape(name)}, {escape(when)}: {count} stories</title></rect>"
            )
        out.append(f'<text x="{total_x}" y="{y + CELL_H - 4}">{found.total(code)}</text>')
    out.append(f'<text x="10" y="{legend_y + 11}">stories in a cell:</text>')
    for k, shade in enumerate(SHADES):
        low, high = (k * top) // len(SHADES) + 1, ((k + 1) * top) // len(SHADES)
        x = 110 + 56 * k
        out.append(
            f'<rect x="{x}" y="{legend_y}" width="14" height="14" fill="{shade}" stroke="#999999"/>'
            f'<text x="{x + 18}" y="{legend_y + 11}">{low}-{max(low, high)}</text>'
        )
    out.append(
        f'<text x="10" y="{legend_y + 34}" fill="#555555">Stories of unknown place:'
        f" {found.total(UNKNOWN)}. Originals only (exact copies left out). Source: Warta archive;"
        " regions: Kemendagri codes.</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(found: Coverage, path: str | os.PathLike[str], **options) -> Path:
    """Write the chart to a file (OSError when it cannot be written)."""
    target = Path(path)
    target.write_text(svg(found, **options), encoding="utf-8")
    return target
