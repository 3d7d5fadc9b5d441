"""The ORM session the journal's write operations run in: the type, named in the store.

Outside ``cxjournal/store`` nothing imports SQLAlchemy (tests/test_sql_lives_in_store.py);
an operation that writes receives its session from ``Journal.session`` and hands it
to the store's functions, naming its type through this module.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as Session

__all__ = ["Session"]
