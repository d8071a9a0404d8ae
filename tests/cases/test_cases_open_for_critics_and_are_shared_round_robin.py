"""Which answers open a case, who gets it, how urgent it is and when it is due."""

from __future__ import annotations

from datetime import timedelta

from opennps.accounts.models import Membership, Role, User
from opennps.cases.models import Case
from opennps.contacts.models import Account
from opennps.responses.actions import update_score


def test_detractors_are_shared_among_case_workers_in_turn(team, answer, make_contact):
    cases = [answer(score, contact=make_contact()).case for score in (0, 4, 6)]
    assert [case.assignee for case in cases] == [team.alice, team.dana, team.alice]


def test_a_new_member_joins_the_rotation_and_viewers_never_do(team, answer, make_contact):
    erin = User.objects.create_user("erin@example.com", name="Erin")
    Membership.objects.create(user=erin, workspace=team.workspace, role=Role.ADMIN)
    people = [answer(2, contact=make_contact()).case.assignee for _ in range(4)]
    assert people == [team.alice, team.dana, erin, team.alice]
    assert team.bob not in people


def test_the_account_owner_gets_the_case(team, answer, make_contact, shop):
    account = Account.objects.create(
        workspace=shop, name="Big Co", attributes={"owner": "Dana@Example.com", "revenue": 250000}
    )
    case = answer(1, contact=make_contact(account=account)).case
    assert case.assignee == team.dana
    assert case.priority == "urgent"


def test_priority_follows_account_value_then_segment(shop, answer, make_contact, case_settings):
    case_settings.priority_segments = {"plan=gold": "high"}
    case_settings.save()
    mid = Account.objects.create(workspace=shop, name="Mid", attributes={"revenue": "12,500"})
    assert answer(5, contact=make_contact(account=mid)).case.priority == "high"
    gold = make_contact(attributes={"plan": "gold"})
    assert answer(5, contact=gold).case.priority == "high"
    assert answer(5, contact=make_contact()).case.priority == "normal"


def test_passives_and_promoters_open_no_case_by_default(answer, make_contact):
    answer(7, contact=make_contact())
    answer(10, contact=make_contact())
    assert not Case.objects.exists()


def test_passives_open_cases_when_the_workspace_asks(answer, make_contact, case_settings):
    case_settings.open_for_passives = True
    case_settings.save()
    case = answer(8, contact=make_contact()).case
    assert (case.nps_class, case.priority) == ("passive", "low")


def test_the_due_date_follows_the_workspace_sla(answer, make_contact, case_settings):
    default = answer(3, contact=make_contact()).case
    assert default.due_at - default.opened_at == timedelta(hours=48)
    case_settings.sla_hours = 4
    case_settings.save()
    fast = answer(3, contact=make_contact()).case
    assert fast.due_at - fast.opened_at == timedelta(hours=4)


def test_a_score_revised_down_opens_one_case_and_only_one(answer, make_contact):
    response = answer(9, contact=make_contact())
    assert not Case.objects.exists()
    update_score(response, 2)
    update_score(response, 1)
    assert Case.objects.filter(response=response).count() == 1


def test_an_anonymous_enps_case_carries_no_identity(team, make_survey, answer, make_contact):
    people = make_survey(name="Team pulse", kind="employee")
    response = answer(2, contact=make_contact(), on=people, attributes={"department": "Ops"})
    case = response.case
    assert case.contact is None and response.contact is None
    page = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/cases/{case.pk}/")
    html = page.content.decode()
    assert "Anonymous answer" in html
    assert 'id="id_body"' not in html  # no reply form: there is nobody to write to
