"""Full-text search: one FTS5 index over notes, follow-ups, people, audit and resilience notes.

Revision ID: 0002_search
Revises: 0001_initial
Create Date: 2026-11-23 09:00:00

The index ``search_fts`` keeps its own copy of the text (so ``snippet()`` and
``highlight()`` work) and is kept in sync by triggers on the source tables.
Each source row has one index row whose rowid is ``id * 8 + code`` (code 1 note,
2 follow-up, 3 person, 4 audit, 5 resilience), so triggers find it directly.

Columns: ``who`` (the person's name, for notes and follow-ups the name of the
person the note is about), ``body`` (the text), ``tags`` (note tags; drains and
restorers for a check-in) and, not indexed, ``kind``, ``open_id`` (the id to open:
the note for a follow-up), ``person_id`` and ``on_date``.

The statements are written out here, not imported, so this revision stays what
it was whatever later code does.
"""

from __future__ import annotations

from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_TAGS = "(SELECT coalesce(group_concat(value, ' '), '') FROM json_each({column}))"
_NAME = "coalesce((SELECT name FROM people WHERE id = {person}), '')"

_INSERT = "INSERT INTO search_fts (rowid, who, body, tags, kind, open_id, person_id, on_date) "

_NOTE_ROW = (
    _INSERT
    + "VALUES (NEW.id * 8 + 1, "
    + _NAME.format(person="NEW.person_id")
    + ", NEW.text, "
    + _TAGS.format(column="NEW.tags")
    + ", 'note', NEW.id, NEW.person_id, NEW.on_date);"
)

_FOLLOW_UP_ROW = (
    _INSERT
    + "SELECT NEW.id * 8 + 2, "
    + _NAME.format(person="n.person_id")
    + ", NEW.text, '', 'follow_up', n.id, n.person_id, coalesce(NEW.due, n.on_date) "
    "FROM notes AS n WHERE n.id = NEW.note_id;"
)

_PERSON_FIELDS = (
    "role",
    "organisation",
    "team",
    "function",
    "product_unit",
    "location",
    "information_needs",
    "motivations",
)
# The non-empty fields joined by " · ", e.g. "VP Operations · Acme · London".
_PERSON_BODY = (
    "rtrim("
    + " || ".join(
        f"(CASE WHEN {{p}}.{field} <> '' THEN {{p}}.{field} || ' · ' ELSE '' END)"
        for field in _PERSON_FIELDS
    )
    + ", ' · ')"
)

_PERSON_ROW = (
    _INSERT
    + "VALUES (NEW.id * 8 + 3, NEW.name, "
    + _PERSON_BODY.format(p="NEW")
    + ", '', 'person', NEW.id, NEW.id, NULL);"
)

_AUDIT_ROW = (
    _INSERT + "VALUES (NEW.id * 8 + 4, '', NEW.note, '', 'audit', NEW.id, NULL, NEW.taken_on);"
)

_RESILIENCE_ROW = (
    _INSERT
    + "VALUES (NEW.id * 8 + 5, '', NEW.note, "
    + _TAGS.format(column="NEW.drains")
    + " || ' ' || "
    + _TAGS.format(column="NEW.restorers")
    + ", 'resilience', NEW.id, NULL, NEW.on_date);"
)


def _delete(code: int) -> str:
    return f"DELETE FROM search_fts WHERE rowid = OLD.id * 8 + {code};"


