"""The pages of the main window, in sidebar order.

A page's module is imported and the page built only when it is first shown,
so start-up pays for the first page alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    #: file name in resources/icons, without ".svg"
    icon: str
    #: "module:Class" of a ``Page`` subclass
    target: str
    tooltip: str = ""


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "today",
        "Today",
        "today",
        "cxjournal.ui.today_page:TodayPage",
        "What matters today: alarm bells, updates and follow-ups due, your check-in",
    ),
    PageSpec(
        "audits",
        "Power audits",
        "audit",
        "cxjournal.ui.audits_page:AuditsPage",
        "Your power audits: who you depend on, alarm bells, the balance map",
    ),
    PageSpec(
        "people",
        "People",
        "people",
        "cxjournal.ui.people_page:PeoplePage",
        "Your stakeholders: profiles, notes, follow-ups and when each update is due",
    ),
    PageSpec(
        "journal",
        "Journal",
        "journal",
        "cxjournal.ui.journal_page:JournalPage",
        "Every note, newest first, including wins and reflections about no one",
    ),
    PageSpec(
        "resilience",
        "Resilience",
        "resilience",
        "cxjournal.ui.resilience_page:ResiliencePage",
        "Daily check-in of energy, stress and mood, and what it reveals",
    ),
    PageSpec(
        "trends",
        "Trends",
        "trends",
        "cxjournal.ui.trends_page:TrendsPage",
        "How your influence and resilience have moved over the months and years",
    ),
    PageSpec(
        "exit_plan",
        "Exit plan",
        "exit",
        "cxjournal.ui.exit_plan_page:ExitPlanPage",
        "Your exit plan: starts when an audit records a superior blocking you",
    ),
    PageSpec(
        "program",
        "Program",
        "program",
        "cxjournal.ui.program_page:ProgramPage",
        "Your CX program: its why, the eight plans, who runs them and the risks",
    ),
    PageSpec(
        "proof_points",
        "Proof points",
        "proof",
        "cxjournal.ui.proof_points_page:ProofPointsPage",
        "Early wins and results that show the program works, and with whom you shared them",
    ),
)

#: Modules with an ``install(window)`` function that add menu actions to the main window.
EXTENSIONS: tuple[str, ...] = (
    "cxjournal.ui.program_views",  # first: it hears of a change before the pages redraw
    "cxjournal.ui.undo_stack",
    "cxjournal.ui.audit_actions",
    "cxjournal.ui.resilience_actions",
    "cxjournal.ui.people_actions",
    "cxjournal.ui.search_actions",
    "cxjournal.ui.trash_actions",
    "cxjournal.ui.exchange_actions",
    "cxjournal.ui.lock.lock_actions",
    "cxjournal.ui.draft_resume",
)
