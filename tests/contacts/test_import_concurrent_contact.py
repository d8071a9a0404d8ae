from __future__ import annotations

from opennps.contacts import import_writing
from opennps.contacts.models import Contact
from tests.contacts.helpers import import_file, write_csv


def test_a_contact_created_by_the_api_during_an_import_is_matched_not_duplicated(
    team, tmp_path, monkeypatch
):
    # The API creates b@example.com after the import has read the workspace's contacts: the
    # batch hits the unique e-mail constraint, rolls back and is replayed row by row.
    loaded = []

    class RacingIndex(import_writing._Index):
        def __init__(self, workspace):
            super().__init__(workspace)
            if not loaded:
                loaded.append(True)
                Contact.objects.create(workspace=workspace, email="b@example.com", name="API")

    monkeypatch.setattr(import_writing, "_Index", RacingIndex)
    path = write_csv(tmp_path, "email,plan\na@example.com,x\nb@example.com,y\nc@example.com,z\n")
    report = import_file(team.workspace, path)
    assert report.errors == []
    assert (report.created, report.updated) == (2, 1)
    api = Contact.objects.get(email="b@example.com")
    assert (api.name, api.attributes) == ("API", {"plan": "y"})
    assert Contact.objects.filter(workspace=team.workspace).count() == 3
