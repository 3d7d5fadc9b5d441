"""The daily resilience check-in: at most one entry per date, and what the log reveals.

Reading is built for speed on a long log (ten years is about 3,600 rows):
entries are read as plain column tuples rather than ORM objects, tag counts
are aggregated in SQL with ``json_each``, and the early warning reads only the
weeks it can look at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, func, select, text

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import (
    DEFAULT_RULE,
    Consistency,
    EarlyWarning,
    TagEffect,
    TagKind,
    WarningRule,
    compare_tags,
    consistency,
    early_warning,
    normalise_tag,
)
from cxjournal.domain.validation import resilience_problems
from cxjournal.journal.changes import Area
from cxjournal.store.mapping import (
    RESILIENCE_COLUMNS,
    apply_resilience,
    resilience_from_columns,
    resilience_from_row,
)
from cxjournal.store.models import ResilienceRow
from cxjournal.store.orderings import order_check_ins

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal

#: Settings keys (values are JSON in the settings table).
WARNING_RULE_KEY = "resilience.warning_rule"
DISMISSED_WARNING_KEY = "resilience.dismissed_warning"

#: How far back the early warning may look for the start of a shift (see
#: ``domain.resilience.early_warning``), plus a little margin.
_WARNING_LOOKBACK_DAYS = 366 + 7

#: Days of check-ins a summary carries.
SUMMARY_DAYS = 14

if TYPE_CHECKING:
    _AnySelect = Select[*tuple[Any, ...]]
_Query = TypeVar("_Query", bound="_AnySelect")


@dataclass(frozen=True, slots=True)
class TagUse:
    """A drain or restorer as used so far: for completion, most used first."""

    tag: str
    kind: TagKind
    uses: int
    last_used: dt.date


@dataclass(frozen=True, slots=True)
class ResilienceSummary:
    """What a Today page needs to know about the resilience log, in one call.

    ``recent`` holds the check-ins of the last ``SUMMARY_DAYS`` days (today
    included), oldest first. ``warning`` is the early warning unless the user
    dismissed it; ``latest`` is the newest check-in on or before ``today``.
    """

    today: dt.date
    today_entry: ResilienceEntry | None
    latest: ResilienceEntry | None
    recent: tuple[ResilienceEntry, ...]
    warning: EarlyWarning | None
    consistency: Consistency
    total: int


class ResilienceOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- writing -------------------------------------------------------------------

    def save(self, entry: ResilienceEntry) -> ResilienceEntry:
        """Record the check-in for ``entry.on``; a date that has one already is edited."""
        problems = resilience_problems(entry)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.RESILIENCE) as session:
            return _save(session, entry)

    def save_many(self, entries: Iterable[ResilienceEntry]) -> int:
        """Save several check-ins in one transaction (each date once; later ones win).

        Every entry is checked first: one bad entry raises ``ValidationError``
        naming each problem with its date, and nothing is written.
        """
        by_date = {entry.on: entry for entry in entries}
        problems = [
            f"{on.isoformat()}: {problem}"
            for on, entry in sorted(by_date.items())
            for problem in resilience_problems(entry)
        ]
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.RESILIENCE) as session:
            for entry in by_date.values():
                _save(session, entry)
        return len(by_date)

    def delete(self, entry_id: int) -> int:
        """Move the check-in to the trash; the trash item's id."""
        return self._journal.trash.delete("check_in", entry_id)

    def delete_on(self, on: dt.date) -> bool:
        """Move the check-in of ``on`` to the trash; False if there was none."""
        with self._journal.session() as session:
            entry_id = session.scalar(select(ResilienceRow.id).where(ResilienceRow.on_date == on))
        if entry_id is None:
            return False
        self.delete(entry_id)
        return True

    # -- reading -------------------------------------------------------------------

    def get(self, on: dt.date) -> ResilienceEntry | None:
        found = self._entries(select(*RESILIENCE_COLUMNS).where(ResilienceRow.on_date == on))
        return found[0] if found else None

    def latest(self, before: dt.date | None = None) -> ResilienceEntry | None:
        """The newest check-in, or the newest dated strictly before ``before``."""
        query = select(*RESILIENCE_COLUMNS).order_by(ResilienceRow.on_date.desc()).limit(1)
        if before is not None:
            query = query.where(ResilienceRow.on_date < before)
        found = self._entries(query)
        return found[0] if found else None

    def between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[ResilienceEntry]:
        """Entries from ``start`` to ``end`` inclusive (open ends when None), oldest first."""
        return self._entries(
            _dated(select(*RESILIENCE_COLUMNS), start, end).order_by(ResilienceRow.on_date)
        )

    def newest_first(
        self,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        descending: bool = True,
    ) -> list[ResilienceEntry]:
        """Every entry (or a page of them), newest first: the history list; ``order`` sorts
        by another column (``store.orderings.CHECK_IN_ORDERS``), newest first within ties."""
        query = order_check_ins(select(*RESILIENCE_COLUMNS), order, descending).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return self._entries(query)

    def count(self, start: dt.date | None = None, end: dt.date | None = None) -> int:
        query = _dated(select(func.count(ResilienceRow.id)), start, end)
        with self._journal.session() as session:
            return int(session.scalar(query) or 0)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """Dates of the first and the last check-in; None when there is none."""
        with self._journal.session() as session:
            first, last = session.execute(
                select(func.min(ResilienceRow.on_date), func.max(ResilienceRow.on_date))
            ).one()
        if first is None or last is None:
            return None
        return _as_date(first), _as_date(last)

    def dates(self, start: dt.date | None = None, end: dt.date | None = None) -> list[dt.date]:
        """Dates that have a check-in, oldest first."""
        query = _dated(select(ResilienceRow.on_date), start, end).order_by(ResilienceRow.on_date)
        with self._journal.session() as session:
            return [_as_date(value) for value in session.scalars(query)]

    def _entries(self, query: _AnySelect) -> list[ResilienceEntry]:
        with self._journal.session() as session:
            return [resilience_from_columns(row) for row in session.execute(query)]

    # -- tags ------------------------------------------------------------------------

    def tag_vocabulary(self, kind: TagKind | None = None) -> list[TagUse]:
        """Drains and restorers used so far, most used first (then most recent, then A-Z).

        Counted in SQL; spellings that differ only in case or surrounding
        spaces are merged under the most used one.
        """
        kinds: tuple[TagKind, ...] = ("drain", "restorer") if kind is None else (kind,)
        result: list[TagUse] = []
        with self._journal.session() as session:
            for each in kinds:
                column = "drains" if each == "drain" else "restorers"
                rows = session.execute(
                    text(
                        "SELECT tag.value, count(*), max(r.on_date) "
                        f"FROM resilience AS r, json_each(r.{column}) AS tag "  # a fixed name
                        "WHERE tag.type = 'text' GROUP BY tag.value"
                    )
                ).all()
                result += _merge_spellings(
                    each, [(str(v), int(n), _as_date(d)) for v, n, d in rows]
                )
        result.sort(key=lambda t: (-t.uses, -t.last_used.toordinal(), t.tag.casefold(), t.kind))
        return result

    def tag_effects(
        self, start: dt.date | None = None, end: dt.date | None = None, min_uses: int = 5
    ) -> list[TagEffect]:
        """Days with each tag against days without it, over the check-ins in the range.

        See ``domain.resilience.compare_tags``: best energy difference first.
        """
        return compare_tags(self.between(start, end), min_uses=min_uses)

    # -- early warning -----------------------------------------------------------------

    def warning_rule(self) -> WarningRule:
        """The user's warning rule; the defaults when none (or a damaged one) is stored."""
        stored = self._journal.settings.get(WARNING_RULE_KEY, {})
        try:
            return WarningRule.from_mapping(stored if isinstance(stored, dict) else {})
        except ValidationError:
            return DEFAULT_RULE

    def set_warning_rule(self, rule: WarningRule) -> None:
        """Store the rule; refuses impossible values with ``ValidationError``."""
        checked = WarningRule.from_mapping(rule.as_dict())
        if checked == DEFAULT_RULE:
            self._journal.settings.delete(WARNING_RULE_KEY)
        else:
            self._journal.settings.set(WARNING_RULE_KEY, checked.as_dict())

    def reset_warning_rule(self) -> None:
        self._journal.settings.delete(WARNING_RULE_KEY)

    def dismissed_warning(self) -> str | None:
        value = self._journal.settings.get(DISMISSED_WARNING_KEY)
        return value if isinstance(value, str) else None

    def dismiss_warning(self, key: str) -> None:
        """Hide the warning with this ``key`` (``EarlyWarning.key``) until a new shift begins."""
        self._journal.settings.set(DISMISSED_WARNING_KEY, key)

    def clear_dismissed_warning(self) -> None:
        self._journal.settings.delete(DISMISSED_WARNING_KEY)

    def warning(
        self,
        today: dt.date,
        rule: WarningRule | None = None,
        include_dismissed: bool = False,
    ) -> EarlyWarning | None:
        """The early warning for ``today`` (reading only the weeks the rule looks at).

        A warning the user dismissed is left out unless ``include_dismissed``.
        """
        rule = rule or self.warning_rule()
        found = early_warning(self.between(_reach_start(today, rule), today), today, rule)
        return found if include_dismissed else self._unless_dismissed(found)

    def _unless_dismissed(self, found: EarlyWarning | None) -> EarlyWarning | None:
        if found is not None and found.key == self.dismissed_warning():
            return None
        return found

    # -- consistency and summary ---------------------------------------------------------

    def consistency(self, today: dt.date, window_days: int = 28) -> Consistency:
        """How regularly check-ins happen (forgiving missed days); see ``domain.resilience``."""
        return consistency(self.dates(end=today), today, window_days)

    def summary(self, today: dt.date) -> ResilienceSummary:
        """Today's check-in, the last two weeks, the active warning and the consistency.

        Reads the weeks the warning rule looks at once and derives the rest from
        them; only a run of check-ins reaching back beyond those reads all dates.
        """
        rule = self.warning_rule()
        entries = self.between(_reach_start(today, rule), today)
        dates = [e.on for e in entries]
        regularity = consistency(dates, today)
        if dates and regularity.current_run == len(dates):  # the run may go on further back
            regularity = self.consistency(today)
        first_recent = today - dt.timedelta(days=SUMMARY_DAYS - 1)
        latest = entries[-1] if entries else self.latest(before=today)
        return ResilienceSummary(
            today=today,
            today_entry=entries[-1] if entries and entries[-1].on == today else None,
            latest=latest,
            recent=tuple(e for e in entries if e.on >= first_recent),
            warning=self._unless_dismissed(early_warning(entries, today, rule)),
            consistency=regularity,
            total=self.count(),
        )


