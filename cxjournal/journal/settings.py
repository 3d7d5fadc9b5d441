"""Journal settings: JSON values by key, and the power-audit thresholds."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.validation import emails_problems
from cxjournal.journal.changes import Area
from cxjournal.store.models import SettingRow

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

THRESHOLDS_KEY = "thresholds"
#: The user's own e-mail addresses (calendar.md), a JSON list of strings.
MY_EMAILS_KEY = "my_emails"
#: the settings that are part of a journal's content, which an import may take from a file;
#: every other setting (backup retention above all) is the user's own and never imported
CONTENT_SETTINGS: tuple[str, ...] = (THRESHOLDS_KEY, MY_EMAILS_KEY)


class SettingsOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def get(self, key: str, default: Any = None) -> Any:
        with self._journal.session() as session:
            value = session.scalar(select(SettingRow.value).where(SettingRow.key == key))
        return default if value is None else json.loads(value)

    def set(self, key: str, value: Any) -> None:
        try:
            encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
            encoded.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError(
                [f"{key}: contains a character that is not valid Unicode (a lone surrogate)"]
            ) from None
        except (TypeError, ValueError) as exc:
            raise ValidationError([f"{key}: cannot be stored ({exc})"]) from None
        with self._journal.session(Area.SETTINGS) as session:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=encoded))
            else:
                row.value = encoded

    def delete(self, key: str) -> None:
        with self._journal.session(Area.SETTINGS) as session:
            row = session.get(SettingRow, key)
            if row is not None:
                session.delete(row)

    def all(self) -> dict[str, Any]:
        with self._journal.session() as session:
            rows = session.scalars(select(SettingRow)).all()
            return {row.key: json.loads(row.value) for row in rows}

    def thresholds(self) -> Thresholds:
        stored = self.get(THRESHOLDS_KEY, {})
        try:
            return Thresholds.from_mapping(stored if isinstance(stored, dict) else {})
        except ValidationError:
            return Thresholds()

    def set_thresholds(self, thresholds: Thresholds) -> None:
        Thresholds.from_mapping(thresholds.as_dict())  # refuses negative or mistyped values
        self.set(THRESHOLDS_KEY, thresholds.as_dict())

    def reset_thresholds(self) -> None:
        self.delete(THRESHOLDS_KEY)

    def my_emails(self) -> tuple[str, ...]:
        """The user's own addresses; a stored value that is not a list of strings counts as none."""
        stored = self.get(MY_EMAILS_KEY, [])
        if not isinstance(stored, list) or not all(isinstance(e, str) for e in stored):
            return ()
        return tuple(stored)

    def set_my_emails(self, emails: list[str] | tuple[str, ...]) -> None:
        """Store the user's addresses (trimmed); each must look like one and appear once."""
        problems = emails_problems(emails, MY_EMAILS_KEY)
        if problems:
            raise ValidationError(problems)
        self.set(MY_EMAILS_KEY, [email.strip() for email in emails])
