"""The alert pages: analysts and owners manage rules and webhooks; viewers and other workspaces get
404; the delivery log's re-send button queues a new delivery."""

from __future__ import annotations

import pytest

from opennps.alerts.actions import RuleSpec, create_endpoint, create_rule
from opennps.alerts.models import AlertRule, WebhookDelivery, WebhookEndpoint
from opennps.alerts.webhooks import queue_delivery
from tests.alerts.conftest import SECRET


@pytest.fixture
def rule(team, survey):
    return create_rule(
        team.workspace,
        team.alice,
        RuleSpec(name="Detractors", conditions={"class": ["detractor"]}, recipients=[team.alice]),
    )


def url(team, path: str = "") -> str:
    return f"/w/{team.workspace.pk}/alerts/{path}"


def test_an_analyst_creates_a_rule_from_the_form(team, survey):
    client = team.client_for(team.dana)
    assert client.get(url(team, "new/")).status_code == 200

    answer = client.post(
        url(team, "new/"),
        {
            "name": "Angry about invoices",
            "enabled": "on",
            "mode": "immediate",
            "classes": ["detractor", "passive"],
            "score_max": "8",
            "surveys": [survey.pk],
            "attributes": "plan=enterprise",
            "words": "invoice, billing",
            "recipients": [team.dana.pk],
            "webhook_url": "https://crm.example.com/hook",
            "webhook_secret": SECRET,
        },
    )

    assert answer.status_code == 302
    rule = AlertRule.objects.get(name="Angry about invoices")
    assert rule.conditions == {
        "class": ["detractor", "passive"],
        "score_max": 8,
        "survey": [survey.pk],
        "attributes": {"plan": "enterprise"},
        "words": ["invoice", "billing"],
    }
    assert list(rule.email_recipients.all()) == [team.dana]
    assert rule.webhook_secret == SECRET
    assert b"Angry about invoices" in client.get(url(team)).content


def test_a_form_error_is_shown_on_its_field(team, survey):
    answer = team.client_for(team.alice).post(
        url(team, "new/"),
        {"name": "No actions", "mode": "immediate", "classes": ["detractor"]},
    )
    assert answer.status_code == 400
    assert "Choose at least one action" in answer.content.decode()
    assert not AlertRule.objects.exists()


def test_editing_keeps_the_secret_when_left_empty(team, rule):
    rule.webhook_url, rule.webhook_secret = "https://crm.example.com/hook", SECRET
    rule.save()
    answer = team.client_for(team.alice).post(
        url(team, f"{rule.pk}/"),
        {
            "name": "Renamed",
            "enabled": "on",
            "mode": "digest",
            "recipients": [team.alice.pk],
            "webhook_url": "https://crm.example.com/hook",
            "webhook_secret": "",
        },
    )
    assert answer.status_code == 302
    rule.refresh_from_db()
    assert (rule.name, rule.mode, rule.webhook_secret) == ("Renamed", "digest", SECRET)
    assert SECRET not in team.client_for(team.alice).get(url(team, f"{rule.pk}/")).content.decode()


def test_a_viewer_cannot_see_or_change_rules(team, rule):
    client = team.client_for(team.bob)
    assert client.get(url(team)).status_code == 404
    assert client.get(url(team, f"{rule.pk}/")).status_code == 404
    assert client.post(url(team, f"{rule.pk}/delete/")).status_code == 404
    assert client.get(url(team, "webhooks/")).status_code == 404
    assert AlertRule.objects.filter(pk=rule.pk).exists()


def test_another_workspaces_owner_gets_404_for_shops_rules(team, rule):
    client = team.client_for(team.charlie)
    assert client.get(url(team)).status_code == 404
    assert client.get(url(team, f"{rule.pk}/")).status_code == 404
    assert client.post(url(team, f"{rule.pk}/delete/")).status_code == 404
    # Nor through charlie's own workspace's address.
    assert client.get(f"/w/{team.other_workspace.pk}/alerts/{rule.pk}/").status_code == 404


def test_signed_out_people_are_sent_to_sign_in(team):
    assert team.client_for(None).get(url(team)).status_code == 302


def test_an_owner_deletes_a_rule(team, rule):
    answer = team.client_for(team.alice).post(url(team, f"{rule.pk}/delete/"))
    assert answer.status_code == 302
    assert not AlertRule.objects.exists()


def test_webhook_endpoints_are_added_and_listed_with_their_log(team, survey):
    client = team.client_for(team.alice)
    answer = client.post(
        url(team, "webhooks/new/"),
        {
            "url": "https://crm.example.com/sync",
            "secret": SECRET,
            "events": ["response.created", "response.deleted"],
            "enabled": "on",
        },
    )
    assert answer.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["response.created", "response.deleted"]
    queue_delivery(team.workspace, endpoint.url, "response.created", {"a": 1}, endpoint=endpoint)

    page = client.get(url(team, "webhooks/")).content.decode()

    assert "https://crm.example.com/sync" in page
    assert "Re-send" in page


def test_a_non_http_endpoint_url_is_refused_on_the_page(team):
    answer = team.client_for(team.alice).post(
        url(team, "webhooks/new/"),
        {"url": "ftp://crm.example.com/sync", "secret": SECRET, "events": ["response.created"]},
    )
    assert answer.status_code == 400
    assert not WebhookEndpoint.objects.exists()


def test_the_resend_button_queues_a_new_delivery(team):
    endpoint = create_endpoint(
        team.workspace,
        url="https://crm.example.com/sync",
        secret=SECRET,
        events=["response.created"],
    )
    original = queue_delivery(
        team.workspace, endpoint.url, "response.created", {"a": 1}, endpoint=endpoint
    )

    answer = team.client_for(team.dana).post(url(team, f"deliveries/{original.pk}/resend/"))

    assert answer.status_code == 302
    copy = WebhookDelivery.objects.exclude(pk=original.pk).get()
    assert (copy.body, copy.url, copy.resent_from) == (original.body, original.url, original)


def test_another_workspace_cannot_resend_shops_deliveries(team):
    original = queue_delivery(team.workspace, "https://crm.example.com", "response.created", {})
    answer = team.client_for(team.charlie).post(
        f"/w/{team.other_workspace.pk}/alerts/deliveries/{original.pk}/resend/"
    )
    assert answer.status_code == 404
    assert WebhookDelivery.objects.count() == 1
