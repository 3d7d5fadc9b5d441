"""SQLAlchemy 2.0 models for the whole journal.

Ranges from the specs are CHECK constraints here as well as in the UI, so bad
data cannot enter even through a bug. Tags are JSON arrays of strings.
A person referenced by a rating, an audit or a note cannot be deleted
(``ON DELETE RESTRICT``); the app archives such people instead.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

RELATIONSHIPS = ("superior", "peer", "report", "external", "other")
NOTE_KINDS = ("one_on_one", "meeting", "email", "call", "informal", "observation", "win", "other")
ATTITUDES = ("champion", "supporter", "neutral", "skeptic", "resistor")
FORMATS = ("presentation", "spreadsheet", "action_list", "infographic", "video", "other")
EXIT_STATUSES = ("inactive", "active", "paused", "done")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _between(column: str, low: int, high: int, nullable: bool = False) -> str:
    rule = f"{column} BETWEEN {low} AND {high}"
    return f"{column} IS NULL OR ({rule})" if nullable else rule


def _bool(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IN (0, 1)", name=f"{column}_bool")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    internal: Mapped[bool] = mapped_column(default=True)
    relationship: Mapped[str] = mapped_column(String(16), default="other")
    team: Mapped[str] = mapped_column(Text, default="")
    function: Mapped[str] = mapped_column(Text, default="")
    product_unit: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    key_stakeholder: Mapped[bool] = mapped_column(default=False)
    cx_board: Mapped[bool] = mapped_column(default=False)
    cadence_days: Mapped[int | None] = mapped_column(Integer)
    information_needs: Mapped[str] = mapped_column(Text, default="")
    preferred_format: Mapped[str | None] = mapped_column(String(16))
    motivations: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name_length"),
        CheckConstraint(_in("relationship", RELATIONSHIPS), name="relationship_known"),
        CheckConstraint(_between("cadence_days", 1, 366, nullable=True), name="cadence_range"),
        CheckConstraint(
            f"preferred_format IS NULL OR {_in('preferred_format', FORMATS)}",
            name="format_known",
        ),
        _bool("internal"),
        _bool("key_stakeholder"),
        _bool("cx_board"),
        _bool("archived"),
        Index("ix_people_name_nocase", func.lower(name)),
    )


class AuditRow(Base):
    __tablename__ = "audits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_on: Mapped[dt.date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    blocking_superior: Mapped[bool] = mapped_column(default=False)
    blocking_superior_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )

    ratings: Mapped[list[RatingRow]] = relationship(
        back_populates="audit", cascade="all, delete-orphan", order_by="RatingRow.position"
    )

    __table_args__ = (_bool("blocking_superior"),)


class RatingRow(Base):
    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[int] = mapped_column(Integer)
    irreplaceability: Mapped[int] = mapped_column(Integer)
    my_value: Mapped[int] = mapped_column(Integer)
    my_irreplaceability: Mapped[int] = mapped_column(Integer)
    career_guidance: Mapped[int | None] = mapped_column(Integer)
    emotional_support: Mapped[int | None] = mapped_column(Integer)
    daily_assistance: Mapped[int | None] = mapped_column(Integer)
    information_sharing: Mapped[int | None] = mapped_column(Integer)
    resource_access: Mapped[int | None] = mapped_column(Integer)

    audit: Mapped[AuditRow] = relationship(back_populates="ratings")

    __table_args__ = (
        UniqueConstraint("audit_id", "person_id", name="uq_ratings_audit_person"),
        *(
            CheckConstraint(_between(c, 1, 10), name=f"{c}_range")
            for c in ("value", "irreplaceability", "my_value", "my_irreplaceability")
        ),
        *(
            CheckConstraint(_between(c, 0, 10, nullable=True), name=f"{c}_range")
            for c in (
                "career_guidance",
                "emotional_support",
                "daily_assistance",
                "information_sharing",
                "resource_access",
            )
        ),
    )


class NoteRow(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    on_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="one_on_one")
    text: Mapped[str] = mapped_column(Text, default="")
    attitude: Mapped[str | None] = mapped_column(String(16))
    tags: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )

    follow_ups: Mapped[list[FollowUpRow]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="FollowUpRow.position"
    )

    __table_args__ = (
        CheckConstraint(_in("kind", NOTE_KINDS), name="kind_known"),
        CheckConstraint(f"attitude IS NULL OR {_in('attitude', ATTITUDES)}", name="attitude_known"),
        CheckConstraint("json_valid(tags) AND json_type(tags) = 'array'", name="tags_json"),
        Index("ix_notes_person_date", "person_id", "on_date"),
        Index("ix_notes_on_date", "on_date"),
    )


class FollowUpRow(Base):
    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(default=False)

    note: Mapped[NoteRow] = relationship(back_populates="follow_ups")

    __table_args__ = (
        _bool("done"),
        CheckConstraint("length(trim(text)) >= 1", name="text_present"),
        Index("ix_follow_ups_open_due", "done", "due"),
    )


class ResilienceRow(Base):
    __tablename__ = "resilience"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    energy: Mapped[int] = mapped_column(Integer)
    stress: Mapped[int] = mapped_column(Integer)
    mood: Mapped[int] = mapped_column(Integer)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    drains: Mapped[str] = mapped_column(Text, default="[]")
    restorers: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        *(
            CheckConstraint(_between(c, 1, 10), name=f"{c}_range")
            for c in ("energy", "stress", "mood")
        ),
        CheckConstraint(
            "sleep_hours IS NULL OR (sleep_hours BETWEEN 0 AND 24)", name="sleep_range"
        ),
        CheckConstraint("json_valid(drains) AND json_type(drains) = 'array'", name="drains_json"),
        CheckConstraint(
            "json_valid(restorers) AND json_type(restorers) = 'array'", name="restorers_json"
        ),
    )


class ExitPlanRow(Base):
    """The single exit plan (one row, id 1)."""

    __tablename__ = "exit_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="inactive")
    changed_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )

    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(_in("status", EXIT_STATUSES), name="status_known"),
    )


class ExitItemRow(Base):
    __tablename__ = "exit_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0, index=True)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(default=False)
    due: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        _bool("done"),
        CheckConstraint("length(trim(text)) >= 1", name="text_present"),
    )


class SettingRow(Base):
    """Key/value settings; values are JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

    __table_args__ = (CheckConstraint("json_valid(value)", name="value_json"),)
