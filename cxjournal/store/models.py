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
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    orm,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

# the program's tables are declared in program_models; importing it here puts them on
# Base.metadata with the rest, where the trash and the imports look tables up by name
from cxjournal.store import program_models  # noqa: F401
from cxjournal.store.model_base import (
    Base as Base,  # the base with the whole schema on its metadata, imported from here
)
from cxjournal.store.model_base import between, boolean, one_of, optional_one_of

RELATIONSHIPS = ("superior", "peer", "report", "external", "other")
NOTE_KINDS = ("one_on_one", "meeting", "email", "call", "informal", "observation", "win", "other")
ATTITUDES = ("champion", "supporter", "neutral", "skeptic", "resistor")
FORMATS = ("presentation", "spreadsheet", "action_list", "infographic", "video", "other")
EXIT_STATUSES = ("inactive", "active", "paused", "done")
FORMATS_USED = (*FORMATS, "conversation")
NOTE_GOALS = ("awareness", "change", "decision")
NOTE_OUTCOMES = ("achieved", "partly", "not_yet")
#: An e-mail address as the store accepts it: something@something, no spaces.
EMAIL_CHECK = (
    "length(email) BETWEEN 3 AND 254 AND email LIKE '_%@_%' AND instr(email, ' ') = 0 "
    "AND length(email) - length(replace(email, '@', '')) = 1"
)


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
    desired_attitude: Mapped[str | None] = mapped_column(String(16))
    desired_by: Mapped[dt.date | None] = mapped_column(Date)
    move_plan: Mapped[str] = mapped_column(Text, default="")
    power: Mapped[int | None] = mapped_column(Integer)
    interest: Mapped[int | None] = mapped_column(Integer)

    # ``relationship`` is a column of this table, hence the qualified name.
    emails: Mapped[list[PersonEmailRow]] = orm.relationship(
        cascade="all, delete-orphan",
        order_by="PersonEmailRow.position",
        lazy="selectin",
        passive_deletes=True,
    )

    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name_length"),
        CheckConstraint(
            optional_one_of("desired_attitude", ATTITUDES), name="desired_attitude_known"
        ),
        CheckConstraint(between("power", 1, 5, nullable=True), name="power_range"),
        CheckConstraint(between("interest", 1, 5, nullable=True), name="interest_range"),
        CheckConstraint(one_of("relationship", RELATIONSHIPS), name="relationship_known"),
        CheckConstraint(between("cadence_days", 1, 366, nullable=True), name="cadence_range"),
        CheckConstraint(
            f"preferred_format IS NULL OR {one_of('preferred_format', FORMATS)}",
            name="format_known",
        ),
        boolean("internal"),
        boolean("key_stakeholder"),
        boolean("cx_board"),
        boolean("archived"),
        Index("ix_people_name_nocase", func.lower(name)),
    )


class PersonEmailRow(Base):
    """One of a person's e-mail addresses; unique per person whatever the case."""

    __tablename__ = "person_emails"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    email: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(EMAIL_CHECK, name="email_shape"),
        Index("uq_person_emails_person_email", "person_id", func.lower(email), unique=True),
        Index("ix_person_emails_email", func.lower(email)),
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

    ties_recorded: Mapped[bool] = mapped_column(default=False)

    ratings: Mapped[list[RatingRow]] = relationship(
        back_populates="audit", cascade="all, delete-orphan", order_by="RatingRow.position"
    )
    ties: Mapped[list[AuditTieRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AuditTieRow.person_a"
    )

    __table_args__ = (boolean("blocking_superior"), boolean("ties_recorded"))


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
            CheckConstraint(between(c, 1, 10), name=f"{c}_range")
            for c in ("value", "irreplaceability", "my_value", "my_irreplaceability")
        ),
        *(
            CheckConstraint(between(c, 0, 10, nullable=True), name=f"{c}_range")
            for c in (
                "career_guidance",
                "emotional_support",
                "daily_assistance",
                "information_sharing",
                "resource_access",
            )
        ),
    )


