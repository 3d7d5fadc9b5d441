"""A person's e-mail addresses in the profile: typed as a list, stored, matched to meetings."""

from __future__ import annotations

from typing import Any

import pytest

from cxjournal.domain.model import Person
from cxjournal.journal import Journal
from cxjournal.ui.person_profile import PersonProfileDialog


def test_addresses_typed_in_the_profile_are_stored_and_shown_again(
    qtbot: Any, journal: Journal
) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    dialog = PersonProfileDialog(journal, None, ana)
    qtbot.addWidget(dialog)
    dialog.emails.setText("ana@acme.com,  Ana.Silva@Example.org; ")
    dialog.accept()
    assert journal.people.get(ana.id or 0).emails == ("ana@acme.com", "Ana.Silva@Example.org")
    again = PersonProfileDialog(journal, None, journal.people.get(ana.id or 0))
    qtbot.addWidget(again)
    assert again.emails.text() == "ana@acme.com, Ana.Silva@Example.org"
    assert journal.search.query("acme")  # addresses are searched


def test_a_wrong_address_is_named_and_nothing_is_saved(
    qtbot: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    ana = journal.people.add(Person(name="Ana Silva", emails=("ana@acme.com",)))
    dialog = PersonProfileDialog(journal, None, ana)
    qtbot.addWidget(dialog)
    dialog.emails.setText("ana@acme.com not-an-address")
    dialog.accept()
    assert len(shown) == 1 and "E-mails (address 2)" in shown[0]
    assert journal.people.get(ana.id or 0).emails == ("ana@acme.com",)
    assert dialog.emails.text() == "ana@acme.com not-an-address"  # what was typed is kept