def _reach_start(today: dt.date, rule: WarningRule) -> dt.date:
    """The first day ``early_warning`` can look at for ``today`` under ``rule``."""
    return today - dt.timedelta(days=_WARNING_LOOKBACK_DAYS + rule.recent_days + rule.earlier_days)


def _save(session: Session, entry: ResilienceEntry) -> ResilienceEntry:
    row = session.scalars(select(ResilienceRow).where(ResilienceRow.on_date == entry.on)).first()
    if row is None:
        row = ResilienceRow()
        session.add(row)
    apply_resilience(row, entry)
    session.flush()
    return resilience_from_row(row)


def _dated(query: _Query, start: dt.date | None, end: dt.date | None) -> _Query:
    if start is not None:
        query = query.where(ResilienceRow.on_date >= start)
    if end is not None:
        query = query.where(ResilienceRow.on_date <= end)
    return query


def _as_date(value: object) -> dt.date:
    """A date from the ORM (already a date) or from raw SQL (ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _merge_spellings(kind: TagKind, counts: list[tuple[str, int, dt.date]]) -> list[TagUse]:
    """Merge ``(spelling, uses, last used)`` rows that normalise alike; most used form shown."""
    groups: dict[str, list[tuple[str, int, dt.date]]] = {}
    for spelling, uses, last in counts:
        key = normalise_tag(spelling)
        if key:
            groups.setdefault(key, []).append((spelling.strip(), uses, last))
    merged: list[TagUse] = []
    for variants in groups.values():
        shown = max(variants, key=lambda v: (v[1], v[2]))[0]
        merged.append(
            TagUse(
                tag=shown,
                kind=kind,
                uses=sum(v[1] for v in variants),
                last_used=max(v[2] for v in variants),
            )
        )
    return merged
