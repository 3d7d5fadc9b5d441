"""Start-up: the single-instance lock, first run, unlocking, refusals, the main window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QDialog, QMessageBox

from cxjournal import paths
from cxjournal.domain.model import Person
from cxjournal.journal import Journal
from cxjournal.lockfile import owner_pid
from cxjournal.ui import startup

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cxjournal", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_lock_is_exclusive_and_named_in_the_refusal(journal_path: Path) -> None:
    held = startup.acquire_lock(journal_path)
    try:
        assert owner_pid(journal_path) == os.getpid()
        with pytest.raises(startup.StartupRefused, match="already open"):
            startup.acquire_lock(journal_path)
    finally:
        held.unlock()
    assert owner_pid(journal_path) is None
    startup.acquire_lock(journal_path).unlock()


def test_stale_lock_of_a_killed_app_is_recovered(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(paths.lock_path(journal_path))!r})\n"
        "assert lock.tryLock(100)\n"
        "os._exit(0)  # dies holding the lock: the file stays behind\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert paths.lock_path(journal_path).exists()
    assert owner_pid(journal_path) is None
    lock = startup.acquire_lock(journal_path)
    assert isinstance(lock, QLockFile) and lock.isLocked()
    lock.unlock()


def test_second_start_says_the_journal_is_in_use(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    held = startup.acquire_lock(journal_path)
    try:
        result = run_cli("--db", str(journal_path), "gui", "--quit-after-paint")
    finally:
        held.unlock()
    assert result.returncode == 1
    assert "already open" in result.stderr and str(journal_path) in result.stderr


def test_quit_after_paint_creates_a_plain_journal_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "journal.db"
    result = run_cli("--db", str(path), "gui", "--quit-after-paint")
    assert result.returncode == 0, result.stderr
    assert path.read_bytes()[:15] == b"SQLite format 3"
    assert not paths.lock_path(path).exists()


def test_quit_after_paint_never_asks_for_a_passphrase(journal_path: Path) -> None:
    Journal.open(journal_path, "s3cret pass").close()
    result = run_cli("--db", str(journal_path), "gui", "--quit-after-paint")
    assert result.returncode == 1
    assert "encrypted" in result.stderr
    result = run_cli(
        "--db",
        str(journal_path),
        "gui",
        "--quit-after-paint",
        env={"CXJOURNAL_PASSPHRASE": "s3cret pass"},
    )
    assert result.returncode == 0, result.stderr


def test_first_run_creates_an_encrypted_journal(
    qtbot: Any, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui.dialogs.first_run_dialog import FirstRunDialog

    def fill_and_accept(dialog: FirstRunDialog) -> int:
        dialog.first.setText("short")
        dialog.create_button.click()
        assert "at least" in dialog.problem.text()
        dialog.first.setText("long enough passphrase")
        dialog.second.setText("long enough passphrase!")
        dialog.create_button.click()
        assert "differ" in dialog.problem.text()
        dialog.second.setText("long enough passphrase")
        dialog.create_button.click()
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", fill_and_accept)
    journal = startup.open_journal(journal_path, None, interactive=True)
    try:
        assert journal.encrypted
    finally:
        journal.close()
    assert Journal.needs_passphrase(journal_path)


def test_first_run_can_skip_the_passphrase(journal_path: Path, monkeypatch: Any) -> None:
    from cxjournal.ui.dialogs.first_run_dialog import FirstRunDialog

    def skip(dialog: FirstRunDialog) -> int:
        dialog.skip_button.click()
        return int(dialog.result())

    monkeypatch.setattr(FirstRunDialog, "exec", skip)
    with startup.open_journal(journal_path, None, interactive=True) as journal:
        assert not journal.encrypted


def test_wrong_passphrase_asks_again(journal_path: Path, monkeypatch: Any) -> None:
    from cxjournal.ui.dialogs.passphrase_dialog import PassphraseDialog

    with Journal.open(journal_path, "right one") as journal:
        journal.people.add(Person(name="Ana"))
    answers = iter(["wrong", "still wrong", "right one"])
    problems: list[str] = []

    def answer(dialog: PassphraseDialog) -> int:
        problems.append(dialog.problem.text())
        dialog.field.setText(next(answers))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PassphraseDialog, "exec", answer)
    with startup.open_journal(journal_path, None, interactive=True) as journal:
        assert [p.name for p in journal.people.all()] == ["Ana"]
    assert problems[0] == ""
    assert "does not open" in problems[1] and "does not open" in problems[2]


def test_cancelling_the_passphrase_quits_quietly(journal_path: Path, monkeypatch: Any) -> None:
    from cxjournal.ui.dialogs.passphrase_dialog import PassphraseDialog

    Journal.open(journal_path, "right one").close()
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: 0)
    with pytest.raises(startup.StartupCancelled):
        startup.open_journal(journal_path, None, interactive=True)


def test_a_damaged_file_is_reported_not_overwritten(tmp_path: Path, monkeypatch: Any) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = damaged.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    with pytest.raises(startup.StartupRefused) as caught:
        startup.open_journal(damaged, None, interactive=True)
    startup.report_refusal(str(caught.value), interactive=True)
    assert "damaged" in shown[0]
    assert damaged.read_bytes() == before


def test_main_window_opens_and_remembers_its_geometry(
    qtbot: Any, journal: Journal, ui_settings: Any
) -> None:
    from cxjournal.ui.main_window import MainWindow

    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "cxjournal" in window.windowTitle()
    assert journal.path.name in window.journal_label.text()
    window.resize(777, 555)
    window.close()
    again = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (777, 555)


def test_about_dialog_names_version_and_journal(qtbot: Any, journal: Journal) -> None:
    from PySide6.QtWidgets import QLabel

    from cxjournal import __version__
    from cxjournal.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(journal)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text and str(journal.path) in text
    assert "inspired by" in text


def test_warm_up_loads_later_pages_modules_in_the_background() -> None:
    code = (
        "import sys\n"
        "from cxjournal.ui import warm_up\n"
        "assert 'pyqtgraph' not in sys.modules and 'sqlalchemy' not in sys.modules\n"
        "thread = warm_up.start()\n"
        "assert thread.daemon\n"
        "thread.join(60)\n"
        "print(all(m in sys.modules for m in warm_up.MODULES))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip() == "True", out.stderr


def test_prebuild_fills_the_heavy_pages_while_hidden(main_window: Any) -> None:
    from cxjournal.ui import warm_up

    main_window.navigate("today")
    warm_up.prebuild(main_window)
    for key in warm_up.HEAVY_PAGES:
        page = main_window.pages[key]
        assert not page.isVisible() and not page._stale
    assert main_window.current_key() == "today"


def _turns(qtbot: Any, count: int = 3) -> None:
    """Let the event loop turn ``count`` times (zero-delay timers run in order)."""
    from cxjournal.qt.core import QTimer

    marks: list[int] = []

    def mark() -> None:
        marks.append(1)
        if len(marks) < count:
            QTimer.singleShot(0, mark)

    QTimer.singleShot(0, mark)
    qtbot.waitUntil(lambda: len(marks) >= count)


def test_prebuild_in_turns_builds_between_events_then_goes_on(main_window: Any, qtbot: Any) -> None:
    from cxjournal.ui import warm_up

    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, then=lambda: finished.append(True))
    assert not any(key in main_window.pages for key in warm_up.HEAVY_PAGES)  # nothing yet
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    for key in warm_up.HEAVY_PAGES:
        page = main_window.pages[key]
        assert not page.isVisible() and not page._stale
    assert main_window.current_key() == "today"


def test_no_hidden_page_is_built_once_the_window_is_closing(main_window: Any, qtbot: Any) -> None:
    from cxjournal.ui import warm_up

    finished: list[bool] = []
    main_window.close_policy.closing = True  # as once Quit (or logout) was accepted
    warm_up.prebuild_in_turns(main_window, then=lambda: finished.append(True))
    _turns(qtbot, 8)
    assert not any(key in main_window.pages for key in warm_up.HEAVY_PAGES)
    assert not finished


def test_closing_the_window_marks_it_closing(main_window: Any) -> None:
    assert not main_window.close_policy.closing
    main_window.close()
    assert main_window.close_policy.closing
