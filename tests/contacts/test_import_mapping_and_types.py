from __future__ import annotations

import pytest

from opennps.contacts.importing import ImportFileError, build_spec, suggest_mapping
from opennps.contacts.models import Contact
from tests.contacts.helpers import import_file, write_csv


def test_column_names_suggest_fields_and_the_rest_become_attributes():
    mapping = suggest_mapping(["Customer ID", "E-mail", "Full name", "TimeZone", "Lang", "Plan"])
    assert mapping == {
        "Customer ID": "external_id",
        "E-mail": "email",
        "Full name": "name",
        "TimeZone": "time_zone",
        "Lang": "language",
        "Plan": "plan",
    }


def test_an_explicit_mapping_overrides_the_suggestion_and_dash_skips_a_column(team, tmp_path):
    path = write_csv(tmp_path, "ref,mail address,secret,tier\nA1,ann@example.com,x,gold\n")
    report = import_file(
        team.workspace, path, mapping={"ref": "external_id", "secret": "-", "tier": "plan"}
    )
    assert report.created == 1
    contact = Contact.objects.get(workspace=team.workspace)
    assert (contact.external_id, contact.email) == ("A1", "ann@example.com")
    assert contact.attributes == {"plan": "gold"}


def test_id_column_names_the_external_id(team, tmp_path):
    path = write_csv(tmp_path, "id,number,email\nwrong,N-7,ann@example.com\n")
    import_file(team.workspace, path, id_column="number")
    assert Contact.objects.get().external_id == "N-7"


def test_typed_attributes_are_parsed_numbers_and_iso_dates(team, tmp_path):
    path = write_csv(
        tmp_path,
        'id,spend,seats,since,note\n1,12.5,3,2025-02-01,a\n2,"1,5",10,03.04.2025,b\n',
    )
    report = import_file(
        team.workspace,
        path,
        types={"spend": "number", "seats": "number", "since": "date", "note": "text"},
    )
    assert report.errors == []
    first, second = Contact.objects.order_by("external_id")
    assert first.attributes == {"spend": 12.5, "seats": 3, "since": "2025-02-01", "note": "a"}
    assert second.attributes == {"spend": 1.5, "seats": 10, "since": "2025-04-03", "note": "b"}


def test_a_file_without_an_identifier_column_cannot_be_imported():
    with pytest.raises(ImportFileError, match="external_id or email"):
        build_spec(["name", "phone"])


def test_two_columns_for_one_field_are_refused():
    with pytest.raises(ImportFileError, match="Two columns"):
        build_spec(["email", "mail"], {"mail": "email"})


def test_an_unknown_attribute_type_is_refused():
    with pytest.raises(ImportFileError, match="Unknown type"):
        build_spec(["email", "spend"], types={"spend": "money"})


def test_semicolon_and_tab_separated_files_are_recognised(team, tmp_path):
    semicolons = write_csv(tmp_path, "id;email;spend\n1;a@example.com;1,5\n", "semi.csv")
    tabs = write_csv(tmp_path, "id\temail\n2\tb@example.com\n", "tabs.csv")
    assert import_file(team.workspace, semicolons, types={"spend": "number"}).created == 1
    assert import_file(team.workspace, tabs).created == 1
    assert Contact.objects.get(external_id="1").attributes == {"spend": 1.5}
    assert Contact.objects.get(external_id="2").email == "b@example.com"
