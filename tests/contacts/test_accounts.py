from __future__ import annotations

from opennps.contacts.models import Account, Contact
from tests.contacts.helpers import import_file, write_csv


def test_an_import_links_contacts_to_accounts_created_once(team, tmp_path):
    path = write_csv(
        tmp_path,
        "email,company,company id,revenue,owner\n"
        "a@acme.com,Acme,AC-1,1200000,Olga\n"
        "b@acme.com,Acme,AC-1,,\n"
        "c@globex.com,Globex,,,\n",
    )
    report = import_file(
        team.workspace,
        path,
        mapping={"revenue": "account.revenue", "owner": "account.owner"},
        types={"revenue": "number"},
    )
    assert report.errors == [] and report.accounts_created == 2
    acme = Account.objects.get(external_id="AC-1")
    assert (acme.name, acme.attributes) == ("Acme", {"revenue": 1200000, "owner": "Olga"})
    assert set(acme.contacts.values_list("email", flat=True)) == {"a@acme.com", "b@acme.com"}
    assert Contact.objects.get(email="c@globex.com").account.name == "Globex"


def test_a_second_import_updates_the_account_and_keeps_its_other_attributes(team, tmp_path):
    first = "email,company id,company,plan,owner\na@acme.com,AC-1,Acme,team,Olga\n"
    import_file(
        team.workspace,
        write_csv(tmp_path, first),
        mapping={"plan": "account.plan", "owner": "account.owner"},
    )
    second = "email,company id,plan\nz@acme.com,AC-1,enterprise\n"
    import_file(team.workspace, write_csv(tmp_path, second, "2.csv"), {"plan": "account.plan"})
    acme = Account.objects.get(workspace=team.workspace)
    assert acme.attributes == {"plan": "enterprise", "owner": "Olga"}
    assert acme.contacts.count() == 2


def test_accounts_of_another_workspace_are_not_reused(team, tmp_path):
    Account.objects.create(workspace=team.other_workspace, name="Acme", external_id="AC-1")
    import_file(team.workspace, write_csv(tmp_path, "email,company id\na@acme.com,AC-1\n"))
    contact = Contact.objects.get(email="a@acme.com")
    assert contact.account.workspace_id == team.workspace.pk


def test_a_file_without_account_columns_keeps_accounts_in_a_few_queries(
    team, tmp_path, django_assert_max_num_queries
):
    rows = "".join(f"p{i}@acme.com,Acme\n" for i in range(50))
    import_file(team.workspace, write_csv(tmp_path, "email,company\n" + rows))
    names = "".join(f"p{i}@acme.com,Person {i}\n" for i in range(50))
    with django_assert_max_num_queries(12):
        report = import_file(team.workspace, write_csv(tmp_path, "email,name\n" + names, "2.csv"))
    assert report.updated == 50
    assert Contact.objects.filter(account__name="Acme", name__startswith="Person").count() == 50
