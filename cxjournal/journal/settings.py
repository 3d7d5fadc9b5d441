"""Journal settings: JSON values by key, and the power-audit thresholds."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.validation import emails_problems
from cxjournal.journal import setting_values as values
from cxjournal.journal.changes import Area
from cxjournal.journal.setting_values import MY_EMAILS_KEY as MY_EMAILS_KEY
from cxjournal.journal.setting_values import THRESHOLDS_KEY as THRESHOLDS_KEY
from cxjournal.store.reads import settings as stored

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

#: the settings that are part of a journal's content, which an import may take from a file;
#: every other setting (backup retention above all) is the user's own and never imported
CONTENT_SETTINGS: tuple[str, ...] = (THRESHOLDS_KEY, MY_EMAILS_KEY)


class SettingsOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key``; ``default`` when none (or one that is not JSON)."""
        with self._journal.reading() as conn:
            return stored.values(conn, (key,)).get(key, default)

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
        from cxjournal.store.models import SettingRow  # the ORM only for writing

        with self._journal.session(Area.SETTINGS) as session:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=encoded))
            else:
                row.value = encoded

    def delete(self, key: str) -> None:
        from cxjournal.store.models import SettingRow

        with self._journal.session(Area.SETTINGS) as session:
            row = session.get(SettingRow, key)
            if row is not None:
                session.delete(row)

    def all(self) -> dict[str, Any]:
        with self._journal.reading() as conn:
            return stored.values(conn)

    def thresholds(self) -> Thresholds:
        return values.thresholds(self.get(THRESHOLDS_KEY))

    def set_thresholds(self, thresholds: Thresholds) -> None:
        Thresholds.from_mapping(thresholds.as_dict())  # refuses negative or mistyped values
        self.set(THRESHOLDS_KEY, thresholds.as_dict())

    def reset_thresholds(self) -> None:
        self.delete(THRESHOLDS_KEY)

    def my_emails(self) -> tuple[str, ...]:
        """The user's own addresses; a stored value that is not a list of strings counts as none."""
        return values.my_emails(self.get(MY_EMAILS_KEY))

    def set_my_emails(self, emails: list[str] | tuple[str, ...]) -> None:
        """Store the user's addresses (trimmed); each must look like one and appear once."""
        problems = emails_problems(emails, MY_EMAILS_KEY)
        if problems:
            raise ValidationError(problems)
        self.set(MY_EMAILS_KEY, [email.strip() for email in emails])