TRIGGERS: dict[str, str] = {
    # notes
    "search_notes_ai": f"AFTER INSERT ON notes BEGIN {_NOTE_ROW} END",
    "search_notes_au": (
        "AFTER UPDATE OF person_id, on_date, text, tags ON notes BEGIN "
        f"{_delete(1)} {_NOTE_ROW} "
        "UPDATE search_fts SET who = "
        + _NAME.format(person="NEW.person_id")
        + ", person_id = NEW.person_id WHERE rowid IN "
        "(SELECT id * 8 + 2 FROM follow_ups WHERE note_id = NEW.id); END"
    ),
    "search_notes_ad": f"AFTER DELETE ON notes BEGIN {_delete(1)} END",
    # follow-ups
    "search_follow_ups_ai": f"AFTER INSERT ON follow_ups BEGIN {_FOLLOW_UP_ROW} END",
    "search_follow_ups_au": (
        f"AFTER UPDATE OF text, due, note_id ON follow_ups BEGIN {_delete(2)} {_FOLLOW_UP_ROW} END"
    ),
    "search_follow_ups_ad": f"AFTER DELETE ON follow_ups BEGIN {_delete(2)} END",
    # people
    "search_people_ai": f"AFTER INSERT ON people BEGIN {_PERSON_ROW} END",
    "search_people_au": (
        "AFTER UPDATE OF name, role, organisation, team, function, product_unit, location, "
        f"information_needs, motivations ON people BEGIN {_delete(3)} {_PERSON_ROW} "
        "UPDATE search_fts SET who = NEW.name WHERE OLD.name IS NOT NEW.name AND rowid IN "
        "(SELECT id * 8 + 1 FROM notes WHERE person_id = NEW.id "
        "UNION ALL SELECT f.id * 8 + 2 FROM follow_ups AS f JOIN notes AS n ON n.id = f.note_id "
        "WHERE n.person_id = NEW.id); END"
    ),
    "search_people_ad": f"AFTER DELETE ON people BEGIN {_delete(3)} END",
    # audits
    "search_audits_ai": f"AFTER INSERT ON audits BEGIN {_AUDIT_ROW} END",
    "search_audits_au": (
        f"AFTER UPDATE OF note, taken_on ON audits BEGIN {_delete(4)} {_AUDIT_ROW} END"
    ),
    "search_audits_ad": f"AFTER DELETE ON audits BEGIN {_delete(4)} END",
    # resilience
    "search_resilience_ai": f"AFTER INSERT ON resilience BEGIN {_RESILIENCE_ROW} END",
    "search_resilience_au": (
        "AFTER UPDATE OF note, drains, restorers, on_date ON resilience BEGIN "
        f"{_delete(5)} {_RESILIENCE_ROW} END"
    ),
    "search_resilience_ad": f"AFTER DELETE ON resilience BEGIN {_delete(5)} END",
}

BACKFILL: tuple[str, ...] = (
    _INSERT
    + "SELECT id * 8 + 3, name, "
    + _PERSON_BODY.format(p="p")
    + ", '', 'person', id, id, NULL FROM people AS p;",
    _INSERT
    + "SELECT n.id * 8 + 1, coalesce(p.name, ''), n.text, "
    + _TAGS.format(column="n.tags")
    + ", 'note', n.id, n.person_id, n.on_date "
    "FROM notes AS n LEFT JOIN people AS p ON p.id = n.person_id;",
    _INSERT + "SELECT f.id * 8 + 2, coalesce(p.name, ''), f.text, '', 'follow_up', n.id, "
    "n.person_id, coalesce(f.due, n.on_date) FROM follow_ups AS f "
    "JOIN notes AS n ON n.id = f.note_id LEFT JOIN people AS p ON p.id = n.person_id;",
    _INSERT + "SELECT id * 8 + 4, '', note, '', 'audit', id, NULL, taken_on FROM audits;",
    _INSERT
    + "SELECT r.id * 8 + 5, '', r.note, "
    + _TAGS.format(column="r.drains")
    + " || ' ' || "
    + _TAGS.format(column="r.restorers")
    + ", 'resilience', r.id, NULL, r.on_date FROM resilience AS r;",
)


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "who, body, tags, kind UNINDEXED, open_id UNINDEXED, person_id UNINDEXED, "
        "on_date UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    # A name counts double, tags one and a half, the text once.
    op.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0, 1.5)')")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_fts")
