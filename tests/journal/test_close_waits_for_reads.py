"""Closing a journal waits for the transactions other threads have open (a page's read in
the background), so no connection is closed under a read."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxjournal.journal import Journal


class Watched(threading.Condition):
    """Says when someone starts waiting on it for something not yet true."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = threading.Event()

    def wait_for(self, predicate: Callable[[], Any], timeout: float | None = None) -> Any:
        if not predicate():
            self.waiting.set()
        return super().wait_for(predicate, timeout)


def test_close_waits_for_a_read_on_another_thread(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    watched = Watched()
    journal._open_changed = watched
    inside, release = threading.Event(), threading.Event()
    read: list[Any] = []

    def reader() -> None:
        with journal.reading() as conn:
            inside.set()
            assert release.wait(60)
            read.append(conn.execute("SELECT count(*) FROM people").fetchone()[0])

    closed = threading.Event()
    reading = threading.Thread(target=reader)
    reading.start()
    assert inside.wait(60)
    closing = threading.Thread(target=lambda: (journal.close(), closed.set()))
    closing.start()
    assert watched.waiting.wait(60)  # close is waiting for the read...
    assert not closed.is_set()
    release.set()
    reading.join(60)
    closing.join(60)
    assert read == [0] and closed.is_set()  # ...which ended on its open connection


def test_close_inside_a_transaction_of_its_own_thread_does_not_wait(journal_path: Path) -> None:
    journal = Journal.open(journal_path)
    with journal.reading():
        assert journal._wait_for_other_threads(timeout=0)  # only this thread's is open
    journal.close()
