"""Every page and dialog on a small screen: nothing larger than the screen, no text cut off.

Run by ``test_fits_the_screen.py`` on a virtual screen of a given size (the offscreen
platform reads its screens from a configuration file); run alone, it checks against
whatever screen the platform has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cxjournal.journal import Journal
from cxjournal.qt.core import QSettings
from cxjournal.qt.gui import QFont, QGuiApplication
from cxjournal.qt.widgets import QApplication, QWidget
from cxjournal.ui.pages import PAGES
from tests.ui.clipping import clipped_texts, window_problems

TODAY = dt.date.today()


def _area() -> Any:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


@pytest.fixture(scope="module")
def full_path(
    tmp_path_factory: pytest.TempPathFactory, build_demo_journal: Callable[..., Path]
) -> Path:
    """A three-year demo journal, built once through the importer."""
    path = tmp_path_factory.mktemp("full") / "full.db"
    return build_demo_journal(path, years=3, seed=1, today=TODAY)


def _window(qtbot: Any, path: Path, tmp_path: Path) -> Iterator[Any]:
    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(path)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(journal, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    journal.close()


@pytest.fixture
def full_window(qtbot: Any, full_path: Path, tmp_path: Path) -> Iterator[Any]:
    yield from _window(qtbot, full_path, tmp_path)


@pytest.fixture
def empty_window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    yield from _window(qtbot, tmp_path / "empty" / "journal.db", tmp_path)


def _settle(qtbot: Any) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(0)


def _assert_fits(window: QWidget, what: str) -> None:
    problems = window_problems(window, _area()) + clipped_texts(window)
    assert not problems, f"{what}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_each_page_fits_when_full(full_window: Any, qtbot: Any, key: str) -> None:
    full_window.navigate(key)
    _settle(qtbot)
    _assert_fits(full_window, f"page {key}, full journal")


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_each_page_fits_when_empty(empty_window: Any, qtbot: Any, key: str) -> None:
    empty_window.navigate(key)
    _settle(qtbot)
    _assert_fits(empty_window, f"page {key}, empty journal")


def _someone(window: Any) -> int:
    people = window.journal.people.all()
    assert people
    person_id = people[0].id
    assert person_id is not None
    return int(person_id)


def _audit_editor(window: Any) -> QWidget:
    from cxjournal.ui.audit_editor import AuditEditor

    draft = window.journal.audits.new_from_latest(TODAY)
    return AuditEditor(window.journal, draft, window)


def _empty_audit_editor(window: Any) -> QWidget:
    from cxjournal.ui.audit_editor import AuditEditor

    return AuditEditor(window.journal, None, window)


def _prepare(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog

    return PrepareDialog(window.journal, _someone(window), lambda _area: None, window, TODAY)


def _note(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    return NoteDialog(window.journal, window, person_id=_someone(window), today=TODAY)


def _profile(window: Any) -> QWidget:
    from cxjournal.ui.person_profile import PersonProfileDialog

    return PersonProfileDialog(window.journal, window, window.journal.people.all()[0])


def _compare(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.audit_compare_dialog import AuditCompareDialog

    latest = window.journal.audits.latest()
    comparison = window.journal.audits.compare_with_previous(latest.id)
    assert comparison is not None
    return AuditCompareDialog(comparison, window)


def _export(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.export_audit_dialog import ExportAuditDialog

    summaries = window.journal.audits.summaries()
    return ExportAuditDialog(summaries, None, Path.home(), window)


def _snapshot(window: Any) -> QWidget:
    from cxjournal.exchange.snapshot import build_snapshot
    from cxjournal.ui.dialogs.snapshot_preview_dialog import SnapshotPreviewDialog

    latest = window.journal.audits.latest()
    return SnapshotPreviewDialog(build_snapshot(window.journal, latest.id, False), "PDF", window)


def _preferences(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.preferences_dialog import PreferencesDialog

    return PreferencesDialog(window.services)


def _search(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.search_dialog import SearchDialog

    dialog = SearchDialog(window.journal, window.navigate, window)
    dialog.query.setText("update")
    return dialog


def _about(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.about_dialog import AboutDialog

    return AboutDialog(window.journal, window)


def _import_from(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.import_from_dialog import ImportFromDialog

    return ImportFromDialog(window.journal, window)


def _plan(window: Any) -> QWidget:
    from cxjournal.domain.program import PlanKind
    from cxjournal.ui.dialogs.plan_dialog import PlanDialog

    plan = window.journal.program.plan(next(iter(PlanKind)))
    return PlanDialog(window.journal, plan, window, TODAY)


def _proof_point(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.proof_point_dialog import ProofPointDialog

    points = window.journal.program.proof_points()
    return ProofPointDialog(window.journal, points[0] if points else None, window, TODAY)


def _restore(window: Any) -> QWidget:
    from cxjournal.journal.backup_ops import list_backups
    from cxjournal.ui.dialogs.restore_dialog import RestoreDialog

    return RestoreDialog(list_backups(window.journal.path), window)


def _first_run(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.first_run_dialog import FirstRunDialog

    return FirstRunDialog(window.journal.path, window)


def _passphrase(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.passphrase_dialog import PassphraseDialog

    return PassphraseDialog(window.journal.path, "The passphrase did not match.", window)


def _unsaved_question(window: Any) -> QWidget:
    from cxjournal.ui.unsaved_changes import unsaved_question

    return unsaved_question(window, "your talking points as a note")


def _resume_offer(window: Any) -> QWidget:
    from cxjournal.ui.draft_resume import ResumeOffer

    journal = window.journal
    people = journal.people.all()
    points = "Ask for two names for the pilot, and share the churn drivers with the board"
    prepare = {"person_id": people[0].id, "talking_points": points}
    note = {"on": TODAY.isoformat(), "text": points, "kind": "one_on_one"}
    journal.drafts.save("prepare", str(people[0].id), prepare)
    journal.drafts.save("note", "new", note | {"person_id": people[1].id})
    drafts = journal.drafts.all()
    for draft in drafts:  # shown, not kept: the next windows open without the offer
        journal.drafts.discard(draft.kind, draft.key)
    return ResumeOffer(window.services, drafts)


def _trash(window: Any) -> QWidget:
    from cxjournal.ui.dialogs.trash_dialog import TrashDialog

    journal = window.journal
    if not journal.trash.count():  # a note and a person with everything of theirs
        journal.notes.delete(journal.notes.recent(limit=1)[0].id or 0)
        journal.people.delete(_someone(window))
    return TrashDialog(window.services)


DIALOGS: dict[str, Callable[[Any], QWidget]] = {
    "audit editor": _audit_editor,
    "new audit": _empty_audit_editor,
    "prepare 1:1": _prepare,
    "note": _note,
    "person profile": _profile,
    "compare audits": _compare,
    "export audit": _export,
    "snapshot preview": _snapshot,
    "preferences": _preferences,
    "search": _search,
    "about": _about,
    "import from": _import_from,
    "plan": _plan,
    "proof point": _proof_point,
    "restore": _restore,
    "first run": _first_run,
    "passphrase": _passphrase,
    "unsaved changes": _unsaved_question,
    "resume drafts": _resume_offer,
    "trash": _trash,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_fits(full_window: Any, qtbot: Any, name: str) -> None:
    dialog = DIALOGS[name](full_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    _assert_fits(dialog, f"dialog {name}")
    dialog.close()


def test_preferences_tabs_fit(full_window: Any, qtbot: Any) -> None:
    dialog = _preferences(full_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems: list[str] = []
    tabs: Any = dialog.tabs  # type: ignore[attr-defined]
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        _settle(qtbot)
        problems += [f"tab {tabs.tabText(index)}: {p}" for p in clipped_texts(dialog)]
    assert not problems, "\n  ".join(problems)
    dialog.close()


@pytest.mark.parametrize("name", ["audit editor", "new audit", "prepare 1:1", "note"])
def test_the_big_dialogs_fit_with_a_larger_desktop_font(
    full_window: Any, qtbot: Any, name: str
) -> None:
    """Desktops that set a larger font (a GTK theme's, say) make every widget wider: the
    window still fits, and what does not fit scrolls inside it."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    font = application.font()
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * 1.25)
    application.setFont(larger)
    try:
        dialog = DIALOGS[name](full_window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _settle(qtbot)
        problems = window_problems(dialog, _area())
        dialog.close()
    finally:
        application.setFont(font)
    assert not problems, f"dialog {name} with a larger font:\n  " + "\n  ".join(problems)
