"""The alert action "e-mail the contact's account owner": the member named in the account's owner
attribute (the same rule that assigns cases) is told, from the page's checkbox or the API's
`actions.email.account_owner: true`."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.alerts.actions import RuleSpec, create_rule
from opennps.alerts.models import AlertRule
from opennps.contacts.models import Account, Contact
from tests.alerts.conftest import make_survey, run_worker


@pytest.fixture
def dana_owns_the_account(team):
    account = Account.objects.create(
        workspace=team.workspace,
        name="Globex Ltd",
        attributes={"account_owner": "Dana@example.com"},
    )
    return Contact.objects.create(
        workspace=team.workspace, email="olga@example.com", name="Olga", account=account
    )


def owner_rule(team, **fields):
    spec = RuleSpec(name="Critics", conditions={"class": ["detractor"]}, email_account_owner=True)
    for name, value in fields.items():
        setattr(spec, name, value)
    return create_rule(team.workspace, team.alice, spec)


def test_the_account_owner_is_emailed_about_their_customers_answer(
    team, survey, answer, dana_owns_the_account, smtp_server
):
    owner_rule(team)
    answer(survey, 2, "Too slow", contact=dana_owns_the_account)

    run_worker()

    (mail,) = smtp_server.inbox.wait_for(1)
    assert mail["To"] == "dana@example.com"
    assert "Too slow" in mail.get_content()


def test_the_owner_named_also_as_a_recipient_gets_one_mail(
    team, survey, answer, dana_owns_the_account, smtp_server
):
    owner_rule(team, recipients=[team.dana, team.alice])
    answer(survey, 2, contact=dana_owns_the_account)

    run_worker()

    mails = smtp_server.inbox.wait_for(2)
    assert sorted(mail["To"] for mail in mails) == ["alice@example.com", "dana@example.com"]


def test_nobody_is_emailed_when_the_account_names_no_member(
    team, survey, answer, smtp_server, dana_owns_the_account
):
    account = dana_owns_the_account.account
    account.attributes = {"owner": "stranger@elsewhere.example"}
    account.save()
    owner_rule(team)
    answer(survey, 2, contact=dana_owns_the_account)
    answer(survey, 1)  # no contact at all

    run_worker()

    assert smtp_server.inbox.messages == []


def test_an_anonymous_answer_never_reaches_the_account_owner(
    team, answer, dana_owns_the_account, smtp_server
):
    staff = make_survey(team.workspace, name="Pulse", kind="employee")
    owner_rule(team)
    answer(staff, 2, contact=dana_owns_the_account)

    run_worker()

    assert smtp_server.inbox.messages == []


def test_the_api_and_the_form_set_the_account_owner_action(team, survey):
    _key, secret = create_api_key(team.workspace, ("admin",))
    body = {
        "name": "Critics to their owner",
        "conditions": {"class": "detractor"},
        "actions": {"email": {"account_owner": True}},
    }
    created = Client().post(
        "/api/v1/alert-rules",
        json.dumps(body),
        content_type="application/json",
        HTTP_X_API_KEY=secret,
    )
    assert created.status_code == 201, created.content
    assert created.json()["actions"]["email"] == {"to": [], "account_owner": True}
    assert AlertRule.objects.get(pk=created.json()["id"]).email_account_owner

    nothing = Client().post(
        "/api/v1/alert-rules",
        json.dumps(body | {"actions": {"email": {"account_owner": False}}}),
        content_type="application/json",
        HTTP_X_API_KEY=secret,
    )
    assert nothing.status_code == 422

    page = team.client_for(team.alice)
    new_rule = f"/w/{team.workspace.pk}/alerts/new/"
    form = page.get(new_rule)
    assert "account owner" in form.content.decode()
    saved = page.post(
        new_rule, {"name": "From the form", "mode": "immediate", "email_account_owner": "on"}
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert AlertRule.objects.get(name="From the form").email_account_owner
