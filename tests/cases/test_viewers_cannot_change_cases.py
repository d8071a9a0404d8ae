"""Viewers see cases but cannot change them; analysts can; other workspaces' cases do not exist."""

from __future__ import annotations

import pytest

from opennps.cases.models import CaseActivity


@pytest.fixture
def case(answer, make_contact):
    return answer(3, contact=make_contact()).case


def _url(case, action: str = "") -> str:
    return f"/w/{case.workspace_id}/cases/{case.pk}/{action}"


def test_a_viewer_sees_the_case_without_controls(team, case):
    page = team.client_for(team.bob).get(_url(case))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Internal notes" in html
    assert 'action="' + _url(case, "reply") not in html
    assert 'name="note"' not in html
    inbox = team.client_for(team.bob).get(f"/w/{case.workspace_id}/cases/?view=all")
    assert inbox.status_code == 200 and 'name="case"' not in inbox.content.decode()


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("note", {"note": "I should not"}),
        ("status", {"status": "resolved"}),
        ("assign", {"assignee": ""}),
        ("reply", {"subject": "Hi", "body": "Hello"}),
    ],
)
def test_a_viewer_is_refused_every_change(team, case, action, data):
    response = team.client_for(team.bob).post(_url(case, action), data)
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "new" and case.assignee == team.alice
    assert not CaseActivity.objects.exclude(kind="opened").exists()


def test_a_viewer_cannot_bulk_assign(team, case):
    response = team.client_for(team.bob).post(
        f"/w/{case.workspace_id}/cases/assign", {"case": [case.pk], "assignee": team.dana.pk}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.assignee == team.alice


def test_an_analyst_adds_a_note_assigns_and_resolves(team, case):
    dana = team.client_for(team.dana)
    assert dana.post(_url(case, "note"), {"note": "Called, left a message"}).status_code == 302
    dana.post(_url(case, "assign"), {"assignee": team.dana.pk})
    dana.post(_url(case, "status"), {"status": "unreachable"})
    case.refresh_from_db()
    assert (case.status, case.assignee) == ("unreachable", team.dana)
    assert case.resolved_at is not None
    log = list(case.activities.values_list("kind", "actor__email"))
    assert ("note", team.dana.email) in log and ("assigned", team.dana.email) in log
    assert ("status", team.dana.email) in log
    assert "Called, left a message" in dana.get(_url(case)).content.decode()


def test_a_viewer_cannot_be_assigned_a_case(team, case):
    team.client_for(team.alice).post(_url(case, "assign"), {"assignee": team.bob.pk})
    case.refresh_from_db()
    assert case.assignee == team.alice


def test_a_case_of_another_workspace_is_not_found(team, case):
    charlie = team.client_for(team.charlie)
    assert charlie.get(_url(case)).status_code == 404
    assert charlie.post(_url(case, "note"), {"note": "hello"}).status_code == 404
    assert charlie.get(f"/w/{case.workspace_id}/cases/").status_code == 404
    own = charlie.get(f"/w/{team.other_workspace.pk}/cases/{case.pk}/")
    assert own.status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(team, case):
    from django.test import Client

    response = Client().get(_url(case))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
