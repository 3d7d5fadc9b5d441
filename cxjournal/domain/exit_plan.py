"""Exit-plan states as pure rules (spec/power-audit.md, "The exit plan").

States: ``inactive`` -> ``active`` <-> ``paused``, and ``done`` set by the user.
The checklist is created once, from the template shipped in ``resources/``, on the
first activation; later activations reuse the same items. Nothing here ever removes
an item or creates a second copy of the checklist.

The journal calls :func:`next_status` whenever the *latest* audit changes in a way
that matters: an audit is added, the latest one's ``blocking_superior`` flag is edited,
or the latest one is deleted (so another becomes latest, or none is left). It must not
call it on reads or on unrelated edits, so that a state the user set by hand (``done``,
or ``active`` started by hand) stays until the audits say something new.
"""

from __future__ import annotations

from collections.abc import Iterable

from cxjournal.domain.model import ExitItem, ExitStatus

#: Where the default checklist ships: ``importlib.resources.files(TEMPLATE_PACKAGE)
#: .joinpath(TEMPLATE_FILE).read_text("utf-8")``, then :func:`load_template`.
TEMPLATE_PACKAGE = "resources"
TEMPLATE_FILE = "exit_plan_template.txt"


def status_title(status: ExitStatus) -> str:
    """The plan's state in words: "not started", "active", "paused", "done"."""
    return {
        ExitStatus.INACTIVE: "not started",
        ExitStatus.ACTIVE: "active",
        ExitStatus.PAUSED: "paused",
        ExitStatus.DONE: "done",
    }[status]


def next_status(
    current: ExitStatus, latest_audit_blocking: bool | None, has_items: bool
) -> tuple[ExitStatus, bool]:
    """The plan's status after the latest audit changed, and whether to create the items now.

    ``latest_audit_blocking`` is the latest audit's ``blocking_superior`` flag, or
    ``None`` when the journal holds no audit.

    - no audit (``None``): nothing changes.
    - flagged: ``active``, from any state. This includes ``done``: a blocking superior
      recorded after the user closed the plan is a new situation, and the same
      checklist (with its ticks kept) comes back rather than staying hidden.
    - not flagged: ``active`` becomes ``paused``; ``inactive``, ``paused`` and ``done``
      stay as they are.

    The second value is true only when the plan becomes ``active`` and has no items
    yet, i.e. on the first activation: the caller then creates the template items.
    """
    if latest_audit_blocking is None:
        return current, False
    if latest_audit_blocking:
        return ExitStatus.ACTIVE, not has_items
    if current is ExitStatus.ACTIVE:
        return ExitStatus.PAUSED, False
    return current, False


def start_by_hand(current: ExitStatus, has_items: bool) -> tuple[ExitStatus, bool]:
    """The user starts (or resumes) the plan: ``active``, with the items created if none."""
    del current  # any state may be started by hand
    return ExitStatus.ACTIVE, not has_items


def mark_done(current: ExitStatus) -> ExitStatus:
    """The user closes the plan; the items are kept, and a later flagged audit reopens it."""
    del current  # any state may be marked done
    return ExitStatus.DONE


def load_template(text: str) -> list[str]:
    """The checklist items of a template: one per line; ``#`` comments and blanks skipped."""
    items: list[str] = []
    for line in text.splitlines():
        item = line.strip()
        if item and not item.startswith("#"):
            items.append(item)
    return items


def progress(items: Iterable[ExitItem]) -> tuple[int, int]:
    """``(done, total)`` over the checklist items."""
    done = total = 0
    for item in items:
        total += 1
        done += item.done
    return done, total
