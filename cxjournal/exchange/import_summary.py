"""What an import did, and the conflict that stops one: the importer's public results."""

from __future__ import annotations

from dataclasses import dataclass, fields

from cxjournal.domain.errors import ValidationError


class ImportConflictError(ValidationError):
    """The file is valid, but some of its check-ins differ from the journal's on the same dates.

    Importing with ``replace`` overwrites those check-ins with the file's.
    """


@dataclass(frozen=True, slots=True)
class ImportSummary:
    people_added: int = 0
    people_matched: int = 0
    audits_added: int = 0
    audits_skipped: int = 0
    notes_added: int = 0
    notes_skipped: int = 0
    checkins_added: int = 0
    checkins_replaced: int = 0
    checkins_skipped: int = 0
    exit_items_added: int = 0
    exit_status_set: bool = False
    settings_written: int = 0
    emails_added: int = 0
    program_changed: int = 0
    proof_points_added: int = 0
    proof_points_skipped: int = 0
    proof_shares_added: int = 0
    agenda_added: int = 0
    agenda_updated: int = 0
    agenda_skipped: int = 0

    @property
    def changed(self) -> bool:
        return any(
            getattr(self, f.name)
            for f in fields(self)
            if not f.name.endswith(("_skipped", "_matched"))
        )

    def lines(self) -> list[str]:
        """A short account for the user, one line per kind of record."""
        lines = [
            f"people: {self.people_added} added, {self.people_matched} already in the journal",
            f"audits: {self.audits_added} added, {self.audits_skipped} already there",
            f"notes: {self.notes_added} added, {self.notes_skipped} already there",
            f"check-ins: {self.checkins_added} added, {self.checkins_replaced} replaced, "
            f"{self.checkins_skipped} already there",
        ]
        if self.exit_items_added or self.exit_status_set:
            lines.append(f"exit plan: {self.exit_items_added} checklist items added")
        if self.settings_written:
            lines.append(f"settings: {self.settings_written} taken from the file")
        if self.emails_added:
            lines.append(f"e-mail addresses: {self.emails_added} added to people already there")
        if self.program_changed:
            lines.append(f"program: {self.program_changed} parts filled in from the file")
        if self.proof_points_added or self.proof_points_skipped or self.proof_shares_added:
            lines.append(
                f"proof points: {self.proof_points_added} added, "
                f"{self.proof_points_skipped} already there, "
                f"{self.proof_shares_added} shares recorded"
            )
        if self.agenda_added or self.agenda_updated or self.agenda_skipped:
            lines.append(
                f"talking points: {self.agenda_added} added, {self.agenda_updated} updated, "
                f"{self.agenda_skipped} already there"
            )
        return lines
