"""The CX program's tables: its why and measure, the eight plans and who plays which
role on each, and the proof points with the plans they show and whom they were shown
to. Declared on the same :class:`~cxjournal.store.model_base.Base` as the rest of the
schema; :mod:`cxjournal.store.models` imports this module, so importing the models
puts the whole schema on ``Base.metadata``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from cxjournal.store.model_base import Base, finite, one_of

PLAN_KINDS = (
    "governance",
    "communications",
    "voc",
    "operations",
    "integration",
    "training",
    "improvement",
    "technology",
)
PLAN_STATUSES = ("not_started", "in_progress", "at_risk", "done")
PLAN_ROLES = ("owner", "sponsor", "contributor")


class ProgramRow(Base):
    """The CX program's why and measure (one row, id 1, made by migration 0003)."""

    __tablename__ = "program"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    why: Mapped[str] = mapped_column(Text, default="")
    kpi: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class PlanRow(Base):
    """One of the program's eight plans (all eight made by migration 0003)."""

    __tablename__ = "plans"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint(one_of("kind", PLAN_KINDS), name="kind_known"),
        CheckConstraint(one_of("status", PLAN_STATUSES), name="status_known"),
    )


class PlanPersonRow(Base):
    """A person's role on a plan: once per plan, at most one owner per plan."""

    __tablename__ = "plan_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_kind: Mapped[str] = mapped_column(ForeignKey("plans.kind", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="contributor")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        CheckConstraint(one_of("role", PLAN_ROLES), name="role_known"),
        UniqueConstraint("plan_kind", "person_id", name="uq_plan_people_plan_person"),
        Index(
            "uq_plan_people_one_owner",
            "plan_kind",
            unique=True,
            sqlite_where=text("role = 'owner'"),
        ),
    )


class ProofPointRow(Base):
    """An early win or result that shows the program's value (program.md)."""

    __tablename__ = "proof_points"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on_date: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(Text)
    metric: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    result: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(Text, default="")
    story: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("length(trim(title)) >= 1", name="title_present"),
        finite("baseline"),
        finite("result"),
        finite("value"),
    )


class ProofPointPlanRow(Base):
    __tablename__ = "proof_point_plans"

    proof_point_id: Mapped[int] = mapped_column(
        ForeignKey("proof_points.id", ondelete="CASCADE"), primary_key=True
    )
    plan_kind: Mapped[str] = mapped_column(
        ForeignKey("plans.kind", ondelete="CASCADE"), primary_key=True
    )


class ProofShareRow(Base):
    """A proof point shown to a person on a date."""

    __tablename__ = "proof_shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proof_point_id: Mapped[int] = mapped_column(ForeignKey("proof_points.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)

    __table_args__ = (
        UniqueConstraint(
            "proof_point_id", "person_id", "on_date", name="uq_proof_shares_point_person_date"
        ),
    )
