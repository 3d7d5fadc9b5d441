"""What the Trends page says: its empty state and notes, the summary line by its title, and
the people it charts at first, from its :class:`~cxjournal.journal.trends.Trends`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxjournal.journal.trends import Trends


EMPTY_TEXT = (
    "<h2>Nothing to chart yet</h2>"
    "<p>Trends show how your influence moves over months and years. Each power audit "
    "adds a point: how much the people you rely on depend on you (influence), how much "
    "you depend on them (reliance), how concentrated that dependence is, how wide your "
    "reach is, and which alarm bells rang.</p>"
    "<p>Your daily resilience check-ins appear below on the same time line, so you can "
    "see how your energy and stress moved alongside.</p>"
    "<p>Start with a power audit; re-audit every quarter to watch the lines move.</p>"
)
ONE_AUDIT_TEXT = (
    "One audit so far ({date}): each audit adds a point to these lines. Re-audit every "
    "quarter to see your influence move."
)
NO_AUDIT_TEXT = (
    "No power audit yet: the influence plots fill in from your first audit. "
    "Your check-ins are shown below."
)


def summary_line(trends: Trends) -> str:
    audits = len(trends.audits)
    checkins = len(trends.resilience)
    parts = []
    if audits:
        first, last = trends.audits[0].taken_on, trends.audits[-1].taken_on
        word = "audit" if audits == 1 else "audits"
        span = f"{first:%b %Y}" if audits == 1 else f"{first:%b %Y} to {last:%b %Y}"
        parts.append(f"{audits} {word}, {span}")
    if checkins:
        parts.append(f"{checkins:,} check-in{'s' if checkins != 1 else ''}")
    return " · ".join(parts)


def top_people(trends: Trends, count: int) -> set[int]:
    """The people you depend on most in the latest audit that has ratings."""
    for point in reversed(trends.audits):
        if point.count:
            latest = point.audit_id
            break
    else:
        return set()
    ranked = sorted(
        (
            (p.dependence_on_them, s.person_id)
            for s in trends.people
            for p in s.points
            if p.audit_id == latest
        ),
        reverse=True,
    )
    return {pid for _, pid in ranked[:count]}
