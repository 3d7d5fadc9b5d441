"""The settings keys and their tolerant readers, in one place (no SQLAlchemy).

A stored value that is missing, damaged or out of range reads as the default,
so a journal with a bad setting still opens and shows its pages. The operations
that write these settings (``journal.settings``, ``journal.resilience``,
``journal.today``) refuse bad values before they are stored.
"""

from __future__ import annotations

from cxjournal.domain.early_warning import DEFAULT_RULE, WarningRule
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.thresholds import Thresholds

#: The power-audit thresholds, a JSON object (``Thresholds.as_dict``).
THRESHOLDS_KEY = "thresholds"
#: The user's own e-mail addresses (calendar.md), a JSON list of strings.
MY_EMAILS_KEY = "my_emails"
#: Days after which the latest audit is old and a new one is due.
AUDIT_DUE_DAYS_KEY = "today.audit_due_days"
DEFAULT_AUDIT_DUE_DAYS = 90
AUDIT_DUE_DAYS_MIN, AUDIT_DUE_DAYS_MAX = 7, 366
#: The early-warning rule, a JSON object (``WarningRule.as_dict``).
WARNING_RULE_KEY = "resilience.warning_rule"
#: The key of the early warning the user dismissed (``EarlyWarning.key``).
DISMISSED_WARNING_KEY = "resilience.dismissed_warning"


def thresholds(stored: object) -> Thresholds:
    """The thresholds stored; the defaults when none (or a damaged value) is stored."""
    try:
        return Thresholds.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return Thresholds()


def warning_rule(stored: object) -> WarningRule:
    """The warning rule stored; the defaults when none (or a damaged one) is stored."""
    try:
        return WarningRule.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return DEFAULT_RULE


def audit_due_days(stored: object) -> int:
    """The "audit due" days stored; the default for anything but a whole number in range."""
    if (
        isinstance(stored, int)
        and not isinstance(stored, bool)
        and AUDIT_DUE_DAYS_MIN <= stored <= AUDIT_DUE_DAYS_MAX
    ):
        return stored
    return DEFAULT_AUDIT_DUE_DAYS


def dismissed_warning(stored: object) -> str | None:
    """The dismissed warning's key; None for anything but a string."""
    return stored if isinstance(stored, str) else None


def my_emails(stored: object) -> tuple[str, ...]:
    """The user's own addresses; a stored value that is not a list of strings counts as none."""
    if not isinstance(stored, list) or not all(isinstance(e, str) for e in stored):
        return ()
    return tuple(stored)
