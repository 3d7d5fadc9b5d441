"""Cold start: what the first paint needs, and nothing more, in a fresh process.

The window's first paint (Today, its meetings card, the drafts offered back) reads
through the journal's plain connection: none of the modules below is imported
before it, nor by ``gui --quit-after-paint`` at all.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from cxjournal.domain.model import Person
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]

#: modules (and their submodules) the first paint does not need
NOT_BEFORE_FIRST_PAINT = (
    "sqlalchemy",
    "alembic",
    "pyqtgraph",
    "numpy",
    "icalendar",
    "desktop_notifier",
    "dbus_fast",
    "cxjournal.store.models",
    "cxjournal.store.session",
    "cxjournal.store.engine",
    "cxjournal.store.backup",
    "cxjournal.journal.backup_ops",
    # the other commands' parsers: only ``cxjournal --help`` or another command needs them
    "cxjournal.cli.check_cmd",
    "cxjournal.cli.audit_cmd",
    "cxjournal.cli.audit_export_cmd",
    "cxjournal.cli.exchange_cmd",
    "cxjournal.cli.import_from_cmd",
    "cxjournal.cli.search_cmd",
    "cxjournal.cli.passphrase_cmd",
    "cxjournal.cli.calendar_cmd",
    "cxjournal.cli.program_cmd",
    "cxjournal.journal.search",
    # the Exit plan page (the status bar's indicator needs only the plan's state in words)
    "cxjournal.ui.exit_plan_page",
    # compares the copies made before an upgrade; no upgrade is due
    "filecmp",
)
#: QtCore classes whose Python types (and enums) PySide6 makes only when first asked for,
#: which nothing before the first paint asks for
QT_CLASSES_NOT_MADE = ("QProcess",)
#: modules the first paint does not need, loaded soon after it (the program's risks are
#: worked out on a worker thread once the window shows)
LATER = (
    "cxjournal.domain.program_view",
    "cxjournal.domain.program",
)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TZ": "UTC",
    }


def _journal_with_a_meeting_and_a_draft(tmp_path: Path) -> Path:
    """A journal whose Today shows a 1:1 tomorrow, with a note draft left from last time."""
    path = tmp_path / "journal.db"
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    ics = tmp_path / "work.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:w@x\r\n"
        "DTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:{tomorrow:%Y%m%d}T100000Z\r\nDTEND:{tomorrow:%Y%m%d}T103000Z\r\n"
        "SUMMARY:Ana weekly\r\nATTENDEE:mailto:ana@example.com\r\n"
        "ATTENDEE:mailto:me@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    with Journal.open(path) as journal:
        journal.settings.set_my_emails(["me@example.com"])
        journal.people.add(Person(name="Ana Silva", emails=("ana@example.com",)))
        journal.calendar.add(ics)
        draft = {"on": tomorrow.isoformat(), "text": "half a thought", "kind": "other"}
        journal.drafts.save("note", "new", draft)
    return path


def test_first_paint_with_meetings_and_drafts_imports_no_database_layer(tmp_path: Path) -> None:
    path = _journal_with_a_meeting_and_a_draft(tmp_path)
    script = f"""
import sys
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cxjournal.journal import Journal
from cxjournal.ui.main_window import MainWindow
def unwanted(wanted={NOT_BEFORE_FIRST_PAINT!r}):
    under = tuple(w + "." for w in wanted)
    return sorted(m for m in sys.modules if m in wanted or m.startswith(under))
class FirstPaint(QObject):
    seen = None
    made = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = unwanted({NOT_BEFORE_FIRST_PAINT + LATER!r})
            import cxjournal.qt.core as qt_core
            self.made = [n for n in {QT_CLASSES_NOT_MADE!r} if n in vars(qt_core)]
        return False
journal = Journal.open({str(path)!r})
ini = {str(tmp_path / "ui.ini")!r}
window = MainWindow(journal, settings=QSettings(ini, QSettings.Format.IniFormat))
first_paint = FirstPaint(window)
window.installEventFilter(first_paint)
window.show()
card = window.pages["today"].meetings_card
while not card.rows or window.services.extensions.resume_offer is None:
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
print("at first paint:", first_paint.seen)
print("Qt classes made:", first_paint.made)
print("meetings:", [row.accessibleName() for row in card.rows])
print("drafts offered:", len(window.services.extensions.resume_offer.rows))
print("once both are shown:", unwanted())
window.services.extensions.resume_offer.close()
window.close()
journal.close()
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(tmp_path),
        timeout=120,
    )
    out = done.stdout + done.stderr
    assert "meetings: ['1:1 with Ana Silva']" in done.stdout, out
    assert "drafts offered: 1" in done.stdout, out
    assert "at first paint: []" in done.stdout, out
    assert "Qt classes made: []" in done.stdout, out
    assert "once both are shown: []" in done.stdout, out


def test_quit_after_paint_imports_no_database_layer_from_start_to_exit(tmp_path: Path) -> None:
    path = _journal_with_a_meeting_and_a_draft(tmp_path)
    command = [
        "-X",
        "importtime",
        "-m",
        "cxjournal",
        "--db",
        str(path),
        "gui",
        "--quit-after-paint",
    ]
    done = subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(tmp_path),
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "cxjournal.ui.main_window" in imported  # the window was made and painted
    never = NOT_BEFORE_FIRST_PAINT + LATER  # the app quits before the program's risks
    unwanted = sorted(m for m in imported if any(m == w or m.startswith(w + ".") for w in never))
    assert unwanted == []


def test_qt_classes_are_handed_out_as_asked_for_not_all_at_import() -> None:
    code = (
        "import pytest\n"
        "from cxjournal.qt import core, gui, widgets\n"
        "from cxjournal.qt.widgets import QLabel\n"
        "import PySide6.QtWidgets\n"
        "assert QLabel is PySide6.QtWidgets.QLabel and widgets.QLabel is QLabel\n"
        "assert core.Qt is __import__('PySide6.QtCore').QtCore.Qt\n"
        "with pytest.raises(ImportError):\n"
        "    from cxjournal.qt.widgets import QNoSuchWidget\n"
        "made = [n for n in ('QTreeWidget', 'QCalendarWidget') if n in vars(widgets)]\n"
        "print(made, 'QPdfWriter' in vars(gui), 'QTimeLine' in vars(core),\n"
        "      'QLabel' in vars(widgets))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.stdout.strip() == "[] False False True", done.stdout + done.stderr
