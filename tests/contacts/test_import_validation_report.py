from __future__ import annotations

from opennps.contacts.actions import upsert_contact
from opennps.contacts.models import Contact
from tests.contacts.helpers import import_file, write_csv

FILE = (
    "id,email,tz,lang,spend,since,name\n"
    "1,ann@example.com,Europe/Berlin,en,10,2025-01-02,Ann\n"  # row 2: good
    "2,not-an-email,,,,,Bad Mail\n"  # row 3
    "3,,Mars/Olympus,,,,Bad Zone\n"  # row 4
    "4,,,xx,,,Bad Language\n"  # row 5
    "5,,,,ten,,Bad Number\n"  # row 6
    "6,,,,,2025-13-40,Bad Date\n"  # row 7
    "1,other@example.com,,,,,Duplicate Id\n"  # row 8
    "7,ANN@example.com,,,,,Duplicate Mail\n"  # row 9
    ",,,,,,No Identifier\n"  # row 10
    '8,cat@example.com,asia/almaty,pt_BR,"2,5",31.12.2024,Cat\n'  # row 11: good
)


def run(team, tmp_path):
    return import_file(
        team.workspace, write_csv(tmp_path, FILE), types={"spend": "number", "since": "date"}
    )


def test_every_bad_row_is_named_with_its_spreadsheet_row_and_field(team, tmp_path):
    report = run(team, tmp_path)
    assert sorted((e.row, e.field) for e in report.errors) == [
        (3, "email"),
        (4, "time_zone"),
        (5, "language"),
        (6, "spend"),
        (7, "since"),
        (8, "external_id"),
        (9, "email"),
        (10, "external_id"),
    ]
    messages = {e.row: e.message for e in report.errors}
    assert messages[3] == "'not-an-email' is not a valid e-mail address."
    assert "'Mars/Olympus' is not a known time zone" in messages[4]
    assert "'xx' is not a known language code" in messages[5]
    assert messages[6] == "'ten' is not a number."
    assert "'2025-13-40' is not a date" in messages[7]
    assert messages[8] == "The external id '1' is already on row 2 of this file."
    assert messages[9] == "The e-mail 'ann@example.com' is already on row 2 of this file."
    assert "neither an external id nor an e-mail" in messages[10]


def test_the_good_rows_are_imported_despite_the_bad_ones(team, tmp_path):
    report = run(team, tmp_path)
    assert (report.rows, report.created, report.rows_with_errors) == (10, 2, 8)
    assert set(Contact.objects.values_list("name", flat=True)) == {"Ann", "Cat"}
    cat = Contact.objects.get(name="Cat")
    assert (cat.time_zone, cat.language) == ("Asia/Almaty", "pt-br")
    assert cat.attributes == {"spend": 2.5, "since": "2024-12-31"}


def test_a_bad_row_leaves_the_stored_contact_untouched(team, tmp_path):
    upsert_contact(
        team.workspace, external_id="3", fields={"name": "Stored", "time_zone": "Europe/Oslo"}
    )
    run(team, tmp_path)
    stored = Contact.objects.get(external_id="3")
    assert (stored.name, stored.time_zone) == ("Stored", "Europe/Oslo")


def test_the_report_text_has_a_summary_and_a_line_per_problem(team, tmp_path):
    text = run(team, tmp_path).text().splitlines()
    assert text[0] == ("10 rows read: 2 imported (2 new, 0 updated), 8 skipped because of errors.")
    assert "Row 3, email: 'not-an-email' is not a valid e-mail address." in text
    assert len(text) == 9


def test_an_internationalised_email_django_accepts_is_imported(team, tmp_path):
    report = import_file(team.workspace, write_csv(tmp_path, "email\nanna@bücher.de\n"))
    assert report.errors == []
    assert Contact.objects.get().email == "anna@bücher.de"
