"""File > Export audit / Export journal / Import journal / Back up now / Restore, Help > demo."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from cxjournal.domain.model import Audit, Person, Rating, ResilienceEntry
from cxjournal.exchange import importer
from cxjournal.exchange.format_read import parse
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.store import backup as store_backup
from cxjournal.ui.dialogs.export_audit_dialog import ExportAuditDialog
from cxjournal.ui.dialogs.restore_dialog import RestoreDialog
from cxjournal.ui.dialogs.snapshot_preview_dialog import SnapshotPreviewDialog
from cxjournal.ui.workers import run_task

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def fill(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
    ben = journal.people.add(Person(name="Ben Okafor", team="Ops"))
    journal.audits.save(Audit(dt.date(2026, 1, 15), (Rating(ana, 8, 7, 5, 4),), "older"))
    journal.audits.save(
        Audit(dt.date(2026, 4, 15), (Rating(ana, 8, 7, 5, 4), Rating(ben, 3, 4, 6, 5)))
    )


def names(journal: Journal) -> list[str]:
    return [p.name for p in journal.people.all(include_archived=True)]


def finish(qtbot: Any, task: Any) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)


@pytest.fixture
def actions(main_window: Any) -> Any:
    return main_window.exchange_actions


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every message box shown, by kind; questions answer Yes unless a test says otherwise.

    Autouse, so that no test can hang on a modal box offscreen.
    """
    shown: dict[str, list[str]] = {"information": [], "warning": [], "question": [], "box": []}

    def record(kind: str, answer: Any = None) -> Any:
        def show(_parent: Any, _title: str, text: str, *_args: Any, **_kw: Any) -> Any:
            shown[kind].append(text)
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "question", record("question", Yes))

    def box_exec(box: QMessageBox) -> int:
        shown["box"].append(box.text() + "\n" + box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    return shown


# --- the menus ---------------------------------------------------------------------------------


def test_the_menus_hold_the_actions(main_window: Any) -> None:
    file_texts = [a.text() for a in main_window.menu("file").actions()]
    for text in (
        "&Export audit…",
        "Export &journal…",
        "&Import journal…",
        "&Back up now",
        "&Restore from backup…",
    ):
        assert text in file_texts
    assert "Open &demo journal…" in [a.text() for a in main_window.menu("help").actions()]
    export = main_window.exchange_actions.menu_actions["Export audit"]
    assert export.shortcut().toString() == "Ctrl+E"
    assert export.statusTip()


# --- export audit ----------------------------------------------------------------------------


def test_export_audit_without_audits_says_what_to_do(actions: Any, messages: Any) -> None:
    assert actions.export_audit() is None
    assert "no power audit" in messages["information"][0]


def answer_dialog(monkeypatch: pytest.MonkeyPatch, **fields: Any) -> list[ExportAuditDialog]:
    seen: list[ExportAuditDialog] = []

    def exec_(dialog: ExportAuditDialog) -> int:
        seen.append(dialog)
        if "fmt" in fields:
            dialog.format_box.setCurrentIndex(dialog.format_box.findData(fields["fmt"]))
        if fields.get("hide"):
            dialog.hide_names.setChecked(True)
        if "path" in fields:
            dialog.path_edit.setText(str(fields["path"]))
        if fields.get("cancel"):
            return QDialog.DialogCode.Rejected
        dialog.accept()
        return dialog.result()

    def preview_exec(preview: SnapshotPreviewDialog) -> int:
        seen_previews.append(preview.text.toPlainText())
        if fields.get("cancel_preview"):
            return QDialog.DialogCode.Rejected
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportAuditDialog, "exec", exec_)
    monkeypatch.setattr(SnapshotPreviewDialog, "exec", preview_exec)
    return seen


#: the text of every snapshot preview shown, in order
seen_previews: list[str] = []


def test_export_audit_shows_what_will_be_shared_before_writing(
    actions: Any, journal: Journal, tmp_path: Path, monkeypatch: Any
) -> None:
    fill(journal)
    seen_previews.clear()
    target = tmp_path / "snap.csv"
    answer_dialog(monkeypatch, fmt="csv", hide=True, path=target, cancel_preview=True)
    assert actions.export_audit() is None
    assert not target.exists()  # cancelled at the preview: nothing written
    assert len(seen_previews) == 1
    assert "Person A" in seen_previews[0] and "Ana" not in seen_previews[0]
    assert "Names are hidden" in seen_previews[0]


