"""The CX program's words: plan, status, role and risk titles, and each risk's message.

One source for the app, the command line and the exports, so a risk reads the
same everywhere. The rules that decide *when* a risk fires live in
:mod:`cxjournal.domain.program`; this module only says things to the user, in
plain language that names the plan, person or function and gives one next step.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from cxjournal.domain.model import (
    Attitude,
    FormatUsed,
    NoteGoal,
    NoteOutcome,
    PlanKind,
    PlanRole,
    PlanStatus,
    PreferredFormat,
    ProofPoint,
)
from cxjournal.domain.wording import long_date, short_date


class RiskCode(StrEnum):
    """Stable risk codes, in the order risks are reported (program.md)."""

    PLAN_WITHOUT_OWNER = "plan_without_owner"
    OWNER_OPPOSED = "owner_opposed"
    NO_SUPPORTER = "no_supporter"
    OWNER_OUT_OF_TOUCH = "owner_out_of_touch"
    ATTITUDE_GAP = "attitude_gap"
    NO_CHAMPION_IN = "no_champion_in"
    BOARD_GAP = "board_gap"
    FORMAT_NOT_WORKING = "format_not_working"


class Quadrant(StrEnum):
    """Where a person sits on the power/interest grid."""

    MANAGE_CLOSELY = "manage_closely"
    KEEP_SATISFIED = "keep_satisfied"
    KEEP_INFORMED = "keep_informed"
    MONITOR = "monitor"


PLAN_TITLES: dict[PlanKind, str] = {
    PlanKind.GOVERNANCE: "Governance",
    PlanKind.COMMUNICATIONS: "Communications",
    PlanKind.VOC: "Voice of the customer",
    PlanKind.OPERATIONS: "Operations",
    PlanKind.INTEGRATION: "Integration",
    PlanKind.TRAINING: "Training",
    PlanKind.IMPROVEMENT: "Improvement",
    PlanKind.TECHNOLOGY: "Technology",
}

#: What each plan is for, one line (shown under its title).
PLAN_PURPOSES: dict[PlanKind, str] = {
    PlanKind.GOVERNANCE: "Who decides: the CX board, its members and how often it meets.",
    PlanKind.COMMUNICATIONS: "Who hears what about the program, how and how often.",
    PlanKind.VOC: "How customer feedback is gathered, read and acted on.",
    PlanKind.OPERATIONS: "Changes to how the front line and back office serve customers.",
    PlanKind.INTEGRATION: "CX goals built into other teams' plans, budgets and targets.",
    PlanKind.TRAINING: "What people learn to serve customers well, and who teaches it.",
    PlanKind.IMPROVEMENT: "Fixing the journeys that hurt customers most, one at a time.",
    PlanKind.TECHNOLOGY: "Systems and data the program needs, and who provides them.",
}

STATUS_TITLES: dict[PlanStatus, str] = {
    PlanStatus.NOT_STARTED: "Not started",
    PlanStatus.IN_PROGRESS: "In progress",
    PlanStatus.AT_RISK: "At risk",
    PlanStatus.DONE: "Done",
}

ROLE_TITLES: dict[PlanRole, str] = {
    PlanRole.OWNER: "Owner",
    PlanRole.SPONSOR: "Sponsor",
    PlanRole.CONTRIBUTOR: "Contributor",
}

GOAL_TITLES: dict[NoteGoal, str] = {
    NoteGoal.AWARENESS: "Awareness",
    NoteGoal.CHANGE: "Change",
    NoteGoal.DECISION: "Decision",
}

FORMAT_USED_TITLES: dict[FormatUsed, str] = {
    FormatUsed.PRESENTATION: "Presentation",
    FormatUsed.SPREADSHEET: "Spreadsheet",
    FormatUsed.ACTION_LIST: "Action list",
    FormatUsed.INFOGRAPHIC: "Infographic",
    FormatUsed.VIDEO: "Video",
    FormatUsed.OTHER: "Other",
    FormatUsed.CONVERSATION: "Conversation",
}

OUTCOME_TITLES: dict[NoteOutcome, str] = {
    NoteOutcome.ACHIEVED: "Achieved",
    NoteOutcome.PARTLY: "Partly",
    NoteOutcome.NOT_YET: "Not yet",
}

RISK_TITLES: dict[RiskCode, str] = {
    RiskCode.PLAN_WITHOUT_OWNER: "Plan without an owner",
    RiskCode.OWNER_OPPOSED: "Owner opposed",
    RiskCode.NO_SUPPORTER: "No supporter",
    RiskCode.OWNER_OUT_OF_TOUCH: "Owner out of touch",
    RiskCode.ATTITUDE_GAP: "Attitude gap",
    RiskCode.NO_CHAMPION_IN: "No champion",
    RiskCode.BOARD_GAP: "Missing from the CX board",
    RiskCode.FORMAT_NOT_WORKING: "Format not working",
}

QUADRANT_TITLES: dict[Quadrant, str] = {
    Quadrant.MANAGE_CLOSELY: "Manage closely",
    Quadrant.KEEP_SATISFIED: "Keep satisfied",
    Quadrant.KEEP_INFORMED: "Keep informed",
    Quadrant.MONITOR: "Monitor",
}

QUADRANT_ADVICE: dict[Quadrant, str] = {
    Quadrant.MANAGE_CLOSELY: "Involve them in decisions and meet them often.",
    Quadrant.KEEP_SATISFIED: "Give them short, regular results; ask little of their time.",
    Quadrant.KEEP_INFORMED: "Share progress and invite them to help.",
    Quadrant.MONITOR: "A light touch: a note now and then.",
}


def attitude_word(attitude: Attitude) -> str:
    """``"a skeptic"``, ``"neutral"``: the attitude as it reads after "is"."""
    return "neutral" if attitude is Attitude.NEUTRAL else f"a {attitude.value}"


def format_word(fmt: FormatUsed) -> str:
    return FORMAT_USED_TITLES[fmt].lower()


def _plan(kind: PlanKind) -> str:
    return f"the {PLAN_TITLES[kind]} plan"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def plan_without_owner_message(plan: PlanKind) -> tuple[str, str]:
    return (
        f"{_plan(plan).capitalize()} is under way but nobody owns it.",
        "Ask the leader who gains most from it to own it, and add them to the plan.",
    )


def owner_opposed_message(plan: PlanKind, name: str, attitude: Attitude) -> tuple[str, str]:
    return (
        f"{name} owns {_plan(plan)} but is {attitude_word(attitude)}.",
        f"Talk to {name} about what the plan would do for their own goals, "
        "or find a co-owner who believes in it.",
    )


def no_supporter_message(plan: PlanKind) -> tuple[str, str]:
    return (
        f"Nobody on {_plan(plan)} is a supporter or a champion yet.",
        "Win over one person on it with an early result they care about.",
    )


def owner_out_of_touch_message(plan: PlanKind, name: str, days: int | None) -> tuple[str, str]:
    since = (
        "You have no contact with them on record"
        if days is None
        else f"Your last contact was {_days(days)} ago"
    )
    return (
        f"{name} owns {_plan(plan)}. {since}.",
        f"Talk to {name} this week: ask how the plan is going and what they need.",
    )


def attitude_gap_message(
    name: str, current: Attitude | None, desired: Attitude, by: dt.date | None
) -> tuple[str, str]:
    when = "" if by is None else f" by {long_date(by)}"
    today = (
        "no attitude is noted for them yet"
        if current is None
        else f"today they are {attitude_word(current)}"
    )
    return (
        f"You want {name} to be {attitude_word(desired)}{when}; {today}.",
        f"Take the next step of your plan for {name}, or write one down in their profile.",
    )


def no_champion_in_message(function: str, names: list[str]) -> tuple[str, str]:
    who = _join(names)
    return (
        f"No champion in {function}: {who} {'is' if len(names) == 1 else 'are'} on live "
        "plans, none of them a champion.",
        f"Find a champion in {function}: the person there most likely to speak up for the program.",
    )


def board_gap_message(function: str) -> tuple[str, str]:
    return (
        f"A plan owner works in {function}, but nobody from {function} sits on your CX board.",
        f"Add {_a(function)} {function} leader to the CX board.",
    )


def _a(word: str) -> str:
    """The article before ``word``: "an" before a vowel sound (also "an HR", "an IT")."""
    first = word[:1]
    initialism = len(word) > 1 and word[:2].isupper()
    vowel_letters = "AEFHILMNORSX" if initialism else "AEIOUaeiou"
    return "an" if first and first in vowel_letters else "a"


def format_not_working_message(name: str, fmt: FormatUsed, count: int) -> tuple[str, str]:
    return (
        f"Your last {count} updates to {name} were all in {format_word(fmt)} form; none "
        "achieved its goal and their attitude has not moved.",
        f"Try another format with {name}: ask how they like to receive information.",
    )


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def format_advice(preferred: PreferredFormat | None, not_working: FormatUsed | None) -> str:
    """What to bring to a 1:1: their preferred format, and a warning when one is not working."""
    if preferred is None or preferred is PreferredFormat.OTHER:
        advice = "No preferred format noted: ask them how they like to receive updates."
    else:
        advice = f"They prefer {format_word(FormatUsed(preferred.value))} form."
    if not_working is not None:
        if preferred is not None and preferred.value == not_working.value:
            advice += (
                f" Even so, updates in {format_word(not_working)} form have not moved them "
                "lately: try a conversation, or ask what would help."
            )
        else:
            advice += (
                f" Updates in {format_word(not_working)} form have not moved them lately: "
                "switch format."
            )
    return advice


def number_text(number: float) -> str:
    """``1.5``, ``12``, ``156,000``: no trailing zeros, thousands grouped."""
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def proof_result_text(point: ProofPoint) -> str:
    """``"9 → 1 days"``, ``"92 %"``, or ``""`` when neither figure is set."""
    unit = f" {point.unit.strip()}" if point.unit.strip() else ""
    if point.baseline is not None and point.result is not None:
        return f"{number_text(point.baseline)} → {number_text(point.result)}{unit}"
    if point.result is not None:
        return f"{number_text(point.result)}{unit}"
    if point.baseline is not None:
        return f"from {number_text(point.baseline)}{unit}"
    return ""


def proof_value_text(point: ProofPoint) -> str:
    """``"GBP 156,000"``, or ``""`` without a value."""
    if point.value is None:
        return ""
    currency = point.currency.strip()
    return f"{currency} {number_text(point.value)}" if currency else number_text(point.value)


def proof_plans_text(point: ProofPoint) -> str:
    return ", ".join(PLAN_TITLES[kind] for kind in point.plans)


def proof_shared_text(point: ProofPoint, with_dates: bool = True) -> str:
    """``"Ana Silva (3 Mar 2026), Ben Okafor (9 Apr 2026)"``, first shown first; the latest
    share per person. Without dates: ``"Ana Silva, Ben Okafor"``."""
    latest: dict[object, tuple[str, dt.date]] = {}
    for share in point.shared:
        key = share.person.id if share.person.id is not None else share.person.name
        if key not in latest or share.on > latest[key][1]:
            latest[key] = (share.person.name, share.on)
    parts = sorted(latest.values(), key=lambda item: (item[1], item[0].casefold()))
    if not with_dates:
        return ", ".join(name for name, _ in parts)
    return ", ".join(f"{name} ({short_date(on)})" for name, on in parts)
