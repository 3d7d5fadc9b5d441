"""The words of the Trends charts: alarm titles and the readout lines under the pointer."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from cxjournal.domain.model import REACH_DIMENSIONS
from cxjournal.domain.wording import DIMENSION_WORDS, alarm_title, percent, short_date
from cxjournal.journal.trends import AuditPoint, ResilienceTrend
from cxjournal.ui.charts.chart_theme import number_text

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def audit_lines(point: AuditPoint) -> list[str]:
    people = "1 person" if point.count == 1 else f"{point.count} people"
    head = f"<b>Audit of {short_date(point.taken_on)}</b> ({people})"
    totals = point.totals
    if totals is None:
        lines = [f"{head}: no ratings"]
    else:
        reach = ", ".join(
            f"{point.distinct(dim)} {DIMENSION_WORDS[dim][1]}" for dim in REACH_DIMENSIONS
        )
        n = number_text
        lines = [
            f"{head}: they rely on you {n(totals.influence)}, you rely on them "
            f"{n(totals.reliance)}, net balance {n(totals.net_balance)} · influence ratio "
            f"{n(totals.influence_ratio, 2)} · share on your top two "
            f"{percent(totals.top2_share)}"
            f" · reach {reach}"
        ]
        network = point.network
        if network is not None:
            lines[0] += (
                f" · network density {n(network.density, 2)}, effective size "
                f"{n(network.effective_size)}"
            )
    if point.alarms:
        titles = list(dict.fromkeys(alarm_title(a.code) for a in point.alarms))
        lines.append("Alarm bells: " + ", ".join(titles) + " (hover the markers for more)")
    else:
        lines.append("No alarm bells")
    return lines


def resilience_line(
    trend: ResilienceTrend,
    mode: str,
    series: Mapping[str, Sequence[float] | NDArray[np.float64]],
    index: int,
) -> str:
    """The readout line of the check-ins drawn at ``index`` (rolling or weekly means)."""
    if mode == "weekly":
        week = trend.weeks[index]
        when = f"week of {short_date(week.week_start)} ({week.count} check-ins)"
    else:
        when = f"{trend.rolling_days} days to {short_date(trend.days[index])}"
    return (
        f"<b>Check-ins</b>, {when}: energy {_mean_text(series['energy'][index])}, "
        f"stress {_mean_text(series['stress'][index])}, "
        f"mood {_mean_text(series['mood'][index])}"
    )


def _mean_text(value: float) -> str:
    """A mean as shown, or a dash where there is none (mood-only check-ins)."""
    return "–" if math.isnan(value) else number_text(value)
