"""The journal's schema, the ground every table stands on: the declarative base with
its naming of constraints, and the helpers that write the CHECK constraints mirroring
the specs' ranges. The tables are :mod:`cxjournal.store.models` and, for the CX
program, :mod:`cxjournal.store.program_models`.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: SQLite stores an overflowing REAL as infinity; these columns hold finite numbers only.
_MAX_REAL = "1.7976931348623157e308"


def one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def between(column: str, low: int, high: int, nullable: bool = False) -> str:
    rule = f"{column} BETWEEN {low} AND {high}"
    return f"{column} IS NULL OR ({rule})" if nullable else rule


def finite(column: str) -> CheckConstraint:
    return CheckConstraint(
        f"{column} IS NULL OR (typeof({column}) IN ('integer', 'real') "
        f"AND abs({column}) <= {_MAX_REAL})",
        name=f"{column}_finite",
    )


def optional_one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IS NULL OR {one_of(column, values)}"


def boolean(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IN (0, 1)", name=f"{column}_bool")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
