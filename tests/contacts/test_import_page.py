from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from opennps.contacts.models import Contact

CSV = b"Customer ID,E-mail,Plan,Spend\nC1,ann@example.com,gold,10\nC2,broken,silver,x\n"


def url(workspace_id: int, rest: str = "") -> str:
    return f"/w/{workspace_id}/contacts/import/{rest}"


def upload(client, workspace_id: int, content: bytes = CSV, name: str = "list.csv"):
    return client.post(url(workspace_id), {"file": SimpleUploadedFile(name, content)})


def test_upload_then_mapping_then_report(team):
    client = team.client_for(team.alice)
    assert client.get(url(team.workspace.pk)).status_code == 200
    response = upload(client, team.workspace.pk)
    assert response.status_code == 302
    mapping_page = client.get(response.url)
    content = mapping_page.content.decode()
    # The suggestion: Customer ID -> external_id, E-mail -> email, the rest attributes.
    assert 'name="target_0" value="external_id"' in content
    assert 'name="target_1" value="email"' in content
    assert 'name="target_2" value="plan"' in content
    report = client.post(
        response.url,
        {
            "target_0": "external_id",
            "type_0": "text",
            "target_1": "email",
            "type_1": "text",
            "target_2": "plan",
            "type_2": "text",
            "target_3": "spend",
            "type_3": "number",
        },
    )
    assert report.status_code == 200
    text = report.content.decode()
    assert "2 rows read: 1 imported (1 new, 0 updated), 1 skipped because of errors." in text
    assert "&#x27;broken&#x27; is not a valid e-mail address." in text
    assert "&#x27;x&#x27; is not a number." in text
    contact = Contact.objects.get(workspace=team.workspace)
    assert contact.attributes == {"plan": "gold", "spend": 10}
    # The uploaded file is gone once imported.
    assert client.get(response.url).status_code == 404


def test_an_analyst_may_import_too(team):
    assert upload(team.client_for(team.dana), team.workspace.pk).status_code == 302


def test_a_viewer_and_an_outsider_get_404(team):
    for user in (team.bob, team.charlie):
        client = team.client_for(user)
        assert client.get(url(team.workspace.pk)).status_code == 404
        assert upload(client, team.workspace.pk).status_code == 404
    assert Contact.objects.count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(team):
    response = team.client_for(None).get(url(team.workspace.pk))
    assert response.status_code == 302 and "login" in response.url


def test_an_uploaded_file_is_not_reachable_from_another_workspace(team):
    response = upload(team.client_for(team.alice), team.workspace.pk)
    token = response.url.rstrip("/").rsplit("/", 1)[1]
    charlie = team.client_for(team.charlie)
    assert charlie.get(url(team.other_workspace.pk, token + "/")).status_code == 404


def test_a_file_of_another_kind_or_unreadable_is_refused_with_a_message(team):
    client = team.client_for(team.alice)
    wrong = upload(client, team.workspace.pk, b"hello", name="notes.txt")
    assert wrong.status_code == 400
    assert "must be a .csv or .xlsx file" in wrong.content.decode()
    empty = upload(client, team.workspace.pk, b"", name="empty.csv")
    assert empty.status_code == 400


def test_a_mapping_without_identifier_is_refused_and_nothing_is_imported(team):
    client = team.client_for(team.alice)
    response = upload(client, team.workspace.pk)
    page = client.post(response.url, {"target_0": "-", "target_1": "-"})
    assert page.status_code == 400
    assert "No column identifies the contacts" in page.content.decode()
    assert Contact.objects.count() == 0


def test_files_over_the_page_limit_point_to_the_command_line(team, monkeypatch):
    from opennps.contacts import views_import

    monkeypatch.setattr(views_import, "PAGE_ROW_LIMIT", 1)
    client = team.client_for(team.alice)
    response = upload(client, team.workspace.pk)
    page = client.post(response.url, {"target_0": "external_id", "target_1": "email"})
    assert page.status_code == 400
    assert "opennps import contacts FILE" in page.content.decode()
    assert Contact.objects.count() == 0
