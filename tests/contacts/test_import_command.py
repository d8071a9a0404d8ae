from __future__ import annotations

import datetime

import polars as pl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from opennps.contacts.models import Contact
from tests.contacts.helpers import write_csv


def run(*arguments: str, capsys) -> str:
    call_command("import", *arguments)
    return capsys.readouterr().out


def test_import_contacts_prints_the_report_and_succeeds_with_bad_rows(team, tmp_path, capsys):
    path = write_csv(tmp_path, "id,email,spend\n1,ann@example.com,5\n2,nope,6\n3,,x\n")
    out = run(
        "contacts",
        str(path),
        "--workspace",
        "Shop",
        "--attribute-type",
        "spend=number",
        capsys=capsys,
    )
    assert out.splitlines() == [
        "3 rows read: 1 imported (1 new, 0 updated), 2 skipped because of errors.",
        "Row 3, email: 'nope' is not a valid e-mail address.",
        "Row 4, spend: 'x' is not a number.",
    ]
    assert Contact.objects.get(workspace=team.workspace).attributes == {"spend": 5}


def test_map_and_id_column_options(team, tmp_path, capsys):
    path = write_csv(tmp_path, "ref,contact,tier\nR1,ann@example.com,gold\n")
    run(
        "contacts",
        str(path),
        "--workspace",
        "Shop",
        "--id-column",
        "ref",
        "--map",
        "contact=email",
        "--map",
        "tier=account.plan",
        capsys=capsys,
    )
    contact = Contact.objects.get(workspace=team.workspace)
    assert (contact.external_id, contact.email) == ("R1", "ann@example.com")
    assert contact.account is None


def test_xlsx_files_are_imported_with_dates_and_numbers(team, tmp_path, capsys):
    path = tmp_path / "contacts.xlsx"
    pl.DataFrame(
        {
            "id": [101, 102],
            "email": ["a@example.com", "b@example.com"],
            "since": [datetime.date(2025, 3, 4), None],
            "seats": [12.0, 3.5],
        }
    ).write_excel(path)
    out = run(
        "contacts",
        str(path),
        "--workspace",
        "Shop",
        "--attribute-type",
        "since=date",
        "--attribute-type",
        "seats=number",
        capsys=capsys,
    )
    assert out.startswith("2 rows read: 2 imported (2 new, 0 updated)")
    first = Contact.objects.get(external_id="101")
    assert first.attributes == {"since": "2025-03-04", "seats": 12}
    assert Contact.objects.get(external_id="102").attributes == {"seats": 3.5}


@pytest.mark.parametrize(
    "content",
    [None, "", "name,phone\nAnn,+1\n"],
    ids=["missing file", "empty file", "no identifier column"],
)
def test_a_file_that_cannot_be_read_exits_with_2(team, tmp_path, content):
    path = tmp_path / "contacts.csv"
    if content is not None:
        path.write_text(content)
    with pytest.raises(CommandError) as raised:
        call_command("import", "contacts", str(path), "--workspace", "Shop")
    assert raised.value.returncode == 2
    assert Contact.objects.count() == 0


def test_an_unknown_workspace_exits_with_2(team, tmp_path):
    path = write_csv(tmp_path, "email\na@example.com\n")
    with pytest.raises(CommandError, match="No workspace is called") as raised:
        call_command("import", "contacts", str(path), "--workspace", "Nope")
    assert raised.value.returncode == 2


def test_an_option_naming_a_column_the_file_lacks_exits_with_2(team, tmp_path):
    path = write_csv(tmp_path, "email\na@example.com\n")
    with pytest.raises(CommandError, match="no column 'ref'") as raised:
        call_command("import", "contacts", str(path), "--workspace", "Shop", "--id-column", "ref")
    assert raised.value.returncode == 2


def test_the_opennps_console_script_runs_the_import_command(team, tmp_path):
    # `opennps import …` reaches the Django command whose module is named import.py.
    from django.core.management import get_commands

    assert get_commands()["import"] == "opennps.contacts"
