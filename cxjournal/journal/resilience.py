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
from typing import TYPE_CHECKING

from cxjournal.domain.early_warning import DEFAULT_RULE, EarlyWarning, WarningRule
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import (
    Consistency,
    TagEffect,
    TagKind,
    compare_tags,
    consistency,
    normalise_tag,
)
from cxjournal.domain.validation import resilience_problems
from cxjournal.journal import setting_values as values
from cxjournal.journal.changes import Area
from cxjournal.journal.resilience_summary import (
    ResilienceSummary,
    early_warning,
    summary,
)
from cxjournal.journal.setting_values import DISMISSED_WARNING_KEY, WARNING_RULE_KEY
from cxjournal.store.reads import resilience as reads
from cxjournal.store.reads import revisions as revision_reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


@dataclass(frozen=True, slots=True)
class TagUse:
    """A drain or restorer as used so far: for completion, most used first."""

    tag: str
    kind: TagKind
    uses: int
    last_used: dt.date


class ResilienceOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        #: the last vocabulary counted, with the revision of the check-ins and the kinds
        self._vocabulary: tuple[tuple[object, ...], tuple[TagUse, ...]] | None = None

    # -- writing -------------------------------------------------------------------

    def save(self, entry: ResilienceEntry) -> ResilienceEntry:
        """Record the check-in for ``entry.on``; a date that has one already is edited."""
        from cxjournal.store import resilience_store

        problems = resilience_problems(entry)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.RESILIENCE) as session:
            return resilience_store.save_check_in(session, entry)

    def save_many(self, entries: Iterable[ResilienceEntry]) -> int:
        """Save several check-ins in one transaction (each date once; later ones win).

        Every entry is checked first: one bad entry raises ``ValidationError``
        naming each problem with its date, and nothing is written.
        """
        from cxjournal.store import resilience_store

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
                resilience_store.save_check_in(session, entry)
        return len(by_date)

    def delete(self, entry_id: int) -> int:
        """Move the check-in to the trash; the trash item's id."""
        return self._journal.trash.delete("check_in", entry_id)

    def delete_on(self, on: dt.date) -> bool:
        """Move the check-in of ``on`` to the trash; False if there was none."""
        from cxjournal.store import resilience_store

        with self._journal.session() as session:
            entry_id = resilience_store.check_in_id_on(session, on)
        if entry_id is None:
            return False
        self.delete(entry_id)
        return True

    # -- reading -------------------------------------------------------------------

    def get(self, on: dt.date) -> ResilienceEntry | None:
        with self._journal.reading() as conn:
            return reads.on_day(conn, on)

    def latest(self, before: dt.date | None = None) -> ResilienceEntry | None:
        """The newest check-in, or the newest dated strictly before ``before``."""
        with self._journal.reading() as conn:
            return reads.newest(conn) if before is None else reads.latest_before(conn, before)

    def between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[ResilienceEntry]:
        """Entries from ``start`` to ``end`` inclusive (open ends when None), oldest first."""
        with self._journal.reading() as conn:
            return reads.between(conn, start, end)

    def newest_first(
        self,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        descending: bool = True,
    ) -> list[ResilienceEntry]:
        """Every entry (or a page of them), newest first: the history list; ``order`` sorts
        by another column (``domain.list_orders.CHECK_IN_ORDERS``), newest first within ties."""
        with self._journal.reading() as conn:
            return reads.page(conn, limit, offset, order, descending)

    def count(self, start: dt.date | None = None, end: dt.date | None = None) -> int:
        with self._journal.reading() as conn:
            return reads.count(conn, start, end)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """Dates of the first and the last check-in; None when there is none."""
        with self._journal.reading() as conn:
            return reads.span(conn)

    def dates(self, start: dt.date | None = None, end: dt.date | None = None) -> list[dt.date]:
        """Dates that have a check-in, oldest first."""
        with self._journal.reading() as conn:
            return reads.dates(conn, start, end)

    # -- tags ------------------------------------------------------------------------

    def tag_vocabulary(self, kind: TagKind | None = None) -> list[TagUse]:
        """Drains and restorers used so far, most used first (then most recent, then A-Z).

        Counted in SQL; spellings that differ only in case or surrounding
        spaces are merged under the most used one. While no check-in has changed
        (``store.reads.revisions``, one seek) the last count is given again.
        """
        kinds: tuple[TagKind, ...] = ("drain", "restorer") if kind is None else (kind,)
        result: list[TagUse] = []
        with self._journal.reading() as conn:
            key = (revision_reads.of(conn, ("resilience",)), kinds)
            kept = self._vocabulary
            if kept is not None and kept[0] == key:
                return list(kept[1])
            for each in kinds:
                column = "drains" if each == "drain" else "restorers"
                result += _merge_spellings(each, reads.tag_counts(conn, column))
        result.sort(key=lambda t: (-t.uses, -t.last_used.toordinal(), t.tag.casefold(), t.kind))
        self._vocabulary = (key, tuple(result))
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
        return values.warning_rule(self._journal.settings.get(WARNING_RULE_KEY))

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
        return values.dismissed_warning(self._journal.settings.get(DISMISSED_WARNING_KEY))

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
        with self._journal.reading() as conn:
            found = early_warning(conn, today, rule)
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
        """Today's check-in, the last two weeks, the active warning and the consistency
        (``journal.resilience_summary.summary``, as Today shows it)."""
        rule = self.warning_rule()
        dismissed = self.dismissed_warning()
        with self._journal.reading() as conn:
            return summary(conn, today, rule, dismissed)


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
