"""The journal's thresholds: user settings with the specs' defaults.

The power audit's (power-audit.md) and the CX program's (program.md:
``touch_days``, ``gap_warn_days``, ``format_streak``).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from cxjournal.domain.errors import ValidationError

#: Thresholds below 1 would make their rule meaningless (a streak of no notes).
_AT_LEAST_ONE = frozenset({"format_streak"})


@dataclass(frozen=True, slots=True)
class Thresholds:
    reach_share: float = 0.8
    reach_min_filled: int = 3
    imbalance_ratio: float = 0.67
    vulnerability_share: float = 0.5
    lean_gap: float = 3
    deep_min: float = 6
    transactional_max: float = 3
    transactional_min_count: int = 3
    closed_min_count: int = 4
    closed_density: float = 0.6
    #: program: an owner with no cadence is out of touch after this many days
    touch_days: int = 30
    #: program: an attitude gap is raised this many days before its "by" date
    gap_warn_days: int = 14
    #: program: this many goal-bearing notes in one format without progress
    format_streak: int = 3

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Thresholds:
        """Defaults overlaid with ``data``; unknown keys ignored, bad values refused."""
        problems: list[str] = []
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            raw = data[f.name]
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                problems.append(f"{f.name}: {raw!r} is not a number")
                continue
            if not math.isfinite(raw):
                problems.append(f"{f.name}: {raw!r} is not a finite number")
                continue
            if f.type == "int" and not float(raw).is_integer():
                problems.append(f"{f.name}: {raw!r} is not a whole number")
                continue
            if raw < 0:
                problems.append(f"{f.name}: {raw!r} must not be negative")
                continue
            if f.name in _AT_LEAST_ONE and raw < 1:
                problems.append(f"{f.name}: {raw!r} must be at least 1")
                continue
            values[f.name] = int(raw) if f.type == "int" else raw
        if problems:
            raise ValidationError(problems)
        return cls(**values)
