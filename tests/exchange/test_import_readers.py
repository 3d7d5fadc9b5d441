"""The readers of other tools' files, on files written in each tool's documented format."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from cxjournal.exchange import imports
from cxjournal.exchange.imports import daylio
from cxjournal.exchange.imports.text import decode

FIXTURES = Path(__file__).parent / "imports_fixtures"


def data(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def names(plan: imports.ImportPlan) -> list[str]:
    return [p.person.name for p in plan.people]


# -- vCard ---------------------------------------------------------------------------------


def test_vcard_3_with_folded_lines_and_a_bom() -> None:
    plan = imports.read("vcard", data("contacts-3.0.vcf"))
    assert plan.ok, plan.problems
    assert names(plan) == ["Ana Silva", "Dr. Chidi Okafor", "Maja Lindqvist"]
    ana, chidi, maja = (p.person for p in plan.people)
    assert ana.emails == ("ana.silva@acme.example", "ana@silva.example")
    assert ana.organisation == "Acme Retail"  # the first component of ORG
    assert ana.role == "VP Operations"
    # the folded NOTE and TITLE are joined, the escaped comma unescaped
    assert plan.people[0].note == (
        "Met at the CX summit in Lisbon, prefers a one-page summary of the NPS drivers "
        "before every steering committee."
    )
    assert chidi.role.endswith("programme across all regions")
    assert plan.people[1].note == ""
    # no FN: the name comes from N
    assert maja.emails == ("maja.lindqvist@partner.example",)
    assert [p.where for p in plan.people] == ["line 1", "line 13", "line 22"]


def test_vcard_2_1_quoted_printable_with_charsets_and_soft_line_breaks() -> None:
    plan = imports.read("vcard", data("contacts-2.1-qp.vcf"))
    assert plan.ok, plan.problems
    assert names(plan) == ["Jürgen Müller", "André Lefèvre"]
    jurgen = plan.people[0]
    assert jurgen.person.organisation == "Kundenservice München GmbH"
    assert jurgen.note == (
        "Spricht lieber Deutsch.\nWill Zahlen zur Kündigungsquote vor jedem Quartalsgespräch."
    )


def test_vcard_4_card_is_read() -> None:
    text = "BEGIN:VCARD\nVERSION:4.0\nFN:Zoë Adeyemi\nEMAIL;TYPE=work:zoe@example.org\nEND:VCARD\n"
    plan = imports.read("vcard", text.encode())
    assert plan.ok and names(plan) == ["Zoë Adeyemi"]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00 binary", "line 1: the file holds binary data, not text"),
        (b"hello, this is not a card\n", "line 1: not a vCard file: it has no BEGIN:VCARD line"),
        (b"\xff\xfe\xfd garbage", "the file is not UTF-8 or UTF-16 text"),
    ],
)
def test_vcard_garbage_is_one_clear_problem(raw: bytes, problem: str) -> None:
    plan = imports.read("vcard", raw)
    assert plan.problems == (problem,) or problem in plan.problems[0]
    assert not plan.people


def test_vcard_cut_short_names_the_card_that_has_no_end() -> None:
    whole = data("contacts-3.0.vcf")
    plan = imports.read("vcard", whole[: whole.index(b"Lindqvist") + 20])
    assert plan.problems == ("line 22: this card has no END:VCARD (the file may be cut short)",)


def test_vcard_every_problem_with_its_line() -> None:
    long_name = "N" * 201
    text = (
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{long_name}\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fine Person\nEND:VCARD\n"
        "stray text\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Broken\nBEGIN:VCARD\nVERSION:3.0\nFN:Ok\nEND:VCARD\n"
    )
    plan = imports.read("vcard", text.encode())
    assert plan.problems == (
        "line 9: text outside a card (BEGIN:VCARD ... END:VCARD)",
        "line 10: this card has no END:VCARD",
        "line 1: name: must be 1-200 characters (not counting spaces around it)",
    )


# -- contacts CSV ----------------------------------------------------------------------------


def test_outlook_csv_in_utf16_with_bom() -> None:
    raw = data("outlook-contacts.csv")
    assert raw.startswith(b"\xff\xfe")
    plan = imports.read("contacts-csv", raw)
    assert plan.ok, plan.problems
    assert names(plan) == ["Ana Silva", "Søren Kierkegaard-Holm", "Priya Raman"]
    soren = plan.people[1]
    # "E-mail Display Name" and "E-mail Type" are not addresses
    assert soren.person.emails == ("soren@nordisk.example", "s.holm@private.example")
    assert soren.person.role == "Director, Contact Centres"
    assert soren.person.organisation == "Nordisk Kundeservice A/S"
    assert soren.note == 'Line one of a note\nand a second line, with "quotes".'
    assert plan.people[2].person.emails == ()
    assert [p.where for p in plan.people] == ["line 2", "line 3", "line 5"]


def test_google_csv() -> None:
    plan = imports.read("contacts-csv", data("google-contacts.csv"))
    assert plan.ok, plan.problems
    assert names(plan) == ["Chidi Okafor", "Lena Fischer", "helpdesk@vendor.example"]
    chidi, lena, _ = (p.person for p in plan.people)
    assert chidi.emails == ("c.okafor@acme.example", "chidi@okafor.example")  # " ::: "
    assert (chidi.organisation, chidi.role) == ("Acme Retail", "Chief Customer Officer")
    assert plan.people[1].note == "Former colleague; knows the billing team."
    assert lena.organisation == ""


def test_contacts_csv_in_utf8_with_bom_and_an_empty_contact() -> None:
    text = (
        "\ufeffFirst Name,Last Name,E-mail Address,Company\n"
        "Mira,Novak,mira@x.example,X\n,,,\n,,,Y\n"
    )
    plan = imports.read("contacts-csv", text.encode("utf-8"))
    assert plan.ok and names(plan) == ["Mira Novak"]
    assert plan.skipped == {"empty_contacts": 1}


@pytest.mark.parametrize(
    ("raw", "start"),
    [
        (b"", "line 1: the file is empty"),
        (b"date,amount\n2024-01-01,3\n", "line 1: not an Outlook or Google contacts CSV"),
        (b"\x00\x01\x02\x03garbage", "line 1: the file holds binary data"),
    ],
)
def test_contacts_csv_garbage(raw: bytes, start: str) -> None:
    plan = imports.read("contacts-csv", raw)
    assert len(plan.problems) == 1 and plan.problems[0].startswith(start)


def test_contacts_csv_cut_short() -> None:
    whole = data("google-contacts.csv")
    plan = imports.read("contacts-csv", whole[: whole.index(b"Former colleague") + 8])
    assert plan.problems == (
        "line 3: 6 fields, but the first line names 16 columns (the file may be cut short)",
    )
    outlook = data("outlook-contacts.csv")
    inside_note = outlook.index("and a second line".encode("utf-16-le"))
    # cut inside the quoted note, mid-line and at the end of its first line
    for cut in (inside_note, inside_note - 4):
        plan = imports.read("contacts-csv", outlook[:cut])
        assert plan.problems == (
            "line 3: the file is not valid CSV from here on (a quoted field is never closed); "
            "it may be cut short",
        )


def test_contacts_csv_row_with_too_many_fields() -> None:
    text = "Name,E-mail 1 - Value\nA B,a@b.example\nC D,c@d.example,extra\n"
    plan = imports.read("contacts-csv", text.encode())
    assert plan.problems == ("line 3: 3 fields, but the first line names 2 columns",)


# -- Daylio -------------------------------------------------------------------------------------


def test_daylio_a_custom_mood_without_a_value_is_a_problem_naming_it() -> None:
    plan = imports.read("daylio", data("daylio_export.csv"))
    assert plan.problems == (
        "line 2: the mood 'focused' (1 entry) has no value yet: give it one from 1 to 10 "
        "(--mood focused=N)",
    )


def test_daylio_several_entries_a_day_become_one_mood_only_checkin() -> None:
    options = daylio.DaylioOptions(
        moods={"Focused": 8},
        drains=frozenset({"escalations", "Late calls"}),
        restorers=frozenset({"walk"}),
    )
    plan = imports.read("daylio", data("daylio_export.csv"), options)
    assert plan.ok, plan.problems
    by_date = {c.on: c for c in plan.checkins}
    assert sorted(by_date) == [dt.date(2024, 2, 29) + dt.timedelta(days=i) for i in range(4)]
    # good 7, meh 5, rad 9: the mean 7; notes in the order of their times
    march_2 = by_date[dt.date(2024, 3, 2)]
    assert march_2.mood == 7
    assert march_2.note == "Early start\n\nGood day\nLong walk by the river.\nSlept well."
    assert (march_2.drains, march_2.restorers, march_2.tags) == (
        ("escalations",),
        ("walk",),
        ("family",),
    )
    # focused 8 and meh 5: 6.5 rounds half up to 7; "Reading" and "reading" are one tag
    march_3 = by_date[dt.date(2024, 3, 3)]
    assert march_3.mood == 7 and march_3.tags == ("Reading",)
    march_1 = by_date[dt.date(2024, 3, 1)]
    assert march_1.mood == 1 and march_1.drains == ("escalations", "late calls")
    assert march_1.note == "Board review went badly,\nand the churn numbers were worse."


def test_daylio_mood_option_overrides_a_default() -> None:
    options = daylio.DaylioOptions(moods={"focused": 8, "awful": 2})
    plan = imports.read("daylio", data("daylio_export.csv"), options)
    assert {c.on: c.mood for c in plan.checkins}[dt.date(2024, 3, 1)] == 2


def test_daylio_bad_options_are_problems() -> None:
    options = daylio.DaylioOptions(
        moods={"focused": 11},
        drains=frozenset({"walk", "wrok"}),
        restorers=frozenset({"walk"}),
    )
    plan = imports.read("daylio", data("daylio_export.csv"), options)
    assert "--mood focused=11: a mood's value is between 1 and 10" in plan.problems
    assert "--drain/--restorer walk: an activity is one or the other" in plan.problems
    assert "--drain wrok: the file has no such activity" in plan.problems


def test_mean_half_up() -> None:
    assert daylio.mean_half_up([8, 5]) == 7
    assert daylio.mean_half_up([7, 6]) == 7
    assert daylio.mean_half_up([1, 2, 2]) == 2
    assert daylio.mean_half_up([9]) == 9


@pytest.mark.parametrize(
    ("raw", "start"),
    [
        (b"year,date,weekday,time,mood\n", "line 1: not a Daylio export"),
        (b"\x00\x00garbage\x00", "line 1: the file holds binary data"),
        (b"", "line 1: the file is empty"),
    ],
)
def test_daylio_garbage(raw: bytes, start: str) -> None:
    plan = imports.read("daylio", raw)
    assert len(plan.problems) == 1 and plan.problems[0].startswith(start)


def test_daylio_cut_short_and_bad_rows() -> None:
    whole = data("daylio_export.csv")
    cut = imports.read("daylio", whole[: whole.index(b"Board review") + 5])
    assert cut.problems[0].startswith("line 7: the file is not valid CSV from here on")
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    bad = header + "2024-13-01,x,y,10:00,good,,,\n2024-01-02,x,y,10:00,,,,\n2024-01-03,x\n"
    plan = imports.read("daylio", bad.encode())
    assert plan.problems == (
        "line 2: full_date '2024-13-01' is not a date",
        "line 3: the entry has no mood",
        "line 4: 2 fields instead of 8 (the file may be cut short)",
    )


# -- jrnl ---------------------------------------------------------------------------------------


def test_jrnl_json_export() -> None:
    plan = imports.read("jrnl", data("jrnl.json"))
    assert plan.ok, plan.problems
    first, quiet, budget = plan.notes
    assert first.on == dt.date(2024, 2, 27)
    assert first.text == (
        "Steering committee went well.\n\nAna backed the NPS driver analysis.\n"
        "Next: share it with Chidi."
    )
    assert first.tags == ("work", "win")
    assert first.person_id is None and first.kind.value == "other"
    assert quiet.text == "Quiet day." and quiet.tags == ()
    assert budget.tags == ("work",)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"not json at all", "line 1: not a jrnl JSON export: Expecting value at column 1"),
        (b'{"tags": {}}', "entries: not a jrnl JSON export: it has no list of entries"),
        (b'{"entries": [{"date": "2024-02-30", "title": "x"}, 3, {"date": "2024-01-01"}]}', None),
    ],
)
def test_jrnl_garbage(raw: bytes, problem: str | None) -> None:
    plan = imports.read("jrnl", raw)
    if problem is not None:
        assert plan.problems == (problem,)
    else:
        assert plan.problems == (
            "entries[0].date: '2024-02-30' is not a date (YYYY-MM-DD)",
            "entries[1]: an entry should be an object",
            "entries[2]: the entry has no title and no body",
        )


def test_jrnl_cut_short() -> None:
    whole = data("jrnl.json")
    plan = imports.read("jrnl", whole[: len(whole) // 2])
    assert len(plan.problems) == 1
    assert (
        plan.problems[0].startswith("line ") and "(the file may be cut short)" in plan.problems[0]
    )


# -- Day One ------------------------------------------------------------------------------------


def test_dayone_zip_with_photos_and_time_zones() -> None:
    plan = imports.read("dayone", data("dayone-export.zip"))
    assert plan.ok, plan.problems
    tokyo, new_york, london = plan.notes
    # 23:30 UTC on 1 March is the morning of 2 March in Tokyo ...
    assert tokyo.on == dt.date(2024, 3, 2)
    # ... and 02:30 UTC on 2 March is still the evening of 1 March in New York
    assert new_york.on == dt.date(2024, 3, 1)
    assert london.on == dt.date(2024, 3, 4)
    assert tokyo.text.startswith(
        "# Tokyo visit\n\nMet the **APAC** service leads."
    )  # Markdown kept
    assert tokyo.tags == ("travel", "apac") and london.tags == ()
    assert plan.skipped == {"media": 3}


def test_dayone_journal_json_on_its_own() -> None:
    with zipfile.ZipFile(FIXTURES / "dayone-export.zip") as archive:
        raw = archive.read("Journal.json")
    plan = imports.read("dayone", raw)
    assert plan.ok and len(plan.notes) == 3 and plan.skipped == {"media": 3}


def test_dayone_garbage_and_cut_short() -> None:
    whole = data("dayone-export.zip")
    cut = imports.read("dayone", whole[: len(whole) - 40])
    assert len(cut.problems) == 1 and "it may be cut short" in cut.problems[0]
    empty_zip = io.BytesIO()
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("photos/x.jpeg", b"x")
    assert imports.read("dayone", empty_zip.getvalue()).problems == (
        "the zip holds no Journal.json: not a Day One export",
    )
    assert imports.read("dayone", b"\x00\x01\x02").problems == (
        "line 1: the file holds binary data, not text",
    )
    bad = (
        b'{"entries": [{"creationDate": "yesterday", "text": "a"},'
        b' {"creationDate": "2024-01-01T10:00:00Z", "timeZone": "Mars/Olympus", "text": "b"},'
        b' {"creationDate": "2024-01-01T10:00:00Z", "text": "  "}]}'
    )
    assert imports.read("dayone", bad).problems == (
        "entries[0].creationDate: 'yesterday' is not a date and time",
        "entries[1].timeZone: 'Mars/Olympus' is not a known time zone",
        "entries[2].text: the entry has no text",
    )


# -- text ---------------------------------------------------------------------------------------


def test_decode_utf16_without_bom_and_utf8_bom() -> None:
    assert decode("Name\n".encode("utf-16-le")) == "Name\n"
    assert decode("Name\n".encode("utf-16-be")) == "Name\n"
    assert decode(b"\xef\xbb\xbfName") == "Name"


def test_a_bad_email_address_is_a_problem_with_its_line() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fine\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nEMAIL:not-an-address\nEND:VCARD\n"
    )
    plan = imports.read("vcard", text.encode())
    assert plan.problems == (
        "line 5: emails[0]: 'not-an-address' does not look like an e-mail address "
        "(name@example.com)",
    )
