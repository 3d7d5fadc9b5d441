"""The exit-plan checklist and its state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from cxjournal.domain.model import ExitPlan, ExitStatus
from cxjournal.store.mapping import exit_item_from_row
from cxjournal.store.models import ExitItemRow, ExitPlanRow

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


class ExitPlanOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def get(self) -> ExitPlan:
        with self._journal.session() as session:
            state = session.get(ExitPlanRow, 1)
            items = session.scalars(
                select(ExitItemRow).order_by(ExitItemRow.position, ExitItemRow.id)
            )
            return ExitPlan(
                status=ExitStatus(state.status) if state else ExitStatus.INACTIVE,
                items=tuple(exit_item_from_row(row) for row in items),
            )
