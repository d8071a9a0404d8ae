from __future__ import annotations

from opennps.contacts.actions import upsert_contact
from opennps.contacts.consent import set_do_not_contact, unsubscribe
from opennps.contacts.models import Contact
from tests.contacts.helpers import import_file, write_csv


def test_a_row_updates_the_contact_with_its_external_id(team, tmp_path):
    upsert_contact(team.workspace, external_id="7", email="old@example.com", fields={"name": "Old"})
    path = write_csv(tmp_path, "id,email,name\n7,New@Example.com,New\n")
    report = import_file(team.workspace, path)
    assert (report.created, report.updated) == (0, 1)
    contact = Contact.objects.get(workspace=team.workspace)
    assert (contact.email, contact.name) == ("new@example.com", "New")


def test_a_row_without_external_id_updates_the_contact_with_its_email(team, tmp_path):
    upsert_contact(team.workspace, email="ann@example.com", fields={"phone": "+100"})
    path = write_csv(tmp_path, "email,name\nANN@example.com,Ann\n")
    report = import_file(team.workspace, path)
    assert report.updated == 1
    contact = Contact.objects.get(workspace=team.workspace)
    assert (contact.name, contact.phone) == ("Ann", "+100")


def test_an_email_match_gives_a_contact_without_id_the_rows_id(team, tmp_path):
    upsert_contact(team.workspace, email="ann@example.com")
    import_file(team.workspace, write_csv(tmp_path, "id,email\nA-1,ann@example.com\n"))
    assert Contact.objects.get(workspace=team.workspace).external_id == "A-1"


def test_an_email_of_a_contact_with_another_id_is_a_conflict_and_changes_nothing(team, tmp_path):
    upsert_contact(team.workspace, external_id="1", email="ann@example.com", fields={"name": "Ann"})
    report = import_file(
        team.workspace, write_csv(tmp_path, "id,email,name\n2,ann@example.com,X\n")
    )
    assert [(e.row, e.field) for e in report.errors] == [(2, "email")]
    assert "belongs to the contact with external_id '1'" in report.errors[0].message
    assert list(Contact.objects.values_list("external_id", "name")) == [("1", "Ann")]


def test_moving_to_an_email_another_contact_has_is_a_conflict(team, tmp_path):
    upsert_contact(team.workspace, external_id="1", email="ann@example.com")
    upsert_contact(team.workspace, external_id="2", email="bob@example.com")
    report = import_file(team.workspace, write_csv(tmp_path, "id,email\n1,bob@example.com\n"))
    assert [(e.row, e.field) for e in report.errors] == [(2, "email")]
    assert Contact.objects.get(external_id="1").email == "ann@example.com"


def test_empty_cells_and_other_attributes_keep_what_is_stored(team, tmp_path):
    contact, _ = upsert_contact(
        team.workspace,
        external_id="1",
        email="ann@example.com",
        fields={"name": "Ann", "phone": "+1", "attributes": {"plan": "gold", "city": "Oslo"}},
    )
    unsubscribe(contact, "email")
    set_do_not_contact(contact, True)
    import_file(team.workspace, write_csv(tmp_path, "id,email,name,phone,plan\n1,,,,silver\n"))
    contact.refresh_from_db()
    assert (contact.email, contact.name, contact.phone) == ("ann@example.com", "Ann", "+1")
    assert contact.attributes == {"plan": "silver", "city": "Oslo"}
    assert "email" in contact.unsubscribed and contact.do_not_contact


def test_contacts_of_another_workspace_are_never_matched(team, tmp_path):
    upsert_contact(team.other_workspace, external_id="1", email="ann@example.com")
    report = import_file(team.workspace, write_csv(tmp_path, "id,email\n1,ann@example.com\n"))
    assert report.created == 1
    assert Contact.objects.filter(external_id="1").count() == 2


def test_importing_the_same_file_twice_creates_no_duplicates(team, tmp_path):
    path = write_csv(tmp_path, "id,email\n1,a@example.com\n2,b@example.com\n")
    assert import_file(team.workspace, path).created == 2
    again = import_file(team.workspace, path)
    assert (again.created, again.updated) == (0, 2)
    assert Contact.objects.filter(workspace=team.workspace).count() == 2
