"""Where each person of an audit's network is drawn: me in the middle, clusters apart.

Pure geometry, shared by the network view and the PDF report so both show the
same picture. The rated people sit on a ring around me; each cluster takes one
arc of it, with a gap between clusters, so people who know each other sit
together and the holes between groups show as open space.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: The share of the ring left as gaps between clusters (when there are several).
GAP_SHARE = 0.35


def ring_positions(clusters: Sequence[Sequence[int]], count: int) -> list[tuple[float, float]]:
    """Positions (x, y) on the unit circle for rating indexes ``0..count-1``.

    ``clusters`` lists every index once, in the order they are drawn clockwise from
    the top. Me is at (0, 0).
    """
    positions: list[tuple[float, float]] = [(0.0, 0.0)] * count
    if count == 0:
        return positions
    groups = [list(group) for group in clusters if group]
    gaps = len(groups) if len(groups) > 1 else 0
    gap = (2 * math.pi * GAP_SHARE / gaps) if gaps else 0.0
    step = (2 * math.pi - gap * gaps) / count
    angle = math.pi / 2  # start at the top
    for group in groups:
        for index in group:
            positions[index] = (math.cos(angle), math.sin(angle))
            angle -= step
        angle -= gap
    return positions


def label_anchor(x: float, y: float) -> tuple[float, float]:
    """Where a name sits around its node at (x, y), pointing away from me.

    As a fraction of the label's size, of the point it is pinned to: ``(0, 1)``
    puts the label's bottom-left corner on the node (a node up and right), ``(1, 0)``
    its top-right corner (down and left), 0.5 centres it on that axis.
    """
    ax = 0.0 if x > 0.25 else 1.0 if x < -0.25 else 0.5
    ay = 1.0 if y > 0.25 else 0.0 if y < -0.25 else 0.5
    return (ax, ay)
