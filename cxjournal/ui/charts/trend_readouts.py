"""The words of the Trends charts: alarm titles and the readout lines under the pointer."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from cxjournal.domain.model import REACH_DIMENSIONS
from cxjournal.domain.power_audit import AlarmCode
from cxjournal.journal.trends import AuditPoint, ResilienceTrend
from cxjournal.ui.audit_wording import ALARM_TITLES as AUDIT_ALARM_TITLES
from cxjournal.ui.charts.chart_theme import date_text, number_text

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: The titles the audit screens use, keyed by code (one list for the whole app).
ALARM_TITLES: dict[AlarmCode, str] = {AlarmCode(c): t for c, t in AUDIT_ALARM_TITLES.items()}
#: Shorter names where the legend column is too narrow for the full title.
LEGEND_ALARM_TITLES: dict[AlarmCode, str] = {AlarmCode.TRANSACTIONAL_NETWORK: "Transactional"}
DIMENSION_PLURALS: dict[str, str] = {
    "team": "teams",
    "function": "functions",
    "product_unit": "product units",
    "location": "locations",
}


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def audit_lines(point: AuditPoint) -> list[str]:
    people = "1 person" if point.count == 1 else f"{point.count} people"
    head = f"<b>Audit of {date_text(point.taken_on)}</b> ({people})"
    totals = point.totals
    if totals is None:
        lines = [f"{head}: no ratings"]
    else:
        reach = ", ".join(
            f"{point.distinct(dim)} {DIMENSION_PLURALS[dim]}" for dim in REACH_DIMENSIONS
        )
        n = number_text
        lines = [
            f"{head}: influence {n(totals.influence)}, reliance {n(totals.reliance)}, "
            f"net balance {n(totals.net_balance)} · influence ratio "
            f"{n(totals.influence_ratio, 2)} · top-two share {percent(totals.top2_share)}"
            f" · reach {reach}"
        ]
        network = point.network
        if network is not None:
            lines[0] += (
                f" · network density {n(network.density, 2)}, effective size "
                f"{n(network.effective_size)}"
            )
    if point.alarms:
        titles = list(dict.fromkeys(ALARM_TITLES[a.code] for a in point.alarms))
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
        when = f"week of {date_text(week.week_start)} ({week.count} check-ins)"
    else:
        when = f"{trend.rolling_days} days to {date_text(trend.days[index])}"
    return (
        f"<b>Check-ins</b>, {when}: energy {_mean_text(series['energy'][index])}, "
        f"stress {_mean_text(series['stress'][index])}, "
        f"mood {_mean_text(series['mood'][index])}"
    )


def _mean_text(value: float) -> str:
    """A mean as shown, or a dash where there is none (mood-only check-ins)."""
    return "–" if math.isnan(value) else number_text(value)
