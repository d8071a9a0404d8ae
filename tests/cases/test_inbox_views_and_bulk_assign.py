"""The inbox's views (mine, overdue, unassigned, all by status) and bulk assignment."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.cases.models import Case


def _ids(page) -> set[int]:
    return {case.pk for case in page.context["page"].object_list}


def test_a_case_past_its_sla_and_not_contacted_is_overdue(team, answer, make_contact):
    late, contacted, fresh = (answer(2, contact=make_contact()).case for _ in range(3))
    Case.objects.filter(pk__in=[late.pk, contacted.pk]).update(
        due_at=timezone.now() - timedelta(hours=1)
    )
    Case.objects.filter(pk=contacted.pk).update(
        first_contacted_at=timezone.now() - timedelta(hours=2), status="contacted"
    )
    alice = team.client_for(team.alice)
    page = alice.get(f"/w/{team.workspace.pk}/cases/?view=overdue")
    assert _ids(page) == {late.pk}
    assert "Overdue" in page.content.decode()
    assert fresh.pk not in _ids(page)


def test_my_cases_unassigned_and_status_filter(team, answer, make_contact):
    mine, danas, nobodys = (answer(2, contact=make_contact()).case for _ in range(3))
    Case.objects.filter(pk=nobodys.pk).update(assignee=None)
    Case.objects.filter(pk=mine.pk).update(status="resolved")
    alice = team.client_for(team.alice)
    base = f"/w/{team.workspace.pk}/cases/"
    assert _ids(alice.get(base)) == set()  # mine lists open cases; alice's only one is resolved
    assert _ids(alice.get(base + "?view=mine&status=resolved")) == {mine.pk}
    assert _ids(team.client_for(team.dana).get(base)) == {danas.pk}
    assert _ids(alice.get(base + "?view=unassigned")) == {nobodys.pk}
    assert _ids(alice.get(base + "?view=all")) == {mine.pk, danas.pk, nobodys.pk}
    assert _ids(alice.get(base + "?view=all&status=new")) == {danas.pk, nobodys.pk}


def test_bulk_assign_hands_the_ticked_cases_to_one_member(team, answer, make_contact):
    cases = [answer(2, contact=make_contact()).case for _ in range(3)]
    response = team.client_for(team.dana).post(
        f"/w/{team.workspace.pk}/cases/assign",
        {"case": [cases[0].pk, cases[2].pk], "assignee": team.dana.pk},
    )
    assert response.status_code == 302
    assignees = dict(Case.objects.values_list("pk", "assignee_id"))
    assert assignees == {
        cases[0].pk: team.dana.pk,
        cases[1].pk: team.dana.pk,
        cases[2].pk: team.dana.pk,
    }
    assert cases[0].activities.filter(kind="assigned").get().actor == team.dana


def test_bulk_assign_ignores_cases_of_other_workspaces(team, answer, make_contact):
    case = answer(2, contact=make_contact()).case
    team.client_for(team.charlie).post(
        f"/w/{team.other_workspace.pk}/cases/assign",
        {"case": [case.pk], "assignee": team.charlie.pk},
    )
    case.refresh_from_db()
    assert case.assignee == team.alice
