"""The resilience trend as a standalone SVG drawing (for export; no Qt, no pyqtgraph).

Written directly rather than through pyqtgraph's SVG exporter, which cannot read
the paths recent Qt versions produce, so the file is plain vector shapes that
any browser or drawing program opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from cxjournal.domain.resilience import split_at_gaps


@dataclass(frozen=True)
class SvgSeries:
    label: str
    colour: str
    days: Sequence[dt.date]
    values: Sequence[float]
    mean_days: Sequence[dt.date]
    means: Sequence[float]
    #: the average line breaks where its points are further apart than this
    max_gap_days: int = 7


WIDTH, HEIGHT = 960, 420
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 40, 36
Y_MIN, Y_MAX = 0.5, 10.5


def trend_svg(
    series: Sequence[SvgSeries],
    start: dt.date,
    end: dt.date,
    title: str = "Energy, stress and mood",
    dots: bool = True,
) -> str:
    """An SVG document of ``series`` from ``start`` to ``end``: dots per day, average lines."""
    span = max((end - start).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + plot_w * ((day - start).days + 0.5) / (span + 1)

    def y(value: float) -> float:
        return TOP + plot_h * (Y_MAX - value) / (Y_MAX - Y_MIN)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="18" font-size="13" font-weight="bold" fill="#222222">'
        f"{escape(title)}, {start.isoformat()} to {end.isoformat()}</text>",
    ]
    for value in range(1, 11):
        out.append(
            f'<line x1="{LEFT}" y1="{y(value):.1f}" x2="{WIDTH - RIGHT}" y2="{y(value):.1f}" '
            'stroke="#dddddd" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#444444">'
            f"{value}</text>"
        )
    for tick, label in _ticks(start, end):
        out.append(
            f'<text x="{x(tick):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'fill="#444444">{escape(label)}</text>'
        )
    for s in series:
        if dots:
            out.append(f'<g fill="{s.colour}" fill-opacity="0.45">')
            out += [
                f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="2.5"/>'
                for d, v in zip(s.days, s.values, strict=True)
            ]
            out.append("</g>")
        averages = list(zip(s.mean_days, s.means, strict=True))
        for run in split_at_gaps(averages, s.max_gap_days):
            points = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in run)
            out.append(
                f'<polyline points="{points}" fill="none" stroke="{s.colour}" '
                f'stroke-width="{2.5 if dots else 1.2}" stroke-linejoin="round"/>'
            )
    legend_x = WIDTH - RIGHT - 130 * len(series)
    for i, s in enumerate(series):
        lx = legend_x + 130 * i
        out.append(f'<rect x="{lx}" y="8" width="12" height="12" fill="{s.colour}"/>')
        out.append(
            f'<text x="{lx + 16}" y="18" fill="#222222">{escape(s.label)} (7-day avg)</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """First days of months (or of years, for long ranges) inside the range, labelled."""
    years = (end - start).days > 800
    ticks: list[tuple[dt.date, str]] = []
    day = dt.date(start.year, 1 if years else start.month, 1)
    while day <= end:
        if day >= start:
            ticks.append((day, str(day.year) if years else day.strftime("%b %Y")))
        if years:
            day = dt.date(day.year + 1, 1, 1)
        else:
            day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    step = max(1, len(ticks) // 12)
    return ticks[::step]