def test_export_audit_writes_the_chosen_format_in_the_background(
    actions: Any,
    main_window: Any,
    journal: Journal,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: Any,
    messages: Any,
) -> None:
    fill(journal)
    target = tmp_path / "snap.md"
    answer_dialog(monkeypatch, fmt="md", hide=True, path=target)
    threads: list[bool] = []
    from cxjournal.exchange import snapshot

    original = snapshot.write_snapshot

    def spy(*args: Any) -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args)

    monkeypatch.setattr(snapshot, "write_snapshot", spy)
    finish(qtbot, actions.export_audit())
    assert messages["warning"] == []
    assert threads == [False]
    text = target.read_text()
    assert "Person A" in text and "Ana" not in text
    assert "2026-04-15" in text.splitlines()[0] or "15 April 2026" in text.splitlines()[0]
    assert "not encrypted" in main_window.statusBar().currentMessage()


def test_export_audit_offers_the_audit_selected_on_the_audits_page(
    actions: Any, main_window: Any, journal: Journal, monkeypatch: Any
) -> None:
    fill(journal)
    older = journal.audits.summaries()[1].id
    main_window.navigate("audits")
    page = main_window.page("audits")
    monkeypatch.setattr(page, "selected_id", lambda: older, raising=False)
    seen = answer_dialog(monkeypatch, cancel=True)
    assert actions.export_audit() is None
    assert seen[0].audit_id() == older


def test_export_audit_defaults_to_the_latest(
    actions: Any, journal: Journal, monkeypatch: Any
) -> None:
    fill(journal)
    seen = answer_dialog(monkeypatch, cancel=True)
    actions.export_audit()
    assert seen[0].audit_id() == journal.audits.summaries()[0].id


def test_export_pdf(
    actions: Any, journal: Journal, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    fill(journal)
    answer_dialog(monkeypatch, fmt="pdf", path=tmp_path / "snap.pdf")
    finish(qtbot, actions.export_audit())
    assert (tmp_path / "snap.pdf").read_bytes().startswith(b"%PDF-")


# --- the export dialog -------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: Any, journal: Journal, tmp_path: Path) -> ExportAuditDialog:
    fill(journal)
    made = ExportAuditDialog(journal.audits.summaries(), None, tmp_path)
    qtbot.addWidget(made)
    return made


def test_the_dialog_suggests_a_name_that_follows_the_format(
    dialog: ExportAuditDialog, tmp_path: Path
) -> None:
    assert dialog.path() == tmp_path / "power-audit-2026-04-15.pdf"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    dialog.hide_names.setChecked(True)
    assert dialog.path() == tmp_path / "power-audit-2026-04-15-names-hidden.csv"
    dialog.audit_box.setCurrentIndex(1)
    assert dialog.path().name == "power-audit-2026-01-15-names-hidden.csv"
    assert "not encrypted" in dialog.reminder.text()
    dialog.path_edit.setText("  ")
    assert not dialog.export_button.isEnabled()


def test_the_dialog_asks_before_replacing_a_file(
    dialog: ExportAuditDialog, tmp_path: Path, monkeypatch: Any
) -> None:
    target = tmp_path / "there.pdf"
    target.write_text("keep me")
    dialog.path_edit.setText(str(target))
    answers = [No, Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    dialog.accept()
    assert dialog.choice() is None and dialog.result() != QDialog.DialogCode.Accepted
    dialog.accept()
    choice = dialog.choice()
    assert choice is not None and choice.path == target and choice.fmt == "pdf"


def test_the_dialog_browse_button_uses_a_save_dialog(
    dialog: ExportAuditDialog, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "mine"), "")
    )
    dialog._browse()
    assert dialog.path() == tmp_path / "mine.pdf"


# --- export and import the journal ----------------------------------------------------------------


def test_export_journal(
    actions: Any, journal: Journal, qtbot: Any, tmp_path: Path, monkeypatch: Any, messages: Any
) -> None:
    fill(journal)
    target = tmp_path / "all.json"
    target.write_text("older")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    finish(qtbot, actions.export_journal())
    assert "already exists" in messages["question"][0]
    assert [p.person.name for p in parse(target.read_bytes()).people] == ["Ana Silva", "Ben Okafor"]