class AuditTieRow(Base):
    """Two people rated in one audit who know each other (network.md).

    Both ends point at the audit's ratings, so a person removed from the audit
    takes their ties along; ``person_a < person_b`` keeps each pair once. A
    trigger of migration 0003 keeps ``audits.ties_recorded`` true while ties exist.
    """

    __tablename__ = "audit_ties"

    audit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_a: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_b: Mapped[int] = mapped_column(Integer, primary_key=True)

    __table_args__ = (
        ForeignKeyConstraint(
            ["audit_id", "person_a"],
            ["ratings.audit_id", "ratings.person_id"],
            ondelete="CASCADE",
            name="fk_audit_ties_person_a_ratings",
        ),
        ForeignKeyConstraint(
            ["audit_id", "person_b"],
            ["ratings.audit_id", "ratings.person_id"],
            ondelete="CASCADE",
            name="fk_audit_ties_person_b_ratings",
        ),
        ForeignKeyConstraint(
            ["audit_id"], ["audits.id"], ondelete="CASCADE", name="fk_audit_ties_audit_id_audits"
        ),
        CheckConstraint("person_a < person_b", name="pair_ordered"),
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
    goal: Mapped[str | None] = mapped_column(String(16))
    format_used: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(16))

    follow_ups: Mapped[list[FollowUpRow]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="FollowUpRow.position"
    )

    __table_args__ = (
        CheckConstraint(one_of("kind", NOTE_KINDS), name="kind_known"),
        CheckConstraint(
            f"attitude IS NULL OR {one_of('attitude', ATTITUDES)}", name="attitude_known"
        ),
        CheckConstraint("json_valid(tags) AND json_type(tags) = 'array'", name="tags_json"),
        CheckConstraint(optional_one_of("goal", NOTE_GOALS), name="goal_known"),
        CheckConstraint(optional_one_of("format_used", FORMATS_USED), name="format_used_known"),
        CheckConstraint(optional_one_of("outcome", NOTE_OUTCOMES), name="outcome_known"),
        Index("ix_notes_person_date", "person_id", "on_date"),
        Index("ix_notes_person_kind_date", "person_id", "kind", "on_date"),
        Index(
            "ix_notes_person_goal_date",
            "person_id",
            "on_date",
            sqlite_where=sql_text("goal IS NOT NULL"),
        ),
        Index(
            "ix_notes_person_attitude_date",
            "person_id",
            "on_date",
            sqlite_where=sql_text("attitude IS NOT NULL"),
        ),
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
    #: Today leaves the follow-up out before this day (migration 0005_snooze)
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date, index=True)

    note: Mapped[NoteRow] = relationship(back_populates="follow_ups")

    __table_args__ = (
        boolean("done"),
        CheckConstraint("length(trim(text)) >= 1", name="text_present"),
        CheckConstraint(
            "snoozed_until IS NULL OR "
            "(length(snoozed_until) = 10 AND date(snoozed_until) = snoozed_until)",
            name="snoozed_until_date",
        ),
        Index("ix_follow_ups_open_due", "done", "due"),
    )


class ResilienceRow(Base):
    __tablename__ = "resilience"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    energy: Mapped[int | None] = mapped_column(Integer)
    stress: Mapped[int | None] = mapped_column(Integer)
    mood: Mapped[int] = mapped_column(Integer)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    drains: Mapped[str] = mapped_column(Text, default="[]")
    restorers: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="[]")

    __table_args__ = (
        *(
            CheckConstraint(between(c, 1, 10, nullable=True), name=f"{c}_range")
            for c in ("energy", "stress")
        ),
        CheckConstraint(between("mood", 1, 10), name="mood_range"),
        CheckConstraint("json_valid(tags) AND json_type(tags) = 'array'", name="tags_json"),
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
        CheckConstraint(one_of("status", EXIT_STATUSES), name="status_known"),
    )


class ExitItemRow(Base):
    __tablename__ = "exit_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0, index=True)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(default=False)
    due: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        boolean("done"),
        CheckConstraint("length(trim(text)) >= 1", name="text_present"),
    )


class SettingRow(Base):
    """Key/value settings; values are JSON text."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

    __table_args__ = (CheckConstraint("json_valid(value)", name="value_json"),)


class AgendaItemRow(Base):
    """A talking point to raise with a person until it is done."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    added_on: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    discussed_in_note_id: Mapped[int | None] = mapped_column(
        ForeignKey("notes.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        CheckConstraint("length(trim(text)) >= 1", name="text_present"),
        CheckConstraint("done_on IS NULL OR done_on >= added_on", name="done_after_added"),
        Index("ix_agenda_items_person_done", "person_id", "done_on"),
    )


class DraftRow(Base):
    """Unsaved work kept across restarts: one JSON payload per (kind, key)."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("kind", "key", name="uq_drafts_kind_key"),
        CheckConstraint("json_valid(payload)", name="payload_json"),
    )


class CalendarSourceRow(Base):
    """An .ics file the user registered; its meetings are re-read when it changes."""

    __tablename__ = "calendar_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    digest: Mapped[str] = mapped_column(Text, default="")
    read_at: Mapped[str | None] = mapped_column(Text)
    missing: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (CheckConstraint("length(path) >= 1", name="path_present"),)


class MeetingRow(Base):
    """One occurrence read from a calendar source (recurrences expanded), times in UTC."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("calendar_sources.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(Text)
    start_utc: Mapped[str] = mapped_column(Text, index=True)
    end_utc: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    #: The organizer's address, lower case ("" when none).
    organizer: Mapped[str] = mapped_column(Text)
    #: JSON array of [address, PARTSTAT] pairs, addresses lower case.
    attendees: Mapped[str] = mapped_column(Text)

    __table_args__ = (CheckConstraint("end_utc >= start_utc", name="ends_after_start"),)


TRASH_KINDS = (
    "note",
    "follow_up",
    "audit",
    "check_in",
    "person",
    "exit_step",
    "talking_point",
    "proof_point",
)


class TrashRow(Base):
    """One deleted item, kept whole for 30 days (migration 0006_trash; ``store/trash_store``)."""

    __tablename__ = "trash"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    #: the id the item had (and gets back when it is free)
    item_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text)
    #: UTC, ISO text
    deleted_at: Mapped[str] = mapped_column(Text, index=True)
    #: JSON: {"rows": {table: [row, ...]}, "links": {"table.column": {row id: value}}}
    payload: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(one_of("kind", TRASH_KINDS), name="kind_known"),
        CheckConstraint("length(trim(label)) >= 1", name="label_present"),
        CheckConstraint(
            "length(deleted_at) >= 19 AND datetime(deleted_at) IS NOT NULL", name="deleted_at_time"
        ),
        CheckConstraint(
            "json_valid(payload) AND json_type(payload) = 'object'", name="payload_json"
        ),
    )
