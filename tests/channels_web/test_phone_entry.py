"""Call-centre staff record interviews: channel phone, the interviewer, the contact's ledger."""

from __future__ import annotations

from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation
from opennps.responses.models import Response


def interview(team, user, **fields):
    return team.client_for(user).post(f"/w/{team.workspace.pk}/phone/", fields)


def test_an_interview_with_a_found_contact_records_channel_and_interviewer(team, survey):
    contact = Contact.objects.create(
        workspace=team.workspace, email="eve@client.example", phone="+44 20 7946 0000"
    )
    page = interview(
        team, team.dana, survey=survey.pk, contact=contact.pk, score="7", comment="Fine"
    )
    assert page.status_code == 302
    response = Response.objects.get()
    assert (response.channel, response.score, response.comment) == ("phone", 7, "Fine")
    assert response.interviewer == team.dana
    assert response.contact == contact
    assert Invitation.objects.get().asked_at is not None  # the ledger knows they were asked


def test_an_interview_creates_a_contact_typed_in_by_phone(team, survey):
    interview(team, team.alice, survey=survey.pk, phone="+7 495 123-45-67", name="Ivan", score="10")
    response = Response.objects.get()
    assert response.contact.phone == "+7 495 123-45-67"
    assert response.contact.name == "Ivan"
    assert response.interviewer == team.alice


def test_an_interview_without_any_contact_details_is_refused(team, survey):
    page = interview(team, team.alice, survey=survey.pk, score="5")
    assert page.status_code == 400
    assert not Response.objects.exists()


def test_the_search_finds_contacts_by_email_phone_and_external_id(team, survey):
    Contact.objects.create(
        workspace=team.workspace,
        email="eve@client.example",
        phone="+44 20 7946 0000",
        external_id="C-17",
    )
    Contact.objects.create(workspace=team.other_workspace, email="eve@other.example")
    client = team.client_for(team.dana)
    for query in ("eve@", "7946", "C-17"):
        page = client.get(f"/w/{team.workspace.pk}/phone/", {"q": query}).content.decode()
        assert "eve@client.example" in page
        assert "eve@other.example" not in page


def test_viewers_and_other_workspaces_cannot_record_interviews(team, survey):
    assert interview(team, team.bob, survey=survey.pk, phone="1", score="5").status_code == 404
    assert interview(team, team.charlie, survey=survey.pk, phone="1", score="5").status_code == 404
    assert not Response.objects.exists()


def test_a_contact_of_another_workspace_cannot_be_chosen(team, survey):
    foreign = Contact.objects.create(workspace=team.other_workspace, email="x@other.example")
    page = interview(team, team.alice, survey=survey.pk, contact=foreign.pk, score="5")
    assert page.status_code == 400
    assert not Response.objects.exists()


def test_the_page_lists_the_interviewers_own_latest_interviews(team, survey):
    interview(team, team.dana, survey=survey.pk, phone="+44 1", name="Ann", score="8")
    page = team.client_for(team.dana).get(f"/w/{team.workspace.pk}/phone/").content.decode()
    assert "Your latest interviews" in page and "Ann" in page
    other = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/phone/").content.decode()
    assert "Your latest interviews" not in other