def test_export_of_an_encrypted_journal_warns_first(
    qtbot: Any, tmp_path: Path, ui_settings: Any, monkeypatch: Any
) -> None:
    from cxjournal.ui.main_window import MainWindow

    secret = Journal.open(tmp_path / "s" / "secret.db", "pass phrase")
    window = MainWindow(secret, settings=ui_settings)
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or No)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: pytest.fail("asked"))
    assert window.exchange_actions.export_journal() is None
    assert "will not be" in asked[0]
    secret.close()


def exported_file(tmp_path: Path, **changes: Any) -> Path:
    source = Journal.open(tmp_path / "source" / "j.db")
    fill(source)
    source.people.add(Person(name="Chen Wei"))
    source.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7))
    from cxjournal.exchange.exporter import export_document

    data = export_document(source)
    source.close()
    for key, value in changes.items():
        data[key] = value(data[key]) if callable(value) else value
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    return path


def test_import_journal_runs_in_the_background_and_announces_it(
    actions: Any,
    main_window: Any,
    journal: Journal,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: Any,
    messages: Any,
) -> None:
    path = exported_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    threads: list[bool] = []
    original = importer.import_file

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "import_file", spy)
    announced: list[Area] = []
    main_window.bus.changed.connect(announced.append)
    finish(qtbot, actions.import_journal())
    assert threads == [False]
    assert names(journal) == ["Ana Silva", "Ben Okafor", "Chen Wei"]
    assert announced == [Area.ALL]
    assert "people: 3 added" in messages["information"][0]


def test_a_bad_file_is_refused_with_every_problem(
    actions: Any, journal: Journal, qtbot: Any, tmp_path: Path, messages: Any
) -> None:
    def break_people(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
        people[0]["name"] = ""
        people[1]["cadence_days"] = 0
        return people

    path = exported_file(tmp_path, people=break_people)
    finish(qtbot, actions.import_journal(path))
    box = messages["box"][0]
    assert "it has 2 problems. Your journal was not changed." in box
    assert "people[0].name: must be 1-200 characters after trimming" in box
    assert "people[1].cadence_days: 0 is not between 1 and 366" in box
    assert names(journal) == []


def test_a_checkin_conflict_asks_to_replace(
    actions: Any, journal: Journal, qtbot: Any, tmp_path: Path, messages: Any
) -> None:
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 1, 1, 1))
    path = exported_file(tmp_path)
    finish(qtbot, actions.import_journal(path))
    assert "1 check-in in in.json differ" in messages["question"][0]
    finish(qtbot, actions.task)  # the import again, replacing
    entry = journal.resilience.get(dt.date(2026, 2, 1))
    assert entry is not None and entry.energy == 6
    assert "1 replaced" in messages["information"][0]


def test_an_unreadable_file_is_reported(
    actions: Any, qtbot: Any, tmp_path: Path, messages: Any
) -> None:
    finish(qtbot, actions.import_journal(tmp_path / "missing.json"))
    assert messages["warning"]


# --- backups ------------------------------------------------------------------------------------


def test_back_up_now(
    actions: Any, main_window: Any, journal: Journal, qtbot: Any, messages: Any
) -> None:
    fill(journal)
    finish(qtbot, actions.back_up_now())
    assert messages["warning"] == []
    made = store_backup.rolling_backups(journal.path)
    assert len(made) == 1
    assert str(made[0].path) in main_window.statusBar().currentMessage()


def choose_backup(monkeypatch: Any, pick: Path | None = None) -> list[RestoreDialog]:
    seen: list[RestoreDialog] = []

    def exec_(dialog: RestoreDialog) -> int:
        seen.append(dialog)
        if pick is not None:
            dialog._chosen = pick
            QDialog.accept(dialog)
        else:
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", exec_)
    return seen


def test_restore_replaces_the_journal_and_the_window_carries_on(
    actions: Any, main_window: Any, journal: Journal, monkeypatch: Any, messages: Any
) -> None:
    fill(journal)
    from cxjournal.journal.backup_ops import backup_now

    backup_now(journal)
    journal.people.add(Person(name="Written later"))
    seen = choose_backup(monkeypatch)
    announced: list[Area] = []
    main_window.bus.changed.connect(announced.append)
    assert actions.restore_from_backup() is True
    assert seen[0].list.topLevelItemCount() == 1
    assert names(journal) == ["Ana Silva", "Ben Okafor"]
    assert announced == [Area.ALL]
    assert "kept at" in messages["information"][0]
    journal.people.add(Person(name="After the restore"))
    assert "After the restore" in names(journal)
    assert len(store_backup.list_backups(journal.path)) == 2  # the backup and the kept copy


def test_restore_asks_first_and_no_changes_nothing(
    actions: Any, journal: Journal, monkeypatch: Any
) -> None:
    from cxjournal.journal.backup_ops import backup_now

    backup_now(journal)
    journal.people.add(Person(name="Stays"))
    choose_backup(monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: No)
    assert actions.restore_from_backup() is False
    assert names(journal) == ["Stays"]


def test_a_damaged_backup_is_refused_and_the_journal_stays(
    actions: Any, journal: Journal, tmp_path: Path, monkeypatch: Any, messages: Any
) -> None:
    journal.people.add(Person(name="Stays"))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    choose_backup(monkeypatch, pick=bad)
    assert actions.restore_from_backup() is False
    assert "was not restored" in messages["warning"][0]
    assert names(journal) == ["Stays"]


def test_the_restore_dialog_lists_backups_and_has_an_empty_state(
    qtbot: Any, journal: Journal
) -> None:
    empty = RestoreDialog([])
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled() and "no backups" in empty.empty.text()
    from cxjournal.journal.backup_ops import backup_now

    made = backup_now(journal)
    listed = RestoreDialog(store_backup.list_backups(journal.path))
    qtbot.addWidget(listed)
    item = listed.list.topLevelItem(0)
    assert item.text(2) == "Backup" and item.text(1).endswith(("KB", "bytes"))
    listed.accept()
    assert listed.chosen() == made


# --- demo -----------------------------------------------------------------------------------------


def test_the_demo_opens_in_a_separate_process_on_a_temporary_journal(
    actions: Any, journal: Journal, qtbot: Any, monkeypatch: Any
) -> None:
    from PySide6.QtCore import QProcess

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        QProcess,
        "startDetached",
        lambda program, args: started.append((program, args)) or (True, 1),
    )
    finish(qtbot, actions.open_demo())
    program, args = started[0]
    assert program == sys.executable and args[:2] == ["-m", "cxjournal"] and args[-1] == "gui"
    demo = Path(args[args.index("--db") + 1])
    assert demo != journal.path and demo.name == "demo.db"
    with Journal.open(demo, create=False) as opened:
        assert len(opened.people.all(include_archived=True)) > 10
        assert opened.audits.count() > 5
    assert names(journal) == []  # never mixed into the user's journal


# --- the background runner and the quit hook ------------------------------------------------


def test_a_task_reports_progress_and_errors(qtbot: Any, main_window: Any) -> None:
    results: list[Any] = []

    def work(progress: Any) -> int:
        progress(1, 2, "half way")
        return 42

    task = run_task(main_window, "Test", "Working", work, results.append, results.append)
    finish(qtbot, task)
    assert results == [42]

    def broken(_progress: Any) -> None:
        raise ValueError("boom")

    failing = run_task(main_window, "Test", "Working", broken, results.append, results.append)
    finish(qtbot, failing)
    assert isinstance(results[-1], ValueError)


def test_a_second_task_waits_for_the_first(actions: Any, main_window: Any, qtbot: Any) -> None:
    gate = threading.Event()
    actions.task = run_task(main_window, "T", "L", lambda _p: gate.wait(5), print, print)
    assert actions.back_up_now() is None
    assert "Please wait" in main_window.statusBar().currentMessage()
    gate.set()
    finish(qtbot, actions.task)


def test_closing_the_app_makes_the_daily_backup(tmp_path: Path) -> None:
    path = tmp_path / "j" / "journal.db"
    Journal.open(path).close()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from cxjournal.app import run_app\n"
        "app = QApplication(sys.argv[:1])\n"
        "QTimer.singleShot(1500, app.quit)\n"
        f"sys.exit(run_app(__import__('pathlib').Path({str(path)!r})))\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parents[2],
        timeout=60,
    )  # fmt: skip
    assert len(store_backup.rolling_backups(path)) == 1
